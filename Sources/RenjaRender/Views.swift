import RenjaModel
import RenjaFacts

// Typed contexts handed to the Mustache templates. Every figure is formatted here, in Indonesian
// conventions, so templates only place text. Field names are what templates use: renaming one is
// a template change too (see Templates/README.md).

struct LinkView {
    var title: String
    /// nil for the current page in breadcrumbs (printed as text, not a link).
    var href: String?
    var current: Bool = false

    /// A navigation link to the page at `path` (a folder of the site), current on that page (`dir`).
    static func nav(_ title: String, to path: String, root: String, dir: String) -> LinkView {
        LinkView(title: title, href: root + path, current: dir == path)
    }
}

/// The agency's contact block. A field the content does not give is nil (Mustache treats an empty
/// text as present), so no label or empty `mailto:` link is printed for it.
struct AgencyView {
    var name: String
    var shortName: String
    var government: String?
    var address: String?
    var phone: String?
    var email: String?
    var website: String?
    var websiteHref: String?

    init(_ a: Agency) {
        func given(_ s: String) -> String? {
            let t = s.trimmingCharacters(in: .whitespaces)
            return t.isEmpty ? nil : t
        }
        name = a.name
        shortName = given(a.shortName) ?? a.name
        government = given(a.government)
        address = given(a.address)
        phone = given(a.phone)
        email = given(a.email)
        website = given(a.website)
        websiteHref = website.map { $0.hasPrefix("http") ? $0 : "https://\($0)" }
    }
}

/// A value with its label: a key figure (with its note), a finding's figure, a cell of a chart's
/// table (labelled with its column, for small screens), a line under the standard table.
package struct FigureView {
    package var label: String
    package var value: String
    package var note: String?

    package init(label: String, value: String, note: String? = nil) {
        self.label = label
        self.value = value
        self.note = note
    }
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
    /// On program pages a row joins both tables: the Tabel 2 row's anchor, so links to either resolve.
    var planAnchor: String? = nil
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
    /// Mustache renders a section for any number, 0 included: templates test this flag instead.
    var hasFindings: Bool
    var findingsHref: String?
    var isProgram: Bool
    /// Every indicator line (the screen tables put them under the row's name; the PDF still uses
    /// `first`/`rest`).
    var indicators: [IndicatorView] = []
    /// The program the row belongs to (`data-program`, for the program filter).
    var programKey: String = ""
    /// Position in document order (`data-urutan`): sorting back never compares numbering as text.
    var sortOrder: Int = 0
    /// Sort keys for the table script as plain numbers ("" when the figure is missing or
    /// malformed): the stated amounts, the shown absorption and the facts' achievement of the
    /// first indicator that has one.
    var sortPagu: String = ""
    var sortPaguAfter: String = ""
    var sortRealisasi: String = ""
    var sortAbsorption: String = ""
    var sortAchievement: String = ""
    /// "Program I › Kegiatan 1.": where the row sits, shown when the table is sorted or filtered.
    var context: String? = nil
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
    /// Not `href`: Mustache looks a missing row `href` up in enclosing contexts, and would find this.
    var tableHref: String
    var groups: [ProgramGroupView]
    var totalPagu: String
    var totalRealisasi: String
    var totalAbsorption: String
    var sourceFile: String
    var downloads: [DownloadView] = []
    /// The Perubahan page, when the document has one.
    var changesHref: String? = nil
}

struct SigningView {
    var placeDate: String
    var position: String
    var name: String
    /// nil when the document gives none: the template then prints no "NIP." line.
    var nip: String?

    init(_ s: Signing) {
        let date = IndonesianDate.long(s.date.value)
        placeDate = [s.place, date].filter { !$0.isEmpty }.joined(separator: ", ")
        position = s.position
        name = s.name
        let n = s.nip.trimmingCharacters(in: .whitespaces)
        nip = n.isEmpty ? nil : n
    }
}

struct CountView {
    var galat: Int
    var peringatan: Int
    var info: Int
    var total: Int
}

package struct DocumentCardView {
    var title: String
    var shortTitle: String
    var kind: String
    var year: String
    var href: String
    var agency: String
    package var figures: [FigureView]
    /// nil when the document says nothing of its version.
    var version: VersionView? = nil
}

/// Which version of the document this is (`DocumentVersion`).
struct VersionView {
    /// "Revisi ke-2, 15 September 2024".
    var summary: String
    /// "Revisi ke-2 tanggal …", "Ditetapkan dengan nomor … tanggal …", "Disahkan tanggal …".
    var lines: [String]

    init?(_ v: DocumentVersion) {
        guard let s = v.summary else { return nil }
        summary = s
        lines = v.lines
    }
}

