import Foundation
import RenjaModel
import RenjaFacts

/// One entry of the site's list of findings: usually one finding; a change reported down the
/// hierarchy (a program's pagu change and the kegiatan and sub kegiatan changes that make it up)
/// is one entry standing for every row it was reported on. `renja check` and the JSON keep every finding.
struct FindingEntry {
    /// Stable id of the entry on the Validasi and program pages (`temuan-t1-3-2`, `temuan-pendahuluan-b17`).
    var id: String
    var severity: Severity
    /// The program the entry belongs to; nil for the document and its narrative.
    var programKey: String?
    /// The findings the entry stands for, top-most row first.
    var findings: [Diagnostic]

    var lead: Diagnostic { findings[0] }
    var anchors: [String] { findings.compactMap(\.rowAnchor) }
    /// Counted as a temuan (see `FindingIndex`).
    var counts: Bool { FindingIndex.counted.contains(severity) }
}

/// The one place that says how the site counts findings, used by the home page's program table,
/// the row marks of the tables, the program pages and the Validasi page:
/// - the site counts *entries* (a change repeated down the hierarchy is one);
/// - "N temuan" counts the entries of severity galat and peringatan; info entries are listed, and
///   counted apart as info, never as temuan.
struct FindingIndex {
    static let counted: Set<Severity> = [.galat, .peringatan]

    let entries: [FindingEntry]
    private let byAnchor: [String: [Int]]

    init(findings: [Diagnostic], facts: DocumentFacts) {
        // The matched rows' parents, by either table's anchor.
        var node: [String: MatchedItem] = [:]
        var parent: [String: MatchedItem] = [:]
        func walk(_ m: MatchedItem, _ up: MatchedItem?) {
            for a in [m.evaluation?.anchor, m.plan?.anchor].compactMap({ $0 }) {
                node[a] = m
                if let up { parent[a] = up }
            }
            m.children.forEach { walk($0, m) }
        }
        facts.matches.forEach { walk($0, nil) }
        func anchorsOf(_ m: MatchedItem) -> [String] { [m.evaluation?.anchor, m.plan?.anchor].compactMap { $0 } }

        // A finding of a check that reports a row's change (its parent's change includes it) joins
        // the entry of the nearest row above it with a finding of the same check: the program's
        // pagu change and the kegiatan and sub kegiatan changes that make it up are one entry.
        let carriedChecks = Set(CheckCatalog.checks.filter(\.repeatsDownHierarchy).map(\.code))
        var carriedAt: [String: [Int]] = [:]  // anchor → indices of carried findings on that row
        for (i, f) in findings.enumerated() where carriedChecks.contains(f.code) {
            if let a = f.rowAnchor { carriedAt[a, default: []].append(i) }
        }
        func parentFinding(_ i: Int) -> Int? {
            let f = findings[i]
            var up = f.rowAnchor.flatMap { parent[$0] }
            while let m = up {
                if let j = anchorsOf(m).flatMap({ carriedAt[$0] ?? [] }).first(where: { findings[$0].code == f.code && findings[$0].severity == f.severity }) {
                    return j
                }
                up = anchorsOf(m).lazy.compactMap { parent[$0] }.first
            }
            return nil
        }
        func top(_ i: Int) -> Int {
            var t = i
            var seen: Set<Int> = [i]
            while let p = parentFinding(t), seen.insert(p).inserted { t = p }
            return t
        }

        var entries: [FindingEntry] = []
        var entryOfTop: [Int: Int] = [:]
        var usedIDs: [String: Int] = [:]
        for (i, f) in findings.enumerated() {
            let t = carriedChecks.contains(f.code) ? top(i) : i
            if let e = entryOfTop[t] {
                entries[e].findings.append(f)
                continue
            }
            var id = "temuan-" + FindingIndex.place(f)
            let n = usedIDs[id, default: 0]
            usedIDs[id] = n + 1
            // `--2`: a single dash would read as a row anchor (`t1-2` + `-2` = `t1-2-2`).
            if n > 0 { id += "--\(n + 1)" }
            entryOfTop[t] = entries.count
            entries.append(FindingEntry(id: id, severity: f.severity, programKey: f.programKey, findings: [f]))
        }
        // The top-most row's finding leads its entry; the rest stay in document order.
        for (t, e) in entryOfTop where entries[e].findings.count > 1 {
            if let at = entries[e].findings.firstIndex(of: findings[t]), at > 0 {
                entries[e].findings.insert(entries[e].findings.remove(at: at), at: 0)
            }
        }
        self.entries = entries
        var byAnchor: [String: [Int]] = [:]
        for (i, e) in entries.enumerated() {
            for a in Set(e.anchors) { byAnchor[a, default: []].append(i) }
        }
        self.byAnchor = byAnchor
    }

    /// Where a finding is, as an id part: its row's anchor, or its file and line.
    static func place(_ f: Diagnostic) -> String {
        if let a = f.rowAnchor { return a }
        guard let loc = f.location else { return "dokumen" }
        var name = (loc.file as NSString).lastPathComponent
        name = (name as NSString).deletingPathExtension
        // `01-pendahuluan` → `pendahuluan`
        if let dash = name.firstIndex(of: "-"), name[..<dash].allSatisfy(\.isNumber) { name = String(name[name.index(after: dash)...]) }
        let slug = Text.slug(name)
        return (slug.isEmpty ? "berkas" : slug) + (loc.line > 0 ? "-b\(loc.line)" : "")
    }

    func program(_ key: String) -> [FindingEntry] { entries.filter { $0.programKey == key } }

    /// The number a program's "N temuan" shows.
    func temuanCount(program key: String) -> Int { program(key).filter(\.counts).count }

    /// Entries about any of these rows (a row of both tables has two anchors), in entry order.
    func rows(_ anchors: [String]) -> [FindingEntry] {
        Set(anchors.flatMap { byAnchor[$0] ?? [] }).sorted().map { entries[$0] }
    }

    /// Entries of findings in a file (a chapter), with the file line of each finding.
    func inFile(_ file: String) -> [(line: Int, entry: FindingEntry)] {
        entries.flatMap { e in e.findings.compactMap { f in f.location.flatMap { $0.file == file ? ($0.line, e) : nil } } }
    }

    var counts: CountView {
        let by = { (s: Severity) in entries.filter { $0.severity == s }.count }
        return CountView(galat: by(.galat), peringatan: by(.peringatan), info: by(.info), total: entries.count)
    }
}
