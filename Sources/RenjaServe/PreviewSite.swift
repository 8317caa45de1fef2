import Foundation
import RenjaKit

/// Why the last rebuild could not be published: the diagnostics, and their rich text (source line
/// and caret) for the terminal, the overlay and the error page.
public struct BuildFailure: Sendable, Equatable {
    public var diagnostics: [Diagnostic]
    public var reports: [String]
    public var summary: String
}

/// The outcome of rendering the preview after a save (in memory; nothing written).
public enum BuildOutcome: Sendable {
    /// Shown. `recovered` is true when the previous render had failed; `changed` lists the files
    /// whose bytes differ from the previous render's.
    case built(BuildResult, seconds: Double, recovered: Bool, changed: [String])
    /// Not shown; the last good preview stays served.
    case failed(BuildFailure, seconds: Double)
}

/// The outcome of writing `Public/` as `renja build` writes it (search index and PDFs included),
/// which follows every shown preview off the critical path.
public enum PublishOutcome: Sendable {
    case published(BuildResult, seconds: Double)
    /// `Public/` keeps the previous complete site.
    case failed(BuildFailure, seconds: Double)
    /// Not written: the content changed into something that cannot be read after the preview was
    /// shown (the preview shows why); the next good save publishes.
    case waiting(seconds: Double)
}

/// An event for the browsers listening on `/_renja/peristiwa`.
enum LiveEvent: Sendable, Equatable {
    case reload(version: String, written: [String], removed: [String])
    case failure(version: String, lines: [String])
    /// `Public/` and its search index caught up with the preview (or failed to: `failed`).
    case published(failed: Bool)
    case ping

