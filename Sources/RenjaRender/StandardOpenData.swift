import Foundation
import RenjaModel
import RenjaMarkdown
import RenjaLoad
import RenjaFacts

/// Open-data files of the standard evaluation table (Permendagri 86/2017): a CSV with every column
/// of the regulation's layout under its number (`6 Target Renstra (K)`, `6 Target Renstra (Rp)` …),
/// numbered as the document's variant numbers them (with the Kode column 1–16, without it 1–15),
/// the Permendagri 90 code on every line; a JSON of the same figures; and the CSVW metadata beside
/// the CSV, whose column list is made from the same header.
///
/// One line per indicator, as the other tables' CSV: a row's Rp figures are on its first line only,
/// so a column sum counts them once. Columns 13–15 the document does not state carry the facts'
/// value and say so in `catatan`; figures that cannot be read are left empty, their text in `catatan`.
enum StandardOpenData {
    static let baseName = "tabel-evaluasi-standar"
    static func csvPath(_ d: Document) -> String { Paths.data(d) + baseName + ".csv" }
    static func jsonPath(_ d: Document) -> String { Paths.data(d) + baseName + ".json" }
    static func csvMetadataPath(_ d: Document) -> String { csvPath(d) + "-metadata.json" }

    /// The figure columns in the regulation's order, with the short title a header carries.
    static let figureColumns: [(column: StandardColumn, quarter: Int?, title: String)] =
        [(.targetRenstra, nil, "Target Renstra"), (.realisasiRenstraLalu, nil, "Realisasi Renstra s/d tahun lalu"),
         (.targetRenja, nil, "Target Renja")]
        + (0..<4).map { (.triwulan, $0, "Realisasi Triwulan \(StandardEvaluationTable.roman($0 + 1))") }
        + [(.realisasiRenja, nil, "Realisasi Renja"), (.realisasiRenstra, nil, "Realisasi Renstra s/d tahun berjalan"),
           (.tingkatCapaian, nil, "Tingkat capaian Renstra")]

    static func number(_ c: StandardColumn, _ quarter: Int?, _ v: StandardVariant) -> Int { c.number(in: v) + (quarter ?? 0) }

    /// One column of the CSV: its header text, its CSVW name and datatype.
    struct Column {
        var title: String
        var name: String
        var datatype: String
    }

    static func columns(_ v: StandardVariant) -> [Column] {
        // The numbers of the columns before the figures: 1 No, 2 Sasaran, (3 Kode), 4/3 Program…, 5/4 Indikator.
        let shift = v == .denganKode ? 0 : 1
        var out = [Column(title: "tingkat", name: "tingkat", datatype: "string"),
                   Column(title: "kode_permendagri_90", name: "kode_permendagri_90", datatype: "string"),
                   Column(title: "1 No", name: "k1_no", datatype: "string"),
                   Column(title: "2 Sasaran", name: "k2_sasaran", datatype: "string")]
        if v == .denganKode { out.append(Column(title: "3 Kode", name: "k3_kode", datatype: "string")) }
        out += [Column(title: "\(4 - shift) Program/Kegiatan/Sub Kegiatan", name: "k\(4 - shift)_uraian", datatype: "string"),
                Column(title: "\(5 - shift) Indikator Kinerja", name: "k\(5 - shift)_indikator", datatype: "string"),
                Column(title: "satuan", name: "satuan", datatype: "string")]
        for (c, q, title) in figureColumns {
            let n = number(c, q, v)
            let key = q.map { "triwulan_\($0 + 1)" } ?? c.rawValue
            out.append(Column(title: "\(n) \(title) (K)", name: "k\(n)_\(key)_k", datatype: "decimal"))
            out.append(Column(title: "\(n) \(title) (Rp)", name: "k\(n)_\(key)_rp", datatype: "decimal"))
        }
        let unitNumber = StandardColumn.tingkatCapaian.number(in: v) + 1
        out += [Column(title: "\(unitNumber) Unit OPD Penanggung Jawab", name: "k\(unitNumber)_unit", datatype: "string"),
                Column(title: "catatan", name: "catatan", datatype: "string")]
        return out
    }

    // MARK: Cells

    /// A figure of one cell for the files: the stated text, its value, and whether Renja computed it.
    struct Figure {
        var raw: String?
        var value: Double?
        var computed: Bool
    }

    static func amountCell(_ c: Located<StandardAmount>?) -> Figure? {
        c.map { Figure(raw: $0.value.raw, value: $0.value.sen.map { Double($0) / 100 }, computed: false) }
    }

    static func numberCell(_ c: Located<StandardNumber>?) -> Figure? {
        c.map { Figure(raw: $0.value.raw, value: $0.value.value, computed: false) }
    }

