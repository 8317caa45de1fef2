import Foundation
import Mustache

/// Turns a page's view value into nested `[String: Any]` dictionaries before it is rendered.
///
/// swift-mustache looks up every `{{name}}` of a plain struct through `Mirror`: it reflects all the
/// struct's fields, for every lookup, and again in each enclosing context while it climbs the
/// context stack. With page views of dozens of fields and tables of hundreds of rows that was about
/// half of a build's time (profiled with `perf`, see BENCHMARKS.md). Reflecting each value once and
/// rendering from dictionaries gives the same output:
/// - a nil optional field is left out of the dictionary, so the lookup climbs to the enclosing
///   context exactly as it does when Mirror finds `nil`;
/// - arrays stay arrays (of boxed elements), so sections, `empty(…)` and the other transforms
///   behave the same;
/// - only structs declared in this module are converted; strings, numbers, Booleans and any type
///   with its own Mustache behaviour are passed through untouched.
enum MustacheBox {
    static func box(_ value: Any) -> Any {
        switch kind(of: value) {
        case .leaf:
            return value
        case .array:
            return (value as! [Any]).map(box)
        case .optional:
            return unwrap(value).map(box) ?? value
        case .structure:
            let mirror = Mirror(reflecting: value)
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                if kind(of: child.value) == .optional {
                    guard let wrapped = unwrap(child.value) else { continue }
                    fields[label] = box(wrapped)
                } else {
                    fields[label] = box(child.value)
                }
            }
            return fields
        }
    }

    enum Kind { case leaf, array, optional, structure }

    /// What to do with a value depends only on its type: decided once per type (page views have a
    /// few dozen types; the dynamic casts behind the decision are the expensive part).
    static func kind(of value: Any) -> Kind {
        let id = ObjectIdentifier(type(of: value))
        lock.lock()
        let known = kinds[id]
        lock.unlock()
        if let known { return known }
        let k = classify(value)
        lock.lock()
        kinds[id] = k
        lock.unlock()
        return k
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var kinds: [ObjectIdentifier: Kind] = [:]

    private static func classify(_ value: Any) -> Kind {
        // Optional first: a dynamic cast would look through `.some(x)` and classify by `x`.
        let style = Mirror(reflecting: value).displayStyle
        if style == .optional { return .optional }
        switch value {
        case is String, is Bool, is Int, is Double, is Substring:
            return .leaf
        case is [Any]:
            return .array
        case is MustacheParent, is MustacheCustomRenderable, is MustacheLambda, is MustacheCustomRepresentation,
             is MustacheTransformable, is MustacheTemplate:
            return .leaf
        default:
            return style == .struct && String(reflecting: type(of: value)).hasPrefix(modulePrefix) ? .structure : .leaf
        }
    }

    /// `Optional.some(x)` → `x`, `Optional.none` → nil.
    private static func unwrap(_ value: Any) -> Any? {
        Mirror(reflecting: value).children.first?.value
    }

    /// `RenjaKit.`: structs of this module are the page views; anything else keeps Mirror's behaviour.
    private static let modulePrefix = String(String(reflecting: MustacheBoxMarker.self).prefix { $0 != "." }) + "."
}

private struct MustacheBoxMarker {}
