import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaImport

/// Lines the import cannot place stop it with a diagnostic at the input's line and column, and
/// nothing is written.
final class ImportDiagnosticsTests: XCTestCase {
    private func diagnostics(_ fixture: String, _ kind: TableKind) throws -> [Diagnostic] {
        let (parsed, ds) = TableImporter.parse(try ImportFixtures.data(fixture), kind: kind, path: fixture)
        XCTAssertNil(parsed)
        return ds
    }

    private func printed(_ d: Diagnostic) -> String {
        DiagnosticPrinter.rich(d)
    }

    func testUnknownRowNumber() throws {
        let ds = try diagnostics("salah-nomor.tsv", .evaluasi)
        XCTAssertEqual(ds.map(printed), ["""
        salah-nomor.tsv:7:1: galat[impor-nomor]: nomor baris `13.1.1` tidak dikenali
            diharapkan : angka Romawi untuk program (I, II, …), 1. untuk kegiatan, 1.1 untuk sub kegiatan
            ditemukan  : 13.1.1
        """])
    }

    func testCodeOutsideTheProgramAbove() throws {
        let ds = try diagnostics("salah-induk.tsv", .rencana)
        // One error: the sub kegiatan under the misplaced kegiatan is not reported again.
        XCTAssertEqual(ds.map(printed), ["""
        salah-induk.tsv:5:1: galat[impor-induk]: kode kegiatan 1.06.02.2.01 tidak berada di bawah program 1.06.01 di atasnya
            diharapkan : kode yang diawali 1.06.01.
            ditemukan  : 1.06.02.2.01
            catatan: bila program induknya belum ada, tambahkan barisnya di atas baris ini
        """])
    }

    func testUnnumberedRowWithNameAndFigures() throws {
        let ds = try diagnostics("salah-baris.csv", .evaluasi)
        XCTAssertEqual(ds.map(printed), ["""
        salah-baris.csv:5:2: galat[impor-baris]: baris tanpa nomor memuat nama dan angka; tidak jelas apakah ini lanjutan atau baris baru
            diharapkan : baris bernomor, atau lanjutan teks tanpa angka, atau indikator tambahan (kolom nama kosong)
            ditemukan  : nama "JUMLAH" dengan angka
            catatan: baris jumlah tidak perlu diimpor: renja menghitung jumlahnya sendiri; hapus baris ini
            catatan: beri nomor bila ini baris baru
        """])
    }

    /// Tabel 2's text imported as Tabel 1: one diagnostic that names the likely mistake, not one per row.
    func testWrongTableShape() throws {
        let ds = try diagnostics("rencana-koma.csv", .evaluasi)
        XCTAssertEqual(ds.map(printed), ["""
        rencana-koma.csv:2:123: galat[impor-kolom]: baris memuat 5 kolom; Tabel 1 (evaluasi) memuat 9 kolom
            diharapkan : 9 kolom: no, program/kegiatan/sub kegiatan, indikator kinerja, target, capaian, persentase, pagu, realisasi, persentase realisasi
            ditemukan  : 5 kolom
            catatan: teks dengan 5 kolom tampaknya Tabel 2 (rencana); pakai --tabel rencana bila memang begitu
        """])
        let caption = try diagnostics("tabel2-seed.tsv", .evaluasi)
        XCTAssertEqual(caption.map(DiagnosticPrinter.short),
                       ["tabel2-seed.tsv:1:1: galat[impor-jenis-tabel]: judul tabel menyebut Tabel 2, padahal yang diimpor Tabel 1 (evaluasi)"])
    }

