import Foundation
import Mustache
@_spi(Reflection) import Swift

/// Wraps a page's view value so Mustache reads its fields without `Mirror`.
///
/// swift-mustache looks up every `{{name}}` of a plain struct through `Mirror`: it reflects all the
/// struct's fields, for every lookup, and again in each enclosing context while it climbs the
/// context stack, so its cost grows with fields × lookups × depth; page views have dozens of fields
/// and tables hundreds of rows (BENCHMARKS.md has the measurements). Here each view struct is
/// wrapped in a `ViewBox`, a `MustacheParent` that finds a field through a per-type table of
/// names and offsets (made once per type with the standard library's field reflection) and reads
/// only the fields a template asks for. The output is the same:
/// - a nil optional field answers nil, so the lookup climbs to the enclosing context exactly as it
///   does when Mirror finds `nil`;
/// - arrays stay arrays (of wrapped elements), so sections, `empty(…)` and the other transforms
///   behave the same;
/// - only structs that say they are views (`MustacheView`) are wrapped; strings, numbers,
///   Booleans and any type with its own Mustache behaviour are passed through untouched.
///
/// Templates name the fields in Indonesian (`TemplateNames`): the table of a type is keyed by the
/// template names.
///
/// It relies on the standard library's field reflection (`_forEachField`, an SPI) and reads fields
/// at their offsets; `RENJA_MUSTACHE_MIRROR=1` reads them with `Mirror` instead (`MirrorView`), to
/// rule this out when a page looks wrong (`ScalingTests` proves both give the same).
enum MustacheBox {
    static let mirrorOnly = ProcessInfo.processInfo.environment["RENJA_MUSTACHE_MIRROR"] == "1"

    static func box(_ value: Any) -> Any { mirrorOnly ? MirrorView.wrap(value) : box(value, as: kind(of: value)) }

    static func box(_ value: Any, as known: Kind) -> Any {
        switch known {
        case .leaf:
            return value
        case .array:
            // Elements are nearly always of one type: ask for its kind once, not per element.
            var last: (type: ObjectIdentifier, kind: Kind)?
            return (value as! [Any]).map { element in
                let id = ObjectIdentifier(type(of: element))
                if last?.type != id { last = (id, kind(of: element)) }
                return box(element, as: last!.kind)
            }
        case .optional:
            return Mirror(reflecting: value).children.first.map { box($0.value) } ?? value
        case .structure(let make):
            return make(value)
        }
    }

    enum Kind {
        case leaf, array, optional
        /// Wraps a value of this struct type.
        case structure((Any) -> Any)
    }

    /// What to do with a value depends only on its type: decided once per type.
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
            guard style == .struct, value is MustacheView else { return .leaf }
            func maker<T>(_ v: T) -> Kind {
                guard let layout = ViewLayout(T.self) else { return .leaf }
                return .structure { ViewBox<T>($0 as! T, layout) }
            }
            return _openExistential(value, do: maker)
        }
    }
}

/// A view struct for Mustache: fields are found by name and read on demand.
final class ViewBox<T>: MustacheParent {
    private var value: T
    private let layout: ViewLayout

    init(_ value: T, _ layout: ViewLayout) {
        self.value = value
        self.layout = layout
    }

    func child(named name: String) -> Any? {
        guard let field = layout.fields[name] else { return nil }
        let read = withUnsafeMutableBytes(of: &value) { field.read($0.baseAddress! + field.offset) }
        return field.isLeaf ? read : read.map(MustacheBox.box)
    }
}

/// The stored fields of a struct type: name → offset and a reader for the field's type that
/// unwraps optionals (nil for `.none`).
struct ViewLayout {
    struct Field {
        var offset: Int
        var read: (UnsafeRawPointer) -> Any?
        /// A text, number or Boolean (or an optional one): passed to Mustache as it is, without
        /// asking `MustacheBox` what to do with its type on every lookup.
        var isLeaf: Bool
    }

    /// Field types `MustacheBox.box` returns unchanged.
    static let leafTypes: [Any.Type] = [String.self, Int.self, Bool.self, Double.self,
                                        String?.self, Int?.self, Bool?.self, Double?.self]

    /// Template name → field.
    let fields: [String: Field]

    init?(_ type: Any.Type) {
        var fields: [String: Field] = [:]
        let complete = _forEachField(of: type) { name, offset, fieldType, _ in
            func reader<F>(_: F.Type) -> (UnsafeRawPointer) -> Any? {
                if let optional = F.self as? MustacheOptional.Type { return optional.read }
                return { $0.load(as: F.self) }
            }
            // A field without a template name is not readable from templates (a test fails on one).
            guard let template = TemplateNames.template(for: String(cString: name)) else { return true }
            let isLeaf = ViewLayout.leafTypes.contains { $0 == fieldType }
            fields[template] = Field(offset: offset, read: _openExistential(fieldType, do: reader), isLeaf: isLeaf)
            return true
        }
        guard complete else { return nil }
        self.fields = fields
    }
}

/// Any `Optional`, whatever it wraps.
protocol MustacheOptional {
    /// Reads an optional of this type at `raw` and unwraps it.
    static func read(_ raw: UnsafeRawPointer) -> Any?
}

extension Optional: MustacheOptional {
    static func read(_ raw: UnsafeRawPointer) -> Any? { raw.load(as: Self.self).map { $0 as Any } }
}

/// A struct that templates read (a page's view and everything in it): `MustacheBox` wraps it so
/// its fields are found without `Mirror`. The conformances are listed in `MustacheViews.swift`;
/// a test walks the views from every page kind's layers (`PageKinds`) and fails on a view type missing there.
protocol MustacheView {}

/// A view struct read with `Mirror`, as swift-mustache reads a plain struct, but by the template
/// names (`TemplateNames`): the way to render without `MustacheBox`'s offsets
/// (`RENJA_MUSTACHE_MIRROR=1`, and the tests comparing both). Values are wrapped as `MustacheBox`
/// wraps them: arrays element by element, optionals unwrapped, other values passed through.
final class MirrorView: MustacheParent {
    private let value: Any

    private init(_ value: Any) { self.value = value }

    static func wrap(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional { return mirror.children.first.map { wrap($0.value) } ?? value }
        if let array = value as? [Any] { return array.map(wrap) }
        if mirror.displayStyle == .struct, value is MustacheView { return MirrorView(value) }
        return value
    }

    func child(named name: String) -> Any? {
        guard let swift = TemplateNames.swift(for: name),
              let field = Mirror(reflecting: value).children.first(where: { $0.label == swift }) else { return nil }
        let mirror = Mirror(reflecting: field.value)
        if mirror.displayStyle == .optional { return mirror.children.first.map { MirrorView.wrap($0.value) } }
        return MirrorView.wrap(field.value)
    }
}
