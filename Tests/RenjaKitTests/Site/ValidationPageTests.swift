import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaFacts
@testable import RenjaChecks
@testable import RenjaImport
@testable import RenjaRender

/// The Validasi page as published (`validasi_publik: ya`), on the real document: written for
/// readers, one counting rule everywhere, chips and chapter marks linked to their entries.
final class ValidationPageTests: XCTestCase {
    struct Built {
        var files: [String: String]
        var findings: [Diagnostic]
        var site: Site
    }

    /// The real site built as `renja build` publishes it with `validasi_publik: ya` (or, with
    /// `preview`, as `renja serve` shows it with the findings kept off the published site).
    static func build(preview: Bool = false) throws -> Built {
        var site = try RepoPaths.loadRealSite()
        site.settings.publicValidation = !preview
        let findings = Validator.run(site)
        let templates = try TemplateSet.load(folder: RepoPaths.templates, displayPath: "Templates")
        let files = try SiteRenderer(site: site, findings: findings, templates: templates, showFindings: true).render()
        return Built(files: Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) }),
                     findings: findings, site: site)
    }

    static let published = Result { try build() }
    let doc = "renja-perubahan-2024"

    func page(_ b: Built, _ path: String) throws -> String { try XCTUnwrap(b.files["\(doc)/\(path)"], path) }

    /// The page's `<main>`.
    func main(_ html: String) -> String {
        guard let a = html.range(of: "<main"), let b = html.range(of: "</main>") else { return html }
        return String(html[a.lowerBound..<b.upperBound])
    }

    /// What a reader sees: tags dropped, entities undone.
    func text(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    func context(of needle: String, in s: String) -> String {
        guard let r = s.range(of: needle) else { return "" }
        let start = s.index(r.lowerBound, offsetBy: -160, limitedBy: s.startIndex) ?? s.startIndex
        return String(s[start..<r.upperBound])
    }

    func matches(_ pattern: String, in s: String) -> [[String]] {
        let re = try! NSRegularExpression(pattern: pattern)
        let ns = s as NSString
        return re.matches(in: s, range: NSRange(location: 0, length: ns.length)).map { m in
            (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
        }
    }

    func testThePageHasNoCheckIdsFilePathsOrBackticks() throws {
        let b = try Self.published.get()
        let html = main(try page(b, "validasi/index.html"))
        let seen = text(html)
        XCTAssertFalse(seen.contains("`"), "backticks")
        for pattern in [#"\.(yaml|yml|md)\b"#, #"Content/"#, #":\d+:\d+"#] {
            XCTAssertTrue(matches(pattern, in: seen).isEmpty, "file reference \(pattern): \(matches(pattern, in: seen).prefix(3))")
        }
        // No check id anywhere in the page's main part, text or markup.
        for code in Set(Validator.checks.map(\.code) + b.findings.map(\.code)) {
            XCTAssertFalse(html.contains(code), "check id \(code): \(context(of: code, in: html))")
        }
        XCTAssertFalse(html.contains("Rincian untuk staf"))
        // The messages are still there, as sentences: the number written wrongly, in bold.
        XCTAssertTrue(html.contains("<strong>160.427.6000</strong>"), "the malformed amount in bold")
    }

    func testThePreviewKeepsTheTechnicalDetailForStaff() throws {
        let b = try Self.build(preview: true)
        let html = main(try page(b, "validasi/index.html"))
        XCTAssertTrue(html.contains("Rincian untuk staf"))
        XCTAssertTrue(html.contains("galat[angka-format] Content/\(doc)/tabel/evaluasi.yaml:"), "id and location in the preview")
    }

    /// Each program's "N temuan" on the home page, the Validasi page and the program page are the
    /// same number: its galat and peringatan (the grouping merges only info entries).
    func testCountsAgreeOnEveryPage() throws {
        let b = try Self.published.get()
        let home = try page(b, "index.html"), validation = try page(b, "validasi/index.html")
        let facts = DocumentFacts(try XCTUnwrap(b.site.documents.first))
        var checked = 0
        for p in facts.matches {
            let expected = b.findings.filter { $0.programKey == p.key && $0.severity != .info }.count
            let chip = matches(#"href="[^"]*validasi/#kelompok-\#(p.key)">(\d+) temuan<"#, in: home).first.map { Int($0[1]) }
            let group = matches(#"id="kelompok-\#(p.key)-judul">.*?<small>\((\d+) temuan"#, in: validation).first.map { Int($0[1]) }
            let programPage = try page(b, "program/\(p.key)/index.html")
            let onProgram = matches(#"Temuan validasi <small>\((\d+) temuan"#, in: programPage).first.map { Int($0[1]) }
            if expected == 0 {
                XCTAssertNil(chip ?? nil, p.key)
                XCTAssertNil(group ?? nil, p.key)
                XCTAssertNil(onProgram ?? nil, p.key)
            } else {
                XCTAssertEqual(chip, expected, "home \(p.key)")
                XCTAssertEqual(group, expected, "validasi \(p.key)")
                XCTAssertEqual(onProgram, expected, "program page \(p.key)")
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 8)
        // The page's totals are its entries.
        let entries = matches(#"<li class="temuan temuan-(\w+)""#, in: main(validation)).map { $0[1] }
        for s in Severity.allCases {
            XCTAssertTrue(validation.contains("\(entries.filter { $0 == s.rawValue }.count) \(s.rawValue)</span>"), s.rawValue)
            XCTAssertTrue(home.contains(s == .galat ? "<strong>\(entries.filter { $0 == "galat" }.count) galat</strong>"
                                        : "\(entries.filter { $0 == s.rawValue }.count) \(s.rawValue)"), "home \(s)")
        }
    }

    /// A program's pagu change and the kegiatan and sub kegiatan changes under it are one entry.
    func testRepeatedChangesAreOneEntry() throws {
        let b = try Self.published.get()
        let validation = main(try page(b, "validasi/index.html"))
        let changes = b.findings.filter { $0.code == "perubahan-pagu" }
        XCTAssertEqual(changes.count, 34, "renja check still reports every row")
        // Worked out here from the findings: one entry per program whose pagu changed (each of
        // these programs has its own program-level finding in the real document).
        let programs = Set(changes.compactMap(\.programKey))
        let info = b.findings.filter { $0.severity == .info }.count
        let entries = matches(#"<li class="temuan temuan-info""#, in: validation).count
        XCTAssertEqual(entries, info - changes.count + programs.count)
        XCTAssertEqual(programs.count, 6)
        // Each names its rows: program I's entry names kegiatan 2. and sub kegiatan 2.1.
        let first = try XCTUnwrap(matches(#"(?s)<li class="temuan temuan-info"[^>]*>\s*<p>.*?Pagu program I / 1\.06\.01 turun Rp 179\.185\.000 dalam perubahan;(.*?)\n</li>"#, in: validation).first)
        XCTAssertTrue(first[1].contains("kegiatan 2. / 1.06.01.2.02"))
        XCTAssertTrue(first[1].contains("sub kegiatan 2.1 / 1.06.01.2.02.0001"))
        XCTAssertTrue(first[1].contains("Rp 2.739.321.000 → Rp 2.540.136.000 (−Rp 199.185.000)"))
    }

    func testChipsLinkToTheirEntries() throws {
        let b = try Self.published.get()
        let validation = try page(b, "validasi/index.html")
        let ids = Set(matches(#" id="([^"]+)""#, in: validation).map { $0[1] })
        var links = 0
        for kind in ["tabel/evaluasi/index.html", "tabel/rencana/index.html", "index.html"] {
            for m in matches(##"class="penanda" href="[^"#]*validasi/#([^"]+)""##, in: try page(b, kind)) {
                XCTAssertTrue(ids.contains(m[1]), "\(kind) → \(m[1])")
                links += 1
            }
        }
        XCTAssertGreaterThan(links, 30)
        // On a program page the row chips point to the entries listed on that page.
        let program = try page(b, "program/program-penunjang-urusan-pemerintahan-daerah-kabupaten-kota/index.html")
        let own = Set(matches(#" id="([^"]+)""#, in: program).map { $0[1] })
        let chips = matches(##"class="penanda" href="#([^"]+)""##, in: program)
        XCTAssertFalse(chips.isEmpty)
        for c in chips { XCTAssertTrue(own.contains(c[1]), c[1]) }
    }

    /// Narrative findings: the paragraph is marked and links to the entry; the entry links back.
    func testChapterParagraphsWithFindingsAreMarkedAndLinkedBothWays() throws {
        let b = try Self.published.get()
        let validation = try page(b, "validasi/index.html")
        let document = try XCTUnwrap(b.site.documents.first)
        let inChapters = b.findings.filter { f in document.chapters.contains { $0.file == f.location?.file } }
        XCTAssertGreaterThanOrEqual(inChapters.count, 10)
        for f in inChapters {
            let chapter = try XCTUnwrap(document.chapters.first { $0.file == f.location?.file })
            let html = try page(b, "bab/\(chapter.slug)/index.html")
            // The entry's link to its paragraph, and the paragraph with that id holding the finding's line.
            let entryLinks = matches(#"<li class="temuan[^"]*" id="([^"]+)"(?:(?!<li class="temuan)[\s\S])*?href="[^"]*bab/\#(chapter.slug)/#(paragraf-(\d+))""#, in: validation)
            let link = try XCTUnwrap(entryLinks.first { Int($0[3]).map { $0 <= f.location!.line } ?? false && paragraphHolds(html, id: $0[2], line: f.location!.line, chapter) },
                                     "\(f.location!) has an entry linking to its paragraph")
            // The paragraph's mark links back to that entry.
            XCTAssertTrue(html.contains("id=\"\(link[2])\" class=\"ada-temuan\"><a class=\"penanda penanda-paragraf\" href=\"../../../\(doc)/validasi/#\(link[1])\""),
                          "\(link[2]) marks and links to \(link[1])")
        }
    }

    /// The paragraph `id` (`paragraf-N`, N its first line in the file) holds `line`: no other
    /// paragraph starts between N and the line. Worked out from the Markdown source's blank lines.
    func paragraphHolds(_ html: String, id: String, line: Int, _ c: Chapter) -> Bool {
        guard html.contains("id=\"\(id)\""), let start = Int(id.dropFirst("paragraf-".count)), start <= line else { return false }
        let lines = c.markdown.components(separatedBy: "\n")
        for l in start...line where l - c.bodyFirstLine >= 0 && l - c.bodyFirstLine < lines.count {
            if lines[l - c.bodyFirstLine].trimmingCharacters(in: .whitespaces).isEmpty { return false }
        }
        return true
    }
}
