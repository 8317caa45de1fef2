import Foundation
import RenjaModel
import RenjaLoad

/// Reads the standard rencana table of Permendagri 86/2017 ("Rumusan Rencana Program dan Kegiatan
/// Perangkat Daerah Tahun N dan Prakiraan Maju Tahun N+1"), pasted or exported as delimited text,
/// into drafts the YAML writer turns into `tabel/rencana-standar.yaml`.
///
/// The columns are the layout's (`ImportLayout.rencanaStandar`): 1 Kode, 2 Urusan/Bidang
/// Urusan/Program/Kegiatan/Sub Kegiatan, 3 Indikator, 4 Lokasi, 5 Target, 6 Pagu indikatif,
/// 7 Sumber dana, 8 Catatan penting, 9 Target N+1, 10 Pagu N+1, then Kelompok sasaran (the
/// regulation does not number it; SIPD data carry it), which may be left out. Every text line
/// before the first table row is the title; the header rows and the numbered row are dropped
/// (also when repeated after a page break). A row's level comes from its Kode: 1 part urusan,
/// 2 bidang urusan, 3 program, 5 kegiatan, 6 sub kegiatan. A row without Kode:
/// - starting "Jumlah"/"Total" is the table's total (renja sums itself): it and what follows
///   (the signatures) are not table data;
/// - with indicator text or a target is one more indicator of the row above (its other cells
///   fill the row's empty ones);
/// - with text only is the rest of a row a page break split (joined with one space).
struct StandardPlanTextParser {
    let layout: ImportLayout
    let path: String
    let sink: DiagnosticSink

    typealias Value = TableTextParser.Value

    final class IndicatorDraft {
        var name: Value
        var target: Value?
        var targetMaju: Value?
        init(name: Value, target: Value?, targetMaju: Value?) { self.name = name; self.target = target; self.targetMaju = targetMaju }
    }

    final class RowDraft: NamedRowDraft {
        let level: StandardPlanLevel
        let code: Value
        var name: Value
        var indicators: [IndicatorDraft] = []
        /// Text cells by column: lokasi, sumber dana, catatan, kelompok sasaran.
        var lokasi: Value?, sumberDana: Value?, catatan: Value?, kelompokSasaran: Value?
        var pagu: Value?, paguMaju: Value?
        var children: [RowDraft] = []
        init(level: StandardPlanLevel, code: Value, name: Value) { self.level = level; self.code = code; self.name = name }
        var label: String { "\(level.word) \(code.text)" }
        var levelWord: String { level.word }
        var indicatorNames: [Value] { indicators.map(\.name) }
    }

    struct Result: ParsedDrafts {
        /// Top-level rows: urusan, or programs when the text has no urusan rows.
        var rows: [RowDraft]
        var title: String?
        /// Year N, from the title ("… Tahun 2024 dan Prakiraan Maju Tahun 2025") or the header
        /// ("Rencana Tahun 2024").
        var year: Int?
        /// `leftOutRows`: the "Jumlah" rows.
        var counts = ImportedRows()
    }

    // MARK: Columns

    private var kodeIndex: Int { layout.cellIndex(of: StandardPlanColumn.kode.number)! }
    private var nameIndex: Int { layout.cellIndex(of: StandardPlanColumn.nama.number)! }
    private var indicatorIndex: Int { layout.cellIndex(of: StandardPlanColumn.indikator.number)! }
    private var lokasiIndex: Int { layout.cellIndex(of: StandardPlanColumn.lokasi.number)! }
    private var targetIndex: Int { layout.cellIndex(of: StandardPlanColumn.target.number)! }
    private var paguIndex: Int { layout.cellIndex(of: StandardPlanColumn.pagu.number)! }
    private var sumberIndex: Int { layout.cellIndex(of: StandardPlanColumn.sumberDana.number)! }
    private var catatanIndex: Int { layout.cellIndex(of: StandardPlanColumn.catatan.number)! }
    private var targetMajuIndex: Int { layout.cellIndex(of: StandardPlanColumn.targetMaju.number)! }
    private var paguMajuIndex: Int { layout.cellIndex(of: StandardPlanColumn.paguMaju.number)! }
    /// The unnumbered column after 10.
    private var kelompokIndex: Int { paguMajuIndex + 1 }

    // MARK: Parsing

