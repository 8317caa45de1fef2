import Foundation
@testable import RenjaServe
import XCTest

/// inotify watching: writes, editor-style renames, deletions and folders created later are
/// reported; hidden files are not; a burst of saves is one batch.
final class FileWatcherTests: XCTestCase {
    final class Batches: @unchecked Sendable {
        private let lock = NSLock()
        private var batches: [[String]] = []
        func add(_ b: [String]) { lock.lock(); batches.append(b); lock.unlock() }
        var all: [[String]] { lock.lock(); defer { lock.unlock() }; return batches }

        func wait(for path: String, after: Int, timeout: TimeInterval = 5) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if all.dropFirst(after).contains(where: { $0.contains(path) }) { return true }
                usleep(5_000)
            }
            return false
        }
    }

    var root: URL!
    var batches: Batches!
    var watcher: FileWatcher!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("renja-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("bab/lama"), withIntermediateDirectories: true)
        let batches = Batches()
        self.batches = batches
        watcher = try FileWatcher(roots: [root], debounce: 0.05) { batches.add($0) }
        watcher.start()
    }

    override func tearDown() {
        watcher.stop()
        try? FileManager.default.removeItem(at: root)
    }

    private func path(_ p: String) -> String { root.path + "/" + p }

    private func write(_ p: String, _ text: String = "isi") throws {
        try text.write(toFile: path(p), atomically: false, encoding: .utf8)
    }

    func testWatchesExistingFoldersRecursively() throws {
        XCTAssertEqual(watcher.watchedFolderCount, 3)
        let n = batches.all.count
        try write("bab/lama/a.md")
        XCTAssertTrue(batches.wait(for: path("bab/lama/a.md"), after: n))
    }

    func testRenameOverAndDeleteAreSeen() throws {
        try write("bab/b.md")
        XCTAssertTrue(batches.wait(for: path("bab/b.md"), after: 0))
        var n = batches.all.count
        try write("bab/.b.md.swp", "baru")
        XCTAssertEqual(rename(path("bab/.b.md.swp"), path("bab/b.md")), 0)
        XCTAssertTrue(batches.wait(for: path("bab/b.md"), after: n), "IN_MOVED_TO")
        n = batches.all.count
        try FileManager.default.removeItem(atPath: path("bab/b.md"))
        XCTAssertTrue(batches.wait(for: path("bab/b.md"), after: n), "IN_DELETE")
    }

    func testFoldersCreatedLaterAreWatched() throws {
        let before = watcher.watchedFolderCount
        var n = batches.all.count
        try FileManager.default.createDirectory(atPath: path("tabel"), withIntermediateDirectories: false)
        XCTAssertTrue(batches.wait(for: path("tabel"), after: n))
        n = batches.all.count
        try write("tabel/rencana.yaml")
        XCTAssertTrue(batches.wait(for: path("tabel/rencana.yaml"), after: n), "a file in a folder created after start")

        // A whole tree moved in at once (e.g. unpacked elsewhere, then moved).
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("renja-watch-luar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("x/y"), withIntermediateDirectories: true)
        n = batches.all.count
        XCTAssertEqual(rename(outside.path, path("pindahan")), 0)
        XCTAssertTrue(batches.wait(for: path("pindahan"), after: n))
        n = batches.all.count
        try write("pindahan/x/y/dalam.md")
        XCTAssertTrue(batches.wait(for: path("pindahan/x/y/dalam.md"), after: n), "nested folders of a moved-in tree")
        XCTAssertEqual(watcher.watchedFolderCount, before + 4)
    }

    func testHiddenAndBackupFilesAreIgnored() throws {
        try write("bab/.catatan.md")
        try write("bab/a.md~")
        usleep(300_000)
        XCTAssertEqual(batches.all, [], "no batch for hidden or backup files")
    }

    func testABurstOfSavesIsOneBatch() throws {
        for i in 0..<5 {
            try write("bab/c\(i).md")
            usleep(10_000)
        }
        XCTAssertTrue(batches.wait(for: path("bab/c4.md"), after: 0))
        usleep(200_000)
        XCTAssertEqual(batches.all.count, 1, "\(batches.all)")
        XCTAssertEqual(Set(batches.all[0]), Set((0..<5).map { path("bab/c\($0).md") }))
    }

    func testExcludedFolderIsNotWatched() throws {
        watcher.stop()
        try FileManager.default.createDirectory(atPath: path("Public/a"), withIntermediateDirectories: true)
        let batches = Batches()
        let w = try FileWatcher(roots: [root], excluding: [root.appendingPathComponent("Public")], debounce: 0.05) { batches.add($0) }
        w.start()
        defer { w.stop() }
        XCTAssertEqual(w.watchedFolderCount, 3, "Public/ and Public/a are not watched")
        try write("Public/a/index.html")
        try FileManager.default.createDirectory(atPath: path("Public/b"), withIntermediateDirectories: true)
        try write("bab/e.md")
        XCTAssertTrue(batches.wait(for: path("bab/e.md"), after: 0))
        usleep(200_000)
        XCTAssertFalse(batches.all.joined().contains { $0.hasPrefix(path("Public")) }, "\(batches.all)")
    }

    func testStopEndsTheThreadPromptly() throws {
        let start = Date()
        watcher.stop()
        XCTAssertLessThan(Date().timeIntervalSince(start), 1)
        try write("bab/d.md")
        usleep(200_000)
        XCTAssertEqual(batches.all, [])
    }
}
