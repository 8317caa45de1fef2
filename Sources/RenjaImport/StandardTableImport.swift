import Foundation
import RenjaModel
import RenjaLoad

/// `renja import` of the standard evaluation table: text → drafts (`StandardTextParser`) → YAML
/// (`StandardYAMLWriter`) → the real loader (`StandardTableLoader`), through the flow of
/// `LayoutImport`. What is here is only this table's own.
enum StandardTableImport: RowDraftImport {
    static let standardTitle = "Evaluasi Terhadap Hasil Renja Perangkat Daerah"
    static func standardTitle(_ layout: ImportLayout) -> String { standardTitle }
    static func tableWords(_ layout: ImportLayout) -> String { "tabel evaluasi standar" }

    private static func variant(_ layout: ImportLayout) -> StandardVariant {
        guard case .standardEvaluation(let variant) = layout.target else { preconditionFailure("not a standard evaluation layout") }
        return variant
    }

    static func parse(_ text: String, layout: ImportLayout, delimiter: Character, path: String, sink: DiagnosticSink) -> StandardTextParser.Result? {
        StandardTextParser(layout: layout, variant: variant(layout), path: path, sink: sink).parse(text, delimiter: delimiter)
    }

    static func load(_ text: String, layout: ImportLayout, path: String, sink: DiagnosticSink) -> StandardEvaluationTable? {
        StandardTableLoader.load(text: text, path: path, sink: sink)
    }

    static func title(of table: StandardEvaluationTable) -> String { table.title }

    static func directions(in table: StandardEvaluationTable) -> CarriedDirections {
        CarriedDirections(table.allRows.map { r in
            (level: r.level.rawValue, key: r.code?.value ?? r.number?.value ?? "",
             indicators: r.indicators.map { (name: $0.name.value, direction: $0.declaredDirection?.value) })
        })
    }

    static func defaultHeader(title: String, layout: ImportLayout) -> [String] {
        StandardYAMLWriter.defaultHeader(title: title, variant: variant(layout))
    }

    static func emit(_ drafts: StandardTextParser.Result, title: String, layout: ImportLayout, header: [String],
                     existing: StandardEvaluationTable?, directions: CarriedDirections) -> PlacedYAML {
        var writer = StandardYAMLWriter(directions: directions)
        writer.emit(drafts, title: title, variant: variant(layout), header: header)
        return writer.yaml
    }

    static func rows(of table: StandardEvaluationTable) -> [StandardRow] { table.allRows }
    static func roots(of drafts: StandardTextParser.Result) -> [StandardTextParser.RowDraft] { drafts.programs }

    /// Same level, kode, no, name and figures as written; nil when equal.
    static func differs(_ a: StandardRow, _ b: StandardTextParser.RowDraft) -> String? {
        guard a.level == b.level, a.name.value == b.name.text, a.code?.value == b.code?.text, a.number?.value == b.number?.text,
              a.indicators.count == b.indicators.count else { return "baris \(b.key)" }
        if cells(a.anggaran, \.raw) != drafted(b.rp) { return "anggaran baris \(b.key)" }
        for (x, y) in zip(a.indicators, b.indicators) where x.name.value != y.name.text || cells(x.kinerja, \.raw) != drafted(y.k) {
            return "indikator baris \(b.key)"
        }
        return nil
    }

    /// A loaded series as the ten cells of its pair columns.
    private static func cells<C>(_ s: StandardSeries<C>, _ raw: (C) -> String) -> [String?] {
        var out: [String?] = [s.targetRenstra, s.realisasiRenstraLalu, s.targetRenja].map { $0.map { raw($0.value) } }
        let q = s.quarters.map { raw($0.value) as String? }
        out += q + Array(repeating: nil, count: 4 - q.count)
        out += [s.realisasiRenja, s.realisasiRenstra].map { $0.map { raw($0.value) } }
        out.append(s.tingkatCapaian?.value.raw)
        return out
    }

    /// The drafted cells as the writer writes them: quarters up to the last filled one, a gap as "".
    private static func drafted(_ f: [StandardTextParser.Figure?]) -> [String?] {
        var out = f.map { $0?.text }
        let q = Array(out[StandardTextParser.quarterRange])
        let n = (q.lastIndex { $0 != nil } ?? -1) + 1
        for i in 0..<4 { out[StandardTextParser.quarterRange.lowerBound + i] = i < n ? (q[i] ?? "") : nil }
        return out
    }

    /// A cell left empty leaves its key out: any loader error at a written value is the input's.
    static func isCellError(_ d: Diagnostic) -> Bool { true }

    // MARK: Report

    static func summaryTitle(_ p: StandardImportPlan) -> String {
        "tabel evaluasi standar (\(p.table.variant == .denganKode ? "dengan kolom Kode" : "tanpa kolom Kode"))"
    }

    static func contentLines(_ p: StandardImportPlan) -> [String] {
        let rows = p.table.allRows
        let count = { (l: Level) in rows.filter { $0.level == l }.count }
        var lines = ["  \(count(.program)) program, \(count(.kegiatan)) kegiatan, \(count(.subKegiatan)) sub kegiatan, "
                     + "\(rows.reduce(0) { $0 + $1.indicators.count }) indikator"]
        let target = p.table.programs.compactMap { $0.anggaran.targetRenja?.value.sen }
        if !target.isEmpty {
            lines.append("  jumlah Rp target Renja (kolom \(StandardColumn.targetRenja.number(in: p.table.variant))) program: "
                         + StandardAmount.format(sen: target.reduce(0, +)))
        }
        return lines
    }

    static let leftOutWords = "baris urusan/bidang urusan dilewati"
    static let trailingWords = "baris di bawah catatan kaki (tanda tangan) dilewati"

    /// Rows paired by level and kode (else no, else name), in order; a row changes when its name,
    /// sasaran, unit, indicators or any figure as written differs.
    static func changes(old: StandardEvaluationTable, new: StandardEvaluationTable, file: PlannedFile, detailed: Bool) -> [String] {
        func series<C>(_ s: StandardSeries<C>, _ raw: (C) -> String) -> [String] {
            [s.targetRenstra, s.realisasiRenstraLalu, s.targetRenja].map { $0.map { raw($0.value) } ?? "" }
                + s.quarters.map { raw($0.value) } + [s.realisasiRenja, s.realisasiRenstra].map { $0.map { raw($0.value) } ?? "" }
                + [s.tingkatCapaian?.value.raw ?? ""]
        }
        // Figures by value (`4436400000` and `4.436.400.000` are the same), else as written.
        func content(_ r: StandardRow, asWritten: Bool) -> [String] {
            let amount: (StandardAmount) -> String = { a in asWritten ? a.raw : a.sen.map { "\($0)" } ?? a.raw }
            let number: (StandardNumber) -> String = { n in asWritten ? n.raw : n.value.map { "\($0)" } ?? n.raw }
            return [r.name.value, r.sasaran?.value ?? "", r.unit?.value ?? ""] + series(r.anggaran, amount)
                + r.indicators.flatMap { [$0.name.value, $0.unit?.value ?? ""] + series($0.kinerja, number) }
        }
        return ImportRowChanges.lines(
            old: old.allRows, new: new.allRows,
            key: { "\($0.level.rawValue)|\($0.code?.value ?? $0.number?.value ?? $0.name.value)" },
            label: { "\($0.level.word) \($0.code?.value ?? $0.number?.value ?? "") \(Item.shorten($0.name.value))" },
            content: content, otherChanges: old.title != new.title ? ["judul diubah"] : [],
            targetDisplay: file.targetDisplay, detailed: detailed)
    }
}
