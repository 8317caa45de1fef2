import Foundation
import RenjaModel

/// Reads a content file as text the way staff's editors may have saved it: a UTF-8 byte-order
/// mark is dropped, Windows line endings become `\n` (line numbers stay the same), and bytes that
/// are not UTF-8 are reported with their line and column instead of being replaced silently.
package enum ContentFile {
    package static func read(_ url: URL, displayPath: String, sink: DiagnosticSink) -> String? {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            sink.error("berkas-tak-terbaca", "berkas tidak dapat dibaca", at: SourceLocation(file: displayPath, line: 1, column: 1),
                       figures: [.init("diharapkan", "berkas yang dapat dibaca"), .init("ditemukan", error.localizedDescription)])
            return nil
        }
        return decode(data, displayPath: displayPath, sink: sink)
    }

    package static func decode(_ data: Data, displayPath: String, sink: DiagnosticSink) -> String? {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column, offset) = firstInvalidUTF8(bytes)
            sink.error("utf8-tidak-sah", "berkas bukan teks UTF-8 yang sah", at: SourceLocation(file: displayPath, line: line, column: column),
                       figures: [.init("diharapkan", "teks UTF-8 (simpan ulang berkas sebagai UTF-8)"),
                                 .init("ditemukan", String(format: "bita 0x%02X pada posisi %d", bytes[offset], offset))])
            return nil
        }
        if text.contains("\r") {
            return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    /// Line and column (1-based, counted in characters) of the first byte that breaks UTF-8.
    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int, Int) {
        var i = 0, line = 1, column = 1
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column, i)
            }
            if i + length > bytes.count { return (line, column, i) }
            if length > 1, String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil { return (line, column, i) }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return (line, column, max(0, bytes.count - 1))
    }
}
