import Foundation
import RenjaModel

/// A figure the chapters state — a count of programs, kegiatan or sub kegiatan, or a rupiah
/// amount — with what its sentence says it is and everything in the tables it equals. Read once
/// per document; the narrative check and the Perubahan page's "disebut dalam narasi" both read it.
public struct NarrativeFigure: Sendable {
    public enum Value: Sendable, Equatable {
        case count(Level, Int)
        case amount(Rupiah)
    }

    /// What the sentence claims the figure is. Only a `total` can be wrong against the tables: a
    /// subset, a quarter's figure, another budget stage's or another year's is not a table total.
    public enum Claim: Sendable, Equatable {
        /// The document's total or count.
        case total
        /// Part of the whole ("… lainnya", "di antaranya", "yang belum terealisasi").
        case subset(String)
        /// A quarter's, semester's or month's figure ("pada triwulan II").
        case period(String)
        /// A figure of another budget stage or plan (RKPD murni, KUA-PPAS, Renstra, prakiraan maju).
        case otherStage(String)
        /// A figure of another year.
        case otherYear(String)
        /// The sentence names a row of the tables: a figure of that row, not of the document.
        case row(String)
        /// Nothing in the sentence says it is a total (e.g. a unit price).
        case unclear
    }

    /// Something in the tables the figure equals.
    public struct Match: Sendable, Equatable {
        public var description: String
        public var table: TableKind?
        /// A table total (Σ programs or Σ sub kegiatan, a count of rows or of codes), not one row's figure.
        public var isTotal: Bool
        /// The row, for a row's figure.
        public var anchor: String?
        /// For a total: which total, so pages can look a figure up (`pagu`, `realisasi`, …).
        public var total: TotalKind?
        /// For a count of a row's children: the row's normalised name, which the sentence must name.
        var rowName: String?
    }

    public enum TotalKind: Sendable, Equatable {
        case programSum(AmountKind), subKegiatanSum(AmountKind), rows(Level), distinctCodes(Level)
    }

    public var value: Value
    /// As written, e.g. `Rp. 13.036.773.000,-` or `53 subkegiatan`.
    public var written: String
    public var location: SourceLocation
    public var chapterSlug: String
    public var claim: Claim
    /// Totals first, then rows, in table order.
    public var matches: [Match]
    /// The sentence speaks of the revision ("Perubahan", "APBD-P").
    public var sentenceMentionsRevision: Bool

    public var totalMatches: [Match] { matches.filter(\.isTotal) }
}

/// Finds and reads the figures of every chapter.
enum NarrativeReader {
    static let countPattern = #/(?i)(\d{1,4})\s*(?:\(([^()]*)\)\s*)?(sub\s*-?\s*kegiatan|program|kegiatan)/#
    static let rupiahPattern = #/(?i)\bRp\.?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,-|,00)?/#

    /// What the figures of every chapter are looked up in; nil when the document has no table.
    static func candidates(_ document: Document, evaluation: TableFacts?, plan: TableFacts?) -> Candidates? {
        let tables = [(document.evaluation, evaluation), (document.plan, plan)].compactMap { t, f in t.flatMap { t in f.map { (t, $0) } } }
        return tables.isEmpty ? nil : Candidates(tables: tables)
    }

