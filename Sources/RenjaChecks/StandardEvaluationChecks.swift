import Foundation
import RenjaModel
import RenjaFacts

/// The formulas of the standard evaluation table (Permendagri 86/2017), each stated cell against
/// `StandardEvaluationFacts` (column numbers as the document's variant prints them; with Kode):
/// - `evaluasi-triwulan`: 13 = 9 + 10 + 11 + 12, for K and Rp;
/// - `evaluasi-kumulatif`: 14 = 7 + 13;
/// - `evaluasi-tingkat-capaian`: 15 = 14 ÷ 6 × 100 (K in the indicator's direction);
/// - `evaluasi-jumlah`: every Rp column of a parent = the sum of its children;
/// - `evaluasi-melebihi-target`: a quarter's running realisasi above the year's target (col. 8);
/// - `evaluasi-rata-rata`: the footer's rata-rata capaian against the rule e-Monev apps use;
/// - `evaluasi-predikat`: the stated predikat against the bands the document itself states.
/// Rupiah are exact (sen); a K figure written with d > 0 decimals stands for v ± ½·10⁻ᵈ and a sum is
/// consistent when the intervals overlap (XBRL Calculations 1.1), a whole number is exact (see
/// `halfUnit`); percentages as `PercentAgreement`.
enum StandardEvaluationChecks {
    static func run(_ ctx: DocumentContext) -> [Diagnostic] {
        guard let facts = ctx.facts.standard else { return [] }
        let table = facts.table
        var out: [Diagnostic] = []
        for row in table.allRows {
            guard let f = facts.rows[row.anchor] else { continue }
            out += amounts(row, f, table, ctx)
            for (i, ind) in row.indicators.enumerated() where i < f.kinerja.count {
                out += numbers(ind, f.kinerja[i], f.directions[i], row, table, ctx)
            }
            out += sums(row, f, table, ctx)
        }
        out += footer(facts, ctx)
        return out
    }

    static func col(_ c: StandardColumn, _ t: StandardEvaluationTable) -> String { "kolom \(c.number(in: t.variant))" }

    static func finding(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation?,
                        row: StandardRow?, _ ctx: DocumentContext, figures: [Diagnostic.Figure], notes: [String] = []) -> Diagnostic {
        Diagnostic(severity, code, message, at: location, figures: figures, notes: notes,
                   rowAnchor: row?.anchor, documentSlug: ctx.document.slug)
    }

    /// Half a unit of the last decimal written (`42,5` → 0,05), the interval a rounded K figure
    /// stands for. A whole number (`28`) is taken as exact: K figures are mostly counts (28 unit,
    /// 7 laporan), and reading each as ±0,5 would let four quarters miss their total by 2.
    static func halfUnit(_ raw: String) -> Double {
        let d = Wording.decimalsWritten(raw)
        guard d > 0 else { return 0 }
        var unit = 1.0
        for _ in 0..<d { unit /= 10 }
        return unit / 2
    }

    static func number(_ x: Double) -> String { IndonesianNumber.decimal(x, places: nil) }

    /// Some e-Monev apps print the year's achievement (13 ÷ 8) in the Renstra column.
    static func renjaRatioNote(_ t: StandardEvaluationTable) -> String {
        "angka tertulis cocok dengan capaian Renja tahun berjalan, \(col(.realisasiRenja, t)) ÷ \(col(.targetRenja, t)) × 100; kolom \(StandardColumn.tingkatCapaian.number(in: t.variant)) menurut Permendagri 86/2017 adalah \(col(.realisasiRenstra, t)) ÷ \(col(.targetRenstra, t))"
    }

    // MARK: Rp

