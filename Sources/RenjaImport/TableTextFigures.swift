import Foundation
import RenjaModel

/// The figure columns of an imported table, read column by column (the rule is in
/// `ImportNumbers`): amounts written the loader's way, decimal figures rewritten where the loader
/// would read another number, ambiguous cells refused with the row of an example of the column.
extension TableTextParser {
    /// One figure cell: its text and place, its row in words (`sub kegiatan 1.01.02.2.01.0006`),
    /// and how to replace its text.
    struct FigureCell {
        var value: Value
        var row: String
        var set: (String) -> Void
    }

    enum FigureKind { case amount, quantity, percent }

    struct FigureColumn {
        /// The YAML key, as diagnostics name the column: `pagu`, `target`.
        var key: String
        var kind: FigureKind
        var cells: [FigureCell] = []
    }

    struct FigureCounts {
        /// Amounts written with thousands dots, and the first (as written, as written now).
        var amounts = 0
        var amountExample: (String, String)?
        /// Targets, achievements and percentages whose number was rewritten for the loader.
        var figures = 0
        var figureExample: (String, String)?
        /// The input's text of every rewritten cell, by place (for later warnings about the cell).
        var asWritten: [SourceLocation: String] = [:]
    }

    func figureColumns(_ programs: [RowDraft]) -> [FigureColumn] {
        var pagu = FigureColumn(key: "pagu", kind: .amount)
        var realisasi = FigureColumn(key: "realisasi", kind: .amount)
        var target = FigureColumn(key: "target", kind: .quantity)
        var capaian = FigureColumn(key: "capaian", kind: .quantity)
        var persen = FigureColumn(key: "persen", kind: .percent)
        var absorption = FigureColumn(key: "persen_realisasi", kind: .percent)
        func walk(_ r: RowDraft) {
            for i in r.indicators {
                target.cells.append(FigureCell(value: i.target, row: label(r), set: { i.target.text = $0 }))
                if let a = i.actual { capaian.cells.append(FigureCell(value: a, row: label(r), set: { i.actual?.text = $0 })) }
                if let s = i.stated { persen.cells.append(FigureCell(value: s, row: label(r), set: { i.stated?.text = $0 })) }
            }
            pagu.cells.append(FigureCell(value: r.pagu, row: label(r), set: { r.pagu.text = $0 }))
            if let v = r.realisasi { realisasi.cells.append(FigureCell(value: v, row: label(r), set: { r.realisasi?.text = $0 })) }
            if let v = r.absorption { absorption.cells.append(FigureCell(value: v, row: label(r), set: { r.absorption?.text = $0 })) }
            r.children.forEach(walk)
        }
        func label(_ r: RowDraft) -> String { "\(r.level.word) \(r.key.text)" }
        programs.forEach(walk)
        return kind == .evaluasi ? [pagu, realisasi, target, capaian, persen, absorption] : [pagu, target]
    }

    /// Reads every figure column; errors go to the sink.
    func readFigures(_ programs: [RowDraft]) -> FigureCounts {
        FigureReader(sink: sink).read(figureColumns(programs))
    }
}

/// Reads the figure columns of any imported table, column by column: amounts first (their style
/// is the file's), then targets, achievements and percentages. Errors go to the sink.
struct FigureReader {
    typealias FigureColumn = TableTextParser.FigureColumn
    typealias FigureCell = TableTextParser.FigureCell
    typealias FigureCounts = TableTextParser.FigureCounts

    let sink: DiagnosticSink

    /// Errors per column before the rest are counted in one line.
    private static let maxFigureErrors = 10

    func read(_ columns: [FigureColumn]) -> FigureCounts {
        var counts = FigureCounts()
        var fileStyle: ImportNumbers.Style?
        for column in columns where column.kind == .amount {
            let style = readAmounts(column, counts: &counts)
            if fileStyle == nil { fileStyle = style }
        }
        for column in columns where column.kind != .amount {
            readDecimals(column, fileStyle: fileStyle, counts: &counts)
        }
        return counts
    }

    // MARK: Settling a column

    private struct Settled {
        var style: ImportNumbers.Style?
        /// The first cell written in the column's style.
        var example: FigureCell?
        var indonesian = 0, english = 0
    }

    private func settle(_ column: FigureColumn, _ styles: [ImportNumbers.Style?]) -> Settled {
        var s = Settled()
        var first: ImportNumbers.Style?
        for style in styles {
            switch style {
            case .indonesian?: s.indonesian += 1
            case .english?: s.english += 1
            case nil: continue
            }
            if first == nil { first = style }
        }
        s.style = s.indonesian == s.english ? first : (s.indonesian > s.english ? .indonesian : .english)
        if let style = s.style, let i = styles.firstIndex(of: style) { s.example = column.cells[i] }
        return s
    }

    // MARK: Amounts

