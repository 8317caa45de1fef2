import Foundation
import RenjaModel
import RenjaLoad

/// One file kind `renja import` writes — Tabel 1 and Tabel 2 (`TableImporter`), the standard
/// evaluation table (`StandardTableImport`), the standard rencana table (`StandardPlanImport`):
/// its parser, its YAML writer, its loader and what its report says. The import itself — decode,
/// parse, read the replaced file (its header, title and `arah`), choose the title, emit, gate the
/// YAML through the loader and put its errors back on the input cells, plan, write, report — is
/// this protocol's extension, the same for every kind.
protocol LayoutImport {
    /// What the parser read: rows whose cells remember their input place.
    associatedtype Drafts: ParsedDrafts
    /// The table the kind's loader reads from the written YAML.
    associatedtype Loaded: Sendable

    /// The title of a table whose text has no title line and that replaces no file.
    static func standardTitle(_ layout: ImportLayout) -> String
    /// The table in words, for the target warning: "tabel evaluasi standar".
    static func tableWords(_ layout: ImportLayout) -> String

    static func parse(_ text: String, layout: ImportLayout, delimiter: Character, path: String, sink: DiagnosticSink) -> Drafts?
    /// The delimiter the parser settled on, when it chooses its own (nil: the one it was given).
    static func delimiter(of drafts: Drafts) -> Character?
    /// The kind's loader, as `renja build` runs it.
    static func load(_ text: String, layout: ImportLayout, path: String, sink: DiagnosticSink) -> Loaded?
    static func title(of table: Loaded) -> String
    /// The `arah` the replaced file declared.
    static func directions(in table: Loaded) -> CarriedDirections
    /// The comment header of a new file; its first line names the table and its title.
    static func defaultHeader(title: String, layout: ImportLayout) -> [String]
    /// The YAML of `drafts`, with the carried-over `arah` it wrote. `existing` is what could be
    /// read of the replaced file.
    static func emit(_ drafts: Drafts, title: String, layout: ImportLayout, header: [String], existing: Loaded?,
                     directions: CarriedDirections) -> PlacedYAML
    /// Where the loaded table differs from the drafts (a writer bug); nil when it reads back as drafted.
    static func differs(_ table: Loaded, _ drafts: Drafts) -> String?
    /// A loader error at a value written from a cell that the cell can cause (else the writer's).
    static func isCellError(_ d: Diagnostic) -> Bool

    /// The report's name of the table: "tabel rencana standar".
    static func summaryTitle(_ p: LayoutPlan<Loaded>) -> String
    /// The report's lines of the rows and totals read.
    static func contentLines(_ p: LayoutPlan<Loaded>) -> [String]
    /// The report's words for the counts of `ImportedRows`.
    static var headerWords: String { get }
    static var continuationWords: String { get }
    static var leftOutWords: String { get }
    static var trailingWords: String { get }
    static var figureWords: String { get }
    /// The title line the report names as the title's source: "baris judul".
    static func captionWords(_ p: LayoutPlan<Loaded>) -> (found: String, missing: String)
    /// The report's lines after the title's: what else the file declares.
    static func settingLines(_ p: LayoutPlan<Loaded>) -> [String]
    /// What changes against the replaced table, row by row.
    static func changes(old: Loaded, new: Loaded, file: PlannedFile, detailed: Bool) -> [String]
}

/// What every parser gives besides its rows: the title its title lines give, and the counts of
/// the report.
protocol ParsedDrafts {
    var title: String? { get }
    var counts: ImportedRows { get }
}

/// What `build` made: the YAML, the table the loader read from it, and how the text was read.
struct LayoutBuilt<Kind: LayoutImport> {
    var yaml: String
    var table: Kind.Loaded
    var titleSource: TitleSource
    var result: Kind.Drafts
    var delimiter: Character
    var encodingNote: String?
    var keptDirections: Int
    /// The replaced file's table, when it loads without errors (else nil, and `existingProblems`).
    var existing: Kind.Loaded?
    var existingProblems: [Diagnostic]
}

