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
        self.init(kind: kind, files: LayoutImportRequest(option: kind.rawValue, input: input, inputDisplay: inputDisplay, content: content,
                                                         contentDisplay: contentDisplay, document: document, output: output,
                                                         outputDisplay: outputDisplay))
    }

    init(kind: TableKind, files: LayoutImportRequest) {
        self.kind = kind
        self.files = files
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
    public var headerRows: Int
    public var continuationRows: Int
    /// Amounts rewritten with thousands dots, and the first one (as written, as written now).
    public var normalizedAmounts: Int
    public var normalizedExample: (String, String)?
    /// Targets, achievements and percentages whose number was rewritten so the loader reads what
    /// the import read (`1,500 orang` in a comma-thousands column → `1.500 orang`), and the first.
    public var normalizedFigures: Int = 0
    public var normalizedFigureExample: (String, String)?
    /// Figures kept as written although they do not parse, and numbering that looks off.
    public var warnings: [Diagnostic]
}

/// Where the title of the written table came from (the user is told).
public enum TitleSource: Sendable, Equatable {
    case caption        // the text's "Tabel N. …" line
    case existingFile   // the file being replaced
    case standard       // neither: a default worth checking
}

/// Everything an import would do, decided before any file is touched.
public struct ImportPlan: EditableFilePlan {
    public var request: ImportRequest
    public var parsed: ParsedTable
    /// The imported table as it will be written (title settled, `arah` carried over).
    public var table: Table
    public var file: PlannedFile
    /// The replaced file's table, when it loads; nil when there is none or it is broken.
    public var existing: Table?
    /// Why the existing file could not be compared (its load errors).
    public var existingProblems: [Diagnostic]
    public var diff: TableDiff?
    public var summary: TableSummary
    public var titleSource: TitleSource
    /// Indicators whose `arah` was copied from the replaced file.
    public var keptDirections: Int
    /// Comment lines inside the replaced file (below its header) that the new file does not keep.
    public var droppedComments: Int
    public var warnings: [Diagnostic]
}

public enum ImportWriteResult: Sendable, Equatable {
    case written
    case unchanged
}

/// The target exists and `--force` was not given.
public struct OverwriteRefused: Error, Sendable {
    public var path: String
}

/// `renja import`: delimited text → the table YAML `renja build` reads.
public enum TableImporter {
    /// Reads the text of one table. Returns nil with the diagnostics when a line cannot be placed.
    public static func parse(_ data: Data, kind: TableKind, path: String) -> (ParsedTable?, [Diagnostic]) {
        let sink = DiagnosticSink()
        guard let decoded = ImportText.decode(data, displayPath: path, sink: sink) else { return (nil, sink.diagnostics) }
        let parser = TableTextParser(kind: kind, path: path, sink: sink)
        guard let r = parser.parse(decoded.text) else { return (nil, ImportGate.inInputOrder(sink.diagnostics, unplacedFirst: false)) }
        let parsed = ParsedTable(table: r.table, caption: r.caption, delimiter: r.delimiter, encodingNote: decoded.encodingNote,
                                 headerRows: r.headerRows, continuationRows: r.continuationRows,
                                 normalizedAmounts: r.normalizedAmounts, normalizedExample: r.normalizedExample,
                                 normalizedFigures: r.normalizedFigures, normalizedFigureExample: r.normalizedFigureExample,
                                 warnings: ImportGate.inInputOrder(sink.diagnostics, unplacedFirst: false))
        return (parsed, parsed.warnings)
    }

