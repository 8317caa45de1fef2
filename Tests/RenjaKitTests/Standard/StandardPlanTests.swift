import Foundation
import XCTest
@testable import RenjaKit

/// A SYNTHETIC standard rencana table (Permendagri 86/2017, `tabel/rencana-standar.yaml`), made up
/// for the mutation tests: not any agency's data. One urusan, one bidang, one program, two
/// kegiatan, three sub kegiatan; every parent's pagu (kolom 6) and pagu N+1 (kolom 10) is the sum
/// of its children, every row with money has targets with satuan for both years, so the validator
/// says nothing about it.
enum StandardPlanFixture {
    static let file = "tabel/rencana-standar.yaml"

    static let yaml = """
    judul: Rumusan Rencana Program dan Kegiatan Dinas Uji Tahun 2024 dan Prakiraan Maju Tahun 2025 (data sintetis)
    tahun: 2024
    urusan:
      - kode: "1"
        nama: URUSAN UJI
        bidang:
          - kode: "1.01"
            nama: BIDANG UJI
            pagu: 1.000.000
            pagu_maju: 1.100.000
            program:
              - kode: "1.01.02"
                nama: PROGRAM UJI RENCANA
                indikator:
                  - nama: Persentase ketercapaian program uji rencana
                    target: 100 persen
                    target_maju: 100 persen
                pagu: 1.000.000
                pagu_maju: 1.100.000
                kegiatan:
                  - kode: "1.01.02.2.01"
                    nama: Kegiatan Uji Rencana A
                    indikator:
                      - nama: Jumlah dokumen uji rencana A
                        target: 3 dokumen
                        target_maju: 3 dokumen
                    pagu: 600.000
                    kelompok_sasaran: Dinas Uji
                    pagu_maju: 650.000
                    sub_kegiatan:
                      - kode: "1.01.02.2.01.0001"
                        nama: Penyusunan Dokumen Uji Rencana
                        indikator:
                          - nama: Jumlah dokumen uji rencana yang disusun
                            target: 2 dokumen
                            target_maju: 2 dokumen
                        lokasi: Kota Uji, Kecamatan Uji Barat
                        pagu: 400.000
                        sumber_dana: PAD
                        catatan: Lanjutan tahun sebelumnya (teks uji)
                        pagu_maju: 420.000
                      - kode: "1.01.02.2.01.0002"
                        nama: Evaluasi Dokumen Uji Rencana
                        indikator:
                          - nama: Jumlah laporan evaluasi uji rencana
                            target: 1 laporan
                            target_maju: 1 laporan
                        lokasi: Kota Uji
                        pagu: 200.000
                        sumber_dana: DAU
                        pagu_maju: 230.000
                  - kode: "1.01.02.2.02"
                    nama: Kegiatan Uji Rencana B
                    indikator:
                      - nama: Jumlah kelompok uji rencana yang dibina
                        target: 4 kelompok
                        target_maju: 5 kelompok
                    pagu: 400.000
                    pagu_maju: 450.000
                    sub_kegiatan:
                      - kode: "1.01.02.2.02.0001"
                        nama: Pembinaan Kelompok Uji Rencana
                        indikator:
                          - nama: Jumlah kelompok uji rencana yang dibina
                            target: 4 kelompok
                            target_maju: 5 kelompok
                        lokasi: Kota Uji, semua kecamatan
                        pagu: 400.000
                        sumber_dana: DAU
                        kelompok_sasaran: Kelompok masyarakat uji
                        pagu_maju: 450.000
    """

    /// A Renja (murni) with BAB I–V and only this table (no Tabel 1 or 2).
    static func content() -> ContentFixture {
        var f = ContentFixture()
        f.files[ContentFixture.evaluation] = nil
        f.files[ContentFixture.plan] = nil
        f.files[ContentFixture.metadata] = """
        judul: Renja Uji 2024
        jenis: Renja
        tahun: 2024
        pengesahan:
          tempat: Pekalongan
          tanggal: 2024-05-08
          jabatan: Kepala Dinas
          nama: Nama Kepala
        """
        f.files[ContentFixture.chapter] = nil
        let chapters = [("I", "Pendahuluan"), ("II", "Hasil Evaluasi Renja Tahun Lalu"), ("III", "Tujuan dan Sasaran"),
                        ("IV", "Rencana Kerja dan Pendanaan"), ("V", "Penutup")]
        for (i, (n, title)) in chapters.enumerated() {
            f.files["bab/0\(i + 1)-\(Text.slug(title)).md"] = """
            ---
            nomor: \(n)
            judul: \(title)
            urutan: \(i + 1)
            ---

            Teks BAB \(n) tanpa angka.
            """
        }
        f.files[file] = yaml
        return f
    }
}