    /// Returns the style the column settled, if any.
    private func readAmounts(_ column: FigureColumn, counts: inout FigureCounts) -> ImportNumbers.Style? {
        let scans = column.cells.map { ImportNumbers.amount($0.value.text) }
        let settled = eachScanned(column, scans, style: \.style) { cell, a, what, settled, refuse in
            let v = cell.value
            if a.contradictory {
                refuse(.galat("impor-angka-ambigu", "\(what): pemisah angka saling bertentangan; jumlahnya tidak dapat dipastikan", at: v.location,
                              figures: [.init("diharapkan", "satu jenis pemisah ribuan, mis. 1.244.173.000 atau 1,244,173,000 (boleh diakhiri ,00)"),
                                        .init("ditemukan", v.text)]))
                return
            }
            if let own = a.style, let style = settled.style, own != style {
                refuse(conflict(column, cell, own: own, settled))
                return
            }
            if !a.fractionIsZero {
                refuse(.galat("impor-angka-ambigu", "\(what): `\(v.text)` memuat pecahan, padahal jumlah rupiah di tabel ini bulat", at: v.location,
                              figures: [.init("diharapkan", "jumlah rupiah bulat dengan pemisah ribuan tiga digit, mis. 1.244.173.000 (boleh diakhiri ,00)"),
                                        .init("ditemukan", v.text)],
                              notes: ["angka ini dapat berarti pecahan rupiah, jumlah dalam juta (1,5 juta = 1.500.000) atau kelompok ribuan yang kurang digit; tulis jumlah rupiah lengkapnya"]))
                return
            }
            let text = a.canonical
            if a.negative {
                refuse(.galat("impor-angka-negatif", "\(what): jumlah rupiah negatif", at: v.location,
                              figures: [.init("diharapkan", "0 atau lebih"), .init("ditemukan", "\(v.text) (= -\(text))")],
                              notes: ["`renja build` tidak menerima jumlah rupiah negatif, jadi impor dihentikan; periksa angka ini di dokumen sumber"]))
                return
            }
            // What is written must read back as the digits read here.
            let back = AmountText(raw: text)
            let agrees = a.wellGrouped && a.digits.count <= 18 ? back.value?.value == Int64(a.digits)
                                                              : back.problem == .badGrouping || back.problem == .tooLarge
            if !agrees {
                sink.add(.galat("impor-internal", "\(what): `\(v.text)` ditulis sebagai `\(text)`, yang terbaca lain", at: v.location,
                                notes: ["ini kesalahan program renja; laporkan beserta berkas masukannya"]))
                return
            }
            if text != v.text {
                if counts.amountExample == nil { counts.amountExample = (v.text, text) }
                counts.amounts += 1
                counts.asWritten[v.location] = v.text
                cell.set(text)
            }
        }
        return settled.style
    }

    // MARK: Targets, achievements, percentages

    private func readDecimals(_ column: FigureColumn, fileStyle: ImportNumbers.Style?, counts: inout FigureCounts) {
        let scans: [ImportNumbers.Decimal?] = column.cells.map { cell in
            guard let d = ImportNumbers.decimal(cell.value.text) else { return nil }
            if column.kind == .percent {
                // The loader reads a percentage only when nothing but `%` or `persen` follows the number.
                let rest = cell.value.text.dropFirst(d.length).trimmingCharacters(in: .whitespaces).lowercased()
                guard rest.isEmpty || rest == "%" || rest == "persen" else { return nil }
            }
            return d
        }
        _ = eachScanned(column, scans, style: \.style) { cell, d, what, settled, refuse in
            let v = cell.value
            if let own = d.style, let style = settled.style, own != style {
                refuse(conflict(column, cell, own: own, settled))
                return
            }
            let style: ImportNumbers.Style
            if let s = settled.style {
                style = s
            } else if d.ambiguous, fileStyle == .english {
                let number = String(v.text.prefix(d.length))
                let mark = number.first { $0 == "." || $0 == "," } ?? ","
                let markWord = mark == "," ? "koma" : "titik"
                // One reading has no fraction (the mark groups thousands), the other has one.
                let thousands = d.indonesian.fraction.isEmpty ? d.indonesian : d.english
                let decimal = d.indonesian.fraction.isEmpty ? d.english : d.indonesian
                var fraction = Substring(decimal.fraction)
                while fraction.last == "0" { fraction = fraction.dropLast() }
                let sign = d.negative ? "-" : ""
                let asThousands = sign + thousands.whole
                let asDecimal = sign + decimal.whole + (fraction.isEmpty ? "" : "," + fraction)
                refuse(.galat("impor-angka-ambigu",
                              "\(what): `\(number)` dapat berarti \(asThousands) (\(markWord) pemisah ribuan) atau \(asDecimal) (\(markWord) desimal)",
                              at: v.location,
                              figures: [.init("diharapkan", "angka yang tidak bermakna ganda: tanpa pemisah ribuan (\(asThousands)) atau dengan desimal yang jelas (\(asDecimal))"),
                                        .init("ditemukan", v.text)],
                              notes: ["kolom rupiah berkas ini memakai koma pemisah ribuan, tetapi tidak ada sel lain di kolom `\(column.key)` yang menunjukkan pemisah ribuan atau desimalnya"]))
                return
            } else {
                style = .indonesian
            }
            let text = d.canonical(style) + String(v.text.dropFirst(d.length))
            let r = d.reading(style)
            let expected = r.whole.count <= 15 && r.fraction.count <= 15
                ? Double((d.negative ? "-" : "") + (r.whole.isEmpty ? "0" : r.whole) + "." + (r.fraction.isEmpty ? "0" : r.fraction)) : nil
            // Kept as written when the loader reads the same number (and unit) from it.
            let readAsRewritten: Double?
            let same: Bool
            if column.kind == .percent {
                let a = PercentText(raw: v.text).value, b = PercentText(raw: text).value
                readAsRewritten = b?.value
                same = a == b
            } else {
                let a = QuantityText(raw: v.text).value, b = QuantityText(raw: text).value
                readAsRewritten = b?.value
                same = a == b
            }
            // No value at all (a compound target such as `11 Kab/1 Kota`): the loader keeps it as
            // written, so it is left alone.
            guard let readAsRewritten else { return }
            if let expected, readAsRewritten != expected {
                sink.add(.galat("impor-internal", "\(what): `\(v.text)` ditulis sebagai `\(text)`, yang terbaca lain", at: v.location,
                                notes: ["ini kesalahan program renja; laporkan beserta berkas masukannya"]))
                return
            }
            if !same {
                if counts.figureExample == nil { counts.figureExample = (v.text, text) }
                counts.figures += 1
                counts.asWritten[v.location] = v.text
                cell.set(text)
            }
        }
    }

