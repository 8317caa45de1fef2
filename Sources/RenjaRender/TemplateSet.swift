import Foundation
import Mustache
import RenjaModel
import RenjaLoad

/// The Mustache templates in `Templates/` (staff can edit them without recompiling) and the static
/// assets beside them. Problems that Mustache itself would pass over silently — a missing partial,
/// a partial that includes itself — are reported here, with positions.
public struct TemplateSet: @unchecked Sendable {
    public let library: MustacheLibrary
    public let names: Set<String>
    /// Files under `assets/`, relative path → bytes.
    public let assets: [(path: String, data: Data)]
    /// The phrases of `kata.yaml` (the wording Swift composes).
    let wording: Wording

    /// No templates, no assets, no phrases: for a build that renders no page (the build cache
    /// keeps every page of the site, `SiteRenderer.sitePagesKept`).
    package static let none = TemplateSet(library: MustacheLibrary(templates: [:]), names: [], assets: [], wording: Wording(phrases: [:]))

    /// The page templates, one per page kind (`PageKinds`).
    public static let requiredPages = PageKinds.all.map(\.template)

    /// - Parameter memo: the set loaded before (`renja serve`), reused when every file's bytes are unchanged.
    /// - Parameter passed: where the sources that passed the checks are remembered between runs (a
    ///   no-op `renja build` would otherwise spend half its time checking unchanged templates).
    public static func load(folder: URL, displayPath: String, memo: TemplateMemo? = nil, passed: TemplateCheckRecord? = nil) throws -> TemplateSet {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else {
            throw InputError(.galat("templat-tidak-ada", "folder templat \(displayPath) tidak ditemukan", at: nil,
                                    figures: [.init("diharapkan", "folder berisi berkas .mustache"), .init("ditemukan", "tidak ada folder \(displayPath)")]))
        }
        var read: [(path: String, data: Data)] = []
        let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
        for rel in files {
            let url = folder.appendingPathComponent(rel)
            var dir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &dir), !dir.boolValue else { continue }
            if rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            guard rel.hasPrefix("assets/") || rel.hasSuffix(".mustache") || rel == Wording.fileName else { continue }
            if let data = try? Data(contentsOf: url) {
                read.append((rel, data))
            } else if rel.hasSuffix(".mustache") || rel == Wording.fileName {
                let sink = DiagnosticSink()
                _ = ContentFile.read(url, displayPath: "\(displayPath)/\(rel)", sink: sink)
                try sink.throwIfErrors()
            }
        }
        let key = read.map(\.path).joined(separator: "\u{0}") + "\u{0}\(displayPath)"
        if let known = memo?.templates(key: key, files: read.map(\.data)) { return known }
        let set = try parse(read, displayPath: displayPath, passed: passed)
        memo?.remember(set, key: key, files: read.map(\.data))
        return set
    }

    /// The templates and assets from their files' bytes (paths relative to the folder).
    static func parse(_ files: [(path: String, data: Data)], displayPath: String, passed: TemplateCheckRecord? = nil) throws -> TemplateSet {
        let sink = DiagnosticSink()
        var sources: [String: (text: String, path: String)] = [:]
        var assets: [(String, Data)] = []
        var wordingText: String?, wordingUnreadable = false
        for (rel, data) in files {
            if rel == Wording.fileName {
                wordingText = ContentFile.decode(data, displayPath: "\(displayPath)/\(rel)", sink: sink)
                wordingUnreadable = wordingText == nil
            } else if rel.hasPrefix("assets/") {
                assets.append((String(rel.dropFirst("assets/".count)), data))
            } else {
                let shown = "\(displayPath)/\(rel)"
                guard let text = ContentFile.decode(data, displayPath: shown, sink: sink) else { continue }
                sources[String(rel.dropLast(".mustache".count))] = (text, shown)
            }
        }
        var templates: [String: MustacheTemplate] = [:]
        for name in sources.keys.sorted() {
            let (text, path) = sources[name]!
            do {
                templates[name] = try MustacheTemplate(string: RenjaHTMLContentType.pragma + text)
            } catch let e as MustacheTemplate.ParserError {
                // Lines count the pragma line this code put before the file's text.
                sink.error("templat-sintaks", "sintaks templat salah: \(describe(e.error))",
                           at: SourceLocation(file: path, line: max(1, e.context.lineNumber - 1), column: e.context.columnNumber),
                           figures: [.init("ditemukan", e.context.line.trimmingCharacters(in: .whitespaces))])
            } catch {
                sink.error("templat-sintaks", "templat tidak dapat dibaca: \(error)", at: SourceLocation(file: path, line: 1, column: 1))
            }
        }
        // The checks depend only on the sources and on this Renja's view types: sources that passed
        // once pass again.
        let checkKey = passed?.key(sources.keys.sorted().map { "\($0)\u{0}\(sources[$0]!.path)\u{0}\(sources[$0]!.text)" })
        let known = checkKey.map { passed?.contains($0) ?? false } ?? false
        if !known { checkPartials(sources, sink: sink) }
        if !sink.hasErrors, !known {
            // Every name a page template uses must be a field of the views its page kind renders it with.
            // The PDF's template too, with its one view (it is not a page of the site).
            let pages = PageKinds.all.filter { sources[$0.template] != nil }.map { (template: $0.template, stack: $0.layers) }
                + (sources[DocumentPDF.template] != nil ? [(template: DocumentPDF.template, stack: [PDFView.self as Any.Type])] : [])
            for p in TemplateFieldCheck.check(pages: pages, sources: sources.mapValues(\.text)) {
                var notes: [String] = []
                if let s = p.suggestion { notes.append("mungkin maksudnya `\(s)`?") }
                if !p.inScope.isEmpty, p.inScope.count <= 40 { notes.append("kolom yang dapat dipakai di sini: " + p.inScope.joined(separator: ", ")) }
                notes.append("daftar kolom setiap templat ada di Templates/README.md")
                sink.error("templat-kolom", p.message,
                           at: SourceLocation(file: sources[p.template]?.path ?? p.template, line: p.tag.line, column: p.tag.column),
                           figures: [.init("ditemukan", "{{\(p.tag.name)}}")], notes: notes)
            }
        }
        for page in requiredPages where sources[page] == nil {
            sink.error("templat-hilang", "templat halaman \(displayPath)/\(page).mustache tidak ada", at: nil,
                       figures: [.init("diharapkan", "\(displayPath)/\(page).mustache"), .init("ditemukan", "tidak ada")])
        }
        // An undecodable file is already reported; it is not also "missing".
        let wording = wordingUnreadable ? Wording(phrases: [:]) : Wording.load(wordingText, path: "\(displayPath)/\(Wording.fileName)", sink: sink)
        try sink.throwIfErrors()
        if let checkKey, !known { passed?.remember(checkKey) }
        return TemplateSet(library: MustacheLibrary(templates: templates), names: Set(templates.keys), assets: assets, wording: wording)
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "penutup bagian {{/…}} tidak cocok dengan pembukanya"
        case MustacheTemplate.Error.unfinishedName: return "tag {{…}} tidak ditutup"
        case MustacheTemplate.Error.expectedSectionEnd: return "bagian {{#…}} tidak ditutup dengan {{/…}}"
        case MustacheTemplate.Error.invalidSetDelimiter: return "pengubah pembatas {{=…=}} tidak sah"
        default:
            // swift-mustache's parser runs past the end of the text on a tag left open (its error type is internal).
            return "\(error)" == "overflow" ? "tag {{…}} tidak ditutup sebelum akhir teks" : "\(error)"
        }
    }

    /// `{{> name}}` and `{{< name}}` must name an existing template, and no template may include
    /// itself through a chain of partials (swift-mustache would recurse until the process dies).
    static func checkPartials(_ sources: [String: (text: String, path: String)], sink: DiagnosticSink) {
        var edges: [String: [String]] = [:]
        for name in sources.keys.sorted() {
            let (text, path) = sources[name]!
            for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var rest = Substring(line)
                while let open = rest.range(of: "{{") {
                    let after = rest[open.upperBound...]
                    guard let close = after.range(of: "}}") else { break }
                    let tag = after[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                    if let sigil = tag.first, sigil == ">" || sigil == "<" {
                        let target = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                        let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                        if sources[target] == nil {
                            let suggestion = Text.suggestion(for: target, among: Array(sources.keys))
                            sink.error("templat-partial-hilang", "templat `\(target)` yang dirujuk tidak ada",
                                       at: SourceLocation(file: path, line: lineIndex + 1, column: column),
                                       figures: [.init("diharapkan", "berkas \(target).mustache"), .init("ditemukan", "tidak ada")],
                                       notes: suggestion.map { ["mungkin maksudnya `\($0)`?"] } ?? [])
                        } else {
                            edges[name, default: []].append(target)
                        }
                    }
                    rest = after[close.upperBound...]
                }
            }
        }
        // Cycle detection over the include graph.
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        func visit(_ n: String, _ stack: [String]) {
            if state[n] == 2 { return }
            if state[n] == 1 {
                let cycle = (stack.drop(while: { $0 != n }) + [n]).joined(separator: " → ")
                sink.error("templat-rekursif", "templat menyertakan dirinya sendiri: \(cycle)",
                           at: SourceLocation(file: sources[n]?.path ?? n, line: 1, column: 1),
                           figures: [.init("diharapkan", "rantai partial tanpa putaran"), .init("ditemukan", cycle)])
                return
            }
            state[n] = 1
            for t in edges[n] ?? [] { visit(t, stack + [n]) }
            state[n] = 2
        }
        for n in sources.keys.sorted() { visit(n, []) }
    }

    /// A page, with its layers read through `MustacheBox` (see `PageContext`).
    func render(_ view: PageView, page: String) -> String {
        library.render(PageContext(view), withTemplate: page) ?? ""
    }

    /// A view that is not a page of the site (the PDF's HTML), read through `MustacheBox`.
    func render(_ view: any MustacheView, template: String) -> String {
        library.render(MustacheBox.box(view), withTemplate: template) ?? ""
    }
}

