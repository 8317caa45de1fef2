import Foundation
import RenjaModel
import RenjaLoad
import RenjaRender

/// What a long-running caller (`renja serve`) keeps between loads: each table file's parsed form
/// (`TableMemo`, the load's), the template set (`TemplateMemo`, the render's), each document's
/// facts and findings by part (`FactsMemo`) and the documents the last build in memory rendered. A table of a thousand rows takes tens of milliseconds to
/// parse, the templates (parsed and their fields checked) 25–50 ms: more than the rest of a chapter
/// save. A save changes one file; the others are compared byte for byte (a fraction of a
/// millisecond) and reused. Safe to share between threads.
public final class LoadMemo: @unchecked Sendable {
    /// The tables, for `SiteLoader.load`.
    package let tables = TableMemo()
    /// The templates, for `TemplateSet.load`.
    package let templates = TemplateMemo()
    /// Each document's facts and findings, in the parts of its tables and of each chapter.
    let facts = FactsMemo()

    private let lock = NSLock()

    public init() {}

    /// The documents rendered by the last build in memory (`renja serve`'s preview), the build
    /// cache's entries with their files' bytes: an unchanged document of a site of many is not
    /// checked or rendered again after a save in another.
    struct RenderedDocument {
        var entry: BuildCache.Entry
        var files: [OutputFile]
    }

    private var rendered: (siteKey: String, documents: [String: RenderedDocument])?

    func renderedDocuments(siteKey: String) -> [String: RenderedDocument] {
        lock.lock()
        defer { lock.unlock() }
        guard let rendered, rendered.siteKey == siteKey else { return [:] }
        return rendered.documents
    }

    func remember(renderedDocuments documents: [String: RenderedDocument], siteKey: String) {
        lock.lock()
        rendered = (siteKey, documents)
        lock.unlock()
    }
}
