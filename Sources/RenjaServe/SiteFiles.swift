import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The request target as the client sent it, decoded and checked segment by segment. Nothing in
/// it can point outside the served folder: `..` and `.` (also percent-encoded), encoded slashes,
/// backslashes and NUL are refused before the file system is touched.
enum RequestTarget: Equatable {
    /// Path segments below the root, and whether the path ended with `/`.
    case site(segments: [String], trailingSlash: Bool)
    /// A path under the reserved `/_renja/` folder (live reload, error page).
    case reserved(String)
    /// Not a path the server will look up (400).
    case invalid

    static let reservedFolder = "_renja"

    init(raw: String) {
        var path = Substring(raw)
        // absolute-form (RFC 9112 §3.2.2): keep only the path.
        for scheme in ["http://", "https://"] where path.lowercased().hasPrefix(scheme) {
            let rest = path.dropFirst(scheme.count)
            path = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        guard path.hasPrefix("/"), !path.contains("\\") else { self = .invalid; return }
        let rawSegments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        var segments: [String] = []
        for raw in rawSegments where !raw.isEmpty {
            guard let decoded = RequestTarget.percentDecode(raw),
                  decoded != ".", decoded != "..", !decoded.contains("/"), !decoded.contains("\\"), !decoded.contains("\0")
            else { self = .invalid; return }
            segments.append(decoded)
        }
        if let first = segments.first, first.lowercased() == RequestTarget.reservedFolder {
            self = .reserved(segments.dropFirst().joined(separator: "/"))
            return
        }
        self = .site(segments: segments, trailingSlash: path.hasSuffix("/") || segments.isEmpty)
    }

    /// Strict percent-decoding: a malformed escape or bytes that are not UTF-8 give nil.
    static func percentDecode(_ s: Substring) -> String? {
        guard s.contains("%") else { return String(s) }
        var bytes: [UInt8] = []
        var it = Array(s.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "%") {
                guard it.count >= 2, let hi = hex(it[it.startIndex]), let lo = hex(it[it.startIndex + 1]) else { return nil }
                bytes.append(hi << 4 | lo)
                it = it.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Re-encodes segments for a `Location` header (always one leading slash, never `//host`).
    static func encode(_ segments: [String], trailingSlash: Bool) -> String {
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#%;"))
        let joined = segments.map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }.joined(separator: "/")
        return "/" + joined + (trailingSlash && !segments.isEmpty ? "/" : "")
    }
}

/// Finds the file a request asks for inside the served folder. After the textual checks of
/// `RequestTarget`, the candidate is resolved with `realpath`, so a symbolic link that points out
/// of the folder is refused too.
struct SiteFiles: Sendable {
    let root: URL

    enum Resolution: Equatable {
        case file(path: String, modified: Int)
        case redirect(String)
        case notFound
        case forbidden
        case noSite
    }

    /// True while the output folder exists. It is replaced by an atomic exchange; only the
    /// two-rename fallback (file systems without `RENAME_EXCHANGE`) leaves a moment without it.
    var rootExists: Bool { access(root.path, F_OK) == 0 }

    func resolve(_ segments: [String], trailingSlash: Bool) -> Resolution {
        guard let realRoot = SiteFiles.realPath(root.path) else { return .noSite }
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        let candidate = ([root.path] + segments).joined(separator: "/")
        guard let real = SiteFiles.realPath(candidate) else { return .notFound }
        guard SiteFiles.isInside(real, realRoot) else { return .forbidden }
        var st = stat()
        guard stat(real, &st) == 0 else { return .notFound }
        switch st.st_mode & S_IFMT {
        case S_IFDIR:
            guard trailingSlash else { return .redirect(RequestTarget.encode(segments, trailingSlash: true)) }
            guard let index = SiteFiles.realPath(real + "/index.html") else { return .notFound }
            guard SiteFiles.isInside(index, realRoot) else { return .forbidden }
            var ist = stat()
            guard stat(index, &ist) == 0, (ist.st_mode & S_IFMT) == S_IFREG else { return .notFound }
            return .file(path: index, modified: Int(ist.st_mtim.tv_sec))
        case S_IFREG:
            return .file(path: real, modified: Int(st.st_mtim.tv_sec))
        default:
            return .forbidden
        }
    }

    static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
