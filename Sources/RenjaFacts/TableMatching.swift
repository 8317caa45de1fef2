import RenjaModel

/// How a Tabel 1 row was paired with a Tabel 2 row.
public enum MatchKind: String, Sendable {
    case exactName        // same name once case and punctuation are ignored
    case similarName      // names differ slightly (a typo or a reworded title)
    case onlyEvaluation   // in Tabel 1 only (dropped by the revision)
    case onlyPlan         // in Tabel 2 only (added by the revision)
}

/// A program, kegiatan or sub kegiatan seen in both tables: before (Tabel 1) and after (Tabel 2).
public struct MatchedItem: Sendable {
    public var level: Level
    public var evaluation: Item?
    public var plan: Item?
    public var kind: MatchKind
    public var similarity: Double
    public var children: [MatchedItem]

    /// The name to show: the revised one when there is one.
    public var name: String { plan?.name.value ?? evaluation?.name.value ?? "" }

    /// URL-safe key, the same for a program whichever table it came from.
    public var key: String { Text.slug(name) }

    public var allDescendants: [MatchedItem] {
        children.flatMap { [$0] + $0.allDescendants }
    }
}

/// Pairs the rows of Tabel 1 and Tabel 2, level by level, within matched parents. Tabel 1 has no
/// nomenclature codes, so rows are paired by normalised name; a row left over on both sides is
/// paired with its most similar counterpart when the names are close enough to be the same item.
public enum TableMatcher {
    /// Names at least this similar (after normalising) are taken as the same item spelt differently.
    public static let similarityThreshold = 0.8

    public static func match(evaluation: Table?, plan: Table?) -> [MatchedItem] {
        match(evaluation?.programs ?? [], plan?.programs ?? [], level: .program)
    }

    static func match(_ before: [Item], _ after: [Item], level: Level) -> [MatchedItem] {
        let beforeNames = before.map { Text.normalizedName($0.name.value) }
        let afterNames = after.map { Text.normalizedName($0.name.value) }
        var pairOfBefore = [Int?](repeating: nil, count: before.count)
        var afterUsed = [Bool](repeating: false, count: after.count)
        var similarity = [Double](repeating: 0, count: before.count)

        for i in before.indices {
            if let j = after.indices.first(where: { !afterUsed[$0] && afterNames[$0] == beforeNames[i] }) {
                pairOfBefore[i] = j
                afterUsed[j] = true
                similarity[i] = 1
            }
        }
        // Greedy by best score so a near-identical pair is never stolen by a weaker one.
        var candidates: [(Int, Int, Double)] = []
        for i in before.indices where pairOfBefore[i] == nil {
            for j in after.indices where !afterUsed[j] {
                let s = Text.similarity(beforeNames[i], afterNames[j])
                if s >= similarityThreshold { candidates.append((i, j, s)) }
            }
        }
        candidates.sort { ($0.2, -$0.0, -$0.1) > ($1.2, -$1.0, -$1.1) }
        for (i, j, s) in candidates where pairOfBefore[i] == nil && !afterUsed[j] {
            pairOfBefore[i] = j
            afterUsed[j] = true
            similarity[i] = s
        }

        var out: [MatchedItem] = []
        for i in before.indices {
            let b = before[i]
            if let j = pairOfBefore[i] {
                let a = after[j]
                let kids = level.child.map { match(b.children, a.children, level: $0) } ?? []
                out.append(MatchedItem(level: level, evaluation: b, plan: a,
                                       kind: similarity[i] == 1 ? .exactName : .similarName,
                                       similarity: similarity[i], children: kids))
            } else {
                let kids = level.child.map { match(b.children, [], level: $0) } ?? []
                out.append(MatchedItem(level: level, evaluation: b, plan: nil, kind: .onlyEvaluation, similarity: 0, children: kids))
            }
        }
        for j in after.indices where !afterUsed[j] {
            let a = after[j]
            let kids = level.child.map { match([], a.children, level: $0) } ?? []
            out.append(MatchedItem(level: level, evaluation: nil, plan: a, kind: .onlyPlan, similarity: 0, children: kids))
        }
        return out
    }
}

/// Pairs the indicators of a row in Tabel 1 with those of the same row in Tabel 2. The checks and
/// the Perubahan page both read this pairing, so "target changed" means the same on both.
public enum IndicatorMatcher {
    /// Pairs the indicators of two matched rows: same name first, then the most similar (at least
    /// `TableMatcher.similarityThreshold`); the rest are only in one table.
    public static func pair(_ before: [Indicator], _ after: [Indicator]) -> (pairs: [(Int, Int)], onlyBefore: [Int], onlyAfter: [Int]) {
        let bn = before.map { Text.normalizedName($0.name.value) }, an = after.map { Text.normalizedName($0.name.value) }
        var pairs: [(Int, Int)] = []
        var usedB = Set<Int>(), usedA = Set<Int>()
        for i in before.indices {
            if let j = after.indices.first(where: { !usedA.contains($0) && an[$0] == bn[i] }) {
                pairs.append((i, j)); usedB.insert(i); usedA.insert(j)
            }
        }
        var candidates: [(Int, Int, Double)] = []
        for i in before.indices where !usedB.contains(i) {
            for j in after.indices where !usedA.contains(j) {
                let s = Text.similarity(bn[i], an[j])
                if s >= TableMatcher.similarityThreshold { candidates.append((i, j, s)) }
            }
        }
        candidates.sort { ($0.2, -$0.0, -$0.1) > ($1.2, -$1.0, -$1.1) }
        for (i, j, _) in candidates where !usedB.contains(i) && !usedA.contains(j) {
            pairs.append((i, j)); usedB.insert(i); usedA.insert(j)
        }
        pairs.sort { $0.0 < $1.0 }
        return (pairs, before.indices.filter { !usedB.contains($0) }, after.indices.filter { !usedA.contains($0) })
    }

}
