import Foundation
import RenjaModel
import RenjaMarkdown
import RenjaLoad
import RenjaFacts

extension Paths {
    /// "Realisasi per triwulan", for a document with the standard evaluation table.
    static func quarters(_ d: Document) -> String { "\(d.slug)/triwulan/" }
}

/// "Realisasi per triwulan" (`triwulan.mustache`), for a document with the standard evaluation
/// table: a section per program, and in it a subsection per kegiatan, each with a chart and a table
/// of its anggaran per quarter (per quarter and cumulative, against the year's pagu) and a table of
/// its indicators' kinerja per quarter (against the year's target). Every figure is from
/// `StandardQuarterFacts`; this type only formats them and lays out the charts.
struct QuarterPage {
    static let kind = PageKind(template: "triwulan", content: QuarterPageContentView.self)

    let doc: DocumentRenderer

    func plan(_ t: StandardEvaluationTable, _ q: StandardQuarterFacts) -> PagePlan {
        let dir = Paths.quarters(doc.document)
        var v = doc.view(dir: dir, title: doc.say(.triwulanJudul, ["dokumen": doc.document.shortTitle]),
                         description: doc.say(.triwulanDeskripsi, ["triwulanAkhir": StandardEvaluationTable.roman(max(1, q.quarterCount))]),
                         crumbs: [LinkView(title: doc.say(.triwulanNama), href: nil)])
        v.indexed = true
        let quarters = (0..<q.quarterCount).map { doc.say(.triwulanSingkat, ["triwulan": StandardEvaluationTable.roman($0 + 1)]) }
        let programs = t.programs.map { p in
            QuarterProgramView(anchor: "tw-" + p.anchor, key: p.key, name: p.name.value,
                               unit: unit(p, q, quarters, heading: "program"),
                               kegiatan: p.children.map { k in unit(k, q, quarters, heading: "kegiatan") },
                               tocTitle: doc.titleCase(p.name.value))
        }
        let view = QuarterPageView(title: doc.say(.triwulanNama), caption: t.title, quarters: quarters, programs: programs,
                                   tableHref: v.root + Paths.standardTable(doc.document),
                                   variantText: doc.say(t.variant == .denganKode ? .triwulanVarianDenganKode : .triwulanVarianTanpaKode),
                                   columnNote: doc.say(.triwulanCatatanKolom, ["kolomTarget": "\(StandardColumn.targetRenja.number(in: t.variant))",
                                                                               "kolomTriwulanAwal": "\(StandardColumn.triwulan.number(in: t.variant))",
                                                                               "kolomTriwulanAkhir": "\(StandardColumn.triwulan.number(in: t.variant) + 3)"]))
        return doc.plan(v, Self.kind, QuarterPageContentView(quarterly: [view]))
    }

    static func rp(_ sen: Int64?) -> String { sen.map { StandardAmount.format(sen: $0) } ?? "–" }
    /// Without `Rp`, for cells under an "(Rp)" header.
    static func plain(_ sen: Int64?) -> String { sen.map(DocumentRenderer.plainAmount) ?? "–" }
    /// `218,64 M`, `753,8 jt` (chart labels under a heading that says Rp).
    static func short(_ sen: Int64?) -> String {
        guard let sen else { return "–" }
        let text = ShortRupiah.format(Rupiah(sen / 100))
        return text.hasPrefix("Rp ") ? String(text.dropFirst(3)) : text.replacingOccurrences(of: "-Rp ", with: "-")
    }
    static func pct(_ x: Double?) -> String { x.map { Percent($0).formatted } ?? "–" }
    static func k(_ x: Double?) -> String { x.map { IndonesianNumber.decimal($0, places: nil) } ?? "–" }

    /// A series' table cells, one per quarter: its own figure and, in words, the running figure with
    /// its share of the target (for a quarter without a running figure only when
    /// `cumulativeWhenMissing`); then the last quarter's running figure and share.
    func figures<V>(_ s: StandardQuarterSeries<V>?, _ quarters: [String], _ format: (V?) -> String,
                    cumulativeWhenMissing: Bool) -> (cells: [QuarterCellView], total: String, share: String) {
        let cells = quarters.indices.map { i in
            let running = s?.running[i] ?? nil
            return QuarterCellView(label: quarters[i], value: format(s?.perQuarter[i] ?? nil),
                                   cumulative: running == nil && !cumulativeWhenMissing ? nil
                                       : doc.say(.triwulanSelKumulatif, ["triwulan": quarters[i], "jumlah": format(running), "persen": Self.pct(s?.shareOfTarget[i] ?? nil)]))
        }
        let last = quarters.indices.last
        return (cells, last.map { format(s?.running[$0] ?? nil) } ?? "–", last.map { Self.pct(s?.shareOfTarget[$0] ?? nil) } ?? "–")
    }

