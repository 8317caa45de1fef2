import Foundation
import RenjaModel
import RenjaLoad
import RenjaChecks

/// Loading and validating a single table file from bytes, without a content folder. Used by the
/// fuzzer (and handy for tools that receive one table at a time).
public enum ContentParsing {
    /// Decodes, loads and validates one table file. Never throws: everything wrong with the input
    /// comes back as diagnostics.
    public static func checkTable(_ kind: TableKind, data: Data, path: String) -> (table: Table?, diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        guard let text = ContentFile.decode(data, displayPath: path, sink: sink),
              let table = TableLoader.load(kind, text: text, path: path, sink: sink) else {
            return (nil, sink.diagnostics)
        }
        if sink.hasErrors { return (table, sink.diagnostics) }
        let signing = Signing(place: "", date: Located("2024-01-01", at: nil), position: "", name: "", nip: "")
        let document = Document(slug: "dokumen", title: "", shortTitle: "", kind: "", year: Located(2024, at: nil), order: 0,
                                agency: SiteLoader.emptyAgency, signing: signing, validation: ValidationSettings(), chapters: [],
                                evaluation: kind == .evaluasi ? table : nil, plan: kind == .rencana ? table : nil, metadataFile: path)
        let settings = SiteSettings(title: "", description: "", baseURL: "/", agency: SiteLoader.emptyAgency)
        return (table, sink.diagnostics + Validator.run(Site(settings: settings, documents: [document])))
    }
}
