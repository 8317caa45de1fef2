import Foundation

/// Reading numbers as staff type them. Each reader keeps the raw text and says precisely what is
/// wrong, because a diagnostic must show "what was expected, what was found".
public enum NumberProblem: Hashable, Sendable {
    case empty
    case notANumber
    case badGrouping          // e.g. `160.427.6000`: dots that do not split groups of three
    case negative
    case tooLarge

    /// The Indonesian explanation shown in diagnostics.
    public var explanation: String {
        switch self {
        case .empty: return "nilai kosong"
        case .notANumber: return "bukan angka"
        case .badGrouping: return "pemisah ribuan tidak membentuk kelompok tiga digit"
        case .negative: return "jumlah uang tidak boleh negatif"
        case .tooLarge: return "angka terlalu besar untuk jumlah rupiah"
        }
    }
}

/// An amount as written in the content, e.g. `3.841.554.000`.
public struct AmountText: Hashable, Sendable {
    public var raw: String
    /// The amount when the text is well formed.
    public var value: Rupiah?
    public var problem: NumberProblem?
    /// For badly grouped text, the number its digits spell, to help the reader see the typo.
    public var digitsValue: Rupiah?

    public init(raw: String) {
        self.raw = raw
        var text = raw.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("Rp.") { text.removeFirst(3) } else if text.hasPrefix("Rp") { text.removeFirst(2) }
        text = text.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix(",-") { text.removeLast(2) }
        if text.hasSuffix(",00") { text.removeLast(3) }
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() }
        guard !text.isEmpty else { problem = .empty; return }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), text.first != ".", text.last != "."
        else { problem = .notANumber; return }
        let digits = text.filter { $0 != "." }
        guard digits.count <= 18, let n = Int64(digits) else { problem = .tooLarge; return }
        let signed = Rupiah(negative ? -n : n)
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        let wellGrouped = groups.count == 1
            || (groups[0].count >= 1 && groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 })
        if !wellGrouped {
            problem = .badGrouping
            digitsValue = signed
            return
        }
        if negative { problem = .negative; digitsValue = signed; return }
        value = signed
    }
}

/// A percentage as written: `43.49%`, `42.23`, `42.23 persen`, `0%`.
public struct PercentText: Hashable, Sendable {
    public var raw: String
    public var value: Percent?
    public var problem: NumberProblem?

    public init(raw: String) {
        self.raw = raw
        var text = raw.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%") { text.removeLast() } else if text.lowercased().hasSuffix("persen") { text.removeLast(6) }
        text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { problem = .empty; return }
        guard let x = QuantityText.parseNumber(text) else { problem = .notANumber; return }
        value = Percent(x)
    }
}

/// A target or achievement as written: `2 dokumen`, `42.23 persen`, `19 orang/bulan`.
public struct QuantityText: Hashable, Sendable {
    public var raw: String
    public var value: Quantity?
    public var problem: NumberProblem?
    /// The text holds a second number after the first one's unit ("11 Kab/1 Kota", "5 unit, 2
    /// paket"): kept whole as written, with no value, so it is never split into a number and a
    /// unit that contains the other number.
    public var isCompound = false

    public init(raw: String) {
        self.raw = raw
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { problem = .empty; return }
        let numberPart = text.prefix { $0.isNumber || $0 == "." || $0 == "," || $0 == "-" }
        let unit = text.dropFirst(numberPart.count).trimmingCharacters(in: .whitespaces)
        guard !numberPart.isEmpty, let x = QuantityText.parseNumber(String(numberPart)) else {
            problem = .notANumber
            return
        }
        if QuantityText.holdsAnotherNumber(unit) { isCompound = true; return }
        value = Quantity(x, unit)
    }

    /// A separator, then digits, then a word: `/1 Kota`, `, 2 paket`, `dan 3 unit`, `+ 4 orang`.
    static func holdsAnotherNumber(_ unit: String) -> Bool {
        let chars = Array(unit)
        for (i, c) in chars.enumerated() where c.isNumber {
            // The digits must start a number after a separator (not `m2`, `km2`)…
            var j = i - 1
            while j >= 0, chars[j] == " " { j -= 1 }
            let startsAfterSeparator = j < 0 ? false : "/,+&;".contains(chars[j])
                || (j >= 2 && String(chars[(j - 2)...j]).lowercased() == "dan" && (j == 2 || chars[j - 3] == " "))
            guard startsAfterSeparator, i == 0 || !chars[i - 1].isNumber else { continue }
            // …and be followed by a word.
            var k = i
            while k < chars.count, chars[k].isNumber || chars[k] == "." || chars[k] == "," { k += 1 }
            while k < chars.count, chars[k] == " " { k += 1 }
            if k < chars.count, chars[k].isLetter { return true }
        }
        return false
    }

    /// `42.23` and `42,23` are decimals (the source writes decimals with a dot); `2.000` and
    /// `1.234.567` are grouped thousands (one dot before exactly three digits, or several dots).
    package static func parseNumber(_ s: String) -> Double? {
        var t = s
        let negative = t.hasPrefix("-")
        if negative { t.removeFirst() }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else { return nil }
        let dots = t.filter { $0 == "." }.count
        let commas = t.filter { $0 == "," }.count
        var normalized: String
        if commas == 1 {
            normalized = t.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        } else if commas > 1 {
            return nil
        } else if dots > 1 {
            normalized = t.replacingOccurrences(of: ".", with: "")
        } else if dots == 1, let after = t.split(separator: ".", omittingEmptySubsequences: false).last, after.count == 3 {
            normalized = t.replacingOccurrences(of: ".", with: "")
        } else {
            normalized = t
        }
        if normalized.hasPrefix(".") || normalized.hasSuffix(".") { return nil }
        guard let x = Double(normalized) else { return nil }
        return negative ? -x : x
    }
}
