import Foundation
import RenjaModel
@_spi(Reflection) import Swift

/// Every `{{name}}`, section and partial of a page template must name a field of the view it is
/// rendered with. Mustache renders a misspelt `{{pgau}}` as an empty string without a word; here it
/// is a load error with the field names that are in scope and a suggestion.
///
/// The check follows the context stack as Mustache does: a section over a field pushes that
/// field's type (an array's element, an optional's wrapped type), a name is looked up from the
/// innermost context outwards, a partial is checked with the stack at the place it is included, a
/// parent template (`{{< layout}}`) with the stack of the child. Only stored fields count: the
/// views are read field by field (`MustacheBox`), so a computed property would render empty too.
enum TemplateFieldCheck {
    /// One `{{…}}` tag of a template.
    struct Tag {
        enum Kind { case variable, section, inverted, close, partial, parent, block, other }
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
    }

    /// The tags of a template, in order (comments and pragmas dropped). nil when the template
    /// changes its delimiters (`{{=<% %>=}}`), which this reader does not follow.
    static func tags(_ text: String) -> [Tag]? {
        var out: [Tag] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let open = rest.range(of: "{{") {
                var after = rest[open.upperBound...]
                let triple = after.hasPrefix("{")
                if triple { after = after.dropFirst() }
                guard let close = after.range(of: triple ? "}}}" : "}}") else { break }
                var body = after[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                rest = after[close.upperBound...]
                var kind = Tag.Kind.variable
                if !triple, let sigil = body.first {
                    switch sigil {
                    case "#": kind = .section
                    case "^": kind = .inverted
                    case "/": kind = .close
                    case ">": kind = .partial
                    case "<": kind = .parent
                    case "$": kind = .block
                    case "&": kind = .variable
                    case "!", "%": kind = .other
                    case "=": return nil
                    default: break
                    }
                    if kind != .variable || sigil == "&" { body = String(body.dropFirst()).trimmingCharacters(in: .whitespaces) }
                }
                if kind == .other { continue }
                out.append(Tag(kind: kind, name: body, line: lineIndex + 1, column: column))
            }
        }
        return out
    }

    /// What a field holds, for the check: the type a section over it pushes.
    static func contextType(of type: Any.Type) -> Any.Type {
        if let o = type as? OptionalContext.Type { return contextType(of: o.wrappedType) }
        if let a = type as? ArrayContext.Type { return contextType(of: a.elementType) }
        return type
    }

    /// Stored fields of a struct type by their template names (`TemplateNames`), name → type;
    /// empty for a text, number or Boolean. A field without a template name is left out, as
    /// `MustacheBox` leaves it out.
    static func fields(of type: Any.Type) -> [String: Any.Type] {
        storedFields(of: type).templateNames
    }

    /// Stored fields of a struct type by their Swift names, name → type.
    static func swiftFields(of type: Any.Type) -> [String: Any.Type] {
        storedFields(of: type).swiftNames
    }

