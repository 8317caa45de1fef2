import Foundation
import RenjaModel

/// A table's page (`table.mustache`): Tabel 1 or Tabel 2 in full, sortable.
struct TablePage {
    static let kind = PageKind(template: "table", content: TablePageView.self)

    let doc: DocumentRenderer

    func plan(_ t: Table) -> PagePlan {
        let dir = Paths.table(doc.document, t.kind)
        let caption = doc.say(.tabelJudul, ["nomor": "\(t.kind.number)", "judul": t.title])
        var v = doc.view(dir: dir, title: doc.say(.tabelJudulHalaman, ["tabel": caption, "dokumen": doc.document.shortTitle]), description: tableDescription(t),
                         crumbs: [LinkView(title: doc.say(.tabelJejak, ["nomor": "\(t.kind.number)"]), href: nil)])
        v.indexed = true
        v.scripts = [v.root + "assets/urutkan.js"]
        return doc.plan(v, Self.kind, TablePageView(table: [doc.tableView(t, root: v.root)], standardTable: []))
    }

    func tableDescription(_ t: Table) -> String {
        let tf = doc.facts.table(t.kind)
        var fields = ["nomor": "\(t.kind.number)", "judul": t.title, "program": "\(tf?.rows(.program) ?? 0)", "kegiatan": "\(tf?.rows(.kegiatan) ?? 0)",
                      "subKegiatan": "\(tf?.rows(.subKegiatan) ?? 0)", "pagu": Format.total(tf?.programTotal[.pagu])]
        if t.kind == .evaluasi {
            fields["realisasi"] = Format.total(tf?.programTotal[.realisasi])
            fields["serapan"] = Format.percent(tf?.absorption)
        }
        return doc.say(.tabelDeskripsi, fields)
    }
}
