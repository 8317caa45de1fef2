import Foundation
import RenjaModel
import RenjaMarkdown
import RenjaFacts

/// What the pages of one document share: the facts and findings, the document's chrome, rows and
/// tables as every page kind shows them, and the open-data files. Each page kind is built by its
/// own type in `Pages/`.
package struct DocumentRenderer {
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

    func pages() -> ([PagePlan], [Diagnostic]) {
        let built = pageBuilders().map { $0() }
        return (built.map(\.0), built.flatMap(\.1))
    }

    /// One closure per page, in page order; they are independent, so a site of one document can
    /// build them on all cores. A new page kind of a document is added here (and to `PageKinds`).
    /// The builders of this document's pages, in site order. With `sources`, only those of the pages
    /// made from one of these files (display paths): a chapter's page from its Markdown, a table's
    /// page from its YAML, the document's home from `dokumen.yaml` — the preview shows the page of
    /// the file just saved before it renders the rest.
    func pageBuilders(from sources: Set<String>? = nil) -> [() -> (PagePlan, [Diagnostic])] {
        let programs = matched
        let wanted = { (file: String) in sources?.contains(file) ?? true }
        var out: [() -> (PagePlan, [Diagnostic])] = []
        if wanted(document.metadataFile) { out.append { (HomePage(doc: self).plan(programs), []) } }
        for (i, c) in document.chapters.enumerated() where wanted(c.file) {
            out.append { ChapterPage(doc: self).plan(i, c) }
        }
        for kind in TableKind.allCases {
            if let t = table(kind), wanted(t.file) { out.append { (TablePage(doc: self).plan(t), []) } }
        }
        if let t = document.standardEvaluation, wanted(t.file) { out.append { (standardTablePage(t), []) } }
        if let t = document.standardPlan, wanted(t.file) { out.append { (standardPlanPage(t), []) } }
        if let t = document.standardEvaluation, wanted(t.file), let q = facts.standard?.quarters { out.append { (QuarterPage(doc: self).plan(t, q), []) } }
        guard sources == nil else { return out }
        for (i, p) in programs.enumerated() { out.append { (ProgramPage(doc: self).plan(i, p, all: programs), []) } }
        if base.showFindings { out.append { (ValidationPage(doc: self).plan(programs), []) } }
        if profile.comparesStages { out.append { (ChangesPage(doc: self).plan(programs), []) } }
        for earlier in hostedComparisons {
            if let page = ComparisonPage(doc: self).plan(with: earlier) { out.append { (page, []) } }
        }
        if hasOpenData { out.append { (DataPage(doc: self).plan(), []) } }
        out.append { (PrintPage(doc: self).plan(), []) }
        return out
    }

    var hasTables: Bool { document.evaluation != nil || document.plan != nil || document.standardPlan != nil }
    /// Tabel 1, Tabel 2, the standard rencana table or the standard evaluation table: the document has a data page.
    var hasOpenData: Bool { hasTables || document.standardEvaluation != nil }

    func table(_ k: TableKind) -> Table? { k == .evaluasi ? document.evaluation : document.plan }

    // MARK: Shared pieces

    /// A phrase of `kata.yaml` (`Phrase`), with its fields already formatted.
    func say(_ phrase: Phrase, _ values: [String: String] = [:]) -> String {
        base.templates.wording.say(phrase, values)
    }

    /// The chrome of this document's page at `dir`; the page kind sets its own parts (`indexed`,
    /// `scripts`) and hands it to `plan`.
    func view(dir: String, title: String, description: String = "", crumbs: [LinkView]) -> DocumentPageFrame {
        let root = Paths.root(forDir: dir)
        let docCrumb = LinkView(title: document.shortTitle, href: root + Paths.document(document))
        var chrome = base.chrome(dir: dir, title: title, description: description,
                                 breadcrumbs: [LinkView(title: say(.jejakBeranda), href: root)] + (dir == Paths.document(document) ? [] : [docCrumb]) + crumbs)
        chrome.agency = AgencyView(document.agency)
        var links: [LinkView] = []
        if profile.comparesStages {
            links.append(LinkView.nav(say(.tautanPerubahan), to: Paths.changes(document), root: root, dir: dir))
        }
        if hasOpenData {
            links.append(LinkView.nav(say(.tautanDataTerbuka), to: Paths.data(document), root: root, dir: dir))
        }
        links.append(LinkView.nav(say(.tautanVersiCetak), to: Paths.printable(document), root: root, dir: dir))
        if base.showFindings {
            links.append(LinkView.nav(say(.tautanValidasi), to: Paths.validation(document), root: root, dir: dir))
        }
        let comparisons = comparisonLinks(root: root, dir: dir)
        let documentChrome = DocumentChrome(
            document: DocumentRenderer.card(facts, root: root),
            words: DocumentWordsView(profile),
            chaptersNav: document.chapters.map {
                LinkView.nav($0.displayTitle, to: Paths.chapter(document, $0), root: root, dir: dir)
            },
            tablesNav: TableKind.allCases.compactMap { k in
                table(k).map { LinkView.nav(say(.tautanTabel, ["nomor": "\(k.number)", "judul": $0.title]), to: Paths.table(document, k), root: root, dir: dir) }
            } + standardTableLink(root: root, dir: dir) + standardPlanLink(root: root, dir: dir) + quarterLink(root: root, dir: dir),
            programsNav: matched.map {
                LinkView.nav(titleCase($0.name), to: Paths.program(document, key: $0.key), root: root, dir: dir)
            },
            documentLinks: links + comparisons.filter { !$0.current }.map { LinkView(title: say(.tautanBandingkan, ["judul": $0.title]), href: $0.href) },
            comparisons: comparisons, relatedDocuments: relatedDocumentLinks(root: root))
        return DocumentPageFrame(dir: dir, chrome: chrome, document: documentChrome)
    }

    /// A page of this document, from its frame and its kind's own view.
    func plan(_ frame: DocumentPageFrame, _ kind: PageKind, _ content: any MustacheView) -> PagePlan {
        PagePlan(dir: frame.dir, template: kind.template, view: PageView(chrome: frame.chrome, documentChrome: frame.document, content: content))
    }

    package static func card(_ facts: DocumentFacts, root: String) -> DocumentCardView {
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
        if facts.evaluation == nil, facts.plan == nil, let sp = facts.standardPlan {
            // A document with only the standard rencana table: its two money columns and its rows.
            let year = sp.table.year?.value ?? d.year.value
            figures.append(FigureView(label: "Pagu indikatif \(year)", value: Format.total(sp.programTotal[.pagu]), note: "tabel rencana standar"))
            figures.append(FigureView(label: "Prakiraan maju \(year &+ 1)", value: Format.total(sp.programTotal[.paguMaju]), note: "tabel rencana standar"))
            for level in [StandardPlanLevel.program, .kegiatan, .subKegiatan] {
                figures.append(FigureView(label: DocumentRenderer.capitalized(level.word), value: Format.int(sp.table.rows(level).count), note: nil))
            }
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
        return say(.angkaJumlahSubKegiatan, ["jumlah": currency ? sum.formatted : sum.plain])
    }

    // MARK: Chapters

    /// A chapter's Markdown with its placeholders filled (in the facts), rendered: made once, used
    /// by the chapter's page and the print page.
    func renderedChapter(_ c: Chapter) -> RenderedMarkdown {
        openData.memo(\.chapters, c.slug) { Markdown.render(chapterMarkdown(c)) }
    }

    /// The chapter rendered to sit in a larger page (the print version); not kept, one page reads it.
    func renderedChapter(_ c: Chapter, placement: Markdown.Placement) -> RenderedMarkdown {
        Markdown.render(chapterMarkdown(c), placement: placement)
    }

    /// The chapter's Markdown with its `{{angka …}}` placeholders filled in.
    func chapterMarkdown(_ c: Chapter) -> String { facts.expandedChapters[c.slug] ?? c.markdown }

    // MARK: Rows and tables

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
        return TableView(number: t.kind.number, caption: say(.tabelJudul, ["nomor": "\(t.kind.number)", "judul": t.title]), kindEvaluation: t.kind == .evaluasi,
                         tableHref: root + Paths.table(document, t.kind), groups: groups, totalPagu: Format.plainTotal(tf?.programTotal[.pagu]),
                         totalRealisasi: Format.plainTotal(tf?.programTotal[.realisasi]),
                         totalAbsorption: Format.percent(tf?.absorption), sourceFile: t.file,
                         downloads: downloads(for: t.kind, root: root),
                         changesHref: profile.comparesStages ? root + Paths.changes(document) : nil)
    }

    // MARK: Program rows (both tables)

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

/// A document page's chrome while its page kind fills it in.
struct DocumentPageFrame {
    var dir: String
    var chrome: PageChrome
    var document: DocumentChrome

    var root: String { chrome.root }
    var indexed: Bool {
        get { chrome.indexed }
        set { chrome.indexed = newValue }
    }
    var scripts: [String] {
        get { chrome.scripts }
        set { chrome.scripts = newValue }
    }
}