    private static func storedFields(of type: Any.Type) -> (swiftNames: [String: Any.Type], templateNames: [String: Any.Type]) {
        if type == String.self || type == Int.self || type == Bool.self || type == Double.self { return ([:], [:]) }
        let id = ObjectIdentifier(type)
        lock.lock()
        if let known = known[id] { lock.unlock(); return known }
        lock.unlock()
        var swift: [String: Any.Type] = [:], template: [String: Any.Type] = [:]
        _ = _forEachField(of: type) { name, _, fieldType, _ in
            let name = String(cString: name)
            swift[name] = fieldType
            if let t = TemplateNames.template(for: name) { template[t] = fieldType }
            return true
        }
        lock.lock()
        known[id] = (swift, template)
        lock.unlock()
        return (swift, template)
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var known: [ObjectIdentifier: (swiftNames: [String: Any.Type], templateNames: [String: Any.Type])] = [:]

    struct Problem {
        var template: String
        var tag: Tag
        var message: String
        var suggestion: String?
        var inScope: [String]
    }

    /// Checks the page templates, each with the views it is rendered with (outermost first, as
    /// `PageKind.layers`); returns the problems found, in order.
    static func check(pages: [(template: String, stack: [Any.Type])], sources: [String: String]) -> [Problem] {
        var problems: [Problem] = []
        // A template is walked once per stack it is included with; its tags are read once.
        struct Walk: Hashable {
            var name: String
            var stack: [ObjectIdentifier?]
        }
        var seen = Set<Walk>()
        var tagsByName: [String: [Tag]?] = [:]
        // A context of the stack: a type whose fields are in scope (nil for a section that does
        // not change the context, such as an inverted section or a block).
        func walk(_ name: String, _ stack: [Any.Type?], depth: Int) {
            guard depth < 12, let text = sources[name] else { return }
            if tagsByName[name] == nil { tagsByName[name] = .some(tags(text)) }
            guard let tags = tagsByName[name]! else { return }
            guard seen.insert(Walk(name: name, stack: stack.map { $0.map(ObjectIdentifier.init) })).inserted else { return }
            var stack = stack
            for tag in tags {
                switch tag.kind {
                case .close:
                    if stack.count > 1 { stack.removeLast() }
                case .block:
                    stack.append(nil)
                case .partial:
                    walk(tag.name, stack, depth: depth + 1)
                case .parent:
                    walk(tag.name, stack, depth: depth + 1)
                    stack.append(nil)
                case .variable, .section, .inverted:
                    let resolved = resolve(tag.name, in: stack)
                    if case .failure(let p) = resolved {
                        problems.append(Problem(template: name, tag: tag, message: p.message, suggestion: p.suggestion, inScope: p.inScope))
                    }
                    if tag.kind == .section {
                        if case .success(let t) = resolved { stack.append(t) } else { stack.append(nil) }
                    } else if tag.kind == .inverted {
                        stack.append(nil)
                    }
                case .other:
                    break
                }
            }
        }
        for page in pages { walk(page.template, page.stack, depth: 0) }
        return problems
    }

    struct Unresolved: Error {
        var message: String
        var suggestion: String?
        var inScope: [String]
    }

    /// The type a (dotted) name reaches from the stack, innermost context first.
    static func resolve(_ raw: String, in stack: [Any.Type?]) -> Result<Any.Type?, Unresolved> {
        var name = raw
        // A transform such as `empty(charts)` or `first()` applies to its argument (or to `.`).
        if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
            if name.isEmpty { return .success(nil) }
        }
        if name == "." { return .success(nil) }
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return .success(nil) }
        var current: Any.Type?
        for context in stack.reversed() {
            guard let context, let t = fields(of: context)[first] else { continue }
            current = contextType(of: t)
            break
        }
        guard var type = current else {
            let scope = Set(stack.compactMap { $0 }.flatMap { fields(of: $0).keys }).sorted()
            return .failure(unknown(first, message: "kolom `\(first)` tidak ada pada data halaman ini", scope: scope))
        }
        for part in parts.dropFirst() {
            let f = fields(of: type)
            guard let t = f[part] else {
                let scope = f.keys.sorted()
                return .failure(unknown(part, message: "kolom `\(part)` tidak ada di dalam `\(parts.prefix { $0 != part }.joined(separator: "."))`",
                                        scope: scope))
            }
            type = contextType(of: t)
        }
        return .success(type)
    }
}

extension TemplateFieldCheck {
    /// An unknown name: when it is the Swift (English) name of a field in scope, the template name
    /// of that field is the suggestion and the message says templates use the Indonesian names;
    /// otherwise the nearest name in scope.
    static func unknown(_ name: String, message: String, scope: [String]) -> Unresolved {
        if let template = TemplateNames.template(for: name), template != name, scope.contains(template) {
            return Unresolved(message: message + "; nama kolom templat berbahasa Indonesia: `\(template)`",
                              suggestion: template, inScope: scope)
        }
        return Unresolved(message: message, suggestion: Text.suggestion(for: name, among: scope), inScope: scope)
    }
}

/// Optional and Array, seen through their element type.
protocol OptionalContext { static var wrappedType: Any.Type { get } }
extension Optional: OptionalContext { static var wrappedType: Any.Type { Wrapped.self } }
protocol ArrayContext { static var elementType: Any.Type { get } }
extension Array: ArrayContext { static var elementType: Any.Type { Element.self } }

