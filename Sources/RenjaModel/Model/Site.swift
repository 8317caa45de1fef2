/// Everything under `Content/`: site-wide settings and one or more documents.
public struct Site: Sendable {
    public var settings: SiteSettings
    public var documents: [Document]

    public init(settings: SiteSettings, documents: [Document]) {
        self.settings = settings
        self.documents = documents
    }
}

public struct SiteSettings: Sendable {
    public var title: String
    public var description: String
    /// Absolute URL the site is published under, always ending in `/`.
    public var baseURL: String
    public var agency: Agency
    /// `validasi_publik: ya`: the published site carries the Validasi page and the finding marks.
    /// Off by default: a figure finding read on the official site reads like an audit finding
    /// against the agency, so findings stay with the staff (`renja check`, `renja serve`).
    public var publicValidation: Bool = false

    package init(title: String, description: String, baseURL: String, agency: Agency, publicValidation: Bool = false) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.agency = agency
        self.publicValidation = publicValidation
    }
}

/// The government body that publishes a document.
public struct Agency: Sendable, Hashable {
    public var name: String
    public var shortName: String
    public var government: String
    public var address: String
    public var phone: String
    public var email: String
    public var website: String

    package init(name: String, shortName: String, government: String, address: String, phone: String, email: String, website: String) {
        self.name = name
        self.shortName = shortName
        self.government = government
        self.address = address
        self.phone = phone
        self.email = email
        self.website = website
    }
}

/// What the document says about its own version; every field optional. Dates are ISO as written.
public struct DocumentEdition: Sendable, Hashable {
    /// `revisi: 2` — the document's revision number.
    public var revision: Located<Int>?
    public var revisionDate: Located<String>?
    /// `nomor_penetapan`, e.g. the number of the decree (SK) that enacted it.
    public var decreeNumber: Located<String>?
    public var decreeDate: Located<String>?
    public init() {}
}

/// Who signs the document, where and when.
public struct Signing: Sendable, Hashable {
    public var place: String
    /// ISO date as written in the YAML (`2024-08-08`).
    public var date: Located<String>
    public var position: String
    public var name: String
    public var nip: String

    package init(place: String, date: Located<String>, position: String, name: String, nip: String) {
        self.place = place
        self.date = date
        self.position = position
        self.name = name
        self.nip = nip
    }
}

/// How achievement of a lower-is-better indicator is computed. Agencies differ, so it is a setting.
public enum LowerIsBetterFormula: String, Sendable, CaseIterable {
    /// target ÷ capaian × 100 — what the Pekalongan document does.
    case targetOverActual = "target/capaian"
    /// (2 × target − capaian) ÷ target × 100 — the Permendagri 86/2017 style.
    case reflected = "(2*target-capaian)/target"
}

public struct ValidationSettings: Sendable, Equatable {
    public var lowerIsBetterFormula: LowerIsBetterFormula = .targetOverActual
    public init() {}
}
