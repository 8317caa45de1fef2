import Foundation
import RenjaModel
import RenjaLoad

/// Drafts of the standard rencana table → `tabel/rencana-standar.yaml` as the loader reads it
/// (every value double-quoted), remembering for each written value the input cell it came from,
/// so the loader's errors can be put back there. Deterministic: the same drafts always give the
/// same bytes.
struct StandardPlanYAMLWriter {
    typealias Parser = StandardPlanTextParser
    typealias Place = StandardYAMLWriter.Place

    private(set) var text = ""
    private(set) var line = 1
    /// YAML line → the input places of the values on it, by YAML column.
    private(set) var places: [Int: [(column: Int, place: Place)]] = [:]
    /// Indicators whose `arah` was carried over from the replaced file.
    private(set) var keptDirections = 0
    /// The replaced file's `arah` by "level|kode|normalized indicator name".
    var directions: [String: Direction] = [:]

    private mutating func raw(_ s: String) {
        text += s + "\n"
        line += 1
    }

    private mutating func value(_ prefix: String, _ v: String, from: SourceLocation?, row: String) {
        if let from { places[line, default: []].append((prefix.count + 1, Place(location: from, row: row))) }
        raw(prefix + TableYAMLWriter.quoted(v))
    }

    private mutating func value(_ prefix: String, _ v: Parser.Value?, row: String) {
        if let v { value(prefix, v.text, from: v.location, row: row) }
    }

    static func directionKey(_ level: StandardPlanLevel, _ code: String, _ indicator: String) -> String {
        "\(level.rawValue)|\(code)|\(Text.normalizedName(indicator))"
    }

    private mutating func row(_ r: Parser.RowDraft, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        let inner = pad + "  "
        let label = r.label
        // The row's mapping starts at its kode: the loader's errors about the row land on that cell.
        value("\(pad)- kode: ", r.code.text, from: r.code.location, row: label)
        value("\(inner)nama: ", r.name.text, from: r.name.location, row: label)
        if !r.indicators.isEmpty {
            raw("\(inner)indikator:")
            for i in r.indicators {
                value("\(inner)  - nama: ", i.name.text, from: i.name.location, row: label)
                value("\(inner)    target: ", i.target, row: label)
                value("\(inner)    target_maju: ", i.targetMaju, row: label)
                if let d = directions[Self.directionKey(r.level, r.code.text, i.name.text)] {
                    raw("\(inner)    arah: \(d.rawValue)")
                    keptDirections += 1
                }
            }
        }
        value("\(inner)lokasi: ", r.lokasi, row: label)
        value("\(inner)pagu: ", r.pagu, row: label)
        value("\(inner)sumber_dana: ", r.sumberDana, row: label)
        value("\(inner)kelompok_sasaran: ", r.kelompokSasaran, row: label)
        value("\(inner)catatan: ", r.catatan, row: label)
        value("\(inner)pagu_maju: ", r.paguMaju, row: label)
        if let child = r.level.child, !r.children.isEmpty {
            raw("\(inner)\(child.key):")
            for c in r.children { row(c, indent: indent + 4) }
        }
    }

    mutating func emit(_ result: Parser.Result, title: String, year: Int?, header: [String]) {
        for h in header { raw(h) }
        if !header.isEmpty { raw("") }
        value("judul: ", title, from: nil, row: "judul")
        if let year { raw("tahun: \(year)") }
        raw("\((result.rows.first?.level ?? .program).key):")
        for (i, r) in result.rows.enumerated() {
            if i > 0 { raw("") }
            row(r, indent: 2)
        }
    }

    /// The input place of a YAML position: the value starting there, else the line's only value.
    func place(of at: SourceLocation) -> Place? {
        guard let list = places[at.line] else { return nil }
        if let exact = list.first(where: { $0.column == at.column }) { return exact.place }
        return list.count == 1 ? list[0].place : list.last { $0.column <= at.column }?.place
    }

