import Foundation
@testable import RenjaServe
import RenjaKit
import XCTest

/// The preview is rendered in memory with the findings always shown, and `Public/` is written
/// after it exactly as `renja build` writes it.
final class InMemoryPreviewTests: XCTestCase {
    let chapter = "Content/renja-perubahan-2024/bab/01-pendahuluan.md"

    /// A served page without what the preview adds to responses (the live-reload tag, the note
    /// that search is catching up).
    func withoutInjection(_ data: Data) -> String {
        var text = String(decoding: data, as: UTF8.self)
        for pattern in [#"<p id="renja-terbit"[^\n]*</p>\n"#, #"<script src="/_renja/muat-ulang\.js" data-versi="[^"]*"( data-berkas="[^"]*")?></script>\n"#] {
            text = text.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        return text
    }

    func testFindingsAreShownInPreviewWhileThePublishedSiteKeepsThemOff() async throws {
        let fixture = try ServeFixture(name: name)
        try fixture.start()
        let (response, body) = try await fixture.get("/renja-perubahan-2024/validasi/")
        XCTAssertEqual(response.statusCode, 200, "the Validasi page is in the preview")
        let validation = String(decoding: body, as: UTF8.self)
        XCTAssertTrue(validation.contains("galat"), "with the findings")
        let program = try await fixture.text("/renja-perubahan-2024/")
        XCTAssertTrue(program.contains("class=\"penanda\""), "the preview marks programs with findings")

        XCTAssertFalse(FileManager.default.fileExists(atPath: fixture.output.appendingPathComponent("renja-perubahan-2024/validasi").path),
                       "the published site has no Validasi page (validasi_publik: tidak)")
        let published = try String(contentsOf: fixture.output.appendingPathComponent("renja-perubahan-2024/index.html"), encoding: .utf8)
        XCTAssertFalse(published.contains("class=\"penanda\""), "nor finding marks")
        try await fixture.stop()
    }

    func testAfterASaveServedPagesEqualWhatRenjaBuildWrites() async throws {
        // With the findings published, the preview and the published site are the same pages.
        let fixture = try ServeFixture(name: name, publicValidation: true)
        try fixture.start()
        let events = try EventStreamClient(port: fixture.port)
        defer { events.close() }
        XCTAssertNotNil(events.wait(for: "halo", timeout: 10))
        let publishes = fixture.log.publishCount
        let marker = "Kalimat sama \(UUID().uuidString.prefix(8))."
        try fixture.write(chapter, try fixture.read(chapter) + "\n\n\(marker)\n")
        XCTAssertNotNil(events.wait(for: "muat-ulang", timeout: 30), "no reload after the save")
        try fixture.waitForPublish(after: publishes)

        // What `renja build` makes from the same content, into a folder of its own.
        var options = fixture.server.site.options
        options.output = fixture.root.appendingPathComponent("Rujukan")
        options.environment["RENJA_CACHE_DIR"] = fixture.root.appendingPathComponent("cache-rujukan").path
        _ = try Builder.build(options)
        let built = SiteWriter.files(in: options.output)
        XCTAssertEqual(SiteWriter.files(in: fixture.output), built, "Public/ holds the files renja build makes")
        for path in built {
            let reference = try Data(contentsOf: options.output.appendingPathComponent(path))
            XCTAssertEqual(try Data(contentsOf: fixture.output.appendingPathComponent(path)), reference, "Public/\(path)")
        }
        let pages = built.filter { $0.hasSuffix(".html") && $0 != "404.html" }
        XCTAssertGreaterThan(pages.count, 20)
        for path in pages {
            let reference = try Data(contentsOf: options.output.appendingPathComponent(path))
            let target = "/" + (path == "index.html" ? "" : String(path.dropLast("index.html".count)))
            let (response, body) = try await fixture.get(target)
            XCTAssertEqual(response.statusCode, 200, target)
            XCTAssertEqual(withoutInjection(body), String(decoding: reference, as: UTF8.self), "served \(target) differs from renja build's \(path)")
        }
        let chapterPage = try await fixture.text("/renja-perubahan-2024/bab/pendahuluan/")
        XCTAssertTrue(chapterPage.contains(marker))
        try await fixture.stop()
    }

    func testThePreviewNotFoundPageIsStyledAndItsLinksWork() async throws {
        let fixture = try ServeFixture(name: name)
        try fixture.start()
        let (response, body) = try await fixture.get("/renja-perubahan-2024/tidak-ada/halaman/")
        XCTAssertEqual(response.statusCode, 404)
        let page = String(decoding: body, as: UTF8.self)
        let links = page.matches(of: #/(?:href|src)="(/[^"/][^"]*|/)"/#).map { String($0.output.1) }
            .filter { !$0.hasPrefix("/_renja/") }
        XCTAssertTrue(links.contains { $0.hasSuffix("style.css") }, "the page links its stylesheet: \(links)")
        XCTAssertGreaterThan(links.count, 3)
        XCTAssertFalse(page.contains("data-berkas="), "the 404 page reloads on every change (the page may exist now)")
        let home = try await fixture.text("/renja-perubahan-2024/")
        XCTAssertTrue(home.contains(#"data-berkas="renja-perubahan-2024/index.html""#), "a page knows its file, to reload only when it changed")
        for link in Set(links) {
            let (answer, _) = try await fixture.get(link)
            XCTAssertEqual(answer.statusCode, 200, "\(link) on the preview's 404 page")
        }
        try await fixture.stop()
    }

    func testPagesSayWhenSearchIsCatchingUp() {
        let page = Data("<html><body><p>isi</p></body></html>".utf8)
        let busy = String(decoding: LiveReload.inject(into: page, version: "v", failure: nil, publishing: true), as: UTF8.self)
        XCTAssertTrue(busy.contains("id=\"renja-terbit\""))
        XCTAssertTrue(busy.contains("pencarian dan PDF sedang diperbarui"))
        let idle = String(decoding: LiveReload.inject(into: page, version: "v", failure: nil, publishing: false), as: UTF8.self)
        XCTAssertFalse(idle.contains("renja-terbit"))
        XCTAssertTrue(LiveReload.script.contains("\"terbit\""), "the note goes when the publish is done")
        XCTAssertTrue(LiveReload.script.contains("files.indexOf(file)"), "a reload event that does not name the page leaves it")
    }
}

/// A site of several documents in preview: a save in one document checks and renders that one
/// (and the site's own pages) again; the others come from the last render, and every file is what
/// a render from scratch gives.
final class InMemoryPreviewReuseTests: XCTestCase {
    func testASaveInOneDocumentRendersOnlyThatDocument() async throws {
        let root = Repo.temporaryFolder(name)
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Repo.content, to: content)
        let copy = content.appendingPathComponent("renja-2025")
        try FileManager.default.copyItem(at: content.appendingPathComponent("renja-perubahan-2024"), to: copy)
        let meta = copy.appendingPathComponent("dokumen.yaml")
        try (try String(contentsOf: meta, encoding: .utf8))
            .replacingOccurrences(of: "tahun: 2024", with: "tahun: 2025")
            .replacingOccurrences(of: "urutan: 1", with: "urutan: 2")
            .replacingOccurrences(of: "judul_singkat: Perubahan Renja 2024", with: "judul_singkat: Dokumen Uji 2025")
            .write(to: meta, atomically: true, encoding: .utf8)
        var options = BuildOptions(content: content, contentDisplay: "Content", templates: Repo.templates, templatesDisplay: "Templates",
                                   output: root.appendingPathComponent("Public"))
        options.environment["RENJA_CACHE_DIR"] = root.appendingPathComponent("cache").path
        let site = PreviewSite(options: options)

        guard case .built(let first, _, _, _) = await site.rebuild() else { return XCTFail("the first render failed") }
        XCTAssertEqual(first.renderedDocuments, ["renja-perubahan-2024", "renja-2025"])

        let chapter = copy.appendingPathComponent("bab/01-pendahuluan.md")
        let marker = "Kalimat dokumen kedua \(UUID().uuidString.prefix(8))."
        try (try String(contentsOf: chapter, encoding: .utf8) + "\n\n\(marker)\n").write(to: chapter, atomically: true, encoding: .utf8)
        guard case .built(let second, _, _, let changed) = await site.rebuild() else { return XCTFail("the render after the save failed") }
        XCTAssertEqual(second.renderedDocuments, ["renja-2025"], "the other document is kept")
        XCTAssertTrue(changed.contains("renja-2025/bab/pendahuluan/index.html"), "\(changed)")
        XCTAssertFalse(changed.contains { $0.hasPrefix("renja-perubahan-2024/") }, "nothing of the other document changed: \(changed)")

        // Every file as a render from scratch makes it.
        var plain = site.previewOptions
        plain.reuseUnchangedDocuments = false
        let scratch = try Builder.render(plain)
        XCTAssertEqual(second.files.map(\.path), scratch.files.map(\.path))
        for (a, b) in zip(second.files, scratch.files) { XCTAssertEqual(a.data, b.data, a.path) }
        XCTAssertTrue(String(decoding: try XCTUnwrap(second.files.first { $0.path == "renja-2025/bab/pendahuluan/index.html" }).data,
                             as: UTF8.self).contains(marker))
    }
}
