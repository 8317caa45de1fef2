import Foundation

/// How messages and pages name tables and rows, and word numbers (`Wording`).
extension Table {
    /// "Tabel 1" / "Tabel 2".
    package var shortName: String { "Tabel \(kind.number)" }

    /// "Tabel 1 (evaluasi, sebelum perubahan)" — says which side of the revision a figure is from.
    var longName: String { TableKind.longName(kind) }

    /// Every item with its parent (nil for programs), depth first.
    package var itemsWithParents: [(item: Item, parent: Item?)] { Hierarchy.withParents(programs, children: \.children) }
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

/// Small helpers for wording and numbers in messages.
package enum Wording {
    /// `Rp 100.000`, the size of a difference without its sign.
    package static func difference(_ a: Rupiah, _ b: Rupiah) -> String { Rupiah(abs(a.value - b.value)).formatted }

    /// `42,23%` from a raw number.
    package static func percent(_ x: Double) -> String { Percent(x).formatted }

    /// The number of decimals a percentage or quantity was written with: `42.23` → 2, `50` → 0.
    package static func decimalsWritten(_ raw: String) -> Int {
        let numeric = raw.prefix { $0.isNumber || $0 == "." || $0 == "," || $0 == "-" || $0 == " " }
            .trimmingCharacters(in: .whitespaces)
        guard let sep = numeric.lastIndex(where: { $0 == "." || $0 == "," }) else { return 0 }
        let after = numeric[numeric.index(after: sep)...]
        // `2.000` groups thousands rather than marking three decimals.
        if after.count == 3 { return 0 }
        return after.count
    }

    /// If two amounts differ only by two neighbouring digits swapped (…96… ↔ …69…) or by one digit,
    /// say so: such slips are typing mistakes rather than wrong arithmetic.
    package static func typingHint(written: Rupiah, computed: Rupiah) -> String? {
        let a = Array(String(written.value)), b = Array(String(computed.value))
        guard a.count == b.count else { return nil }
        let diffs = a.indices.filter { a[$0] != b[$0] }
        if diffs.count == 1 {
            return "hanya satu digit yang berbeda (\(a[diffs[0]]) tertulis, \(b[diffs[0]]) dihitung): kemungkinan salah ketik"
        }
        if diffs.count == 2, diffs[1] == diffs[0] + 1, a[diffs[0]] == b[diffs[1]], a[diffs[1]] == b[diffs[0]] {
            return "dua digit bersebelahan tertukar (\(a[diffs[0]])\(a[diffs[1]]) tertulis, \(b[diffs[0]])\(b[diffs[1]]) dihitung): kemungkinan salah ketik"
        }
        return nil
    }
}
