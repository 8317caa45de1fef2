import XCTest
@testable import RenjaKit
@testable import RenjaModel

/// `jumlah-pagu`, `jumlah-realisasi`, `jumlah-tak-terperiksa`, `angka-format`.
final class ValidateSumTests: XCTestCase {
    func testConsistentFixtureIsQuiet() throws {
        let ds = try ContentFixture().run()
        XCTAssertEqual(ds.map(DiagnosticPrinter.short), [])
    }

    /// The acceptance case: one sub kegiatan's pagu changed by Rp 1 is caught at its
    /// kegiatan (against its sub kegiatan) and at its program (whose figure still equals the sum of
    /// its kegiatan, but not the sum of its sub kegiatan).
    func testOneRupiahInASubKegiatanIsCaughtAtKegiatanAndProgram() throws {
        var f = ContentFixture()
        f.replace("pagu: 250.000", with: "pagu: 250.001")
        let ds = try f.run()
        let sums = ds.coded("jumlah-pagu")
        XCTAssertEqual(sums.count, 2, sums.map(DiagnosticPrinter.short).joined(separator: "\n"))

        let program = sums.first { $0.location == f.location(of: "1.000.000") }
        XCTAssertEqual(program?.severity, .galat)
        XCTAssertEqual(program?.figure("tertulis"), "Rp 1.000.000")
        XCTAssertEqual(program?.figure("dihitung"), "Rp 1.000.001")
        XCTAssertEqual(program?.figure("selisih"), "Rp 1")
        XCTAssertEqual(program?.rowAnchor, "t1-i")
        XCTAssertEqual(program?.programKey, "program-uji-pertama")
        XCTAssertEqual(program?.documentSlug, "uji")
        XCTAssertTrue(program?.notes.contains { $0.contains("sama dengan jumlah kegiatannya") } ?? false)

        let kegiatan = sums.first { $0.location == f.location(of: "600.000") }
        XCTAssertEqual(kegiatan?.severity, .galat)
        XCTAssertEqual(kegiatan?.figure("tertulis"), "Rp 600.000")
        XCTAssertEqual(kegiatan?.figure("dihitung"), "Rp 600.001")
        XCTAssertEqual(kegiatan?.figure("selisih"), "Rp 1")
        XCTAssertEqual(kegiatan?.location?.description, "Content/uji/tabel/evaluasi.yaml:21:15")
        // The stated absorption of the sub kegiatan still rounds to the same 40,00%, so no other
        // figure is wrong; Tabel 2 kept the old pagu, which is reported as a change (information).
        XCTAssertEqual(Set(ds.filter { $0.severity != .info }.map(\.code)), ["jumlah-pagu"])
        XCTAssertEqual(ds.only("perubahan-pagu")?.location, f.location(of: "250.000", in: ContentFixture.plan))
    }

    func testOneRupiahInTabel2IsCaughtThereToo() throws {
        var f = ContentFixture()
        f.replace("pagu: 500.000", with: "pagu: 500.001", in: ContentFixture.plan, occurrence: 3)
        let ds = try f.run()
        let sums = ds.coded("jumlah-pagu")
        XCTAssertEqual(sums.map(\.location), [f.location(of: "500.000", in: ContentFixture.plan, occurrence: 1),
                                               f.location(of: "500.000", in: ContentFixture.plan, occurrence: 2)])
        XCTAssertEqual(sums.map { $0.figure("dihitung") }, ["Rp 500.001", "Rp 500.001"])
        // The revision changed that pagu, which is information.
        XCTAssertEqual(ds.only("perubahan-pagu")?.severity, .info)
    }

