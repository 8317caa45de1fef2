import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaLoad
@testable import RenjaFacts
@testable import RenjaChecks
@testable import RenjaRender

/// The site and `renja check` read the same facts: every figure a page states as computed equals
/// the fact the checks used, on the real document of `Content/` and on the real documents of other
/// agencies in `Fixtures/documents/`.
final class SiteAgreesWithChecksTests: XCTestCase {
    struct Built {
        var site: Site
        var files: [String: String]
        var findings: [Diagnostic]
    }

    static func sites() throws -> [Built] {
        var contents: [(URL, String)] = [(RepoPaths.content, "Content")]
        for f in RealDocumentsTests.fixtures { contents.append((f, f.lastPathComponent)) }
        let templates = try TemplateSet.load(folder: RepoPaths.templates, displayPath: "Templates")
        return try contents.map { url, name in
            let site = try SiteLoader.load(content: url, displayPath: name)
            let findings = Validator.run(site)
            let files = try SiteRenderer(site: site, findings: findings, templates: templates).render()
            return Built(site: site, files: Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) }),
                         findings: findings)
        }
    }

    func page(_ b: Built, _ path: String) throws -> String { try XCTUnwrap(b.files[path], path) }

    func testKeyFiguresAndTableTotalsAreTheFacts() throws {
        for b in try Self.sites() {
            for doc in b.site.documents {
                let facts = DocumentFacts(doc)
                let home = try page(b, "\(doc.slug)/index.html")
                for f in DocumentRenderer.card(facts, root: "").figures {
                    XCTAssertTrue(home.contains("<span class=\"angka-label\">\(HTMLText.escape(f.label))</span> <strong>\(HTMLText.escape(f.value))</strong>"),
                                  "\(doc.slug): home shows \(f.label) = \(f.value)")
                }
                for kind in TableKind.allCases {
                    guard let t = facts.table(kind) else { continue }
                    let html = try page(b, "\(doc.slug)/tabel/\(kind.rawValue)/index.html")
                    XCTAssertTrue(html.contains("Jumlah seluruh program</th><td class=\"num\" data-label=\"Pagu (Rp)\">\(Format.plainTotal(t.programTotal[.pagu]))</td>"),
                                  "\(doc.slug) \(kind): table total is the fact")
                    if let p = t.total(.pagu) { XCTAssertTrue(home.contains(p.formatted), "\(doc.slug): home states \(p.formatted)") }
                }
            }
        }
    }

    func testChangesAndNarrativeStatusAreTheFacts() throws {
        for b in try Self.sites() {
            for doc in b.site.documents where DocumentFacts(doc).profile.comparesStages {
                let facts = DocumentFacts(doc)
                let html = try page(b, "\(doc.slug)/perubahan/index.html")
                let before = try XCTUnwrap(facts.evaluation?.total(.pagu)), after = try XCTUnwrap(facts.plan?.total(.pagu))
                XCTAssertTrue(html.contains("data-total=\"sebelum\">\(before.plain)<"))
                XCTAssertTrue(html.contains("data-total=\"setelah\">\(after.plain)<"))
                // "Cocok" beside a total exactly when the narrative check reported that total as matched.
                for (kind, total) in [(TableKind.evaluasi, before), (.rencana, after)] {
                    let matchedByCheck = b.findings.contains { d in
                        d.code == "narasi-angka" && d.severity == .info && d.documentSlug == doc.slug
                            && d.figure("cocok dengan")?.contains("total pagu \(TableKind.longName(kind))") == true
                    }
                    let label = kind == .evaluasi ? "Jumlah pagu Tabel 1 (sebelum perubahan)" : "Jumlah pagu Tabel 2 (setelah perubahan)"
                    let row = try XCTUnwrap(html.range(of: label).map { String(html[$0.lowerBound...].prefix(700)) })
                    XCTAssertTrue(row.contains(total.formatted))
                    XCTAssertEqual(row.contains("status-cocok"), matchedByCheck, "\(doc.slug) \(label)")
                }
                // Each program page's "Selisih pagu" is the change the checks report as perubahan-pagu.
                for program in facts.matches {
                    guard let e = program.evaluation, let a = program.plan,
                          let d = facts.changes.change(anchor: e.anchor)?.difference else { continue }
                    let p = try page(b, "\(doc.slug)/program/\(program.key)/index.html")
                    XCTAssertTrue(p.contains("Selisih pagu</span> <strong>\(d.formatted)</strong>"), "\(program.key)")
                    let reported = b.findings.first { $0.code == "perubahan-pagu" && $0.rowAnchor == a.anchor }
                    XCTAssertEqual(reported?.figure("perubahan").map { $0.replacingOccurrences(of: "+", with: "") }, d == .zero ? nil : d.formatted)
                }
            }
        }
    }

    /// "x dari y indikator di bawah laju" counts only indicators whose target and capaian are in the
    /// same unit (`IndicatorFacts.comparableAchievement`), judges them against the period's pace
    /// as the facts do (`behindPace`), and lists how many were not compared.
    func testAchievementCountsOnlyComparableIndicatorsAgainstThePace() throws {
        for b in try Self.sites() {
            for doc in b.site.documents {
                let facts = DocumentFacts(doc)
                for program in facts.matches {
                    guard let e = program.evaluation else { continue }
                    var compared = 0, behind = 0, other = 0
                    func walk(_ i: Item) {
                        for (n, _) in i.indicators.enumerated() {
                            let f = facts.indicator(i, n)
                            if f?.comparableAchievement != nil {
                                compared += 1
                                if f?.behindPace(facts.profile.period) == true { behind += 1 }
                            } else {
                                other += 1
                            }
                        }
                        i.children.forEach(walk)
                    }
                    walk(e)
                    guard compared + other > 0 else { continue }
                    let p = try page(b, "\(doc.slug)/program/\(program.key)/index.html")
                    XCTAssertTrue(p.contains("\(behind) dari \(compared) indikator di bawah laju"), program.key)
                    XCTAssertEqual(p.contains("Tidak dibandingkan (\(other))"), other > 0, program.key)
                }
            }
        }
    }
}

