import Foundation
import Mustache
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaFacts
@testable import RenjaChecks
@testable import RenjaImport
@testable import RenjaRender

/// The changes made for large sites (BENCHMARKS.md): each must give the output of the plain way.
final class ScalingTests: XCTestCase {
    // MARK: MustacheBox renders like Mirror

    struct Link: MustacheView { var title: String; var href: String?; var current: Bool }
    struct Row: MustacheView { var name: String; var href: String?; var count: Int; var links: [Link]; var notes: [String]; var child: Link? }
    struct Page: MustacheView { var title: String; var href: String?; var rows: [Row]; var empty: [Row]; var flag: Bool; var missing: Row? }

    func testBoxedViewsRenderExactlyAsStructs() throws {
        let template = """
        {{title}}|{{#rows}}[{{name}} {{href}} {{count}}{{#links}}<{{title}} {{href}}{{#current}}*{{/current}}>{{/links}}\
        {{#notes}}({{.}}){{/notes}}{{^empty(notes)}}!{{/empty(notes)}}{{#child}}c={{title}}/{{href}}{{/child}}{{^child}}none{{/child}}]{{/rows}}\
        {{^empty}}no rows{{/empty}}{{#flag}}F{{/flag}}{{^missing}}M{{/missing}}{{#empty(rows)}}E{{/empty(rows)}}
        """
        let library = MustacheLibrary(templates: ["t": try MustacheTemplate(string: template)])
        let page = Page(title: "Judul <&>", href: "/akar/",
                        rows: [Row(name: "satu", href: nil, count: 0, links: [Link(title: "a", href: nil, current: true),
                                                                            Link(title: "b", href: "b/", current: false)],
                                   notes: ["x", "y"], child: Link(title: "anak", href: nil, current: false)),
                               Row(name: "dua", href: "dua/", count: 2, links: [], notes: [], child: nil)],
                        empty: [], flag: true, missing: nil)
        let plain = try XCTUnwrap(library.render(page, withTemplate: "t"))
        let box = MustacheBox.box(page)
        XCTAssertTrue(box is MustacheParent, "the page is wrapped")
        let boxed = try XCTUnwrap(library.render(box, withTemplate: "t"))
        XCTAssertEqual(boxed, plain)
        // A nil `href` is looked up in the enclosing contexts, as Mirror does: row "satu" shows the page's.
        XCTAssertTrue(plain.contains("[satu /akar/ 0"), plain)
        XCTAssertTrue(plain.contains("c=anak//akar/"), plain)
    }

    func testRealSiteRendersTheSameBoxedOrNot() throws {
        // Every page of the real document, rendered from boxed views and from the structs.
        let site = try RepoPaths.loadRealSite()
        let templates = try TemplateSet.load(folder: RepoPaths.templates, displayPath: "Templates")
        let renderer = SiteRenderer(site: site, findings: Validator.run(site), templates: templates)
        let doc = DocumentRenderer(site: site, facts: DocumentFacts(site.documents[0]), findings: renderer.findings, base: renderer)
        let (pages, _) = doc.pages()
        XCTAssertGreaterThan(pages.count, 15)
        for p in pages {
            let plain = templates.library.render(PageContext(p.view, boxed: false), withTemplate: p.template)
            XCTAssertEqual(templates.render(p.view, page: p.template), plain, p.dir)
        }
    }

    // MARK: Parallel map

    func testParallelMapKeepsOrderAndThrowsTheFirstErrorInOrder() {
        let input = Array(0..<500)
        XCTAssertEqual(Parallel.map(input) { $0 * 2 }, input.map { $0 * 2 })
        struct Failure: Error, Equatable { var index: Int }
        XCTAssertThrowsError(try Parallel.mapThrowing(input) { i -> Int in
            if i == 37 || i == 400 { throw Failure(index: i) }
            return i
        }) { XCTAssertEqual($0 as? Failure, Failure(index: 37)) }
    }

    // MARK: Slugs

    func testASCIIFastPathMatchesTheFoldingPath() {
        for s in ["PROGRAM PEMBINAAN KELUARGA BERENCANA (KB)", "  Dua--Kata  ", "1.06.01.2.01", "a/b\\c", "", "---",
                  "Kabupaten/Kota", "ÄBC Ünïcode É", "Ẓebra kuda", "RKA-SKPD 2024"] {
            let general = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
                .unicodeScalars.split { !(("a"..."z").contains($0) || ("0"..."9").contains($0)) }
                .map { String($0.map(Character.init)) }
            XCTAssertEqual(Text.slug(s), general.joined(separator: "-"), s)
            XCTAssertEqual(Text.normalizedName(s), general.joined(separator: " "), s)
        }
    }

    // MARK: Navigation of a site with many documents

    func testManyDocumentsNavigationNamesOnlyTheCurrentOne() throws {
        func site(documents n: Int) throws -> [OutputFile] {
            var files: [String: String?] = ["Content/uji/dokumen.yaml": nil, "Content/uji/tabel/evaluasi.yaml": nil,
                                            "Content/uji/bab/01-pendahuluan.md": nil]
            for i in 1...n {
                files["Content/dok-\(i)/dokumen.yaml"] = TempSite.document.replacingOccurrences(of: "Dokumen Uji", with: "Dokumen \(i)")
                files["Content/dok-\(i)/bab/01-pendahuluan.md"] = TempSite.chapter
            }
            let t = TempSite(files: files)
            defer { try? FileManager.default.removeItem(at: t.root) }
            var options = t.options()
            options.search = false
            return try Builder.render(options).files
        }
        func nav(_ files: [OutputFile], _ path: String) throws -> String {
            let html = String(decoding: try XCTUnwrap(files.first { $0.path == path }).data, as: UTF8.self)
            let start = try XCTUnwrap(html.range(of: "class=\"navigasi\""))
            let end = try XCTUnwrap(html.range(of: "</nav>", range: start.upperBound..<html.endIndex))
            return String(html[start.upperBound..<end.lowerBound])
        }
        let limit = SiteRenderer.navigationDocumentLimit
        let small = try site(documents: limit)
        let smallNav = try nav(small, "dok-3/bab/pendahuluan/index.html")
        XCTAssertEqual(smallNav.components(separatedBy: "<li>").count - 1, limit + 1, "Beranda and every document")

        let large = try site(documents: limit + 1)
        let largeNav = try nav(large, "dok-3/bab/pendahuluan/index.html")
        XCTAssertEqual(largeNav.components(separatedBy: "<li>").count - 1, 2, "Beranda and the page's own document")
        XCTAssertTrue(largeNav.contains("Dokumen 3"))
        XCTAssertTrue(largeNav.contains("aria-current=\"page\""))
        XCTAssertEqual(try nav(large, "index.html").components(separatedBy: "<li>").count - 1, 1, "the home page: Beranda")
        let home = String(decoding: try XCTUnwrap(large.first { $0.path == "index.html" }).data, as: UTF8.self)
        for i in 1...(limit + 1) { XCTAssertTrue(home.contains("href=\"dok-\(i)/\""), "the home page still lists dok-\(i)") }
    }
}
