import Foundation
import RenjaModel
import RenjaLoad
import RenjaFacts
import RenjaChecks
import RenjaRender
import RenjaWrite

/// The one pipeline every build goes through — `renja build`, `renja serve` (its in-memory
/// preview and its `Public/`), library callers and the tests: load → facts → checks → render →
/// (search index, PDFs) → write. Each document's work (its facts, its findings, its pages, its card
/// figures) is done once per build, here; the build cache (`BuildCache`) is only a wrapper around
/// that work: when a document's files and everything outside them that its pages depend on are
/// unchanged since the previous build into the same folder, its stored findings and pages stand in
/// for doing it again (the document's `dokumen.yaml` is still read: its title and year appear on
/// other pages, and an error there stops the build as always). The site-wide pages (home, search,
/// 404, sitemap, assets) are rendered unless every document is kept and nothing else they are made
/// from changed (`sitePagesKey`); then no template is read either.
enum SitePipeline {
    /// Where the pages go: into `writer`'s folder (with the build cache when `reuse` is true), or
    /// nowhere — kept in memory and returned (`Builder.render`, the preview; with `reuse` and a
    /// `LoadMemo`, unchanged documents come from the memo's last render instead of the disk cache).
    struct Destination {
        var writer: SiteWriter?
        var reuse: Bool
    }

    static func run(_ options: BuildOptions, memo: LoadMemo? = nil, publishedPDFs: [String: PublishedPDF] = [:],
                    into destination: Destination) throws -> BuildResult {
        do {
            return try attempt(options, memo: memo, publishedPDFs: publishedPDFs, into: destination)
        } catch let failure as SearchIndexer.Failure {
            // Pagefind failed: the site is still built, without search, and the build says why.
            var plain = options
            plain.search = false
            var result = try attempt(plain, memo: memo, publishedPDFs: publishedPDFs, into: destination)
            result.notes.append("Catatan: pencarian tidak dibuat (\(failure)); situs dibangun tanpa pencarian.")
            return result
        }
    }

    /// What the primary search bundle is made from: the Pagefind executable (by path, size and
    /// modification time: another version writes another engine), nothing of the site's.
    static func searchKey(pagefind: URL) -> String {
        var d = Digest()
        d.add(pagefind.path)
        if let attributes = try? FileManager.default.attributesOfItem(atPath: pagefind.resolvingSymlinksInPath().path) {
            d.add("\((attributes[.size] as? NSNumber)?.int64Value ?? -1)")
            d.add("\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1)")
        }
        return d.hex
    }

    /// What the build cache (or, in memory, the memo) says can be kept, and the keys to store the
    /// new entries under.
    struct Reuse {
        /// nil in memory.
        var cache: BuildCache?
        var siteKey: String
        var keys: [String: String]
        var entries: [String: BuildCache.Entry]
    }

