import CCmarkGFM
import Foundation
#if canImport(Glibc)
import Glibc
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
        _ = registered
        // CMARK_OPT_SMART is off: the source's straight quotes and dashes stay as typed.
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
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

        let headings = collectHeadings(document)
        guard let cHTML = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return RenderedMarkdown(html: "", headings: headings)
        }
        defer { free(cHTML) }
        let html = addHeadingIDs(String(cString: cHTML), headings)
        return RenderedMarkdown(html: html, headings: headings)
    }

    private static func collectHeadings(_ document: OpaquePointer) -> [Heading] {
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
