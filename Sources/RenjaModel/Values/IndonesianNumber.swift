/// Number formatting and parsing in Indonesian conventions: `.` groups thousands, `,` marks decimals.
/// Hand-rolled on purpose: output must be byte-identical on every machine, whatever its locale data.
public enum IndonesianNumber {
    public static func grouped(_ n: UInt64) -> String { grouped(digits: String(n)) }

    /// `1244173000` → `1.244.173.000`, on digit text of any length (leading zeros kept).
    public static func grouped(digits: String) -> String {
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return out
    }

    /// `places: nil` prints as many decimals as needed (up to 4), dropping trailing zeros.
    public static func decimal(_ x: Double, places: Int?) -> String {
        let p = places ?? 4
        var scale: Double = 1
        for _ in 0..<p { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        guard scaled < 9e18 else { return String(x) }
        let total = UInt64(scaled)
        let intPart = total / UInt64(scale)
        var frac = p > 0 ? String(total % UInt64(scale)) : ""
        if p > 0 { frac = String(repeating: "0", count: p - frac.count) + frac }
        if places == nil { while frac.hasSuffix("0") { frac.removeLast() } }
        let sign = (x < 0 && scaled != 0) ? "-" : ""
        return sign + grouped(intPart) + (frac.isEmpty ? "" : "," + frac)
    }
}
