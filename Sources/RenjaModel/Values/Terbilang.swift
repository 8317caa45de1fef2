/// Numbers spelt out in Indonesian words ("terbilang"), as documents write them after a figure:
/// `9 (sembilan) program`, `17 (tujuh belas) kegiatan`.
public enum Terbilang {
    private static let ones = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]

    /// `17` → `tujuh belas`, `100` → `seratus`, `1.000` → `seribu`, `2.500.000` → `dua juta lima ratus ribu`.
    public static func words(_ n: Int) -> String {
        if n < 0 { return "minus " + words(-n) }
        if n < 10 { return ones[n] }
        return below(n)
    }

    /// Lower-cased, single-spaced and without hyphens, for comparing what a document wrote.
    public static func normalized(_ s: String) -> String {
        s.lowercased().replacingOccurrences(of: "-", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    private static func below(_ n: Int) -> String {
        switch n {
        case 0: return ""
        case 1..<10: return ones[n]
        case 10: return "sepuluh"
        case 11: return "sebelas"
        case 12..<20: return "\(ones[n - 10]) belas"
        case 20..<100: return join("\(ones[n / 10]) puluh", below(n % 10))
        case 100..<200: return join("seratus", below(n - 100))
        case 200..<1000: return join("\(ones[n / 100]) ratus", below(n % 100))
        case 1000..<2000: return join("seribu", below(n - 1000))
        default:
            let scales: [(Int, String)] = [(1_000_000_000_000, "triliun"), (1_000_000_000, "miliar"), (1_000_000, "juta"), (1000, "ribu")]
            for (size, name) in scales where n >= size {
                return join("\(below(n / size)) \(name)", below(n % size))
            }
            return ""
        }
    }

    private static func join(_ a: String, _ b: String) -> String { b.isEmpty ? a : "\(a) \(b)" }
}