    static func defaultHeader(title: String) -> [String] {
        [
            "# Tabel rencana standar (Permendagri 86/2017) — \(TableYAMLWriter.commentText(title))",
            "#",
            "# Data ditulis persis seperti dalam dokumen sumber, termasuk kekeliruannya.",
            "# Jangan membetulkan angka atau kata di sini; `renja check` yang akan",
            "# menandai angka yang tidak cocok.",
            "#",
            "# Kolom: 1 kode | 2 nama | 3 indikator | 4 lokasi | 5 target | 6 pagu | 7 sumber_dana | 8 catatan |",
            "# 9 target_maju | 10 pagu_maju | kelompok_sasaran (tidak bernomor).",
        ]
    }
}

/// Everything an import of the standard rencana table would do, decided before any file is touched.
public struct StandardPlanImportPlan: Sendable {
    public var table: StandardPlanTable
    public var yaml: String
    public var target: URL
    public var targetDisplay: String
    public var existingText: String?
    public var existing: StandardPlanTable?
    public var titleSource: TitleSource
    public var delimiter: Character
    public var encodingNote: String?
    public var headerRows: Int
    public var continuationRows: Int
    /// "Jumlah" rows left out (renja sums the table itself).
    public var totalRows: Int
    /// Lines below the total row (signatures) left out.
    public var trailingRows: Int
    public var normalizedFigures: Int
    public var normalizedExample: (String, String)?
    public var keptDirections: Int
    public var warnings: [Diagnostic]

    public var targetExists: Bool { existingText != nil }
    public var isUnchanged: Bool { existingText == yaml }
}

/// `renja import` of the standard rencana table: text → drafts → YAML → the real loader.
enum StandardPlanImport {
    /// The title of a table whose text has no title line and that replaces no file.
    static let standardTitle = "Rumusan Rencana Program dan Kegiatan Perangkat Daerah dan Prakiraan Maju"

    struct Built {
        var yaml: String
        var table: StandardPlanTable
        var titleSource: TitleSource
        var result: StandardPlanTextParser.Result
        var delimiter: Character
        var encodingNote: String?
        var keptDirections: Int
        var existing: StandardPlanTable?
    }

