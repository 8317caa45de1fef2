import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaFacts
@testable import RenjaImport

/// The shapes of input the import accepts: tab-separated text from a word processor, CSV from a
/// spreadsheet (`;` in Indonesian locale, or `,`), Windows line ends, a byte-order mark, UTF-16
/// and Windows-1252, tables split over pages.
final class ImportFormatsTests: XCTestCase {
    /// Tabel 1 as a spreadsheet in Indonesian locale saves it: `;`, CRLF, a UTF-8 byte-order mark,
    /// text cells in quotes, one name with a line break inside its cell, two header rows.
    func testSemicolonCSVWithWindowsLineEndsAndByteOrderMark() throws {
        let data = try ImportFixtures.data("evaluasi-titik-koma.csv")
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\r\n"))
        let parsed = try ImportFixtures.parse("evaluasi-titik-koma.csv", .evaluasi)
        XCTAssertEqual(parsed.delimiter, ";")
        XCTAssertNil(parsed.caption)
        XCTAssertEqual(parsed.rows.headerRows, 2)
        XCTAssertEqual(parsed.rows.continuationRows, 0)
        assertSameRows(TableRows(parsed.table), try ImportFixtures.contentRows(.evaluasi))
        // Line numbers count the lines of the file, including the ones inside a quoted cell.
        let item = try XCTUnwrap(parsed.table.allItems.first { $0.number?.value == "4.2" })
        XCTAssertEqual(item.location.line, 19)
        XCTAssertEqual(item.name.location?.column, 6, "the text, after the opening quote")
    }

    /// Tabel 2's programs II and III as a comma-separated export (only cells with a comma quoted).
    func testCommaCSV() throws {
        let parsed = try ImportFixtures.parse("rencana-koma.csv", .rencana)
        XCTAssertEqual(parsed.delimiter, ",")
        XCTAssertEqual(parsed.rows.headerRows, 2, "the column titles at the top and once more before 1.06.04.2.01")
        assertSameRows(TableRows(parsed.table), try ImportFixtures.contentRows(.rencana, programs: ["1.06.02", "1.06.04"]))
    }

    /// Three pages: each with repeated column titles (and a row numbering the columns), the later
    /// ones under "(lanjutan)" captions; rows split by the page breaks continue after the headers.
    func testTableSplitOverSeveralPages() throws {
        let parsed = try ImportFixtures.parse("evaluasi-halaman.tsv", .evaluasi)
        XCTAssertEqual(parsed.caption, "Evaluasi Renja sampai dengan Triwulan II Tahun 2024")
        XCTAssertEqual(parsed.rows.headerRows, 10)
        XCTAssertEqual(parsed.rows.continuationRows, 2)
        assertSameRows(TableRows(parsed.table), try ImportFixtures.contentRows(.evaluasi, programs: ["V", "VI"]))
    }

    func testUTF16WithByteOrderMark() throws {
        // Excel's "Unicode Text": UTF-16 little endian with a BOM, tab-separated, CRLF.
        let text = try String(contentsOf: ImportFixtures.url("evaluasi-halaman.tsv"), encoding: .utf8).replacingOccurrences(of: "\n", with: "\r\n")
        var data = Data([0xFF, 0xFE])
        for unit in text.utf16 { data.append(UInt8(unit & 0xFF)); data.append(UInt8(unit >> 8)) }
        let (parsed, diagnostics) = TableImporter.parse(data, kind: .evaluasi, path: "unicode.txt")
        let p = try XCTUnwrap(parsed, diagnostics.map(DiagnosticPrinter.short).joined(separator: "\n"))
        XCTAssertEqual(p.encodingNote, "UTF-16 (Unicode Text)")
        assertSameRows(TableRows(p.table), try ImportFixtures.contentRows(.evaluasi, programs: ["V", "VI"]))
    }

    func testWindows1252() throws {
        // "Rehabilitasi – Tahap II" with an en dash saved by an ANSI export (0x96), and "é" (0xE9).
        var bytes = Array("I\tPROGRAM UJI\tPersentase uji\t100 persen\t50 persen\t50 persen\t1.000\t500\t50%\n1.\tRehabilitasi ".utf8)
        bytes += [0x96]
        bytes += Array(" Tahap II caf".utf8) + [0xE9] + Array("\tIndikator\t1 unit\t0 unit\t0 persen\t1.000\t500\t50%\n".utf8)
        let (parsed, diagnostics) = TableImporter.parse(Data(bytes), kind: .evaluasi, path: "ansi.txt")
        let p = try XCTUnwrap(parsed, diagnostics.map(DiagnosticPrinter.short).joined(separator: "\n"))
        XCTAssertEqual(p.encodingNote, "Windows-1252 (bukan UTF-8)")
        XCTAssertEqual(p.table.programs[0].children[0].name.value, "Rehabilitasi – Tahap II café")
    }

