import Foundation
import RenjaModel
import RenjaMarkdown

/// Pieces several page kinds show: the open-data downloads and files, signed amounts and labels.
extension DocumentRenderer {
    /// "realisasi s.d. Triwulan II 2024" (the period keeps its capitals).
    var realisasiPhrase: String { "realisasi" + (profile.period.map { " " + $0.phrase } ?? "") }

    // MARK: Open data

    func downloads(for kind: TableKind, root: String) -> [DownloadView] {
        guard let t = table(kind) else { return [] }
        let number = ["nomor": "\(kind.number)"]
        return [
            download(say(.unduhTabelCSV, number), OpenData.csvPath(document, kind), csv(t), root: root, description: say(.unduhTabelCSVUraian)),
            download(say(.unduhTabelJSON, number), OpenData.jsonPath(document, kind), try? json(t), root: root, description: say(.unduhTabelJSONUraian)),
        ]
    }

    /// The download of the open-data file at `path` (CSV or JSON, as its name ends), with the size
    /// of its bytes (0 B when they could not be made).
    func download(_ title: String, _ path: String, _ data: Data?, root: String, description: String) -> DownloadView {
        DownloadView(title: title, href: root + path, format: path.hasSuffix(".csv") ? "CSV" : "JSON", size: Self.size(data?.count ?? 0),
                     description: description)
    }

    static func size(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) B" }
        if bytes < 999_950 { return "\(IndonesianNumber.decimal(Double(bytes) / 1000, places: 1)) kB" }
        return "\(IndonesianNumber.decimal(Double(bytes) / 1_000_000, places: 1)) MB"
    }

    /// The files behind the downloads.
    func dataFiles() throws -> [OutputFile] {
        var out: [OutputFile] = []
        for kind in TableKind.allCases {
            guard let t = table(kind) else { continue }
            out.append(OutputFile(path: OpenData.csvPath(document, kind), data: csv(t)))
            out.append(OutputFile(path: OpenData.csvMetadataPath(document, kind), data: try OpenData.csvMetadata(t, document: document)))
            out.append(OutputFile(path: OpenData.jsonPath(document, kind), data: try json(t)))
        }
        out += try standardPlanFiles()
        if hasTables {
            out.append(OutputFile(path: OpenData.documentJSONPath(document), data: try documentJSON()))
        }
        return out + (try standardDataFiles())
    }

    // The open-data files are needed for their sizes on several pages and once for writing: make
    // each once per document.
    func csv(_ t: Table) -> Data {
        openData.memo(\.csv, t.kind) { OpenData.csv(t, documentSlug: document.slug) }
    }

    func json(_ t: Table) throws -> Data {
        try openData.memo(\.json, t.kind) { Result { try OpenData.json(t, facts: facts.table(t.kind), document: document) } }.get()
    }

    func documentJSON() throws -> Data {
        try openData.memo(\.document, "") { Result { try OpenData.json(facts, baseURL: base.baseURL) } }.get()
    }

    // MARK: Amounts

    /// `+Rp 1.000`, `-Rp 179.185.000`, `Rp 0` (or without `Rp`, for cells under a "(Rp)" header).
    func signed(_ r: Rupiah, currency: Bool = true) -> String {
        let body = currency ? Rupiah(Int64(r.value.magnitude)).formatted : r.plain.replacingOccurrences(of: "-", with: "")
        return r.value > 0 ? "+" + body : r.value < 0 ? "−" + body : body
    }

    func signedPercent(_ p: Percent) -> String {
        let s = Percent(abs(p.value)).formatted
        return p.value > 0.0049 ? "+" + s : p.value < -0.0049 ? "−" + s : s
    }
}

/// A page description from the first paragraph of rendered HTML: tags dropped, entities of the
/// escaper undone, cut at a word near 160 characters.
enum Excerpt {
    static func description(html: String, fallback: String, limit: Int = 160) -> String {
        guard let open = html.range(of: "<p>"), let close = html.range(of: "</p>", range: open.upperBound..<html.endIndex) else { return fallback }
        var text = ""
        var inTag = false
        for ch in html[open.upperBound..<close.lowerBound] {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { text.append(ch) }
        }
        text = text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        text = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard !text.isEmpty else { return fallback }
        guard text.count > limit else { return text }
        var cut = String(text.prefix(limit))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:.")) + "…"
    }
}

/// Memo of one document's rendered chapters and open-data files. Pages of one document may be
/// built on several threads at once (a site of one document), hence the lock; a value may be
/// computed twice in a race, never stored twice differently (the computations are pure).
final class OpenDataCache: @unchecked Sendable {
    /// Rendered chapters by slug (see `renderedChapter`).
    var chapters: [String: RenderedMarkdown] = [:]
    var csv: [TableKind: Data] = [:]
    var json: [TableKind: Result<Data, Error>] = [:]
    var document: [String: Result<Data, Error>] = [:]
    /// The standard evaluation table's files (`StandardOpenData`), by format.
    var standardCSV: [String: Data] = [:]
    var standard: [String: Result<Data, Error>] = [:]
    private let lock = NSLock()

    func memo<K: Hashable, V>(_ table: ReferenceWritableKeyPath<OpenDataCache, [K: V]>, _ key: K, _ make: () -> V) -> V {
        lock.lock()
        let known = self[keyPath: table][key]
        lock.unlock()
        if let known { return known }
        let value = make()
        lock.lock()
        defer { lock.unlock() }
        if let raced = self[keyPath: table][key] { return raced }
        self[keyPath: table][key] = value
        return value
    }
}
