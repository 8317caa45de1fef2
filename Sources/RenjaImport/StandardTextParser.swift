import Foundation
import RenjaModel
import RenjaLoad

/// Reads the standard evaluation table of Permendagri 86/2017, pasted or exported as delimited
/// text, into drafts the YAML writer turns into `tabel/evaluasi-standar.yaml`.
///
/// The columns are the layout's (`ImportLayout.evaluasiStandarKode` / `…TanpaKode`): No, Sasaran,
/// [Kode], Program/Kegiatan/Sub Kegiatan, Indikator, ten K | Rp pairs, Unit, Keterangan. Every
/// text line before the first table row is the title; the header rows and the numbered row are
/// dropped (also when repeated after a page break). A row's level comes from its Kode (3 parts a
/// program, 5 a kegiatan, 6 a sub kegiatan; 1–2 parts are urusan/bidang rows, which the file does
/// not hold: skipped), else from its No (I / 1 / 1.1, or 1 / 1.1 / 1.1.1). A row without either:
/// - with indicator text or K figures is one more indicator of the row above (its Rp cells fill
///   the row's empty ones);
/// - with text only is the rest of a row a page break split (joined with one space).
/// K cells are a number and perhaps the indicator's unit (`72 %`, `139 Unit`); the unit becomes
/// `satuan`. The footer rows (rata-rata capaian, predikat, faktor pendorong/penghambat, tindak
/// lanjut) are read by their label; what follows them (the signatures) is not table data.
struct StandardTextParser {
    let layout: ImportLayout
    let variant: StandardVariant
    let path: String
    let sink: DiagnosticSink

    typealias Value = TableTextParser.Value

    /// A figure cell; `text` becomes what is written (`ImportNumbers` rules), `unit` the unit a K cell carried.
    final class Figure {
        var text: String
        let location: SourceLocation
        var unit: String?
        init(_ v: Value) { text = v.text; location = v.location }
    }

    final class IndicatorDraft {
        var name: Value
        /// One per pair column (nil: empty cell).
        var k: [Figure?]
        var unit: Value?
        init(name: Value, k: [Figure?]) { self.name = name; self.k = k }
    }

    final class RowDraft: NamedRowDraft {
        let level: Level
        let code: Value?
        let number: Value?
        var name: Value
        var sasaran: Value?
        var indicators: [IndicatorDraft] = []
        var rp: [Figure?]
        var unit: Value?
        var children: [RowDraft] = []
        init(level: Level, code: Value?, number: Value?, name: Value, rp: [Figure?]) {
            self.level = level; self.code = code; self.number = number; self.name = name; self.rp = rp
        }
        var key: String { code?.text ?? number?.text ?? "" }
        var label: String { "\(level.word) \(key)" }
        var levelWord: String { level.word }
        var indicatorNames: [Value] { indicators.map(\.name) }
    }

    struct Footer {
        var averageK: Figure?, averageRp: Figure?
        var predicateK: Value?, predicateRp: Value?
        var drivers: Value?, obstacles: Value?, followUpQuarter: Value?, followUpRenja: Value?
    }

    struct Result: ParsedDrafts {
        var programs: [RowDraft]
        var footer: Footer
        var title: String?
        /// `leftOutRows`: the urusan and bidang urusan rows.
        var counts = ImportedRows()
        /// Rows whose Keterangan cell was not empty (the file has no key for it).
        var droppedRemarks = 0
    }

    /// Pair columns in `StandardSeries` order.
    static let pairs = 10
    static let quarterRange = 3...6
    static let percentPair = 9

    // MARK: Columns

    private var noIndex: Int { layout.cellIndex(of: 1)! }
    private var sasaranIndex: Int { layout.cellIndex(of: 2)! }
    private var kodeIndex: Int? { variant == .denganKode ? layout.cellIndex(of: 3) : nil }
    private var nameIndex: Int { layout.cellIndex(of: variant == .denganKode ? 4 : 3)! }
    private var indicatorIndex: Int { nameIndex + 1 }
    private var firstPair: Int { indicatorIndex + 1 }
    private func kIndex(_ j: Int) -> Int { firstPair + 2 * j }
    private func rpIndex(_ j: Int) -> Int { firstPair + 2 * j + 1 }
    private var unitIndex: Int { firstPair + 2 * Self.pairs }

    // MARK: Parsing

