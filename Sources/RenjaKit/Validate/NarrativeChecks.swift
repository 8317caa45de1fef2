/// The chapters against the tables and against the document itself:
/// - `narasi-angka`: counts ("9 (sembilan) program, 17 kegiatan dan 53 subkegiatan") and rupiah
///   figures ("Rp. 13.036.773.000,-") compared with both tables; each finding says which table the
///   figure matches (an `info`), or that it matches none (a `galat`);
/// - `narasi-terbilang`: a number spelt out in brackets that does not read as the digits, `9 (delapan)`;
/// - `narasi-tahun` (in `NarrativeYearChecks`): years that contradict the document's own year.
enum NarrativeChecks {
    // Compiled once: a regex literal inside a function is parsed again on every call (every line).
    static let countPattern = #/(?i)(\d{1,4})\s*(?:\(([^()]*)\)\s*)?(sub\s*-?\s*kegiatan|program|kegiatan)/#
    static let spelledPattern = #/(\d{1,9})\s*\(([^()\d]+)\)/#
    static let rupiahPattern = #/(?i)\bRp\.?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,-|,00)?/#

    static func run(_ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let amounts = candidates(ctx)
        for chapter in ctx.document.chapters {
            for line in ChapterText.lines(of: chapter) where !line.inCodeBlock {
                // Literal words each pattern needs, tested first: Swift's regular expressions are slow,
                // and most lines hold none of them.
                let lower = Text.asciiLowercased(line.scannable)
                if Text.containsLiteral(lower, "program") || Text.containsLiteral(lower, "kegiatan") {
                    out += counts(line, chapter, ctx)
                }
                if line.scannable.utf8.contains(0x28) { out += spelledNumbers(line, chapter, ctx) }  // "("
                if Text.containsLiteral(lower, "rp") { out += rupiah(line, chapter, amounts, ctx) }
            }
        }
        return out
    }

    // MARK: Counts of rows

