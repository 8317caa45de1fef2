import Foundation
import XCTest
@testable import RenjaKit

/// A document with `tabel/evaluasi-standar.yaml` gets the table's page (not silently dropped): every
/// row, K and Rp per quarter under grouped headers, each figure labelled for the phone cards, the
/// footer rows, and the computed columns marked as computed.
final class StandardTablePageTests: XCTestCase {
    func build(_ content: URL) throws -> (URL, BuildResult) {
        let out = RepoPaths.temporaryFolder("standar").appendingPathComponent("Public")
        let result = try Builder.build(BuildOptions(content: content, contentDisplay: "Content",
                                                    templates: RepoPaths.templates, templatesDisplay: "Templates", output: out))
        return (out, result)
    }

    func testTheRealDocumentsStandardTableHasItsPage() throws {
        let (out, _) = try build(StandardRealDocumentTests.folder)
        let html = try String(contentsOf: out.appendingPathComponent("renja-2025/tabel/evaluasi-standar/index.html"), encoding: .utf8)
        XCTAssertEqual(html.components(separatedBy: "<tbody class=\"butir").count - 1, 6 + 18 + 88)
        XCTAssertTrue(html.contains("Triwulan II (10)"))
        XCTAssertTrue(html.contains("data-label=\"10 Triwulan II (Rp)\">259.263.000</td>"))
        XCTAssertTrue(html.contains("data-label=\"7 Realisasi s/d tahun lalu (Rp)\">48.912.283.703,29</td>"))
        // Column 13 of sub kegiatan 1.01.02.2.01.0006 is not in the source: shown computed, and said so.
        XCTAssertTrue(html.contains("data-label=\"13 Realisasi Renja (Rp)\">3.673.163.000<span aria-hidden=\"true\">*</span>"))
        XCTAssertTrue(html.contains("Angka bertanda * tidak tertulis dalam dokumen"))
        // Findings are off the published site by default: no chips.
        XCTAssertFalse(html.contains("class=\"penanda\""))
        let home = try String(contentsOf: out.appendingPathComponent("renja-2025/index.html"), encoding: .utf8)
        XCTAssertTrue(home.contains("tabel/evaluasi-standar/"), "the document links its standard table")
    }

    func testTheFooterRowsAreShown() throws {
        let f = StandardFixture.content()
        let root = RepoPaths.temporaryFolder("standar-sintetis")
        let content = root.appendingPathComponent("Content")
        for (path, text) in f.files {
            let url = path.hasPrefix("../") ? content.appendingPathComponent(String(path.dropFirst(3)))
                : content.appendingPathComponent(ContentFixture.documentSlug).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let (out, _) = try build(content)
        let html = try String(contentsOf: out.appendingPathComponent("uji/tabel/evaluasi-standar/index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<dt>Rata-rata capaian kinerja (%)</dt><dd>65,00%</dd>"), html)
        XCTAssertTrue(html.contains("<dt>Predikat kinerja</dt><dd>Rendah</dd>"))
        XCTAssertTrue(html.contains("<dt>Tindak lanjut yang diperlukan dalam Renja berikutnya</dt>"))
        XCTAssertTrue(html.contains("data-label=\"15 Tingkat capaian (K)\">80,00%</td>"))
        XCTAssertFalse(html.contains("Angka bertanda *"), "every figure is stated in this table")
        // Today's tables keep their pages.
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("uji/tabel/evaluasi/index.html").path))
    }
}
