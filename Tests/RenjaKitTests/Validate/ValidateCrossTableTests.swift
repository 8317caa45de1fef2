import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaChecks

/// `hanya-di-tabel`, `nama-berbeda`, `perubahan-pagu`, `perubahan-target`, `perubahan-indikator`,
/// and `satuan-berbeda` between the tables.
final class ValidateCrossTableTests: XCTestCase {
    static let planSub12 = """
              - kode: "1.06.01.2.01.0002"
                nama: Penyusunan Laporan Uji
                indikator:
                  - nama: Jumlah Laporan Uji Dua
                    target: 4 laporan
                pagu: 350.000
    """

    func testRowsInOneTableOnly() throws {
        var f = ContentFixture()
        f.replace(Self.planSub12, with: Self.planSub12
            .replacingOccurrences(of: "Penyusunan Laporan Uji", with: "Fasilitasi Kelompok Masyarakat")
            .replacingOccurrences(of: "Jumlah Laporan Uji Dua", with: "Jumlah Kelompok Difasilitasi"), in: ContentFixture.plan)
        let ds = try f.run()
        let only = ds.coded("hanya-di-tabel")
        XCTAssertEqual(only.count, 2)
        let dropped = only.first { $0.location == f.location(of: "Penyusunan Laporan Uji") }
        XCTAssertEqual(dropped?.severity, .info)
        XCTAssertEqual(dropped?.rowAnchor, "t1-1-2")
        XCTAssertEqual(dropped?.figure("tidak ada di"), "Tabel 2 (rencana, sesudah perubahan)")
        let added = only.first { $0.location == f.location(of: "Fasilitasi Kelompok Masyarakat", in: ContentFixture.plan) }
        XCTAssertEqual(added?.severity, .info)
        XCTAssertEqual(added?.programKey, "program-uji-pertama")
        XCTAssertTrue(added?.message.contains("ditambahkan dalam perubahan") ?? false)
    }

    func testRenamedTooFarIsAWarningWithAHint() throws {
        var f = ContentFixture()
        f.replace("nama: Penyusunan Laporan Uji", with: "nama: Penyusunan Laporan Kinerja Uji", in: ContentFixture.plan)
        let ds = try f.run()
        let only = ds.coded("hanya-di-tabel")
        XCTAssertEqual(only.map(\.severity), [.peringatan, .peringatan])
        XCTAssertTrue(only.allSatisfy { $0.notes.first?.contains("namanya mirip") ?? false })
    }

    func testBothTablesAlikeAreQuiet() throws {
        let ds = try ContentFixture().run()
        for code in ["hanya-di-tabel", "nama-berbeda", "perubahan-pagu", "perubahan-target", "perubahan-indikator", "satuan-berbeda"] {
            ds.expectNone(code)
        }
    }

    func testSlightlyDifferentNames() throws {
        var f = ContentFixture()
        f.replace("nama: Penyusunan Dokumen Uji", with: "nama: Penyusunan Dokumen Ujian", in: ContentFixture.plan)
        f.replace("nama: Jumlah Dokumen Uji Satu", with: "nama: Jumlah Dokumem Uji Satu", in: ContentFixture.plan)
        let ds = try f.run()
        let names = ds.coded("nama-berbeda")
        XCTAssertEqual(names.count, 2)
        let row = names.first { $0.location == f.location(of: "Penyusunan Dokumen Ujian", in: ContentFixture.plan) }
        XCTAssertEqual(row?.severity, .peringatan)
        XCTAssertEqual(row?.figure("Tabel 1"), "Penyusunan Dokumen Uji")
        XCTAssertEqual(row?.figure("Tabel 2"), "Penyusunan Dokumen Ujian")
        XCTAssertEqual(row?.figure("beda"), "“Uji” → “Ujian”")
        XCTAssertEqual(row?.rowAnchor, "t2-1-06-01-2-01-0001")
        XCTAssertTrue(row?.message.contains("sub kegiatan 1.1 (kode 1.06.01.2.01.0001)") ?? false, row?.message ?? "")
        let indicator = names.first { $0.location == f.location(of: "Jumlah Dokumem Uji Satu", in: ContentFixture.plan) }
        XCTAssertEqual(indicator?.figure("beda"), "“Dokumen” → “Dokumem”")
        ds.expectNone("hanya-di-tabel")
    }

