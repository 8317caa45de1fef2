import Foundation

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
    /// The pages are served at `/` by `renja serve`: the 404 page, which is served for any missing
    /// address and so links from the root, links from `/` instead of the base URL's path.
    public var servedAtRoot: Bool = false
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
    public var pageCount: Int { (files.map(\.path) + reusedFiles).filter { $0.hasSuffix(".html") }.count }
    /// Every file of the site: rendered now or kept.
    public var fileCount: Int { files.count + reusedFiles.count }
}

/// Findings at or above the threshold stop a strict build.
public struct FindingsError: Error, Sendable {
    public var findings: [Diagnostic]
}

public enum Builder {
    /// Loads, validates and renders without touching the disk's output.
    /// - Parameter memo: tables and templates loaded by an earlier call, reused when their files are unchanged.
    /// - Parameter publishedPDFs: without `options.pdf`, the PDFs (by slug) the pages link all the
    ///   same: `renja serve` links those of the `Public/` it wrote last, while it makes the next.
    public static func render(_ options: BuildOptions, memo: LoadMemo? = nil, publishedPDFs: [String: PublishedPDF] = [:]) throws -> BuildResult {
        let phase = PhaseTiming.start()
        let site = try SiteLoader.load(content: options.content, displayPath: options.contentDisplay, memo: memo)
        phase("muat konten")
        let templates = try TemplateSet.load(folder: options.templates, displayPath: options.templatesDisplay, memo: memo)
        phase("muat templat")
        // Each document's figures, worked out once: the checks and the pages read the same facts.
        let facts = Parallel.map(site.documents, DocumentFacts.init)
        phase("fakta")
        let findings = Validator.run(facts)
        phase("validasi")
        if options.strict, findings.contains(where: { $0.severity != .info }) { throw FindingsError(findings: findings) }
        let pagefind = options.search ? SearchIndexer.locate(environment: options.environment) : nil
        let show = options.alwaysShowFindings || site.settings.publicValidation
        var renderer = SiteRenderer(site: site, facts: facts, findings: findings, templates: templates, baseURL: options.baseURL,
                                    searchAvailable: pagefind != nil, showFindings: show)
        renderer.servedAtRoot = options.servedAtRoot
        if !options.pdf { renderer.pdfs = publishedPDFs.filter { slug, _ in site.documents.contains { $0.slug == slug } } }
        var notes: [String] = []
        // The PDFs first: the home pages show their sizes and checksums.
        var pdfs: [OutputFile] = []
        var pdfPending = false
        if options.pdf {
            (pdfs, notes, pdfPending) = DocumentPDF.attach(to: &renderer, engine: PDFEngine.locate(environment: options.environment),
                                                           cache: DocumentPDF.cache(options.environment), cachedOnly: options.pdfFromCacheOnly)
        }
        phase("pdf")
        var files = try renderer.render() + pdfs
        phase("render")
        if let pagefind, options.indexSearch {
            // Post-render step: the search index joins the site's files before anything is written.
            do {
                files = (files + (try SearchIndexer.index(files, executable: pagefind))).sorted { $0.path < $1.path }
            } catch {
                notes.append("Catatan: pencarian tidak dibuat (\(error)); situs dibangun tanpa pencarian.")
                var plain = SiteRenderer(site: site, facts: facts, findings: findings, templates: templates, baseURL: options.baseURL,
                                         showFindings: show)
                plain.pdfs = renderer.pdfs
                files = try plain.render() + pdfs
            }
        } else if options.search {
            notes.append("Catatan: pencarian tidak tersedia karena Pagefind tidak terpasang (pasang dengan `pip install pagefind-bin`); situs dibangun tanpa pencarian.")
        }
        files.sort { $0.path < $1.path }
        return BuildResult(site: site, findings: findings, files: files, report: nil, notes: notes, pdfPending: pdfPending)
    }

    public static func build(_ options: BuildOptions, writer: SiteWriter? = nil) throws -> BuildResult {
        if options.reuseUnchangedDocuments { return try IncrementalBuild.build(options, writer: writer) }
        var result = try render(options)
        result.report = try (writer ?? SiteWriter(output: options.output)).write(result.files)
        return result
    }
}
