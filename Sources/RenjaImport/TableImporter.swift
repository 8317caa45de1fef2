import Foundation
import RenjaModel
import RenjaLoad

/// What `renja import --tabel evaluasi|rencana` was asked to do: an import whose table kind is
/// given. Its files are a `LayoutImportRequest`'s (`request.input`, `request.output`, … read them).
@dynamicMemberLookup
public struct ImportRequest: Sendable {
    public var kind: TableKind
    public var files: LayoutImportRequest

    public init(kind: TableKind, input: URL, inputDisplay: String? = nil, content: URL, contentDisplay: String? = nil,
                document: String? = nil, output: URL? = nil, outputDisplay: String? = nil) {
        self.kind = kind
        self.files = LayoutImportRequest(option: kind.rawValue, input: input, inputDisplay: inputDisplay, content: content,
                                         contentDisplay: contentDisplay, document: document, output: output, outputDisplay: outputDisplay)
    }

    public subscript<T>(dynamicMember path: KeyPath<LayoutImportRequest, T>) -> T { files[keyPath: path] }
}

/// A table read from delimited text, before anything is decided about files.
public struct ParsedTable: Sendable {
    /// The model, every value positioned in the input text.
    public var table: Table
    /// The title from a "Tabel N. …" line, if the text had one.
    public var caption: String?
    public var delimiter: Character
    public var encodingNote: String?
    public var rows: ImportedRows
    /// Figures kept as written although they do not parse, and numbering that looks off.
    public var warnings: [Diagnostic]
}

/// `renja import` of Tabel 1 (`evaluasi`) and Tabel 2 (`rencana`), the first document's own
/// layouts: text → `Table` (`TableTextParser`) → YAML (`TableYAMLWriter`) → the real loader
/// (`TableLoader`), through the flow of `LayoutImport`. What is here is only these tables' own.
enum TableImporter: LayoutImport {
    private static func kind(_ layout: ImportLayout) -> TableKind {
        guard case .table(let kind) = layout.target else { preconditionFailure("not a Tabel 1/2 layout") }
        return kind
    }

    private static func layout(_ kind: TableKind) -> ImportLayout { kind == .evaluasi ? .evaluasi : .rencana }

    static func standardTitle(_ layout: ImportLayout) -> String {
        kind(layout) == .evaluasi ? "Evaluasi Renja" : "Rencana Kerja dan Pendanaan Perangkat Daerah"
    }

    static func tableWords(_ layout: ImportLayout) -> String { "Tabel \(kind(layout).number)" }

    /// The parser finds its own delimiter (`delimiter(of:)` reports it).
    static func parse(_ text: String, layout: ImportLayout, delimiter: Character, path: String, sink: DiagnosticSink) -> TableTextParser.Result? {
        TableTextParser(kind: kind(layout), path: path, sink: sink).parse(text)
    }

    static func delimiter(of drafts: TableTextParser.Result) -> Character? { drafts.delimiter }

    static func load(_ text: String, layout: ImportLayout, path: String, sink: DiagnosticSink) -> Table? {
        TableLoader.load(kind(layout), text: text, path: path, sink: sink)
    }

    static func title(of table: Table) -> String { table.title }
    static func directions(in table: Table) -> CarriedDirections { TableYAMLWriter.directions(in: table) }

    static func defaultHeader(title: String, layout: ImportLayout) -> [String] {
        TableYAMLWriter.defaultHeader(kind: kind(layout), title: title)
    }

    static func emit(_ drafts: TableTextParser.Result, title: String, layout: ImportLayout, header: [String], existing: Table?,
                     directions: CarriedDirections) -> PlacedYAML {
        var table = drafts.table
        table.title = title
        return TableYAMLWriter.placed(table, header: header, directions: directions)
    }

    /// The rows as written, the title and the carried `arah` left aside (the drafts have neither).
    static func differs(_ table: Table, _ drafts: TableTextParser.Result) -> String? {
        var read = TableRows(table), drafted = TableRows(drafts.table)
        read.title = ""; drafted.title = ""
        for i in read.rows.indices { for j in read.rows[i].indicators.indices { read.rows[i].indicators[j].direction = nil } }
        return read == drafted ? nil : "isi berbeda"
    }

    // MARK: Report

    static func summaryTitle(_ p: ImportPlan) -> String { "Tabel \(p.table.kind.number) (\(p.table.kind.rawValue))" }

