import RenjaModel
import RenjaFacts

/// Figures that add up but are hard to believe:
/// - `realisasi-melebihi-pagu`: spending above the budget (also above the revised budget of Tabel 2);
/// - `capaian-melebihi-target`: achievement beyond the target (for lower-is-better: below it) — a note;
/// - `capaian-tanpa-realisasi`: a sub kegiatan reporting output with no spending yet — a note;
/// - `satuan-berbeda`: target and capaian counted in different units (`keluarga` vs `orang`).
enum PlausibilityChecks {
    static func run(_ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if let table = ctx.document.evaluation {
            for item in table.allItems {
                out += overspend(item, ctx)
                out += noSpending(item, ctx)
                for indicator in item.indicators {
                    out += beyondTarget(indicator, item, ctx)
                    out += units(indicator, item, ctx)
                }
            }
        }
        for m in ctx.matches.flatMap({ [$0] + $0.allDescendants }) {
            out += overspendAfterRevision(m, ctx)
        }
        return out
    }

    static func overspend(_ item: Item, _ ctx: DocumentContext) -> [Diagnostic] {
        // Spending against a pagu of Rp 0 is `realisasi-tanpa-pagu` (FundingChecks).
        guard let r = item.realisasi, let real = r.value.value, let pagu = item.pagu?.value.value, pagu != .zero, real > pagu else { return [] }
        return [ctx.finding(.galat, "realisasi-melebihi-pagu", "realisasi \(item.reference) melebihi pagunya",
                            at: r.location, item: item,
                            figures: [.init("realisasi", real.formatted), .init("pagu", pagu.formatted),
                                      .init("lebih", Wording.difference(real, pagu))],
                            notes: ["belanja tidak boleh melampaui pagu anggaran; periksa salah ketik pada salah satu angka"])]
    }

    /// The revised pagu (Tabel 2) must still cover what was already spent (Tabel 1).
    static func overspendAfterRevision(_ m: MatchedItem, _ ctx: DocumentContext) -> [Diagnostic] {
        guard let before = m.evaluation, let after = m.plan, let real = before.realisasi?.value.value,
              let newPagu = after.pagu, let np = newPagu.value.value, real > np else { return [] }
        return [ctx.finding(.galat, "realisasi-melebihi-pagu",
                            "pagu perubahan \(after.reference) lebih kecil dari realisasi yang sudah tercatat di Tabel 1",
                            at: newPagu.location, item: after,
                            figures: [.init("pagu perubahan", np.formatted), .init("realisasi (Tabel 1)", real.formatted),
                                      .init("kurang", Wording.difference(real, np))],
                            notes: ["realisasi di \(before.realisasi?.location?.description ?? "Tabel 1")"])]
    }

    static func noSpending(_ item: Item, _ ctx: DocumentContext) -> [Diagnostic] {
        guard item.children.isEmpty, let r = item.realisasi, r.value.value == .zero else { return [] }
        let producing = item.indicators.filter { i in
            guard let a = i.actual?.value.value, a.value > 0 else { return false }
            return DirectionInference.resolve(i).direction == .naik
        }
        guard let first = producing.first, let actual = first.actual?.value.value else { return [] }
        return [ctx.finding(.info, "capaian-tanpa-realisasi",
                            "\(item.reference) mencatat capaian \(actual.formatted) tanpa realisasi anggaran",
                            at: r.location, item: item,
                            figures: [.init("realisasi", Rupiah.zero.formatted), .init("capaian", actual.formatted)],
                            notes: ["wajar bila keluaran dibiayai sumber lain atau pembayarannya belum dicatat; bila tidak, periksa capaian atau realisasinya"])]
    }

    static func beyondTarget(_ indicator: Indicator, _ item: Item, _ ctx: DocumentContext) -> [Diagnostic] {
        guard let t = indicator.target?.value.value, let a = indicator.actual, let actual = a.value.value,
              t.normalizedUnit == actual.normalizedUnit else { return [] }
        let direction = DirectionInference.resolve(indicator).direction
        let name = Item.shorten(indicator.name.value)
        switch direction {
        case .naik where actual.value > t.value:
            return [ctx.finding(.info, "capaian-melebihi-target",
                                "capaian indikator “\(name)” pada \(item.shortReference) melebihi targetnya",
                                at: a.location, item: item,
                                figures: [.init("target", t.formatted), .init("capaian", actual.formatted)],
                                notes: ["bukan kesalahan; pastikan angkanya benar dan pertimbangkan apakah targetnya terlalu rendah"])]
        case .turun where actual.value < t.value && actual.value > 0:
            return [ctx.finding(.info, "capaian-melebihi-target",
                                "capaian indikator “\(name)” pada \(item.shortReference) lebih rendah dari targetnya; untuk indikator makin rendah makin baik berarti melampaui target",
                                at: a.location, item: item,
                                figures: [.init("target", t.formatted), .init("capaian", actual.formatted), .init("arah", "turun (makin rendah makin baik)")],
                                notes: ["bukan kesalahan; pastikan angkanya benar"])]
        default:
            return []
        }
    }

    static func units(_ indicator: Indicator, _ item: Item, _ ctx: DocumentContext) -> [Diagnostic] {
        guard let t = indicator.target?.value.value, let a = indicator.actual, let actual = a.value.value,
              !t.unit.isEmpty, !actual.unit.isEmpty, t.normalizedUnit != actual.normalizedUnit else { return [] }
        return [ctx.finding(.peringatan, "satuan-berbeda",
                            "target dan capaian indikator “\(Item.shorten(indicator.name.value))” pada \(item.shortReference) memakai satuan yang berbeda",
                            at: a.location, item: item,
                            figures: [.init("target", t.formatted), .init("capaian", actual.formatted)],
                            notes: ["persen capaian hanya bermakna bila keduanya dihitung dengan satuan yang sama"])]
    }
}
