import RenjaModel
import RenjaFacts

/// `jumlah-pagu` / `jumlah-realisasi`: a parent's amount must equal the sum of its children's.
/// Programs are checked against their kegiatan *and* against all their sub kegiatan, so a slip in a
/// sub kegiatan is caught at every level above it even when the kegiatan's own figure was copied
/// from the same wrong sum. `jumlah-tak-terperiksa`: a sum that cannot be checked because a child's
/// amount is malformed (reported instead of a misleading difference).
enum SumChecks {
    static func run(_ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for table in ctx.tables {
            let kinds: [AmountKind] = table.kind == .evaluasi ? [.pagu, .realisasi] : [.pagu]
            for kind in kinds {
                for (item, parent) in table.itemsWithParents where !item.children.isEmpty {
                    out += check(item, parent: parent, kind: kind, ctx: ctx)
                }
            }
        }
        return out
    }

    /// Σ of a row's children, from the facts (nil when a child's amount is unreadable).
    static func childSum(_ item: Item, _ kind: AmountKind, _ ctx: DocumentContext) -> Rupiah? {
        ctx.facts.item(item)?.childSum[kind]?.value
    }

    static func childWord(_ item: Item) -> String { item.level.child?.word ?? "baris" }

    static func check(_ item: Item, parent: Item?, kind: AmountKind, ctx: DocumentContext) -> [Diagnostic] {
        guard let statedLoc = item.amount(kind), let stated = statedLoc.value.value else { return [] }
        let facts = ctx.facts.item(item)
        let direct = facts?.childSum[kind]?.value
        let leaf = facts?.leafSum[kind]?.value
        let childLevel = childWord(item)

        guard let direct else {
            let broken = item.children.filter { $0.amount(kind) != nil && $0.amount(kind)?.value.value == nil }
            // Children that state no amount at all (a level some apps leave empty): nothing to
            // check against them; the row is still checked against all its sub kegiatan.
            if broken.isEmpty {
                guard let leaf, leaf != stated else { return [] }
                return [mismatch(item, parent: parent, kind: kind, stated: stated, computed: leaf, against: "seluruh sub kegiatan",
                                 location: statedLoc.location, notes: [], ctx: ctx)]
            }
            // A child's amount is malformed: say so instead of reporting a difference that only
            // reflects the typo.
            var figures: [Diagnostic.Figure] = [.init("tertulis", stated.formatted)]
            var notes: [String] = []
            let brokenList = broken.map { "\($0.shortReference) (`\($0.amount(kind)?.value.raw ?? "tidak ada")`)" }.joined(separator: ", ")
            if broken.count == 1, let likely = LikelyReading.of(broken[0], kind: kind, parent: item) {
                figures.append(.init("kemungkinan \(broken[0].shortReference)", likely.value.formatted))
                if likely.confirmed {
                    notes.append("dengan bacaan yang paling mungkin untuk \(broken[0].shortReference) (\(likely.value.formatted), yang juga cocok dengan persen realisasinya) jumlahnya cocok; bacaan ini diturunkan dari angka induk, jadi belum membuktikan jumlahnya benar")
                } else {
                    notes.append("bila \(broken[0].shortReference) bernilai \(likely.value.formatted) jumlahnya cocok, tetapi nilai itu diturunkan dari angka induk sendiri sehingga tidak membuktikan apa pun")
                }
            }
            var out = [ctx.finding(.peringatan, "jumlah-tak-terperiksa",
                                   "jumlah \(kind.key) \(item.reference) tidak dapat diperiksa karena \(kind.key) \(brokenList) tidak ditulis sebagai angka yang sah",
                                   at: statedLoc.location, item: item, figures: figures,
                                   notes: notes + ["perbaiki temuan `angka-format` pada \(childLevel) itu lebih dulu"])]
            // The sub kegiatan may still add up to the program even if a kegiatan's figure is broken.
            if let leaf, leaf != stated {
                out.append(mismatch(item, parent: parent, kind: kind, stated: stated, computed: leaf, against: "seluruh sub kegiatan",
                                    location: statedLoc.location, notes: [], ctx: ctx))
            }
            return out
        }

        let directWrong = direct != stated
        let leafWrong = leaf.map { $0 != stated } ?? false
        guard directWrong || leafWrong else { return [] }

        var notes: [String] = []
        if directWrong {
            if let hint = Wording.typingHint(written: stated, computed: direct) { notes.append(hint) }
            if let leaf, leaf == stated {
                let culprits = item.children.filter { c in
                    guard !c.children.isEmpty, let v = c.amount(kind)?.value.value, let s = childSum(c, kind, ctx) else { return false }
                    return v != s
                }
                let names = culprits.map(\.shortReference).joined(separator: ", ")
                notes.append("jumlah seluruh sub kegiatannya \(leaf.formatted) sama dengan angka ini; selisihnya berasal dari "
                             + (culprits.isEmpty ? "angka \(childLevel) yang tidak sama dengan jumlah sub kegiatannya"
                                                 : "\(names), yang angkanya sendiri tidak sama dengan jumlah sub kegiatannya"))
            }
            return [mismatch(item, parent: parent, kind: kind, stated: stated, computed: direct, against: childLevel,
                             location: statedLoc.location, notes: notes, ctx: ctx)]
        }
        // Equal to its kegiatan, but not to its sub kegiatan: the error sits lower down.
        let culprits = item.children.filter { c in
            guard let v = c.amount(kind)?.value.value, let s = childSum(c, kind, ctx), !c.children.isEmpty else { return false }
            return v != s
        }
        notes.append("angka ini sama dengan jumlah \(childLevel)nya (\(direct.formatted)), tetapi tidak dengan jumlah seluruh sub kegiatannya"
                     + (culprits.isEmpty ? "" : "; lihat \(culprits.map(\.shortReference).joined(separator: ", "))"))
        if let leaf, let hint = Wording.typingHint(written: stated, computed: leaf) { notes.append(hint) }
        return [mismatch(item, parent: parent, kind: kind, stated: stated, computed: leaf ?? direct, against: "seluruh sub kegiatan",
                         location: statedLoc.location, notes: notes, ctx: ctx)]
    }

    static func mismatch(_ item: Item, parent: Item?, kind: AmountKind, stated: Rupiah, computed: Rupiah, against: String,
                         location: SourceLocation?, notes: [String], ctx: DocumentContext) -> Diagnostic {
        var notes = notes
        // A kegiatan whose program matches the sub kegiatan total is the likely culprit.
        if let program = parent, let pv = program.amount(kind)?.value.value,
           let pl = ctx.facts.item(program)?.leafSum[kind]?.value, pv == pl, pv != childSum(program, kind, ctx) {
            notes.append("angka \(program.shortReference) sama dengan jumlah seluruh sub kegiatannya, jadi angka \(item.shortReference) inilah yang kemungkinan keliru")
        }
        let relation = stated > computed ? "lebih besar" : "lebih kecil"
        return ctx.finding(.galat, kind.sumCode,
                           "\(kind.key) \(item.reference) tidak sama dengan jumlah \(kind.key) \(against)nya (tertulis \(relation) \(Wording.difference(stated, computed)))",
                           at: location, item: item,
                           figures: [.init("tertulis", stated.formatted), .init("dihitung", computed.formatted),
                                     .init("selisih", Wording.difference(stated, computed))],
                           notes: notes)
    }
}
