import Foundation
import RenjaModel
import RenjaFacts

/// Model + findings + templates → the pages of the site, in memory. Writing them is another step.
public struct SiteRenderer {
    public let site: Site
    public let findings: [Diagnostic]
    public let templates: TemplateSet
    public let baseURL: String
    /// The site will carry a Pagefind index: show the search form and the search page's box.
    public let searchAvailable: Bool
    /// For the navigation of sites with many documents: the page's own document, found by its folder.
    let documentsBySlug: [String: Document]
    /// Each document's facts (the same the checks read), by slug.
    let factsBySlug: [String: DocumentFacts]
    /// Search suggestions from the site's own rows.
    package var searchExamples: [String]
    /// The Validasi page and the finding marks are part of the site (see `SiteSettings.publicValidation`).
    public let showFindings: Bool
    /// The findings carry their check ids and `file:line:column` ("Rincian untuk staf"): in the
    /// preview, never on a site that publishes them (`validasi_publik: ya`).
    public var technicalFindings: Bool
    /// Figures of the site index's document cards, for documents loaded without their tables
    /// (kept from the previous build by an incremental build), by slug.
    package var cardFigures: [String: [FigureView]] = [:]
    /// The documents of one agency and year compared with each other, earlier first, by the slug of
    /// each of them (`DocumentComparison.groups`, worked out once: every page's navigation asks).
    let comparisonGroups: [String: [Document]]
    /// Each document's PDF, by slug, when one was made (`DocumentPDF.attach`): its home page links it.
    package var pdfs: [String: PublishedPDF] = [:]
    /// See `BuildOptions.servedAtRoot`.
    package var servedAtRoot = false
    /// See `BuildOptions.searchGroupSize`: how many documents a search bundle holds at most.
    package var searchGroupSize: Int? = nil
    /// See `BuildOptions.onlyPagesFrom`: render only the pages made from these files.
    package var onlyPagesFrom: Set<String>? = nil
    /// The site's own files (home, search and 404 pages, sitemap, robots.txt, assets) are kept
    /// from the previous build: `render` makes only the documents' files.
    package var sitePagesKept = false

