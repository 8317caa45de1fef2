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
    /// Python's `pagefind_bin` package (which installs no command of its own). Asking Python costs
    /// about 0,17 s, more than a whole rebuild of a small site, so the answer is remembered in
    /// Renja's cache folder and Python is asked again only when that binary is gone.
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
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("renja-pencarian-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: work) }
        let site = work.appendingPathComponent("situs"), bundle = work.appendingPathComponent("bundel")
        for file in files where file.path.hasSuffix(".html") {
            let url = site.appendingPathComponent(file.path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }
        for path in keptPages where path.hasSuffix(".html") {
            let url = site.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let source = output.appendingPathComponent(path)
            if link(source.path, url.path) != 0 { try fm.copyItem(at: source, to: url) }
        }
        let (status, out, err) = run(executable, ["--site", site.path, "--output-path", bundle.path,
                                                  "--force-language", "id", "--silent"])
        guard status == 0 else {
            let detail = (err + out).split(separator: "\n").prefix(3).joined(separator: " ")
            throw Failure(message: "pagefind berhenti dengan kode \(status)\(detail.isEmpty ? "" : ": \(detail)")")
        }
        var out_: [OutputFile] = []
        let rels = (fm.enumerator(atPath: bundle.path)?.allObjects as? [String] ?? []).sorted()
        for rel in rels {
            let url = bundle.appendingPathComponent(rel)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            out_.append(OutputFile(path: Paths.searchBundle + rel, data: try Data(contentsOf: url)))
        }
        guard out_.contains(where: { $0.path == Paths.searchBundle + "pagefind-ui.js" }) else {
            throw Failure(message: "pagefind tidak menghasilkan berkas pagefind-ui.js")
        }
        return out_
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
