/// Display forms of the loaded values: the parsed value in Indonesian format when it parsed, the
/// raw text otherwise (a malformed figure is shown as the document wrote it, never hidden).
package enum Format {
    package static func amount(_ a: Located<AmountText>?) -> String {
        guard let a else { return "" }
        return a.value.value?.plain ?? a.value.raw
    }

    static func rupiah(_ r: Rupiah?) -> String { r?.formatted ?? "–" }

    /// `Rp 1.250.000` for a well-formed amount, the raw text for a malformed one, "–" for none.
    package static func amountText(_ a: Located<AmountText>?) -> String {
        guard let a else { return "–" }
        return a.value.value?.formatted ?? a.value.raw
    }

    package static func percent(_ p: Located<PercentText>?) -> String {
        guard let p else { return "" }
        return p.value.value?.formatted ?? p.value.raw
    }

    package static func percent(_ p: Percent?) -> String { p?.formatted ?? "–" }

    package static func quantity(_ q: Located<QuantityText>?, empty: String = "") -> String {
        guard let q else { return empty }
        let s = q.value.value?.formatted ?? q.value.raw
        return s.isEmpty ? empty : s
    }

    package static func int(_ n: Int) -> String { IndonesianNumber.grouped(UInt64(max(0, n))) }
}
