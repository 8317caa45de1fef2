/// A sum of amounts under the one rule that every check and every page uses: readable amounts are
/// added; a row whose amount is missing or not a well-formed number leaves the sum incomplete, and
/// the sum names those rows. A check compares only complete sums; a page shows an incomplete sum as
/// "tidak dapat dijumlah" rather than a figure that silently counts a typo as Rp 0.
public struct AmountTotal: Sendable, Equatable {
    /// Sum of the readable amounts.
    public var readable: Rupiah
    /// Anchors of the rows whose amount is written but is not a well-formed number.
    public var unreadable: [String]
    /// Anchors of the rows that have no amount at all.
    public var missing: [String]
    /// How many amounts were added up.
    public var parts: Int

    /// The sum, when every part was readable.
    public var value: Rupiah? { isComplete ? readable : nil }
    public var isComplete: Bool { unreadable.isEmpty && missing.isEmpty }

    public init(_ items: [Item], _ kind: AmountKind) {
        self.init(amounts: items.map { ($0.anchor, $0.amount(kind)) })
    }

    /// The total of any list of rows' amounts (anchor, amount as written), under the same rule.
    public init(amounts: [(anchor: String, amount: Located<AmountText>?)]) {
        readable = .zero
        unreadable = []
        missing = []
        parts = amounts.count
        for (anchor, amount) in amounts {
            guard let a = amount else { missing.append(anchor); continue }
            guard let v = a.value.value else { unreadable.append(anchor); continue }
            readable = readable + v
        }
    }
}

/// The two money columns of a row.
public enum AmountKind: CaseIterable, Sendable {
    case pagu, realisasi

    public var key: String { self == .pagu ? "pagu" : "realisasi" }
    var sumCode: String { self == .pagu ? "jumlah-pagu" : "jumlah-realisasi" }
}

extension Item {
    public func amount(_ kind: AmountKind) -> Located<AmountText>? {
        kind == .pagu ? pagu : realisasi
    }

    /// The rows whose amounts add up to this one: its children's leaves, or the row itself.
    var leaves: [Item] { children.isEmpty ? [self] : children.flatMap(\.leaves) }
}
