import Foundation
import RenjaModel
import RenjaLoad

/// What `renja import FILE [--tabel …]` was asked to do: the layout is recognised from the text,
/// `option` (the `--tabel` value) narrows or overrides it.
public struct LayoutImportRequest: Sendable {
    public var option: String?
    public var input: URL
    public var inputDisplay: String
    public var content: URL
    public var contentDisplay: String
    public var document: String?
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

    func tableRequest(_ kind: TableKind) -> ImportRequest {
        ImportRequest(kind: kind, input: input, inputDisplay: inputDisplay, content: content, contentDisplay: contentDisplay,
                      document: document, output: output, outputDisplay: outputDisplay)
    }
}

/// An import planned for any layout: the recognition, and the plan of the table kind it became.
public struct LayoutImportPlan: Sendable {
    public enum Kind: Sendable {
        case table(ImportPlan)
        case standard(StandardImportPlan)
        case standardPlan(StandardPlanImportPlan)
    }

    public var recognition: LayoutRecognition
    public var kind: Kind
    public var inputDisplay: String

    public var yaml: String {
        switch kind { case .table(let p): return p.yaml; case .standard(let p): return p.yaml; case .standardPlan(let p): return p.yaml }
    }
    public var targetDisplay: String {
        switch kind { case .table(let p): return p.targetDisplay; case .standard(let p): return p.targetDisplay; case .standardPlan(let p): return p.targetDisplay }
    }
    public var warnings: [Diagnostic] {
        switch kind { case .table(let p): return p.warnings; case .standard(let p): return p.warnings; case .standardPlan(let p): return p.warnings }
    }
    public var targetExists: Bool {
        switch kind { case .table(let p): return p.targetExists; case .standard(let p): return p.targetExists; case .standardPlan(let p): return p.targetExists }
    }
    public var isUnchanged: Bool {
        switch kind { case .table(let p): return p.isUnchanged; case .standard(let p): return p.isUnchanged; case .standardPlan(let p): return p.isUnchanged }
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

    /// Recognises, parses, settles the target and loads the result as `renja build` would.
    /// Throws `InputError` when the input cannot be imported; writes nothing.
    public static func plan(_ request: LayoutImportRequest) throws -> LayoutImportPlan {
        var isDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: request.input.path, isDirectory: &isDir)
        guard exists, !isDir.boolValue, let data = FileManager.default.contents(atPath: request.input.path) else {
            let found = !exists ? "tidak ada berkas \(request.inputDisplay)" : isDir.boolValue ? "\(request.inputDisplay) adalah folder" : "berkas tidak boleh dibaca (periksa izinnya)"
            throw InputError(.galat("impor-berkas", "berkas masukan tidak dapat dibaca", at: nil,
                                    figures: [.init("diharapkan", "berkas teks dipisah tab atau CSV"), .init("ditemukan", found)]))
        }
        let (recognised, problems) = recognise(data, option: request.option, path: request.inputDisplay)
        guard let recognition = recognised else { throw InputError(problems) }
        switch recognition.layout.target {
        case .table(let kind):
            let plan = try TableImporter.plan(request.tableRequest(kind))
            return LayoutImportPlan(recognition: recognition, kind: .table(plan), inputDisplay: request.inputDisplay)
        case .standardEvaluation:
            let plan = try standardPlan(data, recognition: recognition, request: request)
            return LayoutImportPlan(recognition: recognition, kind: .standard(plan), inputDisplay: request.inputDisplay)
        case .standardPlan:
            let plan = try standardPlanTable(data, recognition: recognition, request: request)
            return LayoutImportPlan(recognition: recognition, kind: .standardPlan(plan), inputDisplay: request.inputDisplay)
        }
    }

