import RenjaModel

/// `Table` → the YAML text staff keep by hand (`Content/README.md`): a comment header, `judul`,
/// then the programs with 2-space indentation, keys in the documented order, `no`/`kode` always in
/// double quotes, other values plain unless YAML needs quotes, and a blank line between programs.
/// Deterministic: the same table always gives the same bytes.
enum TableYAMLWriter {
    /// The file's text (tests and the gate's fault injection; `placed` is what an import writes).
    static func emit(_ table: Table, header: [String]) -> String {
        placed(table, header: header, directions: CarriedDirections()).text
    }

    /// The YAML of `table`, each value remembering its input cell; an indicator without a declared
    /// `arah` gets the one `directions` (the replaced file's) holds for it.
    static func placed(_ table: Table, header: [String], directions: CarriedDirections) -> PlacedYAML {
        var yaml = PlacedYAML(directions: directions)
        for line in header { yaml.raw(line) }
        if !header.isEmpty { yaml.raw("") }
        yaml.raw("judul: \(scalar(table.title))")
        yaml.raw("program:")
        for (i, program) in table.programs.enumerated() {
            if i > 0 { yaml.raw("") }
            item(program, kind: table.kind, indent: 2, path: [], into: &yaml)
        }
        return yaml
    }

    /// The key of a row: its `no` (Tabel 1) or `kode` (Tabel 2).
    static func key(_ item: Item, _ kind: TableKind) -> String {
        (kind == .evaluasi ? item.number : item.code)?.value ?? ""
    }

    /// The row's key under its parents' (a Tabel 1 `no` such as `1.` repeats under every
    /// program), the row `CarriedDirections` knows it by.
    static func directionKey(_ path: [String]) -> String { path.joined(separator: "/") }

    /// The replaced table's declared `arah`, by row and indicator name.
    static func directions(in table: Table) -> CarriedDirections {
        var rows: [(level: Int, key: String, indicators: [(name: String, direction: Direction?)])] = []
        func walk(_ item: Item, _ path: [String]) {
            let path = path + [key(item, table.kind)]
            rows.append((item.level.rawValue, directionKey(path), item.indicators.map { ($0.name.value, $0.declaredDirection?.value) }))
            item.children.forEach { walk($0, path) }
        }
        table.programs.forEach { walk($0, []) }
        return CarriedDirections(rows)
    }

    private static func item(_ item: Item, kind: TableKind, indent: Int, path: [String], into yaml: inout PlacedYAML) {
        let pad = String(repeating: " ", count: indent)
        let keyField = kind == .evaluasi ? "no" : "kode"
        let key = self.key(item, kind)
        let path = path + [key]
        let row = "\(item.level.word) \(key)"
        // The row's mapping starts at its key: the loader's errors about the row land on its cell.
        yaml.mark(column: pad.count + 3, from: item.location, row: row)
        yaml.value("\(pad)- \(keyField): ", key, from: (kind == .evaluasi ? item.number : item.code)?.location, row: row)
        yaml.plain("\(pad)  nama: ", item.name.value, from: item.name.location, row: row)
        if !item.indicators.isEmpty {
            yaml.raw("\(pad)  indikator:")
            for i in item.indicators {
                yaml.mark(column: pad.count + 7, from: i.location, row: row)
                yaml.plain("\(pad)    - nama: ", i.name.value, from: i.name.location, row: row)
                if let t = i.target { yaml.plain("\(pad)      target: ", t.value.raw, from: t.location, row: row) }
                if kind == .evaluasi {
                    if let a = i.actual { yaml.plain("\(pad)      capaian: ", a.value.raw, from: a.location, row: row) }
                    if let p = i.stated { yaml.plain("\(pad)      persen: ", p.value.raw, from: p.location, row: row) }
                }
                if let d = i.declaredDirection {
                    yaml.raw("\(pad)      arah: \(d.value.rawValue)")
                } else {
                    yaml.carriedDirection(pad: "\(pad)      ", level: item.level.rawValue, row: directionKey(path), indicator: i.name.value)
                }
            }
        }
        // A program or kegiatan whose amount cell is empty (some exports state amounts per sub
        // kegiatan only) gets no key: the loader accepts that, and totals come from below.
        func stated(_ a: Located<AmountText>?) -> Located<AmountText>? {
            guard let a else { return nil }
            return item.level != .subKegiatan && a.value.raw.trimmingCharacters(in: .whitespaces).isEmpty ? nil : a
        }
        if let p = stated(item.pagu) { yaml.plain("\(pad)  pagu: ", p.value.raw, from: p.location, row: row) }
        if kind == .evaluasi {
            if let r = stated(item.realisasi) { yaml.plain("\(pad)  realisasi: ", r.value.raw, from: r.location, row: row) }
            if let a = item.statedAbsorption { yaml.plain("\(pad)  persen_realisasi: ", a.value.raw, from: a.location, row: row) }
        }
        if let childrenKey = item.level.childrenKey, !item.children.isEmpty {
            yaml.raw("\(pad)  \(childrenKey):")
            for child in item.children { self.item(child, kind: kind, indent: indent + 4, path: path, into: &yaml) }
        }
    }

