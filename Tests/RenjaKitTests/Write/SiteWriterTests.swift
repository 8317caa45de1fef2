import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaWrite

/// The writer: incremental by content, atomic swap, stale files removed, failures leave the
/// previous site complete.
final class SiteWriterTests: XCTestCase {
    private func files(_ pairs: [String: String]) -> [OutputFile] {
        pairs.map { OutputFile(path: $0.key, data: Data($0.value.utf8)) }.sorted { $0.path < $1.path }
    }

    func testUnchangedFilesKeepTheirInodeAndTimestamp() throws {
        let out = RepoPaths.temporaryFolder().appendingPathComponent("Public")
        let first = try SiteWriter(output: out).write(files(["index.html": "a", "x/index.html": "b", "gone.html": "c"]))
        XCTAssertEqual(first, WriteReport(written: 3, unchanged: 0, removed: 0, writtenFiles: ["gone.html", "index.html", "x/index.html"]))
        let before = try Tree.stats(out)
        usleep(20_000)
        let second = try SiteWriter(output: out).write(files(["index.html": "a", "x/index.html": "B", "y/new.html": "d"]))
        XCTAssertEqual(second, WriteReport(written: 2, unchanged: 1, removed: 1,
                                           writtenFiles: ["x/index.html", "y/new.html"], removedFiles: ["gone.html"]))
        let after = try Tree.stats(out)
        XCTAssertEqual(after["index.html"]?.inode, before["index.html"]?.inode, "unchanged file is the same inode")
        XCTAssertEqual(after["index.html"]?.mtime, before["index.html"]?.mtime, "unchanged file keeps its timestamp")
        XCTAssertNotEqual(after["x/index.html"]?.mtime, before["x/index.html"]?.mtime)
        XCTAssertNil(after["gone.html"], "stale file of a removed page is gone")
        XCTAssertEqual(try Tree.read(out), ["index.html": Data("a".utf8), "x/index.html": Data("B".utf8), "y/new.html": Data("d".utf8)])
        XCTAssertEqual(try Tree.siblings(of: out), ["Public"], "no staging or old folder left beside the output")
    }

    func testIncrementalBuildEqualsFullBuildOnRealContent() throws {
        let root = RepoPaths.temporaryFolder()
        let content = try Tree.copyRealContent(to: root)
        let incremental = root.appendingPathComponent("Public")
        _ = try Builder.build(BuildOptions(content: content, contentDisplay: "Content", templates: RepoPaths.templates, output: incremental))
        let firstStats = try Tree.stats(incremental)
        let firstTree = try Tree.read(incremental)

        try Tree.edit(content.appendingPathComponent("renja-perubahan-2024/tabel/rencana.yaml"),
                      replacing: "            pagu: 2.552.000", with: "            pagu: 2.553.000")
        try Tree.edit(content.appendingPathComponent("renja-perubahan-2024/bab/01-pendahuluan.md"),
                      replacing: "## 1.1 Analisis Gambaran Pelayanan", with: "## 1.1 Analisis Gambaran Pelayanan Terkini")
        try FileManager.default.removeItem(at: content.appendingPathComponent("renja-perubahan-2024/bab/04-penutup.md"))
        usleep(20_000)
        let second = try Builder.build(BuildOptions(content: content, contentDisplay: "Content", templates: RepoPaths.templates, output: incremental))
        let report = try XCTUnwrap(second.report)

        let full = root.appendingPathComponent("Full")
        _ = try Builder.build(BuildOptions(content: content, contentDisplay: "Content", templates: RepoPaths.templates, output: full))
        XCTAssertEqual(try Tree.read(incremental), try Tree.read(full), "incremental and full builds give identical trees")

        let fullTree = try Tree.read(full)
        XCTAssertEqual(Set(report.removedFiles), Set(firstTree.keys).subtracting(fullTree.keys), "removed = pages the new site lacks")
        XCTAssertTrue(report.removedFiles.contains { $0.hasPrefix("renja-perubahan-2024/bab/") && $0.hasSuffix("/index.html") },
                      "the removed chapter's page: \(report.removedFiles)")
        XCTAssertEqual(Set(report.writtenFiles), Set(fullTree.keys.filter { firstTree[$0] != fullTree[$0] }),
                       "written = files whose bytes are new")
        XCTAssertGreaterThan(report.unchanged, 0, "assets and untouched pages are kept")
        XCTAssertEqual(report.written + report.unchanged, second.files.count)
        let secondStats = try Tree.stats(incremental)
        for path in SiteWriter.files(in: incremental) {
            let changed = report.writtenFiles.contains(path)
            XCTAssertEqual(secondStats[path]?.mtime == firstStats[path]?.mtime, !changed, path)
            XCTAssertEqual(secondStats[path]?.inode == firstStats[path]?.inode, !changed, path)
        }
        XCTAssertTrue(report.writtenFiles.contains("assets/style.css") == false)
    }

