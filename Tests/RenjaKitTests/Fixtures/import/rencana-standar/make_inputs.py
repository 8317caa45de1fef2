#!/usr/bin/env python3
"""Writes the spreadsheet-like inputs of the standard rencana table import tests, and their answer
key, from the Penajam Paser Utara fixture (../../documents/ppu-bapelitbang-rencana-standar-2024/
renja-2024/tabel/rencana-standar.yaml, itself the SIPD-style data verbatim). PyYAML only, no Renja code.

- rencana-standar-gabung.tsv: the whole fixture as a spreadsheet copies it: two title lines, two
  header rows with merged cells ("Rencana Tahun 2024" over columns 4-7, "Prakiraan Maju Rencana
  Tahun 2025" over 9-10: the text, then empty cells), the numbered row 1..10 with Kelompok Sasaran
  unnumbered after it, urusan and bidang rows, amounts as plain digits (a spreadsheet's number
  cells), every further indicator on a row of its own without Kode.
- rencana-standar-titik-koma.csv: the same table `;`-separated with CRLF, without the Kelompok
  Sasaran column, the numbered row as (1)..(10), amounts in Indonesian format (8.946.892.715),
  a page break after the 20th row (headers and numbered row repeated, that row's name split over
  the break), a JUMLAH row and a signature block below it.
- rencana-standar-answer.json: per input, the title and tahun it states and, per row in order,
  its level, kode, nama, text cells, pagu and pagu_maju in rupiah (computed here from the YAML
  strings) and its indicators (nama, target, target_maju as written).

Run: python3 make_inputs.py
"""
import json
import os

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "..", "..", "documents", "ppu-bapelitbang-rencana-standar-2024",
                   "renja-2024", "tabel", "rencana-standar.yaml")
CHILD = {"urusan": "bidang", "bidang": "program", "program": "kegiatan", "kegiatan": "sub_kegiatan"}


class RawLoader(yaml.SafeLoader):
    pass


# Every scalar as its text (no int/float/bool resolution).
RawLoader.yaml_implicit_resolvers = {}

with open(SRC, encoding="utf-8") as f:
    table = yaml.load(f, Loader=RawLoader)


def rows_of(rows, level):
    """(level, row) depth first."""
    for r in rows:
        yield level, r
        child = CHILD.get(level)
        if child:
            yield from rows_of(r.get(child) or [], child)


ROWS = list(rows_of(table["urusan"], "urusan"))


def rupiah(s):
    """'8.946.892.715' -> 8946892715 (the fixture groups thousands with dots, no sen)."""
    if s is None:
        return None
    parts = s.split(".")
    assert all(p.isdigit() for p in parts) and all(len(p) == 3 for p in parts[1:]), s
    return int("".join(parts))


def indonesian(n):
    return "{:,}".format(n).replace(",", ".")


def write(name, lines, crlf=False):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
        f.write("".join(line + ("\r\n" if crlf else "\n") for line in lines))


def data_rows(amount, kelompok):
    """The table rows of every fixture row: the row itself with its first indicator, then one row
    per further indicator. `amount` writes a rupiah figure."""
    out = []
    for level, r in ROWS:
        inds = r.get("indikator") or []
        first = inds[0] if inds else {}
        row = [r["kode"], r["nama"], first.get("nama", ""), r.get("lokasi", ""), first.get("target", ""),
               amount(r.get("pagu")), r.get("sumber_dana", ""), r.get("catatan", ""), first.get("target_maju", ""),
               amount(r.get("pagu_maju"))]
        if kelompok:
            row.append(r.get("kelompok_sasaran", ""))
        out.append(row)
        for i in inds[1:]:
            row = ["", "", i["nama"], "", i.get("target", ""), "", "", "", i.get("target_maju", ""), ""]
            if kelompok:
                row.append("")
            out.append(row)
    return out


