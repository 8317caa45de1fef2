import XCTest
@testable import RenjaKit

/// `renja build` on the real content: the pages, their links, their HTML, their determinism.
final class SiteBuildTests: XCTestCase {
    static var built: (output: URL, result: BuildResult)?

    func buildReal() throws -> (URL, BuildResult) {
        if let b = SiteBuildTests.built { return b }
        let out = RepoPaths.temporaryFolder("real").appendingPathComponent("Public")
        let result = try Builder.build(BuildOptions(content: RepoPaths.content, contentDisplay: "Content",
                                                    templates: RepoPaths.templates, templatesDisplay: "Templates", output: out))
        SiteBuildTests.built = (out, result)
        return (out, result)
    }

    func testWritesEveryExpectedPage() throws {
        let (out, result) = try buildReal()
        let doc = result.site.documents[0]
        var expected = ["index.html", "404.html", "sitemap.xml", "assets/style.css",
                        "renja-perubahan-2024/index.html",
                        "renja-perubahan-2024/tabel/evaluasi/index.html", "renja-perubahan-2024/tabel/rencana/index.html",
                        "renja-perubahan-2024/perubahan/index.html", "renja-perubahan-2024/data/index.html",
                        "renja-perubahan-2024/cetak/index.html", "cari/index.html", "assets/urutkan.js",
                        "renja-perubahan-2024/data/tabel-1-evaluasi.csv", "renja-perubahan-2024/data/tabel-2-rencana.json",
                        "renja-perubahan-2024/data/renja-perubahan-2024.json"]
        expected += doc.chapters.map { "renja-perubahan-2024/bab/\($0.slug)/index.html" }
        for path in expected {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path), path)
        }
        XCTAssertEqual(doc.chapters.count, 5)
        let programPages = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("renja-perubahan-2024/program").path)
        XCTAssertEqual(programPages.count, 9)
        // site home, document home, chapters, tables, programs, 404, perubahan, data, cetak, cari: the
        // Validasi page is not published by default (`validasi_publik` in situs.yaml).
        XCTAssertEqual(result.pageCount, 1 + 1 + 5 + 2 + 9 + 1 + 4)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("renja-perubahan-2024/validasi").path))
    }

    func testEveryInternalLinkResolves() throws {
        let (out, _) = try buildReal()
        let broken = LinkChecker.brokenLinks(in: out)
        XCTAssertEqual(broken, [], broken.prefix(10).joined(separator: "\n"))
        XCTAssertGreaterThan(LinkChecker.linkCount(in: out), 200)
    }

    func testEveryPagePassesTidy() throws {
        let (out, _) = try buildReal()
        guard let tidy = ["/usr/bin/tidy", "/usr/local/bin/tidy"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("tidy is required in CI (.ci/run installs it)") }
            throw XCTSkip("tidy not installed")
        }
        for page in LinkChecker.htmlFiles(in: out) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: tidy)
            p.arguments = ["-errors", "-q", out.appendingPathComponent(page).path]
            let pipe = Pipe()
            p.standardError = pipe
            p.standardOutput = Pipe()
            try p.run()
            p.waitUntilExit()
            let report = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            // tidy exits 2 on errors, 1 on warnings (its 2017 tables do not know aria-current).
            XCTAssertLessThan(p.terminationStatus, 2, "\(page):\n\(report)")
            XCTAssertFalse(report.contains("Error:"), "\(page):\n\(report)")
        }
    }

    func testPagesAreInIndonesianWithIndonesianNumbers() throws {
        let (out, _) = try buildReal()
        let home = try String(contentsOf: out.appendingPathComponent("renja-perubahan-2024/index.html"), encoding: .utf8)
        XCTAssertTrue(home.contains("<html lang=\"id\">"))
        XCTAssertTrue(home.contains("Rp 13.036.773.000"), "total pagu before the revision")
        XCTAssertTrue(home.contains("Rp 12.460.916.000"), "total pagu after the revision")
        let program = try String(contentsOf: out.appendingPathComponent("renja-perubahan-2024/program/program-penunjang-urusan-pemerintahan-daerah-kabupaten-kota/index.html"), encoding: .utf8)
        XCTAssertTrue(program.contains("42,23"), "stated percentage in Indonesian format")
        XCTAssertTrue(program.contains("3.841.554.000"))
        XCTAssertTrue(program.contains("3.662.369.000"))
        let sitemap = try String(contentsOf: out.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        XCTAssertTrue(sitemap.contains("<loc>https://dinsosp2kb.pekalongankota.go.id/renja/renja-perubahan-2024/program/program-rehabilitasi-sosial/</loc>"))
    }

    func testBaseURLOptionChangesCanonicalAndSitemap() throws {
        let out = RepoPaths.temporaryFolder().appendingPathComponent("Public")
        _ = try Builder.build(BuildOptions(content: RepoPaths.content, templates: RepoPaths.templates, output: out,
                                           baseURL: "https://contoh.example/laporan"))
        let sitemap = try String(contentsOf: out.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        XCTAssertTrue(sitemap.contains("<loc>https://contoh.example/laporan/renja-perubahan-2024/</loc>"))
        let page = try String(contentsOf: out.appendingPathComponent("renja-perubahan-2024/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<link rel=\"canonical\" href=\"https://contoh.example/laporan/renja-perubahan-2024/\">"))
    }

    func testTwoBuildsAreByteIdentical() throws {
        let a = RepoPaths.temporaryFolder().appendingPathComponent("A")
        let b = RepoPaths.temporaryFolder().appendingPathComponent("B")
        for out in [a, b] {
            // With the search index when Pagefind is installed: its files must be deterministic too.
            _ = try Builder.build(BuildOptions(content: RepoPaths.content, templates: RepoPaths.templates, output: out, search: true).isolated())
        }
        let filesA = LinkChecker.allFiles(in: a), filesB = LinkChecker.allFiles(in: b)
        XCTAssertEqual(filesA, filesB)
        for f in filesA {
            XCTAssertEqual(FileManager.default.contents(atPath: a.appendingPathComponent(f).path),
                           FileManager.default.contents(atPath: b.appendingPathComponent(f).path), f)
        }
    }

    func testHostileContentRendersAsText() throws {
        var eval = TempSite.evaluation
        eval = eval.replacingOccurrences(of: "nama: PROGRAM UJI", with: "nama: \"PROGRAM <img src=x onerror=alert(1)>\"")
        let chapter = TempSite.chapter + "\n\n<script>alert(1)</script>\n\n[klik](javascript:alert(1))\n\n<img src=x onerror=alert(2)>\n"
        let site = TempSite(files: ["Content/uji/tabel/evaluasi.yaml": eval, "Content/uji/bab/01-pendahuluan.md": chapter])
        let result = try Builder.render(site.options())
        let html = result.files.filter { $0.path.hasSuffix(".html") }.map { String(decoding: $0.data, as: UTF8.self) }.joined()
        XCTAssertFalse(html.contains("<script>alert"), "script tag passed through")
        XCTAssertFalse(html.contains("<img src=x onerror"), "event handler passed through")
        XCTAssertFalse(html.contains("href=\"javascript:"), "javascript: URL passed through")
        XCTAssertTrue(html.contains("PROGRAM &lt;img src=x onerror=alert(1)&gt;"), "YAML name shown as text")
    }
}

/// Finds every `href`/`src` in the generated HTML and checks that relative ones point at a file.
enum LinkChecker {
    static func allFiles(in dir: URL) -> [String] {
        let e = FileManager.default.enumerator(atPath: dir.path)
        var out: [String] = []
        while let f = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent(f).path, isDirectory: &isDir), !isDir.boolValue { out.append(f) }
        }
        return out.sorted()
    }

    static func htmlFiles(in dir: URL) -> [String] { allFiles(in: dir).filter { $0.hasSuffix(".html") } }

    static func links(in html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        let ns = html as NSString
        return regex.matches(in: html, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }

    static func linkCount(in dir: URL) -> Int {
        htmlFiles(in: dir).reduce(0) { n, page in
            n + links(in: (try? String(contentsOf: dir.appendingPathComponent(page), encoding: .utf8)) ?? "").count
        }
    }

    static func brokenLinks(in dir: URL) -> [String] {
        var broken: [String] = []
        for page in htmlFiles(in: dir) where page != "404.html" {
            let html = (try? String(contentsOf: dir.appendingPathComponent(page), encoding: .utf8)) ?? ""
            let pageDir = dir.appendingPathComponent(page).deletingLastPathComponent()
            for link in links(in: html) {
                if link.hasPrefix("http:") || link.hasPrefix("https:") || link.hasPrefix("mailto:") { continue }
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let path = String(parts[0])
                let fragment = parts.count > 1 ? String(parts[1]) : nil
                var target = path.isEmpty ? dir.appendingPathComponent(page) : URL(fileURLWithPath: path, relativeTo: pageDir).standardizedFileURL
                if path.hasSuffix("/") || path.isEmpty && page.hasSuffix("index.html") == false {
                    if !path.isEmpty { target = target.appendingPathComponent("index.html") }
                }
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDir), isDir.boolValue {
                    target = target.appendingPathComponent("index.html")
                }
                guard target.path.hasPrefix(dir.standardizedFileURL.path), FileManager.default.fileExists(atPath: target.path) else {
                    broken.append("\(page): \(link)")
                    continue
                }
                if let fragment, !fragment.isEmpty, target.pathExtension == "html" {
                    let targetHTML = (try? String(contentsOf: target, encoding: .utf8)) ?? ""
                    if !targetHTML.contains("id=\"\(fragment)\"") { broken.append("\(page): \(link) (anchor)") }
                }
            }
        }
        return broken
    }
}
