import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaChecks
@testable import RenjaRender

/// The document PDF (`DocumentPDF`, WeasyPrint) made by `renja build` from the real content, read
/// back with poppler's `pdfinfo` and `pdftotext` page by page. Skipped when WeasyPrint or poppler
/// is not installed; CI installs both (scripts/install-deps), and there a missing one fails.
final class DocumentPDFTests: XCTestCase {
    struct Built {
        var output: URL
        var result: BuildResult
        var pdf: URL
        var data: Data
        var reader: PDFReader
    }

    nonisolated(unsafe) static var built: Built?

    static let slug = "renja-perubahan-2024"

    func requireTools() throws -> PDFEngine {
        let inCI = ProcessInfo.processInfo.environment["CI"] != nil
        guard let engine = PDFEngine.locate() else {
            if inCI { XCTFail("WeasyPrint is required in CI (scripts/install-deps installs it)") }
            throw XCTSkip("WeasyPrint is not installed (scripts/install-deps installs it): the PDF is not made")
        }
        guard PDFReader.available else {
            if inCI { XCTFail("pdfinfo and pdftotext are required in CI (scripts/install-deps installs poppler-utils)") }
            throw XCTSkip("poppler-utils (pdfinfo, pdftotext) is not installed: the PDF cannot be read back")
        }
        return engine
    }

    func buildReal() throws -> Built {
        _ = try requireTools()
        if let b = Self.built { return b }
        let out = RepoPaths.temporaryFolder("pdf").appendingPathComponent("Public")
        var options = BuildOptions(content: RepoPaths.content, contentDisplay: "Content",
                                   templates: RepoPaths.templates, templatesDisplay: "Templates", output: out).isolated()
        options.pdf = true
        // The findings shown on the site (as staff preview it): the PDF must still carry none.
        options.alwaysShowFindings = true
        let result = try Builder.build(options)
        let pdf = out.appendingPathComponent("\(Self.slug)/\(Self.slug).pdf")
        let data = try XCTUnwrap(FileManager.default.contents(atPath: pdf.path), "no PDF at \(pdf.path); notes: \(result.notes)")
        let b = Built(output: out, result: result, pdf: pdf, data: data, reader: try PDFReader(pdf))
        Self.built = b
        return b
    }

    /// The PDF's own view of the real document (its Daftar Isi and Daftar Tabel entries).
    func realView() throws -> PDFView {
        let site = try RepoPaths.loadRealSite()
        let templates = try TemplateSet.load(folder: RepoPaths.templates, displayPath: "Templates")
        let renderer = SiteRenderer(site: site, findings: [], templates: templates)
        let doc = try XCTUnwrap(site.documents.first { $0.slug == Self.slug })
        return DocumentRenderer(site: site, facts: renderer.facts(doc), findings: [], base: renderer).pdfView()
    }

