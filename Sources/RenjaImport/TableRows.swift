import RenjaModel

/// A table flattened into rows of plain values, with positions left out: two tables are "the
/// same" when their rows are, whichever file (YAML or imported text) they were read from. Used to
/// compare an import with the hand-kept YAML and to list what an import would change.
public struct TableRows: Equatable, Sendable {
    public var kind: TableKind
    public var title: String
    public var rows: [Row]

    public struct Row: Equatable, Sendable {
        public var level: Level
        /// `no` (Tabel 1) or `kode` (Tabel 2), as written.
        public var key: String
        /// Keys of the program and kegiatan above the row.
        public var parents: [String]
        public var name: String
        public var indicators: [IndicatorRow]
        public var pagu: AmountText?
        public var realisasi: AmountText?
        public var absorption: PercentText?

        /// "sub kegiatan 1.1 Penyusunan Dokumen …"
        public var label: String { "\(level.word) \(key) \(name)" }
    }

    public struct IndicatorRow: Equatable, Sendable {
        public var name: String
        public var target: QuantityText?
        public var actual: QuantityText?
        public var stated: PercentText?
        public var direction: Direction?
    }

    public init(_ table: Table) {
        kind = table.kind
        title = table.title
        rows = []
        func walk(_ item: Item, _ parents: [String]) {
            let key = (table.kind == .evaluasi ? item.number : item.code)?.value ?? ""
            rows.append(Row(level: item.level, key: key, parents: parents, name: item.name.value,
                            indicators: item.indicators.map {
                                IndicatorRow(name: $0.name.value, target: $0.target?.value, actual: $0.actual?.value,
                                             stated: $0.stated?.value, direction: $0.declaredDirection?.value)
                            },
                            pagu: item.pagu?.value, realisasi: item.realisasi?.value, absorption: item.statedAbsorption?.value))
            for child in item.children { walk(child, parents + [key]) }
        }
        for p in table.programs { walk(p, []) }
    }
}

/// What an import changes, row by row, against the file it replaces.
public struct TableDiff: Sendable {
    public enum Change: Sendable {
        case added(TableRows.Row)
        case removed(TableRows.Row)
        case changed(before: TableRows.Row, after: TableRows.Row, fields: [FieldChange])
    }

    public struct FieldChange: Equatable, Sendable {
        public var field: String
        public var before: String
        public var after: String
        /// Both sides are numbers of the same value written differently (e.g. `2.552.000` and `2552000`).
        public var sameValue: Bool
    }

    public var titleChange: (before: String, after: String)?
    public var changes: [Change]
    public var unchangedRows: Int

    public var added: Int { changes.filter { if case .added = $0 { return true } else { return false } }.count }
    public var removed: Int { changes.filter { if case .removed = $0 { return true } else { return false } }.count }
    public var changed: Int { changes.filter { if case .changed = $0 { return true } else { return false } }.count }
    public var isEmpty: Bool { changes.isEmpty && titleChange == nil }

    /// Rows are paired by level and number/code (the n-th occurrence with the n-th, should a key
    /// repeat); rows left over on both sides are then paired by name, so a renumbered row shows as
    /// changed rather than as removed and added.
    public init(before: TableRows, after: TableRows) {
        titleChange = before.title == after.title ? nil : (before.title, after.title)
        var pairOfAfter = [Int?](repeating: nil, count: after.rows.count)
        var beforeUsed = [Bool](repeating: false, count: before.rows.count)
        var byKey: [String: [Int]] = [:]
        for (i, r) in before.rows.enumerated() { byKey["\(r.level.rawValue)|\(r.key)", default: []].append(i) }
        for (j, r) in after.rows.enumerated() {
            let k = "\(r.level.rawValue)|\(r.key)"
            if var list = byKey[k], !list.isEmpty {
                let i = list.removeFirst()
                byKey[k] = list
                pairOfAfter[j] = i
                beforeUsed[i] = true
            }
        }
        for (j, r) in after.rows.enumerated() where pairOfAfter[j] == nil {
            let name = Text.normalizedName(r.name)
            if let i = before.rows.indices.first(where: { !beforeUsed[$0] && before.rows[$0].level == r.level
                && Text.normalizedName(before.rows[$0].name) == name }) {
                pairOfAfter[j] = i
                beforeUsed[i] = true
            }
        }
        var changes: [Change] = []
        var same = 0
        for (j, r) in after.rows.enumerated() {
            guard let i = pairOfAfter[j] else { changes.append(.added(r)); continue }
            let fields = TableDiff.fields(before.rows[i], r, keyField: after.kind == .evaluasi ? "no" : "kode")
            if fields.isEmpty { same += 1 } else { changes.append(.changed(before: before.rows[i], after: r, fields: fields)) }
        }
        for (i, r) in before.rows.enumerated() where !beforeUsed[i] { changes.append(.removed(r)) }
        self.changes = changes
        unchangedRows = same
    }

