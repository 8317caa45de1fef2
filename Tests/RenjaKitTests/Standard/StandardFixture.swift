import Foundation
@testable import RenjaKit

/// A SYNTHETIC standard evaluation table (Permendagri 86/2017), made up for the mutation tests:
/// not any agency's data. One program, two kegiatan, three sub kegiatan; every formula holds
/// (13 = 9+10+11+12, 14 = 7+13, 15 = 14/6 × 100, K and Rp; each Rp column of a parent is the sum
/// of its children; no quarter's running realisasi passes the year's target; the footer follows
/// the e-Monev rules and the bands it states), so the validator says nothing about it.
///
/// Footer arithmetic: kinerja = mean of the sub kegiatan K percentages (80 + 65 + 50) ÷ 3 = 65,00;
/// anggaran = Σ col. 14 Rp ÷ Σ col. 6 Rp = 1.875.000 ÷ 3.500.000 = 53,57 (the other rule, the mean
/// of the sub kegiatan Rp percentages (60 + 50 + 55) ÷ 3, gives 55,00).
enum StandardFixture {
    static let file = "tabel/evaluasi-standar.yaml"

    static let yaml = """
    judul: Evaluasi Terhadap Hasil Renja Perangkat Daerah Dinas Uji Tahun 2024 (data sintetis)
    varian: dengan_kode
    program:
      - kode: "1.01.02"
        nama: PROGRAM UJI STANDAR
        sasaran: Meningkatnya mutu uji
        unit: Dinas Uji
        indikator:
          - nama: Persentase ketercapaian program uji standar
            satuan: persen
            target_renstra: 100
            realisasi_renstra_lalu: 40
            target_renja: 20
            triwulan: [5, 5, 5, 5]
            realisasi_renja: 20
            realisasi_renstra: 60
            tingkat_capaian: 60,00
        anggaran:
          target_renstra: 3.500.000
          realisasi_renstra_lalu: 900.000
          target_renja: 1.200.000
          triwulan: [300.000, 300.000, 200.000, 175.000]
          realisasi_renja: 975.000
          realisasi_renstra: 1.875.000
          tingkat_capaian: 53,57
        kegiatan:
          - kode: "1.01.02.2.01"
            nama: Kegiatan Uji Standar A
            anggaran:
              target_renstra: 3.000.000
              realisasi_renstra_lalu: 800.000
              target_renja: 1.000.000
              triwulan: [250.000, 250.000, 150.000, 150.000]
              realisasi_renja: 800.000
              realisasi_renstra: 1.600.000
              tingkat_capaian: 53,33
            sub_kegiatan:
              - kode: "1.01.02.2.01.0001"
                nama: Penyusunan Dokumen Uji Standar
                unit: Bidang Uji
                indikator:
                  - nama: Jumlah dokumen uji standar
                    satuan: dokumen
                    target_renstra: 10
                    realisasi_renstra_lalu: 4
                    target_renja: 4
                    triwulan: [1, 1, 1, 1]
                    realisasi_renja: 4
                    realisasi_renstra: 8
                    tingkat_capaian: 80,00
                anggaran:
                  target_renstra: 1.000.000
                  realisasi_renstra_lalu: 300.000
                  target_renja: 400.000
                  triwulan: [100.000, 100.000, 50.000, 50.000]
                  realisasi_renja: 300.000
                  realisasi_renstra: 600.000
                  tingkat_capaian: 60,00
              - kode: "1.01.02.2.01.0002"
                nama: Penyusunan Laporan Uji Standar
                unit: Bidang Uji
                indikator:
                  - nama: Jumlah laporan uji standar
                    satuan: laporan
                    target_renstra: 20
                    realisasi_renstra_lalu: 6
                    target_renja: 8
                    triwulan: [2, 2, 2, 1]
                    realisasi_renja: 7
                    realisasi_renstra: 13
                    tingkat_capaian: 65,00
                anggaran:
                  target_renstra: 2.000.000
                  realisasi_renstra_lalu: 500.000
                  target_renja: 600.000
                  triwulan: [150.000, 150.000, 100.000, 100.000]
                  realisasi_renja: 500.000
                  realisasi_renstra: 1.000.000
                  tingkat_capaian: 50,00
          - kode: "1.01.02.2.02"
            nama: Kegiatan Uji Standar B
            anggaran:
              target_renstra: 500.000
              realisasi_renstra_lalu: 100.000
              target_renja: 200.000
              triwulan: [50.000, 50.000, 50.000, 25.000]
              realisasi_renja: 175.000
              realisasi_renstra: 275.000
              tingkat_capaian: 55,00
            sub_kegiatan:
              - kode: "1.01.02.2.02.0001"
                nama: Pembinaan Kelompok Uji Standar
                unit: Bidang Uji
                indikator:
                  - nama: Jumlah kelompok uji standar yang dibina
                    satuan: kelompok
                    target_renstra: 12
                    realisasi_renstra_lalu: 3
                    target_renja: 4
                    triwulan: [1, 1, 1, 0]
                    realisasi_renja: 3
                    realisasi_renstra: 6
                    tingkat_capaian: 50,00
                anggaran:
                  target_renstra: 500.000
                  realisasi_renstra_lalu: 100.000
                  target_renja: 200.000
                  triwulan: [50.000, 50.000, 50.000, 25.000]
                  realisasi_renja: 175.000
                  realisasi_renstra: 275.000
                  tingkat_capaian: 55,00
    rata_rata_capaian:
      kinerja: 65,00
      anggaran: 53,57
    predikat:
      kinerja: Rendah
      anggaran: Rendah
    rentang_predikat:
      - { dari: 91, sampai: 100, predikat: Sangat Tinggi }
      - { dari: 76, sampai: 90, predikat: Tinggi }
      - { dari: 66, sampai: 75, predikat: Sedang }
      - { dari: 51, sampai: 65, predikat: Rendah }
      - { dari: 0, sampai: 50, predikat: Sangat Rendah }
    faktor_pendorong: Dukungan anggaran tepat waktu (teks uji).
    faktor_penghambat: Keterlambatan pengadaan (teks uji).
    tindak_lanjut_triwulan: Percepatan pengadaan pada triwulan berikutnya (teks uji).
    tindak_lanjut_renja: Penyesuaian target pada Renja berikutnya (teks uji).
    """

    /// The default content fixture (both of today's tables, consistent) with this table added.
    static func content() -> ContentFixture {
        var f = ContentFixture()
        f.files[file] = yaml
        return f
    }
}