    /// Every problem of a file is reported in one run, in line order.
    func testSeveralProblemsAreReportedTogether() {
        let text = """
        \tlanjutan tanpa induk\t\t\t\t
        1.06.01.2.01\tKegiatan tanpa program\tInd\t1 unit\t1.000
        1.06.01\tPROGRAM\tInd\t1 unit\t1.000
        1.06.01.2\tKode empat bagian\tInd\t1 unit\t1.000
        1.06\tURUSAN SOSIAL\t\t\t
        1.06.01.2.01\t\tInd\t1 unit\t1.000
        1.06.01.2.01.0001\tSub\t\t1 unit\t1.000
        1.06.01.2.01.0002\tSub 2\tInd\t1 unit\t1.000\textra
        """
        let (parsed, ds) = ImportFixtures.parse(text: text, .rencana)
        XCTAssertNil(parsed)
        XCTAssertEqual(ds.map(DiagnosticPrinter.short), [
            "uji.tsv:1:2: galat[impor-lanjutan]: baris tanpa nomor di awal tabel: tidak ada baris di atasnya untuk disambung",
            "uji.tsv:2:1: galat[impor-induk]: kegiatan 1.06.01.2.01 tidak didahului baris program",
            "uji.tsv:4:1: galat[impor-kode]: kode `1.06.01.2` bukan kode nomenklatur program, kegiatan atau sub kegiatan",
            "uji.tsv:5:1: galat[impor-kode]: kode `1.06` adalah kode urusan atau bidang urusan; Tabel 2 hanya memuat program, kegiatan dan sub kegiatan",
            "uji.tsv:6:14: galat[impor-nama-kosong]: kegiatan 1.06.01.2.01 tidak punya nama",
            "uji.tsv:7:23: galat[impor-indikator]: indikator sub kegiatan 1.06.01.2.01.0001 tidak punya nama",
            "uji.tsv:8:42: galat[impor-kolom]: baris memuat 6 kolom; Tabel 2 (rencana) memuat 5 kolom",
        ])
    }

    /// Text copied along with the table (a paragraph, a page number) is not a row.
    func testTextOutsideTheTable() {
        let text = "Rekapitulasi evaluasi hasil pelaksanaan renja dapat dilihat pada Tabel 1. dibawah ini.\n"
            + "1.06.01\tPROGRAM\tInd\t1 unit\t1.000\n21\n"
        let (parsed, ds) = ImportFixtures.parse(text: text, .rencana)
        XCTAssertNil(parsed)
        XCTAssertEqual(ds.map { DiagnosticPrinter.rich($0) }, ["""
            uji.tsv:1:1: galat[impor-bukan-baris]: baris ini bukan baris tabel: tidak ada pemisah kolom
                diharapkan : 5 kolom dipisah tab, ; atau ,
                ditemukan  : teks "Rekapitulasi evaluasi hasil pelaksanaan …"
                catatan: hapus teks di luar tabel (paragraf, nomor halaman, catatan) sebelum mengimpor
            """, """
            uji.tsv:3:1: galat[impor-bukan-baris]: baris ini bukan baris tabel: tidak ada pemisah kolom
                diharapkan : 5 kolom dipisah tab, ; atau ,
                ditemukan  : teks "21"
                catatan: hapus teks di luar tabel (paragraf, nomor halaman, catatan) sebelum mengimpor
            """])
    }

    /// Checked after the page-break rows are joined: a name or an indicator name still empty.
    func testMissingNames() {
        let text = """
        1.06.01\tPROGRAM\tInd\t1 unit\t1.000
        1.06.01.2.01\t\tInd\t1 unit\t1.000
        1.06.01.2.01.0001\tSub\t\t1 unit\t1.000
        """
        let (parsed, ds) = ImportFixtures.parse(text: text, .rencana)
        XCTAssertNil(parsed)
        XCTAssertEqual(ds.map(DiagnosticPrinter.short), [
            "uji.tsv:2:14: galat[impor-nama-kosong]: kegiatan 1.06.01.2.01 tidak punya nama",
            "uji.tsv:3:23: galat[impor-indikator]: indikator sub kegiatan 1.06.01.2.01.0001 tidak punya nama",
        ])
    }

    func testContinuationOfAnIndicatorThatDoesNotExist() {
        let text = "I\tPROGRAM\t\t\t\t\t1.000\t500\t50%\n\t\tteks indikator\t\t\t\t\t\t\n"
        let (_, ds) = ImportFixtures.parse(text: text, .evaluasi)
        XCTAssertEqual(ds.map(DiagnosticPrinter.short),
                       ["uji.tsv:2:3: galat[impor-lanjutan]: lanjutan teks indikator, tetapi baris di atasnya tidak punya indikator"])
    }

    func testBudgetWrittenTwice() {
        let text = "I\tPROGRAM\tInd\t1 unit\t1 unit\t100 persen\t1.000\t500\t50%\n\t\tInd 2\t2 unit\t1 unit\t50 persen\t2.000\t\t\n"
        let (_, ds) = ImportFixtures.parse(text: text, .evaluasi)
        XCTAssertEqual(ds.map(DiagnosticPrinter.short), ["uji.tsv:2:33: galat[impor-baris]: pagu untuk baris I ditulis dua kali"])
    }

