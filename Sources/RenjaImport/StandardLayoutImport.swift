import Foundation
import RenjaModel
import RenjaLoad

/// A file kind with columns of its own (the standard tables of Permendagri 86/2017): its parser,
/// its YAML writer, its loader and what its report says. The import itself — decode, parse, keep
/// the replaced file's header and `arah`, choose the title, emit, gate the YAML through the loader
/// and put its errors back on the input cells, plan, write — is this protocol's extension, the
/// same for every such kind.
protocol StandardLayoutImport {
    /// What the parser read: row drafts whose cells remember their input place.
    associatedtype Drafts
    /// The table the kind's loader reads from the written YAML.
    associatedtype Loaded: Sendable
    /// A row of `Loaded`, and the draft it was written from.
    associatedtype Row
    associatedtype DraftRow: NamedRowDraft

    /// The title of a table whose text has no title line and that replaces no file.
    static var standardTitle: String { get }
    /// The table in words, for the target warning: "tabel evaluasi standar".
    static var tableWords: String { get }

    static func parse(_ text: String, layout: ImportLayout, delimiter: Character, path: String, sink: DiagnosticSink) -> Drafts?
    /// The title the text's title lines give, if any.
    static func title(of drafts: Drafts) -> String?
    /// The counts of the report, from the drafts.
    static func counts(of drafts: Drafts) -> ImportedRows
    /// The kind's loader, as `renja build` runs it.
    static func load(_ text: String, path: String, sink: DiagnosticSink) -> Loaded?
    static func title(of table: Loaded) -> String
    /// The `arah` the replaced file declared.
    static func directions(in table: Loaded) -> CarriedDirections
    static func defaultHeader(title: String, layout: ImportLayout) -> [String]
    /// The YAML of `drafts`, with the carried-over `arah` it wrote.
    static func emit(_ drafts: Drafts, title: String, layout: ImportLayout, header: [String], existing: Loaded?,
                     directions: CarriedDirections) -> PlacedYAML
    /// Every row of the loaded table, depth first, and the drafts' top rows.
    static func rows(of table: Loaded) -> [Row]
    static func roots(of drafts: Drafts) -> [DraftRow]
    /// Where a loaded row differs from its draft (a writer bug); nil when it does not.
    static func differs(_ row: Row, _ draft: DraftRow) -> String?

    /// The report's name of the table: "tabel rencana standar".
    static func summaryTitle(_ p: StandardLayoutPlan<Loaded>) -> String
    /// The report's lines of the rows and totals read.
    static func contentLines(_ p: StandardLayoutPlan<Loaded>) -> [String]
    /// The report's words for `ImportedRows.leftOutRows` and `trailingRows`.
    static var leftOutWords: String { get }
    static var trailingWords: String { get }
    /// The report's lines after the title's: what else the file declares.
    static func settingLines(_ p: StandardLayoutPlan<Loaded>) -> [String]
    /// What changes against the replaced table, row by row.
    static func changes(old: Loaded, new: Loaded, targetDisplay: String, detailed: Bool) -> [String]
}

/// What `build` made: the YAML, the table the loader read from it, and how the text was read.
struct StandardLayoutBuilt<Kind: StandardLayoutImport> {
    var yaml: String
    var table: Kind.Loaded
    var titleSource: TitleSource
    var result: Kind.Drafts
    var delimiter: Character
    var encodingNote: String?
    var keptDirections: Int
    var existing: Kind.Loaded?
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
    public var normalizedFigures = 0
    public var normalizedExample: (String, String)?
}

/// Everything an import of a standard table would do, decided before any file is touched.
public struct StandardLayoutPlan<Table: Sendable>: EditableFilePlan {
    public var table: Table
    public var file: PlannedFile
    /// The replaced file's table, when it loads.
    public var existing: Table?
    public var titleSource: TitleSource
    public var delimiter: Character
    public var encodingNote: String?
    public var rows: ImportedRows
    /// Indicators whose `arah` was carried over from the replaced file.
    public var keptDirections: Int
    public var warnings: [Diagnostic]
}

