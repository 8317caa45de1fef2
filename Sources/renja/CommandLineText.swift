import Foundation

/// The fixed English words of swift-argument-parser's help and usage errors, in Indonesian. The
/// library has no localisation; its texts are stable patterns (checked in `CommandContractTests`
/// against the pinned version), so they are rewritten here rather than by forking the library.
enum CommandLineText {
    /// Whole-phrase and heading replacements, applied in order.
    static let phrases: [(String, String)] = [
        ("OVERVIEW:", "RINGKASAN:"),
        ("USAGE:", "PEMAKAIAN:"),
        ("ARGUMENTS:", "ARGUMEN:"),
        ("OPTIONS:", "PILIHAN:"),
        ("SUBCOMMANDS:", "SUBPERINTAH:"),
        ("Show help information.", "Tampilkan bantuan ini."),
        ("See 'renja help <subcommand>' for detailed help.", "Lihat `renja help <subperintah>` untuk bantuan lengkap."),
        ("renja <subcommand>", "renja <subperintah>"),
        ("(default)", "(bawaan) "),
        ("(default: ", "(bawaan: "),
        ("Help:  ", "Bantuan: "),
        ("Usage: ", "Pemakaian: "),
    ]

    /// Error lines: the library's pattern → the Indonesian sentence (`$1`, `$2` are its quoted parts).
    static let patterns: [(String, String)] = [
        (#"Error: Unknown option '([^']*)'(?:\. Did you mean '([^']*)'\?)?"#, "galat: pilihan `$1` tidak dikenal"),
        (#"Error: Unexpected arguments? (.*)"#, "galat: argumen $1 tidak diharapkan"),
        (#"Error: Missing expected argument '([^']*)'"#, "galat: $1 belum diberikan"),
        (#"Error: Missing value for '([^']*)'"#, "galat: nilai untuk $1 belum diberikan"),
        (#"Error: The value '([^']*)' is invalid for '([^']*)'"#, "galat: nilai `$1` tidak sah untuk $2"),
        (#"Error: (.*)"#, "galat: $1"),
        (#"See '([^']*)' for more information\."#, "Lihat `$1` untuk keterangan lebih lanjut."),
    ]

    static func indonesian(_ text: String) -> String {
        var out = text
        for (english, indonesian) in phrases { out = out.replacingOccurrences(of: english, with: indonesian) }
        let lines = out.components(separatedBy: "\n").map { line -> String in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let indent = String(line.prefix { $0 == " " })
            for (pattern, template) in patterns {
                guard let regex = try? NSRegularExpression(pattern: "^" + pattern + "$") else { continue }
                let range = NSRange(trimmed.startIndex..., in: trimmed)
                if regex.firstMatch(in: trimmed, range: range) != nil {
                    return indent + regex.stringByReplacingMatches(in: trimmed, range: range, withTemplate: template)
                }
            }
            return line
        }
        return lines.joined(separator: "\n")
    }
}
