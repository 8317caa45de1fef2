import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaFacts
@testable import RenjaRender

/// Charts, the Perubahan page, open data, the print version, search and metadata.
final class SiteFeatureTests: XCTestCase {
    static var built: (output: URL, result: BuildResult)?

    func buildReal() throws -> (URL, BuildResult) {
        if let b = SiteFeatureTests.built { return b }
        let out = RepoPaths.temporaryFolder("features").appendingPathComponent("Public")
        // As staff see it: the findings on the site (as with `validasi_publik: ya`).
        var options = BuildOptions(content: RepoPaths.content, contentDisplay: "Content",
                                   templates: RepoPaths.templates, templatesDisplay: "Templates", output: out, search: true).isolated()
        options.alwaysShowFindings = true
        let result = try Builder.build(options)
        SiteFeatureTests.built = (out, result)
        return (out, result)
    }

    func page(_ out: URL, _ path: String) throws -> String {
        try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)
    }

    static let programPath = "renja-perubahan-2024/program/program-penunjang-urusan-pemerintahan-daerah-kabupaten-kota/index.html"

    // MARK: Charts

    func testChartIsWellFormedSVGWithProportionalBarsAndTextAlternative() throws {
        let chart = BarChart(id: "uji", title: "Judul <uji>", description: "Uraian & angka",
                             series: [.init(name: "Capaian", key: "capaian")],
                             groups: [.init(label: "Setengah", bars: [.init(value: 50, valueText: "50,00%", tone: BarChart.hatchedTone)]),
                                      .init(label: "Penuh", bars: [.init(value: 100, valueText: "100,00%")]),
                                      .init(label: "Lebih", bars: [.init(value: 300, valueText: "300,00%")]),
                                      .init(label: "Kosong", bars: [.init(value: nil, valueText: "tertulis x")])],
                             scaleMax: 150, references: [(100, "Target 100%")])
        let svg = chart.svg
        let parsed = try SVGSummary(svg)
        XCTAssertEqual(parsed.root["role"], "img")
        XCTAssertEqual(parsed.root["aria-labelledby"], "uji-judul uji-uraian")
        XCTAssertTrue(svg.contains("<title id=\"uji-judul\">Judul &lt;uji&gt;</title>"), "the chart's own title (each group has one too)")
        XCTAssertEqual(parsed.texts["desc"], "Uraian & angka")
        // Bars: 50 of 150 → a third of the 68% track; 100 → two thirds; 300 is capped at the track end.
        let bars = parsed.rects.filter { ($0["class"] ?? "").contains("grafik-batang") }.map { $0["width"] ?? "" }
        XCTAssertEqual(bars, ["22.67%", "45.33%", "68.00%"])
        XCTAssertTrue(svg.contains("»"), "a value beyond the scale is marked")
        XCTAssertTrue(svg.contains("tertulis x"), "a malformed value is printed as written, with no bar")
        XCTAssertEqual(parsed.lines.count, 4, "one reference tick per bar")
        // A bar behind is hatched (a pattern of this chart's own) and marked, not told by colour alone.
        XCTAssertTrue(svg.contains("<pattern id=\"uji-arsir\""))
        XCTAssertTrue(svg.contains("style=\"fill:url(#uji-arsir)\""))
        XCTAssertTrue(svg.contains("▼ 50,00%"))
        // Every label is whole, in the text and as the group's tooltip.
        XCTAssertTrue(svg.contains("<g class=\"grafik-kelompok\"><title>Setengah</title>"))
        XCTAssertEqual(chart.svg, svg, "deterministic")
    }

    func testChartLabelsWrapAtWordsAndScalesAreRound() {
        XCTAssertEqual(BarChart.wrap("satu dua tiga empat", width: 9, maxLines: 3), ["satu dua", "tiga", "empat"])
        let long = BarChart.wrap(String(repeating: "kata ", count: 40), width: 10, maxLines: 2)
        XCTAssertEqual(long.count, 2)
        XCTAssertTrue(long[1].hasSuffix("…"))
        XCTAssertEqual(BarChart.percentScale([10, 99]), 100)
        XCTAssertEqual(BarChart.percentScale([10, 120]), 150)
        XCTAssertEqual(BarChart.percentScale([900]), 150)
        XCTAssertEqual(BarChart.amountScale([3_841_554_000]), 5_000_000_000)
        XCTAssertEqual(BarChart.amountScale([21_606_000, 7_559_000]), 50_000_000)
        XCTAssertEqual(ShortRupiah.format(Rupiah(2_782_843_000)), "Rp 2,78 M")
        XCTAssertEqual(ShortRupiah.format(Rupiah(21_606_000)), "Rp 21,6 jt")
    }

    func testHomeAndProgramPagesCarryChartsWithTheSameFiguresInATable() throws {
        let (out, result) = try buildReal()
        let home = try page(out, "renja-perubahan-2024/index.html")
        let svg = try XCTUnwrap(Self.between(home, "<svg class=\"grafik\"", "</svg>"))
        let doc = result.site.documents[0]
        // Two bars per program (pagu and realisasi, as amounts on one scale), the realisasi labelled
        // with realisasi ÷ pagu as computed from Tabel 1; largest pagu first.
        XCTAssertEqual(svg.components(separatedBy: "grafik-batang").count - 1, 2 * doc.evaluation!.programs.count)
        let byPagu = doc.evaluation!.programs.sorted { $0.pagu!.value.value!.value > $1.pagu!.value.value!.value }
        let titles = svg.components(separatedBy: "<g class=\"grafik-kelompok\"><title>").dropFirst().map { $0.components(separatedBy: "</title>")[0] }
        XCTAssertEqual(titles.count, byPagu.count)
        XCTAssertEqual(titles.first?.uppercased(), byPagu.first?.name.value.uppercased())
        XCTAssertEqual(titles.last?.uppercased(), byPagu.last?.name.value.uppercased())
        for p in doc.evaluation!.programs {
            let share = p.realisasi!.value.value!.percent(of: p.pagu!.value.value!)!.formatted
            XCTAssertTrue(svg.contains(share), "\(p.name.value): \(share) in the chart")
            let table = try XCTUnwrap(Self.between(home, "<details class=\"grafik-angka\" data-pagefind-ignore>", "</details>"))
            XCTAssertTrue(table.contains(share), "\(share) in the chart's table")
        }
        let program = try page(out, Self.programPath)
        XCTAssertTrue(program.contains("id=\"grafik-pagu-program-penunjang-urusan-pemerintahan-daerah-kabupaten-kota-judul\""))
        XCTAssertTrue(program.contains("id=\"grafik-capaian-program-penunjang-urusan-pemerintahan-daerah-kabupaten-kota-judul\""))
        XCTAssertTrue(program.contains("Target 100%"))
        // Triwulan II is judged against half the annual target, and the caption says so.
        XCTAssertTrue(program.contains("Laju triwulan II 50%"))
        XCTAssertTrue(program.contains("50% berarti sesuai jadwal"))
        // Program I's indicators, and its kegiatan and sub kegiatan's: one bar each where target
        // and capaian are in the same unit (the facts say which); the others are listed.
        let item = doc.evaluation!.programs[0]
        let facts = DocumentFacts(doc)
        var comparable = 0, other = 0
        func count(_ i: Item) {
            for k in i.indicators.indices {
                if let v = facts.indicator(i, k)?.comparableAchievement { if v > 0 { comparable += 1 } } else { other += 1 }
            }
            i.children.forEach(count)
        }
        count(item)
        XCTAssertGreaterThan(other, 0, "Program I has an indicator counted in two units")
        let capaian = try XCTUnwrap(Self.between(program, "<svg class=\"grafik\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" height=", "</svg>", skip: 1))
        XCTAssertEqual(capaian.components(separatedBy: "grafik-batang").count - 1, comparable)
        XCTAssertTrue(program.contains("Tidak dibandingkan (\(other))"))
    }

    // MARK: Open data

    func testCSVOpensInIndonesianSpreadsheetsAndItsSumsEqualTheTable() throws {
        let (out, result) = try buildReal()
        let doc = result.site.documents[0]
        let data = try Data(contentsOf: out.appendingPathComponent("renja-perubahan-2024/data/tabel-1-evaluasi.csv"))
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark for Excel")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.contains("\r\n"))
        let rows = CSVReader.parse(text, separator: ";")
        let header = rows[0]
        XCTAssertEqual(header, ["tingkat", "nomor", "program", "kegiatan", "sub_kegiatan", "indikator", "target", "satuan_target",
                                "capaian", "satuan_capaian", "persen_capaian", "pagu", "realisasi", "persen_realisasi", "catatan"])
        let body = rows.dropFirst().filter { $0.count > 1 }
        XCTAssertTrue(body.allSatisfy { $0.count == header.count })
        let col = { (name: String) in header.firstIndex(of: name)! }
        let t = doc.evaluation!
        // One row per indicator.
        XCTAssertEqual(body.count, t.allItems.reduce(0) { $0 + max(1, $1.indicators.count) })
        // Money once per row: the program rows add up to the table's totals.
        let programs = body.filter { $0[col("tingkat")] == "program" }
        let pagu = programs.compactMap { Int64($0[col("pagu")]) }.reduce(0, +)
        let realisasi = programs.compactMap { Int64($0[col("realisasi")]) }.reduce(0, +)
        let facts = try XCTUnwrap(DocumentFacts(result.site.documents[0]).evaluation)
        XCTAssertEqual(pagu, facts.total(.pagu)?.value)
        XCTAssertEqual(realisasi, facts.total(.realisasi)?.value)
        XCTAssertEqual(pagu, 13_036_773_000)
        // Decimal comma, no grouping; each row names its parents.
        let row = try XCTUnwrap(body.first { $0[col("nomor")] == "I" })
        XCTAssertEqual(row[col("persen_capaian")], "42,23")
        let sub = try XCTUnwrap(body.first { $0[col("nomor")] == "1.1" })
        XCTAssertEqual(sub[col("program")], t.programs[0].name.value)
        XCTAssertEqual(sub[col("kegiatan")], t.programs[0].children[0].name.value)
        XCTAssertEqual(sub[col("target")], "2")
        XCTAssertEqual(sub[col("satuan_target")], "dokumen")
        // The malformed realisasi of 9.1 is not guessed: left empty, explained.
        let bad = try XCTUnwrap(body.first { $0[col("nomor")] == "9.1" })
        XCTAssertEqual(bad[col("realisasi")], "")
        XCTAssertTrue(bad[col("catatan")].contains("160.427.6000"), bad[col("catatan")])
    }

    func testCSVFieldsAreQuotedWhenNeeded() {
        XCTAssertEqual(OpenData.field("biasa"), "biasa")
        XCTAssertEqual(OpenData.field("a;b"), "\"a;b\"")
        XCTAssertEqual(OpenData.field("kata \"kutip\""), "\"kata \"\"kutip\"\"\"")
        XCTAssertEqual(OpenData.field("=SUM(A1)"), "\"'=SUM(A1)\"")
        XCTAssertEqual(OpenData.plainDecimal(2000), "2000")
        XCTAssertEqual(OpenData.plainDecimal(42.23), "42,23")
    }

    func testJSONDownloadsParseAndMatchTheTables() throws {
        let (out, result) = try buildReal()
        let doc = result.site.documents[0]
        for kind in TableKind.allCases {
            let data = try Data(contentsOf: out.appendingPathComponent("renja-perubahan-2024/data/tabel-\(kind.number)-\(kind.rawValue).json"))
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            let table = kind == .evaluasi ? doc.evaluation! : doc.plan!
            let total = DocumentFacts(doc).table(kind)?.total(.pagu)?.value
            XCTAssertEqual((json["jumlah_pagu"] as? NSNumber)?.int64Value, total)
            let programs = try XCTUnwrap(json["program"] as? [[String: Any]])
            XCTAssertEqual(programs.count, 9)
            let sum = programs.compactMap { (($0["pagu"] as? [String: Any])?["nilai"] as? NSNumber)?.int64Value }.reduce(0, +)
            XCTAssertEqual(sum, total)
            _ = table
            let kegiatan = try XCTUnwrap(programs[0]["kegiatan"] as? [[String: Any]])
            XCTAssertNotNil(kegiatan[0]["sub_kegiatan"] as? [[String: Any]])
        }
        let whole = try Data(contentsOf: out.appendingPathComponent("renja-perubahan-2024/data/renja-perubahan-2024.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: whole) as? [String: Any])
        XCTAssertEqual((json["bab"] as? [Any])?.count, 5)
        XCTAssertEqual((json["tabel"] as? [Any])?.count, 2)
        XCTAssertEqual((json["perubahan"] as? [Any])?.count, DocumentFacts(doc).changes.all.count)
        // Linked from the table and program pages.
        XCTAssertTrue(try page(out, "renja-perubahan-2024/tabel/evaluasi/index.html").contains("data/tabel-1-evaluasi.csv\" download"))
        XCTAssertTrue(try page(out, Self.programPath).contains("data/tabel-2-rencana.csv\" download"))
    }

    // MARK: Perubahan

    func testPerubahanTotalsEqualTheTablesAndTheNarrative() throws {
        let (out, result) = try buildReal()
        let doc = result.site.documents[0]
        let facts = DocumentFacts(doc)
        let before = try XCTUnwrap(facts.evaluation?.total(.pagu)), after = try XCTUnwrap(facts.plan?.total(.pagu))
        XCTAssertEqual(facts.changes.totalOfDifferences, after - before)
        let html = try page(out, "renja-perubahan-2024/perubahan/index.html")
        XCTAssertTrue(html.contains("data-total=\"sebelum\">13.036.773.000<"))
        XCTAssertTrue(html.contains("data-total=\"setelah\">12.460.916.000<"))
        XCTAssertTrue(html.contains("data-total=\"selisih\">−575.857.000<"))
        // BAB II states both totals; the page says where and that they agree.
        let reconcile = try XCTUnwrap(Self.between(html, "id=\"tabel-rekonsiliasi\"", "</table>"))
        // Both stated totals, the per-program differences and the sub kegiatan differences agree.
        XCTAssertEqual(reconcile.components(separatedBy: "status-cocok").count - 1, 4, reconcile)
        XCTAssertFalse(reconcile.contains("status-tidak"), reconcile)
        XCTAssertTrue(reconcile.contains("BAB II"))
    }

    func testPerubahanRowsAreSortedBySizeOfTheChange() throws {
        let (out, _) = try buildReal()
        let html = try page(out, "renja-perubahan-2024/perubahan/index.html")
        for table in ["tabel-program", "tabel-rincian"] {
            let body = try XCTUnwrap(Self.between(html, "id=\"\(table)\"", "</tbody>"))
            let sizes = Self.attributes("data-besar", in: body).compactMap { Int64($0) }
            XCTAssertGreaterThan(sizes.count, 5)
            XCTAssertEqual(sizes, sizes.sorted(by: >), table)
            XCTAssertGreaterThan(sizes.first ?? 0, 0)
        }
    }

    func testChangesFindAddedDroppedChangedAndTargets() throws {
        let plan = """
        judul: Rencana Uji
        program:
          - kode: "1.01"
            nama: PROGRAM UJI
            indikator:
              - nama: Persentase uji
                target: 100 persen
            pagu: 3.500.000
            kegiatan:
              - kode: "1.01.2.01"
                nama: Kegiatan Uji
                indikator:
                  - nama: Persentase kegiatan
                    target: 90 persen
                pagu: 3.500.000
                sub_kegiatan:
                  - kode: "1.01.2.01.0002"
                    nama: Sub Kegiatan Pengganti Yang Lain Sama Sekali
                    indikator:
                      - nama: Jumlah Laporan
                        target: 4 laporan
                    pagu: 3.500.000
        """
        let site = TempSite(files: ["Content/uji/tabel/rencana.yaml": plan])
        let loaded = try site.load()
        let doc = loaded.documents[0]
        let set = ChangeSet(TableMatcher.match(evaluation: doc.evaluation, plan: doc.plan))
        XCTAssertEqual(set.programs.map(\.status), [.berubah])
        XCTAssertEqual(set.programs[0].difference, Rupiah(500_000))
        let kegiatan = try XCTUnwrap(set.items.first { $0.level == .kegiatan })
        XCTAssertEqual(kegiatan.targetChanges.map { "\($0.before)→\($0.after)" }, ["100 persen→90 persen"])
        let dropped = set.items.filter { $0.status == .dihapus }, added = set.items.filter { $0.status == .baru }
        XCTAssertEqual(dropped.map(\.name), ["Sub Kegiatan Uji"])
        XCTAssertEqual(dropped[0].difference, Rupiah(-3_000_000))
        XCTAssertEqual(added.map(\.name), ["Sub Kegiatan Pengganti Yang Lain Sama Sekali"])
        XCTAssertEqual(added[0].difference, Rupiah(3_500_000))
        // The page lists them.
        let result = try Builder.render(site.options())
        let html = try XCTUnwrap(result.files.first { $0.path == "uji/perubahan/index.html" }).data
        let text = String(decoding: html, as: UTF8.self)
        XCTAssertTrue(text.contains("Sub Kegiatan Pengganti Yang Lain Sama Sekali</a> <small class=\"tingkat\">sub kegiatan</small> — pagu Rp 3.500.000"))
        XCTAssertTrue(text.contains("pagu semula Rp 3.000.000"))
        XCTAssertTrue(text.contains(">90 persen<"))
    }

    // MARK: Print

    func testPrintVersionHasEveryChapterWithTheTablesWhereTheDocumentPutsThem() throws {
        let (out, result) = try buildReal()
        let html = try page(out, "renja-perubahan-2024/cetak/index.html")
        let doc = result.site.documents[0]
        var last = html.startIndex
        for c in doc.chapters {
            let r = try XCTUnwrap(html.range(of: "<section class=\"bab-cetak\" id=\"bab-\(c.slug)\""), c.slug)
            XCTAssertGreaterThan(r.lowerBound, last, "chapters in document order")
            last = r.lowerBound
        }
        let bab2 = try XCTUnwrap(html.range(of: "id=\"bab-evaluasi-renja\""))
        let bab3 = try XCTUnwrap(html.range(of: "id=\"bab-rencana-kerja\""))
        let t1 = try XCTUnwrap(html.range(of: "<caption>Tabel 1. "))
        let t2 = try XCTUnwrap(html.range(of: "<caption>Tabel 2. "))
        XCTAssertTrue(bab2.lowerBound < t1.lowerBound && t1.lowerBound < bab3.lowerBound, "Tabel 1 inside BAB II")
        XCTAssertGreaterThan(t2.lowerBound, bab3.lowerBound, "Tabel 2 inside BAB III")
        XCTAssertFalse(html.contains("{{tabel"), "no marker left behind")
        XCTAssertFalse(html.contains("data-pagefind-body"), "the print version is not indexed (it would duplicate every result)")
        let css = try page(out, "assets/style.css")
        for rule in ["@page lebar { size: A4 landscape", "size: A4 portrait", "display: table-header-group", ".bab-cetak { break-before: page; }"] {
            XCTAssertTrue(css.contains(rule), rule)
        }
    }

    // MARK: Search

    func testSearchIndexIsPartOfTheSiteWhenPagefindIsInstalled() throws {
        guard SearchIndexer.locate() != nil else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("pagefind is required in CI (.ci/run installs pagefind-bin)") }
            throw XCTSkip("pagefind not installed")
        }
        let (out, result) = try buildReal()
        XCTAssertEqual(result.notes, [])
        XCTAssertTrue(result.files.contains { $0.path == "pagefind/pagefind-ui.js" })
        XCTAssertTrue(result.files.contains { $0.path == "pagefind/wasm.id.pagefind" })
        // One document: one group, whose bundle holds the index only: it is searched with the
        // site bundle's engine.
        let bundle = result.files.filter { $0.path.hasPrefix("pagefind/kelompok-1/") }.map { String($0.path.dropFirst("pagefind/kelompok-1/".count)) }
        XCTAssertTrue(bundle.contains("pagefind-entry.json"))
        XCTAssertTrue(bundle.contains { $0.hasPrefix("fragment/") } && bundle.contains { $0.hasPrefix("index/") } && bundle.contains { $0.hasSuffix(".pf_meta") })
        XCTAssertEqual(bundle.filter { !SearchIndexer.isIndexData($0) }, [], "no engine, interface or WebAssembly of its own")
        let entry = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("pagefind/kelompok-1/pagefind-entry.json"))) as? [String: Any]
        let pages = (entry?["languages"] as? [String: [String: Any]])?["id"]?["page_count"] as? Int
        XCTAssertEqual(pages, result.files.filter { $0.path.hasPrefix("renja-perubahan-2024/") && $0.data.range(of: Data("data-pagefind-body".utf8)) != nil }.count,
                       "every marked page of the document, none other")
        let home = try page(out, "renja-perubahan-2024/index.html")
        XCTAssertTrue(home.contains("role=\"search\""))
        XCTAssertTrue(home.contains("data-pagefind-body"))
        let search = try page(out, "cari/index.html")
        XCTAssertTrue(search.contains("pagefind/pagefind-ui.js"))
        XCTAssertTrue(search.contains("data-bundel=\"../pagefind/\" data-bundel-dokumen=\"../pagefind/kelompok-1/ \""))
        XCTAssertFalse(result.files.contains { $0.path.hasPrefix("pagefind/kelompok-2/") || $0.path.hasPrefix("renja-perubahan-2024/pagefind/") })
        XCTAssertFalse(try page(out, "404.html").contains("data-pagefind-body"))
    }

    /// A group's unmarked pages are left out of Pagefind's folder only when some page of it is
    /// marked: the bundle is the same as with them; with no page marked, every page is indexed
    /// whole. Each group's bundle holds its own documents' pages only, under its own folder, and
    /// the site's bundle none of them.
    func testSearchStagingLeavesOutUnmarkedPagesOnlyWhenSomePageIsMarked() throws {
        guard let pagefind = SearchIndexer.locate() else { throw XCTSkip("pagefind not installed") }
        func page(_ path: String, _ body: String, marked: Bool) -> OutputFile {
            OutputFile(path: path, data: Data("<!doctype html><html lang=\"id\"><head><title>\(path)</title></head><body><main\(marked ? " data-pagefind-body" : "")><p>\(body)</p></main></body></html>".utf8))
        }
        func pageCount(_ bundle: [OutputFile], _ folder: String) throws -> Int {
            let entry = try XCTUnwrap(bundle.first { $0.path == folder + "pagefind-entry.json" })
            let json = try JSONSerialization.jsonObject(with: entry.data) as? [String: Any]
            let languages = try XCTUnwrap(json?["languages"] as? [String: [String: Any]])
            return try XCTUnwrap(languages["id"]?["page_count"] as? Int)
        }
        let a = page("a/index.html", "anggaran pendidikan", marked: true), b = page("a/bab/index.html", "jaminan sosial", marked: true)
        let printable = page("a/cetak/index.html", "anggaran pendidikan jaminan sosial", marked: false)
        let other = page("b/index.html", "kesehatan", marked: true)
        // One document a group: "a" in kelompok-1, "b" in kelompok-2.
        let withPrint = try SearchIndexer.index([a, b, printable, other], documents: ["b", "a"], groupSize: 1, executable: pagefind)
        XCTAssertEqual(try pageCount(withPrint, "pagefind/kelompok-1/"), 2)
        XCTAssertEqual(try pageCount(withPrint, "pagefind/kelompok-2/"), 1)
        XCTAssertEqual(try pageCount(withPrint, "pagefind/"), 1, "the site's bundle: its placeholder only")
        XCTAssertEqual(withPrint, try SearchIndexer.index([a, b, other], documents: ["a", "b"], groupSize: 1, executable: pagefind))
        XCTAssertEqual(withPrint.filter { $0.path.hasPrefix("pagefind/kelompok-2/") },
                       try SearchIndexer.bundles([(folder: "pagefind/kelompok-2/", pages: [other])], primary: false, executable: pagefind),
                       "a group's bundle depends on its own documents' pages only")
        let together = try SearchIndexer.index([a, b, printable, other], documents: ["a", "b"], executable: pagefind)
        XCTAssertEqual(try pageCount(together, "pagefind/kelompok-1/"), 3, "a few documents: one group")
        XCTAssertFalse(together.contains { $0.path.hasPrefix("pagefind/kelompok-2/") })
        let unmarked = try SearchIndexer.bundles([(folder: "pagefind/kelompok-1/", pages: [page("a/index.html", "anggaran", marked: false), printable])],
                                                 primary: false, executable: pagefind)
        XCTAssertEqual(try pageCount(unmarked, "pagefind/kelompok-1/"), 2, "no page marked: Pagefind indexes every page")
    }

    /// The groups: consecutive runs of the sorted slugs, sizes within one of each other, never
    /// more than `size(for:)` documents; one group up to 16 documents; about 2√n groups beyond
    /// 1.024 documents.
    func testSearchGroupsAreEvenAndBounded() {
        XCTAssertEqual(SearchGroups.groups([]), [])
        XCTAssertEqual(SearchGroups.groups(["b", "a"]), [["a", "b"]])
        XCTAssertEqual(SearchGroups.groups(["e", "d", "c", "b", "a"], size: 2), [["a", "b"], ["c", "d"], ["e"]])
        XCTAssertEqual(SearchGroups.groups(["d", "c", "b", "a"], size: 3), [["a", "b"], ["c", "d"]])
        XCTAssertEqual(SearchGroups.folder(0), "pagefind/kelompok-1/")
        for n in [1, 16, 17, 100, 1000, 1024, 1025, 10_000] {
            let slugs = (0..<n).map { String(format: "dok-%05d", $0) }
            let groups = SearchGroups.groups(slugs.reversed())
            XCTAssertEqual(groups.flatMap { $0 }, slugs, "\(n): every document once, in order")
            let sizes = groups.map(\.count)
            XCTAssertLessThanOrEqual(sizes.max()! - sizes.min()!, 1, "\(n)")
            XCTAssertLessThanOrEqual(sizes.max()!, SearchGroups.size(for: n), "\(n)")
        }
        XCTAssertEqual(SearchGroups.groups((0..<16).map { "d\($0)" }).count, 1)
        XCTAssertEqual(SearchGroups.groups((0..<1000).map { "d\($0)" }).count, 63)
        XCTAssertEqual(SearchGroups.groups((0..<10_000).map { "d\($0)" }).count, 200)
    }

    /// pip's `pagefind_bin` is found where pip put it, without starting Python (0,17 s a build):
    /// the fake `python3` records every start.
    func testPagefindPackageIsFoundWithoutStartingPython() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("renja-pagefind-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let started = root.appendingPathComponent("python-dijalankan")
        func executable(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        try executable("venv/bin/python3.11", "#!/bin/sh\ntouch \(started.path)\nexit 1\n")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("venv/bin/python3").path, withDestinationPath: "python3.11")
        let env = ["PATH": root.appendingPathComponent("venv/bin").path, "RENJA_CACHE_DIR": root.appendingPathComponent("cache").path]
        XCTAssertNil(SearchIndexer.locate(environment: env), "no package yet: Python is asked and says no")
        XCTAssertTrue(fm.fileExists(atPath: started.path))
        try fm.removeItem(at: started)
        try executable("venv/lib/python3.11/site-packages/pagefind_bin/pagefind", "#!/bin/sh\n")
        XCTAssertEqual(SearchIndexer.locate(environment: env)?.path,
                       root.appendingPathComponent("venv/lib/python3.11/site-packages/pagefind_bin/pagefind").path)
        XCTAssertFalse(fm.fileExists(atPath: started.path), "found without starting Python")
        // A pyenv shim: the package of any installed version.
        try executable("pyenv/shims/python3", "#!/bin/sh\ntouch \(started.path)\nexit 1\n")
        try executable("pyenv/versions/3.12.1/lib/python3.12/site-packages/pagefind_bin/pagefind_extended", "#!/bin/sh\n")
        let shim = ["PATH": root.appendingPathComponent("pyenv/shims").path, "RENJA_CACHE_DIR": env["RENJA_CACHE_DIR"]!]
        XCTAssertEqual(SearchIndexer.locate(environment: shim)?.lastPathComponent, "pagefind_extended")
        XCTAssertFalse(fm.fileExists(atPath: started.path))
    }

    func testWithoutPagefindTheSiteIsBuiltWithoutSearchAndSaysSo() throws {
        XCTAssertNil(SearchIndexer.locate(environment: ["PATH": "/tidak-ada"]))
        XCTAssertNil(SearchIndexer.locate(environment: ["RENJA_PAGEFIND": "/tidak-ada/pagefind"]))
        let site = TempSite()
        var asked = site.options()
        asked.environment["RENJA_PAGEFIND"] = "/tidak-ada/pagefind"
        asked.search = true
        let result = try Builder.render(asked)
        XCTAssertEqual(result.notes.count, 1)
        XCTAssertTrue(result.notes[0].contains("pencarian tidak tersedia"), result.notes[0])
        XCTAssertFalse(result.files.contains { $0.path.hasPrefix("pagefind/") })
        let search = String(decoding: try XCTUnwrap(result.files.first { $0.path == "cari/index.html" }).data, as: UTF8.self)
        XCTAssertTrue(search.contains("Pencarian belum tersedia"))
        let home = String(decoding: try XCTUnwrap(result.files.first { $0.path == "uji/index.html" }).data, as: UTF8.self)
        XCTAssertFalse(home.contains("role=\"search\""), "no search box that leads nowhere")
        // Not asked for (the library's default): no note.
        XCTAssertFalse(site.options().search)
        XCTAssertEqual(try Builder.render(site.options()).notes, [])
    }

    // MARK: Metadata

    func testEveryPageHasItsOwnTitleDescriptionAndCanonicalURL() throws {
        let (out, result) = try buildReal()
        let base = result.site.settings.baseURL
        var titles: [String: String] = [:]
        var programDescriptions = Set<String>()
        for file in LinkChecker.htmlFiles(in: out) where file != "404.html" {
            let html = try page(out, file)
            let title = try XCTUnwrap(Self.between(html, "<title>", "</title>"), file)
            XCTAssertNil(titles[title], "\(file) shares its title with \(titles[title] ?? "")")
            titles[title] = file
            let description = try XCTUnwrap(Self.attributes("content", in: try XCTUnwrap(Self.between(html, "<meta name=\"description\"", ">"))).first)
            XCTAssertGreaterThan(description.count, 30, file)
            let canonical = base + String(file.dropLast("index.html".count))
            XCTAssertTrue(html.contains("<link rel=\"canonical\" href=\"\(canonical)\">"), file)
            XCTAssertTrue(html.contains("<meta property=\"og:url\" content=\"\(canonical)\">"), file)
            XCTAssertTrue(html.contains("<meta property=\"og:title\" content=\"\(title)\">"), file)
            if file.contains("/program/") { programDescriptions.insert(description) }
        }
        XCTAssertEqual(programDescriptions.count, 9, "each program page describes itself")
    }

    // MARK: Helpers

    static func between(_ s: String, _ start: String, _ end: String, skip: Int = 0) -> String? {
        var from = s.startIndex
        for _ in 0..<skip {
            guard let r = s.range(of: start, range: from..<s.endIndex) else { return nil }
            from = r.upperBound
        }
        guard let a = s.range(of: start, range: from..<s.endIndex), let b = s.range(of: end, range: a.upperBound..<s.endIndex) else { return nil }
        return String(s[a.upperBound..<b.lowerBound])
    }

    static func attributes(_ name: String, in s: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: "\(name)=\"([^\"]*)\"")
        let ns = s as NSString
        return regex.matches(in: s, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }
}

/// A strict RFC 4180 reader (quotes, doubled quotes, CRLF), for checking the CSV downloads.
enum CSVReader {
    static func parse(_ text: String, separator: Character) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if quoted {
                if c == "\"" {
                    let next = text.index(after: i)
                    if next < text.endIndex, text[next] == "\"" { field.append("\""); i = next } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == separator {
                row.append(field); field = ""
            } else if c == "\r\n" || c == "\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.append(c)
            }
            i = text.index(after: i)
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

/// The parts of an SVG the chart tests look at, read with Foundation's XML parser (so the markup
/// must be well-formed XML, as inline SVG in print and in other tools needs).
final class SVGSummary: NSObject, XMLParserDelegate {
    var root: [String: String] = [:]
    var rects: [[String: String]] = []
    var lines: [[String: String]] = []
    var texts: [String: String] = [:]
    private var current: String?

    init(_ svg: String) throws {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? NSError(domain: "svg", code: 1) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "svg": root = attributes
        case "rect": rects.append(attributes)
        case "line": lines.append(attributes)
        case "title", "desc": current = name; texts[name] = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current { texts[current, default: ""] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == current { current = nil }
    }
}
