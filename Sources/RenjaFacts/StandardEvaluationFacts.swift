import RenjaModel

/// The figures of the standard evaluation table (Permendagri 86/2017) worked out once: every
/// computed column from the columns its formula names, the sums down the hierarchy of every Rp
/// column, the quarter in which realisasi passes the year's target, and the footer's averages.
/// `StandardEvaluationChecks` compares the stated cells with these; the page shows them.
///
/// Each formula is worked out from the *stated* cells it names (13 from the stated 9–12, 14 from
/// the stated 7 and 13, 15 from the stated 14 and 6), so one wrong cell is reported once, at the
/// cell whose formula it breaks, and does not make every column after it wrong too. Where a
/// column the formula needs is not stated, the computed value is used in its place.
public struct StandardEvaluationFacts: Sendable {
    public let table: StandardEvaluationTable
    /// By row anchor.
    public let rows: [String: StandardRowFacts]
    /// Rows in document order (depth first).
    public let order: [String]
    public let average: StandardAverage
    /// Realisasi per triwulan, running totals and their share of the year's target.
    public let quarters: StandardQuarterFacts

    public init(_ table: StandardEvaluationTable, formula: LowerIsBetterFormula) {
        self.table = table
        var rows: [String: StandardRowFacts] = [:]
        var order: [String] = []
        for (row, _) in table.rowsWithParents {
            rows[row.anchor] = StandardRowFacts(row, formula: formula)
            order.append(row.anchor)
        }
        self.rows = rows
        self.order = order
        average = StandardAverage(table, rows: rows)
        quarters = StandardQuarterFacts(table)
    }
}

/// A computed value and the inputs it came from, for the diagnostic's "rumus" line.
public struct StandardComputed<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    /// `TW I 0 + TW II 93 + TW III 0 + TW IV 0`.
    public var formula: String
}

/// The computed columns of one series (K of one indicator or Rp of one row).
public struct StandardSeriesFacts<Value: Sendable & Equatable>: Sendable, Equatable {
    /// Σ TW I–IV (col. 13 with Kode); nil when a quarter cannot be read or none is stated.
    public var quarterSum: StandardComputed<Value>?
    /// Col. 7 + col. 13 (stated 13, else the quarter sum).
    public var cumulative: StandardComputed<Value>?
    /// Col. 14 ÷ col. 6 × 100 (in the indicator's direction for K).
    public var achievement: StandardComputed<Double>?
    /// The first quarter (1…4) whose running total of realisasi is above the year's target (col. 8),
    /// with that total.
    public var overTargetAt: (quarter: Int, total: Value)?

    public static func == (a: Self, b: Self) -> Bool {
        a.quarterSum == b.quarterSum && a.cumulative == b.cumulative && a.achievement == b.achievement
            && a.overTargetAt?.quarter == b.overTargetAt?.quarter && a.overTargetAt?.total == b.overTargetAt?.total
    }
}

public struct StandardRowFacts: Sendable {
    public var anggaran: StandardSeriesFacts<Int64>
    /// One per indicator, in order.
    public var kinerja: [StandardSeriesFacts<Double>]
    public var directions: [ResolvedDirection]
    /// Per Rp column (and quarter index for `triwulan`), the sum of the children's stated values,
    /// when every child states it readably; see `StandardChildSum`.
    public var childSums: [StandardChildSum]

    init(_ row: StandardRow, formula: LowerIsBetterFormula) {
        anggaran = StandardRowFacts.amounts(row.anggaran)
        directions = row.indicators.map { DirectionInference.resolve($0.asIndicator) }
        kinerja = zip(row.indicators, directions).map { StandardRowFacts.numbers($0.kinerja, direction: $1.direction, formula: formula) }
        childSums = StandardChildSum.all(row)
    }

