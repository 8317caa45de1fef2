import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaLoad
@testable import RenjaFacts
@testable import RenjaChecks
@testable import RenjaImport
@testable import RenjaRender
@testable import RenjaWrite

/// The "Realisasi per triwulan" page and the standard table's downloads. The page's figures are
/// checked against `bengkulu-utara-disdik-evaluasi-standar-2025/quarter_key.py`'s answer
/// (`answer-key-triwulan.json`), computed from the raw YAML without Renja's code; the download
/// headers against the regulation's column layout, written out here for both variants.
final class StandardQuarterPageTests: XCTestCase {
    static var fixture: URL { StandardRealDocumentTests.folder }

    func build(_ content: URL, _ name: String) throws -> URL {
        let out = RepoPaths.temporaryFolder(name).appendingPathComponent("Public")
        _ = try Builder.build(BuildOptions(content: content, contentDisplay: "Content",
                                           templates: RepoPaths.templates, templatesDisplay: "Templates", output: out))
        return out
    }

    /// The synthetic standard table (`StandardFixture`) in the given variant, as a content folder.
    func syntheticContent(variant: String) throws -> URL {
        var f = StandardFixture.content()
        f.files[StandardFixture.file] = StandardFixture.yaml.replacingOccurrences(of: "varian: dengan_kode", with: "varian: \(variant)")
        let content = RepoPaths.temporaryFolder("standar-\(variant)").appendingPathComponent("Content")
        for (path, text) in f.files {
            let url = path.hasPrefix("../") ? content.appendingPathComponent(String(path.dropFirst(3)))
                : content.appendingPathComponent(ContentFixture.documentSlug).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return content
    }

    struct KeyQuarter: Decodable { var nilai: String; var kumulatif: String; var persen: String }
    struct KeyUnit: Decodable { var kode: String; var tingkat: String; var pagu: String; var triwulan: [KeyQuarter] }
    struct KeyIndicator: Decodable { var sub_kegiatan: String; var nama: String; var target: String; var triwulan: [KeyQuarter] }
    struct Key: Decodable { var units: [KeyUnit]; var indicators: [KeyIndicator] }

    func key() throws -> Key {
        try JSONDecoder().decode(Key.self, from: Data(contentsOf: Self.fixture.appendingPathComponent("answer-key-triwulan.json")))
    }

    static let roman = ["I", "II", "III", "IV"]

    func testTheQuarterPageShowsTheKeysFiguresWithAChartPerProgramAndKegiatan() throws {
        let out = try build(Self.fixture, "triwulan")
        let html = try String(contentsOf: out.appendingPathComponent("renja-2025/triwulan/index.html"), encoding: .utf8)
        let key = try key()
        XCTAssertEqual(key.units.count, 6 + 18)
        for u in key.units {
            // Per quarter, cumulative and its share of the pagu, then the year's total and share.
            var row = "<td class=\"num\" data-label=\"Pagu (Rp)\">\(u.pagu)</td>"
            for (i, q) in u.triwulan.enumerated() {
                row += "<td class=\"num\" data-label=\"TW \(Self.roman[i]) (Rp)\">\(q.nilai)<span class=\"kol-sub\">s/d TW \(Self.roman[i]): \(q.kumulatif) (\(q.persen))</span></td>"
            }
            row += "<td class=\"num\" data-label=\"Realisasi kumulatif (Rp)\">\(u.triwulan[3].kumulatif)</td><td class=\"num\" data-label=\"% pagu\">\(u.triwulan[3].persen)</td>"
            XCTAssertTrue(html.contains(row), "\(u.tingkat) \(u.kode): \(row)")
            // A chart per program and kegiatan, with its table view.
            let level = u.tingkat.prefix(1).uppercased() + u.tingkat.dropFirst()
            XCTAssertTrue(html.contains("<title id=\"grafik-tw-") && html.contains(">Realisasi anggaran per triwulan: \(level) \(u.kode) "), "chart of \(u.kode)")
            let chartRow = "<tr><th scope=\"row\">TW IV</th><td class=\"num\" data-label=\"Realisasi triwulan (Rp)\">\(u.triwulan[3].nilai)</td><td class=\"num\" data-label=\"Kumulatif (Rp)\">\(u.triwulan[3].kumulatif)</td><td class=\"num\" data-label=\"% pagu\">\(u.triwulan[3].persen)</td></tr>"
            XCTAssertTrue(html.contains(chartRow), "chart table of \(u.kode): \(chartRow)")
        }
        XCTAssertEqual(html.components(separatedBy: "<figure class=\"grafik-blok\" aria-labelledby=\"grafik-tw-").count - 1, key.units.count)
        // A kinerja chart per kegiatan whose sub kegiatan report quarters.
        let kegiatan = Set(key.indicators.map { $0.sub_kegiatan.split(separator: ".").dropLast().joined(separator: ".") })
        XCTAssertEqual(html.components(separatedBy: "<figure class=\"grafik-blok\" aria-labelledby=\"grafik-kinerja-tw-").count - 1, kegiatan.count)
        XCTAssertEqual(html.components(separatedBy: "<section class=\"bagian-triwulan\"").count - 1, 6)
        XCTAssertEqual(html.components(separatedBy: "<section class=\"bagian-triwulan-kegiatan\"").count - 1, 18)
        for ind in key.indicators {
            var cells = "<td class=\"num\" data-label=\"Target\">\(ind.target)</td>"
            for (i, q) in ind.triwulan.enumerated() {
                cells += "<td class=\"num\" data-label=\"TW \(Self.roman[i])\">\(q.nilai)<span class=\"kol-sub\">s/d TW \(Self.roman[i]): \(q.kumulatif) (\(q.persen))</span></td>"
            }
            XCTAssertTrue(html.contains(HTMLText.escape(ind.nama) + "</th><td data-label=\"Satuan\">"), ind.nama)
            XCTAssertTrue(html.contains(cells), "\(ind.sub_kegiatan) \(ind.nama): \(cells)")
            // Its bar in the kegiatan's kinerja chart, as the chart's table view gives it.
            let bar = "<tr><th scope=\"row\">\(ind.sub_kegiatan) \(HTMLText.escape(ind.nama))</th>"
            let share = "<td class=\"num\" data-label=\"Realisasi kumulatif\">\(ind.triwulan[3].kumulatif)</td><td class=\"num\" data-label=\"% target\">\(ind.triwulan[3].persen)</td></tr>"
            XCTAssertTrue(html.contains(bar) && html.components(separatedBy: bar).dropFirst().contains { $0.contains(share) && $0.range(of: share)!.lowerBound < ($0.range(of: "</tr>")?.upperBound ?? $0.endIndex) }, "\(ind.sub_kegiatan) chart row")
        }
        // A program whose stated pagu differs from its sub kegiatan's says so, with both figures.
        XCTAssertTrue(html.contains("Pagu yang tertulis pada baris program sendiri: Rp 45.000.000, berbeda dengan jumlah sub kegiatannya (Rp 95.264.169.022)."))
        // The document's navigation links the page.
        let home = try String(contentsOf: out.appendingPathComponent("renja-2025/index.html"), encoding: .utf8)
        XCTAssertTrue(home.contains("href=\"../renja-2025/triwulan/\">Realisasi per triwulan</a>"), "the home links the quarter page")
        let table = try String(contentsOf: out.appendingPathComponent("renja-2025/tabel/evaluasi-standar/index.html"), encoding: .utf8)
        XCTAssertTrue(table.contains("triwulan/\">Realisasi per triwulan</a>"))
        XCTAssertTrue(table.contains("data/tabel-evaluasi-standar.csv\" download>"), "the table page offers its CSV")
    }

    /// Rows that state their own quarters use them and their own pagu (the synthetic table states
    /// them on every row). By hand: program TW 300.000 + 300.000 + 200.000 + 175.000 = 975.000 of
    /// 1.200.000 = 81,25%; s/d TW I 300.000 = 25,00%. Kegiatan B: 50.000 × 3 + 25.000 = 175.000 of
    /// 200.000 = 87,50%. Indicator "Jumlah laporan uji standar": 2 + 2 + 2 + 1 = 7 of 8 = 87,50%.
    func testRowsThatStateTheirQuartersUseThemAndTheirOwnPagu() throws {
        let out = try build(try syntheticContent(variant: "dengan_kode"), "triwulan-sintetis")
        let html = try String(contentsOf: out.appendingPathComponent("uji/triwulan/index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<td class=\"num\" data-label=\"Pagu (Rp)\">1.200.000</td><td class=\"num\" data-label=\"TW I (Rp)\">300.000<span class=\"kol-sub\">s/d TW I: 300.000 (25,00%)</span></td>"))
        XCTAssertTrue(html.contains("<td class=\"num\" data-label=\"Realisasi kumulatif (Rp)\">975.000</td><td class=\"num\" data-label=\"% pagu\">81,25%</td>"))
        XCTAssertTrue(html.contains("<td class=\"num\" data-label=\"Realisasi kumulatif (Rp)\">175.000</td><td class=\"num\" data-label=\"% pagu\">87,50%</td>"))
        XCTAssertTrue(html.contains("data-label=\"TW IV\">1<span class=\"kol-sub\">s/d TW IV: 7 (87,50%)</span></td>"))
        XCTAssertFalse(html.contains("jumlah sub kegiatan"), "no row here is a sum of its children")
        XCTAssertFalse(html.contains("Pagu yang tertulis pada baris"))
    }

    /// Fields of a `;` CSV line with `"` quoting.
    static func fields(_ line: String) -> [String] {
        var out: [String] = [], cur = "", quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { cur.append("\""); chars.removeFirst() } else { quoted = false } } else { cur.append(c) }
            } else if c == "\"" { quoted = true } else if c == ";" { out.append(cur); cur = "" } else { cur.append(c) }
        }
        return out + [cur]
    }

    static func figureHeaders(first: Int) -> [String] {
        let names = ["Target Renstra", "Realisasi Renstra s/d tahun lalu", "Target Renja", "Realisasi Triwulan I", "Realisasi Triwulan II",
                     "Realisasi Triwulan III", "Realisasi Triwulan IV", "Realisasi Renja", "Realisasi Renstra s/d tahun berjalan", "Tingkat capaian Renstra"]
        return names.enumerated().flatMap { i, n in ["\(first + i) \(n) (K)", "\(first + i) \(n) (Rp)"] }
    }

    func csvLines(_ out: URL, _ slug: String) throws -> [[String]] {
        let data = try Data(contentsOf: out.appendingPathComponent("\(slug)/data/tabel-evaluasi-standar.csv"))
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        return String(decoding: data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }.map(Self.fields)
    }

    func csvwTitles(_ out: URL, _ slug: String) throws -> [String] {
        let meta = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("\(slug)/data/tabel-evaluasi-standar.csv-metadata.json"))) as? [String: Any]
        let cols = (meta?["tableSchema"] as? [String: Any])?["columns"] as? [[String: Any]] ?? []
        XCTAssertEqual(meta?["url"] as? String, "tabel-evaluasi-standar.csv")
        return cols.compactMap { $0["titles"] as? String }
    }

    func testTheDownloadsNumberEveryColumnWithTheKodeColumn() throws {
        let out = try build(Self.fixture, "standar-unduh")
        let lines = try csvLines(out, "renja-2025")
        let header = ["tingkat", "kode_permendagri_90", "1 No", "2 Sasaran", "3 Kode", "4 Program/Kegiatan/Sub Kegiatan", "5 Indikator Kinerja", "satuan"]
            + Self.figureHeaders(first: 6) + ["16 Unit OPD Penanggung Jawab", "catatan"]
        XCTAssertEqual(lines[0], header)
        XCTAssertEqual(try csvwTitles(out, "renja-2025"), header, "the CSVW metadata lists the CSV's columns")
        // The Permendagri 90 code on every line (every row of this table has one), in both code columns.
        let code = try NSRegularExpression(pattern: #"^[0-9X]\.[0-9X]{2}\.[0-9]{2}(\.[0-9]\.[0-9]{2}(\.[0-9]{4})?)?$"#)
        for l in lines.dropFirst() {
            XCTAssertEqual(l.count, header.count)
            XCTAssertNotNil(code.firstMatch(in: l[1], range: NSRange(l[1].startIndex..., in: l[1])), "code on \(l[5])")
            XCTAssertEqual(l[1], l[4])
        }
        // Sub kegiatan 1.01.02.2.01.0006 as the YAML writes it (make_table.py copies the source's strings).
        let row = try XCTUnwrap(lines.first { $0[1] == "1.01.02.2.01.0006" })
        let col = { (name: String) in row[header.firstIndex(of: name)!] }
        XCTAssertEqual(col("7 Realisasi Renstra s/d tahun lalu (Rp)"), "48912283703,29")
        XCTAssertEqual(col("10 Realisasi Triwulan II (K)"), "93")
        XCTAssertEqual(col("11 Realisasi Triwulan III (Rp)"), "3413900000")
        // Column 13 is not stated: 0 + 259.263.000 + 3.413.900.000 + 0, and said so.
        XCTAssertEqual(col("13 Realisasi Renja (Rp)"), "3673163000")
        XCTAssertTrue(col("catatan").contains("13 Realisasi Renja (Rp) dihitung Renja"))
        // JSON: every figure with its column number.
        let json = try String(contentsOf: out.appendingPathComponent("renja-2025/data/tabel-evaluasi-standar.json"), encoding: .utf8)
        XCTAssertTrue(json.contains("\"varian\" : \"dengan_kode\""))
        XCTAssertTrue(json.contains("\"kolom\" : 10,\n"), "quarter II of the variant with Kode is column 10")
        let data = try String(contentsOf: out.appendingPathComponent("renja-2025/data/index.html"), encoding: .utf8)
        XCTAssertTrue(data.contains("<li><code>16 Unit OPD Penanggung Jawab</code></li>"))
    }

    func testTheDownloadsNumberEveryColumnWithoutTheKodeColumn() throws {
        let out = try build(try syntheticContent(variant: "tanpa_kode"), "standar-unduh-tanpa")
        let lines = try csvLines(out, "uji")
        let header = ["tingkat", "kode_permendagri_90", "1 No", "2 Sasaran", "3 Program/Kegiatan/Sub Kegiatan", "4 Indikator Kinerja", "satuan"]
            + Self.figureHeaders(first: 5) + ["15 Unit OPD Penanggung Jawab", "catatan"]
        XCTAssertEqual(lines[0], header)
        XCTAssertEqual(try csvwTitles(out, "uji"), header)
        XCTAssertEqual(lines.count - 1, 1 + 2 + 3, "one line per indicator; kegiatan without indicators get one line")
        XCTAssertEqual(lines.dropFirst().map { $0[1] }, ["1.01.02", "1.01.02.2.01", "1.01.02.2.01.0001", "1.01.02.2.01.0002", "1.01.02.2.02", "1.01.02.2.02.0001"])
        let sub = try XCTUnwrap(lines.first { $0[1] == "1.01.02.2.01.0002" })
        let col = { (name: String) in sub[header.firstIndex(of: name)!] }
        XCTAssertEqual(col("11 Realisasi Triwulan IV (K)"), "1")
        XCTAssertEqual(col("11 Realisasi Triwulan IV (Rp)"), "100000")
        XCTAssertEqual(col("14 Tingkat capaian Renstra (K)"), "65")
        XCTAssertEqual(col("15 Unit OPD Penanggung Jawab"), "Bidang Uji")
        XCTAssertEqual(col("catatan"), "", "every figure is stated")
        let json = try String(contentsOf: out.appendingPathComponent("uji/data/tabel-evaluasi-standar.json"), encoding: .utf8)
        XCTAssertTrue(json.contains("\"varian\" : \"tanpa_kode\""))
        XCTAssertTrue(json.contains("\"judul\" : \"Realisasi Triwulan II\",\n      \"kunci\" : \"triwulan_2\",\n      \"nomor\" : 9"), json.prefix(1500).description)
    }
}
