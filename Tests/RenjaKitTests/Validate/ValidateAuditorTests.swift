import XCTest
@testable import RenjaKit
@testable import RenjaModel

/// `satuan-indikator`, `baris-salinan`, `persen-induk`.
final class ValidateAuditorTests: XCTestCase {
    // MARK: satuan-indikator

    func testIndicatorCountingOneThingWithATargetInAnother() throws {
        var f = ContentFixture()
        f.replace("target: 8 keluarga\n                capaian: 4 keluarga", with: "target: 8 laporan\n                capaian: 4 laporan")
        f.replace("target: 8 keluarga", with: "target: 8 laporan", in: ContentFixture.plan)
        let ds = try f.run()
        let units = ds.coded("satuan-indikator")
        XCTAssertEqual(units.count, 2)
        let d = units.first { $0.location == f.location(of: "8 laporan") }
        XCTAssertEqual(d?.severity, .peringatan)
        XCTAssertEqual(d?.figure("indikator menghitung"), "keluarga")
        XCTAssertEqual(d?.figure("target"), "8 laporan")
        XCTAssertEqual(d?.rowAnchor, "t1-3-1")
        XCTAssertNotNil(units.first { $0.location == f.location(of: "8 laporan", in: ContentFixture.plan) })
    }

    func testCountedThingAndUnitThatAgree() throws {
        var f = ContentFixture()
        // "Jumlah Orang" counted per month, and "Jumlah Peserta" counted in people, are fine.
        f.replace("target: 10 orang\n                capaian: 5 orang", with: "target: 10 orang/bulan\n                capaian: 5 orang/bulan")
        f.replace("target: 10 orang", with: "target: 10 orang/bulan", in: ContentFixture.plan)
        f.replace("Jumlah Keluarga Didampingi Uji", with: "Jumlah Peserta Didampingi Uji")
        f.replace("Jumlah Keluarga Didampingi Uji", with: "Jumlah Peserta Didampingi Uji", in: ContentFixture.plan)
        f.replace("target: 8 keluarga\n                capaian: 4 keluarga", with: "target: 8 orang\n                capaian: 4 orang")
        f.replace("target: 8 keluarga", with: "target: 8 orang", in: ContentFixture.plan)
        XCTAssertEqual(try f.run().map(DiagnosticPrinter.short), [])
    }

    // MARK: baris-salinan

    func testIndicatorNameCopiedFromAnotherRow() throws {
        var f = ContentFixture()
        f.replace("nama: Jumlah Laporan Uji Dua", with: "nama: Jumlah Dokumen Uji Satu")
        f.replace("nama: Jumlah Laporan Uji Dua", with: "nama: Jumlah Dokumen Uji Satu", in: ContentFixture.plan)
        let ds = try f.run()
        let copies = ds.coded("baris-salinan")
        XCTAssertEqual(copies.count, 2)
        // The copy is the row whose own name the indicator does not describe: 1.2, not 1.1.
        let d = copies.first { $0.location == f.location(of: "Jumlah Dokumen Uji Satu", occurrence: 2) }
        XCTAssertEqual(d?.severity, .peringatan)
        XCTAssertEqual(d?.rowAnchor, "t1-1-2")
        XCTAssertEqual(d?.figure("sama dengan"), "sub kegiatan 1.1 “Penyusunan Dokumen Uji” (\(f.location(of: "Jumlah Dokumen Uji Satu")))")
        XCTAssertNotNil(copies.first { $0.location == f.location(of: "Jumlah Dokumen Uji Satu", in: ContentFixture.plan, occurrence: 2) })
        // The copied name counts documents while the row's target is in reports.
        XCTAssertEqual(ds.coded("satuan-indikator").count, 2)
    }

    func testRowsOfTheSameNameMayShareAnIndicator() throws {
        var f = ContentFixture()
        for file in [ContentFixture.evaluation, ContentFixture.plan] {
            f.replace("nama: Pelayanan Warga Uji", with: "nama: Penyusunan Dokumen Uji", in: file)
            f.replace("nama: Jumlah Orang Terlayani Uji", with: "nama: Jumlah Dokumen Uji Satu", in: file)
        }
        f.replace("target: 10 orang\n                capaian: 5 orang", with: "target: 10 dokumen\n                capaian: 5 dokumen")
        f.replace("target: 10 orang", with: "target: 10 dokumen", in: ContentFixture.plan)
        XCTAssertEqual(try f.run().map(DiagnosticPrinter.short), [])
    }

