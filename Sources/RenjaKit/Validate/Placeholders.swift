/// Figures computed from the tables that a chapter can print with `{{angka NAMA}}`.
public enum Placeholders {
    public static func expand(_ markdown: String, chapter: Chapter, document: Document) -> (text: String, diagnostics: [Diagnostic]) {
        (markdown, [])
    }
}