    static func standardPlan(_ data: Data, recognition: LayoutRecognition, request: LayoutImportRequest) throws -> StandardImportPlan {
        let layout = recognition.layout
        guard case .standardEvaluation(let variant) = layout.target else { preconditionFailure("not a standard layout") }
        let (target, targetDisplay) = try TableImporter.resolveTarget(request.tableRequest(.evaluasi), fileName: layout.fileName)
        var existingText: String?
        if FileManager.default.fileExists(atPath: target.path) {
            existingText = ContentFile.read(target, displayPath: targetDisplay, sink: DiagnosticSink()) ?? ""
        }
        let (built, diagnostics) = StandardTableImport.build(data, layout: layout, delimiter: recognition.delimiter, path: request.inputDisplay,
                                                             outputPath: targetDisplay, existingText: existingText)
        guard let b = built else { throw InputError(diagnostics) }
        var warnings = diagnostics
        if target.lastPathComponent != layout.fileName {
            warnings.append(Diagnostic(.peringatan, "impor-tujuan", "`renja build` membaca tabel evaluasi standar hanya dari tabel/\(layout.fileName)",
                                       at: nil, figures: [.init("diharapkan", layout.fileName), .init("ditemukan", target.lastPathComponent)]))
        }
        return StandardImportPlan(variant: variant, table: b.table, yaml: b.yaml, target: target, targetDisplay: targetDisplay,
                                  existingText: existingText, existing: b.existing, titleSource: b.titleSource, delimiter: b.delimiter,
                                  encodingNote: b.encodingNote, headerRows: b.result.headerRows, continuationRows: b.result.continuationRows,
                                  skippedRows: b.result.skippedRows, trailingRows: b.result.trailingRows,
                                  normalizedFigures: b.result.normalized, normalizedExample: b.result.normalizedExample,
                                  keptDirections: b.keptDirections, warnings: warnings)
    }

    static func standardPlanTable(_ data: Data, recognition: LayoutRecognition, request: LayoutImportRequest) throws -> StandardPlanImportPlan {
        let layout = recognition.layout
        let (target, targetDisplay) = try TableImporter.resolveTarget(request.tableRequest(.rencana), fileName: layout.fileName)
        var existingText: String?
        if FileManager.default.fileExists(atPath: target.path) {
            existingText = ContentFile.read(target, displayPath: targetDisplay, sink: DiagnosticSink()) ?? ""
        }
        let (built, diagnostics) = StandardPlanImport.build(data, layout: layout, delimiter: recognition.delimiter, path: request.inputDisplay,
                                                            outputPath: targetDisplay, existingText: existingText)
        guard let b = built else { throw InputError(diagnostics) }
        var warnings = diagnostics
        if target.lastPathComponent != layout.fileName {
            warnings.append(Diagnostic(.peringatan, "impor-tujuan", "`renja build` membaca tabel rencana standar hanya dari tabel/\(layout.fileName)",
                                       at: nil, figures: [.init("diharapkan", layout.fileName), .init("ditemukan", target.lastPathComponent)]))
        }
        return StandardPlanImportPlan(table: b.table, yaml: b.yaml, target: target, targetDisplay: targetDisplay,
                                      existingText: existingText, existing: b.existing, titleSource: b.titleSource, delimiter: b.delimiter,
                                      encodingNote: b.encodingNote, headerRows: b.result.headerRows, continuationRows: b.result.continuationRows,
                                      totalRows: b.result.totalRows, trailingRows: b.result.trailingRows,
                                      normalizedFigures: b.result.figures.amounts + b.result.figures.figures,
                                      normalizedExample: b.result.figures.amountExample ?? b.result.figures.figureExample,
                                      keptDirections: b.keptDirections, warnings: warnings)
    }

    /// What an import of `data` into a new file would write, or why not, without the file system
    /// (the fuzzer and the tests): recognition, parse, YAML, the loader's gate.
    public static func importText(_ data: Data, option: String? = nil, path: String, outputPath: String) -> (layout: ImportLayout?, yaml: String?, diagnostics: [Diagnostic]) {
        let (recognised, problems) = recognise(data, option: option, path: path)
        guard let r = recognised else { return (nil, nil, problems) }
        switch r.layout.target {
        case .table(let kind):
            let (yaml, ds) = TableImporter.importText(data, kind: kind, path: path, outputPath: outputPath)
            return (r.layout, yaml, ds)
        case .standardEvaluation:
            let (built, ds) = StandardTableImport.build(data, layout: r.layout, delimiter: r.delimiter, path: path,
                                                        outputPath: outputPath, existingText: nil)
            return (r.layout, built?.yaml, ds)
        case .standardPlan:
            let (built, ds) = StandardPlanImport.build(data, layout: r.layout, delimiter: r.delimiter, path: path,
                                                       outputPath: outputPath, existingText: nil)
            return (r.layout, built?.yaml, ds)
        }
    }

