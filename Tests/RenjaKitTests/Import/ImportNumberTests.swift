import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaLoad
@testable import RenjaImport

/// Figures as agencies export them (`ImportNumbers`): comma, dot, space or no-break-space
/// thousands, `Rp`, `,-`, `,00`, negatives; the per-column rule for ambiguous cells.
final class ImportNumberTests: XCTestCase {
    // MARK: The seed with its amounts written other ways

    /// The seed fixture with every amount cell (Tabel 1: pagu and realisasi; Tabel 2: pagu)
    /// rewritten by `transform`; the other cells stay byte for byte.
    private func seedVariant(_ fixture: String, _ kind: TableKind, _ transform: (String) -> String) throws -> (URL, Int) {
        let columns = kind == .evaluasi ? [6, 7] : [4]
        var changed = 0
        let lines = try String(contentsOf: ImportFixtures.url(fixture), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                var cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                for c in columns where c < cells.count && !cells[c].isEmpty && cells[c].allSatisfy({ $0.isNumber || $0 == "." }) {
                    let new = transform(cells[c])
                    if new != cells[c] { changed += 1 }
                    cells[c] = new
                }
                return cells.joined(separator: "\t")
            }
        let url = RepoPaths.temporaryFolder().appendingPathComponent(fixture)
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        return (url, changed)
    }

    private func dots(_ to: String) -> (String) -> String { { $0.replacingOccurrences(of: ".", with: to) } }

    /// `1,244,173,000` (SIPD, English locale) gives byte for byte the YAML of `1.244.173.000`,
    /// which is the hand-kept file; the grouping typo `160.427.6000` of the source survives as
    /// `160,427,6000` → `160.427.6000`.
    func testCommaThousandsGiveTheSameYAMLAsDotThousands() throws {
        for (kind, fixture, amounts) in [(TableKind.evaluasi, "tabel1-seed.tsv", 100), (.rencana, "tabel2-seed.tsv", 60)] {
            let (input, changed) = try seedVariant(fixture, kind, dots(","))
            XCTAssertGreaterThan(changed, amounts, "the variant really has comma thousands")
            let text = try String(contentsOf: input, encoding: .utf8)
            XCTAssertTrue(text.contains(kind == .evaluasi ? "\t3,841,554,000\t1,670,601,969\t" : "\t3,662,369,000"), fixture)
            XCTAssertFalse(text.contains(kind == .evaluasi ? "3.841.554.000" : "3.662.369.000"), fixture)

            let dotPlan = try TableImporter.plan(ImportFixtures.request(kind, input: ImportFixtures.url(fixture), content: RepoPaths.content))
            let commaPlan = try TableImporter.plan(ImportFixtures.request(kind, input: input, content: RepoPaths.content))
            XCTAssertEqual(commaPlan.yaml, dotPlan.yaml, fixture)
            XCTAssertTrue(commaPlan.isUnchanged, "\(fixture): the hand-kept file, byte for byte")
            XCTAssertEqual(commaPlan.rows.normalizedAmounts, changed, fixture)
            XCTAssertTrue(ImportReport.summary(commaPlan).contains {
                $0.contains("\(changed) jumlah rupiah ditulis dengan titik pemisah ribuan") && $0.contains("→")
            }, fixture)
            if kind == .evaluasi {
                XCTAssertTrue(text.contains("\t160,427,6000\t"))
                XCTAssertTrue(commaPlan.yaml.contains("realisasi: 160.427.6000\n"))
                // The typo is reported as in the dot version, at the same cell.
                XCTAssertEqual(commaPlan.warnings.map(DiagnosticPrinter.short),
                               ["tabel1-seed.tsv:46:192: peringatan[impor-angka]: `realisasi` pada sub kegiatan 9.1: pemisah ribuan tidak membentuk kelompok tiga digit"])
                XCTAssertEqual(commaPlan.warnings.first?.figures.last?.value, "160,427,6000", "as the input has it")
                XCTAssertEqual(commaPlan.warnings.first?.notes, ["ditulis sebagai 160.427.6000; `renja check` akan melaporkannya"])
                XCTAssertEqual(dotPlan.warnings.first?.notes, ["ditulis apa adanya; `renja check` akan melaporkannya"])
            }
        }
    }

