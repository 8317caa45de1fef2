import RenjaModel

/// Every figure of one document, worked out once after loading: what the document is, the totals
/// and row sums of its tables, its indicators' achievement, the pairing of Tabel 1 and Tabel 2
/// and what the revision changed, its chapters with their placeholders filled, and the figures its
/// chapters state. The checks turn these into findings; the pages show them with the findings.
/// Neither computes a figure or makes a judgement of its own, so the site and `renja check` can
/// never disagree.
public struct DocumentFacts: Sendable {
    public let document: Document
    public let profile: DocumentProfile
    /// Tabel 1 and Tabel 2.
    public let evaluation: TableFacts?
    public let plan: TableFacts?
    /// The standard evaluation table (Permendagri 86/2017), when the document has one.
    public let standard: StandardEvaluationFacts?
    /// The standard rencana table with its prakiraan maju (Permendagri 86/2017), when the document has one.
    public let standardPlan: StandardPlanFacts?
    /// Rows of Tabel 1 paired with rows of Tabel 2, program by program.
    public let matches: [MatchedItem]
    /// What the revision changed, row by row (empty unless the document compares two stages).
    package let changes: ChangeSet
    /// What `{{angka …}}` prints.
    public let figures: DocumentFigures
    /// Each chapter's Markdown with its placeholders filled (by chapter slug), and the findings of
    /// markers that could not be filled.
    public let expandedChapters: [String: String]
    public let placeholderFindings: [Diagnostic]
    /// Counts and amounts the chapters state.
    public let narrative: [NarrativeFigure]

    /// The facts of its chapters, with the part of its tables, per chapter (in chapter order).
    package let chapterFacts: [ChapterFacts]
    package let tableSide: TableSideFacts

    public init(_ document: Document) {
        let tables = TableSideFacts(document)
        self.init(document, tables: tables, chapters: document.chapters.map { ChapterFacts($0, document: document, tables: tables) })
    }

    /// From parts worked out before (`renja serve`'s memo keeps them while their input is
    /// unchanged): `tables` must be `TableSideFacts(document)` and `chapters` the `ChapterFacts` of
    /// `document.chapters` in order, as `init(_:)` makes them.
    package init(_ document: Document, tables: TableSideFacts, chapters: [ChapterFacts]) {
        self.document = document
        tableSide = tables
        profile = tables.profile
        evaluation = tables.evaluation
        plan = tables.plan
        standard = tables.standard
        standardPlan = tables.standardPlan
        matches = tables.matches
        changes = tables.changes
        figures = tables.figures
        chapterFacts = chapters
        var expanded: [String: String] = [:]
        for (c, f) in zip(document.chapters, chapters) { expanded[c.slug] = f.expanded }
        expandedChapters = expanded
        placeholderFindings = chapters.flatMap(\.placeholderFindings)
        narrative = chapters.flatMap(\.narrative)
    }

    /// Which version of the document this is (from its own content).
    public var version: DocumentVersion { DocumentVersion(document) }

    public func table(_ kind: TableKind) -> TableFacts? { kind == .evaluasi ? evaluation : plan }

    /// The facts of a row, from whichever table it is in (anchors are unique across both).
    public func item(_ item: Item) -> ItemFacts? {
        evaluation?.item(item.anchor) ?? plan?.item(item.anchor)
    }

    /// The indicator facts of a row's `index`th indicator.
    public func indicator(_ item: Item, _ index: Int) -> IndicatorFacts? {
        guard let f = self.item(item), index < f.indicators.count else { return nil }
        return f.indicators[index]
    }

    /// The first narrative figure that states a table's total of a money column.
    public func narrativeStatement(of kind: AmountKind, in table: TableKind) -> NarrativeFigure? {
        narrative.first { f in f.totalMatches.contains { $0.table == table && $0.total == .programSum(kind) } }
    }
}

/// What of a document's facts its chapters do not change: everything but the chapters' own
/// (`dokumen.yaml` and the tables are its whole input). A save of a chapter leaves it as it was.
package struct TableSideFacts: Sendable {
    package let profile: DocumentProfile
    package let evaluation: TableFacts?
    package let plan: TableFacts?
    package let standard: StandardEvaluationFacts?
    package let standardPlan: StandardPlanFacts?
    package let matches: [MatchedItem]
    package let changes: ChangeSet
    package let figures: DocumentFigures
    /// What the figures the chapters state are looked up in.
    let candidates: NarrativeReader.Candidates?

    /// - Parameter earlier: the facts of an earlier version of the document (`renja serve`'s memo):
    ///   a table's `TableFacts`, whose input is the table and the formula, are kept when both are unchanged.
    package init(_ document: Document, earlier: (document: Document, facts: TableSideFacts)? = nil) {
        profile = DocumentProfile(document)
        let formula = document.validation.lowerIsBetterFormula
        let keep = earlier.map { $0.document.validation == document.validation } ?? false
        evaluation = keep && earlier?.document.evaluation == document.evaluation ? earlier?.facts.evaluation
            : document.evaluation.map { TableFacts($0, formula: formula) }
        plan = keep && earlier?.document.plan == document.plan ? earlier?.facts.plan
            : document.plan.map { TableFacts($0, formula: formula) }
        standard = document.standardEvaluation.map { StandardEvaluationFacts($0, formula: formula) }
        standardPlan = document.standardPlan.map(StandardPlanFacts.init)
        matches = TableMatcher.match(evaluation: document.evaluation, plan: document.plan)
        changes = profile.comparesStages ? ChangeSet(matches) : ChangeSet([])
        figures = DocumentFigures(year: document.year.value, evaluation: evaluation, plan: plan)
        candidates = NarrativeReader.candidates(document, evaluation: evaluation, plan: plan)
    }
}

/// One chapter's facts: its Markdown with the placeholders filled, the findings of markers that
/// could not be filled, and the figures it states. Its input is the chapter and the document's
/// `TableSideFacts`, nothing of the other chapters.
package struct ChapterFacts: Sendable {
    package let expanded: String
    package let placeholderFindings: [Diagnostic]
    package let narrative: [NarrativeFigure]

    package init(_ chapter: Chapter, document: Document, tables: TableSideFacts) {
        (expanded, placeholderFindings) = Placeholders.expand(chapter, figures: tables.figures, document: document)
        narrative = tables.candidates.map { NarrativeReader.read(chapter, document: document, candidates: $0) } ?? []
    }
}
