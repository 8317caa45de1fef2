import Foundation
import RenjaModel

/// Which comparisons ("Bandingkan dokumen", `Pages/ComparisonPage.swift`) a document takes part
/// in: the pages it holds and the links every page of its group shows.

extension Paths {
    static func comparison(later: Document, earlier: Document) -> String { "\(later.slug)/bandingkan/\(earlier.slug)/" }
}

extension DocumentRenderer {
    /// The pairs whose page this document holds: it is the later one.
    var hostedComparisons: [Document] {
        guard let group = base.comparisonGroups[document.slug], let at = group.firstIndex(where: { $0.slug == document.slug }) else { return [] }
        return Array(group[..<at])
    }

    /// Links to every comparison of this document's group, "Renja 2024 → Perubahan Renja 2024".
    func comparisonLinks(root: String, dir: String) -> [LinkView] {
        guard let group = base.comparisonGroups[document.slug] else { return [] }
        var out: [LinkView] = []
        for (i, a) in group.enumerated() {
            for b in group.dropFirst(i + 1) {
                let path = Paths.comparison(later: b, earlier: a)
                out.append(LinkView.nav(say(.tautanPerbandingan, ["sebelumnya": a.shortTitle, "dokumen": b.shortTitle]), to: path, root: root, dir: dir))
            }
        }
        return out
    }

    /// The home pages of the other documents of this document's group, in the group's order.
    func relatedDocumentLinks(root: String) -> [LinkView] {
        guard let group = base.comparisonGroups[document.slug] else { return [] }
        return group.filter { $0.slug != document.slug }
            .map { LinkView(title: $0.shortTitle, href: root + Paths.document($0)) }
    }
}
