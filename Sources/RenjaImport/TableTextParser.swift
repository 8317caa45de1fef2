import Foundation
import RenjaModel

/// Reads one table pasted or exported as delimited text into the `Table` model.
///
/// The text has the source document's shape: Tabel 1 in 9 columns (no, name, indicator, target,
/// capaian, persen, pagu, realisasi, persen realisasi), Tabel 2 in 5 (kode, name, indicator,
/// target, pagu). A row with a number or code starts a program, kegiatan or sub kegiatan; a row
/// without one belongs to the row above it:
/// - with indicator figures it is one more indicator of that row (Program I has three);
/// - with text only it is the rest of a row that a page break split: the name and indicator
///   cells are joined to the row above with one space.
/// Repeated header rows, a caption line ("Tabel 1. …") and blank lines are dropped. Figures are
/// read column by column (`ImportNumbers`, `TableTextFigures.swift`): amounts are written the way
/// the loader reads them, other figures as written unless the loader would read another number
/// from them; ambiguous cells are errors. What does not parse is reported as a warning and kept
/// raw (`TableImporter.plan` then refuses what the loader would refuse).
struct TableTextParser {
    let kind: TableKind
    let path: String
    let sink: DiagnosticSink

    struct Result: ParsedDrafts {
        var table: Table
        /// The caption's title, when the text had a "Tabel N. …" line.
        var caption: String?
        var delimiter: Character
        /// Amounts are rewritten with thousands dots (`3841554000` → `3.841.554.000`); targets,
        /// achievements and percentages so the loader reads the number the import read
        /// (`1,500 orang` in a comma-thousands column → `1.500 orang`).
        var counts: ImportedRows
        var title: String? { caption }
    }

    static func columns(_ kind: TableKind) -> Int { kind == .evaluasi ? 9 : 5 }

    /// Column titles, for diagnostics.
    static func columnNames(_ kind: TableKind) -> String {
        kind == .evaluasi
            ? "no, program/kegiatan/sub kegiatan, indikator kinerja, target, capaian, persentase, pagu, realisasi, persentase realisasi"
            : "kode, program/kegiatan/sub kegiatan, indikator kinerja, target, pagu"
    }

    // MARK: Drafts, filled row by row

    struct Value {
        var text: String
        var location: SourceLocation
    }

    final class IndicatorDraft {
        var name: Value
        var target: Value
        var actual: Value?
        var stated: Value?
        init(name: Value, target: Value, actual: Value?, stated: Value?) {
            self.name = name; self.target = target; self.actual = actual; self.stated = stated
        }
    }

    final class RowDraft: NamedRowDraft {
        let level: Level
        let key: Value
        var name: Value
        var indicators: [IndicatorDraft] = []
        var pagu: Value
        var realisasi: Value?
        var absorption: Value?
        var children: [RowDraft] = []
        init(level: Level, key: Value, name: Value, pagu: Value) {
            self.level = level; self.key = key; self.name = name; self.pagu = pagu
        }
        var label: String { "\(level.word) \(key.text)" }
        var levelWord: String { level.word }
        var indicatorNames: [Value] { indicators.map(\.name) }
    }

    /// The cells of one record, cleaned, padded to the table's width.
    struct Cells {
        var values: [Value]
        var raw: InputRecord
        subscript(_ i: Int) -> Value { values[i] }
        func text(_ i: Int) -> String { values[i].text }
        func isEmpty(_ i: Int) -> Bool { values[i].text.isEmpty }
    }

    // MARK: Parsing

