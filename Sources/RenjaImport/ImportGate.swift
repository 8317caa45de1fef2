import RenjaModel

/// The gate every import passes before a file is written: the YAML is read by the file kind's own
/// loader, exactly as `renja build` reads it, and what the loader refuses comes back at the input
/// cells (the YAML is never written, so its lines would help nobody).
enum ImportGate {
    /// The loader's `errors`, each moved to the input cell its value came from (`place`), with the
    /// row named in a note; an error at no known place keeps its YAML position and says so.
    static func relocated(_ errors: [Diagnostic], outputPath: String, place: (SourceLocation) -> InputPlace?) -> [Diagnostic] {
        errors.map { error in
            var e = error
            if let at = e.location, let place = place(at) {
                e.location = place.location
                e.notes.append("\(place.row): `renja build` dan `renja check` akan menolak nilai ini di \(outputPath) baris \(at.line), jadi impor dihentikan")
            } else {
                e.notes.append("galat ini ada di YAML hasil impor (\(outputPath), tidak ditulis)")
            }
            return e
        }
    }

    /// The YAML loaded without errors but not as the table the import read: a bug in the writer.
    static func mismatch(_ found: String) -> Diagnostic {
        .galat("impor-internal", "hasil impor tidak terbaca kembali sama persis; berkas tidak ditulis", at: nil,
               figures: [.init("diharapkan", "YAML yang terbaca sama dengan tabel hasil impor"), .init("ditemukan", found)],
               notes: [bugNote])
    }

    /// The loader gave neither a table nor an error: a bug in the writer.
    static let unreadable = Diagnostic.galat("impor-internal", "hasil impor tidak terbaca kembali; berkas tidak ditulis", at: nil,
                                             figures: [.init("diharapkan", "YAML yang terbaca"), .init("ditemukan", "tabel tidak terbaca")],
                                             notes: [bugNote])

    private static let bugNote = "ini kesalahan program renja; laporkan beserta berkas masukannya"

    /// Diagnostics in the order of the input, the order of reporting among equals. Where one has no
    /// place, Tabel 1/2 keep the order of reporting (`unplacedFirst` false) and the standard tables
    /// put it first (its message is about the whole file).
    static func inInputOrder(_ ds: [Diagnostic], unplacedFirst: Bool) -> [Diagnostic] {
        ds.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            if let la, let lb, la != lb { return la < lb }
            if unplacedFirst, (la == nil) != (lb == nil) { return la == nil }
            return a.offset < b.offset
        }.map(\.element)
    }
}
