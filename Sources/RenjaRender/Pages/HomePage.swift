import Foundation
import RenjaModel
import RenjaFacts

/// A document's home page (`document.mustache`): its key figures, the absorption chart, the
/// programs, the findings' counts and the links to its other views.
struct HomePage {
    static let kind = PageKind(template: "document", content: HomePageView.self)

    let doc: DocumentRenderer

    func plan(_ programs: [MatchedItem]) -> PagePlan {
        let dir = Paths.document(doc.document)
        var v = doc.view(dir: dir, title: doc.document.title, description: doc.say(.berandaDeskripsi, ["dokumen": doc.document.title, "instansi": doc.document.agency.name]), crumbs: [])
        let root = v.root
        let summaries = programs.map { p -> ProgramSummaryView in
            let e = p.evaluation, a = p.plan
            let share = e.flatMap { doc.facts.item($0)?.absorption }
            let findingCount = doc.index.temuanCount(program: p.key)
            return ProgramSummaryView(name: doc.titleCase(p.name), href: root + Paths.program(doc.document, key: p.key),
                                      pagu: doc.amount(e, .pagu), paguAfter: doc.amount(a, .pagu),
                                      realisasi: Format.amount(e?.realisasi), absorption: Format.percent(share),
                                      kegiatanCount: p.children.count,
                                      subKegiatanCount: p.children.reduce(0) { $0 + $1.children.count },
                                      findingCount: findingCount, hasFindings: findingCount > 0,
                                      findingsHref: findingCount > 0 ? root + Paths.validation(doc.document) + "#kelompok-\(p.key)" : nil)
        }
        var home = HomeView(chart: absorptionChart(programs), printHref: root + Paths.printable(doc.document),
                          changesHref: doc.profile.comparesStages ? root + Paths.changes(doc.document) : nil, dataHref: doc.hasOpenData ? root + Paths.data(doc.document) : nil,
                          figures: v.document.document.figures, programs: summaries,
                          counts: doc.base.showFindings ? doc.index.counts : nil,
                          validationHref: doc.base.showFindings ? root + Paths.validation(doc.document) : nil)
        home.pdf = doc.pdfLink(root: root)
        v.indexed = true
        return doc.plan(v, Self.kind, HomePageView(home: home))
    }

    /// Home page: pagu and realisasi per program as amounts on one scale, with the share absorbed,
    /// largest pagu first (a Rp 265 jt program must not look as big as a Rp 3,8 M one).
    func absorptionChart(_ programs: [MatchedItem]) -> ChartView? {
        guard doc.document.evaluation != nil else { return nil }
        var entries: [(pagu: Int64?, group: BarChart.Group, row: ChartRowView)] = []
        for p in programs {
            guard let e = p.evaluation else { continue }
            let share = doc.facts.item(e)?.absorption
            let text = share?.formatted ?? doc.say(.tidakDapatDihitung)
            let pagu = e.pagu?.value.value, real = e.realisasi?.value.value
            let label = doc.titleCase(p.name)
            let group = BarChart.Group(label: label, bars: [
                .init(value: pagu.map { Double($0.value) }, valueText: pagu.map(ShortRupiah.format) ?? Format.amount(e.pagu)),
                .init(value: real.map { Double($0.value) }, valueText: (real.map(ShortRupiah.format) ?? Format.amount(e.realisasi)) + " · \(text)"),
            ])
            entries.append((pagu?.value, group, ChartRowView(label: label, cells: [Format.amount(e.pagu), Format.amount(e.realisasi), text])))
        }
        guard !entries.isEmpty else { return nil }
        // Largest pagu first; programs without a readable pagu last, in document order.
        let sorted = entries.enumerated().sorted { x, y in
            switch (x.element.pagu, y.element.pagu) {
            case let (a?, b?): return a != b ? a > b : x.offset < y.offset
            case (nil, nil): return x.offset < y.offset
            case (nil, _): return false
            case (_, nil): return true
            }
        }.map(\.element)
        let groups = sorted.map(\.group), rows = sorted.map(\.row)
        let overall = Format.percent(doc.facts.evaluation?.absorption)
        let period = doc.profile.period.map { ["periode": $0.phrase] } ?? [:]
        let paguWord = doc.profile.evaluationPaguLabel.lowercased()
        let items = zip(groups, rows).map { g, r in
            doc.say(.grafikSerapanUraianProgram, ["program": g.label, "pagu": r.text(0), "realisasi": r.text(1), "serapan": r.text(2)])
        }
        let chart = BarChart(
            id: "grafik-serapan", title: doc.say(.grafikSerapanJudul, period),
            description: doc.say(.grafikSerapanUraian, ["labelPagu": doc.profile.evaluationPaguLabel, "serapan": overall, "rincian": items.joined(separator: "; ")]),
            series: [.init(name: doc.profile.evaluationPaguLabel, key: "pagu"), .init(name: doc.profile.realisasiLabel, key: "realisasi")], groups: groups,
            scaleMax: BarChart.amountScale(groups.flatMap { $0.bars.map(\.value) }))
        return ChartView(chart, heading: doc.say(.grafikSerapanJudulBagian),
                         tableCaption: doc.say(.grafikSerapanKeteranganTabel, ["labelPagu": paguWord, "realisasi": doc.realisasiPhrase]),
                         headers: [doc.say(.grafikSerapanKolomProgram), doc.say(.grafikSerapanKolomPagu), doc.say(.grafikSerapanKolomRealisasi), doc.say(.grafikSerapanKolomSerapan)],
                         rows: rows,
                         note: doc.say(.grafikSerapanCatatan, ["labelPagu": paguWord, "serapan": overall]))
    }
}
