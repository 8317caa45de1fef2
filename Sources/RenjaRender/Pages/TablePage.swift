import Foundation
import RenjaModel

/// A table's page (`table.mustache`): Tabel 1 or Tabel 2 in full, sortable.
struct TablePage {
    static let kind = PageKind(template: "table", content: TablePageView.self)

    let doc: DocumentRenderer

    func plan(_ t: Table) -> PagePlan {
        let dir = Paths.table(doc.document, t.kind)
        let caption = "Tabel \(t.kind.number). \(t.title)"
        var v = doc.view(dir: dir, title: "\(caption) — \(doc.document.shortTitle)", description: tableDescription(t),
                         crumbs: [LinkView(title: "Tabel \(t.kind.number)", href: nil)])
        v.indexed = true
        v.scripts = [v.root + "assets/urutkan.js"]
        return doc.plan(v, Self.kind, TablePageView(table: [doc.tableView(t, root: v.root)], standardTable: []))
    }

    func tableDescription(_ t: Table) -> String {
        let tf = doc.facts.table(t.kind)
        var s = "Tabel \(t.kind.number). \(t.title): \(tf?.rows(.program) ?? 0) program, \(tf?.rows(.kegiatan) ?? 0) kegiatan, "
            + "\(tf?.rows(.subKegiatan) ?? 0) sub kegiatan; pagu \(Format.total(tf?.programTotal[.pagu]))"
        if t.kind == .evaluasi { s += ", realisasi \(Format.total(tf?.programTotal[.realisasi])) (\(Format.percent(tf?.absorption)))" }
        return s + "."
    }
}