    func parse(_ text: String, delimiter: Character) -> Result? {
        let records = DelimitedText.parse(text, delimiter: delimiter)
        var result = Result(rows: [])
        var titleParts: [String] = []
        var headerTexts: [String] = []
        var current: RowDraft?
        var poisoned = false
        var sawData = false, pastTotal = false
        let run = TextParseRun(path: path, sink: sink)
        // The last row of each level, for parents.
        var last: [StandardPlanLevel: RowDraft] = [:]

        for record in records {
            if run.stops(at: record) { break }
            var cells = run.cells(record)
            if cells.allSatisfy({ $0.text.isEmpty }) { continue }
            if pastTotal { result.counts.trailingRows += 1; continue }
            let filled = cells.filter { !$0.text.isEmpty }
            switch run.classify(cells, record, layout: layout, sawData: sawData, isHeader: isHeader, limit: "memuat paling banyak") {
            case .header: result.counts.headerRows += 1; headerTexts += filled.map(\.text); continue
            case .title(let line): titleParts.append(line); continue
            case .tooWide: poisoned = true; continue
            case .row(let padded): cells = padded
            }

            let kode = cells[kodeIndex]
            if Self.isTotal(kode.text) || (kode.text.isEmpty && Self.isTotal(cells[nameIndex].text)) {
                result.counts.leftOutRows += 1
                pastTotal = sawData
                continue
            }
            if kode.text.isEmpty {
                if poisoned { continue }
                guard let row = current else {
                    if !sawData { titleParts.append(filled.map(\.text).joined(separator: " ")); continue }
                    run.fail("impor-lanjutan", "baris tanpa kode tidak punya baris di atasnya untuk disambung",
                             at: filled[0], expected: "baris berkode urusan, bidang urusan, program, kegiatan atau sub kegiatan di atasnya",
                             found: "baris tanpa kode")
                    poisoned = true
                    continue
                }
                if attach(cells, to: row, fail: run.fail) { result.counts.continuationRows += 1 }
                continue
            }
            sawData = true
            guard let level = levelOfCode(kode, fail: run.fail) else { poisoned = true; continue }
            let row = RowDraft(level: level, code: kode, name: cells[nameIndex])
            fill(row, from: cells)
            if let ind = indicator(cells) { row.indicators.append(ind) }

            // The top level is the first row's: urusan (→ bidang → program) or program.
            let top = result.rows.first?.level ?? level
            if level == top && (level == .urusan || level == .program) {
                result.rows.append(row)
            } else {
                let parentLevel = StandardPlanLevel(rawValue: level.rawValue - 1)
                guard let parentLevel, level > top, let parent = last[parentLevel] else {
                    let above = parentLevel?.word ?? "urusan"
                    let found: String
                    if level == .urusan || (top == .program && level < .program) {
                        found = "\(level.word) setelah program tanpa urusan"
                    } else {
                        found = result.rows.isEmpty ? "baris pertama tabel" : "tidak ada \(above) di atasnya"
                    }
                    run.fail("impor-induk", "\(row.label) tidak didahului baris \(above)", at: kode,
                             expected: top == .program && level < .program
                                 ? "baris urusan dan bidang urusan di atas setiap program, atau tidak ada sama sekali"
                                 : "baris \(above) di atasnya",
                             found: found,
                             notes: ["tabel/rencana-standar.yaml dimulai dari urusan (→ bidang → program) atau langsung dari program, tidak keduanya"])
                    poisoned = true
                    continue
                }
                if level >= .kegiatan, !run.checkCode(kode, levelWord: level.word, under: parent, parentCode: parent.code.text) {
                    poisoned = true
                    continue
                }
                parent.children.append(row)
            }
            last[level] = row
            for deeper in StandardPlanLevel.allCases where deeper > level { last[deeper] = nil }
            current = row
            poisoned = false
        }

        if run.errors == 0, result.rows.isEmpty {
            sink.error("impor-kosong", "tidak ada baris tabel yang dapat diimpor", at: run.location(1, 1),
                       figures: [.init("diharapkan", "baris berisi " + layout.columnWords), .init("ditemukan", "hanya judul, baris kepala atau baris kosong")])
        } else if run.errors == 0, let first = result.rows.first, !result.rows.contains(where: { hasProgram($0) }) {
            // Urusan and bidang rows alone are no plan: most likely the columns are shifted.
            sink.error("impor-kosong", "tidak ada baris program: tabel hanya memuat baris urusan dan bidang urusan", at: first.code.location,
                       figures: [.init("diharapkan", "kode program (5.01.01), kegiatan (5.01.01.2.01) atau sub kegiatan (5.01.01.2.01.0001) di kolom 1"),
                                 .init("ditemukan", "\(result.rows.count) baris berkode satu atau dua bagian, mis. \(first.code.text)")],
                       notes: ["periksa apakah kolom 1 memang kolom Kode (bukan kolom nomor urut)"])
        }
        run.checkNames(result.rows, nameColumn: "kolom 2", indicatorColumn: "kolom 3")
        let title = titleParts.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        result.title = title.isEmpty ? nil : title
        result.year = Self.year(in: titleParts) ?? Self.year(in: headerTexts.filter { $0.lowercased().contains("rencana") })
        if !sink.hasErrors {
            // Amounts and figures rewritten alike count as one in the report.
            let f = readFigures(result.rows)
            result.counts.normalizedFigures = f.amounts + f.figures
            result.counts.normalizedExample = f.amountExample ?? f.figureExample
        }
        if sink.hasErrors { return nil }
        return result
    }

