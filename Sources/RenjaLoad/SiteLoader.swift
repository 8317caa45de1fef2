import Foundation
import RenjaModel

/// `Content/` → `Site`. Collects every problem of every file before giving up, so staff fix
/// them in one round.
public enum SiteLoader {
    /// - Parameters:
    ///   - content: the content folder.
    ///   - displayPath: how to name that folder in diagnostics (what the user typed, e.g. `Content`).
    /// - Parameter metadataOnly: documents (by folder name) of which only `dokumen.yaml` is read;
    ///   see `DocumentLoader.load(metadataOnly:)`.
    /// - Parameter memo: tables parsed by an earlier load (`renja serve`), reused when unchanged.
    public static func load(content: URL, displayPath: String? = nil, metadataOnly: Set<String> = [], memo: TableMemo? = nil) throws -> Site {
        let sink = DiagnosticSink()
        let shown = displayPath ?? content.path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content.path, isDirectory: &isDir), isDir.boolValue else {
            throw InputError(.galat("konten-tidak-ada", "folder konten \(shown) tidak ditemukan", at: nil,
                                    figures: [.init("diharapkan", "folder berisi situs.yaml dan satu folder per dokumen"),
                                              .init("ditemukan", "tidak ada folder \(shown)")]))
        }
        let settingsPath = "\(shown)/situs.yaml"
        var settings: SiteSettings?
        if FileManager.default.fileExists(atPath: content.appendingPathComponent("situs.yaml").path) {
            if let text = ContentFile.read(content.appendingPathComponent("situs.yaml"), displayPath: settingsPath, sink: sink) {
                settings = siteSettings(text: text, path: settingsPath, sink: sink)
            }
        } else {
            sink.error("berkas-hilang", "pengaturan situs \(settingsPath) tidak ditemukan", at: nil,
                       figures: [.init("diharapkan", settingsPath), .init("ditemukan", "tidak ada")])
        }
        // Document folders load independently: on all cores, each into its own sink, merged in
        // folder order so the diagnostics read exactly as a one-by-one load would print them.
        let defaultAgency = settings?.agency ?? emptyAgency
        let loaded = Parallel.map(listing(content)) { name -> (document: Document?, diagnostics: [Diagnostic]) in
            let own = DiagnosticSink()
            let doc = loadDocument(content: content, name: name, shown: shown, defaultAgency: defaultAgency, sink: own,
                                   metadataOnly: metadataOnly.contains(name), memo: memo)
            return (doc, own.diagnostics)
        }
        var documents: [Document] = []
        for (doc, diagnostics) in loaded {
            diagnostics.forEach(sink.add)
            if let doc { documents.append(doc) }
        }
        if documents.isEmpty && !sink.hasErrors {
            sink.error("dokumen-kosong", "tidak ada dokumen di folder konten \(shown)", at: nil,
                       figures: [.init("diharapkan", "sedikitnya satu folder berisi dokumen.yaml"), .init("ditemukan", "tidak ada")])
        }
        try sink.throwIfErrors()
        documents.sort { ($0.order, $0.slug) < ($1.order, $1.slug) }
        return Site(settings: settings!, documents: documents)
    }

    /// One entry of `Content/`: nil (with diagnostics) unless it is a well-named folder with a
    /// loadable `dokumen.yaml`; plain files are skipped silently.
    static func loadDocument(content: URL, name: String, shown: String, defaultAgency: Agency, sink: DiagnosticSink,
                             metadataOnly: Bool = false, memo: TableMemo? = nil) -> Document? {
        let folder = content.appendingPathComponent(name)
        var dir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &dir), dir.boolValue else { return nil }
        let display = "\(shown)/\(name)"
        guard Text.slug(name) == name else {
            sink.error("nama-folder", "nama folder dokumen `\(display)` hanya boleh huruf kecil, angka dan tanda hubung",
                       at: nil,
                       figures: [.init("diharapkan", Text.slug(name).isEmpty ? "mis. renja-2025" : Text.slug(name)), .init("ditemukan", name)])
            return nil
        }
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("dokumen.yaml").path) else {
            sink.error("berkas-hilang", "folder dokumen \(display) tidak memiliki dokumen.yaml", at: nil,
                       figures: [.init("diharapkan", "\(display)/dokumen.yaml"), .init("ditemukan", "tidak ada")])
            return nil
        }
        return DocumentLoader.load(folder: folder, slug: name, displayFolder: display, defaultAgency: defaultAgency, sink: sink,
                                   metadataOnly: metadataOnly, memo: memo)
    }

    package static let emptyAgency = Agency(name: "", shortName: "", government: "", address: "", phone: "", email: "", website: "")

    static func siteSettings(text: String, path: String, sink: DiagnosticSink) -> SiteSettings? {
        let reader = YAMLReader(path: path, sink: sink)
        guard let root = reader.parse(text), let m = reader.mapping(root, what: "situs.yaml") else { return nil }
        m.checkKeys(allowed: ["judul", "deskripsi", "base_url", "instansi", "validasi_publik"], required: ["judul", "base_url", "instansi"])
        var base = m.string("base_url")?.value ?? "/"
        if let b = m.string("base_url"), !(b.value.hasPrefix("https://") || b.value.hasPrefix("http://") || b.value.hasPrefix("/")) {
            sink.error("base-url", "`base_url` harus alamat lengkap (https://…) atau diawali `/`", at: b.location,
                       figures: [.init("diharapkan", "mis. https://dinsosp2kb.pekalongankota.go.id/renja/"), .init("ditemukan", b.value)])
        }
        if !base.hasSuffix("/") { base += "/" }
        var publicValidation = false
        if let v = m.string("validasi_publik") {
            switch v.value.lowercased() {
            case "ya", "true": publicValidation = true
            case "tidak", "false": publicValidation = false
            default:
                sink.error("nilai-tak-dikenal", "`validasi_publik` harus `ya` atau `tidak`", at: v.location,
                           figures: [.init("diharapkan", "ya atau tidak"), .init("ditemukan", v.value)])
            }
        }
        guard let a = m.mapping("instansi", what: "instansi") else { return nil }
        return SiteSettings(title: m.string("judul")?.value ?? "", description: m.string("deskripsi")?.value ?? "",
                            baseURL: base, agency: agency(a), publicValidation: publicValidation)
    }

    static func agency(_ m: MappingReader) -> Agency {
        m.checkKeys(allowed: ["nama", "singkatan", "pemerintah", "alamat", "telepon", "email", "situs"], required: ["nama"])
        return Agency(name: m.string("nama")?.value ?? "", shortName: m.string("singkatan")?.value ?? "",
                      government: m.string("pemerintah")?.value ?? "", address: m.string("alamat")?.value ?? "",
                      phone: m.string("telepon")?.value ?? "", email: m.string("email")?.value ?? "",
                      website: m.string("situs")?.value ?? "")
    }

    /// Folder entries sorted by name, hidden files (editor swap files, .DS_Store) skipped: the
    /// order must not depend on the file system.
    package static func listing(_ folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix("~") }.sorted()
    }
}