    var serverSentEvent: String {
        switch self {
        case .reload(let version, let written, let removed):
            return LiveReload.event("muat-ulang", data: LiveEvent.json(["versi": version, "ditulis": written, "dihapus": removed]))
        case .failure(let version, let lines):
            return LiveReload.event("galat", data: LiveEvent.json(["versi": version, "diagnostik": lines]))
        case .published(let failed):
            return LiveReload.event(failed ? "terbit-gagal" : "terbit", data: "")
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
    /// Changes whenever what the server shows changes (a shown preview, a failure, a recovery).
    var version: String
    /// Why the last save is not shown, or why `Public/` could not be written.
    var failure: BuildFailure?
    /// When `version` last changed (seconds since 1970): part of `Last-Modified` of injected pages.
    var changedAt: Int
    /// `Public/` (and so the search index the preview serves from it) is behind the preview.
    var publishing: Bool
}

/// The site being previewed. After each save it renders the whole site **in memory** — the
/// findings always shown, as staff need them — and serves it from there at once; then it writes
/// `Public/` exactly as `renja build` would (the findings as `situs.yaml` says, the search index,
/// the PDFs), through the same atomic writer, off the critical path. The preview's search box uses
/// the index of that `Public/`, so the search can lag a save by one publish; the pages say so while
/// it does. An actor, so state changes and subscriptions are serialized; the renders and the
/// publishes run on their own serial queues, off the cooperative pool.
public actor PreviewSite {
    /// How `Public/` is built: as `renja build` builds it.
    public nonisolated let options: BuildOptions
    /// How the preview is rendered: the same, findings shown, without the index or new PDFs.
    public nonisolated let previewOptions: BuildOptions
    private let memo = LoadMemo()
    private let instance: String
    private var generation = 0
    private var failure: BuildFailure?
    private var publishFailure: BuildFailure?
    private var changedAt: Int
    /// The preview's files by path, as a build would write them.
    private var files: [String: Data] = [:]
    /// The PDFs the last publish wrote, by slug: the preview links them (it makes none itself).
    private var pdfs: [String: PublishedPDF] = [:]
    /// The PDFs the shown preview links.
    private var pdfsShown: [String: PublishedPDF] = [:]
    private var slugs: [String] = []
    /// Pages the early pass (`showSavedPages`) already replaced since the last whole render.
    private var shownEarly = Set<String>()
    private var publishing = false
    private var nextSubscriber = 0
    private var subscribers: [Int: AsyncStream<LiveEvent>.Continuation] = [:]
    private var closed = false
    private let renderQueue = DispatchQueue(label: "renja.preview.render")
    private let publishQueue = DispatchQueue(label: "renja.preview.publish")

    public init(options: BuildOptions) {
        var published = options
        published.reuseUnchangedDocuments = true
        published.alwaysShowFindings = false
        published.pdfFromCacheOnly = false
        published.indexSearch = true
        published.servedAtRoot = false
        self.options = published
        var preview = published
        preview.alwaysShowFindings = true
        preview.pdf = false
        preview.indexSearch = false
        preview.servedAtRoot = true
        // Documents unchanged since the last save come from the memo's last render.
        preview.reuseUnchangedDocuments = true
        self.previewOptions = preview
        self.instance = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        self.changedAt = Int(Date().timeIntervalSince1970)
    }

    var state: ServeState {
        ServeState(version: version, failure: failure ?? publishFailure, changedAt: changedAt, publishing: publishing)
    }
    private var version: String { "\(instance)-\(generation)" }

    /// The preview's file at `path` (`dir/index.html`, `assets/style.css`), if the site has one.
    func file(_ path: String) -> Data? { files[path] }
    /// Some file of the preview lies below `path` (a folder asked for without its `/`).
    func isFolder(_ path: String) -> Bool { files.keys.contains { $0.hasPrefix(path + "/") } }
    var hasSite: Bool { !files.isEmpty }
    /// The last publish wrote PDFs other than those the shown preview links (a document changed):
    /// the preview is rendered again to link them.
    public var linksOldPDFs: Bool { pdfs != pdfsShown }

    /// Renders the preview in memory and shows it. Call from one task at a time: the serve loop does.
    public func rebuild() async -> BuildOutcome {
        let start = Date()
        let options = previewOptions, memo = self.memo, pdfs = self.pdfs
        let result: Result<BuildResult, Error> = await withCheckedContinuation { continuation in
            renderQueue.async { continuation.resume(returning: Result { try Builder.render(options, memo: memo, publishedPDFs: pdfs) }) }
        }
        let seconds = Date().timeIntervalSince(start)
        switch result {
        case .success(let built):
            let recovered = failure != nil
            failure = nil
            var next: [String: Data] = [:]
            for f in built.files { next[f.path] = f.data }
            let written = built.files.filter { files[$0.path] != $0.data }.map(\.path)
            let removed = files.keys.filter { next[$0] == nil }.sorted()
            let first = files.isEmpty
            files = next
            pdfsShown = pdfs
            slugs = built.site.documents.map(\.slug)
            if recovered || first || !written.isEmpty || !removed.isEmpty {
                bump()
                broadcast(.reload(version: version, written: written, removed: removed))
            }
            // What this save changed, the pages the early pass showed included.
            let changed = Set(written).union(shownEarly.filter { next[$0] != nil }).sorted() + removed
            shownEarly = []
            return .built(built, seconds: seconds, recovered: recovered, changed: changed)
        case .failure(let error):
            let f = PreviewSite.describe(error, reader: sourceReader)
            if f != failure {
                failure = f
                bump()
                broadcast(.failure(version: version, lines: f.diagnostics.map(DiagnosticPrinter.short)))
            }
            return .failed(f, seconds: seconds)
        }
    }

    /// The early pass of a save: renders only the pages made from the saved files (a chapter's
    /// page, a table's page, the document's home for `dokumen.yaml`) — after loading, the facts and
    /// the checks of the whole document, so the page is exactly what the whole render makes — shows
    /// them and reloads the tabs showing them; `rebuild()` follows for every other page. Like
    /// `hugo server`, which renders the pages being viewed first. Nothing happens (nil) when the
    /// preview shows a failure, when no page is made from these files (a template, a new or
    /// removed file) or when the content cannot be loaded (`rebuild` says why).
    /// Call from the serve loop, before `rebuild()`.
    public func showSavedPages(_ changed: [String]) async -> (pages: [String], seconds: Double)? {
        guard failure == nil, !files.isEmpty else { return nil }
        let root = options.content.standardizedFileURL.path, display = options.contentDisplay
        let sources = Set(changed.compactMap { path -> String? in
            let p = URL(fileURLWithPath: path).standardizedFileURL.path
            guard p.hasPrefix(root + "/"), p.hasSuffix(".md") || p.hasSuffix(".yaml") else { return nil }
            return display + p.dropFirst(root.count)
        })
        guard !sources.isEmpty else { return nil }
        let start = Date()
        var early = previewOptions
        early.onlyPagesFrom = sources
        let options = early, memo = self.memo, pdfs = self.pdfsShown
        let result: Result<BuildResult, Error> = await withCheckedContinuation { continuation in
            renderQueue.async { continuation.resume(returning: Result { try Builder.render(options, memo: memo, publishedPDFs: pdfs) }) }
        }
        guard case .success(let built) = result else { return nil }
        // Only pages the preview has: a new page needs the other pages' links, made by `rebuild`.
        let written = built.files.filter { files[$0.path] != nil && files[$0.path] != $0.data }
        guard !written.isEmpty else { return nil }
        for f in written { files[f.path] = f.data }
        shownEarly.formUnion(written.map(\.path))
        bump()
        broadcast(.reload(version: version, written: written.map(\.path), removed: []))
        return (written.map(\.path), Date().timeIntervalSince(start))
    }

    /// Writes `Public/` as `renja build` does. Call from one task at a time: the serve loop does.
    public func publish() async -> PublishOutcome {
        publishing = true
        let start = Date()
        let options = self.options, slugs = self.slugs
        let result: Result<(BuildResult, [String: PublishedPDF]), Error> = await withCheckedContinuation { continuation in
            publishQueue.async {
                continuation.resume(returning: Result {
                    let built = try Builder.build(options)
                    return (built, options.pdf ? PublishedPDF.published(slugs, in: options.output) : [:])
                })
            }
        }
        publishing = false
        let seconds = Date().timeIntervalSince(start)
        switch result {
        case .success(let (built, made)):
            pdfs = made
            let hadFailure = publishFailure != nil
            publishFailure = nil
            if hadFailure { bump() }
            broadcast(.published(failed: false))
            return .published(built, seconds: seconds)
        case .failure(let error as InputError):
            _ = error
            broadcast(.published(failed: true))
            return .waiting(seconds: seconds)
        case .failure(let error):
            var f = PreviewSite.describe(error, reader: sourceReader)
            f.summary = "Folder \(options.output.lastPathComponent)/ belum diperbarui: \(f.summary)"
            if f != publishFailure {
                publishFailure = f
                bump()
            }
            broadcast(.published(failed: true))
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

    /// Turns a build error into diagnostics the user can act on (classified by `BuildProblem`).
    static func describe(_ error: Error, reader: @escaping (String) -> String?) -> BuildFailure {
        let problem = BuildProblem(error)
        let summary = problem.summary.prefix(1).uppercased() + problem.summary.dropFirst() + "."
        let reports = problem.diagnostics.map { DiagnosticPrinter.rich($0, source: reader) }
        return BuildFailure(diagnostics: problem.diagnostics, reports: reports, summary: summary)
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
