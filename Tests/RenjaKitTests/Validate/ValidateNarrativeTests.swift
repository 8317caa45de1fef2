import XCTest
@testable import RenjaKit
@testable import RenjaModel

/// `narasi-angka`, `narasi-terbilang`, `narasi-tahun`.
final class ValidateNarrativeTests: XCTestCase {
    static let chapter = ContentFixture.chapter

    // MARK: narasi-angka: counts

    func testCountsMatchingBothTablesAreInfo() throws {
        var f = ContentFixture()
        f.appendToChapter("Dokumen ini memuat 2 (dua) program, 3 (tiga) kegiatan dan 4 subkegiatan.")
        let ds = try f.run()
        let counts = ds.coded("narasi-angka")
        XCTAssertEqual(counts.count, 3)
        XCTAssertTrue(counts.allSatisfy { $0.severity == .info })
        let program = counts.first { $0.location == f.location(of: "2 (dua) program", in: Self.chapter) }
        XCTAssertEqual(program?.location?.description, "Content/uji/bab/01-pendahuluan.md:9:20")
        XCTAssertEqual(program?.message, "2 program di narasi cocok dengan Tabel 1 dan Tabel 2")
        XCTAssertEqual(program?.figure("tertulis"), "2 (dua) program")
        XCTAssertEqual(program?.documentSlug, "uji")
        let subs = counts.first { $0.location == f.location(of: "4 subkegiatan", in: Self.chapter) }
        XCTAssertEqual(subs?.figure("Tabel 2"), "4 sub kegiatan")
        ds.expectNone("narasi-terbilang")
    }

    func testCountMatchingOneTableSaysWhich() throws {
        var f = ContentFixture()
        f.replace(ValidateCrossTableTests.planSub12 + "\n", with: "", in: ContentFixture.plan)
        f.replace("pagu: 600.000", with: "pagu: 250.000", in: ContentFixture.plan)
        f.replace("pagu: 1.000.000", with: "pagu: 650.000", in: ContentFixture.plan)
        f.appendToChapter("Sebelum perubahan ada 4 sub kegiatan; sesudahnya 3 sub kegiatan.")
        let ds = try f.run()
        let counts = ds.coded("narasi-angka")
        XCTAssertEqual(counts.count, 2)
        XCTAssertEqual(counts.first { $0.location == f.location(of: "4 sub kegiatan", in: Self.chapter) }?.message,
                       "4 sub kegiatan di narasi cocok dengan Tabel 1 (evaluasi, sebelum perubahan), bukan Tabel 2 (rencana, sesudah perubahan)")
        XCTAssertEqual(counts.first { $0.location == f.location(of: "3 sub kegiatan", in: Self.chapter) }?.message,
                       "3 sub kegiatan di narasi cocok dengan Tabel 2 (rencana, sesudah perubahan), bukan Tabel 1 (evaluasi, sebelum perubahan)")
    }

    func testCountMatchingNoTableIsAnError() throws {
        var f = ContentFixture()
        f.appendToChapter("Renja ini memuat 5 kegiatan.")
        let d = try f.run().only("narasi-angka")
        XCTAssertEqual(d?.severity, .galat)
        XCTAssertEqual(d?.location, f.location(of: "5 kegiatan", in: Self.chapter))
        XCTAssertEqual(d?.figure("Tabel 1"), "3 kegiatan")
        XCTAssertEqual(d?.figure("Tabel 2"), "3 kegiatan")
        XCTAssertTrue(d?.notes.first?.contains("{{angka jumlah_kegiatan}}") ?? false)
    }

    // MARK: narasi-angka: rupiah

    func testRupiahTotalsSayWhichTableTheyMatch() throws {
        var f = ContentFixture()
        f.replace("pagu: 250.000", with: "pagu: 300.000", in: ContentFixture.plan)
        f.replace("pagu: 600.000", with: "pagu: 650.000", in: ContentFixture.plan)
        f.replace("pagu: 1.000.000", with: "pagu: 1.050.000", in: ContentFixture.plan)
        f.appendToChapter("Renja Perubahan ini memuat anggaran senilai Rp. 1.500.000,- . Setelah perubahan anggaran menjadi Rp 1.550.000.")
        let ds = try f.run()
        let money = ds.coded("narasi-angka")
        XCTAssertEqual(money.count, 2)
        let before = money.first { $0.location == f.location(of: "Rp. 1.500.000", in: Self.chapter) }
        XCTAssertEqual(before?.severity, .info)
        XCTAssertEqual(before?.figure("cocok dengan"), "total pagu Tabel 1 (evaluasi, sebelum perubahan)")
        XCTAssertTrue(before?.notes.contains { $0.contains("kalimat ini menyebut “Perubahan”") } ?? false, "\(before?.notes ?? [])")
        let after = money.first { $0.location == f.location(of: "Rp 1.550.000", in: Self.chapter) }
        XCTAssertEqual(after?.figure("cocok dengan"), "total pagu Tabel 2 (rencana, sesudah perubahan)")
        XCTAssertEqual(after?.notes, [])
    }