    /// - Parameter facts: the documents' facts as the checks used them; computed here when not given.
    /// - Parameter showFindings: publish the findings; by default as `situs.yaml` says.
    public init(site: Site, facts: [DocumentFacts]? = nil, findings: [Diagnostic], templates: TemplateSet, baseURL: String? = nil,
                searchAvailable: Bool = false, showFindings: Bool? = nil, searchExamples: [String]? = nil) {
        self.site = site
        self.showFindings = showFindings ?? site.settings.publicValidation
        self.technicalFindings = self.showFindings && !site.settings.publicValidation
        let all = facts ?? Parallel.map(site.documents, DocumentFacts.init)
        self.factsBySlug = Dictionary(all.map { ($0.document.slug, $0) }, uniquingKeysWith: { a, _ in a })
        // The pipeline passes them in (kept documents' words come from the cache): counted once.
        self.searchExamples = searchExamples ?? SearchExamples.words(site)
        self.findings = findings
        self.templates = templates
        self.searchAvailable = searchAvailable
        self.documentsBySlug = Dictionary(site.documents.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        self.comparisonGroups = Dictionary(DocumentComparison.groups(site.documents).flatMap { g in g.map { ($0.slug, g) } },
                                           uniquingKeysWith: { a, _ in a })
        var base = baseURL ?? site.settings.baseURL
        if !base.hasSuffix("/") { base += "/" }
        self.baseURL = base
    }

    public static let generator = "Renja"
    /// Up to this many documents, every page's main navigation lists them all.
    public static let navigationDocumentLimit = 12

    /// Renders every page. Throws `InputError` for problems found while rendering (e.g. an unknown
    /// placeholder in a chapter).
    /// - Parameter reused: documents whose pages are kept from the previous build (incremental
    ///   `renja build`), by slug, with their page folders for the sitemap; they are not rendered.
    /// - Parameter emit: called with each document's files as soon as they are rendered (from the
    ///   thread that rendered them) and at the end with the site's own files, so they can be
    ///   written while the rest renders. Every file is also in the returned list.
    public func render(reusing reused: [String: [String]] = [:], emit: (([OutputFile]) throws -> Void)? = nil) throws -> [OutputFile] {
        var files: [OutputFile] = []
        var sitemap: [String] = [""]
        var problems: [Diagnostic] = []

        // Documents are independent: render them on all cores (a site of one document spreads its
        // pages instead). Results are collected in document order, so the output is the same.
        let owned = findingsByDocument()
        let perDocument = site.documents.filter { reused[$0.slug] == nil }.count > 1
        let rendered = try Parallel.mapThrowing(site.documents) { doc -> (files: [OutputFile], dirs: [String], problems: [Diagnostic]) in
            if let dirs = reused[doc.slug] { return ([], dirs, []) }
            let docRenderer = DocumentRenderer(site: site, facts: facts(doc), findings: showFindings ? owned[doc.slug] ?? [] : [], base: self)
            // Each page is built and rendered in one go (its view is freed at once). When this
            // document's pages are spread over the cores, each is handed on as soon as it is ready.
            let emitEachPage = !perDocument && emit != nil
            let make = { (build: () -> (PagePlan, [Diagnostic])) throws -> (OutputFile, String, [Diagnostic]) in
                let (p, diags) = build()
                let file = self.render(p)
                if emitEachPage { try emit?([file]) }
                return (file, p.dir, diags)
            }
            let builders = docRenderer.pageBuilders(from: onlyPagesFrom)
            if onlyPagesFrom != nil {
                let built = try Parallel.mapThrowing(builders, make)
                return (built.map(\.0), built.map(\.1), built.flatMap(\.2))
            }
            let built = perDocument ? try builders.map(make) : try Parallel.mapThrowing(builders, make)
            let data = try docRenderer.dataFiles()
            try emit?(emitEachPage ? data : built.map(\.0) + data)
            return (built.map(\.0) + data, built.map(\.1), built.flatMap(\.2))
        }
        for r in rendered {
            files += r.files
            sitemap += r.dirs
            problems += r.problems
        }
        if problems.contains(where: { $0.severity == .galat }) { throw InputError(problems) }
        if onlyPagesFrom != nil || sitePagesKept { return files.sorted { $0.path < $1.path } }

        // Every document's card (its key figures) appears on three site pages: made once, on all cores.
        let cards = Parallel.map(site.documents) { card($0, root: "") }
        let sitePages: [() -> PagePlan] = [
            { SiteIndexPage(site: self).plan(cards) },
            { SearchPage(site: self).plan(cards) },
            { NotFoundPage(site: self).plan(cards) },
        ]
        var siteFiles = Parallel.map(sitePages) { render($0()) }
        siteFiles.append(OutputFile(path: "sitemap.xml", data: Data(Sitemap.xml(baseURL: baseURL, dirs: sitemap, lastModified: lastModified).utf8)))
        siteFiles.append(OutputFile(path: "robots.txt", data: Data(Sitemap.robots(baseURL: baseURL).utf8)))
        for asset in templates.assets {
            siteFiles.append(OutputFile(path: "assets/\(asset.path)", data: asset.data))
        }
        try emit?(siteFiles)
        files += siteFiles
        return files.sorted { $0.path < $1.path }
    }

    /// How many of `paths` are pages the published site does not have: the documents' Validasi
    /// pages when the findings are shown although `situs.yaml` keeps them off the site (`renja
    /// serve`'s preview, `BuildOptions.alwaysShowFindings`).
    package func previewOnlyPages(_ paths: [String]) -> Int {
        guard showFindings, !site.settings.publicValidation else { return 0 }
        let validation = Set(site.documents.map { Paths.file(Paths.validation($0)) })
        return paths.filter(validation.contains).count
    }

    /// A document's card on the site index, search and 404 pages.
    func card(_ d: Document, root: String) -> DocumentCardView {
        var c = DocumentRenderer.card(facts(d), root: root)
        if let figures = cardFigures[d.slug] { c.figures = figures }
        return c
    }

    func facts(_ d: Document) -> DocumentFacts { factsBySlug[d.slug] ?? DocumentFacts(d) }

    /// Each document's own latest date (revision, enactment or signing; `DocumentVersion`), for the
    /// sitemap's `lastmod`.
    var lastModified: [String: String] {
        var out: [String: String] = [:]
        for d in site.documents { if let date = DocumentVersion(d).latestDate { out[d.slug] = date } }
        return out
    }

    /// Cards made with an empty root, for a page at `root`.
    static func cards(_ cards: [DocumentCardView], root: String) -> [DocumentCardView] {
        cards.map { var c = $0; c.href = root + c.href; return c }
    }

    /// Each document's findings, in their order: those tagged with its slug, and untagged ones in
    /// its files. One pass over the findings: filtering them per document would be quadratic in a
    /// site of many documents.
    private func findingsByDocument() -> [String: [Diagnostic]] {
        var out: [String: [Diagnostic]] = [:]
        for f in findings {
            if let slug = f.documentSlug {
                out[slug, default: []].append(f)
            } else {
                for doc in site.documents where ownsFile(doc, f) { out[doc.slug, default: []].append(f) }
            }
        }
        return out
    }

    private func ownsFile(_ doc: Document, _ d: Diagnostic) -> Bool {
        guard let f = d.location?.file else { return false }
        return f.contains("/\(doc.slug)/")
    }

    func render(_ p: PagePlan) -> OutputFile {
        let html = templates.render(p.view, page: p.template)
        return OutputFile(path: p.fileName ?? Paths.file(p.dir), data: Data(html.utf8))
    }

    /// The chrome of a page at `dir` (a document's pages add their own, `DocumentRenderer.view`).
    /// A phrase of `kata.yaml` (`Phrase`), with its fields already formatted.
    func say(_ phrase: Phrase, _ values: [String: String] = [:]) -> String {
        templates.wording.say(phrase, values)
    }

    func chrome(dir: String, title: String, description: String, breadcrumbs: [LinkView]) -> PageChrome {
        let root = Paths.root(forDir: dir)
        // A site of a few documents lists them all on every page; a city's or a province's hundreds
        // would make every page (and the build) grow with the site, so there the main navigation
        // names the current document only and Beranda lists them all.
        let listed: [Document]
        if site.documents.count <= SiteRenderer.navigationDocumentLimit {
            listed = site.documents
        } else {
            listed = dir.split(separator: "/").first.flatMap { documentsBySlug[String($0)] }.map { [$0] } ?? []
        }
        let nav = [LinkView(title: say(.navigasiBeranda), href: root, current: dir.isEmpty)]
            + listed.map { LinkView(title: $0.shortTitle, href: root + Paths.document($0), current: dir.hasPrefix($0.slug + "/")) }
        return PageChrome(root: root, siteTitle: site.settings.title, siteDescription: site.settings.description,
                          agency: AgencyView(site.settings.agency), pageTitle: title,
                          description: description.isEmpty ? site.settings.description : description,
                          canonical: baseURL + dir, breadcrumbs: breadcrumbs, nav: nav,
                          year: site.documents.first.map { String($0.year.value) } ?? "",
                          generator: SiteRenderer.generator, searchAvailable: searchAvailable, searchHref: root + Paths.search,
                          searchExample: searchExamples.first, findingsShown: showFindings)
    }
}

enum Sitemap {
    /// - Parameter lastModified: the date (`TTTT-BB-HH`) a page's document gives itself, by the
    ///   page folder's first segment (the document's slug); never the build machine's clock.
    static func xml(baseURL: String, dirs: [String], lastModified: [String: String] = [:]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for d in dirs.sorted() {
            let slug = d.split(separator: "/").first.map(String.init) ?? ""
            let date = lastModified[slug].map { "<lastmod>\($0)</lastmod>" } ?? ""
            out += "  <url><loc>\(HTMLText.escape(baseURL + d))</loc>\(date)</url>\n"
        }
        return out + "</urlset>\n"
    }

    /// Every page may be indexed; the sitemap says where they are.
    static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\nSitemap: \(baseURL)sitemap.xml\n"
    }
}
