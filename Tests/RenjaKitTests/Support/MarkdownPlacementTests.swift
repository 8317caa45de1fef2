import Foundation
import XCTest
@testable import RenjaKit

/// `Markdown.Placement` (the print version's chapters on one page) works on cmark's tree: headings
/// and in-page links change, text that only looks like them does not.
final class MarkdownPlacementTests: XCTestCase {
    static let text = """
    ## Latar Belakang

    Lihat [tujuan](#tujuan), [awal](#) dan [situs](https://contoh.go.id/a#tujuan). Teks dengan <h2 dan `<h3>` dan ` id="x"`.

        ## bukan judul
        <h2>kode</h2> href="#kode"

    ### Tujuan

    #### Rinci

    ##### Lima

    ###### Enam

    # Satu

    ## Latar Belakang
    """

    func testHeadingsGoDownAndIdsAndInPageLinksGetThePrefix() {
        let plain = Markdown.render(Self.text)
        let placed = Markdown.render(Self.text, placement: .init(headingOffset: 1, idPrefix: "bab-a-"))
        XCTAssertEqual(placed.headings.map(\.level), [3, 4, 5, 6, 6, 2, 3], "one level down, at most h6")
        XCTAssertEqual(placed.headings.map(\.id), plain.headings.map { "bab-a-" + $0.id })
        XCTAssertEqual(placed.headings.map(\.text), plain.headings.map(\.text))
        XCTAssertEqual(plain.headings.last?.id, "latar-belakang-2", "repeated headings are numbered before the prefix")
        for expected in ["<h3 id=\"bab-a-latar-belakang\">Latar Belakang</h3>", "<h4 id=\"bab-a-tujuan\">Tujuan</h4>",
                         "<h6 id=\"bab-a-lima\">Lima</h6>", "<h6 id=\"bab-a-enam\">Enam</h6>", "<h2 id=\"bab-a-satu\">Satu</h2>",
                         "<h3 id=\"bab-a-latar-belakang-2\">", "href=\"#bab-a-tujuan\"", "href=\"#bab-a-\"",
                         "href=\"https://contoh.go.id/a#tujuan\""] {
            XCTAssertTrue(placed.html.contains(expected), "\(expected) in \(placed.html)")
        }
        // What only looks like a heading or a link is the same text as without the placement.
        let code = "<pre><code>## bukan judul\n&lt;h2&gt;kode&lt;/h2&gt; href=&quot;#kode&quot;\n</code></pre>"
        XCTAssertTrue(plain.html.contains(code), plain.html)
        XCTAssertTrue(placed.html.contains(code), placed.html)
        let prose = "Teks dengan &lt;h2 dan <code>&lt;h3&gt;</code> dan <code> id=&quot;x&quot;</code>."
        XCTAssertTrue(plain.html.contains(prose), plain.html)
        XCTAssertTrue(placed.html.contains(prose), placed.html)
        // Nothing else changes: undo the heading levels, ids and links and the two are the same.
        var undone = placed.html
        for level in 2...6 { undone = undone.replacingOccurrences(of: "h\(level) id=\"bab-a-", with: "h\(level - 1) id=\"") }
        undone = undone.replacingOccurrences(of: "href=\"#bab-a-", with: "href=\"#")
        for level in 2...6 { undone = undone.replacingOccurrences(of: "</h\(level)>", with: "</h\(level - 1)>") }
        XCTAssertNotEqual(undone, plain.html, "the h5 and h6 both became h6: undoing gives h5 for both")
        XCTAssertEqual(undone.replacingOccurrences(of: "<h5 id=\"enam\">Enam</h5>", with: "<h6 id=\"enam\">Enam</h6>"),
                       plain.html)
    }

    func testNoPlacementIsThePlainRender() {
        XCTAssertEqual(Markdown.render(Self.text, placement: .init()).html, Markdown.render(Self.text).html)
    }
}
