import Foundation
@testable import RenjaServe
import RenjaKit
import XCTest

/// Editing while serving: a save rebuilds and announces a reload; a broken save shows its
/// diagnostics over the last good page, which stays served; the next good save recovers.
final class LiveReloadTests: XCTestCase {
    let chapter = "Content/renja-perubahan-2024/bab/01-pendahuluan.md"
    let chapterPage = "/renja-perubahan-2024/bab/pendahuluan/"
    var fixture: ServeFixture!

    override func setUp() async throws {
        fixture = try ServeFixture(name: name)
        try fixture.start()
    }

    override func tearDown() async throws {
        try await fixture?.stop()
        fixture = nil
    }

    func testEditBreakAndFixWhileServing() async throws {
        let fixture = self.fixture!
        let events = try EventStreamClient(port: fixture.port)
        defer { events.close() }
        let hello = try XCTUnwrap(events.wait(for: "halo", timeout: 10))
        let firstPage = try await fixture.text(chapterPage)
        XCTAssertTrue(firstPage.contains("data-versi=\"\(hello.data)\""), "the page carries the version the stream announced")
        let original = try fixture.read(chapter)
        let publishes = fixture.log.publishCount

        // 1. A good edit: reload event naming the page, and the new text served (from memory at
        //    once; Public/ follows).
        let marker = "Kalimat uji \(UUID().uuidString.prefix(8))."
        try fixture.write(chapter, original.replacingOccurrences(of: "## 1.1 Analisis Gambaran Pelayanan", with: "## 1.1 Analisis Gambaran Pelayanan\n\n\(marker)"))
        let reload = try XCTUnwrap(events.wait(for: "muat-ulang", timeout: 30), "no reload event after a save")
        XCTAssertTrue(reload.data.contains("renja-perubahan-2024/bab/pendahuluan/index.html"), reload.data)
        XCTAssertFalse(reload.data.contains(hello.data), "a new version")
        let edited = try await fixture.text(chapterPage)
        XCTAssertTrue(edited.contains(marker))
        XCTAssertFalse(edited.contains("renja-galat"))
        try fixture.waitForPublish(after: publishes)

        // 2. A broken save: error event with path:line:column, overlay over the last good page.
        let seen = events.received.count
        try fixture.write(chapter, original.replacingOccurrences(of: "judul: Pendahuluan", with: "judul: [Pendahuluan"))
        let failure = try XCTUnwrap(events.wait(for: "galat", after: seen, timeout: 30), "no error event after a broken save")
        XCTAssertTrue(failure.data.contains("Content/renja-perubahan-2024/bab/01-pendahuluan.md:"), failure.data)
        XCTAssertTrue(failure.data.contains("galat[yaml-sintaks]"), failure.data)
        let (response, body) = try await fixture.get(chapterPage)
        let broken = String(decoding: body, as: UTF8.self)
        XCTAssertEqual(response.statusCode, 200, "the last good page is still served")
        XCTAssertTrue(broken.contains(marker), "the last good page is still served")
        XCTAssertTrue(broken.contains("id=\"renja-galat\""), "with the error overlay")
        XCTAssertTrue(broken.contains("Perubahan terakhir belum dapat ditampilkan"))
        let location = try XCTUnwrap(broken.range(of: #"Content/renja-perubahan-2024/bab/01-pendahuluan\.md:\d+:\d+: galat\[yaml-sintaks\]"#, options: .regularExpression),
                                     "diagnostic with path:line:column in the overlay")
        XCTAssertFalse(broken[location].isEmpty)
        XCTAssertNotNil(broken.range(of: #"\n\d+ \| [^\n]+\n +\| *\^"#, options: .regularExpression),
                        "the overlay quotes the source line with a caret")
        let errorPage = try await fixture.text("/_renja/galat")
        XCTAssertTrue(errorPage.contains("galat[yaml-sintaks]"))
        XCTAssertTrue(try String(contentsOf: fixture.output.appendingPathComponent("renja-perubahan-2024/bab/pendahuluan/index.html"), encoding: .utf8).contains(marker),
                      "Public/ keeps the last good site")

        // Saving the same broken text again announces nothing new.
        try fixture.write(chapter, original.replacingOccurrences(of: "judul: Pendahuluan", with: "judul: [Pendahuluan"))
        let builds = fixture.log.buildCount
        let deadline = Date().addingTimeInterval(30)
        while fixture.log.buildCount == builds, Date() < deadline { usleep(20_000) }
        XCTAssertEqual(events.received.dropFirst(seen).filter { $0.name == "galat" }.count, 1)

        // 3. The fix: reload event, the overlay is gone, the new text is served.
        let marker2 = "Kalimat perbaikan \(UUID().uuidString.prefix(8))."
        let beforeFix = events.received.count
        try fixture.write(chapter, original.replacingOccurrences(of: "## 1.1 Analisis Gambaran Pelayanan", with: "## 1.1 Analisis Gambaran Pelayanan\n\n\(marker2)"))
        XCTAssertNotNil(events.wait(for: "muat-ulang", after: beforeFix, timeout: 30), "no reload after the fix")
        let fixed = try await fixture.text(chapterPage)
        XCTAssertTrue(fixed.contains(marker2))
        XCTAssertFalse(fixed.contains("renja-galat"), "overlay gone after the fix")
        let cleared = try await fixture.text("/_renja/galat")
        XCTAssertTrue(cleared.contains("Tidak ada galat"))

        for path in SiteWriter.files(in: fixture.output) {
            let data = try Data(contentsOf: fixture.output.appendingPathComponent(path))
            XCTAssertNil(data.range(of: Data("/_renja/".utf8)), "\(path) on disk mentions /_renja/")
        }
    }

    func testTemplateEditAndEditorStyleSaveAreSeen() async throws {
        let fixture = self.fixture!
        let events = try EventStreamClient(port: fixture.port)
        defer { events.close() }
        XCTAssertNotNil(events.wait(for: "halo", timeout: 10))

        // A template change: every page that uses it is rewritten.
        let css = fixture.templates.appendingPathComponent("assets/style.css")
        let marker = "/* uji \(UUID().uuidString.prefix(8)) */"
        try (try String(contentsOf: css, encoding: .utf8) + "\n" + marker + "\n").write(to: css, atomically: false, encoding: .utf8)
        let reload = try XCTUnwrap(events.wait(for: "muat-ulang", timeout: 30))
        XCTAssertTrue(reload.data.contains("assets/style.css"), reload.data)
        let servedCSS = try await fixture.text("/assets/style.css")
        XCTAssertTrue(servedCSS.contains(marker))

        // An editor that writes a temporary file and renames it over the original (vim, gedit).
        let seen = events.received.count
        let chapterURL = fixture.root.appendingPathComponent(chapter)
        let marker2 = "Simpan lewat ganti nama \(UUID().uuidString.prefix(8))."
        let temp = chapterURL.deletingLastPathComponent().appendingPathComponent(".01-pendahuluan.md.swp")
        try (try fixture.read(chapter) + "\n\(marker2)\n").write(to: temp, atomically: false, encoding: .utf8)
        XCTAssertEqual(rename(temp.path, chapterURL.path), 0)
        XCTAssertNotNil(events.wait(for: "muat-ulang", after: seen, timeout: 30), "rename-over save not seen")
        let renamed = try await fixture.text(chapterPage)
        XCTAssertTrue(renamed.contains(marker2))
    }
}

/// A first build that fails: the error page is served (no site yet), and the first good save
/// publishes the site without a restart.
final class FirstBuildFailureTests: XCTestCase {
    func testBrokenContentAtStartShowsTheErrorPageThenRecovers() async throws {
        let fixture = try ServeFixture(name: name)
        let chapter = "Content/renja-perubahan-2024/bab/01-pendahuluan.md"
        let original = try fixture.read(chapter)
        try fixture.write(chapter, original.replacingOccurrences(of: "judul: Pendahuluan", with: "judul: [Pendahuluan"))
        try fixture.start()
        do {
            XCTAssertFalse(FileManager.default.fileExists(atPath: fixture.output.path), "nothing published")
            let (response, body) = try await fixture.get("/renja-perubahan-2024/")
            let page = String(decoding: body, as: UTF8.self)
            XCTAssertEqual(response.statusCode, 503)
            XCTAssertTrue(page.contains("Situs belum dapat dibangun"), page)
            XCTAssertTrue(page.contains("Content/renja-perubahan-2024/bab/01-pendahuluan.md:"), page)
            XCTAssertTrue(page.contains("/_renja/muat-ulang.js"), "the error page reloads itself")

            let events = try EventStreamClient(port: fixture.port)
            defer { events.close() }
            XCTAssertNotNil(events.wait(for: "halo", timeout: 10))
            try fixture.write(chapter, original)
            XCTAssertNotNil(events.wait(for: "muat-ulang", timeout: 30))
            let (fixed, _) = try await fixture.get("/renja-perubahan-2024/")
            XCTAssertEqual(fixed.statusCode, 200)
        } catch {
            try await fixture.stop()
            throw error
        }
        try await fixture.stop()
    }
}

/// Pages requested while rebuilds swap the output folder are always complete.
final class RebuildRaceTests: XCTestCase {
    func testRequestsDuringRebuildsAlwaysGetCompletePages() async throws {
        let fixture = try ServeFixture(name: name, debounce: 0.02)
        try fixture.start()
        let port = fixture.port
        let events = try EventStreamClient(port: port)
        defer { events.close() }
        XCTAssertNotNil(events.wait(for: "halo", timeout: 10))

        final class Tally: @unchecked Sendable {
            let lock = NSLock()
            var ok = 0
            var bad: [String] = []
            var stop = false
        }
        let tally = Tally()
        let readers = (0..<2).map { n in
            Thread {
                let targets = ["/renja-perubahan-2024/bab/pendahuluan/", "/assets/style.css", "/renja-perubahan-2024/", "/"]
                var i = n
                let deadline = Date().addingTimeInterval(120)
                while Date() < deadline {
                    tally.lock.lock(); let stop = tally.stop; tally.lock.unlock()
                    if stop { break }
                    let target = targets[i % targets.count]
                    i += 1
                    let verdict: String?
                    do {
                        let a = try RawHTTP.request(port: port, target: target)
                        let complete = target.hasSuffix(".css") ? a.body.count == Int(a.headers["content-length"] ?? "-1")
                                                                : a.text.hasSuffix("</html>\n") || a.text.hasSuffix("</html>")
                        verdict = a.status == 200 && complete ? nil : "\(target) → \(a.status), \(a.body.count) bytes"
                    } catch {
                        verdict = "\(target) → \(error)"
                    }
                    tally.lock.lock()
                    if let verdict { tally.bad.append(verdict) } else { tally.ok += 1 }
                    tally.lock.unlock()
                    usleep(2_000)  // leave the build some of the two cores
                }
            }
        }
        readers.forEach { $0.start() }

        let chapter = "Content/renja-perubahan-2024/bab/01-pendahuluan.md"
        let original = try fixture.read(chapter)
        let started = Date()
        for round in 0..<4 {
            let seen = events.received.count
            try fixture.write(chapter, original + "\n\nPutaran \(round).\n")
            XCTAssertNotNil(events.wait(for: "muat-ulang", after: seen, timeout: 30), "round \(round)")
        }
        tally.lock.withLock { tally.stop = true }
        usleep(300_000)
        try await fixture.stop()
        print("RebuildRaceTests: \(tally.ok) complete responses during 4 rebuilds in \(Date().timeIntervalSince(started)) s")
        XCTAssertEqual(tally.bad, [])
        XCTAssertGreaterThan(tally.ok, 20, "the readers ran during the rebuilds")
    }
}
