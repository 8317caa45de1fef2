import Foundation
import RenjaModel

/// `bab/NN-slug.md` → `Chapter`. The front matter is a YAML block between two `---` lines; it is
/// parsed as the first YAML document of the file, so reported lines are the file's own.
enum ChapterLoader {
    static let allowedKeys = ["nomor", "judul", "urutan", "tanda_tangan"]

    static func load(text: String, fileName: String, path: String, sink: DiagnosticSink) -> Chapter? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map({ $0.trimmingCharacters(in: .whitespaces) == "---" }) == true else {
            sink.error("front-matter", "bab harus diawali front matter (`---`, judul, urutan, `---`)",
                       at: SourceLocation(file: path, line: 1, column: 1),
                       figures: [.init("diharapkan", "---"), .init("ditemukan", lines.first.map { String($0.prefix(40)) } ?? "berkas kosong")])
            return nil
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "---" }) else {
            sink.error("front-matter", "front matter tidak ditutup dengan baris `---`", at: SourceLocation(file: path, line: 1, column: 1),
                       figures: [.init("diharapkan", "baris `---` setelah judul dan urutan"), .init("ditemukan", "akhir berkas")])
            return nil
        }
        let front = lines[0..<close].joined(separator: "\n")
        let reader = YAMLReader(path: path, sink: sink)
        guard let node = reader.parse(front), let m = reader.mapping(node, what: "front matter bab") else { return nil }
        m.checkKeys(allowed: allowedKeys, required: ["judul", "urutan"])
        let title = m.string("judul")
        let order = m.int("urutan")
        let number = m.string("nomor")
        if let number, !isRoman(number.value) {
            sink.error("nomor-bab", "`nomor` bab harus angka Romawi", at: number.location,
                       figures: [.init("diharapkan", "I, II, III, IV, …"), .init("ditemukan", number.value)])
        }
        let signature = m.bool("tanda_tangan") ?? false
        guard let title, let order else { return nil }
        let body = lines[(close + 1)...].joined(separator: "\n")
        return Chapter(slug: slug(fromFileName: fileName), number: number?.value, title: title.value, order: order.value,
                       signature: signature, markdown: body, file: path, bodyFirstLine: close + 2)
    }

    /// `01-pendahuluan.md` → `pendahuluan`.
    static func slug(fromFileName name: String) -> String {
        var base = (name as NSString).deletingPathExtension
        if let dash = base.firstIndex(of: "-"), base[..<dash].allSatisfy(\.isNumber) {
            base = String(base[base.index(after: dash)...])
        }
        let s = Text.slug(base)
        return s.isEmpty ? "bab" : s
    }

    static func isRoman(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { "IVXLC".contains($0) }
    }
}
