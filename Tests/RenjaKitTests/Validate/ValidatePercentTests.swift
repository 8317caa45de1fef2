import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaFacts

/// `persen-realisasi`, `persen-capaian`, `persen-tidak-wajar`, `arah-tidak-diketahui`.
final class ValidatePercentTests: XCTestCase {
    // MARK: persen-realisasi

    func testAbsorptionThatDoesNotFollowFromPaguAndRealisasi() throws {
        var f = ContentFixture()
        f.replace("57.14%", with: "57.41%")
        let ds = try f.run()
        let d = ds.only("persen-realisasi")
        XCTAssertEqual(d?.severity, .galat)
        XCTAssertEqual(d?.location, f.location(of: "57.41%"))
        XCTAssertEqual(d?.location?.description, "Content/uji/tabel/evaluasi.yaml:44:31")
        XCTAssertEqual(d?.figure("tertulis"), "57,41%")
        XCTAssertEqual(d?.figure("dihitung"), "57,14%")
        XCTAssertEqual(d?.figure("selisih"), "0,27 poin persen")
        XCTAssertEqual(d?.figure("rumus"), "realisasi Rp 200.000 ÷ pagu Rp 350.000 × 100")
        XCTAssertEqual(d?.rowAnchor, "t1-1-2")
        XCTAssertEqual(d?.programKey, "program-uji-pertama")
    }

    func testAbsorptionWrittenWithFewerDecimalsOrTruncatedIsAccepted() throws {
        for written in ["57.1%", "57%", "57.14 persen", "57,14%", "57.15%"] {
            var f = ContentFixture()
            f.replace("57.14%", with: written)
            let ds = try f.run()
            XCTAssertEqual(ds.map(DiagnosticPrinter.short), [], written)
        }
    }

    func testAbsorptionRoundedToOneDecimalIsAWarning() throws {
        var f = ContentFixture()
        f.replace("57.14%", with: "57.10%")
        let d = try f.run().only("persen-realisasi")
        XCTAssertEqual(d?.severity, .peringatan)
        XCTAssertEqual(d?.location, f.location(of: "57.10%"))
        XCTAssertEqual(d?.figure("dihitung"), "57,14%")
    }

    // MARK: persen-capaian

    func testAchievementOfAHigherIsBetterIndicator() throws {
        var f = ContentFixture()
        f.replace("capaian: 5 orang", with: "capaian: 6 orang")
        let ds = try f.run()
        let d = ds.only("persen-capaian")
        XCTAssertEqual(d?.severity, .galat)
        XCTAssertEqual(d?.location, f.location(of: "50 persen", after: "capaian: 6 orang"))
        XCTAssertEqual(d?.location?.description, "Content/uji/tabel/evaluasi.yaml:62:25")
        XCTAssertEqual(d?.figure("tertulis"), "50,00%")
        XCTAssertEqual(d?.figure("dihitung"), "60,00%")
        XCTAssertEqual(d?.figure("selisih"), "10,00 poin persen")
        XCTAssertEqual(d?.figure("target"), "10 orang")
        XCTAssertEqual(d?.figure("capaian"), "6 orang")
        XCTAssertEqual(d?.rowAnchor, "t1-2-1")
    }

    func testStated100WithCapaianZeroSaysSo() throws {
        var f = ContentFixture()
        f.replace("capaian: 5 orang\n                persen: 50 persen", with: "capaian: 0 orang\n                persen: 100 persen")
        let d = try f.run().only("persen-capaian")
        XCTAssertEqual(d?.figure("dihitung"), "0,00%")
        XCTAssertTrue(d?.notes.contains("persen 100,00% tertulis padahal capaiannya 0") ?? false, "\(d?.notes ?? [])")
    }