/// The rows a text had besides the table's, and the figures rewritten, for the report.
public struct ImportedRows: Sendable {
    /// Header and numbered rows dropped.
    public var headerRows = 0
    /// Rows a page break split, joined to the row above.
    public var continuationRows = 0
    /// Rows of the text the file does not hold: urusan and bidang urusan rows (evaluation
    /// table), "Jumlah" rows (rencana table, renja sums itself).
    public var leftOutRows = 0
    /// Lines below the table (signatures) left out.
    public var trailingRows = 0
    /// Rupiah amounts rewritten with thousands dots, and the first (as written, as written now).
    public var normalizedAmounts = 0
    public var normalizedAmountExample: (String, String)?
    /// Figures rewritten so the loader reads what the import read, and the first.
    public var normalizedFigures = 0
    public var normalizedExample: (String, String)?
}

/// Where the title of the written table came from (the user is told).
public enum TitleSource: Sendable, Equatable {
    case caption        // the text's title line ("Tabel N. …" for Tabel 1/2)
    case existingFile   // the file being replaced
    case standard       // neither: a default worth checking
}

/// Everything an import would do, decided before any file is touched.
public struct LayoutPlan<Table: Sendable>: EditableFilePlan {
    public var layout: ImportLayout
    public var inputDisplay: String
    /// The imported table as the loader reads it from `yaml` (title settled, `arah` carried over).
    public var table: Table
    public var file: PlannedFile
    /// The replaced file's table, when it loads without errors.
    public var existing: Table?
    /// Why the replaced file could not be compared (its read or load errors).
    public var existingProblems: [Diagnostic]
    public var titleSource: TitleSource
    public var delimiter: Character
    public var encodingNote: String?
    public var rows: ImportedRows
    /// Indicators whose `arah` was carried over from the replaced file.
    public var keptDirections: Int
    /// Comment lines inside the replaced file (below its header) that the new file does not keep.
    public var droppedComments: Int
    public var warnings: [Diagnostic]
}

public typealias ImportPlan = LayoutPlan<RenjaModel.Table>
public typealias StandardImportPlan = LayoutPlan<StandardEvaluationTable>
public typealias StandardPlanImportPlan = LayoutPlan<StandardPlanTable>

public enum ImportWriteResult: Sendable, Equatable {
    case written
    case unchanged
}

/// The target exists and `--force` was not given.
public struct OverwriteRefused: Error, Sendable {
    public var path: String
}

extension LayoutImport {
    static func delimiter(of drafts: Drafts) -> Character? { nil }
    static func isCellError(_ d: Diagnostic) -> Bool { ImportGate.isValueError(d) }
    static var headerWords: String { "baris kepala/nomor kolom dibuang" }
    static var continuationWords: String { "baris sambungan digabung" }
    static var figureWords: String { "angka" }
    static func captionWords(_ p: LayoutPlan<Loaded>) -> (found: String, missing: String) { ("baris judul", "baris judul") }
    static func settingLines(_ p: LayoutPlan<Loaded>) -> [String] { [] }

    /// Decodes and parses; nil with the diagnostics (whole-file ones first, then in input order)
    /// when the text cannot be read.
    static func read(_ data: Data, layout: ImportLayout, delimiter: Character?, path: String,
                     sink: DiagnosticSink) -> (drafts: Drafts, delimiter: Character, encodingNote: String?)? {
        guard let decoded = ImportText.decode(data, displayPath: path, sink: sink) else { return nil }
        let d = delimiter ?? DelimitedText.detectDelimiter(decoded.text, expectedColumns: layout.width)
        guard let drafts = parse(decoded.text, layout: layout, delimiter: d, path: path, sink: sink) else { return nil }
        return (drafts, Self.delimiter(of: drafts) ?? d, decoded.encodingNote)
    }

