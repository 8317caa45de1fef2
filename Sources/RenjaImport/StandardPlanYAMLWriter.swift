import RenjaModel

/// Drafts of the standard rencana table → `tabel/rencana-standar.yaml` as the loader reads it
/// (every value double-quoted), remembering for each written value the input cell it came from,
/// so the loader's errors can be put back there. Deterministic: the same drafts always give the
/// same bytes.
struct StandardPlanYAMLWriter {
    typealias Parser = StandardPlanTextParser

    private(set) var yaml: PlacedYAML

    init(directions: CarriedDirections) { yaml = PlacedYAML(directions: directions) }

    private mutating func row(_ r: Parser.RowDraft, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        let inner = pad + "  "
        let label = r.label
        // The row's mapping starts at its kode: the loader's errors about the row land on that cell.
        yaml.value("\(pad)- kode: ", r.code.text, from: r.code.location, row: label)
        yaml.value("\(inner)nama: ", r.name.text, from: r.name.location, row: label)
        if !r.indicators.isEmpty {
            yaml.raw("\(inner)indikator:")
            for i in r.indicators {
                yaml.value("\(inner)  - nama: ", i.name.text, from: i.name.location, row: label)
                yaml.value("\(inner)    target: ", i.target, row: label)
                yaml.value("\(inner)    target_maju: ", i.targetMaju, row: label)
                yaml.carriedDirection(pad: inner + "    ", level: r.level.rawValue, row: r.code.text, indicator: i.name.text)
            }
        }
        yaml.value("\(inner)lokasi: ", r.lokasi, row: label)
        yaml.value("\(inner)pagu: ", r.pagu, row: label)
        yaml.value("\(inner)sumber_dana: ", r.sumberDana, row: label)
        yaml.value("\(inner)kelompok_sasaran: ", r.kelompokSasaran, row: label)
        yaml.value("\(inner)catatan: ", r.catatan, row: label)
        yaml.value("\(inner)pagu_maju: ", r.paguMaju, row: label)
        if let child = r.level.child, !r.children.isEmpty {
            yaml.raw("\(inner)\(child.key):")
            for c in r.children { row(c, indent: indent + 4) }
        }
    }

    mutating func emit(_ result: Parser.Result, title: String, year: Int?, header: [String]) {
        yaml.start(header: header, title: title)
        if let year { yaml.raw("tahun: \(year)") }
        yaml.raw("\((result.rows.first?.level ?? .program).key):")
        for (i, r) in result.rows.enumerated() {
            if i > 0 { yaml.raw("") }
            row(r, indent: 2)
        }
    }

    static func defaultHeader(title: String) -> [String] {
        TableYAMLWriter.defaultHeader("Tabel rencana standar (Permendagri 86/2017)", title: title, checked: true, columns: [
            "# Kolom: 1 kode | 2 nama | 3 indikator | 4 lokasi | 5 target | 6 pagu | 7 sumber_dana | 8 catatan |",
            "# 9 target_maju | 10 pagu_maju | kelompok_sasaran (tidak bernomor).",
        ])
    }
}
