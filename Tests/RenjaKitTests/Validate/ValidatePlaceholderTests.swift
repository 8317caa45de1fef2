import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaFacts

/// `{{angka NAMA}}` placeholders: `Placeholders.expand`, `penanda-tak-dikenal`, `penanda-tak-terhitung`,
/// `penanda-tabel`; and `DocumentFigures`.
final class ValidatePlaceholderTests: XCTestCase {
    func expand(_ f: ContentFixture) throws -> (text: String, diagnostics: [Diagnostic]) {
        let document = try f.load().documents[0]
        let chapter = document.chapters[0]
        return Placeholders.expand(chapter, figures: DocumentFacts(document).figures, document: document)
    }

    func testKnownNamesAreReplacedInIndonesianFormat() throws {
        var f = ContentFixture()
        f.appendToChapter("""
        Tabel 2 memuat {{angka jumlah_program}} program, {{angka jumlah_kegiatan}} kegiatan dan \
        {{ angka jumlah_sub_kegiatan }} sub kegiatan; Tabel 1 {{angka jumlah_sub_kegiatan_evaluasi_terbilang}} sub kegiatan. \
        Pagu {{angka pagu_total}} ({{angka pagu_total_rencana}}), sebelumnya {{angka pagu_total_evaluasi}}, \
        perubahan {{angka perubahan_pagu_total}}; realisasi {{angka realisasi_total}} ({{angka persen_realisasi_total}}) \
        tahun {{angka tahun}}.
        """)
        let (text, diagnostics) = try expand(f)
        XCTAssertEqual(diagnostics.map(DiagnosticPrinter.short), [])
        XCTAssertTrue(text.hasSuffix("""
        Tabel 2 memuat 2 program, 3 kegiatan dan 4 sub kegiatan; Tabel 1 empat sub kegiatan. \
        Pagu Rp 1.500.000 (Rp 1.500.000), sebelumnya Rp 1.500.000, perubahan Rp 0; realisasi Rp 650.000 (43,33%) tahun 2024.

        """), text)
        XCTAssertTrue(text.hasPrefix("\nTeks pembuka tanpa angka."))
    }

    func testUnknownNameIsAnErrorAtItsColumnWithASuggestion() throws {
        var f = ContentFixture()
        f.appendToChapter("Total anggaran: {{angka pagu_totl}}.")
        let (text, diagnostics) = try expand(f)
        XCTAssertEqual(diagnostics.count, 1)
        let d = diagnostics.first
        XCTAssertEqual(d?.code, "penanda-tak-dikenal")
        XCTAssertEqual(d?.severity, .galat)
        XCTAssertEqual(d?.location, f.location(of: "{{angka pagu_totl}}", in: ContentFixture.chapter))
        XCTAssertEqual(d?.location?.description, "Content/uji/bab/01-pendahuluan.md:9:17")
        XCTAssertEqual(d?.figure("ditemukan"), "pagu_totl")
        XCTAssertEqual(d?.notes.first, "mungkin maksudnya `{{angka pagu_total}}`?")
        XCTAssertTrue(text.contains("{{angka pagu_totl}}"))
        // `renja check` reports it too.
        XCTAssertEqual(try f.run().only("penanda-tak-dikenal")?.location, d?.location)
    }

    func testNameWithSpacesGetsTheUnderscoredSuggestion() throws {
        var f = ContentFixture()
        f.appendToChapter("{{angka pagu total evaluasi}}")
        let d = try expand(f).diagnostics.first
        XCTAssertEqual(d?.notes.first, "mungkin maksudnya `{{angka pagu_total_evaluasi}}`?")
    }

