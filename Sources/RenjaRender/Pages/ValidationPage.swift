import Foundation
import RenjaFacts

/// The Validasi page (`validation.mustache`): every finding entry, grouped by program; only on a
/// site that publishes the findings.
struct ValidationPage {
    static let kind = PageKind(template: "validation", content: ValidationPageView.self)

    let doc: DocumentRenderer

    func plan(_ programs: [MatchedItem]) -> PagePlan {
        let dir = Paths.validation(doc.document)
        let c = doc.index.counts
        var v = doc.view(dir: dir, title: doc.say(.validasiJudul, ["dokumen": doc.document.shortTitle]),
                         description: doc.say(.validasiDeskripsi, ["dokumen": doc.document.title, "galat": "\(c.galat)", "peringatan": "\(c.peringatan)", "info": "\(c.info)"]),
                         crumbs: [LinkView(title: doc.say(.validasiJejak), href: nil)])
        v.scripts = [v.root + "assets/validasi.js"]
        let root = v.root
        func group(id: String, key: String, title: String, href: String?, _ entries: [FindingEntry]) -> FindingGroupView {
            let sorted = entries.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)
            let temuan = entries.filter(\.counts).count
            return FindingGroupView(id: id, key: key, title: title, href: href, findings: sorted.map { doc.findingView($0, root: root) },
                                    summary: ReaderText.summary(temuan: temuan, info: entries.count - temuan), temuanCount: temuan)
        }
        var groups: [FindingGroupView] = []
        for p in programs {
            let es = doc.index.program(p.key)
            guard !es.isEmpty else { continue }
            groups.append(group(id: "kelompok-\(p.key)", key: p.key, title: doc.titleCase(p.name),
                                href: root + Paths.program(doc.document, key: p.key), es))
        }
        let keys = Set(programs.map(\.key))
        let rest = doc.index.entries.filter { $0.programKey.map { !keys.contains($0) } ?? true }
        if !rest.isEmpty {
            groups.append(group(id: "kelompok-dokumen", key: "dokumen", title: doc.say(.validasiKelompokDokumen), href: nil, rest))
        }
        return doc.plan(v, Self.kind, ValidationPageView(validation: ValidationView(counts: c, groups: groups, clean: doc.index.entries.isEmpty)))
    }
}
