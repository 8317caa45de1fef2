import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaLoad
@testable import RenjaFacts
@testable import RenjaChecks
@testable import RenjaImport

/// The validator on the real `Content/` (the published Perubahan Renja 2024, mistakes included).
/// Expected findings are listed here, in the tests — never in the validator.
final class ValidateRealContentTests: XCTestCase {
    /// The repository root: three levels up from this file's folder.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let evaluasi = "Content/renja-perubahan-2024/tabel/evaluasi.yaml"
    static let rencana = "Content/renja-perubahan-2024/tabel/rencana.yaml"
    static let bab = "Content/renja-perubahan-2024/bab"

    static let loaded = Result { try SiteLoader.load(content: root.appendingPathComponent("Content"), displayPath: "Content") }
    static let findings: [Diagnostic] = (try? loaded.get()).map(Validator.run) ?? []

    var ds: [Diagnostic] { Self.findings }
    var site: Site { get throws { try Self.loaded.get() } }

    func testContentLoads() throws {
        XCTAssertEqual(try site.documents.map(\.slug), ["renja-perubahan-2024"])
    }

    func at(_ file: String, _ line: Int, _ column: Int, _ code: String, sourceLine: UInt = #line) -> Diagnostic? {
        let loc = SourceLocation(file: file, line: line, column: column)
        let hits = ds.filter { $0.location == loc && $0.code == code }
        XCTAssertEqual(hits.count, 1, "expected `\(code)` at \(loc); findings there: \(ds.filter { $0.location == loc }.map(DiagnosticPrinter.short))",
                       line: sourceLine)
        return hits.first
    }

    // MARK: The whole run

    func testCountsPerCheckAndSeverity() {
        var counts: [String: Int] = [:]
        for d in ds { counts["\(d.code) \(d.severity.rawValue)", default: 0] += 1 }
        XCTAssertEqual(counts, [
            "angka-format galat": 1,
            "jumlah-realisasi galat": 6,
            "jumlah-tak-terperiksa peringatan": 1,
            "persen-realisasi galat": 2,
            "persen-capaian galat": 5,
            "persen-capaian peringatan": 1,
            "persen-tidak-wajar peringatan": 1,
            "capaian-melebihi-target info": 5,
            "capaian-tanpa-realisasi info": 3,
            "satuan-berbeda peringatan": 2,
            "nomor-urut peringatan": 1,
            "nomor-format peringatan": 1,
            "nama-berbeda peringatan": 7,
            "perubahan-pagu info": 34,
            "perubahan-target info": 9,
            "satuan-indikator peringatan": 4,
            "baris-salinan peringatan": 5,
            "persen-induk peringatan": 1,
            "narasi-angka info": 5,
            "narasi-tahun galat": 5,
        ])
        XCTAssertEqual(DiagnosticPrinter.summary(ds), "Ringkasan: 19 galat, 24 peringatan, 56 info")
    }