/// The templates' HTML escaping, with `HTMLText.escape`: the same five characters as swift-mustache's
/// own HTML content type, without copying every value character by character (every table cell of
/// a large site goes through it). Selected by a `CONTENT_TYPE` pragma put before each template's text when it
/// is parsed — invisible to the staff who edit the files; partials and sections inherit it.
struct RenjaHTMLContentType: MustacheContentType {
    static let name = "RENJA_HTML"
    static let pragma: String = {
        MustacheContentTypes.register(RenjaHTMLContentType(), named: name)
        return "{{% CONTENT_TYPE: \(name)}}\n"  // a line of its own: standalone, so it leaves no trace
    }()

    func escapeText(_ text: String) -> String { HTMLText.escape(text) }
}

/// The template sources that passed `TemplateSet`'s checks (partials, fields), remembered as one
/// empty file per key in a folder of Renja's cache. The key covers every source's name, path and
/// text and the running executable (`identity`): a rebuilt Renja may have other view fields.
public struct TemplateCheckRecord: Sendable {
    var folder: URL
    var identity: String

    public init(folder: URL, identity: String) {
        self.folder = folder
        self.identity = identity
    }

    func key(_ parts: [String]) -> String {
        SHA256.hex(Data(([identity] + parts).joined(separator: "\u{1}").utf8))
    }

    func contains(_ key: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(key).path)
    }

    /// Best effort: a cache that cannot be written only means the next build checks again.
    func remember(_ key: String) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder.appendingPathComponent(key).path, contents: Data())
    }
}
