import Foundation
import RenjaModel
import RenjaLoad

/// The file an import plans to write: where, the text there now, and the new text. Every plan
/// holds one (and reads as one: `plan.yaml`, `plan.targetDisplay`).
public struct PlannedFile: Sendable {
    public var target: URL
    /// The target as the user named it (or as it was derived from the content folder).
    public var targetDisplay: String
    /// The text of the file it replaces; nil when there is none.
    public var existingText: String?
    public var yaml: String

    public var targetExists: Bool { existingText != nil }
    /// The new text is byte for byte the file already there.
    public var isUnchanged: Bool { existingText == yaml }
}

/// A plan of an import, which reads as the file it plans: `plan.yaml`, `plan.targetDisplay`,
/// `plan.isUnchanged`.
@dynamicMemberLookup
public protocol FilePlan: Sendable {
    var file: PlannedFile { get }
}

extension FilePlan {
    public subscript<T>(dynamicMember path: KeyPath<PlannedFile, T>) -> T { file[keyPath: path] }
}

/// A plan whose file can be changed (`plan.yaml = …`): the write gates it again.
public protocol EditableFilePlan: FilePlan {
    var file: PlannedFile { get set }
}

extension EditableFilePlan {
    public subscript<T>(dynamicMember path: WritableKeyPath<PlannedFile, T>) -> T {
        get { file[keyPath: path] }
        set { file[keyPath: path] = newValue }
    }
}

/// The file side of every import: reading the input, choosing and reading the target, and the
/// one atomic write. The layouts differ in what they read and write, never in how files are handled.
enum ImportFiles {
    /// The input's bytes, or the `impor-berkas` error saying why they cannot be read.
    static func readInput(_ url: URL, display: String) throws -> Data {
        var isDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir)
        guard exists, !isDir.boolValue, let data = FileManager.default.contents(atPath: url.path) else {
            let found = !exists ? "tidak ada berkas \(display)" : isDir.boolValue ? "\(display) adalah folder" : "berkas tidak boleh dibaca (periksa izinnya)"
            throw InputError(.galat("impor-berkas", "berkas masukan tidak dapat dibaca", at: nil,
                                    figures: [.init("diharapkan", "berkas teks dipisah tab atau CSV"), .init("ditemukan", found)]))
        }
        return data
    }

    /// `--output`, else `tabel/<fileName>` of the one document (or the one `--document` names).
    static func resolveTarget(_ r: LayoutImportRequest, fileName: String) throws -> (URL, String) {
        if let output = r.output { return (output, r.outputDisplay ?? output.path) }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: r.content.path, isDirectory: &isDir), isDir.boolValue else {
            throw InputError(.galat("impor-konten", "folder konten tidak ditemukan", at: nil,
                                    figures: [.init("diharapkan", "folder berisi satu folder per dokumen (atau pakai --output)"),
                                              .init("ditemukan", "tidak ada folder \(r.contentDisplay)")]))
        }
        let documents = SiteLoader.listing(r.content).filter {
            FileManager.default.fileExists(atPath: r.content.appendingPathComponent($0).appendingPathComponent("dokumen.yaml").path)
        }
        let name: String
        if let wanted = r.document {
            guard documents.contains(wanted) else {
                throw InputError(.galat("impor-dokumen", "dokumen `\(wanted)` tidak ada di folder \(r.contentDisplay)", at: nil,
                                        figures: [.init("diharapkan", documents.isEmpty ? "folder dokumen berisi dokumen.yaml" : documents.joined(separator: ", ")),
                                                  .init("ditemukan", wanted)],
                                        notes: Text.suggestion(for: wanted, among: documents).map { ["mungkin maksudnya `\($0)`?"] } ?? []))
            }
            name = wanted
        } else if documents.count == 1 {
            name = documents[0]
        } else {
            throw InputError(.galat("impor-dokumen",
                                    documents.isEmpty ? "tidak ada dokumen di folder \(r.contentDisplay)"
                                                      : "folder \(r.contentDisplay) memuat \(documents.count) dokumen; pilih satu dengan --document",
                                    at: nil,
                                    figures: [.init("diharapkan", documents.isEmpty ? "folder dokumen berisi dokumen.yaml, atau --output BERKAS" : "--document NAMA"),
                                              .init("ditemukan", documents.isEmpty ? "tidak ada" : documents.joined(separator: ", "))]))
        }
        let file = "tabel/\(fileName)"
        return (r.content.appendingPathComponent(name).appendingPathComponent(file), "\(r.contentDisplay)/\(name)/\(file)")
    }

    /// The warning for a target whose name `renja build` does not read (`--output` elsewhere).
    static func nameWarning(_ target: URL, expected fileName: String, table: String) -> Diagnostic? {
        guard target.lastPathComponent != fileName else { return nil }
        return Diagnostic(.peringatan, "impor-tujuan", "`renja build` membaca \(table) hanya dari tabel/\(fileName)",
                          at: nil, figures: [.init("diharapkan", fileName), .init("ditemukan", target.lastPathComponent)])
    }

    /// Writes the file unless it is already there byte for byte; without `force` an existing,
    /// different file is left alone. `gate` loads the YAML once more first (a plan's fields can be
    /// changed after it was made): nothing is written that the loader refuses.
    static func write(_ file: PlannedFile, force: Bool, gate: () -> [Diagnostic]) throws -> ImportWriteResult {
        if file.isUnchanged { return .unchanged }
        if file.targetExists && !force { throw OverwriteRefused(path: file.targetDisplay) }
        let problems = gate()
        if !problems.isEmpty { throw InputError(problems) }
        try replace(file.target, with: file.yaml)
        return .written
    }

    /// A temporary file beside `target`, then a rename, so a reader never sees half a file.
    private static func replace(_ target: URL, with yaml: String) throws {
        let folder = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temp = folder.appendingPathComponent(".\(target.lastPathComponent).impor-\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(yaml.utf8).write(to: temp)
            guard rename(temp.path, target.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path,
                                                               NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw error
        }
    }
}
