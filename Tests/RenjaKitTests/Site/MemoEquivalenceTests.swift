import Foundation
@testable import RenjaKit
import RenjaModel
import XCTest

/// `renja serve` renders with a `LoadMemo` kept across saves (tables, templates, the facts and
/// findings of unchanged tables and chapters, rendered documents). After every kind of save its
/// findings and files must be those of a render without any memo.
final class MemoEquivalenceTests: XCTestCase {
    private var root: URL!
    private var options: BuildOptions!
    private let memo = LoadMemo()

    override func setUpWithError() throws {
        root = RepoPaths.temporaryFolder(name)
        try FileManager.default.copyItem(at: RepoPaths.content, to: root.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: RepoPaths.templates, to: root.appendingPathComponent("Templates"))
        options = BuildOptions(content: root.appendingPathComponent("Content"), contentDisplay: "Content",
                               templates: root.appendingPathComponent("Templates"), templatesDisplay: "Templates",
                               output: root.appendingPathComponent("Public"))
        // As the preview renders: the findings shown, unchanged documents from the memo.
        options.alwaysShowFindings = true
        options.reuseUnchangedDocuments = true
        options.environment["RENJA_CACHE_DIR"] = root.appendingPathComponent("cache").path
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func file(_ path: String) -> URL { root.appendingPathComponent(path) }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file(path), encoding: .utf8)
        let changed = change(text)
        XCTAssertNotEqual(changed, text, "the edit of \(path) changes it")
        try changed.write(to: file(path), atomically: true, encoding: .utf8)
    }

    /// Renders with the memo — the saved file's pages first (`onlyPagesFrom`), as the preview's
    /// early pass does, then every page — and without; asserts both give the same findings and
    /// the same files, byte for byte. Returns the findings.
    @discardableResult
    private func assertMemoGivesTheSame(_ what: String, saved: String? = nil) throws -> [Diagnostic] {
        var plainOptions = options!
        plainOptions.reuseUnchangedDocuments = false
        let plain = try Builder.render(plainOptions)
        if let saved {
            var early = options!
            early.onlyPagesFrom = [saved]
            let first = try Builder.render(early, memo: memo)
            XCTAssertEqual(first.findings, plain.findings, "\(what): the early pass's findings")
            XCTAssertFalse(first.files.isEmpty, "\(what): the early pass made the saved file's page")
            for f in first.files {
                XCTAssertEqual(f.data, plain.files.first { $0.path == f.path }?.data, "\(what): early page \(f.path)")
            }
        }
        let kept = try Builder.render(options, memo: memo)
        XCTAssertEqual(kept.findings, plain.findings, "\(what): findings")
        XCTAssertEqual(kept.files.map(\.path), plain.files.map(\.path), "\(what): the same files")
        for (a, b) in zip(kept.files, plain.files) where a.path == b.path {
            XCTAssertEqual(a.data, b.data, "\(what): \(a.path)")
        }
        return plain.findings
    }

    func testAfterChapterTableAndTemplateSavesTheMemoGivesWhatARenderWithoutItGives() throws {
        let first = try assertMemoGivesTheSame("first render")
        try assertMemoGivesTheSame("nothing saved")

        // A chapter: a stated total nothing in the tables supports, a plan period without the
        // document's year (compared with the periods of another chapter) and a spelled number.
        let closing = "Content/renja-perubahan-2024/bab/04-penutup.md"
        try edit(closing) {
            $0 + "\n\nTotal pagu seluruh program sebesar Rp 1.234.567.000,-, sesuai RPJMD Kota Pekalongan Tahun 2016-2021, dengan 9 (delapan) program.\n"
        }
        let afterChapter = try assertMemoGivesTheSame("a chapter saved", saved: closing)
        XCTAssertNotEqual(afterChapter, first, "the chapter's save changes the findings")
        let period = try XCTUnwrap(afterChapter.first { $0.code == "narasi-tahun" && $0.location?.file == closing },
                                   "the period in the closing chapter is found")
        XCTAssertEqual(period.severity, .galat, "another chapter gives the RPJMD a period with the year")

        // Another chapter: the closing chapter is unchanged, its period finding is not — it
        // compares with this chapter's periods.
        let introduction = "Content/renja-perubahan-2024/bab/01-pendahuluan.md"
        try edit(introduction) { $0.replacingOccurrences(of: "2021-2026", with: "2019-2023") }
        let afterOther = try assertMemoGivesTheSame("another chapter saved", saved: introduction)
        XCTAssertEqual(afterOther.first { $0.code == "narasi-tahun" && $0.location?.file == closing }?.severity, .peringatan,
                       "no chapter gives the RPJMD a period with the year any more")

        // A table row: its sums, Tabel 1 ↔ Tabel 2 and what the chapters state against it.
        let plan = "Content/renja-perubahan-2024/tabel/rencana.yaml"
        try edit(plan) { $0.replacingOccurrences(of: "            pagu: 2.552.000", with: "            pagu: 2.553.000") }
        let afterRow = try assertMemoGivesTheSame("a table row saved", saved: plan)
        XCTAssertNotEqual(afterRow, afterOther, "the row's save changes the findings")

        // A template: every page.
        let marker = "penanda-\(UUID().uuidString.prefix(8))"
        try edit("Templates/chapter.mustache") { $0.replacingOccurrences(of: "</article>", with: "<p>\(marker)</p></article>") }
        try assertMemoGivesTheSame("a template saved")
        let page = try Builder.render(options, memo: memo).files.first { $0.path == "renja-perubahan-2024/bab/penutup/index.html" }
        XCTAssertTrue(String(decoding: page?.data ?? Data(), as: UTF8.self).contains(marker))

        // Back as it was: the findings of the first render.
        try edit(closing) { String($0[..<$0.range(of: "\n\nTotal pagu seluruh program sebesar Rp 1.234.567.000")!.lowerBound]) }
        try edit(introduction) { $0.replacingOccurrences(of: "2019-2023", with: "2021-2026") }
        try edit(plan) { $0.replacingOccurrences(of: "            pagu: 2.553.000", with: "            pagu: 2.552.000") }
        XCTAssertEqual(try assertMemoGivesTheSame("every file as it was", saved: plan), first)
    }
}