    /// Tabel 1's numbers only count rows: a sub kegiatan numbered off its kegiatan is kept where it
    /// stands, with a warning.
    func testTabel1NumberMismatchIsAWarning() throws {
        let text = """
        I\tPROGRAM\tInd\t1 unit\t1 unit\t100 persen\t1.000\t500\t50%
        4.\tKegiatan\tInd\t1 unit\t1 unit\t100 persen\t1.000\t500\t50%
        5.1\tSub\tInd\t1 unit\t1 unit\t100 persen\t1.000\t500\t50%
        """
        let (parsed, ds) = ImportFixtures.parse(text: text, .evaluasi)
        let p = try XCTUnwrap(parsed)
        XCTAssertEqual(p.table.programs[0].children[0].children.map { $0.number?.value }, ["5.1"])
        XCTAssertEqual(ds.map(DiagnosticPrinter.short),
                       ["uji.tsv:3:1: peringatan[impor-nomor-induk]: nomor sub kegiatan 5.1 tidak cocok dengan kegiatan 4. di atasnya; baris tetap dimasukkan ke kegiatan itu"])
    }

    /// Figures that do not parse are kept as written and reported as warnings; the import goes on.
    func testUnparsableFiguresAreKeptRaw() throws {
        let text = "1.06.01\tPROGRAM\tInd\tsekitar 5 unit\t1,5 juta\n1.06.01\tPROGRAM 2\tInd\t\t\n"
        let (parsed, ds) = ImportFixtures.parse(text: text, .rencana)
        let p = try XCTUnwrap(parsed, ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        XCTAssertEqual(p.table.programs[0].indicators[0].target?.value.raw, "sekitar 5 unit")
        XCTAssertEqual(p.table.programs[0].pagu?.value.raw, "1,5 juta")
        XCTAssertEqual(p.table.programs[1].pagu?.value.raw, "")
        XCTAssertEqual(ds.map(DiagnosticPrinter.short), [
            "uji.tsv:1:21: peringatan[impor-angka]: `target` pada program 1.06.01: bukan angka",
            "uji.tsv:1:36: peringatan[impor-angka]: `pagu` pada program 1.06.01: bukan angka",
            "uji.tsv:2:23: peringatan[impor-angka]: `target` pada program 1.06.01: nilai kosong",
            "uji.tsv:2:24: peringatan[impor-angka]: `pagu` pada program 1.06.01: nilai kosong",
        ])
        XCTAssertEqual(ds[1].notes, ["`renja build` tidak dapat membaca nilai ini; betulkan di teks sumber sebelum mengimpor"])
        XCTAssertTrue(ds.allSatisfy { $0.severity == .peringatan })
        // The loader refuses three of them, so an import of this text writes nothing (ImportGateTests);
        // the empty pagu of a program is left out of the YAML, which the loader accepts (a program
        // may state no amount: its total comes from its sub kegiatan).
        let (yaml, refused) = TableImporter.importText(Data(text.utf8), kind: .rencana, path: "uji.tsv", outputPath: "rencana.yaml")
        XCTAssertNil(yaml)
        let loaderErrors = refused.filter { $0.code == "angka-tidak-sah" }
        XCTAssertEqual(loaderErrors.count, 3, "\(refused.map(DiagnosticPrinter.short))")
        XCTAssertEqual(loaderErrors.map(\.location), Array(ds.map(\.location).prefix(3)))
    }

    /// A failed import leaves an existing target exactly as it was.
    func testFailedImportWritesNothing() throws {
        let copy = try ImportFixtures.contentCopy()
        let target = copy.appendingPathComponent("renja-perubahan-2024/tabel/evaluasi.yaml")
        let before = try Data(contentsOf: target)
        let folder = target.deletingLastPathComponent()
        let listing = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertThrowsError(try TableImporter.plan(ImportFixtures.request(.evaluasi, input: ImportFixtures.url("salah-nomor.tsv"), content: copy))) {
            XCTAssertEqual(($0 as? InputError)?.diagnostics.map(\.code), ["impor-nomor"])
        }
        XCTAssertEqual(try Data(contentsOf: target), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), listing)
    }
}