    func testEmptyNameAndUnknownMarker() throws {
        var f = ContentFixture()
        f.appendToChapter("{{angka}} dan {{angak pagu_total}} dan {{tabel evalusi}}")
        let ds = try expand(f).diagnostics
        XCTAssertEqual(ds.map(\.code), ["penanda-tak-dikenal", "penanda-tak-dikenal", "penanda-tak-dikenal"])
        XCTAssertEqual(ds.map { $0.location?.column }, [1, 15, 40])
        XCTAssertEqual(ds[1].notes.first, "mungkin maksudnya `{{angka …}}`?")
        XCTAssertEqual(ds[2].notes.first, "mungkin maksudnya `{{tabel evaluasi}}`?")
    }

    func testTableMarkersAreLeftForTheRenderer() throws {
        var f = ContentFixture()
        f.appendToChapter("{{tabel evaluasi}}")
        f.appendToChapter("{{tabel rencana}}")
        let (text, diagnostics) = try expand(f)
        XCTAssertEqual(diagnostics.map(DiagnosticPrinter.short), [])
        XCTAssertTrue(text.contains("\n{{tabel evaluasi}}\n") && text.contains("\n{{tabel rencana}}\n"))
    }

    func testTableMarkerInsideASentenceWillNotRender() throws {
        var f = ContentFixture()
        f.appendToChapter("Lihat {{tabel rencana}} di bawah.")
        let d = try expand(f).diagnostics.first
        XCTAssertEqual(d?.code, "penanda-tabel")
        XCTAssertEqual(d?.severity, .peringatan)
        XCTAssertEqual(d?.location, f.location(of: "{{tabel rencana}}", in: ContentFixture.chapter))
    }

    func testFiguresOfAMissingTableCannotBeComputed() throws {
        var f = ContentFixture()
        f.files[ContentFixture.plan] = nil
        f.appendToChapter("Pagu {{angka pagu_total}}, sebelumnya {{angka pagu_total_evaluasi}}.\n\n{{tabel rencana}}")
        let (text, ds) = try expand(f)
        XCTAssertEqual(ds.map(\.code), ["penanda-tak-terhitung", "penanda-tak-terhitung"])
        XCTAssertEqual(ds.first?.location, f.location(of: "{{angka pagu_total}}", in: ContentFixture.chapter))
        XCTAssertEqual(ds.first?.severity, .galat)
        XCTAssertTrue(text.contains("Pagu {{angka pagu_total}}, sebelumnya Rp 1.500.000."))
    }

    func testFiguresFromAMalformedAmountCannotBeComputed() throws {
        var f = ContentFixture()
        f.replace("pagu: 500.000", with: "pagu: 5000.000", occurrence: 1)
        f.appendToChapter("{{angka pagu_total_evaluasi}} / {{angka persen_realisasi_total}} / {{angka pagu_total}}")
        let (text, ds) = try expand(f)
        XCTAssertEqual(ds.map(\.code), ["penanda-tak-terhitung", "penanda-tak-terhitung"])
        XCTAssertTrue(text.hasSuffix("{{angka pagu_total_evaluasi}} / {{angka persen_realisasi_total}} / Rp 1.500.000\n"), text)
    }

    func testMarkersInCodeAreLeftAlone() throws {
        var f = ContentFixture()
        f.appendToChapter("Tulis `{{angka pagu_totl}}` seperti ini.\n\n```\n{{angka salah}}\n```")
        let (text, ds) = try expand(f)
        XCTAssertEqual(ds.map(DiagnosticPrinter.short), [])
        XCTAssertTrue(text.contains("`{{angka pagu_totl}}`") && text.contains("\n{{angka salah}}\n"))
    }

    func testEveryDocumentedNameHasAValue() throws {
        let document = try ContentFixture().load().documents[0]
        let figures = DocumentFacts(document).figures
        for name in DocumentFigures.placeholderNames {
            guard case .success(let value) = figures.placeholder(name) else { return XCTFail(name) }
            XCTAssertFalse(value.isEmpty, name)
        }
        XCTAssertEqual(figures.placeholder("tidak_ada"), .failure(.unknownName))
    }
}
