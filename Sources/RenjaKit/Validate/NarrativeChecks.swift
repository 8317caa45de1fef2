/// The chapters against the tables and against the document itself:
/// - `narasi-angka`: counts ("9 (sembilan) program, 17 kegiatan dan 53 subkegiatan") and rupiah
///   figures ("Rp. 13.036.773.000,-") compared with both tables; each finding says which table the
///   figure matches (an `info`), or that it matches none (a `galat`);
/// - `narasi-terbilang`: a number spelt out in brackets that does not read as the digits, `9 (delapan)`;
/// - `narasi-tahun`: a plan period or a year that contradicts the document's own year
///   ("RPJMD … Tahun 2016-2021" in a 2024 document, "Renja Perubahan … Tahun 2022").
enum NarrativeChecks {
    static func run(_ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var periods: [PlanPeriod] = []
        for chapter in ctx.document.chapters {
            for line in ChapterText.lines(of: chapter) where !line.inCodeBlock {
                out += counts(line, chapter, ctx)
                out += spelledNumbers(line, chapter, ctx)
                out += rupiah(line, chapter, ctx)
                out += ownYear(line, chapter, ctx)
                periods += planPeriods(line, chapter)
            }
        }
        out += periodFindings(periods, ctx)
        return out
    }

    static func location(_ chapter: Chapter, _ line: ChapterLine, _ index: String.Index) -> SourceLocation {
        SourceLocation(file: chapter.file, line: line.fileLine, column: ChapterText.column(of: index, in: line.scannable))
    }

    /// True when the character before `index` continues a number (so `2.53 program` is not read as `53 program`).
    static func continuesNumber(_ s: String, before index: String.Index) -> Bool {
        guard index > s.startIndex else { return false }
        let prev = s[s.index(before: index)]
        return prev.isNumber || prev == "." || prev == "," || prev.isLetter
    }

    // MARK: Counts of rows

