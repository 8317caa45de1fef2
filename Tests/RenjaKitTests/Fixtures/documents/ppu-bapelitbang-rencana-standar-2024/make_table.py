#!/usr/bin/env python3
"""Writes renja-2024/tabel/rencana-standar.yaml from the source data of harrysuherman/ppu `ppu.sql`
(commit 8da6f34c829151eb8d1338cc9cfbe67d11ad47f2), see SOURCE.md:

- the rows, names, indicators, targets (`target_sebelum`) and pagu (`pagu_rkpd`) as the sibling
  fixture ../ppu-bapelitbang-renja-2024 transcribed them from the same tables
  (renja-2024/tabel/rencana.yaml there);
- lokasi, sumber_dana, kelompok_sasaran, target_n1 and pagu_n1 from source-extract-standar.tsv
  (this folder), copied from the same INSERT rows;
- the urusan and bidang rows from `renja_urusan` / `renja_bidang` (names only: no amounts there).

Figures are copied as published (amounts grouped with dots), mistakes included.
"""
import csv, os, yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SIBLING = os.path.join(HERE, "..", "ppu-bapelitbang-renja-2024", "renja-2024", "tabel", "rencana.yaml")

def grouped(digits):
    digits = str(int(float(digits)))
    out = ""
    while len(digits) > 3:
        out = "." + digits[-3:] + out
        digits = digits[:-3]
    return digits + out

extra = {}
with open(os.path.join(HERE, "source-extract-standar.tsv"), encoding="utf-8") as f:
    for r in csv.DictReader(f, delimiter="\t"):
        extra[r["kode"]] = r

def target_n1(v):
    # `target_n1` is a DOUBLE with no satuan column; 0 is written as 0.
    x = float(v)
    return str(int(x)) if x == int(x) else str(x).replace(".", ",")

def convert(row, child_key, grandchild_key):
    e = extra[row["kode"]]
    out = {"kode": row["kode"], "nama": row["nama"]}
    inds = []
    for i, ind in enumerate(row.get("indikator", [])):
        d = {"nama": ind["nama"], "target": ind["target"]}
        # One target_n1 per row in the source: written on the row's first indicator.
        if i == 0:
            d["target_maju"] = target_n1(e["target_n1"])
        inds.append(d)
    if inds:
        out["indikator"] = inds
    if e["lokasi"]:
        out["lokasi"] = e["lokasi"]
    out["pagu"] = row["pagu"]
    if e["sumber_dana"]:
        out["sumber_dana"] = e["sumber_dana"]
    if e["kelompok_sasaran"]:
        out["kelompok_sasaran"] = e["kelompok_sasaran"]
    out["pagu_maju"] = grouped(e["pagu_n1"])
    if child_key and row.get(child_key):
        out[child_key] = [convert(c, grandchild_key, None) for c in row[child_key]]
    return out

with open(SIBLING, encoding="utf-8") as f:
    plan = yaml.safe_load(f)

bidang_names = {"5.01": "PERENCANAAN", "5.05": "PENELITIAN DAN PENGEMBANGAN"}
bidang = []
for p in plan["program"]:
    code = ".".join(p["kode"].split(".")[:2])
    if not bidang or bidang[-1]["kode"] != code:
        bidang.append({"kode": code, "nama": bidang_names[code], "program": []})
    bidang[-1]["program"].append(convert(p, "kegiatan", "sub_kegiatan"))

table = {
    "judul": "Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2024 dan Prakiraan Maju Tahun 2025",
    "tahun": 2024,
    "urusan": [{"kode": "5", "nama": "UNSUR PENUNJANG URUSAN PEMERINTAHAN", "bidang": bidang}],
}

header = """# Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2024 dan Prakiraan Maju Tahun 2025
# (tabel rencana standar Permendagri 86/2017), Renja (murni) 2024,
# Badan Perencanaan, Penelitian dan Pengembangan Kabupaten Penajam Paser Utara.
#
# Sumber: harrysuherman/ppu, ppu.sql (tabel `renja_urusan`, `renja_bidang`, `renja_program`,
# `renja_kegiatan`, `renja_sub_kegiatan`; skpd_id 6, tahun_anggaran 2024),
# commit 8da6f34c829151eb8d1338cc9cfbe67d11ad47f2. Ditulis oleh make_table.py; lihat SOURCE.md.
# Angka ditulis persis seperti di data sumber, termasuk kekeliruannya.
#
# pagu = `pagu_rkpd`; target = `target_sebelum`; lokasi, sumber_dana, kelompok_sasaran seperti
# tertulis; target_maju = `target_n1` (satu angka per baris, tanpa satuan: ditulis pada indikator
# pertama); pagu_maju = `pagu_n1`. Judul tabel disusun penyalin.

"""
with open(os.path.join(HERE, "renja-2024", "tabel", "rencana-standar.yaml"), "w", encoding="utf-8") as f:
    f.write(header)
    yaml.safe_dump(table, f, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=False, indent=2)
