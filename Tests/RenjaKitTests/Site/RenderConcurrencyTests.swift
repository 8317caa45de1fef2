import XCTest
import Foundation
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaFacts
@testable import RenjaChecks
@testable import RenjaRender

/// The row indexes and the parallel rendering that made builds faster must not change what is rendered.
final class RenderConcurrencyTests: XCTestCase {
    /// `allItems` and `items(at:)` are kept from the tree when the table is made and whenever its
    /// programs change.
    func testTableListsFollowTheTree() throws {
        let site = try RepoPaths.loadRealSite()
        var table = try XCTUnwrap(site.documents.first?.plan)
        func walk(_ items: [Item]) -> [Item] { items.flatMap { [$0] + walk($0.children) } }
        XCTAssertEqual(table.allItems.map(\.anchor), walk(table.programs).map(\.anchor))
        XCTAssertEqual(table.items(at: .subKegiatan).count, 53)
        for level in Level.allCases {
            XCTAssertEqual(table.items(at: level).map(\.anchor), walk(table.programs).filter { $0.level == level }.map(\.anchor))
        }
        table.programs.removeLast()
        table.programs[0].children.removeFirst()
        XCTAssertEqual(table.allItems.map(\.anchor), walk(table.programs).map(\.anchor))
        XCTAssertEqual(table.items(at: .program).count, 8)
        XCTAssertEqual(table.items(at: .kegiatan).map(\.anchor), walk(table.programs).filter { $0.level == .kegiatan }.map(\.anchor))
    }

    /// Pages rendered at once on many threads (sharing the templates and the view boxes' type
    /// tables) are the pages one thread renders.
    func testPagesRenderedOnManyThreadsAreThePagesOneThreadRenders() throws {
        let site = try RepoPaths.loadRealSite()
        let templates = try TemplateSet.load(folder: RepoPaths.templates, displayPath: "Templates")
        let findings = Validator.run(site)
        let renderer = SiteRenderer(site: site, findings: findings, templates: templates)
        let doc = try XCTUnwrap(site.documents.first)
        let plans = DocumentRenderer(site: site, facts: DocumentFacts(doc), findings: findings, base: renderer).pageBuilders().map { $0().0 }
        let once = plans.map { templates.render($0.view, page: $0.template) }
        let results = ConcurrentResults(count: plans.count * 4)
        DispatchQueue.concurrentPerform(iterations: plans.count * 4) { i in
            let p = plans[i % plans.count]
            results.set(i, templates.render(p.view, page: p.template))
        }
        for i in 0..<(plans.count * 4) { XCTAssertEqual(results.get(i), once[i % plans.count], plans[i % plans.count].dir) }
        XCTAssertGreaterThan(once.count, 15)
    }
}

private final class ConcurrentResults: @unchecked Sendable {
    private var values: [String?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ s: String) { lock.lock(); values[i] = s; lock.unlock() }
    func get(_ i: Int) -> String? { lock.lock(); defer { lock.unlock() }; return values[i] }
}
