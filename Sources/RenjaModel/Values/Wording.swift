import Foundation

/// Small helpers for wording and numbers in messages.
package enum Wording {
    /// `Rp 100.000`, the size of a difference without its sign.
    package static func difference(_ a: Rupiah, _ b: Rupiah) -> String { Rupiah(abs(a.value - b.value)).formatted }

    /// `42,23%` from a raw number.
    package static func percent(_ x: Double) -> String { Percent(x).formatted }

    /// The number of decimals a percentage or quantity was written with: `42.23` → 2, `50` → 0.
    package static func decimalsWritten(_ raw: String) -> Int {
        let numeric = raw.prefix { $0.isNumber || $0 == "." || $0 == "," || $0 == "-" || $0 == " " }
            .trimmingCharacters(in: .whitespaces)
        guard let sep = numeric.lastIndex(where: { $0 == "." || $0 == "," }) else { return 0 }
        let after = numeric[numeric.index(after: sep)...]
        // `2.000` groups thousands rather than marking three decimals.
        if after.count == 3 { return 0 }
        return after.count
    }

    /// If two amounts differ only by two neighbouring digits swapped (…96… ↔ …69…) or by one digit,
    /// say so: such slips are typing mistakes rather than wrong arithmetic.
    package static func typingHint(written: Rupiah, computed: Rupiah) -> String? {
        let a = Array(String(written.value)), b = Array(String(computed.value))
        guard a.count == b.count else { return nil }
        let diffs = a.indices.filter { a[$0] != b[$0] }
        if diffs.count == 1 {
            return "hanya satu digit yang berbeda (\(a[diffs[0]]) tertulis, \(b[diffs[0]]) dihitung): kemungkinan salah ketik"
        }
        if diffs.count == 2, diffs[1] == diffs[0] + 1, a[diffs[0]] == b[diffs[1]], a[diffs[1]] == b[diffs[0]] {
            return "dua digit bersebelahan tertukar (\(a[diffs[0]])\(a[diffs[1]]) tertulis, \(b[diffs[0]])\(b[diffs[1]]) dihitung): kemungkinan salah ketik"
        }
        return nil
    }
}
