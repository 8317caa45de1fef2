import RenjaModel

/// What a document is, from its own content: its kind (`jenis`), which tables it has, and the period
/// its evaluation covers. Pages choose their words and page kinds from this, never from what one
/// particular document has: a plain Renja has no "sebelum/setelah perubahan", and a document
/// without an evaluation table has no triwulan.
public struct DocumentProfile: Sendable, Equatable {
    /// `jenis` says it revises a plan (Perubahan Renja): Tabel 1 then holds the plan before the
    /// revision and Tabel 2 the plan after it.
    public var isRevision: Bool
    public var hasEvaluation: Bool
    public var hasPlan: Bool
    /// What the evaluation table's realisasi covers, when the document says.
    public var period: EvaluationPeriod?

    /// The document holds two stages of the same year's plan that can be compared row by row.
    public var comparesStages: Bool { isRevision && hasEvaluation && hasPlan }

    public init(_ document: Document) {
        isRevision = Text.normalizedName(document.kind).split(separator: " ").contains("perubahan")
        hasEvaluation = document.evaluation != nil
        hasPlan = document.plan != nil
        period = document.evaluation.flatMap { EvaluationPeriod(declared: document.evaluationPeriod?.value, tableTitle: $0.title,
                                                                documentYear: document.year.value) }
    }

    /// How a page names the pagu of Tabel 1: "Pagu sebelum perubahan" in a revision, otherwise the
    /// evaluation's own words.
    public var evaluationPaguLabel: String { isRevision ? "Pagu sebelum perubahan" : "Pagu (evaluasi)" }
    /// How a page names the pagu of Tabel 2.
    public var planPaguLabel: String { isRevision ? "Pagu setelah perubahan" : "Pagu rencana" }
    /// "Realisasi s.d. Triwulan II 2024", "Realisasi tahun 2023" or just "Realisasi".
    public var realisasiLabel: String { "Realisasi" + (period.map { " " + $0.phrase } ?? "") }
}
