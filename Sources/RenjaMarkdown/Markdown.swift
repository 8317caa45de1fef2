import CCmarkGFM
import Foundation
#if canImport(Glibc)
import Glibc
import RenjaModel
#endif

/// A heading found in a chapter, for its table of contents.
public struct Heading: Hashable, Sendable {
    public var level: Int
    public var text: String
    public var id: String
}

/// Markdown rendered by cmark-gfm.
public struct RenderedMarkdown: Sendable {
    public var html: String
    public var headings: [Heading]
    /// With `render(_:marking:lineOffset:mark:)`: the id of the block holding each marked line.
    public var paragraphIDs: [Int: String] = [:]

    package init(html: String, headings: [Heading], paragraphIDs: [Int: String] = [:]) {
        self.html = html
        self.headings = headings
        self.paragraphIDs = paragraphIDs
    }
}

/// The cmark-gfm wrapper. Raw HTML in content is never passed through: cmark's safe mode replaces
/// it with a comment, and the tag filter is attached as a second line of defence.
public enum Markdown {
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    public static func render(_ text: String) -> RenderedMarkdown {
        render(text, sourcepos: false, placement: Placement())
    }

    /// How a text is placed into a larger page (the print version puts every chapter on one page):
    /// its headings go `headingOffset` levels down (at most `<h6>`), and its heading ids and the
    /// links to them (`](#…)`) start with `idPrefix`. Applied to cmark's tree and to the ids this
    /// wrapper makes, so a heading inside a code block or a literal `<h2` in the text is left alone.
    public struct Placement: Sendable, Equatable {
        public var headingOffset: Int
        public var idPrefix: String

        public init(headingOffset: Int = 0, idPrefix: String = "") {
            self.headingOffset = headingOffset
            self.idPrefix = idPrefix
        }
    }

    /// Renders `text` placed into a larger page; the headings returned have the levels and ids rendered.
    public static func render(_ text: String, placement: Placement) -> RenderedMarkdown {
        render(text, sourcepos: false, placement: placement)
    }

    /// Renders with the blocks that hold `lines` (1-based lines of `text`) marked: the innermost
    /// paragraph or list item holding a line gets `id="paragraf-N"` (N = its first line plus
    /// `lineOffset`, i.e. its line in the file) and class `ada-temuan`, and `mark(id, lines)` is
    /// inserted at its start. Returns the block id of every marked line.
    public static func render(_ text: String, marking lines: Set<Int>, lineOffset: Int,
                              mark: (_ id: String, _ lines: [Int]) -> String) -> (RenderedMarkdown, [Int: String]) {
        var rendered = render(text, sourcepos: true, placement: Placement())
        let (html, ids) = markBlocks(rendered.html, lines: lines, lineOffset: lineOffset, mark: mark)
        rendered.html = addHeadingIDs(html, rendered.headings)
        return (rendered, ids)
    }

