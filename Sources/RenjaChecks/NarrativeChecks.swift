import RenjaModel
import RenjaFacts

/// The chapters against the tables and against the document itself:
/// - `narasi-angka`: each count ("9 (sembilan) program, 17 kegiatan dan 53 subkegiatan") and rupiah
///   figure ("Rp. 13.036.773.000,-") the chapters state (read once, in `DocumentFacts.narrative`),
///   with what it matches (an `info`); a `galat` only when its sentence claims it is the document's
///   total or count and nothing in the tables supports it — a subset, a quarter's figure, another
///   stage's or year's, or one row's is at most an `info` saying so;
/// - `narasi-terbilang`: a number spelt out in brackets that does not read as the digits, `9 (delapan)`;
/// - `narasi-tahun` (in `NarrativeYearChecks`): years that contradict the document's own year.
enum NarrativeChecks {
    static let spelledPattern = #/(\d{1,9})\s*\(([^()\d]+)\)/#

    /// One chapter's findings (`facts`: its own): they depend on it and the tables only.
    static func run(_ chapter: Chapter, _ facts: ChapterFacts, _ ctx: DocumentContext) -> [Diagnostic] {
        var out = facts.narrative.map { finding($0, ctx) }
        for line in ChapterText.lines(of: chapter) where !line.inCodeBlock && line.scannable.utf8.contains(0x28) {  // "("
            out += spelledNumbers(line, chapter, ctx)
        }
        return out
    }

    // MARK: Counts and amounts

    static func finding(_ f: NarrativeFigure, _ ctx: DocumentContext) -> Diagnostic {
        var figures: [Diagnostic.Figure] = [.init("tertulis", f.written)]
        let tables = [ctx.facts.evaluation, ctx.facts.plan].compactMap { $0 }
        if case .count(let level, _) = f.value {
            for t in tables { figures.append(.init("Tabel \(t.kind.number)", countText(t, level))) }
        }
        if !f.matches.isEmpty {
            return matched(f, figures: figures, ctx)
        }
        let name = subject(f)
        /// A figure its sentence says is not the document's total: an `info` naming what it is.
        func notTotal(_ what: String, kind: String) -> Diagnostic {
            ctx.finding(.info, "narasi-angka", "\(name) di narasi adalah \(what)", at: f.location, figures: figures + [.init("jenis angka", kind)])
        }
        switch f.claim {
        case .total:
            var notes: [String] = []
            switch f.value {
            case .count(let level, _):
                notes.append("tulis `{{angka jumlah_\(level == .subKegiatan ? "sub_kegiatan" : level.word)}}` agar angkanya selalu dihitung dari tabel")
                return ctx.finding(.galat, "narasi-angka", "narasi menyebut \(name), tetapi tabel tidak berisi sebanyak itu",
                                   at: f.location, figures: figures, notes: notes)
            case .amount(let value):
                let all = totals(ctx)
                for (d, v) in all { figures.append(.init(d, v.formatted)) }
                if let near = nearest(value, ctx) {
                    figures.append(.init("terdekat", "\(near.1.formatted) (\(near.0)), selisih \(Wording.difference(value, near.1))"))
                }
                return ctx.finding(.galat, "narasi-angka", "\(value.formatted) di narasi disebut sebagai total, tetapi tidak sama dengan total atau angka mana pun di tabel",
                                   at: f.location, figures: figures,
                                   notes: ["untuk total, tulis `{{angka pagu_total}}` atau `{{angka pagu_total_evaluasi}}` agar angkanya dihitung dari tabel",
                                           "bila angka ini memang bukan total dokumen (mis. angka satu triwulan, satu sub kegiatan atau tahap anggaran lain), sebutkan itu dalam kalimatnya"])
            }
        case .subset(let word):
            return notTotal("sebagian (“\(word)”), bukan total; tidak dibandingkan dengan jumlah tabel", kind: "sebagian")
        case .period(let word):
            return notTotal("angka suatu periode (“\(word)”), bukan total tabel; tidak ada angka yang sama di tabel", kind: "periode: \(word)")
        case .otherStage(let word):
            return notTotal("angka tahap atau dokumen lain (“\(word)”), yang tidak dimuat tabel dokumen ini", kind: "tahap lain: \(word)")
        case .otherYear(let word):
            return notTotal("angka tahun lain (“\(word)”), bukan angka tabel tahun \(ctx.document.year.value)", kind: "tahun lain: \(word)")
        case .row(let reference):
            return notTotal("angka satu baris (\(reference)), bukan total; tidak sama dengan angka baris mana pun", kind: "satu baris")
        case .unclear:
            return ctx.finding(.info, "narasi-angka", "\(name) di narasi tidak disebut sebagai total dan tidak sama dengan angka mana pun di tabel",
                               at: f.location, figures: figures,
                               notes: ["bila ini total anggaran, sebutkan dalam kalimatnya (mis. “dengan anggaran sebesar …”) agar diperiksa"])
        }
    }

    static func subject(_ f: NarrativeFigure) -> String {
        switch f.value {
        case .count(let level, let n): return "\(n) \(level.word)"
        case .amount(let v): return v.formatted
        }
    }

    static func countText(_ t: TableFacts, _ level: Level) -> String {
        let rows = t.rows(level), distinct = t.distinctKeys(level)
        return distinct == rows ? "\(rows) \(level.word)" : "\(rows) \(level.word) (\(distinct) kode berbeda)"
    }

