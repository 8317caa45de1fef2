import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaFacts
@testable import RenjaRender

/// A site holding a Renja and its Perubahan of one agency and year compares them row by row.
/// The figures are checked against `Fixtures/documents/compare_key.py`'s answer
/// (`ppu-bapelitbang-perubahan-renja-2024/comparison-key.json`), computed from the raw YAML
/// without Renja's code.
final class DocumentComparisonTests: XCTestCase {
    static var documents: URL { RepoPaths.fixtures.appendingPathComponent("documents") }
    static let earlier = "ppu-bapelitbang-renja-2024/renja-2024"
    static let later = "ppu-bapelitbang-perubahan-renja-2024/perubahan-renja-2024"

    /// Both fixture documents in one content folder, with the (identical) site settings of one.
    static func twoDocumentSite(changing edit: ((URL) throws -> Void)? = nil) throws -> TempSite {
        let s = TempSite(files: ["Content/uji/dokumen.yaml": nil, "Content/uji/tabel/evaluasi.yaml": nil, "Content/uji/bab/01-pendahuluan.md": nil])
        let fm = FileManager.default
        try? fm.removeItem(at: s.content)
        try fm.createDirectory(at: s.content, withIntermediateDirectories: true)
        try fm.copyItem(at: documents.appendingPathComponent("ppu-bapelitbang-renja-2024/situs.yaml"), to: s.content.appendingPathComponent("situs.yaml"))
        for d in [earlier, later] {
            let src = documents.appendingPathComponent(d)
            try fm.copyItem(at: src, to: s.content.appendingPathComponent(src.lastPathComponent))
        }
        try edit?(s.content)
        return s
    }

    struct KeyRow: Decodable {
        var tingkat: String
        var kode: String?
        var nama: String
        var pagu_sebelum: Int64?
        var pagu_sesudah: Int64?
        var selisih: Int64
        var target_berubah: Int
        var status: String
    }

    struct Key: Decodable {
        var jumlah_pagu_sebelum: Int64
        var jumlah_pagu_sesudah: Int64
        var selisih_jumlah: Int64
        var baris: [KeyRow]
    }

    func key() throws -> Key {
        let url = Self.documents.appendingPathComponent("ppu-bapelitbang-perubahan-renja-2024/comparison-key.json")
        return try JSONDecoder().decode(Key.self, from: Data(contentsOf: url))
    }