    /// A program's or a kegiatan's block: its anggaran chart and table, its kinerja table.
    func unit(_ r: StandardRow, _ q: StandardQuarterFacts, _ quarters: [String], heading: String) -> QuarterUnitView {
        let a = q.rows[r.anchor]?.anggaran
        let id = "grafik-tw-" + r.anchor
        let name = "\(DocumentRenderer.capitalized(heading)) \(r.key) \(doc.titleCase(r.name.value))"
            .replacingOccurrences(of: "  ", with: " ")
        // The anggaran table: the row itself, then its children, each quarter per quarter and cumulative.
        let rows = ([r] + r.children).map { row -> QuarterAmountRowView in
            let s = q.rows[row.anchor]?.anggaran
            let f = figures(s, quarters, Self.plain, cumulativeWhenMissing: true)
            return QuarterAmountRowView(levelWord: DocumentRenderer.capitalized(row.level.word), key: row.key,
                                        name: row.name.value, isOwn: row.anchor == r.anchor, pagu: Self.plain(s?.target),
                                        cells: f.cells, total: f.total, share: f.share,
                                        summed: s?.summed == true ? doc.say(.triwulanBarisJumlah) : nil)
        }
        var notes: [String] = []
        if let a, a.summed {
            notes.append(doc.say(.triwulanCatatanJumlah, ["tingkat": heading, "anak": r.level == .program ? "kegiatan/sub kegiatan" : "sub kegiatan"]))
            if let stated = a.statedTarget {
                notes.append(doc.say(.triwulanCatatanPaguTertulis, ["tingkat": heading, "paguTertulis": Self.rp(stated), "jumlah": Self.rp(a.target)]))
            }
        }
        // The chart: per quarter and cumulative bars, the pagu as a reference line.
        let series = [BarChart.Series(name: doc.say(.grafikTriwulanSeriTriwulan), key: "triwulan"), BarChart.Series(name: doc.say(.grafikTriwulanSeriKumulatif), key: "kumulatif")]
        var chart: [ChartView] = []
        if let a, a.hasQuarters {
            let groups = quarters.indices.map { i in
                BarChart.Group(label: quarters[i], bars: [
                    // Short labels (a 360 px phone has room for about 12 characters beside the
                    // bars): the quarter's own amount, then the cumulative one marked "s/d", without
                    // "Rp" (the heading says it); the shares are in the table.
                    .init(value: a.perQuarter[i].map { Double($0) }, valueText: Self.short(a.perQuarter[i])),
                    .init(value: a.running[i].map { Double($0) }, valueText: "s/d " + Self.short(a.running[i])),
                ])
            }
            let values = a.perQuarter.map { $0.map(Double.init) } + a.running.map { $0.map(Double.init) } + [a.target.map(Double.init)]
            let chartRows = quarters.indices.map { i in
                ChartRowView(label: quarters[i], cells: [Self.plain(a.perQuarter[i]), Self.plain(a.running[i]), Self.pct(a.shareOfTarget[i])])
            }
            let b = BarChart(id: id, title: doc.say(.grafikTriwulanJudul, ["nama": name]),
                             description: doc.say(.grafikTriwulanUraian, ["pagu": Self.rp(a.target)]),
                             series: series, groups: groups, scaleMax: BarChart.amountScale(values),
                             references: a.target.map { [(Double($0), "pagu")] } ?? [])
            chart = [ChartView(b, heading: doc.say(.grafikTriwulanJudulBagian),
                               legendAfter: a.target == nil ? [] : [LegendView(name: doc.say(.grafikTriwulanLegendaPagu), key: "acuan")],
                               tableCaption: doc.say(.grafikTriwulanKeteranganTabel, ["nama": name]),
                               headers: [doc.say(.grafikTriwulanKolomTriwulan), doc.say(.grafikTriwulanKolomRealisasi), doc.say(.grafikTriwulanKolomKumulatif), doc.say(.grafikTriwulanKolomPersen)],
                               rows: chartRows, note: doc.say(.grafikTriwulanCatatan, ["pagu": Self.rp(a.target)]))]
        }
        // Kinerja: the row's own indicators and, for a kegiatan, its sub kegiatan's, when they state quarters.
        let owners = r.level == .kegiatan ? [r] + r.children : [r]
        var indicators: [QuarterIndicatorView] = []
        var kinerjaGroups: [BarChart.Group] = []
        var kinerjaRows: [ChartRowView] = []
        let lastName = quarters.last ?? ""
        for o in owners {
            for (i, ind) in o.indicators.enumerated() {
                guard let s = q.rows[o.anchor]?.kinerja[i], s.hasQuarters else { continue }
                let unit = ind.unit?.value ?? ""
                let f = figures(s, quarters, Self.k, cumulativeWhenMissing: false)
                let last = quarters.indices.last
                let owner = o.anchor == r.anchor ? "" : o.key
                if let last, let share = s.shareOfTarget[last] {
                    let label = [owner, ind.name.value].filter { !$0.isEmpty }.joined(separator: " ")
                    kinerjaGroups.append(BarChart.Group(label: label, bars: [.init(value: share, valueText: Self.pct(share))]))
                    kinerjaRows.append(ChartRowView(label: label, cells: [Self.k(s.target) + (unit.isEmpty ? "" : " \(unit)"),
                                                                          Self.k(s.running[last] ?? nil), Self.pct(share)]))
                }
                indicators.append(QuarterIndicatorView(
                    owner: o.anchor == r.anchor ? nil : "\(o.key) \(o.name.value)".trimmingCharacters(in: .whitespaces),
                    name: ind.name.value, unit: unit, target: Self.k(s.target), cells: f.cells, total: f.total, share: f.share,
                    levelNote: s.running.allSatisfy { $0 == nil } ? doc.say(.triwulanIndikatorKeadaan) : nil))
            }
        }
        // The indicators' cumulative realisasi at the last quarter as a share of the year's target
        // (indicators of different units compare only as shares), the target as the 100% line.
        var kinerjaChart: [ChartView] = []
        if !kinerjaGroups.isEmpty {
            let kid = "grafik-kinerja-tw-" + r.anchor
            let series = [BarChart.Series(name: doc.say(.grafikKinerjaSeri, ["triwulan": lastName]), key: "capaian")]
            let b = BarChart(id: kid, title: doc.say(.grafikKinerjaJudul, ["triwulan": lastName, "nama": name]),
                             description: doc.say(.grafikKinerjaUraian, ["triwulan": lastName]),
                             series: series, groups: kinerjaGroups, scaleMax: BarChart.percentScale(kinerjaGroups.map { $0.bars[0].value }),
                             references: [(100, "target")])
            kinerjaChart = [ChartView(b, heading: doc.say(.grafikKinerjaJudulBagian, ["triwulan": lastName]),
                                      legendAfter: [LegendView(name: doc.say(.grafikKinerjaLegendaTarget), key: "acuan")],
                                      tableCaption: doc.say(.grafikKinerjaKeteranganTabel, ["triwulan": lastName, "nama": name]),
                                      headers: [doc.say(.grafikKinerjaKolomIndikator), doc.say(.grafikKinerjaKolomTarget), doc.say(.grafikKinerjaKolomRealisasi), doc.say(.grafikKinerjaKolomPersen)],
                                      rows: kinerjaRows,
                                      note: kinerjaGroups.contains { ($0.bars[0].value ?? 0) > b.scaleMax }
                                          ? doc.say(.grafikKinerjaCatatan, ["batas": Self.pct(b.scaleMax)]) : nil)]
        }
        return QuarterUnitView(anchor: "tw-" + r.anchor, quarters: quarters, name: name, charts: chart, indicatorCharts: kinerjaChart,
                               amountRows: rows, notes: notes, indicators: indicators,
                               hasIndicators: !indicators.isEmpty, tableCaption: doc.say(.triwulanTabelAnggaran, ["nama": name]),
                               indicatorCaption: doc.say(.triwulanTabelKinerja, ["nama": name]))
    }
}

