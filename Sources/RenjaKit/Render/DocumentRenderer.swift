import Foundation

/// The pages of one document: its home, chapters, tables, programs and the Validasi page.
struct DocumentRenderer {
    let site: Site
    /// Every figure the pages show comes from here (the same facts the checks read).
    let facts: DocumentFacts
    let findings: [Diagnostic]
    /// The findings as the site lists and counts them.
    let index: FindingIndex
    let base: SiteRenderer
    /// The open-data files, made once: pages show their sizes and `dataFiles()` writes them.
    let openData = OpenDataCache()

    var document: Document { facts.document }
    var profile: DocumentProfile { facts.profile }
    /// Tabel 1 and Tabel 2 paired row by row.
    var matched: [MatchedItem] { facts.matches }

    init(site: Site, facts: DocumentFacts, findings: [Diagnostic], base: SiteRenderer) {
        self.site = site
        self.facts = facts
        self.findings = findings
        self.index = FindingIndex(findings: findings, facts: facts)
        self.base = base
    }

    typealias PagePlan = (dir: String, template: String, view: PageView)

    func pages() -> ([PagePlan], [Diagnostic]) {
        let built = pageBuilders().map { $0() }
        return (built.map(\.0), built.flatMap(\.1))
    }

    /// One closure per page, in page order; they are independent, so a site of one document can
    /// build them on all cores.
    func pageBuilders() -> [() -> (PagePlan, [Diagnostic])] {
        let programs = matched
        var out: [() -> (PagePlan, [Diagnostic])] = []
        out.append { (home(programs), []) }
        for (i, c) in document.chapters.enumerated() {
            out.append { chapterPage(i, c) }
        }
        for kind in TableKind.allCases {
            if let t = table(kind) { out.append { (tablePage(t), []) } }
        }
        if let t = document.standardEvaluation { out.append { (standardTablePage(t), []) } }
        for (i, p) in programs.enumerated() { out.append { (programPage(i, p, all: programs), []) } }
        if base.showFindings { out.append { (validationPage(programs), []) } }
        if profile.comparesStages { out.append { (changesPage(programs), []) } }
        for earlier in hostedComparisons {
            if let page = comparisonPage(with: earlier) { out.append { (page, []) } }
        }
        if hasTables { out.append { (dataPage(), []) } }
        out.append { (printPage(), []) }
        return out
    }

    var hasTables: Bool { document.evaluation != nil || document.plan != nil }

    func table(_ k: TableKind) -> Table? { k == .evaluasi ? document.evaluation : document.plan }

    // MARK: Shared pieces

    func view(dir: String, title: String, description: String = "", crumbs: [LinkView]) -> PageView {
        let root = Paths.root(forDir: dir)
        let docCrumb = LinkView(title: document.shortTitle, href: root + Paths.document(document))
        var v = base.common(dir: dir, title: title, description: description,
                            breadcrumbs: [LinkView(title: "Beranda", href: root)] + (dir == Paths.document(document) ? [] : [docCrumb]) + crumbs)
        v.agency = AgencyView(document.agency)
        v.document = DocumentRenderer.card(facts, root: root)
        v.words = DocumentWordsView(profile)
        v.chaptersNav = document.chapters.map {
            LinkView(title: $0.displayTitle, href: root + Paths.chapter(document, $0), current: dir == Paths.chapter(document, $0))
        }
        v.tablesNav = TableKind.allCases.compactMap { k in
            table(k).map { LinkView(title: "Tabel \(k.number). \($0.title)", href: root + Paths.table(document, k), current: dir == Paths.table(document, k)) }
        } + standardTableLink(root: root, dir: dir)
        v.programsNav = matched.map {
            LinkView(title: titleCase($0.name), href: root + Paths.program(document, key: $0.key), current: dir == Paths.program(document, key: $0.key))
        }
        var links: [LinkView] = []
        if profile.comparesStages {
            links.append(LinkView(title: "Perubahan anggaran", href: root + Paths.changes(document), current: dir == Paths.changes(document)))
        }
        if hasTables {
            links.append(LinkView(title: "Data terbuka (CSV, JSON)", href: root + Paths.data(document), current: dir == Paths.data(document)))
        }
        links.append(LinkView(title: "Versi cetak seluruh dokumen", href: root + Paths.printable(document), current: dir == Paths.printable(document)))
        if base.showFindings {
            links.append(LinkView(title: "Validasi angka", href: root + Paths.validation(document), current: dir == Paths.validation(document)))
        }
        v.comparisons = comparisonLinks(root: root, dir: dir)
        v.documentLinks = links + v.comparisons.filter { !$0.current }.map { LinkView(title: "Bandingkan: \($0.title)", href: $0.href) }
        return v
    }