    func testRupiahEqualToBothTotals() throws {
        var f = ContentFixture()
        f.appendToChapter("Anggarannya Rp 1.500.000.")
        let d = try f.run().only("narasi-angka")
        XCTAssertEqual(d?.figure("cocok dengan"), "total pagu Tabel 1 (evaluasi, sebelum perubahan) dan total pagu Tabel 2 (rencana, sesudah perubahan)")
    }

    func testRupiahOfARowAndTheRealisasiTotal() throws {
        var f = ContentFixture()
        f.appendToChapter("Sub kegiatan itu mendapat Rp 350.000 dan realisasi seluruhnya Rp 650.000.")
        let ds = try f.run().coded("narasi-angka")
        XCTAssertEqual(ds.count, 2)
        let row = ds.first { $0.location == f.location(of: "Rp 350.000", in: Self.chapter) }
        XCTAssertEqual(row?.figure("cocok dengan"), "pagu sub kegiatan 1.2 di Tabel 1")
        XCTAssertEqual(row?.rowAnchor, "t1-1-2")
        let total = ds.first { $0.location == f.location(of: "Rp 650.000", in: Self.chapter) }
        XCTAssertEqual(total?.figure("cocok dengan"), "total realisasi Tabel 1 (evaluasi, sebelum perubahan)")
    }

    func testRupiahMatchingNothingIsAnError() throws {
        var f = ContentFixture()
        f.appendToChapter("Anggarannya Rp 1.500.100,00.")
        let d = try f.run().only("narasi-angka")
        XCTAssertEqual(d?.severity, .galat)
        XCTAssertEqual(d?.location, f.location(of: "Rp 1.500.100", in: Self.chapter))
        XCTAssertEqual(d?.figure("tertulis"), "Rp 1.500.100,00")
        XCTAssertTrue(d?.figure("terdekat")?.hasPrefix("Rp 1.500.000 (total pagu Tabel 1") ?? false, d?.figure("terdekat") ?? "")
        XCTAssertTrue(d?.figure("terdekat")?.hasSuffix("selisih Rp 100") ?? false)
    }

    func testNarrativeTotalWhenASubKegiatanIsOffByOneRupiah() throws {
        var f = ContentFixture()
        f.replace("pagu: 250.000", with: "pagu: 250.001")
        f.appendToChapter("Anggaran sebelum perubahan Rp 1.500.000.")
        let ds = try f.run()
        XCTAssertEqual(ds.coded("jumlah-pagu").count, 2)
        let d = ds.coded("narasi-angka").first
        XCTAssertEqual(d?.severity, .info)
        XCTAssertTrue(d?.notes.contains { $0.contains("jumlah seluruh sub kegiatan Tabel 1 (evaluasi, sebelum perubahan) adalah Rp 1.500.001, selisih Rp 1") } ?? false,
                      "\(d?.notes ?? [])")
    }

    // MARK: narasi-angka: what a sentence claims

    func testAQuartersAmountIsNoTotal() throws {
        var f = ContentFixture()
        f.appendToChapter("Realisasi belanja kegiatan tersebut sebesar Rp 20.000.000 pada triwulan II.")
        let d = try f.run().only("narasi-angka")
        XCTAssertEqual(d?.severity, .info)
        XCTAssertEqual(d?.figure("jenis angka"), "periode: triwulan ii")
    }

    func testASubsetCountIsNoTotal() throws {
        var f = ContentFixture()
        f.appendToChapter("Selain itu terdapat 44 sub kegiatan lainnya yang mendukung program. Sebanyak 10 kegiatan di antaranya sudah selesai.")
        let ds = try f.run().coded("narasi-angka")
        XCTAssertEqual(ds.map(\.severity), [.info, .info])
        XCTAssertEqual(ds.map { $0.figure("jenis angka") }, ["sebagian", "sebagian"])
    }

    func testAnotherBudgetStagesFigureIsNoTotal() throws {
        var f = ContentFixture()
        f.appendToChapter("Pada RKPD murni, pagu dinas ditetapkan sebesar Rp 14.000.000.000 dan pada KUA-PPAS Rp 13.500.000.000.")
        let ds = try f.run().coded("narasi-angka")
        XCTAssertEqual(ds.map(\.severity), [.info, .info])
        XCTAssertTrue(ds.allSatisfy { $0.figure("jenis angka")?.hasPrefix("tahap lain") ?? false }, "\(ds.map(DiagnosticPrinter.short))")
    }

