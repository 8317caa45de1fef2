import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaFacts
@testable import RenjaRender

/// The facts behind the readable tables and honest charts, and what the table pages carry for the
/// table script: the period's pace, which achievements compare, each change counted once, sort keys
/// that are the stated figures, one row group with a permalink per row, no scrolling wrapper.
final class TableLayoutTests: XCTestCase {
    func testThePaceIsTheShareOfTheYearThePeriodCovers() {
        XCTAssertEqual(EvaluationPeriod(quarter: 2, year: 2024).pacePercent, 50)
        XCTAssertEqual(EvaluationPeriod(quarter: 3, year: 2024).pacePercent, 75)
        XCTAssertEqual(EvaluationPeriod(quarter: nil, year: 2023).pacePercent, 100)
        XCTAssertEqual(ProgramPage.roundPercent(50), "50%")
        XCTAssertEqual(ProgramPage.roundPercent(37.5), "37,5%")
        XCTAssertEqual(ProgramPage.roundPercent(100), "100%")
    }

    func testAchievementIsComparedOnlyInOneUnitAndJudgedAgainstThePace() throws {
        let site = try RepoPaths.loadRealSite()
        let facts = DocumentFacts(site.documents[0])
        let period = try XCTUnwrap(facts.profile.period)
        XCTAssertEqual(period.pacePercent, 50, "Triwulan II")
        var compared = 0, incomparable = 0
        for item in site.documents[0].evaluation!.allItems {
            for (i, ind) in item.indicators.enumerated() {
                let f = try XCTUnwrap(facts.indicator(item, i))
                if let v = f.comparableAchievement {
                    compared += 1
                    XCTAssertTrue(f.unitsComparable)
                    XCTAssertEqual(f.behindPace(period), v < 50, ind.name.value)
                    XCTAssertEqual(f.behindPace(nil), v < 100, "no period: the whole year")
                } else {
                    incomparable += 1
                    XCTAssertNil(f.behindPace(period))
                }
            }
        }
        XCTAssertGreaterThan(compared, 50)
        XCTAssertGreaterThan(incomparable, 0, "the document has targets and capaian in different units")
        // 950 keluarga against 484 orang: a stated percentage, but nothing to compare.
        let pair = site.documents[0].evaluation!.allItems.flatMap { item in item.indicators.indices.map { (item, $0) } }
            .first { item, i in
                let ind = item.indicators[i]
                return ind.target?.value.value?.normalizedUnit != ind.actual?.value.value?.normalizedUnit
                    && ind.target?.value.value != nil && ind.actual?.value.value != nil && ind.stated?.value.value != nil
            }
        let (item, i) = try XCTUnwrap(pair)
        XCTAssertNotNil(facts.indicator(item, i)?.shown, "the page still prints the stated percentage in the table")
        XCTAssertNil(facts.indicator(item, i)?.comparableAchievement, "but the chart does not set it against the target")
    }

    func testEachChangeIsCountedOnceOnTheRowsThatCarryTheMoney() throws {
        let site = try RepoPaths.loadRealSite()
        let facts = DocumentFacts(site.documents[0])
        let changes = facts.changes
        XCTAssertFalse(changes.leaves.isEmpty)
        XCTAssertTrue(changes.leaves.allSatisfy { $0.level != .program })
        XCTAssertLessThan(changes.leaves.count, changes.items.count, "kegiatan with sub kegiatan are context, not changes")
        let leafSum = changes.leaves.reduce(Rupiah.zero) { $0 + ($1.difference ?? .zero) }
        let total = try XCTUnwrap(facts.plan?.total(.pagu)) - XCTUnwrap(facts.evaluation?.total(.pagu))
        XCTAssertEqual(leafSum, total)
        // A sub kegiatan knows its program and kegiatan.
        let sub = try XCTUnwrap(changes.leaves.first { $0.level == .subKegiatan })
        XCTAssertEqual(sub.parents.map(\.level), [.program, .kegiatan])
    }

    func testSortKeysArePlainFixedDecimals() {
        XCTAssertEqual(SortKey.decimal(42.23), "42.2300")
        XCTAssertEqual(SortKey.decimal(-7.27), "-7.2700")
        XCTAssertEqual(SortKey.decimal(0.00005), "0.0001")
        XCTAssertEqual(SortKey.decimal(nil), "")
        XCTAssertEqual(SortKey.decimal(.infinity), "")
    }

    func testTablePagesCarryOneRowGroupWithSortKeysAndAPermalinkPerRow() throws {
        let out = RepoPaths.temporaryFolder("tables").appendingPathComponent("Public")
        var options = BuildOptions(content: RepoPaths.content, contentDisplay: "Content",
                                   templates: RepoPaths.templates, templatesDisplay: "Templates", output: out, search: false)
        options.alwaysShowFindings = true
        let result = try Builder.build(options)
        let doc = result.site.documents[0]
        let html = try String(contentsOf: out.appendingPathComponent("\(doc.slug)/tabel/evaluasi/index.html"), encoding: .utf8)
        let table = try XCTUnwrap(SiteFeatureTests.between(html, "<table class=\"tabel-data tabel-renja tabel-butir\"", "</table>"))
        XCTAssertFalse(html.contains("gulir-tabel\" role=\"region\" aria-label=\"Tabel 1"), "no sideways-scrolling wrapper (it would break the sticky header)")
        let items = doc.evaluation!.allItems
        XCTAssertEqual(table.components(separatedBy: "<tbody class=\"butir ").count - 1, items.count)
        XCTAssertEqual(table.components(separatedBy: "class=\"tautan-baris\"").count - 1, items.count)
        // Document order and the stated pagu, as plain numbers.
        XCTAssertEqual(SiteFeatureTests.attributes("data-urutan", in: table), items.indices.map(String.init))
        XCTAssertEqual(SiteFeatureTests.attributes("data-pagu", in: table),
                       items.map { $0.pagu?.value.value.map { String($0.value) } ?? "" })
        let facts = DocumentFacts(doc)
        XCTAssertEqual(SiteFeatureTests.attributes("data-capaian", in: table),
                       items.map { SortKey.decimal(facts.item($0)?.indicators.lazy.compactMap { $0.shown?.value }.first) })
        // Codes are whole: no <wbr> or break inside a number, and the stylesheet keeps them on one line.
        XCTAssertFalse(table.contains("<wbr>"))
        let css = try String(contentsOf: RepoPaths.templates.appendingPathComponent("assets/style.css"), encoding: .utf8)
        XCTAssertTrue(css.contains(".kunci {") && css.components(separatedBy: ".kunci {")[1].prefix(200).contains("white-space: nowrap"))
    }
}
