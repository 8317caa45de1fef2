import Foundation
import Yams
import RenjaModel

/// `tabel/evaluasi-standar.yaml` → `StandardEvaluationTable`, keeping every value's position.
/// A document declares the standard table by having the file (`dokumen.yaml` does not change).
package enum StandardTableLoader {
    package static let fileName = "evaluasi-standar.yaml"

    static let seriesKeys = ["target_renstra", "realisasi_renstra_lalu", "target_renja", "triwulan",
                             "realisasi_renja", "realisasi_renstra", "tingkat_capaian"]

    package static func load(text: String, path: String, sink: DiagnosticSink) -> StandardEvaluationTable? {
        let reader = YAMLReader(path: path, sink: sink)
        guard let root = reader.parse(text), let top = reader.mapping(root, what: "tabel evaluasi standar") else { return nil }
        top.checkKeys(allowed: ["judul", "varian", "program", "rata_rata_capaian", "predikat", "rentang_predikat",
                                "faktor_pendorong", "faktor_penghambat", "tindak_lanjut_triwulan", "tindak_lanjut_renja"],
                      required: ["judul", "varian", "program"])
        var variant = StandardVariant.denganKode
        if let v = top.string("varian") {
            if let parsed = StandardVariant(rawValue: v.value.lowercased()) {
                variant = parsed
            } else {
                sink.error("nilai-tak-dikenal", "`varian` tabel evaluasi standar tidak dikenal", at: v.location,
                           figures: [.init("diharapkan", "dengan_kode (kolom 1–16 dengan kolom Kode) atau tanpa_kode (kolom Kode tidak ada, nomor kolom bergeser satu)"),
                                     .init("ditemukan", v.value)])
            }
        }
        var anchors: [String: Int] = [:]
        var programs: [StandardRow] = []
        for node in top.list("program") ?? [] {
            if let p = row(node, level: .program, reader: reader, anchors: &anchors) { programs.append(p) }
        }
        var footer = StandardFooter()
        if let avg = top.mapping("rata_rata_capaian", what: "rata_rata_capaian") {
            avg.checkKeys(allowed: ["kinerja", "anggaran"], required: [])
            footer.averageKinerja = percent(avg, "kinerja")
            footer.averageAnggaran = percent(avg, "anggaran")
        }
        if let pred = top.mapping("predikat", what: "predikat") {
            pred.checkKeys(allowed: ["kinerja", "anggaran"], required: [])
            footer.predicateKinerja = pred.string("kinerja")
            footer.predicateAnggaran = pred.string("anggaran")
        }
        for node in top.list("rentang_predikat") ?? [] {
            guard let b = reader.mapping(node, what: "rentang predikat") else { continue }
            b.checkKeys(allowed: ["dari", "sampai", "predikat"], required: ["dari", "sampai", "predikat"])
            guard let from = number(b, "dari"), let to = number(b, "sampai"), let name = b.string("predikat"),
                  let f = from.value.value, let t = to.value.value else { continue }
            footer.bands.append(PredicateBand(from: f, to: t, name: name.value, location: b.location))
        }
        footer.drivers = top.string("faktor_pendorong")
        footer.obstacles = top.string("faktor_penghambat")
        footer.followUpQuarter = top.string("tindak_lanjut_triwulan")
        footer.followUpRenja = top.string("tindak_lanjut_renja")
        return StandardEvaluationTable(title: top.string("judul")?.value ?? "", variant: variant, programs: programs,
                                       footer: footer, file: path)
    }

    private static func row(_ node: Node, level: Level, reader: YAMLReader, anchors: inout [String: Int]) -> StandardRow? {
        guard let m = reader.mapping(node, what: level.word) else { return nil }
        var allowed = ["kode", "no", "nama", "sasaran", "indikator", "anggaran", "unit"]
        if let c = level.childrenKey { allowed.append(c) }
        m.checkKeys(allowed: allowed, required: m.value("no") == nil ? ["kode", "nama"] : ["nama"])
        let code = m.string("kode")
        let number = m.string("no")
        let name = m.string("nama") ?? Located("", at: m.location)
        let indicators = (m.list("indikator") ?? []).compactMap { indicator($0, reader: reader) }
        var anggaran = StandardSeries<StandardAmount>(quarters: [])
        if let a = m.mapping("anggaran", what: "anggaran \(level.word)") {
            a.checkKeys(allowed: seriesKeys, required: [])
            anggaran = series(a, reader: reader, cell: amount)
        }
        var children: [StandardRow] = []
        if let key = level.childrenKey, let childLevel = level.child {
            for c in m.list(key) ?? [] {
                if let r = row(c, level: childLevel, reader: reader, anchors: &anchors) { children.append(r) }
            }
        }
        let anchor = TableLoader.uniqueAnchor("ts-" + Text.slug(code?.value ?? number?.value ?? name.value), in: &anchors)
        return StandardRow(level: level, code: code, number: number, name: name, sasaran: m.string("sasaran"),
                           indicators: indicators, anggaran: anggaran, unit: m.string("unit"), children: children,
                           location: m.location, anchor: anchor)
    }

    private static func indicator(_ node: Node, reader: YAMLReader) -> StandardIndicator? {
        guard let m = reader.mapping(node, what: "indikator") else { return nil }
        m.checkKeys(allowed: ["nama", "satuan", "arah"] + seriesKeys, required: ["nama"])
        let direction = TableLoader.direction(m)
        return StandardIndicator(name: m.string("nama") ?? Located("", at: m.location), unit: m.string("satuan"),
                                 declaredDirection: direction, kinerja: series(m, reader: reader, cell: number),
                                 location: m.location)
    }

    private static func series<Cell>(_ m: MappingReader, reader: YAMLReader,
                                     cell: (MappingReader, String) -> Located<Cell>?) -> StandardSeries<Cell> {
        var s = StandardSeries<Cell>(quarters: [])
        s.location = m.location
        s.targetRenstra = cell(m, "target_renstra")
        s.realisasiRenstraLalu = cell(m, "realisasi_renstra_lalu")
        s.targetRenja = cell(m, "target_renja")
        s.realisasiRenja = cell(m, "realisasi_renja")
        s.realisasiRenstra = cell(m, "realisasi_renstra")
        s.tingkatCapaian = percent(m, "tingkat_capaian")
        if let list = m.list("triwulan") {
            if list.count > 4 {
                m.sink.error("tipe-salah", "`triwulan` pada \(m.what) berisi lebih dari empat nilai", at: reader.location(list[4]),
                             figures: [.init("diharapkan", "paling banyak 4 nilai: [TW I, TW II, TW III, TW IV]"),
                                       .init("ditemukan", "\(list.count) nilai")])
            }
            for (i, node) in list.prefix(4).enumerated() {
                // Each quarter is read through a one-key mapping so it gets the same checks as any cell.
                guard case .scalar = node else {
                    m.sink.error("tipe-salah", "triwulan \(StandardEvaluationTable.roman(i + 1)) pada \(m.what) harus berupa angka", at: reader.location(node),
                                 figures: [.init("diharapkan", "angka"), .init("ditemukan", YAMLReader.describe(node))])
                    continue
                }
                let single = MappingReader(mapping: Node.Mapping([(Node("triwulan \(StandardEvaluationTable.roman(i + 1))"), node)]),
                                           node: node, reader: reader, what: m.what)
                if let c = cell(single, "triwulan \(StandardEvaluationTable.roman(i + 1))") { s.quarters.append(c) }
            }
        }
        return s
    }

    // MARK: Cells

    /// `5.750.250`, `48.912.283.703,29`, `0`, or plain digits with a decimal point as e-Monev data
    /// hold them (`48912283703.29`).
    static func parseAmount(_ raw: String) -> Int64? {
        var t = raw.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("Rp.") { t.removeFirst(3) } else if t.hasPrefix("Rp") { t.removeFirst(2) }
        t = t.trimmingCharacters(in: .whitespaces)
        func sen(_ whole: String, _ frac: String) -> Int64? {
            guard whole.count <= 16, let w = Int64(whole), frac.count <= 2 else { return nil }
            let f = frac.isEmpty ? 0 : (Int64(frac) ?? 0) * (frac.count == 1 ? 10 : 1)
            return w * 100 + f
        }
        if t.range(of: #"^\d{1,3}(\.\d{3})*(,\d{1,2})?$"#, options: .regularExpression) != nil {
            let parts = t.split(separator: ",", omittingEmptySubsequences: false)
            return sen(parts[0].replacingOccurrences(of: ".", with: ""), parts.count > 1 ? String(parts[1]) : "")
        }
        if t.range(of: #"^\d+(\.\d{1,2})?$"#, options: .regularExpression) != nil {
            let parts = t.split(separator: ".", omittingEmptySubsequences: false)
            return sen(String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
        return nil
    }

    private static func amount(_ m: MappingReader, _ key: String) -> Located<StandardAmount>? {
        guard let s = m.string(key, allowEmpty: true) else { return nil }
        let sen = parseAmount(s.value)
        if sen == nil {
            m.invalidFigure(s, key, mustBe: "jumlah rupiah", expected: "angka dengan titik pemisah ribuan, mis. 1.244.173.000 atau 1.244.173.000,50")
        }
        return Located(StandardAmount(raw: s.value, sen: sen), at: s.location)
    }

    private static func number(_ m: MappingReader, _ key: String) -> Located<StandardNumber>? {
        guard let s = m.string(key, allowEmpty: true) else { return nil }
        let value = QuantityText.parseNumber(s.value.trimmingCharacters(in: .whitespaces))
        if value == nil { m.invalidFigure(s, key, mustBe: "angka", expected: "angka tanpa satuan (satuan ditulis di `satuan`), mis. 28 atau 42,5") }
        return Located(StandardNumber(raw: s.value, value: value), at: s.location)
    }

    /// A percentage read as Tabel 1 reads one (same diagnostic), kept as a standard-table number.
    private static func percent(_ m: MappingReader, _ key: String) -> Located<StandardNumber>? {
        TableLoader.percent(m, key).map { Located(StandardNumber(raw: $0.value.raw, value: $0.value.value?.value), at: $0.location) }
    }
}
