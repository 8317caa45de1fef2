import Foundation
#if canImport(Glibc)
import Glibc
import RenjaModel
#endif

/// What a write did, for the CLI's report and the preview server's reload event.
public struct WriteReport: Sendable, Equatable {
    public var written: Int
    public var unchanged: Int
    public var removed: Int
    /// Output paths whose bytes are new (added or changed), sorted.
    public var writtenFiles: [String]
    /// Output paths of the previous site that the new one no longer has, sorted.
    public var removedFiles: [String]

    public init(written: Int, unchanged: Int, removed: Int, writtenFiles: [String] = [], removedFiles: [String] = []) {
        self.written = written
        self.unchanged = unchanged
        self.removed = removed
        self.writtenFiles = writtenFiles
        self.removedFiles = removedFiles
    }

    /// True when the published site differs from the previous one.
    public var changedAnything: Bool { written > 0 || removed > 0 }
}

/// Writes the rendered site so that the output folder is always a complete site:
/// 1. everything goes into a staging folder beside the output (same file system);
/// 2. a file whose bytes equal the published one is hard-linked from it instead of rewritten, so
///    its timestamp stays put (uploads by rsync/FTP skip it);
/// 3. the staging folder replaces the output in one atomic `renameat2(RENAME_EXCHANGE)`, so the
///    output path never stops naming a complete site (on file systems without it: two renames,
///    and an interrupted pair is repaired by the next run).
/// A build that fails or is killed before step 3 leaves the previous output untouched; stale
/// files of removed pages disappear with the old folder. Writers of the same output, in this
/// process or another (`renja serve` and `renja build` side by side), take turns through a lock
/// on the parent folder.
public struct SiteWriter {
    public let output: URL
    /// Test hook: called before each file is written; throwing simulates a disk failure mid-build.
    public var beforeWrite: ((String) throws -> Void)?
    /// Test hook: called when the staging folder is complete, just before the swap.
    public var beforeSwap: (() throws -> Void)?
    /// Tests turn this off to exercise the two-rename fallback swap.
    var atomicExchange = true
    /// Where to keep the site a write replaces, so the next write rebuilds it in place: its folders
    /// already exist and most of its files already are hard links to the files that stay. That
    /// saves making and deleting a folder per page on every build, which on ext4 grows slow with
    /// the churn (the incremental `renja build` keeps it in its cache folder). Nil, the default:
    /// the replaced site is deleted. On another file system it is deleted too.
    public var spareFolder: URL?

    /// First path segment that the preview server keeps for itself (live reload, error page); no
    /// generated file may live under it.
    public static let reservedFolder = "_renja"

    public init(output: URL) { self.output = output.standardizedFileURL }

    var parent: URL { output.deletingLastPathComponent() }
    var staging: URL { parent.appendingPathComponent(".\(output.lastPathComponent).staging") }
    var previous: URL { parent.appendingPathComponent(".\(output.lastPathComponent).lama") }

    /// Writes a whole site: `begin()`, `add` every file, `finish`.
    /// - Parameter kept: files of the previous output to keep as they are (documents an incremental
    ///   build did not render again); each is checked, under the lock, to still have the recorded
    ///   size and modification time (else `KeptFileChanged` is thrown and nothing changes).
    public func write(_ files: [OutputFile], keeping kept: [KeptFile] = []) throws -> WriteReport {
        let session = try begin()
        do {
            try session.add(files, spreadOverCores: true)
            return try session.finish(keeping: kept)
        } catch {
            session.abandon()
            throw error
        }
    }

    /// Starts writing a site: takes the lock and opens the staging folder. The caller adds files
    /// (from several threads if it likes) and then calls `finish` or, on any error, `abandon`.
    public func begin() throws -> StagedSite { try StagedSite(self) }

