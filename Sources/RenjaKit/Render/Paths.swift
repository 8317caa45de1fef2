/// Where each page lives in the output. Pages are folders with an `index.html`, so addresses stay
/// clean (`/renja-perubahan-2024/program/program-rehabilitasi-sosial/`) on any web server.
enum Paths {
    static func document(_ d: Document) -> String { "\(d.slug)/" }
    static func chapter(_ d: Document, _ c: Chapter) -> String { "\(d.slug)/bab/\(c.slug)/" }
    static func table(_ d: Document, _ k: TableKind) -> String { "\(d.slug)/tabel/\(k.rawValue)/" }
    static func program(_ d: Document, key: String) -> String { "\(d.slug)/program/\(key)/" }
    static func validation(_ d: Document) -> String { "\(d.slug)/validasi/" }

    /// The file that holds a page at `dir`.
    static func file(_ dir: String) -> String { dir.isEmpty ? "index.html" : "\(dir)index.html" }

    /// `../` repeated to climb from a page folder back to the site root.
    static func root(forDir dir: String) -> String {
        let depth = dir.split(separator: "/").count
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }
}
