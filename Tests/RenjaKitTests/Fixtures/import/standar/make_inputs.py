#!/usr/bin/env python3
"""Writes the spreadsheet-like inputs of the standard evaluation table import tests, and their
answer key, from the Bengkulu Utara fixture (../../documents/bengkulu-utara-disdik-evaluasi-standar-2025/
renja-2025/tabel/evaluasi-standar.yaml, itself the e-Monev data verbatim). PyYAML only, no Renja code.

- standar-kode-gabung.tsv: the whole fixture as a spreadsheet copies the variant with Kode: title
  lines, header rows with merged cells (a merged cell is copied as its text and then empty cells),
  the K | Rp sub-header row, the numbered row 1..17 with 6..15 merged over K | Rp (number, empty),
  urusan and bidang rows (code of 1 and 2 parts) above the programs, numbers as the source writes
  them (dot decimals, no grouping), each K cell followed by the indicator's unit.
- standar-tanpa-kode-pisah.csv: its first two programs as the variant without Kode, `;`-separated,
  split K | Rp (the numbered row repeats 5..14 over both cells), numbers in Indonesian format
  (1.234.567,29 and 72,12), No numbered I / 1 / 1.1, a page break (header repeated, a name split
  over two rows), footer rows and the signature block.
- standar-nomor-salah.tsv: a table whose numbered row fits no layout (1..12, 6..12 over K | Rp).
- standar-answer.json: per row of each input, in order, its level, key, name, indicator count,
  Rp cells in sen and K cells as numbers (null: empty), computed here from the YAML strings.

Run: python3 make_inputs.py
"""
import json
import os
from decimal import Decimal

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "..", "..", "documents", "bengkulu-utara-disdik-evaluasi-standar-2025",
                   "renja-2025", "tabel", "evaluasi-standar.yaml")
KEYS = ["target_renstra", "realisasi_renstra_lalu", "target_renja", "tw1", "tw2", "tw3", "tw4",
        "realisasi_renja", "realisasi_renstra", "tingkat_capaian"]


class RawLoader(yaml.SafeLoader):
    pass


# Every scalar as its text (no int/float/bool resolution).
RawLoader.yaml_implicit_resolvers = {}

with open(SRC, encoding="utf-8") as f:
    table = yaml.load(f, Loader=RawLoader)


def cells(series):
    """The ten pair cells of one series (strings as written, '' when absent)."""
    series = series or {}
    tw = series.get("triwulan") or []
    out = [series.get("target_renstra", ""), series.get("realisasi_renstra_lalu", ""), series.get("target_renja", "")]
    out += [tw[i] if i < len(tw) else "" for i in range(4)]
    out += [series.get("realisasi_renja", ""), series.get("realisasi_renstra", ""), series.get("tingkat_capaian", "")]
    return out


def rows_of(programs):
    """(level, row) depth first."""
    for p in programs:
        yield "program", p
        for k in p.get("kegiatan") or []:
            yield "kegiatan", k
            for s in k.get("sub_kegiatan") or []:
                yield "sub_kegiatan", s


def sen(s):
    if s == "":
        return None
    return int(Decimal(s) * 100)


def number(s):
    return None if s == "" else float(Decimal(s))


def indonesian_amount(s):
    if s == "":
        return ""
    whole, _, frac = s.partition(".")
    grouped = "{:,}".format(int(whole)).replace(",", ".")
    return grouped + ("," + frac if frac else "")


def indonesian_number(s):
    if s == "":
        return ""
    whole, _, frac = s.partition(".")
    grouped = "{:,}".format(int(whole)).replace(",", ".")
    return grouped + ("," + frac if frac else "")


def answer(rows, key_of):
    out = []
    for level, r in rows:
        inds = r.get("indikator") or []
        out.append({
            "level": level, "key": key_of(level, r), "nama": r["nama"],
            "indikator": len(inds),
            "rp": [sen(c) for c in cells(r.get("anggaran"))],
            "k": [[number(c) for c in cells(i)] for i in inds],
            "satuan": [i.get("satuan") for i in inds],
        })
    return out


def write(name, lines):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
        f.write("".join(line + "\r\n" if name.endswith(".csv") else line + "\n" for line in lines))


