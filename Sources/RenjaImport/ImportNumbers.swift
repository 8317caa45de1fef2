import Foundation
import RenjaModel

/// How `renja import` reads the figures of an exported table, column by column, and writes them
/// in the form the table loader reads (`AmountText`, `PercentText`, `QuantityText`).
///
/// Exports differ in how they separate thousands and decimals: the source documents and a
/// spreadsheet in Indonesian locale write `1.244.173.000` and `42,23`; SIPD and a spreadsheet in
/// English locale write `1,244,173,000` and `42.23`; some write `1 244 173 000` (a space or a
/// no-break space, U+00A0 / U+202F, which `TableTextParser.clean` turns into a space).
///
/// **Amounts** (`pagu`, `realisasi`), one cell:
/// - a leading `Rp`, `Rp.` or `IDR`, a trailing `,-` or `.-`, and spaces around them are dropped;
/// - a minus sign (`-1.000`, `−1.000`) or parentheses (`(1.000)`) mark a negative amount, which
///   the import refuses (`impor-angka-negatif`): the loader refuses negative amounts, and a
///   Renja table has none;
/// - a last `.` or `,` followed by one or two digits is a decimal mark: `,00` / `.00` (zero) is
///   dropped, anything else (`1,5`, `1.234,56`) is refused (`impor-angka-ambigu`): rupiah in a
///   Renja are whole, and `1,5` may as well be a figure in millions or a group missing digits;
/// - every other `.`, `,` or space separates thousands, even a single one before three digits
///   (`1,250` and `1.250` are both one thousand two hundred and fifty). Groups that are not of
///   three digits (`160.427.6000`) are a typo of the source: kept digit for digit, written with
///   dots, reported by `renja check`;
/// - a cell with two different thousands separators (`1.234,567.000`), or whose decimal mark is
///   its thousands separator (`1.000.00`), is refused (`impor-angka-ambigu`);
/// - text that is no number at all (`1,5 juta`, `-`, an empty cell) is kept as written with a
///   warning; the loader refuses it, so `TableImporter.plan` stops before writing (its gate).
///
/// **Decimal figures** (the number at the start of `target` and `capaian`, and `persen`,
/// `persen_realisasi`): `1.234,5` and `1,234.5` (both marks) and `1.234.567` / `1,234,567`
/// (several of one mark) say which mark groups thousands; a single mark before other than three
/// digits (`42,23`, `42.23`, `8.7`), or after digits that cannot open a thousands group (more than
/// three, or a leading 0: `0.500` is a half), is a decimal mark; a single mark before exactly
/// three digits (`2.000`, `1,500`) depends on the column; a space before three digits (and then
/// no digit) groups thousands (`2 000 orang`). Text whose marks fit none of these (`1,2,3`) is
/// left as written for the loader.
///
/// **Per column.** Each column is read on its own. The cells that show the style settle it:
/// Indonesian (`.` thousands, `,` decimals: `1.244.173.000`, `1.000,00`, `42,23`) or English
/// (`,` thousands, `.` decimals: `1,244,173,000`, `1,000.00`, `1,234.5`). Cells such as `42.23`,
/// `3841554000` or `1 000` fit both and settle nothing. When both styles occur, the one of most
/// cells (on a tie, the first one) is the column's, and every cell of the other style is refused
/// (`impor-angka-ambigu`) with the row of an example of the column's style. In a decimal column
/// a `2.000` / `1,500` is then read in the column's style; in a decimal column that nothing
/// settles it is read as the source documents and the loader do (`2.000` = 2000, `1,500` = 1,5),
/// except when the file's amounts (the `pagu` column, else `realisasi`) use English style: then
/// it is refused as ambiguous.
///
/// **What is written.** Amounts always as the loader's canonical form, dots between thousands and
/// no decimals (`1.244.173.000`, `0`). Decimal figures are kept as written when the loader reads
/// the same number and unit from them; otherwise (`1,500 orang` in an English column, `2 000
/// orang`, `0.500 persen`) the number is rewritten with dots between thousands and a decimal
/// comma (`1.500 orang`, `2.000 orang`, `0,500 persen`), which the loader reads unambiguously.
enum ImportNumbers {
    enum Style: Equatable {
        /// `1.244.173.000`, `42,23`
        case indonesian
        /// `1,244,173,000`, `42.23`
        case english

