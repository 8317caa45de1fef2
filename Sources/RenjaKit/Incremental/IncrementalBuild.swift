import Foundation

/// `Builder.build` with `BuildOptions.reuseUnchangedDocuments`: the output of a full build, made by
/// loading, checking and rendering only the documents whose files changed since the previous
/// build into the same folder (see `BuildCache` for exactly when a document is reused). The other
/// documents' `dokumen.yaml` is still read (their titles and years appear on other pages, and an
/// error there stops the build as always), and the site-wide pages (home, search, 404, sitemap) are
/// always rendered.
enum IncrementalBuild {
    /// Which pages the search index is made of, and by which indexer (their contents are compared
    /// separately: kept pages are unchanged by definition, rendered ones against the output).
    static func searchKey(_ files: [OutputFile], kept: [KeptFile], pagefind: URL) -> String {
        var d = Digest()
        d.add(pagefind.path)
        for path in (files.map(\.path) + kept.map(\.path)).filter({ $0.hasSuffix(".html") }).sorted() { d.add(path) }
        return d.hex
    }

    static func build(_ options: BuildOptions, writer: SiteWriter?) throws -> BuildResult {
        do {
            return try buildWithCache(options, writer: writer)
        } catch let failure as SearchIndexer.Failure {
            // Pagefind failed: the site is still built, without search, and the build says why.
            var plain = options
            plain.search = false
            var result = try buildWithCache(plain, writer: writer)
            result.notes = ["Catatan: pencarian tidak dibuat (\(failure)); situs dibangun tanpa pencarian."]
            return result
        }
    }

    private static func buildWithCache(_ options: BuildOptions, writer: SiteWriter?) throws -> BuildResult {
        var writer = writer ?? SiteWriter(output: options.output)
        let cache = BuildCache(output: writer.output, environment: options.environment)
        writer.spareFolder = cache.spareSite
        let phase = PhaseTiming.start()
        let folders = BuildCache.documentFolders(options.content)
        // Whether and by which WeasyPrint the PDFs are made is part of what kept pages were made with.
        let pdfEngine = options.pdf ? PDFEngine.locate(environment: options.environment) : nil
        let siteKey = BuildCache.siteKey(options: options, folders: folders)
            + (options.pdf ? "-pdf-\(pdfEngine?.version ?? "tidak-ada")" : "")
        let keys = Parallel.map(folders) { BuildCache.documentKey(content: options.content, slug: $0) }
        var reused: [String: BuildCache.Entry] = [:]
        if cache.siteKey == siteKey {
            let entries = Parallel.map(Array(zip(folders, keys))) { folder, key -> BuildCache.Entry? in
                guard let entry = cache.entry(folder), entry.key == key,
                      entry.files.allSatisfy({ KeptFile.current($0.path, in: writer.output) == $0 }) else { return nil }
                return entry
            }
            for (folder, entry) in zip(folders, entries) { reused[folder] = entry }
        }
        phase("kunci dan cache")
        do {
            return try build(options, siteKey: siteKey, keys: Dictionary(uniqueKeysWithValues: zip(folders, keys)),
                             reused: reused, writer: writer, cache: cache, pdfEngine: pdfEngine, phase: phase)
        } catch is KeptFileChanged {
            // Someone changed the output since the check above: build everything.
            cache.remove()
            return try build(options, siteKey: siteKey, keys: Dictionary(uniqueKeysWithValues: zip(folders, keys)),
                             reused: [:], writer: writer, cache: cache, pdfEngine: pdfEngine, phase: phase)
        }
    }