    func testLowerIsBetterUsesTheDocumentsFormula() throws {
        // target 10, capaian 8: target/capaian = 125; (2*target-capaian)/target = 120.
        var f = ContentFixture()
        f.replace("capaian: 10 persen\n        persen: 100 persen", with: "capaian: 8 persen\n        persen: 125 persen")
        var ds = try f.run()
        ds.expectNone("persen-capaian")
        XCTAssertEqual(ds.only("capaian-melebihi-target")?.severity, .info)

        f.files[ContentFixture.metadata]! += "\nvalidasi:\n  rumus_capaian_turun: (2*target-capaian)/target\n"
        ds = try f.run()
        let d = ds.only("persen-capaian")
        XCTAssertEqual(d?.location, f.location(of: "125 persen"))
        XCTAssertEqual(d?.figure("dihitung"), "120,00%")
        XCTAssertEqual(d?.figure("rumus"), "(2 × target − capaian) ÷ target × 100 (arah turun, makin rendah makin baik)")
        XCTAssertTrue(d?.notes.contains { $0.contains("cocok dengan rumus target ÷ capaian × 100") && $0.contains("rumus_capaian_turun") } ?? false,
                      "\(d?.notes ?? [])")
    }

    func testDeclaredDirectionWinsOverWording() throws {
        // Declared `naik`, the "Penurunan" indicator is computed as capaian/target = 80.
        var f = ContentFixture()
        f.replace("capaian: 10 persen\n        persen: 100 persen", with: "capaian: 8 persen\n        persen: 125 persen\n        arah: naik")
        let d = try f.run().only("persen-capaian")
        XCTAssertEqual(d?.figure("dihitung"), "80,00%")
        XCTAssertTrue(d?.notes.contains { $0.contains("tulis `arah: turun`") } ?? false, "\(d?.notes ?? [])")
    }

    func testPercentRoundedToOneDecimalIsAWarning() throws {
        // 14 / 11.52 = 121,527…: `121.50` agrees only at one decimal.
        var f = ContentFixture()
        f.replace("target: 10 persen\n        capaian: 10 persen\n        persen: 100 persen",
                  with: "target: 14 persen\n        capaian: 11.52 persen\n        persen: 121.50 persen")
        f.replace("target: 10 persen\n    pagu", with: "target: 14 persen\n    pagu", in: ContentFixture.plan)
        let ds = try f.run()
        let d = ds.only("persen-capaian")
        XCTAssertEqual(d?.severity, .peringatan)
        XCTAssertEqual(d?.location, f.location(of: "121.50 persen"))
        XCTAssertEqual(d?.figure("dihitung"), "121,53%")
    }

    // MARK: persen-tidak-wajar

    func testLowerIsBetterWithCapaianZeroCannotBeComputed() throws {
        var f = ContentFixture()
        f.replace("capaian: 10 persen\n        persen: 100 persen", with: "capaian: 0 persen\n        persen: 0 persen")
        let ds = try f.run()
        let d = ds.only("persen-tidak-wajar")
        XCTAssertEqual(d?.severity, .peringatan)
        XCTAssertEqual(d?.location, f.location(of: "0 persen", after: "capaian: 0 persen\n        persen: "))
        XCTAssertEqual(d?.location?.description, "Content/uji/tabel/evaluasi.yaml:72:17")
        XCTAssertEqual(d?.figure("target"), "10 persen")
        XCTAssertTrue(d?.notes.contains { $0.contains("hasilnya 200,00%") } ?? false)
        ds.expectNone("persen-capaian")
        ds.expectNone("capaian-melebihi-target")
    }

    func testAbsorptionWithoutPaguIsNotPlausible() throws {
        var f = ContentFixture()
        // Sub kegiatan 2.1 (Tabel 1 only) gets pagu 0 but keeps its realisasi and percentage.
        f.replace("pagu: 400.000\n            realisasi: 100.000", with: "pagu: 0\n            realisasi: 100.000")
        let ds = try f.run()
        let d = ds.only("persen-tidak-wajar")
        XCTAssertEqual(d?.location, f.location(of: "25.00%", occurrence: 2))
        XCTAssertEqual(d?.figure("pagu"), "Rp 0")
        XCTAssertEqual(d?.severity, .peringatan)
        ds.expectNone("persen-realisasi")
        // Spending on a pagu of 0 in Tabel 1 (reported once, as spending without pagu); the revised
        // pagu of Tabel 2 still covers it.
        XCTAssertEqual(ds.only("realisasi-tanpa-pagu")?.location, f.location(of: "100.000", after: "pagu: 0\n            realisasi: "))
        ds.expectNone("realisasi-melebihi-pagu")
    }

