/// An amount of money in whole rupiah. Budgets in a Renja are whole rupiah; an Int64 holds
/// up to about 9,2 × 10¹⁸, far beyond any regional budget, and adds without rounding errors.
public struct Rupiah: Hashable, Comparable, Sendable, AdditiveArithmetic {
    public var value: Int64

    public init(_ value: Int64) { self.value = value }

    public static let zero = Rupiah(0)
    public static func + (a: Rupiah, b: Rupiah) -> Rupiah { Rupiah(a.value &+ b.value) }
    public static func - (a: Rupiah, b: Rupiah) -> Rupiah { Rupiah(a.value &- b.value) }
    public static func < (a: Rupiah, b: Rupiah) -> Bool { a.value < b.value }

    /// `Rp 13.036.773.000`, negatives as `-Rp 5.000`.
    public var formatted: String {
        let digits = IndonesianNumber.grouped(value.magnitude)
        return value < 0 ? "-Rp \(digits)" : "Rp \(digits)"
    }

    /// `13.036.773.000` (no currency sign), for table cells under a "Rp" header.
    public var plain: String {
        let digits = IndonesianNumber.grouped(value.magnitude)
        return value < 0 ? "-\(digits)" : digits
    }

    /// Share of `self` in `whole`, as a percentage, or nil when whole is zero.
    public func percent(of whole: Rupiah) -> Percent? {
        guard whole.value != 0 else { return nil }
        return Percent(Double(value) / Double(whole.value) * 100)
    }
}
