import Foundation

/// The document's other views: charts, the Perubahan page, open data, the one-page print version.
extension DocumentRenderer {
    // MARK: Charts

    /// Home page: pagu and realisasi per program as amounts on one scale, with the share absorbed,
    /// largest pagu first (a Rp 265 jt program must not look as big as a Rp 3,8 M one).
    func absorptionChart(_ programs: [MatchedItem]) -> ChartView? {
        guard document.evaluation != nil else { return nil }
        var entries: [(pagu: Int64?, group: BarChart.Group, row: ChartRowView)] = []
        for p in programs {
            guard let e = p.evaluation else { continue }
            let share = facts.item(e)?.absorption
            let text = share?.formatted ?? "tidak dapat dihitung"
            let pagu = e.pagu?.value.value, real = e.realisasi?.value.value
            let label = titleCase(p.name)
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
        let overall = Format.percent(facts.evaluation?.absorption)
        let period = profile.period.map { " " + $0.phrase } ?? ""
        let paguWord = profile.evaluationPaguLabel.lowercased()
        let chart = BarChart(
            id: "grafik-serapan", title: "Pagu dan realisasi anggaran per program\(period)",
            description: "\(profile.evaluationPaguLabel) dan realisasi per program, dari pagu terbesar; seluruh program terserap \(overall). "
                + zip(groups, rows).map { g, r in "\(g.label): pagu Rp \(r.text(0)), realisasi Rp \(r.text(1)) (\(r.text(2)))" }.joined(separator: "; ") + ".",
            series: [.init(name: profile.evaluationPaguLabel, key: "pagu"), .init(name: profile.realisasiLabel, key: "realisasi")], groups: groups,
            scaleMax: BarChart.amountScale(groups.flatMap { $0.bars.map(\.value) }))
        return ChartView(id: chart.id, heading: "Pagu, realisasi dan serapan per program", svg: chart.svg,
                         legend: chart.series.map { LegendView(name: $0.name, key: $0.key) },
                         tableCaption: "Angka grafik: \(paguWord), \(realisasiPhrase) dan serapan per program",
                         headers: ["Program", "Pagu (Rp)", "Realisasi (Rp)", "Serapan"], rows: rows,
                         note: "Diurutkan dari pagu terbesar; panjang batang sebanding dengan rupiahnya. Serapan = realisasi ÷ \(paguWord) (Tabel 1). Seluruh program: \(overall).")
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
                rows.append(ChartRowView(label: label, cells: [Format.amount(k.pagu), Format.amount(k.realisasi), Format.percent(facts.item(k)?.absorption)]))
            }
            let id = "grafik-pagu-\(p.key)"
            let chart = BarChart(
                id: id, title: "Pagu dan realisasi per kegiatan",
                description: "\(profile.evaluationPaguLabel) dan \(realisasiPhrase) per kegiatan. "
                    + zip(groups, rows).map { g, r in "\(g.label): pagu Rp \(r.text(0)), realisasi Rp \(r.text(1))" }.joined(separator: "; ") + ".",
                series: [.init(name: "Pagu", key: "pagu"), .init(name: "Realisasi", key: "realisasi")], groups: groups,
                scaleMax: BarChart.amountScale(groups.flatMap { $0.bars.map(\.value) }))
            out.append(ChartView(id: id, heading: "Pagu dan realisasi per kegiatan", svg: chart.svg,
                                 legend: chart.series.map { LegendView(name: $0.name, key: $0.key) },
                                 tableCaption: "Angka grafik: \(profile.evaluationPaguLabel.lowercased()), realisasi dan serapan per kegiatan (Rp)",
                                 headers: ["Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "Serapan"], rows: rows,
                                 note: "\(profile.evaluationPaguLabel) (Tabel 1); \(realisasiPhrase)."))
        }

        // Achievement: the facts' figure for each indicator, only where target and capaian are
        // counted in the same unit; judged against the period's pace (triwulan II: 50% of the
        // annual target), not against the full year. The others are listed under the chart.
        var groups: [BarChart.Group] = []
        var rows: [ChartRowView] = []
        var notCompared: [String] = []
        var stated = 0, computed = 0
        let period = profile.period
        func collect(_ item: Item) {
            let key = item.number?.value ?? ""
            for (index, ind) in item.indicators.enumerated() {
                let f = facts.indicator(item, index)
                let label = key.isEmpty ? ind.name.value : "\(key) · \(ind.name.value)"
                guard let f, let value = f.comparableAchievement else {
                    let why = (f?.hasTarget ?? false) && (f?.hasActual ?? false)
                        ? "satuan berbeda: \(Format.quantity(ind.target)) dan \(Format.quantity(ind.actual))"
                        : "tanpa angka target dan capaian yang dapat dibandingkan"
                    notCompared.append("\(label) (\(why))")
                    continue
                }
                if f.shown?.isStated == true { stated += 1 } else { computed += 1 }
                let text = Percent(value).formatted
                let behind = f.behindPace(period) ?? false
                groups.append(.init(label: label, bars: [.init(value: value, valueText: text, tone: behind ? BarChart.hatchedTone : nil)]))
                rows.append(ChartRowView(label: label, cells: [Format.quantity(ind.target), Format.quantity(ind.actual), text,
                                                               behind ? "di bawah laju" : "sesuai laju atau lebih"]))
            }
            item.children.forEach(collect)
        }
        if let e = p.evaluation { collect(e) }
        if !groups.isEmpty || !notCompared.isEmpty {
            let id = "grafik-capaian-\(p.key)"
            let behind = groups.filter { $0.bars[0].tone != nil }.count
            let phrase = period.map { " " + $0.phrase } ?? ""
            let pace = period?.pacePercent ?? 100
            let paceText = Self.roundPercent(pace)
            let paceLabel = period?.quarter.map { $0 < 4 ? "Laju triwulan \(EvaluationPeriod.romans[$0 - 1]) \(paceText)" : nil } ?? nil
            var summary = "\(behind) dari \(groups.count) indikator di bawah laju"
            summary += paceLabel == nil ? " (target tahunan 100%)" : " (\(paceText) dari target tahunan\(phrase))"
            var source: [String] = []
            if stated > 0 { source.append("\(stated) persentase sebagaimana tertulis dalam Tabel 1") }
            if computed > 0 { source.append("\(computed) dihitung dari capaian ÷ target (Tabel 1 tidak menuliskannya)") }
            var note = "Sebuah indikator dinilai di bawah laju bila capaiannya kurang dari \(paceText) target tahunan"
                + (paceLabel == nil ? "." : ": realisasi\(phrase) mencakup \(paceText) tahun, jadi \(paceText) berarti sesuai jadwal.")
                + " \(summary)."
            if !source.isEmpty { note += " " + source.joined(separator: "; ") + "." }
            if !notCompared.isEmpty {
                note += " Tidak dibandingkan (\(notCompared.count)): " + notCompared.joined(separator: "; ") + "."
            }
            var references: [(value: Double, label: String)] = []
            if let paceLabel { references.append((pace, paceLabel)) }
            references.append((100, "Target 100%"))
            let chart = BarChart(
                id: id, title: "Capaian indikator terhadap target\(phrase)",
                description: "Persentase capaian setiap indikator yang satuan target dan capaiannya sama"
                    + (paceLabel.map { "; garis \($0) adalah laju yang sesuai jadwal, garis 100% target tahunan" } ?? "; garis 100% adalah target tahunan")
                    + ". \(summary). " + groups.map { "\($0.label): \($0.bars[0].valueText)" }.joined(separator: "; ") + ".",
                series: [.init(name: "Capaian", key: "capaian")], groups: groups,
                scaleMax: BarChart.percentScale(groups.map { $0.bars[0].value }), references: references)
            out.append(ChartView(id: id, heading: "Capaian indikator terhadap target", svg: groups.isEmpty ? "" : chart.svg,
                                 legend: [LegendView(name: paceLabel.map { "Sesuai \($0.prefix(1).lowercased() + $0.dropFirst()) atau lebih" } ?? "Mencapai target", key: "capaian"),
                                          LegendView(name: "▼ Di bawah laju", key: "di-bawah")],
                                 tableCaption: "Angka grafik: target, capaian, persentase capaian dan penilaian per indikator",
                                 headers: ["Indikator", "Target", "Capaian", "Persentase", "Terhadap laju"], rows: rows, note: note))
        }
        return out
    }

