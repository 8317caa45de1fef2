import XCTest
@testable import RenjaKit
@testable import RenjaModel

/// `pagu-nol-bertarget`, `target-nol-berpagu`, `realisasi-tanpa-pagu`, `target-tanpa-satuan`,
/// `target-majemuk`, `tingkat-tidak-diperbarui`: each caught on a one-cell mutation of the
/// consistent fixture, and silent on the fixture itself.
final class ValidateFundingTests: XCTestCase {
    static let codes = ["pagu-nol-bertarget", "target-nol-berpagu", "realisasi-tanpa-pagu", "target-tanpa-satuan",
                        "target-majemuk", "tingkat-tidak-diperbarui"]

    func testTheConsistentFixtureRaisesNone() throws {
        let ds = try ContentFixture().run()
        for code in Self.codes { ds.expectNone(code) }
    }

    func testZeroPaguWithATarget() throws {
        var f = ContentFixture()
        // Sub kegiatan 2.01.0002 plans 4 laporan with no money; its kegiatan and program follow.
        f.replace("pagu: 350.000", with: "pagu: 0", in: ContentFixture.plan)
        f.replace("pagu: 600.000", with: "pagu: 250.000", in: ContentFixture.plan)
        f.replace("pagu: 1.000.000", with: "pagu: 650.000", in: ContentFixture.plan)
        let d = try f.run().only("pagu-nol-bertarget")
        XCTAssertEqual(d?.severity, .peringatan)
        XCTAssertEqual(d?.location, f.location(ofValue: "0", key: "pagu", in: ContentFixture.plan))
        XCTAssertEqual(d?.figure("target"), "4 laporan")
        XCTAssertEqual(d?.rowAnchor, "t2-1-06-01-2-01-0002")
    }

    func testMoneyWithOnlyZeroTargets() throws {
        var f = ContentFixture()
        f.replace("target: 10 orang", with: "target: 0 orang", in: ContentFixture.plan)
        let d = try f.run().only("target-nol-berpagu")
        XCTAssertEqual(d?.location, f.location(ofValue: "0 orang", key: "target", in: ContentFixture.plan))
        XCTAssertEqual(d?.figure("pagu"), "Rp 400.000")
    }

    func testSpendingWithoutPaguIsOneGalatNotTwo() throws {
        var f = ContentFixture()
        // 2.1 spends Rp 100.000 of a pagu of 0, and so does its kegiatan: reported once, on the sub kegiatan.
        f.replace("pagu: 400.000\n            realisasi: 100.000", with: "pagu: 0\n            realisasi: 100.000")
        f.replace("pagu: 400.000\n        realisasi: 100.000", with: "pagu: 0\n        realisasi: 100.000")
        f.replace("pagu: 1.000.000\n    realisasi: 400.000", with: "pagu: 600.000\n    realisasi: 400.000")
        let ds = try f.run()
        let d = ds.only("realisasi-tanpa-pagu")
        XCTAssertEqual(d?.severity, .galat)
        XCTAssertEqual(d?.rowAnchor, "t1-2-1")
        XCTAssertEqual(d?.figure("realisasi"), "Rp 100.000")
        XCTAssertFalse(ds.contains { $0.code == "realisasi-melebihi-pagu" && $0.rowAnchor == "t1-2-1" })
    }

    func testTargetsWithoutUnitAndWithTwoNumbers() throws {
        var f = ContentFixture()
        f.replace("target: 2 dokumen", with: "target: 2", in: ContentFixture.plan)
        f.replace("target: 8 keluarga", with: "target: 11 Kab/1 Kota", in: ContentFixture.plan)
        let ds = try f.run()
        let unitless = ds.only("target-tanpa-satuan")
        XCTAssertEqual(unitless?.location, f.location(ofValue: "2", key: "target", in: ContentFixture.plan))
        let compound = ds.only("target-majemuk")
        XCTAssertEqual(compound?.figure("tertulis"), "11 Kab/1 Kota")
        // Kept whole: the site shows it as written, never "11 Kab/1 Kota" split into 11 and a unit.
        let q = QuantityText(raw: "11 Kab/1 Kota")
        XCTAssertTrue(q.isCompound)
        XCTAssertNil(q.value)
        for plain in ["19 orang/bulan", "8.73 perseribu", "100 m2", "2 dokumen", "100%"] {
            XCTAssertFalse(QuantityText(raw: plain).isCompound, plain)
            XCTAssertNotNil(QuantityText(raw: plain).value, plain)
        }
        XCTAssertTrue(QuantityText(raw: "5 unit, 2 paket").isCompound)
        XCTAssertTrue(QuantityText(raw: "3 dokumen dan 2 laporan").isCompound)
        XCTAssertEqual(QuantityText(raw: "100%").value?.formatted, "100%")
    }

    /// Programs and sub kegiatan revised, kegiatan left at their Tabel 1 pagu: one finding that
    /// names every such row, beside the sum mismatches it explains.
    func testALevelLeftBehind() throws {
        var f = ContentFixture()
        f.replace("pagu: 250.000", with: "pagu: 300.000", in: ContentFixture.plan)
        f.replace("            pagu: 400.000", with: "            pagu: 350.000", in: ContentFixture.plan)
        f.replace("            pagu: 500.000", with: "            pagu: 600.000", in: ContentFixture.plan)
        f.replace("    pagu: 500.000\n    kegiatan:", with: "    pagu: 600.000\n    kegiatan:", in: ContentFixture.plan)
        let ds = try f.run()
        let d = ds.only("tingkat-tidak-diperbarui")
        XCTAssertEqual(d?.severity, .peringatan)
        XCTAssertEqual(d?.figure("kegiatan"), "3 dari 3")
        XCTAssertTrue(d?.notes.contains("3 di antaranya sama persis dengan pagunya di Tabel 1 (sebelum perubahan)") ?? false, "\(d?.notes ?? [])")
        XCTAssertTrue(d?.notes.last?.contains("kegiatan 1.06.01.2.02") ?? false)
        // The mismatches it explains are still reported where they are: the three kegiatan, and
        // program II against its kegiatan (program I's kegiatan happen to add up).
        XCTAssertEqual(ds.coded("jumlah-pagu").filter { $0.location?.file.hasSuffix("rencana.yaml") ?? false }.count, 4)
    }

    func testOneSlipIsNotALevelLeftBehind() throws {
        var f = ContentFixture()
        f.replace("pagu: 250.000", with: "pagu: 300.000", in: ContentFixture.plan)
        f.replace("pagu: 1.000.000", with: "pagu: 1.050.000", in: ContentFixture.plan)
        try f.run().expectNone("tingkat-tidak-diperbarui")
    }
}
