import XCTest
@testable import RenjaKit
@testable import RenjaModel

final class DiagnosticPrinterTests: XCTestCase {
    let finding = Diagnostic(.galat, "jumlah-pagu", "pagu kegiatan tidak sama dengan jumlah sub kegiatannya",
                             at: SourceLocation(file: "Content/d/tabel/evaluasi.yaml", line: 2, column: 9),
                             figures: [.init("tertulis", "Rp 21.606.000"), .init("dihitung", "Rp 21.606.001")],
                             notes: ["selisih Rp 1"])

    func testShortFormIsCompilerStyle() {
        XCTAssertEqual(DiagnosticPrinter.short(finding),
                       "Content/d/tabel/evaluasi.yaml:2:9: galat[jumlah-pagu]: pagu kegiatan tidak sama dengan jumlah sub kegiatannya")
    }

    func testRichFormShowsSourceLineCaretAndFigures() {
        let text = "judul: X\n    pagu: 21.606.000\n"
        let rich = DiagnosticPrinter.rich(finding) { _ in text }
        XCTAssertEqual(rich, """
        Content/d/tabel/evaluasi.yaml:2:9: galat[jumlah-pagu]: pagu kegiatan tidak sama dengan jumlah sub kegiatannya
          |
        2 |     pagu: 21.606.000
          |         ^
            tertulis : Rp 21.606.000
            dihitung : Rp 21.606.001
            catatan: selisih Rp 1
        """)
    }

    func testRichFormReadsWindowsLineEndings() {
        let rich = DiagnosticPrinter.rich(finding) { _ in "judul: X\r\n    pagu: 21.606.000\r\n" }
        XCTAssertTrue(rich.contains("2 |     pagu: 21.606.000\n"), rich)
    }

    func testJSONCarriesEveryField() throws {
        let json = DiagnosticPrinter.json([finding])
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        XCTAssertEqual(parsed.count, 1)
        XCTAssertEqual(parsed[0]["code"] as? String, "jumlah-pagu")
        XCTAssertEqual(parsed[0]["line"] as? Int, 2)
        XCTAssertEqual(parsed[0]["column"] as? Int, 9)
        XCTAssertEqual(parsed[0]["severity"] as? String, "galat")
        XCTAssertEqual((parsed[0]["figures"] as? [[String: String]])?.first?["value"], "Rp 21.606.000")
    }

    func testSummaryCountsEverySeverity() {
        let info = Diagnostic(.info, "perubahan-pagu", "x", at: nil)
        XCTAssertEqual(DiagnosticPrinter.summary([finding, info, info]), "Ringkasan: 1 galat, 0 peringatan, 2 info")
    }
}