    func parse(_ text: String, delimiter: Character) -> Result? {
        let records = DelimitedText.parse(text, delimiter: delimiter)
        var result = Result(programs: [], footer: Footer())
        var titleParts: [String] = []
        var current: RowDraft?
        var poisoned = false
        var sawData = false, inFooter = false
        let run = TextParseRun(path: path, sink: sink)
        let romanScheme = usesRomanNumbers(records)

        for record in records {
            if run.stops(at: record) { break }
            var cells = run.cells(record)
            if cells.allSatisfy({ $0.text.isEmpty }) { continue }
            let filled = cells.filter { !$0.text.isEmpty }
            if inFooter {
                if readFooter(cells, into: &result.footer) == false { result.counts.trailingRows += 1 }
                continue
            }
            if readFooter(cells, into: &result.footer) {
                inFooter = true
                continue
            }
            switch run.classify(cells, record, layout: layout, sawData: sawData, isHeader: isHeader, limit: "memuat") {
            case .header: result.counts.headerRows += 1; continue
            case .title(let line): titleParts.append(line); continue
            case .tooWide: poisoned = true; continue
            case .row(let padded): cells = padded
            }

            let code = kodeIndex.flatMap { cells[$0].text.isEmpty ? nil : cells[$0] }
            let number = cells[noIndex].text.isEmpty ? nil : cells[noIndex]
            if code == nil && number == nil {
                if poisoned { continue }
                guard let row = current else {
                    if !sawData { titleParts.append(filled.map(\.text).joined(separator: " ")); continue }
                    run.fail("impor-lanjutan", "baris tanpa \(variant == .denganKode ? "kode" : "nomor") tidak punya baris di atasnya untuk disambung",
                             at: filled[0], expected: "baris berkode program, kegiatan atau sub kegiatan di atasnya", found: "baris tanpa kode")
                    poisoned = true
                    continue
                }
                if attach(cells, to: row, fail: run.fail) { result.counts.continuationRows += 1 }
                continue
            }
            if sawData == false, record.cells.count < layout.width - 2 {
                // A short line above the table (a sub-title with a number in it), not a row.
                titleParts.append(filled.map(\.text).joined(separator: " "))
                continue
            }
            // Urusan and bidang urusan rows (codes of one or two parts) are not in the file.
            if let code, isUrusanCode(code.text) {
                result.counts.leftOutRows += 1
                current = nil
                poisoned = true
                sawData = true
                continue
            }
            guard let level = code.map({ levelOfCode($0, fail: run.fail) }) ?? number.map({ levelOfNumber($0, roman: romanScheme, fail: run.fail) }),
                  let level else { poisoned = true; sawData = true; continue }
            sawData = true
            guard quartersHaveNoGap(cells, fail: run.fail) else { poisoned = true; continue }
            let row = RowDraft(level: level, code: code, number: number, name: cells[nameIndex],
                               rp: (0..<Self.pairs).map { j in cells[rpIndex(j)].text.isEmpty ? nil : Figure(cells[rpIndex(j)]) })
            if !cells[sasaranIndex].text.isEmpty { row.sasaran = cells[sasaranIndex] }
            if !cells[unitIndex].text.isEmpty { row.unit = cells[unitIndex] }
            if let ind = indicator(cells) { row.indicators.append(ind) }
            if !cells[unitIndex + 1].text.isEmpty {
                // The file has no key for Keterangan: say so once, at the first such cell.
                if result.droppedRemarks == 0 {
                    sink.add(Diagnostic(.peringatan, "impor-keterangan", "kolom Keterangan tidak disimpan: tabel/evaluasi-standar.yaml tidak memuatnya",
                                        at: cells[unitIndex + 1].location,
                                        figures: [.init("diharapkan", "kolom Keterangan kosong"), .init("ditemukan", "\"\(cells[unitIndex + 1].text)\"")],
                                        notes: ["tulis keterangan yang perlu di bab dokumen"]))
                }
                result.droppedRemarks += 1
            }

            let parent: RowDraft?
            switch level {
            case .program: parent = nil
            case .kegiatan: parent = result.programs.last
            case .subKegiatan: parent = result.programs.last?.children.last
            }
            if level != .program {
                guard let parent else {
                    let above = level == .kegiatan ? "program" : "kegiatan"
                    run.fail("impor-induk", "\(row.label) tidak didahului baris \(above)", at: code ?? number!,
                             expected: "baris \(above) di atasnya", found: result.programs.last.map { "langsung di bawah program \($0.key)" } ?? "belum ada program")
                    poisoned = true
                    continue
                }
                if let c = code, let pc = parent.code, !run.checkCode(c, levelWord: level.word, under: parent, parentCode: pc.text) {
                    poisoned = true
                    continue
                }
                parent.children.append(row)
            } else {
                result.programs.append(row)
            }
            current = row
            poisoned = false
        }

        if run.errors == 0, result.programs.isEmpty {
            sink.error("impor-kosong", "tidak ada baris tabel yang dapat diimpor", at: run.location(1, 1),
                       figures: [.init("diharapkan", "baris berisi " + layout.columnWords), .init("ditemukan", "hanya judul, baris kepala atau baris kosong")])
        }
        run.checkNames(result.programs, nameColumn: "kolom program/kegiatan/sub kegiatan", indicatorColumn: "kolom indikator")
        let title = titleParts.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        result.title = title.isEmpty ? nil : title
        readFigures(&result)
        if sink.hasErrors { return nil }
        return result
    }