    private static let sourcepos = try! NSRegularExpression(pattern: #"<([a-z0-9]+)[^>]*?( data-sourcepos="(\d+):\d+-(\d+):\d+")"#)

    /// Replaces cmark's `data-sourcepos` attributes: kept (as an id) on the marked blocks only.
    static func markBlocks(_ html: String, lines: Set<Int>, lineOffset: Int,
                           mark: (String, [Int]) -> String) -> (String, [Int: String]) {
        let ns = html as NSString
        let matches = sourcepos.matches(in: html, range: NSRange(location: 0, length: ns.length))
        struct Block { var match: Int; var start: Int; var end: Int }
        var blocks: [Block] = []
        for (i, m) in matches.enumerated() {
            let tag = ns.substring(with: m.range(at: 1))
            guard tag == "p" || tag == "li", let start = Int(ns.substring(with: m.range(at: 3))),
                  let end = Int(ns.substring(with: m.range(at: 4))) else { continue }
            blocks.append(Block(match: i, start: start, end: end))
        }
        // The innermost block holding a line is the last one in document order that holds it.
        var linesOfMatch: [Int: [Int]] = [:]
        for line in lines.sorted() {
            if let b = blocks.last(where: { $0.start <= line && line <= $0.end }) { linesOfMatch[b.match, default: []].append(line) }
        }
        var out = ""
        var ids: [Int: String] = [:]
        var cursor = 0
        for (i, m) in matches.enumerated() {
            let attr = m.range(at: 2)
            out += ns.substring(with: NSRange(location: cursor, length: attr.location - cursor))
            cursor = attr.location + attr.length
            guard let marked = linesOfMatch[i], let start = Int(ns.substring(with: m.range(at: 3))) else { continue }
            let id = "paragraf-\(start + lineOffset)"
            out += " id=\"\(id)\" class=\"ada-temuan\""
            // The rest of the opening tag, then the mark.
            let close = ns.range(of: ">", range: NSRange(location: cursor, length: ns.length - cursor))
            guard close.location != NSNotFound else { continue }
            out += ns.substring(with: NSRange(location: cursor, length: close.location + 1 - cursor))
            cursor = close.location + 1
            out += mark(id, marked)
            for l in marked { ids[l] = id }
        }
        out += ns.substring(from: cursor)
        return (out, ids)
    }

    private static func render(_ text: String, sourcepos: Bool, placement: Placement) -> RenderedMarkdown {
        _ = registered
        // CMARK_OPT_SMART is off: the source's straight quotes and dashes stay as typed.
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | (sourcepos ? CMARK_OPT_SOURCEPOS : 0)
        guard let parser = cmark_parser_new(options) else { return RenderedMarkdown(html: "", headings: []) }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        text.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        guard let document = cmark_parser_finish(parser) else { return RenderedMarkdown(html: "", headings: []) }
        defer { cmark_node_free(document) }

        if placement != Placement() { place(document, placement) }
        let headings = collectHeadings(document, idPrefix: placement.idPrefix)
        guard let cHTML = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return RenderedMarkdown(html: "", headings: headings)
        }
        defer { free(cHTML) }
        // With source positions the caller marks blocks first, then adds the heading ids.
        let html = sourcepos ? String(cString: cHTML) : addHeadingIDs(String(cString: cHTML), headings)
        return RenderedMarkdown(html: html, headings: headings)
    }

    /// Moves the headings down and points the in-page links at the prefixed ids, on the tree.
    private static func place(_ document: OpaquePointer, _ placement: Placement) {
        guard let iter = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING where placement.headingOffset != 0:
                let level = Int(cmark_node_get_heading_level(node)) + placement.headingOffset
                cmark_node_set_heading_level(node, Int32(min(6, max(1, level))))
            case CMARK_NODE_LINK where !placement.idPrefix.isEmpty:
                guard let url = cmark_node_get_url(node).map({ String(cString: $0) }), url.hasPrefix("#") else { continue }
                _ = cmark_node_set_url(node, "#" + placement.idPrefix + url.dropFirst())
            default:
                break
            }
        }
    }

    private static func collectHeadings(_ document: OpaquePointer, idPrefix: String) -> [Heading] {
        var headings: [Heading] = []
        var used: [String: Int] = [:]
        guard let iter = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter),
                  cmark_node_get_type(node) == CMARK_NODE_HEADING else { continue }
            let text = plainText(node)
            var id = Text.slug(text)
            if id.isEmpty { id = "bagian" }
            let n = used[id, default: 0]
            used[id] = n + 1
            if n > 0 { id += "-\(n + 1)" }
            id = idPrefix + id
            headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: text, id: id))
        }
        return headings
    }

    /// The text of a node's inline children (emphasis and code flattened).
    private static func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        var child = cmark_node_first_child(node)
        while let c = child {
            let type = cmark_node_get_type(c)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let lit = cmark_node_get_literal(c) {
                out += String(cString: lit)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                out += " "
            } else {
                out += plainText(c)
            }
            child = cmark_node_next(c)
        }
        return out
    }

    /// cmark writes headings as `<hN>` with no attributes, in document order: give each its id.
    private static func addHeadingIDs(_ html: String, _ headings: [Heading]) -> String {
        guard !headings.isEmpty else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + headings.count * 24)
        var rest = Substring(html)
        for h in headings {
            let open = "<h\(h.level)>"
            guard let r = rest.range(of: open) else { break }
            out += rest[..<r.lowerBound]
            out += "<h\(h.level) id=\"\(h.id)\">"
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
