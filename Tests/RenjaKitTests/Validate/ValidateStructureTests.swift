import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaChecks

/// `nomor-urut`, `nomor-format`, `nomor-ganda`, `kode-format`, `kode-tidak-bersarang`, `kode-ganda`.
final class ValidateStructureTests: XCTestCase {
    func testNumberingGap() throws {
        var f = ContentFixture()
        f.replace("no: \"1.2\"", with: "no: \"1.3\"")
        let ds = try f.run()
        let d = ds.only("nomor-urut")
        XCTAssertEqual(d?.severity, .peringatan)
        XCTAssertEqual(d?.location, f.location(of: "\"1.3\""))
        XCTAssertEqual(d?.location?.description, "Content/uji/tabel/evaluasi.yaml:35:17")
        XCTAssertEqual(d?.figure("tertulis"), "1.3")
        XCTAssertEqual(d?.figure("diharapkan"), "1.2")
        XCTAssertTrue(d?.message.hasPrefix("nomor 1.2 terlewat") ?? false, d?.message ?? "")
        XCTAssertTrue(d?.notes.first?.contains("kemungkinan hanya penomorannya yang melompat") ?? false)
    }

    func testKegiatanNumberingMayRestartInEachProgram() throws {
        var f = ContentFixture()
        f.replace("no: \"3.\"", with: "no: \"1.\"")
        f.replace("no: \"3.1\"", with: "no: \"1.1\"")
        let ds = try f.run()
        ds.expectNone("nomor-urut")
        // …but then two kegiatan share `1.` in the table.
        XCTAssertEqual(ds.coded("nomor-ganda").count, 2)
    }

    func testProgramGapAndSubUnderTheWrongKegiatan() throws {
        var f = ContentFixture()
        f.replace("no: \"II\"", with: "no: \"III\"")
        f.replace("no: \"2.1\"", with: "no: \"3.1\"", occurrence: 1)
        let ds = try f.run()
        let gaps = ds.coded("nomor-urut")
        XCTAssertEqual(gaps.count, 2, gaps.map(DiagnosticPrinter.short).joined(separator: "\n"))
        XCTAssertEqual(gaps.first { $0.location == f.location(of: "\"III\"") }?.figure("diharapkan"), "II")
        let misplaced = gaps.first { $0.location == f.location(of: "\"3.1\"", occurrence: 1) }
        XCTAssertEqual(misplaced?.figure("diharapkan"), "2.1")
    }

    func testConsistentNumberingIsQuiet() throws {
        let ds = try ContentFixture().run()
        for code in ["nomor-urut", "nomor-format", "nomor-ganda", "kode-format", "kode-tidak-bersarang", "kode-ganda"] {
            ds.expectNone(code)
        }
    }

    func testNumberWrittenUnlikeTheOthersOfItsLevel() throws {
        var f = ContentFixture()
        f.replace("no: \"3.\"", with: "no: \"3\"")
        let ds = try f.run()
        let d = ds.only("nomor-format")
        XCTAssertEqual(d?.severity, .peringatan)
        XCTAssertEqual(d?.location, f.location(of: "\"3\""))
        XCTAssertEqual(d?.figure("tertulis"), "3")
        XCTAssertEqual(d?.figure("diharapkan"), "3.")
        ds.expectNone("nomor-urut")
    }

    func testUnreadableNumber() throws {
        var f = ContentFixture()
        f.replace("no: \"2.1\"", with: "no: \"2.a\"")
        let d = try f.run().only("nomor-format")
        XCTAssertEqual(d?.location, f.location(of: "\"2.a\""))
    }

