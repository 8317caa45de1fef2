/// What every check reads: the document's facts (computed once, shared with the pages), and how to
/// stamp a finding with the row and program it belongs to.
struct DocumentContext {
    let facts: DocumentFacts
    /// Row anchor (unique across both tables: `t1-…` / `t2-…`) → key of the matched program.
    private let programKeyByAnchor: [String: String]

    var document: Document { facts.document }
    var matches: [MatchedItem] { facts.matches }

    init(_ facts: DocumentFacts) {
        self.facts = facts
        var keys: [String: String] = [:]
        for program in facts.matches {
            for m in [program] + program.allDescendants {
                if let a = m.evaluation?.anchor { keys[a] = program.key }
                if let a = m.plan?.anchor { keys[a] = program.key }
            }
        }
        programKeyByAnchor = keys
    }

    var tables: [Table] { [document.evaluation, document.plan].compactMap { $0 } }

    func programKey(for item: Item) -> String? { programKeyByAnchor[item.anchor] }

    /// A finding about the document; pass the row it concerns so the site can link to it.
    func finding(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation?,
                 item: Item? = nil, figures: [Diagnostic.Figure] = [], notes: [String] = []) -> Diagnostic {
        Diagnostic(severity, code, message, at: location, figures: figures, notes: notes,
                   rowAnchor: item?.anchor, programKey: item.flatMap { programKey(for: $0) }, documentSlug: document.slug)
    }
}

extension Table {
    /// "Tabel 1" / "Tabel 2".
    var shortName: String { "Tabel \(kind.number)" }

    /// "Tabel 1 (evaluasi, sebelum perubahan)" — says which side of the revision a figure is from.
    var longName: String { TableKind.longName(kind) }

    /// Every item with its parent (nil for programs), depth first.
    var itemsWithParents: [(item: Item, parent: Item?)] {
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
    static func longName(_ kind: TableKind) -> String {
        kind == .evaluasi ? "Tabel 1 (evaluasi, sebelum perubahan)" : "Tabel 2 (rencana, sesudah perubahan)"
    }
}

extension Item {
    /// The number (Tabel 1) or code (Tabel 2) as written, if any.
    var key: String? {
        let k = number?.value ?? code?.value
        return (k?.isEmpty ?? true) ? nil : k
    }

    /// `kegiatan 2. “Administrasi Keuangan Perangkat Daerah”` — how a message names a row.
    var reference: String {
        let short = Item.shorten(name.value)
        if let key { return "\(level.word) \(key) “\(short)”" }
        return "\(level.word) “\(short)”"
    }

    /// `kegiatan 2.` (or the shortened name when the row has no number).
    var shortReference: String {
        if let key { return "\(level.word) \(key)" }
        return "\(level.word) “\(Item.shorten(name.value))”"
    }

    static func shorten(_ s: String, limit: Int = 60) -> String {
        guard s.count > limit else { return s }
        var cut = String(s.prefix(limit))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut + " …"
    }
}

/// Small helpers for wording and numbers in messages.
enum Wording {
    /// `Rp 100.000`, the size of a difference without its sign.
    static func difference(_ a: Rupiah, _ b: Rupiah) -> String { Rupiah(abs(a.value - b.value)).formatted }

    /// `42,23%` from a raw number.
    static func percent(_ x: Double) -> String { Percent(x).formatted }

    /// The number of decimals a percentage or quantity was written with: `42.23` → 2, `50` → 0.
    static func decimalsWritten(_ raw: String) -> Int {
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
    static func typingHint(written: Rupiah, computed: Rupiah) -> String? {
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
