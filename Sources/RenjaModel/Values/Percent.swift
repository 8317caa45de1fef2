/// A percentage such as 42,23%. Stored as the number before the sign (42.23).
public struct Percent: Hashable, Comparable, Sendable {
    public var value: Double
    public init(_ value: Double) { self.value = value }
    public static func < (a: Percent, b: Percent) -> Bool { a.value < b.value }

    /// `42,23%` — two decimals, as Indonesian reports print them.
    public var formatted: String { IndonesianNumber.decimal(value, places: 2) + "%" }

    /// True when the two agree once both are rounded to two decimals (with a little slack for
    /// documents that truncate instead of rounding).
    public func agrees(with other: Percent, tolerance: Double = 0.01) -> Bool {
        abs(value - other.value) <= tolerance + 1e-9
    }
}
