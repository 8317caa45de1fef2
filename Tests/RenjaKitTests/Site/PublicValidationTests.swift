import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel

/// Findings stay with the staff unless `situs.yaml` says `validasi_publik: ya`.
final class PublicValidationTests: XCTestCase {
    /// A site whose Tabel 1 has a wrong sum, so there is a finding to show.
    func site(_ setting: String?) -> TempSite {
        var settings = TempSite.settings
        if let setting { settings += "\nvalidasi_publik: \(setting)" }
        return TempSite(files: ["Content/situs.yaml": settings])
    }

    func html(_ result: BuildResult) -> [String: String] {
        Dictionary(uniqueKeysWithValues: result.files.filter { $0.path.hasSuffix(".html") }.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
    }

    func mutated(_ s: TempSite) throws -> TempSite {
        let evaluation = s.content.appendingPathComponent("uji/tabel/evaluasi.yaml")
        let text = try String(contentsOf: evaluation, encoding: .utf8)
        // The program's pagu only: it no longer equals its kegiatan's.
        let first = try XCTUnwrap(text.range(of: "pagu: 3.000.000"))
        try text.replacingCharacters(in: first, with: "pagu: 3.000.001").write(to: evaluation, atomically: true, encoding: .utf8)
        return s
    }

    func testByDefaultThePublishedSiteHasNoValidasiPageAndNoMarks() throws {
        let s = try mutated(site(nil))
        let result = try Builder.render(s.options())
        XCTAssertTrue(result.findings.contains { $0.severity == .galat }, "there is a finding")
        let pages = html(result)
        XCTAssertNil(pages["uji/validasi/index.html"])
        for (path, page) in pages {
            XCTAssertFalse(page.contains("temuan"), "\(path) mentions temuan")
            XCTAssertFalse(page.contains("validasi/"), "\(path) links to the Validasi page")
        }
    }

    func testWithValidasiPublikYaTheSiteHasBoth() throws {
        let s = try mutated(site("ya"))
        let pages = html(try Builder.render(s.options()))
        XCTAssertNotNil(pages["uji/validasi/index.html"])
        XCTAssertTrue(pages["uji/tabel/evaluasi/index.html"]?.contains("class=\"penanda\"") ?? false)
        XCTAssertTrue(pages["uji/index.html"]?.contains("Lihat hasil validasi") ?? false)
    }

    func testStaffCanAlwaysAskForThem() throws {
        let s = try mutated(site("tidak"))
        var options = s.options()
        options.alwaysShowFindings = true
        XCTAssertNotNil(html(try Builder.render(options))["uji/validasi/index.html"])
    }

    func testAnUnknownValueIsALoadError() throws {
        let s = site("mungkin")
        XCTAssertThrowsError(try Builder.render(s.options())) { error in
            let d = (error as? InputError)?.diagnostics.first
            XCTAssertEqual(d?.code, "nilai-tak-dikenal")
            XCTAssertEqual(d?.location?.description, "Content/situs.yaml:5:18")
        }
    }
}

/// What a published site needs besides its pages.
final class PublishingBasicsTests: XCTestCase {
    func testRobotsSitemapDatesAndThe404Page() throws {
        let s = TempSite()
        let result = try Builder.render(s.options())
        let files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
        XCTAssertEqual(files["robots.txt"], "User-agent: *\nAllow: /\nSitemap: https://contoh.go.id/renja/sitemap.xml\n")
        let sitemap = try XCTUnwrap(files["sitemap.xml"])
        // A document's pages carry the document's own date (its signing date), never the build's.
        XCTAssertTrue(sitemap.contains("<loc>https://contoh.go.id/renja/uji/</loc><lastmod>2024-08-08</lastmod>"), sitemap)
        XCTAssertTrue(sitemap.contains("<loc>https://contoh.go.id/renja/</loc></url>"))
        let notFound = try XCTUnwrap(files["404.html"])
        XCTAssertFalse(notFound.contains("rel=\"canonical\""))
        XCTAssertFalse(notFound.contains("og:url"))
        XCTAssertTrue(try XCTUnwrap(files["uji/index.html"]).contains("<link rel=\"canonical\" href=\"https://contoh.go.id/renja/uji/\">"))
    }
}