    /// The figures one chapter states: they depend on the chapter and the tables only.
    static func read(_ chapter: Chapter, document: Document, candidates: Candidates) -> [NarrativeFigure] {
        var out: [NarrativeFigure] = []
        for block in ChapterText.blocks(of: chapter) {
            let lower = Text.asciiLowercased(block.text)
            if Text.containsLiteral(lower, "program") || Text.containsLiteral(lower, "kegiatan") {
                for m in block.text.matches(of: countPattern) where !ChapterText.continuesNumber(block.text, before: m.range.lowerBound) {
                    guard let n = Int(m.output.1) else { continue }
                    let word = m.output.3.lowercased()
                    let level: Level = word.hasPrefix("sub") ? .subKegiatan : word == "program" ? .program : .kegiatan
                    let written = String(block.text[m.range]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    let context = Context(block.text, m.range, document: document)
                    let matches = candidates.counts(level, n, sentence: context.sentence)
                    out.append(NarrativeFigure(value: .count(level, n), written: written, location: block.location(of: m.range.lowerBound, chapter),
                                               chapterSlug: chapter.slug, claim: context.countClaim(rowNamed: matches.first { !$0.isTotal }?.description),
                                               matches: matches, sentenceMentionsRevision: context.mentionsRevision))
                }
            }
            if Text.containsLiteral(lower, "rp") {
                for m in block.text.matches(of: rupiahPattern) {
                    guard let value = AmountText(raw: String(m.output.1)).value else { continue }
                    let context = Context(block.text, m.range, document: document)
                    let matches = candidates.amounts(value)
                    out.append(NarrativeFigure(value: .amount(value), written: String(block.text[m.range]),
                                               location: block.location(of: m.range.lowerBound, chapter), chapterSlug: chapter.slug,
                                               claim: context.amountClaim(rowNames: candidates.rowNames),
                                               matches: matches, sentenceMentionsRevision: context.mentionsRevision))
                }
            }
        }
        return out
    }

    /// Everything in the tables a narrative figure can be: totals and counts of each table, and
    /// every row's amounts and children counts.
    struct Candidates: Sendable {
        var amountsByValue: [Rupiah: [NarrativeFigure.Match]] = [:]
        var countMatches: [Level: [Int: [NarrativeFigure.Match]]] = [:]
        /// Normalised names of every row, with how a message names it (longest first).
        var rowNames: [(name: String, reference: String)] = []

        init(tables: [(Table, TableFacts)]) {
            for (table, facts) in tables {
                let long = TableKind.longName(table.kind)
                for kind in facts.amountKinds {
                    if let v = facts.programTotal[kind]?.value {
                        amountsByValue[v, default: []].append(.init(description: "total \(kind.key) \(long)", table: table.kind, isTotal: true,
                                                                    total: .programSum(kind)))
                    }
                    if let v = facts.subKegiatanTotal[kind]?.value, v != facts.programTotal[kind]?.value {
                        amountsByValue[v, default: []].append(.init(description: "jumlah \(kind.key) seluruh sub kegiatan \(long)", table: table.kind,
                                                                    isTotal: true, total: .subKegiatanSum(kind)))
                    }
                }
                for level in Level.allCases {
                    let rows = facts.rows(level), distinct = facts.distinctKeys(level)
                    countMatches[level, default: [:]][rows, default: []].append(
                        .init(description: "\(table.shortName) (\(rows) baris \(level.word))", table: table.kind, isTotal: true, total: .rows(level)))
                    if distinct != rows {
                        countMatches[level, default: [:]][distinct, default: []].append(
                            .init(description: "banyaknya kode \(level.word) berbeda di \(table.shortName) (\(distinct) kode dalam \(rows) baris; ada kode yang dipakai lebih dari satu baris)",
                                  table: table.kind, isTotal: true, total: .distinctCodes(level)))
                    }
                }
                for item in table.allItems {
                    for kind in facts.amountKinds {
                        guard let v = item.amount(kind)?.value.value else { continue }
                        amountsByValue[v, default: []].append(.init(description: "\(kind.key) \(item.shortReference) di \(table.shortName)",
                                                                    table: table.kind, isTotal: false, anchor: item.anchor))
                    }
                    if let childLevel = item.level.child, !item.children.isEmpty {
                        countMatches[childLevel, default: [:]][item.children.count, default: []].append(
                            .init(description: "\(childLevel.word) di bawah \(item.reference) di \(table.shortName)", table: table.kind,
                                  isTotal: false, anchor: item.anchor, rowName: Text.normalizedName(item.name.value)))
                        if childLevel == .kegiatan {
                            let subs = item.children.reduce(0) { $0 + $1.children.count }
                            countMatches[.subKegiatan, default: [:]][subs, default: []].append(
                                .init(description: "sub kegiatan di bawah \(item.reference) di \(table.shortName)", table: table.kind,
                                      isTotal: false, anchor: item.anchor, rowName: Text.normalizedName(item.name.value)))
                        }
                    }
                    let name = Text.normalizedName(item.name.value)
                    if name.split(separator: " ").count >= 2 { rowNames.append((name, item.reference)) }
                }
            }
            rowNames.sort { $0.name.count > $1.name.count }
        }

        func amounts(_ v: Rupiah) -> [NarrativeFigure.Match] {
            let all = amountsByValue[v] ?? []
            return all.filter(\.isTotal) + all.filter { !$0.isTotal }
        }

        /// Counts of a whole table always; a row's children count only when the sentence names the row.
        func counts(_ level: Level, _ n: Int, sentence: String) -> [NarrativeFigure.Match] {
            let all = countMatches[level]?[n] ?? []
            let normalized = " " + Text.normalizedName(sentence) + " "
            let rows = all.filter { m in !m.isTotal && (m.rowName.map { normalized.contains(" \($0) ") } ?? false) }
            return all.filter(\.isTotal) + rows
        }
    }

    /// The words around a figure, for reading what its sentence claims.
    struct Context {
        /// The sentence holding the figure (across the block's line breaks).
        var sentence: String
        /// Normalised words of the clause before the figure, and after it.
        var before: [String]
        var after: [String]
        /// Normalised words of the whole sentence.
        var words: [String]
        var documentYear: Int
        var isRevision: Bool

        init(_ text: String, _ range: Range<String.Index>, document: Document) {
            let sentenceStart = ChapterText.sentenceStart(text, before: range.lowerBound)
            let sentenceEnd = ChapterText.sentenceEnd(text, after: range.upperBound)
            sentence = String(text[sentenceStart..<sentenceEnd])
            let head = String(text[sentenceStart..<range.lowerBound])
            let tail = String(text[range.upperBound..<sentenceEnd])
            // The clause: back to the last comma/semicolon/colon, forward to the next one.
            let clauseHead = head.split(omittingEmptySubsequences: false, whereSeparator: { ",;:".contains($0) }).last.map(String.init) ?? head
            let clauseTail = tail.split(omittingEmptySubsequences: false, whereSeparator: { ",;:".contains($0) }).first.map(String.init) ?? tail
            before = Text.normalizedName(clauseHead).split(separator: " ").map(String.init)
            after = Text.normalizedName(clauseTail).split(separator: " ").map(String.init)
            words = Text.normalizedName(sentence).split(separator: " ").map(String.init)
            documentYear = document.year.value
            isRevision = DocumentProfile(document).isRevision
        }

        var mentionsRevision: Bool { words.contains("perubahan") || words.contains("apbdp") || contains(words, ["apbd", "p"]) }

        func contains(_ words: [String], _ phrase: [String]) -> Bool {
            guard phrase.count <= words.count, !phrase.isEmpty else { return false }
            return (0...(words.count - phrase.count)).contains { Array(words[$0..<($0 + phrase.count)]) == phrase }
        }

        func containsAny(_ words: [String], _ phrases: [String]) -> String? {
            phrases.first { contains(words, $0.split(separator: " ").map(String.init)) }
        }

        /// A word that starts with one of `stems` ("anggarannya", "pagunya").
        func startsAny(_ words: [String], _ stems: [String]) -> String? {
            stems.first { stem in words.contains { $0.hasPrefix(stem) } }
        }

        static let totalWords = ["memuat", "terdiri", "berjumlah", "total", "seluruh", "seluruhnya", "keseluruhan", "jumlah", "sebanyak",
                                 "mencakup", "meliputi", "terdapat", "ada"]
        static let subsetBefore = ["di antaranya", "diantaranya", "antara lain", "sebagian", "hanya", "beberapa", "masih", "belum",
                                   "tidak", "termasuk", "salah satu", "lainnya"]
        static let subsetMarkers = ["lainnya", "di antaranya", "diantaranya", "saja"]
        static let subsetAfter = ["yang", "prioritas", "unggulan", "strategis", "baru", "tersebut", "tambahan"]
        static let periodWords = ["triwulan", "tw", "semester", "bulan", "januari", "februari", "maret", "april", "mei", "juni", "juli",
                                  "agustus", "september", "oktober", "november", "desember"]
        static let amountTotalWords = ["anggaran", "pagu", "total", "jumlah", "seluruh", "seluruhnya", "keseluruhan", "belanja", "dana",
                                       "alokasi", "realisasi", "apbd", "apbdp"]
        static let otherYearWords = ["tahun lalu", "tahun sebelumnya", "tahun berikutnya", "tahun mendatang", "n 1", "prakiraan maju"]

        var stageWords: [String] {
            var out = ["rkpd", "murni", "kua", "ppas", "pagu indikatif", "renstra", "rpjmd", "prakiraan maju", "rancangan awal"]
            // In a revision, "APBD" (without -P) is the stage before it; "APBD-P" is the document's own.
            if isRevision && !mentionsRevision { out.append("apbd") }
            return out
        }

        var otherYear: String? {
            if let w = containsAny(before + after, Context.otherYearWords) { return w }
            // A year in the figure's clause that is not the document's.
            return (before + after).first { $0.count == 4 && Int($0).map { (1990...2100).contains($0) && $0 != documentYear } ?? false }
        }

        var period: String? {
            if let i = (before + after).firstIndex(where: { Context.periodWords.contains($0) }) {
                let all = before + after
                return ([all[i]] + all.dropFirst(i + 1).prefix(1)).joined(separator: " ")
            }
            return nil
        }

        func countClaim(rowNamed: String?) -> NarrativeFigure.Claim {
            if let y = otherYear { return .otherYear(y) }
            if let p = period { return .period(p) }
            let recent = Array(before.suffix(4))
            let next = Array(after.prefix(2))
            // "… lainnya", "… di antaranya" mark a part whatever comes before; a qualifier such as
            // "yang …" or "prioritas" does unless the clause says it counts the whole ("memuat").
            if let w = containsAny(next, Context.subsetMarkers) { return .subset(w) }
            if let w = containsAny(next, Context.subsetAfter), containsAny(recent, Context.totalWords) == nil { return .subset(w) }
            if let w = containsAny(recent, Context.subsetBefore), containsAny(recent, Context.totalWords) == nil { return .subset(w) }
            if let rowNamed { return .row(rowNamed) }
            return .total
        }

        func amountClaim(rowNames: [(name: String, reference: String)]) -> NarrativeFigure.Claim {
            if let y = otherYear { return .otherYear(y) }
            if let p = period { return .period(p) }
            if let s = containsAny(words, stageWords) { return .otherStage(s) }
            if let w = containsAny(Array(before.suffix(4)), Context.subsetBefore) { return .subset(w) }
            let sentenceWords = " " + words.joined(separator: " ") + " "
            if let row = rowNames.first(where: { sentenceWords.contains(" \($0.name) ") }) { return .row(row.reference) }
            if startsAny(before + after, Context.amountTotalWords) != nil { return .total }
            return .unclear
        }
    }
}
