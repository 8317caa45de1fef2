import Foundation
import Yams
import RenjaModel

/// `Templates/kata.yaml` read with positions: one entry per phrase, id → text. The meaning of the
/// texts (Mustache, the fields each may use) is render's; this reader only keeps where each text
/// stands in the file, so render can point at a tag inside it.
package enum PhraseCatalogFile {
    package struct Entry: Sendable {
        package var id: String
        package var idLocation: SourceLocation
        package var text: String
        package var textLocation: SourceLocation
        /// Where the text's own lines start in the file: for a one-line scalar the first character
        /// of its text (after an opening quote), for a literal block (`|`) the first column of each
        /// content line. nil when the text's lines do not map one to one (folded or wrapped text).
        var mapping: Mapping?

        enum Mapping: Sendable {
            case inline(line: Int, column: Int)
            case block(firstLine: Int, indent: Int)
        }

        /// The file position of a line and column (1-based) of `text`; the text's own start when
        /// its lines are not the file's.
        package func location(line: Int, column: Int) -> SourceLocation {
            switch mapping {
            case .inline(let l, let c)? where line == 1:
                return SourceLocation(file: textLocation.file, line: l, column: c + column - 1)
            case .block(let first, let indent)?:
                return SourceLocation(file: textLocation.file, line: first + line - 1, column: indent + column)
            default:
                return textLocation
            }
        }
    }

    /// The entries in file order; nil (after reporting) when the file is not a mapping of texts.
    package static func read(_ text: String, path: String, sink: DiagnosticSink) -> [Entry]? {
        let reader = YAMLReader(path: path, sink: sink)
        guard let root = reader.parse(text) else { return nil }
        guard case .mapping(let m) = root else {
            sink.error("tipe-salah", "berkas kata harus berupa blok `nama: teks`", at: reader.location(root),
                       figures: [.init("diharapkan", "blok nama: teks"), .init("ditemukan", YAMLReader.describe(root))])
            return nil
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [Entry] = []
        for (k, v) in m {
            guard case .scalar(let key) = k else {
                sink.error("tipe-salah", "nama ungkapan harus berupa teks", at: reader.location(k),
                           figures: [.init("diharapkan", "teks"), .init("ditemukan", YAMLReader.describe(k))])
                continue
            }
            guard case .scalar(let value) = v else {
                sink.error("tipe-salah", "`\(key.string)` harus berupa teks", at: reader.location(v),
                           figures: [.init("diharapkan", "teks"), .init("ditemukan", YAMLReader.describe(v))])
                continue
            }
            let at = reader.location(v)
            out.append(Entry(id: key.string, idLocation: reader.location(k), text: value.string, textLocation: at,
                             mapping: mapping(value, at: at, lines: lines)))
        }
        return out
    }

    static func mapping(_ s: Node.Scalar, at: SourceLocation, lines: [Substring]) -> Entry.Mapping? {
        switch s.style {
        case .plain, .singleQuoted, .doubleQuoted:
            // Only a text on one line whose characters stand in the file as they are read.
            guard !s.string.contains("\n"), at.line >= 1, at.line <= lines.count else { return nil }
            let quote = s.style == .plain ? 0 : 1
            let line = lines[at.line - 1]
            let start = line.index(line.startIndex, offsetBy: min(line.count, at.column - 1 + quote))
            guard line[start...].hasPrefix(s.string) else { return nil }
            return .inline(line: at.line, column: at.column + quote)
        case .literal:
            // The block's content starts on the line after its `|`, at the first line's indentation.
            guard at.line < lines.count else { return nil }
            let first = lines[at.line...].first { !$0.allSatisfy(\.isWhitespace) }
            let indent = first.map { $0.prefix { $0 == " " }.count } ?? 0
            return .block(firstLine: at.line + 1, indent: indent)
        default:
            return nil
        }
    }
}