extension TemplateFieldCheck {
    /// `Templates/README.md`: for each page template the views it is rendered with, then every
    /// view type the templates can read with its fields (from the view structs themselves) and
    /// what each holds (`ViewFieldDescriptions`), then every phrase of `kata.yaml` with its fields
    /// (`Phrase`); a test fails when the file is out of date.
    static func reference(kinds: [PageKind]) -> String {
        var out = """
        # Templat situs

        Berkas di folder ini adalah templat [Mustache](https://mustache.github.io/) yang dipakai
        `renja build` untuk membuat setiap halaman. Staf boleh mengubah kata-kata dan susunannya
        tanpa mengompilasi ulang Renja. Setiap templat halaman menerima tiga lapis data: `PageChrome`
        (kepala, jejak, kaki halaman; sama untuk semua halaman), `DocumentChrome` (dokumen dan
        navigasinya; hanya ada di halaman sebuah dokumen, kosong di halaman situs) dan data halamannya
        sendiri. `{{#nama}}…{{/nama}}` membuka bagian dengan data kolom itu, dan nama dicari dari
        bagian terdalam ke luar: data halaman, lalu `DocumentChrome`, lalu `PageChrome`.

        Nama kolom ditulis dalam bahasa Indonesia, huruf kecil dengan awal kata berikutnya huruf
        besar tanpa spasi (`judulHalaman`, `adaDaftarIsi`, `subKegiatan`); istilah Renja dipakai apa
        adanya (`pagu`, `realisasi`, `kegiatan`, `sumberDana`). Awalan yang sering dipakai: `ada…`
        (ya/tidak: ada sesuatu), `tautan…` (alamat), `jumlah…`, `urut…` (angka polos untuk
        pengurutan), `daftar…` (daftar, bila bentuk tunggalnya juga nama kolom). Kode Renja sendiri
        memakai nama Inggris; padanannya ada di `Sources/RenjaRender/TemplateNames.swift`, dan nama
        Inggris di templat adalah galat dengan saran nama Indonesianya.

        Kata-kata yang disusun Renja sendiri (judul dan deskripsi halaman, label tautan, teks grafik,
        keterangan unduhan, judul kolom dan label kaki tabel) ada di `kata.yaml`; daftar ungkapannya
        dan kolom masing-masing ada di bagian terakhir berkas ini.

        | templat | data halamannya |
        | --- | --- |

        """
        for k in kinds { out += "| `\(k.template).mustache` | `\(String(describing: k.content))` |\n" }
        out += """

        Nama kolom yang tidak ada pada data templat itu adalah galat saat situs dibangun
        (`galat[templat-kolom]`, dengan saran nama yang mirip): salah ketik seperti `{{pgau}}`, atau
        kolom halaman lain seperti `{{program.nama}}` di `chapter.mustache`, tidak pernah menghasilkan
        teks kosong diam-diam.

        Berkas ini dibuat dari kode (`TemplateFieldCheck.reference`); uji
        `TemplateReferenceTests` gagal bila isinya tidak lagi sesuai. Untuk menulisnya ulang:
        `RENJA_TULIS_REFERENSI=1 swift test --filter TemplateReferenceTests`.

        """
        var queue: [Any.Type] = [PageChrome.self, DocumentChrome.self] + kinds.map(\.content)
        var done = Set<String>()
        while !queue.isEmpty {
            let type = queue.removeFirst()
            let name = String(describing: type)
            guard done.insert(name).inserted else { continue }
            let f = fields(of: type)
            guard !f.isEmpty else { continue }
            let meanings = ViewFieldDescriptions.of(type) ?? [:]
            out += "\n## \(name)\n\n| kolom | jenis | arti |\n| --- | --- | --- |\n"
            for (field, fieldType) in f.sorted(by: { $0.key < $1.key }) {
                out += "| `\(field)` | \(describe(fieldType)) | \(TemplateNames.swift(for: field).flatMap { meanings[$0] } ?? "") |\n"
                let inner = contextType(of: fieldType)
                if !fields(of: inner).isEmpty { queue.append(inner) }
            }
        }
        return out + Wording.reference()
    }

    /// A field's type in words staff read.
    static func describe(_ type: Any.Type) -> String {
        if let o = type as? OptionalContext.Type { return describe(o.wrappedType) + " (boleh tidak ada)" }
        if let a = type as? ArrayContext.Type { return "daftar " + describe(a.elementType) }
        switch type {
        case is String.Type: return "teks"
        case is Int.Type: return "bilangan"
        case is Double.Type: return "angka"
        case is Bool.Type: return "ya/tidak"
        default: return "`\(String(describing: type))`"
        }
    }
}