    func parse(_ text: String) -> Result? {
        let width = Self.columns(kind)
        let delimiter = DelimitedText.detectDelimiter(text, expectedColumns: width)
        let records = DelimitedText.parse(text, delimiter: delimiter)
        var programs: [RowDraft] = []
        var current: RowDraft?        // the row an unnumbered row belongs to
        var poisoned = false          // the row above could not be placed: skip its continuations
        var blockedBelow: Level?
        var caption: String?
        var headerRows = 0, continuationRows = 0
        var sawData = false
        let run = TextParseRun(path: path, sink: sink)

        for record in records {
            if run.stops(at: record) { break }
            let cleaned = run.cells(record)
            if cleaned.allSatisfy({ $0.text.isEmpty }) { continue }

            if let (number, title) = Self.caption(cleaned) {
                if number != kind.number {
                    run.fail("impor-jenis-tabel", "judul tabel menyebut Tabel \(number), padahal yang diimpor Tabel \(kind.number) (\(kind.rawValue))",
                         at: cleaned[0], expected: "Tabel \(kind.number)", found: "Tabel \(number)",
                         notes: ["pakai --tabel \(number == 1 ? "evaluasi" : "rencana") bila teks ini memang Tabel \(number)"])
                    break
                }
                if caption == nil, !sawData, let title, !title.isEmpty { caption = title } else { headerRows += 1 }
                continue
            }
            if Self.isHeader(cleaned) { headerRows += 1; continue }
            if cleaned.count == 1 {
                // A paragraph, a page number or a note copied along with the table.
                let t = cleaned[0].text
                run.fail("impor-bukan-baris", "baris ini bukan baris tabel: tidak ada pemisah kolom", at: cleaned[0],
                     expected: "\(width) kolom dipisah tab, ; atau ,", found: "teks \"\(t.count > 40 ? t.prefix(40) + "…" : t)\"",
                     notes: ["hapus teks di luar tabel (paragraf, nomor halaman, catatan) sebelum mengimpor"])
                poisoned = true
                continue
            }

            // Width: extra cells must be empty; a numbered row needs every column.
            if let (extra, count) = TextParseRun.extraCell(cleaned, width: width) {
                run.fail("impor-kolom", "baris memuat \(count) kolom; Tabel \(kind.number) (\(kind.rawValue)) memuat \(width) kolom",
                     at: extra, expected: "\(width) kolom: \(Self.columnNames(kind))", found: "\(count) kolom",
                     notes: widthNotes(count, sawData: sawData))
                if !sawData, Self.columns(kind == .evaluasi ? .rencana : .evaluasi) == count { break }
                poisoned = true
                continue
            }
            let cells = Cells(values: run.padded(cleaned, record, width: width), raw: record)

            if cells.isEmpty(0) {
                if poisoned { continue }
                guard let row = current else {
                    run.fail("impor-lanjutan", "baris tanpa nomor di awal tabel: tidak ada baris di atasnya untuk disambung",
                         at: firstFilled(cells), expected: kind == .evaluasi ? "baris pertama bernomor, mis. I" : "baris pertama berkode, mis. 1.06.01",
                         found: "baris tanpa \(kind == .evaluasi ? "nomor" : "kode")")
                    poisoned = true
                    continue
                }
                if attach(cells, to: row, fail: run.fail) { continuationRows += 1 }
                continue
            }

            // A numbered row: find its level and its parent.
            if record.cells.count < width {
                run.fail("impor-kolom", "baris memuat \(record.cells.count) kolom; Tabel \(kind.number) (\(kind.rawValue)) memuat \(width) kolom",
                     at: Value(text: "", location: run.endOfLine(record)), expected: "\(width) kolom: \(Self.columnNames(kind))", found: "\(record.cells.count) kolom",
                     notes: widthNotes(record.cells.count, sawData: sawData))
                if !sawData, Self.columns(kind == .evaluasi ? .rencana : .evaluasi) == record.cells.count { break }
                poisoned = true
                continue
            }
            sawData = true
            // An unrecognised number: its continuation rows are skipped, but the rows after it are still
            // checked (the number may be the only thing wrong).
            guard let level = level(of: cells[0], fail: run.fail) else { poisoned = true; continue }
            // Below a row that could not be placed, rows of lower levels would land under the wrong
            // parent and only repeat the error: skip them until a row of that level or higher.
            if let blocked = blockedBelow, level > blocked { poisoned = true; continue }
            blockedBelow = nil
            let row = RowDraft(level: level, key: cells[0], name: cells[1], pagu: cells[kind == .evaluasi ? 6 : 4])
            if kind == .evaluasi { row.realisasi = cells[7]; row.absorption = cells[8].text.isEmpty ? nil : cells[8] }
            if !cells.isEmpty(2) || hasIndicatorFigures(cells) { row.indicators.append(indicator(cells)) }

            let parent: RowDraft?
            switch level {
            case .program: parent = nil
            case .kegiatan: parent = programs.last
            case .subKegiatan: parent = programs.last?.children.last
            }
            if level != .program {
                guard let parent else {
                    let above = level == .kegiatan ? "program" : "kegiatan"
                    let example = kind == .evaluasi ? (level == .kegiatan ? "I, II, …" : "1., 2., …") : (level == .kegiatan ? "mis. 1.06.01" : "mis. 1.06.01.2.01")
                    run.fail("impor-induk", "\(level.word) \(row.key.text) tidak didahului baris \(above)", at: row.key,
                         expected: "baris \(above) (\(example)) di atasnya",
                         found: programs.last.map { "langsung di bawah program \($0.key.text)" } ?? "belum ada program")
                    poisoned = true; blockedBelow = level
                    continue
                }
                guard checkParent(row, parent, run: run) else { poisoned = true; blockedBelow = level; continue }
                parent.children.append(row)
            } else {
                programs.append(row)
            }
            current = row
            poisoned = false
        }

        if run.errors == 0, programs.isEmpty {
            sink.error("impor-kosong", "tidak ada baris tabel yang dapat diimpor", at: run.location(1, 1),
                       figures: [.init("diharapkan", "baris berisi \(Self.columnNames(kind)), dipisah tab, ; atau ,"),
                                 .init("ditemukan", records.isEmpty ? "berkas kosong" : "hanya judul, baris kepala atau baris kosong")])
        }
        run.checkNames(programs, nameColumn: "kolom kedua", indicatorColumn: "kolom indikator kinerja")
        // Figures are read column by column (see `ImportNumbers`); ambiguous cells are errors too,
        // reported in the same run as the rows that could not be placed.
        let figures = readFigures(programs)
        if sink.hasErrors { return nil }
        reportValues(programs, asWritten: figures.asWritten)
        let table = Table(kind: kind, title: caption ?? "", programs: model(programs), file: path)
        return Result(table: table, caption: caption, delimiter: delimiter,
                      counts: ImportedRows(headerRows: headerRows, continuationRows: continuationRows,
                                           normalizedAmounts: figures.amounts, normalizedAmountExample: figures.amountExample,
                                           normalizedFigures: figures.figures, normalizedExample: figures.figureExample))
    }

