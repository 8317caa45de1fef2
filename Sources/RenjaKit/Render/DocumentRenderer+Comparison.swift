import Foundation

/// "Bandingkan dokumen": two documents of one agency and year compared row by row
/// (`DocumentComparison`, in the facts). Each pair has one page, under the later document
/// (`<later>/bandingkan/<earlier>/`); every document of the group links to all its pairs, and each
/// comparison page lists the others.

struct ComparisonView {
    var fromTitle: String
    var toTitle: String
    var fromHref: String
    var toHref: String
    /// "Tabel 2 Renja 2024".
    var fromTable: String
    var toTable: String
    var figures: [FigureView]
    var rows: [ComparisonRowView]
    var targets: [ComparisonTargetView]
    var changedCount: Int
    var unchangedCount: Int
    var totalBefore: String
    var totalAfter: String
    var totalDifference: String
    /// How many rows were paired by name (no code, or a code the other document does not have).
    var pairedByName: Int
    var hasPairedByName: Bool
}

struct ComparisonRowView {
    var levelWord: String
    var levelClass: String
    var key: String
    var name: String
    var before: String
    var after: String
    var difference: String
    var statusWord: String
    var statusClass: String
    var showStatus: Bool
    var pairedByName: Bool
    var sortBefore: String
    var sortAfter: String
    var sortDifference: String
    var sortOrder: Int
}

struct ComparisonTargetView {
    var item: String
    var levelWord: String
    var indicator: String
    var before: String
    var after: String
}

extension Paths {
    static func comparison(later: Document, earlier: Document) -> String { "\(later.slug)/bandingkan/\(earlier.slug)/" }
}

extension DocumentRenderer {
    /// The pairs whose page this document holds: it is the later one.
    var hostedComparisons: [Document] {
        guard let group = base.comparisonGroups[document.slug], let at = group.firstIndex(where: { $0.slug == document.slug }) else { return [] }
        return Array(group[..<at])
    }

    /// Links to every comparison of this document's group, "Renja 2024 → Perubahan Renja 2024".
    func comparisonLinks(root: String, dir: String) -> [LinkView] {
        guard let group = base.comparisonGroups[document.slug] else { return [] }
        var out: [LinkView] = []
        for (i, a) in group.enumerated() {
            for b in group.dropFirst(i + 1) {
                let path = Paths.comparison(later: b, earlier: a)
                out.append(LinkView(title: "\(a.shortTitle) → \(b.shortTitle)", href: root + path, current: dir == path))
            }
        }
        return out
    }

    func comparisonPage(with earlier: Document) -> PagePlan? {
        guard let other = base.factsBySlug[earlier.slug], let c = DocumentComparison(from: other, to: facts) else { return nil }
        let dir = Paths.comparison(later: document, earlier: earlier)
        let title = "\(earlier.shortTitle) dan \(document.shortTitle)"
        var v = view(dir: dir, title: "Bandingkan \(title) — \(document.shortTitle)",
                     description: "Pagu dan target \(earlier.shortTitle) dan \(document.shortTitle), baris demi baris menurut kode nomenklatur.",
                     crumbs: [LinkView(title: "Bandingkan dengan \(earlier.shortTitle)", href: nil)])
        v.indexed = true
        v.scripts = [v.root + "assets/urutkan.js"]
        let root = v.root
        let tableName = { (k: TableKind, d: Document) in "Tabel \(k.number) \(d.shortTitle)" }
        func amount(_ r: Rupiah?, _ item: Item?) -> String {
            guard item != nil else { return "–" }
            return r?.plain ?? item?.pagu?.value.raw ?? "–"
        }
        let rows = c.rows.map { r in
            ComparisonRowView(levelWord: r.level.word, levelClass: levelClass(r.level), key: r.code ?? "", name: titleCase(r.name),
                              before: amount(r.paguBefore, r.before), after: amount(r.paguAfter, r.after),
                              difference: r.difference.map { signed($0, currency: false) } ?? "tidak dapat dihitung",
                              statusWord: r.status.word, statusClass: r.status.rawValue, showStatus: r.status != .tetap,
                              pairedByName: r.pairing == .nama,
                              sortBefore: r.paguBefore.map { String($0.value) } ?? "", sortAfter: r.paguAfter.map { String($0.value) } ?? "",
                              sortDifference: r.difference.map { String($0.value) } ?? "", sortOrder: r.order)
        }
        let targets = c.rows.flatMap { r in
            r.targetChanges.map { ComparisonTargetView(item: [r.code, titleCase(r.name)].compactMap { $0 }.joined(separator: " "),
                                                       levelWord: r.level.word, indicator: $0.indicator, before: $0.before, after: $0.after) }
        }
        let changed = c.rows.filter { $0.status != .tetap }.count
        let diff = c.totalDifference
        v.comparison = ComparisonView(
            fromTitle: earlier.shortTitle, toTitle: document.shortTitle,
            fromHref: root + Paths.document(earlier), toHref: root + Paths.document(document),
            fromTable: tableName(c.fromTable, earlier), toTable: tableName(c.toTable, document),
            figures: [FigureView(label: "Pagu \(earlier.shortTitle)", value: c.totalBefore?.formatted ?? "tidak dapat dihitung", note: tableName(c.fromTable, earlier)),
                      FigureView(label: "Pagu \(document.shortTitle)", value: c.totalAfter?.formatted ?? "tidak dapat dihitung", note: tableName(c.toTable, document)),
                      FigureView(label: "Selisih", value: diff.map { signed($0) } ?? "tidak dapat dihitung",
                                 note: diff.flatMap { d in c.totalBefore.flatMap { $0.value == 0 ? nil : d.percent(of: $0) } }.map { signedPercent($0) }),
                      FigureView(label: "Baris berubah", value: Format.int(changed),
                                 note: "dari \(Format.int(c.rows.count)) baris; \(c.count(.baru)) baru, \(c.count(.dihapus)) dihapus")],
            rows: rows, targets: targets, changedCount: changed, unchangedCount: c.rows.count - changed,
            totalBefore: c.totalBefore?.plain ?? "–", totalAfter: c.totalAfter?.plain ?? "–",
            totalDifference: diff.map { signed($0, currency: false) } ?? "–",
            pairedByName: c.rows.filter { $0.pairing == .nama }.count, hasPairedByName: c.rows.contains { $0.pairing == .nama })
        return (dir, "bandingkan", v)
    }
}
