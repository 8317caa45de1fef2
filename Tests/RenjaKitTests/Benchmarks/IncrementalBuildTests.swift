import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaRender
@testable import RenjaWrite

/// The incremental build (`BuildOptions.reuseUnchangedDocuments`, what `renja build` does): after
/// any change its output must be byte for byte a full build's, while unchanged documents are
/// neither checked nor rendered again.
final class IncrementalBuildTests: XCTestCase {
    var root: URL!
    var content: URL { root.appendingPathComponent("Content") }
    var output: URL { root.appendingPathComponent("Public") }

    override func setUpWithError() throws {
        root = RepoPaths.temporaryFolder()
        // Three documents: the real one and two copies under other names, of other years (documents
        // of one agency and year are compared, so an incremental build renders them together).
        XCTAssertEqual(try Tree.copyRealContent(to: root).path, content.path)
        for (slug, order) in [("renja-2025", 2), ("renja-2026", 3)] {
            try FileManager.default.copyItem(at: content.appendingPathComponent("renja-perubahan-2024"), to: content.appendingPathComponent(slug))
            try Tree.edit(content.appendingPathComponent("\(slug)/dokumen.yaml"), replacing: "urutan: 1", with: "urutan: \(order)")
            try Tree.edit(content.appendingPathComponent("\(slug)/dokumen.yaml"), replacing: "tahun: 2024", with: "tahun: \(slug.suffix(4))")
            try Tree.edit(content.appendingPathComponent("\(slug)/dokumen.yaml"), replacing: "judul_singkat: Perubahan Renja 2024",
                          with: "judul_singkat: Dokumen \(slug)")
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    var search = false
    /// `BuildOptions.searchGroupSize` for the builds.
    var groupSize: Int?
    /// `RENJA_PAGEFIND` for the builds, when set.
    var pagefind: URL?

    func options(_ out: URL? = nil, incremental: Bool = true) -> BuildOptions {
        var o = BuildOptions(content: content, contentDisplay: "Content", templates: RepoPaths.templates, templatesDisplay: "Templates",
                             output: out ?? output, search: search).isolated(cache: root.appendingPathComponent("cache"))
        o.reuseUnchangedDocuments = incremental
        o.searchGroupSize = groupSize
        if let pagefind { o.environment["RENJA_PAGEFIND"] = pagefind.path }
        return o
    }

    /// With search on (as `renja build` runs when Pagefind is installed), the build stays
    /// incremental: the documents are indexed in groups (`SearchGroups`; two documents a group
    /// here, so the three documents make two groups), a group's bundle is kept while none of its
    /// documents is rendered, so a rebuild with nothing changed runs no Pagefind at all, and after
    /// an edit only the edited documents' groups are indexed again, from the rendered pages and the
    /// kept documents' pages read back from the output; each time the output equals a full
    /// build's, also after a document is added or removed (which moves documents between groups).
    /// Pagefind runs are counted by a wrapper that logs each one.
    func testWithSearchTheBuildStaysIncrementalAndEqualsAFullBuild() throws {
        guard let real = SearchIndexer.locate() else { throw XCTSkip("Pagefind is not installed (scripts/test installs it)") }
        search = true
        groupSize = 2
        let wrapper = RepoPaths.temporaryFolder("pagefind-log")
        defer { try? FileManager.default.removeItem(at: wrapper) }
        let log = wrapper.appendingPathComponent("runs.log")
        pagefind = wrapper.appendingPathComponent("pagefind")
        try "#!/bin/sh\necho run >> '\(log.path)'\nexec '\(real.path)' \"$@\"\n".write(to: pagefind!, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: pagefind!.path)
        func runs(_ build: () throws -> BuildResult) rethrows -> (BuildResult, Int) {
            try? FileManager.default.removeItem(at: log)
            let result = try build()
            return (result, ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").count)
        }
        func made(_ result: BuildResult) -> Set<String> {
            Set(result.files.map(\.path).filter { $0.hasPrefix(SearchGroups.prefix) }.map { $0.split(separator: "/").prefix(2).joined(separator: "/") + "/" })
        }
        let one = "pagefind/kelompok-1/", two = "pagefind/kelompok-2/"  // renja-2025 and renja-2026; renja-perubahan-2024

        let (first, firstRuns) = try runs { try Builder.build(options()) }
        XCTAssertEqual(firstRuns, 3, "one run per group and one for the site's bundle")
        XCTAssertTrue(first.files.contains { $0.path == "pagefind/pagefind-ui.js" })
        for folder in [one, two] {
            XCTAssertTrue(first.files.contains { $0.path == folder + "pagefind-entry.json" }, folder)
            XCTAssertTrue(first.files.contains { $0.path.hasPrefix(folder + "fragment/") }, folder)
            XCTAssertFalse(first.files.contains { $0.path.hasPrefix(folder) && $0.path.hasSuffix(".js") }, "\(folder): no engine of its own")
        }
        XCTAssertFalse(first.files.contains { $0.path.hasPrefix("renja-2025/pagefind/") }, "no bundle of a document's own")
        let searchPage = try String(contentsOf: output.appendingPathComponent("cari/index.html"), encoding: .utf8)
        XCTAssertTrue(searchPage.contains("data-bundel-dokumen=\"../\(one) ../\(two) \""), "the search page merges every group's bundle")
        try compareWithAFullBuild(first, "first build, search on")

        let (again, againRuns) = try runs { try Builder.build(options()) }
        XCTAssertEqual(againRuns, 0, "nothing changed: no Pagefind run")
        XCTAssertTrue(again.files.allSatisfy { !$0.path.hasPrefix("renja-") }, "no document page rendered")
        XCTAssertTrue(again.files.allSatisfy { !$0.path.contains("pagefind/") }, "every bundle is kept, not made again")
        XCTAssertTrue(again.reusedFiles.contains("pagefind/pagefind-ui.js"))
        XCTAssertTrue(again.reusedFiles.contains(two + "pagefind-entry.json"))
        XCTAssertEqual(again.report?.written, 0)
        try compareWithAFullBuild(again, "nothing changed, search on")

        // renja-2026 is kept: its pages are read back for its group's bundle.
        try Tree.edit(content.appendingPathComponent("renja-2025/bab/01-pendahuluan.md"), replacing: "## 1.1 Analisis Gambaran Pelayanan", with: "## 1.1 Analisis Gambaran Pelayanan Baru")
        let (edited, editedRuns) = try runs { try Builder.build(options()) }
        XCTAssertEqual(editedRuns, 1, "only the edited document's group is indexed again")
        XCTAssertEqual(made(edited), [one])
        XCTAssertTrue(edited.reusedFiles.contains(two + "pagefind-entry.json"), "the other group keeps its bundle")
        XCTAssertTrue(edited.files.allSatisfy { !$0.path.hasPrefix("pagefind/") || $0.path.hasPrefix(one) }, "the site's bundle is kept")
        XCTAssertEqual(Set(edited.files.compactMap { $0.path.split(separator: "/").first }.filter { $0.hasPrefix("renja-") }), ["renja-2025"])
        try compareWithAFullBuild(edited, "one chapter edited, search on")

        // The other document of that group, then one document in each group.
        try Tree.edit(content.appendingPathComponent("renja-2026/tabel/rencana.yaml"), replacing: "            pagu: 2.552.000", with: "            pagu: 2.553.000")
        let (other, otherRuns) = try runs { try Builder.build(options()) }
        XCTAssertEqual(otherRuns, 1)
        XCTAssertEqual(made(other), [one])
        try compareWithAFullBuild(other, "the group's other document edited, search on")
        try Tree.edit(content.appendingPathComponent("renja-2025/tabel/rencana.yaml"), replacing: "            pagu: 2.552.000", with: "            pagu: 2.554.000")
        try Tree.edit(content.appendingPathComponent("renja-perubahan-2024/bab/01-pendahuluan.md"), replacing: "## 1.1 Analisis Gambaran Pelayanan", with: "## 1.1 Analisis Gambaran Pelayanan Kini")
        let (both, bothRuns) = try runs { try Builder.build(options()) }
        XCTAssertEqual(bothRuns, 2)
        XCTAssertEqual(made(both), [one, two])
        try compareWithAFullBuild(both, "a document in each group edited, search on")

        // A document added (renja-2027 joins renja-perubahan-2024's group), then one removed
        // (renja-2027 moves to the first group): every document is rendered (the navigation
        // lists them), each group is indexed from its new documents, and nothing is left over.
        let added = content.appendingPathComponent("renja-2027")
        try FileManager.default.copyItem(at: content.appendingPathComponent("renja-2026"), to: added)
        try Tree.edit(added.appendingPathComponent("dokumen.yaml"), replacing: "urutan: 3", with: "urutan: 4")
        try Tree.edit(added.appendingPathComponent("dokumen.yaml"), replacing: "tahun: 2026", with: "tahun: 2027")
        try Tree.edit(added.appendingPathComponent("dokumen.yaml"), replacing: "judul_singkat: Dokumen renja-2026", with: "judul_singkat: Dokumen renja-2027")
        let (grown, grownRuns) = try runs { try Builder.build(options()) }
        XCTAssertEqual(grownRuns, 2, "the site's bundle is kept")
        XCTAssertEqual(made(grown), [one, two])
        XCTAssertTrue(try String(contentsOf: output.appendingPathComponent("cari/index.html"), encoding: .utf8)
            .contains("data-bundel-dokumen=\"../\(one) ../\(two) \""))
        try compareWithAFullBuild(grown, "a document added, search on")
        try FileManager.default.removeItem(at: content.appendingPathComponent("renja-2026"))
        let (shrunk, _) = try runs { try Builder.build(options()) }
        try compareWithAFullBuild(shrunk, "a document removed, search on")
        try FileManager.default.removeItem(at: content.appendingPathComponent("renja-2025"))
        let (single, _) = try runs { try Builder.build(options()) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent(two).path), "two documents: one group, the second one's bundle is gone")
        try compareWithAFullBuild(single, "down to one group, search on")
    }

    /// Builds incrementally into Public/, then a full build elsewhere, and compares everything.
    @discardableResult
    func buildAndCompare(_ what: String, file: StaticString = #filePath, line: UInt = #line) throws -> BuildResult {
        try compareWithAFullBuild(try Builder.build(options()), what, file: file, line: line)
    }

    /// Compares an incremental build's output and result with a full build's elsewhere.
    @discardableResult
    func compareWithAFullBuild(_ incremental: BuildResult, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws -> BuildResult {
        let fullFolder = root.appendingPathComponent("Full-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: fullFolder) }
        let full = try Builder.build(options(fullFolder, incremental: false))
        XCTAssertEqual(try Tree.read(output), try Tree.read(fullFolder), "\(what): incremental output = full output", file: file, line: line)
        XCTAssertEqual(incremental.findings, full.findings, "\(what): the same findings, in the same order", file: file, line: line)
        XCTAssertEqual(incremental.pageCount, full.pageCount, what, file: file, line: line)
        XCTAssertEqual(incremental.fileCount, full.files.count, what, file: file, line: line)
        XCTAssertEqual(try Tree.siblings(of: output).filter { !$0.hasPrefix("Full") }, ["Content", "Public", "cache"],
                       "\(what): nothing left beside the output", file: file, line: line)
        return incremental
    }

    func testOnlyChangedDocumentsAreRenderedAndTheOutputEqualsAFullBuild() throws {
        let first = try buildAndCompare("first build")
        XCTAssertTrue(first.reusedFiles.isEmpty)

        let again = try buildAndCompare("nothing changed")
        XCTAssertTrue(again.files.allSatisfy { !$0.path.hasPrefix("renja-") }, "no document page rendered: \(again.files.map(\.path).prefix(5))")
        XCTAssertEqual(again.report?.written, 0)
        XCTAssertFalse(again.reusedFiles.isEmpty)

        try Tree.edit(content.appendingPathComponent("renja-2025/tabel/rencana.yaml"),
                      replacing: "            pagu: 2.552.000", with: "            pagu: 2.553.000")
        let edited = try buildAndCompare("one table row edited")
        XCTAssertEqual(Set(edited.files.compactMap { $0.path.split(separator: "/").first }.filter { $0.hasPrefix("renja-") }), ["renja-2025"])
        XCTAssertTrue(edited.report!.writtenFiles.contains("renja-2025/tabel/rencana/index.html"))
        XCTAssertTrue(edited.report!.writtenFiles.allSatisfy { !$0.hasPrefix("renja-2026/") && !$0.hasPrefix("renja-perubahan-2024/") })

        try Tree.edit(content.appendingPathComponent("renja-2026/bab/01-pendahuluan.md"),
                      replacing: "## 1.1 Analisis Gambaran Pelayanan", with: "## 1.1 Analisis Gambaran Pelayanan Terkini")
        try buildAndCompare("a chapter edited")

        try Tree.edit(content.appendingPathComponent("renja-2026/dokumen.yaml"), replacing: "judul_singkat: Dokumen renja-2026",
                      with: "judul_singkat: Dokumen Baru")
        let renamed = try buildAndCompare("a short title changed (it is in every page's navigation)")
        XCTAssertTrue(renamed.reusedFiles.isEmpty, "metadata reaches other documents' pages: everything rendered")

        try FileManager.default.removeItem(at: content.appendingPathComponent("renja-2025"))
        try buildAndCompare("a document removed")

        try FileManager.default.copyItem(at: content.appendingPathComponent("renja-2026"), to: content.appendingPathComponent("renja-2027"))
        try buildAndCompare("a document added")

        try Tree.edit(content.appendingPathComponent("situs.yaml"), replacing: "judul: ", with: "judul: Baru ")
        try buildAndCompare("site settings changed")
    }

    func testTemplateChangeRendersEverything() throws {
        let templates = root.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: RepoPaths.templates, to: templates)
        var o = options()
        o.templates = templates
        _ = try Builder.build(o)
        try Tree.edit(templates.appendingPathComponent("partials/footer.mustache"), replacing: "</footer>", with: "<!-- ubah --></footer>")
        let second = try Builder.build(o)
        XCTAssertTrue(second.reusedFiles.isEmpty)
        XCTAssertTrue(String(decoding: try Data(contentsOf: output.appendingPathComponent("renja-2026/bab/penutup/index.html")), as: UTF8.self)
            .contains("<!-- ubah -->"))
    }

    /// With every document kept and nothing else changed, the site's own pages (home, search, 404,
    /// sitemap, assets) are kept too, without reading a template; whatever they show from the
    /// templates, the settings or a document brings them back, equal to a full build's.
    func testTheSitePagesAreKeptOnlyWhileNothingTheyShowChanged() throws {
        let templates = root.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: RepoPaths.templates, to: templates)
        func build(_ what: String) throws -> BuildResult {
            var o = options()
            o.templates = templates
            let result = try Builder.build(o)
            let fullFolder = root.appendingPathComponent("Full-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: fullFolder) }
            var full = options(fullFolder, incremental: false)
            full.templates = templates
            let fullResult = try Builder.build(full)
            XCTAssertEqual(try Tree.read(output), try Tree.read(fullFolder), "\(what): incremental output = full output")
            XCTAssertEqual(result.findings, fullResult.findings, what)
            XCTAssertEqual(result.pageCount, fullResult.pageCount, what)
            XCTAssertEqual(result.fileCount, fullResult.files.count, what)
            return result
        }
        let sitePages = ["index.html", "cari/index.html", "404.html", "sitemap.xml", "robots.txt", "assets/style.css"]
        let first = try build("first build")
        XCTAssertTrue(sitePages.allSatisfy { path in first.files.contains { $0.path == path } })

        let again = try build("nothing changed")
        XCTAssertEqual(again.files.map(\.path), [], "nothing rendered")
        XCTAssertTrue(sitePages.allSatisfy(again.reusedFiles.contains), "the site's pages are kept")
        XCTAssertEqual(again.report?.written, 0)

        // A template of the home page only: the documents' pages are rendered again too (every
        // template is part of what they are made from), and so is the home page.
        try Tree.edit(templates.appendingPathComponent("site-index.mustache"), replacing: "<h2>Dokumen</h2>", with: "<h2>Dokumen terbit</h2>")
        let template = try build("the home page's template changed")
        let home = try XCTUnwrap(template.files.first { $0.path == "index.html" }, "the home page is rendered again")
        XCTAssertTrue(String(decoding: home.data, as: UTF8.self).contains("<h2>Dokumen terbit</h2>"))
        XCTAssertEqual(try build("nothing changed after the template").files.map(\.path), [])

        // A table row: its document's card figures and search words reach the site's pages.
        try Tree.edit(content.appendingPathComponent("renja-2025/tabel/rencana.yaml"),
                      replacing: "            pagu: 2.552.000", with: "            pagu: 2.553.000")
        let row = try build("one table row edited")
        XCTAssertTrue(sitePages.allSatisfy { path in row.files.contains { $0.path == path } }, "the site's pages are rendered again")

        // A site page changed by hand is made again.
        let page = output.appendingPathComponent("404.html")
        try FileManager.default.removeItem(at: page)
        try Data("diubah tangan".utf8).write(to: page)
        let tampered = try build("a site page changed by hand")
        XCTAssertTrue(tampered.report!.writtenFiles.contains("404.html"))
    }

    func testATamperedOutputFileIsRenderedAgain() throws {
        try buildAndCompare("first build")
        let page = output.appendingPathComponent("renja-2025/bab/penutup/index.html")
        let original = try Data(contentsOf: page)
        // Replace the published page by hand (a new inode, as an editor would save it).
        try FileManager.default.removeItem(at: page)
        try Data("diubah tangan".utf8).write(to: page)
        let result = try buildAndCompare("a published file changed by hand")
        XCTAssertEqual(try Data(contentsOf: page), original)
        XCTAssertTrue(result.report!.writtenFiles.contains("renja-2025/bab/penutup/index.html"))
    }

    func testInputErrorsInAnUnchangedDocumentStillStopTheBuild() throws {
        try buildAndCompare("first build")
        try Tree.edit(content.appendingPathComponent("renja-2025/dokumen.yaml"), replacing: "tahun: 2025", with: "tahun: dua ribu")
        XCTAssertThrowsError(try Builder.build(options())) { XCTAssertTrue($0 is InputError, "\($0)") }
    }

    /// Pages go to the staging folder while later documents still render: a failure while the last
    /// document's pages are staged leaves the published site exactly as it was.
    func testAFailureAfterOtherDocumentsWereWrittenLeavesThePublishedSite() throws {
        try buildAndCompare("first build")
        let published = try Tree.read(output)
        try Tree.edit(content.appendingPathComponent("renja-2025/dokumen.yaml"), replacing: "judul_singkat: Dokumen renja-2025",
                      with: "judul_singkat: Dokumen 2025 baru")
        try Tree.edit(content.appendingPathComponent("renja-2026/dokumen.yaml"), replacing: "judul_singkat: Dokumen renja-2026",
                      with: "judul_singkat: Dokumen 2026 baru")
        struct DiskFull: Error {}
        var writer = SiteWriter(output: output)
        writer.beforeWrite = { path in if path.hasPrefix("renja-2026/") { throw DiskFull() } }
        XCTAssertThrowsError(try Builder.build(options(), writer: writer)) { XCTAssertTrue($0 is DiskFull, "\($0)") }
        XCTAssertEqual(try Tree.read(output), published, "the published site is untouched")
        XCTAssertEqual(try Tree.siblings(of: output), ["Content", "Public", "cache"], "no staging folder left")
        try buildAndCompare("after the failure")
    }

    // MARK: The writer's spare tree

    func testSpareTreeIsRebuiltInPlaceWithoutTouchingThePublishedFiles() throws {
        let spare = root.appendingPathComponent("cache/cadangan")
        var writer = SiteWriter(output: output)
        writer.spareFolder = spare
        func files(_ pairs: [String: String]) -> [OutputFile] { pairs.map { OutputFile(path: $0.key, data: Data($0.value.utf8)) } }

        _ = try writer.write(files(["index.html": "a", "x/index.html": "b", "y/z/index.html": "c", "f": "file"]))
        XCTAssertFalse(FileManager.default.fileExists(atPath: spare.path), "nothing replaced yet")
        _ = try writer.write(files(["index.html": "a", "x/index.html": "B", "y/z/index.html": "c", "f": "file"]))
        XCTAssertTrue(FileManager.default.fileExists(atPath: spare.appendingPathComponent("x/index.html").path), "the replaced site is kept")
        let published = try Tree.stats(output)

        // The next write reuses the spare tree: a page removed, one added, a file now a folder.
        let report = try writer.write(files(["index.html": "a", "x/index.html": "B2", "w/index.html": "d", "f/index.html": "folder"]))
        XCTAssertEqual(try Tree.read(output), ["index.html": Data("a".utf8), "x/index.html": Data("B2".utf8),
                                               "w/index.html": Data("d".utf8), "f/index.html": Data("folder".utf8)])
        XCTAssertEqual(report.removedFiles, ["f", "y/z/index.html"])
        XCTAssertEqual(Set(report.writtenFiles), ["x/index.html", "w/index.html", "f/index.html"])
        XCTAssertEqual(try Tree.stats(output)["index.html"]?.inode, published["index.html"]?.inode, "unchanged file keeps its inode")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("y").path), "empty folder of a removed page is gone")
        // The previously published site (now the spare) was never written through a hard link.
        XCTAssertEqual(try Tree.read(spare), ["index.html": Data("a".utf8), "x/index.html": Data("B".utf8),
                                              "y/z/index.html": Data("c".utf8), "f": Data("file".utf8)])
        XCTAssertEqual(try Tree.siblings(of: output), ["Content", "Public", "cache"])
    }
}
