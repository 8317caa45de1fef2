import Foundation
import Mustache
import RenjaModel
import RenjaLoad

/// A field a phrase of `kata.yaml` may use: its Indonesian name, what Swift puts in it (already
/// formatted) and whether it may be absent (then `{{#nama}}…{{/nama}}` shows nothing).
struct PhraseField: Sendable {
    var name: String
    var meaning: String
    var optional = false
}

/// The wording of the pages that Swift composes (titles, descriptions, link labels, chart texts,
/// downloads, column and footer labels), each phrase an entry of `Templates/kata.yaml` that staff
/// may edit. This enum is the one place a phrase is declared: its id, what it is and the fields
/// Swift gives it. `kata.yaml` is checked against it at load (`Wording.load`) and
/// `Templates/README.md` lists it (`Wording.reference`).
enum Phrase: String, CaseIterable, Sendable {
    // Navigation
    case navigasiBeranda = "navigasi-beranda"
    case jejakBeranda = "jejak-beranda"
    case tautanPerubahan = "tautan-perubahan"
    case tautanDataTerbuka = "tautan-data-terbuka"
    case tautanVersiCetak = "tautan-versi-cetak"
    case tautanValidasi = "tautan-validasi"
    case tautanBandingkan = "tautan-bandingkan"
    case tautanTabel = "tautan-tabel"
    case tautanTabelEvaluasiStandar = "tautan-tabel-evaluasi-standar"
    case tautanTabelRencanaStandar = "tautan-tabel-rencana-standar"
    case tautanTriwulan = "tautan-triwulan"
    // Findings
    case temuanLihatPerubahan = "temuan-lihat-perubahan"
    case temuanLihatParagraf = "temuan-lihat-paragraf"
    // Home page
    case berandaDeskripsi = "beranda-deskripsi"
    case grafikSerapanJudul = "grafik-serapan-judul"
    case grafikSerapanUraian = "grafik-serapan-uraian"
    case grafikSerapanUraianProgram = "grafik-serapan-uraian-program"
    case grafikSerapanJudulBagian = "grafik-serapan-judul-bagian"
    case grafikSerapanKeteranganTabel = "grafik-serapan-keterangan-tabel"
    case grafikSerapanCatatan = "grafik-serapan-catatan"
    // Chapter page
    case babJudul = "bab-judul"
    case babDeskripsi = "bab-deskripsi"
    case ringkasanTabelJudul = "ringkasan-tabel-judul"
    // Program page
    case programJudul = "program-judul"
    case programDeskripsi = "program-deskripsi"
    case grafikKegiatanJudul = "grafik-kegiatan-judul"
    case grafikKegiatanJudulBagian = "grafik-kegiatan-judul-bagian"
    case grafikKegiatanUraian = "grafik-kegiatan-uraian"
    case grafikKegiatanUraianKegiatan = "grafik-kegiatan-uraian-kegiatan"
    case grafikKegiatanKeteranganTabel = "grafik-kegiatan-keterangan-tabel"
    case grafikKegiatanCatatan = "grafik-kegiatan-catatan"
    case grafikCapaianJudul = "grafik-capaian-judul"
    case grafikCapaianJudulBagian = "grafik-capaian-judul-bagian"
    case grafikCapaianUraian = "grafik-capaian-uraian"
    case grafikCapaianRingkasan = "grafik-capaian-ringkasan"
    case grafikCapaianCatatan = "grafik-capaian-catatan"
    case grafikCapaianSumberTertulis = "grafik-capaian-sumber-tertulis"
    case grafikCapaianSumberDihitung = "grafik-capaian-sumber-dihitung"
    case grafikCapaianGarisLaju = "grafik-capaian-garis-laju"
    case grafikCapaianGarisTarget = "grafik-capaian-garis-target"
    case grafikCapaianLegendaSesuai = "grafik-capaian-legenda-sesuai"
    case grafikCapaianLegendaDiBawah = "grafik-capaian-legenda-di-bawah"
    case grafikCapaianKeteranganTabel = "grafik-capaian-keterangan-tabel"
    // Realisasi per triwulan
    case triwulanJudul = "triwulan-judul"
    case triwulanDeskripsi = "triwulan-deskripsi"
    case triwulanNama = "triwulan-nama"
    case triwulanCatatanKolom = "triwulan-catatan-kolom"
    case triwulanCatatanJumlah = "triwulan-catatan-jumlah"
    case triwulanCatatanPaguTertulis = "triwulan-catatan-pagu-tertulis"
    case triwulanTabelAnggaran = "triwulan-tabel-anggaran"
    case triwulanTabelKinerja = "triwulan-tabel-kinerja"
    case grafikTriwulanJudul = "grafik-triwulan-judul"
    case grafikTriwulanJudulBagian = "grafik-triwulan-judul-bagian"
    case grafikTriwulanUraian = "grafik-triwulan-uraian"
    case grafikTriwulanSeriTriwulan = "grafik-triwulan-seri-triwulan"
    case grafikTriwulanSeriKumulatif = "grafik-triwulan-seri-kumulatif"
    case grafikTriwulanLegendaPagu = "grafik-triwulan-legenda-pagu"
    case grafikTriwulanKeteranganTabel = "grafik-triwulan-keterangan-tabel"
    case grafikTriwulanCatatan = "grafik-triwulan-catatan"
    case grafikKinerjaJudul = "grafik-kinerja-judul"
    case grafikKinerjaJudulBagian = "grafik-kinerja-judul-bagian"
    case grafikKinerjaUraian = "grafik-kinerja-uraian"
    case grafikKinerjaSeri = "grafik-kinerja-seri"
    case grafikKinerjaLegendaTarget = "grafik-kinerja-legenda-target"
    case grafikKinerjaKeteranganTabel = "grafik-kinerja-keterangan-tabel"
    case grafikKinerjaCatatan = "grafik-kinerja-catatan"
    // Perubahan page
    case perubahanJudul = "perubahan-judul"
    case perubahanDeskripsi = "perubahan-deskripsi"
    case perubahanJejak = "perubahan-jejak"
    case perubahanJumlahSebelum = "perubahan-jumlah-sebelum"
    case perubahanJumlahSesudah = "perubahan-jumlah-sesudah"
    case perubahanSelisihJumlah = "perubahan-selisih-jumlah"
    case perubahanSelisihJumlahTertulis = "perubahan-selisih-jumlah-tertulis"
    case perubahanSelisihRincian = "perubahan-selisih-rincian"
    case perubahanSelisihRincianTertulis = "perubahan-selisih-rincian-tertulis"
    case perubahanTidakDisebut = "perubahan-tidak-disebut"
    case perubahanAngkaPaguSebelum = "perubahan-angka-pagu-sebelum"
    case perubahanAngkaPaguSesudah = "perubahan-angka-pagu-sesudah"
    case perubahanAngkaSelisih = "perubahan-angka-selisih"
    case perubahanAngkaBerubah = "perubahan-angka-berubah"
    case perubahanAngkaBerubahCatatan = "perubahan-angka-berubah-catatan"
    // Other pages of a document
    case bandingkanJudul = "bandingkan-judul"
    case bandingkanDeskripsi = "bandingkan-deskripsi"
    case bandingkanJejak = "bandingkan-jejak"
    case cetakJudul = "cetak-judul"
    case cetakDeskripsi = "cetak-deskripsi"
    case cetakJejak = "cetak-jejak"
    case validasiJudul = "validasi-judul"
    case validasiDeskripsi = "validasi-deskripsi"
    case validasiJejak = "validasi-jejak"
    case validasiKelompokDokumen = "validasi-kelompok-dokumen"
    case dataJudul = "data-judul"
    case dataDeskripsi = "data-deskripsi"
    case dataJejak = "data-jejak"
    // Site pages
    case cariJudul = "cari-judul"
    case cariDeskripsi = "cari-deskripsi"
    case cariJejak = "cari-jejak"
    case tidakDitemukanJudul = "tidak-ditemukan-judul"
    // Downloads
    case unduhTabelCSV = "unduh-tabel-csv"
    case unduhTabelCSVUraian = "unduh-tabel-csv-uraian"
    case unduhTabelJSON = "unduh-tabel-json"
    case unduhTabelJSONUraian = "unduh-tabel-json-uraian"
    case unduhTabelMetadata = "unduh-tabel-metadata"
    case unduhTabelMetadataUraian = "unduh-tabel-metadata-uraian"
    case unduhDokumenJSON = "unduh-dokumen-json"
    case unduhDokumenJSONUraian = "unduh-dokumen-json-uraian"
    case unduhDokumenJSONUraianPerubahan = "unduh-dokumen-json-uraian-perubahan"
    case unduhDokumenPerubahanJSON = "unduh-dokumen-perubahan-json"
    case unduhEvaluasiStandarCSV = "unduh-evaluasi-standar-csv"
    case unduhEvaluasiStandarCSVUraian = "unduh-evaluasi-standar-csv-uraian"
    case unduhEvaluasiStandarJSON = "unduh-evaluasi-standar-json"
    case unduhEvaluasiStandarJSONUraian = "unduh-evaluasi-standar-json-uraian"
    case unduhEvaluasiStandarMetadata = "unduh-evaluasi-standar-metadata"
    case unduhEvaluasiStandarMetadataUraian = "unduh-evaluasi-standar-metadata-uraian"
    case unduhRencanaStandarCSV = "unduh-rencana-standar-csv"
    case unduhRencanaStandarCSVUraian = "unduh-rencana-standar-csv-uraian"
    case unduhRencanaStandarJSON = "unduh-rencana-standar-json"
    case unduhRencanaStandarJSONUraian = "unduh-rencana-standar-json-uraian"
    case unduhRencanaStandarMetadata = "unduh-rencana-standar-metadata"
    case unduhRencanaStandarMetadataUraian = "unduh-rencana-standar-metadata-uraian"
    // Standard tables
    case evaluasiStandarJudul = "evaluasi-standar-judul"
    case evaluasiStandarDeskripsi = "evaluasi-standar-deskripsi"
    case evaluasiStandarJejak = "evaluasi-standar-jejak"
    case evaluasiStandarKolomTargetRenstra = "evaluasi-standar-kolom-target-renstra"
    case evaluasiStandarKolomRealisasiRenstraLalu = "evaluasi-standar-kolom-realisasi-renstra-lalu"
    case evaluasiStandarKolomTargetRenja = "evaluasi-standar-kolom-target-renja"
    case evaluasiStandarKolomTriwulan = "evaluasi-standar-kolom-triwulan"
    case evaluasiStandarKolomRealisasiRenja = "evaluasi-standar-kolom-realisasi-renja"
    case evaluasiStandarKolomRealisasiRenstra = "evaluasi-standar-kolom-realisasi-renstra"
    case evaluasiStandarKolomTingkatCapaian = "evaluasi-standar-kolom-tingkat-capaian"
    case evaluasiStandarKolomSatuTriwulan = "evaluasi-standar-kolom-satu-triwulan"
    case evaluasiStandarRataKinerja = "evaluasi-standar-rata-kinerja"
    case evaluasiStandarRataAnggaran = "evaluasi-standar-rata-anggaran"
    case evaluasiStandarPredikatKinerja = "evaluasi-standar-predikat-kinerja"
    case evaluasiStandarPredikatAnggaran = "evaluasi-standar-predikat-anggaran"
    case evaluasiStandarFaktorPendorong = "evaluasi-standar-faktor-pendorong"
    case evaluasiStandarFaktorPenghambat = "evaluasi-standar-faktor-penghambat"
    case evaluasiStandarTindakLanjutTriwulan = "evaluasi-standar-tindak-lanjut-triwulan"
    case evaluasiStandarTindakLanjutRenja = "evaluasi-standar-tindak-lanjut-renja"
    case evaluasiStandarRentangPredikat = "evaluasi-standar-rentang-predikat"
    case evaluasiStandarCatatanDihitung = "evaluasi-standar-catatan-dihitung"
    case evaluasiStandarSelDihitung = "evaluasi-standar-sel-dihitung"
    case rencanaStandarJudul = "rencana-standar-judul"
    case rencanaStandarDeskripsi = "rencana-standar-deskripsi"
    case rencanaStandarJejak = "rencana-standar-jejak"

