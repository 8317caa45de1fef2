import Foundation
import RenjaModel
import RenjaFacts

/// A program's page (`program.mustache`): its rows from both tables, its figures, charts and findings.
struct ProgramPage {
    static let kind = PageKind(template: "program", content: ProgramPageView.self)

    let doc: DocumentRenderer

    func plan(_ i: Int, _ p: MatchedItem, all: [MatchedItem]) -> PagePlan {
        let dir = Paths.program(doc.document, key: p.key)
        let name = doc.titleCase(p.name)
        var v = doc.view(dir: dir, title: doc.say(.programJudul, ["program": name, "dokumen": doc.document.shortTitle]), description: programDescription(p, name: name),
                         crumbs: [LinkView(title: name, href: nil)])
        v.indexed = true
        v.scripts = [v.root + "assets/urutkan.js"]
        let root = v.root
        var rows: [RowView] = []
        func walk(_ m: MatchedItem, parents: [String]) {
            var row = doc.matchedRow(m, root: root, programKey: p.key)
            row.sortOrder = rows.count
            row.context = parents.isEmpty ? nil : parents.joined(separator: " › ")
            rows.append(row)
            let here = [DocumentRenderer.capitalized(m.level.word), row.key, doc.titleCase(m.name)].filter { !$0.isEmpty }.joined(separator: " ")
            m.children.forEach { walk($0, parents: parents + [here]) }
        }
        p.children.forEach { walk($0, parents: []) }
        let e = p.evaluation, a = p.plan
        let before = e?.pagu?.value.value, after = a?.pagu?.value.value
        var figures: [FigureView] = []
        if doc.profile.hasEvaluation {
            figures.append(FigureView(label: doc.profile.evaluationPaguLabel, value: e.map { doc.amount($0, .pagu, currency: true) } ?? doc.say(.programTidakAdaDiTabel, ["nomor": "1"]), note: "Tabel 1"))
        }
        if doc.profile.hasPlan {
            figures.append(FigureView(label: doc.profile.planPaguLabel, value: a.map { doc.amount($0, .pagu, currency: true) } ?? doc.say(.programTidakAdaDiTabel, ["nomor": "2"]), note: "Tabel 2"))
        }
        if doc.profile.comparesStages, let change = doc.facts.changes.change(anchor: e?.anchor ?? a?.anchor), let d = change.difference {
            figures.append(FigureView(label: doc.say(.programAngkaSelisih), value: d.formatted, note: nil))
        } else if doc.profile.comparesStages, before == nil || after == nil {
            figures.append(FigureView(label: doc.say(.programAngkaSelisih), value: doc.say(.tidakDapatDihitung), note: nil))
        }
        if doc.profile.hasEvaluation, let e {
            figures.append(FigureView(label: doc.profile.realisasiLabel, value: Format.amountText(e.realisasi),
                                      note: doc.facts.item(e)?.absorption.map { doc.say(.programAngkaSerapan, ["serapan": $0.formatted]) }))
        }
        let own = doc.index.program(p.key)
        let temuan = own.filter(\.counts).count
        let link = { (m: MatchedItem) in LinkView(title: doc.titleCase(m.name), href: root + Paths.program(doc.document, key: m.key)) }
        let program = ProgramView(evaluationAnchor: e?.anchor, planAnchor: a?.anchor, name: name, number: e?.number?.value ?? "", code: a?.code?.value,
                                indicators: doc.matchedIndicators(e, a), figures: figures, rows: rows,
                                findings: own.map { doc.findingView($0, root: root, onProgramPage: true) }, hasFindings: !own.isEmpty,
                                findingSummary: ReaderText.summary(temuan: temuan, info: own.count - temuan), temuanCount: temuan,
                                previous: i > 0 ? link(all[i - 1]) : nil, next: i + 1 < all.count ? link(all[i + 1]) : nil,
                                charts: programCharts(p), downloads: TableKind.allCases.flatMap { doc.downloads(for: $0, root: root) },
                                changesHref: doc.profile.comparesStages ? root + Paths.changes(doc.document) : nil)
        return doc.plan(v, Self.kind, ProgramPageView(program: program))
    }

