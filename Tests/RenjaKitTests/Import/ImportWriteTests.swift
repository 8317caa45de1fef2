import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaLoad
@testable import RenjaImport

/// Choosing the target, never overwriting without `--force`, atomic writes, and the dry run's
/// summary and row-by-row changes.
final class ImportWriteTests: XCTestCase {
    /// Tabel 1 from the seed with three edits: a changed pagu, 10.6 replaced by a new 10.3, and a
    /// percentage written with a decimal comma.
    private func revisedTabel1() throws -> URL {
        var lines = try String(contentsOf: ImportFixtures.url("tabel1-seed.tsv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let i12 = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("1.2\t") })
        lines[i12] = lines[i12].replacingOccurrences(of: "\t1.804.000\t", with: "\t1.904.000\t")
        lines.removeAll { $0.hasPrefix("10.6\t") }
        let i104 = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("10.4\t") })
        lines.insert("10.3\tSub Kegiatan Baru\tJumlah Orang Uji\t5 orang\t0 orang\t0 persen\t10.000.000\t0\t0%", at: i104)
        let iI = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("I\t") })
        lines[iI] = lines[iI].replacingOccurrences(of: "\t43.49%", with: "\t43,49%")
        let url = RepoPaths.temporaryFolder().appendingPathComponent("revisi.tsv")
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        return url
    }

    func testDryRunSummaryAndRowByRowChanges() throws {
        let plan = try TableImporter.plan(ImportFixtures.request(.evaluasi, input: try revisedTabel1(), content: RepoPaths.content))
        XCTAssertEqual(ImportReport.summary(plan), [
            "Impor Tabel 1 (evaluasi) dari revisi.tsv (dipisah tab):",
            "  9 program, 17 kegiatan, 53 sub kegiatan, 81 baris indikator",
            "  jumlah pagu program: Rp 13.036.773.000",
            "  jumlah realisasi program: Rp 3.700.827.788",
            "  2 baris kepala/judul berulang dibuang, 5 baris sambungan (terpotong pergantian halaman) digabung",
            "Judul tabel (dari baris \"Tabel 1.\" di teks): Evaluasi Renja sampai dengan Triwulan II Tahun 2024",
        ])
        XCTAssertEqual(ImportReport.changes(plan, detailed: true), [
            "Perubahan terhadap Content/renja-perubahan-2024/tabel/evaluasi.yaml:",
            "  ~ program I PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
            "      persen_realisasi: 43.49% → 43,49% (nilai sama, penulisan berbeda)",
            "  ~ sub kegiatan 1.2 Koordinasi dan Penyusunan Dokumen RKA-SKPD",
            "      pagu: 1.804.000 → 1.904.000",
            "  + sub kegiatan 10.3 Sub Kegiatan Baru",
            "  - sub kegiatan 10.6 Pemberian Pelayanan Reunifikasi Keluarga",
            "  2 baris diubah, 1 ditambah, 1 dihapus, 76 tetap.",
        ])
        XCTAssertEqual(ImportReport.changes(plan, detailed: false),
                       ["Perubahan terhadap Content/renja-perubahan-2024/tabel/evaluasi.yaml:", "  2 baris diubah, 1 ditambah, 1 dihapus, 76 tetap."])
    }

    /// Rows renumbered but named the same are paired by name and shown as changed.
    func testRenumberedRowIsAChangeNotARemovalAndAddition() {
        func rows(_ text: String) -> TableRows { TableRows(ImportFixtures.parse(text: text, .rencana).0!.table) }
        let before = rows("1.06.01\tPROGRAM\tInd\t1 unit\t1.000\n1.06.01.2.01\tKegiatan A\tInd\t1 unit\t1.000\n")
        let after = rows("1.06.01\tPROGRAM\tInd\t2 unit\t1.000\n1.06.01.2.02\tKegiatan A\tInd\t1 unit\t1.000\n")
        let diff = TableDiff(before: before, after: after)
        XCTAssertEqual(diff.changed, 2)
        XCTAssertEqual(diff.added + diff.removed, 0)
        guard case let .changed(_, _, fields) = diff.changes[1] else { return XCTFail("\(diff.changes)") }
        XCTAssertEqual(fields, [.init(field: "kode", before: "1.06.01.2.01", after: "1.06.01.2.02", sameValue: false)])
    }

    func testRefusesToOverwriteWithoutForce() throws {
        let copy = try ImportFixtures.contentCopy()
        let target = copy.appendingPathComponent("renja-perubahan-2024/tabel/evaluasi.yaml")
        let before = try Data(contentsOf: target)
        let plan = try TableImporter.plan(ImportFixtures.request(.evaluasi, input: try revisedTabel1(), content: copy))
        XCTAssertThrowsError(try TableImporter.write(plan, force: false)) {
            XCTAssertEqual(($0 as? OverwriteRefused)?.path, "Content/renja-perubahan-2024/tabel/evaluasi.yaml")
        }
        XCTAssertEqual(try Data(contentsOf: target), before)

        XCTAssertEqual(try TableImporter.write(plan, force: true), .written)
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), plan.yaml)
        // No temporary file left beside it, and the new file loads with the revision.
        let folder = target.deletingLastPathComponent()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["evaluasi.yaml", "rencana.yaml"])
        let site = try SiteLoader.load(content: copy, displayPath: "Content")
        let t1 = try XCTUnwrap(site.documents.first?.evaluation)
        XCTAssertEqual(t1.allItems.first { $0.number?.value == "1.2" }?.pagu?.value.raw, "1.904.000")
        XCTAssertEqual(t1.allItems.first { $0.number?.value == "10.3" }?.name.value, "Sub Kegiatan Baru")

        // Importing the same text again changes nothing and needs no --force.
        let again = try TableImporter.plan(ImportFixtures.request(.evaluasi, input: try revisedTabel1(), content: copy))
        XCTAssertTrue(again.isUnchanged)
        XCTAssertEqual(try TableImporter.write(again, force: false), .unchanged)
    }

    func testTitleComesFromCaptionElseExistingFileElseDefault() throws {
        let folder = RepoPaths.temporaryFolder()
        let noCaption = folder.appendingPathComponent("tanpa-judul.tsv")
        try Data("1.06.01\tPROGRAM\tInd\t1 unit\t1.000\n".utf8).write(to: noCaption)
        let out = folder.appendingPathComponent("rencana.yaml")
        var plan = try TableImporter.plan(ImportFixtures.request(.rencana, input: noCaption, content: folder, output: out))
        XCTAssertEqual(plan.titleSource, .standard)
        XCTAssertEqual(plan.table.title, "Rencana Kerja dan Pendanaan Perangkat Daerah")
        XCTAssertTrue(ImportReport.summary(plan).last!.contains("ubah kunci `judul` bila perlu"))
        _ = try TableImporter.write(plan, force: false)

        // The existing file's title (and header) are kept.
        var text = try String(contentsOf: out, encoding: .utf8)
        text = text.replacingOccurrences(of: "judul: Rencana Kerja dan Pendanaan Perangkat Daerah", with: "judul: Renja Perubahan 2025")
            .replacingOccurrences(of: "# Tabel 2 — Rencana Kerja dan Pendanaan Perangkat Daerah", with: "# Tabel 2 — Renja Perubahan 2025\n# catatan staf")
        try Data(text.utf8).write(to: out)
        plan = try TableImporter.plan(ImportFixtures.request(.rencana, input: noCaption, content: folder, output: out))
        XCTAssertEqual(plan.titleSource, .existingFile)
        XCTAssertEqual(plan.table.title, "Renja Perubahan 2025")
        XCTAssertTrue(plan.yaml.hasPrefix("# Tabel 2 — Renja Perubahan 2025\n# catatan staf\n#\n"))
        XCTAssertTrue(plan.isUnchanged)

        // A caption wins, and the header's first line follows the new title.
        let captioned = folder.appendingPathComponent("dengan-judul.tsv")
        try Data("Tabel 2. Rencana Baru\n1.06.01\tPROGRAM\tInd\t1 unit\t1.000\n".utf8).write(to: captioned)
        plan = try TableImporter.plan(ImportFixtures.request(.rencana, input: captioned, content: folder, output: out))
        XCTAssertEqual(plan.titleSource, .caption)
        XCTAssertTrue(plan.yaml.hasPrefix("# Tabel 2 — Rencana Baru\n# catatan staf\n"))
        XCTAssertEqual(ImportReport.changes(plan, detailed: true).dropFirst().first, "  ~ judul: Renja Perubahan 2025 → Rencana Baru")
    }

    /// `arah` is no column of the source tables: an import keeps what staff declared.
    func testDeclaredDirectionIsKept() throws {
        let copy = try ImportFixtures.contentCopy()
        let target = copy.appendingPathComponent("renja-perubahan-2024/tabel/evaluasi.yaml")
        let text = try String(contentsOf: target, encoding: .utf8)
            .replacingOccurrences(of: "        persen: 121.50 persen\n", with: "        persen: 121.50 persen\n        arah: turun\n")
        try Data(text.utf8).write(to: target)
        let plan = try TableImporter.plan(ImportFixtures.request(.evaluasi, input: ImportFixtures.url("tabel1-seed.tsv"), content: copy))
        XCTAssertEqual(plan.keptDirections, 1)
        XCTAssertTrue(plan.isUnchanged)
        XCTAssertEqual(plan.table.programs.first { $0.number?.value == "IX" }?.indicators.first?.declaredDirection?.value, .turun)
    }

    func testCommentsInsideTheOldFileAreCounted() throws {
        let copy = try ImportFixtures.contentCopy()
        let target = copy.appendingPathComponent("renja-perubahan-2024/tabel/rencana.yaml")
        let text = try String(contentsOf: target, encoding: .utf8)
            .replacingOccurrences(of: "    pagu: 3.662.369.000\n", with: "    # angka dari DPA\n    pagu: 3.662.369.000   # cek lagi\n")
        try Data(text.utf8).write(to: target)
        let plan = try TableImporter.plan(ImportFixtures.request(.rencana, input: ImportFixtures.url("tabel2-seed.tsv"), content: copy))
        XCTAssertEqual(plan.droppedComments, 2)
        XCTAssertTrue(ImportReport.summary(plan).contains("Perhatian: 2 komentar di dalam berkas lama (di bawah komentar pembuka) tidak ikut ditulis ulang."))
        XCTAssertEqual(plan.diff?.isEmpty, true)
        XCTAssertEqual(ImportReport.changes(plan, detailed: true),
                       ["Isi tabel sama dengan Content/renja-perubahan-2024/tabel/rencana.yaml; hanya penulisan berkasnya yang berbeda."])
    }

    func testBrokenExistingFileIsReplacedWithoutComparison() throws {
        let folder = RepoPaths.temporaryFolder()
        let out = folder.appendingPathComponent("evaluasi.yaml")
        try Data("judul: Lama\nprogram:\n  - no: \"I\"\n    nama: [rusak\n".utf8).write(to: out)
        let plan = try TableImporter.plan(ImportFixtures.request(.evaluasi, input: ImportFixtures.url("evaluasi-halaman.tsv"), content: folder, output: out))
        XCTAssertNil(plan.diff)
        XCTAssertEqual(ImportReport.changes(plan, detailed: false).first,
                       "Berkas lama evaluasi.yaml tidak dapat dibaca (1 galat); perbandingan baris dilewati.")
        XCTAssertEqual(try TableImporter.write(plan, force: true), .written)
    }

    func testTargetFollowsTheDocument() throws {
        let site = TempSite(files: ["Content/kedua/dokumen.yaml": TempSite.document])
        let input = ImportFixtures.url("tabel2-seed.tsv")
        XCTAssertThrowsError(try TableImporter.plan(ImportFixtures.request(.rencana, input: input, content: site.content))) {
            XCTAssertEqual(($0 as? InputError)?.diagnostics.map(DiagnosticPrinter.short),
                           ["galat[impor-dokumen]: folder Content memuat 2 dokumen; pilih satu dengan --document"])
        }
        XCTAssertThrowsError(try TableImporter.plan(ImportFixtures.request(.rencana, input: input, content: site.content, document: "kedu"))) {
            XCTAssertEqual(($0 as? InputError)?.diagnostics.first?.notes, ["mungkin maksudnya `kedua`?"])
        }
        let plan = try TableImporter.plan(ImportFixtures.request(.rencana, input: input, content: site.content, document: "kedua"))
        XCTAssertEqual(plan.targetDisplay, "Content/kedua/tabel/rencana.yaml")
        XCTAssertFalse(plan.targetExists)
        XCTAssertEqual(try TableImporter.write(plan, force: false), .written, "creates the tabel/ folder")
        XCTAssertEqual(try site.load().documents.first { $0.slug == "kedua" }?.plan?.allItems.count, 79)
    }
}
