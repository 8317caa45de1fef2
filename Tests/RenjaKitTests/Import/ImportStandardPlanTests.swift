import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaLoad
@testable import RenjaFacts
@testable import RenjaChecks
@testable import RenjaImport

/// `renja import FILE` of the standard rencana table (Permendagri 86/2017, prakiraan maju); the
/// answers come from `Fixtures/import/rencana-standar/make_inputs.py` (PyYAML, its own arithmetic)
/// and from the Penajam Paser Utara fixture it was written from.
final class ImportStandardPlanTests: XCTestCase {
    static let folder = ImportFixtures.folder.appendingPathComponent("rencana-standar")
    static let tsv = "rencana-standar-gabung.tsv"
    static let csv = "rencana-standar-titik-koma.csv"

    func data(_ name: String) throws -> Data {
        try Data(contentsOf: Self.folder.appendingPathComponent(name))
    }

    func text(_ name: String) throws -> String {
        // "\r\n" is one Character in Swift: work on the scalars' line ends.
        try XCTUnwrap(String(data: data(name), encoding: .utf8)).replacingOccurrences(of: "\r\n", with: "\n")
    }

    struct Answer: Decodable {
        struct Indicator: Decodable { var nama: String; var target: String?; var target_maju: String? }
        struct Row: Decodable {
            var level: String, kode: String, nama: String
            var lokasi: String?, sumber_dana: String?, catatan: String?, kelompok_sasaran: String?
            var pagu: Int64?, pagu_maju: Int64?
            var indikator: [Indicator]
        }
        var judul: String
        var tahun: Int
        var rows: [Row]
        var headerRows: Int
        var continuationRows: Int?
        var totalRows: Int?
        var trailingRows: Int?
    }

    func answer(_ name: String) throws -> Answer {
        let all = try JSONDecoder().decode([String: Answer].self, from: data("rencana-standar-answer.json"))
        return try XCTUnwrap(all[name])
    }

    func imported(_ input: Data, option: String? = nil, path: String) throws -> StandardPlanTable {
        let r = LayoutImporter.importText(input, option: option, path: path, outputPath: "rencana-standar.yaml")
        XCTAssertEqual(r.layout?.id, "rencana-standar")
        let yaml = try XCTUnwrap(r.yaml, r.diagnostics.map(DiagnosticPrinter.short).joined(separator: "\n"))
        let sink = DiagnosticSink()
        let table = try XCTUnwrap(StandardPlanLoader.load(text: yaml, path: "rencana-standar.yaml", sink: sink))
        XCTAssertFalse(sink.hasErrors, sink.diagnostics.map(DiagnosticPrinter.short).joined(separator: "\n"))
        return table
    }

    func assertMatches(_ table: StandardPlanTable, _ key: Answer, file: StaticString = #filePath, line: UInt = #line) {
        let rows = table.allRows
        XCTAssertEqual(rows.count, key.rows.count, "rows", file: file, line: line)
        XCTAssertEqual(table.title, key.judul, file: file, line: line)
        XCTAssertEqual(table.year?.value, key.tahun, file: file, line: line)
        for (r, a) in zip(rows, key.rows) {
            let what = "\(a.level) \(a.kode)"
            XCTAssertEqual(r.level.key, a.level, what, file: file, line: line)
            XCTAssertEqual(r.code?.value, a.kode, what, file: file, line: line)
            XCTAssertEqual(r.name.value, a.nama, what, file: file, line: line)
            XCTAssertEqual(r.lokasi?.value, a.lokasi, "lokasi of \(what)", file: file, line: line)
            XCTAssertEqual(r.sumberDana?.value, a.sumber_dana, "sumber dana of \(what)", file: file, line: line)
            XCTAssertEqual(r.catatan?.value, a.catatan, "catatan of \(what)", file: file, line: line)
            XCTAssertEqual(r.kelompokSasaran?.value, a.kelompok_sasaran, "kelompok sasaran of \(what)", file: file, line: line)
            XCTAssertEqual(r.pagu?.value.value?.value, a.pagu, "pagu of \(what)", file: file, line: line)
            XCTAssertEqual(r.paguMaju?.value.value?.value, a.pagu_maju, "pagu N+1 of \(what)", file: file, line: line)
            XCTAssertEqual(r.indicators.map(\.name.value), a.indikator.map(\.nama), "indicators of \(what)", file: file, line: line)
            XCTAssertEqual(r.indicators.map { $0.target?.value.raw }, a.indikator.map(\.target), "targets of \(what)", file: file, line: line)
            XCTAssertEqual(r.indicators.map { $0.targetMaju?.value.raw }, a.indikator.map(\.target_maju), "targets N+1 of \(what)", file: file, line: line)
        }
    }

