import RenjaModel

/// `Table` → the YAML text staff keep by hand (`Content/README.md`): a comment header, `judul`,
/// then the programs with 2-space indentation, keys in the documented order, `no`/`kode` always in
/// double quotes, other values plain unless YAML needs quotes, and a blank line between programs.
/// Deterministic: the same table always gives the same bytes.
enum TableYAMLWriter {
    static func emit(_ table: Table, header: [String]) -> String {
        var out = ""
        for line in header { out += line + "\n" }
        if !header.isEmpty { out += "\n" }
        out += "judul: \(scalar(table.title))\n"
        out += "program:\n"
        for (i, program) in table.programs.enumerated() {
            if i > 0 { out += "\n" }
            item(program, kind: table.kind, indent: 2, into: &out)
        }
        return out
    }

    private static func item(_ item: Item, kind: TableKind, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        let keyField = kind == .evaluasi ? "no" : "kode"
        let key = (kind == .evaluasi ? item.number : item.code)?.value ?? ""
        out += "\(pad)- \(keyField): \(quoted(key))\n"
        out += "\(pad)  nama: \(scalar(item.name.value))\n"
        if !item.indicators.isEmpty {
            out += "\(pad)  indikator:\n"
            for i in item.indicators {
                out += "\(pad)    - nama: \(scalar(i.name.value))\n"
                if let t = i.target { out += "\(pad)      target: \(scalar(t.value.raw))\n" }
                if kind == .evaluasi {
                    if let a = i.actual { out += "\(pad)      capaian: \(scalar(a.value.raw))\n" }
                    if let p = i.stated { out += "\(pad)      persen: \(scalar(p.value.raw))\n" }
                }
                if let d = i.declaredDirection { out += "\(pad)      arah: \(d.value.rawValue)\n" }
            }
        }
        // A program or kegiatan whose amount cell is empty (some exports state amounts per sub
        // kegiatan only) gets no key: the loader accepts that, and totals come from below.
        func stated(_ a: Located<AmountText>?) -> Located<AmountText>? {
            guard let a else { return nil }
            return item.level != .subKegiatan && a.value.raw.trimmingCharacters(in: .whitespaces).isEmpty ? nil : a
        }
        if let p = stated(item.pagu) { out += "\(pad)  pagu: \(scalar(p.value.raw))\n" }
        if kind == .evaluasi {
            if let r = stated(item.realisasi) { out += "\(pad)  realisasi: \(scalar(r.value.raw))\n" }
            if let a = item.statedAbsorption { out += "\(pad)  persen_realisasi: \(scalar(a.value.raw))\n" }
        }
        if let childrenKey = item.level.childrenKey, !item.children.isEmpty {
            out += "\(pad)  \(childrenKey):\n"
            for child in item.children { self.item(child, kind: kind, indent: indent + 4, into: &out) }
        }
    }

    /// The default comment header, worded like the hand-kept files.
    static func defaultHeader(kind: TableKind, title: String) -> [String] {
        let title = commentText(title)
        switch kind {
        case .evaluasi:
            return [
                "# Tabel 1 — \(title)",
                "#",
                "# Data ditulis persis seperti dalam dokumen sumber, termasuk kekeliruannya.",
                "# Jangan membetulkan angka atau kata di sini; `renja check` yang akan",
                "# menandai angka yang tidak cocok.",
                "#",
                "# Kolom: no | nama (Program / Kegiatan / Sub Kegiatan) | indikator:",
                "# nama, target, capaian, persen | pagu (Pagu Anggaran Target) |",
                "# realisasi (Pagu Anggaran Capaian) | persen_realisasi (Persentase).",
            ]
        case .rencana:
            return [
                "# Tabel 2 — \(title)",
                "#",
                "# Data ditulis persis seperti dalam dokumen sumber, termasuk kekeliruannya.",
                "#",
                "# Kolom: kode (kode nomenklatur) | nama (Program / Kegiatan / Sub Kegiatan) |",
                "# indikator: nama, target | pagu (Pagu Anggaran).",
            ]
        }
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
