import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaLoad
@testable import RenjaChecks

/// A tiny Content tree — two programs, three kegiatan, four sub kegiatan, both tables and one
/// chapter — in which every figure is consistent, so the validator says nothing about it. Each test
/// changes one thing (`replace`), runs the validator, and asserts the finding that change causes,
/// with its exact file, line and column (found with `location(of:in:)`).
struct ContentFixture {
    static let documentSlug = "uji"
    /// File contents by path relative to the document folder (`tabel/evaluasi.yaml`), plus `../situs.yaml`.
    var files: [String: String] = ContentFixture.defaults

    static let evaluation = "tabel/evaluasi.yaml"
    static let plan = "tabel/rencana.yaml"
    static let chapter = "bab/01-pendahuluan.md"
    static let metadata = "dokumen.yaml"

    static let defaults: [String: String] = [
        "../situs.yaml": """
        judul: Situs Uji
        base_url: https://contoh.go.id/renja/
        instansi:
          nama: Dinas Uji
        """,
        metadata: """
        judul: Perubahan Renja Uji 2024
        tahun: 2024
        pengesahan:
          tempat: Pekalongan
          tanggal: 2024-08-08
          jabatan: Kepala Dinas
          nama: Nama Kepala
        """,
        evaluation: """
        judul: Evaluasi Renja Uji
        program:
          - no: "I"
            nama: PROGRAM UJI PERTAMA
            indikator:
              - nama: Persentase ketercapaian program uji pertama
                target: 100 persen
                capaian: 50 persen
                persen: 50 persen
            pagu: 1.000.000
            realisasi: 400.000
            persen_realisasi: 40.00%
            kegiatan:
              - no: "1."
                nama: Kegiatan Uji Satu
                indikator:
                  - nama: Persentase ketercapaian kegiatan uji satu
                    target: 100 persen
                    capaian: 50 persen
                    persen: 50 persen
                pagu: 600.000
                realisasi: 300.000
                persen_realisasi: 50.00%
                sub_kegiatan:
                  - no: "1.1"
                    nama: Penyusunan Dokumen Uji
                    indikator:
                      - nama: Jumlah Dokumen Uji Satu
                        target: 2 dokumen
                        capaian: 1 dokumen
                        persen: 50 persen
                    pagu: 250.000
                    realisasi: 100.000
                    persen_realisasi: 40.00%
                  - no: "1.2"
                    nama: Penyusunan Laporan Uji
                    indikator:
                      - nama: Jumlah Laporan Uji Dua
                        target: 4 laporan
                        capaian: 2 laporan
                        persen: 50 persen
                    pagu: 350.000
                    realisasi: 200.000
                    persen_realisasi: 57.14%
              - no: "2."
                nama: Kegiatan Uji Dua
                indikator:
                  - nama: Persentase ketercapaian kegiatan uji dua
                    target: 100 persen
                    capaian: 50 persen
                    persen: 50 persen
                pagu: 400.000
                realisasi: 100.000
                persen_realisasi: 25.00%
                sub_kegiatan:
                  - no: "2.1"
                    nama: Pelayanan Warga Uji
                    indikator:
                      - nama: Jumlah Orang Terlayani Uji
                        target: 10 orang
                        capaian: 5 orang
                        persen: 50 persen
                    pagu: 400.000
                    realisasi: 100.000
                    persen_realisasi: 25.00%
          - no: "II"
            nama: PROGRAM UJI KEDUA
            indikator:
              - nama: Penurunan angka kasus uji
                target: 10 persen
                capaian: 10 persen
                persen: 100 persen
            pagu: 500.000
            realisasi: 250.000
            persen_realisasi: 50.00%
            kegiatan:
              - no: "3."
                nama: Kegiatan Uji Tiga
                indikator:
                  - nama: Persentase ketercapaian kegiatan uji tiga
                    target: 100 persen
                    capaian: 50 persen
                    persen: 50 persen
                pagu: 500.000
                realisasi: 250.000
                persen_realisasi: 50.00%
                sub_kegiatan:
                  - no: "3.1"
                    nama: Pendampingan Keluarga Uji
                    indikator:
                      - nama: Jumlah Keluarga Didampingi Uji
                        target: 8 keluarga
                        capaian: 4 keluarga
                        persen: 50 persen
                    pagu: 500.000
                    realisasi: 250.000
                    persen_realisasi: 50.00%
        """,
        plan: """
        judul: Rencana Kerja Uji
        program:
          - kode: "1.06.01"
            nama: PROGRAM UJI PERTAMA
            indikator:
              - nama: Persentase ketercapaian program uji pertama
                target: 100 persen
            pagu: 1.000.000
            kegiatan:
              - kode: "1.06.01.2.01"
                nama: Kegiatan Uji Satu
                indikator:
                  - nama: Persentase ketercapaian kegiatan uji satu
                    target: 100 persen
                pagu: 600.000
                sub_kegiatan:
                  - kode: "1.06.01.2.01.0001"
                    nama: Penyusunan Dokumen Uji
                    indikator:
                      - nama: Jumlah Dokumen Uji Satu
                        target: 2 dokumen
                    pagu: 250.000
                  - kode: "1.06.01.2.01.0002"
                    nama: Penyusunan Laporan Uji
                    indikator:
                      - nama: Jumlah Laporan Uji Dua
                        target: 4 laporan
                    pagu: 350.000
              - kode: "1.06.01.2.02"
                nama: Kegiatan Uji Dua
                indikator:
                  - nama: Persentase ketercapaian kegiatan uji dua
                    target: 100 persen
                pagu: 400.000
                sub_kegiatan:
                  - kode: "1.06.01.2.02.0001"
                    nama: Pelayanan Warga Uji
                    indikator:
                      - nama: Jumlah Orang Terlayani Uji
                        target: 10 orang
                    pagu: 400.000
          - kode: "1.06.02"
            nama: PROGRAM UJI KEDUA
            indikator:
              - nama: Penurunan angka kasus uji
                target: 10 persen
            pagu: 500.000
            kegiatan:
              - kode: "1.06.02.2.01"
                nama: Kegiatan Uji Tiga
                indikator:
                  - nama: Persentase ketercapaian kegiatan uji tiga
                    target: 100 persen
                pagu: 500.000
                sub_kegiatan:
                  - kode: "1.06.02.2.01.0001"
                    nama: Pendampingan Keluarga Uji
                    indikator:
                      - nama: Jumlah Keluarga Didampingi Uji
                        target: 8 keluarga
                    pagu: 500.000
        """,
        chapter: """
        ---
        nomor: I
        judul: Pendahuluan
        urutan: 1
        ---

        Teks pembuka tanpa angka.
        """,
    ]

