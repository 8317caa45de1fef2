import Foundation
import RenjaModel

/// Turns the bytes of an exported table into text. Spreadsheets and word processors save in more
/// encodings than content files do: UTF-8 with or without a byte-order mark, UTF-16 ("Unicode
/// Text" from Excel) and, from older Windows machines, Windows-1252. Files that are not text at
/// all (an .xlsx or .docx saved as is) are refused with a diagnostic that says what to do instead.
enum ImportText {
    struct Decoded {
        var text: String
        /// Said to the user when the text was not plain UTF-8, e.g. "UTF-16 (Unicode Text)".
        var encodingNote: String?
    }

    static func decode(_ data: Data, displayPath: String, sink: DiagnosticSink) -> Decoded? {
        var bytes = [UInt8](data)
        let start = SourceLocation(file: displayPath, line: 1, column: 1)
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            sink.error("impor-bukan-teks", "berkas ini dokumen lembar kerja atau pengolah kata (.xlsx/.xls/.docx), bukan teks",
                       at: start,
                       figures: [.init("diharapkan", "teks dipisah tab, atau CSV dengan ; atau ,"),
                                 .init("ditemukan", "berkas biner")],
                       notes: ["simpan lembar kerja sebagai CSV (Simpan Sebagai → CSV), atau salin tabelnya lalu tempel ke berkas teks"])
            return nil
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            bytes.removeFirst(2)
            guard bytes.count % 2 == 0 else {
                sink.error("impor-pengodean", "berkas UTF-16 terpotong (jumlah bita ganjil)", at: start,
                           figures: [.init("diharapkan", "teks UTF-16 utuh"), .init("ditemukan", "\(bytes.count + 2) bita")])
                return nil
            }
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 0
            while i < bytes.count {
                units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            guard let text = String(validating: units, as: UTF16.self) else {
                sink.error("impor-pengodean", "berkas UTF-16 memuat karakter yang rusak", at: start,
                           figures: [.init("diharapkan", "teks UTF-16 yang sah"), .init("ditemukan", "pasangan surrogate tidak lengkap")])
                return nil
            }
            return finish(text, note: "UTF-16 (Unicode Text)", displayPath: displayPath, sink: sink)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return finish(text, note: nil, displayPath: displayPath, sink: sink)
        }
        // Not UTF-8: an ANSI export from Windows. Every byte maps to a character in Windows-1252,
        // so nothing is lost; the user is told, because a wrong guess would show as odd letters.
        return finish(String(bytes.map(windows1252)), note: "Windows-1252 (bukan UTF-8)", displayPath: displayPath, sink: sink)
    }

