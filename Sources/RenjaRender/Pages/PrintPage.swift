import Foundation
import RenjaModel
import RenjaMarkdown

/// The whole document on one page (`cetak.mustache`), for printing; the PDF is made from the same
/// views (`DocumentPDF`).
struct PrintPage {
    static let kind = PageKind(template: "cetak", content: PrintPageView.self)

    let doc: DocumentRenderer

    func plan() -> PagePlan {
        let dir = Paths.printable(doc.document)
        var v = doc.view(dir: dir, title: doc.say(.cetakJudul, ["dokumen": doc.document.title]),
                         description: doc.say(.cetakDeskripsi, ["dokumen": doc.document.title]),
                         crumbs: [LinkView(title: doc.say(.cetakJejak), href: nil)])
        v.scripts = [v.root + "assets/cetak.js"]
        return doc.plan(v, Self.kind, PrintPageView(printable: printable(root: v.root)))
    }

    /// The chapters with their tables where they printed them, the other tables after them; the
    /// PDF reads the same (`DocumentRenderer.pdfView`).
    func printable(root: String) -> PrintView {
        var used = Set<TableKind>()
        let chapters = doc.document.chapters.map { c -> PrintChapterView in
            let id = "bab-\(c.slug)"
            // Ids get the chapter's prefix (chapters share this page) and headings go one level
            // down, under the chapter's own <h2>.
            let html = doc.renderedChapter(c, placement: Markdown.Placement(headingOffset: 1, idPrefix: "\(id)-")).html
            var segments: [PrintSegmentView] = []
            for part in TableEmbeds.split(html) {
                if !part.html.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { segments.append(PrintSegmentView(html: part.html)) }
                if let kind = part.table, let t = doc.table(kind) {
                    segments.append(PrintSegmentView(table: doc.tableView(t, root: root)))
                    used.insert(kind)
                }
            }
            var signing: SigningView?
            if c.signature { signing = SigningView(doc.document.signing) }
            return PrintChapterView(id: id, displayTitle: c.displayTitle, number: c.number, title: c.title, segments: segments, signing: signing)
        }
        let appendix = TableKind.allCases.filter { !used.contains($0) }.compactMap { doc.table($0) }
            .map { PrintSegmentView(table: doc.tableView($0, root: root)) }
            + (doc.document.standardPlan.map { [PrintSegmentView(standardPlan: [doc.standardPlanView($0, root: root)])] } ?? [])
        let standard = doc.document.standardEvaluation.map { [doc.standardTableView($0, root: root)] } ?? []
        return PrintView(title: doc.document.title, kind: doc.document.kind, year: String(doc.document.year.value), agency: doc.document.agency.name,
                                government: doc.document.agency.government.isEmpty ? nil : doc.document.agency.government, chapters: chapters, appendix: appendix,
                                standard: standard, hasAppendix: !appendix.isEmpty || !standard.isEmpty, onlineHref: doc.base.baseURL + Paths.document(doc.document))
    }
}