/// A bar chart (inline SVG) and the same figures as a table, its text alternative.
struct ChartView {
    var id: String
    var heading: String
    var svg: String
    var legend: [LegendView]
    var tableCaption: String
    var headers: [String]
    var rows: [ChartRowView]
    var note: String?

    init(id: String, heading: String, svg: String, legend: [LegendView], tableCaption: String, headers: [String],
         rows: [ChartRowView], note: String?) {
        self.id = id
        self.heading = heading
        self.svg = svg
        self.legend = legend
        self.tableCaption = tableCaption
        self.headers = headers
        // Each cell knows its column's name, so the table can stack into labelled lines on a phone.
        self.rows = rows.map { r in
            var r = r
            for i in r.cells.indices { r.cells[i].label = i + 1 < headers.count ? headers[i + 1] : "" }
            return r
        }
        self.note = note
    }

    /// A drawn chart: its id and SVG, a legend entry per series and then `legendAfter` (e.g. the
    /// reference line's).
    init(_ chart: BarChart, heading: String, legendAfter: [LegendView] = [], tableCaption: String, headers: [String],
         rows: [ChartRowView], note: String?) {
        self.init(id: chart.id, heading: heading, svg: chart.svg, legend: chart.series.map { LegendView(name: $0.name, key: $0.key) } + legendAfter,
                  tableCaption: tableCaption, headers: headers, rows: rows, note: note)
    }
}

struct LegendView {
    var name: String
    var key: String
}

struct ChartRowView {
    var label: String
    var cells: [FigureView]

    init(label: String, cells: [String]) {
        self.label = label
        self.cells = cells.map { FigureView(label: "", value: $0) }
    }

    /// The cells' text, for descriptions.
    func text(_ i: Int) -> String { i < cells.count ? cells[i].value : "" }
}

/// A downloadable file.
struct DownloadView {
    var title: String
    var href: String
    var format: String
    var size: String?
    var description: String?
}

/// Labels and switches that follow from what the document is (`DocumentProfile`): a Perubahan
/// Renja says "sebelum/setelah perubahan", a plain Renja does not; the evaluation period comes from
/// the document.
struct DocumentWordsView {
    var isRevision: Bool
    /// Tabel 1 and Tabel 2 are two stages of one year's plan (a Perubahan page exists).
    var comparesStages: Bool
    var hasEvaluation: Bool
    var hasPlan: Bool
    var bothTables: Bool
    var paguEvaluation: String
    var paguPlan: String
    var targetEvaluation: String
    var targetPlan: String
    /// "Realisasi s.d. Triwulan II 2024" or "Realisasi".
    var realisasi: String
    /// "Capaian s.d. Triwulan II 2024" or "Capaian".
    var capaian: String
    /// " s.d. Triwulan II 2024" (with its leading space) or "".
    var period: String
    /// Program page table: columns the row's name spans (name + indicator columns) and the money
    /// columns after them, for this document's tables.
    var nameSpan: Int
    var moneySpan: Int

    init(_ p: DocumentProfile) {
        isRevision = p.isRevision
        comparesStages = p.comparesStages
        hasEvaluation = p.hasEvaluation
        hasPlan = p.hasPlan
        bothTables = p.hasEvaluation && p.hasPlan
        paguEvaluation = p.evaluationPaguLabel
        paguPlan = p.planPaguLabel
        targetEvaluation = p.isRevision ? "Target awal" : "Target (evaluasi)"
        targetPlan = p.isRevision ? "Target perubahan" : "Target rencana"
        realisasi = p.realisasiLabel
        capaian = "Capaian" + (p.period.map { " " + $0.phrase } ?? "")
        period = p.period.map { " " + $0.phrase } ?? ""
        nameSpan = 1 + (p.hasEvaluation ? 3 : 0) + (p.hasPlan ? 1 : 0)
        moneySpan = (p.hasEvaluation ? 3 : 0) + (p.hasPlan ? 1 : 0)
    }
}

/// Sort keys for the table script (`data-*` attributes): the figures as plain numbers with a dot
/// for decimals, fixed to four places so the bytes never depend on floating-point printing; ""
/// when there is no figure (the script puts those last).
enum SortKey {
    static func amount(_ a: Located<AmountText>?) -> String {
        a?.value.value.map { String($0.value) } ?? ""
    }

    static func decimal(_ x: Double?) -> String {
        guard let x, x.isFinite, abs(x) < 1e12 else { return "" }
        let scaled = Int64((x * 10_000).rounded())
        let m = scaled.magnitude
        let frac = String(m % 10_000)
        return (scaled < 0 ? "-" : "") + "\(m / 10_000)." + String(repeating: "0", count: 4 - frac.count) + frac
    }
}

