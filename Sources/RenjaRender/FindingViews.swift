import Foundation
import RenjaModel

// The findings as the site shows them to readers: plain sentences, no check ids, file paths or
// backticks (those stay in `renja check`, its JSON and, as "Rincian untuk staf", in the preview).

/// One entry of a findings list (Validasi page, program page).
struct FindingView {
    /// Stable id: the chips, the chapter marks and the Validasi page link to it.
    var id: String
    var severity: String
    var severityWord: String
    /// For the Validasi page's filter ("dokumen" for the document and its narrative).
    var programKey: String
    /// The message, escaped, with quoted values in `<strong>`.
    var messageHTML: String
    var figures: [FigureView]
    var notesHTML: [String]
    /// The rows the entry names (several for a change repeated down the hierarchy) and the
    /// chapter paragraph it is about.
    var links: [LinkView]
    var hasLinks: Bool
    /// Only in the preview (`BuildOptions.alwaysShowFindings` without `validasi_publik`): check ids
    /// and `file:line:column`, for staff.
    var technical: TechnicalView?
}

struct TechnicalView {
    var lines: [String]
}

struct FindingGroupView {
    /// `kelompok-<program key>` or `kelompok-dokumen`.
    var id: String
    var key: String
    var title: String
    var href: String?
    var findings: [FindingView]
    /// "3 temuan, 5 info" under the counting rule of `FindingIndex`.
    var summary: String
    var temuanCount: Int
}

struct ValidationView {
    var counts: CountView
    var groups: [FindingGroupView]
    var clean: Bool
}

/// Diagnostic text → text for readers.
enum ReaderText {
    /// `Content/renja-perubahan-2024/tabel/evaluasi.yaml:482:18` and the like.
    static let checkIDs = Set(CheckCatalog.checks.map(\.code))

    static let path = #"/?(?:[A-Za-z0-9_.\-]+/)+[A-Za-z0-9_.\-]+\.(?:yaml|yml|md)(?::\d+){0,2}"#

    /// The text without file references, escaped, `` `x` `` as `<strong>x</strong>`; nil when the
    /// text only says where something is in the files (a note for staff, left out of the site).
    static func html(_ text: String, capitalized: Bool = false, dropIfTechnical: Bool = false) -> String? {
        var s = text
        if mayNamePath(s) {
            // " (path:line:column)" — a pointer for staff.
            s = Patterns.pathInParentheses.removing(from: s)
            // "; Tabel 1 di path:line:column" — the same, as a clause.
            s = Patterns.pathClause.removing(from: s)
            if Patterns.path.matches(s) {
                if dropIfTechnical { return nil }
                s = Patterns.pathWithDi.removing(from: s)
            }
        }
        // A check's id (`angka-format`) means nothing to a reader: a note that names one is for
        // staff; in a message it becomes what the check is about.
        if s.contains("`") {
            for code in checkIDs where s.contains("`\(code)`") {
                if dropIfTechnical { return nil }
                s = s.replacingOccurrences(of: "`\(code)`", with: "temuan tentang " + (CheckCatalog.checks.first { $0.code == code }?.summary ?? "angka ini"))
            }
        }
        var out = ""
        var open = false
        for ch in HTMLText.escape(s) {
            if ch == "`" {
                out += open ? "</strong>" : "<strong>"
                open.toggle()
            } else {
                out.append(ch)
            }
        }
        if open {
            // An unpaired backtick: drop the tag it opened.
            if let r = out.range(of: "<strong>", options: .backwards) { out.removeSubrange(r) }
        }
        out = out.replacingOccurrences(of: "<strong></strong>", with: "")
        if capitalized { out = capitalizeFirstLetter(out) }
        let trimmed = out.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The first letter outside tags in upper case.
    static func capitalizeFirstLetter(_ html: String) -> String {
        var inTag = false
        var chars = Array(html)
        for i in chars.indices {
            if chars[i] == "<" { inTag = true; continue }
            if chars[i] == ">" { inTag = false; continue }
            if !inTag, chars[i].isLetter {
                chars[i] = Character(chars[i].uppercased())
                break
            }
            if !inTag, !chars[i].isWhitespace { break }
        }
        return String(chars)
    }

    /// Plain text (for a figure's value): no file references, no backticks.
    static func plain(_ text: String) -> String {
        var s = text
        if mayNamePath(s) {
            s = Patterns.path.removing(from: Patterns.pathInParentheses.removing(from: s))
        }
        return s.replacingOccurrences(of: "`", with: "").trimmingCharacters(in: .whitespaces)
    }

    /// Every file reference `path` matches ends in one of these: a text without any needs no
    /// regular expression (most of a site's finding texts; each match costs far more than this test).
    static func mayNamePath(_ s: String) -> Bool {
        s.contains(".yaml") || s.contains(".yml") || s.contains(".md")
    }

    /// The patterns compiled once: `replacingOccurrences(options: .regularExpression)` compiles its
    /// pattern on every call, and the Validasi and program pages word every finding.
    enum Patterns {
        static let path = CompiledPattern(ReaderText.path)
        static let pathInParentheses = CompiledPattern(#"\s*\("# + ReaderText.path + #"\)"#)
        static let pathClause = CompiledPattern(#";\s*[^;]*?\bdi\s+"# + ReaderText.path)
        static let pathWithDi = CompiledPattern(#"\s*(?:di\s+)?"# + ReaderText.path)
    }

    static func severityWord(_ s: Severity) -> String {
        switch s {
        case .galat: return "Galat"
        case .peringatan: return "Peringatan"
        case .info: return "Info"
        }
    }

    /// "3 temuan, 5 info", "1 temuan", "2 info".
    static func summary(temuan: Int, info: Int) -> String {
        var parts: [String] = []
        if temuan > 0 || info == 0 { parts.append("\(temuan) temuan") }
        if info > 0 { parts.append("\(info) info") }
        return parts.joined(separator: ", ")
    }

    /// "a", "a dan b", "a, b dan c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " dan " + items.last!
    }
}

/// A regular expression compiled once. `NSRegularExpression` is safe to share between threads.
struct CompiledPattern: @unchecked Sendable {
    let regex: NSRegularExpression

    init(_ pattern: String) {
        // The patterns are constants of this file; one that does not compile is a programming error.
        regex = try! NSRegularExpression(pattern: pattern)
    }

    func matches(_ s: String) -> Bool {
        regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    func removing(from s: String) -> String {
        regex.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: "")
    }
}
