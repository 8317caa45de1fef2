import Foundation
import RenjaModel

/// A document folder (`Content/<slug>/`) → `Document`.
enum DocumentLoader {
    /// - Parameter metadataOnly: read `dokumen.yaml` only, leaving chapters and tables empty (an
    ///   incremental build reuses the pages of an unchanged document and needs only its metadata).
    /// - Parameter memo: tables parsed by an earlier load, reused when their bytes are unchanged.
    static func load(folder: URL, slug: String, displayFolder: String, defaultAgency: Agency, sink: DiagnosticSink,
                     metadataOnly: Bool = false, memo: TableMemo? = nil) -> Document? {
        let metaPath = "\(displayFolder)/dokumen.yaml"
        guard let text = ContentFile.read(folder.appendingPathComponent("dokumen.yaml"), displayPath: metaPath, sink: sink) else { return nil }
        let reader = YAMLReader(path: metaPath, sink: sink)
        guard let root = reader.parse(text), let m = reader.mapping(root, what: "dokumen.yaml") else { return nil }
        m.checkKeys(allowed: ["judul", "judul_singkat", "jenis", "tahun", "urutan", "instansi", "pengesahan", "validasi", "periode_evaluasi",
                              "revisi", "tanggal_revisi", "nomor_penetapan", "tanggal_penetapan"],
                    required: ["judul", "tahun"])
        let title = m.string("judul")?.value ?? slug
        let year = m.int("tahun")
        let agency = m.mapping("instansi", what: "instansi").map { SiteLoader.agency($0) } ?? defaultAgency
        var signing = Signing(place: "", date: Located("", at: nil), position: "", name: "", nip: "")
        if let p = m.mapping("pengesahan", what: "pengesahan") {
            p.checkKeys(allowed: ["tempat", "tanggal", "jabatan", "nama", "nip"], required: ["tempat", "tanggal", "jabatan", "nama"])
            signing.place = p.string("tempat")?.value ?? ""
            if let d = p.string("tanggal") {
                if IndonesianDate.parse(d.value) == nil {
                    sink.error("tanggal-tidak-sah", "`tanggal` pengesahan harus berbentuk TTTT-BB-HH", at: d.location,
                               figures: [.init("diharapkan", "mis. 2024-08-08"), .init("ditemukan", d.value)])
                }
                signing.date = d
            }
            signing.position = p.string("jabatan")?.value ?? ""
            signing.name = p.string("nama")?.value ?? ""
            signing.nip = p.string("nip", allowEmpty: true)?.value ?? ""
        }
        var validation = ValidationSettings()
        if let v = m.mapping("validasi", what: "validasi") {
            v.checkKeys(allowed: ["rumus_capaian_turun"], required: [])
            if let f = v.string("rumus_capaian_turun") {
                if let formula = LowerIsBetterFormula(rawValue: f.value.replacingOccurrences(of: " ", with: "")) {
                    validation.lowerIsBetterFormula = formula
                } else {
                    sink.error("nilai-tak-dikenal", "`rumus_capaian_turun` tidak dikenal", at: f.location,
                               figures: [.init("diharapkan", LowerIsBetterFormula.allCases.map(\.rawValue).joined(separator: " atau ")),
                                         .init("ditemukan", f.value)])
                }
            }
        }

        let chapters = metadataOnly ? [] : loadChapters(folder: folder.appendingPathComponent("bab"), displayFolder: "\(displayFolder)/bab", sink: sink)
        let tables = metadataOnly ? [:] : loadTables(folder: folder.appendingPathComponent("tabel"), displayFolder: "\(displayFolder)/tabel", sink: sink, memo: memo)
        var document = Document(slug: slug, title: title, shortTitle: m.string("judul_singkat")?.value ?? title,
                                kind: m.string("jenis")?.value ?? kindFromTitle(title), year: year ?? Located(0, at: m.location),
                                order: m.int("urutan")?.value ?? 0, agency: agency, signing: signing, validation: validation,
                                chapters: chapters, evaluation: tables[.evaluasi], plan: tables[.rencana], metadataFile: metaPath)
        document.edition = edition(m, sink: sink)
        if !metadataOnly {
            document.standardEvaluation = loadStandardTable(folder: folder.appendingPathComponent("tabel"), displayFolder: "\(displayFolder)/tabel", sink: sink)
            document.standardPlan = loadStandardPlan(folder: folder.appendingPathComponent("tabel"), displayFolder: "\(displayFolder)/tabel", sink: sink)
        }
        if let period = m.string("periode_evaluasi") {
            if EvaluationPeriod.parse(period.value) == nil {
                sink.error("nilai-tak-dikenal", "`periode_evaluasi` tidak dapat dibaca", at: period.location,
                           figures: [.init("diharapkan", "mis. Triwulan II, Triwulan IV atau Tahun 2023"), .init("ditemukan", period.value)])
            }
            document.evaluationPeriod = period
        }
        return document
    }