    func testCaseAndPunctuationDoNotMakeNamesDiffer() throws {
        var f = ContentFixture()
        f.replace("nama: Penyusunan Dokumen Uji", with: "nama: PENYUSUNAN DOKUMEN UJI", in: ContentFixture.plan)
        XCTAssertEqual(try f.run().map(DiagnosticPrinter.short), [])
    }

    func testPaguChangedByTheRevision() throws {
        var f = ContentFixture()
        f.replace("pagu: 250.000", with: "pagu: 300.000", in: ContentFixture.plan)
        f.replace("pagu: 600.000", with: "pagu: 650.000", in: ContentFixture.plan)
        f.replace("pagu: 1.000.000", with: "pagu: 1.050.000", in: ContentFixture.plan)
        let ds = try f.run()
        let changes = ds.coded("perubahan-pagu")
        XCTAssertEqual(changes.count, 3)
        XCTAssertTrue(changes.allSatisfy { $0.severity == .info })
        let sub = changes.first { $0.location == f.location(ofValue: "300.000", key: "pagu", in: ContentFixture.plan) }
        XCTAssertEqual(sub?.figure("sebelum (Tabel 1)"), "Rp 250.000")
        XCTAssertEqual(sub?.figure("sesudah (Tabel 2)"), "Rp 300.000")
        XCTAssertEqual(sub?.figure("perubahan"), "+Rp 50.000")
        XCTAssertEqual(sub?.figure("perubahan (%)"), "+20,00%")
        XCTAssertEqual(ds.filter { $0.severity != .info }.count, 0)
    }

    func testTargetChangedByTheRevision() throws {
        var f = ContentFixture()
        f.replace("target: 2 dokumen", with: "target: 3 dokumen", in: ContentFixture.plan)
        let d = try f.run().only("perubahan-target")
        XCTAssertEqual(d?.severity, .info)
        XCTAssertEqual(d?.location, f.location(of: "3 dokumen", in: ContentFixture.plan))
        XCTAssertEqual(d?.figure("sebelum (Tabel 1)"), "2 dokumen")
        XCTAssertEqual(d?.figure("sesudah (Tabel 2)"), "3 dokumen")
    }

    func testTargetUnitChangedByTheRevision() throws {
        var f = ContentFixture()
        f.replace("target: 4 laporan", with: "target: 4 dokumen", in: ContentFixture.plan)
        let ds = try f.run()
        let d = ds.only("satuan-berbeda")
        XCTAssertEqual(d?.severity, .peringatan)
        XCTAssertEqual(d?.location, f.location(of: "4 dokumen", in: ContentFixture.plan))
        XCTAssertEqual(d?.figure("Tabel 1"), "4 laporan")
        XCTAssertEqual(d?.figure("Tabel 2"), "4 dokumen")
        ds.expectNone("perubahan-target")
    }

    func testIndicatorReplacedByTheRevision() throws {
        var f = ContentFixture()
        f.replace("nama: Jumlah Orang Terlayani Uji", with: "nama: Persentase kepuasan warga", in: ContentFixture.plan)
        let ds = try f.run()
        let changes = ds.coded("perubahan-indikator")
        XCTAssertEqual(changes.count, 2)
        XCTAssertTrue(changes.allSatisfy { $0.severity == .info })
        XCTAssertEqual(Set(changes.compactMap(\.location)),
                       [f.location(of: "Jumlah Orang Terlayani Uji"), f.location(of: "Persentase kepuasan warga", in: ContentFixture.plan)])
        ds.expectNone("nama-berbeda")
    }

    func testWordDifference() {
        XCTAssertEqual(CrossTableChecks.wordDifference("Program Bangga Kencana Melalui Media", "Program Bangsa Kencana Melalui Media"),
                       "“Bangga” → “Bangsa”")
        XCTAssertEqual(CrossTableChecks.wordDifference("a b", "a b c"), "“(tidak ada)” → “c”")
    }
}
