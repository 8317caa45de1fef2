import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaImport

/// What the one import flow (`LayoutImport`) does alike for every layout: Tabel 1, Tabel 2, the
/// standard evaluation table and the standard rencana table.
final class ImportFlowTests: XCTestCase {
    /// One fixture per file kind, and the file `renja build` reads it from.
    private static let inputs: [(fixture: String, file: String)] = [
        ("tabel1-seed.tsv", "evaluasi.yaml"), ("tabel2-seed.tsv", "rencana.yaml"),
        ("standar/standar-kode-gabung.tsv", "evaluasi-standar.yaml"), ("rencana-standar/rencana-standar-gabung.tsv", "rencana-standar.yaml"),
    ]

    private func plan(_ fixture: String, into out: URL) throws -> LayoutImportPlan {
        try LayoutImporter.plan(LayoutImportRequest(input: ImportFixtures.url(fixture), inputDisplay: "masukan.tsv",
                                                    content: out.deletingLastPathComponent(), contentDisplay: "Content",
                                                    output: out, outputDisplay: out.lastPathComponent))
    }

    /// The first indicator of the written file gets `arah: turun`, one line below its name.
    private func declaringDirection(_ text: String) throws -> String {
        var lines = text.components(separatedBy: "\n")
        let i = try XCTUnwrap(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- nama: ") })
        let indent = lines[i].prefix { $0 == " " }.count + 2
        lines.insert(String(repeating: " ", count: indent) + "arah: turun", at: i + 1)
        return lines.joined(separator: "\n")
    }

    /// A replaced file that loads with errors is not compared row by row (a half-read table would
    /// list rows that did not change), and says so with its errors; what its loader could read
    /// of it — the hand-added `arah`, the title — is kept.
    func testBrokenOldFileIsNotComparedButItsArahIsKept() throws {
        for (fixture, file) in Self.inputs {
            let out = RepoPaths.temporaryFolder("\(#function)-\(file)").appendingPathComponent(file)
            let first = try plan(fixture, into: out)
            XCTAssertEqual(try LayoutImporter.write(first, force: false), .written, fixture)
            let written = try String(contentsOf: out, encoding: .utf8)
            let broken = try declaringDirection(written).replacingOccurrences(of: "\njudul: ", with: "\nkunci_asing: x\njudul: ")
            try Data(broken.utf8).write(to: out)

            let again = try plan(fixture, into: out)
            XCTAssertEqual(LayoutImporter.changes(again, detailed: false),
                           ["Berkas lama \(file) tidak dapat dibaca (1 galat); perbandingan baris dilewati."], fixture)
            let detailed = LayoutImporter.changes(again, detailed: true)
            XCTAssertEqual(detailed.count, 2, fixture)
            XCTAssertTrue(detailed.last?.contains("galat[kunci-tak-dikenal]") == true, "\(fixture): \(detailed)")
            XCTAssertTrue(LayoutImporter.summary(again).contains("`arah` dipertahankan dari berkas lama untuk 1 indikator."), fixture)
            XCTAssertEqual(again.yaml.components(separatedBy: "arah: turun\n").count, 2, fixture)
            XCTAssertFalse(again.yaml.contains("kunci_asing"), fixture)
            XCTAssertEqual(try LayoutImporter.write(again, force: true), .written, fixture)
        }
    }

    /// The default header names the title; it follows a new title, in every layout.
    func testDefaultHeaderFollowsTheTitle() throws {
        for (fixture, file) in Self.inputs {
            let out = RepoPaths.temporaryFolder("\(#function)-\(file)").appendingPathComponent(file)
            let first = try plan(fixture, into: out)
            XCTAssertEqual(try LayoutImporter.write(first, force: false), .written, fixture)
            let header = try XCTUnwrap(first.yaml.components(separatedBy: "\n").first, fixture)
            let title = try XCTUnwrap(header.components(separatedBy: " — ").last, fixture)
            let old = first.yaml.replacingOccurrences(of: title, with: "Judul Lama")
            XCTAssertNotEqual(old, first.yaml, fixture)
            try Data(old.utf8).write(to: out)
            let again = try plan(fixture, into: out)
            XCTAssertEqual(again.yaml, first.yaml, "\(fixture): the header's title line is the new title's")
            XCTAssertTrue(LayoutImporter.changes(again, detailed: false).last?.contains("judul diubah") == true, fixture)
        }
    }

    /// A target that cannot be chosen and an input that cannot be read are said together, the
    /// whole-file diagnostics first.
    func testTargetAndInputProblemsAreSaidTogether() throws {
        let missing = RepoPaths.temporaryFolder(#function).appendingPathComponent("tidak-ada")
        let request = LayoutImportRequest(option: "evaluasi", input: ImportFixtures.url("salah-nomor.tsv"), inputDisplay: "salah-nomor.tsv",
                                          content: missing, contentDisplay: "Content")
        XCTAssertThrowsError(try LayoutImporter.plan(request)) {
            XCTAssertEqual(($0 as? InputError)?.diagnostics.map(\.code), ["impor-konten", "impor-nomor"])
        }
        // With a target `renja build` does not read, its warning comes first among the refusal's.
        let out = RepoPaths.temporaryFolder(#function).appendingPathComponent("lain.yaml")
        XCTAssertThrowsError(try LayoutImporter.plan(LayoutImportRequest(option: "evaluasi", input: ImportFixtures.url("salah-nomor.tsv"),
                                                                         content: missing, output: out))) {
            XCTAssertEqual(($0 as? InputError)?.diagnostics.map(\.code), ["impor-tujuan", "impor-nomor"])
        }
    }
}