    // Phrases added in the second pass, by page
    case tidakDapatDihitung = "tidak-dapat-dihitung"
    case temuanLihatBarisTingkat = "temuan-lihat-baris-tingkat"
    case temuanLihatBaris = "temuan-lihat-baris"
    case tabelJudul = "tabel-judul"
    case tabelJudulHalaman = "tabel-judul-halaman"
    case tabelJejak = "tabel-jejak"
    case tabelDeskripsi = "tabel-deskripsi"
    case grafikSerapanKolomProgram = "grafik-serapan-kolom-program"
    case grafikSerapanKolomPagu = "grafik-serapan-kolom-pagu"
    case grafikSerapanKolomRealisasi = "grafik-serapan-kolom-realisasi"
    case grafikSerapanKolomSerapan = "grafik-serapan-kolom-serapan"
    case programAngkaSelisih = "program-angka-selisih"
    case programAngkaSerapan = "program-angka-serapan"
    case programTidakAdaDiTabel = "program-tidak-ada-di-tabel"
    case grafikKegiatanKolomKegiatan = "grafik-kegiatan-kolom-kegiatan"
    case grafikKegiatanKolomPagu = "grafik-kegiatan-kolom-pagu"
    case grafikKegiatanKolomRealisasi = "grafik-kegiatan-kolom-realisasi"
    case grafikKegiatanKolomSerapan = "grafik-kegiatan-kolom-serapan"
    case grafikCapaianKolomIndikator = "grafik-capaian-kolom-indikator"
    case grafikCapaianKolomTarget = "grafik-capaian-kolom-target"
    case grafikCapaianKolomCapaian = "grafik-capaian-kolom-capaian"
    case grafikCapaianKolomPersentase = "grafik-capaian-kolom-persentase"
    case grafikCapaianKolomLaju = "grafik-capaian-kolom-laju"
    case grafikCapaianDiBawahLaju = "grafik-capaian-di-bawah-laju"
    case grafikCapaianSesuaiLaju = "grafik-capaian-sesuai-laju"
    case triwulanSingkat = "triwulan-singkat"
    case triwulanSelKumulatif = "triwulan-sel-kumulatif"
    case triwulanBarisJumlah = "triwulan-baris-jumlah"
    case triwulanIndikatorKeadaan = "triwulan-indikator-keadaan"
    case triwulanVarianDenganKode = "triwulan-varian-dengan-kode"
    case triwulanVarianTanpaKode = "triwulan-varian-tanpa-kode"
    case grafikTriwulanKolomTriwulan = "grafik-triwulan-kolom-triwulan"
    case grafikTriwulanKolomRealisasi = "grafik-triwulan-kolom-realisasi"
    case grafikTriwulanKolomKumulatif = "grafik-triwulan-kolom-kumulatif"
    case grafikTriwulanKolomPersen = "grafik-triwulan-kolom-persen"
    case grafikKinerjaKolomIndikator = "grafik-kinerja-kolom-indikator"
    case grafikKinerjaKolomTarget = "grafik-kinerja-kolom-target"
    case grafikKinerjaKolomRealisasi = "grafik-kinerja-kolom-realisasi"
    case grafikKinerjaKolomPersen = "grafik-kinerja-kolom-persen"
    case perubahanStatusCocok = "perubahan-status-cocok"
    case perubahanStatusTidakCocok = "perubahan-status-tidak-cocok"
    case perubahanStatusTidakDisebut = "perubahan-status-tidak-disebut"
    case bandingkanAngkaPagu = "bandingkan-angka-pagu"
    case bandingkanAngkaSelisih = "bandingkan-angka-selisih"
    case bandingkanAngkaBerubah = "bandingkan-angka-berubah"
    case bandingkanAngkaBerubahCatatan = "bandingkan-angka-berubah-catatan"
    case evaluasiStandarVarianDenganKode = "evaluasi-standar-varian-dengan-kode"
    case evaluasiStandarVarianTanpaKode = "evaluasi-standar-varian-tanpa-kode"
    case tautanPerbandingan = "tautan-perbandingan"
    case angkaJumlahSubKegiatan = "angka-jumlah-sub-kegiatan"
    case tidakDapatDijumlah = "tidak-dapat-dijumlah"
    case grafikCapaianSatuanBerbeda = "grafik-capaian-satuan-berbeda"
    case grafikCapaianTanpaAngka = "grafik-capaian-tanpa-angka"
    case grafikCapaianTidakDibandingkan = "grafik-capaian-tidak-dibandingkan"

