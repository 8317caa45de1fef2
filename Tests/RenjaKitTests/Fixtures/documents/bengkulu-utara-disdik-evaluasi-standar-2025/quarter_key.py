#!/usr/bin/env python3
"""Independent answer key for the "Realisasi per triwulan" page of renja-2025/tabel/evaluasi-standar.yaml.
It reads the YAML with PyYAML (every scalar as the text written) and does its own arithmetic, in exact
integers (Rupiah in sen) and Decimals (K). It does NOT import or call Renja.

Rules (the page's, stated independently):
  - a row that states its quarters (`anggaran.triwulan`) uses them and its own `target_renja` as pagu;
    a row that does not gets, per quarter, the sum over ALL its sub kegiatan (the source states quarters
    on sub kegiatan only), and as pagu the sum of their `target_renja`;
  - kumulatif s/d TW n = TW I + ... + TW n; % pagu = kumulatif / pagu x 100, rounded half up to 2 decimals;
  - an indicator's K quarters are added up the same way against its `target_renja` (every indicator of
    this table is higher-is-better; the script stops if one reads otherwise).
Figures are written as the page writes them: amounts with thousands dots and no `Rp` (sen after a comma),
K with thousands dots and up to four decimals, percentages with two decimals.

Usage: python3 quarter_key.py   (writes answer-key-triwulan.json beside this script)
"""
import json
import os
from decimal import Decimal, ROUND_HALF_UP

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, "renja-2025", "tabel", "evaluasi-standar.yaml")
LOWER = ("penurunan", "prevalensi", "angka kematian", "angka putus", "angka kesakitan")


def sen(text):
    whole, _, frac = str(text).strip().partition(".")
    return int(whole) * 100 + (int(frac.ljust(2, "0")) if frac else 0)


def grouped(n):
    return f"{n:,}".replace(",", ".")


def amount(s):
    whole, cents = divmod(s, 100)
    return grouped(whole) + (f",{cents:02d}" if cents else "")


def k(d):
    d = d.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    whole, _, frac = f"{d:f}".partition(".")
    frac = frac.rstrip("0")
    return grouped(int(whole)) + ("," + frac if frac else "")


def pct(num, den):
    if den == 0:
        return "–"
    p = (Decimal(num) / Decimal(den) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole, _, frac = f"{p:f}".partition(".")
    return grouped(int(whole)) + "," + frac + "%"


def subs(row, level):
    if level == "sub_kegiatan":
        return [row]
    child = "kegiatan" if level == "program" else "sub_kegiatan"
    return [s for c in row.get(child, []) for s in subs(c, child)]


def series(values, target):
    out, run = [], 0
    for v in values:
        run += v
        out.append({"nilai": v, "kumulatif": run, "persen": pct(run, target)})
    return out


def unit(row, level):
    a = row.get("anggaran", {})
    if "triwulan" in a:
        quarters, pagu = [sen(x) for x in a["triwulan"]], sen(a["target_renja"])
    else:
        leaves = subs(row, level)
        quarters = [sum(sen(s["anggaran"]["triwulan"][q]) for s in leaves) for q in range(4)]
        pagu = sum(sen(s["anggaran"]["target_renja"]) for s in leaves)
    rows = series(quarters, pagu)
    return {"kode": row["kode"], "tingkat": level, "pagu": amount(pagu),
            "triwulan": [{"nilai": amount(r["nilai"]), "kumulatif": amount(r["kumulatif"]), "persen": r["persen"]} for r in rows]}


def indicators(row):
    out = []
    for ind in row.get("indikator", []):
        if "triwulan" not in ind:
            continue
        name = ind["nama"]
        if ind.get("arah") == "turun" or any(w in name.lower() for w in LOWER):
            raise SystemExit(f"indicator {name!r} reads lower-is-better: extend this key")
        target = Decimal(str(ind["target_renja"]))
        run, qs = Decimal(0), []
        for v in ind["triwulan"]:
            d = Decimal(str(v))
            run += d
            share = "–" if target == 0 else pct(run * 10000, target * 10000)
            qs.append({"nilai": k(d), "kumulatif": k(run), "persen": share})
        out.append({"sub_kegiatan": row["kode"], "nama": name, "target": k(target), "triwulan": qs})
    return out


def main():
    with open(TABLE, encoding="utf-8") as f:
        # BaseLoader: every scalar stays a string, as written.
        doc = yaml.load(f, Loader=yaml.BaseLoader)
    units, inds = [], []
    for p in doc["program"]:
        units.append(unit(p, "program"))
        for kg in p.get("kegiatan", []):
            units.append(unit(kg, "kegiatan"))
            for s in kg.get("sub_kegiatan", []):
                inds += indicators(s)
    key = {"units": units, "indicators": inds}
    with open(os.path.join(HERE, "answer-key-triwulan.json"), "w", encoding="utf-8") as f:
        json.dump(key, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{len(units)} program/kegiatan, {len(inds)} indicators")


if __name__ == "__main__":
    main()