/// Nothing of the first document's data is assumed: fields a document lacks leave no label or
/// empty link, names keep their words' capitals.
final class DocumentOwnWordsTests: XCTestCase {
    func testMissingContactAndSigningFieldsLeaveNoTrace() throws {
        // The test site's agency has a name only; its document has no signing block.
        let site = TempSite(files: ["Content/uji/dokumen.yaml": "judul: Renja Uji 2024\ntahun: 2024\n",
                                    "Content/uji/bab/04-penutup.md": "---\nnomor: IV\njudul: Penutup\nurutan: 4\ntanda_tangan: ya\n---\n\nDemikian.\n"])
        let result = try Builder.render(site.options())
        for f in result.files where f.path.hasSuffix(".html") {
            let html = String(decoding: f.data, as: UTF8.self)
            for trace in ["mailto:", "href=\"\"", "Telepon:", "Surel:", "Situs web:", "NIP.", "<br>\n        <br>"] {
                XCTAssertFalse(html.contains(trace), "\(f.path) contains \(trace)")
            }
        }
        let penutup = try XCTUnwrap(result.files.first { $0.path == "uji/bab/penutup/index.html" })
        XCTAssertTrue(String(decoding: penutup.data, as: UTF8.self).contains("Demikian."))
    }

    func testSearchExamplesComeFromTheSitesOwnRows() throws {
        let real = try RepoPaths.loadRealSite()
        let words = SearchExamples.words(real)
        XCTAssertEqual(words.count, 3)
        let names = real.documents[0].plan!.allItems.map { Text.normalizedName($0.name.value) }.joined(separator: " ")
        XCTAssertTrue(words.allSatisfy { names.contains($0) }, "\(words)")
        for fixture in RealDocumentsTests.fixtures {
            let site = try SiteLoader.load(content: fixture, displayPath: fixture.lastPathComponent)
            let other = SearchExamples.words(site)
            XCTAssertFalse(other.isEmpty)
            XCTAssertNotEqual(other, words, "\(fixture.lastPathComponent) suggests its own words")
            let rows = site.documents.flatMap { d in [d.evaluation, d.plan].compactMap { $0 }.flatMap(\.allItems) }
                .map { Text.normalizedName($0.name.value) }.joined(separator: " ")
            XCTAssertTrue(other.allSatisfy { rows.contains($0) })
        }
    }

    func testTitleCaseKeepsCapitalsAfterASlash() throws {
        let site = try RepoPaths.loadRealSite()
        let renderer = SiteRenderer(site: site, findings: [], templates: try TemplateSet.load(folder: RepoPaths.templates, displayPath: "Templates"))
        let doc = DocumentRenderer(site: site, facts: DocumentFacts(site.documents[0]), findings: [], base: renderer)
        XCTAssertEqual(doc.titleCase("PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
                       "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota")
        XCTAssertEqual(doc.titleCase("Program yang Sudah Ditulis"), "Program yang Sudah Ditulis")
    }
}
