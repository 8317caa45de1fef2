import Foundation
@testable import RenjaServe
import RenjaKit
import XCTest

/// After a save the preview shows the saved file's own page before it renders the rest.
final class PreviewEarlyPassTests: XCTestCase {
    /// The early pass of a save shows the saved file's page first — the chapter's page for a
    /// chapter, the table's page for a table — and it is the page the whole render then makes.
    func testTheSavedFilesPageIsShownFirstAndEqualsTheWholeRender() async throws {
        let root = Repo.temporaryFolder(name)
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Repo.content, to: content)
        var options = BuildOptions(content: content, contentDisplay: "Content", templates: Repo.templates, templatesDisplay: "Templates",
                                   output: root.appendingPathComponent("Public"))
        options.environment["RENJA_CACHE_DIR"] = root.appendingPathComponent("cache").path
        let site = PreviewSite(options: options)
        guard case .built = await site.rebuild() else { return XCTFail("the first render failed") }

        let chapter = content.appendingPathComponent("renja-perubahan-2024/bab/01-pendahuluan.md")
        let marker = "Kalimat awal \(UUID().uuidString.prefix(8))."
        try (try String(contentsOf: chapter, encoding: .utf8) + "\n\n\(marker)\n").write(to: chapter, atomically: true, encoding: .utf8)
        let early = await site.showSavedPages([chapter.path])
        XCTAssertEqual(early?.pages, ["renja-perubahan-2024/bab/pendahuluan/index.html"], "only the chapter's page, first")
        let shownFile = await site.file("renja-perubahan-2024/bab/pendahuluan/index.html")
        let shown = try XCTUnwrap(shownFile)
        XCTAssertTrue(String(decoding: shown, as: UTF8.self).contains(marker))

        guard case .built(let whole, _, _, let changed) = await site.rebuild() else { return XCTFail("the whole render failed") }
        XCTAssertTrue(changed.contains("renja-perubahan-2024/bab/pendahuluan/index.html"), "the save's changes include the page shown first: \(changed)")
        XCTAssertEqual(whole.files.first { $0.path == "renja-perubahan-2024/bab/pendahuluan/index.html" }?.data, shown,
                       "the page shown first is the page the whole render makes")

        // A table row: the table's page first.
        let table = content.appendingPathComponent("renja-perubahan-2024/tabel/rencana.yaml")
        let text = try String(contentsOf: table, encoding: .utf8)
        XCTAssertTrue(text.contains("            pagu: 2.552.000"))
        try text.replacingOccurrences(of: "            pagu: 2.552.000", with: "            pagu: 2.553.000")
            .write(to: table, atomically: true, encoding: .utf8)
        let tableEarly = await site.showSavedPages([table.path])
        XCTAssertEqual(tableEarly?.pages, ["renja-perubahan-2024/tabel/rencana/index.html"])
        let tableShown = await site.file("renja-perubahan-2024/tabel/rencana/index.html")
        XCTAssertTrue(String(decoding: tableShown ?? Data(), as: UTF8.self).contains("2.553.000"))
        guard case .built(let after, _, _, _) = await site.rebuild() else { return XCTFail("the render after the row failed") }
        XCTAssertEqual(after.files.first { $0.path == "renja-perubahan-2024/tabel/rencana/index.html" }?.data, tableShown)

        // A template: no page is made from it alone; the whole render shows it.
        let none = await site.showSavedPages([Repo.templates.appendingPathComponent("chapter.mustache").path])
        XCTAssertNil(none)
    }
}