    func testAnotherYearsFigureIsNoTotal() throws {
        var f = ContentFixture()
        f.appendToChapter("Prakiraan maju untuk tahun 2025 dianggarkan Rp 2.000.000.")
        let d = try f.run().only("narasi-angka")
        XCTAssertEqual(d?.severity, .info)
    }

    func testACountBrokenOverALineIsRead() throws {
        var f = ContentFixture()
        f.appendToChapter("Renja ini memuat 46\nsub kegiatan dengan anggaran Rp 1.500.000.")
        let ds = try f.run().coded("narasi-angka")
        let count = ds.first { $0.figure("tertulis") == "46 sub kegiatan" }
        XCTAssertEqual(count?.severity, .galat)
        XCTAssertEqual(count?.location, f.location(of: "46\nsub", in: Self.chapter))
        // The amount on the next line keeps its own line and column.
        let money = ds.first { $0.figure("tertulis") == "Rp 1.500.000" }
        XCTAssertEqual(money?.location, f.location(of: "Rp 1.500.000", in: Self.chapter))
        XCTAssertEqual(money?.severity, .info)
    }

    func testACountOfDistinctCodesSaysBothNumbers() throws {
        var f = ContentFixture()
        // Sub kegiatan 2.01.0002 repeated with the same name: 5 rows, 4 codes.
        f.replace("""
                  - kode: "1.06.01.2.01.0002"
                    nama: Penyusunan Laporan Uji
                    indikator:
                      - nama: Jumlah Laporan Uji Dua
                        target: 4 laporan
                    pagu: 350.000
        """, with: """
                  - kode: "1.06.01.2.01.0002"
                    nama: Penyusunan Laporan Uji
                    indikator:
                      - nama: Jumlah Laporan Uji Dua
                        target: 2 laporan
                    pagu: 150.000
                  - kode: "1.06.01.2.01.0002"
                    nama: Penyusunan Laporan Uji
                    indikator:
                      - nama: Jumlah Laporan Uji Dua
                        target: 2 laporan
                    pagu: 200.000
        """, in: ContentFixture.plan)
        f.appendToChapter("Rencana ini memuat 4 sub kegiatan.")
        let ds = try f.run()
        let d = ds.only("narasi-angka")
        XCTAssertEqual(d?.severity, .info)
        XCTAssertTrue(d?.message.contains("Tabel 1") ?? false, d?.message ?? "")
        XCTAssertTrue(d?.notes.contains { $0.contains("5 baris sub kegiatan dengan 4 kode berbeda") } ?? false, "\(d?.notes ?? [])")
        XCTAssertEqual(d?.figure("Tabel 2"), "5 sub kegiatan (4 kode berbeda)")
        XCTAssertEqual(ds.only("kode-ganda")?.severity, .peringatan)
    }

    func testAFigureIsEitherMatchedOrUnmatchedNeverBoth() throws {
        var f = ContentFixture()
        f.replace("pagu: 250.000", with: "pagu: 250.001", in: ContentFixture.plan)
        // Σ sub kegiatan of Tabel 2 is now Rp 1.500.001: quoting it is a match, not a galat.
        f.appendToChapter("Jumlah pagu seluruh sub kegiatan adalah Rp 1.500.001.")
        let d = try f.run().only("narasi-angka")
        XCTAssertEqual(d?.severity, .info)
        XCTAssertEqual(d?.figure("cocok dengan"), "jumlah pagu seluruh sub kegiatan Tabel 2 (rencana, sesudah perubahan)")
    }

    func testFiguresInCodeAreNotRead() throws {
        var f = ContentFixture()
        f.appendToChapter("Contoh penulisan: `Rp 9.999.999` dan `7 program`.\n\n```\nRenja Perubahan Tahun 2019 memuat 8 program, Rp 1.000\n```")
        XCTAssertEqual(try f.run().map(DiagnosticPrinter.short), [])
    }

    // MARK: narasi-terbilang

    func testSpelledNumberThatDisagrees() throws {
        var f = ContentFixture()
        f.appendToChapter("Ada 2 (tiga) program.")
        let ds = try f.run()
        let d = ds.only("narasi-terbilang")
        XCTAssertEqual(d?.severity, .galat)
        XCTAssertEqual(d?.location, f.location(of: "(tiga)", in: Self.chapter))
        XCTAssertEqual(d?.figure("diharapkan"), "2 (dua)")
        XCTAssertEqual(ds.only("narasi-angka")?.severity, .info)
    }