    /// Path of a document file as diagnostics show it (`Content/uji/tabel/evaluasi.yaml`).
    static func displayPath(_ file: String) -> String {
        file.hasPrefix("../") ? "Content/" + file.dropFirst(3) : "Content/\(documentSlug)/\(file)"
    }

    /// Replaces the only occurrence of `old` (fails the test if there is none or more than one).
    mutating func replace(_ old: String, with new: String, in file: String = ContentFixture.evaluation,
                          occurrence: Int? = nil, sourceLine: UInt = #line) {
        guard let text = files[file] else { XCTFail("no file \(file)", line: sourceLine); return }
        let ranges = ContentFixture.ranges(of: old, in: text)
        if let occurrence {
            guard occurrence <= ranges.count else { XCTFail("`\(old)` occurs \(ranges.count) times in \(file)", line: sourceLine); return }
            files[file] = text.replacingCharacters(in: ranges[occurrence - 1], with: new)
        } else {
            guard ranges.count == 1 else { XCTFail("`\(old)` occurs \(ranges.count) times in \(file)", line: sourceLine); return }
            files[file] = text.replacingCharacters(in: ranges[0], with: new)
        }
    }

    /// Appends a paragraph to the chapter.
    mutating func appendToChapter(_ paragraph: String) {
        files[ContentFixture.chapter, default: ""] += "\n\n" + paragraph + "\n"
    }