# --- With Kode, merged header cells, tab-separated, the source's number strings.
W = 27
head = [
    ["EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH"] + [""] * (W - 1),
    ["DINAS PENDIDIKAN KABUPATEN BENGKULU UTARA TAHUN 2025"] + [""] * (W - 1),
    [""] * W,
    ["No", "Sasaran", "Kode", "Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja Program (outcome)/Kegiatan (output)",
     "Target Renstra Perangkat Daerah pada Tahun 2026 (Akhir Periode Renstra PD)", "",
     "Realisasi Capaian Kinerja Renstra PD sampai dengan Renja PD Tahun Lalu (2024)", "",
     "Target Kinerja dan Anggaran Renja PD Tahun Berjalan yang Dievaluasi (2025)", "",
     "Realisasi Kinerja Pada Triwulan", "", "", "", "", "", "", "",
     "Realisasi Capaian Kinerja dan Anggaran Renja PD yang Dievaluasi", "",
     "Realisasi Kinerja dan Anggaran Renstra PD s/d Tahun 2025", "",
     "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra PD s/d Tahun 2025 (%)", "",
     "Unit Perangkat Daerah Penanggung Jawab", "Ket."],
    [""] * 11 + ["I", "", "II", "", "III", "", "IV", ""] + [""] * 8,
    [""] * 5 + ["K", "Rp"] * 10 + ["", ""],
    ["1", "2", "3", "4", "5"] + sum([[str(n), ""] for n in range(6, 16)], []) + ["16", "17"],
]
lines = ["\t".join(r) for r in head]
lines.append("\t".join(["", "", "1", "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR"] + [""] * (W - 4)))
lines.append("\t".join(["", "", "1.01", "URUSAN PEMERINTAHAN BIDANG PENDIDIKAN"] + [""] * (W - 4)))
kode_rows = list(rows_of(table["program"]))
for level, r in kode_rows:
    inds = r.get("indikator") or []
    rp = cells(r.get("anggaran"))
    def k_cells(i):
        ks = cells(i)
        unit = i.get("satuan", "")
        return [c + (" " + unit if c != "" and unit else "") for c in ks]
    first = inds[0] if inds else None
    row = ["", r.get("sasaran", ""), r["kode"], r["nama"], first["nama"] if first else ""]
    ks = k_cells(first) if first else [""] * 10
    for j in range(10):
        row += [ks[j], rp[j]]
    row += [r.get("unit", ""), ""]
    lines.append("\t".join(row))
    for i in inds[1:]:
        ks = k_cells(i)
        row = ["", "", "", "", i["nama"]]
        for j in range(10):
            row += [ks[j], ""]
        row += ["", ""]
        lines.append("\t".join(row))
write("standar-kode-gabung.tsv", lines)

# --- Without Kode, split K | Rp, `;`-separated, Indonesian number format, two programs.
W2 = 26
subset = table["program"][:2]
csv_rows = [
    ["Evaluasi Terhadap Hasil Renja Perangkat Daerah Dinas Pendidikan Kabupaten Bengkulu Utara"] + [""] * (W2 - 1),
    ["Periode Pelaksanaan: Triwulan II Tahun 2025"] + [""] * (W2 - 1),
    ["No", "Sasaran", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja"] + ["Target Renstra", "Target Renstra",
     "Realisasi s/d Tahun Lalu", "Realisasi s/d Tahun Lalu", "Target Renja", "Target Renja"]
    + ["Triwulan I", "Triwulan I", "Triwulan II", "Triwulan II", "Triwulan III", "Triwulan III", "Triwulan IV", "Triwulan IV"]
    + ["Realisasi Renja", "Realisasi Renja", "Realisasi Renstra", "Realisasi Renstra", "Tingkat Capaian", "Tingkat Capaian"]
    + ["Unit Penanggung Jawab", "Ket."],
    ["", "", "", ""] + ["K", "Rp"] * 10 + ["", ""],
    ["1", "2", "3", "4"] + sum([[str(n), str(n)] for n in range(5, 15)], []) + ["15", "16"],
]
romans = ["I", "II", "III", "IV", "V", "VI"]
tanpa_rows = []
pi = 0
ki = si = 0
for level, r in rows_of(subset):
    if level == "program":
        pi += 1; ki = 0; no = romans[pi - 1]
    elif level == "kegiatan":
        ki += 1; si = 0; no = str(ki)
    else:
        si += 1; no = "%d.%d" % (ki, si)
    tanpa_rows.append((level, r, no))