    /// What every figure column shares: its style settled from the cells that scanned, then
    /// `read` for each of those cells (with its name in messages, "`pagu` pada program 1.06.01",
    /// and `refuse` for its refusal); refusals are counted per column (`Refusals`).
    private func eachScanned<Scan>(_ column: FigureColumn, _ scans: [Scan?], style: (Scan) -> ImportNumbers.Style?,
                                   _ read: (FigureCell, Scan, String, Settled, (Diagnostic) -> Void) -> Void) -> Settled {
        let settled = settle(column, scans.map { $0.flatMap(style) })
        let refusals = Refusals(sink: sink, column: column)
        for (cell, scan) in zip(column.cells, scans) {
            guard let scan else { continue }
            read(cell, scan, "`\(column.key)` pada \(cell.row)", settled, refusals.add)
        }
        refusals.finish()
        return settled
    }

    // MARK: Diagnostics

    /// A cell written in the other style than its column.
    private func conflict(_ column: FigureColumn, _ cell: FigureCell, own: ImportNumbers.Style, _ settled: Settled) -> Diagnostic {
        let v = cell.value
        let style = settled.style!
        var expected = style.words
        if let e = settled.example { expected += ", seperti baris \(e.value.location.line): \(e.value.text)" }
        let ownCount = own == .indonesian ? settled.indonesian : settled.english
        let otherCount = own == .indonesian ? settled.english : settled.indonesian
        func named(_ s: ImportNumbers.Style) -> String { s == .indonesian ? "titik pemisah ribuan/koma desimal" : "koma pemisah ribuan/titik desimal" }
        return .galat("impor-angka-ambigu",
                      "`\(column.key)` pada \(cell.row): pemisah angka berbeda dengan sel lain di kolom ini; nilainya tidak dapat dipastikan",
                      at: v.location,
                      figures: [.init("diharapkan", expected), .init("ditemukan", "\(v.text) (\(own.words))")],
                      notes: ["di kolom `\(column.key)` \(otherCount) sel memakai \(named(style)) dan \(ownCount) sel memakai \(named(own)); "
                              + "samakan format angkanya di lembar kerja (Format Sel → Angka) atau di teks, lalu impor ulang"])
    }

    /// The refused cells of one column: the first `maxFigureErrors` are reported, the rest counted
    /// in one line at `finish`.
    private final class Refusals {
        let sink: DiagnosticSink
        let column: FigureColumn
        var count = 0

        init(sink: DiagnosticSink, column: FigureColumn) {
            self.sink = sink
            self.column = column
        }

        func add(_ d: Diagnostic) {
            count += 1
            if count <= maxFigureErrors { sink.add(d) }
        }

        func finish() {
            guard count > maxFigureErrors else { return }
            sink.add(Diagnostic(.info, "impor-angka-ambigu", "\(count - maxFigureErrors) sel lain di kolom `\(column.key)` bermasalah sama dan tidak ditampilkan",
                                at: nil))
        }
    }
}
