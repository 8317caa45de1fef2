#!/usr/bin/env python3
"""Independent answer key for the real-document fixtures in this folder.

Reads each fixture's tabel/*.yaml with PyYAML's BaseLoader (every scalar stays the text
as written: `no`, `0`, `550.000` and `2024-08-08` are not resolved to booleans, numbers or
dates) and does the arithmetic itself.  It does NOT call `renja`.

For every document folder (a folder with dokumen.yaml) under a fixture folder it lists the
figure mistakes it can compute from the data:

  jumlah-pagu              parent pagu != sum of its children's pagu
                           (kegiatan vs its sub kegiatan; program vs its kegiatan)
  jumlah-realisasi         the same for realisasi (Tabel 1)
  persen-realisasi         stated persen_realisasi outside realisasi/pagu*100 +- half a unit
                           of its last stated decimal (11,16 is consistent with [11,155; 11,165))
  realisasi-melebihi-pagu  realisasi > pagu
  persen-capaian           stated indicator persen outside capaian/target*100 +- half a unit of
                           its last decimal; only when target and capaian are plain numbers with
                           the same unit; indicators declared `arah: turun` are skipped (counted)
  kode-ganda               the same kode (Tabel 2) or no (Tabel 1) on more than one row
  kode-tidak-bersarang     (Tabel 2) a child's kode does not start with its parent's kode + "."

Added for evaluation tables (Tabel 1 only; Tabel 2 keys are unchanged):

  jumlah-pagu / jumlah-realisasi, against "seluruh sub kegiatan (kegiatan tanpa angka)"
                           a program that states the amount while its kegiatan do not (some
                           e-Monev apps keep amounts on program and sub kegiatan rows only):
                           the program is compared with the sum of all its sub kegiatan, when
                           every sub kegiatan states a readable amount.  The program-vs-kegiatan
                           comparison stays listed under "not_checkable" as before.

Rows whose parent has no pagu (or no realisasi) are listed under "not_checkable" instead.
Amounts that are not plain Rupiah text (digits with dot thousands grouping, or plain digits)
are listed under "unreadable" and left out of sums.

Usage:  python3 answer_key.py [FIXTURE_FOLDER ...]
        (default: every folder next to this script that holds a situs.yaml)
Writes FIXTURE_FOLDER/answer-key.json and prints a one-line summary per document.
"""
import json
import os
import re
import sys
from decimal import Decimal, InvalidOperation

import yaml

LEVELS = ("program", "kegiatan", "sub_kegiatan")
CHILD = {"program": "kegiatan", "kegiatan": "sub_kegiatan", "sub_kegiatan": None}
GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")
PLAIN = re.compile(r"^\d+$")


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=yaml.BaseLoader)


def rupiah(text):
    """'1.244.173.000' -> 1244173000; '0' -> 0; anything else -> None."""
    if text is None:
        return None
    t = str(text).strip()
    if GROUPED.match(t):
        return int(t.replace(".", ""))
    if PLAIN.match(t):
        return int(t)
    return None


def stated_percent(text):
    """'43.49%', '42,23', '53.33 persen' -> (Decimal value, decimals) or None."""
    if text is None:
        return None
    t = str(text).strip()
    for suffix in ("%", "persen"):
        if t.lower().endswith(suffix):
            t = t[: -len(suffix)].strip()
    t = t.replace(",", ".")
    if not re.match(r"^-?\d+(\.\d+)?$", t):
        return None
    decimals = len(t.split(".")[1]) if "." in t else 0
    try:
        return Decimal(t), decimals
    except InvalidOperation:
        return None


def quantity(text):
    """'2 dokumen' -> (Decimal 2, 'dokumen'); '100%' -> (100, 'persen'); else None."""
    if text is None:
        return None
    t = str(text).strip()
    m = re.match(r"^(-?[0-9]+(?:[.,][0-9]+)*)\s*(.*)$", t)
    if not m:
        return None
    num, unit = m.group(1), m.group(2).strip()
    # one dot/comma before exactly three digits, or several separators = thousands grouping
    seps = re.findall(r"[.,]", num)
    if len(seps) > 1 or (len(seps) == 1 and len(num.split(seps[0])[1]) == 3 and seps[0] == "."):
        num = re.sub(r"[.,]", "", num)
    else:
        num = num.replace(",", ".")
    unit = "persen" if unit == "%" else unit
    try:
        return Decimal(num), unit.lower()
    except InvalidOperation:
        return None


def within(computed, stated, decimals):
    half = Decimal(1).scaleb(-decimals) / 2
    return stated - half <= computed < stated + half


def fmt(d):
    return float(round(d, 6))


class Key:
    def __init__(self):
        self.mistakes = []
        self.not_checkable = []
        self.unreadable = []
        self.skipped_turun = 0

    def add(self, check, table, row, name, stated, computed, **extra):
        e = {"check": check, "table": table, "row": row, "name": name, "stated": stated, "computed": computed}
        e.update(extra)
        self.mistakes.append(e)