    static func counts(_ line: ChapterLine, _ chapter: Chapter, _ ctx: DocumentContext) -> [Diagnostic] {
        let tables = [ctx.figures.evaluation, ctx.figures.plan].compactMap { $0 }
        guard !tables.isEmpty else { return [] }
        var out: [Diagnostic] = []
        let pattern = Self.countPattern
        for m in line.scannable.matches(of: pattern) where !ChapterText.continuesNumber(line.scannable, before: m.range.lowerBound) {
            guard let n = Int(m.output.1) else { continue }
            let word = m.output.3.lowercased()
            let level: Level = word.hasPrefix("sub") ? .subKegiatan : word == "program" ? .program : .kegiatan
            let written = String(line.scannable[m.range]).trimmingCharacters(in: .whitespaces)
            let matching = tables.filter { $0.count(level) == n }
            var figures: [Diagnostic.Figure] = [.init("tertulis", written)]
            for t in tables { figures.append(.init(t.kind == .evaluasi ? "Tabel 1" : "Tabel 2", "\(t.count(level)) \(level.word)")) }
            let loc = ChapterText.location(chapter, line, m.range.lowerBound)
            if matching.isEmpty {
                out.append(ctx.finding(.galat, "narasi-angka",
                                       "narasi menyebut \(n) \(level.word), tetapi tabel tidak berisi sebanyak itu",
                                       at: loc, figures: figures,
                                       notes: ["tulis `{{angka jumlah_\(level == .subKegiatan ? "sub_kegiatan" : level.word)}}` agar angkanya selalu dihitung dari Tabel 2"]))
            } else {
                out.append(ctx.finding(.info, "narasi-angka",
                                       "\(n) \(level.word) di narasi cocok dengan \(describe(matching.map(\.kind), of: tables.map(\.kind)))",
                                       at: loc, figures: figures))
            }
        }
        return out
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

    // MARK: Rupiah figures

    struct Candidate {
        var value: Rupiah
        var description: String
        var table: TableKind?
        var isTotal: Bool
        var item: Item?
    }

    static func candidates(_ ctx: DocumentContext) -> [Candidate] {
        var out: [Candidate] = []
        for (kind, f) in [(TableKind.evaluasi, ctx.figures.evaluation), (.rencana, ctx.figures.plan)] {
            guard let f else { continue }
            if let p = f.paguTotal { out.append(Candidate(value: p, description: "total pagu \(TableKind.longName(kind))", table: kind, isTotal: true)) }
            if let r = f.realisasiTotal { out.append(Candidate(value: r, description: "total realisasi \(TableKind.longName(kind))", table: kind, isTotal: true)) }
        }
        for table in ctx.tables {
            for item in table.allItems {
                for kind in AmountKind.allCases {
                    guard let v = item.amount(kind)?.value.value else { continue }
                    out.append(Candidate(value: v, description: "\(kind.key) \(item.shortReference) di \(table.shortName)", table: table.kind,
                                         isTotal: false, item: item))
                }
            }
        }
        return out
    }

    static func rupiah(_ line: ChapterLine, _ chapter: Chapter, _ all: [Candidate], _ ctx: DocumentContext) -> [Diagnostic] {
        guard ctx.document.evaluation != nil || ctx.document.plan != nil else { return [] }
        let pattern = Self.rupiahPattern
        var out: [Diagnostic] = []
        for m in line.scannable.matches(of: pattern) {
            let raw = String(m.output.1)
            guard let value = AmountText(raw: raw).value else { continue }
            let written = String(line.scannable[m.range])
            let loc = ChapterText.location(chapter, line, m.range.lowerBound)
            let totals = all.filter { $0.isTotal && $0.value == value }
            let rows = all.filter { !$0.isTotal && $0.value == value }
            if let first = totals.first ?? rows.first {
                var notes: [String] = []
                let tables = Set((totals.isEmpty ? rows : totals).compactMap(\.table))
                if totals.isEmpty && rows.count > 1 { notes.append("juga sama dengan \(rows.count - 1) angka lain di tabel") }
                if tables == [.evaluasi], ctx.document.plan != nil,
                   ChapterText.sentencePrefix(line.scannable, upTo: m.range.lowerBound).lowercased().contains("perubahan") {
                    notes.append("kalimat ini menyebut “Perubahan”, tetapi angkanya adalah angka sebelum perubahan (Tabel 1); angka sesudah perubahan ada di Tabel 2")
                }
                for t in totals {
                    guard let kind = t.table, let f = ctx.figures.table(kind) else { continue }
                    let leaf = t.description.hasPrefix("total pagu") ? f.paguTotalOfSubKegiatan : f.realisasiTotalOfSubKegiatan
                    if let leaf, leaf != value {
                        notes.append("jumlah seluruh sub kegiatan \(TableKind.longName(kind)) adalah \(leaf.formatted), selisih \(Wording.difference(value, leaf)): lihat temuan jumlah pada tabel itu")
                    }
                }
                let what = totals.count > 1 ? totals.map(\.description).joined(separator: " dan ") : first.description
                out.append(ctx.finding(.info, "narasi-angka", "\(value.formatted) di narasi sama dengan \(what)",
                                       at: loc, item: first.item, figures: [.init("tertulis", written), .init("cocok dengan", what)],
                                       notes: notes))
            } else {
                var figures: [Diagnostic.Figure] = [.init("tertulis", written)]
                for t in all where t.isTotal { figures.append(.init(t.description, t.value.formatted)) }
                if let near = all.min(by: { abs($0.value.value - value.value) < abs($1.value.value - value.value) }) {
                    figures.append(.init("terdekat", "\(near.value.formatted) (\(near.description)), selisih \(Wording.difference(value, near.value))"))
                }
                out.append(ctx.finding(.galat, "narasi-angka", "\(value.formatted) di narasi tidak sama dengan total atau angka mana pun di tabel",
                                       at: loc, figures: figures,
                                       notes: ["untuk total, tulis `{{angka pagu_total}}` atau `{{angka pagu_total_evaluasi}}` agar angkanya dihitung dari tabel",
                                               "bila angka ini memang bukan angka tabel (mis. harga satuan), abaikan pesan ini"]))
            }
        }
        return out
    }
}