    // MARK: Recognition

    func testBothCopiesAreRecognisedByTheirNumberedRow() throws {
        for (name, line, shape) in [(Self.tsv, 6, "nomor 1–10, satu sel per nomor"), (Self.csv, 5, "nomor 1–10, satu sel per nomor")] {
            let (r, ds) = LayoutImporter.recognise(try data(name), option: nil, path: name)
            XCTAssertEqual(r?.layout.id, "rencana-standar", ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
            XCTAssertEqual(r?.numberedRowLine, line)
            XCTAssertTrue(r?.evidence.hasPrefix("dikenali sebagai \(ImportLayout.rencanaStandar.name) karena baris nomor kolom di baris \(line): \(shape)") ?? false,
                          r?.evidence ?? "-")
        }
    }

    /// Without its numbered row, the title "Rumusan Rencana … Prakiraan Maju …" names the layout.
    func testWithoutNumberedRowTheTitleNamesTheLayout() throws {
        for name in [Self.tsv, Self.csv] {
            let lines = try text(name).split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("1\t2\t3") && !$0.hasPrefix("(1);(2)") }
            let input = Data(lines.joined(separator: "\n").utf8)
            let (r, ds) = LayoutImporter.recognise(input, option: nil, path: name)
            XCTAssertEqual(r?.layout.id, "rencana-standar", ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
            XCTAssertNil(r?.numberedRowLine)
            XCTAssertTrue(r?.evidence.contains("judulnya memuat \"rumusan … rencana … prakiraan … maju\"") ?? false, r?.evidence ?? "-")
            XCTAssertTrue(r?.evidence.hasSuffix("(tanpa baris nomor kolom)") ?? false, r?.evidence ?? "-")
            try assertMatches(imported(input, path: name), answer(name))
        }
    }

    /// The registry's numbered rows stay distinct with the fifth layout: 1–10 (an unnumbered
    /// Kelompok Sasaran after it or not) is this layout only, 1–9 and 1–5 are still Tabel 1 and
    /// Tabel 2, 1–11 (a No column before Kode) is none.
    func testNumberedRowsStayDistinct() {
        func matching(_ numbers: [String]) -> [String] {
            let record = InputRecord(line: 1, cells: numbers.enumerated().map { InputCell(text: $0.element, line: 1, column: $0.offset + 1) })
            let row = NumberedRow.read(record)
            return ImportLayout.all.filter { row?.matches($0) ?? false }.map(\.id)
        }
        XCTAssertEqual(matching((1...10).map(String.init)), ["rencana-standar"])
        XCTAssertEqual(matching((1...10).map(String.init) + [""]), ["rencana-standar"])
        XCTAssertEqual(matching((1...11).map(String.init)), [])
        XCTAssertEqual(matching((1...9).map(String.init)), ["evaluasi"])
        XCTAssertEqual(matching((1...5).map(String.init)), ["rencana"])
        XCTAssertEqual(matching((1...12).map(String.init)), [])
        XCTAssertEqual(Set(ImportLayout.all.map(\.id)).count, ImportLayout.all.count)
    }

    /// --tabel rencana-standar agrees with the text; --tabel rencana against it is said, from the
    /// numbered row and, without it, from the title.
    func testTabelOptionAndContradictions() throws {
        let (ok, _) = LayoutImporter.recognise(try data(Self.tsv), option: "rencana-standar", path: Self.tsv)
        XCTAssertEqual(ok?.layout.id, "rencana-standar")
        XCTAssertTrue(ok?.evidence.contains("dipilih dengan --tabel rencana-standar dan cocok dengan baris nomor kolom") ?? false, ok?.evidence ?? "-")

        let (r, ds) = LayoutImporter.recognise(try data(Self.tsv), option: "rencana", path: Self.tsv)
        XCTAssertNil(r)
        let d = try XCTUnwrap(ds.first)
        XCTAssertEqual(d.code, "impor-jenis-tabel")
        XCTAssertEqual(d.severity, .galat)
        XCTAssertEqual(d.location?.line, 6)
        XCTAssertTrue(d.notes.contains { $0.contains("tanpa --tabel, teks ini diimpor sebagai \(ImportLayout.rencanaStandar.name)") }, "\(d.notes)")

        let noNumbers = try text(Self.tsv).split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("1\t2\t3") }
        let (t, tds) = LayoutImporter.recognise(Data(noNumbers.joined(separator: "\n").utf8), option: "rencana", path: Self.tsv)
        XCTAssertNil(t)
        XCTAssertEqual(tds.first?.code, "impor-jenis-tabel")
        XCTAssertTrue(tds.first?.message.contains("milik \(ImportLayout.rencanaStandar.name)") ?? false, tds.first?.message ?? "-")

        // The other way round: Tabel 2 with --tabel rencana-standar.
        let (x, xds) = LayoutImporter.recognise(try ImportFixtures.data("tabel2-seed.tsv"), option: "rencana-standar", path: "tabel2.tsv")
        XCTAssertNil(x)
        XCTAssertEqual(xds.first?.code, "impor-jenis-tabel", xds.map(DiagnosticPrinter.short).joined(separator: "\n"))
    }