    /// Paths come from content (slugs); they must stay inside the output folder and out of the
    /// preview server's reserved folder.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.first.map({ $0.lowercased() == reservedFolder }) == true { return false }
        return !parts.contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }

    /// If the published file has the same bytes, link it into the staging folder (same inode, same
    /// timestamp). Where hard links are not possible, copy it and carry its timestamp over.
    /// `placed`: what a reused staging tree already has at `target` (nil: nothing, or cleared).
    fileprivate func keepUnchanged(old: URL, target: URL, data: Data, placed: FileID?) throws -> Bool {
        var st = stat()
        guard lstat(old.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == data.count,
              let existing = FileManager.default.contents(atPath: old.path), existing == data else { return false }
        if let placed, placed == FileID(st) { return true }  // already the published file
        if placed != nil { _ = unlink(target.path) }
        if link(old.path, target.path) == 0 { return true }
        try data.write(to: target)
        var times = [st.st_atim, st.st_mtim]
        _ = utimensat(AT_FDCWD, target.path, &times, 0)
        return true
    }

    fileprivate func swapIntoPlace() throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: output.path) {
            switch atomicExchange ? Rename.exchange(staging.path, output.path) : .unsupported {
            case .done:
                // The old site now sits at the staging path.
                keepOrRemove(staging)
                return
            case .unsupported:
                break
            case .failed(let code):
                throw SiteWriter.failure("folder \(output.lastPathComponent) tidak dapat ditukar dengan folder sementara", path: output.path, errno: code)
            }
            try removeIfPresent(previous)
            try fm.moveItem(at: output, to: previous)
        }
        try fm.moveItem(at: staging, to: output)
        keepOrRemove(previous)
    }

    /// The replaced site: kept as the spare tree when asked for, else deleted.
    fileprivate func keepOrRemove(_ replaced: URL) {
        guard access(replaced.path, F_OK) == 0 else { return }
        if let spare = spareFolder {
            try? removeIfPresent(spare)
            try? FileManager.default.createDirectory(at: spare.deletingLastPathComponent(), withIntermediateDirectories: true)
            if rename(replaced.path, spare.path) == 0 { return }
        }
        try? FileManager.default.removeItem(at: replaced)
    }

    /// If a previous run was killed between the two renames of the fallback swap, the output folder
    /// is missing but the old complete site is beside it: put it back.
    public func recoverInterruptedSwap() throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: output.path), fm.fileExists(atPath: previous.path) {
            try fm.moveItem(at: previous, to: output)
        }
    }

    fileprivate func removeIfPresent(_ url: URL) throws {
        var st = stat()
        if lstat(url.path, &st) == 0 { try FileManager.default.removeItem(at: url) }
    }

    /// Every regular file under `dir`, as paths relative to it.
    public static func files(in dir: URL) -> Set<String> {
        guard let e = FileManager.default.enumerator(atPath: dir.path) else { return [] }
        var out = Set<String>()
        while let rel = e.nextObject() as? String {
            var st = stat()
            if lstat(dir.appendingPathComponent(rel).path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG {
                out.insert(rel)
            }
        }
        return out
    }

    static func unsafePath(_ path: String) -> InputError {
        InputError(.galat("jalur-tidak-aman", "jalur berkas keluaran tidak aman, ganda, atau memakai folder \(SiteWriter.reservedFolder)/ yang dicadangkan untuk pratinjau", at: nil,
                          figures: [.init("diharapkan", "jalur di dalam folder keluaran"), .init("ditemukan", path)]))
    }

    package static func failure(_ message: String, path: String, errno code: Int32) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(message) (\(path): \(SystemErrorText.reason(errno: code)))",
                                                  NSFilePathErrorKey: path, SystemErrorText.errnoKey: code, "RenjaMessage": message])
    }
}

/// A site being written: from `SiteWriter.begin()` the lock is held and the staging folder is open
/// until `finish` swaps it into place or `abandon` drops it; the published output is untouched
/// until the swap. Files can be added from several threads at once, so a build writes each
/// document's pages while it renders the next: making folders and files is kernel work on one
/// core at a time, a large share of a large build when it waits until rendering ends.
public final class StagedSite: @unchecked Sendable {
    private let writer: SiteWriter
    private let folderLock: FolderLock
    /// Guards everything below: the reused tree, the folders made, the paths seen and the report.
    private let mutex = NSLock()
    private var placed: StagingTree
    private var folders: StagingFolders
    private var seen = Set<String>()
    private var report = WriteReport(written: 0, unchanged: 0, removed: 0)
    private var open = true

