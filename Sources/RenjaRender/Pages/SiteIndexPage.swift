import Foundation

/// The site's home (`site-index.mustache`): every document's card.
struct SiteIndexPage {
    static let kind = PageKind(template: "site-index", content: SiteIndexView.self)

    let site: SiteRenderer

    func plan(_ cards: [DocumentCardView]) -> PagePlan {
        let chrome = site.chrome(dir: "", title: site.site.settings.title, description: site.site.settings.description, breadcrumbs: [])
        return PagePlan(dir: "", template: Self.kind.template, view: PageView(chrome: chrome, content: SiteIndexView(documents: cards)))
    }
}