// MARK: SiteIndexPage (`Pages/SiteIndexPage.swift`)

struct SiteIndexView {
    var documents: [DocumentCardView]
}

// MARK: SearchPage (`Pages/SearchPage.swift`)

struct SearchPageView {
    var search: SearchView
    var documents: [DocumentCardView]
}

struct SearchView {
    var available: Bool
    var bundle: String
    /// Each group of documents' bundle (`pagefind/kelompok-<n>/`, `SearchGroups`), merged into the search of `bundle`.
    var documentBundles: [String]
    /// Words from the site's own rows to suggest, e.g. "sosial", "keluarga", "penduduk".
    var examples: [SearchExampleView]
    var hasExamples: Bool
}

/// One suggested word, with what joins it to the previous one in a sentence ("", ", ", " atau ").
struct SearchExampleView {
    var joiner: String
    var word: String

    static func list(_ words: [String]) -> [SearchExampleView] {
        words.enumerated().map { i, w in
            SearchExampleView(joiner: i == 0 ? "" : i == words.count - 1 ? " atau " : ", ", word: w)
        }
    }
}

// MARK: NotFoundPage (`Pages/NotFoundPage.swift`)

struct NotFoundView {
    var documents: [DocumentCardView]
}

// MARK: HomePage (`Pages/HomePage.swift`)

struct HomePageView {
    var home: HomeView
}

struct HomeView {
    var chart: ChartView?
    var printHref: String
    var changesHref: String?
    var dataHref: String?
    var figures: [FigureView]
    var programs: [ProgramSummaryView]
    /// nil when the findings are not published.
    var counts: CountView?
    var validationHref: String?
    /// The document's PDF, when the build made one.
    var pdf: PDFLinkView? = nil
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
    var hasFindings: Bool
    /// The program's group on the Validasi page.
    var findingsHref: String?
}

// MARK: ChapterPage (`Pages/ChapterPage.swift`)

struct ChapterView {
    var displayTitle: String
    var number: String?
    var title: String
    /// The prose, cut where the chapter printed a table.
    var segments: [ChapterSegmentView]
    var toc: [HeadingView]
    var hasToc: Bool
    var signing: SigningView?
    var previous: LinkView?
    var next: LinkView?
}

struct HeadingView {
    var text: String
    var id: String
    var sub: Bool
}

struct ChapterPageView {
    var chapter: ChapterView
}

/// A run of chapter prose (rendered Markdown) and, where the chapter printed a table, its summary.
struct ChapterSegmentView {
    var html: String
    var tableSummary: TableSummaryView?
}

/// A table's summary inside a chapter (`partials/table-summary`).
struct TableSummaryView {
    var caption: String
    var href: String
    var programs: Int
    var kegiatan: Int
    var subKegiatan: Int
    var pagu: String
    /// Tabel 1 only.
    var realisasi: String?
    var absorption: String
}

// MARK: TablePage (`Pages/TablePage.swift`)

/// The table pages share `table.mustache`: Tabel 1 or Tabel 2 (`table`), the standard
/// evaluation table (`standardTable`) or the standard rencana table (`standardPlan`). Lists of none or one, not optionals: a section over an
/// optional struct does not open it in swift-mustache's own (Mirror) path, so the two ways of
/// rendering would differ (`ScalingTests`).
struct TablePageView {
    var table: [TableView]
    var standardTable: [StandardTableView]
    /// The standard rencana table with its prakiraan maju (`StandardPlanPage.swift`).
    var standardPlan: [StandardPlanTableView] = []
}

// MARK: ProgramPage (`Pages/ProgramPage.swift`)

struct ProgramPageView {
    var program: ProgramView
}

struct ProgramView {
    /// The program row's anchors in Tabel 1 and Tabel 2 (findings about the program link here).
    var evaluationAnchor: String?
    var planAnchor: String?
    var name: String
    var number: String
    var code: String?
    var indicators: [IndicatorView]
    var figures: [FigureView]
    var rows: [RowView]
    var findings: [FindingView]
    var hasFindings: Bool
    /// "3 temuan, 5 info" (counted as `FindingIndex` counts).
    var findingSummary: String
    var temuanCount: Int
    var previous: LinkView?
    var next: LinkView?
    var charts: [ChartView]
    var downloads: [DownloadView]
    /// The Perubahan page, when the document has one.
    var changesHref: String?
}

// MARK: ValidationPage (`Pages/ValidationPage.swift`)

