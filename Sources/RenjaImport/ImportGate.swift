import RenjaModel

/// The gate every import passes before a file is written: the YAML is read by the file kind's own
/// loader, exactly as `renja build` reads it, and what the loader refuses comes back at the input
/// cells (the YAML is never written, so its lines would help nobody).
enum ImportGate {
    /// The loader's `errors`, each moved to the input cell its value came from (`place`), with the
    /// row named in a note; an error at no known place, or in the YAML's syntax (never a value's
    /// fault), keeps its YAML position and says so.
    static func relocated(_ errors: [Diagnostic], outputPath: String, place: (SourceLocation) -> InputPlace?) -> [Diagnostic] {
        errors.map { error in
            var e = error
            if !isSyntaxError(e), let at = e.location, let place = place(at) {
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

    /// Diagnostics about the whole file (no place) first, in the order of reporting; then the
    /// others in the order of the input, the order of reporting among equals.
    static func inInputOrder(_ ds: [Diagnostic]) -> [Diagnostic] {
        ds.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (la?, lb?) where la != lb: return la < lb
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// Loader codes for a value it cannot read: the input's fault when the value came from a
    /// cell. Any other load error of an imported table is the writer's.
    static func isValueError(_ d: Diagnostic) -> Bool { valueErrors.contains(d.code) }

    /// The YAML itself cannot be read (its decoding or syntax), whatever values it holds.
    static func isSyntaxError(_ d: Diagnostic) -> Bool { d.code.hasPrefix("yaml-") || syntaxErrors.contains(d.code) }

    private static let syntaxErrors: Set<String> = ["berkas-kosong", "berkas-tak-terbaca", "utf8-tidak-sah"]

    private static let valueErrors: Set<String> = ["angka-tidak-sah", "angka-terlalu-besar", "angka-negatif", "tipe-salah", "nilai-tak-dikenal"]
}
