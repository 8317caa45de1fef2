import RenjaModel

/// The Indonesian text `renja import` prints (`LayoutImport.summary` and `changes`): what was
/// read, where the title came from, and what changes against the file it replaces.
enum ImportReport {
    /// "Impor <table> dari <input> (<how it was split>[, pengodean <encoding>]):"
    static func opening(_ table: String, input: String, delimiter: Character, encodingNote: String?) -> String {
        let split: String
        switch delimiter {
        case "\t": split = "dipisah tab"
        case ";": split = "CSV dipisah titik koma"
        default: split = "CSV dipisah koma"
        }
        return "Impor \(table) dari \(input) (\(split)" + (encodingNote.map { ", pengodean \($0)" } ?? "") + "):"
    }

    /// Tabel 1/2's summary (`TableImporter.summary`).
    static func summary(_ plan: ImportPlan) -> [String] { TableImporter.summary(plan) }

    /// Tabel 1/2's changes (`TableImporter.changes`).
    static func changes(_ plan: ImportPlan, detailed: Bool) -> [String] { TableImporter.changes(plan, detailed: detailed) }
}