    func testFailureAtAnyFileLeavesThePreviousSiteComplete() throws {
        let out = RepoPaths.temporaryFolder().appendingPathComponent("Public")
        let old = files(["index.html": "lama", "a/index.html": "lama a", "b/index.html": "lama b", "c.css": "lama c"])
        _ = try SiteWriter(output: out).write(old)
        let oldTree = try Tree.read(out)
        let new = files(["index.html": "baru", "a/index.html": "baru a", "d/index.html": "baru d", "c.css": "lama c"])
        struct DiskFull: Error {}
        for failAt in new.map(\.path) {
            var writer = SiteWriter(output: out)
            writer.beforeWrite = { if $0 == failAt { throw DiskFull() } }
            XCTAssertThrowsError(try writer.write(new), failAt)
            XCTAssertEqual(try Tree.read(out), oldTree, "failure before \(failAt)")
            XCTAssertEqual(try Tree.siblings(of: out), ["Public"], "staging removed after failure at \(failAt)")
        }
        var writer = SiteWriter(output: out)
        writer.beforeSwap = { throw DiskFull() }
        XCTAssertThrowsError(try writer.write(new))
        XCTAssertEqual(try Tree.read(out), oldTree, "failure just before the swap")
        _ = try SiteWriter(output: out).write(new)
        XCTAssertEqual(try Tree.read(out), Dictionary(uniqueKeysWithValues: new.map { ($0.path, $0.data) }))
    }

    func testRefusesUnsafeDuplicateAndReservedPaths() throws {
        let out = RepoPaths.temporaryFolder().appendingPathComponent("Public")
        _ = try SiteWriter(output: out).write(files(["index.html": "lama"]))
        for bad in ["../luar.html", "/etc/passwd", "a/../../b", "./a", "a//b", "a\\b", "_renja/events", "_RENJA/x.js", ""] {
            XCTAssertThrowsError(try SiteWriter(output: out).write([OutputFile(path: bad, data: Data())]), bad) { error in
                XCTAssertEqual((error as? InputError)?.diagnostics.first?.code, "jalur-tidak-aman", bad)
            }
        }
        let dup = [OutputFile(path: "a.html", data: Data()), OutputFile(path: "a.html", data: Data())]
        XCTAssertThrowsError(try SiteWriter(output: out).write(dup))
        XCTAssertEqual(try Tree.read(out), ["index.html": Data("lama".utf8)])
        XCTAssertTrue(SiteWriter.isSafe("a..b/c.html"), "dots inside a name are fine")
        XCTAssertTrue(SiteWriter.isSafe("renja/_renja/x.html"), "only the first segment is reserved")
    }

    func testLeftoversOfAKilledRunAreRepaired() throws {
        let dir = RepoPaths.temporaryFolder()
        let out = dir.appendingPathComponent("Public")
        _ = try SiteWriter(output: out).write(files(["index.html": "lama"]))
        // Killed between the two renames of the fallback swap: only the old folder remains.
        try FileManager.default.moveItem(at: out, to: dir.appendingPathComponent(".Public.lama"))
        // Killed while writing: a half-filled staging folder remains.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".Public.staging/x"), withIntermediateDirectories: true)
        try Data("setengah".utf8).write(to: dir.appendingPathComponent(".Public.staging/x/index.html"))
        let report = try SiteWriter(output: out).write(files(["index.html": "lama", "baru.html": "b"]))
        XCTAssertEqual(report.unchanged, 1, "the recovered old site is the base for the comparison")
        XCTAssertEqual(try Tree.read(out), ["index.html": Data("lama".utf8), "baru.html": Data("b".utf8)])
        XCTAssertEqual(try Tree.siblings(of: out), ["Public"])
    }

    func testFallbackSwapWithoutAtomicExchange() throws {
        let out = RepoPaths.temporaryFolder().appendingPathComponent("Public")
        var writer = SiteWriter(output: out)
        writer.atomicExchange = false
        _ = try writer.write(files(["index.html": "a", "lama.html": "x"]))
        let report = try writer.write(files(["index.html": "a", "baru.html": "y"]))
        XCTAssertEqual(report, WriteReport(written: 1, unchanged: 1, removed: 1, writtenFiles: ["baru.html"], removedFiles: ["lama.html"]))
        XCTAssertEqual(try Tree.read(out), ["index.html": Data("a".utf8), "baru.html": Data("y".utf8)])
        XCTAssertEqual(try Tree.siblings(of: out), ["Public"])
    }