    /// The YAML for `data`, or the diagnostics that stop it. `existingText` is the file it replaces.
    static func build(_ data: Data, layout: ImportLayout, delimiter: Character?, path: String, outputPath: String,
                      existingText: String?) -> (built: LayoutBuilt<Self>?, diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        guard let (drafts, d, encodingNote) = read(data, layout: layout, delimiter: delimiter, path: path, sink: sink) else {
            return (nil, ImportGate.inInputOrder(sink.diagnostics))
        }

        // The replaced file: what its loader can read of it keeps its title, its header comment,
        // the `arah` staff added by hand (and the rencana table's `tahun`); it is compared row by
        // row only when it loads without errors.
        var readable: Loaded?
        var existing: Loaded?
        var existingProblems: [Diagnostic] = []
        var header: [String] = []
        if let text = existingText {
            let old = DiagnosticSink()
            readable = load(text, layout: layout, path: outputPath, sink: old)
            existingProblems = old.diagnostics.filter { $0.severity == .galat }
            if existingProblems.isEmpty { existing = readable }
            header = TableYAMLWriter.header(of: text)
        }
        let oldTitle = readable.map(Self.title(of:)).flatMap { $0.isEmpty ? nil : $0 }
        let title: String
        let titleSource: TitleSource
        if let t = drafts.title {
            title = t; titleSource = .caption
        } else if let oldTitle {
            title = oldTitle; titleSource = .existingFile
        } else {
            title = standardTitle(layout); titleSource = .standard
        }
        if header.isEmpty {
            header = defaultHeader(title: title, layout: layout)
        } else if let oldTitle, header[0] == defaultHeader(title: oldTitle, layout: layout).first {
            // The default header names the title: it follows the new one.
            header[0] = defaultHeader(title: title, layout: layout)[0]
        }
        let yaml = emit(drafts, title: title, layout: layout, header: header, existing: readable,
                        directions: readable.map(directions(in:)) ?? CarriedDirections())
        let warnings = sink.diagnostics.filter { $0.severity != .galat }
        let (loaded, problems) = gate(yaml.text, layout: layout, place: yaml.place(of:), drafts: drafts, outputPath: outputPath)
        guard let table = loaded, problems.isEmpty else { return (nil, refusal(problems, warnings: warnings)) }
        return (LayoutBuilt(yaml: yaml.text, table: table, titleSource: titleSource, result: drafts, delimiter: d,
                            encodingNote: encodingNote, keptDirections: yaml.directions.kept, existing: existing,
                            existingProblems: existingProblems),
                ImportGate.inInputOrder(sink.diagnostics))
    }

    /// The gate before any file is written: `yaml` is read exactly as `renja build` and `renja
    /// check` read the kind's file (`ContentFile.decode`, then the kind's loader). Every load error
    /// comes back, moved to the input cell its value came from (`place`). Empty problems when the
    /// text loads without errors as exactly `drafts`; an error that is not about a value the
    /// import took from a cell, or a table that reads back different, adds an `impor-internal`
    /// error first (a bug in the writer).
    static func gate(_ yaml: String, layout: ImportLayout, place: (SourceLocation) -> InputPlace?, drafts: Drafts,
                     outputPath: String) -> (table: Loaded?, problems: [Diagnostic]) {
        let sink = DiagnosticSink()
        let loaded = ContentFile.decode(Data(yaml.utf8), displayPath: outputPath, sink: sink)
            .flatMap { load($0, layout: layout, path: outputPath, sink: sink) }
        let errors = sink.diagnostics.filter { $0.severity == .galat }
        if errors.isEmpty {
            guard let loaded else { return (nil, [ImportGate.unreadable]) }
            if let mismatch = differs(loaded, drafts) { return (nil, [ImportGate.mismatch(mismatch)]) }
            return (loaded, [])
        }
        var out = ImportGate.relocated(errors, outputPath: outputPath, place: place)
        if let structural = errors.first(where: { !isCellError($0) || ImportGate.isSyntaxError($0) || $0.location.flatMap(place) == nil }) {
            out.insert(ImportGate.mismatch(DiagnosticPrinter.short(structural)), at: 0)
        }
        return (loaded, out)
    }