    private static func attempt(_ options: BuildOptions, memo: LoadMemo?, publishedPDFs: [String: PublishedPDF],
                                into destination: Destination) throws -> BuildResult {
        let phase = PhaseTiming.start()
        var writer = destination.writer
        // Whether and by which WeasyPrint the PDFs are made is part of what kept pages were made with.
        let pdfEngine = options.pdf ? PDFEngine.locate(environment: options.environment) : nil
        var reuse: Reuse?
        if destination.reuse, let w = writer {
            let cache = BuildCache(output: w.output, environment: options.environment)
            writer?.spareFolder = cache.spareSite
            let folders = BuildCache.documentFolders(options.content)
            let siteKey = BuildCache.siteKey(options: options, folders: folders)
                + (options.pdf ? "-pdf-\(pdfEngine?.version ?? "tidak-ada")" : "")
            let keys = Parallel.map(folders) { BuildCache.documentKey(content: options.content, slug: $0) }
            var entries: [String: BuildCache.Entry] = [:]
            if cache.siteKey == siteKey {
                let found = Parallel.map(Array(zip(folders, keys))) { folder, key -> BuildCache.Entry? in
                    guard let entry = cache.entry(folder), entry.key == key,
                          entry.files.allSatisfy({ KeptFile.current($0.path, in: w.output) == $0 }) else { return nil }
                    return entry
                }
                for (folder, entry) in zip(folders, found) { entries[folder] = entry }
            }
            reuse = Reuse(cache: cache, siteKey: siteKey, keys: Dictionary(uniqueKeysWithValues: zip(folders, keys)), entries: entries)
            phase("kunci dan cache")
        } else if destination.reuse, let memo {
            let folders = BuildCache.documentFolders(options.content)
            // The PDFs the pages link are part of what they were made from.
            let pdfs = publishedPDFs.keys.sorted().map { "\($0)=\(publishedPDFs[$0]!.sha256)" }.joined(separator: ",")
            let siteKey = BuildCache.siteKey(options: options, folders: folders) + "-memori-\(options.servedAtRoot)-\(pdfs)"
            let keys = Dictionary(uniqueKeysWithValues: zip(folders, Parallel.map(folders) { BuildCache.documentKey(content: options.content, slug: $0) }))
            let entries = memo.renderedDocuments(siteKey: siteKey).filter { keys[$0.key] == $0.value.entry.key }.mapValues(\.entry)
            reuse = Reuse(cache: nil, siteKey: siteKey, keys: keys, entries: entries)
            phase("kunci dan memori")
        }
        var primary = writer.flatMap { primarySearch(options, cache: reuse?.cache, output: $0.output) }
        // A failed build does not leave Pagefind running behind it.
        defer { if case .making(let run)? = primary { _ = try? run.value() } }
        do {
            return try build(options, memo: memo, publishedPDFs: publishedPDFs, writer: writer, reuse: reuse,
                             pdfEngine: pdfEngine, primary: primary, phase: phase)
        } catch is KeptFileChanged {
            // Someone changed the output since the check above: build everything.
            reuse?.cache?.remove()
            reuse?.entries = [:]
            if case .kept? = primary { primary = writer.flatMap { primarySearch(options, cache: nil, output: $0.output) } }
            return try build(options, memo: memo, publishedPDFs: publishedPDFs, writer: writer, reuse: reuse,
                             pdfEngine: pdfEngine, primary: primary, phase: phase)
        }
    }

    /// The site's primary search bundle of a build into a folder, decided before anything is
    /// loaded: it depends on the Pagefind executable alone.
    enum PrimarySearch {
        /// The previous build's, still as it published it, made by the same executable.
        case kept([KeptFile])
        /// Being made beside the build (load, checks and rendering): Pagefind waits on its own
        /// files most of its run.
        case making(Background<[OutputFile]>)
    }

    private static func primarySearch(_ options: BuildOptions, cache: BuildCache?, output: URL) -> PrimarySearch? {
        guard options.search, options.indexSearch, let pagefind = SearchIndexer.locate(environment: options.environment) else { return nil }
        if let previous = cache?.searchEntry, previous.key == searchKey(pagefind: pagefind), !previous.files.isEmpty,
           previous.files.allSatisfy({ KeptFile.current($0.path, in: output) == $0 }) {
            return .kept(previous.files)
        }
        return .making(Background { try SearchIndexer.primaryBundle(executable: pagefind) })
    }