/// The standard rencana table: loaded with every column and position, each check catches a one-cell
/// mutation of the consistent synthetic table at the mutated cell, a real agency's table raises
/// exactly its answer key's findings, and the table has its page, print appendix and downloads.
final class StandardPlanTests: XCTestCase {
    static let file = StandardPlanFixture.file
    static let codes: Set<String> = ["rencana-jumlah", "prakiraan-tanpa-target", "prakiraan-tanpa-pagu", "prakiraan-tanpa-satuan",
                                     "pagu-nol-bertarget", "target-nol-berpagu", "target-tanpa-satuan", "target-majemuk"]

    func run(_ f: ContentFixture) throws -> [Diagnostic] {
        try f.run().filter { Self.codes.contains($0.code) }
    }

    func testConsistentOriginalRaisesNothing() throws {
        let ds = try StandardPlanFixture.content().run()
        XCTAssertEqual(ds.map(DiagnosticPrinter.short), [])
    }

    func testTheTableLoadsWithEveryColumnAndPosition() throws {
        let f = StandardPlanFixture.content()
        let site = try f.load()
        let t = try XCTUnwrap(site.documents.first?.standardPlan)
        XCTAssertEqual(t.allRows.map(\.level), [.urusan, .bidang, .program, .kegiatan, .subKegiatan, .subKegiatan, .kegiatan, .subKegiatan])
        XCTAssertEqual(t.year?.value, 2024)
        let s = t.allRows[4]
        XCTAssertEqual(s.code?.value, "1.01.02.2.01.0001")
        XCTAssertEqual(s.lokasi?.value, "Kota Uji, Kecamatan Uji Barat")
        XCTAssertEqual(s.sumberDana?.value, "PAD")
        XCTAssertEqual(s.catatan?.value, "Lanjutan tahun sebelumnya (teks uji)")
        XCTAssertEqual(s.pagu?.value.value, Rupiah(400_000))
        XCTAssertEqual(s.paguMaju?.value.value, Rupiah(420_000))
        XCTAssertEqual(s.indicators.first?.targetMaju?.value.value, Quantity(2, "dokumen"))
        XCTAssertEqual(s.paguMaju?.location, f.location(ofValue: "420.000", key: "pagu_maju", in: Self.file))
        XCTAssertEqual(t.allRows[3].kelompokSasaran?.value, "Dinas Uji")
        let facts = DocumentFacts(site.documents[0])
        XCTAssertEqual(facts.standardPlan?.total(.pagu)?.value, Rupiah(1_000_000))
        XCTAssertEqual(facts.standardPlan?.total(.paguMaju)?.value, Rupiah(1_100_000))
    }