    static func normalized(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    // MARK: The file

    func testTheBuildPublishesThePDFAndTheHomePageLinksItWithSizeAndChecksum() throws {
        let b = try buildReal()
        XCTAssertEqual(b.result.notes, [])
        XCTAssertTrue(b.data.starts(with: Data("%PDF-".utf8)))
        XCTAssertTrue(b.result.files.contains { $0.path == "\(Self.slug)/\(Self.slug).pdf" })
        XCTAssertLessThan(b.data.count, 10_000_000, "PPID portals take files up to about 10 MB")
        let home = try String(contentsOf: b.output.appendingPathComponent("\(Self.slug)/index.html"), encoding: .utf8)
        XCTAssertTrue(home.contains("<a href=\"../\(Self.slug)/\(Self.slug).pdf\" type=\"application/pdf\" download>"), "home page links the PDF")
        let size = DocumentRenderer.size(b.data.count)
        XCTAssertTrue(size.hasSuffix(" kB") || size.hasSuffix(" MB"), size)
        XCTAssertTrue(home.contains("A4, \(size)</span>"), "size \(size) on the home page")
        XCTAssertTrue(home.contains("<code>\(SHA256.hex(b.data))</code>"), "SHA-256 of the published bytes on the home page")
    }

    func testMetadataComesFromTheDocument() throws {
        let b = try buildReal()
        let info = b.reader.info
        XCTAssertEqual(info["CreationDate"], "2024-08-08T00:00:00Z", "the signing date (pengesahan.tanggal), not the build's")
        XCTAssertEqual(info["ModDate"], "2024-08-08T00:00:00Z")
        XCTAssertEqual(info["Title"], b.result.site.documents[0].title)
        XCTAssertEqual(info["Tagged"], "yes", "tagged PDF for screen readers")
    }

    func testSameInputGivesByteIdenticalPDF() throws {
        let b = try buildReal()
        let engine = try requireTools()
        let site = try RepoPaths.loadRealSite()
        let templates = try TemplateSet.load(folder: RepoPaths.templates, displayPath: "Templates")
        let renderer = SiteRenderer(site: site, findings: Validator.run(site), templates: templates)
        let doc = try XCTUnwrap(site.documents.first { $0.slug == Self.slug })
        // Two real WeasyPrint runs (no cache), at different times, and the build's file.
        let first = try XCTUnwrap(DocumentPDF.make(doc, renderer: renderer, engine: engine, cache: nil))
        sleep(1)
        let second = try XCTUnwrap(DocumentPDF.make(doc, renderer: renderer, engine: engine, cache: nil))
        XCTAssertEqual(first.data, second.data, "two runs on the same input differ")
        XCTAssertEqual(first.data, b.data, "the build's PDF differs from a fresh run")
        XCTAssertEqual(first.path, "\(Self.slug)/\(Self.slug).pdf")
    }

    // MARK: Pages

    func testEveryPageIsA4AndTheTablePagesAreLandscape() throws {
        let r = try buildReal().reader
        XCTAssertGreaterThan(r.pageCount, 10)
        var landscape: [Int] = []
        for page in 1...r.pageCount {
            let (w, h) = try XCTUnwrap(r.sizes[page], "no size for page \(page)")
            let portrait = abs(w - 595.28) < 1 && abs(h - 841.89) < 1, wide = abs(w - 841.89) < 1 && abs(h - 595.28) < 1
            XCTAssertTrue(portrait || wide, "page \(page) is \(w)×\(h) pt, not A4")
            if wide { landscape.append(page) }
            // Every sheet of a table repeats its header row; no other page has it.
            let hasTableHeader = r.text(page).contains("Program / Kegiatan / Sub Kegiatan")
            XCTAssertEqual(hasTableHeader, wide, "page \(page): table header \(hasTableHeader), landscape \(wide)")
        }
        XCTAssertFalse(landscape.isEmpty)
        for caption in ["Tabel 1. Evaluasi Renja", "Tabel 2. Rencana Kerja"] {
            let pages = (1...r.pageCount).filter { r.text($0).contains(caption) && r.sizes[$0]!.0 > r.sizes[$0]!.1 }
            XCTAssertEqual(pages.count, 1, "\(caption): the caption once, on a landscape page")
        }
    }

    func testEveryPageSaysHalamanNDariM() throws {
        let r = try buildReal().reader
        for page in 1...r.pageCount {
            XCTAssertTrue(Self.normalized(r.text(page)).contains("Halaman \(page) dari \(r.pageCount)"),
                          "page \(page) lacks “Halaman \(page) dari \(r.pageCount)”")
        }
    }

    func testCoverKataPengantarAndSigningBlock() throws {
        let b = try buildReal()
        let r = b.reader, doc = b.result.site.documents[0]
        let cover = Self.normalized(r.text(1))
        for part in ["PEMERINTAH KOTA PEKALONGAN", "PERUBAHAN RENCANA KERJA TAHUN 2024", doc.agency.name.uppercased(), "PEKALONGAN", "TAHUN 2024"] {
            XCTAssertTrue(cover.contains(part), "cover lacks \(part): \(cover)")
        }
        XCTAssertTrue(Self.normalized(r.text(2)).contains("KATA PENGANTAR"), "the Kata Pengantar follows the cover")
        let all = (1...r.pageCount).map { Self.normalized(r.text($0)) }
        let signed = all.indices.filter { all[$0].contains("Pekalongan, 8 Agustus 2024") && all[$0].contains(doc.signing.name) }
        XCTAssertEqual(signed.map { $0 + 1 }.first, 2, "signing block on the Kata Pengantar")
        XCTAssertEqual(signed.count, 2, "and at the end of BAB IV")
        XCTAssertTrue(all[signed.last!].contains("NIP. 19660516 198603 1 007"))
    }

    func testDaftarIsiAndDaftarTabelGiveThePagesWhereTheHeadingsAre() throws {
        let r = try buildReal().reader
        let view = try realView()
        XCTAssertGreaterThan(view.contents.filter { $0.level > 1 }.count, 3, "sections are listed too")
        let tocPages = (1...r.pageCount).filter { r.text($0).contains("DAFTAR ISI") }
        XCTAssertEqual(tocPages.count, 1)
        let toc = Self.normalized(tocPages.map { r.text($0) }.joined(separator: " "))
        let listPage = { (text: String, list: String) -> Int? in
            let pattern = NSRegularExpression.escapedPattern(for: Self.normalized(text)) + #"[ .]*?(\d+)(?: |$)"#
            guard let m = try? NSRegularExpression(pattern: pattern).firstMatch(in: list, range: NSRange(list.startIndex..., in: list)),
                  let range = Range(m.range(at: 1), in: list) else { return nil }
            return Int(list[range])
        }
        var previous = 1
        for entry in view.contents {
            let stated = try XCTUnwrap(listPage(entry.text, toc), "“\(entry.text)” not in the Daftar Isi:\n\(toc)")
            // Chapter titles are set in capitals; the search goes forward, past the Daftar Isi.
            let wanted = entry.level == 1 ? Self.normalized(entry.text).uppercased() : Self.normalized(entry.text)
            let actual = (previous...r.pageCount).first { !tocPages.contains($0) && Self.normalized(r.text($0)).contains(wanted) }
            XCTAssertEqual(stated, actual, "Daftar Isi says “\(entry.text)” is on page \(stated); it is on page \(actual.map(String.init) ?? "none")")
            previous = actual ?? previous
        }
        // Daftar Tabel: each caption's page is the landscape page that starts the table.
        let tablePages = (1...r.pageCount).filter { r.text($0).contains("DAFTAR TABEL") }
        XCTAssertEqual(tablePages.count, 1)
        let list = Self.normalized(r.text(tablePages[0]))
        XCTAssertEqual(view.tables.count, 2)
        for entry in view.tables {
            let stated = try XCTUnwrap(listPage(entry.text, list), "“\(entry.text)” not in the Daftar Tabel:\n\(list)")
            let actual = (1...r.pageCount).first { r.sizes[$0]!.0 > r.sizes[$0]!.1 && Self.normalized(r.text($0)).contains(Self.normalized(entry.text)) }
            XCTAssertEqual(stated, actual, "Daftar Tabel says “\(entry.text)” is on page \(stated)")
        }
    }

    func testNoInterfaceAndNoFindingMarks() throws {
        let b = try buildReal()
        // The real document has findings, and the web's print version marks them on its rows…
        XCTAssertTrue(b.result.findings.contains { $0.rowAnchor != nil && $0.severity != .info })
        let printPage = try String(contentsOf: b.output.appendingPathComponent("\(Self.slug)/cetak/index.html"), encoding: .utf8)
        XCTAssertTrue(printPage.contains(" temuan</a>"))
        // …the PDF does not, nor anything else of the interface.
        for page in 1...b.reader.pageCount {
            let text = b.reader.text(page).lowercased()
            for word in ["temuan", "langsung ke isi", "beranda", "lihat tabel lengkap", "cetak / simpan", "versi daring", "validasi angka"] {
                XCTAssertFalse(text.contains(word), "page \(page) shows “\(word)”")
            }
        }
    }

    // MARK: Other documents

    /// A table whose rows have four indicator lines each, over several landscape sheets: each row
    /// stays on one sheet (WeasyPrint splits a rowspan unless the row is kept whole). A document
    /// without a signing date gets no dates in its metadata; a table no chapter prints is the Lampiran.
    func testRowsWithSeveralIndicatorsAreNotSplitAndNoDateMeansNoDate() throws {
        let engine = try requireTools()
        var lines = [
            "judul: Evaluasi Uji",
            "program:",
            "  - no: \"I\"",
            "    nama: PROGRAM UJI",
            "    indikator:",
            "      - nama: Persentase uji",
            "        target: 100 persen",
            "        capaian: 50 persen",
            "        persen: 50 persen",
            "    pagu: 3.000.000",
            "    realisasi: 1.500.000",
            "    persen_realisasi: 50%",
            "    kegiatan:",
            "      - no: \"1.\"",
            "        nama: Kegiatan Uji",
            "        indikator:",
            "          - nama: Persentase kegiatan",
            "            target: 100 persen",
            "            capaian: 50 persen",
            "            persen: 50 persen",
            "        pagu: 3.000.000",
            "        realisasi: 1.500.000",
            "        persen_realisasi: 50%",
            "        sub_kegiatan:",
        ]
        for n in 1...30 {
            let id = String(format: "%02d", n)
            lines += ["          - no: \"1.\(n)\"", "            nama: Sub Uji \(id)", "            indikator:"]
            for letter in ["a", "b", "c", "d"] {
                lines += ["              - nama: Indikator \(id)\(letter) dengan nama yang cukup panjang agar baris ini terbungkus menjadi dua",
                          "                target: 2 dokumen", "                capaian: 1 dokumen", "                persen: 50 persen"]
            }
            lines += ["            pagu: 100.000", "            realisasi: 50.000", "            persen_realisasi: 50%"]
        }
        let evaluation = lines.joined(separator: "\n") + "\n"
        // No signing block at all (it is optional): no date, no city on the cover.
        let document = "judul: Dokumen Uji\njenis: Perubahan Renja\ntahun: 2024\n"
        let site = TempSite(files: ["Content/uji/tabel/evaluasi.yaml": evaluation, "Content/uji/dokumen.yaml": document])
        var options = site.options()
        options.pdf = true
        let result = try Builder.render(options)
        XCTAssertEqual(result.notes, [])
        let file = try XCTUnwrap(result.files.first { $0.path == "uji/uji.pdf" })
        let url = site.root.appendingPathComponent("uji.pdf")
        try file.data.write(to: url)
        let r = try PDFReader(url)
        XCTAssertNil(r.info["CreationDate"], "no signing date, no creation date")
        XCTAssertNil(r.info["ModDate"])
        let pages = (1...r.pageCount).map { Self.normalized(r.text($0)) }
        let tablePages = pages.indices.filter { pages[$0].contains("Program / Kegiatan / Sub Kegiatan") }
        XCTAssertGreaterThanOrEqual(tablePages.count, 3, "the table spans several sheets")
        // The chapter does not print the table: it is the Lampiran, its heading on the table's first sheet.
        let appendix = pages.indices.filter { pages[$0].contains("LAMPIRAN") }
        XCTAssertEqual(appendix, [tablePages[0]], "the Lampiran heading is on the first table sheet, not on a page of its own")
        XCTAssertTrue(pages[tablePages[0]].contains("Tabel 1. Evaluasi Uji"))
        for n in 1...30 {
            let id = String(format: "%02d", n)
            let name = pages.indices.filter { pages[$0].contains("Sub Uji \(id)") }
            let lines = ["a", "b", "c", "d"].map { l in pages.indices.filter { pages[$0].contains("Indikator \(id)\(l)") } }
            XCTAssertEqual(name.count, 1, "Sub Uji \(id) printed once")
            for (l, found) in zip(["a", "b", "c", "d"], lines) {
                XCTAssertEqual(found, name, "indicator \(id)\(l) is on page \(found), its row starts on page \(name)")
            }
        }
        _ = engine
    }

    /// `renja serve` after a save: pages at once with only the PDFs already made, then the rest.
    func testFromCacheOnlyPublishesWithoutAPDFThatWouldHaveToBeMadeAndSaysItIsPending() throws {
        _ = try requireTools()
        let site = TempSite()
        var options = site.options()
        options.pdf = true
        options.pdfFromCacheOnly = true
        let first = try Builder.render(options)
        XCTAssertTrue(first.pdfPending)
        XCTAssertEqual(first.notes, [])
        XCTAssertFalse(first.files.contains { $0.path == "uji/uji.pdf" })
        XCTAssertFalse(String(decoding: try XCTUnwrap(first.files.first { $0.path == "uji/index.html" }).data, as: UTF8.self).contains("Unduh PDF"))

        options.pdfFromCacheOnly = false
        let made = try Builder.render(options)
        XCTAssertFalse(made.pdfPending)
        let pdf = try XCTUnwrap(made.files.first { $0.path == "uji/uji.pdf" })

        options.pdfFromCacheOnly = true
        let again = try Builder.render(options)
        XCTAssertFalse(again.pdfPending, "the PDF made from the same input is in the cache")
        XCTAssertEqual(again.files.first { $0.path == "uji/uji.pdf" }?.data, pdf.data)
        XCTAssertTrue(String(decoding: try XCTUnwrap(again.files.first { $0.path == "uji/index.html" }).data, as: UTF8.self)
            .contains("<code>\(SHA256.hex(pdf.data))</code>"))
    }

    // MARK: Without WeasyPrint

    func testWithoutWeasyPrintTheSiteIsBuiltWithoutThePDFAndSaysSo() throws {
        XCTAssertNil(PDFEngine.locate(environment: ["PATH": "/tidak-ada"]))
        XCTAssertNil(PDFEngine.locate(environment: ["RENJA_WEASYPRINT": "/tidak-ada/weasyprint"]))
        let site = TempSite()
        var options = site.options()
        options.environment["RENJA_WEASYPRINT"] = "/tidak-ada/weasyprint"
        options.pdf = true
        let result = try Builder.build(options)
        XCTAssertEqual(result.notes, ["Catatan: PDF dokumen tidak dibuat karena WeasyPrint tidak terpasang (pasang dengan `pip install weasyprint`); situs dibangun tanpa PDF."])
        XCTAssertFalse(result.files.contains { $0.path.hasSuffix(".pdf") })
        XCTAssertTrue(result.files.contains { $0.path == "uji/index.html" })
        let home = String(decoding: try XCTUnwrap(result.files.first { $0.path == "uji/index.html" }).data, as: UTF8.self)
        XCTAssertFalse(home.contains("Unduh PDF"), "no link to a PDF that is not there")
        XCTAssertFalse(home.contains("SHA-256"))
        // Not asked for (the library's default): no PDF and no note.
        XCTAssertFalse(site.options().pdf)
        XCTAssertEqual(try Builder.render(site.options()).notes, [])
    }

    func testEngineVersionIsReadFromItsOutput() {
        XCTAssertEqual(PDFEngine.version(from: "WeasyPrint version 70.0\n"), "70.0")
        XCTAssertNil(PDFEngine.version(from: "Python 3.11.7\n"))
    }

    func testSizesInIndonesianFormat() {
        XCTAssertEqual(DocumentRenderer.size(999), "999 B")
        XCTAssertEqual(DocumentRenderer.size(125_327), "125,3 kB")
        XCTAssertEqual(DocumentRenderer.size(1_234_567), "1,2 MB")
        XCTAssertEqual(DocumentRenderer.size(999_949), "999,9 kB")
        XCTAssertEqual(DocumentRenderer.size(999_950), "1,0 MB")
    }

    func testSHA256KnownAnswers() {
        XCTAssertEqual(SHA256.hex(Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(Data(repeating: UInt8(ascii: "a"), count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

/// A PDF read back with poppler: page count, sizes and metadata from `pdfinfo`, each page's text
/// from `pdftotext -layout -f N -l N`.
struct PDFReader {
    let url: URL
    let pageCount: Int
    let sizes: [Int: (Double, Double)]
    let info: [String: String]
    private let texts: [String]

    static func tool(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: "\($0)/\(name)") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static var available: Bool { tool("pdfinfo") != nil && tool("pdftotext") != nil }

    static func run(_ name: String, _ arguments: [String]) throws -> String {
        let exe = try XCTUnwrap(tool(name), "\(name) not found")
        let (status, out, err) = SearchIndexer.run(exe, arguments)
        guard status == 0 else { throw XCTSkip("\(name) failed (\(status)): \(err)") }
        return out
    }

    init(_ url: URL) throws {
        self.url = url
        var info: [String: String] = [:]
        for line in try Self.run("pdfinfo", ["-isodates", url.path]).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            info[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        self.info = info
        pageCount = Int(info["Pages"] ?? "") ?? 0
        var sizes: [Int: (Double, Double)] = [:]
        // "Page    3 size:  595.276 x 841.89 pts (A4)"
        for line in try Self.run("pdfinfo", ["-f", "1", "-l", String(pageCount), url.path]).split(separator: "\n") {
            let f = line.split(separator: " ")
            guard f.count >= 6, f[0] == "Page", f[2] == "size:", let n = Int(f[1]), let w = Double(f[3]), let h = Double(f[5]) else { continue }
            sizes[n] = (w, h)
        }
        self.sizes = sizes
        texts = try (0..<pageCount).map { i in
            try Self.run("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), url.path, "-"])
        }
    }

    /// The text of a page (1-based).
    func text(_ page: Int) -> String { texts[page - 1] }
}