    /// The loader's problems, and the import's own warnings except those about the same cells:
    /// whole-file ones first, then in input order.
    static func refusal(_ problems: [Diagnostic], warnings: [Diagnostic]) -> [Diagnostic] {
        let placed = Set(problems.compactMap(\.location))
        return ImportGate.inInputOrder(problems + warnings.filter { w in !(w.location.map(placed.contains) ?? false) })
    }

    /// Settles the target (`layout.fileName` of the document), reads the file it replaces and
    /// builds. Throws `InputError` when the input cannot be imported or the target cannot be
    /// chosen (with what is wrong in the input too); writes nothing.
    static func plan(_ data: Data, layout: ImportLayout, delimiter: Character?, request: LayoutImportRequest) throws -> LayoutPlan<Loaded> {
        let target: URL, targetDisplay: String
        do {
            (target, targetDisplay) = try ImportFiles.resolveTarget(request, fileName: layout.fileName)
        } catch let e as InputError {
            let (_, diagnostics) = build(data, layout: layout, delimiter: delimiter, path: request.inputDisplay,
                                         outputPath: layout.fileName, existingText: nil)
            throw InputError(e.diagnostics + diagnostics)
        }
        var existingText: String?
        var readProblems: [Diagnostic] = []
        if FileManager.default.fileExists(atPath: target.path) {
            let sink = DiagnosticSink()
            existingText = ContentFile.read(target, displayPath: targetDisplay, sink: sink)
            if existingText == nil { existingText = ""; readProblems = sink.diagnostics }
        }
        let nameWarning = [ImportFiles.nameWarning(target, expected: layout.fileName, table: tableWords(layout))].compactMap { $0 }
        let (built, diagnostics) = build(data, layout: layout, delimiter: delimiter, path: request.inputDisplay,
                                         outputPath: targetDisplay, existingText: existingText)
        guard let b = built else { throw InputError(ImportGate.inInputOrder(nameWarning + diagnostics)) }
        return LayoutPlan(layout: layout, inputDisplay: request.inputDisplay, table: b.table,
                          file: PlannedFile(target: target, targetDisplay: targetDisplay, existingText: existingText, yaml: b.yaml),
                          existing: b.existing, existingProblems: readProblems + b.existingProblems, titleSource: b.titleSource,
                          delimiter: b.delimiter, encodingNote: b.encodingNote, rows: b.result.counts,
                          keptDirections: b.keptDirections, droppedComments: existingText.map(TableYAMLWriter.commentsBelowHeader) ?? 0,
                          warnings: ImportGate.inInputOrder(nameWarning + diagnostics))
    }

    /// What an import of `data` into a new file at `outputPath` would write, or why it would not,
    /// without the file system (the fuzzer and the tests). `yaml` is nil when the import is refused.
    static func importText(_ data: Data, layout: ImportLayout, delimiter: Character? = nil, path: String,
                           outputPath: String) -> (yaml: String?, diagnostics: [Diagnostic]) {
        let (built, diagnostics) = build(data, layout: layout, delimiter: delimiter, path: path, outputPath: outputPath, existingText: nil)
        return (built?.yaml, diagnostics)
    }

    /// Writes the plan's YAML atomically (`ImportFiles.write`). The YAML is loaded once more
    /// first (a plan's fields can be changed after `plan`): nothing is written that the loader refuses.
    static func write(_ p: LayoutPlan<Loaded>, force: Bool) throws -> ImportWriteResult {
        try ImportFiles.write(p.file, force: force) {
            let sink = DiagnosticSink()
            _ = ContentFile.decode(Data(p.yaml.utf8), displayPath: p.targetDisplay, sink: sink)
                .flatMap { load($0, layout: p.layout, path: p.targetDisplay, sink: sink) }
            return sink.diagnostics.filter { $0.severity == .galat }
        }
    }

    // MARK: Report

