import Foundation
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaLoad

/// Locations in the repository, found from this file so tests run from any working folder.
enum RepoPaths {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var content: URL { root.appendingPathComponent("Content") }
    static var templates: URL { root.appendingPathComponent("Templates") }
    static var fixtures: URL { root.appendingPathComponent("Tests/RenjaKitTests/Fixtures") }
    static var seed: URL { fixtures.appendingPathComponent("seed/renja-perubahan-2024.txt") }

    static func temporaryFolder(_ name: String = #function) -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("renja-test-\(safe)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func loadRealSite() throws -> Site {
        try SiteLoader.load(content: content, displayPath: "Content")
    }
}

/// A small content tree written to a temporary folder: start from the real site settings and a
/// minimal document, then override any file.
struct TempSite {
    let root: URL
    var content: URL { root.appendingPathComponent("Content") }

    static let settings = """
    judul: Situs Uji
    base_url: https://contoh.go.id/renja/
    instansi:
      nama: Dinas Uji
    """

    static let document = """
    judul: Dokumen Uji
    jenis: Perubahan Renja
    tahun: 2024
    pengesahan:
      tempat: Pekalongan
      tanggal: 2024-08-08
      jabatan: Kepala Dinas
      nama: Nama Kepala
    """

    static let evaluation = """
    judul: Evaluasi Uji
    program:
      - no: "I"
        nama: PROGRAM UJI
        indikator:
          - nama: Persentase uji
            target: 100 persen
            capaian: 50 persen
            persen: 50 persen
        pagu: 3.000.000
        realisasi: 1.500.000
        persen_realisasi: 50%
        kegiatan:
          - no: "1."
            nama: Kegiatan Uji
            indikator:
              - nama: Persentase kegiatan
                target: 100 persen
                capaian: 50 persen
                persen: 50 persen
            pagu: 3.000.000
            realisasi: 1.500.000
            persen_realisasi: 50%
            sub_kegiatan:
              - no: "1.1"
                nama: Sub Kegiatan Uji
                indikator:
                  - nama: Jumlah Dokumen Uji
                    target: 2 dokumen
                    capaian: 1 dokumen
                    persen: 50 persen
                pagu: 3.000.000
                realisasi: 1.500.000
                persen_realisasi: 50%
    """

    static let chapter = """
    ---
    nomor: I
    judul: Pendahuluan
    urutan: 1
    ---
    ## 1.1 Latar Belakang

    Teks bab.
    """

    init(files: [String: String?] = [:]) {
        root = RepoPaths.temporaryFolder("site")
        var all: [String: String?] = [
            "Content/situs.yaml": TempSite.settings,
            "Content/uji/dokumen.yaml": TempSite.document,
            "Content/uji/tabel/evaluasi.yaml": TempSite.evaluation,
            "Content/uji/bab/01-pendahuluan.md": TempSite.chapter,
        ]
        for (k, v) in files { all[k] = v }
        for (path, text) in all {
            guard let text else { continue }
            write(path, Data(text.utf8))
        }
    }

    func write(_ path: String, _ data: Data) {
        let url = root.appendingPathComponent(path)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: url)
    }

    func load() throws -> Site { try SiteLoader.load(content: content, displayPath: "Content") }

    func options(output: URL? = nil) -> BuildOptions {
        BuildOptions(content: content, contentDisplay: "Content", templates: RepoPaths.templates, templatesDisplay: "Templates",
                     output: output ?? root.appendingPathComponent("Public")).isolated(cache: root.appendingPathComponent("cache"))
    }
}

extension BuildOptions {
    /// The options with Renja's cache folder (build cache, PDFs, where the tools are) in `folder`
    /// instead of the developer's `~/.cache/renja`: every test that builds with search, PDFs or the
    /// build cache gives its own (no process-wide `setenv`).
    func isolated(cache folder: URL) -> BuildOptions {
        var o = self
        o.environment["RENJA_CACHE_DIR"] = folder.path
        return o
    }

    /// Isolated in a new temporary folder.
    func isolated() -> BuildOptions { isolated(cache: RepoPaths.temporaryFolder("cache")) }
}