    static func contentLines(_ p: ImportPlan) -> [String] {
        let s = TableSummary(p.table)
        var lines = ["  \(s.programs) program, \(s.kegiatan) kegiatan, \(s.subKegiatan) sub kegiatan, \(s.indicatorRows) baris indikator",
                     "  jumlah pagu program: \(s.paguTotal.formatted)"]
        if let r = s.realisasiTotal { lines.append("  jumlah realisasi program: \(r.formatted)") }
        if s.unparsedAmounts > 0 { lines.append("  (\(s.unparsedAmounts) angka program tidak terbaca dan tidak ikut dijumlah)") }
        return lines
    }

    static let headerWords = "baris kepala/judul berulang dibuang"
    static let continuationWords = "baris sambungan (terpotong pergantian halaman) digabung"
    static let leftOutWords = "baris dilewati"
    static let trailingWords = "baris di bawah tabel dilewati"
    static let figureWords = "angka target/capaian/persentase"

    static func captionWords(_ p: ImportPlan) -> (found: String, missing: String) {
        ("baris \"Tabel \(p.table.kind.number).\"", "baris \"Tabel \(p.table.kind.number). …\"")
    }

    /// Rows paired by level and key under the same parents; `detailed` lists every changed field.
    static func changes(old: Table, new: Table, file: PlannedFile, detailed: Bool) -> [String] {
        let diff = TableDiff(before: TableRows(old), after: TableRows(new))
        if diff.isEmpty { return ["Isi tabel sama dengan \(file.targetDisplay); hanya penulisan berkasnya yang berbeda."] }
        var lines = ["Perubahan terhadap \(file.targetDisplay):"]
        if detailed {
            if let t = diff.titleChange { lines.append("  ~ judul: \(t.before) → \(t.after)") }
            for change in diff.changes {
                switch change {
                case .added(let r):
                    lines.append("  + \(r.label)")
                case .removed(let r):
                    lines.append("  - \(r.label)")
                case .changed(let before, let after, let fields):
                    lines.append("  ~ \(before.key == after.key ? after.label : "\(before.level.word) \(before.key) → \(after.key) \(after.name)")")
                    for f in fields {
                        lines.append("      \(f.field): \(f.before) → \(f.after)" + (f.sameValue ? " (nilai sama, penulisan berbeda)" : ""))
                    }
                }
            }
        }
        lines.append("  \(diff.changed) baris diubah, \(diff.added) ditambah, \(diff.removed) dihapus, \(diff.unchangedRows) tetap"
                     + (diff.titleChange != nil ? "; judul diubah" : "") + ".")
        return lines
    }

    // MARK: Entry points with the table kind given

    /// Reads the text of one table. Returns nil with the diagnostics when a line cannot be placed.
    static func parse(_ data: Data, kind: TableKind, path: String) -> (ParsedTable?, [Diagnostic]) {
        let sink = DiagnosticSink()
        guard let (r, delimiter, encodingNote) = read(data, layout: layout(kind), delimiter: nil, path: path, sink: sink) else {
            return (nil, ImportGate.inInputOrder(sink.diagnostics))
        }
        let warnings = ImportGate.inInputOrder(sink.diagnostics)
        return (ParsedTable(table: r.table, caption: r.caption, delimiter: delimiter, encodingNote: encodingNote,
                            rows: r.counts, warnings: warnings), warnings)
    }

    /// Reads the input, settles the target and compares with what is there. Throws `InputError`
    /// when the input cannot be imported or the target cannot be chosen; writes nothing.
    static func plan(_ request: ImportRequest) throws -> ImportPlan {
        try plan(ImportFiles.readInput(request.input, display: request.inputDisplay), layout: layout(request.kind), delimiter: nil,
                 request: request.files)
    }

    /// What an import of `data` into a new file at `outputPath` would write, or why it would not.
    static func importText(_ data: Data, kind: TableKind, path: String, outputPath: String) -> (yaml: String?, diagnostics: [Diagnostic]) {
        importText(data, layout: layout(kind), path: path, outputPath: outputPath)
    }

    /// The gate of `build` for a table and its YAML (`yaml` may be `TableYAMLWriter.emit(table)`
    /// with a fault injected): the loader's errors at `table`'s cells.
    static func loadProblems(_ yaml: String, table: Table, outputPath: String) -> [Diagnostic] {
        let placed = TableYAMLWriter.placed(table, header: [], directions: CarriedDirections())
        let drafts = TableTextParser.Result(table: table, caption: nil, delimiter: "\t", counts: ImportedRows())
        return gate(yaml, layout: layout(table.kind), place: placed.place(of:), drafts: drafts, outputPath: outputPath).problems
    }
}

extension LayoutPlan where Table == RenjaModel.Table {
    /// What changes against the replaced table; nil when there is none or it does not load.
    public var diff: TableDiff? { existing.map { TableDiff(before: TableRows($0), after: TableRows(table)) } }
}