// MARK: Views

struct QuarterPageContentView {
    /// The page's content (a list of one).
    var quarterly: [QuarterPageView]
}

struct QuarterPageView {
    var title: String
    var caption: String
    /// "TW I" … as many as the table reports.
    var quarters: [String]
    var programs: [QuarterProgramView]
    var tableHref: String
    var variantText: String
    var columnNote: String
}

struct QuarterProgramView {
    var anchor: String
    var key: String
    var name: String
    var unit: QuarterUnitView
    var kegiatan: [QuarterUnitView]
    var tocTitle: String
}

struct QuarterUnitView {
    var anchor: String
    /// "TW I" … as many as the table reports (the tables' column heads).
    var quarters: [String]
    var name: String
    var charts: [ChartView]
    /// The indicators' cumulative share of their target as a chart (none or one).
    var indicatorCharts: [ChartView]
    var amountRows: [QuarterAmountRowView]
    var notes: [String]
    var indicators: [QuarterIndicatorView]
    var hasIndicators: Bool
    var tableCaption: String
    var indicatorCaption: String
}

struct QuarterCellView {
    var label: String
    var value: String
    /// "s/d TW II: Rp 3.673.163.000 (63,88%)"; nil for an indicator whose quarters are not added up.
    var cumulative: String?
}

struct QuarterAmountRowView {
    var levelWord: String
    var key: String
    var name: String
    /// The block's own row (not one of its children).
    var isOwn: Bool
    var pagu: String
    var cells: [QuarterCellView]
    var total: String
    var share: String
    /// Set when the row's quarters are its children's sum.
    var summed: String?
}

struct QuarterIndicatorView {
    /// The sub kegiatan the indicator belongs to, when it is not the block's own row.
    var owner: String?
    var name: String
    var unit: String
    var target: String
    var cells: [QuarterCellView]
    var total: String
    var share: String
    var levelNote: String?
}

extension DocumentRenderer {
    func quarterLink(root: String, dir: String) -> [LinkView] {
        guard document.standardEvaluation != nil else { return [] }
        return [LinkView.nav(say(.tautanTriwulan), to: Paths.quarters(document), root: root, dir: dir)]
    }
}
