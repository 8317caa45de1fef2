import Foundation
import XCTest
@testable import RenjaKit

/// The command contract staff and scripts rely on — exit codes, what goes to standard output and
/// to standard error, in Indonesian — recorded for `build`, `check`, `import` and the usage errors
/// (mdBook-style snapshots in `Fixtures/cli/`). Each case runs the real `renja` on a small site
/// with a known finding, without Pagefind and WeasyPrint so the notes are the same on every
/// machine; the time a build took is the only thing masked. After a deliberate change,
/// `RENJA_TULIS_REFERENSI=1 swift test --filter CommandContractTests` records them again.
final class CommandContractTests: XCTestCase {
    static var folder: URL { RepoPaths.fixtures.appendingPathComponent("cli") }

    /// A site whose sub kegiatan realisasi exceeds its pagu (a galat) and a Tabel 1 to import.
    func site() throws -> URL {
        let site = TempSite(files: ["Content/uji/tabel/evaluasi.yaml": TempSite.evaluation.replacingOccurrences(
            of: "            realisasi: 1.500.000", with: "            realisasi: 1.600.000")])
        try FileManager.default.copyItem(at: RepoPaths.templates, to: site.root.appendingPathComponent("Templates"))
        try FileManager.default.copyItem(at: RepoPaths.fixtures.appendingPathComponent("import/evaluasi-halaman.tsv"),
                                         to: site.root.appendingPathComponent("tabel1.tsv"))
        try FileManager.default.copyItem(at: RepoPaths.fixtures.appendingPathComponent("import/salah-induk.tsv"),
                                         to: site.root.appendingPathComponent("salah.tsv"))
        try FileManager.default.copyItem(at: RepoPaths.fixtures.appendingPathComponent("import/standar/standar-tanpa-kode-pisah.csv"),
                                         to: site.root.appendingPathComponent("standar.csv"))
        try FileManager.default.copyItem(at: RepoPaths.fixtures.appendingPathComponent("import/standar/standar-nomor-salah.tsv"),
                                         to: site.root.appendingPathComponent("nomor-salah.tsv"))
        return site.root
    }

    /// One recorded run: the command, its exit status, its two streams.
    func transcript(_ arguments: [String], in folder: URL) throws -> String {
        let run = try CLI.run(arguments, in: folder, environment: ["RENJA_PAGEFIND": "/tidak-ada/pagefind",
                                                                   "RENJA_WEASYPRINT": "/tidak-ada/weasyprint"])
        func masked(_ s: String) -> String {
            s.replacingOccurrences(of: #"\d+,\d\d detik"#, with: "… detik", options: .regularExpression)
        }
        return "$ renja \(arguments.joined(separator: " "))\nstatus: \(run.status)\n--- stdout\n\(masked(run.stdout))--- stderr\n\(masked(run.stderr))"
    }

    func check(_ name: String, _ runs: [[String]], file: StaticString = #filePath, line: UInt = #line) throws {
        let root = try site()
        let got = try runs.map { try transcript($0, in: root) }.joined(separator: "\n")
        let recorded = CommandContractTests.folder.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["RENJA_TULIS_REFERENSI"] == "1" {
            try got.write(to: recorded, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: recorded, encoding: .utf8)
        XCTAssertEqual(got, expected, "\(name): renja's output differs from Fixtures/cli/\(name).txt", file: file, line: line)
        XCTAssertFalse(got.contains("Error:"), "\(name): no English error text", file: file, line: line)
        XCTAssertFalse(got.contains("Fatal error"), name, file: file, line: line)
    }

    func testBuildThenRebuildThenStrict() throws {
        try check("build", [["build"], ["build"], ["build", "--strict"]])
    }

    func testCheckAsTextJSONAndStrict() throws {
        try check("check", [["check"], ["check", "--strict"], ["check", "--format", "json"]])
    }

    func testImportDryRunWriteAndRefusal() throws {
        try check("import", [["import", "--tabel", "evaluasi", "tabel1.tsv", "--output", "baru.yaml", "--dry-run"],
                             ["import", "--tabel", "evaluasi", "tabel1.tsv", "--output", "baru.yaml"],
                             ["import", "--tabel", "evaluasi", "tabel1.tsv", "--output", "baru.yaml"],
                             ["import", "--tabel", "evaluasi", "salah.tsv", "--output", "salah.yaml"]])
    }

    /// Without --tabel: the layout recognised from the numbered row (and said), one the numbered
    /// row of which fits no layout (exit 2 with what was seen), --tabel contradicting the text.
    func testImportRecognisesTheLayoutOrSaysWhyNot() throws {
        try check("import-tata-letak", [["import", "standar.csv", "--dry-run"],
                                        ["import", "standar.csv"],
                                        ["import", "nomor-salah.tsv", "--output", "x.yaml"],
                                        ["import", "--tabel", "rencana", "tabel1.tsv", "--output", "x.yaml"],
                                        ["import", "--help"]])
    }

    func testUsageErrorsAndHelpAreIndonesian() throws {
        try check("pemakaian", [["--help"], ["build", "--help"], ["build", "--tidak-ada"], ["check", "--format", "xml"],
                                ["import"], ["serve", "--port", "abc"], ["serve", "--port", "70000"]])
    }
}
