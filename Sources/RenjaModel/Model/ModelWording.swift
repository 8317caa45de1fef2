import Foundation

/// How messages and pages name tables and rows.
extension Table {
    /// "Tabel 1" / "Tabel 2".
    package var shortName: String { "Tabel \(kind.number)" }

    /// "Tabel 1 (evaluasi, sebelum perubahan)" — says which side of the revision a figure is from.
    var longName: String { TableKind.longName(kind) }

    /// Every item with its parent (nil for programs), depth first.
    package var itemsWithParents: [(item: Item, parent: Item?)] {
        var out: [(Item, Item?)] = []
        func walk(_ i: Item, _ parent: Item?) {
            out.append((i, parent))
            i.children.forEach { walk($0, i) }
        }
        programs.forEach { walk($0, nil) }
        return out
    }
}

extension TableKind {
    package static func longName(_ kind: TableKind) -> String {
        kind == .evaluasi ? "Tabel 1 (evaluasi, sebelum perubahan)" : "Tabel 2 (rencana, sesudah perubahan)"
    }
}

extension Item {
    /// The number (Tabel 1) or code (Tabel 2) as written, if any.
    package var key: String? {
        let k = number?.value ?? code?.value
        return (k?.isEmpty ?? true) ? nil : k
    }

    /// `kegiatan 2. “Administrasi Keuangan Perangkat Daerah”` — how a message names a row.
    package var reference: String {
        let short = Item.shorten(name.value)
        if let key { return "\(level.word) \(key) “\(short)”" }
        return "\(level.word) “\(short)”"
    }

    /// `kegiatan 2.` (or the shortened name when the row has no number).
    package var shortReference: String {
        if let key { return "\(level.word) \(key)" }
        return "\(level.word) “\(Item.shorten(name.value))”"
    }

    package static func shorten(_ s: String, limit: Int = 60) -> String {
        guard s.count > limit else { return s }
        var cut = String(s.prefix(limit))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut + " …"
    }
}