    static func amounts(_ row: StandardRow, _ f: StandardRowFacts, _ t: StandardEvaluationTable, _ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let s = row.anggaran
        let fmt = { (sen: Int64) in StandardAmount.format(sen: sen) }
        func differs(_ code: String, _ c: StandardColumn, _ cell: Located<StandardAmount>?, _ computed: StandardComputed<Int64>?, _ what: String) {
            guard let cell, let stated = cell.value.sen, let computed, stated != computed.value else { return }
            out.append(finding(.galat, code, "\(col(c, t)) Rp (\(c.title)) \(row.reference) tidak sama dengan \(what)", at: cell.location, row: row, ctx,
                               figures: [.init("tertulis", fmt(stated)), .init("dihitung", fmt(computed.value)),
                                         .init("selisih", fmt(abs(stated - computed.value))), .init("rumus", computed.formula)]))
        }
        let q = StandardColumn.triwulan.number(in: t.variant)
        differs("evaluasi-triwulan", .realisasiRenja, s.realisasiRenja, f.anggaran.quarterSum, "jumlah realisasi triwulan (kolom \(q)–\(q + 3))")
        differs("evaluasi-kumulatif", .realisasiRenstra, s.realisasiRenstra, f.anggaran.cumulative,
                "\(col(.realisasiRenstraLalu, t)) + \(col(.realisasiRenja, t))")
        if let cell = s.tingkatCapaian, let stated = cell.value.value, let computed = f.anggaran.achievement,
           PercentAgreement.compare(stated: stated, raw: cell.value.raw, computed: computed.value) != .agrees {
            var notes: [String] = []
            if let year = s.realisasiRenja?.value.sen ?? f.anggaran.quarterSum?.value, let target = s.targetRenja?.value.sen, target != 0,
               PercentAgreement.compare(stated: stated, raw: cell.value.raw, computed: Double(year) / Double(target) * 100) == .agrees {
                notes.append(renjaRatioNote(t))
            }
            out.append(finding(.galat, "evaluasi-tingkat-capaian",
                               "\(col(.tingkatCapaian, t)) Rp (tingkat realisasi anggaran Renstra) \(row.reference) tidak sama dengan \(col(.realisasiRenstra, t)) ÷ \(col(.targetRenstra, t)) × 100",
                               at: cell.location, row: row, ctx,
                               figures: [.init("tertulis", Wording.percent(stated)), .init("dihitung", Wording.percent(computed.value)),
                                         .init("selisih", PercentChecks.points(stated - computed.value)), .init("rumus", computed.formula)],
                               notes: notes))
        }
        if let (quarter, total) = f.anggaran.overTargetAt, let target = s.targetRenja?.value.sen {
            out.append(finding(.peringatan, "evaluasi-melebihi-target",
                               "realisasi anggaran \(row.reference) sampai triwulan \(StandardEvaluationTable.roman(quarter)) melebihi target Renja tahun berjalan",
                               at: s.quarters[quarter - 1].location, row: row, ctx,
                               figures: [.init("realisasi s/d TW \(StandardEvaluationTable.roman(quarter))", fmt(total)),
                                         .init("target Renja (\(col(.targetRenja, t)))", fmt(target)),
                                         .init("selisih", fmt(total - target))]))
        }
        return out
    }

    // MARK: K

