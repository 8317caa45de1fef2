import XCTest
@testable import RenjaKit

/// The real document in `Content/` loads completely and says what the source says.
final class ContentLoadingTests: XCTestCase {
    func testRealContentHasTheSourceStructure() throws {
        let site = try RepoPaths.loadRealSite()
        XCTAssertEqual(site.documents.map(\.slug), ["renja-perubahan-2024"])
        let doc = try XCTUnwrap(site.documents.first)
        XCTAssertEqual(doc.year.value, 2024)
        XCTAssertEqual(doc.chapters.map(\.displayTitle).first, "Kata Pengantar")
        XCTAssertEqual(doc.chapters.compactMap(\.number), ["I", "II", "III", "IV"])
        for table in [try XCTUnwrap(doc.evaluation), try XCTUnwrap(doc.plan)] {
            XCTAssertEqual(table.items(at: .program).count, 9, table.file)
            XCTAssertEqual(table.items(at: .kegiatan).count, 17, table.file)
            XCTAssertEqual(table.items(at: .subKegiatan).count, 53, table.file)
            XCTAssertEqual(table.allItems.reduce(0) { $0 + $1.indicators.count }, 81, table.file)
            XCTAssertEqual(table.programs[0].indicators.count, 3, table.file)
        }
    }

    /// Counts of the source's rows, computed from the source text itself: Tabel 1's numbered
    /// rows and Tabel 2's nomenclature codes.
    func testCountsMatchTheSourceText() throws {
        let seed = try SeedDocument()
        let doc = try XCTUnwrap(RepoPaths.loadRealSite().documents.first)
        XCTAssertEqual(doc.evaluation!.allItems.count, seed.tabel1Rows.count)
        XCTAssertEqual(doc.plan!.allItems.count, seed.tabel2Rows.count)
        XCTAssertEqual(doc.evaluation!.allItems.compactMap { $0.number?.value }, seed.tabel1Rows.map { $0[0] })
        XCTAssertEqual(doc.plan!.allItems.compactMap { $0.code?.value }, seed.tabel2Rows.map { $0[0] })
    }

    /// A sample of rows compared cell by cell against the source's tab-separated lines.
    func testSampleFiguresMatchTheSourceText() throws {
        let seed = try SeedDocument()
        let doc = try XCTUnwrap(RepoPaths.loadRealSite().documents.first)
        let t1 = Dictionary(doc.evaluation!.allItems.map { ($0.number!.value, $0) }, uniquingKeysWith: { a, _ in a })
        for number in ["I", "1.3", "4.6", "9.1", "11.2", "13", "13.2", "16.3", "VIII", "17.3"] {
            let cells = try XCTUnwrap(seed.tabel1Rows.first { $0[0] == number }, number)
            let item = try XCTUnwrap(t1[number], number)
            XCTAssertTrue(cells[1].hasPrefix(item.name.value) || item.name.value.hasPrefix(cells[1]), number)
            XCTAssertEqual(item.indicators[0].target?.value.raw, cells[3], number)
            XCTAssertEqual(item.indicators[0].actual?.value.raw, cells[4], number)
            XCTAssertEqual(item.indicators[0].stated?.value.raw, cells[5], number)
            XCTAssertEqual(item.pagu?.value.raw, cells[6], number)
            XCTAssertEqual(item.realisasi?.value.raw, cells[7], number)
            XCTAssertEqual(item.statedAbsorption?.value.raw, cells[8], number)
        }
        let t2 = Dictionary(doc.plan!.allItems.map { ($0.code!.value, $0) }, uniquingKeysWith: { a, _ in a })
        for code in ["1.06.01", "1.06.01.2.06.0002", "1.06.04.2.02.0005", "2.14.03.2.03.0006", "2.14.04.2.02.0006"] {
            let cells = try XCTUnwrap(seed.tabel2Rows.first { $0[0] == code }, code)
            let item = try XCTUnwrap(t2[code], code)
            XCTAssertEqual(item.indicators[0].target?.value.raw, cells[3], code)
            XCTAssertEqual(item.pagu?.value.raw, cells[4], code)
        }
        // The malformed amount is kept as written, not silently repaired.
        XCTAssertEqual(t1["9.1"]?.realisasi?.value.raw, "160.427.6000")
        XCTAssertEqual(t1["9.1"]?.realisasi?.value.problem, .badGrouping)
    }

    func testValuesKeepTheirSourcePositions() throws {
        let doc = try XCTUnwrap(RepoPaths.loadRealSite().documents.first)
        let item = try XCTUnwrap(doc.evaluation!.allItems.first { $0.number?.value == "9.1" })
        let loc = try XCTUnwrap(item.realisasi?.location)
        XCTAssertEqual(loc.file, "Content/renja-perubahan-2024/tabel/evaluasi.yaml")
        let line = try String(contentsOf: RepoPaths.content.appendingPathComponent("renja-perubahan-2024/tabel/evaluasi.yaml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)[loc.line - 1]
        let fromColumn = line.dropFirst(loc.column - 1)
        XCTAssertTrue(fromColumn.hasPrefix("160.427.6000"), String(line))
    }
}

/// The source text's tables, read straight from the seed file: rows that start with a Tabel 1
/// number (I, 1., 1.1, 13) or a Tabel 2 code, split on tabs.
struct SeedDocument {
    var tabel1Rows: [[String]] = []
    var tabel2Rows: [[String]] = []

    init() throws {
        let text = try String(contentsOf: RepoPaths.seed, encoding: .utf8)
        var section = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("Tabel 1. Evaluasi") { section = 1 }
            if line.hasPrefix("II.2 ") { section = 0 }
            if line.hasPrefix("Tabel 2. Rencana") { section = 2 }
            if line.hasPrefix("BAB IV") { section = 0 }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count > 3, let first = cells.first, !first.isEmpty, first != "No." else { continue }
            if section == 1 { tabel1Rows.append(cells) }
            if section == 2 { tabel2Rows.append(cells) }
        }
    }
}