    func matches(_ pattern: String, in s: String) -> [[String]] {
        let re = try! NSRegularExpression(pattern: pattern)
        let ns = s as NSString
        return re.matches(in: s, range: NSRange(location: 0, length: ns.length)).map { m in
            (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
        }
    }

    func testTheComparisonPageAgreesWithTheIndependentKey() throws {
        let result = try Builder.render(try Self.twoDocumentSite().options())
        let files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
        let page = try XCTUnwrap(files["perubahan-renja-2024/bandingkan/renja-2024/index.html"], "\(files.keys.filter { $0.contains("bandingkan") })")
        let key = try key()

        // Row by row: pagu of both documents, difference, status, target changes.
        let rows = matches(#"(?s)<tr class="baris-[^"]+" data-urutan="\d+" data-sebelum="(-?\d*)" data-setelah="(-?\d*)" data-selisih="(-?\d*)" data-kode="([^"]*)">(.*?)</tr>"#, in: page)
        XCTAssertEqual(rows.count, key.baris.count)
        for (row, expected) in zip(rows, key.baris) {
            XCTAssertEqual(row[4], expected.kode ?? "", "rows in the later document's order")
            XCTAssertEqual(Int64(row[1]), expected.pagu_sebelum, "\(row[4]) before")
            XCTAssertEqual(Int64(row[2]), expected.pagu_sesudah, "\(row[4]) after")
            XCTAssertEqual(Int64(row[3]), expected.selisih, "\(row[4]) difference")
            XCTAssertTrue(row[5].contains(">\(expected.status.prefix(1).uppercased() + expected.status.dropFirst())<"), "\(row[4]) status \(expected.status)")
            let targets = matches(#"<tr><th scope="row">\#(NSRegularExpression.escapedPattern(for: row[4])) "#, in: page).count
            XCTAssertEqual(targets, expected.target_berubah, "\(row[4]) target changes")
        }
        func total(_ name: String) -> String? { matches(#"data-total="\#(name)">([^<]*)<"#, in: page).first?[1] }
        XCTAssertEqual(total("sebelum"), Rupiah(key.jumlah_pagu_sebelum).plain)
        XCTAssertEqual(total("setelah"), Rupiah(key.jumlah_pagu_sesudah).plain)
        XCTAssertEqual(total("selisih"), "+" + Rupiah(key.selisih_jumlah).plain)
        XCTAssertTrue(page.contains("Rp 18.130.291.362"), "the earlier total as a key figure")
        XCTAssertTrue(page.contains("+Rp 2.600.000.000"))

        // Both documents link to the comparison; the page names the pair it shows.
        for home in ["renja-2024/index.html", "perubahan-renja-2024/index.html"] {
            XCTAssertTrue(try XCTUnwrap(files[home]).contains("perubahan-renja-2024/bandingkan/renja-2024/\">Renja 2024 → Perubahan Renja 2024</a>"), home)
        }
        XCTAssertTrue(page.contains("<strong aria-current=\"page\">Renja 2024 → Perubahan Renja 2024</strong>"))
        XCTAssertTrue(try XCTUnwrap(files["sitemap.xml"]).contains("perubahan-renja-2024/bandingkan/renja-2024/"))
    }

    func testTheFactsPairByCodeAndFallBackToTheName() throws {
        // The earlier document's first sub kegiatan has a code the later one does not have: it is
        // paired by its name.
        let s = try Self.twoDocumentSite { content in
            let url = content.appendingPathComponent("renja-2024/tabel/rencana.yaml")
            let text = try String(contentsOf: url, encoding: .utf8)
            try text.replacingOccurrences(of: "          - kode: \"5.01.01.2.01.0001\"\n", with: "          - kode: \"5.01.01.2.01.0099\"\n")
                .write(to: url, atomically: true, encoding: .utf8)
        }
        let site = try s.load()
        let facts = site.documents.map(DocumentFacts.init)
        let a = try XCTUnwrap(facts.first { $0.document.slug == "renja-2024" }), b = try XCTUnwrap(facts.first { $0.document.slug == "perubahan-renja-2024" })
        let c = try XCTUnwrap(DocumentComparison(from: a, to: b))
        let row = try XCTUnwrap(c.rows.first { $0.code == "5.01.01.2.01.0001" })
        XCTAssertEqual(row.pairing, .nama)
        XCTAssertEqual(row.paguBefore, Rupiah(1_000_000))
        XCTAssertEqual(row.paguAfter, Rupiah(23_330_000))
        XCTAssertEqual(c.rows.filter { $0.pairing == .kode }.count, c.rows.count - 1)
        XCTAssertEqual(c.count(.baru) + c.count(.dihapus), 0)
        // Which is earlier: the Renja, whatever the folder names or `urutan` say.
        XCTAssertEqual(DocumentComparison.chronological(site.documents.reversed()).map(\.slug), ["renja-2024", "perubahan-renja-2024"])
    }

    /// An incremental build renders compared documents together: a change to the earlier one
    /// reaches the comparison page under the later one.
    func testAnIncrementalBuildKeepsTheComparisonCurrent() throws {
        let s = try Self.twoDocumentSite()
        setenv("RENJA_CACHE_DIR", s.root.appendingPathComponent("cache").path, 1)
        defer { unsetenv("RENJA_CACHE_DIR") }
        var options = s.options()
        options.reuseUnchangedDocuments = true
        _ = try Builder.build(options)
        let again = try Builder.build(options)
        XCTAssertFalse(again.reusedFiles.isEmpty, "nothing changed: pages kept")
        let table = s.content.appendingPathComponent("renja-2024/tabel/rencana.yaml")
        let text = try String(contentsOf: table, encoding: .utf8)
        try text.replacingOccurrences(of: "            pagu: 1.000.000\n", with: "            pagu: 1.000.001\n", options: [], range: text.range(of: "            pagu: 1.000.000\n"))
            .write(to: table, atomically: true, encoding: .utf8)
        let edited = try Builder.build(options)
        XCTAssertTrue(edited.files.contains { $0.path == "perubahan-renja-2024/bandingkan/renja-2024/index.html" }, "the later document's comparison is rendered again")
        var full = s.options(output: s.root.appendingPathComponent("Full"))
        full.reuseUnchangedDocuments = false
        let fresh = try Builder.build(full)
        let path = "perubahan-renja-2024/bandingkan/renja-2024/index.html"
        let incrementalPage = try String(contentsOf: s.root.appendingPathComponent("Public/\(path)"), encoding: .utf8)
        XCTAssertEqual(incrementalPage, String(decoding: try XCTUnwrap(fresh.files.first { $0.path == path }).data, as: UTF8.self))
        XCTAssertTrue(incrementalPage.contains("data-sebelum=\"1000001\""))
    }

    func testASiteOfOneDocumentHasNoComparison() throws {
        let result = try Builder.render(TempSite().options())
        XCTAssertFalse(result.files.contains { $0.path.contains("/bandingkan/") })
        XCTAssertFalse(result.files.contains { String(decoding: $0.data, as: UTF8.self).contains("Bandingkan dokumen") })
    }
}
