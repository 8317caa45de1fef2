import Foundation
import RenjaModel
import RenjaMarkdown
import RenjaLoad
import RenjaFacts

/// The standard rencana table (Permendagri 86/2017) as open data, under the same CSV rules as
/// Tabel 1/2 (`OpenData`): one line per indicator, `;` and decimal commas, UTF-8 with BOM, plain
/// numbers. Every column name carries its number in the regulation's layout (`k1_kode` … `k10_pagu_maju`;
/// kelompok sasaran has none) and every line carries the row's Permendagri 90 code, so a line read
/// alone still says which row it belongs to. Money belongs to the row: written on its first line only.
extension OpenData {
    static let standardPlanBaseName = "tabel-rencana-standar"

    static func standardPlanCSVPath(_ d: Document) -> String { Paths.data(d) + standardPlanBaseName + ".csv" }
    static func standardPlanJSONPath(_ d: Document) -> String { Paths.data(d) + standardPlanBaseName + ".json" }
    static func standardPlanCSVMetadataPath(_ d: Document) -> String { standardPlanCSVPath(d) + "-metadata.json" }

    /// The CSV's description under CSV on the Web, as for Tabel 1/2 (`csvMetadata`).
    static func standardPlanCSVMetadata(_ t: StandardPlanTable, document d: Document) throws -> Data {
        try jsonFile(CSVMetadata(url: standardPlanBaseName + ".csv", title: "Tabel rencana standar. \(t.title) — \(d.title)", document: d))
    }

    static let standardPlanHeader = ["tingkat", "k1_kode", "k2_nama", "k3_indikator", "k4_lokasi", "k5_target", "k5_satuan",
                                     "k6_pagu", "k7_sumber_dana", "kelompok_sasaran", "k8_catatan_penting", "k9_target_maju",
                                     "k9_satuan_maju", "k10_pagu_maju", "catatan_data"]

    static func csv(_ table: StandardPlanTable) -> Data {
        var lines = [standardPlanHeader]
        for row in table.allRows {
            for (i, ind) in indicatorLines(row.indicators).enumerated() {
                var notes: [String] = []
                var cells = [row.level.word, row.code?.value ?? "", row.name.value, ind?.name.value ?? "", i == 0 ? row.lokasi?.value ?? "" : ""]
                cells += quantity(ind?.target, "target", &notes)
                cells.append(i == 0 ? amount(row.pagu, "pagu", &notes) : "")
                cells += i == 0 ? [row.sumberDana?.value ?? "", row.kelompokSasaran?.value ?? "", row.catatan?.value ?? ""] : ["", "", ""]
                cells += quantity(ind?.targetMaju, "target prakiraan maju", &notes)
                cells.append(i == 0 ? amount(row.paguMaju, "pagu prakiraan maju", &notes) : "")
                cells.append(notes.joined(separator: "; "))
                lines.append(cells)
            }
        }
        return csvFile(lines)
    }

    struct JSONStandardPlanColumn: Encodable {
        var nomor: Int?
        var kunci: String
        var judul: String
    }

    struct JSONStandardPlanIndicator: Encodable {
        var nama: String
        var k5_target: JSONFigure<Double>?
        var k9_target_maju: JSONFigure<Double>?
    }

    struct JSONStandardPlanRow: Encodable {
        var tingkat: String
        var k1_kode: String?
        var k2_nama: String
        /// The code of the row above (urusan, bidang, program or kegiatan).
        var induk: String?
        var k3_indikator: [JSONStandardPlanIndicator]
        var k4_lokasi: String?
        var k6_pagu: JSONFigure<Int64>?
        var k7_sumber_dana: String?
        var kelompok_sasaran: String?
        var k8_catatan_penting: String?
        var k10_pagu_maju: JSONFigure<Int64>?
        var jangkar: String
    }

