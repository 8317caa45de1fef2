import Foundation

/// Drafts of the standard evaluation table → `tabel/evaluasi-standar.yaml` as the loader reads it
/// (the fixtures' shape: every value double-quoted, quarters as one flow list), remembering for
/// each written value the input cell it came from, so the loader's errors can be put back there.
/// Deterministic: the same drafts always give the same bytes.
struct StandardYAMLWriter {
    struct Place {
        var location: SourceLocation
        /// "sub kegiatan 1.01.02.2.01.0006"
        var row: String
    }

    private(set) var text = ""
    private(set) var line = 1
    /// YAML line → the input places of the values on it, by YAML column.
    private(set) var places: [Int: [(column: Int, place: Place)]] = [:]
    /// Indicators whose `arah` was carried over from the replaced file.
    private(set) var keptDirections = 0

    typealias Parser = StandardTextParser
    /// Existing `arah` by "level|key|normalized indicator name".
    var directions: [String: Direction] = [:]

    private mutating func raw(_ s: String) {
        text += s + "\n"
        line += 1
    }

    private mutating func value(_ prefix: String, _ v: String, from: SourceLocation?, row: String) {
        if let from { places[line, default: []].append((prefix.count + 1, Place(location: from, row: row))) }
        raw(prefix + TableYAMLWriter.quoted(v))
    }

    static let seriesKeys = ["target_renstra", "realisasi_renstra_lalu", "target_renja", "triwulan",
                             "realisasi_renja", "realisasi_renstra", "tingkat_capaian"]

    /// The pair columns as `StandardSeries` keys: 0–2 before the quarters, 3–6 the quarters, 7–9 after.
    private mutating func series(_ cells: [Parser.Figure?], pad: String, row: String) {
        for (j, key) in [(0, "target_renstra"), (1, "realisasi_renstra_lalu"), (2, "target_renja")] {
            if let f = cells[j] { value("\(pad)\(key): ", f.text, from: f.location, row: row) }
        }
        let quarters = Array(cells[Parser.quarterRange])
        let count = (quarters.lastIndex { $0 != nil } ?? -1) + 1
        if count > 0 {
            var s = "\(pad)triwulan: ["
            for (i, q) in quarters.prefix(count).enumerated() {
                if i > 0 { s += ", " }
                if let q { places[line, default: []].append((s.count + 1, Place(location: q.location, row: row))) }
                s += TableYAMLWriter.quoted(q?.text ?? "")
            }
            raw(s + "]")
        }
        for (j, key) in [(7, "realisasi_renja"), (8, "realisasi_renstra"), (9, "tingkat_capaian")] {
            if let f = cells[j] { value("\(pad)\(key): ", f.text, from: f.location, row: row) }
        }
    }

    static func directionKey(_ level: Level, _ key: String, _ indicator: String) -> String {
        "\(level.rawValue)|\(key)|\(Text.normalizedName(indicator))"
    }

    private mutating func row(_ r: Parser.RowDraft, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        let label = "\(r.level.word) \(r.key)"
        var first = true
        func lead() -> String {
            defer { first = false }
            return first ? "\(pad)- " : "\(pad)  "
        }
        if let c = r.code { value("\(lead())kode: ", c.text, from: c.location, row: label) }
        if let n = r.number { value("\(lead())no: ", n.text, from: n.location, row: label) }
        value("\(lead())nama: ", r.name.text, from: r.name.location, row: label)
        let inner = pad + "  "
        if let s = r.sasaran { value("\(inner)sasaran: ", s.text, from: s.location, row: label) }
        if !r.indicators.isEmpty {
            raw("\(inner)indikator:")
            for i in r.indicators {
                value("\(inner)  - nama: ", i.name.text, from: i.name.location, row: label)
                if let u = i.unit { value("\(inner)    satuan: ", u.text, from: u.location, row: label) }
                if let d = directions[Self.directionKey(r.level, r.key, i.name.text)] {
                    raw("\(inner)    arah: \(d.rawValue)")
                    keptDirections += 1
                }
                series(i.k, pad: inner + "    ", row: label)
            }
        }
        if r.rp.contains(where: { $0 != nil }) {
            raw("\(inner)anggaran:")
            series(r.rp, pad: inner + "  ", row: label)
        }
        if let u = r.unit { value("\(inner)unit: ", u.text, from: u.location, row: label) }
        if let key = r.level.childrenKey, !r.children.isEmpty {
            raw("\(inner)\(key):")
            for c in r.children { row(c, indent: indent + 4) }
        }
    }