    static func card(_ facts: DocumentFacts, root: String) -> DocumentCardView {
        let d = facts.document, profile = facts.profile
        var figures: [FigureView] = []
        if let e = facts.evaluation {
            figures.append(FigureView(label: profile.evaluationPaguLabel, value: Format.total(e.programTotal[.pagu]), note: "Tabel 1"))
        }
        if let p = facts.plan {
            figures.append(FigureView(label: profile.planPaguLabel, value: Format.total(p.programTotal[.pagu]), note: "Tabel 2"))
        }
        if let e = facts.evaluation {
            figures.append(FigureView(label: profile.realisasiLabel, value: Format.total(e.programTotal[.realisasi]),
                                      note: e.absorption.map { "\($0.formatted) dari \(profile.evaluationPaguLabel.lowercased())" }))
        }
        if let t = facts.plan ?? facts.evaluation {
            for level in Level.allCases {
                let rows = t.rows(level), distinct = t.distinctKeys(level)
                figures.append(FigureView(label: level.word.prefix(1).uppercased() + level.word.dropFirst(), value: Format.int(rows),
                                          note: distinct != rows ? "\(Format.int(distinct)) kode berbeda" : nil))
            }
        }
        return DocumentCardView(title: d.title, shortTitle: d.shortTitle, kind: d.kind, year: String(d.year.value),
                                href: root + Paths.document(d), agency: d.agency.name, figures: figures,
                                version: VersionView(facts.version))
    }

