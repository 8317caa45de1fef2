import Foundation
@testable import RenjaServe
import RenjaKit
import XCTest
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The preview server over real HTTP: status codes, content types, HEAD, revalidation, the 404
/// page, redirects, and requests that try to leave the served folder.
final class PreviewHTTPTests: XCTestCase {
    var fixture: ServeFixture!

    override func setUp() async throws {
        fixture = try ServeFixture(name: name)
        try fixture.start()
    }

    override func tearDown() async throws {
        try await fixture?.stop()
        fixture = nil
    }

    func testServesPagesWithTheirContentTypes() async throws {
        let cases: [(String, String)] = [
            ("/", "text/html; charset=utf-8"),
            ("/renja-perubahan-2024/", "text/html; charset=utf-8"),
            ("/renja-perubahan-2024/tabel/rencana/", "text/html; charset=utf-8"),
            ("/assets/style.css", "text/css; charset=utf-8"),
            ("/assets/favicon.svg", "image/svg+xml"),
            ("/sitemap.xml", "application/xml; charset=utf-8"),
        ]
        for (path, type) in cases {
            let (response, data) = try await fixture.get(path)
            XCTAssertEqual(response.statusCode, 200, path)
            XCTAssertEqual(response.value(forHTTPHeaderField: "Content-Type"), type, path)
            XCTAssertEqual(response.value(forHTTPHeaderField: "Content-Length"), String(data.count), path)
            XCTAssertNotNil(response.value(forHTTPHeaderField: "ETag"), path)
            XCTAssertNotNil(response.value(forHTTPHeaderField: "Last-Modified"), path)
            XCTAssertGreaterThan(data.count, 0, path)
        }
        let home = try await fixture.text("/renja-perubahan-2024/")
        XCTAssertTrue(home.contains("Rp 12.460.916.000"), "the real page is served")
        XCTAssertTrue(home.contains("<script src=\"/_renja/muat-ulang.js\""), "live reload is injected into served pages")
        let css = try await fixture.text("/assets/style.css")
        XCTAssertFalse(css.contains("_renja"), "only HTML gets the script")
        let script = try await fixture.get("/_renja/muat-ulang.js")
        XCTAssertEqual(script.0.value(forHTTPHeaderField: "Content-Type"), "text/javascript; charset=utf-8")
        XCTAssertTrue(String(decoding: script.1, as: UTF8.self).contains("EventSource(\"/_renja/peristiwa\")"))
    }

    func testPublishedFilesNeverContainTheLiveReload() async throws {
        _ = try await fixture.text("/")
        let files = SiteWriter.files(in: fixture.output)
        XCTAssertGreaterThan(files.count, 20)
        for path in files {
            let data = try Data(contentsOf: fixture.output.appendingPathComponent(path))
            XCTAssertNil(data.range(of: Data("/_renja/".utf8)), "\(path) on disk mentions /_renja/")
            XCTAssertNil(data.range(of: Data("muat-ulang.js".utf8)), path)
        }
    }

