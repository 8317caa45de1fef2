import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file of the previous output that is kept as it is, with what it must still look like.
public struct KeptFile: Codable, Sendable, Equatable {
    public var path: String
    public var size: Int64
    /// Modification time in nanoseconds since 1970.
    public var modified: Int64

    public init(path: String, size: Int64, modified: Int64) {
        self.path = path
        self.size = size
        self.modified = modified
    }

    /// The file at `path` under `folder` as it is now, or nil when it is not a regular file.
    package static func current(_ path: String, in folder: URL) -> KeptFile? {
        var st = stat()
        guard lstat(folder.appendingPathComponent(path).path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return KeptFile(path: path, size: Int64(st.st_size), modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
    }
}

/// A file an incremental build meant to keep was changed or removed since the previous build (by
/// hand, or by another build): the build starts again as a full one.
public struct KeptFileChanged: Error, Sendable {
    public var path: String

    public init(path: String) { self.path = path }
}