    /// The input as the import read it (encoding detected, line ends normalised), so diagnostics
    /// can quote the offending line of a CSV with Windows line ends or a UTF-16 file.
    public static func sourceText(of url: URL) -> String? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return ImportText.decode(data, displayPath: url.path, sink: DiagnosticSink())?.text
    }

    /// Reads the input, settles the target and compares with what is there. Throws `InputError`
    /// when the input cannot be imported or the target cannot be chosen; writes nothing.
    public static func plan(_ request: ImportRequest) throws -> ImportPlan {
        try plan(request, data: ImportFiles.readInput(request.input, display: request.inputDisplay))
    }

    /// `plan` of the input's bytes, already read.
    static func plan(_ request: ImportRequest, data: Data) throws -> ImportPlan {
        let (parsedOrNil, diagnostics) = parse(data, kind: request.kind, path: request.inputDisplay)
        guard var parsed = parsedOrNil else { throw InputError(diagnostics) }
        let fileName = "\(request.kind.rawValue).yaml"
        let (target, targetDisplay) = try ImportFiles.resolveTarget(request.files, fileName: fileName)

        // The file it replaces: its text (for the header and the byte comparison) and, if it loads, its table.
        var existingText: String?
        var existing: Table?
        var existingProblems: [Diagnostic] = []
        var existingTitle: String?
        if FileManager.default.fileExists(atPath: target.path) {
            let sink = DiagnosticSink()
            existingText = ContentFile.read(target, displayPath: targetDisplay, sink: sink)
            if let text = existingText {
                let loaded = TableLoader.load(request.kind, text: text, path: targetDisplay, sink: sink)
                if sink.hasErrors { existingProblems = sink.diagnostics.filter { $0.severity == .galat } } else { existing = loaded }
                // A broken file still names its table; keep the name.
                if let title = loaded?.title, !title.isEmpty { existingTitle = title }
            } else {
                existingProblems = sink.diagnostics
                existingText = ""
            }
        }
        if let warning = ImportFiles.nameWarning(target, expected: fileName, table: "Tabel \(request.kind.number)") {
            parsed.warnings.append(warning)
        }

        var table = parsed.table
        let titleSource: TitleSource
        if let caption = parsed.caption {
            table.title = caption
            titleSource = .caption
        } else if let old = existingTitle {
            table.title = old
            titleSource = .existingFile
        } else {
            table.title = standardTitle(request.kind)
            titleSource = .standard
        }
        var kept = 0
        if let existing { table = carryDirections(into: table, from: existing, count: &kept) }

        var header = existingText.map(TableYAMLWriter.header(of:)) ?? []
        if header.isEmpty {
            header = TableYAMLWriter.defaultHeader(kind: request.kind, title: table.title)
        } else if let old = existingTitle, header[0] == "# Tabel \(request.kind.number) — \(TableYAMLWriter.commentText(old))" {
            header[0] = "# Tabel \(request.kind.number) — \(TableYAMLWriter.commentText(table.title))"
        }
        let yaml = TableYAMLWriter.emit(table, header: header)
        // Never write what `renja build` would refuse: the text goes through the loader first.
        let problems = loadProblems(yaml, table: table, outputPath: targetDisplay)
        if !problems.isEmpty { throw InputError(refusal(problems, warnings: parsed.warnings)) }

        let diff = existing.map { TableDiff(before: TableRows($0), after: TableRows(table)) }
        return ImportPlan(request: request, parsed: parsed, table: table,
                          file: PlannedFile(target: target, targetDisplay: targetDisplay, existingText: existingText, yaml: yaml), existing: existing, existingProblems: existingProblems, diff: diff,
                          summary: TableSummary(table), titleSource: titleSource, keptDirections: kept,
                          droppedComments: existingText.map(commentsBelowHeader) ?? 0,
                          warnings: parsed.warnings)
    }

    /// Writes the plan's YAML atomically (`ImportFiles.write`): a reader never sees half a file,
    /// and without `force` an existing, different file is left alone. The YAML is loaded once
    /// more first (a plan's fields can be changed after `plan`): nothing is written that the
    /// loader refuses.
    public static func write(_ plan: ImportPlan, force: Bool) throws -> ImportWriteResult {
        try ImportFiles.write(plan.file, force: force) {
            let problems = loadProblems(plan.yaml, table: plan.table, outputPath: plan.targetDisplay)
            return problems.isEmpty ? [] : refusal(problems, warnings: plan.warnings)
        }
    }

    // MARK: Steps

    /// `arah` is not a column of the source tables: staff add it by hand. An import keeps what the
    /// replaced file declared for the same indicator of the same row.
    static func carryDirections(into table: Table, from existing: Table, count: inout Int) -> Table {
        var declared: [String: [[String: Located<Direction>]]] = [:]
        for item in existing.allItems {
            var byName: [String: Located<Direction>] = [:]
            for i in item.indicators { if let d = i.declaredDirection { byName[Text.normalizedName(i.name.value)] = d } }
            declared[key(item, existing.kind), default: []].append(byName)
        }
        var seen: [String: Int] = [:]
        var kept = 0
        func walk(_ item: Item) -> Item {
            var item = item
            let k = key(item, table.kind)
            let n = seen[k, default: 0]
            seen[k] = n + 1
            if let list = declared[k], n < list.count {
                for idx in item.indicators.indices {
                    if let d = list[n][Text.normalizedName(item.indicators[idx].name.value)] {
                        item.indicators[idx].declaredDirection = Located(d.value, at: nil)
                        kept += 1
                    }
                }
            }
            item.children = item.children.map(walk)
            return item
        }
        var out = table
        out.programs = table.programs.map(walk)
        count = kept
        return out
    }

    private static func key(_ item: Item, _ kind: TableKind) -> String {
        "\(item.level.rawValue)|\((kind == .evaluasi ? item.number : item.code)?.value ?? "")"
    }

    /// The title of a table whose text has no "Tabel N. …" line and that replaces no file.
    static func standardTitle(_ kind: TableKind) -> String {
        kind == .evaluasi ? "Evaluasi Renja" : "Rencana Kerja dan Pendanaan Perangkat Daerah"
    }

    /// What an import of `data` into a new file at `outputPath` would write, or why it would not:
    /// the steps of `plan` (parse, title, default header, YAML, loading it) without the file system.
    /// The fuzzer runs it; `yaml` is nil when the import is refused.
    public static func importText(_ data: Data, kind: TableKind, path: String, outputPath: String) -> (yaml: String?, diagnostics: [Diagnostic]) {
        let (parsedOrNil, diagnostics) = parse(data, kind: kind, path: path)
        guard let parsed = parsedOrNil else { return (nil, diagnostics) }
        var table = parsed.table
        table.title = parsed.caption ?? standardTitle(kind)
        let yaml = TableYAMLWriter.emit(table, header: TableYAMLWriter.defaultHeader(kind: kind, title: table.title))
        let problems = loadProblems(yaml, table: table, outputPath: outputPath)
        return problems.isEmpty ? (yaml, parsed.warnings) : (nil, refusal(problems, warnings: parsed.warnings))
    }

    /// Loader codes for a value it cannot read: the input's fault. Any other load error of an
    /// imported table is the writer's.
    private static let valueErrors: Set<String> = ["angka-tidak-sah", "angka-terlalu-besar", "angka-negatif"]

    /// The gate before any file is written. `yaml` is read exactly as `renja build` and `renja
    /// check` read a table file (`ContentFile.decode`, then `TableLoader.load`); every load error
    /// comes back, moved to the input cell its value came from (the YAML is never written, so its
    /// lines would help nobody) with the row named in a note. Empty when the text loads without
    /// errors as exactly `table`; a load error that is not about a value, or a table that reads
    /// back different, adds an `impor-internal` error (a bug in the writer).
    public static func loadProblems(_ yaml: String, table: Table, outputPath: String) -> [Diagnostic] {
        let sink = DiagnosticSink()
        let loaded = ContentFile.decode(Data(yaml.utf8), displayPath: outputPath, sink: sink)
            .flatMap { TableLoader.load(table.kind, text: $0, path: outputPath, sink: sink) }
        let errors = sink.diagnostics.filter { $0.severity == .galat }
        if errors.isEmpty {
            guard let loaded else { return [ImportGate.mismatch("tabel tidak terbaca")] }
            return TableRows(loaded) == TableRows(table) ? [] : [ImportGate.mismatch("isi berbeda")]
        }
        let places = loaded.map { inputPlaces(loaded: $0, imported: table) } ?? [:]
        var out = ImportGate.relocated(errors, outputPath: outputPath) { places[$0] }
        if let structural = errors.first(where: { !valueErrors.contains($0.code) }) {
            out.insert(ImportGate.mismatch(DiagnosticPrinter.short(structural)), at: 0)
        }
        return out
    }

    /// YAML position → input position, by walking the loaded table beside the imported one.
    private static func inputPlaces(loaded: Table, imported: Table) -> [SourceLocation: InputPlace] {
        var places: [SourceLocation: InputPlace] = [:]
        func put<T>(_ a: Located<T>?, _ b: Located<T>?, _ row: String) {
            if let at = a?.location, let to = b?.location { places[at] = InputPlace(location: to, row: row) }
        }
        func walk(_ a: Item, _ b: Item) {
            let row = "\(b.level.word) \((imported.kind == .evaluasi ? b.number : b.code)?.value ?? "")"
            places[a.location] = InputPlace(location: b.location, row: row)
            put(a.number, b.number, row); put(a.code, b.code, row); put(a.name, b.name, row)
            put(a.pagu, b.pagu, row); put(a.realisasi, b.realisasi, row); put(a.statedAbsorption, b.statedAbsorption, row)
            for (x, y) in zip(a.indicators, b.indicators) {
                places[x.location] = InputPlace(location: y.location, row: row)
                put(x.name, y.name, row); put(x.target, y.target, row); put(x.actual, y.actual, row); put(x.stated, y.stated, row)
            }
            zip(a.children, b.children).forEach(walk)
        }
        zip(loaded.programs, imported.programs).forEach(walk)
        return places
    }

    /// The loader's errors, and the import's own warnings except those about the same cells.
    static func refusal(_ problems: [Diagnostic], warnings: [Diagnostic]) -> [Diagnostic] {
        let placed = Set(problems.compactMap(\.location))
        return ImportGate.inInputOrder(problems + warnings.filter { w in !(w.location.map(placed.contains) ?? false) }, unplacedFirst: false)
    }

    /// Comment lines a hand-edited file had below its header (an import cannot keep them).
    static func commentsBelowHeader(_ text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let header = TableYAMLWriter.header(of: text).count
        var count = 0
        for line in lines.dropFirst(header) {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("#") { count += 1; continue }
            var inDouble = false, inSingle = false
            var previous: Character = " "
            for ch in line {
                if ch == "\"" && !inSingle && previous != "\\" { inDouble.toggle() }
                if ch == "'" && !inDouble { inSingle.toggle() }
                if ch == "#" && !inDouble && !inSingle && (previous == " " || previous == "\t") { count += 1; break }
                previous = ch
            }
        }
        return count
    }
}
