import RenjaModel

/// Which way an indicator is meant to move, and why we think so.
public struct ResolvedDirection: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// `arah:` in the YAML.
        case declared
        /// Inferred from a word of the indicator's name, e.g. "penurunan".
        case wording(String)
        /// Nothing in the name says; higher-is-better assumed.
        case assumed
    }

    public var direction: Direction
    public var reason: Reason
}

/// Guessing an indicator's direction from its wording. The word lists are domain knowledge of
/// Indonesian planning documents, not findings: rates to be reduced are named "Penurunan …",
/// "Angka kelahiran …", "Unmet need …" (also misspelt "Unmeet need"), "Prevalensi …", and so on.
public enum DirectionInference {
    /// Phrases that mark a lower-is-better indicator. Checked first: "Persentase angka kelahiran
    /// remaja" starts like a coverage indicator but is a rate to be reduced.
    static let lowerIsBetter = [
        "penurunan", "menurunnya", "berkurangnya", "pengurangan",
        "unmet need", "unmeet need", "angka kelahiran", "fertility rate", "asfr", "tfr",
        "angka kematian", "prevalensi", "angka kesakitan", "angka putus", "perkawinan anak",
        "perkawinan di bawah", "pernikahan dini", "pernikahan anak", "tingkat pengangguran",
    ]

    /// Phrases that mark a higher-is-better indicator.
    static let higherIsBetter = [
        "persentase", "prosentase", "jumlah", "cakupan", "peningkatan", "meningkatnya", "indeks", "rasio",
        "ketersediaan", "ketercapaian", "tingkat kepuasan", "nilai", "capaian", "proporsi", "banyaknya", "tersedianya",
        "terlaksananya", "kepesertaan",
    ]

    public static func resolve(_ indicator: Indicator) -> ResolvedDirection {
        if let d = indicator.declaredDirection { return ResolvedDirection(direction: d.value, reason: .declared) }
        return infer(indicator.name.value)
    }

    public static func infer(_ name: String) -> ResolvedDirection {
        let text = " " + Text.normalizedName(name) + " "
        for phrase in lowerIsBetter where Text.containsLiteral(text, " \(phrase) ") {
            return ResolvedDirection(direction: .turun, reason: .wording(phrase))
        }
        for phrase in higherIsBetter where Text.containsLiteral(text, " \(phrase) ") {
            return ResolvedDirection(direction: .naik, reason: .wording(phrase))
        }
        return ResolvedDirection(direction: .naik, reason: .assumed)
    }
}

/// Achievement percentages as the document computes them.
package enum Achievement {
    /// capaian ÷ target for higher-is-better; for lower-is-better the document's formula. Nil when
    /// the formula divides by zero.
    package static func percent(target: Double, actual: Double, direction: Direction, formula: LowerIsBetterFormula) -> Double? {
        switch direction {
        case .naik:
            guard target != 0 else { return nil }
            return actual / target * 100
        case .turun:
            switch formula {
            case .targetOverActual:
                guard actual != 0 else { return nil }
                return target / actual * 100
            case .reflected:
                guard target != 0 else { return nil }
                return (2 * target - actual) / target * 100
            }
        }
    }

    /// The achievement computed from an indicator's own target and capaian. (Units are not compared
    /// here: a unit mismatch is its own finding, and the document still divided the two numbers.)
    package static func computed(_ indicator: Indicator, formula: LowerIsBetterFormula) -> Double? {
        guard let t = indicator.target?.value.value, let a = indicator.actual?.value.value else { return nil }
        return percent(target: t.value, actual: a.value, direction: DirectionInference.resolve(indicator).direction, formula: formula)
    }

    /// Formula in words, for messages.
    package static func formulaText(_ direction: Direction, _ formula: LowerIsBetterFormula) -> String {
        switch (direction, formula) {
        case (.naik, _): return "capaian ÷ target × 100"
        case (.turun, .targetOverActual): return "target ÷ capaian × 100"
        case (.turun, .reflected): return "(2 × target − capaian) ÷ target × 100"
        }
    }
}

/// Does a stated percentage agree with a computed one?
package enum PercentAgreement: Equatable {
    case agrees
    /// Written with two decimals ending in 0 and equal to the computed value rounded to one decimal
    /// (e.g. `121.50` for 121,527…): a rounding slip, not a wrong figure.
    case agreesAtOneDecimal
    case differs

    /// Compares at the precision the document wrote (up to two decimals), accepting both rounding
    /// and truncation: `50 persen` for 50,00; `42.23` for 42,225…; `46.21` for 46,2149….
    package static func compare(stated: Double, raw: String, computed: Double) -> PercentAgreement {
        let decimals = min(Wording.decimalsWritten(raw), 2)
        let eps = 1e-9
        if decimals >= 2 {
            if abs(stated - computed) <= 0.01 + eps { return .agrees }
        } else {
            var unit = 1.0
            for _ in 0..<decimals { unit /= 10 }
            if abs(stated - computed) <= unit / 2 + eps { return .agrees }
            if computed >= stated - eps && computed < stated + unit - eps { return .agrees }
        }
        let writtenTenths = (stated * 10).rounded() / 10
        if decimals >= 2, abs(stated - writtenTenths) < eps, abs(stated - computed) <= 0.05 + eps {
            return .agreesAtOneDecimal
        }
        return .differs
    }
}