    func testDuplicateNumber() throws {
        var f = ContentFixture()
        f.replace("no: \"1.2\"", with: "no: \"1.1\"")
        let ds = try f.run()
        let d = ds.only("nomor-ganda")
        XCTAssertEqual(d?.severity, .galat)
        XCTAssertEqual(d?.location, f.location(of: "\"1.1\"", occurrence: 2))
        XCTAssertEqual(d?.figure("dipakai juga di"), f.location(of: "\"1.1\"").description)
        XCTAssertEqual(d?.rowAnchor, "t1-1-1-2")
        ds.expectNone("nomor-urut")
        // The first row keeps its own place, in every form the finding is printed.
        let first = f.location(of: "\"1.1\"")
        XCTAssertEqual(d?.related, [Diagnostic.Label(first, "nomor ini dipakai pertama kali di sini")])
        let json = try JSONSerialization.jsonObject(with: Data(DiagnosticPrinter.json([try XCTUnwrap(d)]).utf8)) as! [[String: Any]]
        let related = try XCTUnwrap(json.first?["related"] as? [[String: Any]])
        XCTAssertEqual(related.first?["file"] as? String, first.file)
        XCTAssertEqual(related.first?["line"] as? Int, first.line)
        XCTAssertEqual(related.first?["column"] as? Int, first.column)
        let text = f.files[ContentFixture.evaluation]
        let rich = DiagnosticPrinter.rich(try XCTUnwrap(d), source: { _ in text })
        XCTAssertTrue(rich.contains("= nomor ini dipakai pertama kali di sini: \(first)"), rich)
        XCTAssertTrue(rich.contains("- nomor ini dipakai pertama kali di sini"), "the related line is quoted with its mark: \(rich)")
    }

    func testMalformedCode() throws {
        var f = ContentFixture()
        f.replace("\"1.06.01.2.01.0002\"", with: "\"1.06.01.2.01.002\"", in: ContentFixture.plan)
        let ds = try f.run()
        let d = ds.only("kode-format")
        XCTAssertEqual(d?.severity, .galat)
        XCTAssertEqual(d?.location, f.location(of: "\"1.06.01.2.01.002\"", in: ContentFixture.plan))
        XCTAssertEqual(d?.figure("diharapkan"), "bentuk seperti 1.06.01.2.01.0001 atau 2.16.01.01.01")
        ds.expectNone("kode-tidak-bersarang")
    }

    func testSharedProgramCodesAreWellFormed() throws {
        var f = ContentFixture()
        f.replace("\"1.06.01\"", with: "\"X.XX.01\"", in: ContentFixture.plan)
        f.replace("\"1.06.01.2.01\"", with: "\"X.XX.01.2.01\"", in: ContentFixture.plan)
        f.replace("\"1.06.01.2.01.0001\"", with: "\"X.XX.01.2.01.0001\"", in: ContentFixture.plan)
        f.replace("\"1.06.01.2.01.0002\"", with: "\"X.XX.01.2.01.0002\"", in: ContentFixture.plan)
        f.replace("\"1.06.01.2.02\"", with: "\"X.XX.01.2.02\"", in: ContentFixture.plan)
        f.replace("\"1.06.01.2.02.0001\"", with: "\"X.XX.01.2.02.0001\"", in: ContentFixture.plan)
        XCTAssertEqual(try f.run().map(DiagnosticPrinter.short), [])
    }

    func testCodeThatDoesNotNest() throws {
        var f = ContentFixture()
        f.replace("\"1.06.01.2.02.0001\"", with: "\"1.06.01.2.03.0001\"", in: ContentFixture.plan)
        let ds = try f.run()
        let d = ds.only("kode-tidak-bersarang")
        XCTAssertEqual(d?.severity, .galat)
        XCTAssertEqual(d?.location, f.location(of: "\"1.06.01.2.03.0001\"", in: ContentFixture.plan))
        XCTAssertEqual(d?.figure("diharapkan"), "1.06.01.2.02.…")
        XCTAssertEqual(d?.programKey, "program-uji-pertama")
    }

    func testDuplicateCode() throws {
        var f = ContentFixture()
        f.replace("\"1.06.01.2.01.0002\"", with: "\"1.06.01.2.01.0001\"", in: ContentFixture.plan)
        let d = try f.run().only("kode-ganda")
        XCTAssertEqual(d?.severity, .galat)
        XCTAssertEqual(d?.location, f.location(of: "\"1.06.01.2.01.0001\"", in: ContentFixture.plan, occurrence: 2))
    }

    func testRomanNumerals() {
        XCTAssertEqual(StructureChecks.romanValue("IX"), 9)
        XCTAssertEqual(StructureChecks.romanValue("XIV"), 14)
        XCTAssertNil(StructureChecks.romanValue("IIII"))
        XCTAssertEqual(StructureChecks.roman(17), "XVII")
    }
}
