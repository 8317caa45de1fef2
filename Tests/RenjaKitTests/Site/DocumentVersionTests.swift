import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaFacts
@testable import RenjaRender

/// "Which revision is this?": `revisi`, `tanggal_revisi`, `nomor_penetapan` and `tanggal_penetapan`
/// in `dokumen.yaml` appear in every page's footer, the PDF, the open-data files and the sitemap.
final class DocumentVersionTests: XCTestCase {
    static let versioned = TempSite.document + """

    revisi: 2
    tanggal_revisi: 2024-09-15
    nomor_penetapan: 050/123/Bappeda/2024
    tanggal_penetapan: 2024-08-20
    """

    func site(_ document: String = versioned) -> TempSite { TempSite(files: ["Content/uji/dokumen.yaml": document]) }

    func files(_ r: BuildResult) -> [String: String] {
        Dictionary(uniqueKeysWithValues: r.files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
    }

    func testTheFieldsAreLoadedAndTheLatestDateIsTheVersionDate() throws {
        let doc = try XCTUnwrap(try site().load().documents.first)
        let v = DocumentVersion(doc)
        XCTAssertEqual(v.revision, 2)
        XCTAssertEqual(v.revisionDate, "2024-09-15")
        XCTAssertEqual(v.decreeNumber, "050/123/Bappeda/2024")
        XCTAssertEqual(v.decreeDate, "2024-08-20")
        XCTAssertEqual(v.signingDate, "2024-08-08")
        XCTAssertEqual(v.latestDate, "2024-09-15")
        XCTAssertEqual(v.earliestDate, "2024-08-08")
        XCTAssertEqual(v.summary, "Revisi ke-2, 15 September 2024")
        // Without the new fields: the signing date alone.
        let plain = DocumentVersion(try XCTUnwrap(try site(TempSite.document).load().documents.first))
        XCTAssertEqual(plain.summary, "Disahkan 8 Agustus 2024")
        XCTAssertEqual(plain.latestDate, "2024-08-08")
    }

    func testFooterOpenDataAndSitemapCarryTheVersion() throws {
        let f = files(try Builder.render(site().options()))
        let line = "Versi dokumen Dokumen Uji: <span>Revisi ke-2 tanggal 15 September 2024</span>"
            + "<span>Ditetapkan dengan nomor 050/123/Bappeda/2024 tanggal 20 Agustus 2024</span><span>Disahkan tanggal 8 Agustus 2024</span>"
        let pages = f.filter { $0.key.hasPrefix("uji/") && $0.key.hasSuffix(".html") }
        XCTAssertGreaterThan(pages.count, 5)
        for (path, html) in pages { XCTAssertTrue(html.contains(line), "footer of \(path)") }
        XCTAssertTrue(try XCTUnwrap(f["uji/index.html"]).contains("Tahun 2024 · Revisi ke-2, 15 September 2024</p>"))

        // The table's JSON, the document's JSON and the CSV's metadata file.
        let table = try JSONSerialization.jsonObject(with: Data(try XCTUnwrap(f["uji/data/tabel-1-evaluasi.json"]).utf8)) as? [String: Any]
        let meta = try XCTUnwrap(table?["dokumen"] as? [String: Any])
        XCTAssertEqual(meta["revisi"] as? Int, 2)
        XCTAssertEqual(meta["tanggal_revisi"] as? String, "2024-09-15")
        XCTAssertEqual(meta["nomor_penetapan"] as? String, "050/123/Bappeda/2024")
        XCTAssertEqual(meta["tanggal_penetapan"] as? String, "2024-08-20")
        XCTAssertEqual(meta["tanggal_versi"] as? String, "2024-09-15")
        let whole = try JSONSerialization.jsonObject(with: Data(try XCTUnwrap(f["uji/data/uji.json"]).utf8)) as? [String: Any]
        XCTAssertEqual((whole?["versi"] as? [String: Any])?["tanggal_versi"] as? String, "2024-09-15")
        let csvw = try JSONSerialization.jsonObject(with: Data(try XCTUnwrap(f["uji/data/tabel-1-evaluasi.csv-metadata.json"]).utf8)) as? [String: Any]
        XCTAssertEqual(csvw?["url"] as? String, "tabel-1-evaluasi.csv")
        XCTAssertEqual(csvw?["dc:modified"] as? String, "2024-09-15")
        XCTAssertEqual(csvw?["schema:version"] as? String, "Revisi ke-2, 15 September 2024")
        XCTAssertEqual(csvw?["dc:identifier"] as? String, "050/123/Bappeda/2024")
        XCTAssertTrue(try XCTUnwrap(f["uji/data/index.html"]).contains("tabel-1-evaluasi.csv-metadata.json"), "listed on the data page")

        // The sitemap: the latest of the document's own dates.
        let sitemap = try XCTUnwrap(f["sitemap.xml"])
        XCTAssertTrue(sitemap.contains("<loc>https://contoh.go.id/renja/uji/</loc><lastmod>2024-09-15</lastmod>"), sitemap)
        XCTAssertFalse(sitemap.contains("2024-08-08"))
    }

    func testTheRealDocumentShowsItsSigningDateOnly() throws {
        // The seed document states no revision or decree number: Content/ has none of the new fields.
        let site = try RepoPaths.loadRealSite()
        let doc = try XCTUnwrap(site.documents.first)
        XCTAssertNil(doc.edition.revision)
        XCTAssertNil(doc.edition.decreeNumber)
        XCTAssertEqual(DocumentVersion(doc).lines, ["Disahkan tanggal 8 Agustus 2024"])
    }

    func testMalformedFieldsAreLoadErrorsWithTheirPlace() throws {
        let cases: [(String, String, String)] = [
            ("tanggal_revisi: 2024-02-30", "tanggal-tidak-sah", "Content/uji/dokumen.yaml:10:17"),
            ("tanggal_penetapan: 20 Agustus 2024", "tanggal-tidak-sah", "Content/uji/dokumen.yaml:10:20"),
            ("revisi: 0", "nilai-tak-dikenal", "Content/uji/dokumen.yaml:10:9"),
            ("revisi: dua", "tipe-salah", "Content/uji/dokumen.yaml:10:9"),
        ]
        for (line, code, place) in cases {
            let s = site(TempSite.document + "\n\n" + line)
            XCTAssertThrowsError(try Builder.render(s.options()), line) { error in
                let d = (error as? InputError)?.diagnostics.first
                XCTAssertEqual(d?.code, code, line)
                XCTAssertEqual(d?.location?.description, place, line)
            }
        }
        // From the command line: exit 2, the diagnostic in Indonesian.
        let s = site(TempSite.document + "\n\ntanggal_revisi: 2024-13-01")
        try FileManager.default.copyItem(at: RepoPaths.templates, to: s.root.appendingPathComponent("Templates"))
        let run = try CLI.run(["build"], in: s.root)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("Content/uji/dokumen.yaml:10:17: galat[tanggal-tidak-sah]: `tanggal_revisi` harus tanggal yang ada, berbentuk TTTT-BB-HH"), run.stderr)
    }

    func testThePDFCarriesTheVersionAndItsDates() throws {
        guard PDFEngine.locate() != nil, PDFReader.available else { throw XCTSkip("WeasyPrint or poppler-utils not installed") }
        let s = site()
        var options = s.options()
        options.pdf = true
        _ = try Builder.build(options)
        let reader = try PDFReader(s.root.appendingPathComponent("Public/uji/uji.pdf"))
        let cover = DocumentPDFTests.normalized(reader.text(1))
        XCTAssertTrue(cover.contains("Revisi ke-2 tanggal 15 September 2024"), cover)
        XCTAssertTrue(cover.contains("Ditetapkan dengan nomor 050/123/Bappeda/2024 tanggal 20 Agustus 2024"), cover)
        XCTAssertTrue(reader.info["CreationDate"]?.hasPrefix("2024-08-08") ?? false, "\(reader.info)")
        XCTAssertTrue(reader.info["ModDate"]?.hasPrefix("2024-09-15") ?? false, "\(reader.info)")
    }
}
