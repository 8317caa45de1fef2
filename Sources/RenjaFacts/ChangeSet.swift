import RenjaModel

/// What the revision changed between Tabel 1 (before) and Tabel 2 (after), row by row: the data
/// behind the Perubahan page, the program pages' "selisih" and the open-data JSON.
package struct Change {
    package enum Status: String {
        case tetap, berubah, baru, dihapus

        package var word: String {
            switch self {
            case .tetap: return "Tetap"
            case .berubah: return "Berubah"
            case .baru: return "Baru"
            case .dihapus: return "Dihapus"
            }
        }
    }

    package struct TargetChange {
        package var indicator: String
        package var before: String
        package var after: String
    }

    package var level: Level
    package var name: String
    /// `1.1 · 1.06.01.2.01.0001`: Tabel 1's number and Tabel 2's code, as the reader knows them.
    package var keyLabel: String
    package var programKey: String
    /// Row anchor on the program page.
    package var anchor: String
    package var before: Located<AmountText>?
    package var after: Located<AmountText>?
    package var status: Status
    package var targetChanges: [TargetChange]
    /// Position in document order, so a reordered table can be put back.
    package var order: Int
    /// The rows above this one ("Program I …", "Kegiatan 1. …"), for a row shown on its own.
    package var parents: [(level: Level, key: String, name: String)] = []

    package var beforeValue: Rupiah? { before?.value.value }

    /// Two targets differ when their numbers or their units differ; text that is not a number is
    /// compared as written.
    package static func targetsDiffer(_ x: Located<QuantityText>?, _ y: Located<QuantityText>?) -> Bool {
        switch (x?.value.value, y?.value.value) {
        case let (a?, b?): return abs(a.value - b.value) > 1e-9 || a.normalizedUnit != b.normalizedUnit
        default: return x?.value.raw.trimmingCharacters(in: .whitespaces) != y?.value.raw.trimmingCharacters(in: .whitespaces)
        }
    }
    package var afterValue: Rupiah? { after?.value.value }

    /// After − before; an added row counts from zero, a dropped one down to zero. nil when a
    /// figure that exists is malformed (it cannot be compared, and the page says so).
    package var difference: Rupiah? {
        switch (before, after) {
        case (nil, nil): return nil
        case (nil, let a?): return a.value.value
        case (let b?, nil): return b.value.value.map { .zero - $0 }
        case (let b?, let a?):
            guard let bv = b.value.value, let av = a.value.value else { return nil }
            return av - bv
        }
    }

    /// Size of the change, for sorting: the absolute difference (malformed rows sort last).
    package var magnitude: Int64 { difference.map { $0.value.magnitude > UInt64(Int64.max) ? Int64.max : Int64($0.value.magnitude) } ?? -1 }

    /// The difference relative to the pagu before, when both exist.
    package var relative: Percent? {
        guard let d = difference, let b = beforeValue, b.value != 0, after != nil else { return nil }
        return d.percent(of: b)
    }
}

/// All changes of one document, computed once from the matched tables.
package struct ChangeSet {
    package var programs: [Change] = []
    /// Kegiatan and sub kegiatan, in document order.
    package var items: [Change] = []
    /// The rows that carry the money, each change once: sub kegiatan, and kegiatan that have none
    /// (a kegiatan's pagu is the sum of its sub kegiatan, so listing both counts a change twice).
    package var leaves: [Change] = []

    package var all: [Change] { programs + items }

    init(_ matched: [MatchedItem]) {
        var order = 0
        func visit(_ m: MatchedItem, programKey: String, parents: [(level: Level, key: String, name: String)]) {
            let e = m.evaluation, a = m.plan
            let status: Change.Status
            switch m.kind {
            case .onlyEvaluation: status = .dihapus
            case .onlyPlan: status = .baru
            case .exactName, .similarName:
                let paguDiffers = e?.pagu?.value.raw != a?.pagu?.value.raw
                    && (e?.pagu?.value.value == nil || e?.pagu?.value.value != a?.pagu?.value.value)
                status = paguDiffers || !ChangeSet.targetChanges(e, a).isEmpty ? .berubah : .tetap
            }
            let key = [e?.number?.value, a?.code?.value].compactMap { $0 }.joined(separator: " · ")
            let change = Change(level: m.level, name: m.name, keyLabel: key, programKey: programKey,
                                anchor: e?.anchor ?? a?.anchor ?? "", before: e?.pagu, after: a?.pagu, status: status,
                                targetChanges: ChangeSet.targetChanges(e, a), order: order, parents: parents)
            order += 1
            if m.level == .program { programs.append(change) } else { items.append(change) }
            if m.level != .program, m.children.isEmpty { leaves.append(change) }
            m.children.forEach { visit($0, programKey: programKey, parents: parents + [(m.level, key, m.name)]) }
        }
        for p in matched { visit(p, programKey: p.key, parents: []) }
    }

    /// Indicators whose target differs between the tables, paired as the checks pair them
    /// (`IndicatorMatcher`): a changed number or unit, or an indicator in one table only.
    static func targetChanges(_ e: Item?, _ a: Item?) -> [Change.TargetChange] {
        guard let e, let a else { return [] }
        let (pairs, onlyBefore, onlyAfter) = IndicatorMatcher.pair(e.indicators, a.indicators)
        var out: [(Int, Change.TargetChange)] = []
        for (i, j) in pairs {
            let ei = e.indicators[i], ai = a.indicators[j]
            if Change.targetsDiffer(ei.target, ai.target) {
                out.append((j, .init(indicator: ai.name.value, before: Format.quantity(ei.target, empty: "–"),
                                     after: Format.quantity(ai.target, empty: "–"))))
            }
        }
        for i in onlyBefore {
            let ei = e.indicators[i]
            out.append((a.indicators.count + i, .init(indicator: ei.name.value, before: Format.quantity(ei.target, empty: "–"), after: "–")))
        }
        for j in onlyAfter {
            let ai = a.indicators[j]
            out.append((j, .init(indicator: ai.name.value, before: "–", after: Format.quantity(ai.target, empty: "–"))))
        }
        return out.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The change of the row with this anchor (Tabel 1's or, for a new row, Tabel 2's).
    package func change(anchor: String?) -> Change? {
        guard let anchor else { return nil }
        return all.first { $0.anchor == anchor }
    }

    /// Sum of the per-program differences; equals the difference of the tables' totals when every program
    /// figure is well formed (the page shows both, so a reader can see they reconcile).
    package var totalOfDifferences: Rupiah { programs.reduce(.zero) { $0 + ($1.difference ?? .zero) } }

    /// Largest change first; ties in document order, so the page is the same on every build.
    package static func bySize(_ changes: [Change]) -> [Change] {
        changes.sorted { ($0.magnitude, -$0.order) > ($1.magnitude, -$1.order) }
    }
}
