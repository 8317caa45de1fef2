#!/usr/bin/env python3
"""Independent answer key for renja-2025/tabel/evaluasi-standar.yaml (the standard evaluation
table of Permendagri 86/2017).  It reads the YAML with PyYAML's composer (every scalar stays the
text as written, and every node keeps its line and column) and does the arithmetic itself, in
exact integers (Rupiah in sen) and Decimals (K).  It does NOT import or call Renja.

Formulas (column numbers of the variant with the Kode column; without it every number from 3 on
is one lower):
  evaluasi-triwulan         stated 13 != 9 + 10 + 11 + 12             (K and Rp)
  evaluasi-kumulatif        stated 14 != 7 + 13 (stated 13, else the quarter sum)
  evaluasi-tingkat-capaian  stated 15 outside 14 / 6 * 100 (+- half a unit of the stated decimals,
                            or truncated), indicators higher-is-better unless `arah: turun`
  evaluasi-jumlah           a parent's Rp column != sum of its children (a program whose kegiatan
                            all lack the column: against all its sub kegiatan)
  evaluasi-melebihi-target  the running sum of the quarters passes the year's target (col. 8);
                            the first such quarter; K only for higher-is-better indicators
K tolerance for sums: a value with d > 0 decimals stands for v +- 0.5 * 10^-d; a sum is consistent
when the intervals overlap (XBRL Calculations 1.1); whole numbers (counts) are exact.  Rupiah: exact.

Usage: python3 answer_key.py   (writes answer-key-standar.json beside this script)
"""
import json
import os
import re
from decimal import Decimal

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, "renja-2025", "tabel", "evaluasi-standar.yaml")
SHOWN = "Content/renja-2025/tabel/evaluasi-standar.yaml"
LOWER_IS_BETTER_WORDS = ("penurunan", "prevalensi", "angka kematian", "angka putus", "angka kesakitan")


def mapping(node):
    return {k.value: v for k, v in node.value} if isinstance(node, yaml.MappingNode) else {}


def pos(node):
    return f"{node.start_mark.line + 1}:{node.start_mark.column + 1}"


def sen(text):
    t = text.strip()
    if t.startswith("Rp"):
        t = t[2:].lstrip(". ")
    if re.fullmatch(r"\d{1,3}(\.\d{3})*(,\d{1,2})?", t):
        whole, _, frac = t.partition(",")
        whole = whole.replace(".", "")
    elif re.fullmatch(r"\d+(\.\d{1,2})?", t):
        whole, _, frac = t.partition(".")
    else:
        raise ValueError(f"not an amount: {text!r}")
    return int(whole) * 100 + (int(frac.ljust(2, "0")) if frac else 0)


def number(text):
    t = text.strip()
    if t.count(",") == 1:
        t = t.replace(".", "").replace(",", ".")
    elif t.count(".") == 1 and len(t.split(".")[1]) == 3:
        t = t.replace(".", "")
    elif t.count(".") > 1:
        t = t.replace(".", "")
    return Decimal(t)


def half_unit(text):
    m = re.search(r"[.,](\d+)$", text.strip())
    d = len(m.group(1)) if m and len(m.group(1)) != 3 else 0
    return Decimal(1).scaleb(-d) / 2 if d else Decimal(0)  # whole numbers (counts) are exact


def grouped(n):
    return f"{n:,}".replace(",", ".")


def rp(s):
    whole, cents = divmod(abs(s), 100)
    out = "Rp " + grouped(whole) + (f",{cents:02d}" if cents else "")
    return ("-" if s < 0 else "") + out


def k(x, unit):
    x = Decimal(x).normalize()
    if x == x.to_integral():
        text = grouped(int(x))
    else:
        whole, frac = f"{x:f}".split(".")
        text = grouped(int(whole)) + "," + frac
    return f"{text} {unit}" if unit else text


ROMAN = ["I", "II", "III", "IV"]
findings = []


def add(code, node, figures):
    findings.append({"code": code, "at": f"{SHOWN}:{pos(node)}", "figures": figures})


def series(m, parse):
    cells = {key: (parse(m[key].value), m[key]) for key in
             ("target_renstra", "realisasi_renstra_lalu", "target_renja", "realisasi_renja", "realisasi_renstra") if key in m}
    quarters = [(parse(n.value), n) for n in m["triwulan"].value] if "triwulan" in m else []
    pct = (number(m["tingkat_capaian"].value.rstrip("%")), m["tingkat_capaian"]) if "tingkat_capaian" in m else None
    return cells, quarters, pct


