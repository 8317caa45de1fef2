import RenjaModel

/// A chapter's Markdown split into lines that know their place in the file, with code left out:
/// figures and markers inside fenced code blocks or `code spans` are examples, not content.
package struct ChapterLine {
    /// The line as written.
    let text: String
    /// The same line with code spans blanked out (same number of characters, so columns still match).
    package let scannable: String
    /// 1-based line in the chapter file.
    let fileLine: Int
    /// 0-based index among the Markdown body's lines.
    let index: Int
    /// Inside a fenced code block: nothing on the line is scanned.
    package let inCodeBlock: Bool
}

package enum ChapterText {
    package static func lines(of chapter: Chapter) -> [ChapterLine] {
        lines(chapter.markdown, firstLine: chapter.bodyFirstLine)
    }

    static func lines(_ markdown: String, firstLine: Int) -> [ChapterLine] {
        var out: [ChapterLine] = []
        var fence: String?
        for (i, sub) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = String(sub)
            let leading = text.utf8.prefix { $0 == 0x20 }.count
            let trimmed = text.utf8.dropFirst(leading)
            var isFenceLine = false
            if leading <= 3, let marker = ["```", "~~~"].first(where: { trimmed.starts(with: $0.utf8) }) {
                if fence == nil { fence = marker; isFenceLine = true } else if fence == marker { fence = nil; isFenceLine = true }
            }
            let inCode = fence != nil || isFenceLine
            out.append(ChapterLine(text: text, scannable: inCode ? "" : blankCodeSpans(text), fileLine: firstLine + i,
                                   index: i, inCodeBlock: inCode))
        }
        return out
    }

    /// Replaces every character of a `code span` (backticks included) by a space.
    static func blankCodeSpans(_ line: String) -> String {
        guard line.utf8.contains(0x60) else { return line }  // no backtick: nothing to blank
        let chars = Array(line)
        var out = chars
        var i = 0
        while i < chars.count {
            guard chars[i] == "`" else { i += 1; continue }
            var n = 0
            while i + n < chars.count, chars[i + n] == "`" { n += 1 }
            // Find a closing run of exactly n backticks.
            var j = i + n
            var close: Int?
            while j < chars.count {
                if chars[j] == "`" {
                    var m = 0
                    while j + m < chars.count, chars[j + m] == "`" { m += 1 }
                    if m == n { close = j; break }
                    j += m
                } else {
                    j += 1
                }
            }
            guard let c = close else { i += n; continue }
            for k in i..<(c + n) { out[k] = " " }
            i = c + n
        }
        return String(out)
    }

    /// 1-based column of an index within a line, counted in characters as editors show it.
    package static func column(of index: String.Index, in line: String) -> Int {
        line.distance(from: line.startIndex, to: index) + 1
    }

    package static func location(_ chapter: Chapter, _ line: ChapterLine, _ index: String.Index) -> SourceLocation {
        SourceLocation(file: chapter.file, line: line.fileLine, column: ChapterText.column(of: index, in: line.scannable))
    }

    /// True when the character before `index` continues a number (so `2.53 program` is not read as `53 program`).
    package static func continuesNumber(_ s: String, before index: String.Index) -> Bool {
        guard index > s.startIndex else { return false }
        let prev = s[s.index(before: index)]
        return prev.isNumber || prev == "." || prev == "," || prev.isLetter
    }

    /// The text of the sentence up to `index` (a `.` followed by a space ends a sentence, except in `Rp.` and `No.`).
    package static func sentencePrefix(_ s: String, upTo index: String.Index) -> String {
        let head = String(s[..<index])
        var start = head.startIndex
        var i = head.startIndex
        while i < head.endIndex {
            let next = head.index(after: i)
            if head[i] == ".", next < head.endIndex, head[next] == " " {
                let before = head[head.startIndex..<i].suffix(2).lowercased()
                if before != "rp" && before != "no" { start = next }
            }
            i = next
        }
        return String(head[start...])
    }
}

/// Consecutive lines of one paragraph (or one list item, heading or table row) joined with spaces,
/// so a figure broken over a line ("46\nsub kegiatan") is read whole; each position still maps
/// back to its line and column in the file.
struct ChapterBlock {
    let text: String
    /// Character offset in `text` where each line starts, with the line.
    let starts: [(offset: Int, line: ChapterLine)]

    func location(of index: String.Index, _ chapter: Chapter) -> SourceLocation {
        let offset = text.distance(from: text.startIndex, to: index)
        let start = starts.last { $0.offset <= offset } ?? starts[0]
        return SourceLocation(file: chapter.file, line: start.line.fileLine, column: offset - start.offset + 1)
    }
}

extension ChapterText {
    static func blocks(of chapter: Chapter) -> [ChapterBlock] {
        var out: [ChapterBlock] = []
        var current: [ChapterLine] = []
        func flush() {
            guard !current.isEmpty else { return }
            var text = ""
            var starts: [(Int, ChapterLine)] = []
            var offset = 0
            for (i, l) in current.enumerated() {
                if i > 0 { text += " "; offset += 1 }
                starts.append((offset, l))
                text += l.scannable
                offset += l.scannable.count
            }
            out.append(ChapterBlock(text: text, starts: starts))
            current = []
        }
        for line in lines(of: chapter) {
            let trimmed = line.scannable.trimmingCharacters(in: .whitespaces)
            if line.inCodeBlock || trimmed.isEmpty { flush(); continue }
            // A heading, list item or table row starts a block of its own.
            if startsBlock(trimmed) { flush() }
            current.append(line)
            if trimmed.hasPrefix("#") || trimmed.hasPrefix("|") { flush() }
        }
        flush()
        return out
    }

    static func startsBlock(_ trimmed: String) -> Bool {
        if trimmed.hasPrefix("#") || trimmed.hasPrefix("|") || trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("+ ") {
            return true
        }
        let digits = trimmed.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = trimmed.dropFirst(digits.count)
            return rest.hasPrefix(". ") || rest.hasPrefix(") ")
        }
        return false
    }

    /// Start of the sentence holding `index`: after the last ". " that ends a sentence (not the
    /// dot of `Rp.`, `No.`, a list number or an abbreviation of one letter).
    static func sentenceStart(_ s: String, before index: String.Index) -> String.Index {
        var i = index
        while i > s.startIndex {
            let prev = s.index(before: i)
            if (s[prev] == "." || s[prev] == "!" || s[prev] == "?"), i < s.endIndex, s[i] == " ", endsSentence(s, dotAt: prev) { return i }
            i = prev
        }
        return s.startIndex
    }

    /// End of the sentence that starts before `index`.
    static func sentenceEnd(_ s: String, after index: String.Index) -> String.Index {
        var i = index
        while i < s.endIndex {
            let next = s.index(after: i)
            if (s[i] == "." || s[i] == "!" || s[i] == "?"), next == s.endIndex || s[next] == " ", endsSentence(s, dotAt: i) { return i }
            i = next
        }
        return s.endIndex
    }

    static func endsSentence(_ s: String, dotAt dot: String.Index) -> Bool {
        guard s[dot] == "." else { return true }
        var start = dot
        while start > s.startIndex, s[s.index(before: start)].isLetter || s[s.index(before: start)].isNumber { start = s.index(before: start) }
        let word = s[start..<dot].lowercased()
        if ["rp", "no", "nomor", "thn", "th", "dll", "dsb", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "s", "ii", "iii", "iv"].contains(word) { return false }
        if !word.isEmpty, word.allSatisfy(\.isNumber), word.count <= 2 { return false }
        return true
    }
}
