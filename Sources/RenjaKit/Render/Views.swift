// Typed contexts handed to the Mustache templates. Every figure is formatted here, in Indonesian
// conventions, so templates only place text. Field names are what templates use: renaming one is
// a template change too (see Templates/README.md).

struct LinkView {
    var title: String
    /// nil for the current page in breadcrumbs (printed as text, not a link).
    var href: String?
    var current: Bool = false
}

struct AgencyView {
    var name: String
    var shortName: String
    var government: String
    var address: String
    var phone: String
    var email: String
    var website: String
    var websiteHref: String

    init(_ a: Agency) {
        name = a.name
        shortName = a.shortName.isEmpty ? a.name : a.shortName
        government = a.government
        address = a.address
        phone = a.phone
        email = a.email
        website = a.website
        websiteHref = a.website.isEmpty || a.website.hasPrefix("http") ? a.website : "https://\(a.website)"
    }
}

struct FigureView {
    var label: String
    var value: String
    var note: String?
}

/// One indicator line of a table row.
struct IndicatorView {
    var name: String
    var target: String
    var targetAfter: String?
    var actual: String
    var stated: String
    var targetChanged: Bool = false
}

/// One row (program, kegiatan or sub kegiatan) of a table, with its indicator lines: the first
/// shares the row's `<tr>`, the rest follow with the row cells spanning them.
struct RowView {
    var anchor: String
    var levelClass: String
    var levelWord: String
    var key: String
    var name: String
    var href: String?
    var rowspan: Int
    var first: IndicatorView
    var rest: [IndicatorView]
    var pagu: String
    var paguAfter: String?
    var paguChange: String?
    var realisasi: String
    var absorption: String
    var findingCount: Int
    var findingsHref: String?
    var isProgram: Bool
}

struct ProgramGroupView {
    var key: String
    var name: String
    var rows: [RowView]
}

struct TableView {
    var number: Int
    var caption: String
    var kindEvaluation: Bool
    var href: String
    var groups: [ProgramGroupView]
    var totalPagu: String
    var totalRealisasi: String
    var totalAbsorption: String
    var sourceFile: String
}

struct HeadingView {
    var text: String
    var id: String
    var sub: Bool
}

struct SigningView {
    var placeDate: String
    var position: String
    var name: String
    var nip: String
}

struct ChapterView {
    var displayTitle: String
    var number: String?
    var title: String
    var html: String
    var toc: [HeadingView]
    var hasToc: Bool
    var signing: SigningView?
    var previous: LinkView?
    var next: LinkView?
}

struct FindingView {
    var severity: String
    var severityWord: String
    var code: String
    var message: String
    var location: String
    var figures: [FigureView]
    var notes: [String]
    var rowHref: String?
}

struct FindingGroupView {
    var title: String
    var href: String?
    var findings: [FindingView]
    var count: Int
}

struct CountView {
    var galat: Int
    var peringatan: Int
    var info: Int
    var total: Int
}

struct DocumentCardView {
    var title: String
    var shortTitle: String
    var kind: String
    var year: String
    var href: String
    var agency: String
    var figures: [FigureView]
}

/// Everything one page's template can use. Only the part for the page's kind is filled.
struct PageView {
    // Site-wide
    var root: String
    var siteTitle: String
    var siteDescription: String
    var agency: AgencyView
    var pageTitle: String
    var description: String
    var canonical: String
    var breadcrumbs: [LinkView]
    var nav: [LinkView]
    var year: String
    var generator: String

    // Document-wide
    var document: DocumentCardView?
    var chaptersNav: [LinkView] = []
    var tablesNav: [LinkView] = []
    var programsNav: [LinkView] = []

    // Page kinds
    var documents: [DocumentCardView] = []
    var home: HomeView?
    var chapter: ChapterView?
    var table: TableView?
    var program: ProgramView?
    var validation: ValidationView?
}

struct HomeView {
    var figures: [FigureView]
    var programs: [ProgramSummaryView]
    var counts: CountView
    var validationHref: String
}

struct ProgramSummaryView {
    var name: String
    var href: String
    var pagu: String
    var paguAfter: String
    var realisasi: String
    var absorption: String
    var kegiatanCount: Int
    var subKegiatanCount: Int
    var findingCount: Int
}

struct ProgramView {
    var name: String
    var number: String
    var code: String
    var indicators: [IndicatorView]
    var figures: [FigureView]
    var rows: [RowView]
    var findings: [FindingView]
    var hasFindings: Bool
    var previous: LinkView?
    var next: LinkView?
}

struct ValidationView {
    var counts: CountView
    var groups: [FindingGroupView]
    var clean: Bool
}
