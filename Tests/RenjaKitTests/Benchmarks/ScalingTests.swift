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

    // Field names from `TemplateNames`: the boxes find fields by their template names.
    struct Link: MustacheView { var title: String; var href: String?; var current: Bool }
    struct Row: MustacheView { var name: String; var href: String?; var number: Int; var links: [Link]; var notes: [String]; var first: Link? }
    struct Page: MustacheView { var title: String; var href: String?; var rows: [Row]; var groups: [Row]; var clean: Bool; var previous: Row? }

    func testBoxedViewsRenderExactlyAsStructs() throws {
        // The same template with the Swift names (for swift-mustache's own Mirror lookup of the plain
        // structs) and with the template names (for `MustacheBox` and `MirrorView`).
        let swiftNames = """
        {{title}}|{{#rows}}[{{name}} {{href}} {{number}}{{#links}}<{{title}} {{href}}{{#current}}*{{/current}}>{{/links}}\
        {{#notes}}({{.}}){{/notes}}{{^empty(notes)}}!{{/empty(notes)}}{{#first}}c={{title}}/{{href}}{{/first}}{{^first}}none{{/first}}]{{/rows}}\
        {{^groups}}no rows{{/groups}}{{#clean}}F{{/clean}}{{^previous}}M{{/previous}}{{#empty(rows)}}E{{/empty(rows)}}{{#first(rows)}}{{name}}{{/first(rows)}}
        """
        let templateNames = """
        {{judul}}|{{#baris}}[{{nama}} {{tautan}} {{nomor}}{{#daftarTautan}}<{{judul}} {{tautan}}{{#halamanIni}}*{{/halamanIni}}>{{/daftarTautan}}\
        {{#daftarKeterangan}}({{.}}){{/daftarKeterangan}}{{^empty(daftarKeterangan)}}!{{/empty(daftarKeterangan)}}{{#pertama}}c={{judul}}/{{tautan}}{{/pertama}}{{^pertama}}none{{/pertama}}]{{/baris}}\
        {{^kelompok}}no rows{{/kelompok}}{{#bersih}}F{{/bersih}}{{^sebelumnya}}M{{/sebelumnya}}{{#empty(baris)}}E{{/empty(baris)}}{{#first(baris)}}{{nama}}{{/first(baris)}}
        """
        let library = MustacheLibrary(templates: ["swift": try MustacheTemplate(string: swiftNames),
                                                  "t": try MustacheTemplate(string: templateNames)])
        let page = Page(title: "Judul <&>", href: "/akar/",
                        rows: [Row(name: "satu", href: nil, number: 0, links: [Link(title: "a", href: nil, current: true),
                                                                             Link(title: "b", href: "b/", current: false)],
                                   notes: ["x", "y"], first: Link(title: "anak", href: nil, current: false)),
                               Row(name: "dua", href: "dua/", number: 2, links: [], notes: [], first: nil)],
                        groups: [], clean: true, previous: nil)
        let plain = try XCTUnwrap(library.render(page, withTemplate: "swift"))
        let box = MustacheBox.box(page, as: MustacheBox.kind(of: page))
        XCTAssertTrue(box is ViewBox<Page>, "the page is wrapped")
        XCTAssertEqual(try XCTUnwrap(library.render(box, withTemplate: "t")), plain)
        let mirror = MirrorView.wrap(page)
        XCTAssertTrue(mirror is MirrorView, "the page is wrapped")
        XCTAssertEqual(try XCTUnwrap(library.render(mirror, withTemplate: "t")), plain)
        // A nil `href` is looked up in the enclosing contexts, as Mirror does: row "satu" shows the page's.
        XCTAssertTrue(plain.contains("[satu /akar/ 0"), plain)
        XCTAssertTrue(plain.contains("c=anak//akar/"), plain)
        XCTAssertTrue(plain.hasSuffix("FMsatu"), plain)
        // The Swift names are not template names: the boxes do not answer them.
        XCTAssertEqual(library.render(box, withTemplate: "swift"), library.render(mirror, withTemplate: "swift"))
        XCTAssertFalse(try XCTUnwrap(library.render(box, withTemplate: "swift")).contains("satu"))
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
            let mirror = templates.library.render(PageContext(p.view, boxed: false), withTemplate: p.template)
            XCTAssertEqual(templates.library.render(PageContext(p.view, boxed: true), withTemplate: p.template), mirror, p.dir)
        }
        // The PDF's HTML, from its own view.
        let pdf = doc.pdfView()
        XCTAssertEqual(templates.library.render(MustacheBox.box(pdf, as: MustacheBox.kind(of: pdf)), withTemplate: DocumentPDF.template),
                       templates.library.render(MirrorView.wrap(pdf), withTemplate: DocumentPDF.template))
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