    private static func build(_ options: BuildOptions, memo: LoadMemo?, publishedPDFs: [String: PublishedPDF],
                              writer: SiteWriter?, reuse: Reuse?, pdfEngine: PDFEngine?, primary: PrimarySearch?,
                              phase: PhaseTiming) throws -> BuildResult {
        let reused = reuse?.entries ?? [:]
        // Every document kept and nothing else changed: the site's own pages are kept too, and no
        // template is read (they are part of the site key, and passed when these pages were made).
        let siteKept = writer.flatMap { keptSitePages(reuse, options: options, publishedPDFs: publishedPDFs, output: $0.output) }
        // The templates are read and checked beside the content (they do not depend on it); the
        // content's problems are reported first, as when one followed the other.
        let templatesLoaded = siteKept != nil ? nil : Background {
            try TemplateSet.load(folder: options.templates, displayPath: options.templatesDisplay, memo: memo?.templates,
                                 passed: TemplateCheckRecord(folder: CacheFolder.base(options.environment).appendingPathComponent("templat-lulus"),
                                                             identity: BuildCache.executableIdentity()))
        }
        let site: Site
        do {
            site = try SiteLoader.load(content: options.content, displayPath: options.contentDisplay, metadataOnly: Set(reused.keys), memo: memo?.tables)
        } catch {
            _ = try? templatesLoaded?.value()
            throw error
        }
        // Documents compared with each other (same agency and year) are rendered together: a
        // comparison page reads both documents' tables.
        let together = DocumentComparison.partners(of: Set(site.documents.map(\.slug)).subtracting(reused.keys), in: site.documents)
        if !together.isDisjoint(with: reused.keys) {
            _ = try? templatesLoaded?.value()
            var fewer = reuse
            fewer?.entries = reused.filter { !together.contains($0.key) }
            return try build(options, memo: memo, publishedPDFs: publishedPDFs, writer: writer, reuse: fewer,
                             pdfEngine: pdfEngine, primary: primary, phase: phase)
        }
        let templates = try templatesLoaded?.value() ?? TemplateSet.none
        phase("muat")

        // Each document's facts, worked out once for its checks and its pages; its findings from
        // the cache when its pages are kept. Sorted as `Validator.run(site)` sorts them, so
        // reports read the same whichever documents were kept.
        // With a memo, the parts of a document's facts and findings whose input is unchanged are
        // kept (`FactsMemo`).
        let facts: [String: DocumentFacts] = Dictionary(uniqueKeysWithValues: Parallel.map(site.documents.filter { reused[$0.slug] == nil }) {
            ($0.slug, memo?.facts.facts($0) ?? DocumentFacts($0))
        })
        phase("fakta")
        let perDocument: [[Diagnostic]] = Parallel.map(site.documents) { doc in
            reused[doc.slug].map(\.findings) ?? memo?.facts.findings(facts[doc.slug]!) ?? Validator.run(facts[doc.slug]!)
        }
        let findings = Validator.sorted(perDocument.flatMap { $0 })
        phase("validasi")
        if options.strict, findings.contains(where: { $0.severity != .info }) { throw FindingsError(findings: findings) }

        let pagefind = options.search ? SearchIndexer.locate(environment: options.environment) : nil
        var renderer = SiteRenderer(site: site, facts: site.documents.map { facts[$0.slug] ?? DocumentFacts($0) },
                                    findings: findings, templates: templates, baseURL: options.baseURL,
                                    searchAvailable: pagefind != nil,
                                    showFindings: options.alwaysShowFindings || site.settings.publicValidation,
                                    // Reused documents were loaded without their tables: their words come from the cache.
                                    searchExamples: SearchExamples.words(site.documents.map { reused[$0.slug]?.searchWords ?? SearchExamples.counts($0) }))
        renderer.servedAtRoot = options.servedAtRoot
        renderer.searchGroupSize = options.searchGroupSize
        renderer.onlyPagesFrom = writer == nil ? options.onlyPagesFrom : nil
        renderer.sitePagesKept = siteKept != nil
        renderer.cardFigures = reused.mapValues { $0.cardFigures.map { FigureView(label: $0.label, value: $0.value, note: $0.note) } }
        // The PDFs of the documents rendered now (the kept ones keep theirs), before the pages that
        // link them; without `pdf`, the pages link those a caller names (the preview: `Public/`'s).
        var pdfs: [OutputFile] = [], notes: [String] = [], pdfPending = false
        if options.pdf {
            (pdfs, notes, pdfPending) = DocumentPDF.attach(to: &renderer, skipping: Set(reused.keys), engine: pdfEngine,
                                                           cache: DocumentPDF.cache(options.environment), cachedOnly: options.pdfFromCacheOnly)
        } else {
            renderer.pdfs = publishedPDFs.filter { slug, _ in site.documents.contains { $0.slug == slug } }
        }
        // A document whose PDF failed or waits is not recorded, so the next build makes it.
        let withoutPDF = options.pdf && pdfEngine != nil ? Set(site.documents.map(\.slug).filter { renderer.pdfs[$0] == nil }) : []
        phase("pdf")

        var kept = (reused.values.flatMap(\.files) + (siteKept ?? [])).sorted { $0.path < $1.path }
        var files: [OutputFile]
        var report: WriteReport?
        var search: BuildCache.KeyedFiles?
        var groupKeys: [String: String] = [:]
        if let writer {
            // Each document's pages go to the staging folder as soon as they are rendered, so the
            // disk work overlaps the rendering; the published site changes only at `finish`.
            let session = try writer.begin()
            do {
                try session.add(pdfs)
                files = (try renderer.render(reusing: reused.mapValues(\.pageDirs), emit: { try session.add($0) }) + pdfs)
                    .sorted { $0.path < $1.path }
                phase("render dan tulis")
                if let pagefind, options.indexSearch {
                    // The groups with a document rendered now are indexed again (`searchGroups`);
                    // the primary bundle is kept while the Pagefind executable is the same
                    // (`primarySearch`).
                    let key = searchKey(pagefind: pagefind)
                    let groups = try searchGroups(site.documents.map(\.slug), files: files, reused: reused, reuse: reuse,
                                                  pagefindKey: key, size: options.searchGroupSize, output: writer.output)
                    kept = (kept + groups.kept).sorted { $0.path < $1.path }
                    groupKeys = groups.keys
                    var bundles = try SearchIndexer.bundles(groups.made, primary: false, executable: pagefind)
                    switch primary {
                    case .kept(let files)?: kept = (kept + files).sorted { $0.path < $1.path }
                    case .making(let run)?: bundles = try run.value() + bundles
                    case nil: bundles = try SearchIndexer.primaryBundle(executable: pagefind) + bundles
                    }
                    try session.add(bundles)
                    files = (files + bundles).sorted { $0.path < $1.path }
                    search = BuildCache.KeyedFiles(key: key, files: [])
                    phase("indeks pencarian")
                }
                reuse?.cache?.invalidate()
                report = try session.finish(keeping: kept)
            } catch {
                session.abandon()
                throw error
            }
            phase("pasang")
        } else {
            if options.onlyPagesFrom != nil {
                // Some pages only: nothing to add and nothing to remember.
                var result = BuildResult(site: site, findings: findings, files: try renderer.render(reusing: reused.mapValues(\.pageDirs)),
                                         report: nil, notes: notes)
                phase("render")
                result.renderedDocuments = site.documents.map(\.slug).filter { reused[$0] == nil }
                return result
            }
            // In memory, a kept document's files are the memo's copies of its last render.
            let keptFiles = reused.keys.flatMap { memo?.renderedDocuments(siteKey: reuse?.siteKey ?? "")[$0]?.files ?? [] }
            kept = []
            files = (try renderer.render(reusing: reused.mapValues(\.pageDirs)) + pdfs + keptFiles).sorted { $0.path < $1.path }
            phase("render")
            if let pagefind, options.indexSearch {
                // Every group, from the pages in memory (the kept documents' are the memo's copies).
                let bundles = try SearchIndexer.index(files, documents: site.documents.map(\.slug), groupSize: options.searchGroupSize,
                                                      executable: pagefind)
                files = (files + bundles).sorted { $0.path < $1.path }
                phase("indeks pencarian")
            }
        }

        if let reuse, let writer {
            store(reuse, site: site, facts: facts, perDocument: perDocument, files: files, kept: kept, reused: reused,
                  withoutPDF: withoutPDF, search: search, groupKeys: groupKeys, output: writer.output)
            reuse.cache?.storeSitePages(sitePagesEntry(reuse, site: site, files: files, kept: siteKept, options: options,
                                                       publishedPDFs: publishedPDFs, output: writer.output))
            phase("simpan cache")
        } else if let reuse, let memo {
            remember(reuse, in: memo, site: site, facts: facts, perDocument: perDocument, files: files)
        }
        if options.search, pagefind == nil {
            notes.append("Catatan: pencarian tidak tersedia karena Pagefind tidak terpasang (pasang dengan `pip install pagefind-bin`); situs dibangun tanpa pencarian.")
        }
        var result = BuildResult(site: site, findings: findings, files: files, report: report, notes: notes, reusedFiles: kept.map(\.path),
                                 pdfPending: pdfPending)
        result.previewOnlyPages = renderer.previewOnlyPages(files.map(\.path) + kept.map(\.path))
        result.renderedDocuments = site.documents.map(\.slug).filter { reused[$0] == nil }
        return result
    }