    static func totals(_ ctx: DocumentContext) -> [(String, Rupiah)] {
        var out: [(String, Rupiah)] = []
        for t in [ctx.facts.evaluation, ctx.facts.plan].compactMap({ $0 }) {
            for k in t.amountKinds { if let v = t.total(k) { out.append(("total \(k.key) \(TableKind.longName(t.kind))", v)) } }
        }
        return out
    }

    static func nearest(_ value: Rupiah, _ ctx: DocumentContext) -> (String, Rupiah)? {
        var all = totals(ctx)
        for table in ctx.tables {
            let facts = ctx.facts.table(table.kind)
            for item in table.allItems {
                for k in facts?.amountKinds ?? [] {
                    if let v = item.amount(k)?.value.value { all.append(("\(k.key) \(item.shortReference) di \(table.shortName)", v)) }
                }
            }
        }
        return all.min { abs($0.1.value - value.value) < abs($1.1.value - value.value) }
    }

    static func matched(_ f: NarrativeFigure, figures: [Diagnostic.Figure], _ ctx: DocumentContext) -> Diagnostic {
        let totals = f.totalMatches
        let rows = f.matches.filter { !$0.isTotal }
        var notes: [String] = []
        switch f.value {
        case .count(let level, let n):
            let what: String
            if !totals.isEmpty {
                let kinds = Set(totals.compactMap(\.table))
                let allKinds = [ctx.facts.evaluation, ctx.facts.plan].compactMap { $0?.kind }
                if kinds.count == 1, totals.count == 1, case .rows = totals[0].total! {
                    what = describe(Array(kinds), of: allKinds)
                } else if totals.allSatisfy({ if case .rows = $0.total! { return true } else { return false } }) {
                    what = describe(allKinds.filter(kinds.contains), of: allKinds)
                } else {
                    what = totals.map(\.description).joined(separator: " dan ")
                }
                for t in [ctx.facts.evaluation, ctx.facts.plan].compactMap({ $0 }) where t.distinctKeys(level) != t.rows(level) {
                    notes.append("\(t.kind == .evaluasi ? "Tabel 1" : "Tabel 2") berisi \(t.rows(level)) baris \(level.word) dengan \(t.distinctKeys(level)) kode berbeda: ada kode yang dipakai lebih dari satu baris")
                }
            } else {
                what = rows.map(\.description).joined(separator: "; ")
            }
            return ctx.finding(.info, "narasi-angka", "\(n) \(level.word) di narasi cocok dengan \(what)", at: f.location, figures: figures, notes: notes)
        case .amount(let value):
            let first = totals.first ?? rows[0]
            if totals.isEmpty && rows.count > 1 { notes.append("juga sama dengan \(rows.count - 1) angka lain di tabel") }
            let tables = Set((totals.isEmpty ? rows : totals).compactMap(\.table))
            if tables == [.evaluasi], ctx.facts.profile.comparesStages, f.sentenceMentionsRevision {
                notes.append("kalimat ini menyebut “Perubahan”, tetapi angkanya adalah angka sebelum perubahan (Tabel 1); angka sesudah perubahan ada di Tabel 2")
            }
            for t in totals {
                guard case .programSum(let kind)? = t.total, let table = t.table, let facts = ctx.facts.table(table),
                      let leaf = facts.subKegiatanTotal[kind]?.value, leaf != value else { continue }
                notes.append("jumlah seluruh sub kegiatan \(TableKind.longName(table)) adalah \(leaf.formatted), selisih \(Wording.difference(value, leaf)): lihat temuan jumlah pada tabel itu")
            }
            let what = totals.count > 1 ? totals.map(\.description).joined(separator: " dan ") : first.description
            let item = first.anchor.flatMap { a in ctx.tables.lazy.compactMap { $0.allItems.first { $0.anchor == a } }.first }
            return ctx.finding(.info, "narasi-angka", "\(value.formatted) di narasi sama dengan \(what)",
                               at: f.location, item: item, figures: [.init("tertulis", f.written), .init("cocok dengan", what)], notes: notes)
        }
    }

    static func describe(_ matching: [TableKind], of all: [TableKind]) -> String {
        if matching.count == 2 { return "Tabel 1 dan Tabel 2" }
        let t = matching[0]
        let other = all.first { $0 != t }
        return TableKind.longName(t) + (other.map { ", bukan \(TableKind.longName($0))" } ?? "")
    }

    // MARK: Numbers spelt out

    static let numberWords: Set<String> = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
                                           "sepuluh", "sebelas", "belas", "puluh", "ratus", "seratus", "ribu", "seribu", "juta", "miliar", "triliun"]

    static func spelledNumbers(_ line: ChapterLine, _ chapter: Chapter, _ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let pattern = Self.spelledPattern
        for m in line.scannable.matches(of: pattern) where !ChapterText.continuesNumber(line.scannable, before: m.range.lowerBound) {
            let words = Terbilang.normalized(String(m.output.2))
            guard !words.isEmpty, words.split(separator: " ").allSatisfy({ numberWords.contains(String($0)) }),
                  let n = Int(m.output.1) else { continue }
            let expected = Terbilang.words(n)
            guard words != expected else { continue }
            let paren = line.scannable[m.range].firstIndex(of: "(") ?? m.range.lowerBound
            out.append(ctx.finding(.galat, "narasi-terbilang", "angka \(n) ditulis dengan huruf yang tidak sama: “\(m.output.2)”",
                                   at: ChapterText.location(chapter, line, paren),
                                   figures: [.init("tertulis", String(line.scannable[m.range])), .init("diharapkan", "\(n) (\(expected))")]))
        }
        return out
    }
}
