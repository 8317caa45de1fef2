import Foundation
import RenjaModel
import RenjaFacts

/// Open-data downloads: each table as CSV and JSON, and the whole document as one JSON.
///
/// CSV choices, for the spreadsheets the readers actually have (Excel and LibreOffice set to
/// Indonesian):
/// - UTF-8 with a byte-order mark, or Excel reads the names as Windows-1252 mojibake;
/// - `;` between fields and `,` before decimals, the list and decimal separators of the Indonesian
///   locale, so a double-click opens the file in columns with numbers that are numbers;
/// - plain numbers (no thousands dots, no `Rp`) so SUM works; CRLF line ends (RFC 4180).
/// Scripts that want `.` decimals read the JSON, which has the same figures.
enum OpenData {
    static let separator = ";"

    // MARK: CSV

    static func csv(_ table: Table, documentSlug: String) -> Data {
        var header = ["tingkat", table.kind == .evaluasi ? "nomor" : "kode", "program", "kegiatan", "sub_kegiatan",
                      "indikator", "target", "satuan_target"]
        if table.kind == .evaluasi { header += ["capaian", "satuan_capaian", "persen_capaian"] }
        header += ["pagu"]
        if table.kind == .evaluasi { header += ["realisasi", "persen_realisasi"] }
        header += ["catatan"]

        var lines = [header]
        func walk(_ item: Item, path: [String]) {
            let names = path + [item.name.value]
            let program = names.count > 0 ? names[0] : ""
            let kegiatan = names.count > 1 ? names[1] : ""
            let sub = names.count > 2 ? names[2] : ""
            let key = table.kind == .evaluasi ? item.number?.value ?? "" : item.code?.value ?? ""
            var notes: [String] = []
            for (i, ind) in indicatorLines(item.indicators).enumerated() {
                var cells = [item.level.word, key, program, kegiatan, sub, ind?.name.value ?? ""]
                cells += quantity(ind?.target, "target", &notes)
                if table.kind == .evaluasi {
                    cells += quantity(ind?.actual, "capaian", &notes)
                    cells.append(percent(ind?.stated, "persen capaian", &notes))
                }
                // Money belongs to the row, not to each indicator: written once (on the first
                // indicator line) so a column sum counts it once.
                cells.append(i == 0 ? amount(item.pagu, "pagu", &notes) : "")
                if table.kind == .evaluasi {
                    cells.append(i == 0 ? amount(item.realisasi, "realisasi", &notes) : "")
                    cells.append(i == 0 ? percent(item.statedAbsorption, "persen realisasi", &notes) : "")
                }
                cells.append(notes.joined(separator: "; "))
                notes = []
                lines.append(cells)
            }
            item.children.forEach { walk($0, path: names) }
        }
        table.programs.forEach { walk($0, path: []) }
        return csvFile(lines)
    }

    /// A CSV file of these lines (the header first), each cell quoted as `field` says: UTF-8 with a
    /// byte-order mark, CRLF line ends.
    static func csvFile(_ lines: [[String]]) -> Data {
        let text = lines.map { $0.map(field).joined(separator: separator) }.joined(separator: "\r\n") + "\r\n"
        return Data(([0xEF, 0xBB, 0xBF] as [UInt8])) + Data(text.utf8)
    }

    /// The lines of a row: one per indicator, one for a row without any (its own figures still need a line).
    static func indicatorLines<Indicator>(_ indicators: [Indicator]) -> [Indicator?] {
        indicators.isEmpty ? [nil] : indicators.map { $0 }
    }

    static func quantity(_ q: Located<QuantityText>?, _ what: String, _ notes: inout [String]) -> [String] {
        guard let q, let v = readable(q.value.raw, q.value.value, q.value.problem, what, &notes) else { return ["", ""] }
        return [plainDecimal(v.value), v.unit]
    }

    static func percent(_ p: Located<PercentText>?, _ what: String, _ notes: inout [String]) -> String {
        guard let p, let v = readable(p.value.raw, p.value.value, p.value.problem, what, &notes) else { return "" }
        return plainDecimal(v.value)
    }

