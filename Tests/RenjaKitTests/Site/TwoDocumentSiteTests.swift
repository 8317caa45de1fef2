import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaLoad
@testable import RenjaFacts
@testable import RenjaChecks
@testable import RenjaImport
@testable import RenjaRender
@testable import RenjaWrite

/// Issue #17's test: "a two-document site (Renja + Perubahan of one agency and year) builds, links
/// the two and compares them". Built on disk from the two PPU Bapelitbang fixtures as `renja build`
/// builds it; the compared targets are checked against `compare_key.py`'s `target_rincian`.
final class TwoDocumentSiteTests: XCTestCase {
    struct KeyTarget: Decodable { var indikator: String; var sebelum: String?; var sesudah: String? }
    struct KeyRow: Decodable { var kode: String?; var target_rincian: [KeyTarget] }
    struct Key: Decodable { var baris: [KeyRow] }

    func testTheSiteBuildsLinksTheTwoAndComparesPaguAndTargets() throws {
        let site = try DocumentComparisonTests.twoDocumentSite()
        let out = RepoPaths.temporaryFolder("dua-dokumen").appendingPathComponent("Public")
        _ = try Builder.build(site.options(output: out))
        func page(_ path: String) throws -> String { try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8) }
        let renja = try page("renja-2024/index.html"), perubahan = try page("perubahan-renja-2024/index.html")
        XCTAssertTrue(renja.contains("<a href=\"../perubahan-renja-2024/\">Perubahan Renja 2024</a>"), "the Renja links the Perubahan")
        XCTAssertTrue(perubahan.contains("<a href=\"../renja-2024/\">Renja 2024</a>"), "the Perubahan links the Renja")
        // Besides the site's navigation, each home names the other in its "Bandingkan dokumen" block.
        XCTAssertTrue(renja.contains("<ul class=\"dokumen-terkait\"><li><a href=\"../perubahan-renja-2024/\">Perubahan Renja 2024</a></li></ul>"))
        XCTAssertTrue(perubahan.contains("<ul class=\"dokumen-terkait\"><li><a href=\"../renja-2024/\">Renja 2024</a></li></ul>"))
        for home in [renja, perubahan] {
            XCTAssertTrue(home.contains("href=\"../perubahan-renja-2024/bandingkan/renja-2024/\">Renja 2024 → Perubahan Renja 2024</a>"))
        }
        let compare = try page("perubahan-renja-2024/bandingkan/renja-2024/index.html")
        let key = try JSONDecoder().decode(Key.self, from: Data(contentsOf: DocumentComparisonTests.documents
            .appendingPathComponent("ppu-bapelitbang-perubahan-renja-2024/comparison-key.json")))
        let targets = key.baris.flatMap { r in r.target_rincian.map { (r.kode ?? "", $0) } }
        XCTAssertFalse(targets.isEmpty, "the key has target changes to compare")
        // "80 %" in the YAML is shown as "80%": compare without spaces.
        func bare(_ s: String?) -> String { (s ?? "").replacingOccurrences(of: " ", with: "") }
        for (code, t) in targets {
            let pattern = #"<tr><th scope="row">\#(NSRegularExpression.escapedPattern(for: code)) [^<]*<small class="tingkat">[^<]*</small></th><td data-label="Indikator">\#(NSRegularExpression.escapedPattern(for: HTMLText.escape(t.indikator)))</td><td class="num" data-label="Target Renja 2024">([^<]*)</td><td class="num berubah" data-label="Target Perubahan Renja 2024">([^<]*)</td></tr>"#
            let re = try NSRegularExpression(pattern: pattern)
            let m = try XCTUnwrap(re.firstMatch(in: compare, range: NSRange(compare.startIndex..., in: compare)), "\(code) \(t.indikator)")
            let ns = compare as NSString
            XCTAssertEqual(bare(ns.substring(with: m.range(at: 1))), bare(t.sebelum), "\(code) \(t.indikator) before")
            XCTAssertEqual(bare(ns.substring(with: m.range(at: 2))), bare(t.sesudah), "\(code) \(t.indikator) after")
        }
        XCTAssertTrue(compare.contains("href=\"../../../renja-2024/\"") && compare.contains("href=\"../../../perubahan-renja-2024/\""), "the comparison links both documents")
    }
}