    func testRealisasiSumAtKegiatanAndWhereTheProgramPointsTheCulprit() throws {
        var f = ContentFixture()
        // The kegiatan's own figure is mistyped; the program still equals the sub kegiatan total.
        f.replace("realisasi: 300.000", with: "realisasi: 300.100")
        f.replace("persen_realisasi: 50.00%", with: "persen_realisasi: 50.02%", occurrence: 1)
        let ds = try f.run()
        let sums = ds.coded("jumlah-realisasi")
        XCTAssertEqual(sums.count, 2)
        let kegiatan = sums.first { $0.location == f.location(of: "300.100") }
        XCTAssertEqual(kegiatan?.figure("dihitung"), "Rp 300.000")
        XCTAssertEqual(kegiatan?.figure("selisih"), "Rp 100")
        XCTAssertTrue(kegiatan?.notes.contains { $0.contains("kegiatan 1. inilah yang kemungkinan keliru") } ?? false, "\(kegiatan?.notes ?? [])")
        let program = sums.first { $0.location == f.location(of: "400.000") }
        XCTAssertEqual(program?.figure("tertulis"), "Rp 400.000")
        XCTAssertEqual(program?.figure("dihitung"), "Rp 400.100")
        XCTAssertTrue(program?.notes.contains { $0.contains("selisihnya berasal dari kegiatan 1.") } ?? false, "\(program?.notes ?? [])")
        ds.expectNone("jumlah-pagu")
        ds.expectNone("persen-realisasi")
    }

    func testSwappedDigitsAreNamedAsATypingSlip() throws {
        var f = ContentFixture()
        f.replace("realisasi: 250.000\n    persen_realisasi: 50.00%\n    kegiatan", with: "realisasi: 520.000\n    persen_realisasi: 104.00%\n    kegiatan")
        let ds = try f.run()
        let d = ds.coded("jumlah-realisasi").first { $0.location == f.location(of: "520.000") }
        XCTAssertEqual(d?.figure("selisih"), "Rp 270.000")
        XCTAssertTrue(d?.notes.contains { $0.contains("dua digit bersebelahan tertukar (52 tertulis, 25 dihitung)") } ?? false, "\(d?.notes ?? [])")
    }

    func testMalformedAmountIsReportedWithItsReadingsAndTheParentIsNotBlamed() throws {
        var f = ContentFixture()
        f.replace("realisasi: 200.000", with: "realisasi: 200.0000")
        let ds = try f.run()

        let bad = ds.only("angka-format")
        XCTAssertEqual(bad?.severity, .galat)
        XCTAssertEqual(bad?.location, f.location(of: "200.0000"))
        XCTAssertEqual(bad?.figure("tertulis"), "200.0000")
        XCTAssertEqual(bad?.figure("dibaca dari digitnya"), "Rp 2.000.000")
        XCTAssertEqual(bad?.figure("penulisan yang sah"), "2.000.000 (titik setiap tiga digit dari kanan)")
        XCTAssertEqual(bad?.figure("kemungkinan maksudnya"), "Rp 200.000")
        XCTAssertTrue(bad?.notes.contains { $0.contains("cocok dengan persen realisasi tertulis 57,14%") } ?? false, "\(bad?.notes ?? [])")
        XCTAssertTrue(bad?.notes.contains { $0.contains("melebihi pagu Rp 350.000") } ?? false)
        XCTAssertEqual(bad?.rowAnchor, "t1-1-2")

        // The kegiatan cannot be checked; the program still can (its kegiatan are well formed).
        let unchecked = ds.only("jumlah-tak-terperiksa")
        XCTAssertEqual(unchecked?.severity, .peringatan)
        XCTAssertEqual(unchecked?.location, f.location(of: "300.000"))
        XCTAssertEqual(unchecked?.figure("kemungkinan sub kegiatan 1.2"), "Rp 200.000")
        ds.expectNone("jumlah-realisasi")
        ds.expectNone("persen-realisasi")
        ds.expectNone("realisasi-melebihi-pagu")
        ds.expectNone("narasi-angka")
    }

    func testWellFormedAmountsAreNotFormatFindings() throws {
        var f = ContentFixture()
        f.replace("pagu: 250.000", with: "pagu: 250000", in: ContentFixture.plan)
        let ds = try f.run()
        ds.expectNone("angka-format")
        ds.expectNone("jumlah-pagu")
    }

    func testAmountProblemsExplainedInIndonesian() {
        let a = AmountText(raw: "160.427.6000")
        XCTAssertEqual(a.problem, .badGrouping)
        XCTAssertEqual(a.digitsValue, Rupiah(1_604_276_000))
        XCTAssertEqual(Wording.typingHint(written: Rupiah(1_670_601_969), computed: Rupiah(1_670_701_969)),
                       "hanya satu digit yang berbeda (6 tertulis, 7 dihitung): kemungkinan salah ketik")
        XCTAssertNil(Wording.typingHint(written: Rupiah(100), computed: Rupiah(1000)))
    }
}