    /// How the text was read, what it held and where the title came from.
    static func summary(_ p: LayoutPlan<Loaded>) -> [String] {
        var lines = [ImportReport.opening(summaryTitle(p), input: p.inputDisplay, delimiter: p.delimiter, encodingNote: p.encodingNote)]
        lines += contentLines(p)
        let r = p.rows
        var dropped: [String] = []
        if r.headerRows > 0 { dropped.append("\(r.headerRows) \(headerWords)") }
        if r.continuationRows > 0 { dropped.append("\(r.continuationRows) \(continuationWords)") }
        if r.leftOutRows > 0 { dropped.append("\(r.leftOutRows) \(leftOutWords)") }
        if r.trailingRows > 0 { dropped.append("\(r.trailingRows) \(trailingWords)") }
        if !dropped.isEmpty { lines.append("  " + dropped.joined(separator: ", ")) }
        if r.normalizedAmounts > 0, let (from, to) = r.normalizedAmountExample {
            lines.append("  \(r.normalizedAmounts) jumlah rupiah ditulis dengan titik pemisah ribuan seperti di dokumen (mis. \(from) → \(to))")
        }
        if r.normalizedFigures > 0, let (from, to) = r.normalizedExample {
            lines.append("  \(r.normalizedFigures) \(figureWords) ditulis ulang agar terbaca sama oleh `renja build` (mis. \(from) → \(to))")
        }
        let title = Self.title(of: p.table)
        let words = captionWords(p)
        switch p.titleSource {
        case .caption: lines.append("Judul tabel (dari \(words.found) di teks): \(title)")
        case .existingFile: lines.append("Judul tabel (dipertahankan dari berkas lama; teks tidak memuat \(words.missing)): \(title)")
        case .standard: lines.append("Judul tabel (bawaan, karena teks tidak memuat \(words.missing); ubah kunci `judul` bila perlu): \(title)")
        }
        lines += settingLines(p)
        if p.keptDirections > 0 { lines.append("`arah` dipertahankan dari berkas lama untuk \(p.keptDirections) indikator.") }
        if p.droppedComments > 0 {
            lines.append("Perhatian: \(p.droppedComments) komentar di dalam berkas lama (di bawah komentar pembuka) tidak ikut ditulis ulang.")
        }
        return lines
    }

    /// What changes against the target. `detailed` lists every row that changes.
    static func changes(_ p: LayoutPlan<Loaded>, detailed: Bool) -> [String] {
        guard p.targetExists else { return ["Berkas \(p.targetDisplay) belum ada dan akan dibuat."] }
        guard let old = p.existing, p.existingProblems.isEmpty else {
            var lines = ["Berkas lama \(p.targetDisplay) tidak dapat dibaca (\(p.existingProblems.count) galat); perbandingan baris dilewati."]
            if detailed { lines += p.existingProblems.prefix(5).map { "  " + DiagnosticPrinter.short($0) } }
            return lines
        }
        if p.isUnchanged { return ["Tidak ada perubahan: \(p.targetDisplay) sudah sama persis dengan hasil impor."] }
        return changes(old: old, new: p.table, file: p.file, detailed: detailed)
    }
}

/// The row-by-row reading back the standard tables' gates do: their drafts are rows as the
/// loader's `allRows` lists them.
protocol RowDraftImport: LayoutImport {
    /// A row of `Loaded`, and the draft it was written from.
    associatedtype Row
    associatedtype DraftRow: NamedRowDraft
    /// Every row of the loaded table, depth first, and the drafts' top rows.
    static func rows(of table: Loaded) -> [Row]
    static func roots(of drafts: Drafts) -> [DraftRow]
    /// Where a loaded row differs from its draft (a writer bug); nil when it does not.
    static func differs(_ row: Row, _ draft: DraftRow) -> String?
}

extension RowDraftImport {
    /// Row by row in the same order; nil when the table reads back as drafted.
    static func differs(_ table: Loaded, _ drafts: Drafts) -> String? {
        let rows = rows(of: table), drafted = DraftRow.depthFirst(roots(of: drafts))
        guard rows.count == drafted.count else { return "\(rows.count) baris terbaca, \(drafted.count) diimpor" }
        return zip(rows, drafted).lazy.compactMap(differs).first
    }
}