    func testEveryCodeIsCatalogued() {
        let catalogue = Validator.checks.map(\.code)
        XCTAssertEqual(Set(catalogue).count, catalogue.count)
        XCTAssertTrue(Set(ds.map(\.code)).isSubset(of: catalogue), "\(Set(ds.map(\.code)).subtracting(catalogue))")
        XCTAssertTrue(catalogue.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "-" } })
    }

    func testFindingsAreSortedStampedAndStable() throws {
        let document = try site.documents[0]
        XCTAssertEqual(Validator.run(try site).map(DiagnosticPrinter.short), ds.map(DiagnosticPrinter.short))
        let locations = ds.compactMap(\.location)
        XCTAssertEqual(locations.count, ds.count)
        XCTAssertEqual(locations, locations.sorted())
        XCTAssertTrue(ds.allSatisfy { $0.documentSlug == "renja-perubahan-2024" })
        let programKeys = Set(TableMatcher.match(evaluation: document.evaluation, plan: document.plan).map(\.key))
        XCTAssertEqual(programKeys.count, 9)
        for d in ds where d.location?.file.hasSuffix(".yaml") == true {
            XCTAssertNotNil(d.rowAnchor, DiagnosticPrinter.short(d))
            XCTAssertTrue(d.programKey.map(programKeys.contains) ?? false, DiagnosticPrinter.short(d))
        }
    }

    // MARK: Known mistakes, one by one

    func testMalformedRealisasiOf91() {
        let d = at(Self.evaluasi, 403, 24, "angka-format")
        XCTAssertEqual(d?.severity, .galat)
        XCTAssertEqual(d?.figure("tertulis"), "160.427.6000")
        XCTAssertEqual(d?.figure("dibaca dari digitnya"), "Rp 1.604.276.000")
        XCTAssertEqual(d?.figure("kemungkinan maksudnya"), "Rp 160.427.630")
        XCTAssertEqual(d?.rowAnchor, "t1-9-1")
        XCTAssertEqual(d?.programKey, "program-rehabilitasi-sosial")
        // Its kegiatan's sum cannot be checked, and is not reported as a wrong sum.
        let k = at(Self.evaluasi, 392, 20, "jumlah-tak-terperiksa")
        XCTAssertEqual(k?.figure("kemungkinan sub kegiatan 9.1"), "Rp 160.427.630")
        XCTAssertTrue(ds.filter { $0.rowAnchor == "t1-9" }.allSatisfy { $0.code != "jumlah-realisasi" })
        XCTAssertTrue(ds.filter { $0.rowAnchor == "t1-9-1" }.allSatisfy { $0.code != "persen-realisasi" && $0.code != "realisasi-melebihi-pagu" })
    }

    func testRealisasiSumsOfProgramIAndKegiatan2() {
        let p = at(Self.evaluasi, 29, 16, "jumlah-realisasi")
        XCTAssertEqual(p?.figure("tertulis"), "Rp 1.670.601.969")
        XCTAssertEqual(p?.figure("dihitung"), "Rp 1.670.701.969")
        XCTAssertEqual(p?.figure("selisih"), "Rp 100.000")
        XCTAssertEqual(p?.programKey, "program-penunjang-urusan-pemerintahan-daerah-kabupaten-kota")
        XCTAssertEqual(p?.rowAnchor, "t1-i")
        let k = at(Self.evaluasi, 81, 20, "jumlah-realisasi")
        XCTAssertEqual(k?.figure("tertulis"), "Rp 1.287.179.142")
        XCTAssertEqual(k?.figure("dihitung"), "Rp 1.287.079.142")
    }

    func testRealisasiSumsOfProgramIIAndKegiatan7() {
        let p = at(Self.evaluasi, 307, 16, "jumlah-realisasi")
        XCTAssertEqual(p?.figure("tertulis"), "Rp 155.446.365")
        XCTAssertEqual(p?.figure("dihitung"), "Rp 155.446.371")
        XCTAssertEqual(p?.figure("selisih"), "Rp 6")
        let k = at(Self.evaluasi, 318, 20, "jumlah-realisasi")
        XCTAssertEqual(k?.figure("tertulis"), "Rp 87.770.808")
        XCTAssertEqual(k?.figure("dihitung"), "Rp 87.770.802")
    }

    func testRealisasiSumOfKegiatan13AndItsProgram() {
        let k = at(Self.evaluasi, 592, 20, "jumlah-realisasi")
        XCTAssertEqual(k?.figure("tertulis"), "Rp 25.896.722")
        XCTAssertEqual(k?.figure("dihitung"), "Rp 25.869.722")
        XCTAssertTrue(k?.notes.contains { $0.contains("dua digit bersebelahan tertukar") } ?? false)
        // Program VI copies the kegiatan's figure, so it disagrees with its sub kegiatan too.
        XCTAssertEqual(at(Self.evaluasi, 581, 16, "jumlah-realisasi")?.figure("dihitung"), "Rp 25.869.722")
    }

    func testStatedAbsorptionOf46And132() {
        let a = at(Self.evaluasi, 205, 31, "persen-realisasi")
        XCTAssertEqual(a?.figure("tertulis"), "52,00%")
        XCTAssertEqual(a?.figure("dihitung"), "45,60%")
        let b = at(Self.evaluasi, 614, 31, "persen-realisasi")
        XCTAssertEqual(b?.figure("tertulis"), "39,65%")
        XCTAssertEqual(b?.figure("dihitung"), "39,61%")
    }

    func testStatedAchievements() {
        let k10 = at(Self.evaluasi, 421, 21, "persen-capaian")
        XCTAssertEqual(k10?.figure("tertulis"), "49,13%")
        XCTAssertEqual(k10?.figure("dihitung"), "49,18%")
        let s123 = at(Self.evaluasi, 568, 25, "persen-capaian")
        XCTAssertEqual(s123?.figure("tertulis"), "0,00%")
        XCTAssertEqual(s123?.figure("dihitung"), "77,15%")
        XCTAssertEqual(at(Self.evaluasi, 758, 25, "persen-capaian")?.figure("dihitung"), "50,00%")
        let s163 = at(Self.evaluasi, 778, 25, "persen-capaian")
        XCTAssertEqual(s163?.figure("dihitung"), "0,00%")
        XCTAssertTrue(s163?.notes.contains("persen 100,00% tertulis padahal capaiannya 0") ?? false)
        // Program VIII is lower-is-better: target ÷ capaian = 7,60 ÷ 4,82.
        let p8 = at(Self.evaluasi, 675, 17, "persen-capaian")
        XCTAssertEqual(p8?.severity, .galat)
        XCTAssertEqual(p8?.figure("tertulis"), "157,84%")
        XCTAssertEqual(p8?.figure("dihitung"), "157,68%")
        XCTAssertEqual(p8?.figure("rumus"), "target ÷ capaian × 100 (arah turun, makin rendah makin baik)")
        // Program IX ("Unmeet need", lower-is-better): 14 ÷ 11,52 = 121,527…, written 121.50.
        let p9 = at(Self.evaluasi, 799, 17, "persen-capaian")
        XCTAssertEqual(p9?.severity, .peringatan)
        XCTAssertEqual(p9?.figure("dihitung"), "121,53%")
    }

    func testUnitsThatDiffer() {
        let a = at(Self.evaluasi, 68, 26, "satuan-berbeda")
        XCTAssertEqual(a?.figure("target"), "15 laporan")
        XCTAssertEqual(a?.figure("capaian"), "8 dokumen")
        let b = at(Self.evaluasi, 514, 26, "satuan-berbeda")
        XCTAssertEqual(b?.figure("target"), "950 keluarga")
        XCTAssertEqual(b?.figure("capaian"), "484 orang")
        // 7.1 writes `340 Keluarga` and `0 keluarga`: the same unit.
        XCTAssertTrue(ds.filter { $0.rowAnchor == "t1-7-1" }.isEmpty)
    }

    func testNumbering() {
        let gap = at(Self.evaluasi, 446, 17, "nomor-urut")
        XCTAssertEqual(gap?.figure("tertulis"), "10.4")
        XCTAssertEqual(gap?.figure("diharapkan"), "10.3")
        let dot = at(Self.evaluasi, 584, 13, "nomor-format")
        XCTAssertEqual(dot?.figure("tertulis"), "13")
        XCTAssertEqual(dot?.figure("diharapkan"), "13.")
        XCTAssertTrue(ds.filter { $0.location?.file == Self.rencana }.allSatisfy { !$0.code.hasPrefix("kode-") })
    }

    func testNarrativeTotalsAndCounts() {
        let t1 = at("\(Self.bab)/02-evaluasi-renja.md", 11, 209, "narasi-angka")
        XCTAssertEqual(t1?.severity, .info)
        XCTAssertEqual(t1?.figure("tertulis"), "Rp. 13.036.773.000,-")
        XCTAssertEqual(t1?.figure("cocok dengan"), "total pagu Tabel 1 (evaluasi, sebelum perubahan)")
        let t2 = at("\(Self.bab)/02-evaluasi-renja.md", 11, 418, "narasi-angka")
        XCTAssertEqual(t2?.figure("cocok dengan"), "total pagu Tabel 2 (rencana, sesudah perubahan)")
        XCTAssertEqual(at("\(Self.bab)/02-evaluasi-renja.md", 11, 118, "narasi-angka")?.message,
                       "9 program di narasi cocok dengan Tabel 1 dan Tabel 2")
        XCTAssertEqual(at("\(Self.bab)/02-evaluasi-renja.md", 11, 140, "narasi-angka")?.figure("tertulis"), "17 (Tujuh Belas) kegiatan")
        XCTAssertEqual(at("\(Self.bab)/02-evaluasi-renja.md", 11, 170, "narasi-angka")?.figure("tertulis"), "53 subkegiatan")
    }

    func testNarrativeYears() {
        let rpjmd = at("\(Self.bab)/01-pendahuluan.md", 44, 92, "narasi-tahun")
        XCTAssertEqual(rpjmd?.severity, .galat)
        XCTAssertEqual(rpjmd?.figure("di bagian lain"), "RPJMD 2021-2026 (\(Self.bab)/01-pendahuluan.md:17:452)")
        XCTAssertEqual(at("\(Self.bab)/03-rencana-kerja.md", 11, 31, "narasi-tahun")?.figure("tertulis"), "2021")
        XCTAssertEqual(at("\(Self.bab)/04-penutup.md", 8, 349, "narasi-tahun")?.figure("periode"), "2016-2021")
        XCTAssertTrue(at("\(Self.bab)/04-penutup.md", 8, 438, "narasi-tahun")?.message.hasPrefix("periode Renstra 2016-2021") ?? false)
        XCTAssertEqual(at("\(Self.bab)/04-penutup.md", 12, 89, "narasi-tahun")?.figure("tertulis"), "2022")
    }

    func testAuditorFindings() {
        // 5.3's indicator is 1.1's, in both tables, and counts documents against a target in reports.
        XCTAssertEqual(at(Self.evaluasi, 250, 23, "baris-salinan")?.rowAnchor, "t1-5-3")
        XCTAssertEqual(at(Self.rencana, 155, 23, "baris-salinan")?.rowAnchor, "t2-1-06-01-2-08-0004")
        XCTAssertEqual(at(Self.evaluasi, 251, 25, "satuan-indikator")?.figure("indikator menghitung"), "dokumen")
        // 12.3 repeats 12.1's 1543 of 2000.
        XCTAssertTrue(at(Self.evaluasi, 567, 26, "baris-salinan")?.message.contains("sub kegiatan 12.1") ?? false)
        // 17.3 counts families with a target in reports.
        XCTAssertEqual(at(Self.evaluasi, 839, 25, "satuan-indikator")?.figure("indikator menghitung"), "keluarga")
        // Kegiatan 2.'s 66,67% is not the average of its sub kegiatan, unlike the other "ketercapaian" kegiatan.
        let parent = at(Self.evaluasi, 79, 21, "persen-induk")
        XCTAssertEqual(parent?.figure("rata-rata anak"), "81,58%")
        XCTAssertTrue(parent?.message.contains("5 dari 6") ?? false)
    }

    func testRevisionAndNames() {
        let name = at(Self.rencana, 447, 19, "nama-berbeda")
        XCTAssertEqual(name?.figure("beda"), "“Bangga” → “Bangsa”")
        XCTAssertEqual(at(Self.rencana, 116, 19, "nama-berbeda")?.figure("beda"), "“Cetakan” → “Cetak”")
        XCTAssertEqual(at(Self.rencana, 377, 23, "nama-berbeda")?.figure("beda"), "“Pemeliharannya” → “Pemeliharaannya”")
        let pagu = at(Self.rencana, 19, 11, "perubahan-pagu")
        XCTAssertEqual(pagu?.severity, .info)
        XCTAssertEqual(pagu?.figure("sebelum (Tabel 1)"), "Rp 3.841.554.000")
        XCTAssertEqual(pagu?.figure("sesudah (Tabel 2)"), "Rp 3.662.369.000")
        XCTAssertEqual(pagu?.figure("perubahan"), "-Rp 179.185.000")
        let target = at(Self.rencana, 181, 25, "perubahan-target")
        XCTAssertEqual(target?.figure("sebelum (Tabel 1)"), "25 unit")
        XCTAssertEqual(target?.figure("sesudah (Tabel 2)"), "43 unit")
        XCTAssertEqual(ds.coded("hanya-di-tabel").count, 0)
    }

    func testDocumentFigures() throws {
        let figures = DocumentFacts(try site.documents[0]).figures
        XCTAssertEqual(figures.evaluation?.total(.pagu), Rupiah(13_036_773_000))
        XCTAssertEqual(figures.plan?.total(.pagu), Rupiah(12_460_916_000))
        XCTAssertEqual(figures.evaluation?.total(.realisasi), Rupiah(3_700_827_788))
        XCTAssertNil(figures.evaluation?.subKegiatanTotal[.realisasi]?.value) // 9.1 is malformed
        XCTAssertEqual(figures.evaluation?.subKegiatanTotal[.realisasi]?.unreadable, ["t1-9-1"])
        XCTAssertEqual(figures.plan.map { [$0.rows(.program), $0.rows(.kegiatan), $0.rows(.subKegiatan)] }, [9, 17, 53])
        XCTAssertEqual(figures.placeholder("pagu_total"), .success("Rp 12.460.916.000"))
        XCTAssertEqual(figures.placeholder("pagu_total_evaluasi"), .success("Rp 13.036.773.000"))
        XCTAssertEqual(figures.placeholder("perubahan_pagu_total"), .success("-Rp 575.857.000"))
        XCTAssertEqual(figures.placeholder("persen_realisasi_total"), .success("28,39%"))
        XCTAssertEqual(figures.placeholder("jumlah_kegiatan_terbilang"), .success("tujuh belas"))
    }
}