    mutating func emit(_ result: Parser.Result, title: String, variant: StandardVariant, header: [String]) {
        for h in header { raw(h) }
        if !header.isEmpty { raw("") }
        value("judul: ", title, from: nil, row: "judul")
        raw("varian: \(variant.rawValue)")
        raw("program:")
        for (i, p) in result.programs.enumerated() {
            if i > 0 { raw("") }
            row(p, indent: 2)
        }
        let f = result.footer
        if f.averageK != nil || f.averageRp != nil {
            raw("rata_rata_capaian:")
            if let k = f.averageK { value("  kinerja: ", k.text, from: k.location, row: "rata-rata capaian") }
            if let r = f.averageRp { value("  anggaran: ", r.text, from: r.location, row: "rata-rata capaian") }
        }
        if f.predicateK != nil || f.predicateRp != nil {
            raw("predikat:")
            if let k = f.predicateK { value("  kinerja: ", k.text, from: k.location, row: "predikat") }
            if let r = f.predicateRp { value("  anggaran: ", r.text, from: r.location, row: "predikat") }
        }
        for (key, v) in [("faktor_pendorong", f.drivers), ("faktor_penghambat", f.obstacles),
                         ("tindak_lanjut_triwulan", f.followUpQuarter), ("tindak_lanjut_renja", f.followUpRenja)] {
            if let v { value("\(key): ", v.text, from: v.location, row: key.replacingOccurrences(of: "_", with: " ")) }
        }
    }

    /// The input place of a YAML position: the value starting there, else the line's only value.
    func place(of at: SourceLocation) -> Place? {
        guard let list = places[at.line] else { return nil }
        if let exact = list.first(where: { $0.column == at.column }) { return exact.place }
        return list.count == 1 ? list[0].place : list.last { $0.column <= at.column }?.place
    }

    static func defaultHeader(title: String, variant: StandardVariant) -> [String] {
        [
            "# Tabel evaluasi standar (Permendagri 86/2017) — \(TableYAMLWriter.commentText(title))",
            "#",
            "# Data ditulis persis seperti dalam dokumen sumber, termasuk kekeliruannya.",
            "# Jangan membetulkan angka atau kata di sini; `renja check` yang akan",
            "# menandai angka yang tidak cocok.",
            "#",
            variant == .denganKode
                ? "# Kolom: 1 no | 2 sasaran | 3 kode | 4 nama | 5 indikator | 6–15 K (indikator) dan Rp (anggaran) | 16 unit."
                : "# Kolom: 1 no | 2 sasaran | 3 nama | 4 indikator | 5–14 K (indikator) dan Rp (anggaran) | 15 unit.",
        ]
    }
}

/// Everything an import of the standard evaluation table would do, decided before any file is touched.
public struct StandardImportPlan: Sendable {
    public var variant: StandardVariant
    public var table: StandardEvaluationTable
    public var yaml: String
    public var target: URL
    public var targetDisplay: String
    public var existingText: String?
    public var existing: StandardEvaluationTable?
    public var titleSource: TitleSource
    public var delimiter: Character
    public var encodingNote: String?
    public var headerRows: Int
    public var continuationRows: Int
    /// Urusan and bidang urusan rows left out (the file holds programs down to sub kegiatan).
    public var skippedRows: Int
    /// Lines below the footer (signatures) left out.
    public var trailingRows: Int
    public var normalizedFigures: Int
    public var normalizedExample: (String, String)?
    public var keptDirections: Int
    public var warnings: [Diagnostic]

    public var targetExists: Bool { existingText != nil }
    public var isUnchanged: Bool { existingText == yaml }
}

/// `renja import` of the standard evaluation table: text → drafts → YAML → the real loader.
enum StandardTableImport {
    /// The title of a table whose text has no title line and that replaces no file.
    static let standardTitle = "Evaluasi Terhadap Hasil Renja Perangkat Daerah"

    /// What `build` made: the YAML, the table the loader read from it, and how the text was read.
    struct Built {
        var yaml: String
        var table: StandardEvaluationTable
        var titleSource: TitleSource
        var result: StandardTextParser.Result
        var delimiter: Character
        var encodingNote: String?
        var keptDirections: Int
        var existing: StandardEvaluationTable?
    }