    fileprivate init(_ writer: SiteWriter) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: writer.parent, withIntermediateDirectories: true)
        let lock = try FolderLock(writer.parent)
        do {
            try writer.recoverInterruptedSwap()
            try writer.removeIfPresent(writer.staging)
            var placed = StagingTree()
            if let spare = writer.spareFolder, access(spare.path, F_OK) == 0, rename(spare.path, writer.staging.path) == 0 {
                placed = StagingTree.scan(writer.staging)
            } else {
                if let spare = writer.spareFolder { try? writer.removeIfPresent(spare) }
                try fm.createDirectory(at: writer.staging, withIntermediateDirectories: true)
            }
            self.placed = placed
            self.folders = StagingFolders(root: writer.staging.path, existing: placed.folders)
        } catch {
            lock.release()
            throw error
        }
        self.writer = writer
        self.folderLock = lock
    }

    /// Puts `files` into the staging folder: a file whose bytes equal the published one is linked,
    /// the others are written. Paths are checked first (unsafe or already added: `InputError`).
    /// - Parameter spreadOverCores: write on all cores (for a whole site added at once); a caller
    ///   that is itself one of several threads leaves it off.
    public func add(_ files: [OutputFile], spreadOverCores: Bool = false) throws {
        let staging = writer.staging
        // Paths, folders and what a reused tree holds there: shared state, one thread at a time.
        let there: [FileID?] = try mutex.withLock {
            precondition(open, "files added to a finished site")
            var there: [FileID?] = []
            there.reserveCapacity(files.count)
            for file in files {
                guard SiteWriter.isSafe(file.path), seen.insert(file.path).inserted else { throw SiteWriter.unsafePath(file.path) }
                try folders.make(staging.appendingPathComponent(file.path).deletingLastPathComponent().path)
                there.append(placed.clear(file.path, in: staging))
            }
            return there
        }
        // The files themselves: each touches only its own path.
        let place = { (i: Int) throws -> Bool in
            let file = files[i]
            try self.writer.beforeWrite?(file.path)
            let target = staging.appendingPathComponent(file.path)
            if try self.writer.keepUnchanged(old: self.writer.output.appendingPathComponent(file.path), target: target,
                                             data: file.data, placed: there[i]) {
                return true
            }
            if there[i] != nil, unlink(target.path) != 0, errno != ENOENT {
                throw SiteWriter.failure("berkas lama tidak dapat dihapus", path: target.path, errno: errno)
            }
            try file.data.write(to: target)
            return false
        }
        // The test hook stops at a given file: keep the order then.
        let parallel = spreadOverCores && writer.beforeWrite == nil && files.count >= 64
        let unchanged = parallel ? try Parallel.mapThrowing(Array(files.indices), place) : try files.indices.map(place)
        mutex.withLock {
            for (file, same) in zip(files, unchanged) {
                if same {
                    report.unchanged += 1
                } else {
                    report.written += 1
                    report.writtenFiles.append(file.path)
                }
            }
        }
    }

    /// Keeps `kept` (files of the previous output an incremental build did not render again; each
    /// must still have the recorded size and modification time, else `KeptFileChanged`), removes
    /// what the new site no longer has and swaps the staging folder into place.
    public func finish(keeping kept: [KeptFile] = []) throws -> WriteReport {
        try mutex.withLock {
            precondition(open, "site finished twice")
            let fm = FileManager.default
            let staging = writer.staging, output = writer.output
            for k in kept {
                guard SiteWriter.isSafe(k.path), seen.insert(k.path).inserted else { throw SiteWriter.unsafePath(k.path) }
                guard KeptFile.current(k.path, in: output) == k else { throw KeptFileChanged(path: k.path) }
                let target = staging.appendingPathComponent(k.path)
                try folders.make(target.deletingLastPathComponent().path)
                let old = output.appendingPathComponent(k.path)
                var published = stat()
                let there = placed.clear(k.path, in: staging)
                if lstat(old.path, &published) == 0, there == FileID(published) {
                    // The reused tree already links the published file.
                } else if there != nil, unlink(target.path) != 0, errno != ENOENT {
                    throw SiteWriter.failure("berkas lama tidak dapat dihapus", path: target.path, errno: errno)
                } else if link(old.path, target.path) != 0 {
                    var st = stat()
                    _ = lstat(old.path, &st)
                    try fm.copyItem(at: old, to: target)
                    var times = [st.st_atim, st.st_mtim]
                    _ = utimensat(AT_FDCWD, target.path, &times, 0)
                }
                report.unchanged += 1
            }
            placed.removeLeftovers(keeping: seen, in: staging)
            report.removedFiles = SiteWriter.files(in: output).subtracting(seen).sorted()
            report.removed = report.removedFiles.count
            report.writtenFiles.sort()
            try writer.beforeSwap?()
            try writer.swapIntoPlace()
            open = false
            folderLock.release()
            return report
        }
    }

    /// Drops the staging folder (the published output was never touched) and releases the lock.
    public func abandon() {
        mutex.withLock {
            guard open else { return }
            open = false
            try? FileManager.default.removeItem(at: writer.staging)
            folderLock.release()
        }
    }
}

/// Folders made in the staging folder, so each is made once with one `mkdir`: FileManager's
/// `createDirectory(withIntermediateDirectories:)` checks every parent again for every file, which
/// an incremental build of a large site cannot afford.
struct StagingFolders {
    private var made: Set<String>

    init(root: String, existing: Set<String> = []) { made = existing.union([root]) }

