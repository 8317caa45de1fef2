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

    public static func long(_ iso: String) -> String {
        guard let (y, m, d) = parse(iso) else { return iso }
        return "\(d) \(months[m - 1]) \(y)"
    }
}