    private func hasProgram(_ r: RowDraft) -> Bool {
        r.level >= .program || r.children.contains(where: hasProgram)
    }

    static func isTotal(_ t: String) -> Bool {
        let l = t.lowercased()
        return l.hasPrefix("jumlah") || l.hasPrefix("total")
    }

    /// The first "Tahun YYYY" (the plan year N) of the lines.
    static func year(in lines: [String]) -> Int? {
        for line in lines {
            let words = line.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
            for (i, w) in words.enumerated() where w == "tahun" && i + 1 < words.count {
                if words[i + 1].count == 4, let y = Int(words[i + 1]), (1900...2999).contains(y) { return y }
            }
        }
        return nil
    }

    private func fill(_ row: RowDraft, from cells: [Value]) {
        func value(_ i: Int) -> Value? { cells[i].text.isEmpty ? nil : cells[i] }
        row.lokasi = value(lokasiIndex)
        row.sumberDana = value(sumberIndex)
        row.catatan = value(catatanIndex)
        row.kelompokSasaran = kelompokIndex < cells.count ? value(kelompokIndex) : nil
        row.pagu = value(paguIndex)
        row.paguMaju = value(paguMajuIndex)
    }

    private func indicator(_ cells: [Value]) -> IndicatorDraft? {
        let target = cells[targetIndex].text.isEmpty ? nil : cells[targetIndex]
        let maju = cells[targetMajuIndex].text.isEmpty ? nil : cells[targetMajuIndex]
        guard !cells[indicatorIndex].text.isEmpty || target != nil || maju != nil else { return nil }
        return IndicatorDraft(name: cells[indicatorIndex], target: target, targetMaju: maju)
    }

    /// Attaches a row without Kode to `row`. True for a page-break continuation.
    private func attach(_ cells: [Value], to row: RowDraft, fail: (String, String, Value, String, String, [String]) -> Void) -> Bool {
        func join(_ old: inout Value?, _ new: Value) {
            guard !new.text.isEmpty else { return }
            if let o = old, !o.text.isEmpty { old = Value(text: o.text + " " + new.text, location: o.location) } else { old = new }
        }
        // Money cells fill empty ones only: a second amount for one row cannot be joined.
        for (index, word, get, set) in [(paguIndex, "pagu indikatif", { row.pagu }, { row.pagu = $0 }),
                                        (paguMajuIndex, "pagu indikatif tahun N+1", { row.paguMaju }, { row.paguMaju = $0 })]
            as [(Int, String, () -> Value?, (Value) -> Void)] {
            let v = cells[index]
            guard !v.text.isEmpty else { continue }
            if let old = get() {
                fail("impor-lanjutan", "\(row.label) sudah punya \(word) \(old.text); baris tanpa kode di bawahnya menulis \(v.text)",
                     v, "satu \(word) per baris berkode", v.text,
                     ["tulis indikator berikutnya tanpa angka rupiah, atau beri baris ini kodenya sendiri"])
                return false
            }
            set(v)
        }
        if let ind = indicator(cells) {
            // One more indicator (also one whose name the text left empty: said by checkNames).
            row.indicators.append(ind)
            for i in [lokasiIndex, sumberIndex, catatanIndex, kelompokIndex] where i < cells.count { fillText(row, i, cells[i], join: false) }
            return false
        }
        // Text only: the rest of a row a page break split.
        var name: Value? = row.name; join(&name, cells[nameIndex]); row.name = name!
        if let lastIndicator = row.indicators.last {
            var n: Value? = lastIndicator.name; join(&n, cells[indicatorIndex]); lastIndicator.name = n!
        }
        for i in [lokasiIndex, sumberIndex, catatanIndex, kelompokIndex] where i < cells.count { fillText(row, i, cells[i], join: true) }
        return true
    }

