import Foundation
import XCTest
@testable import RenjaKit
@testable import RenjaRender

/// Every struct a template can reach from a page's view says it is a view (`MustacheView`), so
/// `MustacheBox` reads it without `Mirror`; a view type left out would render the same, slowly.
final class ViewTypesTests: XCTestCase {
    func testEveryViewTypeReachableFromThePagesIsAMustacheView() {
        var seen = Set<ObjectIdentifier>()
        var missing: [String] = []
        func walk(_ type: Any.Type) {
            let context = TemplateFieldCheck.contextType(of: type)
            guard seen.insert(ObjectIdentifier(context)).inserted else { return }
            let fields = TemplateFieldCheck.fields(of: context)
            guard !fields.isEmpty else { return }
            if !(context is MustacheView.Type) { missing.append(String(describing: context)) }
            for (_, fieldType) in fields { walk(fieldType) }
        }
        for kind in PageKinds.all { kind.layers.forEach(walk) }
        walk(PDFView.self)
        XCTAssertGreaterThan(seen.count, 30, "the walk reached the views")
        XCTAssertEqual(missing.sorted(), [], "add these to Sources/RenjaRender/MustacheViews.swift")
    }
}