    func testHeadGivesTheHeadersOfGetWithoutABody() async throws {
        let get = try RawHTTP.request(port: fixture.port, target: "/renja-perubahan-2024/")
        let head = try RawHTTP.request(port: fixture.port, target: "/renja-perubahan-2024/", method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.body.count, 0, "no body bytes after the headers")
        for field in ["content-type", "content-length", "etag", "last-modified"] {
            XCTAssertEqual(head.headers[field], get.headers[field], field)
        }
        XCTAssertEqual(Int(head.headers["content-length"] ?? ""), get.body.count)
        let missing = try RawHTTP.request(port: fixture.port, target: "/tidak-ada/", method: "HEAD")
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.body.count, 0)
    }

    func testETagAndLastModifiedRevalidation() async throws {
        for path in ["/renja-perubahan-2024/", "/assets/style.css"] {
            let (first, body) = try await fixture.get(path)
            let etag = try XCTUnwrap(first.value(forHTTPHeaderField: "ETag"))
            let lastModified = try XCTUnwrap(first.value(forHTTPHeaderField: "Last-Modified"))
            XCTAssertTrue(etag.hasPrefix("\"") && etag.hasSuffix("\""), "strong tag: \(etag)")

            let (same, sameBody) = try await fixture.get(path, headers: ["If-None-Match": etag])
            XCTAssertEqual(same.statusCode, 304, path)
            XCTAssertEqual(sameBody.count, 0)
            XCTAssertEqual(same.value(forHTTPHeaderField: "ETag"), etag)

            let (list, _) = try await fixture.get(path, headers: ["If-None-Match": "\"lain\", W/\(etag)"])
            XCTAssertEqual(list.statusCode, 304, "weak comparison within a list")

            let (other, otherBody) = try await fixture.get(path, headers: ["If-None-Match": "\"0000000000000000-1\""])
            XCTAssertEqual(other.statusCode, 200, path)
            XCTAssertEqual(otherBody, body)

            let (since, _) = try await fixture.get(path, headers: ["If-Modified-Since": lastModified])
            XCTAssertEqual(since.statusCode, 304, path)
            let (older, _) = try await fixture.get(path, headers: ["If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"])
            XCTAssertEqual(older.statusCode, 200, path)
            let (both, _) = try await fixture.get(path, headers: ["If-None-Match": "\"lain\"", "If-Modified-Since": lastModified])
            XCTAssertEqual(both.statusCode, 200, "If-None-Match takes precedence over If-Modified-Since")
        }
    }

    func testNotFoundPageAndFolderRedirect() async throws {
        let (missing, body) = try await fixture.get("/renja-perubahan-2024/tidak-ada-halaman-ini/")
        XCTAssertEqual(missing.statusCode, 404)
        XCTAssertEqual(missing.value(forHTTPHeaderField: "Content-Type"), "text/html; charset=utf-8")
        let page = String(decoding: body, as: UTF8.self)
        let onDisk = try String(contentsOf: fixture.output.appendingPathComponent("404.html"), encoding: .utf8)
        let title = try XCTUnwrap(onDisk.range(of: "<title>").map { onDisk[$0.upperBound...].prefix { $0 != "<" } })
        XCTAssertTrue(page.contains("<title>\(title)</title>"), "the site's own 404 page")
        XCTAssertTrue(page.contains("/_renja/muat-ulang.js"))

        let redirect = try RawHTTP.request(port: fixture.port, target: "/renja-perubahan-2024?x=1")
        XCTAssertEqual(redirect.status, 301)
        XCTAssertEqual(redirect.headers["location"], "/renja-perubahan-2024/")
        let sneaky = try RawHTTP.request(port: fixture.port, target: "//assets")
        XCTAssertEqual(sneaky.status, 301)
        XCTAssertEqual(sneaky.headers["location"], "/assets/", "never a protocol-relative //host redirect")

        let post = try RawHTTP.request(port: fixture.port, target: "/", method: "POST", extraHeaders: "Content-Length: 0\r\n")
        XCTAssertEqual(post.status, 405)
        XCTAssertEqual(post.headers["allow"], "GET, HEAD")
        let unknownReserved = try RawHTTP.request(port: fixture.port, target: "/_renja/tidak-ada")
        XCTAssertEqual(unknownReserved.status, 404)
    }

    func testNoFileOutsideTheSiteCanBeServed() async throws {
        let secret = "RAHASIA-\(UUID().uuidString)"
        try secret.write(to: fixture.root.appendingPathComponent("rahasia.txt"), atomically: true, encoding: .utf8)
        let fm = FileManager.default
        // Pages come from memory; only the search bundle and the PDFs are read from the output
        // folder, so that is where links that try to leave it are planted.
        for folder in [fixture.output, fixture.output.appendingPathComponent("pagefind"), fixture.output.appendingPathComponent("dok/pagefind")] {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            try fm.createSymbolicLink(atPath: folder.appendingPathComponent("tautan.txt").path,
                                      withDestinationPath: fixture.root.appendingPathComponent("rahasia.txt").path)
            try fm.createSymbolicLink(atPath: folder.appendingPathComponent("luar").path, withDestinationPath: "..")
            try fm.createSymbolicLink(atPath: folder.appendingPathComponent("etc").path, withDestinationPath: "/etc")
            try fm.createSymbolicLink(atPath: folder.appendingPathComponent("bocor.pdf").path,
                                      withDestinationPath: fixture.root.appendingPathComponent("rahasia.txt").path)
        }
        // A symlink that stays inside the site is fine.
        try fm.createSymbolicLink(atPath: fixture.output.appendingPathComponent("pagefind/gaya.css").path, withDestinationPath: "../assets/style.css")

        let attempts = [
            "/../rahasia.txt", "/../../../../etc/passwd", "/assets/../../rahasia.txt", "/./../rahasia.txt",
            "/%2e%2e/rahasia.txt", "/%2E%2E/%2e%2E/etc/passwd", "/..%2frahasia.txt", "/assets/..%2F..%2Frahasia.txt",
            "/%2e%2e%2frahasia.txt", "/..%5crahasia.txt", "/..\\rahasia.txt", "/assets\\..\\..\\rahasia.txt",
            "/%252e%252e/rahasia.txt", "/%c0%ae%c0%ae/rahasia.txt", "/..%00/rahasia.txt", "/%00",
            "/etc/passwd", "//etc/passwd", "///../rahasia.txt", "/tautan.txt", "/luar/rahasia.txt", "/luar/Content/situs.yaml",
            "/pagefind/tautan.txt", "/pagefind/luar/rahasia.txt", "/pagefind/etc/passwd", "/pagefind/bocor.pdf", "/bocor.pdf",
            "/pagefind/luar/pagefind/bocor.pdf", "/dok/pagefind/tautan.txt", "/dok/pagefind/luar/pagefind/tautan.txt", "/dok/pagefind/etc/passwd",
            "/etc/hostname", "/_renja/../rahasia.txt", "/_renja/%2e%2e/rahasia.txt",
            "http://127.0.0.1/../rahasia.txt", "http://127.0.0.1/%2e%2e/rahasia.txt", "*", "rahasia.txt", "/%zz",
        ]
        for target in attempts {
            let answer = try RawHTTP.request(port: fixture.port, target: target)
            XCTAssertTrue([400, 403, 404].contains(answer.status), "\(target) → \(answer.status)")
            XCTAssertFalse(answer.text.contains(secret), "\(target) leaked the secret")
            XCTAssertFalse(answer.text.contains("root:x:0:0"), "\(target) leaked /etc/passwd")
        }
        XCTAssertEqual(try RawHTTP.request(port: fixture.port, target: "/pagefind/tautan.txt").status, 403, "symlink out of the site")
        XCTAssertEqual(try RawHTTP.request(port: fixture.port, target: "/bocor.pdf").status, 403, "symlink out of the site")
        XCTAssertEqual(try RawHTTP.request(port: fixture.port, target: "/tautan.txt").status, 404, "not a page of the site")
        XCTAssertEqual(try RawHTTP.request(port: fixture.port, target: "/../rahasia.txt").status, 400)
        let inside = try RawHTTP.request(port: fixture.port, target: "/pagefind/gaya.css")
        XCTAssertEqual(inside.status, 200)
        XCTAssertEqual(inside.body, try Data(contentsOf: fixture.output.appendingPathComponent("assets/style.css")))
        // A document's search bundle is read from the output folder too.
        try Data("{}".utf8).write(to: fixture.output.appendingPathComponent("dok/pagefind/pagefind-entry.json"))
        XCTAssertEqual(try RawHTTP.request(port: fixture.port, target: "/dok/pagefind/pagefind-entry.json").body, Data("{}".utf8))
        XCTAssertEqual(try RawHTTP.request(port: fixture.port, target: "/dok/pagefind/tautan.txt").status, 403, "symlink out of the site")
        let dotted = try RawHTTP.request(port: fixture.port, target: "/assets/%73tyle.css")
        XCTAssertEqual(dotted.status, 200, "ordinary percent-encoding still works")
    }

    func testPortInUseIsRefusedWithAClearMessage() async throws {
        let taken = fixture.port
        let options = BuildOptions(content: fixture.content, templates: fixture.templates, output: fixture.root.appendingPathComponent("Lain"))
        let second = PreviewServer(configuration: PreviewConfiguration(build: options, port: taken))
        do {
            try await second.run()
            XCTFail("a second server started on a port in use")
        } catch let error as PreviewError {
            XCTAssertEqual(error, .portInUse(port: taken))
            XCTAssertEqual(error.description, "Port \(taken) sudah dipakai program lain; pilih port lain dengan --port")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("Lain").path), "nothing built")
    }

    func testStopsPromptlyWithAnOpenEventStream() async throws {
        let events = try EventStreamClient(port: fixture.port)
        XCTAssertNotNil(events.wait(for: "halo", timeout: 10))
        let seconds = try await fixture.stop()
        print("PreviewHTTPTests: shutdown with an open event stream took \(seconds) s")
        XCTAssertLessThan(seconds, 5, "shutdown took \(seconds) s")
        XCTAssertTrue(events.waitUntilEnded(timeout: 5), "the event stream was closed")
        XCTAssertThrowsError(try RawHTTP.request(port: fixture.port, target: "/"), "nothing listens any more")
    }
}