    /// "realisasi s.d. Triwulan II 2024" (the period keeps its capitals).
    var realisasiPhrase: String { "realisasi" + (profile.period.map { " " + $0.phrase } ?? "") }

    /// `50%` for a whole percentage, `37,5%` otherwise (the pace of a quarter is a round share).
    static func roundPercent(_ v: Double) -> String {
        let s = Percent(v).formatted
        return s.hasSuffix(",00%") ? String(s.dropLast(4)) + "%" : s.hasSuffix("0%") && s.contains(",") ? String(s.dropLast(2)) + "%" : s
    }

    // MARK: Descriptions

    func tableDescription(_ t: Table) -> String {
        let tf = facts.table(t.kind)
        var s = "Tabel \(t.kind.number). \(t.title): \(tf?.rows(.program) ?? 0) program, \(tf?.rows(.kegiatan) ?? 0) kegiatan, "
            + "\(tf?.rows(.subKegiatan) ?? 0) sub kegiatan; pagu \(Format.total(tf?.programTotal[.pagu]))"
        if t.kind == .evaluasi { s += ", realisasi \(Format.total(tf?.programTotal[.realisasi])) (\(Format.percent(tf?.absorption)))" }
        return s + "."
    }

    func programDescription(_ p: MatchedItem, name: String) -> String {
        var parts: [String] = []
        if let b = p.evaluation?.pagu?.value.value { parts.append("\(profile.evaluationPaguLabel.lowercased()) \(b.formatted)") }
        if let a = p.plan?.pagu?.value.value { parts.append("\(profile.planPaguLabel.lowercased()) \(a.formatted)") }
        if let e = p.evaluation, let r = e.realisasi?.value.value {
            let share = facts.item(e)?.absorption
            parts.append("\(realisasiPhrase) \(r.formatted)" + (share.map { " (\($0.formatted))" } ?? ""))
        }
        let kegiatan = p.children.count, sub = p.children.reduce(0) { $0 + $1.children.count }
        return "\(name) dalam \(document.shortTitle): " + (parts.isEmpty ? "" : parts.joined(separator: ", ") + "; ")
            + "\(kegiatan) kegiatan, \(sub) sub kegiatan."
    }

