import RenjaModel

/// The Indonesian text `renja import` prints: what was read, where the title came from, and what
/// changes against the file it replaces.
public enum ImportReport {
    /// Counts, totals and how the text was read.
    public static func summary(_ plan: ImportPlan) -> [String] {
        let s = plan.summary
        let p = plan.parsed
        var lines = [opening("Tabel \(plan.request.kind.number) (\(plan.request.kind.rawValue))", input: plan.request.inputDisplay,
                             delimiter: p.delimiter, encodingNote: p.encodingNote)]
        lines.append("  \(s.programs) program, \(s.kegiatan) kegiatan, \(s.subKegiatan) sub kegiatan, \(s.indicatorRows) baris indikator")
        lines.append("  jumlah pagu program: \(s.paguTotal.formatted)")
        if let r = s.realisasiTotal { lines.append("  jumlah realisasi program: \(r.formatted)") }
        if s.unparsedAmounts > 0 {
            lines.append("  (\(s.unparsedAmounts) angka program tidak terbaca dan tidak ikut dijumlah)")
        }
        var dropped: [String] = []
        if p.headerRows > 0 { dropped.append("\(p.headerRows) baris kepala/judul berulang dibuang") }
        if p.continuationRows > 0 { dropped.append("\(p.continuationRows) baris sambungan (terpotong pergantian halaman) digabung") }
        if !dropped.isEmpty { lines.append("  " + dropped.joined(separator: ", ")) }
        if p.normalizedAmounts > 0, let (from, to) = p.normalizedExample {
            lines.append("  \(p.normalizedAmounts) jumlah rupiah ditulis dengan titik pemisah ribuan seperti di dokumen (mis. \(from) → \(to))")
        }
        if p.normalizedFigures > 0, let (from, to) = p.normalizedFigureExample {
            lines.append("  \(p.normalizedFigures) angka target/capaian/persentase ditulis ulang agar terbaca sama oleh `renja build` (mis. \(from) → \(to))")
        }
        switch plan.titleSource {
        case .caption: lines.append("Judul tabel (dari baris \"Tabel \(plan.request.kind.number).\" di teks): \(plan.table.title)")
        case .existingFile: lines.append("Judul tabel (dipertahankan dari berkas lama; teks tidak memuat baris \"Tabel \(plan.request.kind.number). …\"): \(plan.table.title)")
        case .standard: lines.append("Judul tabel (bawaan, karena teks tidak memuat baris \"Tabel \(plan.request.kind.number). …\"; ubah kunci `judul` bila perlu): \(plan.table.title)")
        }
        lines += keptDirectionsLine(plan.keptDirections)
        if plan.droppedComments > 0 {
            lines.append("Perhatian: \(plan.droppedComments) komentar di dalam berkas lama (di bawah komentar pembuka) tidak ikut ditulis ulang.")
        }
        return lines
    }

    /// "Impor <table> dari <input> (<how it was split>[, pengodean <encoding>]):"
    static func opening(_ table: String, input: String, delimiter: Character, encodingNote: String?) -> String {
        let split: String
        switch delimiter {
        case "\t": split = "dipisah tab"
        case ";": split = "CSV dipisah titik koma"
        default: split = "CSV dipisah koma"
        }
        return "Impor \(table) dari \(input) (\(split)" + (encodingNote.map { ", pengodean \($0)" } ?? "") + "):"
    }

    /// The line saying how many indicators kept the `arah` of the replaced file, if any did.
    static func keptDirectionsLine(_ kept: Int) -> [String] {
        kept > 0 ? ["`arah` dipertahankan dari berkas lama untuk \(kept) indikator."] : []
    }

    /// What changes against the target. `detailed` lists every row with its changed fields.
    public static func changes(_ plan: ImportPlan, detailed: Bool) -> [String] {
        guard plan.targetExists else { return ["Berkas \(plan.targetDisplay) belum ada dan akan dibuat."] }
        guard let diff = plan.diff else {
            var lines = ["Berkas lama \(plan.targetDisplay) tidak dapat dibaca (\(plan.existingProblems.count) galat); perbandingan baris dilewati."]
            if detailed { lines += plan.existingProblems.prefix(5).map { "  " + DiagnosticPrinter.short($0) } }
            return lines
        }
        if diff.isEmpty {
            return [plan.isUnchanged ? "Tidak ada perubahan: \(plan.targetDisplay) sudah sama persis dengan hasil impor."
                                     : "Isi tabel sama dengan \(plan.targetDisplay); hanya penulisan berkasnya yang berbeda."]
        }
        var lines = ["Perubahan terhadap \(plan.targetDisplay):"]
        if detailed {
            if let t = diff.titleChange { lines.append("  ~ judul: \(t.before) → \(t.after)") }
            for change in diff.changes {
                switch change {
                case .added(let r):
                    lines.append("  + \(r.label)")
                case .removed(let r):
                    lines.append("  - \(r.label)")
                case .changed(let before, let after, let fields):
                    lines.append("  ~ \(before.key == after.key ? after.label : "\(before.level.word) \(before.key) → \(after.key) \(after.name)")")
                    for f in fields {
                        lines.append("      \(f.field): \(f.before) → \(f.after)" + (f.sameValue ? " (nilai sama, penulisan berbeda)" : ""))
                    }
                }
            }
        }
        lines.append("  \(diff.changed) baris diubah, \(diff.added) ditambah, \(diff.removed) dihapus, \(diff.unchangedRows) tetap"
                     + (diff.titleChange != nil ? "; judul diubah" : "") + ".")
        return lines
    }
}