    private func indicator(_ cells: [Value]) -> IndicatorDraft? {
        let k = (0..<Self.pairs).map { j in cells[kIndex(j)].text.isEmpty ? nil : Figure(cells[kIndex(j)]) }
        guard !cells[indicatorIndex].text.isEmpty || k.contains(where: { $0 != nil }) else { return nil }
        return IndicatorDraft(name: cells[indicatorIndex], k: k)
    }

    /// Attaches a row without kode/no to `row`. True for a page-break continuation.
    private func attach(_ cells: [Value], to row: RowDraft, fail: (String, String, Value, String, String, [String]) -> Void) -> Bool {
        let kFilled = (0..<Self.pairs).contains { !cells[kIndex($0)].text.isEmpty }
        let rpFilled = (0..<Self.pairs).filter { !cells[rpIndex($0)].text.isEmpty }
        if kFilled || !rpFilled.isEmpty {
            guard quartersHaveNoGap(cells, fail: fail) else { return false }
            if !cells[nameIndex].text.isEmpty {
                fail("impor-baris", "baris tanpa kode memuat nama dan angka; tidak jelas apakah ini lanjutan atau baris baru", cells[nameIndex],
                     "baris berkode, lanjutan teks tanpa angka, atau indikator tambahan (kolom nama kosong)",
                     "nama \"\(cells[nameIndex].text)\" dengan angka", ["beri kode bila ini baris baru"])
                return false
            }
            if kFilled {
                guard !cells[indicatorIndex].text.isEmpty else {
                    let first = (0..<Self.pairs).first { !cells[kIndex($0)].text.isEmpty }!
                    fail("impor-baris", "angka K tanpa nama indikator", cells[kIndex(first)],
                         "nama indikator di kolom indikator", "kolom indikator kosong", [])
                    return false
                }
                if let ind = indicator(cells) { row.indicators.append(ind) }
            }
            for j in rpFilled {
                if let old = row.rp[j] {
                    fail("impor-baris", "Rp kolom \(layout.columns.filter(\.pair)[j].number) untuk baris \(row.key) ditulis dua kali", cells[rpIndex(j)],
                         "Rp sekali saja, di baris berkode", "\(cells[rpIndex(j)].text) (sudah \(old.text))", [])
                    return false
                }
                row.rp[j] = Figure(cells[rpIndex(j)])
            }
            if !cells[unitIndex].text.isEmpty, row.unit == nil { row.unit = cells[unitIndex] }
            return false
        }
        // Text only: the rest of a split row.
        func join(_ old: inout Value?, _ new: Value) {
            if let o = old, !o.text.isEmpty { old!.text += " " + new.text } else { old = new }
        }
        if !cells[nameIndex].text.isEmpty { var n: Value? = row.name; join(&n, cells[nameIndex]); row.name = n! }
        if !cells[sasaranIndex].text.isEmpty { join(&row.sasaran, cells[sasaranIndex]) }
        if !cells[unitIndex].text.isEmpty { join(&row.unit, cells[unitIndex]) }
        if !cells[indicatorIndex].text.isEmpty {
            guard let last = row.indicators.last else {
                row.indicators.append(IndicatorDraft(name: cells[indicatorIndex], k: Array(repeating: nil, count: Self.pairs)))
                return true
            }
            var n: Value? = last.name; join(&n, cells[indicatorIndex]); last.name = n!
        }
        return true
    }

