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
    let changes: ChangeSet
    /// What `{{angka …}}` prints.
    public let figures: DocumentFigures
    /// Each chapter's Markdown with its placeholders filled (by chapter slug), and the findings of
    /// markers that could not be filled.
    public let expandedChapters: [String: String]
    public let placeholderFindings: [Diagnostic]
    /// Counts and amounts the chapters state.
    public let narrative: [NarrativeFigure]

    public init(_ document: Document) {
        self.document = document
        profile = DocumentProfile(document)
        let formula = document.validation.lowerIsBetterFormula
        evaluation = document.evaluation.map { TableFacts($0, formula: formula) }
        plan = document.plan.map { TableFacts($0, formula: formula) }
        standard = document.standardEvaluation.map { StandardEvaluationFacts($0, formula: formula) }
        standardPlan = document.standardPlan.map(StandardPlanFacts.init)
        matches = TableMatcher.match(evaluation: document.evaluation, plan: document.plan)
        changes = profile.comparesStages ? ChangeSet(matches) : ChangeSet([])
        figures = DocumentFigures(year: document.year.value, evaluation: evaluation, plan: plan)
        var expanded: [String: String] = [:]
        var findings: [Diagnostic] = []
        for c in document.chapters {
            let (text, diags) = Placeholders.expand(c, figures: figures, document: document)
            expanded[c.slug] = text
            findings += diags
        }
        expandedChapters = expanded
        placeholderFindings = findings
        narrative = NarrativeReader.read(document, evaluation: evaluation, plan: plan)
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