    struct JSONStandardPlan: Encodable {
        var judul: String
        var tahun: Int
        var tahun_prakiraan_maju: Int
        var kolom: [JSONStandardPlanColumn]
        var baris: [JSONStandardPlanRow]
        /// Σ pagu of the programs (else of the sub kegiatan); absent when a part cannot be read.
        var jumlah_k6_pagu: Int64?
        var jumlah_k10_pagu_maju: Int64?
        var dokumen: JSONVersion?
    }

    static func json(_ table: StandardPlanTable, facts: StandardPlanFacts?, document: Document) throws -> Data {
        let year = table.year?.value ?? document.year.value
        let columns = StandardPlanColumn.allCases.map { c -> JSONStandardPlanColumn in
            let key: String
            switch c {
            case .kode: key = "k1_kode"
            case .nama: key = "k2_nama"
            case .indikator: key = "k3_indikator"
            case .lokasi: key = "k4_lokasi"
            case .target: key = "k5_target"
            case .pagu: key = "k6_pagu"
            case .sumberDana: key = "k7_sumber_dana"
            case .catatan: key = "k8_catatan_penting"
            case .targetMaju: key = "k9_target_maju"
            case .paguMaju: key = "k10_pagu_maju"
            }
            return JSONStandardPlanColumn(nomor: c.number, kunci: key, judul: c.title)
        } + [JSONStandardPlanColumn(nomor: nil, kunci: "kelompok_sasaran", judul: "Kelompok sasaran (tanpa nomor dalam susunan Permendagri 86/2017)")]
        let rows = table.rowsWithParents.map { r, parent in
            JSONStandardPlanRow(tingkat: r.level.word, k1_kode: r.code?.value, k2_nama: r.name.value, induk: parent?.code?.value,
                                k3_indikator: r.indicators.map { JSONStandardPlanIndicator(nama: $0.name.value, k5_target: figure($0.target), k9_target_maju: figure($0.targetMaju)) },
                                k4_lokasi: r.lokasi?.value, k6_pagu: figure(r.pagu), k7_sumber_dana: r.sumberDana?.value,
                                kelompok_sasaran: r.kelompokSasaran?.value, k8_catatan_penting: r.catatan?.value,
                                k10_pagu_maju: figure(r.paguMaju), jangkar: r.anchor)
        }
        let t = JSONStandardPlan(judul: table.title, tahun: year, tahun_prakiraan_maju: year &+ 1, kolom: columns, baris: rows,
                                 jumlah_k6_pagu: facts?.total(.pagu)?.readable.value, jumlah_k10_pagu_maju: facts?.total(.paguMaju)?.readable.value,
                                 dokumen: JSONVersion(document))
        return try jsonFile(t)
    }
}

extension DocumentRenderer {
    /// The CSV and JSON of the standard rencana table, for the Data page and the writer.
    func standardPlanDownloads(root: String) -> [DownloadView] {
        guard let t = document.standardPlan else { return [] }
        return [
            download(say(.unduhRencanaStandarCSV), OpenData.standardPlanCSVPath(document), OpenData.csv(t), root: root,
                     description: say(.unduhRencanaStandarCSVUraian)),
            download(say(.unduhRencanaStandarJSON), OpenData.standardPlanJSONPath(document), try? OpenData.json(t, facts: facts.standardPlan, document: document),
                     root: root, description: say(.unduhRencanaStandarJSONUraian)),
            download(say(.unduhRencanaStandarMetadata), OpenData.standardPlanCSVMetadataPath(document), try? OpenData.standardPlanCSVMetadata(t, document: document),
                     root: root, description: say(.unduhRencanaStandarMetadataUraian)),
        ]
    }

    func standardPlanFiles() throws -> [OutputFile] {
        guard let t = document.standardPlan else { return [] }
        return [OutputFile(path: OpenData.standardPlanCSVPath(document), data: OpenData.csv(t)),
                OutputFile(path: OpenData.standardPlanJSONPath(document), data: try OpenData.json(t, facts: facts.standardPlan, document: document)),
                OutputFile(path: OpenData.standardPlanCSVMetadataPath(document), data: try OpenData.standardPlanCSVMetadata(t, document: document))]
    }
}
