import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaLoad
@testable import RenjaChecks
@testable import RenjaRender

/// The standard evaluation table of a real document (Dinas Pendidikan Kabupaten Bengkulu Utara,
/// e-Monev data 2025; `Fixtures/documents/bengkulu-utara-disdik-evaluasi-standar-2025/SOURCE.md`)
/// against the answer key its own `answer_key.py` computed without Renja: Renja's formula findings
/// are exactly the key's — same check, same cell (file:line:column), same stated and computed figures.
final class StandardRealDocumentTests: XCTestCase {
    struct Key: Decodable {
        struct Finding: Decodable {
            var code: String
            var at: String
            var figures: [String: String]
        }
        var findings: [Finding]
    }

    static let folder = RepoPaths.fixtures.appendingPathComponent("documents/bengkulu-utara-disdik-evaluasi-standar-2025")

    func testFindingsEqualTheAnswerKey() throws {
        let key = try JSONDecoder().decode(Key.self, from: Data(contentsOf: Self.folder.appendingPathComponent("answer-key-standar.json")))
        let site = try SiteLoader.load(content: Self.folder, displayPath: "Content")
        let table = try XCTUnwrap(site.documents.first?.standardEvaluation)
        XCTAssertEqual(table.allRows.filter { $0.level == .subKegiatan }.count, 88)
        let ds = Validator.run(site).filter { $0.code.hasPrefix("evaluasi-") }
        let found = Dictionary(ds.map { ("\($0.code) \($0.location?.description ?? "-")", $0) }, uniquingKeysWith: { a, _ in a })
        let expected = Set(key.findings.map { "\($0.code) \($0.at)" })
        XCTAssertEqual(found.count, ds.count, "one finding per cell and check")
        XCTAssertEqual(Set(found.keys).subtracting(expected).sorted(), [], "found by Renja, not in the key")
        XCTAssertEqual(expected.subtracting(found.keys).sorted(), [], "in the key, missed by Renja")
        for k in key.findings {
            guard let d = found["\(k.code) \(k.at)"] else { continue }
            for (label, value) in k.figures {
                XCTAssertEqual(d.figure(label), value, "\(k.code) \(k.at) \(label)")
            }
        }
        XCTAssertEqual(key.findings.count, 32)
        // Nothing else is reported about this table: the computed columns are not in the source.
        XCTAssertEqual(Set(ds.map(\.code)), ["evaluasi-jumlah", "evaluasi-melebihi-target"])
    }
}
