import Foundation
import XCTest
@testable import RenjaKit

/// `renja import FILE` recognises the layout from the text (`ImportLayout.all`) and imports the
/// standard evaluation table; the answers come from `Fixtures/import/standar/make_inputs.py`
/// (PyYAML, its own arithmetic) and from the Bengkulu Utara fixture it was written from.
final class ImportLayoutTests: XCTestCase {
    static let standard = ImportFixtures.folder.appendingPathComponent("standar")

    func data(_ name: String) throws -> Data {
        try Data(contentsOf: Self.standard.appendingPathComponent(name))
    }

    func recognise(_ data: Data, option: String? = nil, path: String = "uji.tsv") -> (LayoutRecognition?, [Diagnostic]) {
        LayoutImporter.recognise(data, option: option, path: path)
    }

    // MARK: Recognition

    func testEveryLayoutIsRecognisedFromItsText() throws {
        let cases: [(Data, String, String)] = [
            (try ImportFixtures.data("evaluasi-halaman.tsv"), "evaluasi", "baris nomor kolom di baris 5"),
            (try ImportFixtures.data("tabel1-seed.tsv"), "evaluasi", "judulnya \"Tabel 1.\""),
            (try ImportFixtures.data("evaluasi-titik-koma.csv"), "evaluasi", "baris memuat 9 kolom"),
            (try ImportFixtures.data("tabel2-seed.tsv"), "rencana", "judulnya \"Tabel 2.\""),
            (try ImportFixtures.data("rencana-koma.csv"), "rencana", "baris memuat 5 kolom"),
            (try data("standar-kode-gabung.tsv"), "evaluasi-standar-kode", "baris nomor kolom di baris 7: nomor 1–17, kolom 6–15 masing-masing dua sel"),
            (try data("standar-tanpa-kode-pisah.csv"), "evaluasi-standar-tanpa-kode", "nomor 1–16, kolom 5–14 masing-masing dua sel"),
        ]
        for (input, id, evidence) in cases {
            let (r, ds) = recognise(input)
            XCTAssertEqual(r?.layout.id, id, ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
            XCTAssertTrue(r?.evidence.contains(evidence) ?? false, "\(id): \(r?.evidence ?? "-")")
            XCTAssertTrue(r?.evidence.hasPrefix("dikenali sebagai \(r?.layout.name ?? "")") ?? false)
        }
    }

    /// The standard table's numbered row with K | Rp merged (number, empty) or split (number twice),
    /// tab or `;`, gives one layout and the same YAML.
    func testMergedAndSplitNumberedRowsGiveTheSameTable() throws {
        func text(split: Bool, delimiter: String) -> String {
            let numbers = ["1", "2", "3", "4", "5"] + (6...15).flatMap { split ? ["\($0)", "\($0)"] : ["\($0)", ""] } + ["16", "17"]
            let k = Array(repeating: "", count: 5) + Array(repeating: ["K", "Rp"], count: 10).flatMap { $0 } + ["", ""]
            var program = ["", "Sasaran A", "1.01.02", "PROGRAM A", "Persentase X"]
            program += ["80 %", "100.000.000", "40 %", "50.000.000", "70 %", "60.000.000", "10 %", "10.000.000", "20 %", "15.000.000"]
            program += Array(repeating: "", count: 10) + ["Bidang A", ""]
            var sub = ["", "", "1.01.02.2.01.0001", "Sub A", "Jumlah dokumen"]
            sub += ["12 dokumen", "1.000.000,50", "4 dokumen", "500.000", "3 dokumen", "600.000", "1 dokumen", "100.000", "", "", "", "", "", "", "", "", "", "", "", ""]
            sub += ["", ""]
            let kegiatan = ["", "", "1.01.02.2.01", "Kegiatan A"] + Array(repeating: "", count: 23)
            return ["Evaluasi Terhadap Hasil Renja Perangkat Daerah", k.joined(separator: delimiter), numbers.joined(separator: delimiter),
                    program.joined(separator: delimiter), kegiatan.joined(separator: delimiter), sub.joined(separator: delimiter)]
                .joined(separator: "\n") + "\n"
        }
        var yamls: [String] = []
        for (split, d) in [(false, "\t"), (true, "\t"), (true, ";"), (false, ";")] {
            let r = LayoutImporter.importText(Data(text(split: split, delimiter: d).utf8), path: "uji.tsv", outputPath: "evaluasi-standar.yaml")
            XCTAssertEqual(r.layout?.id, "evaluasi-standar-kode", "split \(split) \(d)")
            XCTAssertNotNil(r.yaml, r.diagnostics.map(DiagnosticPrinter.short).joined(separator: "\n"))
            yamls.append(r.yaml ?? "")
        }
        XCTAssertEqual(Set(yamls).count, 1)
        let sink = DiagnosticSink()
        let table = try XCTUnwrap(StandardTableLoader.load(text: yamls[0], path: "evaluasi-standar.yaml", sink: sink))
        XCTAssertFalse(sink.hasErrors)
        let sub = try XCTUnwrap(table.programs.first?.children.first?.children.first)
        XCTAssertEqual(sub.anggaran.targetRenstra?.value.sen, 100_000_050)
        XCTAssertEqual(sub.anggaran.quarters.map { $0.value.sen }, [10_000_000])
        XCTAssertEqual(sub.indicators.first?.unit?.value, "dokumen")
        XCTAssertEqual(sub.indicators.first?.kinerja.quarters.map { $0.value.value }, [1])
        XCTAssertEqual(table.programs.first?.unit?.value, "Bidang A")
        XCTAssertEqual(table.programs.first?.indicators.first?.unit?.value, "%")
    }

    func testUnknownNumberedRowIsRefusedWithWhatWasSeen() throws {
        let r = LayoutImporter.importText(try data("standar-nomor-salah.tsv"), path: "salah.tsv", outputPath: "x.yaml")
        XCTAssertNil(r.yaml)
        let d = try XCTUnwrap(r.diagnostics.first { $0.code == "impor-tata-letak" })
        XCTAssertEqual(d.severity, .galat)
        XCTAssertEqual(d.location?.line, 3)
        XCTAssertEqual(d.location?.column, 1)
        XCTAssertTrue(d.figures.contains { $0.label == "ditemukan" && $0.value.hasPrefix("nomor 1–12, kolom 6–11 masing-masing dua sel") }, "\(d.figures)")
        XCTAssertTrue(d.figures.contains { $0.label == "diharapkan" && $0.value.contains("kolom 6–15 masing-masing dua sel K | Rp") })
    }

    func testTextWithoutAnyKnownShapeIsRefused() {
        let text = "a\tb\tc\td\te\tf\tg\n1.01\tx\ty\tz\t1\t2\t3\n"
        let (r, ds) = recognise(Data(text.utf8))
        XCTAssertNil(r)
        XCTAssertEqual(ds.first?.code, "impor-tata-letak")
        XCTAssertTrue(ds.first?.figures.contains { $0.value.contains("7 kolom") } ?? false, "\(ds)")
    }

    func testTabelOptionContradictedByTheNumberedRowIsSaid() throws {
        let (r, ds) = recognise(try ImportFixtures.data("evaluasi-halaman.tsv"), option: "rencana")
        XCTAssertNil(r)
        let d = try XCTUnwrap(ds.first)
        XCTAssertEqual(d.code, "impor-jenis-tabel")
        XCTAssertEqual(d.location?.line, 5)
        XCTAssertTrue(d.notes.contains { $0.contains("tanpa --tabel, teks ini diimpor sebagai Tabel 1 (evaluasi)") }, "\(d.notes)")
        // Agreeing with the text, --tabel names the layout it chose.
        let (ok, _) = recognise(try data("standar-tanpa-kode-pisah.csv"), option: "evaluasi-standar")
        XCTAssertEqual(ok?.layout.id, "evaluasi-standar-tanpa-kode")
        XCTAssertTrue(ok?.evidence.contains("dipilih dengan --tabel evaluasi-standar dan cocok dengan baris nomor kolom") ?? false, ok?.evidence ?? "-")
        // An unknown value.
        XCTAssertEqual(recognise(Data(), option: "standar").1.first?.code, "impor-jenis-tabel")
    }

    /// Every layout of the registry has its own numbered row, so none shadows another.
    func testNumberedRowsOfTheRegistryAreDistinct() {
        for layout in ImportLayout.all {
            let numbers = layout.columns.prefix(layout.numberedCounts.upperBound).flatMap { c in c.pair ? ["\(c.number)", ""] : ["\(c.number)"] }
            let record = InputRecord(line: 1, cells: numbers.enumerated().map { InputCell(text: $0.element, line: 1, column: $0.offset + 1) })
            let row = NumberedRow.read(record)
            XCTAssertEqual(ImportLayout.all.filter { row?.matches($0) ?? false }.map(\.id), [layout.id])
        }
    }

    // MARK: The standard table against its answers

    struct AnswerRow: Decodable {
        var level: String
        var key: String
        var nama: String
        var indikator: Int
        var rp: [Int64?]
        var k: [[Double?]]
        var satuan: [String?]
    }

    func answers(_ name: String) throws -> [AnswerRow] {
        let all = try JSONDecoder().decode([String: [AnswerRow]].self, from: data("standar-answer.json"))
        return try XCTUnwrap(all[name])
    }

    func imported(_ name: String, option: String? = nil) throws -> StandardEvaluationTable {
        let r = LayoutImporter.importText(try data(name), option: option, path: name, outputPath: "evaluasi-standar.yaml")
        let yaml = try XCTUnwrap(r.yaml, r.diagnostics.map(DiagnosticPrinter.short).joined(separator: "\n"))
        let sink = DiagnosticSink()
        let table = try XCTUnwrap(StandardTableLoader.load(text: yaml, path: "evaluasi-standar.yaml", sink: sink))
        XCTAssertFalse(sink.hasErrors, sink.diagnostics.map(DiagnosticPrinter.short).joined(separator: "\n"))
        return table
    }

    static func cells<C>(_ s: StandardSeries<C>, _ read: (C) -> Double?) -> [Double?] {
        var out = [s.targetRenstra, s.realisasiRenstraLalu, s.targetRenja].map { $0.flatMap { read($0.value) } }
        out += (0..<4).map { $0 < s.quarters.count ? read(s.quarters[$0].value) : nil }
        out += [s.realisasiRenja, s.realisasiRenstra].map { $0.flatMap { read($0.value) } }
        out.append(s.tingkatCapaian?.value.value)
        return out
    }

    func assertMatches(_ table: StandardEvaluationTable, _ key: [AnswerRow], keyOf: (StandardRow) -> String?,
                       file: StaticString = #filePath, line: UInt = #line) {
        let rows = table.allRows
        XCTAssertEqual(rows.count, key.count, "rows", file: file, line: line)
        let levels = ["program": Level.program, "kegiatan": .kegiatan, "sub_kegiatan": .subKegiatan]
        for (r, a) in zip(rows, key) {
            let what = "\(a.level) \(a.key)"
            XCTAssertEqual(r.level, levels[a.level], what, file: file, line: line)
            XCTAssertEqual(keyOf(r), a.key, what, file: file, line: line)
            XCTAssertEqual(r.name.value, a.nama, what, file: file, line: line)
            XCTAssertEqual(r.indicators.count, a.indikator, what, file: file, line: line)
            XCTAssertEqual(Self.cells(r.anggaran) { $0.sen.map(Double.init) }, a.rp.map { $0.map(Double.init) }, "Rp of \(what)", file: file, line: line)
            for (i, (k, unit)) in zip(r.indicators, zip(a.k, a.satuan)) {
                XCTAssertEqual(Self.cells(i.kinerja) { $0.value }, k, "K of \(what) \(i.name.value)", file: file, line: line)
                XCTAssertEqual(i.unit?.value, unit, "satuan of \(what)", file: file, line: line)
            }
        }
    }

    /// The whole Bengkulu Utara fixture as a spreadsheet copies it (merged header cells, urusan
    /// rows, the source's number strings) imports to the fixture's figures.
    func testStandardTableWithKodeRoundTripsTheBengkuluFixture() throws {
        let table = try imported("standar-kode-gabung.tsv")
        XCTAssertEqual(table.variant, .denganKode)
        try assertMatches(table, answers("standar-kode-gabung.tsv"), keyOf: { $0.code?.value })
        // And against the fixture itself, through the same loader.
        let fixture = RepoPaths.fixtures.appendingPathComponent("documents/bengkulu-utara-disdik-evaluasi-standar-2025/renja-2025/tabel/evaluasi-standar.yaml")
        let sink = DiagnosticSink()
        let original = try XCTUnwrap(StandardTableLoader.load(text: String(contentsOf: fixture, encoding: .utf8), path: "f.yaml", sink: sink))
        XCTAssertEqual(original.allRows.count, table.allRows.count)
        for (a, b) in zip(original.allRows, table.allRows) {
            XCTAssertEqual(a.code?.value, b.code?.value)
            XCTAssertEqual(a.name.value, b.name.value)
            XCTAssertEqual(a.sasaran?.value, b.sasaran?.value)
            XCTAssertEqual(Self.cells(a.anggaran) { $0.sen.map(Double.init) }, Self.cells(b.anggaran) { $0.sen.map(Double.init) }, a.reference)
            XCTAssertEqual(a.indicators.map { Self.cells($0.kinerja) { $0.value } }, b.indicators.map { Self.cells($0.kinerja) { $0.value } }, a.reference)
            XCTAssertEqual(a.indicators.map { $0.unit?.value }, b.indicators.map { $0.unit?.value }, a.reference)
        }
        XCTAssertTrue(table.title.hasPrefix("EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH DINAS PENDIDIKAN"))
    }

    /// Without Kode, `;`-separated, split K | Rp, Indonesian numbers, a page break, the footer
    /// and the signatures.
    func testStandardTableWithoutKodeFromCSV() throws {
        let table = try imported("standar-tanpa-kode-pisah.csv")
        XCTAssertEqual(table.variant, .tanpaKode)
        try assertMatches(table, answers("standar-tanpa-kode-pisah.csv"), keyOf: { $0.number?.value })
        XCTAssertEqual(table.footer.drivers?.value, "Dukungan anggaran tepat waktu")
        XCTAssertEqual(table.footer.obstacles?.value, "Pengadaan terlambat")
        XCTAssertEqual(table.footer.followUpQuarter?.value, "Percepatan pengadaan")
        XCTAssertEqual(table.footer.followUpRenja?.value, "Perencanaan lebih awal")
        XCTAssertNil(table.footer.averageKinerja)
    }

    /// A cell the loader refuses stops the import, reported at that cell of the input.
    func testLoaderErrorsArePlacedOnInputCells() throws {
        var text = try XCTUnwrap(String(data: data("standar-kode-gabung.tsv"), encoding: .utf8))
        text = text.replacingOccurrences(of: "\t4436400000\t", with: "\t4,4 miliar\t")
        let r = LayoutImporter.importText(Data(text.utf8), path: "uji.tsv", outputPath: "evaluasi-standar.yaml")
        XCTAssertNil(r.yaml)
        let d = try XCTUnwrap(r.diagnostics.first { $0.severity == .galat })
        XCTAssertEqual(d.code, "angka-tidak-sah")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try XCTUnwrap(lines.firstIndex { $0.contains("4,4 miliar") }) + 1
        XCTAssertEqual(d.location?.file, "uji.tsv")
        XCTAssertEqual(d.location?.line, line)
        let column = try XCTUnwrap(lines[line - 1].range(of: "4,4 miliar")).lowerBound
        XCTAssertEqual(d.location?.column, lines[line - 1].distance(from: lines[line - 1].startIndex, to: column) + 1)
        XCTAssertTrue(d.notes.contains { $0.hasPrefix("sub kegiatan 1.01.02.2.01.0006") }, "\(d.notes)")
    }

    /// A column mixing `1.250` and `1,250.00` styles is refused at the odd cell.
    func testAmbiguousAmountStyleIsRefused() throws {
        var text = try XCTUnwrap(String(data: data("standar-tanpa-kode-pisah.csv"), encoding: .utf8))
        text = text.replacingOccurrences(of: ";4.436.400.000;", with: ";4,436,400,000;")
        let r = LayoutImporter.importText(Data(text.utf8), path: "uji.csv", outputPath: "evaluasi-standar.yaml")
        XCTAssertNil(r.yaml)
        XCTAssertEqual(r.diagnostics.first { $0.severity == .galat }?.code, "impor-angka-ambigu")
    }

    // MARK: Files

    func testPlanWritesTheStandardFileOfTheDocumentAndKeepsArah() throws {
        let root = RepoPaths.temporaryFolder(#function)
        let content = root.appendingPathComponent("Content")
        let doc = content.appendingPathComponent("uji")
        try FileManager.default.createDirectory(at: doc.appendingPathComponent("tabel"), withIntermediateDirectories: true)
        try "judul: Uji\n".write(to: doc.appendingPathComponent("dokumen.yaml"), atomically: true, encoding: .utf8)
        let input = Self.standard.appendingPathComponent("standar-kode-gabung.tsv")
        let request = LayoutImportRequest(input: input, inputDisplay: "masukan.tsv", content: content, contentDisplay: "Content")
        let plan = try LayoutImporter.plan(request)
        XCTAssertEqual(plan.targetDisplay, "Content/uji/tabel/evaluasi-standar.yaml")
        XCTAssertEqual(try LayoutImporter.write(plan, force: false), .written)
        // A declared `arah` survives the next import.
        let target = doc.appendingPathComponent("tabel/evaluasi-standar.yaml")
        var text = try String(contentsOf: target, encoding: .utf8)
        text = text.replacingOccurrences(of: "      - nama: \"APM PAUD\"\n        satuan: \"%\"\n",
                                         with: "      - nama: \"APM PAUD\"\n        satuan: \"%\"\n        arah: turun\n")
        try text.write(to: target, atomically: true, encoding: .utf8)
        let again = try LayoutImporter.plan(request)
        guard case .standard(let p) = again.kind else { return XCTFail("not the standard table") }
        XCTAssertEqual(p.keptDirections, 1)
        XCTAssertTrue(again.isUnchanged)
        XCTAssertThrowsError(try LayoutImporter.write(LayoutImportPlan(recognition: again.recognition, kind: .standard({ var q = p; q.yaml += "\n"; return q }()),
                                                                       inputDisplay: "masukan.tsv"), force: false)) { XCTAssertTrue($0 is OverwriteRefused) }
    }
}

extension ImportLayoutTests {
    /// An empty quarter before a filled one is refused at the empty cell; a filled Keterangan is said.
    func testQuarterGapIsRefusedAndRemarksAreSaid() throws {
        let text = try XCTUnwrap(String(data: data("standar-kode-gabung.tsv"), encoding: .utf8))
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let n = try XCTUnwrap(lines.firstIndex { $0.contains("\t1.01.02.2.01.0006\t") })
        var cells = lines[n].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        cells[26] = "lihat bab II"
        lines[n] = cells.joined(separator: "\t")
        let remarks = LayoutImporter.importText(Data(lines.joined(separator: "\n").utf8), path: "uji.tsv", outputPath: "evaluasi-standar.yaml")
        XCTAssertNotNil(remarks.yaml)
        XCTAssertEqual(remarks.diagnostics.filter { $0.code == "impor-keterangan" }.map { $0.location?.line }, [n + 1])
        // Cells: 0 No, 1 Sasaran, 2 Kode, 3 nama, 4 indikator, then K | Rp from 5: TW II's K is cell 13.
        cells[13] = ""
        lines[n] = cells.joined(separator: "\t")
        let gap = LayoutImporter.importText(Data(lines.joined(separator: "\n").utf8), path: "uji.tsv", outputPath: "evaluasi-standar.yaml")
        XCTAssertNil(gap.yaml)
        let d = try XCTUnwrap(gap.diagnostics.first { $0.code == "impor-triwulan" })
        XCTAssertEqual(d.location?.line, n + 1)
        XCTAssertEqual(d.location?.column, cells[..<13].reduce(0) { $0 + $1.count + 1 } + 1)
        XCTAssertEqual(d.message, "K triwulan II kosong padahal triwulan IV terisi")
    }
}

extension ImportLayoutTests {
    /// The seed's Tabel 1 and Tabel 2 as a spreadsheet copies them — the numbered row under the
    /// header, tab or `;` — import without --tabel to the same YAML as with it.
    func testSeedTablesWithANumberedRowNeedNoTabel() throws {
        for (name, kind, width) in [("tabel1-seed.tsv", TableKind.evaluasi, 9), ("tabel2-seed.tsv", .rencana, 5)] {
            let text = try String(contentsOf: ImportFixtures.url(name), encoding: .utf8)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let header = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("No.\t") })
            lines.insert((1...width).map(String.init).joined(separator: "\t"), at: header + 2)
            let tsv = lines.joined(separator: "\n")
            let csv = lines.map { line in
                line.split(separator: "\t", omittingEmptySubsequences: false).map { c in
                    c.contains(";") || c.contains("\"") ? "\"" + c.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : String(c)
                }.joined(separator: ";")
            }.joined(separator: "\n")
            let expected = try XCTUnwrap(TableImporter.importText(ImportFixtures.data(name), kind: kind, path: name, outputPath: "\(kind.rawValue).yaml").yaml)
            for input in [tsv, csv] {
                let r = LayoutImporter.importText(Data(input.utf8), path: name, outputPath: "\(kind.rawValue).yaml")
                XCTAssertEqual(r.layout?.id, kind.rawValue)
                XCTAssertEqual(r.yaml, expected, "\(name): the same YAML as with --tabel")
            }
            let (rec, _) = recognise(Data(tsv.utf8))
            XCTAssertEqual(rec?.numberedRowLine, header + 3)
        }
    }