    /// The YAML for `data`, or the diagnostics that stop it. `existingText` is the file it replaces.
    static func build(_ data: Data, layout: ImportLayout, delimiter: Character?, path: String, outputPath: String,
                      existingText: String?) -> (built: Built?, diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        guard let decoded = ImportText.decode(data, displayPath: path, sink: sink) else { return (nil, sink.diagnostics) }
        let d = delimiter ?? DelimitedText.detectDelimiter(decoded.text, expectedColumns: layout.width)
        let parser = StandardPlanTextParser(layout: layout, path: path, sink: sink)
        guard let result = parser.parse(decoded.text, delimiter: d) else { return (nil, StandardTableImport.sorted(sink.diagnostics)) }

        var existing: StandardPlanTable?
        var header: [String] = []
        var writer = StandardPlanYAMLWriter()
        if let text = existingText {
            existing = StandardPlanLoader.load(text: text, path: outputPath, sink: DiagnosticSink())
            header = TableYAMLWriter.header(of: text)
            for r in existing?.allRows ?? [] {
                for i in r.indicators {
                    if let dir = i.indicator.declaredDirection {
                        writer.directions[StandardPlanYAMLWriter.directionKey(r.level, r.code?.value ?? "", i.name.value)] = dir.value
                    }
                }
            }
        }
        let title: String
        let titleSource: TitleSource
        if let t = result.title { title = t; titleSource = .caption } else if let old = existing?.title, !old.isEmpty {
            title = old; titleSource = .existingFile
        } else { title = standardTitle; titleSource = .standard }
        if header.isEmpty { header = StandardPlanYAMLWriter.defaultHeader(title: title) }
        writer.emit(result, title: title, year: result.year ?? existing?.year?.value, header: header)

        // The gate: the text is read exactly as `renja build` reads it.
        let gate = DiagnosticSink()
        let loaded = ContentFile.decode(Data(writer.text.utf8), displayPath: outputPath, sink: gate)
            .flatMap { StandardPlanLoader.load(text: $0, path: outputPath, sink: gate) }
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
            return (nil, StandardTableImport.sorted(out + sink.diagnostics.filter { $0.severity != .galat }))
        }
        let table = loaded!
        if let mismatch = differs(table, result) {
            return (nil, [.galat("impor-internal", "hasil impor tidak terbaca kembali sama persis; berkas tidak ditulis", at: nil,
                                 figures: [.init("diharapkan", "YAML yang terbaca sama dengan tabel hasil impor"), .init("ditemukan", mismatch)],
                                 notes: ["ini kesalahan program renja; laporkan beserta berkas masukannya"])])
        }
        return (Built(yaml: writer.text, table: table, titleSource: titleSource, result: result, delimiter: d,
                      encodingNote: decoded.encodingNote, keptDirections: writer.keptDirections, existing: existing),
                StandardTableImport.sorted(sink.diagnostics))
    }

    /// The loaded table against the drafts: same rows, names and cells as written. Nil when equal.
    static func differs(_ table: StandardPlanTable, _ result: StandardPlanTextParser.Result) -> String? {
        var drafts: [StandardPlanTextParser.RowDraft] = []
        func walk(_ r: StandardPlanTextParser.RowDraft) { drafts.append(r); r.children.forEach(walk) }
        result.rows.forEach(walk)
        let rows = table.allRows
        guard rows.count == drafts.count else { return "\(rows.count) baris terbaca, \(drafts.count) diimpor" }
        for (a, b) in zip(rows, drafts) {
            let cells = [a.lokasi?.value, a.pagu?.value.raw, a.sumberDana?.value, a.kelompokSasaran?.value, a.catatan?.value, a.paguMaju?.value.raw]
            let drafted = [b.lokasi, b.pagu, b.sumberDana, b.kelompokSasaran, b.catatan, b.paguMaju].map { $0?.text }
            guard a.level == b.level, a.code?.value == b.code.text, a.name.value == b.name.text, cells == drafted,
                  a.indicators.count == b.indicators.count else { return b.label }
            for (x, y) in zip(a.indicators, b.indicators)
            where x.name.value != y.name.text || x.target?.value.raw != y.target?.text || x.targetMaju?.value.raw != y.targetMaju?.text {
                return "indikator \(b.label)"
            }
        }
        return nil
    }

    // MARK: Report

    static func summary(_ p: StandardPlanImportPlan, input: String) -> [String] {
        let delimiter: String
        switch p.delimiter {
        case "\t": delimiter = "dipisah tab"
        case ";": delimiter = "CSV dipisah titik koma"
        default: delimiter = "CSV dipisah koma"
        }
        let rows = p.table.allRows
        var lines = ["Impor tabel rencana standar dari \(input) (\(delimiter)" + (p.encodingNote.map { ", pengodean \($0)" } ?? "") + "):"]
        let counts = StandardPlanLevel.allCases.map { l in (l, rows.filter { $0.level == l }.count) }.filter { $0.1 > 0 }
        lines.append("  " + counts.map { "\($0.1) \($0.0.word)" }.joined(separator: ", ")
                     + ", \(rows.reduce(0) { $0 + $1.indicators.count }) indikator")
        for amount in StandardPlanAmount.allCases {
            let values = p.table.rows(.program).compactMap { $0.amount(amount)?.value.value?.value }
            if !values.isEmpty {
                lines.append("  jumlah \(amount.word) (kolom \(amount.column.number)) program: \(Rupiah(values.reduce(0, +)).formatted)")
            }
        }
        var dropped: [String] = []
        if p.headerRows > 0 { dropped.append("\(p.headerRows) baris kepala/nomor kolom dibuang") }
        if p.continuationRows > 0 { dropped.append("\(p.continuationRows) baris sambungan digabung") }
        if p.totalRows > 0 { dropped.append("\(p.totalRows) baris jumlah dilewati (renja menjumlahkan sendiri)") }
        if p.trailingRows > 0 { dropped.append("\(p.trailingRows) baris di bawah baris jumlah (tanda tangan) dilewati") }
        if !dropped.isEmpty { lines.append("  " + dropped.joined(separator: ", ")) }
        if p.normalizedFigures > 0, let (from, to) = p.normalizedExample {
            lines.append("  \(p.normalizedFigures) angka ditulis ulang agar terbaca sama oleh `renja build` (mis. \(from) → \(to))")
        }
        switch p.titleSource {
        case .caption: lines.append("Judul tabel (dari baris judul di teks): \(p.table.title)")
        case .existingFile: lines.append("Judul tabel (dipertahankan dari berkas lama; teks tidak memuat baris judul): \(p.table.title)")
        case .standard: lines.append("Judul tabel (bawaan, karena teks tidak memuat baris judul; ubah kunci `judul` bila perlu): \(p.table.title)")
        }
        if let y = p.table.year?.value {
            lines.append("Tahun rencana (`tahun`): \(y), prakiraan maju \(y + 1)")
        } else {
            lines.append("Tahun rencana tidak tertulis di judul atau baris kepala: `tahun` tidak ditulis, tahun dokumen yang dipakai")
        }
        if p.keptDirections > 0 { lines.append("`arah` dipertahankan dari berkas lama untuk \(p.keptDirections) indikator.") }
        return lines
    }

    /// Rows paired by level and kode, in order; a row changes when its name, indicators, text
    /// cells or any amount (by value) differs.
    static func changes(old: StandardPlanTable, new: StandardPlanTable, targetDisplay: String, detailed: Bool) -> [String] {
        func key(_ r: StandardPlanRow) -> String { "\(r.level.rawValue)|\(r.code?.value ?? r.name.value)" }
        func label(_ r: StandardPlanRow) -> String { "\(r.level.word) \(r.code?.value ?? "") \(Item.shorten(r.name.value))" }
        func content(_ r: StandardPlanRow, asWritten: Bool = false) -> [String] {
            let amount: (Located<AmountText>?) -> String = { a in
                guard let a else { return "" }
                return asWritten ? a.value.raw : a.value.value.map { "\($0.value)" } ?? a.value.raw
            }
            return [r.name.value, r.lokasi?.value ?? "", r.sumberDana?.value ?? "", r.kelompokSasaran?.value ?? "", r.catatan?.value ?? "",
                    amount(r.pagu), amount(r.paguMaju)]
                + r.indicators.flatMap { [$0.name.value, $0.target?.value.raw ?? "", $0.targetMaju?.value.raw ?? ""] }
        }
        let before = Dictionary(old.allRows.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let afterKeys = Set(new.allRows.map(key))
        var lines: [String] = []
        var added = 0, changed = 0, same = 0, rewritten = 0
        for r in new.allRows {
            if let o = before[key(r)] {
                if content(o) != content(r) {
                    changed += 1
                    if detailed { lines.append("  ~ " + label(r)) }
                } else {
                    same += 1
                    if content(o, asWritten: true) != content(r, asWritten: true) { rewritten += 1 }
                }
            } else {
                added += 1
                if detailed { lines.append("  + " + label(r)) }
            }
        }
        let removed = old.allRows.filter { !afterKeys.contains(key($0)) }
        if detailed { lines += removed.map { "  - " + label($0) } }
        let writing = rewritten > 0 ? " (\(rewritten) di antaranya hanya penulisan angkanya yang berbeda)" : ""
        let yearChanged = old.year?.value != new.year?.value
        if added == 0 && changed == 0 && removed.isEmpty && old.title == new.title && !yearChanged {
            return ["Isi tabel sama dengan \(targetDisplay); hanya penulisan berkasnya yang berbeda\(writing)."]
        }
        return ["Perubahan terhadap \(targetDisplay):"] + lines
            + ["  \(changed) baris diubah, \(added) ditambah, \(removed.count) dihapus, \(same) tetap\(writing)"
               + (old.title != new.title ? "; judul diubah" : "") + (yearChanged ? "; tahun diubah" : "") + "."]
    }
}
