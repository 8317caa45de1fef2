import RenjaModel

/// Words a reader could search for, taken from the site's own rows: the most frequent words of its
/// program, kegiatan and sub kegiatan names, without the words every plan shares ("program",
/// "daerah", "penyelenggaraan") — so a planning agency's site suggests planning words.
package enum SearchExamples {
    static let common: Set<String> = [
        "program", "kegiatan", "sub", "urusan", "pemerintahan", "pemerintah", "daerah", "kabupaten", "kota", "provinsi",
        "penunjang", "perangkat", "penyelenggaraan", "pelaksanaan", "pengelolaan", "penyediaan", "penyusunan", "peningkatan",
        "pengembangan", "koordinasi", "fasilitasi", "dan", "atau", "yang", "dengan", "untuk", "dalam", "bagi", "pada", "serta",
        "dari", "oleh", "kepada", "terhadap", "tingkat", "bidang", "lainnya", "umum", "dokumen", "laporan", "jasa", "barang",
        "milik", "administrasi", "kinerja", "evaluasi", "perencanaan", "pelayanan", "pembinaan", "penguatan", "pemberdayaan",
        "sistem", "sarana", "prasarana", "kebutuhan", "lingkup", "skpd", "serta", "teknis", "operasional", "rutin",
    ]

    /// Up to `count` words, most frequent first (ties in alphabetical order, so builds agree).
    static func words(_ site: Site, count: Int = 3) -> [String] {
        words(site.documents.map(counts), count: count)
    }

    /// The words of several documents' counts together.
    package static func words(_ perDocument: [[String: Int]], count: Int = 3) -> [String] {
        var frequency: [String: Int] = [:]
        for c in perDocument { for (w, n) in c { frequency[w, default: 0] += n } }
        return frequency.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(count).map(\.key)
    }

    /// How many rows of one document use each word (kept in the build cache for documents an
    /// incremental build does not load again).
    package static func counts(_ d: Document) -> [String: Int] {
        var frequency: [String: Int] = [:]
        for t in [d.evaluation, d.plan].compactMap({ $0 }) {
            for item in t.allItems {
                for w in Set(Text.normalizedName(item.name.value).split(separator: " ").map(String.init))
                where w.count >= 4 && !common.contains(w) && !w.allSatisfy(\.isNumber) {
                    frequency[w, default: 0] += 1
                }
            }
        }
        return frequency
    }
}
