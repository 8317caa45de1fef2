import Foundation

/// The open-data page (`data.mustache`): the CSV and JSON files and what their columns hold.
struct DataPage {
    static let kind = PageKind(template: "data", content: DataPageContentView.self)

    let doc: DocumentRenderer

    func plan() -> PagePlan {
        let dir = Paths.data(doc.document)
        var v = doc.view(dir: dir, title: "Data terbuka — \(doc.document.shortTitle)",
                         description: "Unduh tabel \(doc.document.title) sebagai CSV dan JSON.", crumbs: [LinkView(title: "Data terbuka", href: nil)])
        var files = TableKind.allCases.flatMap { doc.downloads(for: $0, root: v.root) }
        for kind in TableKind.allCases {
            guard let t = doc.table(kind) else { continue }
            let size = (try? OpenData.csvMetadata(t, document: doc.document))?.count ?? 0
            files.append(DownloadView(title: "Tabel \(kind.number) (metadata CSV)", href: v.root + OpenData.csvMetadataPath(doc.document, kind),
                                      format: "JSON", size: DocumentRenderer.size(size),
                                      description: "Keterangan berkas CSV menurut CSV on the Web (W3C): judul, instansi, versi dan tanggal dokumen, cara membacanya."))
        }
        files += doc.standardPlanDownloads(root: v.root)
        let docJSON = (try? doc.documentJSON())?.count ?? 0
        files.append(DownloadView(title: "Seluruh dokumen (JSON)", href: v.root + OpenData.documentJSONPath(doc.document), format: "JSON",
                                  size: DocumentRenderer.size(docJSON),
                                  description: doc.profile.comparesStages ? "Data dokumen, teks setiap bab (Markdown), kedua tabel dan daftar perubahan anggaran."
                                      : "Data dokumen, teks setiap bab (Markdown) dan tabelnya."))
        // The glossary of the CSV columns is in `data.mustache`; it lists only the columns this
        // document's tables have.
        let hasCodes = doc.profile.hasPlan || (doc.document.evaluation?.allItems.contains { $0.code != nil } ?? false)
        let data = DataPageView(downloads: files, hasCodes: hasCodes, capaian: DocumentWordsView(doc.profile).capaian.lowercased())
        return doc.plan(v, Self.kind, DataPageContentView(data: data))
    }
}
