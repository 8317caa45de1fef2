import XCTest
import Foundation
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaChecks
@testable import RenjaRender

/// The byte-level text helpers that replaced Foundation calls on the build's hot paths must give the
/// answers the Foundation calls gave.
final class FastTextTests: XCTestCase {
    /// Strings with ASCII, accented letters, emoji, combining marks and markup characters.
    let samples = ["", "a", "Rp 13.036.773.000", "Rencana Strategis (Renstra) 2021–2026 ✅ café",
                   "<p>{{tabel rencana}}</p>", "é\u{301}<b>&amp;</b> \"kutip\" 'tunggal'", "aaaa", "ab ab ab",
                   "Ringkasan <h2 id=\"x\">Bab</h2> <a href=\"#x\">lihat</a>", "🇮🇩 Indonesia — 42,23%"]

    func testFirstLiteralFindsByteOffsets() {
        XCTAssertEqual(Text.firstLiteral("ab", in: "xxabab", from: 0), 2)
        XCTAssertEqual(Text.firstLiteral("ab", in: "xxabab", from: 3), 4)
        XCTAssertNil(Text.firstLiteral("ab", in: "xxabab", from: 5))
        XCTAssertNil(Text.firstLiteral("abc", in: "ab", from: 0))
        XCTAssertEqual(Text.firstLiteral("", in: "ab", from: 1), 1)
        XCTAssertNil(Text.firstLiteral("x", in: "ab", from: 7))
        // Offsets are UTF-8 offsets: "é" is two bytes.
        XCTAssertEqual(Text.firstLiteral("renstra", in: "é renstra", from: 0), 3)
        for s in samples {
            for needle in ["a", "ab", "<p>", "Renstra", "&", "é", "✅", "tidak ada"] {
                XCTAssertEqual(Text.containsLiteral(s, needle), s.utf8.firstRange(of: needle.utf8) != nil, "\(needle) in \(s)")
            }
        }
    }

    func testReplacingLiteralMatchesFoundation() {
        for s in samples {
            for (target, replacement) in [("a", "b"), ("ab", ""), ("<h2", "<h3"), (" id=\"", " id=\"bab-1-"), ("&", "&&"),
                                          (".", ""), ("<p>{{tabel rencana}}</p>", "<table></table>"), ("zz", "y")] {
                XCTAssertEqual(Text.replacingLiteral(s, target, with: replacement),
                               s.replacingOccurrences(of: target, with: replacement), "\(target) → \(replacement) in \(s)")
            }
        }
    }

    func testASCIILowercasingKeepsOffsets() {
        XCTAssertEqual(Text.asciiLowercased("RENSTRA Kota"), "renstra kota")
        let s = "ÉTAT RPJMD"
        let lower = Text.asciiLowercased(s)
        XCTAssertEqual(lower.utf8.count, s.utf8.count)
        XCTAssertEqual(lower, "État rpjmd")  // only ASCII letters change
    }

    func testHTMLEscapeMatchesTheCharacterByCharacterEscape() {
        func reference(_ s: String) -> String {
            var out = ""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        for s in samples { XCTAssertEqual(HTMLText.escape(s), reference(s), s) }
        XCTAssertEqual(HTMLText.escape("<img src=x onerror='alert(1)'>"), "&lt;img src=x onerror=&#39;alert(1)&#39;&gt;")
    }

    /// Templates escape through `HTMLText` (the pragma put before each template), still escape
    /// `{{x}}` and not `{{{x}}}`, and report syntax errors on the file's own line numbers.
    func testTemplatesEscapeWithRenjasContentTypeAndKeepTheirLineNumbers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("renja-fasttext-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: RepoPaths.templates.appendingPathComponent("kata.yaml"), to: dir.appendingPathComponent("kata.yaml"))
        for page in TemplateSet.requiredPages {
            // `judulHalaman`: a field of the pages' view, so the load-time field check accepts it.
            try "{{#judulHalaman}}\n<p>{{judulHalaman}}|{{{judulHalaman}}}</p>\n{{/judulHalaman}}\n".write(to: dir.appendingPathComponent("\(page).mustache"), atomically: true, encoding: .utf8)
        }
        let set = try TemplateSet.load(folder: dir, displayPath: "Templates")
        XCTAssertEqual(set.library.render(["judulHalaman": "<b>'Rp' & \"x\"</b>"], withTemplate: "table"),
                       "<p>&lt;b&gt;&#39;Rp&#39; &amp; &quot;x&quot;&lt;/b&gt;|<b>'Rp' & \"x\"</b></p>\n")

        try "<p>{{#judulHalaman}}{{/y}}</p>\n".write(to: dir.appendingPathComponent("table.mustache"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try TemplateSet.load(folder: dir, displayPath: "Templates")) { error in
            let locations = (error as? InputError)?.diagnostics.compactMap { $0.location.map { "\($0.file):\($0.line)" } } ?? []
            XCTAssertEqual(locations, ["Templates/table.mustache:1"], "\(error)")
        }
    }

    func testPlanMentionsPointIntoTheLineEvenAfterMultiByteText() {
        let s = "Sesuai Rencana Strategis (Renstra) — café RPJMD 2021-2026"
        let mentions = NarrativeYearChecks.planMentions(s)
        XCTAssertEqual(mentions.map { String(s[$0.1]) }, ["Rencana Strategis", "Renstra", "RPJMD"])
        XCTAssertEqual(mentions.map(\.0), ["Renstra", "Renstra", "RPJMD"])
        XCTAssertTrue(NarrativeYearChecks.planMentions("prenstra rpjmdx").isEmpty)
    }
}
