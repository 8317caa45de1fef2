import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaLoad
@testable import RenjaImport

/// The YAML writer: whatever it writes loads back through `TableLoader` as the same table, and it
/// writes the same bytes every time.
final class TableYAMLWriterTests: XCTestCase {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }
    }

    /// Pieces chosen to trip a YAML writer: indicators, comment and mapping markers, quotes,
    /// escapes, words a resolver turns into booleans/null/numbers/dates, and non-printable characters.
    static let pieces = [
        "Penyediaan", "Jasa", "2.552.000", "42.23", "persen", "orang/bulan", "100%", "0", "-", "- a", "?", ":", ": ", " #", "#",
        "&anchor", "*alias", "!tag", "|", ">", "'", "\"", "%", "@", "`", "[", "]", "{", "}", ",", "---", "...", "\\", "\\n",
        "null", "~", "true", "no", "yes", "Off", "0x1F", "1e3", ".inf", "2024-08-08", "é", "–", "“kutip”", "😀", "\t", "\u{1}",
        "\u{7F}", "\u{85}", "\u{A0}", "\u{2028}", "\u{FEFF}", "\u{FFFE}", "a:b", "http://x.id/a#b", "(SPM/IKK outcome)", "Catatan: belum final",
    ]

    static func text(_ g: inout Generator, allowEmpty: Bool) -> String {
        let count = g.int(5) + (allowEmpty ? 0 : 1)
        let s = (0..<count).map { _ in g.pick(pieces) }.joined(separator: g.pick(["", " "]))
        // Values as the import produces them: trimmed, no leading U+FEFF (see TableTextParser.clean).
        var trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
        while trimmed.hasPrefix("\u{FEFF}") { trimmed = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines) }
        return trimmed.isEmpty && !allowEmpty ? "x" : trimmed
    }

    static func table(_ kind: TableKind, _ g: inout Generator) -> Table {
        let loc = SourceLocation(file: "gen", line: 1, column: 1)
        func value(_ s: String) -> Located<String> { Located(s, at: loc) }
        func item(_ level: Level) -> Item {
            let indicators = (0..<g.int(3)).map { _ in
                Indicator(name: value(text(&g, allowEmpty: false)),
                          target: Located(QuantityText(raw: text(&g, allowEmpty: true)), at: loc),
                          actual: kind == .evaluasi && g.int(4) > 0 ? Located(QuantityText(raw: text(&g, allowEmpty: true)), at: loc) : nil,
                          stated: kind == .evaluasi && g.int(4) > 0 ? Located(PercentText(raw: text(&g, allowEmpty: true)), at: loc) : nil,
                          declaredDirection: g.int(4) == 0 ? Located(g.pick(Direction.allCases), at: loc) : nil, location: loc)
            }
            let children = level.child.map { child in (0..<g.int(3)).map { _ in item(child) } } ?? []
            let key = value(text(&g, allowEmpty: false))
            // An empty amount of a program or kegiatan is written as no key (the loader accepts
            // that): it stands for no amount.
            func amount(_ raw: String) -> Located<AmountText>? {
                level != .subKegiatan && raw.isEmpty ? nil : Located(AmountText(raw: raw), at: loc)
            }
            return Item(level: level, number: kind == .evaluasi ? key : nil, code: kind == .rencana ? key : nil,
                        name: value(text(&g, allowEmpty: false)), indicators: indicators,
                        pagu: amount(text(&g, allowEmpty: true)),
                        realisasi: kind == .evaluasi ? amount(text(&g, allowEmpty: true)) : nil,
                        statedAbsorption: kind == .evaluasi && g.int(3) > 0 ? Located(PercentText(raw: text(&g, allowEmpty: true)), at: loc) : nil,
                        children: children, location: loc, anchor: "")
        }
        return Table(kind: kind, title: text(&g, allowEmpty: false), programs: (0..<(g.int(3) + 1)).map { _ in item(.program) }, file: "gen")
    }

    /// emit → load → equal, over 300 generated tables of both kinds.
    func testEmittedYAMLLoadsBackAsTheSameTable() {
        var g = Generator(state: 20240808)
        for round in 0..<300 {
            let kind: TableKind = round % 2 == 0 ? .evaluasi : .rencana
            let table = Self.table(kind, &g)
            let yaml = TableYAMLWriter.emit(table, header: TableYAMLWriter.defaultHeader(kind: kind, title: table.title))
            let sink = DiagnosticSink()
            let loaded = TableLoader.load(kind, text: yaml, path: "gen.yaml", sink: sink)
            // Figures that are no numbers are reported by the loader as they should be; nothing else may be.
            let structural = sink.diagnostics.filter { !["angka-tidak-sah", "angka-terlalu-besar", "angka-negatif"].contains($0.code) }
            XCTAssertEqual(structural.map(DiagnosticPrinter.short), [], "round \(round)\n\(yaml)")
            guard let loaded else { return XCTFail("round \(round): nothing loaded\n\(yaml)") }
            if TableRows(loaded) != TableRows(table) {
                assertSameRows(TableRows(loaded), TableRows(table))
                return XCTFail("round \(round)\n\(yaml)")
            }
            XCTAssertEqual(TableYAMLWriter.emit(table, header: []), TableYAMLWriter.emit(table, header: []), "deterministic")
        }
    }

    func testQuotingRules() {
        for plain in ["Penyediaan Jasa", "2.552.000", "42.23 persen", "100%", "a:b", "http://x.id/a#b", "no", "true", "null", "2024-08-08",
                      "(SPM/IKK outcome)", "Kabupaten/Kota", "é – “kutip”", "😀", "0"] {
            XCTAssertEqual(TableYAMLWriter.scalar(plain), plain)
        }
        XCTAssertEqual(TableYAMLWriter.scalar(""), "\"\"")
        XCTAssertEqual(TableYAMLWriter.scalar("Catatan: belum final"), "\"Catatan: belum final\"")
        XCTAssertEqual(TableYAMLWriter.scalar("Angka #2"), "\"Angka #2\"")
        XCTAssertEqual(TableYAMLWriter.scalar("- butir"), "\"- butir\"")
        XCTAssertEqual(TableYAMLWriter.scalar("\"kutip\" awal"), "\"\\\"kutip\\\" awal\"")
        XCTAssertEqual(TableYAMLWriter.scalar("akhir:"), "\"akhir:\"")
        XCTAssertEqual(TableYAMLWriter.scalar("a\\b\u{1}\u{2028}\u{FEFF}"), "\"a\\\\b\\x01\\L\\uFEFF\"")
        XCTAssertEqual(TableYAMLWriter.quoted("1.06.01"), "\"1.06.01\"")
    }

    func testHeaderOfAnExistingFile() {
        XCTAssertEqual(TableYAMLWriter.header(of: "# a\n#\n# b\n\njudul: x\n# bukan kepala\n"), ["# a", "#", "# b"])
        XCTAssertEqual(TableYAMLWriter.header(of: "# a\n\n# b\n\n\njudul: x\n"), ["# a", "", "# b"])
        XCTAssertEqual(TableYAMLWriter.header(of: "judul: x\n"), [])
    }
}
