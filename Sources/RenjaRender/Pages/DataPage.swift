import Foundation
import RenjaModel

/// The open-data page (`data.mustache`): the CSV and JSON files and what their columns hold.
struct DataPage {
    static let kind = PageKind(template: "data", content: DataPageContentView.self)

    let doc: DocumentRenderer

    func plan() -> PagePlan {
        let dir = Paths.data(doc.document)
        var v = doc.view(dir: dir, title: doc.say(.dataJudul, ["dokumen": doc.document.shortTitle]),
                         description: doc.say(.dataDeskripsi, ["dokumen": doc.document.title]), crumbs: [LinkView(title: doc.say(.dataJejak), href: nil)])
        var files = TableKind.allCases.flatMap { doc.downloads(for: $0, root: v.root) }
        for kind in TableKind.allCases {
            guard let t = doc.table(kind) else { continue }
            files.append(doc.download(doc.say(.unduhTabelMetadata, ["nomor": "\(kind.number)"]), OpenData.csvMetadataPath(doc.document, kind),
                                      try? OpenData.csvMetadata(t, document: doc.document), root: v.root, description: doc.say(.unduhTabelMetadataUraian)))
        }
        files += doc.standardPlanDownloads(root: v.root)
        files += doc.standardDownloads(root: v.root, metadata: true)
        if doc.hasTables {
            files.append(doc.download(doc.say(.unduhDokumenJSON), OpenData.documentJSONPath(doc.document), try? doc.documentJSON(), root: v.root,
                                      description: doc.say(doc.profile.comparesStages ? .unduhDokumenJSONUraianPerubahan : .unduhDokumenJSONUraian)))
        }
        // The glossary of the CSV columns is in `data.mustache`; it lists only the columns this
        // document's tables have.
        let hasCodes = doc.profile.hasPlan || (doc.document.evaluation?.allItems.contains { $0.code != nil } ?? false)
        let standard = doc.document.standardEvaluation.map { t in
            [DataStandardView(variantText: doc.say(t.variant == .denganKode ? .evaluasiStandarVarianDenganKode : .evaluasiStandarVarianTanpaKode),
                              headers: StandardOpenData.columns(t.variant).map(\.title))]
        } ?? []
        let data = DataPageView(downloads: files, hasCodes: hasCodes, capaian: DocumentWordsView(doc.profile).capaian.lowercased(),
                                hasTables: doc.hasTables, standard: standard)
        return doc.plan(v, Self.kind, DataPageContentView(data: data))
    }
}
