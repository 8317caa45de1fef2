import RenjaModel

/// The figures of one table, worked out once: row counts, totals of the money columns, and for
/// every row the sums of its children and the achievement of its indicators. Checks compare the
/// stated figures with these; pages show these. Neither computes a figure of its own.
public struct TableFacts: Sendable {
    public let kind: TableKind
    /// Rows per level.
    public let rowCounts: [Level: Int]
    /// Distinct codes (Tabel 2) or numbers (Tabel 1) per level: fewer than the rows when a code is
    /// used by several rows (a sub kegiatan split by location or source of funds).
    public let distinctKeyCounts: [Level: Int]
    /// The table's total: Σ of the programs' amounts as the document states them; when the table
    /// states no program amounts at all (some planning apps keep them per sub kegiatan only), Σ of
    /// the highest level that states them.
    public let programTotal: [AmountKind: AmountTotal]
    /// Σ of every sub kegiatan's amount (differs from `programTotal` when the table's sums are wrong).
    public let subKegiatanTotal: [AmountKind: AmountTotal]
    /// Per row, by anchor.
    public let items: [String: ItemFacts]

    public var amountKinds: [AmountKind] { kind == .evaluasi ? [.pagu, .realisasi] : [.pagu] }

    init(_ table: Table, formula: LowerIsBetterFormula) {
        kind = table.kind
        var rows: [Level: Int] = [:], keys: [Level: Int] = [:]
        for level in Level.allCases {
            let items = table.items(at: level)
            rows[level] = items.count
            let written = items.compactMap(\.key)
            keys[level] = Set(written).count + (items.count - written.count)
        }
        rowCounts = rows
        distinctKeyCounts = keys
        let kinds: [AmountKind] = table.kind == .evaluasi ? [.pagu, .realisasi] : [.pagu]
        var program: [AmountKind: AmountTotal] = [:], leaves: [AmountKind: AmountTotal] = [:]
        for k in kinds {
            leaves[k] = AmountTotal(table.items(at: .subKegiatan), k)
            program[k] = Level.allCases.lazy.map { AmountTotal(table.items(at: $0), k) }
                .first { $0.missing.count < $0.parts || $0.parts == 0 } ?? leaves[k]
        }
        programTotal = program
        subKegiatanTotal = leaves
        var facts: [String: ItemFacts] = [:]
        for item in table.allItems { facts[item.anchor] = ItemFacts(item, kinds: kinds, formula: formula) }
        items = facts
    }

    public func rows(_ level: Level) -> Int { rowCounts[level] ?? 0 }
    public func distinctKeys(_ level: Level) -> Int { distinctKeyCounts[level] ?? 0 }

    /// The table's total of a money column (Σ programs), when every program's amount is readable.
    public func total(_ kind: AmountKind) -> Rupiah? { programTotal[kind]?.value }

    /// Realisasi as a share of pagu over the whole table (Tabel 1).
    public var absorption: Percent? {
        guard let r = total(.realisasi), let p = total(.pagu) else { return nil }
        return r.percent(of: p)
    }

    public func item(_ anchor: String) -> ItemFacts? { items[anchor] }
}

/// The computed figures of one row.
public struct ItemFacts: Sendable {
    /// Σ of the children's amounts (rows with children only).
    public let childSum: [AmountKind: AmountTotal]
    /// Σ of every sub kegiatan below (programs only: a kegiatan's children are its leaves).
    public let leafSum: [AmountKind: AmountTotal]
    /// realisasi ÷ pagu × 100, from the row's own amounts.
    public let absorption: Percent?
    /// One per indicator, in order.
    public let indicators: [IndicatorFacts]

    init(_ item: Item, kinds: [AmountKind], formula: LowerIsBetterFormula) {
        var direct: [AmountKind: AmountTotal] = [:], leaves: [AmountKind: AmountTotal] = [:]
        if !item.children.isEmpty {
            for k in kinds {
                direct[k] = AmountTotal(item.children, k)
                if item.children.contains(where: { !$0.children.isEmpty }) { leaves[k] = AmountTotal(item.children.flatMap(\.leaves), k) }
            }
        }
        childSum = direct
        leafSum = leaves
        if let r = item.realisasi?.value.value, let p = item.pagu?.value.value { absorption = r.percent(of: p) } else { absorption = nil }
        indicators = item.indicators.map { IndicatorFacts($0, formula: formula) }
    }
}

/// An indicator's achievement, computed with its resolved direction and the document's formula.
public struct IndicatorFacts: Sendable {
    public let direction: ResolvedDirection
    /// capaian against target by the direction's formula; nil without both numbers or on division by zero.
    public let computed: Double?
    /// The document states a capaian for this indicator.
    public let hasActual: Bool
    /// The document states a target for this indicator (as a number).
    public let hasTarget: Bool
    /// Target and capaian are counted in the same unit, so comparing them means something.
    public let unitsComparable: Bool
    /// The stated percentage, when written and readable.
    public let stated: Double?

    /// The achievement a page shows: the stated one when the document states it (shown as written),
    /// else the computed one when the units are comparable.
    public var shown: (value: Double, isStated: Bool)? {
        if let stated { return (stated, true) }
        if let computed, unitsComparable { return (computed, false) }
        return nil
    }

    /// The achievement a chart may set against the target: the shown one, only where target and
    /// capaian are counted in the same unit (950 keluarga against 484 orang compares nothing).
    public var comparableAchievement: Double? { unitsComparable ? shown?.value : nil }

    /// Where the indicator stands against the period's pace: an evaluation up to triwulan II is on
    /// pace at 50% of the annual target (`EvaluationPeriod.pacePercent`); a whole year at 100%.
    public func behindPace(_ period: EvaluationPeriod?) -> Bool? {
        guard let v = comparableAchievement else { return nil }
        return v < (period?.pacePercent ?? 100)
    }

    init(_ indicator: Indicator, formula: LowerIsBetterFormula) {
        direction = DirectionInference.resolve(indicator)
        computed = Achievement.computed(indicator, formula: formula)
        hasActual = indicator.actual?.value.value != nil
        hasTarget = indicator.target?.value.value != nil
        if let t = indicator.target?.value.value, let a = indicator.actual?.value.value {
            unitsComparable = t.normalizedUnit == a.normalizedUnit
        } else {
            unitsComparable = false
        }
        stated = indicator.stated?.value.value?.value
    }
}
