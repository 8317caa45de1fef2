import XCTest
@testable import RenjaKit

/// Every malformed input under `Fixtures/bad-input/` gets the diagnostic recorded in its
/// `expected.txt`, in Indonesian with `path:line:column`, exit code 2, no crash, and the previously
/// built `Public/` left byte for byte as it was.
///
/// A case folder holds `files/` (files laid over a small valid site: `Content/…`, `Templates/…`),
/// an optional `remove.txt` (paths to delete) and `expected.txt`: everything `renja build` prints on
/// standard error for it — each diagnostic whole (place, message, the quoted source line with its
/// caret, figures, notes) and the closing line. Recorded, not written by hand: after a deliberate
/// change of wording, `RENJA_TULIS_REFERENSI=1 swift test --filter BadInputTests` records them
/// again, and the diff shows what staff will read differently.
final class BadInputTests: XCTestCase {
    static var casesFolder: URL { RepoPaths.fixtures.appendingPathComponent("bad-input") }

    func testCorpusHasAtLeastFortyCases() throws {
        XCTAssertGreaterThanOrEqual(try cases().count, 40)
    }

    func testEveryBadInputGetsItsDiagnosticAndLeavesPublicUntouched() throws {
        for name in try cases() {
            try check(name)
        }
    }

    func cases() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: BadInputTests.casesFolder.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    func check(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let caseDir = BadInputTests.casesFolder.appendingPathComponent(name)
        let fm = FileManager.default
        // The "previously published" site that must survive: built once (with its search index and
        // PDF where those tools are installed, seconds of work) and copied for every case.
        let work = RepoPaths.temporaryFolder("bad-input-\(name)")
        try? fm.removeItem(at: work)
        try fm.copyItem(at: try BadInputTests.builtBaseSite(), to: work)
        let before = Self.snapshot(work.appendingPathComponent("Public"))
        XCTAssertFalse(before.isEmpty)

        let overlay = caseDir.appendingPathComponent("files")
        if fm.fileExists(atPath: overlay.path) {
            for rel in LinkChecker.allFiles(in: overlay) {
                let target = work.appendingPathComponent(rel)
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try? fm.removeItem(at: target)
                try fm.copyItem(at: overlay.appendingPathComponent(rel), to: target)
            }
        }
        if let removals = try? String(contentsOf: caseDir.appendingPathComponent("remove.txt"), encoding: .utf8) {
            for rel in removals.split(separator: "\n") { try fm.removeItem(at: work.appendingPathComponent(String(rel))) }
        }

        let expectedFile = caseDir.appendingPathComponent("expected.txt")
        let run = try CLI.run(["build"], in: work)
        if ProcessInfo.processInfo.environment["RENJA_TULIS_REFERENSI"] == "1" {
            try run.stderr.write(to: expectedFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
        XCTAssertEqual(run.status, 2, "\(name): exit code; stderr:\n\(run.stderr)", file: file, line: line)
        XCTAssertEqual(run.stderr, expected, "\(name): the whole diagnostic differs from expected.txt", file: file, line: line)
        XCTAssertTrue(run.stderr.contains(":"), "\(name): a place is named", file: file, line: line)
        XCTAssertTrue(run.stderr.contains("Folder Public/ tidak diubah"), "\(name): \(run.stderr)", file: file, line: line)
        XCTAssertFalse(run.stderr.contains("Fatal error"), name, file: file, line: line)
        XCTAssertEqual(Self.snapshot(work.appendingPathComponent("Public")), before, "\(name): Public/ changed", file: file, line: line)
    }

    /// The base site with `Public/` built by `renja build`, made once per test run.
    static func builtBaseSite() throws -> URL {
        try baseSiteLock.withLock {
            if let built = baseSite { return built }
            let site = try prepareBaseSite()
            let first = try CLI.run(["build"], in: site)
            guard first.status == 0 else {
                throw NSError(domain: "BadInputTests", code: 1, userInfo: [NSLocalizedDescriptionKey: "the base site must build: \(first.stderr)"])
            }
            baseSite = site
            return site
        }
    }
    nonisolated(unsafe) private static var baseSite: URL?
    private static let baseSiteLock = NSLock()

    /// A valid site (the TempSite defaults) with a copy of the real templates, in a fresh folder.
    static func prepareBaseSite() throws -> URL {
        let site = TempSite()
        try FileManager.default.copyItem(at: RepoPaths.templates, to: site.root.appendingPathComponent("Templates"))
        return site.root
    }

    static func snapshot(_ dir: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        for f in LinkChecker.allFiles(in: dir) { out[f] = FileManager.default.contents(atPath: dir.appendingPathComponent(f).path) }
        return out
    }
}