        /// How a diagnostic names the style.
        var words: String {
            self == .indonesian ? "titik pemisah ribuan dan koma desimal (1.244.173.000; 42,23)"
                                : "koma pemisah ribuan dan titik desimal (1,244,173,000; 42.23)"
        }
    }

    // MARK: Amounts

    /// An amount cell taken apart. Nil from `amount(_:)` when the text is no number at all
    /// (`1,5 juta`, `-`, an empty cell): such text is written as it is and the loader decides.
    struct Amount: Equatable {
        var negative = false
        /// The digit groups of the whole part, as written.
        var groups: [String] = []
        /// The one separator between the groups (`.`, `,` or a space), if any.
        var separator: Character?
        var fraction: String?
        var decimalMark: Character?
        /// Two different thousands separators, or the decimal mark used for thousands as well.
        var contradictory = false

        var digits: String { groups.joined() }
        var wellGrouped: Bool {
            groups.count == 1 || ((1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 })
        }
        var fractionIsZero: Bool { fraction.map { $0.allSatisfy { $0 == "0" } } ?? true }

        /// What the cell says about its column's style; nil when it fits both.
        var style: Style? {
            if contradictory { return nil }
            if separator == "." || decimalMark == "," { return .indonesian }
            if separator == "," || decimalMark == "." { return .english }
            return nil
        }

        /// The text the loader reads: dots between thousands, no currency, no decimals. Groups
        /// that are not of three digits keep their digits (the loader reports the grouping).
        var canonical: String {
            if wellGrouped { return ImportNumbers.grouped(digits) }
            return groups.joined(separator: ".")
        }
    }

    static func amount(_ text: String) -> Amount? {
        var t = Substring(text)
        func trim() {
            while t.first == " " { t = t.dropFirst() }
            while t.last == " " { t = t.dropLast() }
        }
        trim()
        var a = Amount()
        // Currency, sign and accounting parentheses, in any order (`-Rp 1.000`, `Rp (1.000)`).
        var changed = true
        while changed && !t.isEmpty {
            changed = false
            if t.first == "(", t.last == ")", t.count >= 2 {
                a.negative = true; t = t.dropFirst().dropLast(); trim(); changed = true
            } else if t.first == "-" || t.first == "\u{2212}" {
                a.negative = true; t = t.dropFirst(); trim(); changed = true
            } else if t.prefix(2).lowercased() == "rp" {
                t = t.dropFirst(2)
                if t.first == "." { t = t.dropFirst() }
                trim(); changed = true
            } else if t.prefix(3).uppercased() == "IDR" {
                t = t.dropFirst(3); trim(); changed = true
            }
        }
        if t.hasSuffix(",-") || t.hasSuffix(".-") { t = t.dropLast(2); trim() }
        let chars = Array(t)
        guard let first = chars.first, let last = chars.last, isDigit(first), isDigit(last),
              chars.allSatisfy({ isDigit($0) || $0 == "." || $0 == "," || $0 == " " }) else { return nil }
        var whole = chars[...]
        if let p = chars.lastIndex(where: { $0 == "." || $0 == "," }) {
            let tail = chars[(p + 1)...]
            if (1...2).contains(tail.count), tail.allSatisfy(isDigit) {
                a.fraction = String(tail)
                a.decimalMark = chars[p]
                whole = chars[..<p]
            }
        }
        guard let wholeLast = whole.last, isDigit(wholeLast) else { return nil }
        let separators = Set(whole.filter { !isDigit($0) })
        if separators.count > 1 { a.contradictory = true }
        a.separator = separators.count == 1 ? separators.first : nil
        if let s = a.separator, s == a.decimalMark { a.contradictory = true }
        if let s = a.separator, separators.count == 1 {
            a.groups = whole.split(separator: s, omittingEmptySubsequences: false).map { String($0) }
        } else {
            a.groups = [String(whole.filter(isDigit))]
        }
        return a
    }

    // MARK: Decimal figures

    /// The number at the start of a target, an achievement or a percentage, taken apart.
    struct Decimal {
        /// Characters of the cell the number takes (sign included).
        var length: Int
        var negative: Bool
        /// The whole part's digits and the fraction's, for each reading.
        var indonesian: (whole: String, fraction: String)
        var english: (whole: String, fraction: String)
        /// What the cell says about its column; nil when it fits both.
        var style: Style?
        /// The readings differ (a single `.` or `,` before three digits).
        var ambiguous: Bool { indonesian != english }

        func reading(_ style: Style) -> (whole: String, fraction: String) { style == .indonesian ? indonesian : english }

