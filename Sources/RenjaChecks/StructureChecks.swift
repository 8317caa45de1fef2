import Foundation
import RenjaModel
import RenjaFacts

/// The tables' skeleton:
/// - Tabel 1 numbering: `nomor-urut` (gaps, out of order, a sub kegiatan number not under its
///   kegiatan's), `nomor-ganda` (a number used twice), `nomor-format` (written unlike the rest of its
///   level, e.g. `13` where every other kegiatan is `12.`);
/// - Tabel 2 nomenclature codes: `kode-format`, `kode-tidak-bersarang` (a code that does not extend
///   its parent's), `kode-ganda`.
enum StructureChecks {
    static func run(_ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for table in ctx.tables {
            // Tabel 1 is numbered (I, 1., 1.1); e-Monev exports also give it the nomenclature codes.
            if table.allItems.contains(where: { $0.number != nil }) { out += numbering(table, ctx) }
            if table.allItems.contains(where: { $0.code != nil }) { out += codes(table, ctx) }
        }
        return out
    }

    // MARK: Tabel 1 numbers

    /// A row number read: its value(s) and how it is written.
    struct ParsedNumber {
        var parts: [Int]
        var roman: Bool
        var trailingDot: Bool

        /// How the number is written, for comparing rows of one level: `I`, `1.`, `1.1`.
        var style: String { (roman ? "romawi" : "angka") + (trailingDot ? " dengan titik di akhir" : " tanpa titik di akhir") }
        var canonical: String { parts.map(String.init).joined(separator: ".") }
    }

    static func parse(_ raw: String, level: Level) -> ParsedNumber? {
        var s = raw.trimmingCharacters(in: .whitespaces)
        let dot = s.hasSuffix(".")
        if dot { s.removeLast() }
        if level == .program, let r = romanValue(s) { return ParsedNumber(parts: [r], roman: true, trailingDot: dot) }
        let pieces = s.split(separator: ".", omittingEmptySubsequences: false)
        let expected = level == .subKegiatan ? 2 : 1
        guard pieces.count == expected else { return nil }
        let ints = pieces.compactMap { p in p.allSatisfy(\.isNumber) && !p.isEmpty ? Int(p) : nil }
        guard ints.count == expected else { return nil }
        return ParsedNumber(parts: ints, roman: false, trailingDot: dot)
    }

