/// Money against what it is meant to buy, and levels that were left behind:
/// - `pagu-nol-bertarget`: a row with pagu Rp 0 that still plans a non-zero target (a kegiatan
///   planning "3 Dokumen" with no money);
/// - `target-nol-berpagu`: a row with money whose every target is 0;
/// - `realisasi-tanpa-pagu`: spending recorded in a row whose pagu is Rp 0;
/// - `target-tanpa-satuan`: a planned target with a number and no unit;
/// - `target-majemuk`: a target that holds two numbers ("11 Kab/1 Kota"), kept whole, not compared;
/// - `tingkat-tidak-diperbarui`: a whole level whose amounts disagree with both the level above
///   and the level below while those two agree — one finding that explains the many sum mismatches
///   such a level causes (typically kegiatan amounts left at their pre-revision value).
enum FundingChecks {
    static func run(_ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for table in ctx.tables {
            for item in table.allItems {
                out += money(item, ctx)
                for indicator in item.indicators { out += targetShape(indicator, item, ctx) }
            }
            out += staleLevel(table, ctx)
        }
        return out
    }

    /// Also read by the standard rencana table (`StandardPlanChecks`), whose rows it sees as Tabel 2
    /// rows (`StandardPlanRow.asItem`).
    static func money(_ item: Item, _ ctx: DocumentContext) -> [Diagnostic] {
        guard let paguLoc = item.pagu, let pagu = paguLoc.value.value else { return [] }
        var out: [Diagnostic] = []
        let targets = item.indicators.compactMap { i in i.target?.value.value.map { (i, $0) } }
        if pagu == .zero, let (indicator, t) = targets.first(where: { $0.1.value > 0 }) {
            out.append(ctx.finding(.peringatan, "pagu-nol-bertarget",
                                   "\(item.reference) menargetkan \(t.formatted) tanpa anggaran (pagu Rp 0)",
                                   at: paguLoc.location, item: item,
                                   figures: [.init("pagu", pagu.formatted), .init("target", t.formatted),
                                             .init("indikator", Item.shorten(indicator.name.value))],
                                   notes: ["bila kegiatan ini dibiayai dari baris lain, jelaskan di narasi; bila tidak, periksa pagu atau targetnya"]))
        }
        if pagu.value > 0, !targets.isEmpty, targets.count == item.indicators.count, targets.allSatisfy({ $0.1.value == 0 }) {
            out.append(ctx.finding(.peringatan, "target-nol-berpagu",
                                   "\(item.reference) mendapat \(pagu.formatted) tetapi semua targetnya 0",
                                   at: item.indicators[0].target?.location, item: item,
                                   figures: [.init("pagu", pagu.formatted), .init("target", targets[0].1.formatted)],
                                   notes: ["anggaran tanpa keluaran yang direncanakan: periksa targetnya"]))
        }
        if spendsWithoutPagu(item), !item.children.contains(where: { $0.leaves.contains(where: spendsWithoutPagu) }),
           let r = item.realisasi, let real = r.value.value {
            out.append(ctx.finding(.galat, "realisasi-tanpa-pagu", "\(item.reference) mencatat realisasi padahal pagunya Rp 0",
                                   at: r.location, item: item,
                                   figures: [.init("realisasi", real.formatted), .init("pagu", pagu.formatted)],
                                   notes: ["belanja tanpa anggaran: periksa apakah pagunya tertinggal atau realisasinya salah baris"]))
        }
        return out
    }

    /// Realisasi above zero on a pagu of Rp 0 (reported on the lowest such row only).
    static func spendsWithoutPagu(_ item: Item) -> Bool {
        guard item.pagu?.value.value == .zero, let real = item.realisasi?.value.value else { return false }
        return real.value > 0
    }

    static func targetShape(_ indicator: Indicator, _ item: Item, _ ctx: DocumentContext) -> [Diagnostic] {
        guard let t = indicator.target else { return [] }
        if t.value.isCompound {
            return [ctx.finding(.peringatan, "target-majemuk",
                                "target indikator “\(Item.shorten(indicator.name.value))” pada \(item.shortReference) berisi lebih dari satu angka",
                                at: t.location, item: item,
                                figures: [.init("tertulis", t.value.raw)],
                                notes: ["target ditampilkan utuh seperti tertulis dan tidak dipakai dalam perhitungan; bila perlu, pecah menjadi dua indikator"])]
        }
        if let q = t.value.value, q.unit.trimmingCharacters(in: .whitespaces).isEmpty, q.value != 0 {
            return [ctx.finding(.peringatan, "target-tanpa-satuan",
                                "target indikator “\(Item.shorten(indicator.name.value))” pada \(item.shortReference) tidak bersatuan",
                                at: t.location, item: item,
                                figures: [.init("tertulis", t.value.raw), .init("diharapkan", "angka lalu satuan, mis. \(t.value.raw) dokumen")])]
        }
        return []
    }

    /// Rows of one level whose amount differs from the sum of their children while their parent
    /// equals the sum of all its sub kegiatan: the parent and the detail were updated, this level was not.
    static func staleLevel(_ table: Table, _ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for kind in ctx.facts.table(table.kind)?.amountKinds ?? [] {
            var stale: [Item] = []
            var consideredPrograms = 0
            for program in table.programs {
                guard let pv = program.amount(kind)?.value.value, let leaves = ctx.facts.item(program)?.leafSum[kind]?.value,
                      pv == leaves else { continue }
                let off = program.children.filter { k in
                    guard let v = k.amount(kind)?.value.value, let s = ctx.facts.item(k)?.childSum[kind]?.value else { return false }
                    return v != s
                }
                if !off.isEmpty { consideredPrograms += 1 }
                stale += off
            }
            // One program with one slip is an ordinary sum mismatch; a level left behind shows in
            // several rows under more than one program.
            guard stale.count >= 3, consideredPrograms >= 2 else { continue }
            var notes = ["\(stale.count) \(Level.kegiatan.word) ini masing-masing tidak sama dengan jumlah sub kegiatannya, sedangkan programnya cocok dengan jumlah sub kegiatan: angka tingkat kegiatan kemungkinan belum diperbarui"]
            if ctx.facts.profile.comparesStages, table.kind == .rencana {
                let pairs = Dictionary(ctx.matches.flatMap { [$0] + $0.allDescendants }.compactMap { m in m.plan.map { ($0.anchor, m) } },
                                       uniquingKeysWith: { a, _ in a })
                let unchanged = stale.filter { k in
                    guard let before = pairs[k.anchor]?.evaluation?.amount(kind)?.value.value else { return false }
                    return before == k.amount(kind)?.value.value
                }
                if !unchanged.isEmpty {
                    notes.append("\(unchanged.count) di antaranya sama persis dengan \(kind.key)nya di Tabel 1 (sebelum perubahan)")
                }
            }
            notes.append("baris: " + stale.map { "\($0.shortReference) (\($0.amount(kind)?.location?.description ?? ""))" }.joined(separator: ", "))
            out.append(ctx.finding(.peringatan, "tingkat-tidak-diperbarui",
                                   "\(kind.key) \(stale.count) kegiatan di \(table.shortName) tidak sama dengan jumlah sub kegiatannya, padahal program dan sub kegiatannya saling cocok",
                                   at: stale[0].amount(kind)?.location, item: stale[0],
                                   figures: [.init("kegiatan", "\(stale.count) dari \(table.items(at: .kegiatan).count)"),
                                             .init("program yang cocok dengan sub kegiatannya", "\(consideredPrograms)")],
                                   notes: notes))
        }
        return out
    }
}
