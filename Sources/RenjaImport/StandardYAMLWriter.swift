import RenjaModel

/// Drafts of the standard evaluation table → `tabel/evaluasi-standar.yaml` as the loader reads it
/// (the fixtures' shape: every value double-quoted, quarters as one flow list), remembering for
/// each written value the input cell it came from, so the loader's errors can be put back there.
/// Deterministic: the same drafts always give the same bytes.
struct StandardYAMLWriter {
    typealias Parser = StandardTextParser

    private(set) var yaml: PlacedYAML

    init(directions: CarriedDirections) { yaml = PlacedYAML(directions: directions) }

    /// The pair columns as `StandardSeries` keys: 0–2 before the quarters, 3–6 the quarters, 7–9 after.
    private mutating func series(_ cells: [Parser.Figure?], pad: String, row: String) {
        for (j, key) in [(0, "target_renstra"), (1, "realisasi_renstra_lalu"), (2, "target_renja")] {
            if let f = cells[j] { yaml.value("\(pad)\(key): ", f.text, from: f.location, row: row) }
        }
        let quarters = Array(cells[Parser.quarterRange])
        let count = (quarters.lastIndex { $0 != nil } ?? -1) + 1
        if count > 0 {
            var s = "\(pad)triwulan: ["
            for (i, q) in quarters.prefix(count).enumerated() {
                if i > 0 { s += ", " }
                if let q { yaml.mark(column: s.count + 1, from: q.location, row: row) }
                s += TableYAMLWriter.quoted(q?.text ?? "")
            }
            yaml.raw(s + "]")
        }
        for (j, key) in [(7, "realisasi_renja"), (8, "realisasi_renstra"), (9, "tingkat_capaian")] {
            if let f = cells[j] { yaml.value("\(pad)\(key): ", f.text, from: f.location, row: row) }
        }
    }

    private mutating func row(_ r: Parser.RowDraft, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        let label = r.label
        var first = true
        func lead() -> String {
            defer { first = false }
            return first ? "\(pad)- " : "\(pad)  "
        }
        if let c = r.code { yaml.value("\(lead())kode: ", c.text, from: c.location, row: label) }
        if let n = r.number { yaml.value("\(lead())no: ", n.text, from: n.location, row: label) }
        yaml.value("\(lead())nama: ", r.name.text, from: r.name.location, row: label)
        let inner = pad + "  "
        if let s = r.sasaran { yaml.value("\(inner)sasaran: ", s.text, from: s.location, row: label) }
        if !r.indicators.isEmpty {
            yaml.raw("\(inner)indikator:")
            for i in r.indicators {
                yaml.value("\(inner)  - nama: ", i.name.text, from: i.name.location, row: label)
                if let u = i.unit { yaml.value("\(inner)    satuan: ", u.text, from: u.location, row: label) }
                yaml.carriedDirection(pad: inner + "    ", level: r.level.rawValue, row: r.key, indicator: i.name.text)
                series(i.k, pad: inner + "    ", row: label)
            }
        }
        if r.rp.contains(where: { $0 != nil }) {
            yaml.raw("\(inner)anggaran:")
            series(r.rp, pad: inner + "  ", row: label)
        }
        if let u = r.unit { yaml.value("\(inner)unit: ", u.text, from: u.location, row: label) }
        if let key = r.level.childrenKey, !r.children.isEmpty {
            yaml.raw("\(inner)\(key):")
            for c in r.children { row(c, indent: indent + 4) }
        }
    }

    mutating func emit(_ result: Parser.Result, title: String, variant: StandardVariant, header: [String]) {
        yaml.start(header: header, title: title)
        yaml.raw("varian: \(variant.rawValue)")
        yaml.raw("program:")
        for (i, p) in result.programs.enumerated() {
            if i > 0 { yaml.raw("") }
            row(p, indent: 2)
        }
        let f = result.footer
        if f.averageK != nil || f.averageRp != nil {
            yaml.raw("rata_rata_capaian:")
            if let k = f.averageK { yaml.value("  kinerja: ", k.text, from: k.location, row: "rata-rata capaian") }
            if let r = f.averageRp { yaml.value("  anggaran: ", r.text, from: r.location, row: "rata-rata capaian") }
        }
        if f.predicateK != nil || f.predicateRp != nil {
            yaml.raw("predikat:")
            if let k = f.predicateK { yaml.value("  kinerja: ", k.text, from: k.location, row: "predikat") }
            if let r = f.predicateRp { yaml.value("  anggaran: ", r.text, from: r.location, row: "predikat") }
        }
        for (key, v) in [("faktor_pendorong", f.drivers), ("faktor_penghambat", f.obstacles),
                         ("tindak_lanjut_triwulan", f.followUpQuarter), ("tindak_lanjut_renja", f.followUpRenja)] {
            if let v { yaml.value("\(key): ", v.text, from: v.location, row: key.replacingOccurrences(of: "_", with: " ")) }
        }
    }

    static func defaultHeader(title: String, variant: StandardVariant) -> [String] {
        TableYAMLWriter.defaultHeader("Tabel evaluasi standar (Permendagri 86/2017)", title: title, checked: true, columns: [
            variant == .denganKode
                ? "# Kolom: 1 no | 2 sasaran | 3 kode | 4 nama | 5 indikator | 6–15 K (indikator) dan Rp (anggaran) | 16 unit."
                : "# Kolom: 1 no | 2 sasaran | 3 nama | 4 indikator | 5–14 K (indikator) dan Rp (anggaran) | 15 unit.",
        ])
    }
}
