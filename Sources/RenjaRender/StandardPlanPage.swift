import Foundation
import RenjaModel
import RenjaMarkdown
import RenjaLoad
import RenjaFacts

/// The page of the standard rencana table (Permendagri 86/2017): Kode, the row with its indicators,
/// lokasi, target, pagu indikatif, sumber dana, kelompok sasaran, catatan penting and the prakiraan
/// maju of year N+1, each header with the regulation's column number. Kept in its own file;
/// `DocumentRenderer` only lists the page and its link.
///
/// Laid out as Tabel 2: one `<tbody>` per row, its money on its own line and each indicator's
/// targets (year N and N+1) on a line under it, so it fits a 1366 px laptop without scrolling
/// sideways and below 40rem every row becomes a card of labelled cells.
extension Paths {
    static func standardPlan(_ d: Document) -> String { "\(d.slug)/tabel/rencana-standar/" }
}

struct StandardPlanTableView {
    var caption: String
    /// "2024" and "2025": the plan's year and the prakiraan maju's.
    var year: String
    var nextYear: String
    var rows: [StandardPlanRowView]
    var totalPagu: String
    var totalPaguMaju: String
    var sourceFile: String
}

struct StandardPlanIndicatorView {
    var name: String
    var target: String
    var targetMaju: String
}

struct StandardPlanRowView {
    var anchor: String
    var levelClass: String
    var levelWord: String
    var code: String
    var name: String
    var lokasi: String
    var pagu: String
    var sumberDana: String
    var kelompokSasaran: String
    var catatan: String
    var paguMaju: String
    var indicators: [StandardPlanIndicatorView]
    var findingCount: Int?
    /// The row's first entry on the Validasi page, when the findings are shown.
    var findingsHref: String?
}

extension DocumentRenderer {
    func standardPlanLink(root: String, dir: String) -> [LinkView] {
        guard let t = document.standardPlan else { return [] }
        return [LinkView.nav(say(.tautanTabelRencanaStandar, ["judul": t.title]), to: Paths.standardPlan(document), root: root, dir: dir)]
    }

    func standardPlanPage(_ t: StandardPlanTable) -> PagePlan {
        let dir = Paths.standardPlan(document)
        let subs = t.rows(.subKegiatan).count
        var v = view(dir: dir, title: say(.rencanaStandarJudul, ["tabel": t.title, "dokumen": document.shortTitle]),
                     description: say(.rencanaStandarDeskripsi, ["tabel": t.title, "program": "\(t.rows(.program).count)", "subKegiatan": "\(subs)"]),
                     crumbs: [LinkView(title: say(.rencanaStandarJejak), href: nil)])
        v.indexed = true
        return plan(v, TablePage.kind, TablePageView(table: [], standardTable: [], standardPlan: [standardPlanView(t, root: v.root)]))
    }

    func standardPlanView(_ t: StandardPlanTable, root: String) -> StandardPlanTableView {
        let year = t.year?.value ?? document.year.value
        func amount(_ a: Located<AmountText>?) -> String {
            guard let a else { return "" }
            return a.value.value?.plain ?? a.value.raw
        }
        func quantity(_ q: Located<QuantityText>?) -> String {
            guard let q else { return "" }
            return q.value.value.map { $0.formatted } ?? q.value.raw
        }
        let rows = t.allRows.map { r -> StandardPlanRowView in
            let chip = standardChip(r.anchor, root: root)
            let levelClass = r.level.itemLevel.map(self.levelClass) ?? "urusan"
            return StandardPlanRowView(
                anchor: r.anchor, levelClass: levelClass, levelWord: DocumentRenderer.capitalized(r.level.word),
                code: r.code?.value ?? "", name: r.name.value, lokasi: r.lokasi?.value ?? "", pagu: amount(r.pagu),
                sumberDana: r.sumberDana?.value ?? "", kelompokSasaran: r.kelompokSasaran?.value ?? "", catatan: r.catatan?.value ?? "",
                paguMaju: amount(r.paguMaju),
                indicators: r.indicators.map { StandardPlanIndicatorView(name: $0.name.value, target: quantity($0.target), targetMaju: quantity($0.targetMaju)) },
                findingCount: chip.count, findingsHref: chip.href)
        }
        let facts = self.facts.standardPlan
        func total(_ a: StandardPlanAmount) -> String {
            guard let t = facts?.total(a) else { return say(.tidakDapatDijumlah) }
            return t.readable.plain
        }
        return StandardPlanTableView(caption: t.title, year: String(year), nextYear: String(year &+ 1), rows: rows,
                                     totalPagu: total(.pagu), totalPaguMaju: total(.paguMaju), sourceFile: t.file)
    }
}
