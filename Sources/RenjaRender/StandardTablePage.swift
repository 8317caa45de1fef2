import Foundation
import RenjaModel

/// The page of the standard evaluation table (Permendagri 86/2017): every numbered column as a
/// K | Rp pair, the four quarters under one grouped header, the footer rows. Kept in its own file;
/// `DocumentRenderer` only lists the page and its link.
///
/// A row's Rp figures are on its own line, each indicator's K figures on a line under it (as the
/// wide Tabel 1 page does), so below 40rem every row becomes a card of labelled figures. Columns
/// 13–15 the document does not state are shown as Renja computed them (`StandardEvaluationFacts`),
/// marked with an asterisk and said so in words.
extension Paths {
    static func standardTable(_ d: Document) -> String { "\(d.slug)/tabel/evaluasi-standar/" }
}

struct StandardTableView {
    var caption: String
    var variantText: String
    /// "Kode" (with the Kode column) or "No" (without it).
    var keyHeader: String
    var columns: [StandardColumnView]
    var quarters: [StandardColumnView]
    var rows: [StandardRowView]
    /// Rata-rata capaian, predikat, faktor pendorong …: each line's label and text.
    var footer: [FigureView]
    var footerShown: Bool
    var sourceFile: String
    /// The table's CSV and JSON.
    var downloads: [DownloadView]
    /// Set when at least one figure on the page is computed, not stated.
    var computedNote: String?
}

/// A grouped header: its title with the regulation's column number(s).
struct StandardColumnView {
    var title: String
    var span: Int
    var rowspan: Int
}

struct StandardCellView {
    var text: String
    var label: String
    /// Set when Renja computed the figure (the document does not state it).
    var computed: String?
}

struct StandardIndicatorLineView {
    var name: String
    var unit: String
    var cells: [StandardCellView]
}

struct StandardRowView {
    var anchor: String
    var levelClass: String
    var levelWord: String
    var key: String
    var name: String
    var sasaran: String?
    var unitPJ: String
    var cells: [StandardCellView]
    var indicators: [StandardIndicatorLineView]
    var findingCount: Int?
    /// The row's first entry on the Validasi page, when the findings are shown.
    var findingsHref: String?
}

extension StandardRow {
    /// The row's Kode (in the variant with the Kode column) or its No, as written; "" when neither.
    var key: String { code?.value ?? number?.value ?? "" }
}

extension DocumentRenderer {
    func standardTableLink(root: String, dir: String) -> [LinkView] {
        guard let t = document.standardEvaluation else { return [] }
        return [LinkView.nav(say(.tautanTabelEvaluasiStandar, ["judul": t.title]), to: Paths.standardTable(document), root: root, dir: dir)]
    }

    func standardTablePage(_ t: StandardEvaluationTable) -> PagePlan {
        let dir = Paths.standardTable(document)
        let subs = t.allRows.filter { $0.level == .subKegiatan }.count
        var v = view(dir: dir, title: say(.evaluasiStandarJudul, ["tabel": t.title, "dokumen": document.shortTitle]),
                     description: say(.evaluasiStandarDeskripsi, ["tabel": t.title, "program": "\(t.programs.count)", "subKegiatan": "\(subs)"]),
                     crumbs: [LinkView(title: say(.evaluasiStandarJejak), href: nil)])
        v.indexed = true
        return plan(v, TablePage.kind, TablePageView(table: [], standardTable: [standardTableView(t, root: v.root)]))
    }

