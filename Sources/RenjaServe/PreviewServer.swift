import Foundation
import Hummingbird
import RenjaKit
#if canImport(Glibc)
import Glibc
#endif

/// `renja serve`: renders the site in memory and serves it over HTTP, renders it again on every
/// change under the watched folders, tells the open pages to reload, and writes the output folder
/// as `renja build` would after each change (see `PreviewSite`).
public struct PreviewConfiguration: Sendable {
    public var build: BuildOptions
    public var host: String
    /// 0 picks a free port (tests); the real one is reported by `.listening`.
    public var port: Int
    /// Folders whose changes trigger a rebuild (default: the content and templates folders).
    public var watch: [URL]
    /// Quiet time after a change before the save is rendered. It is on the path from save to page:
    /// an editor's save is a few system calls microseconds apart, so a few milliseconds make it one
    /// batch; a save split in two all the same is only rendered twice (changes that arrive during a
    /// render are merged into the next).
    public var debounce: TimeInterval
    /// Interval of the keep-alive comment on event streams.
    public var heartbeat: TimeInterval

    public init(build: BuildOptions, host: String = "127.0.0.1", port: Int = 8000, watch: [URL]? = nil,
                debounce: TimeInterval = 0.003, heartbeat: TimeInterval = 15) {
        self.build = build
        self.host = host
        self.port = port
        self.watch = watch ?? [build.content, build.templates]
        self.debounce = debounce
        self.heartbeat = heartbeat
    }
}

/// What the server reports to whoever runs it (the CLI prints it; tests observe it).
public enum PreviewEvent: Sendable {
    case listening(URL)
    /// The preview was rendered (or could not be) after a save; `initial` for the one before
    /// serving starts.
    case built(BuildOutcome, initial: Bool)
    /// `Public/` was written (or could not be) after the preview.
    case published(PublishOutcome)
    /// Files changed; a rebuild follows.
    case changed([String])
    /// The pages made from the saved files were shown (`PreviewSite.showSavedPages`) before the
    /// whole render.
    case shownFirst(pages: [String], seconds: Double)
}

public enum PreviewError: Error, Equatable, CustomStringConvertible {
    case portInUse(port: Int)
    case portNotAllowed(port: Int)
    case unknownHost(String)
    case cannotListen(host: String, port: Int, reason: String)
    case cannotWatch(String)

    /// The message the user reads.
    public var description: String {
        switch self {
        case .portInUse(let port):
            return "Port \(port) sudah dipakai program lain; pilih port lain dengan --port"
        case .portNotAllowed(let port):
            return "Port \(port) hanya boleh dipakai administrator; pilih port di atas 1023 dengan --port"
        case .unknownHost(let host):
            return "Alamat --host \"\(host)\" tidak dikenal; pakai misalnya 127.0.0.1"
        case .cannotListen(let host, let port, let reason):
            return "Pratinjau tidak dapat mendengarkan di \(host):\(port): \(reason)"
        case .cannotWatch(let reason):
            return reason
        }
    }
}

public final class PreviewServer: Sendable {
    public let configuration: PreviewConfiguration
    public let site: PreviewSite
    private let onEvent: @Sendable (PreviewEvent) -> Void

    public init(configuration: PreviewConfiguration, onEvent: @escaping @Sendable (PreviewEvent) -> Void = { _ in }) {
        self.configuration = configuration
        self.site = PreviewSite(options: configuration.build)
        self.onEvent = onEvent
    }

