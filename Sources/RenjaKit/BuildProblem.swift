import Foundation
import RenjaModel
import RenjaRender

/// Why a build stopped, as data — in one place, for every caller: its kind, its diagnostics (a
/// write failure gets one too, `tulis-gagal`, with the system's reason in Indonesian), the clause
/// that ends the report, and the exit status. `renja build`, `renja check` and `renja serve` only
/// print it.
public struct BuildProblem: Error, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        /// The content or the templates cannot be read (exit 2).
        case input
        /// `--strict`: findings at or above peringatan (exit 1).
        case findings
        /// The output folder cannot be written: disk full, no permission… (exit 2).
        case output
    }

    public var kind: Kind
    public var diagnostics: [Diagnostic]
    /// E.g. "masukan tidak dapat dibaca".
    public var summary: String

    public var exitStatus: Int32 { kind == .findings ? 1 : 2 }

    public init(_ error: Error) {
        switch error {
        case let p as BuildProblem:
            self = p
        case let e as InputError:
            let errors = e.diagnostics.filter { $0.severity == .galat }
            kind = .input
            diagnostics = errors.isEmpty ? e.diagnostics : errors
            summary = "masukan tidak dapat dibaca"
        case let e as FindingsError:
            kind = .findings
            diagnostics = e.findings.filter { $0.severity != .info }
            summary = "ada galat atau peringatan angka (--strict)"
        default:
            kind = .output
            let path = ((error as NSError).userInfo[NSFilePathErrorKey] as? String).map { " (\($0))" } ?? ""
            diagnostics = [.galat("tulis-gagal", "situs tidak dapat ditulis\(path): \(SystemErrorText.describe(error))", at: nil)]
            summary = "folder keluaran tidak dapat ditulis"
        }
    }
}
