import RenjaModel

/// Two documents of one agency and year (a Renja and its Perubahan, or two revisions) compared
/// row by row: each document's plan (its Tabel 2, or its Tabel 1 when it has no Tabel 2), rows
/// paired by their Permendagri 90 code at the same level, and by name where a row has no code or
/// its code is not in the other document. Worked out here, once; the comparison page only shows it.
public struct DocumentComparison: Sendable {
    public enum Status: String, Sendable {
        case tetap, berubah, baru, dihapus

        public var word: String {
            switch self {
            case .tetap: return "Tetap"
            case .berubah: return "Berubah"
            case .baru: return "Baru"
            case .dihapus: return "Dihapus"
            }
        }
    }

    /// How two rows were paired.
    public enum Pairing: String, Sendable {
        case kode, nama, tidakAda
    }

    public struct Row: Sendable {
        public var level: Level
        public var code: String?
        public var name: String
        /// The earlier document's row and the later one's (nil: not in that document).
        public var before: Item?
        public var after: Item?
        /// Pagu as stated, or (for a program or kegiatan that states none) the sum of its sub kegiatan.
        public var paguBefore: Rupiah?
        public var paguAfter: Rupiah?
        public var status: Status
        public var pairing: Pairing
        package var targetChanges: [Change.TargetChange]
        /// Document order (the later document's, rows only in the earlier one after their place there).
        public var order: Int

        /// After − before; a new row counts from zero, a dropped one down to zero. nil when a pagu
        /// that exists cannot be read.
        public var difference: Rupiah? {
            switch (before, after) {
            case (nil, nil): return nil
            case (nil, _?): return paguAfter
            case (_?, nil): return paguBefore.map { .zero - $0 }
            case (_?, _?):
                guard let b = paguBefore, let a = paguAfter else { return nil }
                return a - b
            }
        }
    }

    /// The two documents, earlier first (`DocumentComparison.chronological`).
    public let from: Document
    public let to: Document
    public let fromTable: TableKind
    public let toTable: TableKind
    public let rows: [Row]
    /// Σ of the programs' pagu of each compared table (`TableFacts.total`); nil when one cannot be read.
    public let totalBefore: Rupiah?
    public let totalAfter: Rupiah?

    public var totalDifference: Rupiah? {
        guard let b = totalBefore, let a = totalAfter else { return nil }
        return a - b
    }

    public func count(_ s: Status) -> Int { rows.filter { $0.status == s }.count }

