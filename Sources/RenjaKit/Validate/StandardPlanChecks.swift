/// The standard rencana table (Permendagri 86/2017, `tabel/rencana-standar.yaml`), each stated
/// cell against `StandardPlanFacts`:
/// - `rencana-jumlah`: pagu indikatif (kolom 6) and pagu prakiraan maju (kolom 10) of a parent =
///   the sum of its children (urusan ← bidang ← program ← kegiatan ← sub kegiatan);
/// - `prakiraan-tanpa-target`: a program, kegiatan or sub kegiatan with pagu N+1 above Rp 0 and no
///   target N+1 (kolom 9) above 0 (one finding for the whole table when no row states any target N+1);
/// - `prakiraan-tanpa-pagu`: a target N+1 above 0 on a row whose pagu N+1 is Rp 0 (or, on a sub
///   kegiatan, not written);
/// - `prakiraan-tanpa-satuan`: a target N+1 with a number and no satuan;
/// - year N's money against its targets (`pagu-nol-bertarget`, `target-nol-berpagu`) and the shape
///   of its targets (`target-tanpa-satuan`, `target-majemuk`) are Tabel 2's checks
///   (`FundingChecks`), reading each program, kegiatan and sub kegiatan row as a Tabel 2 row.
enum StandardPlanChecks {
    static func run(_ ctx: DocumentContext) -> [Diagnostic] {
        guard let facts = ctx.facts.standardPlan else { return [] }
        var out: [Diagnostic] = []
        var withoutTarget: [StandardPlanRow] = []
        for row in facts.table.allRows {
            guard let f = facts.rows[row.anchor] else { continue }
            out += sums(row, f, ctx)
            if let item = row.asItem {
                out += FundingChecks.money(item, ctx)
                for indicator in item.indicators { out += FundingChecks.targetShape(indicator, item, ctx) }
            }
            // Urusan and bidang rows carry no indicators in the regulation's layout.
            if row.level >= .program, let pm = row.paguMaju?.value.value, pm.value > 0, !f.statesForwardTarget { withoutTarget.append(row) }
            out += forward(row, ctx)
        }
        out += missingTargets(withoutTarget, facts, ctx)
        return out
    }

    static func finding(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation?,
                        row: StandardPlanRow?, _ ctx: DocumentContext, figures: [Diagnostic.Figure], notes: [String] = []) -> Diagnostic {
        Diagnostic(severity, code, message, at: location, figures: figures, notes: notes,
                   rowAnchor: row?.anchor, documentSlug: ctx.document.slug)
    }

    static func col(_ c: StandardPlanColumn) -> String { "kolom \(c.number)" }

    // MARK: Sums down the hierarchy

    static func sums(_ row: StandardPlanRow, _ f: StandardPlanRowFacts, _ ctx: DocumentContext) -> [Diagnostic] {
        StandardPlanAmount.allCases.compactMap { a in
            guard let sum = f.childSums[a], let cell = row.amount(a), let stated = cell.value.value, stated != sum.sum else { return nil }
            let children = sum.overSubKegiatan ? "\(sum.count) sub kegiatannya (kegiatannya tidak mencantumkan angka ini)"
                : "\(sum.count) \(sum.childLevel.word)nya"
            var figures: [Diagnostic.Figure] = [.init("tertulis", stated.formatted), .init("dihitung", sum.sum.formatted),
                                                .init("selisih", Wording.difference(stated, sum.sum))]
            if let hint = Wording.typingHint(written: stated, computed: sum.sum) { figures.append(.init("catatan", hint)) }
            return finding(.galat, "rencana-jumlah",
                           "\(col(a.column)) (\(a.word)) \(row.reference) tidak sama dengan jumlah \(children)",
                           at: cell.location, row: row, ctx, figures: figures)
        }
    }

    // MARK: Prakiraan maju

    static func missingTargets(_ rows: [StandardPlanRow], _ facts: StandardPlanFacts, _ ctx: DocumentContext) -> [Diagnostic] {
        guard let first = rows.first else { return [] }
        if facts.rowsWithForwardTarget == 0 {
            // The column is empty as a whole: one finding, not one per row.
            return [finding(.peringatan, "prakiraan-tanpa-target",
                            "tabel rencana standar tidak memuat target prakiraan maju (\(col(.targetMaju))) di baris mana pun, padahal \(rows.count) baris mencantumkan pagu prakiraan maju",
                            at: first.paguMaju?.location, row: first, ctx,
                            figures: [.init("baris berpagu tahun N+1", "\(rows.count) dari \(facts.table.allRows.count)"),
                                      .init("baris dengan target tahun N+1", "0"),
                                      .init("baris pertama", "\(first.reference) (\(first.paguMaju?.location?.description ?? ""))")],
                            notes: ["isi `target_maju` pada indikator setiap baris; target 0 atau kosong dibaca sebagai belum diisi"])]
        }
        return rows.map { row in
            finding(.peringatan, "prakiraan-tanpa-target",
                    "\(row.reference) mencantumkan pagu prakiraan maju tanpa target prakiraan maju (\(col(.targetMaju)))",
                    at: row.paguMaju?.location, row: row, ctx,
                    figures: [.init("pagu tahun N+1", row.paguMaju?.value.value?.formatted ?? ""),
                              .init("target tahun N+1", row.indicators.compactMap { $0.targetMaju?.value.raw }.first ?? "tidak ada")],
                    notes: ["isi `target_maju` pada indikator baris ini"])
        }
    }

    static func forward(_ row: StandardPlanRow, _ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for ind in row.indicators {
            guard let t = ind.targetMaju, let q = t.value.value, q.value != 0 else { continue }
            if q.unit.trimmingCharacters(in: .whitespaces).isEmpty {
                var expected = "angka lalu satuan, mis. \(t.value.raw) dokumen"
                if let unit = ind.target?.value.value?.unit, !unit.isEmpty { expected = "angka lalu satuan, mis. \(t.value.raw) \(unit) (satuan target tahun N)" }
                out.append(finding(.peringatan, "prakiraan-tanpa-satuan",
                                   "target prakiraan maju indikator “\(Item.shorten(ind.name.value))” pada \(row.reference) tidak bersatuan",
                                   at: t.location, row: row, ctx,
                                   figures: [.init("tertulis", t.value.raw), .init("diharapkan", expected)]))
            }
        }
        if let (ind, t) = row.indicators.lazy.compactMap({ i in i.targetMaju.flatMap { t in (t.value.value?.value ?? 0) > 0 ? (i, t) : nil } }).first {
            let pagu = row.paguMaju?.value.value
            if pagu == .zero || (row.paguMaju == nil && row.level == .subKegiatan) {
                out.append(finding(.peringatan, "prakiraan-tanpa-pagu",
                                   "\(row.reference) menargetkan \(t.value.raw) pada prakiraan maju tanpa pagu prakiraan maju (\(col(.paguMaju)))",
                                   at: row.paguMaju?.location ?? t.location, row: row, ctx,
                                   figures: [.init("pagu tahun N+1", pagu?.formatted ?? "tidak ditulis"), .init("target tahun N+1", t.value.raw),
                                             .init("indikator", Item.shorten(ind.name.value))],
                                   notes: ["bila baris ini dibiayai dari baris lain, jelaskan di catatan penting; bila tidak, isi `pagu_maju`"]))
            }
        }
        return out
    }
}
