import Foundation
import RenjaModel
import RenjaRender
import RenjaWrite

/// The whole pipeline in one call: load → validate → render → write.
public struct BuildOptions: Sendable {
    public var content: URL
    public var contentDisplay: String
    public var templates: URL
    public var templatesDisplay: String
    public var output: URL
    public var baseURL: String?
    public var strict: Bool
    /// Index the pages for search with Pagefind when it is installed (see `SearchIndexer`).
    /// Off unless asked for: `renja build` asks; a library caller or a test that does not care
    /// about search gets the pages alone, quicker and without the index's churn.
    public var search: Bool
    /// Keep the pages of documents whose files did not change since the previous build into the
    /// same output instead of checking and rendering them again (see `BuildCache`). `renja build`
    /// asks for it; off by default so a library caller always gets every file in `files` and
    /// every document in `site` complete (a reused document is loaded from `dokumen.yaml` only).
    public var reuseUnchangedDocuments: Bool = false
    /// Show the findings on the site (Validasi page, row marks) even when `situs.yaml` keeps them
    /// off the published site: `renja serve` asks for it, so staff always see them in preview.
    public var alwaysShowFindings: Bool = false
    /// Make each document's PDF with WeasyPrint when it is installed (see `DocumentPDF`). Off unless
    /// asked for, like `search`: `renja build` and `renja serve` ask.
    public var pdf: Bool = false
    /// With `pdf`: take only PDFs already made from the same input (`DocumentPDF`'s cache); a
    /// document whose PDF would have to be made is published without it for now, and
    /// `BuildResult.pdfPending` says so. `renja serve` builds so after a save (the page shows at
    /// once), then again without it to make the PDF.
    public var pdfFromCacheOnly: Bool = false
    /// With `search`: make the search index in this build. `renja serve` renders its in-memory
    /// preview without it (the pages still offer search) and serves the index of the `Public/` that
    /// its background build writes.
    public var indexSearch: Bool = true
    /// With search: the most documents one search bundle holds; nil for `SearchGroups.size(for:)`.
    /// Tests set it to see several groups on a small site.
    package var searchGroupSize: Int? = nil
    /// The pages are served at `/` by `renja serve`: the 404 page, which is served for any missing
    /// address and so links from the root, links from `/` instead of the base URL's path.
    public var servedAtRoot: Bool = false
    /// In memory only (`Builder.render`): render just the pages made from these files (display
    /// paths, as diagnostics name them: a chapter's Markdown, a table's YAML, `dokumen.yaml`),
    /// after loading, the facts and the checks as always, and return only them — no other page,
    /// data file or asset, and nothing remembered for the next build. `renja serve` shows the page
    /// of the file just saved this way before it renders the whole site again.
    public var onlyPagesFrom: Set<String>? = nil
    /// Where the build finds Renja's cache folder and its tools (`RENJA_CACHE_DIR`,
    /// `RENJA_PAGEFIND`, `RENJA_WEASYPRINT`, `PATH`; see `CacheFolder`, `SearchIndexer.locate`,
    /// `PDFEngine.locate`): the process's own unless a caller (a test) gives its own.
    public var environment: [String: String] = ProcessInfo.processInfo.environment

    public init(content: URL, contentDisplay: String? = nil, templates: URL, templatesDisplay: String? = nil,
                output: URL, baseURL: String? = nil, strict: Bool = false, search: Bool = false) {
        self.content = content
        self.contentDisplay = contentDisplay ?? content.path
        self.templates = templates
        self.templatesDisplay = templatesDisplay ?? templates.path
        self.output = output
        self.baseURL = baseURL
        self.strict = strict
        self.search = search
    }
}

public struct BuildResult: Sendable {
    public var site: Site
    public var findings: [Diagnostic]
    public var files: [OutputFile]
    public var report: WriteReport?
    /// Notes for the person building, in Indonesian (e.g. that search could not be built).
    public var notes: [String] = []
    /// Files kept from the previous build without rendering (incremental build); not in `files`.
    public var reusedFiles: [String] = []
    /// A document was published without its PDF because `pdfFromCacheOnly` did not let it be made.
    public var pdfPending: Bool = false
    /// The documents (slugs) checked and rendered by this build; the others were kept (from the
    /// build cache or, in memory, from the last render).
    public var renderedDocuments: [String] = []
    /// Every page of the site: rendered now or kept.
    public var pageCount: Int { (files.map(\.path) + reusedFiles).filter { $0.hasSuffix(".html") }.count }
    /// Of `pageCount`, the pages only the preview has (its Validasi pages, when the findings are
    /// shown although the site does not publish them): `renja build` of the same content has
    /// `pageCount - previewOnlyPages`.
    public var previewOnlyPages: Int = 0
    /// Every file of the site: rendered now or kept.
    public var fileCount: Int { files.count + reusedFiles.count }
}

/// Findings at or above the threshold stop a strict build.
public struct FindingsError: Error, Sendable {
    public var findings: [Diagnostic]
}

/// The library's entry points; both go through `SitePipeline`, the one pipeline.
public enum Builder {
    /// Loads, checks and renders without touching the disk's output: every file in memory. With
    /// `reuseUnchangedDocuments` and a `memo`, documents unchanged since the last call with the
    /// same memo are not checked or rendered again (`renja serve`).
    /// - Parameter memo: tables and templates loaded by an earlier call, reused when their files are unchanged.
    /// - Parameter publishedPDFs: without `options.pdf`, the PDFs (by slug) the pages link all the
    ///   same: `renja serve` links those of the `Public/` it wrote last, while it makes the next.
    public static func render(_ options: BuildOptions, memo: LoadMemo? = nil, publishedPDFs: [String: PublishedPDF] = [:]) throws -> BuildResult {
        try SitePipeline.run(options, memo: memo, publishedPDFs: publishedPDFs,
                             into: .init(writer: nil, reuse: options.reuseUnchangedDocuments && memo != nil))
    }

    /// Loads and checks without rendering (`renja check`): the load, facts and checks of a build,
    /// the findings sorted as a build sorts them. Whatever stops the load is an `InputError`
    /// (`BuildProblem` words it), a folder the system will not read included.
    public static func check(content: URL, displayPath: String) throws -> [Diagnostic] {
        let site: Site
        do {
            site = try SiteLoader.load(content: content, displayPath: displayPath)
        } catch let e as InputError {
            throw e
        } catch {
            throw InputError(.galat("baca-gagal", "konten \(displayPath) tidak dapat dibaca: \(SystemErrorText.describe(error))", at: nil))
        }
        return Validator.run(site)
    }

    /// Builds into `options.output` (or `writer`'s folder), all or nothing; with
    /// `reuseUnchangedDocuments`, through the build cache.
    public static func build(_ options: BuildOptions, writer: SiteWriter? = nil) throws -> BuildResult {
        try SitePipeline.run(options, into: .init(writer: writer ?? SiteWriter(output: options.output), reuse: options.reuseUnchangedDocuments))
    }
}