    /// What the phrase is, and the fields Swift gives it.
    var declaration: (meaning: String, fields: [PhraseField]) {
        let dokumen = f("dokumen", "judul pendek dokumen, mis. Renja 2025")
        let judulDokumen = f("dokumen", "judul lengkap dokumen")
        let periode = f("periode", "periode realisasi, mis. s.d. Triwulan II 2024; tidak ada bila dokumen tidak menyebutnya", optional: true)
        let nama = f("nama", "tingkat, kode dan nama baris, mis. Kegiatan 1.01 Penyusunan Dokumen")
        let triwulan = f("triwulan", "triwulan terakhir yang dilaporkan, mis. TW II")
        switch self {
        case .navigasiBeranda: return ("navigasi situs di kepala setiap halaman: tautan ke beranda situs", [])
        case .jejakBeranda: return ("jejak halaman: tautan ke beranda situs", [])
        case .tautanPerubahan: return ("navigasi dokumen: tautan ke halaman perubahan anggaran", [])
        case .tautanDataTerbuka: return ("navigasi dokumen: tautan ke halaman data terbuka", [])
        case .tautanVersiCetak: return ("navigasi dokumen: tautan ke versi cetak", [])
        case .tautanValidasi: return ("navigasi dokumen: tautan ke halaman validasi angka", [])
        case .tautanBandingkan: return ("navigasi dokumen: tautan ke perbandingan dengan dokumen lain", [f("judul", "kedua dokumen yang dibandingkan, mis. Renja 2024 dan Renja 2025")])
        case .tautanTabel: return ("navigasi dokumen: tautan ke halaman Tabel 1 atau Tabel 2", [f("nomor", "nomor tabel, 1 atau 2"), f("judul", "judul tabel")])
        case .tautanTabelEvaluasiStandar: return ("navigasi dokumen: tautan ke tabel evaluasi standar", [f("judul", "judul tabel")])
        case .tautanTabelRencanaStandar: return ("navigasi dokumen: tautan ke tabel rencana standar", [f("judul", "judul tabel")])
        case .tautanTriwulan: return ("navigasi dokumen: tautan ke halaman realisasi per triwulan", [])
        case .temuanLihatPerubahan: return ("tautan di bawah temuan perubahan anggaran ke halaman perubahan", [])
        case .temuanLihatParagraf: return ("tautan di bawah temuan ke paragraf yang dimaksud", [f("bab", "judul bab, mis. Bab II Evaluasi")])
        case .berandaDeskripsi: return ("deskripsi (meta) beranda dokumen", [judulDokumen, f("instansi", "nama perangkat daerah")])
        case .grafikSerapanJudul: return ("judul grafik serapan di beranda dokumen (untuk pembaca layar)", [periode])
        case .grafikSerapanUraian:
            return ("uraian grafik serapan (untuk pembaca layar)", [f("labelPagu", "sebutan pagu Tabel 1, mis. Pagu"), f("serapan", "serapan seluruh program, mis. 87,50%"),
                                                               f("rincian", "rincian setiap program (`grafik-serapan-uraian-program`), dipisah titik koma")])
        case .grafikSerapanUraianProgram:
            return ("satu program dalam uraian grafik serapan", [f("program", "nama program"), f("pagu", "pagu tanpa Rp"), f("realisasi", "realisasi tanpa Rp"), f("serapan", "serapan, mis. 87,50%")])
        case .grafikSerapanJudulBagian: return ("judul bagian grafik serapan di beranda dokumen", [])
        case .grafikSerapanKeteranganTabel:
            return ("keterangan tabel angka grafik serapan", [f("labelPagu", "sebutan pagu Tabel 1, huruf kecil"), f("realisasi", "realisasi beserta periodenya, mis. realisasi s.d. Triwulan II 2024")])
        case .grafikSerapanCatatan: return ("catatan di bawah grafik serapan", [f("labelPagu", "sebutan pagu Tabel 1, huruf kecil"), f("serapan", "serapan seluruh program")])
        case .babJudul: return ("judul halaman sebuah bab", [f("bab", "judul bab"), dokumen])
        case .babDeskripsi: return ("deskripsi (meta) bab bila paragraf pertamanya kosong", [f("bab", "judul bab"), judulDokumen])
        case .ringkasanTabelJudul: return ("judul ringkasan Tabel 1 atau 2 di dalam bab", [f("nomor", "nomor tabel, 1 atau 2"), f("judul", "judul tabel")])
        case .programJudul: return ("judul halaman sebuah program", [f("program", "nama program"), dokumen])
        case .programDeskripsi:
            return ("deskripsi (meta) halaman program", [f("program", "nama program"), dokumen,
                                                         f("angka", "pagu dan realisasi program, dipisah koma; tidak ada bila tidak ada angka", optional: true),
                                                         f("kegiatan", "jumlah kegiatan"), f("subKegiatan", "jumlah sub kegiatan")])
        case .grafikKegiatanJudul: return ("judul grafik pagu dan realisasi per kegiatan (untuk pembaca layar)", [])
        case .grafikKegiatanJudulBagian: return ("judul bagian grafik pagu dan realisasi per kegiatan", [])
        case .grafikKegiatanUraian:
            return ("uraian grafik pagu dan realisasi per kegiatan", [f("labelPagu", "sebutan pagu Tabel 1"), f("realisasi", "realisasi beserta periodenya"),
                                                                      f("rincian", "rincian setiap kegiatan (`grafik-kegiatan-uraian-kegiatan`), dipisah titik koma")])
        case .grafikKegiatanUraianKegiatan: return ("satu kegiatan dalam uraian grafik per kegiatan", [f("kegiatan", "nomor dan nama kegiatan"), f("pagu", "pagu tanpa Rp"), f("realisasi", "realisasi tanpa Rp")])
        case .grafikKegiatanKeteranganTabel: return ("keterangan tabel angka grafik per kegiatan", [f("labelPagu", "sebutan pagu Tabel 1, huruf kecil")])
        case .grafikKegiatanCatatan: return ("catatan di bawah grafik per kegiatan", [f("labelPagu", "sebutan pagu Tabel 1"), f("realisasi", "realisasi beserta periodenya")])
        case .grafikCapaianJudul: return ("judul grafik capaian indikator (untuk pembaca layar)", [periode])
        case .grafikCapaianJudulBagian: return ("judul bagian grafik capaian indikator", [])
        case .grafikCapaianUraian:
            return ("uraian grafik capaian indikator", [f("garisLaju", "label garis laju, mis. Laju triwulan II 50%; tidak ada untuk evaluasi setahun penuh", optional: true),
                                                       f("ringkasan", "ringkasan (`grafik-capaian-ringkasan`)"), f("rincian", "setiap indikator dan persentasenya, dipisah titik koma")])
        case .grafikCapaianRingkasan:
            return ("berapa indikator di bawah laju", [f("diBawah", "jumlah indikator di bawah laju"), f("jumlah", "jumlah indikator yang dibandingkan"),
                                                      f("laju", "laju periode, mis. 50%; tidak ada untuk evaluasi setahun penuh", optional: true), periode])
        case .grafikCapaianCatatan:
            return ("catatan di bawah grafik capaian indikator", [f("laju", "laju periode, mis. 50% (100% untuk setahun penuh)"),
                                                                 f("adaLaju", "ada bila periode evaluasi kurang dari setahun", optional: true), periode,
                                                                 f("ringkasan", "ringkasan (`grafik-capaian-ringkasan`)"),
                                                                 f("sumber", "asal persentasenya (`grafik-capaian-sumber-…`), dipisah titik koma", optional: true),
                                                                 f("tidakDibandingkan", "indikator yang tidak dibandingkan beserta alasannya, dipisah titik koma", optional: true),
                                                                 f("jumlahTidakDibandingkan", "jumlah indikator yang tidak dibandingkan")])
        case .grafikCapaianSumberTertulis: return ("asal persentase: tertulis dalam Tabel 1", [f("jumlah", "jumlah indikator")])
        case .grafikCapaianSumberDihitung: return ("asal persentase: dihitung Renja", [f("jumlah", "jumlah indikator")])
        case .grafikCapaianGarisLaju: return ("label garis laju pada grafik capaian", [f("triwulan", "triwulan dalam angka Romawi, mis. II"), f("laju", "laju, mis. 50%")])
        case .grafikCapaianGarisTarget: return ("label garis target pada grafik capaian", [])
        case .grafikCapaianLegendaSesuai: return ("legenda batang yang sesuai laju", [f("garisLaju", "label garis laju dengan huruf awal kecil; tidak ada untuk setahun penuh", optional: true)])
        case .grafikCapaianLegendaDiBawah: return ("legenda batang di bawah laju", [])
        case .grafikCapaianKeteranganTabel: return ("keterangan tabel angka grafik capaian", [])
        case .triwulanJudul: return ("judul halaman realisasi per triwulan", [dokumen])
        case .triwulanDeskripsi: return ("deskripsi (meta) halaman realisasi per triwulan", [f("triwulanAkhir", "triwulan terakhir dalam angka Romawi, mis. II")])
        case .triwulanNama: return ("nama halaman realisasi per triwulan: judulnya dan jejaknya", [])
        case .triwulanCatatanKolom:
            return ("asal angka halaman realisasi per triwulan", [f("kolomTarget", "nomor kolom target Renja"), f("kolomTriwulanAwal", "nomor kolom triwulan I"), f("kolomTriwulanAkhir", "nomor kolom triwulan IV")])
        case .triwulanCatatanJumlah:
            return ("catatan bila angka triwulan sebuah baris adalah jumlah anak-anaknya", [f("tingkat", "program atau kegiatan"), f("anak", "kegiatan/sub kegiatan atau sub kegiatan")])
        case .triwulanCatatanPaguTertulis:
            return ("catatan bila pagu yang tertulis berbeda dengan jumlah sub kegiatan", [f("tingkat", "program atau kegiatan"), f("paguTertulis", "pagu yang tertulis"), f("jumlah", "jumlah pagu sub kegiatan")])
        case .triwulanTabelAnggaran: return ("keterangan tabel anggaran per triwulan", [nama])
        case .triwulanTabelKinerja: return ("keterangan tabel kinerja per triwulan", [nama])
        case .grafikTriwulanJudul: return ("judul grafik anggaran per triwulan (untuk pembaca layar)", [nama])
        case .grafikTriwulanJudulBagian: return ("judul bagian grafik anggaran per triwulan", [])
        case .grafikTriwulanUraian: return ("uraian grafik anggaran per triwulan", [f("pagu", "pagu tahun berjalan, mis. Rp 1.250.000.000")])
        case .grafikTriwulanSeriTriwulan: return ("legenda batang realisasi setiap triwulan", [])
        case .grafikTriwulanSeriKumulatif: return ("legenda batang kumulatif", [])
        case .grafikTriwulanLegendaPagu: return ("legenda garis pagu", [])
        case .grafikTriwulanKeteranganTabel: return ("keterangan tabel angka grafik anggaran per triwulan", [nama])
        case .grafikTriwulanCatatan: return ("catatan di bawah grafik anggaran per triwulan", [f("pagu", "pagu tahun berjalan")])
        case .grafikKinerjaJudul: return ("judul grafik capaian kinerja per triwulan (untuk pembaca layar)", [triwulan, nama])
        case .grafikKinerjaJudulBagian: return ("judul bagian grafik capaian kinerja per triwulan", [triwulan])
        case .grafikKinerjaUraian: return ("uraian grafik capaian kinerja per triwulan", [triwulan])
        case .grafikKinerjaSeri: return ("legenda batang capaian kinerja kumulatif", [triwulan])
        case .grafikKinerjaLegendaTarget: return ("legenda garis target", [])
        case .grafikKinerjaKeteranganTabel: return ("keterangan tabel angka grafik capaian kinerja", [triwulan, nama])
        case .grafikKinerjaCatatan: return ("catatan bila ada batang yang melewati skala", [f("batas", "ujung skala, mis. 150,00%")])
        case .perubahanJudul: return ("judul halaman perubahan anggaran", [dokumen])
        case .perubahanDeskripsi:
            return ("deskripsi (meta) halaman perubahan anggaran", [dokumen, f("sebelum", "pagu sebelum perubahan"), f("sesudah", "pagu setelah perubahan"), f("selisih", "selisihnya bertanda")])
        case .perubahanJejak: return ("jejak halaman perubahan anggaran", [])
        case .perubahanJumlahSebelum: return ("baris pencocokan: jumlah pagu Tabel 1", [])
        case .perubahanJumlahSesudah: return ("baris pencocokan: jumlah pagu Tabel 2", [])
        case .perubahanSelisihJumlah: return ("baris pencocokan: selisih kedua jumlah", [])
        case .perubahanSelisihJumlahTertulis: return ("pembanding baris selisih jumlah", [f("selisih", "jumlah selisih per program, bertanda")])
        case .perubahanSelisihRincian: return ("baris pencocokan: selisih menurut sub kegiatan", [])
        case .perubahanSelisihRincianTertulis: return ("pembanding baris selisih menurut sub kegiatan", [f("selisih", "selisih jumlah tabel, bertanda")])
        case .perubahanTidakDisebut: return ("pembanding bila narasi tidak menyebut jumlah pagu", [])
        case .perubahanAngkaPaguSebelum: return ("angka utama: pagu sebelum perubahan", [])
        case .perubahanAngkaPaguSesudah: return ("angka utama: pagu setelah perubahan", [])
        case .perubahanAngkaSelisih: return ("angka utama: selisih", [])
        case .perubahanAngkaBerubah: return ("angka utama: jumlah sub kegiatan berubah", [])
        case .perubahanAngkaBerubahCatatan: return ("keterangan angka sub kegiatan berubah", [f("jumlah", "jumlah seluruh sub kegiatan")])
        case .bandingkanJudul: return ("judul halaman perbandingan dua dokumen", [f("judul", "kedua dokumen, mis. Renja 2024 dan Renja 2025"), dokumen])
        case .bandingkanDeskripsi: return ("deskripsi (meta) halaman perbandingan", [f("sebelumnya", "judul pendek dokumen yang lebih dulu"), dokumen])
        case .bandingkanJejak: return ("jejak halaman perbandingan", [f("sebelumnya", "judul pendek dokumen yang lebih dulu")])
        case .cetakJudul: return ("judul versi cetak", [judulDokumen])
        case .cetakDeskripsi: return ("deskripsi (meta) versi cetak", [judulDokumen])
        case .cetakJejak: return ("jejak versi cetak", [])
        case .validasiJudul: return ("judul halaman validasi angka", [dokumen])
        case .validasiDeskripsi:
            return ("deskripsi (meta) halaman validasi", [judulDokumen, f("galat", "jumlah galat"), f("peringatan", "jumlah peringatan"), f("info", "jumlah info")])
        case .validasiJejak: return ("jejak halaman validasi", [])
        case .validasiKelompokDokumen: return ("judul kelompok temuan yang bukan milik satu program", [])
        case .dataJudul: return ("judul halaman data terbuka", [dokumen])
        case .dataDeskripsi: return ("deskripsi (meta) halaman data terbuka", [judulDokumen])
        case .dataJejak: return ("jejak halaman data terbuka", [])
        case .cariJudul: return ("judul halaman pencarian", [f("situs", "judul situs")])
        case .cariDeskripsi: return ("deskripsi (meta) halaman pencarian", [])
        case .cariJejak: return ("jejak halaman pencarian", [])
        case .tidakDitemukanJudul: return ("judul halaman 404", [])
        case .unduhTabelCSV: return ("unduhan: CSV Tabel 1 atau 2", [f("nomor", "nomor tabel")])
        case .unduhTabelCSVUraian: return ("uraian unduhan CSV Tabel 1 atau 2", [])
        case .unduhTabelJSON: return ("unduhan: JSON Tabel 1 atau 2", [f("nomor", "nomor tabel")])
        case .unduhTabelJSONUraian: return ("uraian unduhan JSON Tabel 1 atau 2", [])
        case .unduhTabelMetadata: return ("unduhan: metadata CSV Tabel 1 atau 2", [f("nomor", "nomor tabel")])
        case .unduhTabelMetadataUraian: return ("uraian unduhan metadata CSV", [])
        case .unduhDokumenJSON: return ("unduhan: JSON seluruh dokumen", [])
        case .unduhDokumenJSONUraian: return ("uraian JSON seluruh dokumen", [])
        case .unduhDokumenJSONUraianPerubahan: return ("uraian JSON seluruh dokumen perubahan", [])
        case .unduhDokumenPerubahanJSON: return ("unduhan di halaman perubahan: JSON seluruh dokumen", [])
        case .unduhEvaluasiStandarCSV: return ("unduhan: CSV tabel evaluasi standar", [])
        case .unduhEvaluasiStandarCSVUraian: return ("uraian CSV tabel evaluasi standar", [f("kolom", "rentang nomor kolom, mis. 1–16")])
        case .unduhEvaluasiStandarJSON: return ("unduhan: JSON tabel evaluasi standar", [])
        case .unduhEvaluasiStandarJSONUraian: return ("uraian JSON tabel evaluasi standar", [])
        case .unduhEvaluasiStandarMetadata: return ("unduhan: metadata CSV tabel evaluasi standar", [])
        case .unduhEvaluasiStandarMetadataUraian: return ("uraian metadata CSV tabel evaluasi standar", [])
        case .unduhRencanaStandarCSV: return ("unduhan: CSV tabel rencana standar", [])
        case .unduhRencanaStandarCSVUraian: return ("uraian CSV tabel rencana standar", [])
        case .unduhRencanaStandarJSON: return ("unduhan: JSON tabel rencana standar", [])
        case .unduhRencanaStandarJSONUraian: return ("uraian JSON tabel rencana standar", [])
        case .unduhRencanaStandarMetadata: return ("unduhan: metadata CSV tabel rencana standar", [])
        case .unduhRencanaStandarMetadataUraian: return ("uraian metadata CSV tabel rencana standar", [])
        case .evaluasiStandarJudul: return ("judul halaman tabel evaluasi standar", [f("tabel", "judul tabel"), dokumen])
        case .evaluasiStandarDeskripsi:
            return ("deskripsi (meta) tabel evaluasi standar", [f("tabel", "judul tabel"), f("program", "jumlah program"), f("subKegiatan", "jumlah sub kegiatan")])
        case .evaluasiStandarJejak: return ("jejak tabel evaluasi standar", [])
        case .evaluasiStandarKolomTargetRenstra: return ("judul kolom tabel evaluasi standar", [f("kolom", "nomor kolom")])
        case .evaluasiStandarKolomRealisasiRenstraLalu: return ("judul kolom tabel evaluasi standar", [f("kolom", "nomor kolom")])
        case .evaluasiStandarKolomTargetRenja: return ("judul kolom tabel evaluasi standar", [f("kolom", "nomor kolom")])
        case .evaluasiStandarKolomTriwulan: return ("judul kolom tabel evaluasi standar", [f("kolomAwal", "nomor kolom triwulan I"), f("kolomAkhir", "nomor kolom triwulan IV")])
        case .evaluasiStandarKolomRealisasiRenja: return ("judul kolom tabel evaluasi standar", [f("kolom", "nomor kolom"), f("rumus", "rumusnya, mis. 7+8+9+10")])
        case .evaluasiStandarKolomRealisasiRenstra: return ("judul kolom tabel evaluasi standar", [f("kolom", "nomor kolom"), f("rumus", "rumusnya, mis. 5+11")])
        case .evaluasiStandarKolomTingkatCapaian: return ("judul kolom tabel evaluasi standar", [f("kolom", "nomor kolom"), f("rumus", "rumusnya, mis. 12/4")])
        case .evaluasiStandarKolomSatuTriwulan: return ("judul kolom satu triwulan", [f("triwulan", "triwulan dalam angka Romawi"), f("kolom", "nomor kolom")])
        case .evaluasiStandarRataKinerja: return ("kaki tabel: rata-rata capaian kinerja", [f("dihitung", "ada bila angkanya dihitung Renja", optional: true)])
        case .evaluasiStandarRataAnggaran: return ("kaki tabel: rata-rata capaian anggaran", [f("dihitung", "ada bila angkanya dihitung Renja", optional: true)])
        case .evaluasiStandarPredikatKinerja: return ("kaki tabel", [])
        case .evaluasiStandarPredikatAnggaran: return ("kaki tabel", [])
        case .evaluasiStandarFaktorPendorong: return ("kaki tabel", [])
        case .evaluasiStandarFaktorPenghambat: return ("kaki tabel", [])
        case .evaluasiStandarTindakLanjutTriwulan: return ("kaki tabel", [])
        case .evaluasiStandarTindakLanjutRenja: return ("kaki tabel", [])
        case .evaluasiStandarRentangPredikat: return ("kaki tabel: rentang predikat", [])
        case .evaluasiStandarCatatanDihitung: return ("catatan bila ada angka bertanda * yang dihitung Renja", [])
        case .evaluasiStandarSelDihitung: return ("keterangan sel yang dihitung Renja (untuk pembaca layar)", [])
        case .rencanaStandarJudul: return ("judul halaman tabel rencana standar", [f("tabel", "judul tabel"), dokumen])
        case .rencanaStandarDeskripsi:
            return ("deskripsi (meta) tabel rencana standar", [f("tabel", "judul tabel"), f("program", "jumlah program"), f("subKegiatan", "jumlah sub kegiatan")])
        case .rencanaStandarJejak: return ("jejak tabel rencana standar", [])
        case .tidakDapatDihitung: return ("nilai yang tidak dapat dihitung (angka tidak terbaca)", [])
        case .temuanLihatBarisTingkat: return ("tautan di bawah temuan perubahan ke barisnya", [f("tingkat", "program, kegiatan atau sub kegiatan"), f("kode", "nomor atau kode baris")])
        case .temuanLihatBaris: return ("tautan di bawah temuan ke barisnya di tabel", [])
        case .tabelJudul: return ("judul Tabel 1 atau 2 di halaman tabel dan versi cetak", [f("nomor", "nomor tabel"), f("judul", "judul tabel")])
        case .tabelJudulHalaman: return ("judul halaman Tabel 1 atau 2", [f("tabel", "judul tabel (`tabel-judul`)"), dokumen])
        case .tabelJejak: return ("jejak halaman Tabel 1 atau 2", [f("nomor", "nomor tabel")])
        case .tabelDeskripsi:
            return ("deskripsi (meta) halaman Tabel 1 atau 2", [f("nomor", "nomor tabel"), f("judul", "judul tabel"), f("program", "jumlah program"), f("kegiatan", "jumlah kegiatan"),
                                                               f("subKegiatan", "jumlah sub kegiatan"), f("pagu", "jumlah pagu"),
                                                               f("realisasi", "jumlah realisasi; hanya Tabel 1", optional: true), f("serapan", "serapan; hanya Tabel 1", optional: true)])
        case .grafikSerapanKolomProgram, .grafikSerapanKolomPagu, .grafikSerapanKolomRealisasi, .grafikSerapanKolomSerapan:
            return ("judul kolom tabel angka grafik serapan", [])
        case .programAngkaSelisih: return ("angka utama program: selisih pagu kedua tabel", [])
        case .programAngkaSerapan: return ("keterangan angka realisasi program", [f("serapan", "serapan, mis. 87,50%")])
        case .programTidakAdaDiTabel: return ("nilai pagu bila program tidak ada di tabel itu", [f("nomor", "nomor tabel")])
        case .grafikKegiatanKolomKegiatan, .grafikKegiatanKolomPagu, .grafikKegiatanKolomRealisasi, .grafikKegiatanKolomSerapan:
            return ("judul kolom tabel angka grafik per kegiatan", [])
        case .grafikCapaianKolomIndikator, .grafikCapaianKolomTarget, .grafikCapaianKolomCapaian, .grafikCapaianKolomPersentase, .grafikCapaianKolomLaju:
            return ("judul kolom tabel angka grafik capaian", [])
        case .grafikCapaianDiBawahLaju: return ("penilaian indikator di tabel angka grafik capaian: di bawah laju", [])
        case .grafikCapaianSesuaiLaju: return ("penilaian indikator di tabel angka grafik capaian: sesuai laju", [])
        case .triwulanSingkat: return ("nama pendek triwulan, di grafik dan judul kolom", [f("triwulan", "angka Romawi, mis. II")])
        case .triwulanSelKumulatif: return ("kumulatif sebuah sel triwulan", [triwulan, f("jumlah", "kumulatif s/d triwulan itu"), f("persen", "persentase terhadap pagu atau target")])
        case .triwulanBarisJumlah: return ("tanda baris yang angkanya jumlah sub kegiatan", [])
        case .triwulanIndikatorKeadaan: return ("keterangan indikator yang angka triwulannya keadaan, bukan tambahan", [])
        case .triwulanVarianDenganKode, .triwulanVarianTanpaKode: return ("varian tabel evaluasi standar di halaman triwulan", [])
        case .grafikTriwulanKolomTriwulan, .grafikTriwulanKolomRealisasi, .grafikTriwulanKolomKumulatif, .grafikTriwulanKolomPersen:
            return ("judul kolom tabel angka grafik anggaran per triwulan", [])
        case .grafikKinerjaKolomIndikator, .grafikKinerjaKolomTarget, .grafikKinerjaKolomRealisasi, .grafikKinerjaKolomPersen:
            return ("judul kolom tabel angka grafik capaian kinerja per triwulan", [])
        case .perubahanStatusCocok, .perubahanStatusTidakCocok, .perubahanStatusTidakDisebut: return ("hasil pencocokan di halaman perubahan", [])
        case .bandingkanAngkaPagu: return ("angka utama perbandingan: pagu sebuah dokumen", [dokumen])
        case .bandingkanAngkaSelisih: return ("angka utama perbandingan: selisih", [])
        case .bandingkanAngkaBerubah: return ("angka utama perbandingan: baris berubah", [])
        case .bandingkanAngkaBerubahCatatan: return ("keterangan baris berubah", [f("baris", "jumlah baris"), f("baru", "jumlah baris baru"), f("dihapus", "jumlah baris dihapus")])
        case .evaluasiStandarVarianDenganKode, .evaluasiStandarVarianTanpaKode: return ("varian tabel evaluasi standar di halaman tabel dan data terbuka", [])
        case .tautanPerbandingan: return ("tautan ke perbandingan dua dokumen", [f("sebelumnya", "judul pendek dokumen yang lebih dulu"), dokumen])
        case .angkaJumlahSubKegiatan: return ("angka program atau kegiatan yang tidak tertulis: jumlah sub kegiatannya", [f("jumlah", "jumlahnya")])
        case .tidakDapatDijumlah: return ("jumlah tabel rencana standar yang tidak dapat dihitung", [])
        case .grafikCapaianSatuanBerbeda: return ("alasan indikator tidak dibandingkan: satuannya berbeda", [f("target", "target dengan satuannya"), f("capaian", "capaian dengan satuannya")])
        case .grafikCapaianTanpaAngka: return ("alasan indikator tidak dibandingkan: tanpa angka", [])
        case .grafikCapaianTidakDibandingkan: return ("satu indikator yang tidak dibandingkan", [f("indikator", "nomor dan nama indikator"), f("alasan", "alasannya")])
        }
    }

