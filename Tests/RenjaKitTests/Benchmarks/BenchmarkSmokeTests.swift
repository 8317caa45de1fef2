import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaLoad

/// The benchmark corpus generator and runner (`Benchmarks/`, see BENCHMARKS.md) at the smallest
/// scale. The timed benchmark itself is not run here.
final class BenchmarkSmokeTests: XCTestCase {
    static let benchmarks = RepoPaths.root.appendingPathComponent("Benchmarks")

    /// Runs `python3 <script> <arguments>` from the repository root.
    func python(_ script: String, _ arguments: [String]) throws -> CLI.Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", BenchmarkSmokeTests.benchmarks.appendingPathComponent(script).path] + arguments
        p.currentDirectoryURL = RepoPaths.root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLI.Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func generate(documents: Int, seed: Int = 2024, into folder: URL) throws {
        let r = try python("generate.py", ["--documents", String(documents), "--seed", String(seed), "--out", folder.path])
        XCTAssertEqual(r.status, 0, "generate.py failed (python3 is installed by scripts/test):\n\(r.stderr)")
    }

    /// Every regular file under `folder`, relative path → bytes.
    func files(in folder: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: folder.path)
        while let rel = e?.nextObject() as? String {
            let url = folder.appendingPathComponent(rel)
            var dir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &dir), !dir.boolValue {
                out[rel] = FileManager.default.contents(atPath: url.path)
            }
        }
        return out
    }

    func testGeneratorIsDeterministic() throws {
        let root = RepoPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try generate(documents: 3, seed: 7, into: root.appendingPathComponent("a"))
        try generate(documents: 3, seed: 7, into: root.appendingPathComponent("b"))
        try generate(documents: 3, seed: 8, into: root.appendingPathComponent("c"))
        let a = files(in: root.appendingPathComponent("a"))
        let b = files(in: root.appendingPathComponent("b"))
        XCTAssertGreaterThan(a.count, 40, "both the Renja and the Hugo corpus are written")
        XCTAssertEqual(a.keys.sorted(), b.keys.sorted())
        for (path, data) in a { XCTAssertEqual(data, b[path], "\(path) differs between two runs with the same seed") }
        let c = files(in: root.appendingPathComponent("c"))
        let table = a.keys.first { $0.hasSuffix("tabel/evaluasi.yaml") }!
        XCTAssertNotEqual(a[table], c[table], "another seed gives other figures")
    }

    func testFirstDocumentHasTheShapeOfTheRealOne() throws {
        let root = RepoPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try generate(documents: 1, into: root)
        let site = try SiteLoader.load(content: root.appendingPathComponent("renja/Content"), displayPath: "Content")
        let real = try RepoPaths.loadRealSite().documents[0]
        let doc = try XCTUnwrap(site.documents.first)
        for level in [Level.program, .kegiatan, .subKegiatan] {
            XCTAssertEqual(doc.evaluation?.items(at: level).count, real.evaluation?.items(at: level).count, "\(level) rows of Tabel 1")
            XCTAssertEqual(doc.plan?.items(at: level).count, real.plan?.items(at: level).count, "\(level) rows of Tabel 2")
        }
        XCTAssertEqual(doc.chapters.map(\.slug), real.chapters.map(\.slug))
        let generated = doc.chapters.map(\.markdown.utf8.count).reduce(0, +)
        let original = real.chapters.map(\.markdown.utf8.count).reduce(0, +)
        XCTAssertEqual(Double(generated), Double(original), accuracy: Double(original) * 0.35, "chapters of realistic length")
    }

    /// Several agencies in one site: each document at its own path with its own agency, the home
    /// page listing them all (the multi-document feature the benchmark relies on).
    func testCorpusBuildsOneSiteOfSeveralAgencies() throws {
        let root = RepoPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try generate(documents: 3, into: root)
        let options = BuildOptions(content: root.appendingPathComponent("renja/Content"), contentDisplay: "Content",
                                   templates: RepoPaths.templates, templatesDisplay: "Templates",
                                   output: root.appendingPathComponent("Public"), search: false)
        let result = try Builder.build(options)
        XCTAssertEqual(result.site.documents.count, 3)
        XCTAssertEqual(Set(result.site.documents.map(\.agency.name)).count, 3, "each document keeps its own `instansi:`")
        let home = String(decoding: result.files.first { $0.path == "index.html" }!.data, as: UTF8.self)
        for doc in result.site.documents {
            XCTAssertTrue(result.files.contains { $0.path == "\(doc.slug)/index.html" }, "\(doc.slug) has its own home")
            XCTAssertTrue(home.contains("href=\"\(doc.slug)/\""), "the site index links \(doc.slug)")
            let page = String(decoding: result.files.first { $0.path == "\(doc.slug)/bab/pendahuluan/index.html" }!.data, as: UTF8.self)
            XCTAssertTrue(page.contains(HTMLText.escape(doc.agency.name)), "\(doc.slug)'s pages name its agency")
        }
    }

    /// `Benchmarks/run.py --smoke`: one run of the smallest scale with the `renja` built for the
    /// tests, Hugo, the incremental rebuild, `renja check`, and the results with the plot.
    func testRunnerSmoke() throws {
        guard FileManager.default.isExecutableFile(atPath: CLI.executable.path) else {
            throw XCTSkip("renja executable not found at \(CLI.executable.path)")
        }
        // scripts/test installs Hugo and names it here: then the test must run. A developer's
        // `swift test` without Hugo skips it and says why.
        let required = ProcessInfo.processInfo.environment["RENJA_BENCHMARK_HUGO"].flatMap { $0.isEmpty ? nil : $0 }
        let hugo = ([required].compactMap { $0 } + ["/usr/bin/hugo", "/usr/local/bin/hugo"]).first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let hugo else {
            if let required { return XCTFail("RENJA_BENCHMARK_HUGO=\(required) is not an executable") }
            throw XCTSkip("hugo is not installed: the benchmark smoke test compares with it (scripts/test installs it: apt-get install hugo)")
        }
        let root = RepoPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let results = root.appendingPathComponent("results")
        let r = try python("run.py", ["--smoke", "--scales", "1", "--renja", CLI.executable.path, "--hugo", hugo,
                                      "--work", root.appendingPathComponent("work").path, "--results", results.path])
        XCTAssertEqual(r.status, 0, "run.py failed:\n\(r.stdout)\n\(r.stderr)")

        let json = try XCTUnwrap(FileManager.default.contents(atPath: results.appendingPathComponent("results.json").path))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let scales = try XCTUnwrap(object["scales"] as? [[String: Any]])
        XCTAssertEqual(scales.count, 1)
        let renja = try XCTUnwrap(scales[0]["renja"] as? [String: Any])
        let hugoResult = try XCTUnwrap(scales[0]["hugo"] as? [String: Any])
        let renjaPages = try XCTUnwrap(renja["pages"] as? Int), hugoPages = try XCTUnwrap(hugoResult["pages"] as? Int)
        XCTAssertGreaterThanOrEqual(renjaPages, 20, "the real document's shape gives about 20 pages or more")
        XCTAssertEqual(Double(hugoPages), Double(renjaPages), accuracy: Double(renjaPages) * 0.1,
                       "the Hugo twin must build (nearly) the same pages: update Benchmarks/hugo and generate.py when Renja gains a kind of page")
        for tool in [renja, hugoResult] {
            XCTAssertGreaterThan(tool["wall"] as? Double ?? 0, 0)
            XCTAssertGreaterThan(tool["rss_mib"] as? Double ?? 0, 1)
        }
        XCTAssertGreaterThan(scales[0]["ratio"] as? Double ?? 0, 0)
        let incremental = try XCTUnwrap(object["incremental"] as? [String: Any])
        let incrementalRuns = try XCTUnwrap(incremental["renja_runs"] as? [[String: Any]])
        XCTAssertEqual(incrementalRuns.count, 1)
        XCTAssertGreaterThan(incrementalRuns[0]["written"] as? Int ?? 0, 0, "the edit reaches the output")
        XCTAssertNotNil((object["check"] as? [String: Any])?["renja"])

        let svg = String(decoding: try XCTUnwrap(FileManager.default.contents(atPath: results.appendingPathComponent("plot.svg").path)), as: UTF8.self)
        XCTAssertTrue(svg.hasPrefix("<svg"))
        XCTAssertTrue(svg.hasSuffix("</svg>\n"))
        XCTAssertEqual(svg.components(separatedBy: "<path ").count - 1, 4, "time and time per page, for both tools")
        let md = String(decoding: try XCTUnwrap(FileManager.default.contents(atPath: results.appendingPathComponent("results.md").path)), as: UTF8.self)
        XCTAssertTrue(md.contains("| 1 | \(renjaPages) / \(hugoPages) |"), md)
        XCTAssertTrue(md.contains("Incremental rebuild"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: results.appendingPathComponent("results.csv").path))
    }
}
