import Foundation
import RenjaModel

/// A chapter's page (`chapter.mustache`): its prose with the findings' marks, its table of
/// contents, and a summary where the source printed a table.
struct ChapterPage {
    static let kind = PageKind(template: "chapter", content: ChapterPageView.self)

    let doc: DocumentRenderer

    func plan(_ i: Int, _ c: Chapter) -> (PagePlan, [Diagnostic]) {
        let dir = Paths.chapter(doc.document, c)
        let rendered = doc.renderedChapter(c)
        var v = doc.view(dir: dir, title: doc.say(.babJudul, ["bab": c.displayTitle, "dokumen": doc.document.shortTitle]),
                         description: Excerpt.description(html: rendered.html, fallback: doc.say(.babDeskripsi, ["bab": c.displayTitle, "dokumen": doc.document.title])),
                         crumbs: [LinkView(title: c.displayTitle, href: nil)])
        v.indexed = true
        let segments = TableEmbeds.split(doc.markedChapter(c).html ?? rendered.html).map { part in
            ChapterSegmentView(html: part.html, tableSummary: part.table.flatMap { doc.table($0) }.map { summary($0, root: v.root) })
        }
        let toc = rendered.headings.filter { $0.level <= 3 }.map { HeadingView(text: $0.text, id: $0.id, sub: $0.level == 3) }
        var signing: SigningView?
        if c.signature {
            let s = doc.document.signing
            signing = SigningView(s)
        }
        let link = { (c: Chapter) in LinkView(title: c.displayTitle, href: v.root + Paths.chapter(doc.document, c)) }
        let chapter = ChapterView(displayTitle: c.displayTitle, number: c.number, title: c.title, segments: segments, toc: toc, hasToc: !toc.isEmpty,
                                signing: signing,
                                previous: i > 0 ? link(doc.document.chapters[i - 1]) : nil,
                                next: i + 1 < doc.document.chapters.count ? link(doc.document.chapters[i + 1]) : nil)
        return (doc.plan(v, Self.kind, ChapterPageView(chapter: chapter)), [])
    }

    /// What stands in a chapter where the source printed a table (`partials/table-summary`): a
    /// captioned pointer to the table page with its totals (the full table is too wide to repeat
    /// inside the narrative).
    func summary(_ t: Table, root: String) -> TableSummaryView {
        let tf = doc.facts.table(t.kind)
        return TableSummaryView(caption: doc.say(.ringkasanTabelJudul, ["nomor": "\(t.kind.number)", "judul": t.title]), href: root + Paths.table(doc.document, t.kind),
                                programs: tf?.rows(.program) ?? 0, kegiatan: tf?.rows(.kegiatan) ?? 0, subKegiatan: tf?.rows(.subKegiatan) ?? 0,
                                pagu: Format.total(tf?.programTotal[.pagu]),
                                realisasi: t.kind == .evaluasi ? Format.total(tf?.programTotal[.realisasi]) : nil,
                                absorption: Format.percent(tf?.absorption))
    }
}

/// The `<p>{{tabel evaluasi}}</p>` / `<p>{{tabel rencana}}</p>` paragraphs cmark makes of a
/// chapter's table markers.
enum TableEmbeds {
    static func marker(_ kind: TableKind) -> String { "<p>{{tabel \(kind.rawValue)}}</p>" }

    /// The first marker in rendered chapter HTML.
    static func next(in html: Substring) -> (Range<Substring.Index>, TableKind)? {
        var best: (Range<Substring.Index>, TableKind)?
        for kind in TableKind.allCases {
            if let r = html.range(of: marker(kind)), best == nil || r.lowerBound < best!.0.lowerBound {
                best = (r, kind)
            }
        }
        return best
    }

    /// The HTML cut at every marker: each part is the prose before a marker and that marker's
    /// table (the last part has none).
    static func split(_ html: String) -> [(html: String, table: TableKind?)] {
        var out: [(String, TableKind?)] = []
        var rest = Substring(html)
        while let (range, kind) = next(in: rest) {
            out.append((String(rest[..<range.lowerBound]), kind))
            rest = rest[range.upperBound...]
        }
        out.append((String(rest), nil))
        return out
    }
}