    static func fields(_ a: TableRows.Row, _ b: TableRows.Row, keyField: String) -> [FieldChange] {
        var out: [FieldChange] = []
        func text(_ s: String?) -> String { s.map { $0.isEmpty ? "(kosong)" : $0 } ?? "(tidak ada)" }
        func add(_ field: String, _ x: String?, _ y: String?, sameValue: Bool = false) {
            if x != y { out.append(FieldChange(field: field, before: text(x), after: text(y), sameValue: sameValue)) }
        }
        add(keyField, a.key, b.key)
        if a.parents != b.parents { add("induk", a.parents.joined(separator: " › "), b.parents.joined(separator: " › ")) }
        add("nama", a.name, b.name)
        for n in 0..<max(a.indicators.count, b.indicators.count) {
            let label = "indikator \(n + 1)"
            let x = n < a.indicators.count ? a.indicators[n] : nil
            let y = n < b.indicators.count ? b.indicators[n] : nil
            guard let x, let y else {
                add(label, x.map(\.name), y.map(\.name))
                continue
            }
            add("\(label) nama", x.name, y.name)
            add("\(label) target", x.target?.raw, y.target?.raw, sameValue: x.target?.value != nil && x.target?.value == y.target?.value)
            add("\(label) capaian", x.actual?.raw, y.actual?.raw, sameValue: x.actual?.value != nil && x.actual?.value == y.actual?.value)
            add("\(label) persen", x.stated?.raw, y.stated?.raw, sameValue: x.stated?.value != nil && x.stated?.value == y.stated?.value)
            add("\(label) arah", x.direction?.rawValue, y.direction?.rawValue)
        }
        add("pagu", a.pagu?.raw, b.pagu?.raw, sameValue: a.pagu?.value != nil && a.pagu?.value == b.pagu?.value)
        add("realisasi", a.realisasi?.raw, b.realisasi?.raw, sameValue: a.realisasi?.value != nil && a.realisasi?.value == b.realisasi?.value)
        add("persen_realisasi", a.absorption?.raw, b.absorption?.raw,
            sameValue: a.absorption?.value != nil && a.absorption?.value == b.absorption?.value)
        return out
    }
}

/// Counts and totals of a table, for the import's summary.
public struct TableSummary: Equatable, Sendable {
    public var programs = 0
    public var kegiatan = 0
    public var subKegiatan = 0
    public var indicatorRows = 0
    /// Sum of the programs' pagu (amounts that do not parse are left out and counted).
    public var paguTotal = Rupiah.zero
    public var realisasiTotal: Rupiah?
    public var unparsedAmounts = 0

    public init(_ table: Table) {
        for item in table.allItems {
            switch item.level {
            case .program: programs += 1
            case .kegiatan: kegiatan += 1
            case .subKegiatan: subKegiatan += 1
            }
            indicatorRows += item.indicators.count
        }
        if table.kind == .evaluasi { realisasiTotal = .zero }
        for p in table.programs {
            if let v = p.pagu?.value.value { paguTotal = paguTotal + v } else { unparsedAmounts += 1 }
            if table.kind == .evaluasi {
                if let v = p.realisasi?.value.value { realisasiTotal = realisasiTotal! + v } else { unparsedAmounts += 1 }
            }
        }
    }
}
