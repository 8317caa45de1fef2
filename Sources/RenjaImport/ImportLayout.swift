import Foundation
import RenjaModel
import RenjaLoad

/// What an imported layout becomes: one of the table files `renja build` reads.
public enum ImportTarget: Sendable, Equatable {
    /// Tabel 1 (`evaluasi.yaml`) or Tabel 2 (`rencana.yaml`) of the first document's shape.
    case table(TableKind)
    /// The standard evaluation table of Permendagri 86/2017 (`evaluasi-standar.yaml`).
    case standardEvaluation(StandardVariant)
    /// The standard rencana table of Permendagri 86/2017 with prakiraan maju (`rencana-standar.yaml`).
    case standardPlan
}

/// One column of a layout as the regulation or the document numbers it. A `pair` is a K | Rp
/// column: two cells in every data row, one number over both in the numbered row (a merged cell,
/// copied as the number and an empty cell, or split, copied as the number twice).
public struct LayoutColumn: Sendable, Equatable {
    public var number: Int
    public var title: String
    public var pair: Bool

    public init(_ number: Int, _ title: String, pair: Bool = false) {
        self.number = number; self.title = title; self.pair = pair
    }
}

/// One table layout `renja import` knows: how it is recognised in a pasted or exported text and
/// which file it becomes. A new layout is one more entry in `ImportLayout.all` (and, when its
/// file is a new kind, an importer for it in `LayoutImporter.plan`).
public struct ImportLayout: Sendable, Equatable {
    /// Stable id, also the report's word for it (`evaluasi`, `evaluasi-standar-kode`).
    public var id: String
    /// The `--tabel` value that selects it (several layouts can share one: the variant is then
    /// recognised from the text).
    public var option: String
    /// How staff call it, in diagnostics: "Tabel 1 (evaluasi)".
    public var name: String
    public var target: ImportTarget
    /// The file under the document's `tabel/` folder.
    public var fileName: String
    /// The columns from the left, in the order of the numbered row.
    public var columns: [LayoutColumn]
    /// How many numbers a numbered row may stop at (trailing text columns are often unnumbered).
    public var numberedCounts: ClosedRange<Int>
    /// The caption line "Tabel N. …" that names this layout, if any.
    public var captionNumber: Int?
    /// Words of a title line that name the layout (lower case, all must occur).
    public var titleWords: [[String]]
    /// Header words that only this layout's family has (lower case, whole cells or words).
    public var headerWords: [String]
    /// Header words whose presence rules this layout out (the Kode column for the variant without it).
    public var excludingHeaderWords: [String]

    /// Cells in a data row.
    public var width: Int { columns.reduce(0) { $0 + ($1.pair ? 2 : 1) } }

    /// The columns in diagnostics: "1 No, 2 Sasaran, …, 6 Target Renstra (K | Rp), …".
    var columnWords: String {
        columns.map { "\($0.number) \($0.title)\($0.pair ? " (K | Rp)" : "")" }.joined(separator: ", ")
    }

    /// The cell index (0-based) where each numbered column starts.
    public func cellIndex(of number: Int) -> Int? {
        var i = 0
        for c in columns {
            if c.number == number { return i }
            i += c.pair ? 2 : 1
        }
        return nil
    }

    /// "1–15, kolom 6–15 masing-masing K | Rp" for evidence and expectations.
    public var numberedRowWords: String {
        let pairs = columns.filter(\.pair).map(\.number)
        let range = "\(numberedCounts.lowerBound == numberedCounts.upperBound ? "1–\(numberedCounts.lowerBound)" : "1–\(numberedCounts.lowerBound) (atau sampai \(numberedCounts.upperBound))")"
        if let first = pairs.first, let last = pairs.last {
            return "\(range), kolom \(first)–\(last) masing-masing dua sel K | Rp"
        }
        return "\(range), satu sel per nomor"
    }
}

extension ImportLayout {
    public static let evaluasi = ImportLayout(
        id: "evaluasi", option: "evaluasi", name: "Tabel 1 (evaluasi)", target: .table(.evaluasi), fileName: "evaluasi.yaml",
        columns: [.init(1, "no"), .init(2, "program/kegiatan/sub kegiatan"), .init(3, "indikator kinerja"), .init(4, "target"),
                  .init(5, "capaian"), .init(6, "persentase"), .init(7, "pagu"), .init(8, "realisasi"), .init(9, "persentase realisasi")],
        numberedCounts: 9...9, captionNumber: 1, titleWords: [],
        headerWords: ["capaian", "persentase"], excludingHeaderWords: ["triwulan", "sasaran"])