    /// `revisi`, `tanggal_revisi`, `nomor_penetapan`, `tanggal_penetapan`: all optional; a value
    /// that is given must be well formed (a revision number from 1, a date that exists).
    static func edition(_ m: MappingReader, sink: DiagnosticSink) -> DocumentEdition {
        var e = DocumentEdition()
        if let r = m.int("revisi") {
            if r.value < 1 {
                sink.error("nilai-tak-dikenal", "`revisi` harus nomor revisi, mulai dari 1", at: r.location,
                           figures: [.init("diharapkan", "bilangan bulat 1 atau lebih, mis. 2"), .init("ditemukan", String(r.value))])
            } else {
                e.revision = r
            }
        }
        func date(_ key: String) -> Located<String>? {
            guard let d = m.string(key) else { return nil }
            guard IndonesianDate.parseStrict(d.value) != nil else {
                sink.error("tanggal-tidak-sah", "`\(key)` harus tanggal yang ada, berbentuk TTTT-BB-HH", at: d.location,
                           figures: [.init("diharapkan", "mis. 2024-08-08 untuk 8 Agustus 2024"), .init("ditemukan", d.value)])
                return nil
            }
            return d
        }
        e.revisionDate = date("tanggal_revisi")
        e.decreeDate = date("tanggal_penetapan")
        e.decreeNumber = m.string("nomor_penetapan")
        return e
    }

    /// Without `jenis`, the document's own title says what it is: "Perubahan Rencana Kerja …" is a
    /// Perubahan Renja, anything else a Renja.
    static func kindFromTitle(_ title: String) -> String {
        Text.normalizedName(title).split(separator: " ").contains("perubahan") ? "Perubahan Renja" : "Renja"
    }

    static func loadChapters(folder: URL, displayFolder: String, sink: DiagnosticSink) -> [Chapter] {
        let names = SiteLoader.listing(folder).filter { $0.hasSuffix(".md") }
        var chapters: [Chapter] = []
        for name in names {
            let path = "\(displayFolder)/\(name)"
            guard let text = ContentFile.read(folder.appendingPathComponent(name), displayPath: path, sink: sink),
                  let c = ChapterLoader.load(text: text, fileName: name, path: path, sink: sink) else { continue }
            if let other = chapters.first(where: { $0.slug == c.slug }) {
                var d = Diagnostic.galat("bab-ganda", "dua bab memakai nama halaman yang sama `\(c.slug)`", at: SourceLocation(file: path, line: 1, column: 1),
                                         figures: [.init("diharapkan", "nama berkas yang berbeda"), .init("ditemukan", "juga \(other.file)")])
                d.related = [.init(SourceLocation(file: other.file, line: 1, column: 1), "bab lain dengan nama halaman ini")]
                sink.add(d)
                continue
            }
            chapters.append(c)
        }
        return chapters.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }
    }

    static func loadTables(folder: URL, displayFolder: String, sink: DiagnosticSink, memo: TableMemo? = nil) -> [TableKind: Table] {
        var tables: [TableKind: Table] = [:]
        let known = TableKind.allCases.map { "\($0.rawValue).yaml" } + [StandardTableLoader.fileName, StandardPlanLoader.fileName]
        for name in SiteLoader.listing(folder) where (name.hasSuffix(".yaml") || name.hasSuffix(".yml"))
            && name != StandardTableLoader.fileName && name != StandardPlanLoader.fileName {
            let path = "\(displayFolder)/\(name)"
            guard let kind = TableKind.allCases.first(where: { "\($0.rawValue).yaml" == name }) else {
                sink.error("berkas-tak-dikenal", "berkas tabel `\(name)` tidak dikenal", at: SourceLocation(file: path, line: 1, column: 1),
                           figures: [.init("diharapkan", known.joined(separator: " atau ")), .init("ditemukan", name)],
                           notes: Text.suggestion(for: name, among: known).map { ["mungkin maksudnya `\($0)`?"] } ?? [])
                continue
            }
            let url = folder.appendingPathComponent(name)
            if let memo, let bytes = try? Data(contentsOf: url) {
                let parsed = memo.table(at: path, bytes: bytes) ?? {
                    let own = DiagnosticSink()
                    let table = ContentFile.decode(bytes, displayPath: path, sink: own).flatMap { TableLoader.load(kind, text: $0, path: path, sink: own) }
                    let parsed = TableMemo.ParsedTable(bytes: bytes, table: table, diagnostics: own.diagnostics)
                    memo.remember(parsed, at: path)
                    return parsed
                }()
                parsed.diagnostics.forEach(sink.add)
                if let table = parsed.table { tables[kind] = table }
                continue
            }
            guard let text = ContentFile.read(url, displayPath: path, sink: sink),
                  let table = TableLoader.load(kind, text: text, path: path, sink: sink) else { continue }
            tables[kind] = table
        }
        return tables
    }

    static func loadStandardTable(folder: URL, displayFolder: String, sink: DiagnosticSink) -> StandardEvaluationTable? {
        loadOptional(StandardTableLoader.fileName, folder: folder, displayFolder: displayFolder, sink: sink, StandardTableLoader.load)
    }

    static func loadStandardPlan(folder: URL, displayFolder: String, sink: DiagnosticSink) -> StandardPlanTable? {
        loadOptional(StandardPlanLoader.fileName, folder: folder, displayFolder: displayFolder, sink: sink, StandardPlanLoader.load)
    }

    /// A table file a document may have: nil when it has none.
    private static func loadOptional<T>(_ fileName: String, folder: URL, displayFolder: String, sink: DiagnosticSink,
                                        _ load: (String, String, DiagnosticSink) -> T?) -> T? {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let path = "\(displayFolder)/\(fileName)"
        guard let text = ContentFile.read(url, displayPath: path, sink: sink) else { return nil }
        return load(text, path, sink)
    }
}