    /// The YAML for `data`, or the diagnostics that stop it. `existingText` is the file it replaces.
    static func build(_ data: Data, layout: ImportLayout, delimiter: Character?, path: String, outputPath: String,
                      existingText: String?) -> (built: Built?, diagnostics: [Diagnostic]) {
        guard case .standardEvaluation(let variant) = layout.target else { return (nil, []) }
        let sink = DiagnosticSink()
        guard let decoded = ImportText.decode(data, displayPath: path, sink: sink) else { return (nil, sink.diagnostics) }
        let d = delimiter ?? DelimitedText.detectDelimiter(decoded.text, expectedColumns: layout.width)
        let parser = StandardTextParser(layout: layout, variant: variant, path: path, sink: sink)
        guard let result = parser.parse(decoded.text, delimiter: d) else { return (nil, sorted(sink.diagnostics)) }

        var existing: StandardEvaluationTable?
        var header: [String] = []
        var writer = StandardYAMLWriter()
        if let text = existingText {
            let s = DiagnosticSink()
            existing = StandardTableLoader.load(text: text, path: outputPath, sink: s)
            header = TableYAMLWriter.header(of: text)
            for r in existing?.allRows ?? [] {
                for i in r.indicators {
                    if let dir = i.declaredDirection {
                        writer.directions[StandardYAMLWriter.directionKey(r.level, r.code?.value ?? r.number?.value ?? "", i.name.value)] = dir.value
                    }
                }
            }
        }
        let title: String
        let titleSource: TitleSource
        if let t = result.title { title = t; titleSource = .caption } else if let old = existing?.title, !old.isEmpty {
            title = old; titleSource = .existingFile
        } else { title = standardTitle; titleSource = .standard }
        if header.isEmpty { header = StandardYAMLWriter.defaultHeader(title: title, variant: variant) }
        writer.emit(result, title: title, variant: variant, header: header)

        // The gate: the text is read exactly as `renja build` reads it.
        let gate = DiagnosticSink()
        let loaded = ContentFile.decode(Data(writer.text.utf8), displayPath: outputPath, sink: gate)
            .flatMap { StandardTableLoader.load(text: $0, path: outputPath, sink: gate) }
        let errors = gate.diagnostics.filter { $0.severity == .galat }
        if !errors.isEmpty || loaded == nil {
            var out: [Diagnostic] = []
            for var e in errors {
                if let at = e.location, let place = writer.place(of: at) {
                    e.location = place.location
                    e.notes.append("\(place.row): `renja build` dan `renja check` akan menolak nilai ini di \(outputPath) baris \(at.line), jadi impor dihentikan")
                } else {
                    e.notes.append("galat ini ada di YAML hasil impor (\(outputPath), tidak ditulis)")
                }
                out.append(e)
            }
            if out.isEmpty {
                out.append(.galat("impor-internal", "hasil impor tidak terbaca kembali; berkas tidak ditulis", at: nil,
                                  figures: [.init("diharapkan", "YAML yang terbaca"), .init("ditemukan", "tabel tidak terbaca")],
                                  notes: ["ini kesalahan program renja; laporkan beserta berkas masukannya"]))
            }
            return (nil, sorted(out + sink.diagnostics.filter { $0.severity != .galat }))
        }
        let table = loaded!
        if let mismatch = differs(table, result) {
            return (nil, [.galat("impor-internal", "hasil impor tidak terbaca kembali sama persis; berkas tidak ditulis", at: nil,
                                 figures: [.init("diharapkan", "YAML yang terbaca sama dengan tabel hasil impor"), .init("ditemukan", mismatch)],
                                 notes: ["ini kesalahan program renja; laporkan beserta berkas masukannya"])])
        }
        return (Built(yaml: writer.text, table: table, titleSource: titleSource, result: result, delimiter: d,
                      encodingNote: decoded.encodingNote, keptDirections: writer.keptDirections, existing: existing), sorted(sink.diagnostics))
    }

    /// The loaded table against the drafts: same rows, names and figures as written. Nil when equal.
    static func differs(_ table: StandardEvaluationTable, _ result: StandardTextParser.Result) -> String? {
        var drafts: [StandardTextParser.RowDraft] = []
        func walk(_ r: StandardTextParser.RowDraft) { drafts.append(r); r.children.forEach(walk) }
        result.programs.forEach(walk)
        let rows = table.allRows
        guard rows.count == drafts.count else { return "\(rows.count) baris terbaca, \(drafts.count) diimpor" }
        for (a, b) in zip(rows, drafts) {
            guard a.level == b.level, a.name.value == b.name.text, a.code?.value == b.code?.text, a.number?.value == b.number?.text,
                  a.indicators.count == b.indicators.count else { return "baris \(b.key)" }
            func cells<C>(_ s: StandardSeries<C>, _ raw: (C) -> String) -> [String?] {
                var out: [String?] = [s.targetRenstra, s.realisasiRenstraLalu, s.targetRenja].map { $0.map { raw($0.value) } }
                let q = s.quarters.map { raw($0.value) as String? }
                out += q + Array(repeating: nil, count: 4 - q.count)
                out += [s.realisasiRenja, s.realisasiRenstra].map { $0.map { raw($0.value) } }
                out.append(s.tingkatCapaian?.value.raw)
                return out
            }
            func draft(_ f: [StandardTextParser.Figure?]) -> [String?] {
                var out = f.map { $0?.text }
                // Quarters are written up to the last filled one; a gap is written as "".
                let q = Array(out[StandardTextParser.quarterRange])
                let n = (q.lastIndex { $0 != nil } ?? -1) + 1
                for i in 0..<4 { out[StandardTextParser.quarterRange.lowerBound + i] = i < n ? (q[i] ?? "") : nil }
                return out
            }
            if cells(a.anggaran, \.raw) != draft(b.rp) { return "anggaran baris \(b.key)" }
            for (x, y) in zip(a.indicators, b.indicators) where x.name.value != y.name.text || cells(x.kinerja, \.raw) != draft(y.k) {
                return "indikator baris \(b.key)"
            }
        }
        return nil
    }

    static func sorted(_ ds: [Diagnostic]) -> [Diagnostic] {
        ds.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            if let la, let lb, la != lb { return la < lb }
            if (la == nil) != (lb == nil) { return la == nil }
            return a.offset < b.offset
        }.map(\.element)
    }
}