    /// Program names are printed in capitals in the source; navigation reads better in title case.
    func titleCase(_ s: String) -> String {
        guard s == s.uppercased() else { return s }
        let small: Set<String> = ["dan", "di", "ke", "dari", "yang", "pada", "untuk", "dalam", "serta", "atau"]
        return s.lowercased().split(separator: " ").enumerated().map { i, w in
            let word = String(w)
            if i > 0 && small.contains(word) { return word }
            if word.hasPrefix("(") && word.count <= 5 { return word.uppercased() }
            // "KABUPATEN/KOTA" → "Kabupaten/Kota": every part of a slashed word keeps its capital.
            return word.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "/")
        }.joined(separator: " ")
    }

    /// A row's amount as the document states it; when the document states none for a program or
    /// kegiatan, the facts' sum of its sub kegiatan, marked as computed.
    func amount(_ item: Item?, _ kind: AmountKind, currency: Bool = false) -> String {
        guard let item else { return "" }
        if let stated = item.amount(kind) { return currency ? Format.amountText(stated) : Format.amount(stated) }
        let f = facts.item(item)
        guard let sum = (f?.leafSum[kind] ?? f?.childSum[kind])?.value else { return "–" }
        return (currency ? sum.formatted : sum.plain) + " (jumlah sub kegiatan)"
    }

    // MARK: Home

    func home(_ programs: [MatchedItem]) -> PagePlan {
        let dir = Paths.document(document)
        var v = view(dir: dir, title: document.title, description: "\(document.title) — \(document.agency.name)", crumbs: [])
        let root = v.root
        let summaries = programs.map { p -> ProgramSummaryView in
            let e = p.evaluation, a = p.plan
            let share = e.flatMap { facts.item($0)?.absorption }
            let findingCount = index.temuanCount(program: p.key)
            return ProgramSummaryView(name: titleCase(p.name), href: root + Paths.program(document, key: p.key),
                                      pagu: amount(e, .pagu), paguAfter: amount(a, .pagu),
                                      realisasi: Format.amount(e?.realisasi), absorption: Format.percent(share),
                                      kegiatanCount: p.children.count,
                                      subKegiatanCount: p.children.reduce(0) { $0 + $1.children.count },
                                      findingCount: findingCount, hasFindings: findingCount > 0,
                                      findingsHref: findingCount > 0 ? root + Paths.validation(document) + "#kelompok-\(p.key)" : nil)
        }
        v.home = HomeView(chart: absorptionChart(programs), printHref: root + Paths.printable(document),
                          changesHref: profile.comparesStages ? root + Paths.changes(document) : nil, dataHref: hasTables ? root + Paths.data(document) : nil,
                          figures: v.document?.figures ?? [], programs: summaries,
                          counts: base.showFindings ? index.counts : nil,
                          validationHref: base.showFindings ? root + Paths.validation(document) : nil)
        v.home?.pdf = pdfLink(root: root)
        v.indexed = true
        return (dir, "document", v)
    }

    // MARK: Chapters

    /// A chapter's Markdown with its placeholders filled (in the facts), rendered: made once, used
    /// by the chapter's page and the print page.
    func renderedChapter(_ c: Chapter) -> RenderedMarkdown {
        openData.memo(\.chapters, c.slug) { Markdown.render(facts.expandedChapters[c.slug] ?? c.markdown) }
    }

    func chapterPage(_ i: Int, _ c: Chapter) -> (PagePlan, [Diagnostic]) {
        let dir = Paths.chapter(document, c)
        let rendered = renderedChapter(c)
        var v = view(dir: dir, title: "\(c.displayTitle) — \(document.shortTitle)",
                     description: Excerpt.description(html: rendered.html, fallback: "\(c.displayTitle), \(document.title)."),
                     crumbs: [LinkView(title: c.displayTitle, href: nil)])
        v.indexed = true
        let html = TableEmbeds.replace(in: markedChapter(c).html ?? rendered.html) { kind in
            guard let t = table(kind) else { return nil }
            return tableSummaryHTML(t, root: v.root)
        }
        let toc = rendered.headings.filter { $0.level <= 3 }.map { HeadingView(text: $0.text, id: $0.id, sub: $0.level == 3) }
        var signing: SigningView?
        if c.signature {
            let s = document.signing
            signing = SigningView(s)
        }
        let link = { (c: Chapter) in LinkView(title: c.displayTitle, href: v.root + Paths.chapter(document, c)) }
        v.chapter = ChapterView(displayTitle: c.displayTitle, number: c.number, title: c.title, html: html, toc: toc, hasToc: !toc.isEmpty,
                                signing: signing,
                                previous: i > 0 ? link(document.chapters[i - 1]) : nil,
                                next: i + 1 < document.chapters.count ? link(document.chapters[i + 1]) : nil)
        return ((dir, "chapter", v), [])
    }

    /// What stands in a chapter where the source printed a table: a captioned pointer to the table
    /// page with its totals (the full table is too wide to repeat inside the narrative).
    func tableSummaryHTML(_ t: Table, root: String) -> String {
        let tf = facts.table(t.kind)
        let caption = HTMLText.escape("Tabel \(t.kind.number). \(t.title)")
        let href = HTMLText.escape(root + Paths.table(document, t.kind))
        var figures = "<li>\(tf?.rows(.program) ?? 0) program, \(tf?.rows(.kegiatan) ?? 0) kegiatan, \(tf?.rows(.subKegiatan) ?? 0) sub kegiatan</li>"
        figures += "<li>Pagu: \(HTMLText.escape(Format.total(tf?.programTotal[.pagu])))</li>"
        if t.kind == .evaluasi {
            figures += "<li>Realisasi: \(HTMLText.escape(Format.total(tf?.programTotal[.realisasi]))) (\(Format.percent(tf?.absorption)))</li>"
        }
        return "<figure class=\"sisipan-tabel\"><figcaption><a href=\"\(href)\">\(caption)</a></figcaption><ul>\(figures)</ul>"
            + "<p><a class=\"tombol\" href=\"\(href)\">Lihat tabel lengkap</a></p></figure>"
    }

    // MARK: Tables

    func rows(_ item: Item, root: String, programKey: String, link: Bool, parents: [String] = []) -> [RowView] {
        let indicators = item.indicators.map {
            IndicatorView(name: $0.name.value, target: Format.quantity($0.target), targetAfter: nil,
                          actual: Format.quantity($0.actual), stated: Format.percent($0.stated))
        }
        let first = indicators.first ?? IndicatorView(name: "", target: "", targetAfter: nil, actual: "", stated: "")
        let chip = chip(anchors: [item.anchor], root: root)
        let key = item.code?.value ?? item.number?.value ?? ""
        var row = RowView(anchor: item.anchor, levelClass: levelClass(item.level), levelWord: item.level.word,
                          key: key, name: item.name.value,
                          href: link ? root + Paths.program(document, key: programKey) : nil,
                          rowspan: max(1, indicators.count), first: first, rest: Array(indicators.dropFirst()),
                          pagu: amount(item, .pagu), paguAfter: nil, paguChange: nil,
                          realisasi: Format.amount(item.realisasi), absorption: Format.percent(item.statedAbsorption),
                          findingCount: chip.count, hasFindings: chip.count > 0, findingsHref: chip.href,
                          isProgram: item.level == .program)
        row.indicators = indicators
        row.programKey = programKey
        row.context = parents.isEmpty ? nil : parents.joined(separator: " › ")
        row.sortPagu = SortKey.amount(item.pagu)
        row.sortRealisasi = SortKey.amount(item.realisasi)
        row.sortAbsorption = SortKey.decimal(item.statedAbsorption?.value.value?.value ?? facts.item(item)?.absorption?.value)
        row.sortAchievement = SortKey.decimal(facts.item(item)?.indicators.lazy.compactMap { $0.shown?.value }.first)
        let here = [Self.capitalized(item.level.word), key, titleCase(item.name.value)].filter { !$0.isEmpty }.joined(separator: " ")
        return [row] + item.children.flatMap { rows($0, root: root, programKey: programKey, link: false, parents: parents + [here]) }
    }

    /// "sub kegiatan" → "Sub kegiatan".
    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    func levelClass(_ l: Level) -> String {
        switch l {
        case .program: return "program"
        case .kegiatan: return "kegiatan"
        case .subKegiatan: return "sub-kegiatan"
        }
    }

    func tablePage(_ t: Table) -> PagePlan {
        let dir = Paths.table(document, t.kind)
        let caption = "Tabel \(t.kind.number). \(t.title)"
        var v = view(dir: dir, title: "\(caption) — \(document.shortTitle)", description: tableDescription(t),
                     crumbs: [LinkView(title: "Tabel \(t.kind.number)", href: nil)])
        v.indexed = true
        v.scripts = [v.root + "assets/urutkan.js"]
        v.table = tableView(t, root: v.root)
        return (dir, "table", v)
    }

    /// The full table, as the table page and the one-page print version show it.
    func tableView(_ t: Table, root: String) -> TableView {
        let keys = Dictionary(matched.flatMap { m in [m.evaluation?.anchor, m.plan?.anchor].compactMap { $0 }.map { ($0, m.key) } },
                              uniquingKeysWith: { a, _ in a })
        var order = 0
        let groups = t.programs.map { p in
            var rs = rows(p, root: root, programKey: keys[p.anchor] ?? Text.slug(p.name.value), link: true)
            for i in rs.indices { rs[i].sortOrder = order; order += 1 }
            return ProgramGroupView(key: keys[p.anchor] ?? Text.slug(p.name.value), name: p.name.value, rows: rs)
        }
        let tf = facts.table(t.kind)
        return TableView(number: t.kind.number, caption: "Tabel \(t.kind.number). \(t.title)", kindEvaluation: t.kind == .evaluasi,
                         tableHref: root + Paths.table(document, t.kind), groups: groups, totalPagu: Format.plainTotal(tf?.programTotal[.pagu]),
                         totalRealisasi: Format.plainTotal(tf?.programTotal[.realisasi]),
                         totalAbsorption: Format.percent(tf?.absorption), sourceFile: t.file,
                         downloads: downloads(for: t.kind, root: root),
                         changesHref: profile.comparesStages ? root + Paths.changes(document) : nil)
    }

    // MARK: Programs

    func programPage(_ i: Int, _ p: MatchedItem, all: [MatchedItem]) -> PagePlan {
        let dir = Paths.program(document, key: p.key)
        let name = titleCase(p.name)
        var v = view(dir: dir, title: "\(name) — \(document.shortTitle)", description: programDescription(p, name: name),
                     crumbs: [LinkView(title: name, href: nil)])
        v.indexed = true
        v.scripts = [v.root + "assets/urutkan.js"]
        let root = v.root
        var rows: [RowView] = []
        func walk(_ m: MatchedItem, parents: [String]) {
            var row = matchedRow(m, root: root, programKey: p.key)
            row.sortOrder = rows.count
            row.context = parents.isEmpty ? nil : parents.joined(separator: " › ")
            rows.append(row)
            let here = [Self.capitalized(m.level.word), row.key, titleCase(m.name)].filter { !$0.isEmpty }.joined(separator: " ")
            m.children.forEach { walk($0, parents: parents + [here]) }
        }
        p.children.forEach { walk($0, parents: []) }
        let e = p.evaluation, a = p.plan
        let before = e?.pagu?.value.value, after = a?.pagu?.value.value
        var figures: [FigureView] = []
        if profile.hasEvaluation {
            figures.append(FigureView(label: profile.evaluationPaguLabel, value: e.map { amount($0, .pagu, currency: true) } ?? "tidak ada di Tabel 1", note: "Tabel 1"))
        }
        if profile.hasPlan {
            figures.append(FigureView(label: profile.planPaguLabel, value: a.map { amount($0, .pagu, currency: true) } ?? "tidak ada di Tabel 2", note: "Tabel 2"))
        }
        if profile.comparesStages, let change = facts.changes.change(anchor: e?.anchor ?? a?.anchor), let d = change.difference {
            figures.append(FigureView(label: "Selisih pagu", value: d.formatted, note: nil))
        } else if profile.comparesStages, before == nil || after == nil {
            figures.append(FigureView(label: "Selisih pagu", value: "tidak dapat dihitung", note: nil))
        }
        if profile.hasEvaluation, let e {
            figures.append(FigureView(label: profile.realisasiLabel, value: Format.amountText(e.realisasi),
                                      note: facts.item(e)?.absorption.map { "serapan \($0.formatted)" }))
        }
        let own = index.program(p.key)
        let temuan = own.filter(\.counts).count
        let link = { (m: MatchedItem) in LinkView(title: titleCase(m.name), href: root + Paths.program(document, key: m.key)) }
        v.program = ProgramView(evaluationAnchor: e?.anchor, planAnchor: a?.anchor, name: name, number: e?.number?.value ?? "", code: a?.code?.value,
                                indicators: matchedIndicators(e, a), figures: figures, rows: rows,
                                findings: own.map { findingView($0, root: root, onProgramPage: true) }, hasFindings: !own.isEmpty,
                                findingSummary: ReaderText.summary(temuan: temuan, info: own.count - temuan), temuanCount: temuan,
                                previous: i > 0 ? link(all[i - 1]) : nil, next: i + 1 < all.count ? link(all[i + 1]) : nil,
                                charts: programCharts(p), downloads: TableKind.allCases.flatMap { downloads(for: $0, root: root) },
                                changesHref: profile.comparesStages ? root + Paths.changes(document) : nil)
        return (dir, "program", v)
    }

    /// A row's indicators as both tables list them, paired as the checks pair them
    /// (`IndicatorMatcher`), in Tabel 2's order and then those only in Tabel 1.
    func matchedIndicators(_ e: Item?, _ a: Item?) -> [IndicatorView] {
        let (pairs, onlyBefore, onlyAfter) = IndicatorMatcher.pair(e?.indicators ?? [], a?.indicators ?? [])
        var byAfter: [Int: Int] = [:]
        for (i, j) in pairs { byAfter[j] = i }
        func view(_ i: Int?, _ j: Int?) -> IndicatorView {
            let ei = i.flatMap { e?.indicators[$0] }, ai = j.flatMap { a?.indicators[$0] }
            return IndicatorView(name: ai?.name.value ?? ei?.name.value ?? "", target: Format.quantity(ei?.target),
                                 targetAfter: Format.quantity(ai?.target), actual: Format.quantity(ei?.actual),
                                 stated: Format.percent(ei?.stated),
                                 targetChanged: profile.comparesStages && ei != nil && ai != nil && Change.targetsDiffer(ei?.target, ai?.target))
        }
        var out: [IndicatorView] = []
        for j in (a?.indicators.indices).map(Array.init) ?? [] where byAfter[j] != nil || onlyAfter.contains(j) {
            out.append(view(byAfter[j], j))
        }
        for i in onlyBefore { out.append(view(i, nil)) }
        return out
    }

    func matchedRow(_ m: MatchedItem, root: String, programKey: String) -> RowView {
        let e = m.evaluation, a = m.plan
        let indicators = matchedIndicators(e, a)
        let anchors = [e?.anchor, a?.anchor].compactMap { $0 }
        let chip = chip(anchors: anchors, root: root, onProgramPage: true)
        var change: String?
        if profile.comparesStages, let d = facts.changes.change(anchor: e?.anchor ?? a?.anchor)?.difference, d != .zero { change = signed(d) }
        let key = [e?.number?.value, a?.code?.value].compactMap { $0 }.joined(separator: " · ")
        var row = RowView(anchor: e?.anchor ?? a?.anchor ?? "", planAnchor: e != nil ? a?.anchor : nil,
                       levelClass: levelClass(m.level), levelWord: m.level.word,
                       key: key, name: m.name, href: nil, rowspan: max(1, indicators.count),
                       first: indicators.first ?? IndicatorView(name: "", target: "", targetAfter: nil, actual: "", stated: ""),
                       rest: Array(indicators.dropFirst()),
                       pagu: amount(e, .pagu), paguAfter: amount(a, .pagu), paguChange: change,
                       realisasi: Format.amount(e?.realisasi), absorption: Format.percent(e?.statedAbsorption),
                       findingCount: chip.count, hasFindings: chip.count > 0, findingsHref: chip.href,
                       isProgram: m.level == .program)
        row.indicators = indicators
        row.programKey = programKey
        row.sortPagu = SortKey.amount(e?.pagu)
        row.sortPaguAfter = SortKey.amount(a?.pagu)
        row.sortRealisasi = SortKey.amount(e?.realisasi)
        row.sortAbsorption = SortKey.decimal(e.flatMap { $0.statedAbsorption?.value.value?.value ?? facts.item($0)?.absorption?.value })
        row.sortAchievement = SortKey.decimal(e.flatMap { facts.item($0)?.indicators.lazy.compactMap { $0.shown?.value }.first })
        return row
    }
}

/// Replaces the `{{tabel evaluasi}}` / `{{tabel rencana}}` paragraphs cmark produced.
enum TableEmbeds {
    static func replace(in html: String, with render: (TableKind) -> String?) -> String {
        var out = html
        for kind in TableKind.allCases {
            let marker = "<p>{{tabel \(kind.rawValue)}}</p>"
            guard Text.containsLiteral(out, marker) else { continue }
            out = Text.replacingLiteral(out, marker, with: render(kind) ?? "")
        }
        return out
    }
}