    func testTargetAndCapaianCopiedFromAnotherRow() throws {
        var f = ContentFixture()
        f.replace("capaian: 5 orang\n                persen: 50 persen", with: "capaian: 7 orang\n                persen: 70 persen")
        for file in [ContentFixture.evaluation, ContentFixture.plan] {
            f.replace("Jumlah Keluarga Didampingi Uji", with: "Jumlah Orang Didampingi Uji", in: file)
            f.replace("target: 8 keluarga", with: "target: 10 orang", in: file)
        }
        f.replace("capaian: 4 keluarga\n                persen: 50 persen", with: "capaian: 7 orang\n                persen: 0 persen")
        let ds = try f.run()
        let d = ds.only("baris-salinan")
        XCTAssertEqual(d?.severity, .peringatan)
        XCTAssertEqual(d?.location, f.location(of: "7 orang", occurrence: 2))
        XCTAssertEqual(d?.rowAnchor, "t1-3-1")
        XCTAssertEqual(d?.figure("baris ini"), "target 10 orang, capaian 7 orang")
        XCTAssertTrue(d?.notes.contains { $0.contains("persen capaiannya berbeda (70,00% dan 0,00%)") } ?? false, "\(d?.notes ?? [])")
    }

    func testCommonFractionsAreNotTakenForCopies() throws {
        var f = ContentFixture()
        for file in [ContentFixture.evaluation, ContentFixture.plan] {
            f.replace("Jumlah Keluarga Didampingi Uji", with: "Jumlah Orang Didampingi Uji", in: file)
            f.replace("target: 8 keluarga", with: "target: 10 orang", in: file)
        }
        f.replace("capaian: 4 keluarga", with: "capaian: 5 orang")
        XCTAssertEqual(try f.run().map(DiagnosticPrinter.short), [])
    }

    // MARK: persen-induk

    func testParentOutsideTheRelationItsSiblingsFollow() throws {
        var f = ContentFixture()
        // Kegiatan 2. states 80% while its only sub kegiatan is at 50%; program I follows the
        // average of its kegiatan (65%), as do kegiatan 1. and 3.
        f.replace("capaian: 50 persen\n            persen: 50 persen", with: "capaian: 80 persen\n            persen: 80 persen", occurrence: 2)
        f.replace("capaian: 50 persen\n        persen: 50 persen", with: "capaian: 65 persen\n        persen: 65 persen")
        let ds = try f.run()
        let d = ds.only("persen-induk")
        XCTAssertEqual(d?.severity, .peringatan)
        XCTAssertEqual(d?.location, f.location(of: "80 persen", occurrence: 2))
        XCTAssertEqual(d?.rowAnchor, "t1-2")
        XCTAssertEqual(d?.figure("tertulis"), "80,00%")
        XCTAssertEqual(d?.figure("rata-rata anak"), "50,00%")
        XCTAssertEqual(d?.figure("selisih"), "30,00 poin persen")
        XCTAssertTrue(d?.message.contains("3 dari 4 indikator sejenis") ?? false, d?.message ?? "")
    }

    func testNoConsistentRelationMeansNoOutlier() throws {
        var f = ContentFixture()
        // Two of four parents off the average: no relation the document follows, nothing flagged.
        f.replace("capaian: 50 persen\n            persen: 50 persen", with: "capaian: 80 persen\n            persen: 80 persen", occurrence: 2)
        XCTAssertEqual(try f.run().coded("persen-induk").count, 0)
    }

    func testParentAtFullWhileEveryChildIsAtZero() throws {
        var f = ContentFixture()
        f.replace("capaian: 50 persen\n            persen: 50 persen", with: "capaian: 0 persen\n            persen: 0 persen", occurrence: 3)
        f.replace("capaian: 4 keluarga\n                persen: 50 persen", with: "capaian: 0 keluarga\n                persen: 0 persen")
        let ds = try f.run()
        let d = ds.only("persen-induk")
        XCTAssertEqual(d?.location, f.location(ofValue: "100 persen", key: "persen"))
        XCTAssertEqual(d?.figure("capaian kegiatan"), "semua 0%")
        XCTAssertEqual(d?.rowAnchor, "t1-ii")
    }
}