    /// `triwulan` is a list from TW I: a quarter left empty before a filled one cannot be written.
    private func quartersHaveNoGap(_ cells: [Value], fail: (String, String, Value, String, String, [String]) -> Void) -> Bool {
        for (what, index) in [("K", kIndex), ("Rp", rpIndex)] {
            let quarters = Self.quarterRange.map { cells[index($0)] }
            guard let last = quarters.lastIndex(where: { !$0.text.isEmpty }) else { continue }
            if let gap = quarters[..<last].firstIndex(where: { $0.text.isEmpty }) {
                fail("impor-triwulan", "\(what) triwulan \(StandardEvaluationTable.roman(gap + 1)) kosong padahal triwulan \(StandardEvaluationTable.roman(last + 1)) terisi",
                     quarters[gap], "angka setiap triwulan sampai triwulan terakhir yang dilaporkan (0 bila tidak ada realisasi)",
                     "sel kosong", [])
                return false
            }
        }
        return true
    }

    // MARK: Header and footer

    private static let headerCells: Set<String> = [
        "no", "no.", "nomor", "sasaran", "kode", "program", "kegiatan", "sub kegiatan", "indikator", "indikator kinerja",
        "k", "rp", "rp.", "target", "realisasi", "triwulan", "i", "ii", "iii", "iv", "unit", "ket", "ket.", "keterangan",
    ]

    /// Column titles, also after a page break: no row key, and a K and an Rp cell, or a cell
    /// naming the indicator or the quarters.
    private func isHeader(_ cells: [Value]) -> Bool {
        let lower = cells.map { $0.text.lowercased() }
        if lower.filter({ $0 == "k" }).count >= 2 && lower.filter({ $0 == "rp" || $0 == "rp." }).count >= 2 { return true }
        let hasWords = lower.contains { $0.contains("indikator") } && lower.contains { $0.contains("target") || $0.contains("triwulan") || $0.contains("realisasi") }
        if hasWords { return true }
        let filled = lower.filter { !$0.isEmpty }
        return filled.count >= 2 && filled.allSatisfy { Self.headerCells.contains($0) || $0.hasPrefix("triwulan") }
            && !filled.contains(where: { $0.first?.isNumber == true })
    }

    private enum FooterField { case average, predicate, drivers, obstacles, followUpQuarter, followUpRenja }

    private static func footerField(_ label: String) -> FooterField? {
        let t = label.lowercased()
        if t.hasPrefix("rata-rata capaian") || t.hasPrefix("rata rata capaian") { return .average }
        if t.hasPrefix("predikat") { return .predicate }
        if t.hasPrefix("faktor pendorong") { return .drivers }
        if t.hasPrefix("faktor penghambat") { return .obstacles }
        if t.hasPrefix("tindak lanjut") { return t.contains("triwulan") ? .followUpQuarter : .followUpRenja }
        return nil
    }

