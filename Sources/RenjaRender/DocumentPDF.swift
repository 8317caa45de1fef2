import Foundation
import RenjaModel

/// WeasyPrint (PyPI `weasyprint`), the HTML-to-PDF engine of the document PDF, located like
/// Pagefind (`SearchIndexer.locate`): `$RENJA_WEASYPRINT`, else the `weasyprint` module of the
/// `python3` on the PATH (the one `scripts/install-deps` installs into), run as `python3 -m
/// weasyprint`, else a `weasyprint` command on the PATH. A command counts as found only when it
/// answers `--version`.
public struct PDFEngine: Sendable, Equatable {
    public var executable: URL
    /// Arguments before WeasyPrint's own (`-m weasyprint` when run through Python).
    public var leadingArguments: [String]
    /// As WeasyPrint prints it (`70.0`).
    public var version: String

    /// `weasyprint --version` takes about a second (Python imports it whole; the module's version
    /// is read from its metadata instead), and a process that builds many times (`renja serve`,
    /// the tests) asks once per `RENJA_WEASYPRINT` and PATH.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> PDFEngine? {
        let key = "\(environment["RENJA_WEASYPRINT"] ?? "")\u{0}\(environment["PATH"] ?? "")"
        located.lock.lock()
        defer { located.lock.unlock() }
        if let known = located.engines[key] { return known }
        let engine = find(environment)
        located.engines[key] = engine
        return engine
    }

    private final class Located: @unchecked Sendable {
        let lock = NSLock()
        var engines: [String: PDFEngine?] = [:]
    }
    private static let located = Located()

    private static func find(_ environment: [String: String]) -> PDFEngine? {
        let fm = FileManager.default
        var candidates: [(URL, [String])] = []
        if let explicit = environment["RENJA_WEASYPRINT"], !explicit.isEmpty {
            guard fm.isExecutableFile(atPath: explicit) else { return nil }
            candidates = [(URL(fileURLWithPath: explicit), [])]
        } else {
            let dirs = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
            if let dir = dirs.first(where: { fm.isExecutableFile(atPath: "\($0)/python3") }) {
                let python = URL(fileURLWithPath: "\(dir)/python3")
                if let remembered = Remembered.read(environment), remembered.python == python.path,
                   Remembered.stamp(remembered.metadata) == remembered.stamp {
                    return PDFEngine(executable: python, leadingArguments: ["-m", "weasyprint"], version: remembered.version)
                }
                let (status, out, _) = SearchIndexer.run(python, ["-c", """
                    import sys, importlib.util as u, importlib.metadata as m
                    if u.find_spec("weasyprint") is None: sys.exit(1)
                    d = m.distribution("weasyprint")
                    print("WeasyPrint version " + d.version)
                    print(d.locate_file(d._path.name + "/METADATA") if hasattr(d, "_path") else "")
                    """])
                if status == 0, let version = version(from: out) {
                    let metadata = out.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
                    Remembered(python: python.path, version: version, metadata: metadata, stamp: Remembered.stamp(metadata)).write(environment)
                    return PDFEngine(executable: python, leadingArguments: ["-m", "weasyprint"], version: version)
                }
            }
            if let dir = dirs.first(where: { fm.isExecutableFile(atPath: "\($0)/weasyprint") }) {
                candidates.append((URL(fileURLWithPath: "\(dir)/weasyprint"), []))
            }
        }
        for (executable, leading) in candidates {
            let (status, out, _) = SearchIndexer.run(executable, leading + ["--version"])
            if status == 0, let version = version(from: out) {
                return PDFEngine(executable: executable, leadingArguments: leading, version: version)
            }
        }
        return nil
    }

    /// The Python probe's answer, kept in the cache folder: starting Python costs 0,2–0,9 s, more
    /// than a whole rebuild with nothing changed. It holds while the package's `METADATA` file
    /// (replaced by every install or upgrade) has the size and time it had then.
    struct Remembered: Equatable {
        var python: String
        var version: String
        var metadata: String
        var stamp: String?

        static func file(_ environment: [String: String]) -> URL {
            CacheFolder.base(environment).appendingPathComponent("weasyprint-lokasi")
        }

        static func stamp(_ path: String) -> String? {
            guard !path.isEmpty, let a = try? FileManager.default.attributesOfItem(atPath: path),
                  let size = a[.size] as? Int, let date = a[.modificationDate] as? Date else { return nil }
            return "\(size)-\(date.timeIntervalSince1970)"
        }

        static func read(_ environment: [String: String]) -> Remembered? {
            guard let data = FileManager.default.contents(atPath: file(environment).path) else { return nil }
            let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
            guard lines.count >= 4, !lines[3].isEmpty else { return nil }
            return Remembered(python: lines[0], version: lines[1], metadata: lines[2], stamp: lines[3])
        }

        func write(_ environment: [String: String]) {
            guard let stamp else { return }
            let url = Remembered.file(environment)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data([python, version, metadata, stamp].joined(separator: "\n").utf8).write(to: url, options: .atomic)
        }
    }

    /// `WeasyPrint version 70.0` → `70.0`.
    static func version(from output: String) -> String? {
        let line = output.split(separator: "\n").first { $0.hasPrefix("WeasyPrint version ") }
        return line.map { String($0.dropFirst("WeasyPrint version ".count)).trimmingCharacters(in: .whitespaces) }
    }
}

