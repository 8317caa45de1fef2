import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaLoad
@testable import RenjaRender

/// `Templates/kata.yaml`: the wording Swift composes, editable by staff, checked at load against
/// the phrases Swift declares (`Phrase`).
final class WordingTests: XCTestCase {
    /// A copy of the real templates whose `kata.yaml` went through `change`; returns the folder and
    /// the changed text.
    func templates(_ change: (String) throws -> String, _ name: String = #function) throws -> (URL, String) {
        let folder = RepoPaths.temporaryFolder(name).appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: RepoPaths.templates, to: folder)
        let file = folder.appendingPathComponent("kata.yaml")
        let text = try change(try String(contentsOf: file, encoding: .utf8))
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (folder, text)
    }

    func replacing(_ old: String, with new: String) -> (String) throws -> String {
        { text in
            XCTAssertEqual(text.components(separatedBy: old).count, 2, "`\(old)` once in kata.yaml")
            return text.replacingOccurrences(of: old, with: new)
        }
    }

    /// Line and column (1-based) of the first `needle` in `text`.
    func position(of needle: String, in text: String) throws -> (Int, Int) {
        let at = try XCTUnwrap(text.range(of: needle), needle)
        let before = text[..<at.lowerBound]
        return (before.filter { $0 == "\n" }.count + 1, before.split(separator: "\n", omittingEmptySubsequences: false).last!.count + 1)
    }

    func loadErrors(_ folder: URL) -> [Diagnostic] {
        do {
            _ = try TemplateSet.load(folder: folder, displayPath: "Templates")
            XCTFail("the templates loaded")
            return []
        } catch {
            return (error as? InputError)?.diagnostics ?? []
        }
    }

    func pages(_ templates: URL) throws -> [String: String] {
        let site = try RepoPaths.loadRealSite()
        let renderer = SiteRenderer(site: site, findings: [], templates: try TemplateSet.load(folder: templates, displayPath: "Templates"))
        var out: [String: String] = [:]
        for file in try renderer.render() where file.path.hasSuffix(".html") { out[file.path] = String(decoding: file.data, as: UTF8.self) }
        return out
    }

    func testEveryDeclaredPhraseHasAnEntryAndNoEntryIsUndeclared() throws {
        let text = try String(contentsOf: RepoPaths.templates.appendingPathComponent("kata.yaml"), encoding: .utf8)
        let sink = DiagnosticSink()
        let entries = try XCTUnwrap(PhraseCatalogFile.read(text, path: "Templates/kata.yaml", sink: sink))
        XCTAssertFalse(sink.hasErrors)
        XCTAssertEqual(Set(entries.map(\.id)), Set(Phrase.allCases.map(\.rawValue)))
        XCTAssertEqual(entries.count, Phrase.allCases.count, "one entry per phrase")
        // Every phrase uses only its own fields and parses (the check at load).
        XCTAssertNoThrow(try TemplateSet.load(folder: RepoPaths.templates, displayPath: "Templates"))
        for p in Phrase.allCases {
            XCTAssertFalse(p.declaration.meaning.isEmpty, p.rawValue)
            let names = p.declaration.fields.map(\.name)
            XCTAssertEqual(Set(names).count, names.count, "\(p.rawValue): a field declared twice")
        }
    }

    func testAChangedPhraseChangesThePage() throws {
        let (folder, _) = try templates { text in
            try self.replacing("tautan-versi-cetak: \"Versi cetak seluruh dokumen\"", with: "tautan-versi-cetak: \"Cetak <semua> bab\"")(
                try self.replacing("Seluruh program: {{serapan}}.\"", with: "Semua program terserap {{serapan}}.\"")(text))
        }
        let before = try pages(RepoPaths.templates), after = try pages(folder)
        let home = "\(try RepoPaths.loadRealSite().documents[0].slug)/index.html"
        XCTAssertNotNil(before[home], home)
        XCTAssertTrue(before[home]!.contains(">Versi cetak seluruh dokumen<"))
        XCTAssertFalse(after[home]!.contains("Versi cetak seluruh dokumen"))
        // The phrase is text: the page template escapes it where it shows it.
        XCTAssertTrue(after[home]!.contains(">Cetak &lt;semua&gt; bab<"), "the new link label on the home page")
        let note = try XCTUnwrap(before[home]!.range(of: #"Seluruh program: [0-9,]+%\."#, options: .regularExpression).map { String(before[home]![$0]) })
        let share = note.dropFirst("Seluruh program: ".count).dropLast()
        XCTAssertTrue(after[home]!.contains("Semua program terserap \(share)."), "the chart note with its field")
        XCTAssertFalse(after[home]!.contains(note))
        // Every page of the document carries the navigation link.
        XCTAssertEqual(after.values.filter { $0.contains(">Cetak &lt;semua&gt; bab<") }.count,
                       before.values.filter { $0.contains(">Versi cetak seluruh dokumen<") }.count)
    }

    func testAnUnknownFieldIsALoadErrorAtItsLineAndColumn() throws {
        let (folder, text) = try templates(replacing("terhadap pagu {{pagu}}; angka", with: "terhadap pagu {{pgau}}; angka"))
        let ds = loadErrors(folder)
        XCTAssertEqual(ds.map(\.code), ["templat-kolom"])
        let (line, column) = try position(of: "{{pgau}}", in: text)
        XCTAssertEqual(ds.first?.location?.description, "Templates/kata.yaml:\(line):\(column)")
        XCTAssertEqual(ds.first?.message, "kolom `pgau` tidak ada pada ungkapan `grafik-triwulan-uraian`")
        XCTAssertEqual(ds.first?.figures.map(\.value), ["kolom {{pagu}}", "{{pgau}}"])
        XCTAssertTrue(ds.first?.notes.contains("mungkin maksudnya `pagu`?") ?? false, "\(ds.first?.notes ?? [])")
    }

    /// `renja build` stops with the diagnostic, exit code 2, and leaves the published site as it was.
    func testTheBuildStopsOnAnUnknownFieldAndLeavesPublicUntouched() throws {
        let work = RepoPaths.temporaryFolder()
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.copyItem(at: try BadInputTests.builtBaseSite(), to: work)
        let before = BadInputTests.snapshot(work.appendingPathComponent("Public"))
        XCTAssertFalse(before.isEmpty)
        let file = work.appendingPathComponent("Templates/kata.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "\"Lihat paragraf di {{bab}}\"", with: "\"Lihat paragraf di {{judul}}\"")
        XCTAssertNotEqual(changed, text)
        try changed.write(to: file, atomically: true, encoding: .utf8)
        let run = try CLI.run(["build"], in: work)
        XCTAssertEqual(run.status, 2, run.stderr)
        let (line, column) = try position(of: "{{judul}}\"\n\n", in: changed)
        XCTAssertTrue(run.stderr.hasPrefix("Templates/kata.yaml:\(line):\(column): galat[templat-kolom]: kolom `judul` tidak ada pada ungkapan `temuan-lihat-paragraf`"), run.stderr)
        XCTAssertTrue(run.stderr.contains("diharapkan : kolom {{bab}}"), run.stderr)
        XCTAssertTrue(run.stderr.contains("Folder Public/ tidak diubah"), run.stderr)
        XCTAssertEqual(BadInputTests.snapshot(work.appendingPathComponent("Public")), before, "Public/ changed")
    }

    /// A literal block (`|`) keeps its lines: the tag is found on the file's own line.
    func testAnUnknownFieldInABlockIsFoundOnItsOwnLine() throws {
        let (folder, text) = try templates(replacing(
            "grafik-triwulan-uraian: \"Realisasi anggaran setiap triwulan dan kumulatifnya terhadap pagu {{pagu}}; angka lengkap di tabel sesudahnya.\"",
            with: "grafik-triwulan-uraian: |\n  Realisasi anggaran setiap triwulan\n  dan kumulatifnya terhadap {{#pagu}}pagu {{nilai}}{{/pagu}}.\n"))
        let ds = loadErrors(folder)
        XCTAssertEqual(ds.map(\.code), ["templat-kolom"])
        let (line, column) = try position(of: "{{nilai}}", in: text)
        XCTAssertEqual(ds.first?.location?.description, "Templates/kata.yaml:\(line):\(column)")
    }

    func testAPartialHasNothingToIncludeInAPhrase() throws {
        let (folder, text) = try templates(replacing("cetak-jejak: \"Versi cetak\"", with: "cetak-jejak: \"Versi {{> layout}}\""))
        let ds = loadErrors(folder)
        XCTAssertEqual(ds.map(\.code), ["templat-kolom"])
        let (line, column) = try position(of: "{{> layout}}", in: text)
        XCTAssertEqual(ds.first?.location?.description, "Templates/kata.yaml:\(line):\(column)")
        XCTAssertEqual(ds.first?.figures.map(\.value), ["tanpa kolom", "{{> layout}}"])
    }

    func testAMissingPhraseIsALoadError() throws {
        let (folder, _) = try templates(replacing("grafik-triwulan-catatan: \"Pagu tahun berjalan {{pagu}}.\"\n", with: ""))
        let ds = loadErrors(folder)
        XCTAssertEqual(ds.map(\.code), ["kata-hilang"])
        XCTAssertEqual(ds.first?.message, "ungkapan `grafik-triwulan-catatan` tidak ada di Templates/kata.yaml")
        XCTAssertEqual(ds.first?.location?.description, "Templates/kata.yaml:1:1")
        XCTAssertEqual(ds.first?.figures.first?.value, "grafik-triwulan-catatan: \"…\" dengan kolom {{pagu}}")
    }

    func testAnUnknownPhraseIsALoadErrorWithASuggestion() throws {
        let (folder, text) = try templates(replacing("tautan-versi-cetak: \"Versi", with: "tautan-versi-cetk: \"Versi"))
        let ds = loadErrors(folder)
        XCTAssertEqual(Set(ds.map(\.code)), ["kata-tidak-dikenal", "kata-hilang"])
        let unknown = try XCTUnwrap(ds.first { $0.code == "kata-tidak-dikenal" })
        let (line, column) = try position(of: "tautan-versi-cetk:", in: text)
        XCTAssertEqual(unknown.location?.description, "Templates/kata.yaml:\(line):\(column)")
        XCTAssertTrue(unknown.notes.contains("mungkin maksudnya `tautan-versi-cetak`?"), "\(unknown.notes)")
        XCTAssertEqual(ds.first { $0.code == "kata-hilang" }?.message, "ungkapan `tautan-versi-cetak` tidak ada di Templates/kata.yaml")
    }

    func testBadMustacheIsALoadErrorAtItsLine() throws {
        let (folder, text) = try templates(replacing("\"Pagu tahun berjalan {{pagu}}.\"", with: "\"Pagu tahun berjalan {{#pagu}}{{pagu}}.\""))
        let ds = loadErrors(folder)
        XCTAssertEqual(ds.map(\.code), ["templat-sintaks"])
        let (line, _) = try position(of: "grafik-triwulan-catatan:", in: text)
        XCTAssertEqual(ds.first?.location?.file, "Templates/kata.yaml")
        XCTAssertEqual(ds.first?.location?.line, line)
        XCTAssertEqual(ds.first?.message, "sintaks templat salah pada ungkapan `grafik-triwulan-catatan`: bagian {{#…}} tidak ditutup dengan {{/…}}")
    }

    func testATagThatIsNotClosedIsALoadErrorAtItsColumn() throws {
        let (folder, text) = try templates(replacing("\"Pagu tahun berjalan {{pagu}}.\"", with: "\"Pagu tahun berjalan {{pagu.\""))
        let ds = loadErrors(folder)
        XCTAssertEqual(ds.map(\.code), ["templat-sintaks"])
        XCTAssertEqual(ds.first?.message, "sintaks templat salah pada ungkapan `grafik-triwulan-catatan`: tag {{…}} tidak ditutup sebelum akhir teks")
        let (line, column) = try position(of: "{{pagu.", in: text)
        XCTAssertEqual(ds.first?.location?.line, line)
        XCTAssertGreaterThanOrEqual(ds.first?.location?.column ?? 0, column, "at or after the opening braces")
        XCTAssertLessThanOrEqual(ds.first?.location?.column ?? 0, column + "{{pagu.\"".count)
    }

    func testPhrasesRenderAsTextWithOptionalFields() throws {
        let wording = try TemplateSet.load(folder: RepoPaths.templates, displayPath: "Templates").wording
        XCTAssertEqual(wording.say(.grafikSerapanJudul), "Pagu dan realisasi anggaran per program")
        XCTAssertEqual(wording.say(.grafikSerapanJudul, ["periode": "s.d. Triwulan II 2024"]), "Pagu dan realisasi anggaran per program s.d. Triwulan II 2024")
        // Not escaped here: the page templates escape the value once where they show it.
        XCTAssertEqual(wording.say(.tautanBandingkan, ["judul": "A & <B>"]), "Bandingkan: A & <B>")
        XCTAssertEqual(wording.say(.grafikCapaianLegendaSesuai), "Mencapai target")
        XCTAssertEqual(wording.say(.grafikCapaianLegendaSesuai, ["garisLaju": "laju triwulan II 50%"]), "Sesuai laju triwulan II 50% atau lebih")
    }

    /// The phrases are part of the template set: a changed `kata.yaml` is read again by a
    /// long-running preview, an unchanged one reused.
    func testTheMemoKeepsThePhrasesUntilTheFileChanges() throws {
        let (folder, text) = try templates { $0 }
        let memo = TemplateMemo()
        let first = try TemplateSet.load(folder: folder, displayPath: "Templates", memo: memo)
        XCTAssertEqual(first.wording.say(.cetakJejak), "Versi cetak")
        XCTAssertEqual(try TemplateSet.load(folder: folder, displayPath: "Templates", memo: memo).wording.say(.cetakJejak), "Versi cetak")
        try text.replacingOccurrences(of: "cetak-jejak: \"Versi cetak\"", with: "cetak-jejak: \"Cetak\"")
            .write(to: folder.appendingPathComponent("kata.yaml"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try TemplateSet.load(folder: folder, displayPath: "Templates", memo: memo).wording.say(.cetakJejak), "Cetak")
    }
}