    func standardTableView(_ t: StandardEvaluationTable, root: String) -> StandardTableView {
        let n = { (c: StandardColumn) in c.number(in: t.variant) }
        let q = n(.triwulan)
        let column = { (c: StandardColumn) in ["kolom": "\(n(c))"] }
        let columns = [
            StandardColumnView(title: say(.evaluasiStandarKolomTargetRenstra, column(.targetRenstra)), span: 2, rowspan: 2),
            StandardColumnView(title: say(.evaluasiStandarKolomRealisasiRenstraLalu, column(.realisasiRenstraLalu)), span: 2, rowspan: 2),
            StandardColumnView(title: say(.evaluasiStandarKolomTargetRenja, column(.targetRenja)), span: 2, rowspan: 2),
            StandardColumnView(title: say(.evaluasiStandarKolomTriwulan, ["kolomAwal": "\(q)", "kolomAkhir": "\(q + 3)"]), span: 8, rowspan: 1),
            StandardColumnView(title: say(.evaluasiStandarKolomRealisasiRenja, ["kolom": "\(n(.realisasiRenja))", "rumus": "\(q)+\(q + 1)+\(q + 2)+\(q + 3)"]), span: 2, rowspan: 2),
            StandardColumnView(title: say(.evaluasiStandarKolomRealisasiRenstra, ["kolom": "\(n(.realisasiRenstra))", "rumus": "\(n(.realisasiRenstraLalu))+\(n(.realisasiRenja))"]),
                               span: 2, rowspan: 2),
            StandardColumnView(title: say(.evaluasiStandarKolomTingkatCapaian, ["kolom": "\(n(.tingkatCapaian))", "rumus": "\(n(.realisasiRenstra))/\(n(.targetRenstra))"]),
                               span: 2, rowspan: 2),
        ]
        let quarters = (0..<4).map {
            StandardColumnView(title: say(.evaluasiStandarKolomSatuTriwulan, ["triwulan": StandardEvaluationTable.roman($0 + 1), "kolom": "\(q + $0)"]), span: 2, rowspan: 1)
        }
        var anyComputed = false
        let facts = self.facts.standard

        func labels(_ side: String) -> [String] {
            ["\(n(.targetRenstra)) Target Renstra", "\(n(.realisasiRenstraLalu)) Realisasi s/d tahun lalu", "\(n(.targetRenja)) Target Renja"]
                .map { "\($0) (\(side))" }
                + (0..<4).map { "\(q + $0) Triwulan \(StandardEvaluationTable.roman($0 + 1)) (\(side))" }
                + ["\(n(.realisasiRenja)) Realisasi Renja", "\(n(.realisasiRenstra)) Realisasi Renstra s/d tahun berjalan",
                   "\(n(.tingkatCapaian)) Tingkat capaian"].map { "\($0) (\(side))" }
        }
        let kLabels = labels("K"), rpLabels = labels("Rp")
        let marker = say(.evaluasiStandarSelDihitung)

        /// Ten figures of one side, interleaved with ten empty cells of the other side.
        func line(_ values: [(String, Bool)?], kSide: Bool) -> [StandardCellView] {
            var out: [StandardCellView] = []
            for (i, v) in values.enumerated() {
                let cell = StandardCellView(text: v.map { $0.0 } ?? "", label: kSide ? kLabels[i] : rpLabels[i],
                                            computed: (v?.1 ?? false) ? marker : nil)
                if v?.1 == true { anyComputed = true }
                let empty = StandardCellView(text: "", label: kSide ? rpLabels[i] : kLabels[i], computed: nil)
                out += kSide ? [cell, empty] : [empty, cell]
            }
            return out
        }
        func rp(_ c: Located<StandardAmount>?) -> (String, Bool)? {
            guard let c else { return nil }
            return (c.value.sen.map(Self.plainAmount) ?? c.value.raw, false)
        }
        func k(_ c: Located<StandardNumber>?) -> (String, Bool)? {
            guard let c else { return nil }
            return (c.value.value.map { IndonesianNumber.decimal($0, places: nil) } ?? c.value.raw, false)
        }
        func pct(_ c: Located<StandardNumber>?, _ computed: Double?) -> (String, Bool)? {
            if let c { return (c.value.value.map { Percent($0).formatted } ?? c.value.raw, false) }
            return computed.map { (Percent($0).formatted, true) }
        }

        let rows: [StandardRowView] = t.allRows.map { r in
            let f = facts?.rows[r.anchor]
            // The same rule as every other chip: entries, galat + peringatan (`FindingIndex`).
            let chip = standardChip(r.anchor, root: root)
            let a = r.anggaran
            let quartersRp: [(String, Bool)?] = (0..<4).map { $0 < a.quarters.count ? rp(a.quarters[$0]) : nil }
            let rpValues: [(String, Bool)?] = [rp(a.targetRenstra), rp(a.realisasiRenstraLalu), rp(a.targetRenja)] + quartersRp + [
                rp(a.realisasiRenja) ?? f?.anggaran.quarterSum.map { (Self.plainAmount($0.value), true) },
                rp(a.realisasiRenstra) ?? f?.anggaran.cumulative.map { (Self.plainAmount($0.value), true) },
                pct(a.tingkatCapaian, f?.anggaran.achievement?.value),
            ]
            let indicators = r.indicators.enumerated().map { (i, ind) -> StandardIndicatorLineView in
                let s = ind.kinerja
                let kf = (f?.kinerja.count ?? 0) > i ? f?.kinerja[i] : nil
                let quartersK: [(String, Bool)?] = (0..<4).map { $0 < s.quarters.count ? k(s.quarters[$0]) : nil }
                let values: [(String, Bool)?] = [k(s.targetRenstra), k(s.realisasiRenstraLalu), k(s.targetRenja)] + quartersK + [
                    k(s.realisasiRenja) ?? kf?.quarterSum.map { (IndonesianNumber.decimal($0.value, places: nil), true) },
                    k(s.realisasiRenstra) ?? kf?.cumulative.map { (IndonesianNumber.decimal($0.value, places: nil), true) },
                    pct(s.tingkatCapaian, kf?.achievement?.value),
                ]
                return StandardIndicatorLineView(name: ind.name.value, unit: ind.unit?.value ?? "", cells: line(values, kSide: true))
            }
            return StandardRowView(anchor: r.anchor, levelClass: levelClass(r.level), levelWord: DocumentRenderer.capitalized(r.level.word),
                                   key: r.key, name: r.name.value, sasaran: r.sasaran?.value,
                                   unitPJ: r.unit?.value ?? "", cells: line(rpValues, kSide: false), indicators: indicators,
                                   findingCount: chip.count, findingsHref: chip.href)
        }

        let foot = t.footer
        var footer: [FigureView] = []
        let avg = facts?.average
        let computed = ["dihitung": "ya"]
        if let c = foot.averageKinerja { footer.append(.init(label: say(.evaluasiStandarRataKinerja), value: c.value.value.map { Percent($0).formatted } ?? c.value.raw)) }
        else if let m = avg?.kinerjaMean { footer.append(.init(label: say(.evaluasiStandarRataKinerja, computed), value: Percent(m.value).formatted)); anyComputed = true }
        if let c = foot.averageAnggaran { footer.append(.init(label: say(.evaluasiStandarRataAnggaran), value: c.value.value.map { Percent($0).formatted } ?? c.value.raw)) }
        else if let r = avg?.anggaranRatio { footer.append(.init(label: say(.evaluasiStandarRataAnggaran, computed), value: Percent(r.value).formatted)); anyComputed = true }
        let texts: [(Phrase, Located<String>?)] = [
            (.evaluasiStandarPredikatKinerja, foot.predicateKinerja), (.evaluasiStandarPredikatAnggaran, foot.predicateAnggaran),
            (.evaluasiStandarFaktorPendorong, foot.drivers), (.evaluasiStandarFaktorPenghambat, foot.obstacles),
            (.evaluasiStandarTindakLanjutTriwulan, foot.followUpQuarter), (.evaluasiStandarTindakLanjutRenja, foot.followUpRenja),
        ]
        for (label, value) in texts { if let value { footer.append(.init(label: say(label), value: value.value)) } }
        if !foot.bands.isEmpty {
            footer.append(.init(label: say(.evaluasiStandarRentangPredikat),
                                value: foot.bands.map { "\(IndonesianNumber.decimal($0.from, places: nil))–\(IndonesianNumber.decimal($0.to, places: nil)): \($0.name)" }.joined(separator: "; ")))
        }

        return StandardTableView(
            caption: t.title,
            variantText: say(t.variant == .denganKode ? .evaluasiStandarVarianDenganKode : .evaluasiStandarVarianTanpaKode),
            keyHeader: t.variant == .denganKode ? "Kode" : "No",
            columns: columns, quarters: quarters, rows: rows, footer: footer, footerShown: !footer.isEmpty, sourceFile: t.file,
            downloads: standardDownloads(root: root),
            computedNote: anyComputed ? say(.evaluasiStandarCatatanDihitung) : nil)
    }

    /// `48.912.283.703,29` / `5.750.250` (no currency sign, for cells under an Rp header).
    static func plainAmount(_ sen: Int64) -> String {
        let text = StandardAmount.format(sen: sen)
        return text.replacingOccurrences(of: "Rp ", with: "")
    }
}