/// A document's PDF as the site publishes it; the document's home page links it with its size and
/// checksum.
public struct PublishedPDF: Sendable, Equatable {
    public var path: String
    public var size: Int
    public var sha256: String

    /// The PDF of each of these documents (by slug) that a build wrote into `output`: what the
    /// preview links while the next one is being made.
    public static func published(_ slugs: [String], in output: URL) -> [String: PublishedPDF] {
        var out: [String: PublishedPDF] = [:]
        for slug in slugs {
            let path = "\(slug)/\(slug).pdf"
            guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) else { continue }
            out[slug] = PublishedPDF(path: path, size: data.count, sha256: SHA256.hex(data))
        }
        return out
    }
}

/// The whole document as one PDF (`<slug>/<slug>.pdf`), what agencies upload to their PPID page: A4,
/// a cover in the agency's usual form, the Kata Pengantar, Daftar Isi and Daftar Tabel with page
/// numbers, the chapters with Tabel 1 and Tabel 2 on landscape pages, "Halaman N dari M" on every
/// page, the signing block, and nothing of the web interface.
///
/// `Templates/pdf.mustache` (with `assets/pdf.css`) renders it from the views of the one-page print
/// version (`PrintPage`), and WeasyPrint makes the PDF from that HTML in a temporary folder that
/// holds the site's assets. Like the search index, this is a post-render step whose files join the
/// site's files before anything is written, so the PDF is published in the same swap as the pages.
///
/// The PDF depends on the document alone: its dates are the document's own earliest and latest
/// dates (`DocumentVersion`: signing, enactment, revision), or none, and its file identifier is made from its address, so the same input gives the same
/// bytes (WeasyPrint itself adds no time or random value to a PDF without attachments or PDF/X).
public enum DocumentPDF {
    public static let template = "pdf"

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Makes the PDFs of the renderer's documents (except those in `skipping`, whose files an
    /// incremental build keeps) and tells the renderer about them, so the home pages link them.
    /// Returns the PDF files and the notes for the person building (in Indonesian); without
    /// WeasyPrint, or when it fails, the site is built without those PDFs and a note says so.
    /// - Parameter cache: where PDFs already made are kept by what they were made from (nil: none).
    /// - Parameter cachedOnly: take only PDFs already in the cache; `pending` tells whether a
    ///   document was left without its PDF because it would have had to be made.
    package static func attach(to renderer: inout SiteRenderer, skipping: Set<String> = [], engine: PDFEngine?,
                       cache: URL?, cachedOnly: Bool = false) -> (files: [OutputFile], notes: [String], pending: Bool) {
        guard let engine else {
            return ([], ["Catatan: PDF dokumen tidak dibuat karena WeasyPrint tidak terpasang (pasang dengan `pip install weasyprint`); situs dibangun tanpa PDF."], false)
        }
        let documents = renderer.site.documents.filter { !skipping.contains($0.slug) }
        guard !documents.isEmpty else { return ([], [], false) }
        guard renderer.templates.names.contains(template) else {
            return ([], ["Catatan: PDF dokumen tidak dibuat karena templat \(template).mustache tidak ada; situs dibangun tanpa PDF."], false)
        }
        let base = renderer
        let made = Parallel.map(documents) { doc in
            Result { try make(doc, renderer: base, engine: engine, cache: cache, cachedOnly: cachedOnly) }
        }
        var files: [OutputFile] = []
        var notes: [String] = []
        var pending = false
        for (doc, result) in zip(documents, made) {
            switch result {
            case .success(let file?):
                files.append(file)
                renderer.pdfs[doc.slug] = PublishedPDF(path: file.path, size: file.data.count, sha256: SHA256.hex(file.data))
            case .success(nil):
                pending = true
            case .failure(let error):
                notes.append("Catatan: PDF \(doc.shortTitle) tidak dibuat (\(error)); situs dibangun tanpa PDF dokumen ini.")
            }
        }
        return (files, notes, pending)
    }

