import Foundation
import RenjaModel

/// Each table file's parsed form with the bytes it was parsed from and the diagnostics it gave,
/// kept between loads by a long-running caller (`renja serve`, through `LoadMemo`). A save changes
/// one file; the others are compared byte for byte and reused. Safe to share between threads.
public final class TableMemo: @unchecked Sendable {
    package struct ParsedTable {
        package var bytes: Data
        package var table: Table?
        package var diagnostics: [Diagnostic]

        package init(bytes: Data, table: Table?, diagnostics: [Diagnostic]) {
            self.bytes = bytes
            self.table = table
            self.diagnostics = diagnostics
        }
    }

    private let lock = NSLock()
    private var tables: [String: ParsedTable] = [:]

    public init() {}

    /// The table parsed from exactly these bytes at this path, if it was parsed before.
    package func table(at path: String, bytes: Data) -> ParsedTable? {
        lock.lock()
        defer { lock.unlock() }
        guard let known = tables[path], known.bytes == bytes else { return nil }
        return known
    }

    package func remember(_ parsed: ParsedTable, at path: String) {
        lock.lock()
        tables[path] = parsed
        lock.unlock()
    }
}