    /// What the site's own files are made from: everything the documents' pages are (the site
    /// key), every document's files (their keys: cards, search suggestions, the sitemap and the
    /// findings come from them), where the 404 page links from and the PDFs the pages link.
    static func sitePagesKey(_ reuse: Reuse, options: BuildOptions, publishedPDFs: [String: PublishedPDF]) -> String {
        var d = Digest()
        d.add("halaman-situs")
        d.add(reuse.siteKey)
        for folder in reuse.keys.keys.sorted() {
            d.add(folder)
            d.add(reuse.keys[folder]!)
        }
        d.add(options.servedAtRoot ? "di-akar" : "di-alamat-dasar")
        for slug in publishedPDFs.keys.sorted() {
            let pdf = publishedPDFs[slug]!
            d.add("\(slug)=\(pdf.path):\(pdf.size):\(pdf.sha256)")
        }
        return d.hex
    }

    /// The site's own files of the previous build, when every document is kept from it,
    /// it recorded them under the same key and they are still as it left them.
    private static func keptSitePages(_ reuse: Reuse?, options: BuildOptions, publishedPDFs: [String: PublishedPDF],
                                      output: URL) -> [KeptFile]? {
        // Every folder of the content is a document (or the load fails).
        guard let reuse, let cache = reuse.cache, reuse.keys.keys.allSatisfy({ reuse.entries[$0] != nil }),
              cache.siteKey == reuse.siteKey, let previous = cache.sitePages,
              previous.key == sitePagesKey(reuse, options: options, publishedPDFs: publishedPDFs),
              previous.files.allSatisfy({ KeptFile.current($0.path, in: output) == $0 }) else { return nil }
        return previous.files
    }

