import Foundation
import RenjaModel
import RenjaLoad

/// `renja import` of the standard rencana table: text → drafts (`StandardPlanTextParser`) → YAML
/// (`StandardPlanYAMLWriter`) → the real loader (`StandardPlanLoader`), through the flow of
/// `LayoutImport`. What is here is only this table's own.
enum StandardPlanImport: RowDraftImport {
    static let standardTitle = "Rumusan Rencana Program dan Kegiatan Perangkat Daerah dan Prakiraan Maju"
    static func standardTitle(_ layout: ImportLayout) -> String { standardTitle }
    static func tableWords(_ layout: ImportLayout) -> String { "tabel rencana standar" }

    static func parse(_ text: String, layout: ImportLayout, delimiter: Character, path: String, sink: DiagnosticSink) -> StandardPlanTextParser.Result? {
        StandardPlanTextParser(layout: layout, path: path, sink: sink).parse(text, delimiter: delimiter)
    }

    static func load(_ text: String, layout: ImportLayout, path: String, sink: DiagnosticSink) -> StandardPlanTable? {
        StandardPlanLoader.load(text: text, path: path, sink: sink)
    }

    static func title(of table: StandardPlanTable) -> String { table.title }

    static func directions(in table: StandardPlanTable) -> CarriedDirections {
        CarriedDirections(table.allRows.map { r in
            (level: r.level.rawValue, key: r.code?.value ?? "",
             indicators: r.indicators.map { (name: $0.name.value, direction: $0.indicator.declaredDirection?.value) })
        })
    }

    static func defaultHeader(title: String, layout: ImportLayout) -> [String] {
        StandardPlanYAMLWriter.defaultHeader(title: title)
    }

    /// `tahun` is the text's, else the replaced file's.
    static func emit(_ drafts: StandardPlanTextParser.Result, title: String, layout: ImportLayout, header: [String],
                     existing: StandardPlanTable?, directions: CarriedDirections) -> PlacedYAML {
        var writer = StandardPlanYAMLWriter(directions: directions)
        writer.emit(drafts, title: title, year: drafts.year ?? existing?.year?.value, header: header)
        return writer.yaml
    }

    static func rows(of table: StandardPlanTable) -> [StandardPlanRow] { table.allRows }
    static func roots(of drafts: StandardPlanTextParser.Result) -> [StandardPlanTextParser.RowDraft] { drafts.rows }

    /// Same level, kode, name, cells and indicators as written; nil when equal.
    static func differs(_ a: StandardPlanRow, _ b: StandardPlanTextParser.RowDraft) -> String? {
        let cells = [a.lokasi?.value, a.pagu?.value.raw, a.sumberDana?.value, a.kelompokSasaran?.value, a.catatan?.value, a.paguMaju?.value.raw]
        let drafted = [b.lokasi, b.pagu, b.sumberDana, b.kelompokSasaran, b.catatan, b.paguMaju].map { $0?.text }
        guard a.level == b.level, a.code?.value == b.code.text, a.name.value == b.name.text, cells == drafted,
              a.indicators.count == b.indicators.count else { return b.label }
        for (x, y) in zip(a.indicators, b.indicators)
        where x.name.value != y.name.text || x.target?.value.raw != y.target?.text || x.targetMaju?.value.raw != y.targetMaju?.text {
            return "indikator \(b.label)"
        }
        return nil
    }

    /// A cell left empty leaves its key out: any loader error at a written value is the input's.
    static func isCellError(_ d: Diagnostic) -> Bool { true }

    // MARK: Report

    static func summaryTitle(_ p: StandardPlanImportPlan) -> String { "tabel rencana standar" }

    static func contentLines(_ p: StandardPlanImportPlan) -> [String] {
        let rows = p.table.allRows
        let counts = StandardPlanLevel.allCases.map { l in (l, rows.filter { $0.level == l }.count) }.filter { $0.1 > 0 }
        var lines = ["  " + counts.map { "\($0.1) \($0.0.word)" }.joined(separator: ", ")
                     + ", \(rows.reduce(0) { $0 + $1.indicators.count }) indikator"]
        for amount in StandardPlanAmount.allCases {
            let values = p.table.rows(.program).compactMap { $0.amount(amount)?.value.value?.value }
            if !values.isEmpty {
                lines.append("  jumlah \(amount.word) (kolom \(amount.column.number)) program: \(Rupiah(values.reduce(0, +)).formatted)")
            }
        }
        return lines
    }

    static let leftOutWords = "baris jumlah dilewati (renja menjumlahkan sendiri)"
    static let trailingWords = "baris di bawah baris jumlah (tanda tangan) dilewati"

    static func settingLines(_ p: StandardPlanImportPlan) -> [String] {
        if let y = p.table.year?.value { return ["Tahun rencana (`tahun`): \(y), prakiraan maju \(y + 1)"] }
        return ["Tahun rencana tidak tertulis di judul atau baris kepala: `tahun` tidak ditulis, tahun dokumen yang dipakai"]
    }

    /// Rows paired by level and kode, in order; a row changes when its name, indicators, text
    /// cells or any amount (by value) differs.
    static func changes(old: StandardPlanTable, new: StandardPlanTable, file: PlannedFile, detailed: Bool) -> [String] {
        func content(_ r: StandardPlanRow, asWritten: Bool) -> [String] {
            let amount: (Located<AmountText>?) -> String = { a in
                guard let a else { return "" }
                return asWritten ? a.value.raw : a.value.value.map { "\($0.value)" } ?? a.value.raw
            }
            return [r.name.value, r.lokasi?.value ?? "", r.sumberDana?.value ?? "", r.kelompokSasaran?.value ?? "", r.catatan?.value ?? "",
                    amount(r.pagu), amount(r.paguMaju)]
                + r.indicators.flatMap { [$0.name.value, $0.target?.value.raw ?? "", $0.targetMaju?.value.raw ?? ""] }
        }
        var other: [String] = []
        if old.title != new.title { other.append("judul diubah") }
        if old.year?.value != new.year?.value { other.append("tahun diubah") }
        return ImportRowChanges.lines(
            old: old.allRows, new: new.allRows,
            key: { "\($0.level.rawValue)|\($0.code?.value ?? $0.name.value)" },
            label: { "\($0.level.word) \($0.code?.value ?? "") \(Item.shorten($0.name.value))" },
            content: content, otherChanges: other, targetDisplay: file.targetDisplay, detailed: detailed)
    }
}
