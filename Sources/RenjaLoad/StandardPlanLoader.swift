import Foundation
import Yams
import RenjaModel

/// `tabel/rencana-standar.yaml` → `StandardPlanTable`, keeping every value's position. A document
/// declares the standard rencana table by having the file (`dokumen.yaml` does not change).
///
/// The rows start at `urusan` (→ `bidang` → `program`) or directly at `program`; below a program
/// `kegiatan` → `sub_kegiatan`, as in Tabel 2. Amounts and targets are read as Tabel 2 reads them
/// (`TableLoader.amount`, `TableLoader.quantity`).
package enum StandardPlanLoader {
    package static let fileName = "rencana-standar.yaml"

    static let rowKeys = ["kode", "nama", "indikator", "lokasi", "pagu", "sumber_dana", "kelompok_sasaran", "catatan", "pagu_maju"]

    package static func load(text: String, path: String, sink: DiagnosticSink) -> StandardPlanTable? {
        let reader = YAMLReader(path: path, sink: sink)
        guard let root = reader.parse(text), let top = reader.mapping(root, what: "tabel rencana standar") else { return nil }
        top.checkKeys(allowed: ["judul", "tahun", "urusan", "program"], required: ["judul"])
        let hasUrusan = top.value("urusan") != nil, hasProgram = top.value("program") != nil
        if hasUrusan, hasProgram, let programNode = top.value("program") {
            sink.error("kunci-tak-dikenal", "kunci `program` tidak boleh berdampingan dengan `urusan` pada tabel rencana standar",
                       at: reader.location(programNode),
                       figures: [.init("diharapkan", "salah satu: `urusan:` (urusan → bidang → program) atau `program:` (langsung program)"),
                                 .init("ditemukan", "keduanya")],
                       notes: ["pindahkan program ke bawah bidang urusannya, atau hapus `urusan:` bila tabel tidak memuat baris urusan"])
        } else if !hasUrusan, !hasProgram {
            sink.error("kunci-hilang", "tabel rencana standar tidak memiliki kunci wajib `urusan` atau `program`", at: top.location,
                       figures: [.init("diharapkan", "`urusan:` (urusan → bidang → program) atau `program:` (langsung program)"),
                                 .init("ditemukan", "tidak ada")])
        }
        let startLevel: StandardPlanLevel = hasUrusan ? .urusan : .program
        var anchors: [String: Int] = [:]
        var rows: [StandardPlanRow] = []
        for node in top.list(startLevel.key) ?? [] {
            if let r = row(node, level: startLevel, reader: reader, anchors: &anchors) { rows.append(r) }
        }
        var year = top.int("tahun")
        if let y = year, !(1900...2999).contains(y.value) {
            sink.error("nilai-tak-dikenal", "`tahun` tabel rencana standar bukan tahun rencana", at: y.location,
                       figures: [.init("diharapkan", "tahun empat digit, mis. 2024 (prakiraan maju: tahun berikutnya)"),
                                 .init("ditemukan", String(y.value))])
            year = nil
        }
        return StandardPlanTable(title: top.string("judul")?.value ?? "", year: year, rows: rows, file: path)
    }

    private static func row(_ node: Node, level: StandardPlanLevel, reader: YAMLReader, anchors: inout [String: Int]) -> StandardPlanRow? {
        guard let m = reader.mapping(node, what: level.word) else { return nil }
        var allowed = rowKeys
        if let c = level.child { allowed.append(c.key) }
        // Urusan and bidang rows may leave their money out (SIPD stores it per program and below);
        // a sub kegiatan must state its pagu, as in Tabel 2.
        m.checkKeys(allowed: allowed, required: level == .subKegiatan ? ["kode", "nama", "pagu"] : ["kode", "nama"])
        let code = m.string("kode")
        let name = m.string("nama") ?? Located("", at: m.location)
        let indicators = (m.list("indikator") ?? []).compactMap { indicator($0, reader: reader) }
        var children: [StandardPlanRow] = []
        if let childLevel = level.child {
            for c in m.list(childLevel.key) ?? [] {
                if let r = row(c, level: childLevel, reader: reader, anchors: &anchors) { children.append(r) }
            }
        }
        let anchor = TableLoader.uniqueAnchor("rs-" + Text.slug(code?.value ?? name.value), in: &anchors)
        return StandardPlanRow(level: level, code: code, name: name, indicators: indicators,
                               lokasi: m.string("lokasi", allowEmpty: true), pagu: TableLoader.amount(m, "pagu"),
                               sumberDana: m.string("sumber_dana", allowEmpty: true),
                               kelompokSasaran: m.string("kelompok_sasaran", allowEmpty: true),
                               catatan: m.string("catatan", allowEmpty: true), paguMaju: TableLoader.amount(m, "pagu_maju"),
                               children: children, location: m.location, anchor: anchor)
    }

    private static func indicator(_ node: Node, reader: YAMLReader) -> StandardPlanIndicator? {
        guard let m = reader.mapping(node, what: "indikator") else { return nil }
        m.checkKeys(allowed: ["nama", "target", "target_maju", "arah"], required: ["nama", "target"])
        let direction = TableLoader.direction(m)
        let ind = Indicator(name: m.string("nama") ?? Located("", at: m.location), target: TableLoader.quantity(m, "target"),
                            actual: nil, stated: nil, declaredDirection: direction, location: m.location)
        return StandardPlanIndicator(indicator: ind, targetMaju: TableLoader.quantity(m, "target_maju"))
    }
}
