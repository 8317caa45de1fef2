import RenjaModel
import RenjaFacts

/// `narasi-tahun`: years in the chapters that contradict the document's own year (`tahun` in
/// dokumen.yaml):
/// - a multi-year plan (RPJMD, Renstra, RPJMN, RTRW …) cited with a period that does not include the
///   year — an error when the document elsewhere gives that plan (or, for a Renstra, the RPJMD it
///   follows) a period that does, a warning when there is nothing to compare with;
/// - a one-year plan or budget (the Renja itself, the RKPD, the APBD) followed by another year — an
///   error when the sentence names this very document ("Renja Perubahan … Tahun 2022 ini"), a
///   warning otherwise (a Renja may cite last year's evaluation).
enum NarrativeYearChecks {
    /// One chapter's own-year findings and the plan periods it cites; `periodFindings` compares
    /// the periods of every chapter.
    static func run(_ chapter: Chapter, _ ctx: DocumentContext) -> (findings: [Diagnostic], periods: [PlanPeriod]) {
        var out: [Diagnostic] = []
        var periods: [PlanPeriod] = []
        for line in ChapterText.lines(of: chapter) where !line.inCodeBlock {
            out += ownYear(line, chapter, ctx)
            periods += planPeriods(line, chapter)
        }
        return (out, periods)
    }

    /// Plans with a multi-year period. Domain vocabulary: the long names map to their acronyms.
    static let planNames: [(String, String)] = [
        ("rencana pembangunan jangka menengah nasional", "RPJMN"), ("rencana pembangunan jangka menengah daerah", "RPJMD"),
        ("rencana pembangunan jangka menengah", "RPJMD"), ("rencana pembangunan jangka panjang", "RPJPD"),
        ("rencana strategis", "Renstra"), ("rencana tata ruang wilayah", "RTRW"),
        ("rpjmn", "RPJMN"), ("rpjmd", "RPJMD"), ("rpjpd", "RPJPD"), ("rpjpn", "RPJPN"), ("renstra", "Renstra"), ("rtrw", "RTRW"),
    ]

    /// Plans whose periods must agree: a Renstra of a perangkat daerah runs with the RPJMD.
    static func periodFamily(_ plan: String) -> String { plan == "Renstra" ? "RPJMD" : plan }

    struct PlanPeriod: Sendable {
        var plan: String
        var from: Int
        var to: Int
        var text: String
        var location: SourceLocation
    }

    /// (plan, range) of every plan name in a line, in order. Searched byte by byte in an ASCII
    /// lower-cased copy (the names are ASCII), so offsets carry over to the line itself.
    static func planMentions(_ s: String) -> [(String, Range<String.Index>)] {
        let lower = Text.asciiLowercased(s)
        var out: [(String, Range<String.Index>)] = []
        var taken: [Range<Int>] = []
        for (name, plan) in planNames {
            var from = 0
            while let start = Text.firstLiteral(name, in: lower, from: from) {
                let end = start + name.utf8.count
                from = end
                let r = s.utf8.index(s.startIndex, offsetBy: start)..<s.utf8.index(s.startIndex, offsetBy: end)
                let before = r.lowerBound > s.startIndex ? s[s.index(before: r.lowerBound)] : " "
                let after = r.upperBound < s.endIndex ? s[r.upperBound] : " "
                guard !before.isLetter, !after.isLetter, !taken.contains(where: { $0.overlaps(start..<end) }) else { continue }
                taken.append(start..<end)
                out.append((plan, r))
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
                  !ChapterText.continuesNumber(s, before: m.range.lowerBound) else { continue }
            // The nearest plan named before this period, with no other period in between, within 150 characters.
            guard let mention = mentions.last(where: { $0.1.upperBound <= m.range.lowerBound }),
                  s.distance(from: mention.1.upperBound, to: m.range.lowerBound) <= 150,
                  previousRangeEnd.map({ $0 <= mention.1.lowerBound }) ?? true else { continue }
            out.append(PlanPeriod(plan: mention.0, from: a, to: b, text: String(s[mention.1.lowerBound..<m.range.upperBound]),
                                  location: ChapterText.location(chapter, line, m.range.lowerBound)))
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

    /// Lower-case words one of which a line must contain for `ownMentionPattern` to match: a cheap
    /// test that spares most lines the regular expression (the slowest check on large sites).
    static let ownMentionWords = ["renja", "rencana kerja", "rkpd", "apbd", "anggaran pendapatan dan belanja daerah", "tahun anggaran"]

    /// False when `yearPattern` cannot match: no 19xx or 20xx digits anywhere in the line.
    static func mayHoldYear(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count >= 4 else { return false }
        let digit = { (c: UInt8) in c >= 0x30 && c <= 0x39 }
        for i in 0...(b.count - 4) where (b[i] == 0x31 && b[i + 1] == 0x39) || (b[i] == 0x32 && b[i + 1] == 0x30) {
            if digit(b[i + 2]) && digit(b[i + 3]) { return true }
        }
        return false
    }

    static func ownYear(_ line: ChapterLine, _ chapter: Chapter, _ ctx: DocumentContext) -> [Diagnostic] {
        let s = line.scannable
        let lower = Text.asciiLowercased(s)
        guard ownMentionWords.contains(where: { Text.containsLiteral(lower, $0) }), mayHoldYear(s) else { return [] }
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
            if ChapterText.sentencePrefix(s, upTo: y.range.lowerBound).count < s.distance(from: m.range.lowerBound, to: y.range.lowerBound) { continue }
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
                                   at: ChapterText.location(chapter, line, y.range.lowerBound),
                                   figures: [.init("tertulis", String(value)), .init("tahun dokumen", String(year))],
                                   notes: selfReference
                                       ? ["kalimat ini merujuk dokumen ini sendiri; kemungkinan tersalin dari dokumen tahun lain", "tahun dokumen diambil dari `tahun` di \(ctx.document.metadataFile)"]
                                       : ["bila yang dimaksud memang dokumen tahun lain (mis. evaluasi tahun lalu), abaikan pesan ini"]))
        }
        return out
    }
}
