import Foundation
import RenjaModel

/// Full-text search for a static host, by Pagefind (PyPI `pagefind-bin`): after the pages are
/// rendered, Pagefind indexes them and its bundle (`pagefind/`: the index fragments, a small
/// WebAssembly search engine and its UI) becomes part of the site's files, so it is written,
/// hard-linked when unchanged and swapped in together with the pages.
///
/// Search is optional: without Pagefind the site is built without it and the build says so.
public enum SearchIndexer {
    /// Where Pagefind is: `$RENJA_PAGEFIND`, `pagefind` on the PATH, or the binary inside
    /// Python's `pagefind_bin` package (which installs no command of its own). Starting Python
    /// costs about 0,17 s, as much as the rest of a small site's build, so the package is first
    /// looked for where pip puts it for the first `python3` on the PATH (`packageBinary`), without
    /// running Python; only when it is not there is Python asked, and its answer is remembered in
    /// Renja's cache folder until that binary is gone.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let fm = FileManager.default
        if let explicit = environment["RENJA_PAGEFIND"], !explicit.isEmpty {
            return fm.isExecutableFile(atPath: explicit) ? URL(fileURLWithPath: explicit) : nil
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            for name in ["pagefind", "pagefind_extended"] {
                let candidate = "\(dir)/\(name)"
                if fm.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
            }
        }
        if let packaged = packageBinary(path: path, environment: environment) { return packaged }
        let memo = CacheFolder.base(environment).appendingPathComponent("pagefind-lokasi")
        if let remembered = fm.contents(atPath: memo.path).map({ String(decoding: $0, as: UTF8.self) }),
           !remembered.isEmpty, fm.isExecutableFile(atPath: remembered) {
            return URL(fileURLWithPath: remembered)
        }
        guard let found = askPython(path) else { return nil }
        try? fm.createDirectory(at: memo.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(found.path.utf8).write(to: memo, options: .atomic)
        return found
    }

    /// The `pagefind_bin` package's binary in the package folders of the first `python3` on the
    /// PATH, found from the interpreter's location alone: its prefix's `site-packages` (a venv,
    /// pyenv, a source build) or Debian's `dist-packages` (under `/usr/local` for pip), the user's
    /// `~/.local` folder, and for a pyenv shim every installed version. The binary names are the
    /// ones `pagefind_bin.get_executable` tries, in its order.
    static func packageBinary(path: String, environment: [String: String]) -> URL? {
        let fm = FileManager.default
        guard let dir = path.split(separator: ":").map(String.init).first(where: { fm.isExecutableFile(atPath: "\($0)/python3") })
        else { return nil }
        let python = URL(fileURLWithPath: "\(dir)/python3").resolvingSymlinksInPath()
        let prefix = python.deletingLastPathComponent().deletingLastPathComponent().path
        var prefixes = [prefix, prefix + "/local"]
        if let venv = environment["VIRTUAL_ENV"], !venv.isEmpty { prefixes.insert(venv, at: 0) }
        if dir.hasSuffix("/shims") {
            let root = (dir as NSString).deletingLastPathComponent + "/versions"
            prefixes += ((try? fm.contentsOfDirectory(atPath: root)) ?? []).sorted().map { "\(root)/\($0)" }
        }
        if let home = environment["HOME"], !home.isEmpty { prefixes.append(home + "/.local") }
        // `python3.11` when the PATH's python3 links to a versioned interpreter: only its folders.
        let version = python.lastPathComponent.hasPrefix("python3.") ? python.lastPathComponent : nil
        for prefix in prefixes {
            let lib = prefix + "/lib"
            let versions = version.map { [$0] }
                ?? ((try? fm.contentsOfDirectory(atPath: lib)) ?? []).filter { $0.hasPrefix("python3") }.sorted()
            for v in versions {
                for packages in ["site-packages", "dist-packages"] {
                    for name in ["pagefind_extended", "pagefind"] {
                        let candidate = "\(lib)/\(v)/\(packages)/pagefind_bin/\(name)"
                        if fm.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
                    }
                }
            }
        }
        return nil
    }