    private func firstFilled(_ cells: Cells) -> Value {
        cells.values.first { !$0.text.isEmpty } ?? cells[0]
    }

    private func widthNotes(_ count: Int, sawData: Bool) -> [String] {
        let other: TableKind = kind == .evaluasi ? .rencana : .evaluasi
        if count == Self.columns(other) {
            return ["teks dengan \(count) kolom tampaknya Tabel \(other.number) (\(other.rawValue)); pakai --tabel \(other.rawValue) bila memang begitu"]
        }
        return ["periksa pemisah kolom: sel yang memuat tab, ; atau , harus diapit tanda kutip ganda"]
    }

    // MARK: Numbers and codes

    private func level(of key: Value, fail: (String, String, Value, String, String, [String]) -> Void) -> Level? {
        let t = key.text
        if kind == .evaluasi {
            let bare = NomenclatureCode.bare(t)
            if !bare.isEmpty, bare.allSatisfy({ "IVXLCDMivxlcdm".contains($0) }) { return .program }
            switch NomenclatureCode.partCount(t, allowingX: false) {
            case 1: return .kegiatan
            case 2: return .subKegiatan
            default: break
            }
            fail("impor-nomor", "nomor baris `\(t)` tidak dikenali", key,
                 "angka Romawi untuk program (I, II, …), 1. untuk kegiatan, 1.1 untuk sub kegiatan", t, Self.totalRowNotes(t) + Self.decimalCommaNotes(t))
            return nil
        }
        switch NomenclatureCode.partCount(t) {
        case 3: return .program
        case 5: return .kegiatan
        case 6: return .subKegiatan
        case 1, 2:
            fail("impor-kode", "kode `\(t)` adalah kode urusan atau bidang urusan; Tabel 2 hanya memuat program, kegiatan dan sub kegiatan",
                 key, "kode program (1.06.01), kegiatan (1.06.01.2.01) atau sub kegiatan (1.06.01.2.01.0001)", t,
                 ["hapus baris urusan/bidang urusan dari teks sebelum mengimpor"])
            return nil
        default: break
        }
        fail("impor-kode", "kode `\(t)` bukan kode nomenklatur program, kegiatan atau sub kegiatan", key,
             "kode program (1.06.01), kegiatan (1.06.01.2.01) atau sub kegiatan (1.06.01.2.01.0001)", t, Self.totalRowNotes(t))
        return nil
    }