    /// Spaces, no-break spaces (U+00A0, U+202F), `Rp`/`Rp.`, `,-`, `,00` and `.00`: the same file.
    func testOtherAmountSpellingsGiveTheSameYAML() throws {
        let handKept = try String(contentsOf: RepoPaths.content.appendingPathComponent("renja-perubahan-2024/tabel/evaluasi.yaml"), encoding: .utf8)
        let variants: [(String, (String) -> String)] = [
            ("space", dots(" ")),
            ("U+00A0", dots("\u{00A0}")),
            ("U+202F", dots("\u{202F}")),
            ("Rp ,00", { "Rp " + $0 + ",00" }),
            ("Rp. ,-", { "Rp. " + $0 + ",-" }),
            ("comma .00", { $0.replacingOccurrences(of: ".", with: ",") + ".00" }),
            ("Rp NBSP", { "Rp\u{00A0}" + $0.replacingOccurrences(of: ".", with: "\u{00A0}") }),
        ]
        for (name, transform) in variants {
            let (input, changed) = try seedVariant("tabel1-seed.tsv", .evaluasi, transform)
            XCTAssertGreaterThan(changed, 100, name)
            let plan = try TableImporter.plan(ImportFixtures.request(.evaluasi, input: input, content: RepoPaths.content))
            XCTAssertTrue(plan.yaml == handKept, "\(name): the YAML differs from the hand-kept file")
        }
    }

    // MARK: Single cells

    /// One Tabel 2 program with `pagu` written as given; returns the pagu as it would be written.
    private func pagu(_ cell: String, file: StaticString = #filePath, line: UInt = #line) -> (String?, [Diagnostic]) {
        let (parsed, ds) = ImportFixtures.parse(text: "1.06.01\tPROGRAM\tInd\t1 unit\t\(cell)\n", .rencana)
        return (parsed?.table.programs.first?.pagu?.value.raw, ds)
    }

