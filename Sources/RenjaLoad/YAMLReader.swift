import Foundation
import Yams
import RenjaModel

/// Reads a YAML file into Yams nodes and offers typed, position-keeping access to them.
/// Every problem becomes a Diagnostic in Indonesian with the file's line and column.
struct YAMLReader {
    let path: String
    let sink: DiagnosticSink

    /// Parses text already decoded by `ContentFile`. Returns nil (after reporting) when the YAML is broken.
    func parse(_ text: String) -> Node? {
        do {
            // `.basic`: no implicit typing. Every value is read as its raw text anyway, and keys are
            // matched as raw text (`no:` is a key, not `false`); the default resolver runs a dozen
            // regular expressions on every key and value, a large share of the loading time.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                sink.error("berkas-kosong", "berkas YAML kosong; diharapkan isi data", at: SourceLocation(file: path, line: 1, column: 1))
                return nil
            }
            return node
        } catch let error as YamlError {
            sink.add(diagnostic(for: error))
            return nil
        } catch {
            sink.error("yaml-sintaks", "YAML tidak dapat dibaca: \(error)", at: SourceLocation(file: path, line: 1, column: 1))
            return nil
        }
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, yaml), let .parser(context, problem, mark, yaml),
             let .composer(context, problem, mark, yaml):
            let loc = SourceLocation(file: path, line: mark.line, column: mark.column)
            let line = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            let sourceLine = mark.line >= 1 && mark.line <= line.count ? String(line[mark.line - 1]) : ""
            if problem.contains("tab") || (problem.contains("cannot start any token") && sourceLine.contains("\t")) {
                return .galat("yaml-tab", "karakter tab tidak boleh dipakai untuk indentasi YAML",
                              at: loc, figures: [.init("diharapkan", "spasi"), .init("ditemukan", "tab")])
            }
            // A quote left open swallows the following lines, so libyaml complains far below the
            // real mistake: point at the first line whose double quotes do not pair up.
            if let open = YAMLReader.unbalancedQuoteLine(line, before: mark.line) {
                return .galat("yaml-kutip", "tanda kutip dibuka tetapi tidak ditutup",
                              at: SourceLocation(file: path, line: open.line, column: open.column),
                              figures: [.init("diharapkan", "tanda kutip penutup \" di akhir teks"),
                                        .init("ditemukan", String(line[open.line - 1]).trimmingCharacters(in: .whitespaces))],
                              notes: ["libyaml baru menyadarinya di baris \(mark.line) kolom \(mark.column): \(YAMLReader.translate(problem))"])
            }
            var notes: [String] = []
            if let context { notes.append("konteks: \(YAMLReader.translate(context.text)) (baris \(context.mark.line))") }
            return .galat("yaml-sintaks", "sintaks YAML salah: \(YAMLReader.translate(problem))", at: loc, notes: notes)
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams marks the first occurrence; the mistake is the repetition, so find it.
            let (line, column) = YAMLReader.repeatedKey(duplicates.first ?? "", in: context.text,
                                                         after: context.mark.line, column: context.mark.column)
            let loc = SourceLocation(file: path, line: line, column: column)
            return .galat("kunci-ganda", "kunci ditulis lebih dari sekali dalam satu blok: \(duplicates.joined(separator: ", "))",
                          at: loc, figures: [.init("diharapkan", "setiap kunci sekali saja"), .init("ditemukan", "\(duplicates.first ?? "") berulang")])
        case let .reader(problem, offset, _, _):
            return .galat("yaml-baca", "berkas tidak dapat dibaca sebagai teks: \(problem)\(offset.map { " (bita ke-\($0))" } ?? "")",
                          at: SourceLocation(file: path, line: 1, column: 1))
        default:
            return .galat("yaml-sintaks", "YAML tidak dapat dibaca: \(error)", at: SourceLocation(file: path, line: 1, column: 1))
        }
    }

    /// First line before `limit` with an odd number of double quotes outside comments.
    static func unbalancedQuoteLine(_ lines: [Substring], before limit: Int) -> (line: Int, column: Int)? {
        for (i, l) in lines.prefix(max(0, limit - 1)).enumerated() {
            var quotes: [Int] = []
            var inSingle = false
            var previous: Character = " "
            for (j, ch) in l.enumerated() {
                if ch == "#" && quotes.count % 2 == 0 && !inSingle && (previous == " " || j == 0) { break }
                if ch == "'" && quotes.count % 2 == 0 { inSingle.toggle() }
                if ch == "\"" && previous != "\\" && !inSingle { quotes.append(j) }
                previous = ch
            }
            if quotes.count % 2 == 1 { return (i + 1, quotes.last! + 1) }
        }
        return nil
    }

    /// Line and column of the second `key:` at the same indentation as the first one.
    static func repeatedKey(_ key: String, in text: String, after line: Int, column: Int) -> (Int, Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1 else { return (max(line, 1), max(column, 1)) }
        for i in line..<lines.count {
            let l = lines[i]
            let indent = l.prefix { $0 == " " }.count
            let rest = l.dropFirst(indent)
            if indent < column - 1, !rest.isEmpty, !rest.hasPrefix("#"), !rest.hasPrefix("- ") || indent + 2 < column - 1 { break }
            if indent == column - 1, rest.hasPrefix("\(key):") { return (i + 1, column) }
            if rest.hasPrefix("- "), indent + 2 == column - 1, rest.dropFirst(2).hasPrefix("\(key):") { return (i + 1, column) }
        }
        return (line, column)
    }

    /// libyaml speaks English; staff do not. The common messages, in Indonesian.
    static func translate(_ problem: String) -> String {
        let table: [(String, String)] = [
            ("mapping values are not allowed in this context", "titik dua (`:`) tidak boleh di sini; teks yang memuat \": \" harus diapit tanda kutip"),
            ("did not find expected key", "kunci yang diharapkan tidak ditemukan (periksa indentasi)"),
            ("did not find expected '-' indicator", "tanda '-' untuk butir daftar tidak ditemukan (periksa indentasi)"),
            ("found character that cannot start any token", "karakter yang tidak boleh mengawali nilai"),
            ("found unexpected end of stream", "berkas berakhir sebelum tanda kutip atau kurung ditutup"),
            ("while scanning a quoted scalar", "saat membaca teks bertanda kutip"),
            ("while parsing a block mapping", "saat membaca blok kunci: nilai"),
            ("while parsing a block collection", "saat membaca daftar"),
            ("while scanning a simple key", "saat membaca kunci"),
            ("could not find expected ':'", "tanda ':' yang diharapkan tidak ditemukan"),
            ("block sequence entries are not allowed in this context", "butir daftar '-' tidak boleh di sini (periksa indentasi)"),
            ("found undefined alias", "alias YAML tidak dikenal"),
            ("while parsing a flow", "saat membaca [ ] atau { }"),
            ("did not find expected ',' or ']'", "tanda ',' atau ']' yang diharapkan tidak ditemukan"),
            ("did not find expected ',' or '}'", "tanda ',' atau '}' yang diharapkan tidak ditemukan"),
            ("found a tab character that violates indentation", "karakter tab melanggar indentasi"),
            ("found a tab character where an indentation space is expected", "karakter tab ditemukan di tempat spasi indentasi"),
            ("found unknown escape character", "karakter escape tidak dikenal dalam teks bertanda kutip"),
            ("did not find expected node content", "nilai yang diharapkan tidak ditemukan"),
            ("found incompatible YAML document", "versi dokumen YAML tidak didukung"),
            ("found character that cannot start any token", "karakter yang tidak boleh mengawali nilai"),
            ("could not find expected ':'", "tanda ':' yang diharapkan tidak ditemukan"),
        ]
        for (en, id) in table where problem.contains(en) { return id }
        return "\(problem) (pesan libyaml)"
    }

    func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// A short Indonesian description of what a node is, for "ditemukan: …".
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string.isEmpty ? "nilai kosong" : "teks \"\(s.string)\""
        case .mapping: return "blok kunci: nilai"
        case .sequence: return "daftar"
        case .alias: return "alias"
        }
    }

    func mapping(_ node: Node, what: String) -> MappingReader? {
        guard case .mapping(let m) = node else {
            sink.error("tipe-salah", "\(what) harus berupa blok kunci: nilai", at: location(node),
                       figures: [.init("diharapkan", "blok kunci: nilai"), .init("ditemukan", YAMLReader.describe(node))])
            return nil
        }
        return MappingReader(mapping: m, node: node, reader: self, what: what)
    }
}

