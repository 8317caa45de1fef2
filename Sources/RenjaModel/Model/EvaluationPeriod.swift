import Foundation

/// The period an evaluation's realisasi covers: up to a quarter of a year, or a whole year.
public struct EvaluationPeriod: Sendable, Equatable {
    /// 1–4; nil when the whole year is evaluated.
    public var quarter: Int?
    public var year: Int?

    package static let romans = ["I", "II", "III", "IV"]

    /// "s.d. Triwulan II 2024", "tahun 2023", "s.d. Triwulan II".
    public var phrase: String {
        let y = year.map(String.init)
        if let q = quarter, q < 4 { return "s.d. Triwulan \(Self.romans[q - 1])" + (y.map { " \($0)" } ?? "") }
        return y.map { "tahun \($0)" } ?? "s.d. akhir tahun"
    }

    /// The share of the year the period covers (Triwulan II → 0,5): the pace a target is judged by.
    public var shareOfYear: Double { Double(quarter ?? 4) / 4 }

    /// The share of the annual target an indicator on pace has reached by the end of the period,
    /// in percent (Triwulan II → 50).
    public var pacePercent: Double { shareOfYear * 100 }

    /// From `periode_evaluasi` in `dokumen.yaml` when given, otherwise from the table's title
    /// ("Evaluasi Renja sampai dengan Triwulan II Tahun 2024"); nil when neither says.
    package init?(declared: String?, tableTitle: String, documentYear: Int) {
        if let declared, let p = EvaluationPeriod.parse(declared) {
            self = p
        } else if let p = EvaluationPeriod.parse(tableTitle) {
            self = p
        } else {
            return nil
        }
        if year == nil, quarter != nil { year = documentYear }
    }

    init(quarter: Int?, year: Int?) {
        self.quarter = quarter
        self.year = year
    }

    /// Reads "triwulan II", "Triwulan 2", "TW III", "semester I", "tahun 2023" from free text.
    package static func parse(_ text: String) -> EvaluationPeriod? {
        let words = Text.normalizedName(text).split(separator: " ").map(String.init)
        var quarter: Int?
        var year: Int?
        for (i, w) in words.enumerated() {
            let next = i + 1 < words.count ? words[i + 1] : ""
            if w == "triwulan" || w == "tw" {
                quarter = quarterNumber(next) ?? quarter
            } else if w.hasPrefix("tw"), let q = quarterNumber(String(w.dropFirst(2))) {
                quarter = q
            } else if w == "semester", let s = quarterNumber(next), s <= 2 {
                quarter = s * 2
            } else if w.count == 4, let y = Int(w), (1990...2100).contains(y) {
                year = y
            }
        }
        guard quarter != nil || year != nil else { return nil }
        return EvaluationPeriod(quarter: quarter, year: year)
    }

    static func quarterNumber(_ w: String) -> Int? {
        switch w {
        case "i", "1": return 1
        case "ii", "2": return 2
        case "iii", "3": return 3
        case "iv", "4": return 4
        default: return nil
        }
    }
}
