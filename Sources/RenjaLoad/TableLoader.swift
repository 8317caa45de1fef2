import Foundation
import Yams
import RenjaModel

/// `tabel/evaluasi.yaml` and `tabel/rencana.yaml` → `Table`, keeping every value's position.
package enum TableLoader {
    package static func load(_ kind: TableKind, text: String, path: String, sink: DiagnosticSink) -> Table? {
        let reader = YAMLReader(path: path, sink: sink)
        guard let root = reader.parse(text), let top = reader.mapping(root, what: "tabel") else { return nil }
        top.checkKeys(allowed: ["judul", "program"], required: ["judul", "program"])
        let title = top.string("judul")?.value ?? ""
        var programs: [Item] = []
        var seenAnchors: [String: Int] = [:]
        for node in top.list("program") ?? [] {
            if let p = item(node, level: .program, kind: kind, reader: reader, anchors: &seenAnchors) { programs.append(p) }
        }
        return Table(kind: kind, title: title, programs: programs, file: path)
    }

    private static func item(_ node: Node, level: Level, kind: TableKind, reader: YAMLReader,
                             anchors: inout [String: Int]) -> Item? {
        guard let m = reader.mapping(node, what: level.word) else { return nil }
        let keyField = kind == .evaluasi ? "no" : "kode"
        var allowed = [keyField, "nama", "indikator", "pagu"]
        // Tabel 1 rows may carry the nomenclature code beside (or instead of) their number, as
        // e-Monev exports of the standard evaluation table do.
        if kind == .evaluasi { allowed.append("kode") }
        if kind == .evaluasi { allowed += ["realisasi", "persen_realisasi"] }
        if let children = level.childrenKey { allowed.append(children) }
        // A program or kegiatan may leave its amounts out (some planning apps only store them per
        // sub kegiatan): its sums are then not checked and the table's total comes from the level
        // below. A sub kegiatan must state them.
        var required = kind == .evaluasi && m.value("kode") != nil ? ["nama"] : [keyField, "nama"]
        if level == .subKegiatan { required += kind == .evaluasi ? ["pagu", "realisasi"] : ["pagu"] }
        m.checkKeys(allowed: allowed, required: required)

        let key = m.string(keyField)
        let evaluationCode = kind == .evaluasi ? m.string("kode") : nil
        let name = m.string("nama") ?? Located("", at: m.location)
        let indicators = (m.list("indikator") ?? []).compactMap { indicator($0, kind: kind, reader: reader) }
        let pagu = amount(m, "pagu")
        let realisasi = kind == .evaluasi ? amount(m, "realisasi") : nil
        let absorption = kind == .evaluasi ? percent(m, "persen_realisasi") : nil
        var children: [Item] = []
        if let childKey = level.childrenKey, let childLevel = level.child {
            for c in m.list(childKey) ?? [] {
                if let i = item(c, level: childLevel, kind: kind, reader: reader, anchors: &anchors) { children.append(i) }
            }
        }
        // Anchors must be unique even when the document repeats a number or code (the validator
        // reports the duplicate; the site must still link to the right row).
        let anchor = TableLoader.uniqueAnchor((kind == .evaluasi ? "t1-" : "t2-") + Text.slug(key?.value ?? evaluationCode?.value ?? name.value),
                                              in: &anchors)
        return Item(level: level,
                    number: kind == .evaluasi ? key : nil,
                    code: kind == .rencana ? key : evaluationCode,
                    name: name, indicators: indicators, pagu: pagu, realisasi: realisasi,
                    statedAbsorption: absorption, children: children, location: m.location, anchor: anchor)
    }

    private static func indicator(_ node: Node, kind: TableKind, reader: YAMLReader) -> Indicator? {
        guard let m = reader.mapping(node, what: "indikator") else { return nil }
        let allowed = kind == .evaluasi ? ["nama", "target", "capaian", "persen", "arah"] : ["nama", "target", "arah"]
        m.checkKeys(allowed: allowed, required: ["nama", "target"])
        let direction = TableLoader.direction(m)
        return Indicator(name: m.string("nama") ?? Located("", at: m.location),
                         target: quantity(m, "target"),
                         actual: kind == .evaluasi ? quantity(m, "capaian") : nil,
                         stated: kind == .evaluasi ? percent(m, "persen") : nil,
                         declaredDirection: direction, location: m.location)
    }

    /// Amounts whose text cannot be a number at all stop loading; a number with wrong grouping is
    /// kept (with its raw text) for the validator to report.
    static func amount(_ m: MappingReader, _ key: String) -> Located<AmountText>? {
        guard let s = m.string(key, allowEmpty: true) else { return nil }
        let a = AmountText(raw: s.value)
        switch a.problem {
        case .empty?, .notANumber?:
            m.invalidFigure(s, key, mustBe: "jumlah rupiah", expected: "angka dengan titik pemisah ribuan, mis. 1.244.173.000")
        case .tooLarge?:
            m.sink.error("angka-terlalu-besar", "`\(key)` pada \(m.what) melampaui batas jumlah rupiah", at: s.location,
                         figures: [.init("diharapkan", "paling banyak 18 digit"), .init("ditemukan", s.value)])
        case .negative?:
            m.sink.error("angka-negatif", "`\(key)` pada \(m.what) negatif; jumlah rupiah tidak boleh negatif", at: s.location,
                         figures: [.init("diharapkan", "0 atau lebih"), .init("ditemukan", s.value)])
        case .badGrouping?, nil:
            break
        }
        return Located(a, at: s.location)
    }

    static func percent(_ m: MappingReader, _ key: String) -> Located<PercentText>? {
        guard let s = m.string(key, allowEmpty: true) else { return nil }
        let p = PercentText(raw: s.value)
        if p.problem != nil { m.invalidFigure(s, key, mustBe: "persentase", expected: "angka persen, mis. 42.23 atau 42,23%") }
        return Located(p, at: s.location)
    }

    static func quantity(_ m: MappingReader, _ key: String) -> Located<QuantityText>? {
        guard let s = m.string(key, allowEmpty: true) else { return nil }
        let q = QuantityText(raw: s.value)
        if q.problem != nil { m.invalidFigure(s, key, mustBe: "angka dan satuan", expected: "angka lalu satuan, mis. 2 dokumen atau 42.23 persen") }
        return Located(q, at: s.location)
    }
}

extension TableLoader {
    /// A row's anchor from its prefix and slug, made unique within the table: a number or code the
    /// document repeats gets `-2`, `-3`… (the validator reports the duplicate; the site must still
    /// link to the right row). Every table kind names its rows this way.
    static func uniqueAnchor(_ base: String, in anchors: inout [String: Int]) -> String {
        var anchor = base
        if anchor.hasSuffix("-") || anchor.count <= 3 { anchor += "baris" }
        let n = anchors[anchor, default: 0]
        anchors[anchor] = n + 1
        if n > 0 { anchor += "-\(n + 1)" }
        return anchor
    }

    /// An indicator's declared `arah` (naik or turun), or a diagnostic at its place; every table
    /// kind reads it this way.
    static func direction(_ m: MappingReader) -> Located<Direction>? {
        guard let a = m.string("arah") else { return nil }
        if let d = Direction(rawValue: a.value.lowercased()) { return Located(d, at: a.location) }
        m.sink.error("nilai-tak-dikenal", "`arah` harus `naik` atau `turun`", at: a.location,
                     figures: [.init("diharapkan", "naik (makin tinggi makin baik) atau turun (makin rendah makin baik)"),
                               .init("ditemukan", a.value)])
        return nil
    }
}