    /// `pdf/` in Renja's cache folder (see `CacheFolder.base`).
    package static func cache(_ environment: [String: String]) -> URL { CacheFolder.base(environment).appendingPathComponent("pdf") }

    /// The HTML WeasyPrint reads for one document.
    static func html(_ doc: Document, renderer: SiteRenderer) -> String {
        // No findings: the PDF is the document as the agency publishes it, without the checks' marks.
        let docRenderer = DocumentRenderer(site: renderer.site, facts: renderer.facts(doc), findings: [], base: renderer)
        return renderer.templates.render(docRenderer.pdfView(), template: template)
    }

    /// WeasyPrint's options, besides the input and output files.
    static func options(_ doc: Document, renderer: SiteRenderer) -> [String] {
        [
            // A fixed identifier (from the PDF's address) instead of none: readers and archives
            // expect one, and pydyf pairs it with a hash of the content, so it stays deterministic.
            "--pdf-identifier", String(SHA256.hex(Data((renderer.baseURL + Paths.pdf(doc)).utf8)).prefix(32)),
            // Tagged PDF: headings, lists and table cells for screen readers and reflow.
            "--pdf-tags",
            // Only the files in the temporary folder: nothing is fetched from the network.
            "--allowed-protocols", "file",
        ]
    }

    /// One document's PDF file: from the cache when the same engine already made it from the same
    /// HTML, options and assets (a rebuild, or a preview save that did not touch the document);
    /// nil when it is not there and `cachedOnly`.
    static func make(_ doc: Document, renderer: SiteRenderer, engine: PDFEngine, cache: URL?, cachedOnly: Bool = false) throws -> OutputFile? {
        let path = Paths.pdf(doc)
        let html = Data(html(doc, renderer: renderer).utf8)
        let options = options(doc, renderer: renderer)
        var key = Data("renja-pdf 1\u{0}\(engine.version)\u{0}\(options.joined(separator: "\u{0}"))\u{0}".utf8)
        key.append(Data(SHA256.digest(html)))
        for asset in renderer.templates.assets {
            key.append(Data("\u{0}\(asset.path)\u{0}".utf8))
            key.append(Data(SHA256.digest(asset.data)))
        }
        let cached = cache?.appendingPathComponent("\(doc.slug)-\(SHA256.hex(key)).pdf")
        let fm = FileManager.default
        if let cached, let data = fm.contents(atPath: cached.path), data.starts(with: Data("%PDF-".utf8)) {
            return OutputFile(path: path, data: data)
        }
        if cachedOnly { return nil }

        let work = fm.temporaryDirectory.appendingPathComponent("renja-pdf-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: work) }
        // The HTML sits at the root of a copy of the site's assets, which it names as `assets/…`.
        for asset in renderer.templates.assets {
            let url = work.appendingPathComponent("assets").appendingPathComponent(asset.path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try asset.data.write(to: url)
        }
        let input = work.appendingPathComponent("dokumen.html"), output = work.appendingPathComponent("dokumen.pdf")
        try html.write(to: input)
        let (status, out, err) = SearchIndexer.run(engine.executable, engine.leadingArguments + [input.path, output.path] + options)
        guard status == 0, let data = fm.contents(atPath: output.path), data.starts(with: Data("%PDF-".utf8)) else {
            let detail = (err + out).split(separator: "\n").filter { !$0.hasPrefix("WARNING") }.prefix(3).joined(separator: " ")
            throw Failure(message: "weasyprint berhenti dengan kode \(status)\(detail.isEmpty ? "" : ": \(detail)")")
        }
        if let cached, let folder = cache {
            // One PDF per document slug (`<slug>-<64 hex digits>.pdf`): the older ones go.
            try? fm.createDirectory(at: folder, withIntermediateDirectories: true)
            let named = { (name: String) in name.hasPrefix("\(doc.slug)-") && name.hasSuffix(".pdf") && name.count == doc.slug.count + 69 }
            for old in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] where named(old) {
                try? fm.removeItem(at: folder.appendingPathComponent(old))
            }
            let partial = folder.appendingPathComponent(".\(UUID().uuidString).tmp")
            if (try? data.write(to: partial)) == nil || rename(partial.path, cached.path) != 0 { try? fm.removeItem(at: partial) }
        }
        return OutputFile(path: path, data: data)
    }
}

// MARK: The PDF's view

/// What `pdf.mustache` shows: the print version's chapters and tables, split into the front matter
/// (before the Daftar Isi) and the body, with the entries of the Daftar Isi and Daftar Tabel.
struct PDFView {
    var title: String
    var shortTitle: String
    var kind: String
    var year: String
    var agency: String
    var agencyShort: String
    var government: String?
    /// The city on the cover (the signing place), when the document gives one.
    var city: String?
    /// The document's earliest and latest own dates (ISO; `DocumentVersion`): the PDF's creation
    /// and modification dates; nil when it gives none.
    var created: String?
    var modified: String?
    /// The version lines of the colophon on the cover ("Revisi ke-2 tanggal …").
    var versionLines: [String]
    var description: String
    var generator: String
    var front: [PrintChapterView]
    var chapters: [PrintChapterView]
    var contents: [PDFEntryView]
    var tables: [PDFEntryView]
    var hasTables: Bool
    var appendix: [PrintSegmentView]
    /// The standard evaluation table, in the appendix on landscape pages (a list of none or one).
    var standard: [StandardTableView]
    var hasAppendix: Bool
    var onlineHref: String
}

/// A line of the Daftar Isi or Daftar Tabel: its text and the id of what it points to (WeasyPrint
/// prints the page number with `target-counter()`).
struct PDFEntryView {
    var text: String
    var target: String
    /// 1 chapters, 2 their sections, 3 subsections.
    var level: Int
}

/// The home page's link to the PDF.
struct PDFLinkView {
    var href: String
    /// "1,2 MB", "850,3 kB".
    var size: String
    var sha256: String
}

extension DocumentRenderer {
    func pdfLink(root: String) -> PDFLinkView? {
        base.pdfs[document.slug].map { PDFLinkView(href: root + $0.path, size: Self.size($0.size), sha256: $0.sha256) }
    }