    static func rpFigures(_ r: StandardRow, _ f: StandardRowFacts?) -> [Figure?] {
        let a = r.anggaran
        var out: [Figure?] = [amountCell(a.targetRenstra), amountCell(a.realisasiRenstraLalu), amountCell(a.targetRenja)]
        for q in 0..<4 { out.append(q < a.quarters.count ? amountCell(a.quarters[q]) : nil) }
        let year: Figure? = f?.anggaran.quarterSum.map { Figure(raw: nil, value: Double($0.value) / 100, computed: true) }
        let cumulative: Figure? = f?.anggaran.cumulative.map { Figure(raw: nil, value: Double($0.value) / 100, computed: true) }
        let achievement: Figure? = f?.anggaran.achievement.map { Figure(raw: nil, value: $0.value, computed: true) }
        out.append(amountCell(a.realisasiRenja) ?? year)
        out.append(amountCell(a.realisasiRenstra) ?? cumulative)
        out.append(numberCell(a.tingkatCapaian) ?? achievement)
        return out
    }

    static func kFigures(_ ind: StandardIndicator, _ f: StandardSeriesFacts<Double>?) -> [Figure?] {
        let s = ind.kinerja
        var out: [Figure?] = [numberCell(s.targetRenstra), numberCell(s.realisasiRenstraLalu), numberCell(s.targetRenja)]
        for q in 0..<4 { out.append(q < s.quarters.count ? numberCell(s.quarters[q]) : nil) }
        let year: Figure? = f?.quarterSum.map { Figure(raw: nil, value: $0.value, computed: true) }
        let cumulative: Figure? = f?.cumulative.map { Figure(raw: nil, value: $0.value, computed: true) }
        let achievement: Figure? = f?.achievement.map { Figure(raw: nil, value: $0.value, computed: true) }
        out.append(numberCell(s.realisasiRenja) ?? year)
        out.append(numberCell(s.realisasiRenstra) ?? cumulative)
        out.append(numberCell(s.tingkatCapaian) ?? achievement)
        return out
    }

    /// A CSV cell (decimal comma, no grouping; a percentage with up to four decimals), with notes.
    static func csvCell(_ fig: Figure?, _ header: String, _ notes: inout [String]) -> String {
        guard let fig else { return "" }
        guard let v = fig.value else {
            notes.append("\(header) tertulis \"\(fig.raw ?? "")\" (tidak terbaca)")
            return ""
        }
        if fig.computed { notes.append("\(header) dihitung Renja, tidak tertulis dalam dokumen") }
        return OpenData.plainDecimal(v)
    }

    // MARK: CSV

    static func csv(_ t: StandardEvaluationTable, facts: StandardEvaluationFacts?) -> Data {
        let cols = columns(t.variant)
        let figureHeaders = Array(cols.dropFirst(cols.count - 2 - 20).prefix(20)).map(\.title)
        var lines = [cols.map(\.title)]
        for r in t.allRows {
            let f = facts?.rows[r.anchor]
            let rp = rpFigures(r, f)
            for (i, ind) in OpenData.indicatorLines(r.indicators).enumerated() {
                var notes: [String] = []
                var cells = [r.level.word, r.code?.value ?? "", r.number?.value ?? "", r.sasaran?.value ?? ""]
                if t.variant == .denganKode { cells.append(r.code?.value ?? "") }
                cells += [r.name.value, ind?.name.value ?? "", ind?.unit?.value ?? ""]
                let k = ind.map { kFigures($0, (f?.kinerja.count ?? 0) > i ? f?.kinerja[i] : nil) } ?? Array(repeating: nil, count: 10)
                for j in 0..<10 {
                    cells.append(csvCell(k[j], figureHeaders[2 * j], &notes))
                    cells.append(i == 0 ? csvCell(rp[j], figureHeaders[2 * j + 1], &notes) : "")
                }
                cells += [r.unit?.value ?? "", notes.joined(separator: "; ")]
                lines.append(cells)
            }
        }
        return OpenData.csvFile(lines)
    }

    // MARK: JSON

    struct JSONColumn: Encodable {
        var nomor: Int
        var judul: String
        var kunci: String
    }

    struct JSONCell: Encodable {
        var kolom: Int
        var kunci: String
        var tertulis: String?
        var nilai: Double?
        /// True when the document does not state the figure and Renja computed it from its formula.
        var dihitung: Bool?
    }

    struct JSONIndicator: Encodable {
        var nama: String
        var satuan: String?
        var arah: String?
        var kinerja: [JSONCell]
    }

    struct JSONRow: Encodable {
        var tingkat: String
        var kode_permendagri_90: String?
        var nomor: String?
        var nama: String
        var sasaran: String?
        var unit_penanggung_jawab: String?
        var indikator: [JSONIndicator]
        var anggaran: [JSONCell]
        var jangkar: String
        var kegiatan: [JSONRow]?
        var sub_kegiatan: [JSONRow]?
    }

    struct JSONTable: Encodable {
        var jenis = "evaluasi-standar"
        var judul: String
        var varian: String
        var kolom: [JSONColumn]
        var program: [JSONRow]
        var dokumen: OpenData.JSONVersion
    }