    mutating func make(_ path: String) throws {
        guard !made.contains(path) else { return }
        let parent = (path as NSString).deletingLastPathComponent
        if parent != path, !parent.isEmpty { try make(parent) }
        if mkdir(path, 0o755) != 0 {
            var st = stat()
            if errno == EEXIST, lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
                // already there
            } else if errno == EEXIST, unlink(path) == 0, mkdir(path, 0o755) == 0 {
                // a file of a reused tree stood where the new site has a folder
            } else {
                throw SiteWriter.failure("folder tidak dapat dibuat", path: path, errno: errno)
            }
        }
        made.insert(path)
    }
}

/// A file by device and inode: equal for two hard links to the same file.
struct FileID: Equatable {
    var device: UInt64
    var inode: UInt64

    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }
}

/// What a reused staging tree (the site before the last build, see `SiteWriter.spareFolder`)
/// already holds, so each new file is placed only where it is not already the right one, and
/// whatever the new site does not have is removed before the swap.
struct StagingTree {
    /// Relative path → the file there (regular files; anything else is cleared when met).
    private(set) var files: [String: FileID?] = [:]
    /// Absolute paths of its folders.
    private(set) var folders: Set<String> = []

    static func scan(_ root: URL) -> StagingTree {
        var tree = StagingTree()
        guard let e = FileManager.default.enumerator(atPath: root.path) else { return tree }
        while let rel = e.nextObject() as? String {
            let path = root.appendingPathComponent(rel).path
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            switch st.st_mode & S_IFMT {
            case S_IFDIR: tree.folders.insert(path)
            case S_IFREG: tree.files[rel] = FileID(st)
            default: tree.files[rel] = .some(nil)
            }
        }
        return tree
    }

    /// The regular file already at `rel`, if any; anything else there is removed first.
    mutating func clear(_ rel: String, in root: URL) -> FileID? {
        let path = root.appendingPathComponent(rel).path
        if folders.contains(path) {
            try? FileManager.default.removeItem(atPath: path)
            folders = folders.filter { $0 != path && !$0.hasPrefix(path + "/") }
            return nil
        }
        guard let entry = files[rel] else { return nil }
        guard let id = entry else {
            _ = unlink(path)
            files[rel] = nil
            return nil
        }
        return id
    }

    /// Before writing new bytes at `rel`: the old file must go (it may be a hard link to a
    /// published file, which must never be written through).
    mutating func clearForWriting(_ rel: String, in root: URL) throws {
        guard files[rel] != nil else { return }
        let path = root.appendingPathComponent(rel).path
        if unlink(path) != 0, errno != ENOENT { throw SiteWriter.failure("berkas lama tidak dapat dihapus", path: path, errno: errno) }
        files[rel] = nil
    }

    /// Removes the files the new site does not have, then the folders left empty.
    func removeLeftovers(keeping wanted: Set<String>, in root: URL) {
        for rel in files.keys where !wanted.contains(rel) {
            _ = unlink(root.appendingPathComponent(rel).path)
        }
        var needed = Set<String>()
        for rel in wanted {
            var dir = (root.appendingPathComponent(rel).path as NSString).deletingLastPathComponent
            while dir.count > root.path.count, needed.insert(dir).inserted {
                dir = (dir as NSString).deletingLastPathComponent
            }
        }
        for dir in folders.subtracting(needed).sorted(by: { $0.count > $1.count }) where rmdir(dir) != 0 {
            try? FileManager.default.removeItem(atPath: dir)
        }
    }
}

/// `renameat2(RENAME_EXCHANGE)`: swaps two paths atomically (Linux 3.15+, ext4, xfs, btrfs, tmpfs).
/// Glibc declares it only under `_GNU_SOURCE`, which Swift's Glibc module does not see, so it is
/// looked up at run time.
enum Rename {
    enum Outcome: Equatable { case done, unsupported, failed(Int32) }

    private typealias Fn = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameat2: Fn? = {
        guard let handle = dlopen(nil, RTLD_NOW), let sym = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(sym, to: Fn.self)
    }()
    private static let exchangeFlag: UInt32 = 1 << 1  // RENAME_EXCHANGE

    static func exchange(_ a: String, _ b: String) -> Outcome {
        guard let fn = renameat2 else { return .unsupported }
        if fn(AT_FDCWD, a, AT_FDCWD, b, exchangeFlag) == 0 { return .done }
        let code = errno
        return code == EINVAL || code == ENOSYS || code == ENOTSUP ? .unsupported : .failed(code)
    }
}

/// An exclusive `flock` on a folder, held while a site is written next to it. Advisory: only
/// writers of Renja take it. Released by the kernel if the process dies.
final class FolderLock {
    private var fd: Int32

    init(_ folder: URL) throws {
        fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SiteWriter.failure("folder tidak dapat dibuka", path: folder.path, errno: errno) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let code = errno
            close(fd)
            throw SiteWriter.failure("folder tidak dapat dikunci", path: folder.path, errno: code)
        }
    }

    func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
