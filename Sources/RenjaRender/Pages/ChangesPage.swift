import Foundation
import RenjaModel
import RenjaFacts

/// The Perubahan page (`perubahan.mustache`): what a Perubahan Renja changed, from the facts'
/// change set; only for a document whose two tables are two stages of one plan.
struct ChangesPage {
    static let kind = PageKind(template: "perubahan", content: ChangesPageView.self)

    let doc: DocumentRenderer

    func plan(_ programs: [MatchedItem]) -> PagePlan {
        let dir = Paths.changes(doc.document)
        let set = doc.facts.changes
        let beforeTotal = doc.facts.evaluation?.programTotal[.pagu], afterTotal = doc.facts.plan?.programTotal[.pagu]
        let before = beforeTotal?.readable ?? .zero, after = afterTotal?.readable ?? .zero, diff = after - before
        var v = doc.view(dir: dir, title: doc.say(.perubahanJudul, ["dokumen": doc.document.shortTitle]),
                         description: doc.say(.perubahanDeskripsi, ["dokumen": doc.document.shortTitle, "sebelum": before.formatted, "sesudah": after.formatted, "selisih": doc.signed(diff)]),
                         crumbs: [LinkView(title: doc.say(.perubahanJejak), href: nil)])
        v.indexed = true
        v.scripts = [v.root + "assets/urutkan.js"]
        let root = v.root
        let row = { (c: Change) in changeRow(c, root: root) }
        let changed = set.leaves.filter { $0.status != .tetap }
        let subTotal = set.items.filter { $0.level == .subKegiatan }.reduce(Rupiah.zero) { $0 + ($1.difference ?? .zero) }
        var reconcile: [ReconcileView] = []
        reconcile.append(stated(doc.say(.perubahanJumlahSebelum), before, table: .evaluasi, root: root))
        reconcile.append(stated(doc.say(.perubahanJumlahSesudah), after, table: .rencana, root: root))
        reconcile.append(ReconcileView(label: doc.say(.perubahanSelisihJumlah), computed: doc.signed(diff),
                                       stated: doc.say(.perubahanSelisihJumlahTertulis, ["selisih": doc.signed(set.totalOfDifferences)]), source: nil,
                                       statusWord: doc.say(set.totalOfDifferences == diff ? .perubahanStatusCocok : .perubahanStatusTidakCocok),
                                       statusClass: set.totalOfDifferences == diff ? "cocok" : "tidak-cocok"))
        reconcile.append(ReconcileView(label: doc.say(.perubahanSelisihRincian), computed: doc.signed(subTotal),
                                       stated: doc.say(.perubahanSelisihRincianTertulis, ["selisih": doc.signed(diff)]), source: nil,
                                       statusWord: doc.say(subTotal == diff ? .perubahanStatusCocok : .perubahanStatusTidakCocok),
                                       statusClass: subTotal == diff ? "cocok" : "tidak-cocok"))
        var targets: [TargetChangeView] = []
        for c in set.all.sorted(by: { $0.order < $1.order }) {
            for t in c.targetChanges {
                targets.append(TargetChangeView(item: [c.keyLabel, c.name].filter { !$0.isEmpty }.joined(separator: " "),
                                                levelWord: c.level.word, href: href(c, root: root), indicator: t.indicator,
                                                before: t.before, after: t.after))
            }
        }
        let changes = ChangesView(
            figures: [FigureView(label: doc.say(.perubahanAngkaPaguSebelum), value: Format.total(beforeTotal), note: "Tabel 1"),
                      FigureView(label: doc.say(.perubahanAngkaPaguSesudah), value: Format.total(afterTotal), note: "Tabel 2"),
                      FigureView(label: doc.say(.perubahanAngkaSelisih), value: doc.signed(diff), note: before.value == 0 ? nil : diff.percent(of: before).map { doc.signedPercent($0) }),
                      FigureView(label: doc.say(.perubahanAngkaBerubah), value: Format.int(changed.count),
                                 note: doc.say(.perubahanAngkaBerubahCatatan, ["jumlah": Format.int(set.leaves.count)]))],
            reconciliation: reconcile,
            programs: ChangeSet.bySize(set.programs).map(row),
            items: ChangeSet.bySize(set.leaves).map(row),
            targets: targets,
            added: set.all.filter { $0.status == .baru }.map(row),
            dropped: set.all.filter { $0.status == .dihapus }.map(row),
            totalBefore: before.plain, totalAfter: after.plain, totalDifference: doc.signed(diff, currency: false),
            changedCount: changed.count, unchangedCount: set.leaves.count - changed.count, chart: nil,
            downloads: [DownloadView(title: doc.say(.unduhDokumenPerubahanJSON), href: root + OpenData.documentJSONPath(doc.document),
                                     format: "JSON", size: nil, description: nil)])
        return doc.plan(v, Self.kind, ChangesPageView(changes: changes))
    }

    func href(_ c: Change, root: String) -> String {
        let page = root + Paths.program(doc.document, key: c.programKey)
        return c.level == .program ? page : page + "#" + c.anchor
    }

    func changeRow(_ c: Change, root: String) -> ChangeRowView {
        let d = c.difference
        let direction = d.map { $0.value > 0 ? "naik" : $0.value < 0 ? "turun" : "sama" } ?? "sama"
        return ChangeRowView(
            levelWord: c.level.word, levelClass: doc.levelClass(c.level), key: c.keyLabel, name: doc.titleCase(c.name),
            href: href(c, root: root),
            before: c.before.map { Format.amount($0) } ?? "–", after: c.after.map { Format.amount($0) } ?? "–",
            difference: d.map { doc.signed($0, currency: false) } ?? doc.say(.tidakDapatDihitung),
            relative: c.relative.map(doc.signedPercent) ?? "",
            statusWord: c.status.word, statusClass: c.status.rawValue, showStatus: c.status != .tetap, direction: direction,
            sortOrder: c.order, sortSize: String(c.magnitude), sortDifference: d.map { String($0.value) } ?? "",
            sortBefore: c.beforeValue.map { String($0.value) } ?? "", sortAfter: c.afterValue.map { String($0.value) } ?? "",
            sortRelative: c.relative.map { String(Int(($0.value * 100).rounded())) } ?? "",
            targetChangeCount: c.targetChanges.count, hasTargetChanges: !c.targetChanges.isEmpty,
            context: c.parents.isEmpty ? nil : c.parents.map { p in
                [DocumentRenderer.capitalized(p.level.word), p.key, doc.titleCase(p.name)].filter { !$0.isEmpty }.joined(separator: " ")
            }.joined(separator: " › "))
    }

    /// A table total beside the same figure in the narrative, when a chapter states it (as the
    /// narrative facts read it, the same reading the `narasi-angka` check reports).
    func stated(_ label: String, _ total: Rupiah, table: TableKind, root: String) -> ReconcileView {
        if let f = doc.facts.narrativeStatement(of: .pagu, in: table), let c = doc.document.chapters.first(where: { $0.slug == f.chapterSlug }) {
            return ReconcileView(label: label, computed: total.formatted, stated: f.written,
                                 source: LinkView(title: c.displayTitle, href: root + Paths.chapter(doc.document, c)),
                                 statusWord: doc.say(.perubahanStatusCocok), statusClass: "cocok")
        }
        return ReconcileView(label: label, computed: total.formatted, stated: doc.say(.perubahanTidakDisebut), source: nil,
                             statusWord: doc.say(.perubahanStatusTidakDisebut), statusClass: "tidak-disebut")
    }
}
