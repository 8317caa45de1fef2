import RenjaModel
import RenjaFacts

/// `persen-induk`: a parent row's stated achievement against its children's.
///
/// Documents do not say how a kegiatan's or program's achievement is derived, and no single rule
/// holds for every parent: outcome indicators ("Persentase keluarga miskin yang …") are measured on
/// their own, while composite ones ("Persentase ketercapaian …") are the average of the children's
/// achievement. So the relation is learnt from the document itself: parent indicators are grouped by
/// the first two words of their name, and when at least three single-indicator parents of a group
/// exist and at least two thirds of them equal the average of their children, that group follows
/// the average and its other members are flagged as outliers. Parents with several indicators
/// (program I of a Renja typically has three) match when an indicator equals the average of a run of
/// consecutive children. Outside such groups only clear contradictions are flagged: a parent at
/// 100% or more whose children are all at 0%, or a parent at 0% whose children all reached 100%.
enum ParentAchievementChecks {
    struct Record {
        var item: Item
        var indicator: Indicator
        var stated: Double
        var family: String
        var matches: Bool
        var average: Double?
        var singleIndicator: Bool
    }

    static func run(_ ctx: DocumentContext) -> [Diagnostic] {
        guard let table = ctx.document.evaluation else { return [] }
        let formula = ctx.document.validation.lowerIsBetterFormula
        var records: [Record] = []
        for parent in table.allItems where !parent.children.isEmpty {
            let stated = parent.children.map { achievement(of: $0, formula: formula, computed: false) }
            let computed = parent.children.map { achievement(of: $0, formula: formula, computed: true) }
            for indicator in parent.indicators {
                guard let s = indicator.stated?.value.value?.value, let raw = indicator.stated?.value.raw else { continue }
                let candidates = averages(stated, contiguous: parent.indicators.count > 1)
                    + averages(computed, contiguous: parent.indicators.count > 1)
                let match = candidates.contains { PercentAgreement.compare(stated: s, raw: raw, computed: $0) == .agrees }
                let whole = [mean(stated), mean(computed)].compactMap { $0 }
                records.append(Record(item: parent, indicator: indicator, stated: s, family: family(indicator.name.value),
                                      matches: match, average: whole.min { abs($0 - s) < abs($1 - s) },
                                      singleIndicator: parent.indicators.count == 1))
            }
        }

        var out: [Diagnostic] = []
        var flagged = Set<String>()
        let families = Dictionary(grouping: records.filter(\.singleIndicator), by: \.family)
        for record in records where !record.matches {
            guard let members = families[record.family], members.count >= 3 else { continue }
            let agreeing = members.filter(\.matches)
            guard agreeing.count * 3 >= members.count * 2, let average = record.average else { continue }
            flagged.insert(record.item.anchor + record.indicator.name.value)
            let example = agreeing.first!
            out.append(ctx.finding(.peringatan, "persen-induk",
                                   "persen capaian \(record.item.reference) tidak sama dengan rata-rata capaian \(record.item.level.child?.word ?? "anak")nya, padahal \(agreeing.count) dari \(members.count) indikator sejenis di dokumen ini mengikuti rata-rata itu",
                                   at: record.indicator.stated?.location, item: record.item,
                                   figures: [.init("tertulis", Wording.percent(record.stated)), .init("rata-rata anak", Wording.percent(average)),
                                             .init("selisih", PercentChecks.points(record.stated - average))],
                                   notes: ["indikator sejenis: nama diawali “\(record.family)”; contoh yang cocok: \(example.item.shortReference) (\(example.indicator.stated?.location?.description ?? ""))"]))
        }
        // Clear contradictions, whatever relation the document follows.
        for record in records where !flagged.contains(record.item.anchor + record.indicator.name.value) {
            let children = record.item.children
            // Only children whose achievement is known both as written and as recomputed count: a
            // lower-is-better indicator with capaian 0 has no achievement yet, not an achievement of 0%.
            let values = children.flatMap { c in
                [achievement(of: c, formula: formula, computed: false), achievement(of: c, formula: formula, computed: true, fallback: false)]
            }.compactMap { $0 }
            guard values.count == children.count * 2 else { continue }
            let allZero = values.allSatisfy { $0 == 0 }
            let allFull = values.allSatisfy { $0 >= 100 }
            guard (record.stated >= 100 && allZero) || (record.stated == 0 && allFull) else { continue }
            let word = record.item.level.child?.word ?? "anak"
            out.append(ctx.finding(.peringatan, "persen-induk",
                                   allZero ? "persen capaian \(record.item.reference) \(Wording.percent(record.stated)), padahal capaian semua \(word)nya 0%"
                                           : "persen capaian \(record.item.reference) 0%, padahal semua \(word)nya mencapai 100% atau lebih",
                                   at: record.indicator.stated?.location, item: record.item,
                                   figures: [.init("tertulis", Wording.percent(record.stated)),
                                             .init("capaian \(word)", allZero ? "semua 0%" : "semua ≥ 100%")],
                                   notes: ["bila indikator ini diukur sendiri (bukan dari \(word)nya), jelaskan di narasi"]))
        }
        return out
    }

    /// A row's achievement: the average over its indicators, either as stated or recomputed from
    /// target and capaian (falling back to the stated figure when it cannot be recomputed).
    static func achievement(of item: Item, formula: LowerIsBetterFormula, computed: Bool, fallback: Bool = true) -> Double? {
        let values = item.indicators.map { i -> Double? in
            if computed {
                if let c = Achievement.computed(i, formula: formula) { return c }
                if !fallback { return nil }
            }
            return i.stated?.value.value?.value
        }
        return mean(values)
    }

    static func mean(_ xs: [Double?]) -> Double? {
        let v = xs.compactMap { $0 }
        guard !v.isEmpty, v.count == xs.count else { return nil }
        return v.reduce(0, +) / Double(v.count)
    }

    /// The average of all children, or (for parents with several indicators) of every run of
    /// consecutive children.
    static func averages(_ xs: [Double?], contiguous: Bool) -> [Double] {
        guard contiguous else { return [mean(xs)].compactMap { $0 } }
        var out: [Double] = []
        for i in xs.indices {
            for j in i..<xs.count {
                if let m = mean(Array(xs[i...j])) { out.append(m) }
            }
        }
        return out
    }

    /// "Persentase ketercapaian administrasi …" → "persentase ketercapaian".
    static func family(_ name: String) -> String {
        Text.normalizedName(name).split(separator: " ").prefix(2).joined(separator: " ")
    }
}