    static func askPython(_ path: String) -> URL? {
        let fm = FileManager.default
        for dir in path.split(separator: ":") {
            let python = "\(dir)/python3"
            guard fm.isExecutableFile(atPath: python) else { continue }
            let (status, out, _) = run(URL(fileURLWithPath: python),
                                       ["-c", "import sys, pagefind_bin; sys.stdout.write(str(pagefind_bin.get_executable()))"])
            if status == 0, fm.isExecutableFile(atPath: out) { return URL(fileURLWithPath: out) }
            break
        }
        return nil
    }

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Indexes the rendered pages and returns the bundle's files, placed under `pagefind/`.
    /// Pages opt in with `data-pagefind-body` (the templates put it on the content of chapters,
    /// tables and programs), so navigation and footers are not indexed.
    public static func index(_ files: [OutputFile], executable: URL) throws -> [OutputFile] {
        try index(files, keptPages: [], from: URL(fileURLWithPath: "/"), executable: executable)
    }

    /// Indexes rendered pages together with pages kept from the previous build (`keptPages`, paths
    /// under `output`, linked rather than copied), so an incremental build's index covers the
    /// whole site.
    package static func index(_ files: [OutputFile], keptPages: [String], from output: URL, executable: URL) throws -> [OutputFile] {
        let staging = try Staging()
        try staging.add(files)
        return try staging.index(keptPages: keptPages, from: output, executable: executable)
    }

    /// The folder Pagefind reads: pages are put there as they are rendered (from any thread), so
    /// the copy overlaps the rendering, and Pagefind runs once at the end.
    ///
    /// Pagefind indexes only the pages marked `data-pagefind-body` as soon as one page is, so the
    /// unmarked ones (the print page is a quarter of the HTML) are left out of its folder: the
    /// bundle is the same without them (compared on the real site) and Pagefind has less to
    /// parse. Should no page be marked (templates without the attribute), every page goes in,
    /// since Pagefind then indexes whole pages.
    package final class Staging: @unchecked Sendable {
        private let work: URL
        private let site: URL
        private let lock = NSLock()
        private var unmarked: [OutputFile] = []
        private var marked = false

        package init() throws {
            work = FileManager.default.temporaryDirectory.appendingPathComponent("renja-pencarian-\(UUID().uuidString)")
            site = work.appendingPathComponent("situs")
            try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: work) }

        private static let marker = Data("data-pagefind-body".utf8)

        package func add(_ files: [OutputFile]) throws {
            for file in files where file.path.hasSuffix(".html") {
                guard file.data.range(of: Self.marker) != nil else {
                    lock.lock(); unmarked.append(file); lock.unlock()
                    continue
                }
                lock.lock(); marked = true; lock.unlock()
                try write(file)
            }
        }

        private func write(_ file: OutputFile) throws {
            let url = site.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }

        /// Runs Pagefind over the pages added and `keptPages` (linked from `output`).
        package func index(keptPages: [String], from output: URL, executable: URL) throws -> [OutputFile] {
            let fm = FileManager.default
            if !marked { for file in unmarked { try write(file) } }
            for path in keptPages where path.hasSuffix(".html") {
                let url = site.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                let source = output.appendingPathComponent(path)
                if link(source.path, url.path) != 0 { try fm.copyItem(at: source, to: url) }
            }
            let bundle = work.appendingPathComponent("bundel")
            let (status, out, err) = run(executable, ["--site", site.path, "--output-path", bundle.path,
                                                      "--force-language", "id", "--silent"])
            guard status == 0 else {
                let detail = (err + out).split(separator: "\n").prefix(3).joined(separator: " ")
                throw Failure(message: "pagefind berhenti dengan kode \(status)\(detail.isEmpty ? "" : ": \(detail)")")
            }
            var files: [OutputFile] = []
            let rels = (fm.enumerator(atPath: bundle.path)?.allObjects as? [String] ?? []).sorted()
            for rel in rels {
                let url = bundle.appendingPathComponent(rel)
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
                files.append(OutputFile(path: Paths.searchBundle + rel, data: try Data(contentsOf: url)))
            }
            guard files.contains(where: { $0.path == Paths.searchBundle + "pagefind-ui.js" }) else {
                throw Failure(message: "pagefind tidak menghasilkan berkas pagefind-ui.js")
            }
            return files
        }
    }

    /// Runs a program to completion and returns its status, standard output and error.
    static func run(_ executable: URL, _ arguments: [String]) -> (Int32, String, String) {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        let outPipe = Pipe(), errPipe = Pipe()
        p.standardOutput = outPipe
        p.standardError = errPipe
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return (-1, "", "\(error)") }
        // Read both pipes before waiting, so a chatty child cannot fill a pipe and stall.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = errPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errBox.data, as: UTF8.self))
    }
}