    private func f(_ name: String, _ meaning: String, optional: Bool = false) -> PhraseField {
        PhraseField(name: name, meaning: meaning, optional: optional)
    }
}

/// The phrases of `kata.yaml`, parsed: rendered as plain text (the page templates escape them
/// where they are shown), with the fields Swift gives, already formatted.
public struct Wording: @unchecked Sendable {
    static let fileName = "kata.yaml"
    private static let pragma = "{{% CONTENT_TYPE: TEXT}}\n"
    let phrases: [Phrase: MustacheTemplate]

    /// The phrase with its fields. A field Swift passes must be one the phrase declares, and every
    /// field not marked optional must be given (checked in debug builds: the tests render every
    /// page kind).
    func say(_ phrase: Phrase, _ values: [String: String] = [:]) -> String {
        #if DEBUG
        let declared = phrase.declaration.fields
        assert(Set(values.keys).isSubset(of: declared.map(\.name)), "\(phrase.rawValue): undeclared \(Set(values.keys).subtracting(declared.map(\.name)))")
        assert(declared.filter { !$0.optional }.allSatisfy { values[$0.name] != nil }, "\(phrase.rawValue): a required field is missing")
        #endif
        guard let template = phrases[phrase] else { return "" }
        return template.render(values)
    }

    /// `kata.yaml` checked against the declarations: an unknown or missing id, bad Mustache or a
    /// field the phrase does not get is a load error at its line and column.
    static func load(_ text: String?, path: String, sink: DiagnosticSink) -> Wording {
        guard let text else {
            sink.error("kata-hilang", "berkas kata \(path) tidak ada", at: nil,
                       figures: [.init("diharapkan", "\(path) berisi setiap ungkapan (daftarnya di Templates/README.md)"), .init("ditemukan", "tidak ada")])
            return Wording(phrases: [:])
        }
        guard let entries = PhraseCatalogFile.read(text, path: path, sink: sink) else { return Wording(phrases: [:]) }
        var phrases: [Phrase: MustacheTemplate] = [:]
        let known = Phrase.allCases.map(\.rawValue)
        for e in entries {
            guard let phrase = Phrase(rawValue: e.id) else {
                sink.error("kata-tidak-dikenal", "ungkapan `\(e.id)` tidak dikenal", at: e.idLocation,
                           figures: [.init("diharapkan", "nama ungkapan yang dipakai Renja (daftarnya di Templates/README.md)"), .init("ditemukan", e.id)],
                           notes: Text.suggestion(for: e.id, among: known).map { ["mungkin maksudnya `\($0)`?"] } ?? [])
                continue
            }
            var body = e.text
            while body.hasSuffix("\n") { body.removeLast() }
            do {
                phrases[phrase] = try MustacheTemplate(string: pragma + body)
            } catch let error as MustacheTemplate.ParserError {
                // Lines count the pragma line put before the text.
                sink.error("templat-sintaks", "sintaks templat salah pada ungkapan `\(e.id)`: \(TemplateSet.describe(error.error))",
                           at: e.location(line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
                           figures: [.init("ditemukan", error.context.line.trimmingCharacters(in: .whitespaces))])
                continue
            } catch {
                sink.error("templat-sintaks", "ungkapan `\(e.id)` tidak dapat dibaca: \(error)", at: e.textLocation)
                continue
            }
            checkFields(e, phrase, sink: sink)
        }
        let present = Set(entries.map(\.id))
        for phrase in Phrase.allCases where !present.contains(phrase.rawValue) {
            let fields = phrase.declaration.fields.map { "{{\($0.name)}}" }
            sink.error("kata-hilang", "ungkapan `\(phrase.rawValue)` tidak ada di \(path)", at: SourceLocation(file: path, line: 1, column: 1),
                       figures: [.init("diharapkan", "\(phrase.rawValue): \"…\"" + (fields.isEmpty ? "" : " dengan kolom " + fields.joined(separator: ", "))),
                                 .init("ditemukan", "tidak ada")],
                       notes: ["\(phrase.rawValue): \(phrase.declaration.meaning)"])
        }
        return Wording(phrases: phrases)
    }

    /// Every name a phrase uses must be one of its fields: `{{nama}}`, `{{#nama}}…{{/nama}}`,
    /// `{{^nama}}…{{/nama}}`, or a transform of one (`{{lowercased(nama)}}`); partials and blocks
    /// have nothing to include here.
    static func checkFields(_ e: PhraseCatalogFile.Entry, _ phrase: Phrase, sink: DiagnosticSink) {
        let fields = phrase.declaration.fields.map(\.name)
        let expected = fields.isEmpty ? "tanpa kolom" : "kolom " + fields.map { "{{\($0)}}" }.joined(separator: ", ")
        for tag in TemplateFieldCheck.tags(e.text) ?? [] {
            var name = tag.name
            if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
                name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
            }
            let sigil = [TemplateFieldCheck.Tag.Kind.section: "#", .inverted: "^", .partial: "> ", .parent: "< ", .block: "$"][tag.kind] ?? ""
            let shown = "{{\(sigil)\(tag.name)}}"
            let message: String
            switch tag.kind {
            case .close, .other: continue
            case .partial, .parent, .block:
                message = "`\(shown)`: templat lain tidak dapat disertakan dalam ungkapan `\(e.id)`"
            case .variable, .section, .inverted:
                if name == "." || name.isEmpty || fields.contains(name) { continue }
                message = "kolom `\(name)` tidak ada pada ungkapan `\(e.id)`"
            }
            var notes: [String] = []
            if let s = Text.suggestion(for: name, among: fields) { notes.append("mungkin maksudnya `\(s)`?") }
            notes.append("kolom setiap ungkapan ada di Templates/README.md")
            sink.error("templat-kolom", message, at: e.location(line: tag.line, column: tag.column),
                       figures: [.init("diharapkan", expected), .init("ditemukan", shown)], notes: notes)
        }
    }