    static func amounts(_ s: StandardSeries<StandardAmount>) -> StandardSeriesFacts<Int64> {
        var f = StandardSeriesFacts<Int64>()
        let q = s.quarters.map { $0.value.sen }
        let show = { (sen: Int64) in StandardAmount.format(sen: sen) }
        if !q.isEmpty, q.allSatisfy({ $0 != nil }) {
            let values = q.compactMap { $0 }
            f.quarterSum = StandardComputed(value: values.reduce(0, +),
                                            formula: values.enumerated().map { "TW \(StandardEvaluationTable.roman($0 + 1)) \(show($1))" }.joined(separator: " + "))
            if let target = s.targetRenja?.value.sen {
                var running: Int64 = 0
                for (i, v) in values.enumerated() {
                    running += v
                    if running > target { f.overTargetAt = (i + 1, running); break }
                }
            }
        }
        let year = s.realisasiRenja?.value.sen ?? f.quarterSum?.value
        if let before = s.realisasiRenstraLalu?.value.sen, let year {
            f.cumulative = StandardComputed(value: before + year, formula: "s/d tahun lalu \(show(before)) + tahun berjalan \(show(year))")
        }
        if let total = s.realisasiRenstra?.value.sen ?? f.cumulative?.value, let target = s.targetRenstra?.value.sen, target != 0 {
            f.achievement = StandardComputed(value: Double(total) / Double(target) * 100,
                                             formula: "realisasi Renstra \(show(total)) ÷ target Renstra \(show(target)) × 100")
        }
        return f
    }

    static func numbers(_ s: StandardSeries<StandardNumber>, direction: Direction, formula: LowerIsBetterFormula) -> StandardSeriesFacts<Double> {
        var f = StandardSeriesFacts<Double>()
        let show = { (x: Double) in IndonesianNumber.decimal(x, places: nil) }
        let q = s.quarters.map { $0.value.value }
        if !q.isEmpty, q.allSatisfy({ $0 != nil }) {
            let values = q.compactMap { $0 }
            f.quarterSum = StandardComputed(value: values.reduce(0, +),
                                            formula: values.enumerated().map { "TW \(StandardEvaluationTable.roman($0 + 1)) \(show($1))" }.joined(separator: " + "))
            // A running total above the target means more than planned only for higher-is-better
            // indicators; for a rate to be reduced the quarters are not a running total.
            if direction == .naik, let target = s.targetRenja?.value.value {
                var running = 0.0
                for (i, v) in values.enumerated() {
                    running += v
                    if running > target + 1e-9 { f.overTargetAt = (i + 1, running); break }
                }
            }
        }
        let year = s.realisasiRenja?.value.value ?? f.quarterSum?.value
        if let before = s.realisasiRenstraLalu?.value.value, let year {
            f.cumulative = StandardComputed(value: before + year, formula: "s/d tahun lalu \(show(before)) + tahun berjalan \(show(year))")
        }
        if let total = s.realisasiRenstra?.value.value ?? f.cumulative?.value, let target = s.targetRenstra?.value.value,
           let p = Achievement.percent(target: target, actual: total, direction: direction, formula: formula) {
            f.achievement = StandardComputed(value: p, formula: Achievement.formulaText(direction, formula)
                                                + " (target Renstra \(show(target)), realisasi Renstra \(show(total)))")
        }
        return f
    }
}

/// A parent's Rp column against the sum of its children. When a program's kegiatan state nothing in
/// a column (some e-Monev apps keep amounts on program and sub kegiatan rows only), the program is
/// compared with all its sub kegiatan instead.
public struct StandardChildSum: Sendable {
    public var column: StandardColumn
    /// For `triwulan`: 0…3.
    public var quarter: Int?
    public var sum: Int64
    public var count: Int
    /// True when the sum is over all sub kegiatan of a program whose kegiatan state nothing.
    public var overSubKegiatan: Bool

    package static func value(_ r: StandardRow, _ c: StandardColumn, _ q: Int?) -> Located<StandardAmount>? {
        if c == .triwulan, let q { return q < r.anggaran.quarters.count ? r.anggaran.quarters[q] : nil }
        return r.anggaran.cell(c)
    }