data_lines = []
for n, (level, r, no) in enumerate(tanpa_rows):
    inds = r.get("indikator") or []
    rp = [indonesian_amount(c) for c in cells(r.get("anggaran"))]
    first = inds[0] if inds else None
    name = r["nama"]
    split_name = n == 3   # a page break inside this row's name
    row = [no, r.get("sasaran", ""), name.rsplit(" ", 1)[0] if split_name else name, first["nama"] if first else ""]
    ks = [indonesian_number(c) for c in cells(first)] if first else [""] * 10
    if first and first.get("satuan"):
        ks = [c + (" " + first["satuan"] if c else "") for c in ks]
    for j in range(10):
        row += [ks[j], rp[j]]
    row += [r.get("unit", ""), ""]
    data_lines.append(row)
    if split_name:
        data_lines += [csv_rows[3], csv_rows[4]]
        data_lines.append(["", "", name.rsplit(" ", 1)[1]] + [""] * (W2 - 3))
    for i in inds[1:]:
        ks = [indonesian_number(c) + (" " + i["satuan"] if c and i.get("satuan") else "") for c in cells(i)]
        row = ["", "", "", i["nama"]]
        for j in range(10):
            row += [ks[j], ""]
        data_lines.append(row + ["", ""])
footer = [
    ["Rata-rata capaian kinerja (%)"] + [""] * (W2 - 1),
    ["Predikat kinerja"] + [""] * (W2 - 1),
    ["Faktor pendorong keberhasilan pencapaian:", "", "", "Dukungan anggaran tepat waktu"] + [""] * (W2 - 4),
    ["Faktor penghambat pencapaian kinerja:", "", "", "Pengadaan terlambat"] + [""] * (W2 - 4),
    ["Tindak lanjut yang diperlukan dalam triwulan berikutnya:", "", "", "Percepatan pengadaan"] + [""] * (W2 - 4),
    ["Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya:", "", "", "Perencanaan lebih awal"] + [""] * (W2 - 4),
    [""] * W2,
    ["Disusun", "", "", "Dievaluasi"] + [""] * (W2 - 4),
    ["Kepala Dinas Pendidikan", "", "", "Kepala Bappeda"] + [""] * (W2 - 4),
]
def csv_line(cells_):
    out = []
    for c in cells_:
        out.append('"' + c.replace('"', '""') + '"' if (";" in c or '"' in c) else c)
    return ";".join(out)
write("standar-tanpa-kode-pisah.csv", [csv_line(r) for r in csv_rows + data_lines + footer])

# --- A numbered row that fits no layout.
bad = [
    ["EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH"] + [""] * 20,
    ["No", "Sasaran", "Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator"] + ["K", "Rp"] * 7 + ["Unit", "Ket."],
    ["1", "2", "3", "4", "5"] + sum([[str(n), ""] for n in range(6, 13)], []) + ["", ""],
    ["", "", "1.01.02", "PROGRAM PENGELOLAAN PENDIDIKAN", "APM PAUD", "72", "", "", "", "72.12", "45000000"] + [""] * 10,
]
write("standar-nomor-salah.tsv", ["\t".join(r) for r in bad])

numbers = {id(r): no for _, r, no in tanpa_rows}
key = {
    "standar-kode-gabung.tsv": answer(kode_rows, lambda level, r: r["kode"]),
    "standar-tanpa-kode-pisah.csv": answer([(l, r) for l, r, _ in tanpa_rows], lambda level, r: numbers[id(r)]),
}
with open(os.path.join(HERE, "standar-answer.json"), "w", encoding="utf-8") as f:
    json.dump(key, f, ensure_ascii=False, indent=1, sort_keys=True)
    f.write("\n")
print("rows:", {k: len(v) for k, v in key.items()})