    func testSpreadsheetAndWordFilesAreRefused() {
        for (magic, path) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], "tabel.xlsx"), ([0xD0, 0xCF, 0x11, 0xE0], "tabel.xls")] {
            let (parsed, diagnostics) = TableImporter.parse(Data(magic + [0, 0, 1, 2]), kind: .evaluasi, path: path)
            XCTAssertNil(parsed)
            XCTAssertEqual(diagnostics.map(DiagnosticPrinter.short),
                           ["\(path):1:1: galat[impor-bukan-teks]: berkas ini dokumen lembar kerja atau pengolah kata (.xlsx/.xls/.docx), bukan teks"])
        }
        let (parsed, diagnostics) = TableImporter.parse(Data("I\tA\u{0}B".utf8), kind: .evaluasi, path: "nul.txt")
        XCTAssertNil(parsed)
        XCTAssertEqual(diagnostics.first?.code, "impor-bukan-teks")
        XCTAssertEqual(diagnostics.first?.location?.column, 4)
    }

    func testEmptyInputIsRefused() {
        for text in ["", "\n\n", "No.\tProgram / Kegiatan / Sub Kegiatan\tIndikator Kinerja\tTarget\tPagu Anggaran\n"] {
            let (parsed, diagnostics) = ImportFixtures.parse(text: text, .rencana)
            XCTAssertNil(parsed)
            XCTAssertEqual(diagnostics.map(\.code), ["impor-kosong"], text)
        }
    }

    // MARK: The tokenizer

    func testQuotedCells() {
        let text = "\"a;b\";\"kata \"\"kutip\"\"\";\"dua\nbaris\"\nx;;z\n"
        let records = DelimitedText.parse(text, delimiter: ";")
        XCTAssertEqual(records.map { $0.cells.map(\.text) }, [["a;b", "kata \"kutip\"", "dua\nbaris"], ["x", "", "z"]])
        XCTAssertEqual(records.map(\.line), [1, 3])
        XCTAssertEqual(records[0].cells.map(\.column), [2, 8, 25])
    }

    /// A word processor copies quotes as they are: a quote that does not close a cell is text.
    func testStrayQuotesAreText() {
        let text = "1.\t\"Kampung\" Ramah Anak\tIndikator \"A\"\n2.\t\"belum ditutup\tx\n"
        let records = DelimitedText.parse(text, delimiter: "\t")
        XCTAssertEqual(records.map { $0.cells.map(\.text) },
                       [["1.", "\"Kampung\" Ramah Anak", "Indikator \"A\""], ["2.", "\"belum ditutup", "x"]])
    }

    func testDelimiterDetection() {
        // Names full of commas, quoted: still `;` (9 columns), not `,`.
        let semicolon = "I;\"PROGRAM A, B\";\"Ind, x\";1 unit;1 unit;100 persen;1.000;1.000;100%\n"
        XCTAssertEqual(DelimitedText.detectDelimiter(semicolon, expectedColumns: 9), ";")
        let comma = "1.06.01,\"PROGRAM A, B\",Ind,1 unit,1.000\n"
        XCTAssertEqual(DelimitedText.detectDelimiter(comma, expectedColumns: 5), ",")
        let tab = "1.06.01\tPROGRAM A; B, C\tInd\t1 unit\t1.000\n"
        XCTAssertEqual(DelimitedText.detectDelimiter(tab, expectedColumns: 5), "\t")
    }

    func testCellTextIsCleanedLikeTheLoaderTrims() {
        XCTAssertEqual(TableTextParser.clean("  Penyediaan\u{00A0}Jasa \n Surat\tMenyurat  "), "Penyediaan Jasa Surat Menyurat")
        XCTAssertEqual(TableTextParser.clean("\u{2028}x\u{200B}"), "x")
        XCTAssertEqual(TableTextParser.clean("\u{FEFF}Kabupaten\u{2060}/Kota"), "Kabupaten/Kota")
    }

    func testHeaderAndCaptionRecognition() {
        func cells(_ s: [String]) -> [TableTextParser.Value] {
            s.map { TableTextParser.Value(text: $0, location: SourceLocation(file: "x", line: 1, column: 1)) }
        }
        XCTAssertTrue(TableTextParser.isHeader(cells(["No.", "Program / Kegiatan / Sub Kegiatan", "Indikator Kinerja", "Indikator", "Pagu Anggaran"])))
        XCTAssertTrue(TableTextParser.isHeader(cells(["", "", "", "Target", "Target"])))
        XCTAssertTrue(TableTextParser.isHeader(cells(["Kode", "Uraian", "Indikator Kinerja", "Target", "Pagu Anggaran (Rp)"])))
        XCTAssertTrue(TableTextParser.isHeader(cells(["1", "2", "3", "4", "5"])))
        XCTAssertFalse(TableTextParser.isHeader(cells(["1.", "Penyediaan", "Jumlah", "2 dokumen", "1.000"])))
        XCTAssertFalse(TableTextParser.isHeader(cells(["", "", "Kabupaten/Kota", "", ""])))
        XCTAssertEqual(TableTextParser.caption(cells(["Tabel 2. Rencana Kerja", "", ""]))?.1, "Rencana Kerja")
        XCTAssertEqual(TableTextParser.caption(cells(["TABEL 1: Evaluasi"]))?.0, 1)
        XCTAssertNotNil(TableTextParser.caption(cells(["Tabel 1. Evaluasi (lanjutan)"])))
        XCTAssertNil(TableTextParser.caption(cells(["Tabel 1. Evaluasi (lanjutan)"]))!.1)
        XCTAssertNil(TableTextParser.caption(cells(["Tabel 1. Evaluasi", "9"])), "a table of contents line is not a caption")
        XCTAssertNil(TableTextParser.caption(cells(["Tabelnya"])))
    }
}

