import RenjaModel
import RenjaFacts

/// Tabel 1 (before the revision) against Tabel 2 (after), row by row as `TableMatcher` pairs them:
/// - `hanya-di-tabel`: a row in one table only (dropped or added by the revision);
/// - `nama-berbeda`: the same row or indicator spelt slightly differently (a typo in one of them);
/// - `perubahan-pagu`, `perubahan-target`, `perubahan-indikator`: what the revision changed — information,
///   not errors;
/// - `satuan-berbeda`: an indicator's target unit changed between the tables.
enum CrossTableChecks {
    static func run(_ ctx: DocumentContext) -> [Diagnostic] {
        guard ctx.document.evaluation != nil, ctx.document.plan != nil else { return [] }
        var out: [Diagnostic] = []
        for program in ctx.matches {
            out += walk(program, parentOnlyOneSide: false, ctx)
        }
        return out
    }

    static func walk(_ m: MatchedItem, parentOnlyOneSide: Bool, _ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        switch m.kind {
        case .onlyEvaluation, .onlyPlan:
            // Report the top-most row only: its children are implied.
            if !parentOnlyOneSide { out.append(onlyOne(m, ctx)) }
        case .similarName:
            if let b = m.evaluation, let a = m.plan { out.append(nameDiffers(before: b.name, after: a.name, what: pairReference(b, a), item: a, ctx)) }
            fallthrough
        case .exactName:
            if let b = m.evaluation, let a = m.plan {
                out += pagu(before: b, after: a, ctx)
                out += indicators(before: b, after: a, ctx)
            }
        }
        let oneSide = m.kind == .onlyEvaluation || m.kind == .onlyPlan
        for c in m.children { out += walk(c, parentOnlyOneSide: oneSide || parentOnlyOneSide, ctx) }
        return out
    }

    // MARK: Rows

    /// `sub kegiatan 4.5 (kode 1.06.01.2.06.0005)`: both tables' ways of naming the row.
    static func pairReference(_ before: Item, _ after: Item) -> String {
        switch (before.key, after.key) {
        case let (n?, c?): return "\(after.level.word) \(n) (kode \(c))"
        default: return after.shortReference
        }
    }

    static func onlyOne(_ m: MatchedItem, _ ctx: DocumentContext) -> Diagnostic {
        let inBefore = m.kind == .onlyEvaluation
        let item = (inBefore ? m.evaluation : m.plan)!
        // Only rows that are themselves unpaired can be this row under another name.
        let unpaired = Set(ctx.matches.flatMap { [$0] + $0.allDescendants }
            .filter { $0.kind == (inBefore ? .onlyPlan : .onlyEvaluation) }
            .compactMap { (inBefore ? $0.plan : $0.evaluation)?.anchor })
        let otherTable = inBefore ? ctx.document.plan : ctx.document.evaluation
        let candidates = (otherTable?.items(at: item.level) ?? []).filter { unpaired.contains($0.anchor) }
        let target = Text.normalizedName(item.name.value)
        let closest = candidates.map { ($0, Text.similarity(target, Text.normalizedName($0.name.value))) }.max { $0.1 < $1.1 }
        var notes: [String] = []
        var severity = Severity.info
        if let (c, s) = closest, s >= 0.5 {
            severity = .peringatan
            notes.append("namanya mirip \(c.reference) di \(inBefore ? "Tabel 2" : "Tabel 1") (\(c.name.location?.description ?? "")); bila itu baris yang sama, samakan penulisan namanya")
        }
        let count = item.children.count + item.children.reduce(0) { $0 + $1.children.count }
        if count > 0 { notes.append("termasuk \(count) baris di bawahnya") }
        let message = inBefore
            ? "\(item.reference) ada di Tabel 1 tetapi tidak ada di Tabel 2 (dihapus dalam perubahan?)"
            : "\(item.reference) ada di Tabel 2 tetapi tidak ada di Tabel 1 (ditambahkan dalam perubahan?)"
        return ctx.finding(severity, "hanya-di-tabel", message, at: item.name.location, item: item,
                           figures: [.init("ada di", inBefore ? TableKind.longName(.evaluasi) : TableKind.longName(.rencana)),
                                     .init("tidak ada di", inBefore ? TableKind.longName(.rencana) : TableKind.longName(.evaluasi))],
                           notes: notes)
    }

