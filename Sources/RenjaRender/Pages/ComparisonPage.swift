import Foundation
import RenjaModel
import RenjaFacts

/// "Bandingkan dokumen" (`bandingkan.mustache`): two documents of one agency and year compared row
/// by row (`DocumentComparison`, in the facts). Each pair has one page, under the later document
/// (`<later>/bandingkan/<earlier>/`); every document of the group links to all its pairs.
struct ComparisonPage {
    static let kind = PageKind(template: "bandingkan", content: ComparisonPageView.self)

    let doc: DocumentRenderer

    func plan(with earlier: Document) -> PagePlan? {
        guard let other = doc.base.factsBySlug[earlier.slug], let c = DocumentComparison(from: other, to: doc.facts) else { return nil }
        let dir = Paths.comparison(later: doc.document, earlier: earlier)
        let title = "\(earlier.shortTitle) dan \(doc.document.shortTitle)"
        var v = doc.view(dir: dir, title: doc.say(.bandingkanJudul, ["judul": title, "dokumen": doc.document.shortTitle]),
                         description: doc.say(.bandingkanDeskripsi, ["sebelumnya": earlier.shortTitle, "dokumen": doc.document.shortTitle]),
                         crumbs: [LinkView(title: doc.say(.bandingkanJejak, ["sebelumnya": earlier.shortTitle]), href: nil)])
        v.indexed = true
        v.scripts = [v.root + "assets/urutkan.js"]
        let root = v.root
        let tableName = { (k: TableKind, d: Document) in "Tabel \(k.number) \(d.shortTitle)" }
        func amount(_ r: Rupiah?, _ item: Item?) -> String {
            guard item != nil else { return "–" }
            return r?.plain ?? item?.pagu?.value.raw ?? "–"
        }
        let rows = c.rows.map { r in
            ComparisonRowView(levelWord: r.level.word, levelClass: doc.levelClass(r.level), key: r.code ?? "", name: doc.titleCase(r.name),
                              before: amount(r.paguBefore, r.before), after: amount(r.paguAfter, r.after),
                              difference: r.difference.map { doc.signed($0, currency: false) } ?? doc.say(.tidakDapatDihitung),
                              statusWord: r.status.word, statusClass: r.status.rawValue, showStatus: r.status != .tetap,
                              pairedByName: r.pairing == .nama,
                              sortBefore: r.paguBefore.map { String($0.value) } ?? "", sortAfter: r.paguAfter.map { String($0.value) } ?? "",
                              sortDifference: r.difference.map { String($0.value) } ?? "", sortOrder: r.order)
        }
        let targets = c.rows.flatMap { r in
            r.targetChanges.map { ComparisonTargetView(item: [r.code, doc.titleCase(r.name)].compactMap { $0 }.joined(separator: " "),
                                                       levelWord: r.level.word, indicator: $0.indicator, before: $0.before, after: $0.after) }
        }
        let changed = c.rows.filter { $0.status != .tetap }.count
        let diff = c.totalDifference
        let comparison = ComparisonView(
            fromTitle: earlier.shortTitle, toTitle: doc.document.shortTitle,
            fromHref: root + Paths.document(earlier), toHref: root + Paths.document(doc.document),
            fromTable: tableName(c.fromTable, earlier), toTable: tableName(c.toTable, doc.document),
            figures: [FigureView(label: doc.say(.bandingkanAngkaPagu, ["dokumen": earlier.shortTitle]), value: c.totalBefore?.formatted ?? doc.say(.tidakDapatDihitung),
                                 note: tableName(c.fromTable, earlier)),
                      FigureView(label: doc.say(.bandingkanAngkaPagu, ["dokumen": doc.document.shortTitle]), value: c.totalAfter?.formatted ?? doc.say(.tidakDapatDihitung),
                                 note: tableName(c.toTable, doc.document)),
                      FigureView(label: doc.say(.bandingkanAngkaSelisih), value: diff.map { doc.signed($0) } ?? doc.say(.tidakDapatDihitung),
                                 note: diff.flatMap { d in c.totalBefore.flatMap { $0.value == 0 ? nil : d.percent(of: $0) } }.map { doc.signedPercent($0) }),
                      FigureView(label: doc.say(.bandingkanAngkaBerubah), value: Format.int(changed),
                                 note: doc.say(.bandingkanAngkaBerubahCatatan, ["baris": Format.int(c.rows.count), "baru": "\(c.count(.baru))", "dihapus": "\(c.count(.dihapus))"]))],
            rows: rows, targets: targets, changedCount: changed, unchangedCount: c.rows.count - changed,
            totalBefore: c.totalBefore?.plain ?? "–", totalAfter: c.totalAfter?.plain ?? "–",
            totalDifference: diff.map { doc.signed($0, currency: false) } ?? "–",
            pairedByName: c.rows.filter { $0.pairing == .nama }.count, hasPairedByName: c.rows.contains { $0.pairing == .nama })
        return doc.plan(v, Self.kind, ComparisonPageView(comparison: comparison))
    }
}
