/// Dates in Indonesian: `2024-08-08` → `8 Agustus 2024`.
public enum IndonesianDate {
    public static let months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
                                "Agustus", "September", "Oktober", "November", "Desember"]

    public static func parse(_ iso: String) -> (year: Int, month: Int, day: Int)? {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        return (y, m, d)
    }

    /// `parse`, and the day exists in its month (no 2024-02-30): for the fields added with the
    /// document's version, whose dates feed the sitemap and the PDF.
    public static func parseStrict(_ iso: String) -> (year: Int, month: Int, day: Int)? {
        guard iso.count == 10, let (y, m, d) = parse(iso) else { return nil }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days ? (y, m, d) : nil
    }

    public static func long(_ iso: String) -> String {
        guard let (y, m, d) = parse(iso) else { return iso }
        return "\(d) \(months[m - 1]) \(y)"
    }
}
