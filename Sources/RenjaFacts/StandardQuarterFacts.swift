import RenjaModel
/// Realisasi per triwulan of the standard evaluation table, as the quarter page shows it: for every
/// program, kegiatan and sub kegiatan the Rp of each quarter, the running total (s/d TW n) and its
/// share of the year's pagu (col. 8 Rp); for every indicator with quarters the K of each quarter
/// and, for higher-is-better indicators, the running total and its share of the year's target
/// (col. 8 K).
///
/// A row that does not state its quarters (e-Monev apps often keep them on sub kegiatan only) gets
/// the sum of its children's, and then its pagu is the sum of its children's pagu as well, so the
/// share compares figures of one basis; the pagu the row states is kept beside it. Kinerja is not
/// summed across rows: indicators of different rows have different units.
public struct StandardQuarterFacts: Sendable {
    /// By row anchor.
    public let rows: [String: StandardQuarterRow]
    /// How many quarters the table reports (the most any series states), 0…4.
    public let quarterCount: Int

    public init(_ table: StandardEvaluationTable) {
        var rows: [String: StandardQuarterRow] = [:]
        var count = 0
        for r in table.allRows {
            count = max(count, r.anggaran.quarters.count)
            for ind in r.indicators { count = max(count, ind.kinerja.quarters.count) }
        }
        func walk(_ r: StandardRow) -> StandardQuarterSeries<Int64> {
            let kids = r.children.map(walk)
            let series = StandardQuarterSeries<Int64>.anggaran(r, children: kids, count: count)
            rows[r.anchor] = StandardQuarterRow(
                anggaran: series,
                kinerja: r.indicators.map { ind in
                    let direction = DirectionInference.resolve(ind.asIndicator).direction
                    return StandardQuarterSeries<Double>.kinerja(ind.kinerja, direction: direction, count: count)
                })
            return series
        }
        table.programs.forEach { _ = walk($0) }
        self.rows = rows
        quarterCount = count
    }
}

public struct StandardQuarterRow: Sendable {
    public var anggaran: StandardQuarterSeries<Int64>
    /// One per indicator, in order; `perQuarter` is empty when the indicator states no quarter.
    public var kinerja: [StandardQuarterSeries<Double>]
}

/// One series over the quarters (Rp in sen, or K in the indicator's unit).
public struct StandardQuarterSeries<Value: Sendable & Equatable>: Sendable {
    /// TW I…; nil where a quarter is not stated or cannot be read.
    public var perQuarter: [Value?]
    /// Σ TW I…n; nil from the first quarter that is missing (and for an indicator whose quarters are
    /// not a running total: lower is better).
    public var running: [Value?]
    /// The year's target (col. 8), on the same basis as the quarters.
    public var target: Value?
    /// running ÷ target × 100 per quarter.
    public var shareOfTarget: [Double?]
    /// True when the quarters (and the target) are the sum of the children's.
    public var summed: Bool
    /// The target the row itself states, when it differs from `target` (a summed row).
    public var statedTarget: Value?

    public var hasQuarters: Bool { perQuarter.contains { $0 != nil } }
}

extension StandardQuarterSeries where Value == Int64 {
    static func anggaran(_ r: StandardRow, children: [StandardQuarterSeries<Int64>], count: Int) -> Self {
        let a = r.anggaran
        let own: [Int64?] = (0..<count).map { $0 < a.quarters.count ? a.quarters[$0].value.sen : nil }
        let stated = !a.quarters.isEmpty && own.prefix(a.quarters.count).allSatisfy { $0 != nil }
        var per = own, target = a.targetRenja?.value.sen, summed = false, statedTarget: Int64?
        if !stated, !children.isEmpty, children.allSatisfy(\.hasQuarters) {
            summed = true
            per = (0..<count).map { q in
                let values = children.map { $0.perQuarter[q] }
                return values.allSatisfy { $0 != nil } ? values.compactMap { $0 }.reduce(0, +) : nil
            }
            let targets = children.map(\.target)
            let sum = targets.allSatisfy { $0 != nil } ? targets.compactMap { $0 }.reduce(0, +) : nil
            if let own = target, own != sum { statedTarget = own }
            target = sum
        }
        var running: [Int64?] = []
        var total: Int64? = 0
        for v in per {
            total = total.flatMap { t in v.map { t + $0 } }
            running.append(total)
        }
        let share: [Double?] = running.map { r in
            guard let r, let t = target, t != 0 else { return nil }
            return Double(r) / Double(t) * 100
        }
        return StandardQuarterSeries(perQuarter: per, running: running, target: target, shareOfTarget: share, summed: summed,
                                     statedTarget: statedTarget)
    }
}

extension StandardQuarterSeries where Value == Double {
    static func kinerja(_ s: StandardSeries<StandardNumber>, direction: Direction, count: Int) -> Self {
        let per: [Double?] = s.quarters.isEmpty ? [] : (0..<count).map { $0 < s.quarters.count ? s.quarters[$0].value.value : nil }
        let target = s.targetRenja?.value.value
        var running: [Double?] = []
        var total: Double? = 0
        for v in per {
            total = total.flatMap { t in v.map { t + $0 } }
            // For a rate to be reduced each quarter's figure is a level, not an addition.
            running.append(direction == .naik ? total : nil)
        }
        let share: [Double?] = running.map { r in
            guard let r, let t = target, t != 0 else { return nil }
            return r / t * 100
        }
        return StandardQuarterSeries(perQuarter: per, running: running, target: target, shareOfTarget: share, summed: false, statedTarget: nil)
    }
}