    /// The site's own files of this build (neither a document's nor the search bundle), as published.
    private static func sitePagesEntry(_ reuse: Reuse, site: Site, files: [OutputFile], kept: [KeptFile]?, options: BuildOptions,
                                       publishedPDFs: [String: PublishedPDF], output: URL) -> BuildCache.KeyedFiles? {
        let key = sitePagesKey(reuse, options: options, publishedPDFs: publishedPDFs)
        if let kept { return .init(key: key, files: kept) }
        let documents = Set(site.documents.map(\.slug))
        let own = files.map(\.path).filter { path in
            !path.hasPrefix(Paths.searchBundle) && !documents.contains(path.split(separator: "/").first.map(String.init) ?? "")
        }
        let current = own.compactMap { KeptFile.current($0, in: output) }
        return current.count == own.count ? .init(key: key, files: current) : nil
    }

    /// Keeps each document's findings and files of this in-memory build in `memo` for the next.
    private static func remember(_ reuse: Reuse, in memo: LoadMemo, site: Site, facts: [String: DocumentFacts],
                                 perDocument: [[Diagnostic]], files: [OutputFile]) {
        let previous = memo.renderedDocuments(siteKey: reuse.siteKey)
        let byDocument = Dictionary(grouping: files) { $0.path.split(separator: "/").first.map(String.init) ?? "" }
        var documents: [String: LoadMemo.RenderedDocument] = [:]
        for (i, doc) in site.documents.enumerated() {
            guard let key = reuse.keys[doc.slug] else { continue }
            if reuse.entries[doc.slug] != nil, let known = previous[doc.slug] { documents[doc.slug] = known; continue }
            let own = byDocument[doc.slug] ?? []
            let figures = DocumentRenderer.card(facts[doc.slug] ?? DocumentFacts(doc), root: "").figures
            let entry = BuildCache.Entry(key: key, findings: perDocument[i], files: own.map { KeptFile(path: $0.path, size: Int64($0.data.count), modified: 0) },
                                         cardFigures: figures.map { .init(label: $0.label, value: $0.value, note: $0.note) },
                                         searchWords: SearchExamples.counts(doc))
            documents[doc.slug] = LoadMemo.RenderedDocument(entry: entry, files: own)
        }
        memo.remember(renderedDocuments: documents, siteKey: reuse.siteKey)
    }