    /// Program page: pagu vs realisasi per kegiatan, and each indicator's achievement against its target.
    func programCharts(_ p: MatchedItem) -> [ChartView] {
        var out: [ChartView] = []
        let kegiatan = p.children.compactMap { $0.evaluation }
        if !kegiatan.isEmpty {
            var groups: [BarChart.Group] = []
            var rows: [ChartRowView] = []
            for k in kegiatan {
                let pagu = k.pagu?.value.value, real = k.realisasi?.value.value
                let label = [k.number?.value, k.name.value].compactMap { $0 }.joined(separator: " ")
                groups.append(.init(label: label, bars: [
                    .init(value: pagu.map { Double($0.value) }, valueText: pagu.map(ShortRupiah.format) ?? Format.amount(k.pagu)),
                    .init(value: real.map { Double($0.value) }, valueText: real.map(ShortRupiah.format) ?? Format.amount(k.realisasi)),
                ]))
                rows.append(ChartRowView(label: label, cells: [Format.amount(k.pagu), Format.amount(k.realisasi), Format.percent(doc.facts.item(k)?.absorption)]))
            }
            let id = "grafik-pagu-\(p.key)"
            let items = zip(groups, rows).map { g, r in doc.say(.grafikKegiatanUraianKegiatan, ["kegiatan": g.label, "pagu": r.text(0), "realisasi": r.text(1)]) }
            let chart = BarChart(
                id: id, title: doc.say(.grafikKegiatanJudul),
                description: doc.say(.grafikKegiatanUraian, ["labelPagu": doc.profile.evaluationPaguLabel, "realisasi": doc.realisasiPhrase, "rincian": items.joined(separator: "; ")]),
                series: [.init(name: "Pagu", key: "pagu"), .init(name: "Realisasi", key: "realisasi")], groups: groups,
                scaleMax: BarChart.amountScale(groups.flatMap { $0.bars.map(\.value) }))
            out.append(ChartView(chart, heading: doc.say(.grafikKegiatanJudulBagian),
                                 tableCaption: doc.say(.grafikKegiatanKeteranganTabel, ["labelPagu": doc.profile.evaluationPaguLabel.lowercased()]),
                                 headers: [doc.say(.grafikKegiatanKolomKegiatan), doc.say(.grafikKegiatanKolomPagu), doc.say(.grafikKegiatanKolomRealisasi),
                                           doc.say(.grafikKegiatanKolomSerapan)], rows: rows,
                                 note: doc.say(.grafikKegiatanCatatan, ["labelPagu": doc.profile.evaluationPaguLabel, "realisasi": doc.realisasiPhrase])))
        }

        // Achievement: the facts' figure for each indicator, only where target and capaian are
        // counted in the same unit; judged against the period's pace (triwulan II: 50% of the
        // annual target), not against the full year. The others are listed under the chart.
        var groups: [BarChart.Group] = []
        var rows: [ChartRowView] = []
        var notCompared: [String] = []
        var stated = 0, computed = 0
        let period = doc.profile.period
        func collect(_ item: Item) {
            let key = item.number?.value ?? ""
            for (index, ind) in item.indicators.enumerated() {
                let f = doc.facts.indicator(item, index)
                let label = key.isEmpty ? ind.name.value : "\(key) · \(ind.name.value)"
                guard let f, let value = f.comparableAchievement else {
                    let why = (f?.hasTarget ?? false) && (f?.hasActual ?? false)
                        ? doc.say(.grafikCapaianSatuanBerbeda, ["target": Format.quantity(ind.target), "capaian": Format.quantity(ind.actual)])
                        : doc.say(.grafikCapaianTanpaAngka)
                    notCompared.append(doc.say(.grafikCapaianTidakDibandingkan, ["indikator": label, "alasan": why]))
                    continue
                }
                if f.shown?.isStated == true { stated += 1 } else { computed += 1 }
                let text = Percent(value).formatted
                let behind = f.behindPace(period) ?? false
                groups.append(.init(label: label, bars: [.init(value: value, valueText: text, tone: behind ? BarChart.hatchedTone : nil)]))
                rows.append(ChartRowView(label: label, cells: [Format.quantity(ind.target), Format.quantity(ind.actual), text,
                                                               doc.say(behind ? .grafikCapaianDiBawahLaju : .grafikCapaianSesuaiLaju)]))
            }
            item.children.forEach(collect)
        }
        if let e = p.evaluation { collect(e) }
        if !groups.isEmpty || !notCompared.isEmpty {
            let id = "grafik-capaian-\(p.key)"
            let behind = groups.filter { $0.bars[0].tone != nil }.count
            let phrase = period.map { ["periode": $0.phrase] } ?? [:]
            let pace = period?.pacePercent ?? 100
            let paceText = Self.roundPercent(pace)
            let paceLabel = period?.quarter.map { $0 < 4 ? doc.say(.grafikCapaianGarisLaju, ["triwulan": EvaluationPeriod.romans[$0 - 1], "laju": paceText]) : nil } ?? nil
            var paceFields = phrase
            if paceLabel != nil { paceFields["laju"] = paceText }
            let summary = doc.say(.grafikCapaianRingkasan, paceFields.merging(["diBawah": "\(behind)", "jumlah": "\(groups.count)"]) { a, _ in a })
            var source: [String] = []
            if stated > 0 { source.append(doc.say(.grafikCapaianSumberTertulis, ["jumlah": "\(stated)"])) }
            if computed > 0 { source.append(doc.say(.grafikCapaianSumberDihitung, ["jumlah": "\(computed)"])) }
            var noteFields = phrase.merging(["laju": paceText, "ringkasan": summary, "jumlahTidakDibandingkan": "\(notCompared.count)"]) { a, _ in a }
            if paceLabel != nil { noteFields["adaLaju"] = "ya" }
            if !source.isEmpty { noteFields["sumber"] = source.joined(separator: "; ") }
            if !notCompared.isEmpty { noteFields["tidakDibandingkan"] = notCompared.joined(separator: "; ") }
            let note = doc.say(.grafikCapaianCatatan, noteFields)
            var references: [(value: Double, label: String)] = []
            if let paceLabel { references.append((pace, paceLabel)) }
            references.append((100, doc.say(.grafikCapaianGarisTarget)))
            var descriptionFields = ["ringkasan": summary, "rincian": groups.map { "\($0.label): \($0.bars[0].valueText)" }.joined(separator: "; ")]
            if let paceLabel { descriptionFields["garisLaju"] = paceLabel }
            let chart = BarChart(
                id: id, title: doc.say(.grafikCapaianJudul, phrase),
                description: doc.say(.grafikCapaianUraian, descriptionFields),
                series: [.init(name: "Capaian", key: "capaian")], groups: groups,
                scaleMax: BarChart.percentScale(groups.map { $0.bars[0].value }), references: references)
            out.append(ChartView(id: id, heading: doc.say(.grafikCapaianJudulBagian), svg: groups.isEmpty ? "" : chart.svg,
                                 legend: [LegendView(name: doc.say(.grafikCapaianLegendaSesuai, paceLabel.map { ["garisLaju": $0.prefix(1).lowercased() + $0.dropFirst()] } ?? [:]), key: "capaian"),
                                          LegendView(name: doc.say(.grafikCapaianLegendaDiBawah), key: "di-bawah")],
                                 tableCaption: doc.say(.grafikCapaianKeteranganTabel),
                                 headers: [doc.say(.grafikCapaianKolomIndikator), doc.say(.grafikCapaianKolomTarget), doc.say(.grafikCapaianKolomCapaian),
                                           doc.say(.grafikCapaianKolomPersentase), doc.say(.grafikCapaianKolomLaju)], rows: rows, note: note))
        }
        return out
    }