    static func all(_ row: StandardRow) -> [StandardChildSum] {
        guard !row.children.isEmpty else { return [] }
        var out: [StandardChildSum] = []
        let columns: [(StandardColumn, Int?)] = [(.targetRenstra, nil), (.realisasiRenstraLalu, nil), (.targetRenja, nil)]
            + (0..<4).map { (.triwulan, $0) } + [(.realisasiRenja, nil), (.realisasiRenstra, nil)]
        for (c, q) in columns where value(row, c, q) != nil {
            let kids = row.children.map { value($0, c, q)?.value.sen }
            if kids.allSatisfy({ $0 != nil }) {
                out.append(StandardChildSum(column: c, quarter: q, sum: kids.compactMap { $0 }.reduce(0, +), count: kids.count, overSubKegiatan: false))
            } else if row.level == .program, row.children.allSatisfy({ value($0, c, q) == nil }) {
                let subs = row.children.flatMap(\.children).map { value($0, c, q)?.value.sen }
                if !subs.isEmpty, subs.allSatisfy({ $0 != nil }) {
                    out.append(StandardChildSum(column: c, quarter: q, sum: subs.compactMap { $0 }.reduce(0, +), count: subs.count, overSubKegiatan: true))
                }
            }
        }
        return out
    }
}

/// The "rata-rata capaian" footer row as the e-Monev apps compute it (`afilamediakarya/demonev`):
/// kinerja is the **mean of the sub kegiatan indicators' tingkat capaian** (col. 15 K, stated or
/// else computed), anggaran the **ratio of sums** Σ realisasi Renstra Rp ÷ Σ target Renstra Rp × 100
/// over the sub kegiatan. The other rule for each (ratio of sums for kinerja makes no sense across
/// units; the mean of the sub kegiatan Rp percentages for anggaran) is kept so a message can say
/// which rule a stated figure follows when the two differ.
public struct StandardAverage: Sendable {
    public var kinerjaMean: StandardComputed<Double>?
    public var anggaranRatio: StandardComputed<Double>?
    public var anggaranMean: StandardComputed<Double>?

    init(_ table: StandardEvaluationTable, rows: [String: StandardRowFacts]) {
        let subs = table.allRows.filter { $0.level == .subKegiatan }
        var ks: [Double] = []
        for r in subs {
            for (i, ind) in r.indicators.enumerated() {
                if let p = ind.kinerja.tingkatCapaian?.value.value ?? rows[r.anchor]?.kinerja[i].achievement?.value { ks.append(p) }
            }
        }
        if !ks.isEmpty {
            kinerjaMean = StandardComputed(value: ks.reduce(0, +) / Double(ks.count),
                                           formula: "rata-rata tingkat capaian kinerja \(ks.count) indikator sub kegiatan")
        }
        var num: Int64 = 0, den: Int64 = 0, n = 0
        var ps: [Double] = []
        for r in subs {
            guard let t = r.anggaran.targetRenstra?.value.sen,
                  let a = r.anggaran.realisasiRenstra?.value.sen ?? rows[r.anchor]?.anggaran.cumulative?.value else { continue }
            num += a; den += t; n += 1
            if let p = r.anggaran.tingkatCapaian?.value.value ?? rows[r.anchor]?.anggaran.achievement?.value { ps.append(p) }
        }
        if den != 0 {
            anggaranRatio = StandardComputed(value: Double(num) / Double(den) * 100,
                                             formula: "Σ realisasi Renstra \(StandardAmount.format(sen: num)) ÷ Σ target Renstra \(StandardAmount.format(sen: den)) × 100 (\(n) sub kegiatan)")
        }
        if !ps.isEmpty {
            anggaranMean = StandardComputed(value: ps.reduce(0, +) / Double(ps.count),
                                            formula: "rata-rata tingkat capaian anggaran \(ps.count) sub kegiatan")
        }
    }
}
