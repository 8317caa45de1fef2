import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaLoad
@testable import RenjaImport

/// Fixtures and shortcuts shared by the import tests.
enum ImportFixtures {
    static var folder: URL { RepoPaths.fixtures.appendingPathComponent("import") }

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    /// Parses a fixture; fails the test with the diagnostics when it does not import.
    static func parse(_ name: String, _ kind: TableKind, file: StaticString = #filePath, line: UInt = #line) throws -> ParsedTable {
        let (parsed, diagnostics) = TableImporter.parse(try data(name), kind: kind, path: name)
        guard let parsed else {
            XCTFail(diagnostics.map(DiagnosticPrinter.short).joined(separator: "\n"), file: file, line: line)
            throw XCTSkip("fixture did not import")
        }
        return parsed
    }

    /// Parses text given inline; returns the diagnostics either way.
    static func parse(text: String, _ kind: TableKind, path: String = "uji.tsv") -> (ParsedTable?, [Diagnostic]) {
        TableImporter.parse(Data(text.utf8), kind: kind, path: path)
    }

    static func realDocument() throws -> Document {
        try XCTUnwrap(RepoPaths.loadRealSite().documents.first)
    }

    /// The hand-kept table restricted to some programs (by `no`/`kode`).
    static func contentRows(_ kind: TableKind, programs keys: [String]? = nil) throws -> TableRows {
        let doc = try realDocument()
        var table = try XCTUnwrap(kind == .evaluasi ? doc.evaluation : doc.plan)
        if let keys {
            table.programs = table.programs.filter { keys.contains(((kind == .evaluasi ? $0.number : $0.code)?.value) ?? "") }
        }
        return TableRows(table)
    }

    /// A copy of the real content folder in a temporary folder.
    static func contentCopy(_ name: String = #function) throws -> URL {
        let root = RepoPaths.temporaryFolder(name)
        let copy = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: RepoPaths.content, to: copy)
        return copy
    }

    static func request(_ kind: TableKind, input: URL, content: URL, output: URL? = nil, document: String? = nil) -> ImportRequest {
        ImportRequest(kind: kind, input: input, inputDisplay: input.lastPathComponent, content: content, contentDisplay: "Content",
                      document: document, output: output, outputDisplay: output.map { $0.lastPathComponent })
    }
}

/// Field-by-field comparison with a readable failure: the first differing row, not two 300-row dumps.
func assertSameRows(_ a: TableRows, _ b: TableRows, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.rows.count, b.rows.count, "row count", file: file, line: line)
    for (x, y) in zip(a.rows, b.rows) where x != y {
        XCTFail("first differing row:\n  \(x)\n  \(y)", file: file, line: line)
        return
    }
    XCTAssertTrue(a.rows == b.rows, file: file, line: line)
}
