import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folder trees with inotify (no polling) and reports changed paths in batches, after the
/// tree has been quiet for the debounce interval — an editor's save (temp file, rename, chmod) is
/// one batch. inotify is not recursive: every folder gets its own watch, and folders created or
/// moved in later are added as they appear. Hidden entries and backup files (`.x`, `x~`) are
/// ignored, as the content loader ignores them.
public final class FileWatcher: @unchecked Sendable {
    // All mutable state below is touched only by the watcher thread (after `start`).
    private let roots: [String]
    private let excluded: [String]
    private let debounce: TimeInterval
    private let maximumDelay: TimeInterval
    private let onChange: @Sendable ([String]) -> Void
    private let inotify: Int32
    private let stopPipe: (read: Int32, write: Int32)
    private var folders: [Int32: String] = [:]
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var stopped = false

    static let mask: UInt32 = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_CREATE)
        | UInt32(IN_DELETE) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_ATTRIB) | UInt32(IN_ONLYDIR)

    public enum WatchError: Error, CustomStringConvertible {
        case cannotStart(Int32)
        public var description: String {
            switch self {
            case .cannotStart(let code): return "pemantauan berkas (inotify) tidak dapat dimulai: \(String(cString: strerror(code)))"
            }
        }
    }

    /// - Parameters:
    ///   - roots: folders to watch with everything below them (missing ones are skipped).
    ///   - excluding: folders never watched even if below a root (the output folder, so writing the
    ///     site does not trigger another build).
    ///   - debounce: quiet time before a batch is reported.
    ///   - onChange: called on the watcher's thread with the changed paths of one batch.
    public init(roots: [URL], excluding: [URL] = [], debounce: TimeInterval = 0.1, maximumDelay: TimeInterval = 1.0,
                onChange: @escaping @Sendable ([String]) -> Void) throws {
        self.roots = roots.map { $0.standardizedFileURL.path }
        self.excluded = excluding.map { $0.standardizedFileURL.path }
        self.debounce = debounce
        self.maximumDelay = maximumDelay
        self.onChange = onChange
        inotify = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard inotify >= 0 else { throw WatchError.cannotStart(errno) }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            let code = errno
            close(inotify)
            throw WatchError.cannotStart(code)
        }
        stopPipe = (fds[0], fds[1])
        for root in self.roots { addTree(root) }
    }

    /// Number of folders currently watched.
    public var watchedFolderCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return folders.count
    }

    public func start() {
        let t = Thread { [self] in
            self.loop()
            self.finished.signal()
        }
        t.name = "renja-pantau"
        thread = t
        t.start()
    }

    /// Stops the thread and closes the descriptors; waits until the thread has ended.
    public func stop() {
        lock.lock()
        if stopped {
            lock.unlock()
            return
        }
        stopped = true
        let started = thread != nil
        lock.unlock()
        var byte: UInt8 = 1
        _ = write(stopPipe.write, &byte, 1)
        if started { finished.wait() }
        close(inotify)
        close(stopPipe.read)
        close(stopPipe.write)
    }

    deinit { stop() }

    private func loop() {
        var pending = Set<String>()
        var firstAt = Date.distantFuture
        var lastAt = Date.distantPast
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var timeout: Int32 = -1
            if !pending.isEmpty {
                let due = min(lastAt.addingTimeInterval(debounce), firstAt.addingTimeInterval(maximumDelay))
                timeout = Int32(max(0, (due.timeIntervalSinceNow * 1000).rounded(.up)))
            }
            var fds = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0), pollfd(fd: stopPipe.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno != EINTR { return }
            if fds[1].revents != 0 { return }
            if fds[0].revents != 0 {
                let changed = readEvents(&buffer)
                if !changed.isEmpty {
                    if pending.isEmpty { firstAt = Date() }
                    lastAt = Date()
                    pending.formUnion(changed)
                }
            }
            if !pending.isEmpty {
                let now = Date()
                if now >= lastAt.addingTimeInterval(debounce) || now >= firstAt.addingTimeInterval(maximumDelay) {
                    onChange(pending.sorted())
                    pending.removeAll()
                }
            }
        }
    }

    /// Reads every queued event; returns the relevant changed paths and keeps the watches current.
    private func readEvents(_ buffer: inout [UInt8]) -> Set<String> {
        var changed = Set<String>()
        while true {
            let n = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            var offset = 0
            while offset + 16 <= n {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(n, offset + 16 + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length
                handle(wd: wd, mask: mask, name: name, into: &changed)
            }
        }
        return changed
    }

    private func handle(wd: Int32, mask: UInt32, name: String, into changed: inout Set<String>) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: re-add every folder and rebuild anyway.
            for root in roots { addTree(root) }
            changed.insert(roots.first ?? "")
            return
        }
        lock.lock()
        let folder = folders[wd]
        if mask & UInt32(IN_IGNORED) != 0 { folders.removeValue(forKey: wd) }
        lock.unlock()
        guard let folder else { return }
        if name.isEmpty {
            // The watched folder itself was deleted or moved away.
            if mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)) != 0 { changed.insert(folder) }
            return
        }
        if FileWatcher.isIgnored(name) { return }
        let path = folder + "/" + name
        if isExcluded(path) { return }
        let isFolder = mask & UInt32(IN_ISDIR) != 0
        if isFolder, mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
            addTree(path)
        }
        if isFolder, mask & UInt32(IN_MOVED_FROM) != 0 {
            removeTree(path)
        }
        changed.insert(path)
    }

    private func isExcluded(_ path: String) -> Bool {
        excluded.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name == "4913"  // 4913: vim's write-permission probe
    }

    /// Watches `path` and every folder below it (not hidden ones; each folder once, so a symbolic
    /// link loop ends).
    private func addTree(_ path: String) {
        var visited = Set<String>()
        addTree(path, visited: &visited)
    }

    private func addTree(_ path: String, visited: inout Set<String>) {
        if isExcluded(path) { return }
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR, visited.insert("\(st.st_dev):\(st.st_ino)").inserted else { return }
        let wd = inotify_add_watch(inotify, path, FileWatcher.mask)
        guard wd >= 0 else { return }
        lock.lock()
        folders[wd] = path
        lock.unlock()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names.sorted() where !FileWatcher.isIgnored(name) {
            addTree(path + "/" + name, visited: &visited)
        }
    }

    private func removeTree(_ path: String) {
        lock.lock()
        let gone = folders.filter { $0.value == path || $0.value.hasPrefix(path + "/") }
        for wd in gone.keys { folders.removeValue(forKey: wd) }
        lock.unlock()
        for wd in gone.keys { inotify_rm_watch(inotify, wd) }
    }
}