def check_series(m, is_rp, unit="", naik=True):
    parse = sen if is_rp else number
    show = rp if is_rp else (lambda x: k(x, unit))
    cells, quarters, pct = series(m, parse)
    qsum = sum(v for v, _ in quarters) if quarters else None
    if "realisasi_renja" in cells and qsum is not None:
        stated, node = cells["realisasi_renja"]
        tol = 0 if is_rp else half_unit(node.value) + sum(half_unit(n.value) for _, n in quarters)
        if abs(stated - qsum) > tol:
            add("evaluasi-triwulan", node, {"tertulis": show(stated), "dihitung": show(qsum)})
    year = cells["realisasi_renja"][0] if "realisasi_renja" in cells else qsum
    if "realisasi_renstra" in cells and "realisasi_renstra_lalu" in cells and year is not None:
        stated, node = cells["realisasi_renstra"]
        comp = cells["realisasi_renstra_lalu"][0] + year
        tol = 0 if is_rp else half_unit(node.value) + half_unit(cells["realisasi_renstra_lalu"][1].value) + (
            half_unit(cells["realisasi_renja"][1].value) if "realisasi_renja" in cells else 0)
        if abs(stated - comp) > tol:
            add("evaluasi-kumulatif", node, {"tertulis": show(stated), "dihitung": show(comp)})
    if pct is not None and "target_renstra" in cells:
        total = cells["realisasi_renstra"][0] if "realisasi_renstra" in cells else (
            cells["realisasi_renstra_lalu"][0] + year if "realisasi_renstra_lalu" in cells and year is not None else None)
        target = cells["target_renstra"][0]
        if total is not None and target != 0 and (naik or total != 0):
            comp = Decimal(total) / Decimal(target) * 100 if naik else Decimal(target) / Decimal(total) * 100
            stated, node = pct
            m_ = re.search(r"[.,](\d+)%?$", node.value.strip())
            unit_ = Decimal(1).scaleb(-min(len(m_.group(1)), 2)) if m_ else Decimal(1)
            # two decimals: within 0,01 either way (Renja's reading of a rounded or truncated figure)
            ok = abs(stated - comp) <= Decimal("0.01") if unit_ <= Decimal("0.01") else (
                abs(stated - comp) <= unit_ / 2 or stated <= comp < stated + unit_)
            if not ok:
                add("evaluasi-tingkat-capaian", node, {"tertulis": str(stated), "dihitung": f"{comp:.2f}"})
    if "target_renja" in cells and quarters and (is_rp or naik):
        target = cells["target_renja"][0]
        running = 0
        for i, (v, node) in enumerate(quarters):
            running += v
            if running > target:
                add("evaluasi-melebihi-target", node,
                    {f"realisasi s/d TW {ROMAN[i]}": show(running), "target Renja (kolom 8)": show(target)})
                break


def rp_value(m, column, q=None):
    a = mapping(m.get("anggaran")) if "anggaran" in m else {}
    if column == "triwulan":
        if "triwulan" not in a or q >= len(a["triwulan"].value):
            return None
        n = a["triwulan"].value[q]
        return sen(n.value), n
    return (sen(a[column].value), a[column]) if column in a else None


def check_sums(m, level, children):
    cols = [("target_renstra", None), ("realisasi_renstra_lalu", None), ("target_renja", None)] + \
           [("triwulan", q) for q in range(4)] + [("realisasi_renja", None), ("realisasi_renstra", None)]
    for column, q in cols:
        own = rp_value(m, column, q)
        if own is None:
            continue
        kids = [rp_value(c, column, q) for c in children]
        if all(x is not None for x in kids) and kids:
            total = sum(x[0] for x in kids)
        elif level == "program" and all(x is None for x in kids):
            subs = [rp_value(s, column, q) for c in children for s in [mapping(n) for n in mapping_list(c, "sub_kegiatan")]]
            if not subs or any(x is None for x in subs):
                continue
            total = sum(x[0] for x in subs)
        else:
            continue
        if own[0] != total:
            add("evaluasi-jumlah", own[1], {"tertulis": rp(own[0]), "dihitung": rp(total), "selisih": rp(abs(own[0] - total))})


def mapping_list(m, key):
    return m[key].value if key in m and isinstance(m[key], yaml.SequenceNode) else []


def walk(node, level):
    m = mapping(node)
    child_key = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}.get(level)
    children = [mapping(n) for n in mapping_list(m, child_key)] if child_key else []
    if "anggaran" in m:
        check_series(mapping(m["anggaran"]), True)
    for ind in mapping_list(m, "indikator"):
        im = mapping(ind)
        name = im["nama"].value.lower()
        naik = not ("arah" in im and im["arah"].value == "turun")
        if naik and "arah" not in im and any(w in name for w in LOWER_IS_BETTER_WORDS):
            raise SystemExit(f"indicator {name!r} reads lower-is-better: declare `arah:` or extend this key")
        check_series(im, False, im["satuan"].value if "satuan" in im else "", naik)
    if children:
        check_sums(m, level, children)
    for n in mapping_list(m, child_key) if child_key else []:
        walk(n, {"program": "kegiatan", "kegiatan": "sub_kegiatan"}[level])


with open(TABLE, encoding="utf-8") as f:
    root = yaml.compose(f)
for p in mapping_list(mapping(root), "program"):
    walk(p, "program")

findings.sort(key=lambda d: (int(d["at"].split(":")[-2]), int(d["at"].split(":")[-1]), d["code"]))
counts = {}
for d in findings:
    counts[d["code"]] = counts.get(d["code"], 0) + 1
with open(os.path.join(HERE, "answer-key-standar.json"), "w", encoding="utf-8") as f:
    json.dump({"table": SHOWN, "counts": counts, "findings": findings}, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(counts)
