/// The row-by-row comparison the standard tables' reports print: rows paired by `key`, in order;
/// a row changes when its `content` by value differs (`4436400000` and `4.436.400.000` are the
/// same), and is only rewritten when it differs as written alone.
enum ImportRowChanges {
    /// `otherChanges` names what else changed ("judul diubah"); `label` is a row in the lines.
    static func lines<Row>(old: [Row], new: [Row], key: (Row) -> String, label: (Row) -> String,
                           content: (Row, _ asWritten: Bool) -> [String], otherChanges: [String],
                           targetDisplay: String, detailed: Bool) -> [String] {
        let before = Dictionary(old.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let afterKeys = Set(new.map(key))
        var lines: [String] = []
        var added = 0, changed = 0, same = 0, rewritten = 0
        for r in new {
            if let o = before[key(r)] {
                if content(o, false) != content(r, false) {
                    changed += 1
                    if detailed { lines.append("  ~ " + label(r)) }
                } else {
                    same += 1
                    if content(o, true) != content(r, true) { rewritten += 1 }
                }
            } else {
                added += 1
                if detailed { lines.append("  + " + label(r)) }
            }
        }
        let removed = old.filter { !afterKeys.contains(key($0)) }
        if detailed { lines += removed.map { "  - " + label($0) } }
        let writing = rewritten > 0 ? " (\(rewritten) di antaranya hanya penulisan angkanya yang berbeda)" : ""
        if added == 0 && changed == 0 && removed.isEmpty && otherChanges.isEmpty {
            return ["Isi tabel sama dengan \(targetDisplay); hanya penulisan berkasnya yang berbeda\(writing)."]
        }
        return ["Perubahan terhadap \(targetDisplay):"] + lines
            + ["  \(changed) baris diubah, \(added) ditambah, \(removed.count) dihapus, \(same) tetap\(writing)"
               + otherChanges.map { "; " + $0 }.joined() + "."]
    }
}
