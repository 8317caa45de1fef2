import RenjaModel
import RenjaFacts

/// Stated percentages against the figures they come from:
/// - `persen-realisasi`: budget absorption, realisasi ÷ pagu;
/// - `persen-capaian`: indicator achievement, from target and capaian in the indicator's direction;
/// - `persen-tidak-wajar`: a percentage that cannot follow from its figures at all (division by zero, negative);
/// - `arah-tidak-diketahui`: an indicator whose direction neither the YAML nor its wording tells.
enum PercentChecks {
    static func run(_ ctx: DocumentContext) -> [Diagnostic] {
        guard let table = ctx.document.evaluation else { return [] }
        var out: [Diagnostic] = []
        for item in table.allItems {
            out += absorption(item, ctx)
            for indicator in item.indicators {
                out += achievement(indicator, item, ctx)
            }
        }
        return out
    }

    static func points(_ x: Double) -> String { "\(IndonesianNumber.decimal(abs(x), places: 2)) poin persen" }

    // MARK: Budget absorption

    static func absorption(_ item: Item, _ ctx: DocumentContext) -> [Diagnostic] {
        guard let stated = item.statedAbsorption, let s = stated.value.value?.value,
              let pagu = item.pagu?.value.value, let real = item.realisasi?.value.value else { return [] }
        let statedText = Wording.percent(s)
        if s < 0 {
            return [ctx.finding(.galat, "persen-tidak-wajar", "persen realisasi \(item.reference) negatif", at: stated.location, item: item,
                                figures: [.init("tertulis", statedText), .init("diharapkan", "0% atau lebih")])]
        }
        guard let computed = real.percent(of: pagu)?.value else {
            if real.value != 0 || s != 0 {
                return [ctx.finding(.peringatan, "persen-tidak-wajar",
                                    "persen realisasi \(item.reference) tidak dapat dihitung karena pagunya Rp 0",
                                    at: stated.location, item: item,
                                    figures: [.init("tertulis", statedText), .init("pagu", pagu.formatted), .init("realisasi", real.formatted)],
                                    notes: real.value != 0 ? ["ada realisasi tanpa pagu: periksa pagu baris ini"] : [])]
            }
            return []
        }
        let formula = "realisasi \(real.formatted) ÷ pagu \(pagu.formatted) × 100"
        switch PercentAgreement.compare(stated: s, raw: stated.value.raw, computed: computed) {
        case .agrees:
            return []
        case .agreesAtOneDecimal:
            return [ctx.finding(.peringatan, "persen-realisasi",
                                "persen realisasi \(item.reference) tampaknya dibulatkan ke satu desimal",
                                at: stated.location, item: item,
                                figures: [.init("tertulis", statedText), .init("dihitung", Wording.percent(computed)), .init("rumus", formula)],
                                notes: ["dengan dua desimal seharusnya \(Wording.percent(computed))"])]
        case .differs:
            return [ctx.finding(.galat, "persen-realisasi",
                                "persen realisasi \(item.reference) tidak sama dengan realisasi ÷ pagu",
                                at: stated.location, item: item,
                                figures: [.init("tertulis", statedText), .init("dihitung", Wording.percent(computed)),
                                          .init("selisih", points(s - computed)), .init("rumus", formula)])]
        }
    }

    // MARK: Indicator achievement

