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
        let docJSON = (try? doc.documentJSON())?.count ?? 0
        files.append(DownloadView(title: "Seluruh dokumen (JSON)", href: v.root + OpenData.documentJSONPath(doc.document), format: "JSON",
                                  size: DocumentRenderer.size(docJSON),
                                  description: doc.profile.comparesStages ? "Data dokumen, teks setiap bab (Markdown), kedua tabel dan daftar perubahan anggaran."
                                      : "Data dokumen, teks setiap bab (Markdown) dan tabelnya."))
        // Only the columns this document's tables have.
        var columns: [ColumnView] = [.init(name: "tingkat", meaning: "program, kegiatan atau sub kegiatan")]
        var keys: [String] = []
        if doc.profile.hasEvaluation { keys.append("nomor baris Tabel 1 (I, 1., 1.1)") }
        if doc.profile.hasPlan || (doc.document.evaluation?.allItems.contains { $0.code != nil } ?? false) { keys.append("kode nomenklatur") }
        columns.append(.init(name: "nomor / kode", meaning: keys.joined(separator: " atau ")))
        columns.append(.init(name: "program, kegiatan, sub_kegiatan", meaning: "nama induk-induk baris, sehingga setiap baris dapat disaring sendiri"))
        columns.append(.init(name: "indikator, target, satuan_target", meaning: "satu baris per indikator kinerja; angka target dan satuannya"))
        if doc.profile.hasEvaluation {
            columns.append(.init(name: "capaian, satuan_capaian, persen_capaian", meaning: "Tabel 1: \(DocumentWordsView(doc.profile).capaian.lowercased()) dan persentasenya"))
        }
        columns.append(.init(name: doc.profile.hasEvaluation ? "pagu, realisasi, persen_realisasi" : "pagu",
                             meaning: "rupiah tanpa pemisah ribuan; ditulis sekali per program/kegiatan/sub kegiatan (pada indikator pertama). Jumlahkan baris bertingkat program untuk total tabel"))
        columns.append(.init(name: "catatan", meaning: "angka yang dalam dokumen tertulis tidak sah, beserta teks aslinya (kolom angkanya dikosongkan)"))
        return doc.plan(v, Self.kind, DataPageContentView(data: DataPageView(downloads: files, columns: columns)))
    }
}