    /// The PDF's view, from the print page's (`PrintPage.printable`): the same chapters, segments, tables
    /// and signing blocks (`partials/pdf-table` prints the rows without links or finding marks).
    func pdfView() -> PDFView {
        let printable = PrintPage(doc: self).printable(root: Paths.root(forDir: Paths.printable(document)))
        let chapters = printable.chapters, appendix = printable.appendix
        // Chapters without a number before the first BAB (the Kata Pengantar) come before the Daftar Isi.
        let frontCount = chapters.prefix { $0.number == nil }.count
        let front = Array(chapters.prefix(frontCount)), body = Array(chapters.dropFirst(frontCount))

        var contents = front.map { PDFEntryView(text: $0.displayTitle, target: $0.id, level: 1) }
        var tables: [PDFEntryView] = []
        let standard = printable.standard
        let hasTables = chapters.contains { $0.segments.contains { $0.table != nil } } || !appendix.isEmpty || !standard.isEmpty
        if hasTables { contents.append(PDFEntryView(text: "Daftar Tabel", target: "daftar-tabel", level: 1)) }
        for (c, chapter) in zip(document.chapters.dropFirst(frontCount), body) {
            contents.append(PDFEntryView(text: chapter.displayTitle, target: chapter.id, level: 1))
            for h in renderedChapter(c).headings where h.level == 2 || h.level == 3 {
                contents.append(PDFEntryView(text: h.text, target: "\(chapter.id)-\(h.id)", level: h.level))
            }
        }
        for segment in chapters.flatMap(\.segments) + appendix {
            if let t = segment.table { tables.append(PDFEntryView(text: t.caption, target: "pdf-tabel-\(t.number)", level: 1)) }
            if let p = segment.standardPlan.first { tables.append(PDFEntryView(text: p.caption, target: "pdf-tabel-rencana-standar", level: 1)) }
        }
        for t in standard { tables.append(PDFEntryView(text: t.caption, target: "pdf-tabel-standar", level: 1)) }
        if printable.hasAppendix { contents.append(PDFEntryView(text: "Lampiran", target: "lampiran", level: 1)) }

        let place = document.signing.place.trimmingCharacters(in: .whitespaces)
        let version = facts.version
        return PDFView(title: document.title, shortTitle: document.shortTitle, kind: document.kind, year: String(document.year.value),
                       agency: document.agency.name, agencyShort: AgencyView(document.agency).shortName,
                       government: printable.government, city: place.isEmpty ? nil : place,
                       created: version.earliestDate, modified: version.latestDate, versionLines: version.lines,
                       description: "\(document.title) — \(document.agency.name)", generator: SiteRenderer.generator,
                       front: front, chapters: body, contents: contents, tables: tables, hasTables: hasTables,
                       appendix: appendix, standard: standard, hasAppendix: printable.hasAppendix, onlineHref: printable.onlineHref)
    }
}