/// Typed access to one YAML mapping, reporting unknown keys (with suggestions), missing keys and
/// values of the wrong shape.
struct MappingReader {
    let mapping: Node.Mapping
    let node: Node
    let reader: YAMLReader
    let what: String

    var location: SourceLocation { reader.location(node) }
    var sink: DiagnosticSink { reader.sink }

    func value(_ key: String) -> Node? { mapping[key] }

    /// Reports keys not in `allowed` and required keys that are missing.
    func checkKeys(allowed: [String], required: [String]) {
        for (k, _) in mapping {
            let name = k.string ?? ""
            guard !allowed.contains(name) else { continue }
            var notes: [String] = []
            if let s = Text.suggestion(for: name, among: allowed) { notes.append("mungkin maksudnya `\(s)`?") }
            sink.error("kunci-tak-dikenal", "kunci `\(name)` tidak dikenal pada \(what)", at: reader.location(k),
                       figures: [.init("diharapkan", allowed.joined(separator: ", ")), .init("ditemukan", name)], notes: notes)
        }
        for key in required where mapping[key] == nil {
            sink.error("kunci-hilang", "\(what) tidak memiliki kunci wajib `\(key)`", at: location,
                       figures: [.init("diharapkan", "\(key): …"), .init("ditemukan", "tidak ada")])
        }
    }