    /// Without the numbered row, the standard table's variant comes from its width and its Kode header.
    func testStandardVariantWithoutNumberedRow() throws {
        for (name, id) in [("standar-kode-gabung.tsv", "evaluasi-standar-kode"), ("standar-tanpa-kode-pisah.csv", "evaluasi-standar-tanpa-kode")] {
            // "\r\n" is one Character in Swift: split on the scalars' line ends.
            let text = try XCTUnwrap(String(data: data(name), encoding: .utf8)).replacingOccurrences(of: "\r\n", with: "\n")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("1\t2\t3") && !$0.hasPrefix("1;2;3") }
            let input = Data(lines.joined(separator: "\n").utf8)
            let (r, ds) = recognise(input)
            XCTAssertEqual(r?.layout.id, id, ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
            XCTAssertTrue(r?.evidence.contains("(tanpa baris nomor kolom)") ?? false, r?.evidence ?? "-")
            XCTAssertNil(r?.numberedRowLine)
            XCTAssertNotNil(LayoutImporter.importText(input, path: name, outputPath: "evaluasi-standar.yaml").yaml)
        }
    }
}

extension ImportLayoutTests {
    /// Imported into a copy of the Bengkulu Utara document, the table gives the findings of the
    /// fixture's own answer key (`answer-key-standar.json`): same checks, same stated and computed
    /// figures (the cells are elsewhere in the written file, so places are not compared).
    func testImportedStandardTableGivesTheAnswerKeysFindings() throws {
        struct Key: Decodable {
            struct Finding: Decodable { var code: String; var figures: [String: String] }
            var findings: [Finding]
        }
        let fixture = StandardRealDocumentTests.folder
        let key = try JSONDecoder().decode(Key.self, from: Data(contentsOf: fixture.appendingPathComponent("answer-key-standar.json")))
        let root = RepoPaths.temporaryFolder(#function)
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: fixture, to: content)
        let target = content.appendingPathComponent("renja-2025/tabel/evaluasi-standar.yaml")
        try FileManager.default.removeItem(at: target)
        let plan = try LayoutImporter.plan(LayoutImportRequest(input: Self.standard.appendingPathComponent("standar-kode-gabung.tsv"),
                                                               inputDisplay: "masukan.tsv", content: content, contentDisplay: "Content"))
        XCTAssertEqual(try LayoutImporter.write(plan, force: false), .written)
        let site = try SiteLoader.load(content: content, displayPath: "Content")
        let ds = Validator.run(site).filter { $0.code.hasPrefix("evaluasi-") }
        func signature(_ code: String, _ figures: [String: String]) -> String {
            code + " " + figures.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        // The key states some figures of a finding only (no `selisih` for a quarter): compare those.
        var labels: [String: Set<String>] = [:]
        for f in key.findings { labels[f.code, default: []].formUnion(f.figures.keys) }
        let found = ds.map { d in signature(d.code, Dictionary(d.figures.map { ($0.label, $0.value) }, uniquingKeysWith: { a, _ in a })
            .filter { label, _ in labels[d.code]?.contains(label) ?? false }) }
        XCTAssertEqual(found.sorted(), key.findings.map { signature($0.code, $0.figures) }.sorted())
        XCTAssertEqual(ds.count, 32)
    }
}

extension ImportLayoutTests {
    /// Without a numbered row, a title naming the standard table contradicts --tabel rencana.
    func testTitleContradictingTabelIsSaid() throws {
        let text = try XCTUnwrap(String(data: data("standar-kode-gabung.tsv"), encoding: .utf8))
        let input = Data(text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("1\t2\t3") }.joined(separator: "\n").utf8)
        let (r, ds) = recognise(input, option: "rencana")
        XCTAssertNil(r)
        let d = try XCTUnwrap(ds.first)
        XCTAssertEqual(d.code, "impor-jenis-tabel")
        XCTAssertTrue(d.message.contains("milik tabel evaluasi standar dengan kolom Kode"), d.message)
    }
}

