import Foundation
import RenjaModel

/// Figures computed from the tables that a chapter can print with `{{angka NAMA}}`, so a total
/// written in the narrative can never disagree with the tables. `{{tabel evaluasi}}` and
/// `{{tabel rencana}}` are left for the renderer; any other `{{…}}` is reported.
public enum Placeholders {
    static let tableMarkers = TableKind.allCases.map { "tabel \($0.rawValue)" }
    /// Compiled once: a regex literal inside `expand` would be parsed again for every chapter.
    static let markerPattern = #/\{\{([^{}]*)\}\}/#

    /// The chapter's Markdown with every `{{angka …}}` filled from the document's figures, and a
    /// finding for every marker that cannot be filled. Done once per document, in its facts.
    static func expand(_ chapter: Chapter, figures: DocumentFigures, document: Document) -> (text: String, diagnostics: [Diagnostic]) {
        let lines = ChapterText.lines(chapter.markdown, firstLine: chapter.bodyFirstLine)
        var diagnostics: [Diagnostic] = []
        var output: [String] = []
        let pattern = Self.markerPattern

        for line in lines {
            guard !line.inCodeBlock, line.scannable.contains("{{") else { output.append(line.text); continue }
            var result = ""
            var cursor = line.text.startIndex
            for match in line.scannable.matches(of: pattern) {
                // `scannable` has the same characters as `text` outside code spans, so offsets carry over.
                let offset = line.scannable.distance(from: line.scannable.startIndex, to: match.range.lowerBound)
                let length = line.scannable.distance(from: match.range.lowerBound, to: match.range.upperBound)
                let start = line.text.index(line.text.startIndex, offsetBy: offset)
                let end = line.text.index(start, offsetBy: length)
                let location = SourceLocation(file: chapter.file, line: line.fileLine, column: offset + 1)
                let inner = String(match.output.1).trimmingCharacters(in: .whitespaces)
                result += line.text[cursor..<start]
                let original = String(line.text[start..<end])
                switch marker(inner, original: original, line: line, lines: lines, location: location, figures: figures, document: document) {
                case .replace(let value): result += value
                case .keep(let diagnostic):
                    result += original
                    if let diagnostic { diagnostics.append(diagnostic) }
                }
                cursor = end
            }
            result += line.text[cursor...]
            output.append(result)
        }
        return (output.joined(separator: "\n"), diagnostics)
    }

    private enum Outcome {
        case replace(String)
        case keep(Diagnostic?)
    }

    private static func marker(_ inner: String, original: String, line: ChapterLine, lines: [ChapterLine],
                               location: SourceLocation, figures: DocumentFigures, document: Document) -> Outcome {
        let words = inner.split(separator: " ", omittingEmptySubsequences: true)
        let keyword = words.first.map(String.init) ?? ""
        func diag(_ severity: Severity, _ code: String, _ message: String, figures: [Diagnostic.Figure] = [],
                  notes: [String] = []) -> Diagnostic {
            Diagnostic(severity, code, message, at: location, figures: figures, notes: notes, documentSlug: document.slug)
        }

        if keyword == "angka" {
            let name = words.dropFirst().joined(separator: " ")
            guard !name.isEmpty else {
                return .keep(diag(.galat, "penanda-tak-dikenal", "penanda `\(original)` tidak menyebut nama angka",
                                  figures: [.init("diharapkan", "{{angka NAMA}}, mis. {{angka pagu_total}}"), .init("ditemukan", original)],
                                  notes: ["nama yang dikenal: " + DocumentFigures.placeholderNames.joined(separator: ", ")]))
            }
            switch figures.placeholder(name) {
            case .success(let value):
                return .replace(value)
            case .failure(.unknownName):
                var notes: [String] = []
                let candidates = DocumentFigures.placeholderNames
                if let s = Text.suggestion(for: name, among: candidates) ?? Text.suggestion(for: name.replacingOccurrences(of: " ", with: "_"), among: candidates) {
                    notes.append("mungkin maksudnya `{{angka \(s)}}`?")
                }
                notes.append("nama yang dikenal: " + candidates.joined(separator: ", "))
                return .keep(diag(.galat, "penanda-tak-dikenal", "nama angka `\(name)` tidak dikenal",
                                  figures: [.init("diharapkan", "nama angka yang dikenal, mis. pagu_total"), .init("ditemukan", name)],
                                  notes: notes))
            case .failure(.missingTable(let kind)):
                return .keep(diag(.galat, "penanda-tak-terhitung", "angka `\(name)` tidak dapat dihitung: \(TableKind.longName(kind)) tidak ada",
                                  figures: [.init("diharapkan", "berkas tabel/\(kind.rawValue).yaml"), .init("ditemukan", "tidak ada")]))
            case .failure(.malformedAmount(let kind)):
                return .keep(diag(.galat, "penanda-tak-terhitung",
                                  "angka `\(name)` tidak dapat dihitung: ada jumlah rupiah program yang penulisannya tidak sah di \(TableKind.longName(kind))",
                                  figures: [.init("diharapkan", "pagu dan realisasi program yang sah"), .init("ditemukan", "angka tidak sah")],
                                  notes: ["perbaiki temuan `angka-format` pada tabel itu"]))
            }
        }

        let normalized = words.joined(separator: " ")
        if tableMarkers.contains(normalized) {
            let kind: TableKind = normalized.hasSuffix(TableKind.evaluasi.rawValue) ? .evaluasi : .rencana
            let table = kind == .evaluasi ? document.evaluation : document.plan
            if table == nil {
                return .keep(diag(.galat, "penanda-tak-terhitung", "penanda `\(original)` menunjuk tabel yang tidak ada",
                                  figures: [.init("diharapkan", "berkas tabel/\(kind.rawValue).yaml"), .init("ditemukan", "tidak ada")]))
            }
            let alone = line.text.trimmingCharacters(in: .whitespaces) == "{{\(normalized)}}"
                && original == "{{\(normalized)}}"
            let before = line.index > 0 ? lines[line.index - 1].text.trimmingCharacters(in: .whitespaces) : ""
            let after = line.index + 1 < lines.count ? lines[line.index + 1].text.trimmingCharacters(in: .whitespaces) : ""
            if !alone || !before.isEmpty || !after.isEmpty {
                return .keep(diag(.peringatan, "penanda-tabel", "penanda tabel harus berdiri sendiri sebagai satu paragraf; di sini tabel tidak akan ditampilkan",
                                  figures: [.init("diharapkan", "baris kosong, `{{\(normalized)}}` sendirian di satu baris, baris kosong"),
                                            .init("ditemukan", Item.shorten(line.text.trimmingCharacters(in: .whitespaces)))]))
            }
            return .keep(nil)
        }

        let candidates = tableMarkers + ["angka"]
        var notes: [String] = []
        if let s = Text.suggestion(for: normalized, among: tableMarkers) {
            notes.append("mungkin maksudnya `{{\(s)}}`?")
        } else if let s = Text.suggestion(for: keyword, among: ["angka", "tabel"]) {
            notes.append("mungkin maksudnya `{{\(s) …}}`?")
        }
        return .keep(diag(.galat, "penanda-tak-dikenal", "penanda `\(original)` tidak dikenal",
                          figures: [.init("diharapkan", candidates.map { $0 == "angka" ? "{{angka NAMA}}" : "{{\($0)}}" }.joined(separator: ", ")),
                                    .init("ditemukan", original)],
                          notes: notes))
    }
}