    // MARK: Against the answers and the fixture

    func testTabCopyMatchesTheAnswerAndTheFixture() throws {
        let table = try imported(try data(Self.tsv), path: Self.tsv)
        try assertMatches(table, answer(Self.tsv))
        // Against the fixture itself, through the same loader.
        let fixture = StandardPlanTests.folder.appendingPathComponent("renja-2024/tabel/rencana-standar.yaml")
        let sink = DiagnosticSink()
        let original = try XCTUnwrap(StandardPlanLoader.load(text: String(contentsOf: fixture, encoding: .utf8), path: "f.yaml", sink: sink))
        XCTAssertEqual(original.allRows.count, table.allRows.count)
        for (a, b) in zip(original.allRows, table.allRows) {
            XCTAssertEqual(a.level, b.level)
            XCTAssertEqual(a.code?.value, b.code?.value)
            XCTAssertEqual(a.name.value, b.name.value)
            XCTAssertEqual(a.pagu?.value.value, b.pagu?.value.value, a.reference)
            XCTAssertEqual(a.pagu?.value.raw, b.pagu?.value.raw, a.reference)
            XCTAssertEqual(a.paguMaju?.value.value, b.paguMaju?.value.value, a.reference)
            XCTAssertEqual(a.lokasi?.value, b.lokasi?.value, a.reference)
            XCTAssertEqual(a.sumberDana?.value, b.sumberDana?.value, a.reference)
            XCTAssertEqual(a.kelompokSasaran?.value, b.kelompokSasaran?.value, a.reference)
            XCTAssertEqual(a.indicators.map { $0.target?.value.value }, b.indicators.map { $0.target?.value.value }, a.reference)
            XCTAssertEqual(a.indicators.map { $0.targetMaju?.value.value }, b.indicators.map { $0.targetMaju?.value.value }, a.reference)
        }
        XCTAssertEqual(original.year?.value, table.year?.value)
    }

