import Foundation
import XCTest

/// The stages are SwiftPM targets so that the compiler keeps data flowing one way. These tests keep
/// `Package.swift` honest: a target depends only on targets earlier in `order`, and a source file
/// imports only targets its own target declares.
final class PackageGraphTests: XCTestCase {
    /// The package's targets in the order data flows; each may depend on earlier ones only.
    static let order = ["RenjaModel", "RenjaMarkdown", "RenjaLoad", "RenjaFacts", "RenjaChecks", "RenjaImport",
                        "RenjaRender", "RenjaWrite", "RenjaKit", "RenjaServe", "renja", "renja-fuzz"]

    /// Each library or executable target of `Package.swift` with the package's own targets it
    /// depends on (products of other packages left out) and its source folder.
    static func targets(in manifest: String) -> [String: (dependencies: [String], path: String)] {
        var out: [String: (dependencies: [String], path: String)] = [:]
        let starts = [".target(", ".executableTarget(", ".testTarget(", ".systemLibrary("]
        var pieces: [(kind: String, text: Substring)] = []
        var rest = manifest[...]
        while let first = starts.compactMap({ s in rest.range(of: s).map { (s, $0) } }).min(by: { $0.1.lowerBound < $1.1.lowerBound }) {
            let after = rest[first.1.upperBound...]
            let next = starts.compactMap { after.range(of: $0)?.lowerBound }.min() ?? after.endIndex
            pieces.append((first.0, after[..<next]))
            rest = after[next...]
        }
        for (kind, text) in pieces where kind == ".target(" || kind == ".executableTarget(" {
            guard let name = firstQuoted(after: "name:", in: text) else { continue }
            var dependencies: [String] = []
            if let open = text.range(of: "dependencies: [") {
                var depth = 1, i = open.upperBound
                while i < text.endIndex, depth > 0 {
                    if text[i] == "[" { depth += 1 } else if text[i] == "]" { depth -= 1 }
                    if depth > 0 { i = text.index(after: i) }
                }
                let list = String(text[open.upperBound..<i])
                    .replacingOccurrences(of: #"\.product\([^)]*\)"#, with: "", options: .regularExpression)
                dependencies = quoted(in: list)
            }
            out[name] = (dependencies, firstQuoted(after: "path:", in: text) ?? "Sources/\(name)")
        }
        return out
    }

    /// The dependencies that point to a later target of `order` (or to one not in it), as
    /// `from → to`.
    static func backwardEdges(_ graph: [String: [String]], order: [String]) -> [String] {
        var edges: [String] = []
        for (from, dependencies) in graph.sorted(by: { $0.key < $1.key }) {
            guard let rank = order.firstIndex(of: from) else { edges.append("\(from) (not in the order)"); continue }
            for to in dependencies where to != "CCmarkGFM" {
                guard let r = order.firstIndex(of: to), r < rank else { edges.append("\(from) → \(to)"); continue }
            }
        }
        return edges
    }

    func testNoTargetDependsOnALaterStage() throws {
        let manifest = try String(contentsOf: RepoPaths.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let targets = Self.targets(in: manifest)
        XCTAssertEqual(Set(targets.keys), Set(Self.order), "every target of Package.swift has its place in the order")
        XCTAssertEqual(targets["RenjaRender"]?.dependencies.contains("RenjaFacts"), true, "dependency lists were read")
        XCTAssertEqual(Self.backwardEdges(targets.mapValues(\.dependencies), order: Self.order), [])
    }

    func testABackwardDependencyIsReported() {
        let graph = ["RenjaModel": [], "RenjaLoad": ["RenjaModel"], "RenjaFacts": ["RenjaModel", "RenjaChecks"],
                     "RenjaChecks": ["RenjaFacts"]]
        XCTAssertEqual(Self.backwardEdges(graph, order: Self.order), ["RenjaFacts → RenjaChecks"])
        XCTAssertEqual(Self.backwardEdges(["Extra": []], order: Self.order), ["Extra (not in the order)"])
    }

    /// SwiftPM lets a file import any module of its target's dependency closure; the declared lists
    /// stay the whole truth only if every `import` of a package target is a direct dependency.
    func testEveryImportOfAPackageTargetIsDeclared() throws {
        let manifest = try String(contentsOf: RepoPaths.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let targets = Self.targets(in: manifest)
        let modules = Set(targets.keys.map { $0.replacingOccurrences(of: "-", with: "_") } + ["CCmarkGFM"])
        var undeclared: [String] = []
        var files = 0
        for (name, target) in targets.sorted(by: { $0.key < $1.key }) {
            let folder = RepoPaths.root.appendingPathComponent(target.path)
            let names = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
            for rel in names.sorted() where rel.hasSuffix(".swift") {
                files += 1
                let text = try String(contentsOf: folder.appendingPathComponent(rel), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ")
                    guard let i = words.firstIndex(of: "import"), i + 1 < words.count,
                          words[..<i].allSatisfy({ $0.hasPrefix("@") }) else { continue }
                    let module = String(words[i + 1])
                    if modules.contains(module), !target.dependencies.contains(module) {
                        undeclared.append("\(target.path)/\(rel): \(module) is not a dependency of \(name)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(files, 100, "the source folders were read")
        XCTAssertEqual(undeclared, [])
    }

    private static func firstQuoted(after key: String, in text: Substring) -> String? {
        guard let k = text.range(of: key) else { return nil }
        return quoted(in: String(text[k.upperBound...])).first
    }

    private static func quoted(in text: String) -> [String] {
        let parts = text.split(separator: "\"", omittingEmptySubsequences: false)
        return stride(from: 1, to: parts.count, by: 2).map { String(parts[$0]) }
    }
}
