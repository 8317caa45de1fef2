import RenjaModel
import RenjaFacts

/// What every check reads: the document's facts (computed once, shared with the pages), and how to
/// stamp a finding with the row and program it belongs to.
struct DocumentContext {
    let facts: DocumentFacts
    /// Row anchor (unique across both tables: `t1-…` / `t2-…`) → key of the matched program.
    private let programKeyByAnchor: [String: String]

    var document: Document { facts.document }
    var matches: [MatchedItem] { facts.matches }

    init(_ facts: DocumentFacts) {
        self.facts = facts
        var keys: [String: String] = [:]
        for program in facts.matches {
            for m in [program] + program.allDescendants {
                if let a = m.evaluation?.anchor { keys[a] = program.key }
                if let a = m.plan?.anchor { keys[a] = program.key }
            }
        }
        programKeyByAnchor = keys
    }

    var tables: [Table] { [document.evaluation, document.plan].compactMap { $0 } }

    func programKey(for item: Item) -> String? { programKeyByAnchor[item.anchor] }

    /// A finding about the document; pass the row it concerns so the site can link to it.
    func finding(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation?,
                 item: Item? = nil, figures: [Diagnostic.Figure] = [], notes: [String] = []) -> Diagnostic {
        Diagnostic(severity, code, message, at: location, figures: figures, notes: notes,
                   rowAnchor: item?.anchor, programKey: item.flatMap { programKey(for: $0) }, documentSlug: document.slug)
    }
}
