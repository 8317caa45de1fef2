import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaRender

/// Templates/README.md lists the fields the templates can use; it is made from the view structs,
/// so it cannot drift from what the check at load (`templat-kolom`) accepts.
final class TemplateReferenceTests: XCTestCase {
    func testTemplatesReadmeIsUpToDate() throws {
        let expected = TemplateFieldCheck.reference(kinds: PageKinds.all)
        let file = RepoPaths.templates.appendingPathComponent("README.md")
        if ProcessInfo.processInfo.environment["RENJA_TULIS_REFERENSI"] == "1" {
            try expected.write(to: file, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), expected,
                       "Templates/README.md is out of date: RENJA_TULIS_REFERENSI=1 swift test --filter TemplateReferenceTests")
    }

    func testAMisspeltFieldIsALoadErrorWithASuggestion() throws {
        let folder = RepoPaths.temporaryFolder().appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: RepoPaths.templates, to: folder)
        let program = folder.appendingPathComponent("program.mustache")
        let text = try String(contentsOf: program, encoding: .utf8)
        let at = try XCTUnwrap(text.range(of: "{{paguSesudah}}"))
        try text.replacingCharacters(in: at, with: "{{paguSesudh}}").write(to: program, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try TemplateSet.load(folder: folder, displayPath: "Templates")) { error in
            let ds = (error as? InputError)?.diagnostics ?? []
            XCTAssertEqual(ds.map(\.code), ["templat-kolom"])
            let line = text[..<at.lowerBound].filter { $0 == "\n" }.count + 1
            let column = text[..<at.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).last!.count + 1
            XCTAssertEqual(ds.first?.location?.description, "Templates/program.mustache:\(line):\(column)")
            XCTAssertEqual(ds.first?.message, "kolom `paguSesudh` tidak ada pada data halaman ini")
            XCTAssertTrue(ds.first?.notes.contains("mungkin maksudnya `paguSesudah`?") ?? false, "\(ds.first?.notes ?? [])")
        }
    }

    /// Sources that passed the checks are remembered (a no-op build skips checking them again);
    /// the record never lets a changed template through unchecked.
    func testRememberedPassesNeverHideAnError() throws {
        let root = RepoPaths.temporaryFolder()
        let folder = root.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: RepoPaths.templates, to: folder)
        let record = TemplateCheckRecord(folder: root.appendingPathComponent("lulus"), identity: "uji")
        _ = try TemplateSet.load(folder: folder, displayPath: "Templates", passed: record)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("lulus").path).count, 1,
                       "the passing sources are remembered")
        _ = try TemplateSet.load(folder: folder, displayPath: "Templates", passed: record)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("lulus").path).count, 1)

        let program = folder.appendingPathComponent("program.mustache")
        let text = try String(contentsOf: program, encoding: .utf8)
        try text.replacingOccurrences(of: "{{paguSesudah}}", with: "{{paguSesudh}}").write(to: program, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try TemplateSet.load(folder: folder, displayPath: "Templates", passed: record)) { error in
            XCTAssertEqual((error as? InputError)?.diagnostics.map(\.code), ["templat-kolom"])
        }
        // Another Renja (other view types) checks the same sources again.
        try text.write(to: program, atomically: true, encoding: .utf8)
        let other = TemplateCheckRecord(folder: root.appendingPathComponent("lulus"), identity: "uji-lain")
        XCTAssertNotEqual(other.key(["a"]), record.key(["a"]))
    }

    /// Each template is checked against its own page kind's view: a field of another page kind is
    /// as unknown as a misspelt one.
    func testAFieldOfAnotherPageKindIsALoadError() throws {
        let folder = RepoPaths.temporaryFolder().appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: RepoPaths.templates, to: folder)
        let chapter = folder.appendingPathComponent("chapter.mustache")
        let text = try String(contentsOf: chapter, encoding: .utf8)
        try text.replacingOccurrences(of: "<h1>{{judul}}</h1>", with: "<h1>{{judul}} {{program.nama}}</h1>")
            .write(to: chapter, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try TemplateSet.load(folder: folder, displayPath: "Templates")) { error in
            let ds = (error as? InputError)?.diagnostics ?? []
            XCTAssertEqual(ds.map(\.code), ["templat-kolom"])
            XCTAssertEqual(ds.first?.location?.file, "Templates/chapter.mustache")
            XCTAssertEqual(ds.first?.message, "kolom `program` tidak ada pada data halaman ini")
        }
    }

    /// A page's name is looked up in its own view, the document's chrome and the site's chrome
    /// (`PageContext`): no name may be in two of them, or the order would decide what it shows.
    func testThePageLayersShareNoFieldName() {
        for kind in PageKinds.all {
            var seen: [String: String] = [:]
            for layer in kind.layers {
                for name in TemplateFieldCheck.fields(of: layer).keys {
                    XCTAssertNil(seen[name], "\(kind.template): `\(name)` is in \(seen[name] ?? "") and \(layer)")
                    seen[name] = String(describing: layer)
                }
            }
        }
        XCTAssertEqual(Set(PageKinds.all.map(\.template)).count, PageKinds.all.count, "one page kind per template")
    }

    /// Every field a template can reach says what it holds (`ViewFieldDescriptions`), and no
    /// description is left for a field that is gone.
    func testEveryViewFieldHasADescription() {
        var seen = Set<ObjectIdentifier>()
        var missing: [String] = []
        func walk(_ type: Any.Type) {
            let context = TemplateFieldCheck.contextType(of: type)
            guard seen.insert(ObjectIdentifier(context)).inserted else { return }
            let fields = TemplateFieldCheck.swiftFields(of: context)
            guard !fields.isEmpty else { return }
            let meanings = ViewFieldDescriptions.of(context) ?? [:]
            for (name, fieldType) in fields {
                if (meanings[name] ?? "").isEmpty { missing.append("\(context).\(name)") }
                walk(fieldType)
            }
        }
        for kind in PageKinds.all { kind.layers.forEach(walk) }
        XCTAssertEqual(missing.sorted(), [], "describe these in Sources/RenjaRender/ViewFieldDescriptions.swift")
        for (type, meanings) in ViewFieldDescriptions.table {
            let fields = TemplateFieldCheck.swiftFields(of: type)
            XCTAssertEqual(Set(meanings.keys).subtracting(fields.keys).sorted(), [], "\(type): descriptions of fields it does not have")
            XCTAssertTrue(seen.contains(ObjectIdentifier(type)), "\(type) is described but no template can reach it")
        }
    }

    func testTheRealTemplatesUseOnlyFieldsTheyGet() throws {
        XCTAssertNoThrow(try TemplateSet.load(folder: RepoPaths.templates, displayPath: "Templates"))
    }
}
