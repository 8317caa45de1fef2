import Foundation
import RenjaModel
import RenjaMarkdown
import RenjaFacts

/// The findings on the site: the entries (Validasi page, program pages), the chips and the
/// marks on chapter paragraphs. Counting follows `FindingIndex` everywhere.
extension DocumentRenderer {
    /// Check ids and locations are shown (in the preview) only when the findings are not published.
    var technicalFindings: Bool { base.technicalFindings }

    /// Where a row's finding entry is listed: on its program page, or the Validasi page.
    func entryHref(_ e: FindingEntry, root: String, onProgramPage: Bool = false) -> String {
        (onProgramPage ? "" : root + Paths.validation(document)) + "#" + e.id
    }

    /// The chip of a row: how many temuan, and the first one's entry.
    func chip(anchors: [String], root: String, onProgramPage: Bool = false) -> (count: Int, href: String?) {
        let own = index.rows(anchors).filter(\.counts)
        return (own.count, own.first.map { entryHref($0, root: root, onProgramPage: onProgramPage) })
    }

    /// The chip of a standard table's row, whose templates test the count: both nil when no entry counts.
    func standardChip(_ anchor: String, root: String) -> (count: Int?, href: String?) {
        let c = chip(anchors: [anchor], root: root)
        return c.count > 0 ? (c.count, c.href) : (nil, nil)
    }

    func rowHref(_ anchor: String, programKey: String?, root: String, onProgramPage: Bool) -> String? {
        guard let k = programKey else { return nil }
        return (onProgramPage ? "" : root + Paths.program(document, key: k)) + "#" + anchor
    }

    func findingView(_ e: FindingEntry, root: String, onProgramPage: Bool = false) -> FindingView {
        let f = e.lead
        var message = ReaderText.html(f.message, capitalized: true) ?? ""
        var figures = f.figures.map { FigureView(label: ReaderText.plain($0.label), value: ReaderText.plain($0.value), note: nil) }
        var links: [LinkView] = []
        if e.findings.count > 1 {
            // A change repeated down the hierarchy: one sentence naming every row, each row's figures.
            let rows = e.findings.compactMap { d in d.rowAnchor.flatMap { rowItem($0) }.map { (d, $0) } }
            if let top = rows.first, let d = change(top.1)?.difference {
                let below = rows.dropFirst().map { reference($0.1) }
                message = HTMLText.escape("Pagu \(reference(top.1)) \(d.value > 0 ? "naik" : "turun") \(Rupiah(Int64(d.value.magnitude)).formatted) dalam perubahan"
                    + (below.isEmpty ? "." : "; perubahan ini tercatat juga pada \(below.count) baris di bawahnya: \(ReaderText.list(below))."))
            }
            figures = rows.compactMap { _, m in
                guard let c = change(m) else { return nil }
                return FigureView(label: reference(m),
                                  value: "\(c.beforeValue?.formatted ?? "–") → \(c.afterValue?.formatted ?? "–")"
                                      + (c.difference.map { " (\(signed($0)))" } ?? ""), note: nil)
            }
            // The top row on its program page, and every change on the Perubahan page.
            if let (d, m) = rows.first, let href = rowHref(d.rowAnchor ?? "", programKey: d.programKey, root: root, onProgramPage: onProgramPage) {
                links.append(LinkView(title: say(.temuanLihatBarisTingkat, ["tingkat": m.level.word, "kode": key(m)]), href: href))
            }
            if profile.comparesStages {
                links.append(LinkView(title: say(.temuanLihatPerubahan), href: root + Paths.changes(document)))
            }
        } else if let a = f.rowAnchor, let href = rowHref(a, programKey: f.programKey, root: root, onProgramPage: onProgramPage) {
            links.append(LinkView(title: say(.temuanLihatBaris), href: href))
        }
        if let (chapter, id) = paragraph(of: f) {
            links.append(LinkView(title: say(.temuanLihatParagraf, ["bab": chapter.displayTitle]), href: root + Paths.chapter(document, chapter) + "#" + id))
        }
        let technical = technicalFindings
            ? TechnicalView(lines: e.findings.flatMap { d in
                ["\(d.severity.rawValue)[\(d.code)] \(d.location?.description ?? "")"]
                    + d.related.map { "  = \($0.message): \($0.location)" }
            }) : nil
        return FindingView(id: e.id, severity: f.severity.rawValue, severityWord: ReaderText.severityWord(f.severity),
                           programKey: e.programKey ?? "dokumen", messageHTML: message, figures: figures,
                           notesHTML: e.findings.count > 1 ? [] : f.notes.compactMap { ReaderText.html($0, capitalized: true, dropIfTechnical: true) },
                           links: links, hasLinks: !links.isEmpty, technical: technical)
    }