    static func ranges(of needle: String, in text: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        var from = text.startIndex
        while let r = text.range(of: needle, range: from..<text.endIndex) {
            out.append(r)
            from = r.upperBound
        }
        return out
    }

    /// Where `needle` (its `occurrence`-th appearance) starts in a file: the location a diagnostic
    /// about that text must carry.
    func location(of needle: String, in file: String = ContentFixture.evaluation, occurrence: Int = 1,
                  sourceLine: UInt = #line) -> SourceLocation {
        let text = files[file] ?? ""
        let ranges = ContentFixture.ranges(of: needle, in: text)
        guard occurrence <= ranges.count else {
            XCTFail("`\(needle)` not found in \(file)", line: sourceLine)
            return SourceLocation(file: ContentFixture.displayPath(file), line: 0, column: 0)
        }
        let start = ranges[occurrence - 1].lowerBound
        let before = text[..<start]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let column = text.distance(from: lineStart, to: start) + 1
        return SourceLocation(file: ContentFixture.displayPath(file), line: line, column: column)
    }

    /// Where the value of `key: value` starts (its `occurrence`-th appearance).
    func location(ofValue value: String, key: String, in file: String = ContentFixture.evaluation, occurrence: Int = 1,
                  sourceLine: UInt = #line) -> SourceLocation {
        var loc = location(of: "\(key): \(value)", in: file, occurrence: occurrence, sourceLine: sourceLine)
        loc.column += key.count + 2
        return loc
    }

    /// Where `needle` starts, searching after the end of the first occurrence of `anchor` (for values that
    /// repeat, e.g. `persen: 50 persen`).
    func location(of needle: String, after anchor: String, in file: String = ContentFixture.evaluation,
                  sourceLine: UInt = #line) -> SourceLocation {
        let text = files[file] ?? ""
        guard let a = text.range(of: anchor) else {
            XCTFail("`\(anchor)` not found in \(file)", line: sourceLine)
            return SourceLocation(file: ContentFixture.displayPath(file), line: 0, column: 0)
        }
        let before = ContentFixture.ranges(of: needle, in: String(text[..<a.upperBound])).count
        return location(of: needle, in: file, occurrence: before + 1, sourceLine: sourceLine)
    }

    /// Writes the tree to a fresh temporary folder and loads it as `renja` would.
    func load() throws -> Site {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("renja-validate-\(UUID().uuidString)")
        let content = root.appendingPathComponent("Content")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in files {
            let url = path.hasPrefix("../")
                ? content.appendingPathComponent(String(path.dropFirst(3)))
                : content.appendingPathComponent(ContentFixture.documentSlug).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return try SiteLoader.load(content: content, displayPath: "Content")
    }

    func run() throws -> [Diagnostic] { Validator.run(try load()) }
}

// MARK: Assertions

extension Diagnostic {
    /// The value of a labelled figure, e.g. `figure("dihitung")`.
    func figure(_ label: String) -> String? { figures.first { $0.label == label }?.value }
}

extension Array where Element == Diagnostic {
    /// The findings with one code.
    func coded(_ code: String) -> [Diagnostic] { filter { $0.code == code } }

    /// Asserts there is exactly one finding with `code` and returns it.
    @discardableResult
    func only(_ code: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        let matching = coded(code)
        XCTAssertEqual(matching.count, 1, "expected one `\(code)`, got: \(matching.map(DiagnosticPrinter.short))", file: file, line: line)
        return matching.first
    }

    /// Asserts that no finding has `code`.
    func expectNone(_ code: String, file: StaticString = #filePath, line: UInt = #line) {
        let matching = coded(code)
        XCTAssertTrue(matching.isEmpty, "unexpected `\(code)`: \(matching.map(DiagnosticPrinter.short))", file: file, line: line)
    }
}