    private static func build(_ options: BuildOptions, siteKey: String, keys: [String: String],
                              reused: [String: BuildCache.Entry], writer: SiteWriter, cache: BuildCache,
                              pdfEngine: PDFEngine?, phase: PhaseTiming) throws -> BuildResult {
        let site = try SiteLoader.load(content: options.content, displayPath: options.contentDisplay, metadataOnly: Set(reused.keys))
        // Documents compared with each other (same agency and year) are rendered together: a
        // comparison page reads both documents' tables.
        let together = DocumentComparison.partners(of: Set(site.documents.map(\.slug)).subtracting(reused.keys), in: site.documents)
        if !together.isDisjoint(with: reused.keys) {
            return try build(options, siteKey: siteKey, keys: keys, reused: reused.filter { !together.contains($0.key) },
                             writer: writer, cache: cache, pdfEngine: pdfEngine, phase: phase)
        }
        let templates = try TemplateSet.load(folder: options.templates, displayPath: options.templatesDisplay)
        phase("muat")

        // Findings: from the cache for reused documents, checked afresh for the others; sorted as
        // `Validator.run(site)` sorts them, so reports read the same as after a full build.
        // Facts of the documents rendered now, worked out once for their checks and their pages.
        let facts: [String: DocumentFacts] = Dictionary(uniqueKeysWithValues: Parallel.map(site.documents.filter { reused[$0.slug] == nil }) {
            ($0.slug, DocumentFacts($0))
        })
        let perDocument: [[Diagnostic]] = Parallel.map(site.documents) { doc in
            reused[doc.slug].map(\.findings) ?? Validator.run(facts[doc.slug]!)
        }
        let findings = Validator.sorted(perDocument.flatMap { $0 })
        phase("validasi")
        if options.strict, findings.contains(where: { $0.severity != .info }) { throw FindingsError(findings: findings) }

        let pagefind = options.search ? SearchIndexer.locate(environment: options.environment) : nil
        var renderer = SiteRenderer(site: site, facts: site.documents.map { facts[$0.slug] ?? DocumentFacts($0) },
                                    findings: findings, templates: templates, baseURL: options.baseURL,
                                    searchAvailable: pagefind != nil,
                                    showFindings: options.alwaysShowFindings || site.settings.publicValidation)
        renderer.cardFigures = reused.mapValues { $0.cardFigures.map { FigureView(label: $0.label, value: $0.value, note: $0.note) } }
        // Reused documents were loaded without their tables: their words come from the cache.
        renderer.searchExamples = SearchExamples.words(site.documents.map { reused[$0.slug]?.searchWords ?? SearchExamples.counts($0) })
        // The PDFs of the documents rendered now (the kept ones keep theirs), before the pages that link them.
        var pdfs: [OutputFile] = [], notes: [String] = [], pdfPending = false
        if options.pdf {
            (pdfs, notes, pdfPending) = DocumentPDF.attach(to: &renderer, skipping: Set(reused.keys), engine: pdfEngine,
                                                           cache: DocumentPDF.cache(options.environment), cachedOnly: options.pdfFromCacheOnly)
        }
        // A document whose PDF failed or waits is not recorded, so the next build makes it.
        let withoutPDF = options.pdf && pdfEngine != nil ? Set(site.documents.map(\.slug).filter { renderer.pdfs[$0] == nil }) : []
        phase("pdf")
        // Each document's pages go to the staging folder as soon as they are rendered, so the disk
        // work overlaps the rendering; the published site changes only at `finish`.
        var kept = reused.values.flatMap(\.files).sorted { $0.path < $1.path }
        let session = try writer.begin()
        var files: [OutputFile]
        let report: WriteReport
        var search: BuildCache.SearchEntry?
        do {
            try session.add(pdfs)
            files = (try renderer.render(reusing: reused.mapValues(\.pageDirs), emit: { try session.add($0) }) + pdfs).sorted { $0.path < $1.path }
            phase("render dan tulis")
            if let pagefind {
                // The index covers every page: the pages rendered now and those kept. When no page
                // changed (every document kept, the site's own pages byte for byte as published),
                // the published index is kept as it is.
                let key = searchKey(files, kept: kept, pagefind: pagefind)
                let unchanged = site.documents.allSatisfy { reused[$0.slug] != nil }
                    && files.filter { $0.path.hasSuffix(".html") }.allSatisfy {
                        FileManager.default.contents(atPath: writer.output.appendingPathComponent($0.path).path) == $0.data
                    }
                if unchanged, let previous = cache.searchEntry, previous.key == key,
                   previous.files.allSatisfy({ KeptFile.current($0.path, in: writer.output) == $0 }) {
                    kept += previous.files
                } else {
                    let bundle = try SearchIndexer.index(files, keptPages: kept.map(\.path), from: writer.output, executable: pagefind)
                    try session.add(bundle)
                    files = (files + bundle).sorted { $0.path < $1.path }
                }
                search = BuildCache.SearchEntry(key: key, files: [])
                phase("indeks pencarian")
            }
            cache.invalidate()
            report = try session.finish(keeping: kept)
        } catch {
            session.abandon()
            throw error
        }
        phase("pasang")

        // Record what the new output was made from: entries for the documents rendered now.
        let pathsByDocument = Dictionary(grouping: files.map(\.path)) { $0.split(separator: "/").first.map(String.init) ?? "" }
        let made = Parallel.map(Array(site.documents.enumerated())) { i, doc -> BuildCache.Entry? in
            guard reused[doc.slug] == nil, !withoutPDF.contains(doc.slug) else { return nil }
            let paths = pathsByDocument[doc.slug] ?? []
            let current = paths.compactMap { KeptFile.current($0, in: writer.output) }
            guard let key = keys[doc.slug], current.count == paths.count else { return nil }
            let figures = DocumentRenderer.card(facts[doc.slug] ?? DocumentFacts(doc), root: "").figures
            return BuildCache.Entry(key: key, findings: perDocument[i], files: current,
                                    cardFigures: figures.map { .init(label: $0.label, value: $0.value, note: $0.note) },
                                    searchWords: SearchExamples.counts(doc))
        }
        var entries: [String: BuildCache.Entry] = [:]
        for (doc, entry) in zip(site.documents, made) { entries[doc.slug] = entry }
        let stillValid = Set(site.documents.map(\.slug).filter { reused[$0] != nil || entries[$0] != nil })
        cache.store(siteKey: siteKey, entries: entries, keep: stillValid)
        if var s = search {
            let bundle = (files.map(\.path) + kept.map(\.path)).filter { $0.hasPrefix(Paths.searchBundle) }
            s.files = bundle.compactMap { KeptFile.current($0, in: writer.output) }
            cache.storeSearch(s.files.count == bundle.count ? s : nil)
        } else {
            cache.storeSearch(nil)
        }
        phase("simpan cache")

        if options.search, pagefind == nil {
            notes.append("Catatan: pencarian tidak tersedia karena Pagefind tidak terpasang (pasang dengan `pip install pagefind-bin`); situs dibangun tanpa pencarian.")
        }
        return BuildResult(site: site, findings: findings, files: files, report: report, notes: notes, reusedFiles: kept.map(\.path),
                           pdfPending: pdfPending)
    }
}