    /// Records what the new output was made from: entries for the documents rendered now.
    private static func store(_ reuse: Reuse, site: Site, facts: [String: DocumentFacts], perDocument: [[Diagnostic]],
                              files: [OutputFile], kept: [KeptFile], reused: [String: BuildCache.Entry],
                              withoutPDF: Set<String>, search: BuildCache.KeyedFiles?, groupKeys: [String: String], output: URL) {
        let pathsByDocument = Dictionary(grouping: files.map(\.path)) { $0.split(separator: "/").first.map(String.init) ?? "" }
        let made = Parallel.map(Array(site.documents.enumerated())) { i, doc -> BuildCache.Entry? in
            guard reused[doc.slug] == nil, !withoutPDF.contains(doc.slug) else { return nil }
            let paths = pathsByDocument[doc.slug] ?? []
            let current = paths.compactMap { KeptFile.current($0, in: output) }
            guard let key = reuse.keys[doc.slug], current.count == paths.count else { return nil }
            let figures = DocumentRenderer.card(facts[doc.slug] ?? DocumentFacts(doc), root: "").figures
            return BuildCache.Entry(key: key, findings: perDocument[i], files: current,
                                    cardFigures: figures.map { .init(label: $0.label, value: $0.value, note: $0.note) },
                                    searchWords: SearchExamples.counts(doc))
        }
        var entries: [String: BuildCache.Entry] = [:]
        for (doc, entry) in zip(site.documents, made) { entries[doc.slug] = entry }
        let stillValid = Set(site.documents.map(\.slug).filter { reused[$0] != nil || entries[$0] != nil })
        guard let cache = reuse.cache else { return }
        cache.store(siteKey: reuse.siteKey, entries: entries, keep: stillValid)
        if var s = search {
            let all = files.map(\.path) + kept.map(\.path)
            let bundle = all.filter { $0.hasPrefix(Paths.searchBundle) && !$0.hasPrefix(SearchGroups.prefix) }
            s.files = bundle.compactMap { KeptFile.current($0, in: output) }
            cache.storeSearch(s.files.count == bundle.count ? s : nil)
            cache.storeGroups(groupEntries(groupKeys, paths: all, output: output))
        } else {
            cache.storeSearch(nil)
            cache.storeGroups([:])
        }
    }

    // MARK: Search groups

    /// The search groups (`SearchGroups`) of a build into a folder. A group whose documents were
    /// all kept, and whose bundle the previous build made from documents with the same keys with
    /// the same Pagefind (`pagefindKey`), keeps its bundle (`kept`); every other group is indexed
    /// again (`made`) from its documents' pages: the rendered ones' from `files`, the kept ones'
    /// read back from `output`, where they are (a kept document's pages are byte for byte what
    /// this build would render), so the bundle is the one a full build makes. `keys`: every
    /// group's key, by its bundle folder, for `store`.
    private static func searchGroups(_ documents: [String], files: [OutputFile], reused: [String: BuildCache.Entry], reuse: Reuse?,
                                     pagefindKey: String, size: Int?, output: URL) throws
        -> (made: [(folder: String, pages: [OutputFile])], kept: [KeptFile], keys: [String: String]) {
        let previous = reuse?.cache?.groupEntries ?? [:]
        let rendered = SearchIndexer.pagesByDocument(files)
        var made: [(folder: String, pages: [OutputFile])] = [], kept: [KeptFile] = [], keys: [String: String] = [:]
        for (k, members) in SearchGroups.groups(documents, size: size).enumerated() {
            let folder = SearchGroups.folder(k)
            var d = Digest()
            d.add(pagefindKey)
            d.add(folder)
            for slug in members { d.add(slug); d.add(reuse?.keys[slug] ?? "-") }
            keys[folder] = d.hex
            if members.allSatisfy({ reused[$0] != nil }), let entry = previous[folder], entry.key == d.hex, !entry.files.isEmpty,
               entry.files.allSatisfy({ KeptFile.current($0.path, in: output) == $0 }) {
                kept += entry.files
                continue
            }
            let pages = try members.flatMap { slug -> [OutputFile] in
                guard let entry = reused[slug] else { return rendered[slug] ?? [] }
                return try entry.files.filter { $0.path.hasSuffix(".html") }.map { file in
                    // Changed since it was checked: `attempt` builds everything.
                    guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(file.path).path),
                          KeptFile.current(file.path, in: output) == file else { throw KeptFileChanged(path: file.path) }
                    return OutputFile(path: file.path, data: data)
                }
            }
            made.append((folder, pages))
        }
        return (made, kept, keys)
    }

    /// The entries of the groups' bundles now in `output`; a group with a file that cannot be
    /// read back is left out (indexed again next time).
    private static func groupEntries(_ keys: [String: String], paths: [String], output: URL) -> [String: BuildCache.KeyedFiles] {
        var entries: [String: BuildCache.KeyedFiles] = [:]
        let byFolder = Dictionary(grouping: paths.filter { $0.hasPrefix(SearchGroups.prefix) }) { path in
            path.split(separator: "/").prefix(2).joined(separator: "/") + "/"
        }
        for (folder, key) in keys {
            let bundle = byFolder[folder] ?? []
            let current = bundle.compactMap { KeptFile.current($0, in: output) }
            if !bundle.isEmpty, current.count == bundle.count { entries[folder] = BuildCache.KeyedFiles(key: key, files: current) }
        }
        return entries
    }
}
