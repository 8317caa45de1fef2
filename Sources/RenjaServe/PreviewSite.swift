import Foundation
import RenjaKit

/// Why the last rebuild could not be published: the diagnostics, and their rich text (source line
/// and caret) for the terminal, the overlay and the error page.
public struct BuildFailure: Sendable, Equatable {
    public var diagnostics: [Diagnostic]
    public var reports: [String]
    public var summary: String
}

/// The outcome of one build while serving.
public enum BuildOutcome: Sendable {
    /// Published. `recovered` is true when the previous build had failed.
    case built(BuildResult, seconds: Double, recovered: Bool)
    /// Not published; the last good site stays served.
    case failed(BuildFailure, seconds: Double)
}

/// An event for the browsers listening on `/_renja/peristiwa`.
enum LiveEvent: Sendable, Equatable {
    case reload(version: String, written: [String], removed: [String])
    case failure(version: String, lines: [String])
    case ping

    var serverSentEvent: String {
        switch self {
        case .reload(let version, let written, let removed):
            return LiveReload.event("muat-ulang", data: LiveEvent.json(["versi": version, "ditulis": written, "dihapus": removed]))
        case .failure(let version, let lines):
            return LiveReload.event("galat", data: LiveEvent.json(["versi": version, "diagnostik": lines]))
        case .ping:
            return ": ping\n\n"
        }
    }

    private static func json(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// What a request needs to know about the site being served.
struct ServeState: Sendable {
    /// Changes whenever what the server shows changes (a published rebuild, a failure, a recovery).
    var version: String
    var failure: BuildFailure?
    /// When `version` last changed (seconds since 1970): part of `Last-Modified` of injected pages.
    var changedAt: Int
}

/// The site being previewed: builds it, remembers whether the last build failed, and tells the
/// browsers. An actor, so state changes and subscriptions are serialized; the build itself runs on
/// its own serial queue, off the cooperative pool.
public actor PreviewSite {
    public let options: BuildOptions
    private let instance: String
    private var generation = 0
    private var failure: BuildFailure?
    private var changedAt: Int
    private var nextSubscriber = 0
    private var subscribers: [Int: AsyncStream<LiveEvent>.Continuation] = [:]
    private var closed = false
    private let queue = DispatchQueue(label: "renja.preview.build")

    public init(options: BuildOptions) {
        self.options = options
        self.instance = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        self.changedAt = Int(Date().timeIntervalSince1970)
    }

    var state: ServeState { ServeState(version: version, failure: failure, changedAt: changedAt) }
    private var version: String { "\(instance)-\(generation)" }

    /// Builds and publishes (through `SiteWriter`'s staging folder and swap). Call from one task at a
    /// time: the serve loop does.
    /// - Parameter pdfFromCacheOnly: publish without the PDFs that would have to be made (see
    ///   `BuildOptions.pdfFromCacheOnly`): a save shows at once, a second rebuild adds them.
    public func rebuild(pdfFromCacheOnly: Bool = false) async -> BuildOutcome {
        var options = self.options
        options.pdfFromCacheOnly = pdfFromCacheOnly
        let start = Date()
        let result: Result<BuildResult, Error> = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Result { try Builder.build(options) }) }
        }
        let seconds = Date().timeIntervalSince(start)
        switch result {
        case .success(let built):
            let recovered = failure != nil
            failure = nil
            if recovered || built.report?.changedAnything == true || generation == 0 {
                bump()
                broadcast(.reload(version: version, written: built.report?.writtenFiles ?? [], removed: built.report?.removedFiles ?? []))
            }
            return .built(built, seconds: seconds, recovered: recovered)
        case .failure(let error):
            let f = describe(error)
            if f != failure {
                failure = f
                bump()
                broadcast(.failure(version: version, lines: f.diagnostics.map(DiagnosticPrinter.short)))
            }
            return .failed(f, seconds: seconds)
        }
    }

    private func bump() {
        generation += 1
        changedAt = Int(Date().timeIntervalSince1970)
    }

    /// A stream of live events for one browser tab, with the version current at subscription.
    func subscribe() -> (id: Int, version: String, events: AsyncStream<LiveEvent>) {
        let (stream, continuation) = AsyncStream<LiveEvent>.makeStream(bufferingPolicy: .bufferingNewest(8))
        nextSubscriber += 1
        if closed { continuation.finish() } else { subscribers[nextSubscriber] = continuation }
        return (nextSubscriber, version, stream)
    }

    func unsubscribe(_ id: Int) {
        subscribers.removeValue(forKey: id)?.finish()
    }

    var subscriberCount: Int { subscribers.count }

    func broadcast(_ event: LiveEvent) {
        for continuation in subscribers.values { continuation.yield(event) }
    }

    /// Ends every event stream (shutdown): their responses complete and connections can close.
    func closeAll() {
        closed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers.removeAll()
    }

    /// Turns a build error into diagnostics the user can act on.
    private func describe(_ error: Error) -> BuildFailure {
        let diagnostics: [Diagnostic]
        let summary: String
        switch error {
        case let e as InputError:
            diagnostics = e.diagnostics.filter { $0.severity == .galat }.isEmpty ? e.diagnostics : e.diagnostics.filter { $0.severity == .galat }
            summary = "Masukan tidak dapat dibaca."
        case let e as FindingsError:
            diagnostics = e.findings.filter { $0.severity != .info }
            summary = "Ada galat atau peringatan angka (--strict)."
        case let e as CocoaError:
            diagnostics = [.galat("tulis-gagal", "situs tidak dapat ditulis: \(SystemErrorText.describe(e))", at: nil)]
            summary = "Folder keluaran tidak dapat ditulis."
        default:
            diagnostics = [.galat("bangun-gagal", "pembangunan gagal: \(SystemErrorText.describe(error))", at: nil)]
            summary = "Pembangunan gagal."
        }
        let reports = diagnostics.map { DiagnosticPrinter.rich($0, source: sourceReader) }
        return BuildFailure(diagnostics: diagnostics, reports: reports, summary: summary)
    }

    /// Diagnostics name files by their display path (`Content/…`); read them from the real folders.
    private var sourceReader: (String) -> String? {
        let mappings = [(options.contentDisplay, options.content.path), (options.templatesDisplay, options.templates.path)]
        return { path in
            for (display, real) in mappings where path == display || path.hasPrefix(display + "/") {
                if let text = try? String(contentsOfFile: real + path.dropFirst(display.count), encoding: .utf8) { return text }
            }
            return try? String(contentsOfFile: path, encoding: .utf8)
        }
    }
}