public typealias StandardImportPlan = StandardLayoutPlan<StandardEvaluationTable>
public typealias StandardPlanImportPlan = StandardLayoutPlan<StandardPlanTable>

extension StandardLayoutImport {
    /// The YAML for `data`, or the diagnostics that stop it. `existingText` is the file it replaces.
    static func build(_ data: Data, layout: ImportLayout, delimiter: Character?, path: String, outputPath: String,
                      existingText: String?) -> (built: StandardLayoutBuilt<Self>?, diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        guard let decoded = ImportText.decode(data, displayPath: path, sink: sink) else { return (nil, sink.diagnostics) }
        let d = delimiter ?? DelimitedText.detectDelimiter(decoded.text, expectedColumns: layout.width)
        guard let drafts = parse(decoded.text, layout: layout, delimiter: d, path: path, sink: sink) else {
            return (nil, ImportGate.inInputOrder(sink.diagnostics, unplacedFirst: true))
        }

        // The replaced file's header comment and the `arah` staff added by hand survive the import.
        var existing: Loaded?
        var header: [String] = []
        if let text = existingText {
            existing = load(text, path: outputPath, sink: DiagnosticSink())
            header = TableYAMLWriter.header(of: text)
        }
        let title: String
        let titleSource: TitleSource
        if let t = Self.title(of: drafts) {
            title = t; titleSource = .caption
        } else if let old = existing.map(Self.title(of:)), !old.isEmpty {
            title = old; titleSource = .existingFile
        } else {
            title = standardTitle; titleSource = .standard
        }
        if header.isEmpty { header = defaultHeader(title: title, layout: layout) }
        let yaml = emit(drafts, title: title, layout: layout, header: header, existing: existing,
                        directions: existing.map(directions(in:)) ?? CarriedDirections())

        // The gate: the text is read exactly as `renja build` reads it.
        let gate = DiagnosticSink()
        let loaded = ContentFile.decode(Data(yaml.text.utf8), displayPath: outputPath, sink: gate)
            .flatMap { load($0, path: outputPath, sink: gate) }
        let errors = gate.diagnostics.filter { $0.severity == .galat }
        guard errors.isEmpty, let table = loaded else {
            var out = ImportGate.relocated(errors, outputPath: outputPath, place: yaml.place(of:))
            if out.isEmpty { out.append(ImportGate.unreadable) }
            return (nil, ImportGate.inInputOrder(out + sink.diagnostics.filter { $0.severity != .galat }, unplacedFirst: true))
        }
        if let mismatch = differs(table, drafts) { return (nil, [ImportGate.mismatch(mismatch)]) }
        return (StandardLayoutBuilt(yaml: yaml.text, table: table, titleSource: titleSource, result: drafts, delimiter: d,
                                    encodingNote: decoded.encodingNote, keptDirections: yaml.directions.kept, existing: existing),
                ImportGate.inInputOrder(sink.diagnostics, unplacedFirst: true))
    }

    /// Where the loaded table differs from the drafts, row by row in the same order; nil when it
    /// reads back as drafted.
    static func differs(_ table: Loaded, _ drafts: Drafts) -> String? {
        let rows = rows(of: table), drafted = DraftRow.depthFirst(roots(of: drafts))
        guard rows.count == drafted.count else { return "\(rows.count) baris terbaca, \(drafted.count) diimpor" }
        return zip(rows, drafted).lazy.compactMap(differs).first
    }

