import Foundation
#if canImport(Glibc)
import Glibc
import RenjaModel
import RenjaLoad
import RenjaRender
import RenjaWrite
#endif

/// What the previous build into an output folder was made from, so the next build can keep the
/// pages of documents whose files did not change instead of loading, checking and rendering them
/// again.
///
/// A document's pages are reused only when all of this holds:
/// - the *site key* is the same: the same Renja executable, the same templates and assets, the same
///   `situs.yaml`, the same set of document folders with the same `dokumen.yaml` files (titles,
///   order and years reach other documents' pages through the navigation), the same options;
/// - the document's own files (every file in its folder) are byte for byte the same;
/// - every page and data file it produced is still in the output folder with the size and
///   modification time recorded (checked again, under the writer's lock, when they are linked).
/// Anything else is rendered as in a full build. A reused document's findings and the figures of
/// its card on the home page come from the cache, so reports and pages are the same as a full
/// build's.
///
/// The cache is a folder in the user's cache folder (`$RENJA_CACHE_DIR`, `$XDG_CACHE_HOME/renja` or
/// `~/.cache/renja`) named after the output folder's path, with one file per document: nothing is
/// written into the content or the published site, and a build rewrites only the entries of the
/// documents it rendered.
struct BuildCache {
    static let format = 4
    let folder: URL
    let output: URL

    /// The site the last build replaced, rebuilt in place by the next one (`SiteWriter.spareFolder`).
    var spareSite: URL { folder.appendingPathComponent("situs-sebelumnya") }

    init(output: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.output = output.standardizedFileURL
        var d = Digest()
        d.add(output.standardizedFileURL.path)
        folder = CacheFolder.base(environment).appendingPathComponent("build-\(d.hex)")
    }

    /// Files the last build published, made from what `key` digests.
    struct KeyedFiles: Codable {
        var key: String
        var files: [KeptFile]
    }

    private var searchFile: URL { folder.appendingPathComponent("search.json") }

    /// The primary search bundle, by the Pagefind executable that made it (`SitePipeline.searchKey`).
    var searchEntry: KeyedFiles? { stored(searchFile) }

    /// Best effort, like `store`: without it the next build only indexes again.
    func storeSearch(_ entry: KeyedFiles?) { store(entry, at: searchFile) }

    private var sitePagesFile: URL { folder.appendingPathComponent("site-pages.json") }

    /// The site's own files (home, search and 404 pages, sitemap, robots.txt, assets), by
    /// everything they are made from (`SitePipeline.sitePagesKey`).
    var sitePages: KeyedFiles? { stored(sitePagesFile) }

    /// Best effort, like `store`: without it the next build renders the site's pages again.
    func storeSitePages(_ entry: KeyedFiles?) { store(entry, at: sitePagesFile) }

