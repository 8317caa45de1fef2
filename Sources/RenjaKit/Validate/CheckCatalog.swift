/// Every check id the validator can report, with the severity it usually carries and what it means
/// in the words staff read (for the site's Validasi page, `renja check` documentation and tests).
public struct CheckDescription: Sendable, Hashable {
    public var code: String
    /// The usual severity; a few checks use a milder one for borderline cases (said in `summary`).
    public var severity: Severity
    public var summary: String
    /// The check reports a row's change, and a parent that changed by the same amount gets the same
    /// finding (the site shows such a chain as one entry; see `FindingIndex`).
    public var repeatsDownHierarchy: Bool = false
}

extension Validator {
    public static let checks: [CheckDescription] = [
        // Sums and number formats
        .init(code: "jumlah-pagu", severity: .galat,
              summary: "pagu induk (kegiatan, program) tidak sama dengan jumlah pagu anak-anaknya; program juga dibandingkan dengan jumlah seluruh sub kegiatannya"),
        .init(code: "jumlah-realisasi", severity: .galat, summary: "sama dengan jumlah-pagu, untuk realisasi (Tabel 1)"),
        .init(code: "jumlah-tak-terperiksa", severity: .peringatan,
              summary: "jumlah induk tidak dapat diperiksa karena angka salah satu anaknya tidak sah; disebutkan bacaan yang paling mungkin"),
        .init(code: "angka-format", severity: .galat,
              summary: "jumlah rupiah yang penulisannya tidak sah (mis. 1.250.0000), dengan bacaan digitnya, penulisan yang sah dan kemungkinan maksudnya"),
        // Percentages
        .init(code: "persen-realisasi", severity: .galat,
              summary: "persen realisasi tertulis tidak sama dengan realisasi ÷ pagu (peringatan bila hanya cocok dengan pembulatan satu desimal)"),
        .init(code: "persen-capaian", severity: .galat,
              summary: "persen capaian tertulis tidak sama dengan capaian ÷ target, atau rumus indikator makin rendah makin baik (peringatan bila hanya cocok dengan pembulatan satu desimal)"),
        .init(code: "persen-tidak-wajar", severity: .peringatan,
              summary: "persen yang tidak dapat dihitung (pembagian dengan nol) atau negatif (galat)"),
        .init(code: "arah-tidak-diketahui", severity: .info,
              summary: "arah indikator (naik/turun) tidak dapat ditebak dari namanya; dianggap naik"),
        // Plausibility
        .init(code: "realisasi-melebihi-pagu", severity: .galat,
              summary: "realisasi melebihi pagu, atau pagu perubahan (Tabel 2) lebih kecil dari realisasi yang sudah tercatat"),
        .init(code: "capaian-melebihi-target", severity: .info,
              summary: "capaian melampaui target (untuk indikator makin rendah makin baik: di bawah target)"),
        .init(code: "capaian-tanpa-realisasi", severity: .info, summary: "sub kegiatan mencatat capaian tanpa realisasi anggaran"),
        .init(code: "satuan-berbeda", severity: .peringatan,
              summary: "target dan capaian, atau target Tabel 1 dan Tabel 2, memakai satuan berbeda (huruf besar-kecil tidak dihitung)"),
        // Structure
        .init(code: "nomor-urut", severity: .peringatan, summary: "nomor baris Tabel 1 melompat, tidak berurutan, atau tidak diawali nomor induknya"),
        .init(code: "nomor-ganda", severity: .galat, summary: "nomor baris Tabel 1 dipakai dua kali"),
        .init(code: "nomor-format", severity: .peringatan,
              summary: "nomor baris ditulis berbeda dari nomor lain setingkatnya (mis. tanpa titik), atau tidak dapat dibaca"),
        .init(code: "kode-format", severity: .galat, summary: "kode nomenklatur Tabel 2 tidak berbentuk 1.06.01 / 1.06.01.2.01 / 1.06.01.2.01.0001"),
        .init(code: "kode-tidak-bersarang", severity: .galat, summary: "kode anak tidak diawali kode induknya"),
        .init(code: "kode-ganda", severity: .galat, summary: "kode nomenklatur dipakai dua kali"),
        // Across the tables
        .init(code: "hanya-di-tabel", severity: .info,
              summary: "baris hanya ada di salah satu tabel (peringatan bila namanya mirip baris yang tidak berpasangan di tabel lain)"),
        .init(code: "nama-berbeda", severity: .peringatan, summary: "nama baris atau indikator yang sama ditulis sedikit berbeda di Tabel 1 dan Tabel 2"),
        .init(code: "perubahan-pagu", severity: .info, summary: "pagu yang diubah dalam perubahan", repeatsDownHierarchy: true),
        .init(code: "perubahan-target", severity: .info, summary: "target indikator yang diubah dalam perubahan"),
        .init(code: "perubahan-indikator", severity: .info, summary: "indikator yang dihapus atau ditambahkan dalam perubahan"),
        // An auditor's eye
        .init(code: "satuan-indikator", severity: .peringatan,
              summary: "indikator menghitung satu hal (“Jumlah Dokumen …”) sedangkan targetnya dalam satuan lain"),
        .init(code: "baris-salinan", severity: .peringatan,
              summary: "nama indikator, atau target dan capaian, sama persis dengan baris lain: kemungkinan tersalin"),
        .init(code: "persen-induk", severity: .peringatan,
              summary: "persen capaian induk tidak mengikuti hubungan yang diikuti induk sejenis di dokumen yang sama, atau jelas bertentangan dengan anak-anaknya"),
        // Money against targets, levels left behind
        .init(code: "pagu-nol-bertarget", severity: .peringatan, summary: "baris dengan pagu Rp 0 yang tetap menargetkan keluaran"),
        .init(code: "target-nol-berpagu", severity: .peringatan, summary: "baris yang mendapat pagu tetapi semua targetnya 0"),
        .init(code: "realisasi-tanpa-pagu", severity: .galat, summary: "realisasi tercatat pada baris yang pagunya Rp 0"),
        .init(code: "target-tanpa-satuan", severity: .peringatan, summary: "target berupa angka tanpa satuan"),
        .init(code: "target-majemuk", severity: .peringatan, summary: "target yang berisi lebih dari satu angka (mis. 11 Kab/1 Kota); ditampilkan utuh, tidak dihitung"),
        .init(code: "tingkat-tidak-diperbarui", severity: .peringatan,
              summary: "satu tingkat (kegiatan) tidak cocok dengan jumlah anak-anaknya di beberapa program, sementara program dan sub kegiatannya cocok: angka tingkat itu kemungkinan belum diperbarui"),
        .init(code: "kode-urut", severity: .peringatan, summary: "baris tidak berurutan menurut kode nomenklaturnya"),
        // The standard evaluation table (Permendagri 86/2017, tabel/evaluasi-standar.yaml)
        .init(code: "evaluasi-triwulan", severity: .galat,
              summary: "realisasi capaian Renja tahun berjalan (kolom 13; 12 tanpa kolom Kode) tidak sama dengan jumlah realisasi triwulan I–IV, untuk kinerja (K) atau anggaran (Rp)"),
        .init(code: "evaluasi-kumulatif", severity: .galat,
              summary: "realisasi Renstra s/d tahun berjalan (kolom 14; 13) tidak sama dengan realisasi s/d tahun lalu + realisasi tahun berjalan (7 + 13; 6 + 12)"),
        .init(code: "evaluasi-tingkat-capaian", severity: .galat,
              summary: "tingkat capaian Renstra (kolom 15; 14) tidak sama dengan realisasi Renstra ÷ target Renstra × 100 (kinerja menurut arah indikator)"),
        .init(code: "evaluasi-jumlah", severity: .galat,
              summary: "kolom Rp induk (program, kegiatan) pada tabel evaluasi standar tidak sama dengan jumlah anak-anaknya"),
        .init(code: "evaluasi-melebihi-target", severity: .peringatan,
              summary: "realisasi kumulatif sampai suatu triwulan sudah melebihi target Renja tahun berjalan"),
        .init(code: "evaluasi-rata-rata", severity: .galat,
              summary: "rata-rata capaian tertulis tidak sama dengan aturan e-Monev: rata-rata persentase untuk kinerja, rasio jumlah untuk anggaran (peringatan bila cocok dengan aturan yang lain)"),
        .init(code: "evaluasi-predikat", severity: .galat,
              summary: "predikat tidak sesuai dengan rentang predikat yang dinyatakan dokumen sendiri (peringatan bila rata-ratanya tidak masuk rentang mana pun)"),
        // The standard rencana table with prakiraan maju (Permendagri 86/2017, tabel/rencana-standar.yaml)
        .init(code: "rencana-jumlah", severity: .galat,
              summary: "pagu indikatif (kolom 6) atau pagu prakiraan maju (kolom 10) induk pada tabel rencana standar tidak sama dengan jumlah anak-anaknya"),
        .init(code: "prakiraan-tanpa-target", severity: .peringatan,
              summary: "baris yang mencantumkan pagu prakiraan maju tanpa target prakiraan maju di atas 0 (satu temuan bila kolom 9 kosong di seluruh tabel)"),
        .init(code: "prakiraan-tanpa-pagu", severity: .peringatan, summary: "target prakiraan maju di atas 0 pada baris yang pagu prakiraan majunya Rp 0 atau tidak ditulis"),
        .init(code: "prakiraan-tanpa-satuan", severity: .peringatan, summary: "target prakiraan maju berupa angka tanpa satuan"),
        // Narrative
        .init(code: "narasi-angka", severity: .info,
              summary: "angka di narasi (banyaknya program/kegiatan/sub kegiatan, jumlah rupiah) dan tabel yang cocok dengannya; galat bila tidak cocok dengan tabel mana pun"),
        .init(code: "narasi-terbilang", severity: .galat, summary: "angka yang ditulis dengan huruf dalam kurung tidak sama dengan digitnya"),
        .init(code: "narasi-tahun", severity: .galat,
              summary: "periode rencana atau tahun di narasi bertentangan dengan tahun dokumen (peringatan bila tidak ada pembanding di dokumen)"),
        // Placeholders
        .init(code: "penanda-tak-dikenal", severity: .galat, summary: "penanda {{…}} atau nama angka yang tidak dikenal"),
        .init(code: "penanda-tak-terhitung", severity: .galat, summary: "penanda angka atau tabel yang tidak dapat diisi karena tabelnya tidak ada atau angkanya tidak sah"),
        .init(code: "penanda-tabel", severity: .peringatan, summary: "penanda tabel yang tidak berdiri sendiri sebagai paragraf, sehingga tabel tidak ditampilkan"),
    ]
}