    /// The words where two spellings part: `Cetakan → Cetak`.
    static func wordDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: " ").map(String.init), y = b.split(separator: " ").map(String.init)
        var start = 0
        while start < min(x.count, y.count), x[start] == y[start] { start += 1 }
        var end = 0
        while end < min(x.count, y.count) - start, x[x.count - 1 - end] == y[y.count - 1 - end] { end += 1 }
        let left = x[start..<(x.count - end)].joined(separator: " ")
        let right = y[start..<(y.count - end)].joined(separator: " ")
        return "“\(left.isEmpty ? "(tidak ada)" : left)” → “\(right.isEmpty ? "(tidak ada)" : right)”"
    }

    static func nameDiffers(before: Located<String>, after: Located<String>, what: String, item: Item,
                            _ ctx: DocumentContext) -> Diagnostic {
        var d = ctx.finding(.peringatan, "nama-berbeda", "nama \(what) ditulis berbeda di Tabel 1 dan Tabel 2",
                            at: after.location, item: item,
                            figures: [.init("Tabel 1", before.value), .init("Tabel 2", after.value),
                                      .init("beda", wordDifference(before.value, after.value))],
                            notes: ["kemungkinan salah ketik di salah satu tabel; Tabel 1 di \(before.location?.description ?? "Tabel 1")"])
        if let other = before.location { d.related = [.init(other, "nama di Tabel 1")] }
        return d
    }

    static func pagu(before: Item, after: Item, _ ctx: DocumentContext) -> [Diagnostic] {
        guard let b = before.pagu?.value.value, let aLoc = after.pagu, let a = aLoc.value.value, a != b else { return [] }
        let change = a - b
        let signed = change.value > 0 ? "+\(change.formatted)" : change.formatted
        var figures: [Diagnostic.Figure] = [.init("sebelum (Tabel 1)", b.formatted), .init("sesudah (Tabel 2)", a.formatted),
                                            .init("perubahan", signed)]
        if let p = change.percent(of: b) {
            figures.append(.init("perubahan (%)", (p.value > 0 ? "+" : "") + p.formatted))
        }
        var d = ctx.finding(.info, "perubahan-pagu", "pagu \(pairReference(before, after)) \(change.value > 0 ? "naik" : "turun") dalam perubahan",
                            at: aLoc.location, item: after, figures: figures)
        if let other = before.pagu?.location { d.related = [.init(other, "pagu sebelum perubahan (Tabel 1)")] }
        return [d]
    }

    // MARK: Indicators

    static func indicators(before: Item, after: Item, _ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let (pairs, onlyBefore, onlyAfter) = IndicatorMatcher.pair(before.indicators, after.indicators)
        for (i, j) in pairs {
            let b = before.indicators[i], a = after.indicators[j]
            if Text.normalizedName(b.name.value) != Text.normalizedName(a.name.value) {
                out.append(nameDiffers(before: b.name, after: a.name,
                                       what: "indikator pada \(pairReference(before, after))", item: after, ctx))
            }
            guard let bt = b.target?.value.value, let atLoc = a.target, let at = atLoc.value.value else { continue }
            if bt.normalizedUnit != at.normalizedUnit {
                out.append(ctx.finding(.peringatan, "satuan-berbeda",
                                       "satuan target indikator “\(Item.shorten(a.name.value))” pada \(pairReference(before, after)) berbeda di Tabel 1 dan Tabel 2",
                                       at: atLoc.location, item: after,
                                       figures: [.init("Tabel 1", bt.formatted), .init("Tabel 2", at.formatted)],
                                       notes: ["bila satuannya memang diganti dalam perubahan, jelaskan di narasi; bila tidak, samakan"]))
            } else if abs(bt.value - at.value) > 1e-9 {
                out.append(ctx.finding(.info, "perubahan-target",
                                       "target indikator “\(Item.shorten(a.name.value))” pada \(pairReference(before, after)) \(at.value > bt.value ? "naik" : "turun") dalam perubahan",
                                       at: atLoc.location, item: after,
                                       figures: [.init("sebelum (Tabel 1)", bt.formatted), .init("sesudah (Tabel 2)", at.formatted)]))
            }
        }
        for i in onlyBefore {
            let b = before.indicators[i]
            out.append(ctx.finding(.info, "perubahan-indikator",
                                   "indikator “\(Item.shorten(b.name.value))” pada \(before.shortReference) tidak ada lagi di Tabel 2",
                                   at: b.name.location, item: before,
                                   figures: [.init("Tabel 1", b.name.value), .init("Tabel 2", "tidak ada")]))
        }
        for j in onlyAfter {
            let a = after.indicators[j]
            out.append(ctx.finding(.info, "perubahan-indikator",
                                   "indikator “\(Item.shorten(a.name.value))” pada \(after.shortReference) baru ada di Tabel 2",
                                   at: a.name.location, item: after,
                                   figures: [.init("Tabel 1", "tidak ada"), .init("Tabel 2", a.name.value)]))
        }
        return out
    }
}
