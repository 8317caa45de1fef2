import Foundation
import RenjaModel
import RenjaLoad

/// What `renja import FILE [--tabel …]` was asked to do: the layout is recognised from the text,
/// `option` (the `--tabel` value) narrows or overrides it.
public struct LayoutImportRequest: Sendable {
    public var option: String?
    public var input: URL
    /// The input path as the user typed it (used in diagnostics).
    public var inputDisplay: String
    public var content: URL
    public var contentDisplay: String
    /// Document folder under the content folder; needed only when there are several.
    public var document: String?
    /// Explicit target file; without it, the document's own `tabel/<file>`.
    public var output: URL?
    public var outputDisplay: String?

    public init(option: String? = nil, input: URL, inputDisplay: String? = nil, content: URL, contentDisplay: String? = nil,
                document: String? = nil, output: URL? = nil, outputDisplay: String? = nil) {
        self.option = option
        self.input = input
        self.inputDisplay = inputDisplay ?? input.path
        self.content = content
        self.contentDisplay = contentDisplay ?? content.path
        self.document = document
        self.output = output
        self.outputDisplay = outputDisplay ?? output?.path
    }
}

/// An import planned for any layout: the recognition, and the plan of the table kind it became.
public struct LayoutImportPlan: FilePlan {
    public enum Kind: Sendable {
        case table(ImportPlan)
        case standard(StandardImportPlan)
        case standardPlan(StandardPlanImportPlan)
    }

    public var recognition: LayoutRecognition
    public var kind: Kind
    public var inputDisplay: String

    /// The file it would write (`plan.yaml`, `plan.targetDisplay`, `plan.isUnchanged` read it).
    public var file: PlannedFile {
        switch kind { case .table(let p): return p.file; case .standard(let p): return p.file; case .standardPlan(let p): return p.file }
    }
    public var warnings: [Diagnostic] {
        switch kind { case .table(let p): return p.warnings; case .standard(let p): return p.warnings; case .standardPlan(let p): return p.warnings }
    }
}

/// `renja import`: recognise the layout (`ImportLayout.all`), then the importer of its table kind.
public enum LayoutImporter {
    /// Known `--tabel` values.
    public static var options: [String] { ImportLayout.options }

    /// The layout of `data`, or the diagnostics saying why none (or why `option` contradicts it).
    public static func recognise(_ data: Data, option: String?, path: String) -> (LayoutRecognition?, [Diagnostic]) {
        let sink = DiagnosticSink()
        if let option, !ImportLayout.options.contains(option) {
            sink.error("impor-jenis-tabel", "--tabel `\(option)` tidak dikenal", at: nil,
                       figures: [.init("diharapkan", ImportLayout.options.joined(separator: ", ")), .init("ditemukan", option)],
                       notes: Text.suggestion(for: option, among: ImportLayout.options).map { ["mungkin maksudnya `\($0)`?"] } ?? [])
            return (nil, sink.diagnostics)
        }
        guard let decoded = ImportText.decode(data, displayPath: path, sink: sink) else { return (nil, sink.diagnostics) }
        let r = LayoutRecognizer.recognise(decoded.text, option: option, path: path, sink: sink)
        return (r, sink.diagnostics)
    }

    /// The input as the import read it (encoding detected, line ends normalised), so diagnostics
    /// can quote the offending line of a CSV with Windows line ends or a UTF-16 file.
    public static func sourceText(of url: URL) -> String? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return ImportText.decode(data, displayPath: url.path, sink: DiagnosticSink())?.text
    }

    /// Recognises, parses, settles the target and loads the result as `renja build` would.
    /// Throws `InputError` when the input cannot be imported; writes nothing.
    public static func plan(_ request: LayoutImportRequest) throws -> LayoutImportPlan {
        let data = try ImportFiles.readInput(request.input, display: request.inputDisplay)
        let (recognised, problems) = recognise(data, option: request.option, path: request.inputDisplay)
        guard let r = recognised else { throw InputError(problems) }
        let kind: LayoutImportPlan.Kind
        switch r.layout.target {
        case .table: kind = .table(try TableImporter.plan(data, layout: r.layout, delimiter: r.delimiter, request: request))
        case .standardEvaluation: kind = .standard(try StandardTableImport.plan(data, layout: r.layout, delimiter: r.delimiter, request: request))
        case .standardPlan: kind = .standardPlan(try StandardPlanImport.plan(data, layout: r.layout, delimiter: r.delimiter, request: request))
        }
        return LayoutImportPlan(recognition: r, kind: kind, inputDisplay: request.inputDisplay)
    }

    /// What an import of `data` into a new file would write, or why not, without the file system
    /// (the fuzzer and the tests): recognition, parse, YAML, the loader's gate.
    public static func importText(_ data: Data, option: String? = nil, path: String, outputPath: String) -> (layout: ImportLayout?, yaml: String?, diagnostics: [Diagnostic]) {
        let (recognised, problems) = recognise(data, option: option, path: path)
        guard let r = recognised else { return (nil, nil, problems) }
        let (yaml, diagnostics): (String?, [Diagnostic])
        switch r.layout.target {
        case .table: (yaml, diagnostics) = TableImporter.importText(data, layout: r.layout, delimiter: r.delimiter, path: path, outputPath: outputPath)
        case .standardEvaluation: (yaml, diagnostics) = StandardTableImport.importText(data, layout: r.layout, delimiter: r.delimiter, path: path, outputPath: outputPath)
        case .standardPlan: (yaml, diagnostics) = StandardPlanImport.importText(data, layout: r.layout, delimiter: r.delimiter, path: path, outputPath: outputPath)
        }
        return (r.layout, yaml, diagnostics)
    }

    /// Writes atomically; without `force` an existing, different file is left alone. The YAML is
    /// loaded once more first: nothing is written that the loader refuses.
    public static func write(_ plan: LayoutImportPlan, force: Bool) throws -> ImportWriteResult {
        switch plan.kind {
        case .table(let p): return try TableImporter.write(p, force: force)
        case .standard(let p): return try StandardTableImport.write(p, force: force)
        case .standardPlan(let p): return try StandardPlanImport.write(p, force: force)
        }
    }

    // MARK: Report

    /// The layout line, then the table kind's summary.
    public static func summary(_ plan: LayoutImportPlan) -> [String] {
        let lines = ["Tata letak: " + plan.recognition.evidence + "."]
        switch plan.kind {
        case .table(let p): return lines + TableImporter.summary(p)
        case .standard(let p): return lines + StandardTableImport.summary(p)
        case .standardPlan(let p): return lines + StandardPlanImport.summary(p)
        }
    }

    public static func changes(_ plan: LayoutImportPlan, detailed: Bool) -> [String] {
        switch plan.kind {
        case .table(let p): return TableImporter.changes(p, detailed: detailed)
        case .standard(let p): return StandardTableImport.changes(p, detailed: detailed)
        case .standardPlan(let p): return StandardPlanImport.changes(p, detailed: detailed)
        }
    }
}
