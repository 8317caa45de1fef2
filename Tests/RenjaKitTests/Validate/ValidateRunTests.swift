import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaChecks

/// `Validator.run` as the CLI and the site use it: several documents, ordering, printing.
final class ValidateRunTests: XCTestCase {
    func testFindingsOfEveryDocumentInFileOrder() throws {
        var f = ContentFixture()
        f.replace("57.14%", with: "57.41%")
        // A second document: a copy of the first with its own mistake.
        for (path, text) in ContentFixture.defaults where !path.hasPrefix("../") {
            f.files["../lain/\(path)"] = text.replacingOccurrences(of: "judul: Perubahan Renja Uji 2024", with: "judul: Renja Lain 2024\nurutan: 2")
        }
        f.files["../lain/\(ContentFixture.chapter)"]! += "\n\nAnggarannya Rp 9.000."
        let ds = try f.run()
        XCTAssertEqual(ds.map { "\($0.documentSlug ?? "") \($0.code)" }, ["lain narasi-angka", "uji persen-realisasi"])
        XCTAssertEqual(ds.first?.location?.file, "Content/lain/bab/01-pendahuluan.md")
        XCTAssertEqual(ds.first?.severity, .galat)
    }

    func testSameLocationIsOrderedByCode() {
        let at = SourceLocation(file: "a.yaml", line: 3, column: 5)
        let ds = Validator.sorted([
            Diagnostic(.info, "perubahan-pagu", "b", at: at),
            Diagnostic(.galat, "jumlah-pagu", "a", at: at),
            Diagnostic(.galat, "angka-format", "c", at: nil),
            Diagnostic(.galat, "angka-format", "d", at: SourceLocation(file: "a.yaml", line: 2, column: 9)),
        ])
        XCTAssertEqual(ds.map(\.message), ["d", "a", "b", "c"])
    }

    func testRichAndJSONPrinting() throws {
        var f = ContentFixture()
        f.replace("realisasi: 200.000", with: "realisasi: 200.0000")
        let d = try XCTUnwrap(try f.run().only("angka-format"))
        let text = DiagnosticPrinter.rich(d) { path in
            path == ContentFixture.displayPath(ContentFixture.evaluation) ? f.files[ContentFixture.evaluation] : nil
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines[0], "Content/uji/tabel/evaluasi.yaml:43:24: galat[angka-format]: `realisasi` sub kegiatan 1.2 “Penyusunan Laporan Uji” tidak ditulis sebagai jumlah rupiah yang sah: pemisah ribuan tidak membentuk kelompok tiga digit")
        XCTAssertEqual(lines[2], "43 |             realisasi: 200.0000")
        XCTAssertEqual(lines[3], "   |                        ^")
        XCTAssertTrue(lines.contains("    kemungkinan maksudnya : Rp 200.000"), text)

        let json = DiagnosticPrinter.json([d])
        XCTAssertTrue(json.contains("\"code\" : \"angka-format\""), json)
        XCTAssertTrue(json.contains("\"line\" : 43"))
        XCTAssertTrue(json.contains("\"document\" : \"uji\""))
    }
}