    /// Settles the target (`layout.fileName` of the document), reads the file it replaces and
    /// builds. Throws `InputError` when the input cannot be imported; writes nothing.
    static func plan(_ data: Data, recognition: LayoutRecognition, request: LayoutImportRequest) throws -> StandardLayoutPlan<Loaded> {
        let layout = recognition.layout
        let (target, targetDisplay) = try ImportFiles.resolveTarget(request, fileName: layout.fileName)
        var existingText: String?
        if FileManager.default.fileExists(atPath: target.path) {
            existingText = ContentFile.read(target, displayPath: targetDisplay, sink: DiagnosticSink()) ?? ""
        }
        let (built, diagnostics) = build(data, layout: layout, delimiter: recognition.delimiter, path: request.inputDisplay,
                                         outputPath: targetDisplay, existingText: existingText)
        guard let b = built else { throw InputError(diagnostics) }
        let warnings = diagnostics + [ImportFiles.nameWarning(target, expected: layout.fileName, table: tableWords)].compactMap { $0 }
        return StandardLayoutPlan(table: b.table, file: PlannedFile(target: target, targetDisplay: targetDisplay, existingText: existingText, yaml: b.yaml),
                                  existing: b.existing, titleSource: b.titleSource, delimiter: b.delimiter,
                                  encodingNote: b.encodingNote, rows: counts(of: b.result), keptDirections: b.keptDirections,
                                  warnings: warnings)
    }

    static func write(_ p: StandardLayoutPlan<Loaded>, force: Bool) throws -> ImportWriteResult {
        try ImportFiles.write(p.file, force: force) {
            let sink = DiagnosticSink()
            _ = load(p.yaml, path: p.targetDisplay, sink: sink)
            return sink.hasErrors ? sink.diagnostics.filter { $0.severity == .galat } : []
        }
    }

    // MARK: Report

    /// How the text was read, what it held and where the title came from.
    static func summary(_ p: StandardLayoutPlan<Loaded>, input: String) -> [String] {
        var lines = [ImportReport.opening(summaryTitle(p), input: input, delimiter: p.delimiter, encodingNote: p.encodingNote)]
        lines += contentLines(p)
        let r = p.rows
        var dropped: [String] = []
        if r.headerRows > 0 { dropped.append("\(r.headerRows) baris kepala/nomor kolom dibuang") }
        if r.continuationRows > 0 { dropped.append("\(r.continuationRows) baris sambungan digabung") }
        if r.leftOutRows > 0 { dropped.append("\(r.leftOutRows) \(leftOutWords)") }
        if r.trailingRows > 0 { dropped.append("\(r.trailingRows) \(trailingWords)") }
        if !dropped.isEmpty { lines.append("  " + dropped.joined(separator: ", ")) }
        if r.normalizedFigures > 0, let (from, to) = r.normalizedExample {
            lines.append("  \(r.normalizedFigures) angka ditulis ulang agar terbaca sama oleh `renja build` (mis. \(from) → \(to))")
        }
        let title = Self.title(of: p.table)
        switch p.titleSource {
        case .caption: lines.append("Judul tabel (dari baris judul di teks): \(title)")
        case .existingFile: lines.append("Judul tabel (dipertahankan dari berkas lama; teks tidak memuat baris judul): \(title)")
        case .standard: lines.append("Judul tabel (bawaan, karena teks tidak memuat baris judul; ubah kunci `judul` bila perlu): \(title)")
        }
        lines += settingLines(p)
        lines += ImportReport.keptDirectionsLine(p.keptDirections)
        return lines
    }

    static func settingLines(_ p: StandardLayoutPlan<Loaded>) -> [String] { [] }

    static func changes(_ p: StandardLayoutPlan<Loaded>, detailed: Bool) -> [String] {
        guard p.targetExists else { return ["Berkas \(p.targetDisplay) belum ada dan akan dibuat."] }
        if p.isUnchanged { return ["Tidak ada perubahan: \(p.targetDisplay) sudah sama persis dengan hasil impor."] }
        guard let old = p.existing else { return ["Berkas lama \(p.targetDisplay) tidak dapat dibaca; perbandingan baris dilewati."] }
        return changes(old: old, new: p.table, targetDisplay: p.targetDisplay, detailed: detailed)
    }
}