    static func numbers(_ ind: StandardIndicator, _ f: StandardSeriesFacts<Double>, _ direction: ResolvedDirection, _ row: StandardRow,
                        _ t: StandardEvaluationTable, _ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let s = ind.kinerja
        let unit = ind.unit.map { " \($0.value)" } ?? ""
        let where_ = "indikator “\(Item.shorten(ind.name.value))” pada \(row.reference)"
        func differs(_ code: String, _ c: StandardColumn, _ cell: Located<StandardNumber>?, _ computed: StandardComputed<Double>?,
                     parts: [Located<StandardNumber>?], _ what: String) {
            guard let cell, let stated = cell.value.value, let computed else { return }
            let tolerance = halfUnit(cell.value.raw) + parts.compactMap { $0.map { halfUnit($0.value.raw) } }.reduce(0, +)
            guard abs(stated - computed.value) > tolerance + 1e-9 else { return }
            out.append(finding(.galat, code, "\(col(c, t)) K (\(c.title)) \(where_) tidak sama dengan \(what)", at: cell.location, row: row, ctx,
                               figures: [.init("tertulis", number(stated) + unit), .init("dihitung", number(computed.value) + unit),
                                         .init("selisih", number(abs(stated - computed.value)) + unit), .init("rumus", computed.formula)]))
        }
        let q = StandardColumn.triwulan.number(in: t.variant)
        differs("evaluasi-triwulan", .realisasiRenja, s.realisasiRenja, f.quarterSum, parts: s.quarters.map { $0 },
                "jumlah realisasi triwulan (kolom \(q)–\(q + 3))")
        differs("evaluasi-kumulatif", .realisasiRenstra, s.realisasiRenstra, f.cumulative,
                parts: [s.realisasiRenstraLalu, s.realisasiRenja ?? nil], "\(col(.realisasiRenstraLalu, t)) + \(col(.realisasiRenja, t))")
        if let cell = s.tingkatCapaian, let stated = cell.value.value, let computed = f.achievement,
           PercentAgreement.compare(stated: stated, raw: cell.value.raw, computed: computed.value) != .agrees {
            let directionWord = direction.direction == .turun ? "turun, makin rendah makin baik" : "naik, makin tinggi makin baik"
            var notes: [String] = []
            let other: Direction = direction.direction == .naik ? .turun : .naik
            if let alt = Achievement.percent(target: s.targetRenstra?.value.value ?? 0,
                                             actual: s.realisasiRenstra?.value.value ?? f.cumulative?.value ?? 0,
                                             direction: other, formula: ctx.document.validation.lowerIsBetterFormula),
               PercentAgreement.compare(stated: stated, raw: cell.value.raw, computed: alt) == .agrees {
                notes.append("angka tertulis cocok dengan arah \(other.rawValue); bila memang demikian, tulis `arah: \(other.rawValue)` pada indikator ini")
            }
            if direction.direction == .naik, let year = s.realisasiRenja?.value.value ?? f.quarterSum?.value,
               let target = s.targetRenja?.value.value, target != 0,
               PercentAgreement.compare(stated: stated, raw: cell.value.raw, computed: year / target * 100) == .agrees {
                notes.append(renjaRatioNote(t))
            }
            out.append(finding(.galat, "evaluasi-tingkat-capaian",
                               "\(col(.tingkatCapaian, t)) K (tingkat capaian kinerja Renstra) \(where_) tidak sesuai dengan \(col(.realisasiRenstra, t)) dan \(col(.targetRenstra, t))",
                               at: cell.location, row: row, ctx,
                               figures: [.init("tertulis", Wording.percent(stated)), .init("dihitung", Wording.percent(computed.value)),
                                         .init("selisih", PercentChecks.points(stated - computed.value)),
                                         .init("rumus", "\(computed.formula) (arah \(directionWord))")],
                               notes: notes))
        }
        if let (quarter, total) = f.overTargetAt, let target = s.targetRenja?.value.value {
            out.append(finding(.peringatan, "evaluasi-melebihi-target",
                               "realisasi kinerja \(where_) sampai triwulan \(StandardEvaluationTable.roman(quarter)) melebihi target Renja tahun berjalan",
                               at: s.quarters[quarter - 1].location, row: row, ctx,
                               figures: [.init("realisasi s/d TW \(StandardEvaluationTable.roman(quarter))", number(total) + unit),
                                         .init("target Renja (\(col(.targetRenja, t)))", number(target) + unit)]))
        }
        return out
    }

    // MARK: Sums down the hierarchy

    static func sums(_ row: StandardRow, _ f: StandardRowFacts, _ t: StandardEvaluationTable, _ ctx: DocumentContext) -> [Diagnostic] {
        f.childSums.compactMap { sum in
            guard let cell = StandardChildSum.value(row, sum.column, sum.quarter), let stated = cell.value.sen, stated != sum.sum else { return nil }
            let column = sum.column == .triwulan
                ? "kolom \(sum.column.number(in: t.variant) + (sum.quarter ?? 0)) Rp (triwulan \(StandardEvaluationTable.roman((sum.quarter ?? 0) + 1)))"
                : "\(col(sum.column, t)) Rp (\(sum.column.title))"
            let children = sum.overSubKegiatan ? "\(sum.count) sub kegiatannya (kegiatannya tidak mencantumkan angka ini)"
                : "\(sum.count) \(row.level.child?.word ?? "anak")nya"
            return finding(.galat, "evaluasi-jumlah", "\(column) \(row.reference) tidak sama dengan jumlah \(children)",
                           at: cell.location, row: row, ctx,
                           figures: [.init("tertulis", StandardAmount.format(sen: stated)), .init("dihitung", StandardAmount.format(sen: sum.sum)),
                                     .init("selisih", StandardAmount.format(sen: abs(stated - sum.sum)))])
        }
    }

