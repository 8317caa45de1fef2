import Foundation
import RenjaModel
import RenjaFacts
import RenjaChecks

/// Each document's facts and findings, kept in the parts a save can leave unchanged (part of
/// `LoadMemo`, for `renja serve`): the part of its tables (`TableSideFacts` and the table checks'
/// findings), whose input is the document without its chapters, and each chapter's (`ChapterFacts`
/// and its narrative findings), whose input is that and the chapter. A chapter's save works out
/// that chapter's part only; a table's save every part. The parts are made by the functions
/// `renja build` calls (`DocumentFacts.init`, `Validator.run`), which combine them the same way,
/// so the facts and findings are those a build without the memo gives. Inputs are compared by
/// value; a table reused by `TableMemo` shares its rows' storage, so comparing it is immediate.
/// Safe to share between threads.
final class FactsMemo: @unchecked Sendable {
    private struct TablePart {
        /// The document without its chapters.
        var input: Document
        var facts: TableSideFacts
        var findings: [Diagnostic]?
    }

    private struct ChapterPart {
        var chapter: Chapter
        var facts: ChapterFacts
        var findings: Validator.ChapterFindings?
    }

    private let lock = NSLock()
    private var tables: [String: TablePart] = [:]
    /// By document slug, then chapter file; only for the document's current `TablePart`.
    private var chapters: [String: [String: ChapterPart]] = [:]

    /// The parts remembered for this input, and the table part of another input (an earlier
    /// version of the document).
    private func remembered(_ document: Document) -> (tables: TablePart?, chapters: [String: ChapterPart], earlier: TablePart?) {
        var input = document
        input.chapters = []
        lock.lock()
        let known = tables[document.slug], parts = chapters[document.slug] ?? [:]
        lock.unlock()
        guard let known, known.input == input else { return (nil, [:], known) }
        return (known, parts, nil)
    }

    /// `DocumentFacts(document)`, from the parts remembered for the same input.
    func facts(_ document: Document) -> DocumentFacts {
        let known = remembered(document)
        let side = known.tables?.facts ?? TableSideFacts(document, earlier: known.earlier.map { ($0.input, $0.facts) })
        let made = Parallel.map(document.chapters) { c -> ChapterPart in
            if let part = known.chapters[c.file], part.chapter == c { return part }
            return ChapterPart(chapter: c, facts: ChapterFacts(c, document: document, tables: side), findings: nil)
        }
        var input = document
        input.chapters = []
        lock.lock()
        tables[document.slug] = known.tables ?? TablePart(input: input, facts: side, findings: nil)
        chapters[document.slug] = Dictionary(made.map { ($0.chapter.file, $0) }, uniquingKeysWith: { a, _ in a })
        lock.unlock()
        return DocumentFacts(document, tables: side, chapters: made.map(\.facts))
    }

    /// `Validator.run(facts)`, from the parts remembered for the same input. `facts` must come
    /// from `facts(_:)` of this memo (the parts are remembered there).
    func findings(_ facts: DocumentFacts) -> [Diagnostic] {
        let document = facts.document
        let known = remembered(document)
        let checked = Validator.run(facts, tables: known.tables?.findings, chapters: document.chapters.map { c in
            known.chapters[c.file].flatMap { $0.chapter == c ? $0.findings : nil }
        })
        guard var part = known.tables else { return checked.findings }
        part.findings = checked.parts.tables
        var parts = known.chapters
        for (c, found) in zip(document.chapters, checked.parts.chapters) where parts[c.file]?.chapter == c {
            parts[c.file]?.findings = found
        }
        lock.lock()
        tables[document.slug] = part
        chapters[document.slug] = parts
        lock.unlock()
        return checked.findings
    }
}