    /// nil when either document has no table.
    public init?(from a: DocumentFacts, to b: DocumentFacts) {
        guard let (ka, ta, fa) = Self.plan(a), let (kb, tb, fb) = Self.plan(b) else { return nil }
        from = a.document
        to = b.document
        fromTable = ka
        toTable = kb
        totalBefore = fa.total(.pagu)
        totalAfter = fb.total(.pagu)

        let before = ta.allItems, after = tb.allItems
        var partner: [Int: Int] = [:]   // index in `after` → index in `before`
        var taken = Set<Int>()
        // 1. The same code at the same level.
        var byCode: [String: [Int]] = [:]
        for (i, item) in before.enumerated() {
            if let c = Self.code(item) { byCode["\(item.level.rawValue) \(c)", default: []].append(i) }
        }
        for (j, item) in after.enumerated() {
            guard let c = Self.code(item), let i = byCode["\(item.level.rawValue) \(c)"]?.first(where: { !taken.contains($0) }) else { continue }
            partner[j] = i
            taken.insert(i)
        }
        // 2. The same name at the same level, among the rows left.
        var pairing: [Int: Pairing] = Dictionary(uniqueKeysWithValues: partner.keys.map { ($0, .kode) })
        for (j, item) in after.enumerated() where partner[j] == nil {
            let name = Text.normalizedName(item.name.value)
            if let i = before.indices.first(where: { !taken.contains($0) && before[$0].level == item.level && Text.normalizedName(before[$0].name.value) == name }) {
                partner[j] = i
                taken.insert(i)
                pairing[j] = .nama
            }
        }

        func pagu(_ item: Item, _ facts: TableFacts) -> Rupiah? {
            if let stated = item.pagu { return stated.value.value }
            let f = facts.item(item.anchor)
            return (f?.leafSum[.pagu] ?? f?.childSum[.pagu])?.value
        }
        var rows: [Row] = []
        for (j, item) in after.enumerated() {
            let old = partner[j].map { before[$0] }
            let pb = old.flatMap { pagu($0, fa) }, pa = pagu(item, fb)
            let targets = old.map { ChangeSet.targetChanges($0, item) } ?? []
            let status: Status
            // A pagu that cannot be read on both sides differs when its text does.
            let paguDiffers = pb != pa || (pb == nil && old?.pagu?.value.raw != item.pagu?.value.raw)
            if old == nil { status = .baru } else if paguDiffers || !targets.isEmpty { status = .berubah } else { status = .tetap }
            rows.append(Row(level: item.level, code: Self.code(item) ?? old.flatMap(Self.code), name: item.name.value,
                            before: old, after: item, paguBefore: pb, paguAfter: pa, status: status,
                            pairing: pairing[j] ?? .tidakAda, targetChanges: targets, order: 0))
        }
        // Rows only in the earlier document, after the row that precedes them there.
        var afterOf: [Int: Int] = [:]  // index in `before` → position in `rows`
        for (pos, r) in rows.enumerated() { if let b = r.before, let i = before.firstIndex(where: { $0.anchor == b.anchor }) { afterOf[i] = pos } }
        var inserts: [(Int, Row)] = []
        for (i, item) in before.enumerated() where !taken.contains(i) {
            let anchorPos = (0..<i).reversed().lazy.compactMap { afterOf[$0] }.first ?? -1
            inserts.append((anchorPos, Row(level: item.level, code: Self.code(item), name: item.name.value, before: item, after: nil,
                                           paguBefore: pagu(item, fa), paguAfter: nil, status: .dihapus, pairing: .tidakAda,
                                           targetChanges: [], order: 0)))
        }
        var merged = inserts.filter { $0.0 == -1 }.map(\.1)
        for (pos, r) in rows.enumerated() {
            merged.append(r)
            merged += inserts.filter { $0.0 == pos }.map(\.1)
        }
        for i in merged.indices { merged[i].order = i }
        self.rows = merged
    }

    /// The table that holds a document's plan: its Tabel 2, or its Tabel 1 when it has none.
    static func plan(_ f: DocumentFacts) -> (TableKind, Table, TableFacts)? {
        if let t = f.document.plan, let tf = f.plan { return (.rencana, t, tf) }
        if let t = f.document.evaluation, let tf = f.evaluation { return (.evaluasi, t, tf) }
        return nil
    }

    static func code(_ item: Item) -> String? {
        let c = item.code?.value.trimmingCharacters(in: .whitespaces) ?? ""
        return c.isEmpty ? nil : c
    }

    // MARK: Which documents are compared

    /// Documents of one agency and year, two or more: the groups whose documents are compared.
    public static func groups(_ documents: [Document]) -> [[Document]] {
        var by: [String: [Document]] = [:]
        var keys: [String] = []
        for d in documents {
            let key = "\(Text.normalizedName(d.agency.name))|\(d.year.value)"
            if by[key] == nil { keys.append(key) }
            by[key, default: []].append(d)
        }
        return keys.compactMap { by[$0] }.filter { $0.count > 1 }.map(chronological)
    }

    /// Earlier first: a Renja before its Perubahan, then by revision number, by the document's own
    /// latest date, by `urutan` and by folder name.
    public static func chronological(_ ds: [Document]) -> [Document] {
        ds.sorted { a, b in
            let va = DocumentVersion(a), vb = DocumentVersion(b)
            let ra = DocumentProfile(a).isRevision ? 1 : 0, rb = DocumentProfile(b).isRevision ? 1 : 0
            if ra != rb { return ra < rb }
            if (va.revision ?? 0) != (vb.revision ?? 0) { return (va.revision ?? 0) < (vb.revision ?? 0) }
            if (va.latestDate ?? "") != (vb.latestDate ?? "") { return (va.latestDate ?? "") < (vb.latestDate ?? "") }
            if a.order != b.order { return a.order < b.order }
            return a.slug < b.slug
        }
    }

    /// The documents that must be rendered with `slugs` (their comparison pages read both).
    public static func partners(of slugs: Set<String>, in documents: [Document]) -> Set<String> {
        var out = Set<String>()
        for g in groups(documents) where g.contains(where: { slugs.contains($0.slug) }) { out.formUnion(g.map(\.slug)) }
        return out
    }
}
