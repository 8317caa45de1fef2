/// One published document (e.g. the Perubahan Renja 2024): a folder under `Content/`.
public struct Document: Sendable, Equatable {
    /// Folder name, also its URL path (`renja-perubahan-2024`).
    public var slug: String
    public var title: String
    public var shortTitle: String
    public var kind: String
    public var year: Located<Int>
    public var order: Int
    public var agency: Agency
    public var signing: Signing
    public var validation: ValidationSettings
    /// `periode_evaluasi` as written (e.g. "Triwulan II"), when `dokumen.yaml` says what period
    /// Tabel 1's realisasi covers; otherwise the period is read from Tabel 1's title.
    public var evaluationPeriod: Located<String>? = nil
    /// Which revision this is and how it was enacted (`revisi`, `tanggal_revisi`,
    /// `nomor_penetapan`, `tanggal_penetapan`), as the document states it.
    public var edition: DocumentEdition = DocumentEdition()
    public var chapters: [Chapter]
    /// Tabel 1: evaluation of the running year (before the revision).
    public var evaluation: Table?
    /// Tabel 2: the revised plan.
    public var plan: Table?
    /// The standard evaluation table of Permendagri 86/2017 (`tabel/evaluasi-standar.yaml`), when
    /// the document has the file.
    public var standardEvaluation: StandardEvaluationTable? = nil
    /// The standard rencana table of Permendagri 86/2017 with the prakiraan maju of year N+1
    /// (`tabel/rencana-standar.yaml`), when the document has the file.
    public var standardPlan: StandardPlanTable? = nil
    /// Path of `dokumen.yaml`, for diagnostics about the document as a whole.
    public var metadataFile: String

    package init(slug: String, title: String, shortTitle: String, kind: String, year: Located<Int>, order: Int, agency: Agency, signing: Signing, validation: ValidationSettings, evaluationPeriod: Located<String>? = nil, edition: DocumentEdition = DocumentEdition(), chapters: [Chapter], evaluation: Table? = nil, plan: Table? = nil, standardEvaluation: StandardEvaluationTable? = nil, metadataFile: String) {
        self.slug = slug
        self.title = title
        self.shortTitle = shortTitle
        self.kind = kind
        self.year = year
        self.order = order
        self.agency = agency
        self.signing = signing
        self.validation = validation
        self.evaluationPeriod = evaluationPeriod
        self.edition = edition
        self.chapters = chapters
        self.evaluation = evaluation
        self.plan = plan
        self.standardEvaluation = standardEvaluation
        self.metadataFile = metadataFile
    }
}

/// A narrative chapter (Kata Pengantar, BAB I–IV) kept as Markdown.
public struct Chapter: Sendable, Equatable {
    /// From the file name without its order prefix: `01-pendahuluan.md` → `pendahuluan`.
    public var slug: String
    /// Roman numeral of the BAB, nil for front matter such as the Kata Pengantar.
    public var number: String?
    public var title: String
    public var order: Int
    /// Print the signing block (place, date, name) after the text.
    public var signature: Bool
    public var markdown: String
    /// Path of the file and the line where the Markdown body starts (after the front matter),
    /// so positions inside the body can be reported against the file.
    public var file: String
    public var bodyFirstLine: Int

    /// "BAB I Pendahuluan" or "Kata Pengantar".
    public var displayTitle: String {
        if let number { return "BAB \(number) \(title)" }
        return title
    }

    package init(slug: String, number: String? = nil, title: String, order: Int, signature: Bool, markdown: String, file: String, bodyFirstLine: Int) {
        self.slug = slug
        self.number = number
        self.title = title
        self.order = order
        self.signature = signature
        self.markdown = markdown
        self.file = file
        self.bodyFirstLine = bodyFirstLine
    }
}
