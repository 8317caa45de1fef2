/// Display forms of the loaded values: the parsed value in Indonesian format when it parsed, the
/// raw text otherwise (a malformed figure is shown as the document wrote it, never hidden).
enum Format {
    static func amount(_ a: Located<AmountText>?) -> String {
        guard let a else { return "" }
        return a.value.value?.plain ?? a.value.raw
    }

    static func rupiah(_ r: Rupiah?) -> String { r?.formatted ?? "–" }

    static func percent(_ p: Located<PercentText>?) -> String {
        guard let p else { return "" }
        return p.value.value?.formatted ?? p.value.raw
    }

    static func percent(_ p: Percent?) -> String { p?.formatted ?? "–" }

    static func quantity(_ q: Located<QuantityText>?) -> String {
        guard let q else { return "" }
        return q.value.value?.formatted ?? q.value.raw
    }

    static func int(_ n: Int) -> String { IndonesianNumber.grouped(UInt64(max(0, n))) }
}

/// Sums over a table, used for the key figures. The validator compares the same sums against the
/// stated figures; here they are only displayed.
struct TableTotals {
    var pagu: Rupiah
    var realisasi: Rupiah

    init(_ table: Table?) {
        pagu = .zero
        realisasi = .zero
        for p in table?.programs ?? [] {
            pagu = pagu + (p.pagu?.value.value ?? .zero)
            realisasi = realisasi + (p.realisasi?.value.value ?? .zero)
        }
    }
}