    /// The section of `Templates/README.md` that lists every phrase with its fields.
    static func reference() -> String {
        var out = """

        ## Kata-kata (`kata.yaml`)

        Judul, deskripsi, label tautan, teks grafik, keterangan unduhan, judul kolom dan label kaki
        tabel yang disusun Renja ada di `kata.yaml`: satu ungkapan per baris, `nama: "teks"`. Teksnya
        templat Mustache dengan kolom di bawah ini; angkanya sudah diformat. Kolom yang boleh tidak
        ada dipakai dengan `{{#kolom}}…{{/kolom}}` (tampil bila ada) atau `{{^kolom}}…{{/kolom}}`
        (tampil bila tidak ada). Ungkapan yang hilang, nama ungkapan yang tidak dikenal, kolom yang
        tidak ada pada ungkapannya atau sintaks yang salah adalah galat saat situs dibangun.

        | ungkapan | arti | kolom |
        | --- | --- | --- |

        """
        for p in Phrase.allCases {
            let d = p.declaration
            let fields = d.fields.map { "`\($0.name)`: \($0.meaning)" + ($0.optional ? " (boleh tidak ada)" : "") }
            out += "| `\(p.rawValue)` | \(d.meaning) | \(fields.isEmpty ? "—" : fields.joined(separator: "; ")) |\n"
        }
        return out
    }
}
