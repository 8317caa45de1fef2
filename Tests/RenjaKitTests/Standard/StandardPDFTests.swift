import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaLoad
@testable import RenjaFacts
@testable import RenjaChecks
@testable import RenjaImport
@testable import RenjaRender
@testable import RenjaWrite

/// The standard evaluation table on paper: the print page and the document PDF carry it whole, on
/// A4 landscape pages whose every sheet repeats the numbered header, and the PDF is the same bytes
/// on every run. Read back with poppler (skipped, like `DocumentPDFTests`, without the tools).
final class StandardPDFTests: XCTestCase {
    func testThePrintPageCarriesTheStandardTable() throws {
        let out = RepoPaths.temporaryFolder("standar-cetak").appendingPathComponent("Public")
        _ = try Builder.build(BuildOptions(content: StandardRealDocumentTests.folder, contentDisplay: "Content",
                                           templates: RepoPaths.templates, templatesDisplay: "Templates", output: out).isolated())
        let html = try String(contentsOf: out.appendingPathComponent("renja-2025/cetak/index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<li><a href=\"#lampiran-tabel-standar\">Evaluasi Terhadap Hasil Renja"))
        XCTAssertTrue(html.contains("<table class=\"tabel-renja tabel-standar-cetak\">"))
        XCTAssertEqual(html.components(separatedBy: "<tbody class=\"baris-").count - 1, 6 + 18 + 88, "every row")
        XCTAssertTrue(html.contains("<td class=\"num\">48.912.283.703,29</td>"))
    }

    func testThePDFHasTheTableOnLandscapePagesWithTheHeaderOnEverySheet() throws {
        let inCI = ProcessInfo.processInfo.environment["CI"] != nil
        guard let engine = PDFEngine.locate() else {
            if inCI { XCTFail("WeasyPrint is required in CI") }
            throw XCTSkip("WeasyPrint is not installed: the PDF is not made")
        }
        guard PDFReader.available else {
            if inCI { XCTFail("pdfinfo and pdftotext are required in CI") }
            throw XCTSkip("poppler-utils is not installed: the PDF cannot be read back")
        }
        let site = try SiteLoader.load(content: StandardRealDocumentTests.folder, displayPath: "Content")
        let templates = try TemplateSet.load(folder: RepoPaths.templates, displayPath: "Templates")
        let renderer = SiteRenderer(site: site, findings: Validator.run(site), templates: templates)
        let doc = try XCTUnwrap(site.documents.first)
        let first = try XCTUnwrap(DocumentPDF.make(doc, renderer: renderer, engine: engine, cache: nil))
        sleep(1)
        let second = try XCTUnwrap(DocumentPDF.make(doc, renderer: renderer, engine: engine, cache: nil))
        XCTAssertEqual(first.data, second.data, "two runs on the same input differ")

        let file = RepoPaths.temporaryFolder("standar-pdf").appendingPathComponent("dokumen.pdf")
        try first.data.write(to: file)
        let r = try PDFReader(file)
        let table = try XCTUnwrap(doc.standardEvaluation)
        // Every sub kegiatan's code is printed, each on a landscape page that repeats the header.
        let codes = table.allRows.filter { $0.level == .subKegiatan }.compactMap { $0.code?.value }
        XCTAssertEqual(codes.count, 88)
        var seen = Set<String>()
        for page in 1...r.pageCount {
            let text = r.text(page)
            let here = codes.filter { text.contains($0) }
            guard !here.isEmpty else { continue }
            seen.formUnion(here)
            let (w, h) = try XCTUnwrap(r.sizes[page])
            XCTAssertGreaterThan(w, h, "page \(page) with table rows is landscape")
            XCTAssertTrue(text.contains("Realisasi kinerja dan anggaran per triwulan (9–12)"), "page \(page) repeats the header")
            XCTAssertTrue(text.contains("akhir periode (6)") && text.contains("Triwulan I (9)") && text.contains("% (15 = 14/6 × 100%)"), "page \(page) repeats the numbered header")
        }
        XCTAssertEqual(seen, Set(codes), "every sub kegiatan is in the PDF")
        let all = (1...r.pageCount).map { r.text($0) }.joined(separator: "\n")
        XCTAssertTrue(all.contains("48.912.283.703,29"), "a figure as the table states it")
        XCTAssertTrue(all.contains("DAFTAR TABEL"))
    }
}
