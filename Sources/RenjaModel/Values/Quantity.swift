/// A target or an achievement: a number and its unit, e.g. `19 orang/bulan`, `8.73 perseribu`.
public struct Quantity: Hashable, Sendable {
    public var value: Double
    public var unit: String

    public init(_ value: Double, _ unit: String) {
        self.value = value
        self.unit = unit
    }

    /// `2.000 orang`, `42,23 persen` — Indonesian digits, the unit as written.
    public var formatted: String {
        let number = IndonesianNumber.decimal(value, places: nil)
        if unit == "%" { return number + "%" }
        return unit.isEmpty ? number : "\(number) \(unit)"
    }

    /// Unit folded for comparison: case, spacing and a few plural/synonym spellings do not count.
    public var normalizedUnit: String {
        unit.lowercased().split(whereSeparator: { $0 == " " }).joined(separator: " ")
            .replacingOccurrences(of: "%", with: "persen")
    }
}