    /// `;`, CRLF, (1)…(10), Indonesian amounts, no Kelompok Sasaran, a page break inside a name,
    /// the JUMLAH row and the signatures.
    func testSemicolonCopyMatchesTheAnswer() throws {
        let key = try answer(Self.csv)
        try assertMatches(imported(try data(Self.csv), path: Self.csv), key)
        let r = StandardPlanImport.build(try data(Self.csv), layout: .rencanaStandar, delimiter: nil, path: Self.csv,
                                         outputPath: "rencana-standar.yaml", existingText: nil)
        let result = try XCTUnwrap(r.built?.result)
        XCTAssertEqual(result.counts.headerRows, key.headerRows)
        XCTAssertEqual(result.counts.continuationRows, key.continuationRows)
        XCTAssertEqual(result.counts.leftOutRows, key.totalRows)
        XCTAssertEqual(result.counts.trailingRows, key.trailingRows)
        XCTAssertEqual(r.built?.delimiter, ";")
    }

    /// The tab and `;` copies give the same YAML but for the column only the tab copy carries.
    func testBothCopiesWriteTheSameRows() throws {
        let a = try XCTUnwrap(LayoutImporter.importText(try data(Self.tsv), path: Self.tsv, outputPath: "r.yaml").yaml)
        let b = try XCTUnwrap(LayoutImporter.importText(try data(Self.csv), path: Self.csv, outputPath: "r.yaml").yaml)
        let strip = { (s: String) in s.split(separator: "\n").filter { !$0.contains("kelompok_sasaran:") }.joined(separator: "\n") }
        XCTAssertEqual(strip(a), strip(b))
        XCTAssertNotEqual(a, b)
    }

    // MARK: Refusals placed on input cells