    private static func finish(_ raw: String, note: String?, displayPath: String, sink: DiagnosticSink) -> Decoded? {
        var text = raw
        if text.contains("\r") {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if let nul = text.firstIndex(of: "\u{0}") {
            let before = text[..<nul]
            let line = before.filter { $0 == "\n" }.count + 1
            let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            sink.error("impor-bukan-teks", "berkas memuat karakter NUL; ini bukan berkas teks", at: SourceLocation(file: displayPath, line: line, column: column),
                       figures: [.init("diharapkan", "teks dipisah tab, atau CSV dengan ; atau ,"), .init("ditemukan", "bita 0x00")])
            return nil
        }
        return Decoded(text: text, encodingNote: note)
    }

    /// Windows-1252: Latin-1 except 0x80–0x9F, which hold typographic characters. Kept by hand
    /// although Foundation has `.windowsCP1252`: Foundation refuses the whole text when one of the
    /// five bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) occurs (checked on
    /// Swift 6.3.1, Linux), and a spreadsheet's export must still be read and then checked cell by
    /// cell; here they map to the C1 controls of the same number, as web browsers read them.
    private static func windows1252(_ b: UInt8) -> Character {
        let high: [UInt32] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
                              0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
        let scalar = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
        return Character(Unicode.Scalar(scalar)!)
    }
}

/// One cell of delimited text, with where it starts in the input (1-based, in characters).
struct InputCell: Equatable {
    var text: String
    var line: Int
    var column: Int
}

/// One record (row) of delimited text. A quoted cell may span lines; `line` is where the row starts.
struct InputRecord: Equatable {
    var line: Int
    var cells: [InputCell]
}

/// Splits tab-, semicolon- or comma-separated text into records and cells, keeping positions.
/// Quoting follows what spreadsheets write (a cell in double quotes, `""` for a quote inside, line
/// breaks allowed inside); a quote that does not close a cell properly (as a word processor copies
/// `"Kampung" Ramah Anak`) is kept as ordinary text instead of swallowing the rest of the file.
/// Hand-written because the CSV packages at hand (yaslab/CSV.swift 2.5.2, swiftcsv/SwiftCSV
/// 0.10.0) hand out rows of plain strings: no line and column per cell, which every import
/// diagnostic points at, and a stray quote is an error or ends the cell, not text kept as typed.
enum DelimitedText {
    static func parse(_ text: String, delimiter: Character) -> [InputRecord] {
        let chars = Array(text)
        var records: [InputRecord] = []
        var cells: [InputCell] = []
        var i = 0, line = 1, column = 1
        var recordLine = 1
        var atRecordStart = true

        func advance(_ ch: Character) {
            if ch == "\n" { line += 1; column = 1 } else { column += 1 }
        }

        while i < chars.count || !atRecordStart {
            if atRecordStart { recordLine = line; atRecordStart = false }
            // One cell starts here.
            let cellLine = line, cellColumn = column
            var value = ""
            var parsedQuoted = false
            if i < chars.count, chars[i] == "\"" {
                // Try a quoted cell: it must close with `"` followed by the delimiter, a line end or the end.
                var j = i + 1
                var content = ""
                var closed = false
                while j < chars.count {
                    if chars[j] == "\"" {
                        if j + 1 < chars.count, chars[j + 1] == "\"" { content.append("\""); j += 2; continue }
                        let next: Character? = j + 1 < chars.count ? chars[j + 1] : nil
                        closed = next == nil || next == delimiter || next == "\n"
                        break
                    }
                    content.append(chars[j])
                    j += 1
                }
                if closed {
                    for k in i...j { advance(chars[k]) }
                    i = j + 1
                    value = content
                    parsedQuoted = true
                }
            }
            if !parsedQuoted {
                while i < chars.count, chars[i] != delimiter, chars[i] != "\n" {
                    value.append(chars[i])
                    advance(chars[i])
                    i += 1
                }
            }
            // Point at the first visible character, so a caret lands on the text and not on padding.
            var shownColumn = cellColumn + (parsedQuoted ? 1 : 0)
            if !value.contains("\n") {
                shownColumn += value.prefix { $0 == " " }.count
            }
            cells.append(InputCell(text: value, line: cellLine, column: value.trimmingCharacters(in: .whitespaces).isEmpty ? cellColumn : shownColumn))
            if i < chars.count, chars[i] == delimiter {
                advance(chars[i])
                i += 1
                continue
            }
            // End of line or of text: the record is complete.
            records.append(InputRecord(line: recordLine, cells: cells))
            cells = []
            atRecordStart = true
            if i < chars.count { advance(chars[i]); i += 1 } // the "\n"
            if i >= chars.count { break }
        }
        return records
    }

    /// The delimiter under which the most rows have exactly the table's number of columns.
    /// Tab wins ties (word processors), then semicolon (spreadsheets in Indonesian locale).
    static func detectDelimiter(_ text: String, expectedColumns: Int) -> Character {
        var best: (Character, Int) = ("\t", -1)
        for candidate: Character in ["\t", ";", ","] where text.contains(candidate) {
            let score = parse(text, delimiter: candidate).filter { fits($0, expectedColumns) }.count
            if score > best.1 { best = (candidate, score) }
        }
        return best.1 >= 0 ? best.0 : "\t"
    }

    /// Exactly `n` cells, or more whose extras are empty (a trailing delimiter).
    static func fits(_ r: InputRecord, _ n: Int) -> Bool {
        r.cells.count >= n && r.cells.dropFirst(n).allSatisfy { $0.text.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}
