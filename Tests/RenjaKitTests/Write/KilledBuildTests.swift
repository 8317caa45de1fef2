import Foundation
import XCTest
@testable import RenjaKit

/// A real `renja build` child process is SIGKILLed at many moments (while loading, while writing
/// the staging folder, around the swap); after every kill the output folder must be exactly the
/// old site or exactly the new one, and the next build must repair any leftovers.
final class KilledBuildTests: XCTestCase {
    static func renjaExecutable() -> URL? {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = [runner.deletingLastPathComponent(), Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("renja") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    func testSigkillAtAnyMomentLeavesACompleteSite() throws {
        guard let renja = KilledBuildTests.renjaExecutable() else {
            return XCTFail("the renja executable is not built next to the test runner (swift test builds it)")
        }
        let root = RepoPaths.temporaryFolder()
        let contentOld = try Tree.copyRealContent(to: root)
        let contentNew = root.appendingPathComponent("ContentBaru")
        try FileManager.default.copyItem(at: contentOld, to: contentNew)
        try Tree.edit(contentNew.appendingPathComponent("renja-perubahan-2024/tabel/rencana.yaml"),
                      replacing: "            pagu: 2.552.000", with: "            pagu: 2.553.000")
        try Tree.edit(contentNew.appendingPathComponent("renja-perubahan-2024/bab/01-pendahuluan.md"),
                      replacing: "## 1.1 Analisis Gambaran Pelayanan", with: "## 1.1 Analisis Gambaran Pelayanan (revisi)")
        try FileManager.default.removeItem(at: contentNew.appendingPathComponent("renja-perubahan-2024/bab/04-penutup.md"))

        // Built the way the child builds, with the same display path (it appears on the Validasi page)
        // and, like `renja build`, with the search index and the PDF when Pagefind and WeasyPrint are installed.
        func build(_ content: URL, into out: URL) throws {
            var options = BuildOptions(content: content, contentDisplay: content.lastPathComponent, templates: RepoPaths.templates, output: out,
                                       search: true).isolated(cache: root.appendingPathComponent("cache-ref"))
            options.pdf = true
            _ = try Builder.build(options)
        }
        let refOld = root.appendingPathComponent("RefLama")
        try build(contentOld, into: refOld)
        let oldTree = try Tree.read(refOld)
        let newTree = try { let o = root.appendingPathComponent("RefBaru"); try build(contentNew, into: o); return try Tree.read(o) }()
        XCTAssertNotEqual(oldTree, newTree)
        XCTAssertNotEqual(Set(oldTree.keys), Set(newTree.keys), "the new site drops a page")

        let out = root.appendingPathComponent("Public")
        let staging = root.appendingPathComponent(".Public.staging").path
        enum Moment { case afterStart(Int), afterStagingAppears(Int), neverKilled }
        let moments: [Moment] = [0, 5, 20, 40, 80, 120, 160, 200, 250, 300, 350, 400, 500, 700].map { .afterStart($0 * 1000) }
            + [0, 0, 100, 300, 600, 1000, 1500, 2500, 4000].map { .afterStagingAppears($0) }
            // The site (with its search index and data files) takes tens of milliseconds to stage:
            // later kills land around and after the swap.
            + [10_000, 30_000, 60_000, 150_000, 400_000, 1_000_000].map { .afterStagingAppears($0) }
            // Control: on a loaded machine every kill above may land before the swap, so one build
            // runs to the end and must publish exactly the new site.
            + [.neverKilled]
        var outcomes: [String: Int] = [:]
        var killedWhileStaging = 0
        for (i, moment) in moments.enumerated() {
            try? FileManager.default.removeItem(at: out)
            try FileManager.default.copyItem(at: refOld, to: out)
            // Each child gets its own cache, a copy of the reference builds' (so the PDF comes from
            // its cache, as the references made it): every child makes the whole site, none reuses
            // a document an earlier child published, and nothing is written outside `root`.
            let cache = root.appendingPathComponent("cache-anak-\(i)")
            try FileManager.default.copyItem(at: root.appendingPathComponent("cache-ref"), to: cache)
            let child = Process()
            child.environment = ProcessInfo.processInfo.environment.merging(["RENJA_CACHE_DIR": cache.path]) { $1 }
            child.executableURL = renja
            child.currentDirectoryURL = root
            child.arguments = ["build", "--content", contentNew.lastPathComponent, "--templates", RepoPaths.templates.path, "--output", "Public"]
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            switch moment {
            case .afterStart(let micros):
                usleep(useconds_t(micros))
            case .afterStagingAppears(let micros):
                let deadline = Date().addingTimeInterval(10)
                while access(staging, F_OK) != 0, child.isRunning, Date() < deadline { usleep(50) }
                usleep(useconds_t(micros))
            case .neverKilled:
                child.waitUntilExit()
            }
            if child.isRunning { kill(child.processIdentifier, SIGKILL) }
            child.waitUntilExit()
            let stagingLeft = access(staging, F_OK) == 0
            if stagingLeft { killedWhileStaging += 1 }

            let tree = try Tree.read(out)
            let verdict = tree == oldTree ? "lama" : tree == newTree ? "baru" : "rusak"
            outcomes[verdict, default: 0] += 1
            XCTAssertNotEqual(verdict, "rusak", "\(moment): output is neither the old nor the new site (\(tree.count) files)")

            // The next build completes and leaves nothing behind.
            if stagingLeft {
                try build(contentNew, into: out)
                XCTAssertEqual(try Tree.read(out), newTree, "\(moment): rebuild after the kill")
                XCTAssertFalse(FileManager.default.fileExists(atPath: staging))
            }
        }
        print("KilledBuildTests outcomes: \(outcomes), killed while the staging folder existed: \(killedWhileStaging)")
        XCTAssertGreaterThan(outcomes["lama", default: 0], 0, "some kills landed before the swap")
        XCTAssertGreaterThan(outcomes["baru", default: 0], 0, "the build that was not killed published the new site")
        XCTAssertGreaterThan(killedWhileStaging, 0, "some kills landed in the middle of writing the staging folder")
    }
}