extension ImportLayoutTests {
    /// Against the file it replaces, --dry-run lists the rows whose content changed (figures
    /// compared by value: the fixture's `4436400000` is the import's `4.436.400.000`).
    func testChangesAgainstTheReplacedStandardFile() throws {
        let root = RepoPaths.temporaryFolder(#function)
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: StandardRealDocumentTests.folder, to: content)
        var text = try XCTUnwrap(String(data: data("standar-kode-gabung.tsv"), encoding: .utf8))
        text = text.replacingOccurrences(of: "\t4436400000\t", with: "\t4436400001\t")
        let input = root.appendingPathComponent("masukan.tsv")
        try text.write(to: input, atomically: true, encoding: .utf8)
        let plan = try LayoutImporter.plan(LayoutImportRequest(input: input, inputDisplay: "masukan.tsv", content: content, contentDisplay: "Content"))
        let lines = LayoutImporter.changes(plan, detailed: true)
        XCTAssertEqual(lines.first, "Perubahan terhadap Content/renja-2025/tabel/evaluasi-standar.yaml:")
        XCTAssertEqual(lines.dropFirst().first, "  ~ sub kegiatan 1.01.02.2.01.0006 Pembangunan Sarana, Prasarana dan Utilitas Sekolah")
        XCTAssertTrue(lines.last?.hasPrefix("  1 baris diubah, 0 ditambah, 0 dihapus, 111 tetap (") ?? false, lines.last ?? "-")
        XCTAssertTrue(lines.last?.hasSuffix("; judul diubah.") ?? false, lines.last ?? "-")
        XCTAssertThrowsError(try LayoutImporter.write(plan, force: false)) { XCTAssertTrue($0 is OverwriteRefused) }
    }
}