    func testSpelledNumbersThatAgreeOrAreNotNumbers() throws {
        var f = ContentFixture()
        f.appendToChapter("Terdapat 17 (Tujuh Belas) kelompok, 53 (lima puluh tiga) lembaga, 2021 (RPJMD) dan 6 (enam) Pusat Lingkungan.")
        XCTAssertEqual(try f.run().map(DiagnosticPrinter.short), [])
    }

    func testTerbilang() {
        XCTAssertEqual(Terbilang.words(9), "sembilan")
        XCTAssertEqual(Terbilang.words(11), "sebelas")
        XCTAssertEqual(Terbilang.words(17), "tujuh belas")
        XCTAssertEqual(Terbilang.words(53), "lima puluh tiga")
        XCTAssertEqual(Terbilang.words(100), "seratus")
        XCTAssertEqual(Terbilang.words(110), "seratus sepuluh")
        XCTAssertEqual(Terbilang.words(1000), "seribu")
        XCTAssertEqual(Terbilang.words(2_500_000), "dua juta lima ratus ribu")
        XCTAssertEqual(Terbilang.words(13_036_773_000), "tiga belas miliar tiga puluh enam juta tujuh ratus tujuh puluh tiga ribu")
        XCTAssertEqual(Terbilang.normalized("Tujuh  Belas"), "tujuh belas")
    }

    // MARK: narasi-tahun

    func testPlanPeriodContradictedElsewhereInTheDocument() throws {
        var f = ContentFixture()
        f.appendToChapter("Renstra disusun sesuai RPJMD Kota Uji Tahun 2021-2026.")
        f.appendToChapter("Kinerja dinas mendukung visi dalam RPJMD Kota Uji tahun 2016-2021, yaitu sejahtera.")
        let ds = try f.run()
        let d = ds.only("narasi-tahun")
        XCTAssertEqual(d?.severity, .galat)
        XCTAssertEqual(d?.location, f.location(of: "2016-2021", in: Self.chapter))
        XCTAssertEqual(d?.location?.description, "Content/uji/bab/01-pendahuluan.md:12:57")
        XCTAssertEqual(d?.figure("periode"), "2016-2021")
        XCTAssertEqual(d?.figure("tahun dokumen"), "2024")
        XCTAssertEqual(d?.figure("di bagian lain"), "RPJMD 2021-2026 (\(f.location(of: "2021-2026", in: Self.chapter)))")
        XCTAssertNil(d?.programKey)
    }

    func testPlanPeriodNotCoveringTheYearWithNothingToCompare() throws {
        var f = ContentFixture()
        f.appendToChapter("Renja berpedoman pada Rencana Strategis (Renstra) Dinas Uji Tahun 2016-2021.")
        let d = try f.run().only("narasi-tahun")
        XCTAssertEqual(d?.severity, .peringatan)
        XCTAssertEqual(d?.location, f.location(of: "2016-2021", in: Self.chapter))
        XCTAssertTrue(d?.message.hasPrefix("periode Renstra 2016-2021") ?? false, d?.message ?? "")
    }

    func testTheDocumentNamingItselfWithAnotherYear() throws {
        var f = ContentFixture()
        f.appendToChapter("Semoga Renja Perubahan Dinas Sosial, Pengendalian Penduduk dan Keluarga Berencana Tahun 2022 ini bermanfaat.")
        let d = try f.run().only("narasi-tahun")
        XCTAssertEqual(d?.severity, .galat)
        XCTAssertEqual(d?.location, f.location(of: "2022", in: Self.chapter))
        XCTAssertEqual(d?.figure("tertulis"), "2022")
        XCTAssertEqual(d?.figure("tahun dokumen"), "2024")
    }

    func testAnotherYearsRenjaIsOnlyAWarning() throws {
        var f = ContentFixture()
        f.appendToChapter("Hasil evaluasi Renja tahun 2023 menjadi bahan penyusunan.")
        let d = try f.run().only("narasi-tahun")
        XCTAssertEqual(d?.severity, .peringatan)
        XCTAssertEqual(d?.location, f.location(of: "2023", in: Self.chapter))
    }

    func testYearsThatAgreeOrBelongToOtherThings() throws {
        var f = ContentFixture()
        f.appendToChapter("""
        Rencana Kerja Perubahan Dinas Uji Tahun 2024 disusun berdasarkan Peraturan Walikota Nomor 52 Tahun 2023 tentang \
        Rencana Kerja Pemerintah Daerah Kota Uji Tahun 2024, RPJMN Tahun 2020-2024 dan RTRW Tahun 2009-2029. \
        Pelaksanaan renja 2024 dan APBD-P tahun 2024 berjalan; Peraturan Daerah No. 5 Tahun 2016 tetap berlaku.
        """)
        XCTAssertEqual(try f.run().map(DiagnosticPrinter.short), [])
    }
}