def rows_of(table):
    """Yield (level, item, parent) in document order."""
    for p in table.get("program") or []:
        yield "program", p, None
        for k in p.get("kegiatan") or []:
            yield "kegiatan", k, p
            for s in k.get("sub_kegiatan") or []:
                yield "sub_kegiatan", s, k


def check_table(kind, table, key):
    keyfield = "kode" if kind == "rencana" else "no"
    seen = {}
    counts = {"program": 0, "kegiatan": 0, "sub_kegiatan": 0}
    sub_codes = set()
    total_program_pagu = 0
    programs_stating = {"pagu": 0, "realisasi": 0}
    total_sub_pagu = 0
    total_program_real = 0
    total_sub_real = 0

    for level, item, parent in rows_of(table):
        counts[level] += 1
        row = item.get(keyfield) if item.get(keyfield) is not None else item.get("kode")
        name = item.get("nama")
        ident = row if row is not None else name
        if row is not None:
            seen.setdefault(row, []).append((level, name))
        if level == "sub_kegiatan" and row is not None:
            sub_codes.add(row)

        pagu = rupiah(item.get("pagu"))
        if item.get("pagu") is not None and pagu is None:
            key.unreadable.append({"table": kind, "row": ident, "name": name, "field": "pagu", "text": item.get("pagu")})
        real = rupiah(item.get("realisasi")) if kind == "evaluasi" else None
        if kind == "evaluasi" and item.get("realisasi") is not None and real is None:
            key.unreadable.append({"table": kind, "row": ident, "name": name, "field": "realisasi",
                                   "text": item.get("realisasi")})
        if level == "program":
            programs_stating["pagu"] += item.get("pagu") is not None
            programs_stating["realisasi"] += item.get("realisasi") is not None
            total_program_pagu += pagu or 0
            total_program_real += real or 0
        if level == "sub_kegiatan":
            total_sub_pagu += pagu or 0
            total_sub_real += real or 0

        # form of codes (Tabel 2 only): segment widths of Permendagri 90 (1.06.01.2.01.0001) or the
        # short form without the kegiatan kind and with a 2-digit sub kegiatan (2.16.01.01.01)
        if item.get("kode") is not None:
            row = item.get("kode") if kind == "rencana" or item.get("no") is None else row
            widths = [len(x) for x in str(row).split(".")]
            allowed = {"program": [[1, 2, 2]], "kegiatan": [[1, 2, 2, 1, 2], [1, 2, 2, 2]],
                       "sub_kegiatan": [[1, 2, 2, 1, 2, 4], [1, 2, 2, 1, 2, 2], [1, 2, 2, 2, 2], [1, 2, 2, 2, 4]]}[level]
            if widths not in allowed:
                key.add("kode-format", kind, row, name, row, "segmen " + " / ".join(".".join("N" * w for w in a) for a in allowed),
                        level=level)

        # nesting of codes (Tabel 2 only)
        if item.get("kode") is not None and parent is not None:
            prow = parent.get("kode")
            if row is not None and prow is not None and not str(row).startswith(str(prow) + "."):
                key.add("kode-tidak-bersarang", kind, row, name, row, f"diawali {prow}.", level=level, parent=prow)

        # sums over children
        child = CHILD[level]
        children = (item.get(child) or []) if child else []
        if child and children:
            for field, check in (("pagu", "jumlah-pagu"), ("realisasi", "jumlah-realisasi")):
                if field == "realisasi" and kind != "evaluasi":
                    continue
                own = rupiah(item.get(field))
                vals = [rupiah(c.get(field)) for c in children]
                if own is None or any(v is None for v in vals):
                    key.not_checkable.append({"check": check, "table": kind, "row": ident, "name": name, "level": level,
                                              "reason": f"{field} tidak ada atau tidak terbaca pada baris ini atau anaknya",
                                              "own": item.get(field),
                                              "children_missing": sum(1 for v in vals if v is None),
                                              "children_sum_of_readable": sum(v for v in vals if v is not None)})
                    # (evaluation tables only) program stated, kegiatan without the amount at all:
                    # compare the program with all its sub kegiatan instead
                    if (kind == "evaluasi" and level == "program" and own is not None
                            and all(c.get(field) is None for c in children)):
                        leaves = [g for c in children for g in (c.get("sub_kegiatan") or [])]
                        leaf_vals = [rupiah(g.get(field)) for g in leaves]
                        if leaves and all(v is not None for v in leaf_vals) and sum(leaf_vals) != own:
                            key.add(check, kind, ident, name, own, sum(leaf_vals), level=level,
                                    difference=own - sum(leaf_vals),
                                    against="seluruh sub kegiatan (kegiatan tanpa angka)", children=len(leaves))
                    continue
                total = sum(vals)
                if total != own:
                    key.add(check, kind, ident, name, own, total, level=level, difference=own - total,
                            children=len(children))
                # a program also against all its sub kegiatan (the detailed plan it totals)
                if level == "program":
                    leaves = [g for c in children for g in (c.get("sub_kegiatan") or [])]
                    leaf_vals = [rupiah(g.get(field)) for g in leaves]
                    if leaves and all(v is not None for v in leaf_vals) and sum(leaf_vals) != own and total == own:
                        key.add(check, kind, ident, name, own, sum(leaf_vals), level=level,
                                difference=own - sum(leaf_vals), against="seluruh sub kegiatan")

        if kind == "evaluasi":
            if pagu is not None and real is not None and real > pagu:
                key.add("realisasi-melebihi-pagu", kind, ident, name, real, pagu, level=level)
            sp = stated_percent(item.get("persen_realisasi"))
            if item.get("persen_realisasi") is not None and sp is None:
                key.unreadable.append({"table": kind, "row": ident, "name": name, "field": "persen_realisasi",
                                       "text": item.get("persen_realisasi")})
            if sp is not None and pagu is not None and real is not None:
                v, d = sp
                if pagu == 0:
                    if real != 0 or v != 0:
                        key.add("persen-realisasi", kind, ident, name, item.get("persen_realisasi"),
                                "tak terhitung (pagu 0)", level=level)
                else:
                    computed = Decimal(real) * 100 / Decimal(pagu)
                    if not within(computed, v, d):
                        key.add("persen-realisasi", kind, ident, name, item.get("persen_realisasi"), fmt(computed),
                                level=level)
            for ind in item.get("indikator") or []:
                if "persen" not in ind or "capaian" not in ind:
                    continue
                if str(ind.get("arah", "")).strip().lower() == "turun":
                    key.skipped_turun += 1
                    continue
                t, c, sp = quantity(ind.get("target")), quantity(ind.get("capaian")), stated_percent(ind.get("persen"))
                if not (t and c and sp) or t[1] != c[1] or t[0] == 0:
                    continue
                computed = c[0] * 100 / t[0]
                if not within(computed, sp[0], sp[1]):
                    key.add("persen-capaian", kind, ident, name, ind.get("persen"), fmt(computed), level=level,
                            indikator=ind.get("nama"), target=ind.get("target"), capaian=ind.get("capaian"))

    for code, where in seen.items():
        if len(where) > 1:
            key.add("kode-ganda", kind, code, where[0][1], len(where), 1,
                    names=[n for _, n in where], levels=[lv for lv, _ in where])

    counts_out = {"programs": counts["program"], "kegiatan": counts["kegiatan"], "sub_kegiatan": counts["sub_kegiatan"],
                  "distinct_sub_kegiatan_codes": len(sub_codes),
                  # a sum over programs only when every program states the amount
                  "sum_program_pagu": total_program_pagu if programs_stating["pagu"] == counts["program"] else None,
                  "programs_stating_pagu": programs_stating["pagu"],
                  "sum_sub_kegiatan_pagu": total_sub_pagu}
    if kind == "evaluasi":
        counts_out["sum_program_realisasi"] = (total_program_real if programs_stating["realisasi"] == counts["program"]
                                               else None)
        counts_out["programs_stating_realisasi"] = programs_stating["realisasi"]
        counts_out["sum_sub_kegiatan_realisasi"] = total_sub_real
    return counts_out