struct ValidationPageView {
    var validation: ValidationView
}

// MARK: ChangesPage (`Pages/ChangesPage.swift`)

/// One row of the Perubahan page. The `sort…` fields are plain integers for the sorting script.
struct ChangeRowView {
    var levelWord: String
    var levelClass: String
    var key: String
    var name: String
    var href: String?
    var before: String
    var after: String
    var difference: String
    var relative: String
    var statusWord: String
    var statusClass: String
    var showStatus: Bool
    var direction: String
    var sortOrder: Int
    var sortSize: String
    var sortDifference: String
    var sortBefore: String
    var sortAfter: String
    var sortRelative: String
    var targetChangeCount: Int
    var hasTargetChanges: Bool
    /// The program and kegiatan above a sub kegiatan.
    var context: String? = nil
}

struct TargetChangeView {
    var item: String
    var levelWord: String
    var href: String?
    var indicator: String
    var before: String
    var after: String
}

/// A total computed from the tables beside the figure the narrative states.
struct ReconcileView {
    var label: String
    var computed: String
    var stated: String
    var source: LinkView?
    var statusWord: String
    var statusClass: String
}

struct ChangesPageView {
    var changes: ChangesView
}

struct ChangesView {
    var figures: [FigureView]
    var reconciliation: [ReconcileView]
    var programs: [ChangeRowView]
    var items: [ChangeRowView]
    var targets: [TargetChangeView]
    var added: [ChangeRowView]
    var dropped: [ChangeRowView]
    var totalBefore: String
    var totalAfter: String
    var totalDifference: String
    var changedCount: Int
    var unchangedCount: Int
    var chart: ChartView?
    var downloads: [DownloadView]
}

// MARK: ComparisonPage (`Pages/ComparisonPage.swift`)

struct ComparisonPageView {
    var comparison: ComparisonView
}

struct ComparisonView {
    var fromTitle: String
    var toTitle: String
    var fromHref: String
    var toHref: String
    /// "Tabel 2 Renja 2024".
    var fromTable: String
    var toTable: String
    var figures: [FigureView]
    var rows: [ComparisonRowView]
    var targets: [ComparisonTargetView]
    var changedCount: Int
    var unchangedCount: Int
    var totalBefore: String
    var totalAfter: String
    var totalDifference: String
    /// How many rows were paired by name (no code, or a code the other document does not have).
    var pairedByName: Int
    var hasPairedByName: Bool
}

struct ComparisonRowView {
    var levelWord: String
    var levelClass: String
    var key: String
    var name: String
    var before: String
    var after: String
    var difference: String
    var statusWord: String
    var statusClass: String
    var showStatus: Bool
    var pairedByName: Bool
    var sortBefore: String
    var sortAfter: String
    var sortDifference: String
    var sortOrder: Int
}

struct ComparisonTargetView {
    var item: String
    var levelWord: String
    var indicator: String
    var before: String
    var after: String
}

// MARK: DataPage (`Pages/DataPage.swift`)

struct DataPageContentView {
    var data: DataPageView
}

struct DataPageView {
    var downloads: [DownloadView]
    /// The rows carry nomenclature codes (Tabel 2, or a Tabel 1 that gives them).
    var hasCodes: Bool
    /// "capaian s.d. triwulan ii 2024": the capaian column's label in lower case.
    var capaian: String
    /// Tabel 1 or Tabel 2 is published (their CSV columns are described).
    var hasTables: Bool
    /// The standard evaluation table's CSV, when the document has the table (a list of none or one).
    var standard: [DataStandardView]
}

/// The columns of the standard evaluation table's CSV, as its header writes them.
struct DataStandardView {
    var variantText: String
    var headers: [String]
}

// MARK: PrintPage (`Pages/PrintPage.swift`)

/// The whole document on one page.
struct PrintPageView {
    var printable: PrintView
}

struct PrintView {
    var title: String
    var kind: String
    var year: String
    var agency: String
    var government: String?
    var chapters: [PrintChapterView]
    var appendix: [PrintSegmentView]
    /// The standard evaluation table, printed in the appendix after the others (a list of none or one).
    var standard: [StandardTableView]
    var hasAppendix: Bool
    var onlineHref: String
}

struct PrintChapterView {
    var id: String
    var displayTitle: String
    var number: String?
    var title: String
    var segments: [PrintSegmentView]
    var signing: SigningView?
}

/// A run of chapter prose, or a full table where the chapter printed one.
struct PrintSegmentView {
    var html: String?
    var table: TableView?
    /// The standard rencana table (a list of none or one, as `TablePageView`).
    var standardPlan: [StandardPlanTableView] = []
}