/// What spreadsheets do to numbers on the way out.
final class ImportSpreadsheetNumberTests: XCTestCase {
    /// Amounts exported as stored (`3841554000`, `Rp 1.500,00`) are written the document's way;
    /// amounts that do not read are left alone.
    func testAmountsAreWrittenWithThousandsDots() throws {
        let text = """
        I;PROGRAM;Ind;100 persen;50 persen;50,00%;3841554000;Rp 1.500,00;0,04%
        1.;Kegiatan;Ind;1 unit;1 unit;100 persen;160.427.6000;0;0%
        """
        let (parsed, ds) = ImportFixtures.parse(text: text, .evaluasi, path: "ekspor.csv")
        let p = try XCTUnwrap(parsed, ds.map(DiagnosticPrinter.short).joined(separator: "\n"))
        XCTAssertEqual(p.table.programs[0].pagu?.value.raw, "3.841.554.000")
        XCTAssertEqual(p.table.programs[0].realisasi?.value.raw, "1.500")
        XCTAssertEqual(p.table.programs[0].indicators[0].stated?.value.raw, "50,00%", "percentages are kept as written")
        XCTAssertEqual(p.table.programs[0].children[0].pagu?.value.raw, "160.427.6000", "a malformed amount is not repaired")
        XCTAssertEqual(p.rows.normalizedAmounts, 2)
        XCTAssertEqual(p.rows.normalizedAmountExample?.0, "3841554000")
        XCTAssertEqual(ds.map(\.code), ["impor-angka"])
    }

    func testSubKegiatanNumberTurnedIntoADecimal() {
        let text = "I\tPROGRAM\tInd\t1 unit\t1 unit\t100 persen\t1.000\t500\t50%\n1.\tKeg\tInd\t1 unit\t1 unit\t100 persen\t1.000\t500\t50%\n1,1\tSub\tInd\t1 unit\t1 unit\t100 persen\t1.000\t500\t50%\n"
        let (parsed, ds) = ImportFixtures.parse(text: text, .evaluasi)
        XCTAssertNil(parsed)
        XCTAssertEqual(ds.map(DiagnosticPrinter.short), ["uji.tsv:3:1: galat[impor-nomor]: nomor baris `1,1` tidak dikenali"])
        XCTAssertEqual(ds.first?.notes.first?.hasPrefix("lembar kerja tampaknya mengubah nomor 1.1 menjadi angka desimal"), true)
    }
}
