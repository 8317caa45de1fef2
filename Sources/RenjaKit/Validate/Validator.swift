/// Runs every figure check on a loaded site: what an auditor would want to see before publication.
/// Each family of checks lives in its own file and takes one document; the findings of all
/// documents are returned in a stable order (file, line, column, code).
public enum Validator {
    /// The families, in the order they are documented.
    static var families: [(DocumentContext) -> [Diagnostic]] { [
        SumChecks.run,
        NumberFormatChecks.run,
        PercentChecks.run,
        PlausibilityChecks.run,
        StructureChecks.run,
        CrossTableChecks.run,
        AuditorChecks.run,
        FundingChecks.run,
        ParentAchievementChecks.run,
        NarrativeChecks.run,
        NarrativeYearChecks.run,
        StandardEvaluationChecks.run,
        StandardPlanChecks.run,
        { ctx in ctx.facts.placeholderFindings },
    ] }

    public static func run(_ site: Site) -> [Diagnostic] {
        // Documents are checked independently, on all cores; results keep document order.
        sorted(Parallel.map(site.documents) { run(DocumentFacts($0)) }.flatMap { $0 })
    }

    /// Findings of documents whose facts are already worked out, sorted as `run(_ site:)` sorts them.
    public static func run(_ facts: [DocumentFacts]) -> [Diagnostic] {
        sorted(Parallel.map(facts) { run($0) }.flatMap { $0 })
    }

    /// Findings for one document, sorted.
    public static func run(_ document: Document) -> [Diagnostic] { run(DocumentFacts(document)) }

    /// Findings for one document's facts, sorted.
    public static func run(_ facts: DocumentFacts) -> [Diagnostic] {
        let ctx = DocumentContext(facts)
        // The families are independent: spread them over the cores too (this is what keeps both
        // busy on a site of one document; with many documents it changes little).
        return sorted(Parallel.map(families) { $0(ctx) }.flatMap { $0 })
    }

    /// By file, line, column and code; findings without a location last. Ties keep a fixed order
    /// through the message, so two runs print the same report.
    static func sorted(_ ds: [Diagnostic]) -> [Diagnostic] {
        ds.sorted { a, b in
            switch (a.location, b.location) {
            case let (x?, y?):
                if x != y { return x < y }
            case (nil, _?): return false
            case (_?, nil): return true
            case (nil, nil): break
            }
            if a.code != b.code { return a.code < b.code }
            if a.severity != b.severity { return a.severity < b.severity }
            return a.message < b.message
        }
    }
}