    func testASubKegiatansPaguIsCaughtAtItsKegiatan() throws {
        var f = StandardPlanFixture.content()
        f.replace("pagu: 200.000", with: "pagu: 250.000", in: Self.file)
        let ds = try run(f)
        XCTAssertEqual(ds.map(\.code), ["rencana-jumlah"], ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        let d = try XCTUnwrap(ds.only("rencana-jumlah"))
        XCTAssertEqual(d.severity, .galat)
        XCTAssertEqual(d.location, f.location(ofValue: "600.000", key: "pagu", in: Self.file))
        XCTAssertEqual(d.figure("tertulis"), "Rp 600.000")
        XCTAssertEqual(d.figure("dihitung"), "Rp 650.000")
        XCTAssertEqual(d.figure("selisih"), "Rp 50.000")
        XCTAssertTrue(d.message.contains("kolom 6 (pagu indikatif) kegiatan 1.01.02.2.01"), d.message)
        XCTAssertTrue(d.message.contains("jumlah 2 sub kegiatannya"), d.message)
    }

    func testAPaguMajuIsCaughtAtItsParent() throws {
        var f = StandardPlanFixture.content()
        f.replace("pagu_maju: 450.000", with: "pagu_maju: 540.000", in: Self.file, occurrence: 1)
        var g = StandardPlanFixture.content()
        g.replace("pagu_maju: 1.100.000", with: "pagu_maju: 1.200.000", in: Self.file, occurrence: 1)
        for (fixture, stated, computed, level) in [(f, "Rp 540.000", "Rp 450.000", "kegiatan 1.01.02.2.02"), (g, "Rp 1.200.000", "Rp 1.100.000", "bidang urusan 1.01")] {
            let ds = try run(fixture)
            // The mutated kegiatan also breaks its program's sum; the bidang only itself.
            let d = try XCTUnwrap(ds.first { $0.message.contains(level) }, ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
            XCTAssertEqual(d.code, "rencana-jumlah")
            XCTAssertTrue(d.message.contains("kolom 10 (pagu indikatif prakiraan maju)"), d.message)
            XCTAssertEqual(d.figure("tertulis"), stated)
            XCTAssertEqual(d.figure("dihitung"), computed)
        }
        XCTAssertEqual(try run(g).map(\.code), ["rencana-jumlah"])
        XCTAssertEqual(try run(f).map(\.code), ["rencana-jumlah", "rencana-jumlah"], "the kegiatan against its sub kegiatan, the program against its kegiatan")
    }

    func testAPrakiraanMajuWithoutTarget() throws {
        var f = StandardPlanFixture.content()
        f.replace("target_maju: 1 laporan", with: "target_maju: 0 laporan", in: Self.file)
        let ds = try run(f)
        XCTAssertEqual(ds.map(\.code), ["prakiraan-tanpa-target"], ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        let d = try XCTUnwrap(ds.first)
        XCTAssertEqual(d.severity, .peringatan)
        XCTAssertEqual(d.location, f.location(ofValue: "230.000", key: "pagu_maju", in: Self.file))
        XCTAssertTrue(d.message.contains("sub kegiatan 1.01.02.2.01.0002"), d.message)
    }

    func testATableWithoutAnyTargetMajuIsOneFinding() throws {
        var f = StandardPlanFixture.content()
        var text = try XCTUnwrap(f.files[Self.file])
        text = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("target_maju") }.joined(separator: "\n")
        f.files[Self.file] = text
        let ds = try run(f)
        XCTAssertEqual(ds.map(\.code), ["prakiraan-tanpa-target"], ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        XCTAssertEqual(ds.first?.figure("baris berpagu tahun N+1"), "6 dari 8")
    }

    func testATargetMajuWithoutSatuan() throws {
        var f = StandardPlanFixture.content()
        f.replace("target_maju: 3 dokumen", with: "target_maju: 3", in: Self.file)
        let ds = try run(f)
        XCTAssertEqual(ds.map(\.code), ["prakiraan-tanpa-satuan"], ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        XCTAssertEqual(ds.first?.location, f.location(ofValue: "3", key: "target_maju", in: Self.file))
        XCTAssertEqual(ds.first?.figure("diharapkan"), "angka lalu satuan, mis. 3 dokumen (satuan target tahun N)")
    }

    func testATargetMajuWithoutPaguMaju() throws {
        var f = StandardPlanFixture.content()
        f.replace("pagu_maju: 420.000", with: "pagu_maju: 0", in: Self.file)
        let ds = try run(f)
        // The sub kegiatan itself, and its kegiatan whose sum no longer holds.
        XCTAssertEqual(ds.map(\.code).sorted(), ["prakiraan-tanpa-pagu", "rencana-jumlah"], ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        let d = try XCTUnwrap(ds.only("prakiraan-tanpa-pagu"))
        XCTAssertEqual(d.location, f.location(ofValue: "0", key: "pagu_maju", in: Self.file))
        XCTAssertEqual(d.figure("target tahun N+1"), "2 dokumen")
    }

    func testYearNsMoneyAgainstTargetsIsTabel2sCheck() throws {
        var f = StandardPlanFixture.content()
        f.replace("pagu: 200.000", with: "pagu: 0", in: Self.file)
        let ds = try run(f)
        let d = try XCTUnwrap(ds.only("pagu-nol-bertarget"), ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        XCTAssertEqual(d.location, f.location(ofValue: "0", key: "pagu", in: Self.file))
        XCTAssertEqual(d.rowAnchor, "rs-1-01-02-2-01-0002")
        var g = StandardPlanFixture.content()
        g.replace("target: 1 laporan", with: "target: 1", in: Self.file)
        XCTAssertEqual(try run(g).map(\.code), ["target-tanpa-satuan"])
    }

    func testARenjaMurniWithBabIToVBuilds() throws {
        let root = RepoPaths.temporaryFolder("rencana-standar-murni")
        let content = try Self.write(StandardPlanFixture.content(), to: root)
        let out = root.appendingPathComponent("Public")
        _ = try Builder.build(BuildOptions(content: content, contentDisplay: "Content", templates: RepoPaths.templates,
                                           templatesDisplay: "Templates", output: out))
        let site = try StandardPlanFixture.content().load()
        XCTAssertEqual(site.documents[0].chapters.map(\.number), ["I", "II", "III", "IV", "V"])
        for c in site.documents[0].chapters {
            let page = out.appendingPathComponent(Paths.chapter(site.documents[0], c)).appendingPathComponent("index.html")
            XCTAssertTrue(FileManager.default.fileExists(atPath: page.path), page.path)
        }
        let bab5 = try String(contentsOf: out.appendingPathComponent(Paths.chapter(site.documents[0], site.documents[0].chapters[4]) + "index.html"), encoding: .utf8)
        XCTAssertTrue(bab5.contains("Teks BAB V tanpa angka."))
        let home = try String(contentsOf: out.appendingPathComponent("uji/index.html"), encoding: .utf8)
        XCTAssertTrue(home.contains("BAB V"), "the home page lists chapter V")
        XCTAssertTrue(home.contains("tabel/rencana-standar/"), "the document links its standard rencana table")
        // The home card states the table's totals (the facts' `AmountTotal`s).
        XCTAssertTrue(home.contains("Pagu indikatif 2024"), "the card names the plan's pagu")
        XCTAssertTrue(home.contains("Rp 1.000.000") && home.contains("Rp 1.100.000"), "the card shows both totals")
        // The page: every row, numbered headers, the text columns, labelled cells for the phone cards.
        let html = try String(contentsOf: out.appendingPathComponent("uji/tabel/rencana-standar/index.html"), encoding: .utf8)
        XCTAssertEqual(html.components(separatedBy: "<tbody class=\"butir").count - 1, 8)
        for s in ["Lokasi (4)", "Sumber dana (7)", "Catatan penting (8)", "Prakiraan maju tahun 2025", "Pagu indikatif, Rp (10)",
                  "data-label=\"Lokasi (4)\">Kota Uji, Kecamatan Uji Barat</td>", "data-label=\"Sumber dana (7)\">PAD</td>",
                  "data-label=\"Kelompok sasaran\">Kelompok masyarakat uji</td>", "data-label=\"Pagu indikatif 2025, Rp (10)\">420.000</td>",
                  "data-label=\"Target 2025 (9)\">5 kelompok</td>", "Jumlah seluruh program", ">1.100.000</td>"] {
            XCTAssertTrue(html.contains(s), s)
        }
        // The print page and the downloads.
        let print = try String(contentsOf: out.appendingPathComponent(Paths.printable(site.documents[0]) + "index.html"), encoding: .utf8)
        XCTAssertTrue(print.contains("id=\"lampiran-tabel-rencana-standar\""))
        XCTAssertTrue(print.contains("Pembinaan Kelompok Uji Rencana"))
        let csv = try String(contentsOf: out.appendingPathComponent(OpenData.standardPlanCSVPath(site.documents[0])), encoding: .utf8)
        let lines = (csv.hasPrefix("\u{FEFF}") ? String(csv.dropFirst()) : csv).split(separator: "\r\n").map { $0.components(separatedBy: ";") }
        XCTAssertEqual(lines.first, OpenData.standardPlanHeader)
        XCTAssertEqual(lines.count - 1, 8, "one line per indicator (here one per row)")
        XCTAssertTrue(lines.dropFirst().allSatisfy { !$0[1].isEmpty }, "the Permendagri 90 code on every line")
        XCTAssertTrue(csv.contains("sub kegiatan;1.01.02.2.01.0001;Penyusunan Dokumen Uji Rencana;Jumlah dokumen uji rencana yang disusun;Kota Uji, Kecamatan Uji Barat;2;dokumen;400000;PAD;;Lanjutan tahun sebelumnya (teks uji);2;dokumen;420000;"), csv)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent(OpenData.standardPlanJSONPath(site.documents[0])))) as? [String: Any]
        XCTAssertEqual(json?["jumlah_k10_pagu_maju"] as? Int, 1_100_000)
        XCTAssertEqual((json?["kolom"] as? [[String: Any]])?.compactMap { $0["nomor"] as? Int }, Array(1...10))
        XCTAssertEqual((json?["baris"] as? [[String: Any]])?.count, 8)
        let data = try String(contentsOf: out.appendingPathComponent(Paths.data(site.documents[0]) + "index.html"), encoding: .utf8)
        XCTAssertTrue(data.contains("Tabel rencana standar (CSV)"))
    }

    func testThePDFHasTheTableInItsLampiranAndDaftarTabel() throws {
        let site = try StandardPlanFixture.content().load()
        let templates = try TemplateSet.load(folder: RepoPaths.templates, displayPath: "Templates")
        let renderer = SiteRenderer(site: site, findings: Validator.run(site), templates: templates)
        let html = DocumentPDF.html(site.documents[0], renderer: renderer)
        XCTAssertTrue(html.contains("<section class=\"halaman-tabel\" id=\"pdf-tabel-rencana-standar\">"))
        XCTAssertTrue(html.contains("href=\"#pdf-tabel-rencana-standar\""), "listed in the Daftar Tabel")
        XCTAssertTrue(html.contains("Kota Uji, Kecamatan Uji Barat"))
        XCTAssertTrue(html.contains("Pagu indikatif, Rp (10)"))
    }

    static func write(_ f: ContentFixture, to root: URL) throws -> URL {
        let content = root.appendingPathComponent("Content")
        for (path, text) in f.files {
            let url = path.hasPrefix("../") ? content.appendingPathComponent(String(path.dropFirst(3)))
                : content.appendingPathComponent(ContentFixture.documentSlug).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return content
    }

    // MARK: A real agency's table

    struct Key: Decodable {
        struct Finding: Decodable {
            var code: String
            var at: String
            var figures: [String: String]
        }
        var findings: [Finding]
        var rows: [String: Int]
        var totals: [String: [String: String]]
    }

    static let folder = RepoPaths.fixtures.appendingPathComponent("documents/ppu-bapelitbang-rencana-standar-2024")

    func testTheRealTablesFindingsEqualTheAnswerKey() throws {
        let key = try JSONDecoder().decode(Key.self, from: Data(contentsOf: Self.folder.appendingPathComponent("answer-key-standar.json")))
        let site = try SiteLoader.load(content: Self.folder, displayPath: "Content")
        let table = try XCTUnwrap(site.documents.first?.standardPlan)
        for level in StandardPlanLevel.allCases {
            XCTAssertEqual(table.rows(level).count, key.rows[level.key], level.word)
        }
        let facts = DocumentFacts(site.documents[0])
        XCTAssertEqual(facts.standardPlan?.programTotal[.pagu]?.value?.formatted, key.totals["pagu"]?["program"])
        XCTAssertEqual(facts.standardPlan?.subKegiatanTotal[.pagu]?.value?.formatted, key.totals["pagu"]?["sub_kegiatan"])
        XCTAssertEqual(facts.standardPlan?.programTotal[.paguMaju]?.value?.formatted, key.totals["pagu_maju"]?["program"])
        let all = Validator.run(site)
        let ds = all.filter { Self.codes.contains($0.code) }
        let found = Dictionary(ds.map { ("\($0.code) \($0.location?.description ?? "-")", $0) }, uniquingKeysWith: { a, _ in a })
        let expected = Set(key.findings.map { "\($0.code) \($0.at)" })
        XCTAssertEqual(found.count, ds.count, "one finding per cell and check")
        XCTAssertEqual(Set(found.keys).subtracting(expected).sorted(), [], "found by Renja, not in the key")
        XCTAssertEqual(expected.subtracting(found.keys).sorted(), [], "in the key, missed by Renja")
        for k in key.findings {
            guard let d = found["\(k.code) \(k.at)"] else { continue }
            for (label, value) in k.figures {
                XCTAssertEqual(d.figure(label), value, "\(k.code) \(k.at) \(label)")
            }
        }
        XCTAssertEqual(key.findings.count, 5)
        // No galat outside the key.
        XCTAssertEqual(all.filter { $0.severity == .galat && !expected.contains("\($0.code) \($0.location?.description ?? "-")") }.map(DiagnosticPrinter.short), [])
    }
}