    // MARK: Footer

    static func footer(_ facts: StandardEvaluationFacts, _ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let foot = facts.table.footer
        let avg = facts.average
        if let cell = foot.averageKinerja, let stated = cell.value.value, let computed = avg.kinerjaMean,
           PercentAgreement.compare(stated: stated, raw: cell.value.raw, computed: computed.value) != .agrees {
            out.append(finding(.galat, "evaluasi-rata-rata", "rata-rata capaian kinerja tidak sama dengan rata-rata tingkat capaian kinerja sub kegiatan",
                               at: cell.location, row: nil, ctx,
                               figures: [.init("tertulis", Wording.percent(stated)), .init("dihitung", Wording.percent(computed.value)),
                                         .init("rumus", computed.formula + " (rata-rata persentase, seperti aplikasi e-Monev)")]))
        }
        if let cell = foot.averageAnggaran, let stated = cell.value.value, let ratio = avg.anggaranRatio,
           PercentAgreement.compare(stated: stated, raw: cell.value.raw, computed: ratio.value) != .agrees {
            var notes: [String] = []
            var severity = Severity.galat
            if let mean = avg.anggaranMean, PercentAgreement.compare(stated: stated, raw: cell.value.raw, computed: mean.value) == .agrees {
                notes.append("angka tertulis cocok dengan aturan lain, rata-rata persentase sub kegiatan (\(Wording.percent(mean.value))); kedua aturan berbeda bila pagu sub kegiatan tidak sama besar — sebutkan aturan yang dipakai")
                severity = .peringatan
            }
            out.append(finding(severity, "evaluasi-rata-rata", "rata-rata capaian anggaran tidak sama dengan Σ realisasi ÷ Σ target sub kegiatan",
                               at: cell.location, row: nil, ctx,
                               figures: [.init("tertulis", Wording.percent(stated)), .init("dihitung", Wording.percent(ratio.value)),
                                         .init("rumus", ratio.formula + " (rasio jumlah, seperti aplikasi e-Monev)")], notes: notes))
        }
        // Predikat only against the bands the document itself states.
        for (label, cell, value) in [("kinerja", foot.predicateKinerja, foot.averageKinerja?.value.value ?? avg.kinerjaMean?.value),
                                     ("anggaran", foot.predicateAnggaran, foot.averageAnggaran?.value.value ?? avg.anggaranRatio?.value)] {
            guard let cell, let value, !foot.bands.isEmpty else { continue }
            let bands = foot.bands.map { "\(number($0.from))–\(number($0.to)): \($0.name)" }.joined(separator: "; ")
            guard let band = foot.bands.first(where: { $0.contains(value) }) else {
                out.append(finding(.peringatan, "evaluasi-predikat", "rata-rata capaian \(label) tidak masuk rentang predikat mana pun yang dinyatakan dokumen",
                                   at: cell.location, row: nil, ctx,
                                   figures: [.init("rata-rata", Wording.percent(value)), .init("rentang", bands)]))
                continue
            }
            if Text.normalizedName(band.name) != Text.normalizedName(cell.value) {
                out.append(finding(.galat, "evaluasi-predikat", "predikat \(label) tidak sesuai dengan rentang predikat yang dinyatakan dokumen",
                                   at: cell.location, row: nil, ctx,
                                   figures: [.init("tertulis", cell.value), .init("seharusnya", band.name),
                                             .init("rata-rata", Wording.percent(value)), .init("rentang", bands)]))
            }
        }
        return out
    }
}
