import Foundation

/// The template set with the bytes of its files, kept between loads by a long-running caller
/// (`renja serve`, through `LoadMemo`): reused when every file's bytes are unchanged. Safe to
/// share between threads.
public final class TemplateMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var templateSet: (key: String, files: [Data], set: TemplateSet)?

    public init() {}

    package func templates(key: String, files: [Data]) -> TemplateSet? {
        lock.lock()
        defer { lock.unlock() }
        guard let known = templateSet, known.key == key, known.files == files else { return nil }
        return known.set
    }

    package func remember(_ set: TemplateSet, key: String, files: [Data]) {
        lock.lock()
        templateSet = (key, files, set)
        lock.unlock()
    }
}