def header(kelompok):
    h1 = ["Kode", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan",
          "Indikator Kinerja Program/Kegiatan/Sub Kegiatan", "Rencana Tahun 2024", "", "", "", "Catatan Penting",
          "Prakiraan Maju Rencana Tahun 2025", ""]
    h2 = ["", "", "", "Lokasi", "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif (Rp)", "Sumber Dana", "",
          "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif (Rp)"]
    if kelompok:
        h1.append("Kelompok Sasaran")
        h2.append("")
    return [h1, h2]


TITLE2 = "BADAN PERENCANAAN, PENELITIAN DAN PENGEMBANGAN KABUPATEN PENAJAM PASER UTARA"

# --- Tab-separated, merged header cells, Kelompok Sasaran, plain digits.
W = 11
lines = [table["judul"] + "\t" * (W - 1), TITLE2 + "\t" * (W - 1), "\t" * (W - 1)]
lines += ["\t".join(r) for r in header(True)]
lines.append("\t".join([str(n) for n in range(1, 11)] + [""]))
lines += ["\t".join(r) for r in data_rows(lambda s: "" if s is None else str(rupiah(s)), True)]
write("rencana-standar-gabung.tsv", lines)

# --- `;`, CRLF, no Kelompok Sasaran, (1)..(10), Indonesian amounts, page break, JUMLAH, signatures.
W2 = 10
def csv_line(cells):
    return ";".join('"' + c.replace('"', '""') + '"' if (";" in c or '"' in c) else c for c in cells)

rows = data_rows(lambda s: "" if s is None else indonesian(rupiah(s)), False)
BREAK = 20
split_name = rows[BREAK - 1][1]
assert " " in split_name, split_name
head, tail = split_name.rsplit(" ", 1)
rows[BREAK - 1][1] = head
numbered = ["(%d)" % n for n in range(1, 11)]
page_break = header(False) + [numbered] + [["", tail] + [""] * (W2 - 2)]
programs = [r for level, r in ROWS if level == "program"]
total = ["", "JUMLAH", "", "", "", indonesian(sum(rupiah(p["pagu"]) for p in programs)), "", "", "",
         indonesian(sum(rupiah(p["pagu_maju"]) for p in programs))]
signature = [[""] * 7 + ["Penajam, 2023", "", ""], [""] * 7 + ["Kepala Bapelitbang", "", ""], [""] * W2,
             [""] * 7 + ["NIP. 19700101 199001 1 001", "", ""]]
csv_rows = [[table["judul"]] + [""] * (W2 - 1), [TITLE2] + [""] * (W2 - 1)] + header(False) + [numbered]
csv_rows += rows[:BREAK] + page_break + rows[BREAK:] + [total] + signature
write("rencana-standar-titik-koma.csv", [csv_line(r) for r in csv_rows], crlf=True)


def answer(kelompok):
    out = []
    for level, r in ROWS:
        out.append({
            "level": level, "kode": r["kode"], "nama": r["nama"],
            "lokasi": r.get("lokasi"), "sumber_dana": r.get("sumber_dana"), "catatan": r.get("catatan"),
            "kelompok_sasaran": r.get("kelompok_sasaran") if kelompok else None,
            "pagu": rupiah(r.get("pagu")), "pagu_maju": rupiah(r.get("pagu_maju")),
            "indikator": [{"nama": i["nama"], "target": i.get("target"), "target_maju": i.get("target_maju")}
                          for i in r.get("indikator") or []],
        })
    return out


title = table["judul"] + " " + TITLE2
key = {
    "rencana-standar-gabung.tsv": {"judul": title, "tahun": 2024, "rows": answer(True), "headerRows": 3},
    "rencana-standar-titik-koma.csv": {"judul": title, "tahun": 2024, "rows": answer(False), "headerRows": 6,
                                       "continuationRows": 1, "totalRows": 1, "trailingRows": 3,
                                       "paguProgram": sum(rupiah(p["pagu"]) for p in programs)},
}
with open(os.path.join(HERE, "rencana-standar-answer.json"), "w", encoding="utf-8") as f:
    json.dump(key, f, ensure_ascii=False, indent=1, sort_keys=True)
    f.write("\n")
print("rows:", {k: len(v["rows"]) for k, v in key.items()}, "split:", split_name)