    /// Writes atomically; without `force` an existing, different file is left alone. The YAML is
    /// loaded once more first: nothing is written that the loader refuses.
    public static func write(_ plan: LayoutImportPlan, force: Bool) throws -> ImportWriteResult {
        switch plan.kind {
        case .table(let p):
            return try TableImporter.write(p, force: force)
        case .standard(let p):
            if p.isUnchanged { return .unchanged }
            if p.targetExists && !force { throw OverwriteRefused(path: p.targetDisplay) }
            let sink = DiagnosticSink()
            _ = StandardTableLoader.load(text: p.yaml, path: p.targetDisplay, sink: sink)
            if sink.hasErrors { throw InputError(sink.diagnostics.filter { $0.severity == .galat }) }
            try TableImporter.replace(p.target, with: p.yaml)
            return .written
        case .standardPlan(let p):
            if p.isUnchanged { return .unchanged }
            if p.targetExists && !force { throw OverwriteRefused(path: p.targetDisplay) }
            let sink = DiagnosticSink()
            _ = StandardPlanLoader.load(text: p.yaml, path: p.targetDisplay, sink: sink)
            if sink.hasErrors { throw InputError(sink.diagnostics.filter { $0.severity == .galat }) }
            try TableImporter.replace(p.target, with: p.yaml)
            return .written
        }
    }

    // MARK: Report

    /// The layout line, then the table kind's summary.
    public static func summary(_ plan: LayoutImportPlan) -> [String] {
        var lines = ["Tata letak: " + plan.recognition.evidence + "."]
        switch plan.kind {
        case .table(let p):
            lines += ImportReport.summary(p)
        case .standard(let p):
            lines += standardSummary(p, input: plan.inputDisplay)
        case .standardPlan(let p):
            lines += StandardPlanImport.summary(p, input: plan.inputDisplay)
        }
        return lines
    }

    public static func changes(_ plan: LayoutImportPlan, detailed: Bool) -> [String] {
        switch plan.kind {
        case .table(let p):
            return ImportReport.changes(p, detailed: detailed)
        case .standard(let p):
            guard p.targetExists else { return ["Berkas \(p.targetDisplay) belum ada dan akan dibuat."] }
            if p.isUnchanged { return ["Tidak ada perubahan: \(p.targetDisplay) sudah sama persis dengan hasil impor."] }
            guard let old = p.existing else { return ["Berkas lama \(p.targetDisplay) tidak dapat dibaca; perbandingan baris dilewati."] }
            return standardChanges(old: old, new: p.table, targetDisplay: p.targetDisplay, detailed: detailed)
        case .standardPlan(let p):
            guard p.targetExists else { return ["Berkas \(p.targetDisplay) belum ada dan akan dibuat."] }
            if p.isUnchanged { return ["Tidak ada perubahan: \(p.targetDisplay) sudah sama persis dengan hasil impor."] }
            guard let old = p.existing else { return ["Berkas lama \(p.targetDisplay) tidak dapat dibaca; perbandingan baris dilewati."] }
            return StandardPlanImport.changes(old: old, new: p.table, targetDisplay: p.targetDisplay, detailed: detailed)
        }
    }

