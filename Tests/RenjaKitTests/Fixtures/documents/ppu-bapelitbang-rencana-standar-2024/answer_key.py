#!/usr/bin/env python3
"""Answer key for the standard rencana table (Permendagri 86/2017) of this fixture, computed
without Renja: it reads renja-2024/tabel/rencana-standar.yaml with PyYAML's composer (so every
value keeps its line and column) and does its own arithmetic on the amounts as written.

What it reports, and where (the cell a reader would correct):
- rencana-jumlah: a parent's `pagu` or `pagu_maju` differs from the sum of its children's (all
  children state it); a program whose kegiatan state nothing is compared with its sub kegiatan;
- pagu-nol-bertarget: `pagu` 0 with a target above 0 (at the pagu);
- target-nol-berpagu: `pagu` above 0 and every indicator's target 0 (at the first target);
- target-tanpa-satuan: a target with a non-zero number and no satuan (at the target);
- prakiraan-tanpa-target: program, kegiatan and sub kegiatan rows with `pagu_maju` above 0 and
  no `target_maju` above 0 (urusan and bidang rows have no indicators) — one
  finding at the first such row when no row of the table states a target_maju above 0;
- prakiraan-tanpa-satuan / prakiraan-tanpa-pagu: a target_maju above 0 without satuan, or on a
  row whose pagu_maju is 0.
Writes answer-key-standar.json.
"""
import json, os, re, yaml

HERE = os.path.dirname(os.path.abspath(__file__))
REL = "renja-2024/tabel/rencana-standar.yaml"
DISPLAY = "Content/" + REL
LEVELS = ["urusan", "bidang", "program", "kegiatan", "sub_kegiatan"]
WORD = {"urusan": "urusan", "bidang": "bidang urusan", "program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan"}

def mapping(node):
    return {k.value: v for k, v in node.value}

def pos(node):
    return f"{DISPLAY}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"

def amount(node):
    t = node.value.strip()
    if re.fullmatch(r"\d{1,3}(\.\d{3})*", t):
        return int(t.replace(".", ""))
    raise ValueError(t)

def grouped(n):
    s = str(abs(n))
    parts = []
    while len(s) > 3:
        parts.insert(0, s[-3:])
        s = s[:-3]
    parts.insert(0, s)
    return "Rp " + ".".join(parts)

def quantity(text):
    m = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*(.*?)\s*", text)
    if not m:
        return None
    return float(m.group(1).replace(",", ".")), m.group(2)

findings = []
def add(code, node, figures):
    findings.append({"code": code, "at": pos(node), "figures": figures})

rows = []  # depth first: (level, mapping)
def walk(node, level):
    m = mapping(node)
    rows.append((level, m))
    i = LEVELS.index(level)
    if i + 1 < len(LEVELS) and LEVELS[i + 1] in m:
        for c in m[LEVELS[i + 1]].value:
            walk(c, LEVELS[i + 1])

with open(os.path.join(HERE, REL), encoding="utf-8") as f:
    root = yaml.compose(f)
top = mapping(root)
start = "urusan" if "urusan" in top else "program"
for n in top[start].value:
    walk(n, start)

def children(level, m):
    i = LEVELS.index(level)
    if i + 1 >= len(LEVELS) or LEVELS[i + 1] not in m:
        return None, []
    return LEVELS[i + 1], [mapping(c) for c in m[LEVELS[i + 1]].value]

for level, m in rows:
    child_level, kids = children(level, m)
    for key in ("pagu", "pagu_maju"):
        if key not in m or not kids:
            continue
        stated = amount(m[key])
        if all(key in k for k in kids):
            total, n, what = sum(amount(k[key]) for k in kids), len(kids), WORD[child_level]
        elif level == "program" and all(key not in k for k in kids):
            subs = [mapping(s) for k in kids for s in (k["sub_kegiatan"].value if "sub_kegiatan" in k else [])]
            if not subs or not all(key in s for s in subs):
                continue
            total, n, what = sum(amount(s[key]) for s in subs), len(subs), "sub kegiatan"
        else:
            continue
        if stated != total:
            add("rencana-jumlah", m[key], {"tertulis": grouped(stated), "dihitung": grouped(total), "selisih": grouped(abs(stated - total))})

    if level in ("program", "kegiatan", "sub_kegiatan") and "pagu" in m:
        pagu = amount(m["pagu"])
        inds = [mapping(i) for i in m["indikator"].value] if "indikator" in m else []
        targets = [(i, quantity(i["target"].value)) for i in inds if "target" in i]
        targets = [(i, q) for i, q in targets if q is not None]
        if pagu == 0:
            above = [(i, q) for i, q in targets if q[0] > 0]
            if above:
                add("pagu-nol-bertarget", m["pagu"], {"pagu": "Rp 0"})
        if pagu > 0 and targets and len(targets) == len(inds) and all(q[0] == 0 for _, q in targets):
            add("target-nol-berpagu", targets[0][0]["target"], {})
        for i, q in targets:
            if q[0] != 0 and q[1] == "":
                add("target-tanpa-satuan", i["target"], {"tertulis": i["target"].value})

forward_rows, stating = [], 0
for level, m in rows:
    inds = [mapping(i) for i in m["indikator"].value] if "indikator" in m else []
    fwd = [(i, quantity(i["target_maju"].value)) for i in inds if "target_maju" in i]
    above = [(i, q) for i, q in fwd if q is not None and q[0] > 0]
    if above:
        stating += 1
    for i, q in above:
        if q[1] == "":
            add("prakiraan-tanpa-satuan", i["target_maju"], {"tertulis": i["target_maju"].value})
    if above and "pagu_maju" in m and amount(m["pagu_maju"]) == 0:
        add("prakiraan-tanpa-pagu", m["pagu_maju"], {})
    if level in ("program", "kegiatan", "sub_kegiatan") and "pagu_maju" in m and amount(m["pagu_maju"]) > 0 and not above:
        forward_rows.append(m)
if forward_rows:
    if stating == 0:
        add("prakiraan-tanpa-target", forward_rows[0]["pagu_maju"],
            {"baris berpagu tahun N+1": f"{len(forward_rows)} dari {len(rows)}", "baris dengan target tahun N+1": "0"})
    else:
        for m in forward_rows:
            add("prakiraan-tanpa-target", m["pagu_maju"], {})

counts = {}
for f in findings:
    counts[f["code"]] = counts.get(f["code"], 0) + 1
levels = {l: sum(1 for lv, _ in rows if lv == l) for l in LEVELS}
totals = {}
for key in ("pagu", "pagu_maju"):
    totals[key] = {"program": grouped(sum(amount(m[key]) for l, m in rows if l == "program")),
                   "sub_kegiatan": grouped(sum(amount(m[key]) for l, m in rows if l == "sub_kegiatan"))}
out = {"table": DISPLAY, "rows": levels, "totals": totals, "counts": counts, "findings": findings}
with open(os.path.join(HERE, "answer-key-standar.json"), "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(json.dumps({"rows": levels, "totals": totals, "counts": counts}, ensure_ascii=False, indent=1))