    static func romanValue(_ s: String) -> Int? {
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]
        guard !s.isEmpty, s.allSatisfy({ values[$0] != nil }) else { return nil }
        let v = s.map { values[$0]! }
        var total = 0
        for i in v.indices { total += (i + 1 < v.count && v[i] < v[i + 1]) ? -v[i] : v[i] }
        return total > 0 && roman(total) == s ? total : nil
    }

    static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, out = ""
        for (v, s) in table { while n >= v { out += s; n -= v } }
        return out
    }

    static func display(_ parts: [Int], level: Level, style: ParsedNumber?) -> String {
        if level == .program, style?.roman ?? true { return roman(parts[0]) }
        return parts.map(String.init).joined(separator: ".") + ((style?.trailingDot ?? false) ? "." : "")
    }

    static func numbering(_ table: Table, _ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var parsed: [String: ParsedNumber] = [:]   // anchor → number
        for item in table.allItems {
            guard let n = item.number else { continue }
            if let p = parse(n.value, level: item.level) {
                parsed[item.anchor] = p
            } else {
                let example = item.level == .program ? "I, II, III" : item.level == .kegiatan ? "1., 2., 3." : "1.1, 1.2"
                out.append(ctx.finding(.peringatan, "nomor-format", "nomor \(item.level.word) `\(n.value)` tidak dapat dibaca sebagai nomor urut",
                                       at: n.location, item: item,
                                       figures: [.init("tertulis", n.value), .init("diharapkan", "mis. \(example)")]))
            }
        }
        out += styles(table, parsed, ctx)
        out += duplicates(table, parsed, ctx)
        out += sequence(table, parsed, ctx)
        return out
    }

    /// Within one level, rows written differently from the majority (a missing final dot, an
    /// arabic program number among roman ones).
    static func styles(_ table: Table, _ parsed: [String: ParsedNumber], _ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for level in Level.allCases {
            let rows = table.items(at: level).compactMap { i in parsed[i.anchor].map { (i, $0) } }
            var counts: [String: Int] = [:]
            for (_, p) in rows { counts[p.style, default: 0] += 1 }
            let ranked = counts.sorted { ($0.value, $0.key) > ($1.value, $1.key) }
            guard ranked.count > 1, ranked[0].value > ranked[1].value else { continue }
            let majority = ranked[0].key
            let example = rows.first { $0.1.style == majority }
            for (item, p) in rows where p.style != majority {
                var figures: [Diagnostic.Figure] = [.init("tertulis", item.number?.value ?? "")]
                figures.append(.init("diharapkan", display(p.parts, level: level, style: example?.1)))
                out.append(ctx.finding(.peringatan, "nomor-format",
                                       "nomor \(item.reference) ditulis berbeda dari \(ranked[0].value) nomor \(level.word) lainnya (\(majority))",
                                       at: item.number?.location, item: item, figures: figures,
                                       notes: example.map { ["contoh penulisan lain: `\($0.0.number?.value ?? "")` (\($0.0.number?.location?.description ?? ""))"] } ?? []))
            }
        }
        return out
    }

    static func duplicates(_ table: Table, _ parsed: [String: ParsedNumber], _ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for level in Level.allCases {
            var seen: [String: Item] = [:]
            for item in table.items(at: level) {
                guard let p = parsed[item.anchor] else { continue }
                if let first = seen[p.canonical] {
                    var d = ctx.finding(.galat, "nomor-ganda",
                                        "nomor \(level.word) `\(item.number?.value ?? "")` sudah dipakai oleh \(first.reference)",
                                        at: item.number?.location, item: item,
                                        figures: [.init("tertulis", item.number?.value ?? ""), .init("dipakai juga di", first.number?.location?.description ?? first.label)],
                                        notes: ["setiap baris harus bernomor unik agar dapat dirujuk"])
                    if let other = first.number?.location { d.related = [.init(other, "nomor ini dipakai pertama kali di sini")] }
                    out.append(d)
                } else {
                    seen[p.canonical] = item
                }
            }
        }
        return out
    }

    static func sequence(_ table: Table, _ parsed: [String: ParsedNumber], _ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var duplicateAnchors = Set<String>()
        for level in Level.allCases {
            var seen = Set<String>()
            for item in table.items(at: level) {
                guard let p = parsed[item.anchor] else { continue }
                if !seen.insert(p.canonical).inserted { duplicateAnchors.insert(item.anchor) }
            }
        }

        func report(_ item: Item, _ p: ParsedNumber, expected: [Int], parent: Item?) {
            let shown = display(expected, level: item.level, style: p)
            if p.parts.last! > expected.last! {
                var missing: [String] = []
                for k in expected.last!..<p.parts.last! {
                    missing.append(display(Array(expected.dropLast()) + [k], level: item.level, style: p))
                }
                var notes: [String] = []
                if let parent {
                    let sumsOK = AmountKind.allCases.allSatisfy { kind in
                        guard let v = parent.amount(kind)?.value.value else { return true }
                        guard let s = SumChecks.childSum(parent, kind, ctx) else { return true }
                        return v == s
                    }
                    notes.append(sumsOK
                        ? "jumlah pagu dan realisasi \(parent.shortReference) cocok dengan baris-baris yang ada, jadi kemungkinan hanya penomorannya yang melompat, bukan baris yang hilang"
                        : "jumlah \(parent.shortReference) tidak cocok dengan baris-baris yang ada: periksa apakah ada baris yang terlewat saat menyalin")
                }
                out.append(ctx.finding(.peringatan, "nomor-urut",
                                       "nomor \(missing.joined(separator: ", ")) terlewat: setelah \(item.level.word) sebelumnya langsung \(item.number?.value ?? "")",
                                       at: item.number?.location, item: item,
                                       figures: [.init("tertulis", item.number?.value ?? ""), .init("diharapkan", shown)],
                                       notes: notes))
            } else {
                out.append(ctx.finding(.peringatan, "nomor-urut", "nomor \(item.reference) tidak berurutan",
                                       at: item.number?.location, item: item,
                                       figures: [.init("tertulis", item.number?.value ?? ""), .init("diharapkan", shown)]))
            }
        }

        // Programs: 1, 2, 3, … (I, II, III, …).
        var next = 1
        for program in table.programs {
            guard let p = parsed[program.anchor] else { continue }
            if !duplicateAnchors.contains(program.anchor), p.parts[0] != next { report(program, p, expected: [next], parent: nil) }
            next = p.parts[0] + 1
        }
        // Kegiatan: numbered through the whole table, or restarting at 1 in each program.
        next = 1
        for program in table.programs {
            for (i, k) in program.children.enumerated() {
                guard let p = parsed[k.anchor] else { continue }
                let restart = i == 0 && p.parts[0] == 1
                if !duplicateAnchors.contains(k.anchor), p.parts[0] != next, !restart { report(k, p, expected: [next], parent: program) }
                next = p.parts[0] + 1
            }
        }
        // Sub kegiatan: <kegiatan>.1, <kegiatan>.2, …
        for k in table.items(at: .kegiatan) {
            guard let kp = parsed[k.anchor] else { continue }
            var nextSub = 1
            for s in k.children {
                guard let p = parsed[s.anchor], !duplicateAnchors.contains(s.anchor) else { continue }
                if p.parts[0] != kp.parts[0] {
                    out.append(ctx.finding(.peringatan, "nomor-urut",
                                           "nomor \(s.reference) tidak diawali nomor kegiatannya (\(k.number?.value ?? ""))",
                                           at: s.number?.location, item: s,
                                           figures: [.init("tertulis", s.number?.value ?? ""),
                                                     .init("diharapkan", display([kp.parts[0], nextSub], level: .subKegiatan, style: p))]))
                } else if p.parts[1] != nextSub {
                    report(s, p, expected: [kp.parts[0], nextSub], parent: k)
                }
                nextSub = (p.parts[0] == kp.parts[0] ? p.parts[1] : nextSub) + 1
            }
        }
        return out
    }

    // MARK: Tabel 2 codes

    /// Nomenclature codes as real documents write them. Permendagri 90/2019: urusan.bidang.program
    /// (`1.06.01`, `X.XX` for programs shared by all urusan), then `.kind.kegiatan` (`1.06.01.2.01`),
    /// then the sub kegiatan (`.0001`). Documents of the Permendagri 13/2006 era and many planning
    /// apps write the kegiatan without its kind (`2.16.01.01`) and the sub kegiatan with two digits
    /// (`2.16.01.01.01`); both forms are accepted, mixing them in one table is a warning.
    static let codePatterns: [Level: [(Regex<Substring>, CodeForm)]] = [
        .program: [(#/[0-9X]\.[0-9X]{2}\.[0-9]{2}/#, .standard)],
        .kegiatan: [(#/[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}/#, .standard), (#/[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]{2}/#, .short)],
        .subKegiatan: [(#/[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{4}/#, .standard),
                       (#/[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{2}/#, .short),
                       (#/[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{2}/#, .short),
                       (#/[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}/#, .short)],
    ]

    enum CodeForm: String { case standard, short }

    static let codeExamples: [Level: String] = [.program: "1.06.01", .kegiatan: "1.06.01.2.01 atau 2.16.01.01",
                                                .subKegiatan: "1.06.01.2.01.0001 atau 2.16.01.01.01"]

    static func form(of code: String, level: Level) -> CodeForm? {
        codePatterns[level]!.first { (try? $0.0.wholeMatch(in: code)) != nil }?.1
    }

    static func codes(_ table: Table, _ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var wellFormed = Set<String>()
        var seen: [String: Item] = [:]
        var forms: [Level: [CodeForm: Item]] = [:]
        var previous: [String: Item] = [:]   // last sibling seen under each parent
        for (item, parent) in table.itemsWithParents {
            guard let c = item.code else { continue }
            if let f = form(of: c.value, level: item.level) {
                wellFormed.insert(item.anchor)
                if item.level != .program, forms[item.level]?[f] == nil { forms[item.level, default: [:]][f] = item }
            } else {
                out.append(ctx.finding(.galat, "kode-format", "kode \(item.level.word) `\(c.value)` tidak berbentuk kode nomenklatur",
                                       at: c.location, item: item,
                                       figures: [.init("tertulis", c.value), .init("diharapkan", "bentuk seperti \(codeExamples[item.level]!)")],
                                       notes: ["kode program: urusan.bidang.program (1.06.01); kode kegiatan menambah .N.NN (1.06.01.2.01) atau .NN (2.16.01.01); kode sub kegiatan menambah .NNNN atau .NN (1.06.01.2.01.0001, 2.16.01.01.01); setiap bagian ditulis dengan jumlah digit yang sama"]))
            }
            if let parent, let pc = parent.code, wellFormed.contains(parent.anchor), wellFormed.contains(item.anchor),
               !c.value.hasPrefix(pc.value + ".") {
                out.append(ctx.finding(.galat, "kode-tidak-bersarang",
                                       "kode \(item.level.word) `\(c.value)` tidak diawali kode \(parent.level.word)nya `\(pc.value)`",
                                       at: c.location, item: item,
                                       figures: [.init("tertulis", c.value), .init("diharapkan", "\(pc.value).…"),
                                                 .init(parent.level.word, "\(pc.value) \(Item.shorten(parent.name.value))")]))
            }
            // Rows follow their codes' order within their parent.
            let parentKey = parent?.anchor ?? ""
            if let before = previous[parentKey + "/\(item.level.rawValue)"], let bc = before.code,
               wellFormed.contains(before.anchor), wellFormed.contains(item.anchor), !(c.value + bc.value).contains("X"),
               codeOrder(c.value, bc.value) == .orderedAscending {
                out.append(ctx.finding(.peringatan, "kode-urut", "\(item.reference) ditulis sesudah \(before.shortReference), padahal kodenya lebih kecil",
                                       at: c.location, item: item,
                                       figures: [.init("tertulis", c.value), .init("sebelumnya", bc.value)],
                                       notes: ["baris dalam tabel biasanya berurutan menurut kode; periksa apakah baris ini salah tempat"]))
            }
            previous[parentKey + "/\(item.level.rawValue)"] = item
            if let first = seen[c.value] {
                let sameName = Text.normalizedName(first.name.value) == Text.normalizedName(item.name.value)
                var d = ctx.finding(sameName ? .peringatan : .galat, "kode-ganda",
                                    sameName ? "kode `\(c.value)` dipakai dua baris dengan nama yang sama (\(first.reference))"
                                             : "kode `\(c.value)` sudah dipakai oleh \(first.reference)",
                                    at: c.location, item: item,
                                    figures: [.init("tertulis", c.value), .init("dipakai juga di", first.code?.location?.description ?? first.label)],
                                    notes: sameName ? ["bila baris ini sengaja dipecah (mis. per lokasi atau sumber dana), keduanya dijumlahkan; banyaknya \(item.level.word) dihitung per baris dan per kode"] : [])
                if let other = first.code?.location { d.related = [.init(other, "kode ini dipakai pertama kali di sini")] }
                out.append(d)
            } else {
                seen[c.value] = item
            }
        }
        for (level, byForm) in forms where byForm.count > 1 {
            let standard = byForm[.standard]!, short = byForm[.short]!
            out.append(ctx.finding(.peringatan, "kode-format",
                                   "kode \(level.word) di \(table.shortName) ditulis dalam dua bentuk: \(standard.code!.value) dan \(short.code!.value)",
                                   at: short.code?.location, item: short,
                                   figures: [.init("bentuk Permendagri 90", standard.code!.value), .init("bentuk pendek", short.code!.value)],
                                   notes: ["satu dokumen sebaiknya memakai satu bentuk kode"]))
        }
        return out
    }

    /// Compares two codes segment by segment as numbers.
    static func codeOrder(_ a: String, _ b: String) -> ComparisonResult {
        let x = a.split(separator: "."), y = b.split(separator: ".")
        for (p, q) in zip(x, y) where p != q {
            if let i = Int(p), let j = Int(q) { return i < j ? .orderedAscending : .orderedDescending }
            return p < q ? .orderedAscending : .orderedDescending
        }
        return x.count < y.count ? .orderedAscending : x.count > y.count ? .orderedDescending : .orderedSame
    }
}
