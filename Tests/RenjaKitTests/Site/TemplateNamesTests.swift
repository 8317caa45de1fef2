import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaRender

/// The templates read the views' fields by Indonesian names (`TemplateNames`); the Swift names stay
/// English. The table must name every field, and name no two fields alike.
final class TemplateNamesTests: XCTestCase {
    /// Every view type a template can reach: from every page kind's layers and the PDF's view.
    static func viewTypes() -> [Any.Type] {
        var seen = Set<ObjectIdentifier>()
        var out: [Any.Type] = []
        func walk(_ type: Any.Type) {
            let context = TemplateFieldCheck.contextType(of: type)
            guard seen.insert(ObjectIdentifier(context)).inserted else { return }
            let fields = TemplateFieldCheck.swiftFields(of: context)
            guard !fields.isEmpty else { return }
            out.append(context)
            for (_, fieldType) in fields { walk(fieldType) }
        }
        for kind in PageKinds.all { kind.layers.forEach(walk) }
        walk(PDFView.self)
        return out
    }

    func testTheTableMapsEachSwiftNameToOneTemplateNameAndBack() {
        var bySwift: [String: String] = [:], byTemplate: [String: String] = [:]
        for (swift, template) in TemplateNames.pairs {
            XCTAssertNil(bySwift[swift], "`\(swift)` is in the table twice")
            XCTAssertNil(byTemplate[template], "`\(swift)` and `\(byTemplate[template] ?? "")` are both `\(template)`")
            bySwift[swift] = template
            byTemplate[template] = swift
            XCTAssertEqual(TemplateNames.template(for: swift), template)
            XCTAssertEqual(TemplateNames.swift(for: template), swift)
            // A template name that is another field's Swift name would read as that field in a
            // template that still used the old name.
            if let other = bySwift[template], template != swift { XCTFail("`\(template)` is `\(swift)`'s template name and `\(other)`'s Swift name") }
            XCTAssertTrue(template.first?.isLowercase ?? false, "`\(template)`: lowerCamelCase")
            XCTAssertFalse(template.contains("_") || template.contains(" "), "`\(template)`: lowerCamelCase")
        }
        for (swift, template) in TemplateNames.pairs {
            if let other = byTemplate[swift], other != swift { XCTFail("`\(swift)` is a Swift name and `\(other)`'s template name") }
            _ = template
        }
    }

    func testEveryFieldOfEveryViewHasATemplateNameAndNoTwoShareOne() {
        let types = Self.viewTypes()
        XCTAssertGreaterThan(types.count, 60, "the walk reached the views")
        var missing: [String] = [], used = Set<String>()
        for type in types {
            let swift = TemplateFieldCheck.swiftFields(of: type)
            for name in swift.keys {
                if let template = TemplateNames.template(for: name) { used.insert(name) } else { missing.append("\(type).\(name)") }
            }
            let names = swift.keys.compactMap(TemplateNames.template(for:))
            XCTAssertEqual(Set(names).count, names.count, "\(type): two fields with one template name")
            XCTAssertEqual(TemplateFieldCheck.fields(of: type).count, swift.count, "\(type): every field readable by its template name")
        }
        XCTAssertEqual(missing.sorted(), [], "give these a name in Sources/RenjaRender/TemplateNames.swift")
        XCTAssertEqual(Set(TemplateNames.pairs.map(\.swift)).subtracting(used).sorted(), [], "names of fields no view has")
    }

    /// A template written with the code's English name is a load error that gives the Indonesian one.
    func testAnEnglishFieldNameIsALoadErrorSuggestingTheIndonesianOne() throws {
        let cases: [(file: String, from: String, to: String, message: String, suggestion: String)] = [
            ("chapter", "<h1>{{judul}}</h1>", "<h1>{{title}}</h1>",
             "kolom `title` tidak ada pada data halaman ini; nama kolom templat berbahasa Indonesia: `judul`", "judul"),
            ("program", "{{istilah.paguEvaluasi}}", "{{istilah.paguEvaluation}}",
             "kolom `paguEvaluation` tidak ada di dalam `istilah`; nama kolom templat berbahasa Indonesia: `paguEvaluasi`", "paguEvaluasi"),
            ("pdf", "<title>{{judul}}</title>", "<title>{{title}}</title>",
             "kolom `title` tidak ada pada data halaman ini; nama kolom templat berbahasa Indonesia: `judul`", "judul"),
        ]
        for c in cases {
            let folder = RepoPaths.temporaryFolder().appendingPathComponent("Templates")
            try FileManager.default.copyItem(at: RepoPaths.templates, to: folder)
            let file = folder.appendingPathComponent("\(c.file).mustache")
            let text = try String(contentsOf: file, encoding: .utf8)
            XCTAssertTrue(text.contains(c.from), c.file)
            try text.replacingOccurrences(of: c.from, with: c.to).write(to: file, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try TemplateSet.load(folder: folder, displayPath: "Templates")) { error in
                let ds = (error as? InputError)?.diagnostics ?? []
                XCTAssertEqual(Set(ds.map(\.code)), ["templat-kolom"], c.file)
                XCTAssertEqual(ds.first?.location?.file, "Templates/\(c.file).mustache")
                XCTAssertEqual(ds.first?.message, c.message)
                XCTAssertTrue(ds.first?.notes.contains("mungkin maksudnya `\(c.suggestion)`?") ?? false, "\(ds.first?.notes ?? [])")
            }
        }
    }

    /// No template still uses a Swift name that has another template name.
    func testTheRealTemplatesUseNoSwiftName() throws {
        let renamed = Set(TemplateNames.pairs.filter { $0.swift != $0.template }.map(\.swift))
        let files = FileManager.default.enumerator(atPath: RepoPaths.templates.path)?.allObjects as? [String] ?? []
        var found: [String] = []
        for rel in files.sorted() where rel.hasSuffix(".mustache") {
            let text = try String(contentsOf: RepoPaths.templates.appendingPathComponent(rel), encoding: .utf8)
            for tag in TemplateFieldCheck.tags(text) ?? [] where [.variable, .section, .inverted, .close].contains(tag.kind) {
                var name = tag.name
                if let open = name.firstIndex(of: "("), name.hasSuffix(")") { name = String(name[name.index(after: open)..<name.index(before: name.endIndex)]) }
                for part in name.split(separator: ".") where renamed.contains(String(part)) { found.append("\(rel):\(tag.line) \(part)") }
            }
        }
        XCTAssertEqual(found, [])
    }
}