    /// The default comment header, worded like the hand-kept files.
    static func defaultHeader(kind: TableKind, title: String) -> [String] {
        switch kind {
        case .evaluasi:
            return defaultHeader("Tabel 1", title: title, checked: true, columns: [
                "# Kolom: no | nama (Program / Kegiatan / Sub Kegiatan) | indikator:",
                "# nama, target, capaian, persen | pagu (Pagu Anggaran Target) |",
                "# realisasi (Pagu Anggaran Capaian) | persen_realisasi (Persentase).",
            ])
        case .rencana:
            return defaultHeader("Tabel 2", title: title, checked: false, columns: [
                "# Kolom: kode (kode nomenklatur) | nama (Program / Kegiatan / Sub Kegiatan) |",
                "# indikator: nama, target | pagu (Pagu Anggaran).",
            ])
        }
    }

    /// A new file's header in every layout: the table and its title (the line that follows a
    /// changed title), that the data are the source's as written (`checked`: and that `renja
    /// check` marks what does not add up), then `columns`.
    static func defaultHeader(_ table: String, title: String, checked: Bool, columns: [String]) -> [String] {
        ["# \(table) — \(commentText(title))", "#", "# Data ditulis persis seperti dalam dokumen sumber, termasuk kekeliruannya."]
            + (checked ? ["# Jangan membetulkan angka atau kata di sini; `renja check` yang akan", "# menandai angka yang tidak cocok."] : [])
            + ["#"] + columns
    }

    /// The comment lines at the top of an existing file (up to the first line that is neither a
    /// comment nor blank), without trailing blank lines.
    static func header(of text: String) -> [String] {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let l = String(line)
            if l.hasPrefix("#") || l.trimmingCharacters(in: .whitespaces).isEmpty { lines.append(l) } else { break }
        }
        while let last = lines.last, !last.hasPrefix("#") { lines.removeLast() }
        return lines
    }

    /// Comment lines a hand-edited file had below its header (an import cannot keep them).
    static func commentsBelowHeader(_ text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var count = 0
        for line in lines.dropFirst(header(of: text).count) {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("#") { count += 1; continue }
            var inDouble = false, inSingle = false
            var previous: Character = " "
            for ch in line {
                if ch == "\"" && !inSingle && previous != "\\" { inDouble.toggle() }
                if ch == "'" && !inDouble { inSingle.toggle() }
                if ch == "#" && !inDouble && !inSingle && (previous == " " || previous == "\t") { count += 1; break }
                previous = ch
            }
        }
        return count
    }

    /// Text safe inside a `#` comment: YAML allows no control characters there and would end the
    /// comment at a line break (including U+0085, U+2028, U+2029).
    static func commentText(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars { out.unicodeScalars.append(isPlainSafe(c) ? c : "\u{FFFD}") }
        return out
    }

    // MARK: Scalars

    /// Plain when YAML reads the text back unchanged, double-quoted otherwise (`Content/README.md`
    /// tells staff the same rule).
    static func scalar(_ s: String) -> String {
        needsQuotes(s) ? quoted(s) : s
    }

    static func needsQuotes(_ s: String) -> Bool {
        guard let first = s.first, let last = s.last else { return true }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return true }
        if first == " " || last == " " || last == ":" { return true }
        if s.contains(": ") || s.contains(" #") { return true }
        if s.hasPrefix("---") || s.hasPrefix("...") { return true }
        return s.unicodeScalars.contains { !isPlainSafe($0) }
    }

    /// Printable characters that need no escape; tabs and line breaks are excluded because a plain
    /// scalar would fold or end at them.
    private static func isPlainSafe(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20...0x7E: return true
        case 0xA0...0xD7FF: return c.value != 0x2028 && c.value != 0x2029
        case 0xE000...0xFFFD: return c.value != 0xFEFF
        case 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// A YAML double-quoted scalar; everything outside printable text is escaped.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\u{0}": out += "\\0"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if isPlainSafe(c) {
                    out.unicodeScalars.append(c)
                } else if c.value <= 0xFF {
                    out += "\\x" + hex(c.value, 2)
                } else if c.value <= 0xFFFF {
                    out += "\\u" + hex(c.value, 4)
                } else {
                    out += "\\U" + hex(c.value, 8)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ v: UInt32, _ width: Int) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