    /// `1,1`: a spreadsheet in Indonesian locale took the number 1.1 for a decimal (and would turn
    /// 1.10 into 1,1 as well), so the number cannot be trusted.
    private static func decimalCommaNotes(_ t: String) -> [String] {
        let parts = t.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return [] }
        return ["lembar kerja tampaknya mengubah nomor \(t.replacingOccurrences(of: ",", with: ".")) menjadi angka desimal; "
                + "format kolom nomor sebagai Teks, perbaiki nomornya, lalu ekspor ulang"]
    }

    private static func totalRowNotes(_ t: String) -> [String] {
        let lower = t.lowercased()
        if lower.hasPrefix("jumlah") || lower.hasPrefix("total") {
            return ["baris jumlah tidak perlu diimpor: renja menghitung jumlahnya sendiri; hapus baris ini"]
        }
        return []
    }

    /// Tabel 2's codes state the parent; a code outside the row above cannot be placed. Tabel 1's
    /// numbers only count, so a mismatch there is a warning and the row stays where it stands.
    private func checkParent(_ row: RowDraft, _ parent: RowDraft, run: TextParseRun) -> Bool {
        if kind == .rencana { return run.checkCode(row.key, levelWord: row.level.word, under: parent, parentCode: parent.key.text) }
        let mother = NomenclatureCode.bare(parent.key.text)
        if row.level == .subKegiatan, let first = NomenclatureCode.bare(row.key.text).split(separator: ".").first, String(first) != mother {
            sink.add(Diagnostic(.peringatan, "impor-nomor-induk",
                                "nomor sub kegiatan \(row.key.text) tidak cocok dengan kegiatan \(parent.key.text) di atasnya; baris tetap dimasukkan ke kegiatan itu",
                                at: row.key.location,
                                figures: [.init("diharapkan", "\(mother).…"), .init("ditemukan", row.key.text)]))
        }
        return true
    }

    // MARK: Rows without a number

    private func indicatorFigureColumns() -> [Int] { kind == .evaluasi ? [3, 4, 5] : [3] }
    private func budgetColumns() -> [Int] { kind == .evaluasi ? [6, 7, 8] : [4] }

    private func hasIndicatorFigures(_ cells: Cells) -> Bool {
        indicatorFigureColumns().contains { !cells.isEmpty($0) }
    }

    private func indicator(_ cells: Cells) -> IndicatorDraft {
        IndicatorDraft(name: cells[2], target: cells[3],
                       actual: kind == .evaluasi && !cells.isEmpty(4) ? cells[4] : nil,
                       stated: kind == .evaluasi && !cells.isEmpty(5) ? cells[5] : nil)
    }

    /// Attaches an unnumbered row to `row`. Returns true for a page-break continuation.
    private func attach(_ cells: Cells, to row: RowDraft, fail: (String, String, Value, String, String, [String]) -> Void) -> Bool {
        let figures = hasIndicatorFigures(cells)
        let budget = budgetColumns().filter { !cells.isEmpty($0) }
        if figures || !budget.isEmpty {
            if !cells.isEmpty(1) {
                fail("impor-baris", "baris tanpa \(kind == .evaluasi ? "nomor" : "kode") memuat nama dan angka; tidak jelas apakah ini lanjutan atau baris baru",
                     cells[1], "baris bernomor, atau lanjutan teks tanpa angka, atau indikator tambahan (kolom nama kosong)",
                     "nama \"\(cells.text(1))\" dengan angka", Self.totalRowNotes(cells.text(1)) + ["beri \(kind == .evaluasi ? "nomor" : "kode") bila ini baris baru"])
                return false
            }
            if figures {
                if cells.isEmpty(2) {
                    let first = indicatorFigureColumns().first { !cells.isEmpty($0) }!
                    fail("impor-baris", "angka indikator tanpa nama indikator", cells[first],
                         "nama indikator di kolom indikator kinerja", "kolom indikator kinerja kosong", [])
                    return false
                }
                row.indicators.append(indicator(cells))
            } else if !cells.isEmpty(2) {
                // Indicator text and budget figures but no target: not an indicator row, not a continuation.
                fail("impor-baris", "baris tanpa \(kind == .evaluasi ? "nomor" : "kode") memuat teks indikator dan pagu tetapi tanpa target",
                     cells[2], "indikator tambahan dengan target, atau lanjutan teks tanpa angka", "teks indikator dengan pagu", [])
                return false
            }
            // Budget cells fill the row's empty ones (merged cells exported on the last line).
            for c in budget {
                let v = cells[c]
                switch (kind, c) {
                case (.evaluasi, 6), (.rencana, 4):
                    guard row.pagu.text.isEmpty else { return conflict(v, "pagu", row, fail: fail) }
                    row.pagu = v
                case (.evaluasi, 7):
                    guard row.realisasi?.text.isEmpty ?? true else { return conflict(v, "realisasi", row, fail: fail) }
                    row.realisasi = v
                default:
                    guard row.absorption == nil else { return conflict(v, "persentase realisasi", row, fail: fail) }
                    row.absorption = v
                }
            }
            return false
        }
        // Text only: the rest of a row split by a page break.
        if !cells.isEmpty(1) {
            if row.name.text.isEmpty { row.name = cells[1] } else { row.name.text += " " + cells.text(1) }
        }
        if !cells.isEmpty(2) {
            guard let last = row.indicators.last else {
                fail("impor-lanjutan", "lanjutan teks indikator, tetapi baris di atasnya tidak punya indikator", cells[2],
                     "indikator di baris \(row.key.text) di atasnya", "teks \"\(cells.text(2))\"", [])
                return false
            }
            if last.name.text.isEmpty {
                last.name = cells[2]
            } else {
                last.name.text += " " + cells.text(2)
            }
        }
        return true
    }

    private func conflict(_ v: Value, _ what: String, _ row: RowDraft, fail: (String, String, Value, String, String, [String]) -> Void) -> Bool {
        fail("impor-baris", "\(what) untuk baris \(row.key.text) ditulis dua kali", v,
             "\(what) sekali saja, di baris bernomor", "\(what) \(v.text) pada baris tanpa nomor", [])
        return false
    }

    // MARK: After all rows

    /// Warnings for figures that do not parse, kept as written. A figure the loader accepts (an
    /// amount grouped wrongly, as the source has it) is written and `renja check` reports it; one
    /// the loader refuses stops `TableImporter.plan`, which loads the YAML before anything is
    /// written and reports the loader's errors at these cells instead of these warnings.
    private func reportValues(_ programs: [RowDraft], asWritten: [SourceLocation: String]) {
        func warn(_ v: Value, _ key: String, _ r: RowDraft, _ problem: NumberProblem, expected: String, rejected: Bool) {
            // The cell as the input has it (`160,427,6000`), and how it is written (`160.427.6000`).
            let original = asWritten[v.location]
            let found = original ?? (v.text.isEmpty ? "kolom kosong" : v.text)
            let note = rejected
                ? "`renja build` tidak dapat membaca nilai ini; betulkan di teks sumber sebelum mengimpor"
                : original.map { _ in "ditulis sebagai \(v.text); `renja check` akan melaporkannya" } ?? "ditulis apa adanya; `renja check` akan melaporkannya"
            sink.add(Diagnostic(.peringatan, "impor-angka", "`\(key)` pada \(r.level.word) \(r.key.text): \(problem.explanation)",
                                at: v.location, figures: [.init("diharapkan", expected), .init("ditemukan", found)], notes: [note]))
        }
        func walk(_ r: RowDraft) {
            for i in r.indicators {
                for (key, v) in [("target", i.target), ("capaian", i.actual), ("persen", i.stated)] {
                    guard let v else { continue }
                    if key == "persen" {
                        if let p = PercentText(raw: v.text).problem { warn(v, key, r, p, expected: "angka persen, mis. 42.23 persen", rejected: true) }
                    } else if let p = QuantityText(raw: v.text).problem {
                        warn(v, key, r, p, expected: "angka lalu satuan, mis. 2 dokumen", rejected: true)
                    }
                }
            }
            for (key, v) in [("pagu", Optional(r.pagu)), ("realisasi", r.realisasi)] {
                guard let v, let p = AmountText(raw: v.text).problem else { continue }
                warn(v, key, r, p, expected: "angka rupiah dengan titik pemisah ribuan, mis. 1.244.173.000", rejected: p != .badGrouping)
            }
            if let v = r.absorption, let p = PercentText(raw: v.text).problem {
                warn(v, "persen_realisasi", r, p, expected: "angka persen, mis. 43.49%", rejected: true)
            }
            r.children.forEach(walk)
        }
        programs.forEach(walk)
    }

    // MARK: Model

    private func model(_ drafts: [RowDraft]) -> [Item] {
        var anchors: [String: Int] = [:]
        func located(_ v: Value) -> Located<String> { Located(v.text, at: v.location) }
        func item(_ d: RowDraft) -> Item {
            let indicators = d.indicators.map { i in
                Indicator(name: located(i.name),
                          target: Located(QuantityText(raw: i.target.text), at: i.target.location),
                          actual: i.actual.map { Located(QuantityText(raw: $0.text), at: $0.location) },
                          stated: i.stated.map { Located(PercentText(raw: $0.text), at: $0.location) },
                          declaredDirection: nil, location: i.name.location)
            }
            let children = d.children.map(item)
            // The same anchor rule as TableLoader, so links into an imported table work alike.
            var anchor = (kind == .evaluasi ? "t1-" : "t2-") + Text.slug(d.key.text)
            if anchor.hasSuffix("-") || anchor.count <= 3 { anchor += "baris" }
            let n = anchors[anchor, default: 0]
            anchors[anchor] = n + 1
            if n > 0 { anchor += "-\(n + 1)" }
            return Item(level: d.level,
                        number: kind == .evaluasi ? located(d.key) : nil,
                        code: kind == .rencana ? located(d.key) : nil,
                        name: located(d.name), indicators: indicators,
                        pagu: Located(AmountText(raw: d.pagu.text), at: d.pagu.location),
                        realisasi: kind == .evaluasi ? d.realisasi.map { Located(AmountText(raw: $0.text), at: $0.location) } : nil,
                        statedAbsorption: kind == .evaluasi ? d.absorption.map { Located(PercentText(raw: $0.text), at: $0.location) } : nil,
                        children: children, location: d.key.location, anchor: anchor)
        }
        return drafts.map(item)
    }

    // MARK: Cell text

    /// Whitespace runs (tabs, line breaks inside a spreadsheet cell, no-break spaces) become one
    /// space; the ends are trimmed the way the YAML loader trims. Invisible characters that copy and
    /// paste leave behind (zero-width space, word joiner, a stray byte-order mark) are dropped: the
    /// YAML reader would drop a leading U+FEFF anyway, and nobody can see them to fix them.
    static func clean(_ s: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            if scalar == "\u{FEFF}" || scalar == "\u{200B}" || scalar == "\u{2060}" { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = true
            } else {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                out.unicodeScalars.append(scalar)
                pendingSpace = false
            }
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// "Tabel 1. Judul" → (1, "Judul"); "Lanjutan Tabel 1" → (1, nil). Only when it stands alone on its line.
    static func caption(_ cells: [Value]) -> (Int, String?)? {
        guard let first = cells.first, !first.text.isEmpty, cells.dropFirst().allSatisfy({ $0.text.isEmpty }) else { return nil }
        var t = Substring(first.text)
        var continued = false
        if t.lowercased().hasPrefix("lanjutan") { continued = true; t = t.dropFirst(8).drop { $0 == " " } }
        guard t.lowercased().hasPrefix("tabel") else { return nil }
        t = t.dropFirst(5).drop { $0 == " " }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let n = Int(digits) else { return nil }
        t = t.dropFirst(digits.count)
        guard t.isEmpty || t.first == "." || t.first == ":" || t.first == " " else { return nil }
        t = t.drop { $0 == "." || $0 == ":" || $0 == " " }
        var title = String(t)
        for suffix in ["(lanjutan)", "lanjutan"] where title.lowercased().hasSuffix(suffix) {
            title = String(title.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            continued = true
        }
        return (n, continued || title.isEmpty ? nil : title)
    }

    private static let headerWords: Set<String> = [
        "no", "nomor", "kode", "kode rekening", "kode nomenklatur", "uraian", "indikator", "indikator kinerja",
        "target", "capaian", "persentase", "persen", "%", "realisasi", "pagu", "pagu anggaran", "pagu anggaran rp",
        "anggaran", "rp", "target kinerja", "capaian kinerja", "tingkat capaian", "satuan",
    ]

    /// Column titles (also repeated after a page break) and rows that only number the columns.
    static func isHeader(_ cells: [Value]) -> Bool {
        let filled = cells.map(\.text).filter { !$0.isEmpty }
        guard !filled.isEmpty else { return false }
        let numbering = cells.map(\.text).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "()")) }
        if filled.count >= 3, numbering.enumerated().allSatisfy({ $0.element.isEmpty || $0.element == String($0.offset + 1) }),
           numbering.first == "1" {
            return true
        }
        return filled.allSatisfy { cell in
            let words = cell.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "%" ? Character($0) : " " }
            let normalized = String(words).split(separator: " ").joined(separator: " ")
            if headerWords.contains(normalized) { return true }
            let parts = Set(normalized.split(separator: " "))
            return parts.contains("program") && (parts.contains("kegiatan") || parts.contains("subkegiatan")) && parts.count <= 6
        }
    }
}