    func testWritesIntoAFolderThatDoesNotExistYet() throws {
        let out = RepoPaths.temporaryFolder().appendingPathComponent("dalam/lagi/Situs")
        let report = try SiteWriter(output: out).write(files(["index.html": "a"]))
        XCTAssertEqual(report.written, 1)
        XCTAssertEqual(try Tree.read(out), ["index.html": Data("a".utf8)])
    }

    /// A build adds each document's files while it renders the next: files come in from several
    /// threads, the published site stays the previous one until `finish`, and `abandon` (a render
    /// error after some documents were written) leaves it untouched with nothing beside it.
    func testFilesAddedFromManyThreadsArePublishedOnlyAtFinish() throws {
        let out = RepoPaths.temporaryFolder().appendingPathComponent("Public")
        _ = try SiteWriter(output: out).write(files(["index.html": "lama", "d0/index.html": "0"]))
        let groups = (0..<16).map { d in files(Dictionary(uniqueKeysWithValues: (0..<20).map { ("d\(d)/p\($0)/index.html", "\(d)-\($0)") })) }

        let session = try SiteWriter(output: out).begin()
        DispatchQueue.concurrentPerform(iterations: groups.count) { try! session.add(groups[$0]) }
        XCTAssertEqual(try Tree.read(out), ["index.html": Data("lama".utf8), "d0/index.html": Data("0".utf8)], "nothing published before finish")
        XCTAssertThrowsError(try session.add(files(["d3/p1/index.html": "again"])), "a path added twice is refused")
        try session.add(files(["index.html": "baru"]))
        let report = try session.finish()
        XCTAssertEqual(report.written, 16 * 20 + 1)
        XCTAssertEqual(report.removedFiles, ["d0/index.html"])
        var expected = ["index.html": Data("baru".utf8)]
        for g in groups { for f in g { expected[f.path] = f.data } }
        XCTAssertEqual(try Tree.read(out), expected)
        XCTAssertEqual(try Tree.siblings(of: out), ["Public"])

        let failed = try SiteWriter(output: out).begin()
        try failed.add(files(["index.html": "setengah", "d1/p0/index.html": "x"]))
        failed.abandon()
        XCTAssertEqual(try Tree.read(out), expected, "an abandoned write leaves the published site as it was")
        XCTAssertEqual(try Tree.siblings(of: out), ["Public"], "and no staging folder")
        _ = try SiteWriter(output: out).write(files(["index.html": "lagi"]))  // the lock was released
    }

    func testConcurrentWritersTakeTurns() throws {
        let out = RepoPaths.temporaryFolder().appendingPathComponent("Public")
        let sites = (0..<6).map { n in files(["index.html": "situs \(n)", "p\(n)/index.html": "halaman \(n)", "assets/style.css": "sama"]) }
        let failures = NSLock()
        var errors: [String] = []
        DispatchQueue.concurrentPerform(iterations: sites.count) { n in
            do { _ = try SiteWriter(output: out).write(sites[n]) } catch {
                failures.lock(); errors.append("\(error)"); failures.unlock()
            }
        }
        XCTAssertEqual(errors, [])
        let tree = try Tree.read(out)
        XCTAssertTrue(sites.contains { Dictionary(uniqueKeysWithValues: $0.map { ($0.path, $0.data) }) == tree }, "one complete site won")
        XCTAssertEqual(try Tree.siblings(of: out), ["Public"])
    }
}

/// Helpers to compare and inspect output trees.
enum Tree {
    struct Stat: Equatable {
        var inode: UInt64
        var mtime: Double
    }

    static func read(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for path in SiteWriter.files(in: dir) {
            out[path] = try Data(contentsOf: dir.appendingPathComponent(path))
        }
        return out
    }

    static func stats(_ dir: URL) throws -> [String: Stat] {
        var out: [String: Stat] = [:]
        for path in SiteWriter.files(in: dir) {
            var st = stat()
            guard lstat(dir.appendingPathComponent(path).path, &st) == 0 else { continue }
            out[path] = Stat(inode: UInt64(st.st_ino), mtime: Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9)
        }
        return out
    }

    static func siblings(of dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.deletingLastPathComponent().path).sorted()
    }

    static func copyRealContent(to root: URL) throws -> URL {
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: RepoPaths.content, to: content)
        return content
    }

    static func edit(_ file: URL, replacing old: String, with new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        precondition(text.contains(old), "\(file.path) has no \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }
}
