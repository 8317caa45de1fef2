import RenjaModel

/// Where each page lives in the output. Pages are folders with an `index.html`, so addresses stay
/// clean (`/renja-perubahan-2024/program/program-rehabilitasi-sosial/`) on any web server.
public enum Paths {
    static func document(_ d: Document) -> String { "\(d.slug)/" }
    static func chapter(_ d: Document, _ c: Chapter) -> String { "\(d.slug)/bab/\(c.slug)/" }
    static func table(_ d: Document, _ k: TableKind) -> String { "\(d.slug)/tabel/\(k.rawValue)/" }
    static func program(_ d: Document, key: String) -> String { "\(d.slug)/program/\(key)/" }
    static func validation(_ d: Document) -> String { "\(d.slug)/validasi/" }
    /// What the revision changed (Tabel 1 → Tabel 2).
    static func changes(_ d: Document) -> String { "\(d.slug)/perubahan/" }
    /// The whole document on one page, for printing or saving as PDF.
    static func printable(_ d: Document) -> String { "\(d.slug)/cetak/" }
    /// The whole document as a PDF (A4, for the PPID page), made by `DocumentPDF`.
    static func pdf(_ d: Document) -> String { "\(d.slug)/\(d.slug).pdf" }
    /// Open-data downloads and the page that describes them.
    static func data(_ d: Document) -> String { "\(d.slug)/data/" }
    /// Site-wide search (the Pagefind bundle lives in `pagefind/` at the root).
    static let search = "cari/"
    /// Pagefind's bundle folder (the search index and its interface).
    public static let searchBundle = "pagefind/"

    /// The file that holds a page at `dir`.
    static func file(_ dir: String) -> String { dir.isEmpty ? "index.html" : "\(dir)index.html" }

    /// `../` repeated to climb from a page folder back to the site root.
    static func root(forDir dir: String) -> String {
        let depth = dir.split(separator: "/").count
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }
}
