import XCTest
@testable import RenjaKit
@testable import RenjaModel

/// `realisasi-melebihi-pagu`, `capaian-melebihi-target`, `capaian-tanpa-realisasi`, `satuan-berbeda`.
final class ValidatePlausibilityTests: XCTestCase {
    func testSpendingAboveThePagu() throws {
        var f = ContentFixture()
        // Program II, kegiatan 3. and sub kegiatan 3.1: realisasi 600.000 against pagu 500.000,
        // sums and percentages kept consistent.
        for _ in 1...3 {
            f.replace("realisasi: 250.000", with: "realisasi: 600.000", occurrence: 1)
            f.replace("persen_realisasi: 50.00%", with: "persen_realisasi: 120.00%", occurrence: 2)
        }
        let ds = try f.run()
        let over = ds.coded("realisasi-melebihi-pagu")
        // Three rows in Tabel 1, and the same three against Tabel 2's (unchanged) pagu.
        XCTAssertEqual(over.count, 6, over.map(DiagnosticPrinter.short).joined(separator: "\n"))
        let sub = over.first { $0.location == f.location(ofValue: "600.000", key: "realisasi", occurrence: 3) }
        XCTAssertEqual(sub?.severity, .galat)
        XCTAssertEqual(sub?.figure("realisasi"), "Rp 600.000")
        XCTAssertEqual(sub?.figure("pagu"), "Rp 500.000")
        XCTAssertEqual(sub?.figure("lebih"), "Rp 100.000")
        XCTAssertEqual(sub?.rowAnchor, "t1-3-1")
        let revised = over.first { $0.location == f.location(ofValue: "500.000", key: "pagu", in: ContentFixture.plan, occurrence: 3) }
        XCTAssertEqual(revised?.figure("pagu perubahan"), "Rp 500.000")
        XCTAssertEqual(revised?.figure("realisasi (Tabel 1)"), "Rp 600.000")
        XCTAssertEqual(revised?.rowAnchor, "t2-1-06-02-2-01-0001")
        XCTAssertEqual(revised?.programKey, "program-uji-kedua")
        ds.expectNone("persen-realisasi")
    }

    func testRevisedPaguBelowWhatWasAlreadySpent() throws {
        var f = ContentFixture()
        f.replace("pagu: 400.000", with: "pagu: 50.000", in: ContentFixture.plan, occurrence: 2)
        f.replace("pagu: 400.000", with: "pagu: 50.000", in: ContentFixture.plan, occurrence: 1)
        f.replace("pagu: 1.000.000", with: "pagu: 650.000", in: ContentFixture.plan)
        let ds = try f.run()
        let over = ds.coded("realisasi-melebihi-pagu")
        XCTAssertEqual(over.count, 2) // kegiatan 2. and sub kegiatan 2.1 spent 100.000 already
        let d = over.first { $0.location == f.location(ofValue: "50.000", key: "pagu", in: ContentFixture.plan, occurrence: 2) }
        XCTAssertEqual(d?.figure("realisasi (Tabel 1)"), "Rp 100.000")
        XCTAssertEqual(d?.figure("kurang"), "Rp 50.000")
        XCTAssertEqual(d?.rowAnchor, "t2-1-06-01-2-02-0001")
        XCTAssertEqual(ds.coded("perubahan-pagu").count, 3)
    }

    func testSpendingWithinThePaguIsQuiet() throws {
        XCTAssertEqual(try ContentFixture().run().coded("realisasi-melebihi-pagu").count, 0)
    }

    func testCapaianAboveTarget() throws {
        var f = ContentFixture()
        f.replace("capaian: 5 orang\n                persen: 50 persen", with: "capaian: 12 orang\n                persen: 120 persen")
        let ds = try f.run()
        let d = ds.only("capaian-melebihi-target")
        XCTAssertEqual(d?.severity, .info)
        XCTAssertEqual(d?.location, f.location(of: "12 orang"))
        XCTAssertEqual(d?.figure("target"), "10 orang")
        XCTAssertEqual(d?.figure("capaian"), "12 orang")
        ds.expectNone("persen-capaian")
    }

    func testLowerIsBetterBelowTargetIsAboveTarget() throws {
        var f = ContentFixture()
        f.replace("capaian: 10 persen\n        persen: 100 persen", with: "capaian: 8 persen\n        persen: 125 persen")
        let d = try f.run().only("capaian-melebihi-target")
        XCTAssertEqual(d?.location, f.location(of: "8 persen"))
        XCTAssertEqual(d?.figure("arah"), "turun (makin rendah makin baik)")
        // A lower-is-better capaian above its target is not an over-achievement.
        f = ContentFixture()
        f.replace("capaian: 10 persen\n        persen: 100 persen", with: "capaian: 12.5 persen\n        persen: 80 persen")
        XCTAssertEqual(try f.run().map(DiagnosticPrinter.short), [])
    }

    func testOutputWithoutSpending() throws {
        var f = ContentFixture()
        // Sub kegiatan 2.1 reports 5 of 10 people served with no realisasi yet (parents adjusted).
        f.replace("realisasi: 100.000\n            persen_realisasi: 25.00%", with: "realisasi: 0\n            persen_realisasi: 0%")
        f.replace("realisasi: 100.000\n        persen_realisasi: 25.00%", with: "realisasi: 0\n        persen_realisasi: 0%")
        f.replace("realisasi: 400.000", with: "realisasi: 300.000")
        f.replace("persen_realisasi: 40.00%", with: "persen_realisasi: 30.00%", occurrence: 1)
        let ds = try f.run()
        let d = ds.only("capaian-tanpa-realisasi")
        XCTAssertEqual(d?.severity, .info)
        XCTAssertEqual(d?.location, f.location(of: "0\n            persen_realisasi: 0%"))
        XCTAssertEqual(d?.figure("capaian"), "5 orang")
        XCTAssertEqual(d?.rowAnchor, "t1-2-1")
        XCTAssertEqual(ds.filter { $0.severity != .info }.map(DiagnosticPrinter.short), [])
    }

    func testSpendingWithoutOutputIsQuiet() throws {
        var f = ContentFixture()
        f.replace("capaian: 5 orang\n                persen: 50 persen", with: "capaian: 0 orang\n                persen: 0 persen")
        f.replace("capaian: 50 persen\n            persen: 50 persen", with: "capaian: 0 persen\n            persen: 0 persen", occurrence: 2)
        let ds = try f.run()
        ds.expectNone("capaian-tanpa-realisasi")
    }

    func testUnitsDifferBetweenTargetAndCapaian() throws {
        var f = ContentFixture()
        f.replace("capaian: 4 keluarga", with: "capaian: 4 orang")
        let ds = try f.run()
        let d = ds.only("satuan-berbeda")
        XCTAssertEqual(d?.severity, .peringatan)
        XCTAssertEqual(d?.location, f.location(of: "4 orang"))
        XCTAssertEqual(d?.figure("target"), "8 keluarga")
        XCTAssertEqual(d?.figure("capaian"), "4 orang")
    }

    func testUnitsDifferingOnlyInCaseAreTheSame() throws {
        var f = ContentFixture()
        f.replace("target: 8 keluarga", with: "target: 8 Keluarga")
        f.replace("target: 8 keluarga", with: "target: 8 Keluarga", in: ContentFixture.plan)
        XCTAssertEqual(try f.run().map(DiagnosticPrinter.short), [])
    }
}