    func testAmountCellsAreWrittenWithThousandsDots() {
        let cases: [(String, String)] = [
            ("1,244,173,000", "1.244.173.000"), ("1.244.173.000", "1.244.173.000"), ("1 244 173 000", "1.244.173.000"),
            ("1\u{00A0}244\u{00A0}173\u{00A0}000", "1.244.173.000"), ("1\u{202F}244\u{202F}173\u{202F}000", "1.244.173.000"),
            ("Rp 1.244.173.000", "1.244.173.000"), ("Rp. 1,244,173,000", "1.244.173.000"), ("Rp1.244.173.000,-", "1.244.173.000"),
            ("IDR 1,244,173,000.00", "1.244.173.000"), ("1.244.173.000,00", "1.244.173.000"), ("1,244,173,000.00", "1.244.173.000"),
            ("1.244.173.000,0", "1.244.173.000"), ("rp 1 244 173 000,00", "1.244.173.000"), ("1244173000", "1.244.173.000"),
            ("1,250", "1.250"), ("1.250", "1.250"), ("0", "0"), ("Rp 0,00", "0"), ("  12.500  ", "12.500"),
            // Not numbers: left as written (the loader decides; see ImportGateTests).
            ("1,5 juta", "1,5 juta"), ("-", "-"),
        ]
        for (cell, written) in cases {
            let (value, ds) = pagu(cell)
            XCTAssertEqual(value, written, "\(cell.unicodeScalars.map { $0.value > 0x7F ? "U+\(String($0.value, radix: 16))" : String($0) }.joined())")
            XCTAssertFalse(ds.contains { $0.severity == .galat }, ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        }
    }

    /// The loader refuses negative amounts, so the import does (rule: refused, not rewritten).
    func testNegativeAmountsAreRefused() {
        for cell in ["(1.000)", "-1.000", "Rp -1.000", "\u{2212}1,000", "-Rp 1.000", "Rp (1.000,00)", "( 1 000 )"] {
            let (value, ds) = pagu(cell)
            XCTAssertNil(value, cell)
            XCTAssertEqual(ds.map(DiagnosticPrinter.short), ["uji.tsv:1:28: galat[impor-angka-negatif]: `pagu` pada program 1.06.01: jumlah rupiah negatif"], cell)
            XCTAssertEqual(ds.first?.figures.last?.value, "\(cell) (= -1.000)")
        }
    }

    func testAmbiguousAmountCellsAreRefused() {
        let cases: [(String, String)] = [
            ("1,5", "`pagu` pada program 1.06.01: `1,5` memuat pecahan, padahal jumlah rupiah di tabel ini bulat"),
            ("1.5", "`pagu` pada program 1.06.01: `1.5` memuat pecahan, padahal jumlah rupiah di tabel ini bulat"),
            ("1.234,56", "`pagu` pada program 1.06.01: `1.234,56` memuat pecahan, padahal jumlah rupiah di tabel ini bulat"),
            ("1,234.5", "`pagu` pada program 1.06.01: `1,234.5` memuat pecahan, padahal jumlah rupiah di tabel ini bulat"),
            ("1.000.00", "`pagu` pada program 1.06.01: pemisah angka saling bertentangan; jumlahnya tidak dapat dipastikan"),
            ("1.234,567.000", "`pagu` pada program 1.06.01: pemisah angka saling bertentangan; jumlahnya tidak dapat dipastikan"),
            ("1 234.567", "`pagu` pada program 1.06.01: pemisah angka saling bertentangan; jumlahnya tidak dapat dipastikan"),
        ]
        for (cell, message) in cases {
            let (value, ds) = pagu(cell)
            XCTAssertNil(value, cell)
            XCTAssertEqual(ds.map(DiagnosticPrinter.short), ["uji.tsv:1:28: galat[impor-angka-ambigu]: \(message)"], cell)
        }
    }

    /// Three rows with dot thousands and one with commas: the column is dot-thousands and the comma
    /// row is refused, with an example row of the column's style.
    func testAColumnMixingStylesRefusesTheOddCells() {
        let text = """
        1.06.01\tPROGRAM\tInd\t1 unit\t1.244.173.000
        1.06.01.2.01\tKegiatan\tInd\t1 unit\t1.250
        1.06.01.2.01.0001\tSub 1\tInd\t1 unit\t1,250
        1.06.01.2.01.0002\tSub 2\tInd\t1 unit\t2.500.000
        1.06.01.2.01.0003\tSub 3\tInd\t1 unit\t5.000,00
        1.06.01.2.01.0004\tSub 4\tInd\t1 unit\t5,000.00
        """
        let (parsed, ds) = ImportFixtures.parse(text: text, .rencana)
        XCTAssertNil(parsed)
        XCTAssertEqual(ds.map { DiagnosticPrinter.rich($0) }, ["""
            uji.tsv:3:36: galat[impor-angka-ambigu]: `pagu` pada sub kegiatan 1.06.01.2.01.0001: pemisah angka berbeda dengan sel lain di kolom ini; nilainya tidak dapat dipastikan
                diharapkan : titik pemisah ribuan dan koma desimal (1.244.173.000; 42,23), seperti baris 1: 1.244.173.000
                ditemukan  : 1,250 (koma pemisah ribuan dan titik desimal (1,244,173,000; 42.23))
                catatan: di kolom `pagu` 4 sel memakai titik pemisah ribuan/koma desimal dan 2 sel memakai koma pemisah ribuan/titik desimal; samakan format angkanya di lembar kerja (Format Sel → Angka) atau di teks, lalu impor ulang
            """, """
            uji.tsv:6:36: galat[impor-angka-ambigu]: `pagu` pada sub kegiatan 1.06.01.2.01.0004: pemisah angka berbeda dengan sel lain di kolom ini; nilainya tidak dapat dipastikan
                diharapkan : titik pemisah ribuan dan koma desimal (1.244.173.000; 42,23), seperti baris 1: 1.244.173.000
                ditemukan  : 5,000.00 (koma pemisah ribuan dan titik desimal (1,244,173,000; 42.23))
                catatan: di kolom `pagu` 4 sel memakai titik pemisah ribuan/koma desimal dan 2 sel memakai koma pemisah ribuan/titik desimal; samakan format angkanya di lembar kerja (Format Sel → Angka) atau di teks, lalu impor ulang
            """])
    }

    /// A column whose cells use commas as thousands settles it: `5,00` there is no decimal.
    func testCommaThousandsSettleTheColumn() {
        let text = """
        1.06.01\tPROGRAM\tInd\t1 unit\t1,244,173,000
        1.06.01.2.01\tKegiatan\tInd\t1 unit\t2,500,000
        1.06.01.2.01.0001\tSub 1\tInd\t1 unit\t5,00
        """
        let (parsed, ds) = ImportFixtures.parse(text: text, .rencana)
        XCTAssertNil(parsed)
        XCTAssertEqual(ds.map(DiagnosticPrinter.short),
                       ["uji.tsv:3:36: galat[impor-angka-ambigu]: `pagu` pada sub kegiatan 1.06.01.2.01.0001: pemisah angka berbeda dengan sel lain di kolom ini; nilainya tidak dapat dipastikan"])
        XCTAssertEqual(ds.first?.figures.first?.value, "koma pemisah ribuan dan titik desimal (1,244,173,000; 42.23), seperti baris 1: 1,244,173,000")
    }

    /// Each column is read on its own: dot-thousands pagu beside comma-thousands realisasi is fine.
    func testColumnsAreSettledSeparately() throws {
        let text = "I\tPROGRAM\tInd\t100 persen\t50 persen\t50 persen\t1.000.000\t500,000\t50%\n"
            + "1.\tKegiatan\tInd\t1 unit\t1 unit\t100 persen\t2.000\t1,000\t50%\n"
        let (parsed, ds) = ImportFixtures.parse(text: text, .evaluasi)
        let p = try XCTUnwrap(parsed, ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        XCTAssertEqual(p.table.allItems.map { $0.realisasi?.value.raw }, ["500.000", "1.000"])
        XCTAssertEqual(p.table.allItems.map { $0.pagu?.value.raw }, ["1.000.000", "2.000"])
    }

    // MARK: Percentages, targets and achievements

    /// `42,23`, `42.23`, `42,23%` are all read (and kept as written: the loader reads them alike).
    func testPercentagesWithDecimalCommaOrPoint() throws {
        let text = "I\tPROGRAM\tInd\t100 persen\t42,23 persen\t42,23\t1.000\t500\t42,23%\n"
            + "1.\tKegiatan\tInd\t100 persen\t42.23 persen\t42.23\t1.000\t500\t42.23%\n"
            + "2.\tKegiatan 2\tInd\t100 persen\t42.23 persen\t42,23 %\t1.000\t500\t42.23 persen\n"
        let (parsed, ds) = ImportFixtures.parse(text: text, .evaluasi)
        let p = try XCTUnwrap(parsed, ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        XCTAssertEqual(p.table.allItems.map { $0.statedAbsorption?.value.raw }, ["42,23%", "42.23%", "42.23 persen"])
        XCTAssertEqual(p.table.allItems.map { $0.indicators[0].stated?.value.raw }, ["42,23", "42.23", "42,23 %"])
        XCTAssertEqual(p.rows.normalizedFigures, 0)
        for item in p.table.allItems {
            XCTAssertEqual(item.statedAbsorption?.value.value, Percent(42.23))
            XCTAssertEqual(item.indicators[0].stated?.value.value, Percent(42.23))
            XCTAssertEqual(item.indicators[0].actual?.value.value, Quantity(42.23, "persen"))
        }
    }

    /// Numbers the loader would read differently are rewritten so it reads the import's number:
    /// a space between thousands, `0.500`, and in a column that shows comma thousands, `1,500`.
    func testFiguresTheLoaderWouldMisreadAreRewritten() throws {
        let text = "I\tPROGRAM\tInd\t2 000 orang\t1,500 orang\t62.5 persen\t1,000,000\t500,000\t50%\n"
            + "1.\tKegiatan\tInd\t1 unit\t1,234,567 orang\t0.500 persen\t1,000\t500\t50%\n"
        let (parsed, ds) = ImportFixtures.parse(text: text, .evaluasi)
        let p = try XCTUnwrap(parsed, ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        let program = p.table.programs[0], kegiatan = program.children[0]
        XCTAssertEqual(program.indicators[0].target?.value.raw, "2.000 orang")
        XCTAssertEqual(program.indicators[0].target?.value.value, Quantity(2000, "orang"))
        XCTAssertEqual(program.indicators[0].actual?.value.raw, "1.500 orang", "the column has 1,234,567: comma thousands")
        XCTAssertEqual(program.indicators[0].actual?.value.value, Quantity(1500, "orang"))
        XCTAssertEqual(kegiatan.indicators[0].actual?.value.raw, "1.234.567 orang", "the loader cannot read 1,234,567")
        XCTAssertEqual(program.indicators[0].stated?.value.raw, "62.5 persen", "read alike by the loader: kept")
        XCTAssertEqual(kegiatan.indicators[0].stated?.value.raw, "0,500 persen")
        XCTAssertEqual(kegiatan.indicators[0].stated?.value.value, Percent(0.5))
        XCTAssertEqual(p.rows.normalizedFigures, 4)
        XCTAssertEqual(p.rows.normalizedExample?.0, "2 000 orang")

        // The summary says so, and the file loads with the import's numbers.
        let folder = RepoPaths.temporaryFolder()
        let input = folder.appendingPathComponent("angka.tsv"), out = folder.appendingPathComponent("evaluasi.yaml")
        try Data(text.utf8).write(to: input)
        let plan = try TableImporter.plan(ImportFixtures.request(.evaluasi, input: input, content: folder, output: out))
        XCTAssertTrue(ImportReport.summary(plan).contains(
            "  4 angka target/capaian/persentase ditulis ulang agar terbaca sama oleh `renja build` (mis. 2 000 orang → 2.000 orang)"),
            ImportReport.summary(plan).joined(separator: "\n"))
        XCTAssertTrue(plan.yaml.contains("      capaian: 1.500 orang\n"))
        XCTAssertEqual(try TableImporter.write(plan, force: false), .written)
        let sink = DiagnosticSink()
        let loaded = try XCTUnwrap(TableLoader.load(.evaluasi, text: String(contentsOf: out, encoding: .utf8), path: "evaluasi.yaml", sink: sink))
        XCTAssertFalse(sink.hasErrors)
        XCTAssertEqual(loaded.programs[0].indicators[0].actual?.value.value, Quantity(1500, "orang"))
        XCTAssertEqual(loaded.programs[0].pagu?.value.value, Rupiah(1_000_000))
    }

    /// A target that holds two numbers (`11 Kab/1 Kota`) is kept as written, whatever the column.
    func testCompoundTargetIsKeptAsWritten() throws {
        let text = "1.06.01\tPROGRAM\tInd\t11 Kab/1 Kota\t1,000,000\n1.06.01.2.01\tKegiatan\tInd\t1,500.5 orang\t1,000\n"
        let (parsed, ds) = ImportFixtures.parse(text: text, .rencana)
        let p = try XCTUnwrap(parsed, ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        XCTAssertEqual(p.table.allItems.map { $0.indicators[0].target?.value.raw }, ["11 Kab/1 Kota", "1.500,5 orang"])
    }

    /// A column nothing settles is read as the documents write (`2.000` = 2000), except when the
    /// file's amounts use comma thousands: then `1,500` is ambiguous.
    func testUnsettledColumnInACommaThousandsFile() {
        let dotFile = "1.06.01\tPROGRAM\tInd\t1,500 orang\t1.000.000\n"
        let (dotParsed, _) = ImportFixtures.parse(text: dotFile, .rencana)
        XCTAssertEqual(dotParsed?.table.programs[0].indicators[0].target?.value.value, Quantity(1.5, "orang"))

        let commaFile = "1.06.01\tPROGRAM\tInd\t1,500 orang\t1,000,000\n"
        let (parsed, ds) = ImportFixtures.parse(text: commaFile, .rencana)
        XCTAssertNil(parsed)
        XCTAssertEqual(ds.map { DiagnosticPrinter.rich($0) }, ["""
            uji.tsv:1:21: galat[impor-angka-ambigu]: `target` pada program 1.06.01: `1,500` dapat berarti 1500 (koma pemisah ribuan) atau 1,5 (koma desimal)
                diharapkan : angka yang tidak bermakna ganda: tanpa pemisah ribuan (1500) atau dengan desimal yang jelas (1,5)
                ditemukan  : 1,500 orang
                catatan: kolom rupiah berkas ini memakai koma pemisah ribuan, tetapi tidak ada sel lain di kolom `target` yang menunjukkan pemisah ribuan atau desimalnya
            """])
    }

    /// The example of the task: `1.234,56`-style and `1,234.56`-style cells in one column.
    func testPercentColumnMixingStyles() {
        let text = "I\tPROGRAM\tInd\t100 persen\t50 persen\t1.234,56%\t1.000\t500\t50%\n"
            + "1.\tKegiatan\tInd\t100 persen\t50 persen\t1,234.56%\t1.000\t500\t50%\n"
        let (parsed, ds) = ImportFixtures.parse(text: text, .evaluasi)
        XCTAssertNil(parsed)
        XCTAssertEqual(ds.map(DiagnosticPrinter.short),
                       ["uji.tsv:2:38: galat[impor-angka-ambigu]: `persen` pada kegiatan 1.: pemisah angka berbeda dengan sel lain di kolom ini; nilainya tidak dapat dipastikan"])
    }

    // MARK: The number readers

    func testAmountReader() throws {
        let a = try XCTUnwrap(ImportNumbers.amount("Rp (1,244,173,000.00)"))
        XCTAssertEqual(a.groups, ["1", "244", "173", "000"])
        XCTAssertEqual(a.separator, ",")
        XCTAssertEqual(a.fraction, "00")
        XCTAssertTrue(a.negative)
        XCTAssertEqual(a.style, .english)
        XCTAssertEqual(a.canonical, "1.244.173.000")
        XCTAssertEqual(ImportNumbers.amount("160,427,6000")?.canonical, "160.427.6000")
        XCTAssertEqual(ImportNumbers.amount("160,427,6000")?.wellGrouped, false)
        XCTAssertEqual(ImportNumbers.amount("1 000")?.style, nil)
        XCTAssertEqual(ImportNumbers.amount("1 000,00")?.style, .indonesian)
        XCTAssertEqual(ImportNumbers.amount("1.250")?.style, .indonesian)
        XCTAssertEqual(ImportNumbers.amount("000123")?.canonical, "000.123", "leading zeros kept; the loader reads 123")
        XCTAssertEqual(AmountText(raw: "000.123").value, Rupiah(123))
        for text in ["", "Rp", "-", "(", "()", "1,5 juta", "1.000,", ",5", "1..", "satu juta", "1e6", "١٢٣"] {
            XCTAssertNil(ImportNumbers.amount(text), text)
        }
    }

    func testDecimalReader() throws {
        func r(_ s: String) -> (String, String, String, String, ImportNumbers.Style?)? {
            ImportNumbers.decimal(s).map { ($0.indonesian.whole, $0.indonesian.fraction, $0.english.whole, $0.english.fraction, $0.style) }
        }
        XCTAssertEqual(r("42,23 persen")?.0, "42")
        XCTAssertEqual(r("42,23 persen")?.4, .indonesian)
        XCTAssertEqual(r("42.23")?.4, nil)
        XCTAssertEqual(r("42.23")?.3, "23")
        let ambiguous = try XCTUnwrap(ImportNumbers.decimal("2.000 orang"))
        XCTAssertTrue(ambiguous.ambiguous)
        XCTAssertEqual(ambiguous.canonical(.indonesian), "2.000")
        XCTAssertEqual(ambiguous.canonical(.english), "2,000")
        XCTAssertEqual(ambiguous.length, 5)
        XCTAssertEqual(ImportNumbers.decimal("1,234.5")?.canonical(.english), "1.234,5")
        XCTAssertEqual(ImportNumbers.decimal("1,234.5")?.style, .english)
        XCTAssertEqual(ImportNumbers.decimal("2 000 orang")?.canonical(.indonesian), "2.000")
        XCTAssertEqual(ImportNumbers.decimal("-0.500")?.canonical(.indonesian), "-0,500")
        XCTAssertEqual(ImportNumbers.decimal("100 persen")?.length, 3, "a unit after a space is no thousands group")
        XCTAssertEqual(ImportNumbers.decimal("12 100%")?.length, 6)
        for text in ["", "orang", "-", ".5", "5.", "1,2,3", "1.2,3.4", "5²", "0.123.456"] {
            XCTAssertNil(ImportNumbers.decimal(text), text)
        }
    }
}
