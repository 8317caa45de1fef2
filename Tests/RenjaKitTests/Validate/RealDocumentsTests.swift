import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaLoad
@testable import RenjaFacts
@testable import RenjaChecks
@testable import RenjaRender

/// Real documents of other agencies (`Fixtures/documents/*`, each with its source in `SOURCE.md`)
/// against their answer keys, computed by `answer_key.py` independently of Renja: every mistake of
/// the key is found (as galat or peringatan, on the same row), no galat is raised outside the key,
/// and the facts' counts and totals equal the key's.
final class RealDocumentsTests: XCTestCase {
    struct Key: Decodable {
        struct Document: Decodable {
            var folder: String
            var counts: [String: [String: Int64?]]
            var mistakes: [Mistake]
        }
        struct Mistake: Decodable {
            var check: String
            var table: String
            var row: String
        }
        var fixture: String
        var documents: [Document]
    }

    static var fixtures: [URL] {
        let root = RepoPaths.fixtures.appendingPathComponent("documents")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().map { root.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("answer-key.json").path) }
    }

    func testThereAreAtLeastThreeRealDocuments() {
        XCTAssertGreaterThanOrEqual(Self.fixtures.count, 3)
        // At least one plain Renja, not only revisions.
        let kinds = Self.fixtures.compactMap { try? load($0) }.flatMap { $0.documents.map { DocumentProfile($0).isRevision } }
        XCTAssertTrue(kinds.contains(false), "a plain Renja")
        XCTAssertTrue(kinds.contains(true), "a Perubahan Renja")
    }

    func load(_ fixture: URL) throws -> Site {
        try SiteLoader.load(content: fixture, displayPath: fixture.lastPathComponent)
    }

    func testEveryMistakeOfTheKeyIsFoundAndNoGalatOutsideIt() throws {
        for fixture in Self.fixtures {
            let key = try JSONDecoder().decode(Key.self, from: Data(contentsOf: fixture.appendingPathComponent("answer-key.json")))
            let site = try load(fixture)
            for doc in site.documents {
                let k = try XCTUnwrap(key.documents.first { $0.folder == doc.slug }, "\(key.fixture)/\(doc.slug) has a key")
                let findings = Validator.run(doc)
                // Which row (code or number as written) each finding is about.
                var rowKey: [String: (String, String)] = [:]
                for t in [doc.evaluation, doc.plan].compactMap({ $0 }) {
                    for item in t.allItems { rowKey[item.anchor] = (t.kind.rawValue, item.key ?? item.name.value) }
                }
                func row(_ d: Diagnostic) -> (String, String)? { d.rowAnchor.flatMap { rowKey[$0] } }
                for m in k.mistakes {
                    let found = findings.contains { d in
                        d.code == m.check && d.severity != .info && row(d).map { $0 == (m.table, m.row) } == true
                    }
                    XCTAssertTrue(found, "\(key.fixture)/\(doc.slug): \(m.check) on \(m.table) \(m.row) is found")
                }
                for d in findings where d.severity == .galat {
                    let r = row(d)
                    let inKey = k.mistakes.contains { m in m.check == d.code && r.map { $0 == (m.table, m.row) } == true }
                    XCTAssertTrue(inKey, "\(key.fixture)/\(doc.slug): no false galat — \(DiagnosticPrinter.short(d))")
                }
            }
        }
    }

    func testFactsCountAndTotalAsTheKeyDoes() throws {
        for fixture in Self.fixtures {
            let key = try JSONDecoder().decode(Key.self, from: Data(contentsOf: fixture.appendingPathComponent("answer-key.json")))
            for doc in try load(fixture).documents {
                let facts = DocumentFacts(doc)
                let k = try XCTUnwrap(key.documents.first { $0.folder == doc.slug })
                for (kind, counts) in k.counts {
                    let t = try XCTUnwrap(facts.table(TableKind(rawValue: kind)!), "\(doc.slug) \(kind)")
                    let label = "\(key.fixture) \(kind)"
                    let counts = counts.compactMapValues { $0 }
                    XCTAssertEqual(Int64(t.rows(.program)), counts["programs"], label)
                    XCTAssertEqual(Int64(t.rows(.kegiatan)), counts["kegiatan"], label)
                    XCTAssertEqual(Int64(t.rows(.subKegiatan)), counts["sub_kegiatan"], label)
                    XCTAssertEqual(Int64(t.distinctKeys(.subKegiatan)), counts["distinct_sub_kegiatan_codes"], label)
                    // The table's total: Σ programs when every program states the amount; Σ sub kegiatan
                    // when no program (and no kegiatan) states it; none when only some programs do.
                    for (kind, stating, programSum, leafSum) in [
                        (AmountKind.pagu, "programs_stating_pagu", "sum_program_pagu", "sum_sub_kegiatan_pagu"),
                        (.realisasi, "programs_stating_realisasi", "sum_program_realisasi", "sum_sub_kegiatan_realisasi"),
                    ] {
                        guard let n = counts[stating] else { continue }
                        XCTAssertEqual(t.subKegiatanTotal[kind]?.value?.value, counts[leafSum], "\(label) Σ sub kegiatan \(kind.key)")
                        let expected: Int64? = n == counts["programs"] ? counts[programSum] ?? nil : n == 0 ? counts[leafSum] ?? nil : nil
                        XCTAssertEqual(t.total(kind)?.value, expected, "\(label) total \(kind.key)")
                    }
                }
            }
        }
    }

    /// A plain Renja is presented as one: no Perubahan page, no "sebelum/setelah perubahan".
    func testAPlainRenjaIsNotPresentedAsAPerubahan() throws {
        for fixture in Self.fixtures {
            let site = try load(fixture)
            guard site.documents.contains(where: { !DocumentProfile($0).isRevision }) else { continue }
            let templates = try TemplateSet.load(folder: RepoPaths.templates, displayPath: "Templates")
            let files = try SiteRenderer(site: site, findings: Validator.run(site), templates: templates).render()
            for doc in site.documents where !DocumentProfile(doc).isRevision {
                let pages = files.filter { $0.path.hasPrefix(doc.slug + "/") && $0.path.hasSuffix(".html") }
                XCTAssertFalse(pages.isEmpty)
                XCTAssertFalse(pages.contains { $0.path.hasPrefix(doc.slug + "/perubahan/") }, "\(doc.slug): no Perubahan page")
                for p in pages {
                    let html = String(decoding: p.data, as: UTF8.self).lowercased()
                    for phrase in ["sebelum perubahan", "setelah perubahan", "apa yang berubah", "target perubahan", "s.d. triwulan"] {
                        XCTAssertFalse(html.contains(phrase), "\(p.path) says “\(phrase)”")
                    }
                }
            }
        }
    }
}