    // MARK: Open data

    func downloads(for kind: TableKind, root: String) -> [DownloadView] {
        guard let t = table(kind) else { return [] }
        let csvSize = csv(t).count
        let jsonSize = (try? json(t))?.count ?? 0
        let name = "Tabel \(kind.number)"
        return [
            DownloadView(title: "\(name) (CSV)", href: root + OpenData.csvPath(document, kind), format: "CSV", size: Self.size(csvSize),
                         description: "Satu baris per indikator; pemisah titik koma, desimal koma — langsung terbuka di Excel/LibreOffice berbahasa Indonesia."),
            DownloadView(title: "\(name) (JSON)", href: root + OpenData.jsonPath(document, kind), format: "JSON", size: Self.size(jsonSize),
                         description: "Struktur program → kegiatan → sub kegiatan; angka dengan titik desimal, beserta teks aslinya."),
        ]
    }

    static func size(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) B" }
        if bytes < 999_950 { return "\(IndonesianNumber.decimal(Double(bytes) / 1000, places: 1)) kB" }
        return "\(IndonesianNumber.decimal(Double(bytes) / 1_000_000, places: 1)) MB"
    }

    /// The files behind the downloads.
    func dataFiles() throws -> [OutputFile] {
        var out: [OutputFile] = []
        for kind in TableKind.allCases {
            guard let t = table(kind) else { continue }
            out.append(OutputFile(path: OpenData.csvPath(document, kind), data: csv(t)))
            out.append(OutputFile(path: OpenData.csvMetadataPath(document, kind), data: try OpenData.csvMetadata(t, document: document)))
            out.append(OutputFile(path: OpenData.jsonPath(document, kind), data: try json(t)))
        }
        if hasTables {
            out.append(OutputFile(path: OpenData.documentJSONPath(document), data: try documentJSON()))
        }
        return out
    }

    // The open-data files are needed for their sizes on several pages and once for writing: make
    // each once per document.
    func csv(_ t: Table) -> Data {
        openData.memo(\.csv, t.kind) { OpenData.csv(t, documentSlug: document.slug) }
    }

    func json(_ t: Table) throws -> Data {
        try openData.memo(\.json, t.kind) { Result { try OpenData.json(t, facts: facts.table(t.kind), document: document) } }.get()
    }

    func documentJSON() throws -> Data {
        try openData.memo(\.document, "") { Result { try OpenData.json(facts, baseURL: base.baseURL) } }.get()
    }

    func dataPage() -> PagePlan {
        let dir = Paths.data(document)
        var v = view(dir: dir, title: "Data terbuka — \(document.shortTitle)",
                     description: "Unduh tabel \(document.title) sebagai CSV dan JSON.", crumbs: [LinkView(title: "Data terbuka", href: nil)])
        var files = TableKind.allCases.flatMap { downloads(for: $0, root: v.root) }
        for kind in TableKind.allCases {
            guard let t = table(kind) else { continue }
            let size = (try? OpenData.csvMetadata(t, document: document))?.count ?? 0
            files.append(DownloadView(title: "Tabel \(kind.number) (metadata CSV)", href: v.root + OpenData.csvMetadataPath(document, kind),
                                      format: "JSON", size: Self.size(size),
                                      description: "Keterangan berkas CSV menurut CSV on the Web (W3C): judul, instansi, versi dan tanggal dokumen, cara membacanya."))
        }
        let docJSON = (try? documentJSON())?.count ?? 0
        files.append(DownloadView(title: "Seluruh dokumen (JSON)", href: v.root + OpenData.documentJSONPath(document), format: "JSON",
                                  size: Self.size(docJSON),
                                  description: profile.comparesStages ? "Data dokumen, teks setiap bab (Markdown), kedua tabel dan daftar perubahan anggaran."
                                      : "Data dokumen, teks setiap bab (Markdown) dan tabelnya."))
        // Only the columns this document's tables have.
        var columns: [ColumnView] = [.init(name: "tingkat", meaning: "program, kegiatan atau sub kegiatan")]
        var keys: [String] = []
        if profile.hasEvaluation { keys.append("nomor baris Tabel 1 (I, 1., 1.1)") }
        if profile.hasPlan || (document.evaluation?.allItems.contains { $0.code != nil } ?? false) { keys.append("kode nomenklatur") }
        columns.append(.init(name: "nomor / kode", meaning: keys.joined(separator: " atau ")))
        columns.append(.init(name: "program, kegiatan, sub_kegiatan", meaning: "nama induk-induk baris, sehingga setiap baris dapat disaring sendiri"))
        columns.append(.init(name: "indikator, target, satuan_target", meaning: "satu baris per indikator kinerja; angka target dan satuannya"))
        if profile.hasEvaluation {
            columns.append(.init(name: "capaian, satuan_capaian, persen_capaian", meaning: "Tabel 1: \(DocumentWordsView(profile).capaian.lowercased()) dan persentasenya"))
        }
        columns.append(.init(name: profile.hasEvaluation ? "pagu, realisasi, persen_realisasi" : "pagu",
                             meaning: "rupiah tanpa pemisah ribuan; ditulis sekali per program/kegiatan/sub kegiatan (pada indikator pertama). Jumlahkan baris bertingkat program untuk total tabel"))
        columns.append(.init(name: "catatan", meaning: "angka yang dalam dokumen tertulis tidak sah, beserta teks aslinya (kolom angkanya dikosongkan)"))
        v.data = DataPageView(downloads: files, columns: columns)
        return (dir, "data", v)
    }

    // MARK: Perubahan

    func changesPage(_ programs: [MatchedItem]) -> PagePlan {
        let dir = Paths.changes(document)
        let set = facts.changes
        let beforeTotal = facts.evaluation?.programTotal[.pagu], afterTotal = facts.plan?.programTotal[.pagu]
        let before = beforeTotal?.readable ?? .zero, after = afterTotal?.readable ?? .zero, diff = after - before
        var v = view(dir: dir, title: "Perubahan anggaran — \(document.shortTitle)",
                     description: "Apa yang diubah oleh \(document.shortTitle): pagu \(before.formatted) menjadi \(after.formatted) (\(signed(diff))), per program, kegiatan dan sub kegiatan.",
                     crumbs: [LinkView(title: "Perubahan", href: nil)])
        v.indexed = true
        v.scripts = [v.root + "assets/urutkan.js"]
        let root = v.root
        let row = { (c: Change) in changeRow(c, root: root) }
        let changed = set.leaves.filter { $0.status != .tetap }
        let subTotal = set.items.filter { $0.level == .subKegiatan }.reduce(Rupiah.zero) { $0 + ($1.difference ?? .zero) }
        var reconcile: [ReconcileView] = []
        reconcile.append(stated("Jumlah pagu Tabel 1 (sebelum perubahan)", before, table: .evaluasi, root: root))
        reconcile.append(stated("Jumlah pagu Tabel 2 (setelah perubahan)", after, table: .rencana, root: root))
        reconcile.append(ReconcileView(label: "Selisih jumlah (Tabel 2 − Tabel 1)", computed: signed(diff),
                                       stated: "jumlah selisih per program: \(signed(set.totalOfDifferences))", source: nil,
                                       statusWord: set.totalOfDifferences == diff ? "Cocok" : "Tidak cocok",
                                       statusClass: set.totalOfDifferences == diff ? "cocok" : "tidak-cocok"))
        reconcile.append(ReconcileView(label: "Selisih menurut rincian sub kegiatan", computed: signed(subTotal),
                                       stated: "selisih jumlah tabel: \(signed(diff))", source: nil,
                                       statusWord: subTotal == diff ? "Cocok" : "Tidak cocok",
                                       statusClass: subTotal == diff ? "cocok" : "tidak-cocok"))
        var targets: [TargetChangeView] = []
        for c in set.all.sorted(by: { $0.order < $1.order }) {
            for t in c.targetChanges {
                targets.append(TargetChangeView(item: [c.keyLabel, c.name].filter { !$0.isEmpty }.joined(separator: " "),
                                                levelWord: c.level.word, href: href(c, root: root), indicator: t.indicator,
                                                before: t.before, after: t.after))
            }
        }
        v.changes = ChangesView(
            figures: [FigureView(label: "Pagu sebelum perubahan", value: Format.total(beforeTotal), note: "Tabel 1"),
                      FigureView(label: "Pagu setelah perubahan", value: Format.total(afterTotal), note: "Tabel 2"),
                      FigureView(label: "Selisih", value: signed(diff), note: before.value == 0 ? nil : diff.percent(of: before).map { signedPercent($0) }),
                      FigureView(label: "Sub kegiatan berubah", value: Format.int(changed.count), note: "dari \(Format.int(set.leaves.count)) sub kegiatan (tiap perubahan dihitung sekali)")],
            reconciliation: reconcile,
            programs: ChangeSet.bySize(set.programs).map(row),
            items: ChangeSet.bySize(set.leaves).map(row),
            targets: targets,
            added: set.all.filter { $0.status == .baru }.map(row),
            dropped: set.all.filter { $0.status == .dihapus }.map(row),
            totalBefore: before.plain, totalAfter: after.plain, totalDifference: signed(diff, currency: false),
            changedCount: changed.count, unchangedCount: set.leaves.count - changed.count, chart: nil,
            downloads: [DownloadView(title: "Seluruh dokumen dan daftar perubahan (JSON)", href: root + OpenData.documentJSONPath(document),
                                     format: "JSON", size: nil, description: nil)])
        return (dir, "perubahan", v)
    }

    func href(_ c: Change, root: String) -> String {
        let page = root + Paths.program(document, key: c.programKey)
        return c.level == .program ? page : page + "#" + c.anchor
    }

    func changeRow(_ c: Change, root: String) -> ChangeRowView {
        let d = c.difference
        let direction = d.map { $0.value > 0 ? "naik" : $0.value < 0 ? "turun" : "sama" } ?? "sama"
        return ChangeRowView(
            levelWord: c.level.word, levelClass: levelClass(c.level), key: c.keyLabel, name: titleCase(c.name),
            href: href(c, root: root),
            before: c.before.map { Format.amount($0) } ?? "–", after: c.after.map { Format.amount($0) } ?? "–",
            difference: d.map { signed($0, currency: false) } ?? "tidak dapat dihitung",
            relative: c.relative.map(signedPercent) ?? "",
            statusWord: c.status.word, statusClass: c.status.rawValue, showStatus: c.status != .tetap, direction: direction,
            sortOrder: c.order, sortSize: String(c.magnitude), sortDifference: d.map { String($0.value) } ?? "",
            sortBefore: c.beforeValue.map { String($0.value) } ?? "", sortAfter: c.afterValue.map { String($0.value) } ?? "",
            sortRelative: c.relative.map { String(Int(($0.value * 100).rounded())) } ?? "",
            targetChangeCount: c.targetChanges.count, hasTargetChanges: !c.targetChanges.isEmpty,
            context: c.parents.isEmpty ? nil : c.parents.map { p in
                [Self.capitalized(p.level.word), p.key, titleCase(p.name)].filter { !$0.isEmpty }.joined(separator: " ")
            }.joined(separator: " › "))
    }

    /// `+Rp 1.000`, `-Rp 179.185.000`, `Rp 0` (or without `Rp`, for cells under a "(Rp)" header).
    func signed(_ r: Rupiah, currency: Bool = true) -> String {
        let body = currency ? Rupiah(Int64(r.value.magnitude)).formatted : r.plain.replacingOccurrences(of: "-", with: "")
        return r.value > 0 ? "+" + body : r.value < 0 ? "−" + body : body
    }

    func signedPercent(_ p: Percent) -> String {
        let s = Percent(abs(p.value)).formatted
        return p.value > 0.0049 ? "+" + s : p.value < -0.0049 ? "−" + s : s
    }

    /// A table total beside the same figure in the narrative, when a chapter states it (as the
    /// narrative facts read it, the same reading the `narasi-angka` check reports).
    func stated(_ label: String, _ total: Rupiah, table: TableKind, root: String) -> ReconcileView {
        if let f = facts.narrativeStatement(of: .pagu, in: table), let c = document.chapters.first(where: { $0.slug == f.chapterSlug }) {
            return ReconcileView(label: label, computed: total.formatted, stated: f.written,
                                 source: LinkView(title: c.displayTitle, href: root + Paths.chapter(document, c)),
                                 statusWord: "Cocok", statusClass: "cocok")
        }
        return ReconcileView(label: label, computed: total.formatted, stated: "angka ini tidak disebut dalam narasi", source: nil,
                             statusWord: "Tidak disebut", statusClass: "tidak-disebut")
    }

    // MARK: One-page print version

    func printPage() -> PagePlan {
        let dir = Paths.printable(document)
        var v = view(dir: dir, title: "\(document.title) — versi cetak",
                     description: "Seluruh bab dan tabel \(document.title) dalam satu halaman, untuk dicetak atau disimpan sebagai PDF.",
                     crumbs: [LinkView(title: "Versi cetak", href: nil)])
        v.scripts = [v.root + "assets/cetak.js"]
        var used = Set<TableKind>()
        let chapters = document.chapters.map { c -> PrintChapterView in
            let id = "bab-\(c.slug)"
            // Ids get the chapter's prefix (chapters share this page) and headings go one level
            // down, under the chapter's own <h2>.
            var html = Text.replacingLiteral(renderedChapter(c).html, " id=\"", with: " id=\"\(id)-")
            html = Text.replacingLiteral(html, "href=\"#", with: "href=\"#\(id)-")
            for level in (2...5).reversed() {
                html = Text.replacingLiteral(html, "<h\(level)", with: "<h\(level + 1)")
                html = Text.replacingLiteral(html, "</h\(level)>", with: "</h\(level + 1)>")
            }
            var segments: [PrintSegmentView] = []
            var rest = Substring(html)
            while let (range, kind) = nextEmbed(in: rest) {
                let before = rest[..<range.lowerBound]
                if !before.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { segments.append(PrintSegmentView(html: String(before))) }
                if let t = table(kind) {
                    segments.append(PrintSegmentView(table: tableView(t, root: v.root)))
                    used.insert(kind)
                }
                rest = rest[range.upperBound...]
            }
            if !rest.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { segments.append(PrintSegmentView(html: String(rest))) }
            var signing: SigningView?
            if c.signature { signing = SigningView(document.signing) }
            return PrintChapterView(id: id, displayTitle: c.displayTitle, number: c.number, title: c.title, segments: segments, signing: signing)
        }
        let appendix = TableKind.allCases.filter { !used.contains($0) }.compactMap { table($0) }
            .map { PrintSegmentView(table: tableView($0, root: v.root)) }
        v.printable = PrintView(title: document.title, kind: document.kind, year: String(document.year.value), agency: document.agency.name,
                                government: document.agency.government.isEmpty ? nil : document.agency.government, chapters: chapters, appendix: appendix,
                                hasAppendix: !appendix.isEmpty, onlineHref: base.baseURL + Paths.document(document))
        return (dir, "cetak", v)
    }

    /// The first `<p>{{tabel …}}</p>` marker in rendered chapter HTML.
    func nextEmbed(in html: Substring) -> (Range<Substring.Index>, TableKind)? {
        var best: (Range<Substring.Index>, TableKind)?
        for kind in TableKind.allCases {
            if let r = html.range(of: "<p>{{tabel \(kind.rawValue)}}</p>"), best == nil || r.lowerBound < best!.0.lowerBound {
                best = (r, kind)
            }
        }
        return best
    }
}

