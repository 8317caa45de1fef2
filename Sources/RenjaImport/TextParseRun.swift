import RenjaModel

/// A row draft of any of the text parsers, as the shared checks see it.
protocol NamedRowDraft: AnyObject {
    var name: TableTextParser.Value { get }
    var indicatorNames: [TableTextParser.Value] { get }
    var children: [Self] { get }
    /// "kegiatan 1.01.02.2.01"
    var label: String { get }
    var levelWord: String { get }
}

extension NamedRowDraft {
    /// `roots` and every row below them, depth first: the order of the loaders' `allRows`.
    static func depthFirst(_ roots: [Self]) -> [Self] {
        roots.flatMap { [$0] + depthFirst($0.children) }
    }
}

/// One run of a text parser over its records: what the parsers of every layout (Tabel 1/2, the
/// standard evaluation and rencana tables) do alike — count the errors and stop after
/// `maxErrors` (a wrong delimiter would otherwise give one per row), clean and pad a record's
/// cells, and the checks of names and of a kode under its parent's.
final class TextParseRun {
    typealias Value = TableTextParser.Value

    let path: String
    let sink: DiagnosticSink
    private(set) var errors = 0

    static let maxErrors = 25

    init(path: String, sink: DiagnosticSink) {
        self.path = path
        self.sink = sink
    }

    func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    /// Reports an error at `v`'s cell; every one counts towards `maxErrors`.
    func fail(_ code: String, _ message: String, at v: Value, expected: String, found: String, notes: [String] = []) {
        errors += 1
        sink.error(code, message, at: v.location, figures: [.init("diharapkan", expected), .init("ditemukan", found)], notes: notes)
    }

    /// True, once said, when the run has reported `maxErrors` errors before `record`.
    func stops(at record: InputRecord) -> Bool {
        guard errors >= Self.maxErrors else { return false }
        sink.add(Diagnostic(.info, "impor-terlalu-banyak", "pemeriksaan dihentikan setelah \(Self.maxErrors) galat",
                            at: location(record.line, 1)))
        return true
    }

    /// The record's cells, cleaned (`TableTextParser.clean`), each at its input place.
    func cells(_ record: InputRecord) -> [Value] {
        record.cells.map { Value(text: TableTextParser.clean($0.text), location: location($0.line, $0.column)) }
    }

    /// Where the record's line ends: the place of the cells it lacks.
    func endOfLine(_ record: InputRecord) -> SourceLocation {
        let last = record.cells.last!
        return location(last.line, last.column + last.text.count)
    }

    /// Exactly `width` cells: the missing ones empty at the end of the line, the extra ones
    /// (empty: see `extraCell`) dropped.
    func padded(_ cells: [Value], _ record: InputRecord, width: Int) -> [Value] {
        var values = Array(cells.prefix(width))
        let end = endOfLine(record)
        while values.count < width { values.append(Value(text: "", location: end)) }
        return values
    }

    /// The first filled cell beyond `width`, and how many cells the row has up to its last filled one.
    static func extraCell(_ cells: [Value], width: Int) -> (cell: Value, count: Int)? {
        guard let extra = cells.dropFirst(width).first(where: { !$0.text.isEmpty }) else { return nil }
        return (extra, (cells.lastIndex { !$0.text.isEmpty } ?? 0) + 1)
    }

    /// A non-empty record of a standard layout, in the order it is told apart.
    enum StandardRecord {
        /// Column titles or the numbered row (also repeated after a page break).
        case header
        /// A line above the table with one filled cell, the first.
        case title(String)
        /// A filled cell beyond the layout's width (a cell holding the delimiter, unquoted,
        /// shifts the rest): refused at that cell.
        case tooWide
        /// A table row: its cells padded to the layout's width.
        case row([Value])
    }

    /// What `record` (its cleaned `cells`) is in a standard layout. `limit` words the width in
    /// the error ("memuat paling banyak" where trailing columns may be left out).
    func classify(_ cells: [Value], _ record: InputRecord, layout: ImportLayout, sawData: Bool,
                  isHeader: ([Value]) -> Bool, limit: String) -> StandardRecord {
        if NumberedRow.read(record) != nil || isHeader(cells) { return .header }
        let filled = cells.filter { !$0.text.isEmpty }
        if !sawData, filled.count == 1, cells.dropFirst().allSatisfy(\.text.isEmpty) || cells.count == 1 { return .title(filled[0].text) }
        if let (extra, count) = Self.extraCell(cells, width: layout.width) {
            fail("impor-kolom", "baris memuat \(count) kolom; \(layout.name) \(limit) \(layout.width) kolom", at: extra,
                 expected: "\(layout.width) kolom: " + layout.columnWords, found: "\(count) kolom",
                 notes: ["periksa pemisah kolom: sel yang memuat tab, ; atau , harus diapit tanda kutip ganda"])
            return .tooWide
        }
        return .row(padded(cells, record, width: layout.width))
    }

    /// Every row and every indicator has a name, said where: `nameColumn` ("kolom 2"),
    /// `indicatorColumn` ("kolom indikator").
    func checkNames<Row: NamedRowDraft>(_ rows: [Row], nameColumn: String, indicatorColumn: String) {
        func walk(_ r: Row) {
            if r.name.text.isEmpty {
                sink.error("impor-nama-kosong", "\(r.label) tidak punya nama", at: r.name.location,
                           figures: [.init("diharapkan", "nama \(r.levelWord) di \(nameColumn)"), .init("ditemukan", "kolom kosong")])
            }
            for name in r.indicatorNames where name.text.isEmpty {
                sink.error("impor-indikator", "indikator \(r.label) tidak punya nama", at: name.location,
                           figures: [.init("diharapkan", "nama indikator di \(indicatorColumn)"), .init("ditemukan", "kolom kosong")])
            }
            r.children.forEach(walk)
        }
        rows.forEach(walk)
    }

    /// A kegiatan's kode continues its program's, a sub kegiatan's its kegiatan's (Permendagri
    /// 90). False, with the error at `code`, when it does not.
    func checkCode(_ code: Value, levelWord: String, under parent: some NamedRowDraft, parentCode: String) -> Bool {
        let mother = NomenclatureCode.bare(parentCode)
        guard !code.text.hasPrefix(mother + ".") else { return true }
        fail("impor-induk", "kode \(levelWord) \(code.text) tidak berada di bawah \(parent.label) di atasnya",
             at: code, expected: "kode yang diawali \(mother).", found: code.text,
             notes: ["bila \(parent.levelWord) induknya belum ada, tambahkan barisnya di atas baris ini"])
        return false
    }
}

/// The written form of row keys: nomenclature codes (`1.01.02.2.01.0006`, `X` for a part the
/// region numbers itself) and row numbers (`1.1`), either perhaps ending in a dot.
enum NomenclatureCode {
    /// `t` without one trailing dot.
    static func bare(_ t: String) -> String {
        t.hasSuffix(".") ? String(t.dropLast()) : t
    }

    /// How many parts `t` has when every part is digits (or `X`, when `allowingX`); nil otherwise.
    static func partCount(_ t: String, allowingX: Bool = true) -> Int? {
        let parts = bare(t).split(separator: ".", omittingEmptySubsequences: false)
        let valid = parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isNumber || (allowingX && ($0 == "X" || $0 == "x"))) } }
        return valid ? parts.count : nil
    }
}
