import RenjaModel

/// What an auditor notices reading the rows side by side:
/// - `satuan-indikator`: an indicator that counts one thing ("Jumlah Dokumen …") with a target in
///   another unit (`12 laporan`);
/// - `baris-salinan`: a row whose indicator name, or whose target and capaian, are a verbatim copy of
///   another row's — typically pasted and not updated.
enum AuditorChecks {
    static func run(_ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for table in ctx.tables {
            out += indicatorUnits(table, ctx)
            out += copiedIndicatorNames(table, ctx)
            if table.kind == .evaluasi { out += copiedValues(table, ctx) }
        }
        return out
    }

    // MARK: Counted thing vs unit

    /// The noun after "Jumlah" → units that count it. Domain wording, not findings.
    static let countedNouns: [String: Set<String>] = {
        let persons: Set<String> = ["orang", "jiwa", "peserta", "pegawai", "asn", "anak", "siswa"]
        let families: Set<String> = ["keluarga", "kk", "kpm", "rumah tangga", "ruta"]
        let bodies: Set<String> = ["lembaga", "organisasi", "kelompok"]
        return [
            "dokumen": ["dokumen", "dok"],
            "laporan": ["laporan", "lap"],
            "keluarga": families,
            "orang": persons, "peserta": persons, "pegawai": persons,
            "paket": ["paket"],
            "unit": ["unit", "buah"],
            "lembaga": bodies, "organisasi": bodies, "kelompok": bodies,
        ]
    }()

    static let countingWords: Set<String> = ["jumlah", "banyaknya"]

    /// "Jumlah Dokumen Perencanaan …" → "dokumen".
    static func countedNoun(_ indicatorName: String) -> String? {
        let words = Text.normalizedName(indicatorName).split(separator: " ").map(String.init)
        guard words.count >= 2, countingWords.contains(words[0]), countedNouns[words[1]] != nil else { return nil }
        return words[1]
    }

    /// "orang/bulan" → "orang"; "Keluarga" → "keluarga".
    static func baseUnit(_ q: Quantity) -> String {
        let u = q.normalizedUnit
        let first = u.split(separator: "/").first.map(String.init) ?? u
        return first.trimmingCharacters(in: .whitespaces)
    }

    static func indicatorUnits(_ table: Table, _ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for item in table.allItems {
            for indicator in item.indicators {
                guard let noun = countedNoun(indicator.name.value), let units = countedNouns[noun],
                      let t = indicator.target, let tq = t.value.value, !tq.unit.isEmpty else { continue }
                let unit = baseUnit(tq)
                guard !units.contains(unit), !units.contains(unit.split(separator: " ").first.map(String.init) ?? unit) else { continue }
                out.append(ctx.finding(.peringatan, "satuan-indikator",
                                       "indikator “\(Item.shorten(indicator.name.value))” pada \(item.shortReference) menghitung \(noun), tetapi targetnya dalam satuan \(tq.unit)",
                                       at: t.location, item: item,
                                       figures: [.init("indikator menghitung", noun), .init("target", tq.formatted)],
                                       notes: ["samakan nama indikator dengan satuannya, atau periksa apakah nama indikatornya tersalin dari baris lain"]))
            }
        }
        return out
    }

    // MARK: Copied rows

    /// Words that say what a name is about (common function words and counting words left out).
    static func contentWords(_ s: String) -> Set<String> {
        let stop: Set<String> = ["jumlah", "persentase", "yang", "dan", "atau", "dalam", "pada", "bagi", "untuk", "dengan", "serta", "kepada", "oleh"]
        return Set(Text.normalizedName(s).split(separator: " ").map(String.init).filter { $0.count >= 3 && !stop.contains($0) })
    }

    /// Share of the indicator's words found in the row's own name: high for the row it was written for.
    static func fit(_ indicator: Indicator, _ item: Item) -> Double {
        let words = contentWords(indicator.name.value)
        guard !words.isEmpty else { return 0 }
        return Double(words.intersection(contentWords(item.name.value)).count) / Double(words.count)
    }