    /// Rows paired by level and kode (else no, else name), in order; a row changes when its name,
    /// sasaran, unit, indicators or any figure as written differs.
    static func standardChanges(old: StandardEvaluationTable, new: StandardEvaluationTable, targetDisplay: String, detailed: Bool) -> [String] {
        func key(_ r: StandardRow) -> String { "\(r.level.rawValue)|\(r.code?.value ?? r.number?.value ?? r.name.value)" }
        func label(_ r: StandardRow) -> String { "\(r.level.word) \(r.code?.value ?? r.number?.value ?? "") \(Item.shorten(r.name.value))" }
        func series<C>(_ s: StandardSeries<C>, _ raw: (C) -> String) -> [String] {
            [s.targetRenstra, s.realisasiRenstraLalu, s.targetRenja].map { $0.map { raw($0.value) } ?? "" }
                + s.quarters.map { raw($0.value) } + [s.realisasiRenja, s.realisasiRenstra].map { $0.map { raw($0.value) } ?? "" }
                + [s.tingkatCapaian?.value.raw ?? ""]
        }
        // Figures by value (`4436400000` and `4.436.400.000` are the same), else as written.
        func content(_ r: StandardRow, asWritten: Bool = false) -> [String] {
            let amount: (StandardAmount) -> String = { a in asWritten ? a.raw : a.sen.map { "\($0)" } ?? a.raw }
            let number: (StandardNumber) -> String = { n in asWritten ? n.raw : n.value.map { "\($0)" } ?? n.raw }
            return [r.name.value, r.sasaran?.value ?? "", r.unit?.value ?? ""] + series(r.anggaran, amount)
                + r.indicators.flatMap { [$0.name.value, $0.unit?.value ?? ""] + series($0.kinerja, number) }
        }
        let before = Dictionary(old.allRows.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let afterKeys = Set(new.allRows.map(key))
        var lines: [String] = []
        var added = 0, changed = 0, same = 0, rewritten = 0
        for r in new.allRows {
            if let o = before[key(r)] {
                if content(o) != content(r) {
                    changed += 1
                    if detailed { lines.append("  ~ " + label(r)) }
                } else {
                    same += 1
                    if content(o, asWritten: true) != content(r, asWritten: true) { rewritten += 1 }
                }
            } else {
                added += 1
                if detailed { lines.append("  + " + label(r)) }
            }
        }
        let removed = old.allRows.filter { !afterKeys.contains(key($0)) }
        if detailed { lines += removed.map { "  - " + label($0) } }
        let writing = rewritten > 0 ? " (\(rewritten) di antaranya hanya penulisan angkanya yang berbeda)" : ""
        if added == 0 && changed == 0 && removed.isEmpty && old.title == new.title {
            return ["Isi tabel sama dengan \(targetDisplay); hanya penulisan berkasnya yang berbeda\(writing)."]
        }
        return ["Perubahan terhadap \(targetDisplay):"] + lines
            + ["  \(changed) baris diubah, \(added) ditambah, \(removed.count) dihapus, \(same) tetap\(writing)"
               + (old.title != new.title ? "; judul diubah" : "") + "."]
    }

    static func standardSummary(_ p: StandardImportPlan, input: String) -> [String] {
        let delimiter: String
        switch p.delimiter {
        case "\t": delimiter = "dipisah tab"
        case ";": delimiter = "CSV dipisah titik koma"
        default: delimiter = "CSV dipisah koma"
        }
        let rows = p.table.allRows
        let count = { (l: Level) in rows.filter { $0.level == l }.count }
        var lines = ["Impor tabel evaluasi standar (\(p.variant == .denganKode ? "dengan kolom Kode" : "tanpa kolom Kode")) dari \(input) (\(delimiter)"
                     + (p.encodingNote.map { ", pengodean \($0)" } ?? "") + "):"]
        lines.append("  \(count(.program)) program, \(count(.kegiatan)) kegiatan, \(count(.subKegiatan)) sub kegiatan, "
                     + "\(rows.reduce(0) { $0 + $1.indicators.count }) indikator")
        let target = p.table.programs.compactMap { $0.anggaran.targetRenja?.value.sen }
        if !target.isEmpty {
            lines.append("  jumlah Rp target Renja (kolom \(StandardColumn.targetRenja.number(in: p.variant))) program: "
                         + StandardAmount.format(sen: target.reduce(0, +)))
        }
        var dropped: [String] = []
        if p.headerRows > 0 { dropped.append("\(p.headerRows) baris kepala/nomor kolom dibuang") }
        if p.continuationRows > 0 { dropped.append("\(p.continuationRows) baris sambungan digabung") }
        if p.skippedRows > 0 { dropped.append("\(p.skippedRows) baris urusan/bidang urusan dilewati") }
        if p.trailingRows > 0 { dropped.append("\(p.trailingRows) baris di bawah catatan kaki (tanda tangan) dilewati") }
        if !dropped.isEmpty { lines.append("  " + dropped.joined(separator: ", ")) }
        if p.normalizedFigures > 0, let (from, to) = p.normalizedExample {
            lines.append("  \(p.normalizedFigures) angka ditulis ulang agar terbaca sama oleh `renja build` (mis. \(from) → \(to))")
        }
        switch p.titleSource {
        case .caption: lines.append("Judul tabel (dari baris judul di teks): \(p.table.title)")
        case .existingFile: lines.append("Judul tabel (dipertahankan dari berkas lama; teks tidak memuat baris judul): \(p.table.title)")
        case .standard: lines.append("Judul tabel (bawaan, karena teks tidak memuat baris judul; ubah kunci `judul` bila perlu): \(p.table.title)")
        }
        if p.keptDirections > 0 { lines.append("`arah` dipertahankan dari berkas lama untuk \(p.keptDirections) indikator.") }
        return lines
    }
}