    public static let rencana = ImportLayout(
        id: "rencana", option: "rencana", name: "Tabel 2 (rencana)", target: .table(.rencana), fileName: "rencana.yaml",
        columns: [.init(1, "kode"), .init(2, "program/kegiatan/sub kegiatan"), .init(3, "indikator kinerja"), .init(4, "target"),
                  .init(5, "pagu")],
        numberedCounts: 5...5, captionNumber: 2, titleWords: [],
        headerWords: ["kode", "pagu anggaran"], excludingHeaderWords: ["triwulan", "sasaran", "capaian"])

    /// The standard table's figure columns after Indikator: 6 target Renstra … 15 tingkat capaian
    /// (with Kode), each K | Rp.
    private static func standardColumns(kode: Bool) -> [LayoutColumn] {
        var cols: [LayoutColumn] = [.init(1, "no"), .init(2, "sasaran")]
        if kode { cols.append(.init(3, "kode")) }
        let o = kode ? 0 : -1
        cols += [.init(4 + o, "program/kegiatan/sub kegiatan"), .init(5 + o, "indikator kinerja"),
                 .init(6 + o, "target Renstra", pair: true), .init(7 + o, "realisasi s/d tahun lalu", pair: true),
                 .init(8 + o, "target Renja", pair: true), .init(9 + o, "triwulan I", pair: true), .init(10 + o, "triwulan II", pair: true),
                 .init(11 + o, "triwulan III", pair: true), .init(12 + o, "triwulan IV", pair: true),
                 .init(13 + o, "realisasi Renja", pair: true), .init(14 + o, "realisasi Renstra", pair: true),
                 .init(15 + o, "tingkat capaian", pair: true), .init(16 + o, "unit penanggung jawab"), .init(17 + o, "keterangan")]
        return cols
    }

    public static let evaluasiStandarKode = ImportLayout(
        id: "evaluasi-standar-kode", option: "evaluasi-standar", name: "tabel evaluasi standar dengan kolom Kode",
        target: .standardEvaluation(.denganKode), fileName: StandardTableLoader.fileName,
        columns: standardColumns(kode: true), numberedCounts: 15...17, captionNumber: nil,
        titleWords: [["evaluasi", "hasil", "renja"]], headerWords: ["triwulan", "sasaran", "k", "rp", "kode"], excludingHeaderWords: [])

    public static let evaluasiStandarTanpaKode = ImportLayout(
        id: "evaluasi-standar-tanpa-kode", option: "evaluasi-standar", name: "tabel evaluasi standar tanpa kolom Kode",
        target: .standardEvaluation(.tanpaKode), fileName: StandardTableLoader.fileName,
        columns: standardColumns(kode: false), numberedCounts: 14...16, captionNumber: nil,
        titleWords: [["evaluasi", "hasil", "renja"]], headerWords: ["triwulan", "sasaran", "k", "rp"], excludingHeaderWords: ["kode"])

    /// The standard rencana table: the regulation's columns 1–10 (`StandardPlanColumn`), then
    /// kelompok sasaran, which SIPD data carry but the regulation does not number (the column may
    /// be left out). A numbered row 1–11 is another form (a No column before Kode, say): it fits
    /// no layout rather than being read one column off.
    public static let rencanaStandar = ImportLayout(
        id: "rencana-standar", option: "rencana-standar", name: "tabel rencana standar (rumusan rencana program dan kegiatan dengan prakiraan maju)",
        target: .standardPlan, fileName: StandardPlanLoader.fileName,
        columns: [.init(1, "kode"), .init(2, "urusan/bidang urusan/program/kegiatan/sub kegiatan"), .init(3, "indikator kinerja"),
                  .init(4, "lokasi"), .init(5, "target capaian kinerja"), .init(6, "pagu indikatif"), .init(7, "sumber dana"),
                  .init(8, "catatan penting"), .init(9, "target tahun N+1"), .init(10, "pagu indikatif tahun N+1"),
                  .init(11, "kelompok sasaran")],
        numberedCounts: 10...10, captionNumber: nil,
        titleWords: [["rumusan", "rencana", "prakiraan", "maju"]], headerWords: ["lokasi", "sumber", "prakiraan", "indikatif", "catatan"],
        excludingHeaderWords: ["triwulan", "realisasi"])

    /// Every layout `renja import` recognises, in the order ties are reported.
    public static let all: [ImportLayout] = [evaluasi, rencana, evaluasiStandarKode, evaluasiStandarTanpaKode, rencanaStandar]

    /// The `--tabel` values, for help and diagnostics.
    public static var options: [String] {
        var seen: [String] = []
        for l in all where !seen.contains(l.option) { seen.append(l.option) }
        return seen
    }
}