    /// Runs until the calling task is cancelled (Ctrl-C in the CLI), then stops cleanly: the
    /// watcher ends, event streams finish, connections close. Throws `PreviewError` if it cannot
    /// start.
    public func run() async throws {
        let config = configuration
        if config.port != 0 { try PortCheck.ensureFree(host: config.host, port: config.port) }

        let changes = PendingChanges()
        let watcher: FileWatcher
        do {
            watcher = try FileWatcher(roots: config.watch, excluding: [config.build.output], debounce: config.debounce) { paths in
                changes.add(paths)
            }
        } catch {
            throw PreviewError.cannotWatch("\(error)")
        }
        watcher.start()
        let site = self.site
        let onEvent = self.onEvent
        defer { watcher.stop() }

        onEvent(.built(await site.rebuild(), initial: true))
        let publishes = PendingChanges()
        publishes.add(["Public"])

        var app = Application(
            responder: PreviewResponder(site: site, root: config.build.output),
            configuration: .init(address: .hostname(config.host, port: config.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? config.port
                onEvent(.listening(PreviewServer.address(host: config.host, port: port)))
            }
        )
        // Hummingbird's own (English) log lines stay quiet unless LOG_LEVEL asks for them.
        if ProcessInfo.processInfo.environment["LOG_LEVEL"] == nil { app.logger.logLevel = .critical }

        try await withTaskCancellationHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        try await app.run()
                    } catch where !Task.isCancelled {
                        throw PreviewError.cannotListen(host: config.host, port: config.port, reason: "\(error)")
                    }
                }
                group.addTask {
                    // Renders, one at a time, in memory: changes that arrive meanwhile are merged
                    // into the next. Each shown preview asks for a publish.
                    for await _ in changes.signals {
                        let paths = changes.takeAll()
                        if paths.isEmpty { continue }
                        onEvent(.changed(paths))
                        if let early = await site.showSavedPages(paths) {
                            onEvent(.shownFirst(pages: early.pages, seconds: early.seconds))
                        }
                        let outcome = await site.rebuild()
                        onEvent(.built(outcome, initial: false))
                        if case .built = outcome { publishes.add(["Public"]) }
                    }
                }
                group.addTask {
                    // Writes Public/ (search index and PDFs included) after the preview, one at a
                    // time; requests made meanwhile are merged into the next. The preview links the
                    // PDFs of the last publish: when they changed, it is rendered again to link them.
                    for await _ in publishes.signals {
                        if publishes.takeAll().isEmpty { continue }
                        onEvent(.published(await site.publish()))
                        if await site.linksOldPDFs, !changes.hasPaths {
                            onEvent(.built(await site.rebuild(), initial: false))
                        }
                    }
                }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(nanoseconds: UInt64(config.heartbeat * 1e9))
                        await site.broadcast(.ping)
                    }
                }
                defer { group.cancelAll() }
                // The first task to end (a failure to listen, or cancellation) ends them all.
                try await group.next()
            }
        } onCancel: {
            changes.finish()
            publishes.finish()
            Task { await site.closeAll() }
        }
        // Public/ is left as `renja build` would make it from the last save: a publish that was
        // asked for and not yet made is made now (a second Ctrl-C ends the process at once).
        if publishes.hasPaths || changes.hasPaths {
            _ = publishes.takeAll()
            _ = changes.takeAll()
            onEvent(.published(await site.publish()))
        }
    }

    static func address(host: String, port: Int) -> URL {
        let shown = host.contains(":") ? "[\(host)]" : host
        return URL(string: "http://\(shown):\(port)/")!
    }
}

/// Changed paths waiting for the next rebuild: the watcher adds, the rebuild loop takes them all,
/// so saves that arrive during a build are merged into one following build.
final class PendingChanges: @unchecked Sendable {
    private let lock = NSLock()
    private var paths = Set<String>()
    let signals: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        (signals, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    func add(_ new: [String]) {
        lock.lock()
        paths.formUnion(new)
        lock.unlock()
        continuation.yield()
    }

    var hasPaths: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !paths.isEmpty
    }

    func takeAll() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let out = paths.sorted()
        paths.removeAll()
        return out
    }

    func finish() { continuation.finish() }
}

/// Checks that the port can be bound before starting, so the user gets a clear message instead of
/// a socket error from deep inside the server.
enum PortCheck {
    static func ensureFree(host: String, port: Int) throws {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let first = result else {
            throw PreviewError.unknownHost(host)
        }
        defer { freeaddrinfo(result) }
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        if bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 {
            switch errno {
            case EADDRINUSE: throw PreviewError.portInUse(port: port)
            case EACCES: throw PreviewError.portNotAllowed(port: port)
            case EADDRNOTAVAIL: throw PreviewError.unknownHost(host)
            default: throw PreviewError.cannotListen(host: host, port: port, reason: String(cString: strerror(errno)))
            }
        }
    }
}