    private func stored<T: Decodable>(_ file: URL) -> T? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return try? JSONDecoder().decode(T.self, from: data)
    }

    /// Writes `entry` to `file`, or removes the file when there is none (or it cannot be encoded).
    private func store<T: Encodable>(_ entry: T?, at file: URL) {
        guard let entry, let data = try? JSONEncoder().encode(entry) else { try? FileManager.default.removeItem(at: file); return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? atomicWrite(data, to: file)
    }

    private var groupsFile: URL { folder.appendingPathComponent("search-groups.json") }

    /// The search groups' bundles (`SearchGroups`), by bundle folder: each made from the pages of
    /// documents with the keys its `key` digests, by the Pagefind `key` names.
    var groupEntries: [String: KeyedFiles] { stored(groupsFile) ?? [:] }

    /// Best effort, like `store`: a group missing here is only indexed again.
    func storeGroups(_ entries: [String: KeyedFiles]) { store(entries.isEmpty ? nil : entries, at: groupsFile) }

    struct SiteEntry: Codable {
        var format: Int
        var siteKey: String
        /// The output folder this cache describes; caches of folders that are gone are pruned.
        var output: String
    }

    struct Entry: Codable {
        /// Digest of the document folder's files.
        var key: String
        var findings: [Diagnostic]
        var files: [KeptFile]
        /// The figures of the document's card on the home, search and 404 pages.
        var cardFigures: [CachedFigure]
        /// Words of its rows, for the site's search suggestions (`SearchExamples.counts`).
        var searchWords: [String: Int]

        /// Page folders for the sitemap (`slug/bab/x/` for `slug/bab/x/index.html`).
        var pageDirs: [String] {
            files.map(\.path).filter { $0.hasSuffix("/index.html") }.map { String($0.dropLast("index.html".count)) }
        }
    }

    struct CachedFigure: Codable {
        var label: String
        var value: String
        var note: String?
    }

    private var siteFile: URL { folder.appendingPathComponent("site.json") }
    private func documentFile(_ slug: String) -> URL { folder.appendingPathComponent("doc-\(slug).json") }

    /// The site key of the build that wrote this cache, if it finished.
    var siteKey: String? {
        guard let data = FileManager.default.contents(atPath: siteFile.path),
              let entry = try? JSONDecoder().decode(SiteEntry.self, from: data), entry.format == BuildCache.format else { return nil }
        return entry.siteKey
    }

    func entry(_ slug: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: documentFile(slug).path) else { return nil }
        return try? JSONDecoder().decode(Entry.self, from: data)
    }

    /// Before the output changes: a build that fails from here on leaves no cache claiming the old output.
    func invalidate() { try? FileManager.default.removeItem(at: siteFile) }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Best effort: a cache that cannot be written only makes the next build a full one.
    func store(siteKey: String, entries: [String: Entry], keep: Set<String>) {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix("doc-") {
                let slug = String(name.dropFirst(4).dropLast(5))
                if !keep.contains(slug) { try? fm.removeItem(at: folder.appendingPathComponent(name)) }
            }
            // One file per document, encoded and written on all cores (a thousand documents' findings).
            _ = try Parallel.mapThrowing(entries.keys.sorted()) { slug in
                try atomicWrite(try JSONEncoder().encode(entries[slug]!), to: documentFile(slug))
            }
            let encoder = JSONEncoder()
            try atomicWrite(try encoder.encode(SiteEntry(format: BuildCache.format, siteKey: siteKey, output: output.path)), to: siteFile)
        } catch {
            remove()
        }
        pruneOthers()
    }

    /// Caches of output folders that no longer exist (temporary builds, moved sites) are removed.
    private func pruneOthers() {
        let fm = FileManager.default
        let base = folder.deletingLastPathComponent()
        for name in (try? fm.contentsOfDirectory(atPath: base.path)) ?? [] where name.hasPrefix("build-") && name != folder.lastPathComponent {
            let other = base.appendingPathComponent(name)
            guard let data = fm.contents(atPath: other.appendingPathComponent("site.json").path),
                  let entry = try? JSONDecoder().decode(SiteEntry.self, from: data) else {
                // Unfinished or unreadable: remove once it is a day old.
                if let attributes = try? fm.attributesOfItem(atPath: other.path), let date = attributes[.modificationDate] as? Date,
                   Date().timeIntervalSince(date) > 86_400 { try? fm.removeItem(at: other) }
                continue
            }
            if !fm.fileExists(atPath: entry.output) { try? fm.removeItem(at: other) }
        }
    }

    private func atomicWrite(_ data: Data, to url: URL) throws {
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        try data.write(to: temp)
        guard rename(temp.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temp)
            throw SiteWriter.failure("cache tidak dapat ditulis", path: url.path, errno: errno)
        }
    }

    // MARK: Keys

    /// The document folders of `content` as the loader sees them (visible folders, sorted).
    static func documentFolders(_ content: URL) -> [String] {
        SiteLoader.listing(content).filter { name in
            var dir: ObjCBool = false
            return FileManager.default.fileExists(atPath: content.appendingPathComponent(name).path, isDirectory: &dir) && dir.boolValue
        }
    }

    /// Everything outside a document's own folder that its pages depend on.
    static func siteKey(options: BuildOptions, folders: [String]) -> String {
        var d = Digest()
        d.add("renja-build-cache \(format)")
        d.add(executableIdentity())
        d.add(options.baseURL ?? "-")
        d.add(options.alwaysShowFindings ? "temuan-selalu" : "temuan-menurut-situs")
        // Pages carry the search form only when the index is made.
        d.add(options.search ? (SearchIndexer.locate(environment: options.environment)?.path ?? "tanpa-pagefind") : "tanpa-pencarian")
        // A document's files include its search bundle only when the build makes the index.
        d.add(options.indexSearch ? "indeks-dibuat" : "indeks-tidak-dibuat")
        d.add("kelompok-\(options.searchGroupSize.map(String.init) ?? "baku")")
        d.add(options.contentDisplay)
        d.addTree(options.templates)
        d.addFile(options.content.appendingPathComponent("situs.yaml"))
        for name in folders {
            d.add(name)
            d.addFile(options.content.appendingPathComponent(name).appendingPathComponent("dokumen.yaml"))
        }
        return d.hex
    }

    static func documentKey(content: URL, slug: String) -> String {
        var d = Digest()
        d.addTree(content.appendingPathComponent(slug))
        return d.hex
    }

    /// The running executable, by path, size and modification time: a rebuilt Renja may render
    /// differently.
    static func executableIdentity() -> String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? "?"
        var st = stat()
        guard stat(path, &st) == 0 else { return path }
        return "\(path):\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }
}

/// 64-bit FNV-1a over everything added (with lengths, so boundaries count). For change detection
/// only, not for security: the cache only asks "are these the bytes of last time?" of files the
/// user owns, so a collision-resistant hash buys nothing, and apple/swift-crypto (the usual
/// SHA-256) adds 1–1,5 min to every clean build and CI run on this 2-core machine (measured).
struct Digest {
    private var h: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var x = h
        for b in bytes {
            x ^= UInt64(b)
            x = x &* 0x100_0000_01b3
        }
        h = x
    }

    mutating func add(_ data: Data) {
        add(String(data.count))
        data.withUnsafeBytes { add($0) }
    }

    mutating func add(_ s: String) {
        var s = s
        s.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        withUnsafeBytes(of: UInt8(0)) { add($0) }
    }

    mutating func addFile(_ url: URL) {
        add(url.lastPathComponent)
        if let data = FileManager.default.contents(atPath: url.path) { add(data) } else { add("(tidak ada)") }
    }

    /// Every file under `folder` (hidden ones too: conservative), by relative path and content.
    mutating func addTree(_ folder: URL) {
        let names = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
        for rel in names {
            let url = folder.appendingPathComponent(rel)
            var st = stat()
            guard lstat(url.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            add(rel)
            if let data = FileManager.default.contents(atPath: url.path) { add(data) }
        }
    }

    var hex: String { String(h, radix: 16) }
}