    /// `50%` for a whole percentage, `37,5%` otherwise (the pace of a quarter is a round share).
    static func roundPercent(_ v: Double) -> String {
        let s = Percent(v).formatted
        return s.hasSuffix(",00%") ? String(s.dropLast(4)) + "%" : s.hasSuffix("0%") && s.contains(",") ? String(s.dropLast(2)) + "%" : s
    }

    func programDescription(_ p: MatchedItem, name: String) -> String {
        var parts: [String] = []
        if let b = p.evaluation?.pagu?.value.value { parts.append("\(doc.profile.evaluationPaguLabel.lowercased()) \(b.formatted)") }
        if let a = p.plan?.pagu?.value.value { parts.append("\(doc.profile.planPaguLabel.lowercased()) \(a.formatted)") }
        if let e = p.evaluation, let r = e.realisasi?.value.value {
            let share = doc.facts.item(e)?.absorption
            parts.append("\(doc.realisasiPhrase) \(r.formatted)" + (share.map { " (\($0.formatted))" } ?? ""))
        }
        let kegiatan = p.children.count, sub = p.children.reduce(0) { $0 + $1.children.count }
        var fields = ["program": name, "dokumen": doc.document.shortTitle, "kegiatan": "\(kegiatan)", "subKegiatan": "\(sub)"]
        if !parts.isEmpty { fields["angka"] = parts.joined(separator: ", ") }
        return doc.say(.programDeskripsi, fields)
    }
}
