import RenjaModel
import RenjaFacts

/// Runs every figure check on a loaded site: what an auditor would want to see before publication.
/// Each family of checks lives in its own file and takes one document; the findings of all
/// documents are returned in a stable order (file, line, column, code).
public enum Validator {
    /// The families that read the tables and `dokumen.yaml` only, in the order they are documented.
    static var tableFamilies: [(DocumentContext) -> [Diagnostic]] { [
        SumChecks.run,
        NumberFormatChecks.run,
        PercentChecks.run,
        PlausibilityChecks.run,
        StructureChecks.run,
        CrossTableChecks.run,
        AuditorChecks.run,
        FundingChecks.run,
        ParentAchievementChecks.run,
        StandardEvaluationChecks.run,
        StandardPlanChecks.run,
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

    /// Findings for one document's facts, sorted: those of its tables, those of each chapter (the
    /// narrative against the tables and the document) and those that compare the chapters with
    /// each other.
    public static func run(_ facts: DocumentFacts) -> [Diagnostic] { run(facts, tables: nil, chapters: []).findings }

    /// A document's findings in the parts `run` combines, so a long-running caller (`renja serve`)
    /// can keep the parts whose input did not change. A part's input: for `tables`, the document
    /// without its chapters; for a chapter's, that and the chapter.
    package struct Parts: Sendable {
        package var tables: [Diagnostic]
        package var chapters: [ChapterFindings]
    }

    package struct ChapterFindings: Sendable {
        var findings: [Diagnostic]
        var periods: [NarrativeYearChecks.PlanPeriod]
    }

    /// `run(facts)` with the parts given already (nil: checked now).
    package static func run(_ facts: DocumentFacts, tables: [Diagnostic]?, chapters: [ChapterFindings?]) -> (findings: [Diagnostic], parts: Parts) {
        let ctx = DocumentContext(facts)
        let t = tables ?? tableFindings(ctx)
        let c = Parallel.map(Array(facts.document.chapters.indices)) { i in (i < chapters.count ? chapters[i] : nil) ?? chapterFindings(ctx, i) }
        return (combine(ctx, tables: t, chapters: c), Parts(tables: t, chapters: c))
    }

    static func tableFindings(_ ctx: DocumentContext) -> [Diagnostic] {
        // The families are independent: spread them over the cores too (this is what keeps both
        // busy on a site of one document; with many documents it changes little).
        Parallel.map(tableFamilies) { $0(ctx) }.flatMap { $0 }
    }

    static func chapterFindings(_ ctx: DocumentContext, _ index: Int) -> ChapterFindings {
        let chapter = ctx.document.chapters[index], facts = ctx.facts.chapterFacts[index]
        let year = NarrativeYearChecks.run(chapter, ctx)
        return ChapterFindings(findings: NarrativeChecks.run(chapter, facts, ctx) + year.findings + facts.placeholderFindings,
                               periods: year.periods)
    }

    static func combine(_ ctx: DocumentContext, tables: [Diagnostic], chapters: [ChapterFindings]) -> [Diagnostic] {
        sorted(tables + chapters.flatMap(\.findings) + NarrativeYearChecks.periodFindings(chapters.flatMap(\.periods), ctx))
    }

    /// By file, line, column and code; findings without a location last. Ties keep a fixed order
    /// through the message, so two runs print the same report.
    package static func sorted(_ ds: [Diagnostic]) -> [Diagnostic] {
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

extension Validator {
    /// Every check id with its severity and description (`CheckCatalog`, shared with the pages).
    public static var checks: [CheckDescription] { CheckCatalog.checks }
}
