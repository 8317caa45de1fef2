import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaImport

/// The two tables of the source document, imported from their text, give the hand-kept content.
final class ImportSeedTests: XCTestCase {
    /// The fixtures are exact cuts of the seed (from the caption to the last row), so they cannot
    /// drift from the source document.
    func testFixturesAreCutFromTheSeed() throws {
        let seed = try String(contentsOf: RepoPaths.seed, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        for (fixture, caption, last) in [("tabel1-seed.tsv", "Tabel 1. Evaluasi Renja sampai", "17.3\t"),
                                         ("tabel2-seed.tsv", "Tabel 2. Rencana Kerja", "2.14.04.2.02.0006\t")] {
            let start = try XCTUnwrap(seed.firstIndex { $0.hasPrefix(caption) })
            let end = try XCTUnwrap(seed[start...].firstIndex { $0.hasPrefix(last) })
            let cut = seed[start...end].joined(separator: "\n") + "\n"
            XCTAssertEqual(try String(contentsOf: ImportFixtures.url(fixture), encoding: .utf8), cut, fixture)
        }
    }

    func testTabel1FromTheSeedEqualsTheHandKeptTable() throws {
        let parsed = try ImportFixtures.parse("tabel1-seed.tsv", .evaluasi)
        let content = try ImportFixtures.contentRows(.evaluasi)
        var imported = TableRows(parsed.table)
        imported.title = parsed.caption ?? ""
        assertSameRows(imported, content)
        XCTAssertEqual(imported, content)
        XCTAssertEqual(parsed.caption, "Evaluasi Renja sampai dengan Triwulan II Tahun 2024")
        XCTAssertEqual(parsed.rows.headerRows, 2)
        XCTAssertEqual(parsed.rows.continuationRows, 5)
        // Page-break rows joined with one space, exactly as the hand-kept YAML.
        let byKey = Dictionary(imported.rows.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(byKey["4.1"]?.name, "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor")
        XCTAssertEqual(byKey["10.2"]?.indicators.first?.name,
                       "Jumlah Orang yang Mendapatkan Alat Bantu dan Alat Bantu Peraga sesuai Kebutuhan Kewenangan Kabupaten/Kota")
        XCTAssertEqual(byKey["15.3"]?.name.hasSuffix("dan Mini Lokakarya (Minilok)"), true)
        // Program I's two extra indicator rows are indicators, not continuations.
        XCTAssertEqual(byKey["I"]?.indicators.map { $0.target?.raw }, ["100 persen", "100 persen", "100 persen"])
        XCTAssertEqual(byKey["I"]?.indicators.map { $0.stated?.raw }, ["42.23", "36.35 persen", "53.65 persen"])
        // The malformed amount is kept as written, and the user is told.
        XCTAssertEqual(byKey["9.1"]?.realisasi?.raw, "160.427.6000")
        XCTAssertEqual(byKey["9.1"]?.realisasi?.problem, .badGrouping)
        XCTAssertEqual(parsed.warnings.map(DiagnosticPrinter.short),
                       ["tabel1-seed.tsv:46:192: peringatan[impor-angka]: `realisasi` pada sub kegiatan 9.1: pemisah ribuan tidak membentuk kelompok tiga digit"])
    }

    func testTabel2FromTheSeedEqualsTheHandKeptTable() throws {
        let parsed = try ImportFixtures.parse("tabel2-seed.tsv", .rencana)
        var imported = TableRows(parsed.table)
        imported.title = parsed.caption ?? ""
        let content = try ImportFixtures.contentRows(.rencana)
        assertSameRows(imported, content)
        XCTAssertEqual(imported, content)
        XCTAssertEqual(parsed.rows.headerRows, 10, "5 pages, two header rows each (the caption sets the title)")
        XCTAssertEqual(parsed.rows.continuationRows, 2)
        XCTAssertTrue(parsed.warnings.isEmpty, parsed.warnings.map(DiagnosticPrinter.short).joined(separator: "\n"))
        let byKey = Dictionary(imported.rows.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        // Continuation rows that come after a repeated header still join the row before the page break.
        XCTAssertEqual(byKey["1.06.06.2.01.0004"]?.indicators.first?.name,
                       "Jumlah Orang yang Mendapatkan Penanganan Khusus bagi Kelompok Rentan Kewenangan Kabupaten/Kota")
        XCTAssertEqual(byKey["2.14.03.2.01.0014"]?.indicators.first?.name.hasSuffix("dan Keluarga Berencana) kepada Stakeholders dan Mitra Kerja"), true)
        XCTAssertEqual(byKey["1.06.01.2.01.0001"]?.parents, ["1.06.01", "1.06.01.2.01"])
    }

    /// Values carry their position in the input, for diagnostics and for the validator.
    func testImportedValuesPointIntoTheInput() throws {
        let parsed = try ImportFixtures.parse("tabel1-seed.tsv", .evaluasi)
        let item = try XCTUnwrap(parsed.table.allItems.first { $0.number?.value == "9.1" })
        let loc = try XCTUnwrap(item.realisasi?.location)
        let line = try String(contentsOf: ImportFixtures.url("tabel1-seed.tsv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)[loc.line - 1]
        XCTAssertTrue(line.dropFirst(loc.column - 1).hasPrefix("160.427.6000\t"), String(line))
        XCTAssertEqual(item.anchor, "t1-9-1")
    }

    /// Imported against the real content, both tables give byte for byte the hand-kept files:
    /// same keys, order, quoting, indentation, blank lines and header.
    func testWrittenYAMLIsTheHandKeptFile() throws {
        for (kind, fixture) in [(TableKind.evaluasi, "tabel1-seed.tsv"), (.rencana, "tabel2-seed.tsv")] {
            let plan = try TableImporter.plan(ImportFixtures.request(kind, input: ImportFixtures.url(fixture), content: RepoPaths.content))
            let handKept = try String(contentsOf: plan.target, encoding: .utf8)
            XCTAssertEqual(plan.yaml, handKept, fixture)
            XCTAssertTrue(plan.isUnchanged, fixture)
            XCTAssertEqual(plan.diff?.isEmpty, true, fixture)
            XCTAssertEqual(plan.titleSource, .caption)
            XCTAssertEqual(try TableImporter.write(plan, force: false), .unchanged, "nothing to write, so no --force needed")
        }
    }

    /// With no file to take the header from, the default header is used; Tabel 1's matches the
    /// hand-kept one exactly, and Tabel 2 differs only in its first comment line.
    func testWrittenYAMLWithoutAnExistingFile() throws {
        let folder = RepoPaths.temporaryFolder()
        for (kind, fixture) in [(TableKind.evaluasi, "tabel1-seed.tsv"), (.rencana, "tabel2-seed.tsv")] {
            let out = folder.appendingPathComponent("\(kind.rawValue).yaml")
            let plan = try TableImporter.plan(ImportFixtures.request(kind, input: ImportFixtures.url(fixture), content: folder, output: out))
            XCTAssertFalse(plan.targetExists)
            XCTAssertEqual(try TableImporter.write(plan, force: false), .written)
            let written = try String(contentsOf: out, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            let handKept = try String(contentsOf: RepoPaths.content.appendingPathComponent("renja-perubahan-2024/tabel/\(kind.rawValue).yaml"),
                                      encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            XCTAssertEqual(written.count, handKept.count)
            XCTAssertEqual(Array(written.dropFirst()), Array(handKept.dropFirst()), fixture)
        }
    }

    /// import → build gives the same site as the hand-kept content, file for file, byte for byte.
    func testImportThenBuildGivesTheSameSite() throws {
        let copy = try ImportFixtures.contentCopy()
        let tables = copy.appendingPathComponent("renja-perubahan-2024/tabel")
        for (kind, fixture) in [(TableKind.evaluasi, "tabel1-seed.tsv"), (.rencana, "tabel2-seed.tsv")] {
            // Leave only the file's comment header and an empty table, so the import rewrites it all.
            let file = tables.appendingPathComponent("\(kind.rawValue).yaml")
            let header = TableYAMLWriter.header(of: try String(contentsOf: file, encoding: .utf8))
            try Data((header.joined(separator: "\n") + "\n\njudul: Lama\nprogram:\n").utf8).write(to: file)
            let plan = try TableImporter.plan(ImportFixtures.request(kind, input: ImportFixtures.url(fixture), content: copy))
            XCTAssertEqual(plan.targetDisplay, "Content/renja-perubahan-2024/tabel/\(kind.rawValue).yaml")
            XCTAssertEqual(plan.diff?.added, 79)
            XCTAssertEqual(try TableImporter.write(plan, force: true), .written)
        }
        func render(_ content: URL) throws -> [OutputFile] {
            try Builder.render(BuildOptions(content: content, contentDisplay: "Content", templates: RepoPaths.templates,
                                            templatesDisplay: "Templates", output: content.deletingLastPathComponent().appendingPathComponent("Public"))).files
        }
        let original = try render(RepoPaths.content)
        let imported = try render(copy)
        XCTAssertGreaterThan(original.count, 5)
        XCTAssertEqual(imported.map(\.path), original.map(\.path))
        for (a, b) in zip(original, imported) {
            XCTAssertTrue(a.data == b.data, "\(a.path) differs")
        }
    }
}