        /// The number as the loader reads it unambiguously: dots between thousands, decimal comma.
        func canonical(_ style: Style) -> String {
            let r = reading(style)
            return (negative ? "-" : "") + ImportNumbers.grouped(r.whole) + (r.fraction.isEmpty ? "" : "," + r.fraction)
        }
    }

    /// Nil when the cell does not start with a number whose marks can be told apart (such text is
    /// left as written for the loader to read or refuse).
    static func decimal(_ text: String) -> Decimal? {
        let chars = Array(text)
        var i = 0
        var negative = false
        if i < chars.count, chars[i] == "-" { negative = true; i += 1 }
        let start = i
        var body: [Character] = []
        while i < chars.count {
            let c = chars[i]
            if isDigit(c) || c == "." || c == "," {
                body.append(c); i += 1
            } else if c == " ", let lastBody = body.last, isDigit(lastBody), i + 3 < chars.count,
                      chars[(i + 1)...(i + 3)].allSatisfy(isDigit), i + 4 == chars.count || !isDigit(chars[i + 4]) {
                // `2 000 orang`: a space (or a no-break space, cleaned to one) between groups of three.
                body.append(" "); i += 1
            } else {
                break
            }
        }
        guard i > start, let first = body.first, let last = body.last, isDigit(first), isDigit(last) else { return nil }
        // The loader's number runs on through any digit or sign; a rewrite must not change where it ends.
        if i < chars.count, chars[i].isNumber || chars[i] == "-" { return nil }
        let marks = body.filter { $0 == "." || $0 == "," }
        let spaced = body.contains(" ")
        let kinds = Set(marks)
        func digits<S: Sequence>(_ s: S) -> String where S.Element == Character { String(s.filter(isDigit)) }
        /// Groups split by `sep` (spaces too) are 1–3 digits, then three each.
        func wellGrouped(_ part: ArraySlice<Character>, by sep: Character) -> Bool {
            let groups = part.split(omittingEmptySubsequences: false) { $0 == sep || $0 == " " }
            return (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
                && !(groups.count > 1 && groups[0].first == "0")
        }
        let both: (whole: String, fraction: String)
        var style: Style?
        var english: (whole: String, fraction: String)?
        if kinds.isEmpty {
            // Digits, perhaps grouped by spaces.
            if spaced, !wellGrouped(body[...], by: " ") { return nil }
            both = (digits(body), "")
        } else if kinds.count == 2 {
            // `1.234,5` / `1,234.5`: the last mark, once, is the decimal mark.
            let p = body.lastIndex { $0 == "." || $0 == "," }!
            let mark = body[p], other: Character = mark == "," ? "." : ","
            guard marks.filter({ $0 == mark }).count == 1, p + 1 < body.count,
                  body[(p + 1)...].allSatisfy(isDigit), wellGrouped(body[..<p], by: other) else { return nil }
            both = (digits(body[..<p]), String(body[(p + 1)...]))
            style = mark == "," ? .indonesian : .english
        } else if marks.count >= 2 {
            // `1.234.567` / `1,234,567`: several of one mark group thousands.
            let mark = marks[0]
            guard wellGrouped(body[...], by: mark) else { return nil }
            both = (digits(body), "")
            style = mark == "." ? .indonesian : .english
        } else {
            let p = body.firstIndex { $0 == "." || $0 == "," }!
            let mark = body[p]
            let after = body[(p + 1)...], before = body[..<p]
            guard !after.contains(" ") else { return nil }
            let asDecimal = (digits(before), String(after))
            if spaced || after.count != 3 || before.count > 3 || before.first == "0" {
                // Spaces group the thousands, or the mark cannot group them: it is the decimal mark.
                if spaced, !wellGrouped(before, by: " ") { return nil }
                both = asDecimal
                if mark == "," { style = .indonesian }   // English never writes a decimal comma
            } else {
                // `2.000`, `1,500`: thousands or decimals, as the column writes them.
                let asThousands = (digits(body), "")
                if mark == "." {
                    both = asThousands          // the documents' (and the loader's) reading
                    english = asDecimal
                } else {
                    both = asDecimal
                    english = asThousands
                }
            }
        }
        return Decimal(length: i, negative: negative, indonesian: both, english: english ?? both, style: style)
    }

    // MARK: Helpers

    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// `1244173000` → `1.244.173.000`, on the digit text (no overflow, leading zeros kept).
    static func grouped(_ digits: String) -> String { IndonesianNumber.grouped(digits: digits) }
}
