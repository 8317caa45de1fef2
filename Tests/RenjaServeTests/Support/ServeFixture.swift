import Foundation
import RenjaKit
@testable import RenjaServe
import XCTest
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Locations in the repository, found from this file so tests run from any working folder.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var content: URL { root.appendingPathComponent("Content") }
    static var templates: URL { root.appendingPathComponent("Templates") }

    static func temporaryFolder(_ name: String = #function) -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("renja-serve-\(safe)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The `renja` executable that `swift test` builds next to the test runner.
    static func renjaExecutable() -> URL? {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return [runner.deletingLastPathComponent(), Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("renja") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

/// Records what the server reports, for tests to wait on.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [PreviewEvent] = []

    func add(_ e: PreviewEvent) {
        lock.lock()
        events.append(e)
        lock.unlock()
    }

    var all: [PreviewEvent] {
        lock.lock()
        defer { lock.unlock() }
        return events
    }

    var listeningURL: URL? {
        for e in all { if case .listening(let url) = e { return url } }
        return nil
    }

    var buildCount: Int {
        all.filter { if case .built = $0 { return true } else { return false } }.count
    }

    /// Publishes of `Public/` finished so far (written or not).
    var publishCount: Int {
        all.filter { if case .published = $0 { return true } else { return false } }.count
    }
}

/// A copy of the real content and templates in a temporary folder, built and served on a free
/// port by an in-process `PreviewServer`.
final class ServeFixture {
    let root: URL
    let log = EventLog()
    let server: PreviewServer
    private var task: Task<Void, Error>?
    private(set) var base: URL!

    var content: URL { root.appendingPathComponent("Content") }
    var templates: URL { root.appendingPathComponent("Templates") }
    var output: URL { root.appendingPathComponent("Public") }
    var port: Int { base.port! }

    init(name: String = #function, debounce: TimeInterval = 0.1, heartbeat: TimeInterval = 15, publicValidation: Bool = false) throws {
        root = Repo.temporaryFolder(name)
        try FileManager.default.copyItem(at: Repo.content, to: root.appendingPathComponent("Content"))
        if publicValidation {
            let settings = root.appendingPathComponent("Content/situs.yaml")
            try (String(contentsOf: settings, encoding: .utf8) + "\nvalidasi_publik: ya\n").write(to: settings, atomically: true, encoding: .utf8)
        }
        try FileManager.default.copyItem(at: Repo.templates, to: root.appendingPathComponent("Templates"))
        var options = BuildOptions(content: root.appendingPathComponent("Content"), contentDisplay: "Content",
                                   templates: root.appendingPathComponent("Templates"), templatesDisplay: "Templates",
                                   output: root.appendingPathComponent("Public"))
        // Renja's cache folder inside the fixture, not the developer's `~/.cache/renja`.
        options.environment["RENJA_CACHE_DIR"] = root.appendingPathComponent("cache").path
        let log = self.log
        server = PreviewServer(configuration: PreviewConfiguration(build: options, port: 0, debounce: debounce, heartbeat: heartbeat)) {
            log.add($0)
        }
    }

    func start(timeout: TimeInterval = 60) throws {
        let server = self.server
        task = Task { try await server.run() }
        let deadline = Date().addingTimeInterval(timeout)
        while log.listeningURL == nil, Date() < deadline { usleep(20_000) }
        base = try XCTUnwrap(log.listeningURL, "server did not start")
        // The preview is served from memory at once; Public/ follows. Tests start with both.
        try waitForPublish(after: 0, timeout: timeout)
    }

    /// Waits until more than `count` publishes of `Public/` have finished.
    func waitForPublish(after count: Int, timeout: TimeInterval = 60) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while log.publishCount <= count, Date() < deadline { usleep(10_000) }
        XCTAssertGreaterThan(log.publishCount, count, "Public/ was not written")
    }

    /// Cancels the server and waits for `run()` to return; returns how long that took.
    @discardableResult
    func stop() async throws -> TimeInterval {
        guard let task else { return 0 }
        let start = Date()
        task.cancel()
        _ = try await task.value
        self.task = nil
        return Date().timeIntervalSince(start)
    }

    func url(_ path: String) -> URL { URL(string: path, relativeTo: base)!.absoluteURL }

    /// A real HTTP client (URLSession), without caches, so revalidation headers are ours.
    static let session: URLSession = {
        let config = URLSessionConfiguration.ephemeral
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        config.urlCache = nil
        return URLSession(configuration: config)
    }()

    func get(_ path: String, headers: [String: String] = [:], method: String = "GET") async throws -> (HTTPURLResponse, Data) {
        var request = URLRequest(url: url(path))
        request.httpMethod = method
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        let (data, response) = try await ServeFixture.session.data(for: request)
        return (response as! HTTPURLResponse, data)
    }

    func text(_ path: String) async throws -> String {
        let (_, data) = try await get(path)
        return String(decoding: data, as: UTF8.self)
    }

    func write(_ relative: String, _ text: String) throws {
        try text.write(to: root.appendingPathComponent(relative), atomically: false, encoding: .utf8)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }
}