// MARK: Recognition

/// Why a layout was chosen, in words for the report ("karena …").
public struct LayoutRecognition: Sendable {
    public var layout: ImportLayout
    /// "dikenali sebagai … karena …" or "dipilih dengan --tabel …".
    public var evidence: String
    public var delimiter: Character
    /// The numbered row, when the text has one.
    public var numberedRowLine: Int?
}

/// The row that numbers the columns (`1 2 3 …` or `(1) (2) …`), read into its numbers and how
/// many cells each spans (a merged cell is copied as the number and then empty cells; a split one
/// as the number repeated).
struct NumberedRow: Equatable {
    var line: Int
    var column: Int
    /// Each number with the cells it spans.
    var spans: [(number: Int, cells: Int)]
    /// Cell text as seen, for diagnostics.
    var seen: String

    static func == (a: NumberedRow, b: NumberedRow) -> Bool {
        a.line == b.line && a.spans.map(\.number) == b.spans.map(\.number) && a.spans.map(\.cells) == b.spans.map(\.cells)
    }

    static func read(_ record: InputRecord) -> NumberedRow? {
        let texts = record.cells.map { TableTextParser.clean($0.text).trimmingCharacters(in: CharacterSet(charactersIn: "()")) }
        guard let firstIndex = texts.firstIndex(where: { !$0.isEmpty }), texts[firstIndex] == "1" else { return nil }
        var spans: [(Int, Int)] = []
        for t in texts[firstIndex...] {
            if t.isEmpty {
                if !spans.isEmpty { spans[spans.count - 1].1 += 1 }
                continue
            }
            guard let n = Int(t) else { return nil }
            if let last = spans.last, last.0 == n { spans[spans.count - 1].1 += 1; continue }   // split: the number again
            guard n == (spans.last?.0 ?? 0) + 1 else { return nil }
            spans.append((n, 1))
        }
        guard spans.count >= 3 else { return nil }
        // Trailing empty cells (a trailing delimiter, or a last merged cell) are not counted on the last number.
        let seen = spans.map { $0.1 > 1 ? "\($0.0) (\($0.1) sel)" : "\($0.0)" }.joined(separator: " · ")
        let c = record.cells[firstIndex]
        return NumberedRow(line: c.line, column: c.column, spans: spans.map { (number: $0.0, cells: $0.1) }, seen: seen)
    }

    /// The layout's numbered columns match this row: same numbers, and every number but the last
    /// spans its column's cells (the last may lose its empty cells at the end of the line).
    func matches(_ layout: ImportLayout) -> Bool {
        guard layout.numberedCounts.contains(spans.count) else { return false }
        for (i, s) in spans.enumerated() {
            guard i < layout.columns.count, layout.columns[i].number == s.number else { return false }
            // The last number may lose its empty cells at the end of the line, or run on over
            // unnumbered trailing columns; every other one spans exactly its column's cells.
            if i < spans.count - 1, s.cells != (layout.columns[i].pair ? 2 : 1) { return false }
        }
        return true
    }

    /// "1–15; 6–15 dua sel" — the shape, for a diagnostic's "ditemukan".
    var shapeWords: String {
        let pairs = spans.dropLast().filter { $0.cells == 2 }.map(\.number)
        var s = "nomor 1–\(spans.count)"
        if let f = pairs.first, let l = pairs.last {
            s += pairs.count == l - f + 1 ? ", kolom \(f)–\(l) masing-masing dua sel" : ", kolom \(pairs.map(String.init).joined(separator: ", ")) dua sel"
        } else {
            s += ", satu sel per nomor"
        }
        return s + " (\(seen))"
    }
}

enum LayoutRecognizer {
    struct Scored {
        var layout: ImportLayout
        var score: Int
        var reasons: [String]
    }

