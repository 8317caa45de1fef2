#!/usr/bin/env python3
"""Independent answer key for comparing two documents of one agency and year, row by row.

Reads each document's plan table (tabel/rencana.yaml, else tabel/evaluasi.yaml) with PyYAML's
BaseLoader (every scalar stays the text as written) and does the matching and the arithmetic
itself.  It does NOT call `renja` or share its code.

Rows are paired by (level, kode); rows left over are paired by (level, name) with the name
lower-cased and its whitespace collapsed.  For each row of the later document (and each row only
in the earlier one) it records:

  pagu_sebelum, pagu_sesudah   whole rupiah as stated; null when the row is not in that document
  selisih                      pagu_sesudah - pagu_sebelum (a missing side counts as 0)
  target_berubah               indicators, paired by name (as above), whose target text differs
                               (number and unit, case and spacing ignored), plus indicators in one
                               document only
  target_rincian               the same indicators, each with its name and both targets as written
                               (null on the side the indicator is missing from)
  status                       baru / dihapus / berubah (pagu or a target differs) / tetap

and the totals: the sum of the programs' pagu of each document and their difference.

Usage:  python3 compare_key.py EARLIER_DOCUMENT_FOLDER LATER_DOCUMENT_FOLDER OUTPUT.json
Default: ppu-bapelitbang-renja-2024/renja-2024 -> ppu-bapelitbang-perubahan-renja-2024/perubahan-renja-2024,
written to ppu-bapelitbang-perubahan-renja-2024/comparison-key.json.
"""
import json
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
LEVELS = ("program", "kegiatan", "sub_kegiatan")
CHILD = {"program": "kegiatan", "kegiatan": "sub_kegiatan", "sub_kegiatan": None}
WORD = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan"}


def load(folder):
    for name in ("rencana.yaml", "evaluasi.yaml"):
        path = os.path.join(folder, "tabel", name)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                return yaml.load(f, Loader=yaml.BaseLoader)
    raise SystemExit(f"no table in {folder}")


def rupiah(text):
    t = (text or "").strip()
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", t):
        return int(t.replace(".", ""))
    if re.fullmatch(r"\d+", t):
        return int(t)
    return None


def norm(s):
    return " ".join((s or "").lower().split())


def target(text):
    """'100 %' and '100%' alike; '14 Dokumen' and '14 dokumen' alike."""
    t = norm(text).replace(" %", "%")
    return t


def rows(table):
    out = []

    def walk(item, level):
        out.append((level, item))
        child = CHILD[level]
        for c in item.get(child, []) if child else []:
            walk(c, child)

    for p in table.get("program", []):
        walk(p, "program")
    return out


def target_changes(a, b):
    return len(target_details(a, b))


def target_details(a, b):
    names = {norm(i["nama"]): i["nama"] for i in a.get("indikator", []) + b.get("indikator", [])}
    ia = {norm(i["nama"]): i.get("target") for i in a.get("indikator", [])}
    ib = {norm(i["nama"]): i.get("target") for i in b.get("indikator", [])}
    changed = [n for n in ib if n in ia and target(ia[n]) != target(ib[n])]
    changed += [n for n in ib if n not in ia] + [n for n in ia if n not in ib]
    return [{"indikator": names[n], "sebelum": ia.get(n), "sesudah": ib.get(n)} for n in changed]


def compare(earlier, later):
    before, after = rows(load(earlier)), rows(load(later))
    partner, taken = {}, set()
    for j, (lv, item) in enumerate(after):
        k = item.get("kode")
        for i, (lv2, old) in enumerate(before):
            if i not in taken and lv2 == lv and k and old.get("kode") == k:
                partner[j], taken = i, taken | {i}
                break
    for j, (lv, item) in enumerate(after):
        if j in partner:
            continue
        for i, (lv2, old) in enumerate(before):
            if i not in taken and lv2 == lv and norm(old["nama"]) == norm(item["nama"]):
                partner[j], taken = i, taken | {i}
                break
    out = []
    for j, (lv, item) in enumerate(after):
        old = before[partner[j]][1] if j in partner else None
        pb = rupiah(old.get("pagu")) if old else None
        pa = rupiah(item.get("pagu"))
        tc = target_changes(old, item) if old else 0
        status = "baru" if old is None else ("berubah" if pb != pa or tc else "tetap")
        out.append({"tingkat": WORD[lv], "kode": item.get("kode"), "nama": item["nama"], "pagu_sebelum": pb,
                    "pagu_sesudah": pa, "selisih": (pa or 0) - (pb or 0), "target_berubah": tc,
                    "target_rincian": target_details(old, item) if old else [], "status": status})
    for i, (lv, old) in enumerate(before):
        if i not in taken:
            pb = rupiah(old.get("pagu"))
            out.append({"tingkat": WORD[lv], "kode": old.get("kode"), "nama": old["nama"], "pagu_sebelum": pb,
                        "pagu_sesudah": None, "selisih": -(pb or 0), "target_berubah": 0, "target_rincian": [],
                        "status": "dihapus"})
    total_b = sum(rupiah(item.get("pagu")) for lv, item in before if lv == "program")
    total_a = sum(rupiah(item.get("pagu")) for lv, item in after if lv == "program")
    return {"sebelum": os.path.basename(earlier), "sesudah": os.path.basename(later),
            "jumlah_pagu_sebelum": total_b, "jumlah_pagu_sesudah": total_a, "selisih_jumlah": total_a - total_b,
            "baris": out}


def main(argv):
    if len(argv) == 4:
        earlier, later, output = argv[1:]
    else:
        earlier = os.path.join(HERE, "ppu-bapelitbang-renja-2024", "renja-2024")
        later = os.path.join(HERE, "ppu-bapelitbang-perubahan-renja-2024", "perubahan-renja-2024")
        output = os.path.join(HERE, "ppu-bapelitbang-perubahan-renja-2024", "comparison-key.json")
    key = compare(earlier, later)
    with open(output, "w", encoding="utf-8") as f:
        json.dump(key, f, ensure_ascii=False, indent=1)
        f.write("\n")
    changed = sum(1 for r in key["baris"] if r["status"] != "tetap")
    print(f"{key['sebelum']} -> {key['sesudah']}: {len(key['baris'])} rows, {changed} changed, "
          f"total {key['jumlah_pagu_sebelum']} -> {key['jumlah_pagu_sesudah']} ({key['selisih_jumlah']:+})")


if __name__ == "__main__":
    main(sys.argv)