def document_key(folder):
    meta = load(os.path.join(folder, "dokumen.yaml")) or {}
    key = Key()
    tables = {}
    for kind in ("evaluasi", "rencana"):
        path = os.path.join(folder, "tabel", f"{kind}.yaml")
        if os.path.exists(path):
            tables[kind] = check_table(kind, load(path) or {}, key)
    order = {"evaluasi": 0, "rencana": 1}
    key.mistakes.sort(key=lambda e: (order[e["table"]], e["check"]))
    summary = {}
    for e in key.mistakes:
        summary.setdefault(f'{e["table"]}/{e["check"]}', 0)
        summary[f'{e["table"]}/{e["check"]}'] += 1
    return {
        "folder": os.path.basename(folder),
        "jenis": meta.get("jenis"),
        "tahun": meta.get("tahun"),
        "counts": tables,
        "summary": summary,
        "mistakes": key.mistakes,
        "not_checkable": key.not_checkable,
        "unreadable": key.unreadable,
        "indicators_skipped_arah_turun": key.skipped_turun,
    }


def fixture_key(fixture):
    docs = []
    for name in sorted(os.listdir(fixture)):
        sub = os.path.join(fixture, name)
        if os.path.isdir(sub) and os.path.exists(os.path.join(sub, "dokumen.yaml")):
            docs.append(document_key(sub))
    return {"fixture": os.path.basename(os.path.abspath(fixture)),
            "generated_by": "answer_key.py (independent of renja; PyYAML BaseLoader, own arithmetic)",
            "documents": docs}


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    fixtures = argv or [os.path.join(here, n) for n in sorted(os.listdir(here))
                        if os.path.exists(os.path.join(here, n, "situs.yaml"))]
    for fx in fixtures:
        result = fixture_key(fx)
        with open(os.path.join(fx, "answer-key.json"), "w", encoding="utf-8") as f:
            json.dump(result, f, ensure_ascii=False, indent=2)
            f.write("\n")
        for d in result["documents"]:
            print(f'{result["fixture"]}/{d["folder"]}: {len(d["mistakes"])} mistakes {d["summary"]}, '
                  f'{len(d["not_checkable"])} not checkable, counts {json.dumps(d["counts"])}')


if __name__ == "__main__":
    main(sys.argv[1:])