    /// Reports a field whose text does not read as the figure it must be (`angka-tidak-sah`):
    /// `mustBe` words the kind ("jumlah rupiah"), `expected` gives the form with an example.
    func invalidFigure(_ text: Located<String>, _ key: String, mustBe: String, expected: String) {
        sink.error("angka-tidak-sah", "`\(key)` pada \(what) harus berupa \(mustBe)", at: text.location,
                   figures: [.init("diharapkan", expected), .init("ditemukan", text.value.isEmpty ? "nilai kosong" : text.value)])
    }

    func string(_ key: String, allowEmpty: Bool = false) -> Located<String>? {
        guard let node = mapping[key] else { return nil }
        guard case .scalar(let s) = node else {
            sink.error("tipe-salah", "`\(key)` pada \(what) harus berupa teks", at: reader.location(node),
                       figures: [.init("diharapkan", "teks"), .init("ditemukan", YAMLReader.describe(node))])
            return nil
        }
        let value = Text.trimmed(s.string)
        if value.isEmpty && !allowEmpty {
            sink.error("nilai-kosong", "`\(key)` pada \(what) kosong", at: reader.location(node),
                       figures: [.init("diharapkan", "teks"), .init("ditemukan", "nilai kosong")])
            return nil
        }
        return Located(value, at: reader.location(node))
    }

    func int(_ key: String) -> Located<Int>? {
        guard let s = string(key) else { return nil }
        guard let n = Int(s.value) else {
            sink.error("tipe-salah", "`\(key)` pada \(what) harus berupa bilangan bulat", at: s.location,
                       figures: [.init("diharapkan", "bilangan bulat, mis. 2024"), .init("ditemukan", s.value)])
            return nil
        }
        return Located(n, at: s.location)
    }

    func bool(_ key: String) -> Bool? {
        guard let s = string(key) else { return nil }
        switch s.value.lowercased() {
        case "true", "ya", "yes": return true
        case "false", "tidak", "no": return false
        default:
            sink.error("tipe-salah", "`\(key)` pada \(what) harus `true` atau `false`", at: s.location,
                       figures: [.init("diharapkan", "true atau false"), .init("ditemukan", s.value)])
            return nil
        }
    }

    func mapping(_ key: String, what child: String) -> MappingReader? {
        guard let node = mapping[key] else { return nil }
        return reader.mapping(node, what: child)
    }

    /// Elements of a list. An empty value (`key:` with nothing) counts as an empty list.
    func list(_ key: String) -> [Node]? {
        guard let node = mapping[key] else { return nil }
        switch node {
        case .sequence(let seq): return Array(seq)
        case .scalar(let s) where s.string.isEmpty: return []
        default:
            sink.error("tipe-salah", "`\(key)` pada \(what) harus berupa daftar (butir diawali `- `)", at: reader.location(node),
                       figures: [.init("diharapkan", "daftar"), .init("ditemukan", YAMLReader.describe(node))])
            return nil
        }
    }
}