    /// Reads a footer row into `footer`; false when the row is no footer row.
    private func readFooter(_ cells: [Value], into footer: inout Footer) -> Bool {
        guard let labelIndex = cells.firstIndex(where: { !$0.text.isEmpty }), labelIndex <= indicatorIndex,
              let field = Self.footerField(cells[labelIndex].text) else { return false }
        let label = cells[labelIndex]
        var values = cells[(labelIndex + 1)...].filter { !$0.text.isEmpty }
        // "Faktor pendorong: …" in one cell.
        if values.isEmpty, let colon = label.text.firstIndex(of: ":") {
            let rest = label.text[label.text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !rest.isEmpty { values = [Value(text: rest, location: label.location)] }
        }
        switch field {
        case .average, .predicate:
            // The tingkat capaian pair holds them when the row keeps the table's columns.
            var k = cells.indices.contains(kIndex(Self.percentPair)) ? cells[kIndex(Self.percentPair)] : nil
            var rp = cells.indices.contains(rpIndex(Self.percentPair)) ? cells[rpIndex(Self.percentPair)] : nil
            if k?.text.isEmpty ?? true, rp?.text.isEmpty ?? true { k = values.first; rp = values.dropFirst().first }
            if k?.text.isEmpty == true { k = nil }
            if rp?.text.isEmpty == true { rp = nil }
            if field == .average {
                footer.averageK = k.map(Figure.init); footer.averageRp = rp.map(Figure.init)
            } else {
                footer.predicateK = k; footer.predicateRp = rp
            }
        case .drivers: footer.drivers = values.first
        case .obstacles: footer.obstacles = values.first
        case .followUpQuarter: footer.followUpQuarter = values.first
        case .followUpRenja: footer.followUpRenja = values.first
        }
        return true
    }

    // MARK: Levels

    private func usesRomanNumbers(_ records: [InputRecord]) -> Bool {
        records.contains { r in
            guard r.cells.count > noIndex else { return false }
            let t = TableTextParser.clean(r.cells[noIndex].text)
            let bare = t.hasSuffix(".") ? String(t.dropLast()) : t
            return !bare.isEmpty && bare.allSatisfy { "IVXLC".contains($0) } && r.cells.count >= layout.width - 2
        }
    }

    private func isUrusanCode(_ t: String) -> Bool {
        NomenclatureCode.partCount(t).map { (1...2).contains($0) } ?? false
    }

    private func levelOfCode(_ v: Value, fail: (String, String, Value, String, String, [String]) -> Void) -> Level? {
        switch NomenclatureCode.partCount(v.text) {
        case 3: return .program
        case 5: return .kegiatan
        case 6: return .subKegiatan
        default: break
        }
        fail("impor-kode", "kode `\(v.text)` bukan kode nomenklatur program, kegiatan atau sub kegiatan", v,
             "kode program (1.01.02), kegiatan (1.01.02.2.01) atau sub kegiatan (1.01.02.2.01.0006)", v.text,
             v.text.lowercased().hasPrefix("jumlah") || v.text.lowercased().hasPrefix("total")
                ? ["baris jumlah tidak perlu diimpor: renja menghitung jumlahnya sendiri; hapus baris ini"] : [])
        return nil
    }

    private func levelOfNumber(_ v: Value, roman: Bool, fail: (String, String, Value, String, String, [String]) -> Void) -> Level? {
        let bare = NomenclatureCode.bare(v.text)
        if roman, !bare.isEmpty, bare.allSatisfy({ "IVXLCDMivxlcdm".contains($0) }) { return .program }
        if let parts = NomenclatureCode.partCount(v.text, allowingX: false), let level = Level(rawValue: parts + (roman ? 1 : 0) - 1) {
            return level
        }
        fail("impor-nomor", "nomor baris `\(v.text)` tidak dikenali", v,
             roman ? "angka Romawi untuk program (I, II, …), 1 untuk kegiatan, 1.1 untuk sub kegiatan"
                   : "1 untuk program, 1.1 untuk kegiatan, 1.1.1 untuk sub kegiatan", v.text, [])
        return nil
    }

    // MARK: Figures

    /// Every figure column read on its own (`ImportNumbers`): K and percentages as decimal figures
    /// (a K cell's trailing text is the indicator's unit), Rp as amounts, which in this table may
    /// carry sen (`48.912.283.703,29`).
    private func readFigures(_ result: inout Result) {
        let rows = RowDraft.depthFirst(result.programs)
        var counts = (n: 0, example: Optional<(String, String)>.none)
        var amountStyles: [ImportNumbers.Style] = []
        for j in 0..<Self.pairs {
            var column = rows.compactMap { $0.rp[j] }
            if j == Self.percentPair { column += [result.footer.averageRp].compactMap { $0 } }
            if j == Self.percentPair {
                readDecimals(column, unitAllowed: false, fileStyle: nil, counts: &counts)
            } else if let s = readAmounts(column, counts: &counts) {
                amountStyles.append(s)
            }
        }
        let fileStyle: ImportNumbers.Style? = amountStyles.contains(.english) ? .english : nil
        for j in 0..<Self.pairs {
            var column = rows.flatMap { $0.indicators.compactMap { $0.k[j] } }
            if j == Self.percentPair { column += [result.footer.averageK].compactMap { $0 } }
            readDecimals(column, unitAllowed: j != Self.percentPair, fileStyle: fileStyle, counts: &counts)
        }
        // An indicator's unit: the one its K cells carry.
        for r in rows {
            for i in r.indicators {
                let units = i.k.compactMap { $0?.unit }.filter { !$0.isEmpty }
                if let u = units.first {
                    let loc = i.k.compactMap { $0 }.first { $0.unit == u }!.location
                    i.unit = Value(text: u, location: loc)
                    if let other = units.first(where: { $0 != u }) {
                        sink.add(Diagnostic(.peringatan, "impor-satuan", "indikator \"\(Item.shorten(i.name.text))\" memakai dua satuan; `satuan` ditulis \(u)",
                                            at: i.k.compactMap { $0 }.first { $0.unit == other }!.location,
                                            figures: [.init("diharapkan", "satu satuan untuk semua kolom K indikator"), .init("ditemukan", "\(u) dan \(other)")]))
                    }
                }
            }
        }
        result.counts.normalizedFigures = counts.n
        result.counts.normalizedExample = counts.example
    }

    private func settle(_ styles: [ImportNumbers.Style?]) -> ImportNumbers.Style? {
        let ind = styles.filter { $0 == .indonesian }.count, eng = styles.filter { $0 == .english }.count
        if ind == 0 && eng == 0 { return nil }
        if ind != eng { return ind > eng ? .indonesian : .english }
        return styles.compactMap { $0 }.first
    }

    private func ambiguous(_ f: Figure, _ message: String, column: ImportNumbers.Style?) {
        sink.error("impor-angka-ambigu", message, at: f.location,
                   figures: [.init("diharapkan", column.map { "angka bergaya kolomnya: \($0.words)" } ?? "angka yang hanya dapat dibaca satu cara"),
                             .init("ditemukan", f.text)],
                   notes: ["tulis angkanya tanpa keraguan (mis. 1.250 atau 1,25) lalu impor lagi"])
    }

    private func readAmounts(_ column: [Figure], counts: inout (n: Int, example: (String, String)?)) -> ImportNumbers.Style? {
        let parsed = column.map { ImportNumbers.amount($0.text) }
        let style = settle(parsed.map { $0?.style })
        for (f, a) in zip(column, parsed) {
            guard let a else { continue }           // not a number: the loader refuses it, at this cell
            if a.negative || a.contradictory {
                ambiguous(f, a.negative ? "jumlah rupiah negatif" : "angka rupiah bermakna ganda", column: style); continue
            }
            if let s = a.style, let style, s != style {
                ambiguous(f, "angka rupiah bergaya lain dari kolomnya", column: style); continue
            }
            var written = a.canonical
            if let fr = a.fraction, !a.fractionIsZero { written += "," + fr }
            if written != f.text {
                counts.n += 1
                if counts.example == nil { counts.example = (f.text, written) }
                f.text = written
            }
        }
        return style
    }

    private func readDecimals(_ column: [Figure], unitAllowed: Bool, fileStyle: ImportNumbers.Style?,
                              counts: inout (n: Int, example: (String, String)?)) {
        let parsed = column.map { ImportNumbers.decimal($0.text) }
        let style = settle(parsed.map { $0?.style })
        for (f, d) in zip(column, parsed) {
            guard let d else { continue }
            let numberText = String(f.text.prefix(d.length))
            let rest = String(f.text.dropFirst(d.length)).trimmingCharacters(in: .whitespaces)
            if let s = d.style, let style, s != style { ambiguous(f, "angka bergaya lain dari kolomnya", column: style); continue }
            if d.ambiguous && style == nil && fileStyle == .english {
                ambiguous(f, "angka \(numberText) bisa berarti ribuan atau desimal (kolom rupiah berkas memakai koma pemisah ribuan)", column: nil); continue
            }
            let reading = d.reading(style ?? .indonesian)
            let value = Double((d.negative ? "-" : "") + reading.whole + (reading.fraction.isEmpty ? "" : "." + reading.fraction))
            let keep = QuantityText.parseNumber(numberText) == value
            let written = keep ? numberText : d.canonical(style ?? .indonesian)
            if written != numberText {
                counts.n += 1
                if counts.example == nil { counts.example = (numberText, written) }
            }
            if unitAllowed {
                f.unit = rest.isEmpty ? nil : rest
                f.text = written
            } else {
                // A percentage: `42,23 %` and `42,23 persen` are the number.
                let unit = rest.lowercased()
                f.text = unit.isEmpty || unit == "%" || unit == "persen" ? written : written + " " + rest
            }
        }
    }
}
