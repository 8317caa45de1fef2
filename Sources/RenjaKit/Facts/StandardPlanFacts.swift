/// The figures of the standard rencana table (Permendagri 86/2017) worked out once: the totals of
/// pagu indikatif (column 6) and of the prakiraan maju pagu (column 10) under `AmountTotal`, each
/// parent row's sum of its children for both, and what the prakiraan maju columns hold.
/// `StandardPlanChecks` compares the stated cells with these; the page shows them.
public struct StandardPlanFacts: Sendable {
    public let table: StandardPlanTable
    /// By row anchor.
    public let rows: [String: StandardPlanRowFacts]
    /// Σ over the programs (the level every table has).
    public let programTotal: [StandardPlanAmount: AmountTotal]
    /// Σ over the sub kegiatan.
    public let subKegiatanTotal: [StandardPlanAmount: AmountTotal]
    /// Rows stating at least one non-zero target for year N+1 (column 9). When no row does, the
    /// table left the column empty as a whole (some apps store 0 by default).
    public let rowsWithForwardTarget: Int

    public init(_ table: StandardPlanTable) {
        self.table = table
        var rows: [String: StandardPlanRowFacts] = [:]
        for r in table.allRows { rows[r.anchor] = StandardPlanRowFacts(r) }
        self.rows = rows
        var programTotal: [StandardPlanAmount: AmountTotal] = [:]
        var subTotal: [StandardPlanAmount: AmountTotal] = [:]
        let programs = table.rows(.program), subs = table.rows(.subKegiatan)
        for a in StandardPlanAmount.allCases {
            programTotal[a] = AmountTotal(amounts: programs.map { ($0.anchor, $0.amount(a)) })
            subTotal[a] = AmountTotal(amounts: subs.map { ($0.anchor, $0.amount(a)) })
        }
        self.programTotal = programTotal
        subKegiatanTotal = subTotal
        rowsWithForwardTarget = rows.values.filter(\.statesForwardTarget).count
    }

    /// The table's total of a money column: Σ programs, else (when a program leaves it out) Σ sub kegiatan.
    public func total(_ a: StandardPlanAmount) -> AmountTotal? {
        if let p = programTotal[a], p.isComplete { return p }
        if let s = subKegiatanTotal[a], s.isComplete { return s }
        return nil
    }
}

public struct StandardPlanRowFacts: Sendable {
    /// Per money column, the sum of the children's stated amounts; see `StandardPlanChildSum`.
    public var childSums: [StandardPlanAmount: StandardPlanChildSum]
    /// True when one of the row's indicators states a non-zero target for year N+1.
    public var statesForwardTarget: Bool

    init(_ row: StandardPlanRow) {
        var sums: [StandardPlanAmount: StandardPlanChildSum] = [:]
        for a in StandardPlanAmount.allCases {
            if let s = StandardPlanChildSum(row, a) { sums[a] = s }
        }
        childSums = sums
        statesForwardTarget = row.indicators.contains { ($0.targetMaju?.value.value?.value ?? 0) != 0 }
    }
}

/// A parent's money column against the sum of its children, when the parent states it and every
/// child states it readably. When a program's kegiatan state nothing in the column (some apps keep
/// amounts on program and sub kegiatan rows only), the program is compared with all its sub
/// kegiatan instead.
public struct StandardPlanChildSum: Sendable {
    public var sum: Rupiah
    public var count: Int
    public var childLevel: StandardPlanLevel
    /// True when the sum is over all sub kegiatan of a program whose kegiatan state nothing.
    public var overSubKegiatan: Bool

    init?(_ row: StandardPlanRow, _ a: StandardPlanAmount) {
        guard row.amount(a) != nil, !row.children.isEmpty, let childLevel = row.level.child else { return nil }
        let kids = row.children.map { $0.amount(a) }
        if kids.allSatisfy({ $0?.value.value != nil }) {
            self.init(sum: kids.compactMap { $0?.value.value }.reduce(.zero, +), count: kids.count, childLevel: childLevel, overSubKegiatan: false)
            return
        }
        guard row.level == .program, kids.allSatisfy({ $0 == nil }) else { return nil }
        let subs = row.children.flatMap(\.children).map { $0.amount(a) }
        guard !subs.isEmpty, subs.allSatisfy({ $0?.value.value != nil }) else { return nil }
        self.init(sum: subs.compactMap { $0?.value.value }.reduce(.zero, +), count: subs.count, childLevel: .subKegiatan, overSubKegiatan: true)
    }

    init(sum: Rupiah, count: Int, childLevel: StandardPlanLevel, overSubKegiatan: Bool) {
        self.sum = sum
        self.count = count
        self.childLevel = childLevel
        self.overSubKegiatan = overSubKegiatan
    }
}