    func testNegativePercentIsNotPlausible() throws {
        var f = ContentFixture()
        f.replace("57.14%", with: "-57.14%")
        let d = try f.run().only("persen-tidak-wajar")
        XCTAssertEqual(d?.severity, .galat)
        XCTAssertEqual(d?.location, f.location(of: "-57.14%"))
    }

    // MARK: arah-tidak-diketahui

    func testDirectionThatCannotBeInferredIsAnInfo() throws {
        var f = ContentFixture()
        f.replace("Penurunan angka kasus uji", with: "Rata-rata lama tinggal uji")
        f.replace("Penurunan angka kasus uji", with: "Rata-rata lama tinggal uji", in: ContentFixture.plan)
        let ds = try f.run()
        let d = ds.only("arah-tidak-diketahui")
        XCTAssertEqual(d?.severity, .info)
        XCTAssertEqual(d?.location, f.location(of: "Rata-rata lama tinggal uji"))
        XCTAssertEqual(d?.figure("dianggap"), "naik")
        XCTAssertEqual(d?.rowAnchor, "t1-ii")
    }

    func testDeclaredDirectionSilencesTheInfo() throws {
        var f = ContentFixture()
        f.replace("Penurunan angka kasus uji", with: "Rata-rata lama tinggal uji")
        f.replace("Penurunan angka kasus uji", with: "Rata-rata lama tinggal uji", in: ContentFixture.plan)
        f.replace("persen: 100 persen", with: "persen: 100 persen\n        arah: naik")
        XCTAssertEqual(try f.run().map(DiagnosticPrinter.short), [])
    }

    func testDirectionInferenceFromWording() {
        XCTAssertEqual(DirectionInference.infer("Penurunan angka perkawinan di bawah 21 Tahun").direction, .turun)
        XCTAssertEqual(DirectionInference.infer("Unmeet need KB").direction, .turun)
        XCTAssertEqual(DirectionInference.infer("Unmet need KB").direction, .turun)
        XCTAssertEqual(DirectionInference.infer("Persentase Angka kelahiran Remaja umur 15-19 tahun (ASFR 15-19)").direction, .turun)
        XCTAssertEqual(DirectionInference.infer("Persentase keluarga miskin yang memperoleh perlindungan").direction, .naik)
        XCTAssertEqual(DirectionInference.infer("Cakupan Pemantauan Data").reason, .wording("cakupan"))
        XCTAssertEqual(DirectionInference.infer("Rata-rata lama tinggal").reason, .assumed)
    }

    func testPercentAgreementRules() {
        XCTAssertEqual(PercentAgreement.compare(stated: 42.23, raw: "42.23", computed: 42.225), .agrees)
        XCTAssertEqual(PercentAgreement.compare(stated: 50, raw: "50 persen", computed: 50.4), .agrees)
        XCTAssertEqual(PercentAgreement.compare(stated: 50, raw: "50 persen", computed: 50.9), .agrees) // truncated
        XCTAssertEqual(PercentAgreement.compare(stated: 50, raw: "50 persen", computed: 51.2), .differs)
        XCTAssertEqual(PercentAgreement.compare(stated: 39.65, raw: "39.65%", computed: 39.613), .differs)
        XCTAssertEqual(PercentAgreement.compare(stated: 121.5, raw: "121.50 persen", computed: 121.527), .agreesAtOneDecimal)
        XCTAssertEqual(Wording.decimalsWritten("2.000"), 0)
    }
}
