#!/usr/bin/env python3
"""Transcribes the verbatim extracts of the Bengkulu Utara e-Monev seed data into
renja-2025/tabel/evaluasi-standar.yaml.  It copies strings; it computes nothing (no sums, no
percentages): the columns the source does not state (13, 14, 15, the rata-rata row) are left out.

Input: ../bengkulu-utara-disdik-evaluasi-renja-2025/source-extract-subkegiatan.tsv and
source-extract-program-kegiatan.tsv (see SOURCE.md for where they come from).
"""
import csv
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "..", "bengkulu-utara-disdik-evaluasi-renja-2025")


def rows(name):
    with open(os.path.join(SRC, name), encoding="utf-8") as f:
        return [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]


def q(s):
    return json.dumps(s.strip(), ensure_ascii=False)  # a YAML double-quoted scalar


programs, order = {}, []
for r in rows("source-extract-program-kegiatan.tsv"):
    level, kode, nama = r[0], r[1], r[2]
    if level == "P":
        if kode not in programs:
            programs[kode] = {"nama": nama, "sasaran": r[3], "iop": [], "kegiatan": {}, "korder": []}
            order.append(kode)
        if not r[4].startswith("(iop kosong"):
            programs[kode]["iop"].append({"indikator": r[4], "satuan": r[5], "rp": r[6], "th": r[9], "thz": r[10]})
    else:
        p = programs[".".join(kode.split(".")[:3])]
        p["kegiatan"][kode] = {"nama": nama, "subs": []}
        p["korder"].append(kode)

for r in rows("source-extract-subkegiatan.tsv"):
    kd = r[1]
    p = programs[".".join(kd.split(".")[:3])]
    p["kegiatan"][".".join(kd.split(".")[:5])]["subs"].append(r)

out = ["# Tabel evaluasi standar (Permendagri 86/2017) — Dinas Pendidikan Kabupaten Bengkulu Utara, 2025.",
       "# Ditulis oleh make_table.py dari ekstrak verbatim data e-Monev (lihat ../../SOURCE.md).",
       "# Angka ditulis persis seperti string di data sumber (titik = desimal, tanpa pemisah ribuan).",
       "# Kolom 13, 14, 15 dan baris rata-rata TIDAK ada di sumber: tidak ditulis.",
       "judul: " + q("Evaluasi Terhadap Hasil Renja Perangkat Daerah Dinas Pendidikan Kabupaten Bengkulu Utara Tahun 2025"),
       "varian: dengan_kode",
       "program:"]
for kode in order:
    p = programs[kode]
    out += [f"  - kode: {q(kode)}", f"    nama: {q(p['nama'])}"]
    if p["sasaran"]:
        out.append(f"    sasaran: {q(p['sasaran'])}")
    if p["iop"]:
        out.append("    indikator:")
        for i in p["iop"]:
            out += [f"      - nama: {q(i['indikator'])}", f"        satuan: {q(i['satuan'])}",
                    f"        target_renstra: {q(i['thz'])}", f"        target_renja: {q(i['th'])}"]
        rps = {i["rp"] for i in p["iop"]}
        assert len(rps) == 1, kode
        out += ["    anggaran:", f"      target_renja: {q(rps.pop())}"]
    out.append("    kegiatan:")
    for kk in p["korder"]:
        k = p["kegiatan"][kk]
        out += [f"      - kode: {q(kk)}", f"        nama: {q(k['nama'])}"]
        if k["subs"]:
            out.append("        sub_kegiatan:")
        for s in k["subs"]:
            (_, kd, subkeg, indikator, satuan, _tha, th_be4, rp_be4, th, rp, thz, rpz, fisik, uang) = s[:14]
            out += [f"          - kode: {q(kd)}", f"            nama: {q(subkeg.replace(chr(92) + 'n', ' ').replace('  ', ' '))}",
                    "            indikator:",
                    f"              - nama: {q(indikator.replace(chr(92) + 'n', ' ').replace('  ', ' '))}",
                    f"                satuan: {q(satuan)}",
                    f"                target_renstra: {q(thz)}",
                    f"                realisasi_renstra_lalu: {q(th_be4)}",
                    f"                target_renja: {q(th)}",
                    "                triwulan: [" + ", ".join(q(x) for x in fisik.split(",")) + "]",
                    "            anggaran:",
                    f"              target_renstra: {q(rpz)}",
                    f"              realisasi_renstra_lalu: {q(rp_be4)}",
                    f"              target_renja: {q(rp)}",
                    "              triwulan: [" + ", ".join(q(x) for x in uang.split(",")) + "]"]
with open(os.path.join(HERE, "renja-2025", "tabel", "evaluasi-standar.yaml"), "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
print(sum(len(k["subs"]) for p in programs.values() for k in p["kegiatan"].values()), "sub kegiatan")