    static func amount(_ a: Located<AmountText>?, _ what: String, _ notes: inout [String]) -> String {
        guard let a, let v = readable(a.value.raw, a.value.value, a.value.problem, what, &notes) else { return "" }
        return String(v.value)
    }

    /// A figure's value; nil, with a note in the `catatan` column naming the written text, when the
    /// document's text is malformed (the figure's own column is then left empty).
    static func readable<V>(_ raw: String, _ value: V?, _ problem: NumberProblem?, _ what: String, _ notes: inout [String]) -> V? {
        if value == nil { notes.append("\(what) tertulis \"\(raw)\" (\(problem?.explanation ?? "tidak terbaca"))") }
        return value
    }

    /// `42,23`, `2000`, `0,5`: decimal comma, no grouping.
    static func plainDecimal(_ x: Double) -> String {
        Text.replacingLiteral(IndonesianNumber.decimal(x, places: nil), ".", with: "")
    }

    /// Quotes a field when it holds the separator, a quote or a line break; a text that a
    /// spreadsheet would run as a formula (`=`, `+`, `@`) is quoted and prefixed with `'`.
    static func field(_ s: String) -> String {
        var t = s
        if let first = t.first, "=+@".contains(first) { t = "'" + t }
        if t.utf8.contains(where: { $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) || Text.containsLiteral(t, separator) || t != s
            || t.hasPrefix(" ") || t.hasSuffix(" ") {
            return "\"" + Text.replacingLiteral(t, "\"", with: "\"\"") + "\""
        }
        return t
    }

    // MARK: JSON

    struct JSONIndicator: Encodable {
        var nama: String
        var target: JSONFigure<Double>?
        var capaian: JSONFigure<Double>?
        var persen_capaian: JSONFigure<Double>?
        var arah: String?
    }

    /// A figure as the document writes it (`tertulis`) and as read (`nilai`, absent when the
    /// written figure is malformed; whole rupiah for amounts), with the unit of a quantity.
    struct JSONFigure<Value: Encodable>: Encodable {
        var tertulis: String
        var nilai: Value?
        var satuan: String? = nil
    }

    static func figure(_ q: Located<QuantityText>?) -> JSONFigure<Double>? {
        q.map { JSONFigure(tertulis: $0.value.raw, nilai: $0.value.value?.value, satuan: $0.value.value?.unit) }
    }

    static func figure(_ p: Located<PercentText>?) -> JSONFigure<Double>? {
        p.map { JSONFigure(tertulis: $0.value.raw, nilai: $0.value.value?.value) }
    }

    static func figure(_ a: Located<AmountText>?) -> JSONFigure<Int64>? {
        a.map { JSONFigure(tertulis: $0.value.raw, nilai: $0.value.value?.value) }
    }

    struct JSONItem: Encodable {
        var item: Item

        enum Key: String, CodingKey {
            case tingkat, nomor, kode, nama, indikator, pagu, realisasi, persen_realisasi, anchor = "jangkar", kegiatan, sub_kegiatan
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(item.level.word, forKey: .tingkat)
            try c.encodeIfPresent(item.number?.value, forKey: .nomor)
            try c.encodeIfPresent(item.code?.value, forKey: .kode)
            try c.encode(item.name.value, forKey: .nama)
            try c.encode(item.indicators.map {
                JSONIndicator(nama: $0.name.value, target: OpenData.figure($0.target), capaian: OpenData.figure($0.actual),
                              persen_capaian: OpenData.figure($0.stated), arah: $0.declaredDirection?.value.rawValue)
            }, forKey: .indikator)
            try c.encodeIfPresent(OpenData.figure(item.pagu), forKey: .pagu)
            try c.encodeIfPresent(OpenData.figure(item.realisasi), forKey: .realisasi)
            try c.encodeIfPresent(OpenData.figure(item.statedAbsorption), forKey: .persen_realisasi)
            try c.encode(item.anchor, forKey: .anchor)
            switch item.level {
            case .program: try c.encode(item.children.map(JSONItem.init), forKey: .kegiatan)
            case .kegiatan: try c.encode(item.children.map(JSONItem.init), forKey: .sub_kegiatan)
            case .subKegiatan: break
            }
        }
    }

    struct JSONTable: Encodable {
        var nomor: Int
        var jenis: String
        var judul: String
        /// Σ of the programs' amounts; null when one of them is not a well-formed number.
        var jumlah_pagu: Int64?
        var jumlah_realisasi: Int64?
        var program: [JSONItem]
        /// In a table's own file: the document and version it is from (not inside the document's file).
        var dokumen: JSONVersion? = nil

        init(_ t: Table, facts: TableFacts?) {
            nomor = t.kind.number
            jenis = t.kind.rawValue
            judul = t.title
            jumlah_pagu = facts?.total(.pagu)?.value
            jumlah_realisasi = t.kind == .evaluasi ? facts?.total(.realisasi)?.value : nil
            program = t.programs.map(JSONItem.init)
        }
    }

    struct JSONChange: Encodable {
        var tingkat: String
        var nama: String
        var kunci: String
        var status: String
        var pagu_sebelum: Int64?
        var pagu_setelah: Int64?
        var selisih: Int64?
        var target_berubah: [JSONTargetChange]
    }

    struct JSONTargetChange: Encodable {
        var indikator: String
        var sebelum: String
        var setelah: String
    }

    struct JSONChapter: Encodable {
        var nomor: String?
        var judul: String
        var alamat: String
        var markdown: String
    }

    struct JSONDocument: Encodable {
        var judul: String
        var judul_singkat: String
        var jenis: String
        var tahun: Int
        var instansi: String
        var pengesahan: [String: String]
        var versi: JSONVersion
        var alamat: String
        var bab: [JSONChapter]
        var tabel: [JSONTable]
        var perubahan: [JSONChange]
    }

    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// A JSON file: the value as `encoder` writes it, with a final line end.
    static func jsonFile(_ value: some Encodable) throws -> Data {
        try encoder().encode(value) + Data("\n".utf8)
    }

    static func json(_ table: Table, facts: TableFacts?, document: Document? = nil) throws -> Data {
        var t = JSONTable(table, facts: facts)
        t.dokumen = document.map(JSONVersion.init)
        return try jsonFile(t)
    }

    static func json(_ facts: DocumentFacts, baseURL: String) throws -> Data {
        let d = facts.document, changes = facts.changes
        let s = d.signing
        let doc = JSONDocument(
            judul: d.title, judul_singkat: d.shortTitle, jenis: d.kind, tahun: d.year.value, instansi: d.agency.name,
            pengesahan: ["tempat": s.place, "tanggal": s.date.value, "jabatan": s.position, "nama": s.name, "nip": s.nip],
            versi: JSONVersion(d),
            alamat: baseURL + Paths.document(d),
            bab: d.chapters.map { JSONChapter(nomor: $0.number, judul: $0.title, alamat: baseURL + Paths.chapter(d, $0), markdown: $0.markdown) },
            tabel: [d.evaluation, d.plan].compactMap { $0 }.map { JSONTable($0, facts: facts.table($0.kind)) },
            perubahan: changes.all.sorted { $0.order < $1.order }.map {
                JSONChange(tingkat: $0.level.word, nama: $0.name, kunci: $0.keyLabel, status: $0.status.rawValue,
                           pagu_sebelum: $0.beforeValue?.value, pagu_setelah: $0.afterValue?.value, selisih: $0.difference?.value,
                           target_berubah: $0.targetChanges.map { JSONTargetChange(indikator: $0.indicator, sebelum: $0.before, setelah: $0.after) })
            })
        return try jsonFile(doc)
    }

    // MARK: File names

    static func baseName(_ k: TableKind) -> String { "tabel-\(k.number)-\(k.rawValue)" }
    static func csvPath(_ d: Document, _ k: TableKind) -> String { Paths.data(d) + baseName(k) + ".csv" }
    static func jsonPath(_ d: Document, _ k: TableKind) -> String { Paths.data(d) + baseName(k) + ".json" }
    static func documentJSONPath(_ d: Document) -> String { Paths.data(d) + "\(d.slug).json" }
}