    static func jsonCells(_ figs: [Figure?], _ v: StandardVariant) -> [JSONCell] {
        zip(figureColumns, figs).compactMap { col, fig in
            guard let fig else { return nil }
            return JSONCell(kolom: number(col.column, col.quarter, v), kunci: col.quarter.map { "triwulan_\($0 + 1)" } ?? col.column.rawValue,
                            tertulis: fig.raw, nilai: fig.value, dihitung: fig.computed ? true : nil)
        }
    }

    static func json(_ t: StandardEvaluationTable, facts: StandardEvaluationFacts?, document: Document) throws -> Data {
        func row(_ r: StandardRow) -> JSONRow {
            let f = facts?.rows[r.anchor]
            let kids = r.children.map(row)
            return JSONRow(tingkat: r.level.word, kode_permendagri_90: r.code?.value, nomor: r.number?.value, nama: r.name.value,
                           sasaran: r.sasaran?.value, unit_penanggung_jawab: r.unit?.value,
                           indikator: r.indicators.enumerated().map { i, ind in
                               JSONIndicator(nama: ind.name.value, satuan: ind.unit?.value, arah: ind.declaredDirection?.value.rawValue,
                                             kinerja: jsonCells(kFigures(ind, (f?.kinerja.count ?? 0) > i ? f?.kinerja[i] : nil), t.variant))
                           },
                           anggaran: jsonCells(rpFigures(r, f), t.variant), jangkar: r.anchor,
                           kegiatan: r.level == .program ? kids : nil, sub_kegiatan: r.level == .kegiatan ? kids : nil)
        }
        let kolom = figureColumns.map {
            JSONColumn(nomor: number($0.column, $0.quarter, t.variant), judul: $0.title, kunci: $0.quarter.map { "triwulan_\($0 + 1)" } ?? $0.column.rawValue)
        }
        let table = JSONTable(judul: t.title, varian: t.variant.rawValue, kolom: kolom, program: t.programs.map(row), dokumen: OpenData.JSONVersion(document))
        return try OpenData.jsonFile(table)
    }

    // MARK: CSVW

    struct CSVWColumn: Encodable {
        var name: String
        var titles: String
        var datatype: String
    }

    struct CSVWSchema: Encodable {
        var columns: [CSVWColumn]
    }

    static func csvMetadata(_ t: StandardEvaluationTable, document d: Document) throws -> Data {
        var meta = OpenData.CSVMetadata(url: baseName + ".csv", title: "\(t.title) — \(d.title)", document: d)
        meta.tableSchema = CSVWSchema(columns: columns(t.variant).map { CSVWColumn(name: $0.name, titles: $0.title, datatype: $0.datatype) })
        return try OpenData.jsonFile(meta)
    }
}

extension DocumentRenderer {
    func standardCSV(_ t: StandardEvaluationTable) -> Data {
        openData.memo(\.standardCSV, "csv") { StandardOpenData.csv(t, facts: facts.standard) }
    }

    func standardJSON(_ t: StandardEvaluationTable) throws -> Data {
        try openData.memo(\.standard, "json") { Result { try StandardOpenData.json(t, facts: facts.standard, document: document) } }.get()
    }

    func standardCSVMetadata(_ t: StandardEvaluationTable) throws -> Data {
        try openData.memo(\.standard, "csvw") { Result { try StandardOpenData.csvMetadata(t, document: document) } }.get()
    }

    /// The standard table's CSV and JSON (and, on the data page, the CSVW metadata).
    func standardDownloads(root: String, metadata: Bool = false) -> [DownloadView] {
        guard let t = document.standardEvaluation else { return [] }
        let numbers = t.variant == .denganKode ? "1–16" : "1–15"
        var out = [
            download(say(.unduhEvaluasiStandarCSV), StandardOpenData.csvPath(document), standardCSV(t), root: root,
                     description: say(.unduhEvaluasiStandarCSVUraian, ["kolom": numbers])),
            download(say(.unduhEvaluasiStandarJSON), StandardOpenData.jsonPath(document), try? standardJSON(t), root: root,
                     description: say(.unduhEvaluasiStandarJSONUraian)),
        ]
        if metadata {
            out.append(download(say(.unduhEvaluasiStandarMetadata), StandardOpenData.csvMetadataPath(document), try? standardCSVMetadata(t), root: root,
                                description: say(.unduhEvaluasiStandarMetadataUraian)))
        }
        return out
    }

    func standardDataFiles() throws -> [OutputFile] {
        guard let t = document.standardEvaluation else { return [] }
        return [OutputFile(path: StandardOpenData.csvPath(document), data: standardCSV(t)),
                OutputFile(path: StandardOpenData.csvMetadataPath(document), data: try standardCSVMetadata(t)),
                OutputFile(path: StandardOpenData.jsonPath(document), data: try standardJSON(t))]
    }
}