    /// Recognises the layout of `text`. `option` is the `--tabel` value, if given. Errors
    /// (unknown or ambiguous layout, `--tabel` contradicting the text) go to `sink`; nil then.
    static func recognise(_ text: String, option: String?, path: String, sink: DiagnosticSink) -> LayoutRecognition? {
        let candidates = option.map { o in ImportLayout.all.filter { $0.option == o } } ?? ImportLayout.all
        // The numbered row, under the delimiter that gives one.
        var numbered: (NumberedRow, Character)?
        for d: Character in ["\t", ";", ","] where text.contains(d) {
            if let row = DelimitedText.parse(text, delimiter: d).prefix(40).lazy.compactMap(NumberedRow.read).first {
                numbered = (row, d); break
            }
        }
        func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: path, line: line, column: column) }

        if let (row, delimiter) = numbered {
            let matching = ImportLayout.all.filter { row.matches($0) }
            let wanted = matching.filter { l in candidates.contains(l) }
            if let layout = wanted.first, wanted.count == 1 {
                let how = option == nil ? "dikenali sebagai \(layout.name) karena" : "\(layout.name), dipilih dengan --tabel \(layout.option) dan cocok dengan"
                return LayoutRecognition(layout: layout, evidence: "\(how) baris nomor kolom di baris \(row.line): \(row.shapeWords)",
                                         delimiter: delimiter, numberedRowLine: row.line)
            }
            if wanted.count > 1 {
                sink.error("impor-tata-letak", "baris nomor kolom cocok dengan lebih dari satu tata letak: \(wanted.map(\.name).joined(separator: " dan "))",
                           at: at(row.line, row.column),
                           figures: [.init("diharapkan", "baris nomor kolom satu tata letak"), .init("ditemukan", row.shapeWords)],
                           notes: ["pilih tata letaknya dengan --tabel \(ImportLayout.options.joined(separator: "|"))"])
                return nil
            }
            if let other = matching.first, option != nil {
                sink.error("impor-jenis-tabel", "--tabel \(option!) tidak cocok dengan tata letak teks: baris nomor kolomnya milik \(other.name)",
                           at: at(row.line, row.column),
                           figures: [.init("diharapkan", candidates.map { "\($0.name): baris nomor \($0.numberedRowWords)" }.joined(separator: "; ")),
                                     .init("ditemukan", row.shapeWords)],
                           notes: ["tanpa --tabel, teks ini diimpor sebagai \(other.name); pakai --tabel \(other.option) atau periksa berkasnya"])
                return nil
            }
            sink.error("impor-tata-letak", "baris nomor kolom tidak cocok dengan tata letak tabel yang dikenal", at: at(row.line, row.column),
                       figures: [.init("diharapkan", candidates.map { "\($0.name): \($0.numberedRowWords)" }.joined(separator: "; ")),
                                 .init("ditemukan", row.shapeWords)],
                       notes: ["baris nomor kolom menentukan tata letak: periksa apakah ada kolom yang terhapus atau tersisip saat menyalin",
                               "sel gabungan K | Rp disalin sebagai nomor lalu sel kosong; sel terpisah sebagai nomor dua kali"])
            return nil
        }

        // No numbered row: caption, title words, header words and the width of the data rows.
        let scored = candidates.map { score($0, text: text) }
        let best = scored.map(\.score).max() ?? 0
        let top = scored.filter { $0.score == best && $0.score > 0 }
        if top.count == 1, let s = top.first {
            let how = option == nil ? "dikenali sebagai \(s.layout.name) karena " : "\(s.layout.name), dipilih dengan --tabel \(s.layout.option); "
            let delimiter = DelimitedText.detectDelimiter(text, expectedColumns: s.layout.width)
            return LayoutRecognition(layout: s.layout, evidence: how + s.reasons.joined(separator: ", ") + " (tanpa baris nomor kolom)",
                                     delimiter: delimiter, numberedRowLine: nil)
        }
        if option != nil, let other = ImportLayout.all.filter({ !candidates.contains($0) }).map({ score($0, text: text) })
            .filter({ $0.score >= titleScore }).max(by: { $0.score < $1.score }) {
            // The caption or title names a layout --tabel did not ask for.
            sink.error("impor-jenis-tabel", "--tabel \(option!) tidak cocok dengan tata letak teks: \(other.reasons.first ?? "judulnya") milik \(other.layout.name)",
                       at: at(1, 1),
                       figures: [.init("diharapkan", candidates.map(\.name).joined(separator: " atau ")),
                                 .init("ditemukan", other.layout.name + ": " + other.reasons.joined(separator: ", "))],
                       notes: ["tanpa --tabel, teks ini diimpor sebagai \(other.layout.name); pakai --tabel \(other.layout.option) atau periksa berkasnya"])
            return nil
        }
        if option != nil, candidates.count == 1, let only = candidates.first {
            // Asked for one layout: its own parser reports what does not fit.
            return LayoutRecognition(layout: only, evidence: "\(only.name), dipilih dengan --tabel \(only.option) (teksnya sendiri tidak menunjukkan tata letak)",
                                     delimiter: DelimitedText.detectDelimiter(text, expectedColumns: only.width), numberedRowLine: nil)
        }
        let widths = dataWidths(text)
        let found = widths.isEmpty ? "tidak ada baris berkolom" : "baris dengan " + widths.map { "\($0.width) kolom (\($0.rows) baris)" }.joined(separator: ", ")
        if top.count > 1 {
            sink.error("impor-tata-letak", "tata letak tabel tidak dapat ditentukan: teks cocok dengan \(top.map(\.layout.name).joined(separator: " dan "))",
                       at: at(1, 1),
                       figures: [.init("diharapkan", "baris nomor kolom (1, 2, 3, …) atau judul \"Tabel 1.\"/\"Tabel 2.\""),
                                 .init("ditemukan", top.map { "\($0.layout.name): \($0.reasons.joined(separator: ", "))" }.joined(separator: "; "))],
                       notes: ["pilih tata letaknya dengan --tabel \(ImportLayout.options.joined(separator: "|"))"])
        } else {
            sink.error("impor-tata-letak", "tata letak tabel tidak dikenali", at: at(1, 1),
                       figures: [.init("diharapkan", candidates.map { "\($0.name): \($0.width) kolom, baris nomor \($0.numberedRowWords)" }.joined(separator: "; ")),
                                 .init("ditemukan", found + "; tanpa baris nomor kolom")],
                       notes: ["salin tabel beserta baris kepala dan baris nomor kolomnya, atau pilih dengan --tabel \(ImportLayout.options.joined(separator: "|"))"])
        }
        return nil
    }

    /// What a caption or a title line alone scores: enough to name a layout against `--tabel`.
    static let titleScore = 50

    /// Evidence without a numbered row. A caption or title counts most, then rows of the layout's
    /// width, then header words.
    static func score(_ layout: ImportLayout, text: String) -> Scored {
        var s = Scored(layout: layout, score: 0, reasons: [])
        let delimiter = DelimitedText.detectDelimiter(text, expectedColumns: layout.width)
        let records = DelimitedText.parse(text, delimiter: delimiter).prefix(400)
        var words = Set<String>()
        var cellsSeen = Set<String>()
        for r in records {
            let cleaned = r.cells.map { TableTextParser.clean($0.text).lowercased() }
            let filled = cleaned.filter { !$0.isEmpty }
            if filled.count == 1, r.cells.count == 1 || cleaned.dropFirst().allSatisfy(\.isEmpty) {
                let t = filled[0]
                if let (n, _) = TableTextParser.caption([TableTextParser.Value(text: t, location: SourceLocation(file: "", line: 1, column: 1))]) {
                    if n == layout.captionNumber { s.score += 100; s.reasons.append("judulnya \"Tabel \(n).\"") } else { s.score -= 100 }
                }
                let titleWords = Set(t.split { !$0.isLetter }.map(String.init))
                for group in layout.titleWords where group.allSatisfy(titleWords.contains) {
                    s.score += titleScore; s.reasons.append("judulnya memuat \"\(group.joined(separator: " … "))\"")
                }
                continue
            }
            for c in filled {
                cellsSeen.insert(c)
                c.split { !$0.isLetter && !$0.isNumber }.forEach { words.insert(String($0)) }
            }
        }
        // Rows of exactly the layout's cells (a trailing delimiter aside), two or more filled.
        let exactWidth = records.filter { r in
            let n = (r.cells.lastIndex { !TableTextParser.clean($0.text).isEmpty } ?? -1) + 1
            return n > 1 && DelimitedText.fits(r, layout.width) && (r.cells.count == layout.width || r.cells.count == layout.width + 1)
        }.count
        if exactWidth > 0 {
            s.score += 10 + min(exactWidth, 20)
            s.reasons.append("\(exactWidth) baris memuat \(layout.width) kolom")
        }
        let hits = layout.headerWords.filter { words.contains($0) || cellsSeen.contains($0) }
        if !hits.isEmpty { s.score += 3 * hits.count; s.reasons.append("kepala kolom memuat \(hits.map { "\"\($0)\"" }.joined(separator: ", "))") }
        if layout.excludingHeaderWords.contains(where: { cellsSeen.contains($0) || words.contains($0) }) { s.score -= 30 }
        if s.score <= 3 { s.score = 0 }   // header words alone do not make a layout
        return s
    }

    /// The column counts of the rows with at least two filled cells, most frequent first.
    static func dataWidths(_ text: String) -> [(width: Int, rows: Int)] {
        let delimiter = DelimitedText.detectDelimiter(text, expectedColumns: 2)
        var counts: [Int: Int] = [:]
        for r in DelimitedText.parse(text, delimiter: delimiter) {
            let n = (r.cells.lastIndex { !TableTextParser.clean($0.text).isEmpty } ?? -1) + 1
            if n >= 2 { counts[r.cells.count, default: 0] += 1 }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3).map { ($0.key, $0.value) }
    }
}
