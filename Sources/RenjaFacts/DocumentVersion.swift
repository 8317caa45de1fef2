import RenjaModel

/// Which version of the document this is, from what the document says about itself
/// (`dokumen.yaml`: `revisi`, `tanggal_revisi`, `nomor_penetapan`, `tanggal_penetapan`, and the
/// signing date `pengesahan.tanggal`), never from the build machine's clock. Worked out once, here,
/// for the page footer, the PDF, the open-data files and the sitemap.
public struct DocumentVersion: Sendable, Equatable {
    public var revision: Int?
    /// ISO dates (`TTTT-BB-HH`) as written; only well-formed ones.
    public var revisionDate: String?
    public var decreeNumber: String?
    public var decreeDate: String?
    public var signingDate: String?

    public init(_ d: Document) {
        revision = d.edition.revision?.value
        revisionDate = d.edition.revisionDate?.value
        let number = d.edition.decreeNumber?.value.trimmingCharacters(in: .whitespaces)
        decreeNumber = number?.isEmpty == false ? number : nil
        decreeDate = d.edition.decreeDate?.value
        signingDate = IndonesianDate.parse(d.signing.date.value) != nil ? d.signing.date.value : nil
    }

    /// The document's own latest date (ISO dates sort as text): the sitemap's `lastmod`, the PDF's
    /// modification date.
    public var latestDate: String? { [revisionDate, decreeDate, signingDate].compactMap { $0 }.max() }

    /// The earliest of its dates: the PDF's creation date.
    public var earliestDate: String? { [revisionDate, decreeDate, signingDate].compactMap { $0 }.min() }

    /// Nothing is known about the version.
    public var isEmpty: Bool { revision == nil && revisionDate == nil && decreeNumber == nil && decreeDate == nil && signingDate == nil }

    /// "Revisi ke-2, 15 September 2024", "Ditetapkan 8 Agustus 2024", "Disahkan 8 Agustus 2024".
    public var summary: String? {
        if let revision {
            return "Revisi ke-\(revision)" + (revisionDate.map { ", " + IndonesianDate.long($0) } ?? "")
        }
        if let revisionDate { return "Revisi " + IndonesianDate.long(revisionDate) }
        if let decreeDate { return "Ditetapkan " + IndonesianDate.long(decreeDate) }
        if let signingDate { return "Disahkan " + IndonesianDate.long(signingDate) }
        return decreeNumber.map { "Ditetapkan dengan nomor \($0)" }
    }

    /// Every fact the document gives, one line each, for the PDF's colophon and the footer.
    public var lines: [String] {
        var out: [String] = []
        if let revision {
            out.append("Revisi ke-\(revision)" + (revisionDate.map { " tanggal " + IndonesianDate.long($0) } ?? ""))
        } else if let revisionDate {
            out.append("Revisi tanggal " + IndonesianDate.long(revisionDate))
        }
        switch (decreeNumber, decreeDate) {
        case let (n?, d?): out.append("Ditetapkan dengan nomor \(n) tanggal \(IndonesianDate.long(d))")
        case let (n?, nil): out.append("Ditetapkan dengan nomor \(n)")
        case let (nil, d?): out.append("Ditetapkan tanggal \(IndonesianDate.long(d))")
        case (nil, nil): break
        }
        if let signingDate { out.append("Disahkan tanggal \(IndonesianDate.long(signingDate))") }
        return out
    }
}
