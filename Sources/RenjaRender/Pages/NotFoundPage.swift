import Foundation

/// `404.html` (`404.mustache`): served for any missing address, so its links work from anywhere:
/// they start at the base URL's path.
struct NotFoundPage {
    static let kind = PageKind(template: "404", content: NotFoundView.self)

    let site: SiteRenderer

    func plan(_ cards: [DocumentCardView]) -> PagePlan {
        var chrome = site.chrome(dir: "", title: site.say(.tidakDitemukanJudul), description: "", breadcrumbs: [])
        chrome.canonical = nil
        let absoluteRoot = site.servedAtRoot ? "/" : URL(string: site.baseURL)?.path ?? "/"
        let root = absoluteRoot.hasSuffix("/") ? absoluteRoot : absoluteRoot + "/"
        chrome.root = root
        chrome.searchHref = root + Paths.search
        chrome.nav = [LinkView(title: site.say(.navigasiBeranda), href: root)] + site.site.documents.map { LinkView(title: $0.shortTitle, href: root + Paths.document($0)) }
        return PagePlan(dir: "", template: Self.kind.template,
                        view: PageView(chrome: chrome, content: NotFoundView(documents: SiteRenderer.cards(cards, root: root))),
                        fileName: "404.html")
    }
}