    static func ancestors(_ table: Table) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        func walk(_ i: Item, _ above: Set<String>) {
            out[i.anchor] = above
            i.children.forEach { walk($0, above.union([i.anchor])) }
        }
        table.programs.forEach { walk($0, []) }
        return out
    }

    static func copiedIndicatorNames(_ table: Table, _ ctx: DocumentContext) -> [Diagnostic] {
        var groups: [String: [(Item, Indicator)]] = [:]
        var order: [String] = []
        for item in table.allItems {
            for indicator in item.indicators {
                let key = Text.normalizedName(indicator.name.value)
                guard !key.isEmpty else { continue }
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append((item, indicator))
            }
        }
        let above = ancestors(table)
        var out: [Diagnostic] = []
        for key in order {
            let rows = groups[key]!
            guard rows.count > 1 else { continue }
            // Rows with the same name (e.g. two "Penyediaan Permakanan" under different kegiatan)
            // legitimately share an indicator; so do a parent and its child.
            let distinctRows = Set(rows.map { Text.normalizedName($0.0.name.value) })
            guard distinctRows.count > 1 else { continue }
            let best = rows.max { a, b in (fit(a.1, a.0), -indexOf(a.0, table)) < (fit(b.1, b.0), -indexOf(b.0, table)) }!
            for (item, indicator) in rows where item.anchor != best.0.anchor {
                guard Text.normalizedName(item.name.value) != Text.normalizedName(best.0.name.value),
                      !(above[item.anchor]?.contains(best.0.anchor) ?? false),
                      !(above[best.0.anchor]?.contains(item.anchor) ?? false),
                      fit(indicator, item) < fit(best.1, best.0) || indexOf(item, table) > indexOf(best.0, table) else { continue }
                out.append(ctx.finding(.peringatan, "baris-salinan",
                                       "indikator \(item.reference) sama persis dengan indikator \(best.0.shortReference); kemungkinan tersalin",
                                       at: indicator.name.location, item: item,
                                       figures: [.init("indikator", indicator.name.value),
                                                 .init("sama dengan", "\(best.0.reference) (\(best.1.name.location?.description ?? ""))")],
                                       notes: ["nama indikator ini lebih cocok dengan \(best.0.shortReference) daripada dengan nama baris ini sendiri"]))
            }
        }
        return out
    }

    static func indexOf(_ item: Item, _ table: Table) -> Int {
        table.allItems.firstIndex { $0.anchor == item.anchor } ?? 0
    }

    /// Target and capaian repeated exactly in another row of the same level. Only distinctive pairs
    /// count: `4 paket / 2 paket` recurs naturally in a quarterly report, `2.000 orang / 1.543 orang`
    /// does not.
    static func copiedValues(_ table: Table, _ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for level in Level.allCases {
            var groups: [String: [(Item, Indicator)]] = [:]
            var order: [String] = []
            for item in table.items(at: level) {
                for indicator in item.indicators {
                    guard let t = indicator.target?.value.value, let a = indicator.actual?.value.value, distinctive(target: t.value, actual: a.value) else { continue }
                    let key = "\(t.value)|\(t.normalizedUnit)|\(a.value)|\(a.normalizedUnit)"
                    if groups[key] == nil { order.append(key) }
                    groups[key, default: []].append((item, indicator))
                }
            }
            for key in order {
                guard let rows = groups[key], rows.count == 2 else { continue }
                let (first, firstInd) = rows[0], (second, secondInd) = rows[1]
                guard let t = secondInd.target?.value.value, let a = secondInd.actual else { continue }
                var notes: [String] = []
                if Text.normalizedName(firstInd.name.value) != Text.normalizedName(secondInd.name.value) {
                    notes.append("indikatornya berbeda, tetapi target dan capaiannya sama persis")
                }
                if let p1 = firstInd.stated?.value.value, let p2 = secondInd.stated?.value.value, abs(p1.value - p2.value) > 0.005 {
                    notes.append("persen capaiannya berbeda (\(p1.formatted) dan \(p2.formatted)): angka mungkin disalin tanpa memperbarui yang lain")
                }
                notes.append("bila kedua baris memang mencatat angka yang sama, abaikan pesan ini")
                out.append(ctx.finding(.peringatan, "baris-salinan",
                                       "target dan capaian \(second.reference) sama persis dengan \(first.shortReference); kemungkinan tersalin",
                                       at: a.location, item: second,
                                       figures: [.init("baris ini", "target \(t.formatted), capaian \(a.value.value?.formatted ?? a.value.raw)"),
                                                 .init("sama dengan", "\(first.reference) (\(firstInd.actual?.location?.description ?? ""))")],
                                       notes: notes))
            }
        }
        return out
    }

    static func distinctive(target: Double, actual: Double) -> Bool {
        guard target >= 5, actual > 0, actual != target else { return false }
        let ratio = actual / target
        let simple: [Double] = [1.0 / 4, 1.0 / 3, 1.0 / 2, 2.0 / 3, 3.0 / 4]
        return !simple.contains { abs($0 - ratio) < 1e-9 }
    }
}
