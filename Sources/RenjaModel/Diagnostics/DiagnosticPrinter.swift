import Foundation

/// Turns diagnostics into text: the compiler-style line, optionally with the source line and a caret,
/// or JSON for scripts.
public enum DiagnosticPrinter {
    /// `path:line:col: galat[code]: message`
    public static func short(_ d: Diagnostic) -> String {
        let place = d.location.map { "\($0): " } ?? ""
        return "\(place)\(d.severity.rawValue)[\(d.code)]: \(d.message)"
    }

    /// The short line, then the figures and notes indented, then (if the file can be read) the
    /// source line with a caret under the column.
    public static func rich(_ d: Diagnostic, source: ((String) -> String?)? = nil) -> String {
        rich(d) { file in source?(file).map(SourceLines.split) }
    }

    /// As `rich(_:source:)`, reading each file once for all the diagnostics printed with `sources`
    /// (`renja check` on a large site prints tens of thousands).
    public static func rich(_ d: Diagnostic, sources: SourceLines) -> String {
        rich(d) { sources.lines(of: $0) }
    }

    private static func rich(_ d: Diagnostic, lines fileLines: (String) -> [Substring]?) -> String {
        var lines = [short(d)]
        /// The source line at `loc` with a mark under its column (`^` for the finding, `-` and the
        /// label's words for a related place).
        func snippet(_ loc: SourceLocation, mark: String) {
            guard let all = fileLines(loc.file), loc.line >= 1, loc.line <= all.count else { return }
            let sourceLine = String(all[loc.line - 1]).replacingOccurrences(of: "\r", with: "")
            let gutter = String(loc.line)
            lines.append("\(String(repeating: " ", count: gutter.count)) |")
            lines.append("\(gutter) | \(sourceLine)")
            let caretPad = String(sourceLine.prefix(max(0, loc.column - 1)).map { $0 == "\t" ? "\t" : " " })
            lines.append("\(String(repeating: " ", count: gutter.count)) | \(caretPad)\(mark)")
        }
        if let loc = d.location { snippet(loc, mark: "^") }
        for label in d.related {
            lines.append("    = \(label.message): \(label.location)")
            snippet(label.location, mark: "- \(label.message)")
        }
        let width = d.figures.map { $0.label.count }.max() ?? 0
        for f in d.figures {
            lines.append("    \(f.label.padding(toLength: width, withPad: " ", startingAt: 0)) : \(f.value)")
        }
        for n in d.notes { lines.append("    catatan: \(n)") }
        return lines.joined(separator: "\n")
    }

    /// Source files split into lines, each read and split once.
    public final class SourceLines {
        private let read: (String) -> String?
        private var cache: [String: [Substring]?] = [:]

        public init(read: @escaping (String) -> String?) { self.read = read }

        func lines(of file: String) -> [Substring]? {
            if let known = cache[file] { return known }
            let lines = read(file).map(SourceLines.split)
            cache[file] = .some(lines)
            return lines
        }

        /// "\r\n" is one Character in Swift: split on both so Windows files show their line too.
        static func split(_ text: String) -> [Substring] {
            text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        }
    }

    /// One line per severity count, e.g. `3 galat, 12 peringatan, 40 info`.
    public static func summary(_ ds: [Diagnostic]) -> String {
        let counts = Severity.allCases.map { s in "\(ds.filter { $0.severity == s }.count) \(s.rawValue)" }
        return "Ringkasan: " + counts.joined(separator: ", ")
    }

    private struct JSONDiagnostic: Codable {
        var severity: String
        var code: String
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
        var figures: [Diagnostic.Figure]
        var notes: [String]
        var document: String?
        var related: [JSONLabel]
    }

    private struct JSONLabel: Codable {
        var message: String
        var file: String
        var line: Int
        var column: Int
    }

    public static func json(_ ds: [Diagnostic]) -> String {
        let items = ds.map {
            JSONDiagnostic(severity: $0.severity.rawValue, code: $0.code, message: $0.message,
                           file: $0.location?.file, line: $0.location?.line, column: $0.location?.column,
                           figures: $0.figures, notes: $0.notes, document: $0.documentSlug,
                           related: $0.related.map { JSONLabel(message: $0.message, file: $0.location.file, line: $0.location.line, column: $0.location.column) })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(items)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
