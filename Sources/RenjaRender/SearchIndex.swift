import Foundation
import RenjaModel

/// Full-text search for a static host, by Pagefind (PyPI `pagefind-bin`): the documents are
/// grouped into a bounded number of groups (`SearchGroups`), and each group's pages are indexed
/// together into the group's bundle (`pagefind/kelompok-<n>/`: its index and fragments). A build
/// indexes again only the groups with a document it rendered; a group whose documents were all
/// kept keeps its bundle (`SitePipeline`). The site's primary bundle (`pagefind/`: a small
/// WebAssembly search engine and its UI) is what the search page loads; it merges every group's
/// bundle into one search (`cari.js`).
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
        // Found once per process and environment (the preview asks on every save); a binary that
        // has gone is looked for again, and so is one not found (it may be installed meanwhile).
        let key = ["RENJA_PAGEFIND", "PATH", "RENJA_CACHE_DIR", "XDG_CACHE_HOME", "HOME", "VIRTUAL_ENV"].map { environment[$0] ?? "" }.joined(separator: "\u{0}")
        located.lock.lock()
        let known = located.found[key]
        located.lock.unlock()
        if let known, FileManager.default.isExecutableFile(atPath: known.path) { return known }
        let found = find(environment)
        located.lock.lock()
        located.found[key] = found
        located.lock.unlock()
        return found
    }

    private final class Located: @unchecked Sendable {
        let lock = NSLock()
        var found: [String: URL] = [:]
    }
    private static let located = Located()

    private static func find(_ environment: [String: String]) -> URL? {
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

    /// The site's search: the primary bundle (`primaryBundle`) and every group's bundle
    /// (`groupBundle`), each made from its documents' pages in `files`, on all cores. Pages
    /// outside the documents' folders (the site index, the search page, 404) carry no
    /// `data-pagefind-body` and are not indexed.
    public static func index(_ files: [OutputFile], documents: [String], groupSize: Int? = nil, executable: URL) throws -> [OutputFile] {
        let byDocument = pagesByDocument(files)
        let groups = SearchGroups.groups(documents, size: groupSize).enumerated().map { k, members in
            (folder: SearchGroups.folder(k), pages: members.flatMap { byDocument[$0] ?? [] })
        }
        return try bundles(groups, primary: true, executable: executable)
    }

    /// The HTML pages of `files` by the folder they are in (a document's slug for its pages).
    package static func pagesByDocument(_ files: [OutputFile]) -> [String: [OutputFile]] {
        Dictionary(grouping: files.filter { $0.path.hasSuffix(".html") }) { $0.path.split(separator: "/").first.map(String.init) ?? "" }
    }

    /// The bundles of `groups`, each from its pages, in the order given, and with `primary` the
    /// primary bundle first; every Pagefind run on its own core.
    package static func bundles(_ groups: [(folder: String, pages: [OutputFile])], primary: Bool, executable: URL) throws -> [OutputFile] {
        let jobs: [Int?] = (primary ? [nil] : []) + groups.indices.map { Optional($0) }
        return try Parallel.mapThrowing(jobs) { k in
            guard let k else { return try primaryBundle(executable: executable) }
            return try groupBundle(groups[k].pages, folder: groups[k].folder, executable: executable)
        }.flatMap { $0 }
    }

    /// A group's bundle, under `folder`: Pagefind over its documents' pages, staged under their
    /// site paths so the results' addresses are the pages' own. It keeps only what a merged index
    /// reads (`isIndexData`): the search page loads it with `mergeIndex`, and a merged index is
    /// searched with the primary bundle's engine and WebAssembly, so the interface and engine
    /// files (about 600 KB a run) would only be copies of the primary's.
    package static func groupBundle(_ pages: [OutputFile], folder: String, executable: URL) throws -> [OutputFile] {
        let staging = try Staging()
        try staging.add(pages)
        let bundle = try staging.index(executable: executable)
        return bundle.filter { isIndexData($0.path) }.map { OutputFile(path: folder + $0.path, data: $0.data) }
    }

    /// The search index's own files, by their path in a bundle: the entry file, each language's
    /// metadata, the word index chunks, the page fragments and the filters.
    static func isIndexData(_ path: String) -> Bool {
        path == "pagefind-entry.json" || path.hasSuffix(".pf_meta")
            || ["index/", "fragment/", "filter/"].contains { path.hasPrefix($0) }
    }

    /// The primary bundle, `pagefind/`: Pagefind's engine, interface and WebAssembly, which the
    /// search page loads and every group's bundle is searched with. Pagefind makes no bundle
    /// without a page that has a word, and the site's own pages are not indexed, so its index
    /// holds one placeholder page at the search page's address whose only word is "ʬ" (an IPA
    /// letter, U+02AC: no query typed in Indonesian starts with it, so it is never a result). It
    /// depends on the Pagefind executable only.
    package static func primaryBundle(executable: URL) throws -> [OutputFile] {
        let staging = try Staging()
        try staging.add([OutputFile(path: Paths.search + "index.html", data: Data(placeholderPage.utf8))])
        let files = try staging.index(executable: executable).map { OutputFile(path: Paths.searchBundle + $0.path, data: $0.data) }
        guard files.contains(where: { $0.path == Paths.searchBundle + "pagefind-ui.js" }) else {
            throw Failure(message: "pagefind tidak menghasilkan berkas pagefind-ui.js")
        }
        return files
    }

    static let placeholderPage = "<!doctype html><html lang=\"id\"><head><title></title></head><body><main data-pagefind-body>\u{02AC}</main></body></html>\n"

    /// The folder Pagefind reads for one bundle.
    ///
    /// Pagefind indexes only the pages marked `data-pagefind-body` as soon as one page is, so the
    /// unmarked ones (the print page is a quarter of the HTML) are left out of its folder: the
    /// bundle is the same without them and Pagefind has less to parse. Should no page be marked
    /// (templates without the attribute), every page goes in, since Pagefind then indexes whole
    /// pages.
    final class Staging {
        private let work: URL
        private let site: URL
        private var unmarked: [OutputFile] = []
        private var marked = false

        init() throws {
            work = FileManager.default.temporaryDirectory.appendingPathComponent("renja-pencarian-\(UUID().uuidString)")
            site = work.appendingPathComponent("situs")
            try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: work) }

        private static let marker = Data("data-pagefind-body".utf8)

        func add(_ files: [OutputFile]) throws {
            for file in files where file.path.hasSuffix(".html") {
                guard file.data.range(of: Self.marker) != nil else {
                    unmarked.append(file)
                    continue
                }
                marked = true
                try write(file)
            }
        }

        private func write(_ file: OutputFile) throws {
            let url = site.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }

        /// Runs Pagefind over the pages added; the bundle's files by their path in the bundle.
        func index(executable: URL) throws -> [OutputFile] {
            let fm = FileManager.default
            if !marked { for file in unmarked { try write(file) } }
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
                files.append(OutputFile(path: rel, data: try Data(contentsOf: url)))
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

/// How the documents are grouped for search. The reader's search merges one bundle per group
/// (each merge loads the group's entry, metadata and, per word, an index chunk), and a build
/// that renders one document indexes its whole group again, so a group holds at most
/// `size(for:)` documents: 16, so that a rebuild after one edit indexes at most 16 documents'
/// pages, until 1.024 documents, then ⌈√n / 2⌉ (the reader merges at most ≈ 2√n bundles: 64 at
/// 1.024 documents, 200 at 10.000). With 16 documents or fewer there is one group.
///
/// The groups are consecutive runs of the sorted slugs, as equal as can be (sizes differ by at
/// most one): the set of document folders is part of the build cache's site key, so adding or
/// removing a document renders and indexes every document anyway, and a grouping that kept
/// most documents in place across such a change (a hash of the slug) would buy nothing while
/// its groups would be uneven (at 1.000 documents in 63 groups, the largest hash group holds
/// about 1,7 times the mean, and a rebuild indexes the edited document's whole group).
public enum SearchGroups {
    /// The most documents a group holds at a site of `documents` documents.
    public static func size(for documents: Int) -> Int {
        max(16, (Int(Double(documents).squareRoot().rounded(.up)) + 1) / 2)
    }

    /// `documents` (slugs, in any order) in groups, each sorted; `size` overrides `size(for:)`.
    public static func groups(_ documents: [String], size: Int? = nil) -> [[String]] {
        let sorted = documents.sorted()
        guard !sorted.isEmpty else { return [] }
        let most = max(1, size ?? self.size(for: sorted.count))
        let count = (sorted.count + most - 1) / most
        // The first `sorted.count % count` groups hold one more.
        let small = sorted.count / count, larger = sorted.count % count
        var result: [[String]] = [], start = 0
        for k in 0..<count {
            let n = small + (k < larger ? 1 : 0)
            result.append(Array(sorted[start..<(start + n)]))
            start += n
        }
        return result
    }

    /// The bundle folder of the group at `index` (from 0): `pagefind/kelompok-1/`, …
    public static func folder(_ index: Int) -> String { Paths.searchBundle + "kelompok-\(index + 1)/" }

    /// The folder every group's bundle is under, inside the primary bundle's.
    public static let prefix = Paths.searchBundle + "kelompok-"
}
