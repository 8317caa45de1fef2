import Foundation
import Mustache

/// The chrome every page shares: head, header, breadcrumbs, footer, the site's agency and the
/// search form (`layout.mustache` and `partials/`). Made by `SiteRenderer.chrome`.
struct PageChrome {
    var root: String
    var siteTitle: String
    var siteDescription: String
    /// The site's agency on site pages, the document's own on a document's pages.
    var agency: AgencyView
    var pageTitle: String
    var description: String
    /// nil on the 404 page, which is served at any missing address and is no page of its own.
    var canonical: String?
    var breadcrumbs: [LinkView]
    var nav: [LinkView]
    var year: String
    var generator: String
    /// The search form in the header (only when the site has a search index).
    var searchAvailable: Bool = false
    var searchHref: String = ""
    /// The first of `SearchView.examples`, for the search box's placeholder ("" when none).
    var searchExample: String? = nil
    /// The findings are published (Validasi page, row marks).
    var findingsShown: Bool = false
    /// The page's main content is indexed for search (`data-pagefind-body`).
    var indexed: Bool = false
    /// Page-specific stylesheets and deferred scripts (progressive enhancement only).
    var styles: [String] = []
    var scripts: [String] = []
}

/// The chrome of a document's pages: the document, its labels and its navigation
/// (`partials/document-nav`, the footer). Made by `DocumentRenderer.view`.
struct DocumentChrome {
    var document: DocumentCardView
    /// Column and figure labels that depend on what the document is.
    var words: DocumentWordsView
    var chaptersNav: [LinkView]
    var tablesNav: [LinkView]
    var programsNav: [LinkView]
    /// Perubahan, data terbuka, versi cetak, validasi: the document's other views.
    var documentLinks: [LinkView]
    /// Comparisons with the other documents of the same agency and year ("Bandingkan dokumen").
    var comparisons: [LinkView]
    /// The other documents of the same agency and year (their home pages), beside the comparisons.
    var relatedDocuments: [LinkView]
}

/// What one page's template is rendered with: the chrome, the document's chrome on a document's
/// pages, and the page kind's own view (`Pages/`). A name is looked up in the page's own view
/// first, then the document's chrome, then the site's; the names of the three do not overlap
/// (`PageKinds` is checked by a test), so the order never decides which field a name reaches.
struct PageView {
    var chrome: PageChrome
    var documentChrome: DocumentChrome?
    var content: any MustacheView

    /// The views in lookup order, innermost first.
    var layers: [Any] { [content] + (documentChrome.map { [$0] } ?? []) + [chrome] }
}

/// The root context of a page: finds a name in the page's layers. `boxed` reads them through
/// `MustacheBox` (the build); without it through `MirrorView`, with `Mirror`
/// (`RENJA_MUSTACHE_MIRROR=1`, and the tests comparing both).
final class PageContext: MustacheParent {
    private let layers: [MustacheParent]

    init(_ page: PageView, boxed: Bool = !MustacheBox.mirrorOnly) {
        layers = page.layers.compactMap { (boxed ? MustacheBox.box($0, as: MustacheBox.kind(of: $0)) : MirrorView.wrap($0)) as? MustacheParent }
    }

    func child(named name: String) -> Any? {
        for layer in layers {
            if let found = layer.child(named: name) { return found }
        }
        return nil
    }
}

/// One page ready to render: where it goes, its template and its view.
struct PagePlan {
    var dir: String
    var template: String
    var view: PageView
    /// Set for a page not written as `<dir>/index.html` (the 404 page).
    var fileName: String? = nil
}

/// A kind of page: the template it is rendered with and the view type of the page's own part.
/// The template is checked when it is loaded (`TemplateFieldCheck`) against `layers`: the chrome,
/// the document's chrome and that view. The document's chrome is in scope on the site's own pages
/// too (there it is nil), because `layout.mustache` and its partials, shared by every page, test
/// `{{#document}}` to show a document's navigation.
struct PageKind {
    var template: String
    var content: Any.Type

    var layers: [Any.Type] { [PageChrome.self, DocumentChrome.self, content] }
}

/// Every kind of page of the site, in the order `Templates/README.md` lists them. A new page kind
/// is a file in `Pages/` with its `kind`, listed here.
enum PageKinds {
    static let all: [PageKind] = [
        SiteIndexPage.kind, HomePage.kind, ChapterPage.kind, TablePage.kind, ProgramPage.kind, ValidationPage.kind,
        NotFoundPage.kind, ChangesPage.kind, DataPage.kind, PrintPage.kind, SearchPage.kind, ComparisonPage.kind, QuarterPage.kind,
    ]
}
