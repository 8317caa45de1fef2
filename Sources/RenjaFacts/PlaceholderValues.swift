import RenjaModel

/// What `{{angka …}}` placeholders print: figures taken from the document's facts (never
/// computed here), formatted, with the reason when one cannot be given.
public struct DocumentFigures: Sendable {
    public var year: Int
    /// Tabel 1 (evaluation, before the revision).
    public var evaluation: TableFacts?
    /// Tabel 2 (the revised plan).
    public var plan: TableFacts?

    init(year: Int, evaluation: TableFacts?, plan: TableFacts?) {
        self.year = year
        self.evaluation = evaluation
        self.plan = plan
    }

    public func table(_ kind: TableKind) -> TableFacts? { kind == .evaluasi ? evaluation : plan }

    // MARK: Placeholder values

    /// A placeholder name with what it prints and which table it needs.
    public struct PlaceholderDefinition: Sendable {
        public var name: String
        /// Indonesian description, for documentation and "did you mean" hints.
        public var description: String
    }

    /// Every name `{{angka NAMA}}` understands, in documentation order.
    public static let placeholders: [PlaceholderDefinition] = {
        var out: [PlaceholderDefinition] = []
        let levels: [(String, String)] = [("program", "program"), ("kegiatan", "kegiatan"), ("sub_kegiatan", "sub kegiatan")]
        let tables: [(String, String)] = [("", "Tabel 2 (rencana perubahan)"), ("_rencana", "Tabel 2 (rencana perubahan)"),
                                          ("_evaluasi", "Tabel 1 (evaluasi, sebelum perubahan)")]
        for (suffix, table) in tables {
            for (key, word) in levels {
                out.append(.init(name: "jumlah_\(key)\(suffix)", description: "banyaknya \(word) di \(table), mis. 9"))
                out.append(.init(name: "jumlah_\(key)\(suffix)_terbilang", description: "banyaknya \(word) di \(table) dalam huruf, mis. sembilan"))
            }
        }
        out.append(.init(name: "pagu_total", description: "jumlah pagu seluruh program di Tabel 2 (rencana perubahan), mis. Rp 1.250.000.000"))
        out.append(.init(name: "pagu_total_rencana", description: "sama dengan pagu_total"))
        out.append(.init(name: "pagu_total_evaluasi", description: "jumlah pagu seluruh program di Tabel 1 (sebelum perubahan), mis. Rp 1.300.000.000"))
        out.append(.init(name: "perubahan_pagu_total", description: "pagu Tabel 2 dikurangi pagu Tabel 1, mis. -Rp 50.000.000"))
        out.append(.init(name: "realisasi_total", description: "jumlah realisasi seluruh program di Tabel 1"))
        out.append(.init(name: "persen_realisasi_total", description: "realisasi_total dibagi pagu_total_evaluasi, mis. 28,39%"))
        out.append(.init(name: "tahun", description: "tahun dokumen (kunci `tahun` di dokumen.yaml)"))
        return out
    }()

    public static var placeholderNames: [String] { placeholders.map(\.name) }

    /// Why a known placeholder cannot be computed for this document.
    public enum PlaceholderProblem: Error, Sendable, Equatable {
        case unknownName
        case missingTable(TableKind)
        case malformedAmount(TableKind)
    }

    /// The formatted value of a placeholder, e.g. `pagu_total` → `Rp 1.250.000.000`.
    public func placeholder(_ name: String) -> Result<String, PlaceholderProblem> {
        guard DocumentFigures.placeholderNames.contains(name) else { return .failure(.unknownName) }
        if name == "tahun" { return .success(String(year)) }
        if name.hasPrefix("jumlah_") {
            var rest = String(name.dropFirst("jumlah_".count))
            let spelled = rest.hasSuffix("_terbilang")
            if spelled { rest.removeLast("_terbilang".count) }
            var kind = TableKind.rencana
            if rest.hasSuffix("_evaluasi") { kind = .evaluasi; rest.removeLast("_evaluasi".count) }
            if rest.hasSuffix("_rencana") { rest.removeLast("_rencana".count) }
            let level: Level = rest == "program" ? .program : rest == "kegiatan" ? .kegiatan : .subKegiatan
            guard let t = table(kind) else { return .failure(.missingTable(kind)) }
            let n = t.rows(level)
            return .success(spelled ? Terbilang.words(n) : IndonesianNumber.grouped(UInt64(n)))
        }
        func money(_ kind: TableKind, _ value: (TableFacts) -> Rupiah?) -> Result<String, PlaceholderProblem> {
            guard let t = table(kind) else { return .failure(.missingTable(kind)) }
            guard let v = value(t) else { return .failure(.malformedAmount(kind)) }
            return .success(v.formatted)
        }
        switch name {
        case "pagu_total", "pagu_total_rencana": return money(.rencana) { $0.total(.pagu) }
        case "pagu_total_evaluasi": return money(.evaluasi) { $0.total(.pagu) }
        case "realisasi_total": return money(.evaluasi) { $0.total(.realisasi) }
        case "perubahan_pagu_total":
            guard let e = evaluation else { return .failure(.missingTable(.evaluasi)) }
            guard let p = plan else { return .failure(.missingTable(.rencana)) }
            guard let before = e.total(.pagu) else { return .failure(.malformedAmount(.evaluasi)) }
            guard let after = p.total(.pagu) else { return .failure(.malformedAmount(.rencana)) }
            return .success((after - before).formatted)
        case "persen_realisasi_total":
            guard let t = evaluation else { return .failure(.missingTable(.evaluasi)) }
            guard let p = t.absorption else { return .failure(.malformedAmount(.evaluasi)) }
            return .success(p.formatted)
        default:
            return .failure(.unknownName)
        }
    }
}
