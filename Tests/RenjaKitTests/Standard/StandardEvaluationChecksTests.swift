import XCTest
@testable import RenjaKit
@testable import RenjaModel

/// The formulas of the standard evaluation table: each check catches a one-cell mutation of the
/// consistent (synthetic) `StandardFixture`, at the mutated cell, with stated and computed figures.
final class StandardEvaluationChecksTests: XCTestCase {
    static let file = StandardFixture.file

    func run(_ f: ContentFixture) throws -> [Diagnostic] {
        try f.run().filter { $0.code.hasPrefix("evaluasi-") }
    }

    func testConsistentOriginalRaisesNothing() throws {
        let ds = try StandardFixture.content().run()
        XCTAssertEqual(ds.map(DiagnosticPrinter.short), [])
    }

    func testTheTableLoadsWithEveryColumnAndPosition() throws {
        let site = try StandardFixture.content().load()
        let t = try XCTUnwrap(site.documents.first?.standardEvaluation)
        XCTAssertEqual(t.variant, .denganKode)
        XCTAssertEqual(t.allRows.map(\.level), [.program, .kegiatan, .subKegiatan, .subKegiatan, .kegiatan, .subKegiatan])
        let a1 = t.allRows[2]
        XCTAssertEqual(a1.code?.value, "1.01.02.2.01.0001")
        XCTAssertEqual(a1.unit?.value, "Bidang Uji")
        XCTAssertEqual(a1.anggaran.quarters.map { $0.value.sen }, [10_000_000, 10_000_000, 5_000_000, 5_000_000])
        XCTAssertEqual(a1.indicators.first?.kinerja.tingkatCapaian?.value.value, 80)
        XCTAssertEqual(a1.indicators.first?.unit?.value, "dokumen")
        let f = StandardFixture.content()
        XCTAssertEqual(a1.anggaran.targetRenja?.location, f.location(ofValue: "400.000", key: "target_renja", in: Self.file))
        XCTAssertEqual(t.footer.bands.map(\.name), ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"])
        XCTAssertEqual(t.footer.followUpRenja?.value, "Penyesuaian target pada Renja berikutnya (teks uji).")
    }

    func testAQuarterIsCaughtAtTheYearsRealisasiAndAtTheKegiatansSum() throws {
        var f = StandardFixture.content()
        f.replace("triwulan: [100.000, 100.000, 50.000, 50.000]", with: "triwulan: [100.000, 100.500, 50.000, 50.000]", in: Self.file)
        let ds = try run(f)
        XCTAssertEqual(ds.map(\.code).sorted(), ["evaluasi-jumlah", "evaluasi-triwulan"], ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        let q = try XCTUnwrap(ds.only("evaluasi-triwulan"))
        XCTAssertEqual(q.severity, .galat)
        XCTAssertEqual(q.location, f.location(ofValue: "300.000", key: "realisasi_renja", in: Self.file))
        XCTAssertEqual(q.figure("tertulis"), "Rp 300.000")
        XCTAssertEqual(q.figure("dihitung"), "Rp 300.500")
        XCTAssertEqual(q.figure("selisih"), "Rp 500")
        XCTAssertTrue(q.message.contains("kolom 13 Rp"), q.message)
        XCTAssertTrue(q.message.contains("kolom 9–12"), q.message)
        let sum = try XCTUnwrap(ds.only("evaluasi-jumlah"))
        XCTAssertEqual(sum.location, f.location(of: "250.000, 150.000", after: "Kegiatan Uji Standar A", in: Self.file))
        XCTAssertTrue(sum.message.contains("kolom 10 Rp (triwulan II)"), sum.message)
        XCTAssertEqual(sum.figure("tertulis"), "Rp 250.000")
        XCTAssertEqual(sum.figure("dihitung"), "Rp 250.500")
    }

    func testAQuarterOfKinerja() throws {
        var f = StandardFixture.content()
        f.replace("triwulan: [2, 2, 2, 1]", with: "triwulan: [2, 2, 3, 1]", in: Self.file)
        let ds = try run(f)
        XCTAssertEqual(ds.map(\.code), ["evaluasi-triwulan"], ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        XCTAssertEqual(ds[0].location, f.location(ofValue: "7", key: "realisasi_renja", in: Self.file))
        XCTAssertEqual(ds[0].figure("tertulis"), "7 laporan")
        XCTAssertEqual(ds[0].figure("dihitung"), "8 laporan")
        XCTAssertTrue(ds[0].message.contains("kolom 13 K"), ds[0].message)
    }

    func testCumulativeKinerja() throws {
        var f = StandardFixture.content()
        f.replace("realisasi_renstra_lalu: 6", with: "realisasi_renstra_lalu: 5", in: Self.file)
        let ds = try run(f)
        XCTAssertEqual(ds.map(\.code), ["evaluasi-kumulatif"], ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        XCTAssertEqual(ds[0].location, f.location(ofValue: "13", key: "realisasi_renstra", in: Self.file))
        XCTAssertEqual(ds[0].figure("tertulis"), "13 laporan")
        XCTAssertEqual(ds[0].figure("dihitung"), "12 laporan")
        XCTAssertTrue(ds[0].message.contains("kolom 14 K") && ds[0].message.contains("kolom 7 + kolom 13"), ds[0].message)
    }

    func testCumulativeAnggaranAndTheLevelAbove() throws {
        var f = StandardFixture.content()
        // Sub kegiatan B1's realisasi s/d tahun lalu (its kegiatan B states the same figures).
        f.replace("realisasi_renstra_lalu: 100.000", with: "realisasi_renstra_lalu: 110.000", in: Self.file, occurrence: 2)
        let ds = try run(f)
        XCTAssertEqual(ds.map(\.code).sorted(), ["evaluasi-jumlah", "evaluasi-kumulatif"], ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        let c = try XCTUnwrap(ds.only("evaluasi-kumulatif"))
        XCTAssertEqual(c.location, f.location(ofValue: "275.000", key: "realisasi_renstra", in: Self.file, occurrence: 2))
        XCTAssertEqual(c.figure("tertulis"), "Rp 275.000")
        XCTAssertEqual(c.figure("dihitung"), "Rp 285.000")
        let s = try XCTUnwrap(ds.only("evaluasi-jumlah"))
        XCTAssertEqual(s.location, f.location(ofValue: "100.000", key: "realisasi_renstra_lalu", in: Self.file, occurrence: 1))
        XCTAssertEqual(s.figure("dihitung"), "Rp 110.000")
    }

    func testTingkatCapaianKinerja() throws {
        var f = StandardFixture.content()
        f.replace("tingkat_capaian: 80,00", with: "tingkat_capaian: 85,00", in: Self.file)
        let ds = try run(f)
        // The rata-rata row is a mean of the stated percentages, so it moves too.
        XCTAssertEqual(ds.map(\.code).sorted(), ["evaluasi-rata-rata", "evaluasi-tingkat-capaian"], ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        let t = try XCTUnwrap(ds.only("evaluasi-tingkat-capaian"))
        XCTAssertEqual(t.location, f.location(ofValue: "85,00", key: "tingkat_capaian", in: Self.file))
        XCTAssertEqual(t.figure("tertulis"), "85,00%")
        XCTAssertEqual(t.figure("dihitung"), "80,00%")
        XCTAssertTrue(t.figure("rumus")?.contains("arah naik") ?? false, t.figure("rumus") ?? "")
        XCTAssertTrue(t.message.contains("kolom 15 K"), t.message)
        let avg = try XCTUnwrap(ds.only("evaluasi-rata-rata"))
        XCTAssertEqual(avg.figure("dihitung"), "66,67%")
    }

    func testTingkatCapaianAnggaran() throws {
        var f = StandardFixture.content()
        f.replace("tingkat_capaian: 50,00", with: "tingkat_capaian: 5,00", in: Self.file, occurrence: 1)
        let ds = try run(f)
        XCTAssertEqual(ds.map(\.code), ["evaluasi-tingkat-capaian"], ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        XCTAssertEqual(ds[0].figure("tertulis"), "5,00%")
        XCTAssertEqual(ds[0].figure("dihitung"), "50,00%")
        XCTAssertTrue(ds[0].message.contains("kolom 15 Rp"), ds[0].message)
    }

    func testTingkatCapaianThatIsTheYearsRatioIsSaidSo() throws {
        var f = StandardFixture.content()
        // 4 ÷ 4 × 100: the year's capaian (13 ÷ 8) written where 14 ÷ 6 belongs.
        f.replace("tingkat_capaian: 80,00", with: "tingkat_capaian: 100,00", in: Self.file)
        let t = try XCTUnwrap(try run(f).coded("evaluasi-tingkat-capaian").first)
        XCTAssertEqual(t.figure("dihitung"), "80,00%")
        XCTAssertTrue(t.notes.contains { $0.contains("kolom 13 ÷ kolom 8") }, t.notes.joined(separator: "\n"))
    }

    func testTingkatCapaianFollowsTheIndicatorsDirection() throws {
        var f = StandardFixture.content()
        // Declared lower-is-better, the stated 80% (8 ÷ 10) no longer follows: target ÷ realisasi = 125%.
        f.replace("satuan: dokumen\n", with: "satuan: dokumen\n                arah: turun\n", in: Self.file)
        let ds = try run(f).coded("evaluasi-tingkat-capaian")
        XCTAssertEqual(ds.count, 1, ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        XCTAssertEqual(ds.first?.figure("dihitung"), "125,00%")
        XCTAssertTrue(ds.first?.notes.contains { $0.contains("arah: naik") } ?? false)
    }

    func testASumDownTheHierarchy() throws {
        var f = StandardFixture.content()
        f.replace("target_renja: 1.200.000", with: "target_renja: 1.250.000", in: Self.file)
        let ds = try run(f)
        XCTAssertEqual(ds.map(\.code), ["evaluasi-jumlah"], ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        XCTAssertEqual(ds[0].location, f.location(ofValue: "1.250.000", key: "target_renja", in: Self.file))
        XCTAssertEqual(ds[0].figure("tertulis"), "Rp 1.250.000")
        XCTAssertEqual(ds[0].figure("dihitung"), "Rp 1.200.000")
        XCTAssertEqual(ds[0].figure("selisih"), "Rp 50.000")
        XCTAssertTrue(ds[0].message.contains("kolom 8 Rp") && ds[0].message.contains("2 kegiatannya"), ds[0].message)
    }

    func testAQuartersRunningTotalAboveTheTarget() throws {
        var f = StandardFixture.content()
        f.replace("triwulan: [1, 1, 1, 0]", with: "triwulan: [1, 1, 1, 2]", in: Self.file)
        f.replace("realisasi_renja: 3\n", with: "realisasi_renja: 5\n", in: Self.file)
        f.replace("realisasi_renstra: 6\n", with: "realisasi_renstra: 8\n", in: Self.file)
        let ds = try run(f)
        let over = try XCTUnwrap(ds.only("evaluasi-melebihi-target"))
        XCTAssertEqual(over.severity, .peringatan)
        XCTAssertTrue(over.message.contains("sampai triwulan IV"), over.message)
        XCTAssertEqual(over.figure("realisasi s/d TW IV"), "5 kelompok")
        XCTAssertEqual(over.figure("target Renja (kolom 8)"), "4 kelompok")
        XCTAssertEqual(over.location, f.location(of: "2]", after: "triwulan: [1, 1, 1, ", in: Self.file))
    }

    func testTheVariantWithoutKodeNumbersColumnsOneLower() throws {
        var f = StandardFixture.content()
        f.replace("varian: dengan_kode", with: "varian: tanpa_kode", in: Self.file)
        XCTAssertEqual(try run(f).map(DiagnosticPrinter.short), [])
        f.replace("triwulan: [2, 2, 2, 1]", with: "triwulan: [2, 2, 3, 1]", in: Self.file)
        f.replace("target_renja: 1.200.000", with: "target_renja: 1.250.000", in: Self.file)
        let ds = try run(f)
        XCTAssertTrue(ds.only("evaluasi-triwulan")?.message.contains("kolom 12 K") ?? false)
        XCTAssertTrue(ds.only("evaluasi-triwulan")?.message.contains("kolom 8–11") ?? false)
        XCTAssertTrue(ds.only("evaluasi-jumlah")?.message.contains("kolom 7 Rp") ?? false)
    }

    func testRataRataAndTheOtherRule() throws {
        var f = StandardFixture.content()
        f.replace("kinerja: 65,00", with: "kinerja: 70,00", in: Self.file)
        f.replace("anggaran: 53,57", with: "anggaran: 55,00", in: Self.file)
        let ds = try run(f).coded("evaluasi-rata-rata")
        XCTAssertEqual(ds.count, 2, ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        let k = try XCTUnwrap(ds.first { $0.message.contains("kinerja") })
        XCTAssertEqual(k.severity, .galat)
        XCTAssertEqual(k.figure("dihitung"), "65,00%")
        let a = try XCTUnwrap(ds.first { $0.message.contains("anggaran") })
        // 55,00 is the mean of the sub kegiatan percentages: the other rule, said so, as a warning.
        XCTAssertEqual(a.severity, .peringatan)
        XCTAssertEqual(a.figure("dihitung"), "53,57%")
        XCTAssertTrue(a.notes.first?.contains("rata-rata persentase sub kegiatan (55,00%)") ?? false, a.notes.joined())
    }

    func testPredikatOnlyAgainstTheDocumentsBands() throws {
        var f = StandardFixture.content()
        f.replace("kinerja: Rendah", with: "kinerja: Tinggi", in: Self.file)
        let ds = try run(f)
        XCTAssertEqual(ds.map(\.code), ["evaluasi-predikat"])
        XCTAssertEqual(ds[0].figure("tertulis"), "Tinggi")
        XCTAssertEqual(ds[0].figure("seharusnya"), "Rendah")
        // Without stated bands Renja has none of its own: nothing to check the predikat against.
        var g = f
        let text = g.files[Self.file]!
        g.files[Self.file] = String(text[..<text.range(of: "rentang_predikat:")!.lowerBound])
            + String(text[text.range(of: "faktor_pendorong:")!.lowerBound...])
        XCTAssertEqual(try run(g).map(DiagnosticPrinter.short), [])
    }

    func testTheRealContentIsUnchanged() throws {
        // The standard table adds checks only where the file exists.
        let ds = try ContentFixture().run()
        XCTAssertEqual(ds.filter { $0.code.hasPrefix("evaluasi-") }.map(DiagnosticPrinter.short), [])
    }
}