    func change(_ m: MatchedItem) -> Change? { facts.changes.change(anchor: m.evaluation?.anchor ?? m.plan?.anchor) }

    func rowItem(_ anchor: String) -> MatchedItem? {
        func find(_ m: MatchedItem) -> MatchedItem? {
            if m.evaluation?.anchor == anchor || m.plan?.anchor == anchor { return m }
            for c in m.children { if let x = find(c) { return x } }
            return nil
        }
        for p in matched { if let x = find(p) { return x } }
        return nil
    }

    func key(_ m: MatchedItem) -> String {
        [m.evaluation?.number?.value, m.plan?.code?.value].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " / ")
    }

    /// `program I / 1.06.01`, `sub kegiatan 4.5 / 1.06.01.2.06.0005`.
    func reference(_ m: MatchedItem) -> String {
        let k = key(m)
        return k.isEmpty ? "\(m.level.word) “\(Item.shorten(m.name))”" : "\(m.level.word) \(k)"
    }

    // MARK: Chapter paragraphs

    /// The chapter a finding is in, and the id of its paragraph on the chapter page.
    func paragraph(of f: Diagnostic) -> (Chapter, String)? {
        guard let loc = f.location, let c = document.chapters.first(where: { $0.file == loc.file }) else { return nil }
        guard let id = markedChapter(c).ids[loc.line - c.bodyFirstLine + 1] else { return nil }
        return (c, id)
    }

    /// A chapter rendered with the paragraphs that have findings marked, linking to their entries;
    /// nil when no finding is in it (the chapter page then shows `renderedChapter`).
    func markedChapter(_ c: Chapter) -> (html: String?, ids: [Int: String]) {
        let found = index.inFile(c.file)
        guard !found.isEmpty else { return (nil, [:]) }
        let marked = openData.memo(\.chapters, "temuan:" + c.slug) { () -> RenderedMarkdown in
            let root = Paths.root(forDir: Paths.chapter(document, c))
            var byLine: [Int: [FindingEntry]] = [:]
            for (line, e) in found where !(byLine[line - c.bodyFirstLine + 1]?.contains { $0.id == e.id } ?? false) {
                byLine[line - c.bodyFirstLine + 1, default: []].append(e)
            }
            let (r, ids) = Markdown.render(chapterMarkdown(c), marking: Set(byLine.keys),
                                           lineOffset: c.bodyFirstLine - 1) { _, lines in
                var seen = Set<String>()
                let entries = lines.flatMap { byLine[$0] ?? [] }.filter { seen.insert($0.id).inserted }
                let temuan = entries.filter(\.counts).count
                let text = temuan > 0 ? "\(temuan) temuan" : "info"
                let what = entries.count == 1 ? "hasil validasi paragraf ini" : "\(entries.count) hasil validasi paragraf ini"
                return "<a class=\"penanda penanda-paragraf\" href=\"\(HTMLText.escape(entryHref(entries[0], root: root)))\" "
                    + "title=\"Lihat \(what)\">\(text)</a> "
            }
            return RenderedMarkdown(html: r.html, headings: r.headings,
                                    paragraphIDs: ids)
        }
        return (marked.html, marked.paragraphIDs)
    }
}
