import Foundation
@testable import RenjaServe
import XCTest

/// Request paths are decoded and checked before any file is looked up; HTTP dates, entity tags
/// and content types.
final class RequestTargetTests: XCTestCase {
    func testDecodesOrdinaryPaths() {
        XCTAssertEqual(RequestTarget(raw: "/"), .site(segments: [], trailingSlash: true))
        XCTAssertEqual(RequestTarget(raw: "/a/b/"), .site(segments: ["a", "b"], trailingSlash: true))
        XCTAssertEqual(RequestTarget(raw: "/a/b.css?v=1#x"), .site(segments: ["a", "b.css"], trailingSlash: false))
        XCTAssertEqual(RequestTarget(raw: "/bab%20satu/"), .site(segments: ["bab satu"], trailingSlash: true))
        XCTAssertEqual(RequestTarget(raw: "/a..b/c"), .site(segments: ["a..b", "c"], trailingSlash: false), "dots inside a name are a name")
        XCTAssertEqual(RequestTarget(raw: "//a///b"), .site(segments: ["a", "b"], trailingSlash: false))
        XCTAssertEqual(RequestTarget(raw: "http://contoh:8000/a/"), .site(segments: ["a"], trailingSlash: true))
        XCTAssertEqual(RequestTarget(raw: "/%252e%252e/"), .site(segments: ["%2e%2e"], trailingSlash: true), "decoded once only")
    }

    func testReservedFolder() {
        XCTAssertEqual(RequestTarget(raw: "/_renja/peristiwa"), .reserved("peristiwa"))
        XCTAssertEqual(RequestTarget(raw: "/_RENJA/x"), .reserved("x"))
        XCTAssertEqual(RequestTarget(raw: "/%5frenja/x"), .reserved("x"), "an encoded underscore does not get around it")
    }

    func testRefusesTraversalAndOddBytes() {
        for raw in ["/..", "/../x", "/a/../../x", "/.", "/./x", "/%2e%2e/x", "/%2E%2e/x", "/.%2e/x", "/..%2fx", "/a%2Fb",
                    "/..%5cx", "/a\\b", "/%00", "/a%00b", "/%c0%ae%c0%ae/x", "/%ff", "/%zz", "/%2", "*", "x", "",
                    "http://h/../x", "/_renja/../x"] {
            XCTAssertEqual(RequestTarget(raw: raw), .invalid, raw)
        }
    }

    func testLocationEncoding() {
        XCTAssertEqual(RequestTarget.encode(["a b", "c"], trailingSlash: true), "/a%20b/c/")
        XCTAssertEqual(RequestTarget.encode(["a?b#c%"], trailingSlash: false), "/a%3Fb%23c%25")
        XCTAssertEqual(RequestTarget.encode([], trailingSlash: true), "/")
    }

    func testHTTPDates() {
        XCTAssertEqual(HTTPSupport.httpDate(784_111_777), "Sun, 06 Nov 1994 08:49:37 GMT")
        XCTAssertEqual(HTTPSupport.parseHTTPDate("Sun, 06 Nov 1994 08:49:37 GMT"), 784_111_777)
        let now = Int(Date().timeIntervalSince1970)
        XCTAssertEqual(HTTPSupport.parseHTTPDate(HTTPSupport.httpDate(now)), now)
        XCTAssertNil(HTTPSupport.parseHTTPDate("Sunday, 06-Nov-94 08:49:37 GMT"))
        XCTAssertNil(HTTPSupport.parseHTTPDate("kemarin"))
    }

    func testEntityTags() {
        let a = HTTPSupport.entityTag(Data("halaman".utf8))
        XCTAssertEqual(a, HTTPSupport.entityTag(Data("halaman".utf8)))
        XCTAssertNotEqual(a, HTTPSupport.entityTag(Data("halamaN".utf8)))
        XCTAssertTrue(HTTPSupport.noneMatch(a, matches: a))
        XCTAssertTrue(HTTPSupport.noneMatch("\"x\", W/\(a)", matches: a))
        XCTAssertTrue(HTTPSupport.noneMatch("*", matches: a))
        XCTAssertFalse(HTTPSupport.noneMatch("\"x\"", matches: a))
    }

    func testContentTypes() {
        XCTAssertEqual(HTTPSupport.contentType(forPath: "/a/index.html"), "text/html; charset=utf-8")
        XCTAssertEqual(HTTPSupport.contentType(forPath: "a.CSS"), "text/css; charset=utf-8")
        XCTAssertEqual(HTTPSupport.contentType(forPath: "a.js"), "text/javascript; charset=utf-8")
        XCTAssertEqual(HTTPSupport.contentType(forPath: "a.json"), "application/json; charset=utf-8")
        XCTAssertEqual(HTTPSupport.contentType(forPath: "a.svg"), "image/svg+xml")
        XCTAssertEqual(HTTPSupport.contentType(forPath: "a.png"), "image/png")
        XCTAssertEqual(HTTPSupport.contentType(forPath: "a.pdf"), "application/pdf")
        XCTAssertEqual(HTTPSupport.contentType(forPath: "a.woff2"), "font/woff2")
        XCTAssertEqual(HTTPSupport.contentType(forPath: "tanpa-akhiran"), "application/octet-stream")
    }

    func testInjectionGoesBeforeTheLastBodyClose() {
        let html = Data("<html><body><p>&lt;/body&gt;</p></BODY></html>".utf8)
        let out = String(decoding: LiveReload.inject(into: html, version: "v-1", failure: nil), as: UTF8.self)
        XCTAssertEqual(out, "<html><body><p>&lt;/body&gt;</p><script src=\"/_renja/muat-ulang.js\" data-versi=\"v-1\"></script>\n</BODY></html>")
        let bare = String(decoding: LiveReload.inject(into: Data("teks".utf8), version: "v", failure: nil), as: UTF8.self)
        XCTAssertTrue(bare.hasPrefix("teks<script"))
        let failure = BuildFailure(diagnostics: [], reports: ["Content/a.md:1:2: galat[x]: <b>pesan</b>"], summary: "Masukan tidak dapat dibaca.")
        let overlaid = String(decoding: LiveReload.inject(into: html, version: "v", failure: failure), as: UTF8.self)
        XCTAssertTrue(overlaid.contains("Content/a.md:1:2: galat[x]: &lt;b&gt;pesan&lt;/b&gt;"), "diagnostics are escaped")
        XCTAssertFalse(overlaid.contains("<b>pesan</b>"))
    }
}