    private func fillText(_ row: RowDraft, _ index: Int, _ v: Value, join: Bool) {
        guard !v.text.isEmpty else { return }
        func merged(_ old: Value?) -> Value {
            guard let old, !old.text.isEmpty else { return v }
            return join ? Value(text: old.text + " " + v.text, location: old.location) : old
        }
        switch index {
        case lokasiIndex: row.lokasi = merged(row.lokasi)
        case sumberIndex: row.sumberDana = merged(row.sumberDana)
        case catatanIndex: row.catatan = merged(row.catatan)
        default: row.kelompokSasaran = merged(row.kelompokSasaran)
        }
    }

    // MARK: Header

    private static let headerWords = ["kode", "urusan", "program", "kegiatan", "indikator", "rencana", "lokasi", "target", "capaian",
                                      "kebutuhan", "pagu", "sumber", "catatan", "prakiraan", "kelompok", "sasaran", "keterangan", "(rp)", "rp"]

    /// Column titles, also after a page break: no code in the Kode column, two or more filled
    /// cells, each holding a word of the regulation's column titles and no figure.
    private func isHeader(_ cells: [Value]) -> Bool {
        let lower = cells.map { $0.text.lowercased() }
        let filled = lower.filter { !$0.isEmpty }
        guard filled.count >= 2 else { return false }
        if let k = lower.indices.contains(kodeIndex) ? lower[kodeIndex] : nil, !k.isEmpty, k.first?.isNumber == true { return false }
        return filled.allSatisfy { cell in
            cell.split { !$0.isLetter && $0 != "(" && $0 != ")" }.contains { Self.headerWords.contains(String($0)) }
                && ImportNumbers.amount(cell) == nil && ImportNumbers.decimal(cell) == nil
        }
    }

    // MARK: Levels

    private func levelOfCode(_ v: Value, fail: (String, String, Value, String, String, [String]) -> Void) -> StandardPlanLevel? {
        switch NomenclatureCode.partCount(v.text) {
        case 1: return .urusan
        case 2: return .bidang
        case 3: return .program
        case 5: return .kegiatan
        case 6: return .subKegiatan
        default: break
        }
        fail("impor-kode", "kode `\(v.text)` bukan kode nomenklatur urusan, bidang urusan, program, kegiatan atau sub kegiatan", v,
             "kode urusan (5), bidang urusan (5.01), program (5.01.01), kegiatan (5.01.01.2.01) atau sub kegiatan (5.01.01.2.01.0001)", v.text, [])
        return nil
    }

    // MARK: Figures

    /// Pagu (kolom 6, 10) as Tabel 2's amounts, targets (kolom 5, 9) as its targets (`FigureReader`).
    private func readFigures(_ rows: [RowDraft]) -> TableTextParser.FigureCounts {
        typealias Column = TableTextParser.FigureColumn
        typealias Cell = TableTextParser.FigureCell
        var pagu = Column(key: "pagu", kind: .amount), paguMaju = Column(key: "pagu_maju", kind: .amount)
        var target = Column(key: "target", kind: .quantity), targetMaju = Column(key: "target_maju", kind: .quantity)
        func walk(_ r: RowDraft) {
            if let v = r.pagu { pagu.cells.append(Cell(value: v, row: r.label, set: { r.pagu?.text = $0 })) }
            if let v = r.paguMaju { paguMaju.cells.append(Cell(value: v, row: r.label, set: { r.paguMaju?.text = $0 })) }
            for i in r.indicators {
                if let v = i.target { target.cells.append(Cell(value: v, row: r.label, set: { i.target?.text = $0 })) }
                if let v = i.targetMaju { targetMaju.cells.append(Cell(value: v, row: r.label, set: { i.targetMaju?.text = $0 })) }
            }
            r.children.forEach(walk)
        }
        rows.forEach(walk)
        return FigureReader(sink: sink).read([pagu, paguMaju, target, targetMaju])
    }
}
