import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a write did, for the CLI's report.
public struct WriteReport: Sendable, Equatable {
    public var written: Int
    public var unchanged: Int
    public var removed: Int
}

/// Writes the rendered site so that the output folder is always a complete site:
/// 1. everything goes into a staging folder beside the output (same file system);
/// 2. a file whose bytes equal the published one is hard-linked from it instead of rewritten, so
///    its timestamp stays put (uploads by rsync/FTP skip it);
/// 3. the staging folder replaces the output in one `rename`-based swap.
/// A build that fails or is killed before step 3 leaves the previous output untouched; stale
/// files of removed pages disappear with the old folder.
public struct SiteWriter {
    public let output: URL
    /// Test hook: called before each file is written; throwing simulates a disk failure mid-build.
    public var beforeWrite: ((String) throws -> Void)?

    public init(output: URL) { self.output = output.standardizedFileURL }

    var staging: URL { output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).staging") }
    var previous: URL { output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).lama") }

    public func write(_ files: [OutputFile]) throws -> WriteReport {
        let fm = FileManager.default
        try recoverInterruptedSwap()
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        var report = WriteReport(written: 0, unchanged: 0, removed: 0)
        do {
            var seen = Set<String>()
            for file in files {
                guard SiteWriter.isSafe(file.path), seen.insert(file.path).inserted else {
                    throw InputError(.galat("jalur-tidak-aman", "jalur berkas keluaran tidak aman atau ganda", at: nil,
                                            figures: [.init("diharapkan", "jalur di dalam folder keluaran"), .init("ditemukan", file.path)]))
                }
                try beforeWrite?(file.path)
                let target = staging.appendingPathComponent(file.path)
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                let old = output.appendingPathComponent(file.path)
                if let existing = fm.contents(atPath: old.path), existing == file.data, link(old.path, target.path) == 0 {
                    report.unchanged += 1
                } else {
                    try file.data.write(to: target)
                    report.written += 1
                }
            }
            report.removed = countFiles(in: output).subtracting(seen).count
            try swapIntoPlace()
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        return report
    }

    /// Paths come from content (slugs); they must stay inside the output folder.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }

    private func swapIntoPlace() throws {
        let fm = FileManager.default
        try? fm.removeItem(at: previous)
        if fm.fileExists(atPath: output.path) {
            try fm.moveItem(at: output, to: previous)
        }
        try fm.moveItem(at: staging, to: output)
        try? fm.removeItem(at: previous)
    }

    /// If a previous run was killed between the two renames of the swap, the output folder is
    /// missing but the old complete site is beside it: put it back.
    public func recoverInterruptedSwap() throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: output.path), fm.fileExists(atPath: previous.path) {
            try fm.moveItem(at: previous, to: output)
        }
    }

    private func countFiles(in dir: URL) -> Set<String> {
        guard let e = FileManager.default.enumerator(atPath: dir.path) else { return [] }
        var out = Set<String>()
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent(rel).path, isDirectory: &isDir), !isDir.boolValue {
                out.insert(rel)
            }
        }
        return out
    }
}
