import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaImport

/// Nothing is written that the loader refuses: the produced YAML goes through `TableLoader`
/// first, and its errors stop the import (exit 2) at the input's cells.
final class ImportGateTests: XCTestCase {
    /// Tabel 2 of the seed with two cells as a spreadsheet or a careless copy leaves them: a pagu
    /// shown as `-` (accounting format for zero) and an empty target. Both pass the import's own
    /// checks (they are only warnings: not numbers, kept as written) but the loader refuses them;
    /// before the gate, `renja import` wrote the file and `renja build`/`check` then stopped on it.
    private func refusedInput(_ folder: URL) throws -> (url: URL, pagu: SourceLocation, target: SourceLocation) {
        var lines = try String(contentsOf: ImportFixtures.url("tabel2-seed.tsv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func column(_ line: String, cell: Int) -> Int {
            let cells = line.split(separator: "\t" as Character, omittingEmptySubsequences: false)
            return cells.prefix(cell).map { $0.count + 1 }.reduce(1, +)
        }
        let a = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("1.06.02.2.01.0002\t") })
        lines[a] = lines[a].replacingOccurrences(of: "\t182.395.000", with: "\t -  ")
        let b = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("1.06.02.2.03.0001\t") })
        lines[b] = lines[b].replacingOccurrences(of: "\t30 orang\t", with: "\t\t")
        let url = folder.appendingPathComponent("masukan.tsv")
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        return (url, SourceLocation(file: "masukan.tsv", line: a + 1, column: column(lines[a], cell: 4) + 1),
                SourceLocation(file: "masukan.tsv", line: b + 1, column: column(lines[b], cell: 3)))
    }

    func testResultTheLoaderRefusesIsNotWritten() throws {
        let copy = try ImportFixtures.contentCopy()
        let target = copy.appendingPathComponent("renja-perubahan-2024/tabel/rencana.yaml")
        let before = try Data(contentsOf: target)
        let (input, pagu, targetCell) = try refusedInput(copy.deletingLastPathComponent())

        // The import's own reading accepts it, with warnings.
        let (parsed, warnings) = TableImporter.parse(try Data(contentsOf: input), kind: .rencana, path: "masukan.tsv")
        XCTAssertNotNil(parsed)
        XCTAssertEqual(warnings.map(\.severity), [.peringatan, .peringatan])

        XCTAssertThrowsError(try TableImporter.plan(ImportFixtures.request(.rencana, input: input, content: copy))) { error in
            let ds = (error as? InputError)?.diagnostics ?? []
            XCTAssertEqual(ds.map(DiagnosticPrinter.short), [
                "\(pagu): galat[angka-tidak-sah]: `pagu` pada sub kegiatan harus berupa jumlah rupiah",
                "\(targetCell): galat[angka-tidak-sah]: `target` pada indikator harus berupa angka dan satuan",
            ], "the loader's errors, at the input's cells, instead of the import's warnings")
            XCTAssertEqual(ds.first?.figures.last?.value, "-")
            XCTAssertEqual(ds.first?.notes.count, 1)
            XCTAssertTrue(ds.first?.notes.first?.hasPrefix(
                "sub kegiatan 1.06.02.2.01.0002: `renja build` dan `renja check` akan menolak nilai ini di Content/renja-perubahan-2024/tabel/rencana.yaml baris ") == true,
                ds.first?.notes.first ?? "")
            XCTAssertTrue(ds.last?.notes.first?.hasPrefix("sub kegiatan 1.06.02.2.03.0001: ") == true)
        }
        XCTAssertEqual(try Data(contentsOf: target), before)

        // The real command: exit 2, the diagnostics quote the input, the file is left alone, and no
        // new file appears with --output either.
        let root = copy.deletingLastPathComponent()
        let run = try CLI.run(["import", "--tabel", "rencana", "masukan.tsv", "--content", "Content", "--force"], in: root)
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("\(pagu): galat[angka-tidak-sah]: `pagu` pada sub kegiatan harus berupa jumlah rupiah"), run.stderr)
        XCTAssertTrue(run.stderr.contains("\(pagu.line) | 1.06.02.2.01.0002\t"), "the input line is quoted:\n\(run.stderr)")
        XCTAssertTrue(run.stderr.contains("Impor dihentikan: 2 galat. Tidak ada berkas yang ditulis."), run.stderr)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(try Data(contentsOf: target), before)
        let out = try CLI.run(["import", "--tabel", "rencana", "masukan.tsv", "--output", "baru/rencana.yaml"], in: root)
        XCTAssertEqual(out.status, 2, out.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("baru").path))
    }

    /// An ambiguous cell stops the import with its place in the input; nothing is written.
    func testAmbiguousCellStopsTheImport() throws {
        let root = RepoPaths.temporaryFolder()
        var lines = try String(contentsOf: ImportFixtures.url("tabel2-seed.tsv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let i = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("1.06.02.2.01.0002\t") })
        lines[i] = lines[i].replacingOccurrences(of: "\t182.395.000", with: "\t1,5")
        try Data(lines.joined(separator: "\n").utf8).write(to: root.appendingPathComponent("sipd.tsv"))
        let line = i + 1
        XCTAssertThrowsError(try TableImporter.plan(ImportFixtures.request(.rencana, input: root.appendingPathComponent("sipd.tsv"), content: root,
                                                                          output: root.appendingPathComponent("rencana.yaml")))) {
            XCTAssertEqual(($0 as? InputError)?.diagnostics.map(\.code), ["impor-angka-ambigu"])
        }
        let run = try CLI.run(["import", "--tabel", "rencana", "sipd.tsv", "--output", "rencana.yaml"], in: root)
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.hasPrefix("sipd.tsv:\(line):"), run.stderr)
        XCTAssertTrue(run.stderr.contains(": galat[impor-angka-ambigu]: `pagu` pada sub kegiatan 1.06.02.2.01.0002: `1,5` memuat pecahan"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("rencana.yaml").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["sipd.tsv"])
    }

    // MARK: The gate itself, with injected faults

    private func smallTable() throws -> Table {
        let (parsed, ds) = ImportFixtures.parse(text: "1.06.01\tPROGRAM\tInd\t1 unit\t1.000\n1.06.01.2.01\tKegiatan\tInd\t2 unit\t500\n", .rencana)
        var table = try XCTUnwrap(parsed, ds.map(DiagnosticPrinter.short).joined(separator: "\n")).table
        table.title = "Uji"
        return table
    }

    func testGateAcceptsWhatLoads() throws {
        let table = try smallTable()
        XCTAssertEqual(TableImporter.loadProblems(TableYAMLWriter.emit(table, header: []), table: table, outputPath: "rencana.yaml").count, 0)
    }

    /// A value the import would never produce, injected: the loader's error lands on the input cell.
    func testGatePlacesLoaderErrorsOnTheInputCells() throws {
        var table = try smallTable()
        table.programs[0].children[0].pagu?.value = AmountText(raw: "lima ratus")
        table.programs[0].indicators[0].target?.value = QuantityText(raw: "")
        let ds = TableImporter.loadProblems(TableYAMLWriter.emit(table, header: []), table: table, outputPath: "rencana.yaml")
        XCTAssertEqual(ds.map(DiagnosticPrinter.short), [
            "uji.tsv:1:21: galat[angka-tidak-sah]: `target` pada indikator harus berupa angka dan satuan",
            "uji.tsv:2:34: galat[angka-tidak-sah]: `pagu` pada kegiatan harus berupa jumlah rupiah",
        ])
        XCTAssertEqual(ds.map { $0.notes.first?.components(separatedBy: ":").first }, ["program 1.06.01", "kegiatan 1.06.01.2.01"])
    }

    /// YAML that does not load as the table (a writer bug) is reported as the program's fault.
    func testGateReportsWriterBugs() throws {
        let table = try smallTable()
        let yaml = TableYAMLWriter.emit(table, header: [])
        let withoutTarget = yaml.replacingOccurrences(of: "\n            target: 2 unit\n", with: "\n")
        XCTAssertNotEqual(withoutTarget, yaml)
        let missing = TableImporter.loadProblems(withoutTarget, table: table, outputPath: "rencana.yaml")
        XCTAssertEqual(missing.map(\.code), ["impor-internal", "kunci-hilang"])
        XCTAssertEqual(missing.last?.location, SourceLocation(file: "uji.tsv", line: 2, column: 23), "the indicator's place in the input")
        let broken = TableImporter.loadProblems(yaml.replacingOccurrences(of: "nama: Kegiatan", with: "nama: \"Kegiatan"), table: table, outputPath: "rencana.yaml")
        XCTAssertEqual(broken.first?.code, "impor-internal")
        XCTAssertEqual(broken.last?.location?.file, "rencana.yaml", "a YAML syntax error has no input cell")
        var other = table
        other.programs[0].name.value = "PROGRAM LAIN"
        XCTAssertEqual(TableImporter.loadProblems(yaml, table: other, outputPath: "rencana.yaml").map { $0.figures.last?.value }, ["isi berbeda"])
    }

    /// `write` loads the text once more: a plan changed after `plan` cannot write a broken file.
    func testWriteRefusesAPlanWhoseYAMLDoesNotLoad() throws {
        let folder = RepoPaths.temporaryFolder()
        let out = folder.appendingPathComponent("rencana.yaml")
        var plan = try TableImporter.plan(ImportFixtures.request(.rencana, input: ImportFixtures.url("rencana-koma.csv"), content: folder, output: out))
        plan.yaml = plan.yaml.replacingOccurrences(of: "pagu: 440.708.000", with: "pagu: empat ratus juta")
        XCTAssertThrowsError(try TableImporter.write(plan, force: true)) {
            XCTAssertEqual(($0 as? InputError)?.diagnostics.first?.code, "angka-tidak-sah")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    /// The file-free import the fuzzer runs gives what `plan` writes to a new file.
    func testImportTextMatchesPlan() throws {
        let folder = RepoPaths.temporaryFolder()
        for (kind, fixture) in [(TableKind.evaluasi, "tabel1-seed.tsv"), (.rencana, "rencana-koma.csv")] {
            let out = folder.appendingPathComponent("\(kind.rawValue).yaml")
            let plan = try TableImporter.plan(ImportFixtures.request(kind, input: ImportFixtures.url(fixture), content: folder, output: out))
            let (yaml, _) = TableImporter.importText(try ImportFixtures.data(fixture), kind: kind, path: fixture, outputPath: "\(kind.rawValue).yaml")
            XCTAssertEqual(yaml, plan.yaml, fixture)
        }
        let (yaml, ds) = TableImporter.importText(Data("1.06.01\tPROGRAM\tInd\tbanyak\t1.000\n".utf8), kind: .rencana, path: "uji.tsv", outputPath: "rencana.yaml")
        XCTAssertNil(yaml)
        XCTAssertEqual(ds.map(DiagnosticPrinter.short), ["uji.tsv:1:21: galat[angka-tidak-sah]: `target` pada indikator harus berupa angka dan satuan"])
    }
}
