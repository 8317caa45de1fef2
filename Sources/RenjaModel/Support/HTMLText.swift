/// Escaping for text placed into HTML, SVG and XML — by code and, through `RenjaHTMLContentType`,
/// by every `{{name}}` in the templates. One function for all of them: the five characters that can
/// end text or an attribute value.
public enum HTMLText {
    public static func escape(_ s: String) -> String {
        // Most texts (names, figures, links) hold none of the five characters: return them as they
        // are, without building a copy. The templates escape tens of thousands of values per page set.
        guard s.utf8.contains(where: needsEscape) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for b in s.utf8 {
            switch b {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    static func needsEscape(_ b: UInt8) -> Bool {
        b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27
    }
}