    func testLoaderAndParserErrorsArePlacedOnInputCells() throws {
        let lines = try text(Self.tsv).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let n = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("5.01.01.2.01.0001\t") })
        func importing(_ change: (inout [String]) -> Void) throws -> [Diagnostic] {
            var cells = lines[n].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            change(&cells)
            var copy = lines
            copy[n] = cells.joined(separator: "\t")
            let r = LayoutImporter.importText(Data(copy.joined(separator: "\n").utf8), path: "uji.tsv", outputPath: "rencana-standar.yaml")
            XCTAssertNil(r.yaml)
            return r.diagnostics.filter { $0.severity == .galat }
        }
        func column(_ cells: [String], _ i: Int) -> Int { cells[..<i].reduce(0) { $0 + $1.count + 1 } + 1 }
        // Cells: 0 kode, 1 nama, 2 indikator, 3 lokasi, 4 target, 5 pagu, 6 sumber, 7 catatan, 8 target N+1, 9 pagu N+1.
        var cells: [String] = []
        let pagu = try importing { $0[5] = "1,5"; cells = $0 }
        XCTAssertEqual(pagu.first?.code, "impor-angka-ambigu")
        XCTAssertEqual(pagu.first?.location?.line, n + 1)
        XCTAssertEqual(pagu.first?.location?.column, column(cells, 5))
        XCTAssertTrue(pagu.first?.message.hasPrefix("`pagu` pada sub kegiatan 5.01.01.2.01.0001") ?? false, pagu.first?.message ?? "-")
        // An empty target is refused by the loader; the error is put back on the row's cells.
        let target = try importing { $0[4] = ""; $0[8] = ""; cells = $0 }
        XCTAssertEqual(target.first?.location?.file, "uji.tsv")
        XCTAssertEqual(target.first?.location?.line, n + 1)
        XCTAssertTrue(target.first?.notes.contains { $0.hasPrefix("sub kegiatan 5.01.01.2.01.0001: `renja build`") } ?? false, "\(target)")
        // A sub kegiatan code under another kegiatan.
        let parent = try importing { $0[0] = "5.01.01.2.02.0001" }
        XCTAssertEqual(parent.first?.code, "impor-induk")
        XCTAssertEqual(parent.first?.location?.line, n + 1)
        XCTAssertEqual(parent.first?.location?.column, 1)
    }

    /// Programs without urusan rows are written under `program:`; an urusan row after them is refused.
    func testTableWithoutUrusanRowsAndMixedTops() throws {
        let lines = try text(Self.tsv).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let noUrusan = lines.filter { l in
            let kode = l.split(separator: "\t", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            return !(kode == "5" || kode == "5.01" || kode == "5.05")
        }
        XCTAssertEqual(noUrusan.count, lines.count - 3)
        let r = LayoutImporter.importText(Data(noUrusan.joined(separator: "\n").utf8), path: "uji.tsv", outputPath: "rencana-standar.yaml")
        let yaml = try XCTUnwrap(r.yaml, r.diagnostics.map(DiagnosticPrinter.short).joined(separator: "\n"))
        XCTAssertTrue(yaml.contains("\nprogram:\n"))
        let table = try XCTUnwrap(StandardPlanLoader.load(text: yaml, path: "r.yaml", sink: DiagnosticSink()))
        XCTAssertEqual(table.rows.map(\.level), Array(repeating: .program, count: 4))

        var mixed = noUrusan
        let last = try XCTUnwrap(mixed.lastIndex { !$0.isEmpty })
        mixed.insert("9\tURUSAN LAIN" + String(repeating: "\t", count: 9), at: last + 1)
        let m = LayoutImporter.importText(Data(mixed.joined(separator: "\n").utf8), path: "uji.tsv", outputPath: "rencana-standar.yaml")
        XCTAssertNil(m.yaml)
        let d = try XCTUnwrap(m.diagnostics.first { $0.severity == .galat })
        XCTAssertEqual(d.code, "impor-induk")
        XCTAssertEqual(d.location?.line, last + 2)
    }

    // MARK: Files and findings

    /// Imported into a copy of the PPU document, the table gives the findings of the fixture's
    /// own answer key (`answer-key-standar.json`): same checks, same figures (the cells are
    /// elsewhere in the written file, so places are compared by row, not by line).
    func testImportedTableGivesTheAnswerKeysFindings() throws {
        struct Key: Decodable {
            struct Finding: Decodable { var code: String; var at: String; var figures: [String: String] }
            var findings: [Finding]
        }
        let key = try JSONDecoder().decode(Key.self, from: Data(contentsOf: StandardPlanTests.folder.appendingPathComponent("answer-key-standar.json")))
        let root = RepoPaths.temporaryFolder(#function)
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: StandardPlanTests.folder, to: content)
        let target = content.appendingPathComponent("renja-2024/tabel/rencana-standar.yaml")
        try FileManager.default.removeItem(at: target)
        let plan = try LayoutImporter.plan(LayoutImportRequest(input: Self.folder.appendingPathComponent(Self.tsv), inputDisplay: "masukan.tsv",
                                                               content: content, contentDisplay: "Content"))
        XCTAssertEqual(plan.targetDisplay, "Content/renja-2024/tabel/rencana-standar.yaml")
        XCTAssertEqual(try LayoutImporter.write(plan, force: false), .written)
        let site = try SiteLoader.load(content: content, displayPath: "Content")
        let all = Validator.run(site)
        let ds = all.filter { StandardPlanTests.codes.contains($0.code) }
        func signature(_ code: String, _ figures: [String: String]) -> String {
            code + " " + figures.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        var labels: [String: Set<String>] = [:]
        for f in key.findings { labels[f.code, default: []].formUnion(f.figures.keys) }
        let found = ds.map { d in signature(d.code, Dictionary(d.figures.map { ($0.label, $0.value) }, uniquingKeysWith: { a, _ in a })
            .filter { label, _ in labels[d.code]?.contains(label) ?? false }) }
        XCTAssertEqual(found.sorted(), key.findings.map { signature($0.code, $0.figures) }.sorted())
        XCTAssertEqual(ds.count, key.findings.count)
        // Each finding is on the same row (kode) as in the fixture: the YAML line of the finding
        // → the nearest `kode:` above it, in the fixture and in the written file.
        func kode(at location: String, in text: String) -> String? {
            guard let line = location.split(separator: ":").dropFirst().first.flatMap({ Int($0) }) else { return nil }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for l in lines[..<min(line, lines.count)].reversed() {
                let t = l.trimmingCharacters(in: .whitespaces)
                if t.hasPrefix("- kode:") || t.hasPrefix("kode:") {
                    return t.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " '\"")) }
                }
            }
            return "judul"
        }
        let fixtureText = try String(contentsOf: StandardPlanTests.folder.appendingPathComponent("renja-2024/tabel/rencana-standar.yaml"), encoding: .utf8)
        let writtenText = try String(contentsOf: target, encoding: .utf8)
        let expectedRows = key.findings.map { "\($0.code) \(kode(at: $0.at, in: fixtureText) ?? "-")" }.sorted()
        let foundRows = ds.map { "\($0.code) \(kode(at: $0.location?.description ?? "", in: writtenText) ?? "-")" }.sorted()
        XCTAssertEqual(foundRows, expectedRows)
        XCTAssertEqual(all.filter { $0.severity == .galat && !StandardPlanTests.codes.contains($0.code) }.map(DiagnosticPrinter.short), [])
    }

    /// A second import of the same text changes nothing; a changed amount is listed by --dry-run,
    /// and a declared `arah` survives.
    func testReimportKeepsArahAndListsChanges() throws {
        let root = RepoPaths.temporaryFolder(#function)
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: StandardPlanTests.folder, to: content)
        let target = content.appendingPathComponent("renja-2024/tabel/rencana-standar.yaml")
        try FileManager.default.removeItem(at: target)
        let input = Self.folder.appendingPathComponent(Self.tsv)
        let request = LayoutImportRequest(input: input, inputDisplay: "masukan.tsv", content: content, contentDisplay: "Content")
        XCTAssertEqual(try LayoutImporter.write(LayoutImporter.plan(request), force: false), .written)
        var yaml = try String(contentsOf: target, encoding: .utf8)
        let indicator = "              - nama: \"Indeks Kepuasan Masyarakat (IKM)\"\n                target: \"100 %\"\n"
        XCTAssertTrue(yaml.contains(indicator), yaml)
        yaml = yaml.replacingOccurrences(of: indicator, with: indicator + "                arah: naik\n")
        try yaml.write(to: target, atomically: true, encoding: .utf8)
        let again = try LayoutImporter.plan(request)
        guard case .standardPlan(let p) = again.kind else { return XCTFail("not the standard rencana table") }
        XCTAssertEqual(p.keptDirections, 1)
        XCTAssertTrue(again.isUnchanged)
        XCTAssertEqual(try LayoutImporter.write(again, force: false), .unchanged)

        var changed = try text(Self.tsv)
        changed = changed.replacingOccurrences(of: "\t6361771800\t", with: "\t6361771801\t")
        let changedInput = root.appendingPathComponent("masukan.tsv")
        try changed.write(to: changedInput, atomically: true, encoding: .utf8)
        let plan = try LayoutImporter.plan(LayoutImportRequest(input: changedInput, inputDisplay: "masukan.tsv", content: content, contentDisplay: "Content"))
        let lines = LayoutImporter.changes(plan, detailed: true)
        XCTAssertEqual(lines, ["Perubahan terhadap Content/renja-2024/tabel/rencana-standar.yaml:",
                               "  ~ sub kegiatan 5.01.01.2.02.0001 Penyediaan Gaji dan Tunjangan ASN",
                               "  1 baris diubah, 0 ditambah, 0 dihapus, 66 tetap."])
        XCTAssertThrowsError(try LayoutImporter.write(plan, force: false)) { XCTAssertTrue($0 is OverwriteRefused) }
        XCTAssertEqual(try LayoutImporter.write(plan, force: true), .written)
    }
}

