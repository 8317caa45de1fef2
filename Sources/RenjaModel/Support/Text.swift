import Foundation
#if canImport(Glibc)
import Glibc
#endif

public enum Text {
    /// URL-safe slug: lowercase ASCII letters, digits and single hyphens.
    public static func slug(_ s: String) -> String { slug(s, separator: "-") }

    /// Name folded for matching across tables: case, punctuation and spacing do not count.
    public static func normalizedName(_ s: String) -> String { slug(s, separator: " ") }

    /// Runs of letters and digits (lower-cased, diacritics removed) joined by `separator`.
    static func slug(_ s: String, separator: Unicode.Scalar) -> String {
        // Almost every name is plain ASCII: fold it byte by byte (Foundation's `folding` is the slow
        // part, and for ASCII it only lower-cases). Same result as the general path below.
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(s.utf8.count)
            var pendingSeparator = false
            for b in s.utf8 {
                let c = (b >= 0x41 && b <= 0x5A) ? b + 0x20 : b  // A–Z → a–z
                if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) {
                    if pendingSeparator && !out.isEmpty { out.append(UInt8(separator.value)) }
                    out.append(c)
                    pendingSeparator = false
                } else {
                    pendingSeparator = true
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        let folded = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var out = ""
        var pendingSeparator = false
        for ch in folded.unicodeScalars {
            if (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9") {
                if pendingSeparator && !out.isEmpty { out.unicodeScalars.append(separator) }
                out.unicodeScalars.append(ch)
                pendingSeparator = false
            } else {
                pendingSeparator = true
            }
        }
        return out
    }

    /// `s.trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation's cost in the usual
    /// case of nothing to trim.
    public static func trimmed(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return s }
        let space = CharacterSet.whitespacesAndNewlines
        if !space.contains(first) && !space.contains(last) { return s }
        return s.trimmingCharacters(in: space)
    }

    /// Levenshtein distance over characters (small strings only: names and keys).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// 1.0 for equal strings, falling towards 0 as they differ.
    public static func similarity(_ a: String, _ b: String) -> Double {
        let n = max(a.count, b.count)
        return n == 0 ? 1 : 1 - Double(editDistance(a, b)) / Double(n)
    }

    /// The closest candidate within a small edit distance, for "did you mean" hints.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
    }
}

extension Text {
    /// True when `needle`'s UTF-8 bytes occur in `haystack`'s: a literal search (memmem). Foundation's
    /// `contains` goes through NSString and Unicode comparison, which the per-row checks and the
    /// per-line narrative scans made one of the build's hot spots; for the plain words they look for,
    /// a byte match is the same answer.
    package static func containsLiteral(_ haystack: String, _ needle: String) -> Bool {
        firstLiteral(needle, in: haystack, from: 0) != nil
    }

    /// UTF-8 offset of the first occurrence of `needle` in `haystack` at or after byte `from`
    /// (memchr for the first byte, then memcmp; glibc's memmem is not visible to Swift).
    package static func firstLiteral(_ needle: String, in haystack: String, from: Int) -> Int? {
        var haystack = haystack, needle = needle
        return haystack.withUTF8 { h -> Int? in
            needle.withUTF8 { n -> Int? in
                guard let hb = h.baseAddress, from >= 0, from <= h.count else { return nil }
                guard let nb = n.baseAddress, n.count > 0 else { return from }
                let first = Int32(nb.pointee), last = h.count - n.count
                var i = from
                while i <= last {
                    guard let p = memchr(hb + i, first, last - i + 1) else { return nil }
                    let at = hb.distance(to: p.assumingMemoryBound(to: UInt8.self))
                    if memcmp(hb + at, nb, n.count) == 0 { return at }
                    i = at + 1
                }
                return nil
            }
        }
    }

    /// `s` with every occurrence of `target` replaced, matched byte for byte (see `containsLiteral`).
    package static func replacingLiteral(_ s: String, _ target: String, with replacement: String) -> String {
        guard var at = firstLiteral(target, in: s, from: 0), !target.isEmpty else { return s }
        let bytes = Array(s.utf8), t = target.utf8.count
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var copied = 0
        while true {
            out.append(contentsOf: bytes[copied..<at])
            out.append(contentsOf: replacement.utf8)
            copied = at + t
            guard let next = firstLiteral(target, in: s, from: copied) else { break }
            at = next
        }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    /// `s` with ASCII letters lower-cased and every other byte kept, so UTF-8 offsets in the result
    /// are offsets in `s` (Unicode `lowercased()` may change lengths).
    package static func asciiLowercased(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return s }
        return String(decoding: s.utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
