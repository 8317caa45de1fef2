import Foundation
import RenjaModel
import RenjaFacts

/// The document's version in its open-data files: in each JSON (`dokumen` / `versi`), and for each
/// CSV a CSV on the Web metadata file beside it (`tabel-1-evaluasi.csv-metadata.json`, W3C CSVW's
/// default name), so the CSV itself stays a plain table a spreadsheet opens.
extension OpenData {
    /// Which document and which version a file is from. Dates are ISO (`TTTT-BB-HH`).
    struct JSONVersion: Encodable {
        var judul: String
        var judul_singkat: String
        var revisi: Int?
        var tanggal_revisi: String?
        var nomor_penetapan: String?
        var tanggal_penetapan: String?
        var tanggal_pengesahan: String?
        /// The document's latest own date: the date of this version.
        var tanggal_versi: String?
        /// "Revisi ke-2, 15 September 2024".
        var versi: String?

        init(_ d: Document) {
            let v = DocumentVersion(d)
            judul = d.title
            judul_singkat = d.shortTitle
            revisi = v.revision
            tanggal_revisi = v.revisionDate
            nomor_penetapan = v.decreeNumber
            tanggal_penetapan = v.decreeDate
            tanggal_pengesahan = v.signingDate
            tanggal_versi = v.latestDate
            versi = v.summary
        }
    }

    /// CSVW metadata of a table's CSV: what it is, from which version of which document, and how to read it.
    struct CSVMetadata: Encodable {
        var context: [AnyContext] = [.string("http://www.w3.org/ns/csvw"), .language]
        var url: String
        var title: String
        var publisher: String
        var modified: String?
        var issued: String?
        var identifier: String?
        var version: String?
        var dialect = Dialect()
        var dokumen: JSONVersion
        /// The columns (CSVW `tableSchema`), for tables whose files list them.
        var tableSchema: StandardOpenData.CSVWSchema? = nil

        struct Dialect: Encodable {
            var delimiter = ";"
            var encoding = "utf-8"
            var header = true
            var doubleQuote = true
        }

        enum AnyContext: Encodable {
            case string(String)
            case language
            func encode(to encoder: Encoder) throws {
                var c = encoder.singleValueContainer()
                switch self {
                case .string(let s): try c.encode(s)
                case .language: try c.encode(["@language": "id"])
                }
            }
        }

        enum CodingKeys: String, CodingKey {
            case context = "@context", url, title = "dc:title", publisher = "dc:publisher", modified = "dc:modified",
                 issued = "dc:issued", identifier = "dc:identifier", version = "schema:version", dialect, dokumen, tableSchema
        }

        /// The metadata of the CSV `url` (beside it) of document `d`: its publisher and version are the document's.
        init(url: String, title: String, document d: Document) {
            let v = DocumentVersion(d)
            self.url = url
            self.title = title
            publisher = d.agency.name
            modified = v.latestDate
            issued = v.decreeDate ?? v.signingDate
            identifier = v.decreeNumber
            version = v.summary
            dokumen = JSONVersion(d)
        }
    }

    static func csvMetadata(_ t: Table, document d: Document) throws -> Data {
        try jsonFile(CSVMetadata(url: baseName(t.kind) + ".csv", title: "Tabel \(t.kind.number). \(t.title) — \(d.title)", document: d))
    }

    static func csvMetadataPath(_ d: Document, _ k: TableKind) -> String { csvPath(d, k) + "-metadata.json" }
}