extension ImportStandardPlanTests {
    /// Without title lines the title is the default one and `tahun` comes from the header
    /// ("Rencana Tahun 2024"); without that too, no `tahun` is written.
    func testYearFromTheHeaderOrNone() throws {
        let lines = try text(Self.tsv).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let body = Array(lines.drop { !$0.hasPrefix("Kode\t") })
        let r = StandardPlanImport.build(Data(body.joined(separator: "\n").utf8), layout: .rencanaStandar, delimiter: nil, path: "uji.tsv",
                                         outputPath: "rencana-standar.yaml", existingText: nil)
        let built = try XCTUnwrap(r.built, r.diagnostics.map(DiagnosticPrinter.short).joined(separator: "\n"))
        XCTAssertEqual(built.titleSource, .standard)
        XCTAssertEqual(built.table.title, StandardPlanImport.standardTitle)
        XCTAssertEqual(built.table.year?.value, 2024)
        let noYear = body.map { $0.replacingOccurrences(of: "Rencana Tahun 2024", with: "Rencana Tahun N")
            .replacingOccurrences(of: "Rencana Tahun 2025", with: "Rencana Tahun N+1") }
        let n = StandardPlanImport.build(Data(noYear.joined(separator: "\n").utf8), layout: .rencanaStandar, delimiter: nil, path: "uji.tsv",
                                         outputPath: "rencana-standar.yaml", existingText: nil)
        XCTAssertNil(try XCTUnwrap(n.built).table.year)
        XCTAssertFalse(n.built?.yaml.contains("\ntahun:") ?? true)
    }