/// A page description from the first paragraph of rendered HTML: tags dropped, entities of the
/// escaper undone, cut at a word near 160 characters.
enum Excerpt {
    static func description(html: String, fallback: String, limit: Int = 160) -> String {
        guard let open = html.range(of: "<p>"), let close = html.range(of: "</p>", range: open.upperBound..<html.endIndex) else { return fallback }
        var text = ""
        var inTag = false
        for ch in html[open.upperBound..<close.lowerBound] {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { text.append(ch) }
        }
        text = text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        text = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard !text.isEmpty else { return fallback }
        guard text.count > limit else { return text }
        var cut = String(text.prefix(limit))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:.")) + "…"
    }
}

/// Memo of one document's rendered chapters and open-data files. Pages of one document may be
/// built on several threads at once (a site of one document), hence the lock; a value may be
/// computed twice in a race, never stored twice differently (the computations are pure).
final class OpenDataCache: @unchecked Sendable {
    /// Rendered chapters by slug (see `renderedChapter`).
    var chapters: [String: RenderedMarkdown] = [:]
    var csv: [TableKind: Data] = [:]
    var json: [TableKind: Result<Data, Error>] = [:]
    var document: [String: Result<Data, Error>] = [:]
    private let lock = NSLock()

    func memo<K: Hashable, V>(_ table: ReferenceWritableKeyPath<OpenDataCache, [K: V]>, _ key: K, _ make: () -> V) -> V {
        lock.lock()
        let known = self[keyPath: table][key]
        lock.unlock()
        if let known { return known }
        let value = make()
        lock.lock()
        defer { lock.unlock() }
        if let raced = self[keyPath: table][key] { return raced }
        self[keyPath: table][key] = value
        return value
    }
}