    static func achievement(_ indicator: Indicator, _ item: Item, _ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let resolved = DirectionInference.resolve(indicator)
        let shortName = Item.shorten(indicator.name.value)
        if resolved.reason == .assumed, indicator.actual != nil {
            out.append(ctx.finding(.info, "arah-tidak-diketahui",
                                   "arah indikator “\(shortName)” tidak dapat ditebak dari namanya; dianggap naik (makin tinggi makin baik)",
                                   at: indicator.name.location, item: item,
                                   figures: [.init("dianggap", "naik")],
                                   notes: ["bila indikator ini makin baik saat angkanya makin kecil, tulis `arah: turun` di bawahnya; bila tidak, tulis `arah: naik` agar pesan ini hilang"]))
        }
        guard let stated = indicator.stated, let s = stated.value.value?.value,
              let target = indicator.target?.value.value, let actual = indicator.actual?.value.value else { return out }
        let statedText = Wording.percent(s)
        let formula = ctx.document.validation.lowerIsBetterFormula
        let direction = resolved.direction
        let where_ = "indikator “\(shortName)” pada \(item.shortReference)"

        if s < 0 {
            out.append(ctx.finding(.galat, "persen-tidak-wajar", "persen capaian \(where_) negatif", at: stated.location, item: item,
                                   figures: [.init("tertulis", statedText), .init("diharapkan", "0% atau lebih")]))
            return out
        }
        guard let computed = Achievement.percent(target: target.value, actual: actual.value, direction: direction, formula: formula) else {
            var notes: [String] = []
            if direction == .turun && actual.value == 0 {
                notes.append("pada indikator makin rendah makin baik, capaian 0 berarti angkanya sudah nol, atau belum diukur; bila belum diukur, jelaskan di narasi")
                if let alt = Achievement.percent(target: target.value, actual: actual.value, direction: .turun, formula: .reflected) {
                    notes.append("dengan rumus (2 × target − capaian) ÷ target hasilnya \(Wording.percent(alt))")
                }
            }
            out.append(ctx.finding(.peringatan, "persen-tidak-wajar",
                                   "persen capaian \(where_) tidak dapat dihitung: rumus \(Achievement.formulaText(direction, formula)) membagi dengan nol",
                                   at: stated.location, item: item,
                                   figures: [.init("tertulis", statedText), .init("target", target.formatted), .init("capaian", actual.formatted),
                                             .init("arah", direction == .turun ? "turun (makin rendah makin baik)" : "naik (makin tinggi makin baik)")],
                                   notes: notes))
            return out
        }
        let verdict = PercentAgreement.compare(stated: s, raw: stated.value.raw, computed: computed)
        guard verdict != .agrees else { return out }

        var figures: [Diagnostic.Figure] = [.init("tertulis", statedText), .init("dihitung", Wording.percent(computed))]
        if verdict == .differs { figures.append(.init("selisih", points(s - computed))) }
        let directionWord = direction == .turun ? "turun, makin rendah makin baik" : "naik, makin tinggi makin baik"
        figures.append(.init("rumus", "\(Achievement.formulaText(direction, formula)) (arah \(directionWord))"))
        figures.append(.init("target", target.formatted))
        figures.append(.init("capaian", actual.formatted))

        var notes: [String] = []
        if direction == .naik && actual.value == 0 && s > 0 {
            notes.append("persen \(statedText) tertulis padahal capaiannya 0")
        } else if actual.value != 0 && s == 0 {
            notes.append("persen 0% tertulis padahal capaiannya \(actual.formatted)")
        }
        // Would another reading of the indicator explain the stated figure?
        let alternatives: [(Direction, LowerIsBetterFormula)] = [(.naik, formula), (.turun, .targetOverActual), (.turun, .reflected)]
        for (d, f) in alternatives where !(d == direction && (d == .naik || f == formula)) {
            guard let alt = Achievement.percent(target: target.value, actual: actual.value, direction: d, formula: f),
                  PercentAgreement.compare(stated: s, raw: stated.value.raw, computed: alt) == .agrees else { continue }
            let rule = Achievement.formulaText(d, f)
            if d != direction {
                notes.append("angka tertulis cocok dengan rumus \(rule); bila indikator ini memang \(d == .turun ? "makin rendah makin baik" : "makin tinggi makin baik"), tulis `arah: \(d.rawValue)`")
            } else {
                notes.append("angka tertulis cocok dengan rumus \(rule); periksa `validasi: rumus_capaian_turun` di dokumen.yaml")
            }
        }
        if verdict == .agreesAtOneDecimal {
            notes.append("dengan dua desimal seharusnya \(Wording.percent(computed))")
            out.append(ctx.finding(.peringatan, "persen-capaian", "persen capaian \(where_) tampaknya dibulatkan ke satu desimal",
                                   at: stated.location, item: item, figures: figures, notes: notes))
        } else {
            out.append(ctx.finding(.galat, "persen-capaian", "persen capaian \(where_) tidak sesuai dengan target dan capaiannya",
                                   at: stated.location, item: item, figures: figures, notes: notes))
        }
        return out
    }
}