    /// Bad input never crashes: cells dropped, lines cut or repeated at random (a fixed seed) give
    /// a table the loader reads without galat, or a galat saying why nothing is written.
    func testDamagedCopiesImportOrSayWhy() throws {
        var seed: UInt64 = 0x5eed_2024
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        var refused = 0, imported = 0
        for name in [Self.tsv, Self.csv] {
            let delimiter: Character = name.hasSuffix(".csv") ? ";" : "\t"
            let lines = try text(name).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<60 {
                var copy = lines
                for _ in 0..<(1 + next(3)) {
                    let i = next(copy.count)
                    var cells = copy[i].split(separator: delimiter, omittingEmptySubsequences: false).map(String.init)
                    switch next(4) {
                    case 0: if !cells.isEmpty { cells.remove(at: next(cells.count)) }
                    case 1: cells.insert("x", at: next(cells.count + 1))
                    case 2: cells = Array(cells.prefix(next(cells.count + 1)))
                    default: copy.insert(copy[next(copy.count)], at: i)
                    }
                    copy[min(i, copy.count - 1)] = cells.joined(separator: String(delimiter))
                }
                let r = LayoutImporter.importText(Data(copy.joined(separator: "\n").utf8), path: name, outputPath: "rencana-standar.yaml")
                if let yaml = r.yaml {
                    imported += 1
                    let sink = DiagnosticSink()
                    if r.layout?.target == .standardPlan {
                        XCTAssertNotNil(StandardPlanLoader.load(text: yaml, path: "r.yaml", sink: sink))
                        XCTAssertFalse(sink.hasErrors, sink.diagnostics.map(DiagnosticPrinter.short).joined(separator: "\n"))
                    }
                } else {
                    refused += 1
                    XCTAssertTrue(r.diagnostics.contains { $0.severity == .galat }, "refused without a galat")
                    XCTAssertFalse(r.diagnostics.contains { $0.code == "impor-internal" }, r.diagnostics.map(DiagnosticPrinter.short).joined(separator: "\n"))
                }
            }
        }
        XCTAssertGreaterThan(refused, 0)
        XCTAssertGreaterThan(imported, 0)
    }
}

extension ImportStandardPlanTests {
    /// A first column of running numbers (a No column where Kode belongs) reads as urusan rows
    /// only: refused, since a plan without programs is no plan.
    func testRunningNumbersInTheKodeColumnAreRefused() throws {
        let lines = try text(Self.tsv).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("5\t") })
        var n = 0
        let shifted = lines.enumerated().map { i, l -> String in
            guard i >= first, !l.isEmpty, !l.hasPrefix("\t") else { return l }
            n += 1
            return "\(n)" + l.drop { $0 != "\t" }
        }
        let r = LayoutImporter.importText(Data(shifted.joined(separator: "\n").utf8), path: "uji.tsv", outputPath: "rencana-standar.yaml")
        XCTAssertNil(r.yaml)
        let d = try XCTUnwrap(r.diagnostics.first { $0.severity == .galat }, r.diagnostics.map(DiagnosticPrinter.short).joined(separator: "\n"))
        XCTAssertEqual(d.code, "impor-kosong")
        XCTAssertEqual(d.location?.line, first + 1)
        XCTAssertTrue(d.figures.contains { $0.label == "ditemukan" && $0.value.hasPrefix("\(n) baris berkode satu atau dua bagian") }, "\(d.figures)")
    }
}
