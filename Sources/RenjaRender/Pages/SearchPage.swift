import Foundation

/// The search page (`cari.mustache`): Pagefind's box when the site has an index, and the documents.
struct SearchPage {
    static let kind = PageKind(template: "cari", content: SearchPageView.self)

    let site: SiteRenderer

    func plan(_ cards: [DocumentCardView]) -> PagePlan {
        var chrome = site.chrome(dir: Paths.search, title: site.say(.cariJudul, ["situs": site.site.settings.title]),
                                 description: site.say(.cariDeskripsi),
                                 breadcrumbs: [LinkView(title: site.say(.jejakBeranda), href: "../"), LinkView(title: site.say(.cariJejak), href: nil)])
        let root = chrome.root
        let examples = site.searchExamples
        if site.searchAvailable {
            chrome.styles = [root + Paths.searchBundle + "pagefind-ui.css"]
            chrome.scripts = [root + Paths.searchBundle + "pagefind-ui.js", root + "assets/cari.js"]
        }
        let content = SearchPageView(
            search: SearchView(available: site.searchAvailable, bundle: root + Paths.searchBundle,
                               documentBundles: SearchGroups.groups(site.site.documents.map(\.slug), size: site.searchGroupSize).indices.map { root + SearchGroups.folder($0) },
                               examples: SearchExampleView.list(examples), hasExamples: !examples.isEmpty),
            documents: SiteRenderer.cards(cards, root: root))
        return PagePlan(dir: Paths.search, template: Self.kind.template, view: PageView(chrome: chrome, content: content))
    }
}