    static func counts(_ line: ChapterLine, _ chapter: Chapter, _ ctx: DocumentContext) -> [Diagnostic] {
        let tables = [ctx.figures.evaluation, ctx.figures.plan].compactMap { $0 }
        guard !tables.isEmpty else { return [] }
        var out: [Diagnostic] = []
        let pattern = #/(?i)(\d{1,4})\s*(?:\(([^()]*)\)\s*)?(sub\s*-?\s*kegiatan|program|kegiatan)/#
        for m in line.scannable.matches(of: pattern) where !continuesNumber(line.scannable, before: m.range.lowerBound) {
            guard let n = Int(m.output.1) else { continue }
            let word = m.output.3.lowercased()
            let level: Level = word.hasPrefix("sub") ? .subKegiatan : word == "program" ? .program : .kegiatan
            let written = String(line.scannable[m.range]).trimmingCharacters(in: .whitespaces)
            let matching = tables.filter { $0.count(level) == n }
            var figures: [Diagnostic.Figure] = [.init("tertulis", written)]
            for t in tables { figures.append(.init(t.kind == .evaluasi ? "Tabel 1" : "Tabel 2", "\(t.count(level)) \(level.word)")) }
            let loc = location(chapter, line, m.range.lowerBound)
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
        let pattern = #/(\d{1,9})\s*\(([^()\d]+)\)/#
        for m in line.scannable.matches(of: pattern) where !continuesNumber(line.scannable, before: m.range.lowerBound) {
            let words = Terbilang.normalized(String(m.output.2))
            guard !words.isEmpty, words.split(separator: " ").allSatisfy({ numberWords.contains(String($0)) }),
                  let n = Int(m.output.1) else { continue }
            let expected = Terbilang.words(n)
            guard words != expected else { continue }
            let paren = line.scannable[m.range].firstIndex(of: "(") ?? m.range.lowerBound
            out.append(ctx.finding(.galat, "narasi-terbilang", "angka \(n) ditulis dengan huruf yang tidak sama: “\(m.output.2)”",
                                   at: location(chapter, line, paren),
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

    /// The text of the sentence up to `index` (a `.` followed by a space ends a sentence, except in `Rp.` and `No.`).
    static func sentencePrefix(_ s: String, upTo index: String.Index) -> String {
        let head = String(s[..<index])
        var start = head.startIndex
        var i = head.startIndex
        while i < head.endIndex {
            let next = head.index(after: i)
            if head[i] == ".", next < head.endIndex, head[next] == " " {
                let before = head[head.startIndex..<i].suffix(2).lowercased()
                if before != "rp" && before != "no" { start = next }
            }
            i = next
        }
        return String(head[start...])
    }

    static func rupiah(_ line: ChapterLine, _ chapter: Chapter, _ ctx: DocumentContext) -> [Diagnostic] {
        guard ctx.document.evaluation != nil || ctx.document.plan != nil else { return [] }
        let pattern = #/(?i)\bRp\.?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,-|,00)?/#
        var out: [Diagnostic] = []
        let all = candidates(ctx)
        for m in line.scannable.matches(of: pattern) {
            let raw = String(m.output.1)
            guard let value = AmountText(raw: raw).value else { continue }
            let written = String(line.scannable[m.range])
            let loc = location(chapter, line, m.range.lowerBound)
            let totals = all.filter { $0.isTotal && $0.value == value }
            let rows = all.filter { !$0.isTotal && $0.value == value }
            if let first = totals.first ?? rows.first {
                var notes: [String] = []
                let tables = Set((totals.isEmpty ? rows : totals).compactMap(\.table))
                if totals.isEmpty && rows.count > 1 { notes.append("juga sama dengan \(rows.count - 1) angka lain di tabel") }
                if tables == [.evaluasi], ctx.document.plan != nil,
                   sentencePrefix(line.scannable, upTo: m.range.lowerBound).lowercased().contains("perubahan") {
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

    // MARK: Years

    /// Plans with a multi-year period. Domain vocabulary: the long names map to their acronyms.
    static let planNames: [(String, String)] = [
        ("rencana pembangunan jangka menengah nasional", "RPJMN"), ("rencana pembangunan jangka menengah daerah", "RPJMD"),
        ("rencana pembangunan jangka menengah", "RPJMD"), ("rencana pembangunan jangka panjang", "RPJPD"),
        ("rencana strategis", "Renstra"), ("rencana tata ruang wilayah", "RTRW"),
        ("rpjmn", "RPJMN"), ("rpjmd", "RPJMD"), ("rpjpd", "RPJPD"), ("rpjpn", "RPJPN"), ("renstra", "Renstra"), ("rtrw", "RTRW"),
    ]

    /// Plans whose periods must agree: a Renstra of a perangkat daerah runs with the RPJMD.
    static func periodFamily(_ plan: String) -> String { plan == "Renstra" ? "RPJMD" : plan }

    struct PlanPeriod {
        var plan: String
        var from: Int
        var to: Int
        var text: String
        var location: SourceLocation
    }

    /// (plan, end index) of every plan name in a line, in order.
    static func planMentions(_ s: String) -> [(String, Range<String.Index>)] {
        let lower = s.lowercased()
        guard lower.count == s.count else { return [] }
        var out: [(String, Range<String.Index>)] = []
        var taken: [Range<String.Index>] = []
        for (name, plan) in planNames {
            var from = lower.startIndex
            while let r = lower.range(of: name, range: from..<lower.endIndex) {
                from = r.upperBound
                let before = r.lowerBound > lower.startIndex ? lower[lower.index(before: r.lowerBound)] : " "
                let after = r.upperBound < lower.endIndex ? lower[r.upperBound] : " "
                guard !before.isLetter, !after.isLetter, !taken.contains(where: { $0.overlaps(r) }) else { continue }
                taken.append(r)
                let start = s.index(s.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: r.lowerBound))
                let end = s.index(start, offsetBy: lower.distance(from: r.lowerBound, to: r.upperBound))
                out.append((plan, start..<end))
            }
        }
        return out.sorted { $0.1.lowerBound < $1.1.lowerBound }
    }

    static let rangePattern = #/(\d{4})\s*(?:-|–|—|s\.?\s?d\.?|sampai dengan|sampai)\s*(\d{4})/#

    static func planPeriods(_ line: ChapterLine, _ chapter: Chapter) -> [PlanPeriod] {
        let s = line.scannable
        let mentions = planMentions(s)
        guard !mentions.isEmpty else { return [] }
        var out: [PlanPeriod] = []
        var previousRangeEnd: String.Index?
        for m in s.matches(of: rangePattern) {
            defer { previousRangeEnd = m.range.upperBound }
            guard let a = Int(m.output.1), let b = Int(m.output.2), a < b, b - a <= 30,
                  !continuesNumber(s, before: m.range.lowerBound) else { continue }
            // The nearest plan named before this period, with no other period in between, within 150 characters.
            guard let mention = mentions.last(where: { $0.1.upperBound <= m.range.lowerBound }),
                  s.distance(from: mention.1.upperBound, to: m.range.lowerBound) <= 150,
                  previousRangeEnd.map({ $0 <= mention.1.lowerBound }) ?? true else { continue }
            out.append(PlanPeriod(plan: mention.0, from: a, to: b, text: String(s[mention.1.lowerBound..<m.range.upperBound]),
                                  location: location(chapter, line, m.range.lowerBound)))
        }
        return out
    }

    static func periodFindings(_ periods: [PlanPeriod], _ ctx: DocumentContext) -> [Diagnostic] {
        let year = ctx.document.year.value
        var out: [Diagnostic] = []
        for p in periods where !(p.from...p.to).contains(year) {
            let others = periods.filter { periodFamily($0.plan) == periodFamily(p.plan) && ($0.from...$0.to).contains(year) }
            var figures: [Diagnostic.Figure] = [.init("tertulis", Item.shorten(p.text, limit: 80)), .init("periode", "\(p.from)-\(p.to)"),
                                                .init("tahun dokumen", String(year))]
            var notes: [String] = []
            if let o = others.first {
                figures.append(.init("di bagian lain", "\(o.plan) \(o.from)-\(o.to) (\(o.location))"))
                if o.plan != p.plan { notes.append("periode Renstra perangkat daerah mengikuti periode RPJMD") }
            }
            notes.append("tahun dokumen diambil dari `tahun` di \(ctx.document.metadataFile)")
            out.append(ctx.finding(others.isEmpty ? .peringatan : .galat, "narasi-tahun",
                                   "periode \(p.plan) \(p.from)-\(p.to) tidak mencakup tahun dokumen (\(year))"
                                   + (others.isEmpty ? "" : "; di bagian lain dokumen tertulis \(others[0].plan) \(others[0].from)-\(others[0].to)"),
                                   at: p.location, figures: figures, notes: notes))
        }
        return out
    }

    /// Mentions of a one-year plan or budget — the document itself (Renja, Rencana Kerja), the RKPD,
    /// the APBD — whose year must be the document's.
    static let ownMentionPattern = #/(?i)\b(renja|rencana kerja|rkpd|apbd|anggaran pendapatan dan belanja daerah|tahun anggaran)\b/#
    static let yearPattern = #/\b(19|20)\d{2}\b/#

    static func ownYear(_ line: ChapterLine, _ chapter: Chapter, _ ctx: DocumentContext) -> [Diagnostic] {
        let s = line.scannable
        let year = ctx.document.year.value
        let mentions = s.matches(of: ownMentionPattern)
        guard !mentions.isEmpty else { return [] }
        let plans = planMentions(s)
        var reported = Set<Int>()
        var out: [Diagnostic] = []
        for m in mentions {
            let windowEnd = s.index(m.range.upperBound, offsetBy: min(120, s.distance(from: m.range.upperBound, to: s.endIndex)))
            let window = s[m.range.upperBound..<windowEnd]
            guard let y = window.firstMatch(of: yearPattern) else { continue }
            let between = s[m.range.upperBound..<y.range.lowerBound]
            let betweenLower = between.lowercased()
            // Stop at a sentence end, a regulation number or another plan named in between.
            if betweenLower.contains("nomor") || betweenLower.contains(" no.") { continue }
            if sentencePrefix(s, upTo: y.range.lowerBound).count < s.distance(from: m.range.lowerBound, to: y.range.lowerBound) { continue }
            if plans.contains(where: { $0.1.lowerBound >= m.range.upperBound && $0.1.lowerBound < y.range.lowerBound }) { continue }
            // A period such as 2021-2026 is handled with the plans.
            let rest = s[y.range.upperBound...]
            if (try? rangePattern.prefixMatch(in: s[y.range.lowerBound...])) != nil { continue }
            guard let value = Int(y.output.0), value != year else { continue }
            let column = ChapterText.column(of: y.range.lowerBound, in: s)
            guard reported.insert(column).inserted else { continue }
            let before = s[..<m.range.lowerBound].suffix(12).lowercased()
            let selfReference = betweenLower.contains("perubahan") || before.hasSuffix("perubahan ")
                || rest.lowercased().hasPrefix(" ini") || m.output.1.lowercased() == "tahun anggaran"
            let mentionText = String(s[m.range.lowerBound..<y.range.upperBound])
            out.append(ctx.finding(selfReference ? .galat : .peringatan, "narasi-tahun",
                                   "tahun \(value) pada “\(Item.shorten(mentionText, limit: 80))” tidak sama dengan tahun dokumen (\(year))",
                                   at: location(chapter, line, y.range.lowerBound),
                                   figures: [.init("tertulis", String(value)), .init("tahun dokumen", String(year))],
                                   notes: selfReference
                                       ? ["kalimat ini merujuk dokumen ini sendiri; kemungkinan tersalin dari dokumen tahun lain", "tahun dokumen diambil dari `tahun` di \(ctx.document.metadataFile)"]
                                       : ["bila yang dimaksud memang dokumen tahun lain (mis. evaluasi tahun lalu), abaikan pesan ini"]))
        }
        return out
    }
}
