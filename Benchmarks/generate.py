#!/usr/bin/env python3
"""Deterministic synthetic corpus for the Renja vs Hugo benchmarks.

    Benchmarks/generate.py --documents N [--seed S] --out DIR

writes
    DIR/renja/Content/   situs.yaml and N document folders shaped like the real Perubahan Renja
                         (5 chapters of realistic length, Tabel 1 and Tabel 2 with programs →
                         kegiatan → sub kegiatan and their indicators, Indonesian names and figures);
    DIR/hugo/            the same documents as a Hugo site: the chapters as Markdown pages, the
                         tables as Hugo data files (JSON), one content stub per page Renja makes,
                         and the minimal templates of Benchmarks/hugo/ that render them;
    DIR/corpus.json      what was generated (documents, programs, rows), for the benchmark report.

Document i is a function of (seed, i) only: the corpus of N documents is the first N documents
of every larger corpus, and the same seed always gives byte-identical files (no clocks, no
hash-ordered containers; Python's `random.Random(str)` seeding is stable across runs and
versions). Standard library only.
"""
import argparse
import json
import os
import random
import shutil
import sys
from decimal import Decimal, ROUND_HALF_UP

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vocabulary as V  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
GENERATOR_VERSION = 1

# ----------------------------------------------------------------------------------------------
# Numbers written the way the documents write them


def rupiah(n):
    """3841554000 → '3.841.554.000' (thousands with dots, as in the source documents)."""
    return f"{n:,}".replace(",", ".")


def dec2(x):
    """Round half up to two decimals, as the documents' spreadsheets do."""
    return Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def number(x):
    """A quantity as written in the YAML: integer without decimals, else a dot and two decimals."""
    d = dec2(x)
    return str(int(d)) if d == d.to_integral_value() else f"{d:.2f}"


def percent_of(part, whole):
    return dec2(Decimal(part) * 100 / Decimal(whole))


UNITS = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


def terbilang(n):
    """Spells out 0 ≤ n < 1,000,000 in Indonesian (enough for row counts)."""
    if n == 0:
        return "nol"
    if n < 10:
        return UNITS[n]
    if n == 10:
        return "sepuluh"
    if n == 11:
        return "sebelas"
    if n < 20:
        return f"{UNITS[n - 10]} belas"
    if n < 100:
        rest = n % 10
        return f"{UNITS[n // 10]} puluh" + (f" {UNITS[rest]}" if rest else "")
    if n < 1000:
        head = "seratus" if n // 100 == 1 else f"{UNITS[n // 100]} ratus"
        return head + (f" {terbilang(n % 100)}" if n % 100 else "")
    head = "seribu" if n // 1000 == 1 else f"{terbilang(n // 1000)} ribu"
    return head + (f" {terbilang(n % 1000)}" if n % 1000 else "")


def roman(n):
    out = ""
    for value, numeral in [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]:
        while n >= value:
            out += numeral
            n -= value
    return out


def slug(s):
    """Renja's Text.slug for ASCII names: lower case, runs of other characters → one hyphen."""
    out, dash = [], False
    for ch in s.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif out and not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def yaml_quote(s):
    """A YAML scalar: plain when safe (as staff write it), double-quoted otherwise."""
    specials = "-?:,[]{}#&*!|>'\"%@`"
    if s == "" or s[0] in specials or ": " in s or " #" in s or s != s.strip():
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return s


# ----------------------------------------------------------------------------------------------
# The document model (plain dicts, so it serialises straight into Hugo's data files)


def make_indicator(rng, row, lower=False):
    row = row.lower()
    if lower:
        pattern, unit, (lo, hi) = rng.choice(V.LOWER_INDICATORS)
        target = Decimal(rng.randint(lo * 100, hi * 100)) / 100
        actual = dec2(target * Decimal(rng.uniform(0.7, 1.4)))
        stated = percent_of(target, actual)  # the document's formula: target/capaian
        return {"nama": pattern.format(row=row), "unit": unit, "target": target, "capaian": actual,
                "persen": stated, "turun": True}
    pattern, unit, (lo, hi), is_percent = rng.choice(V.INDICATORS)
    if is_percent:
        target = Decimal(rng.randint(lo, hi))
        actual = dec2(target * Decimal(rng.uniform(0.1, 1.05)))
    else:
        target = Decimal(rng.randint(lo, hi))
        actual = Decimal(int(target * Decimal(rng.uniform(0, 1.1))))
    stated = percent_of(actual, target)
    return {"nama": pattern.format(row=row), "unit": unit, "target": target,
            "capaian": actual, "persen": stated, "turun": False}


def make_row(rng, level, name, act, obj, pagu=None, lower=False):
    count = 1 if level != "program" else rng.choice([1, 1, 1, 2, 3])
    subjects = [act] + [f"{act} bidang {o.lower()}" for o in rng.sample(V.OBJECTS, count - 1)]
    return {"level": level, "nama": name,
            "indikator": [make_indicator(rng, subjects[i], lower=lower and i == 0) for i in range(count)],
            "pagu": pagu, "children": []}


def leaf_amounts(rng, row, big=False):
    """Sub kegiatan: pagu (multiple of 1000), realisasi (to the rupiah), revised pagu."""
    scale = rng.lognormvariate(18.6, 1.1) if not big else rng.uniform(1.5e9, 4e9)
    pagu = max(2_000_000, int(scale) // 1000 * 1000)
    row["pagu"] = pagu
    row["realisasi"] = int(pagu * rng.uniform(0.05, 0.85))
    change = rng.random()
    revised = max(1_000_000, int(pagu * rng.uniform(0.75, 1.3)) // 1000 * 1000)
    # A revision never cuts a budget below what was already spent.
    row["pagu_baru"] = pagu if change < 0.45 else max(revised, (row["realisasi"] + 999) // 1000 * 1000)


def roll_up(row):
    for c in row["children"]:
        roll_up(c)
    if row["children"]:
        for key in ("pagu", "realisasi", "pagu_baru"):
            row[key] = sum(c[key] for c in row["children"])


def unique_name(rng, taken, make):
    for _ in range(50):
        name = make()
        if name not in taken:
            taken.add(name)
            return name
    raise RuntimeError("vocabulary too small for a unique name")


def make_programs(rng, agency, shape):
    """shape: list of kegiatan counts per urusan program, each with a list of sub kegiatan counts."""
    name, short, urusan, words, pool = agency
    programs = []
    taken = set()
    # The support program, with the standard kegiatan (real documents: 5–7 of them).
    support = make_row(rng, "program", V.SUPPORT_PROGRAM, "laporan capaian kinerja", "layanan administrasi perkantoran")
    n_keg = shape["support_kegiatan"]
    for kname, subs in V.SUPPORT_KEGIATAN[:n_keg]:
        k = make_row(rng, "kegiatan", kname, kname, "perangkat daerah")
        n_sub = min(len(subs), shape["support_subs"].pop(0))
        for sname in subs[:n_sub]:
            s = make_row(rng, "sub_kegiatan", sname, sname, "dokumen")
            leaf_amounts(rng, s, big=sname.startswith("Penyediaan Gaji"))
            k["children"].append(s)
        support["children"].append(k)
    programs.append(support)
    taken.add(V.SUPPORT_PROGRAM)
    names = list(pool)
    rng.shuffle(names)
    lower_left = 1  # one lower-is-better indicator per document, as in the real one
    for i, kegiatan_counts in enumerate(shape["programs"]):
        pname = names[i] if i < len(names) else unique_name(
            rng, taken, lambda: f"PROGRAM {rng.choice(V.KEGIATAN_VERBS).upper()} {rng.choice(V.OBJECTS).upper()}")
        taken.add(pname)
        p = make_row(rng, "program", pname, pname.removeprefix("PROGRAM ").lower(), words)
        keg_taken = set()
        for n_sub in kegiatan_counts:
            obj = rng.choice(V.OBJECTS)
            kname = unique_name(rng, keg_taken, lambda: f"{rng.choice(V.KEGIATAN_VERBS)} {rng.choice(V.OBJECTS)} {rng.choice(V.PLACES)}")
            k = make_row(rng, "kegiatan", kname, kname, obj, lower=lower_left > 0 and rng.random() < 0.3)
            if any(ind["turun"] for ind in k["indikator"]):
                lower_left -= 1
            sub_taken = set()
            for _ in range(n_sub):
                sname = unique_name(rng, sub_taken, lambda: f"{rng.choice(V.SUB_VERBS)} {rng.choice(V.OBJECTS)}")
                s = make_row(rng, "sub_kegiatan", sname, sname, obj)
                leaf_amounts(rng, s)
                k["children"].append(s)
            p["children"].append(k)
        programs.append(p)
    for p in programs:
        roll_up(p)
    return programs


def document_shape(rng, index):
    """Row counts. Document 0 has exactly the real document's shape (9 programs, 17 kegiatan,
    53 sub kegiatan); the others vary around it the way agencies do."""
    if index == 0:
        return {"support_kegiatan": 6, "support_subs": [3, 3, 1, 4, 5, 3],
                "programs": [[3], [4, 3], [2], [5, 4], [3], [4, 2], [3], [1]]}
    n_support = rng.randint(5, 7)
    return {"support_kegiatan": n_support, "support_subs": [rng.randint(1, 5) for _ in range(n_support)],
            "programs": [[rng.randint(1, 5) for _ in range(rng.choice([1, 1, 2, 2, 3]))]
                         for _ in range(rng.randint(6, 10))]}


def inject_errors(rng, programs):
    """Real documents carry typos in their figures; so does the corpus (about 1 row in 30), so the
    Validasi pages have something to list."""
    def walk(row):
        if rng.random() < 0.035:
            ind = row["indikator"][0]
            ind["persen_tertulis"] = abs(dec2(ind["persen"] + Decimal(rng.choice([-1, 1])) * Decimal(rng.randint(1, 900)) / 100))
        if rng.random() < 0.02:
            row["persen_realisasi_tertulis"] = dec2(percent_of(row["realisasi"], row["pagu"]) + Decimal(rng.randint(1, 500)) / 100)
        for c in row["children"]:
            walk(c)
    for p in programs:
        walk(p)


def person(rng):
    return f"{rng.choice(V.NAMES_FIRST).upper()} {rng.choice(V.NAMES_LAST).upper()}, {rng.choice(V.TITLES)}"


def nip(rng):
    birth = f"{rng.randint(1965, 1985)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    start = f"{rng.randint(1988, 2010)}{rng.randint(1, 12):02d}"
    return f"{birth} {start} {rng.randint(1, 2)} {rng.randint(1, 20):03d}"


def make_document(seed, index):
    rng = random.Random(f"renja-bench:{seed}:{index}")
    n_agencies, n_regions = len(V.AGENCIES), len(V.REGIONS)
    agency = V.AGENCIES[index % n_agencies]
    kind_word, region = V.REGIONS[(index // n_agencies) % n_regions]
    year = 2024 - index // (n_agencies * n_regions)
    name, short, urusan, words, _ = agency
    place = f"{kind_word} {region}"
    government = f"Pemerintah {place}"
    short_place = f"{short} {place}" if kind_word == "Kota" else f"{short} Kab. {region}"
    doc_slug = slug(f"{'kota' if kind_word == 'Kota' else 'kab'} {region} {short} {year}")
    domain = f"{slug(short).replace('-', '')}.{slug(region).replace('-', '')}{'kota' if kind_word == 'Kota' else 'kab'}.go.id"
    shape = document_shape(rng, index)
    programs = make_programs(rng, agency, shape)
    inject_errors(rng, programs)
    head = person(rng)
    doc = {
        "index": index, "slug": doc_slug, "year": year, "place": place, "region": region,
        "title": f"Perubahan Rencana Kerja Tahun {year} {name} ({short}) {place}",
        "short_title": f"Perubahan Renja {year} {short} {'Kota' if kind_word == 'Kota' else 'Kab.'} {region}",
        "kind": "Perubahan Renja",
        "agency": {"nama": f"{name} {place}", "singkatan": short_place, "pemerintah": government,
                   "alamat": f"{rng.choice(V.STREETS)} No. {rng.randint(1, 120)} {place}",
                   "telepon": f"(0{rng.randint(271, 298)}) {rng.randint(400000, 499999)}",
                   "email": f"{slug(short).replace('-', '')}@{slug(region).replace('-', '')}{'kota' if kind_word == 'Kota' else 'kab'}.go.id",
                   "situs": domain},
        "urusan": urusan, "words": words, "agency_name": name, "agency_short": short,
        "signing": {"tempat": region, "tanggal": f"{year}-{rng.randint(7, 9):02d}-{rng.randint(1, 28):02d}",
                    "jabatan": f"Kepala {name} {place}", "nama": head, "nip": nip(rng)},
        "programs": programs,
    }
    number_rows(doc)
    doc["chapters"] = make_chapters(rng, doc)
    return doc


def number_rows(doc):
    """Tabel 1 numbers rows I / 1. / 1.1 (kegiatan numbered across the table); Tabel 2 uses codes."""
    keg_no = 0
    for pi, p in enumerate(doc["programs"]):
        p["no"] = roman(pi + 1)
        p["kode"] = f"{doc['urusan']}.{pi + 1:02d}"
        for ki, k in enumerate(p["children"]):
            keg_no += 1
            k["no"] = f"{keg_no}."
            k["kode"] = f"{p['kode']}.2.{ki + 1:02d}"
            for si, s in enumerate(k["children"]):
                s["no"] = f"{keg_no}.{si + 1}"
                s["kode"] = f"{k['kode']}.{si + 1:04d}"


def counts(doc):
    k = sum(len(p["children"]) for p in doc["programs"])
    s = sum(len(kk["children"]) for p in doc["programs"] for kk in p["children"])
    return len(doc["programs"]), k, s


# ----------------------------------------------------------------------------------------------
# Chapters


def paragraph(rng, doc, sentences):
    picks = [rng.choice(V.FILLER) for _ in range(sentences)]
    lead = (f"{rng.choice(V.SENTENCE_OPENERS)} {rng.choice(V.REGULATIONS)}, {doc['agency_name']} {doc['place']} "
            f"menyelenggarakan urusan {doc['words']} yang menjadi kewenangan daerah.")
    return " ".join([lead] + picks)


def make_chapters(rng, doc):
    year, place, name, short = doc["year"], doc["place"], doc["agency_name"], doc["agency_short"]
    n_prog, n_keg, n_sub = counts(doc)
    pagu_before = sum(p["pagu"] for p in doc["programs"])
    pagu_after = sum(p["pagu_baru"] for p in doc["programs"])
    period = f"{year - 3}-{year + 2}"

    kata = [f"Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat dan karunia-Nya Perubahan "
            f"Rencana Kerja (Renja) {name} ({short}) {place} Tahun {year} dapat diselesaikan.",
            paragraph(rng, doc, 2),
            f"Perubahan Renja ini memuat evaluasi pelaksanaan Renja sampai dengan triwulan II Tahun {year}, rumusan "
            f"program, kegiatan dan sub kegiatan beserta indikator kinerja dan pagu indikatifnya.",
            paragraph(rng, doc, 1),
            "Akhir kata, kami menyampaikan terima kasih kepada semua pihak yang telah membantu penyusunan dokumen ini."]

    lines = ["## 1.1 Latar Belakang", "", paragraph(rng, doc, 4), "", paragraph(rng, doc, 3), "",
             "## 1.2 Landasan Hukum", "", "Landasan hukum penyusunan Perubahan Renja ini antara lain:", ""]
    for i, reg in enumerate(rng.sample(V.REGULATIONS, 5)):
        lines.append(f"{i + 1}. {reg};")
    lines += ["", "## 1.3 Analisis Gambaran Pelayanan", "", paragraph(rng, doc, 5), "", paragraph(rng, doc, 4), "",
              "### Analisis Tingkat Kinerja", "", paragraph(rng, doc, 5), "",
              f"Dalam RPJMD {place} Tahun {period}, {short} mendukung pencapaian visi "
              f"“*Mewujudkan {place} yang Lebih Sejahtera, Mandiri dan Religius*” melalui misi pertama dan misi ketujuh.", "",
              "Isu strategis yang berkaitan dengan tugas dan fungsi perangkat daerah antara lain:", ""]
    for i, issue in enumerate(rng.sample(V.ISSUES, 4)):
        lines.append(f"{i + 1}. {issue};")
    lines += ["", "### Permasalahan dan Hambatan", "", paragraph(rng, doc, 4), "", paragraph(rng, doc, 3), ""]
    for i, issue in enumerate(rng.sample(V.ISSUES, 5)):
        lines.append(f"{i + 1}. {issue}.")
    lines += ["", "### Dampak terhadap Pencapaian Visi Misi", "", paragraph(rng, doc, 4), "", paragraph(rng, doc, 4), "",
              "### Tantangan dan Peluang", "", "#### 1. Tantangan", "",
              f"Tantangan yang dihadapi {short} antara lain:", ""]
    for i, group in enumerate([f"Urusan {doc['words'].split(',')[0].split(' dan ')[0].title()}", "Tata kelola perangkat daerah"]):
        lines += [f"{i + 1}. {group}", ""]
        for j, c in enumerate(rng.sample(V.ISSUES, 4)):
            lines.append(f"   - {'abcdefgh'[j]}) {c}")
        lines.append("")
    lines += ["#### 2. Peluang", "", "Peluang yang dapat dimanfaatkan antara lain:", ""]
    for j, c in enumerate(rng.sample(V.CHALLENGES, 4)):
        lines.append(f"- {'abcdefgh'[j]}. {c[0].upper() + c[1:]};")
    lines += ["", "## 1.4 Maksud dan Tujuan", "", paragraph(rng, doc, 3), "", paragraph(rng, doc, 4), "", "## 1.5 Sistematika Penulisan", "",
              paragraph(rng, doc, 2), ""]
    pendahuluan = lines

    evaluasi = [f"## II.1 Evaluasi Renja Perangkat Daerah sampai dengan Triwulan II Tahun {year}", "",
                paragraph(rng, doc, 3), "",
                f"Perubahan Rencana Kerja {name} {place} Tahun {year} memuat {n_prog} ({terbilang(n_prog)}) program, "
                f"{n_keg} ({terbilang(n_keg)}) kegiatan dan {n_sub} sub kegiatan dengan anggaran senilai "
                f"Rp. {rupiah(pagu_before)},-. Setelah melalui tahapan perubahan APBD, anggarannya menjadi Rp. {rupiah(pagu_after)}.", "",
                paragraph(rng, doc, 3), "",
                f"Rekapitulasi evaluasi hasil pelaksanaan Renja sampai dengan triwulan II Tahun {year} dapat dilihat pada Tabel 1 di bawah ini.", "",
                "{{tabel evaluasi}}", "",
                "## II.2 Analisis Hasil Pengendalian Pelaksanaan", "", paragraph(rng, doc, 5), "", paragraph(rng, doc, 4), "",
                f"Dalam melaksanakan tugas pokoknya, {short} menyelenggarakan fungsi:", ""]
    for j, c in enumerate(rng.sample(V.FILLER, 6)):
        evaluasi.append(f"- {'abcdefghij'[j]}. {c}")
    evaluasi += ["", paragraph(rng, doc, 4), "", paragraph(rng, doc, 4), ""]

    rencana = [paragraph(rng, doc, 2), "", paragraph(rng, doc, 2), "",
               f"Rencana Kerja Perubahan dan Pendanaan Tahun {year} {name} {place} secara rinci kami sajikan sebagai berikut:", "",
               "{{tabel rencana}}", ""]

    penutup = [f"Perubahan Renja {short} Tahun {year} merupakan dokumen perencanaan yang memuat program, kegiatan dan "
               f"sub kegiatan selama satu tahun beserta capaiannya sampai dengan triwulan II Tahun {year}.", "",
               paragraph(rng, doc, 2), "",
               f"Semoga Perubahan Renja ini dapat menjadi acuan bagi seluruh pemangku kepentingan dalam pembangunan {place}.", ""]

    return [
        {"file": "00-kata-pengantar.md", "slug": "kata-pengantar", "nomor": None, "judul": "Kata Pengantar", "urutan": 0,
         "tanda_tangan": True, "body": "\n\n".join(kata) + "\n"},
        {"file": "01-pendahuluan.md", "slug": "pendahuluan", "nomor": "I", "judul": "Pendahuluan", "urutan": 1,
         "tanda_tangan": False, "body": "\n".join(pendahuluan)},
        {"file": "02-evaluasi-renja.md", "slug": "evaluasi-renja", "nomor": "II",
         "judul": f"Evaluasi Renja sampai dengan Triwulan II Tahun {year}", "urutan": 2, "tanda_tangan": False,
         "body": "\n".join(evaluasi)},
        {"file": "03-rencana-kerja.md", "slug": "rencana-kerja", "nomor": "III", "judul": "Rencana Kerja dan Pendanaan Perangkat Daerah",
         "urutan": 3, "tanda_tangan": False, "body": "\n".join(rencana)},
        {"file": "04-penutup.md", "slug": "penutup", "nomor": "IV", "judul": "Penutup", "urutan": 4, "tanda_tangan": True,
         "body": "\n".join(penutup)},
    ]


# ----------------------------------------------------------------------------------------------
# Renja's Content/


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


SITE_TITLE = "Dokumen Perencanaan Perangkat Daerah se-Jawa Tengah"
SITE_DESCRIPTION = "Rencana kerja perangkat daerah kabupaten dan kota se-Jawa Tengah, diperiksa angka demi angka."
BASE_URL = "https://renja.jatengprov.go.id/"


def renja_settings():
    return "\n".join([
        "# Pengaturan seluruh situs (korpus sintetis untuk uji kecepatan)",
        f"judul: {SITE_TITLE}", f"deskripsi: {SITE_DESCRIPTION}", f"base_url: {BASE_URL}",
        "instansi:",
        "  nama: Badan Perencanaan Pembangunan Daerah Provinsi Jawa Tengah",
        "  singkatan: BAPPEDA Jateng",
        "  pemerintah: Pemerintah Provinsi Jawa Tengah",
        "  alamat: Jl. Pemuda No. 127-133 Semarang",
        "  telepon: (024) 3515591",
        "  email: bappeda@jatengprov.go.id",
        "  situs: bappeda.jatengprov.go.id", ""])


def renja_document_yaml(doc):
    a, s = doc["agency"], doc["signing"]
    lines = [f"judul: {yaml_quote(doc['title'])}", f"judul_singkat: {yaml_quote(doc['short_title'])}",
             f"jenis: {doc['kind']}", f"tahun: {doc['year']}", f"urutan: {doc['index'] + 1}", "instansi:"]
    lines += [f"  {k}: {yaml_quote(a[k])}" for k in ("nama", "singkatan", "pemerintah", "alamat", "telepon", "email", "situs")]
    lines += ["pengesahan:"] + [f"  {k}: {yaml_quote(s[k])}" for k in ("tempat", "tanggal", "jabatan", "nama", "nip")]
    lines += ["validasi:", "  rumus_capaian_turun: target/capaian", ""]
    return "\n".join(lines)


def quantity(value, unit):
    return f"{number(value)} {unit}"


def renja_table_yaml(doc, kind):
    evaluation = kind == "evaluasi"
    year = doc["year"]
    title = (f"Evaluasi Renja sampai dengan Triwulan II Tahun {year}" if evaluation
             else f"Rencana Kerja dan Pendanaan Perangkat Daerah Perubahan RENJA {year}")
    out = [f"judul: {title}", "program:"]
    child_key = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}

    def row(r, indent):
        pad = " " * indent
        key = f'no: "{r["no"]}"' if evaluation else f'kode: "{r["kode"]}"'
        out.append(f"{pad}- {key}")
        out.append(f"{pad}  nama: {yaml_quote(r['nama'])}")
        out.append(f"{pad}  indikator:")
        for ind in r["indikator"]:
            out.append(f"{pad}    - nama: {yaml_quote(ind['nama'])}")
            out.append(f"{pad}      target: {quantity(ind['target'], ind['unit'])}")
            if evaluation:
                out.append(f"{pad}      capaian: {quantity(ind['capaian'], ind['unit'])}")
                out.append(f"{pad}      persen: {number(ind.get('persen_tertulis', ind['persen']))} persen")
        if evaluation:
            out.append(f"{pad}  pagu: {rupiah(r['pagu'])}")
            out.append(f"{pad}  realisasi: {rupiah(r['realisasi'])}")
            stated = r.get("persen_realisasi_tertulis", percent_of(r["realisasi"], r["pagu"]))
            out.append(f"{pad}  persen_realisasi: {number(stated)}%")
        else:
            out.append(f"{pad}  pagu: {rupiah(r['pagu_baru'])}")
        if r["children"]:
            out.append(f"{pad}  {child_key[r['level']]}:")
            for c in r["children"]:
                row(c, indent + 4)

    for p in doc["programs"]:
        row(p, 2)
    return "\n".join(out) + "\n"


def renja_chapter(ch):
    front = ["---"]
    if ch["nomor"]:
        front.append(f"nomor: {ch['nomor']}")
    front += [f"judul: {yaml_quote(ch['judul'])}", f"urutan: {ch['urutan']}"]
    if ch["tanda_tangan"]:
        front.append("tanda_tangan: true")
    front += ["---", ""]
    return "\n".join(front) + "\n" + ch["body"]


def write_renja(doc, content):
    folder = os.path.join(content, doc["slug"])
    write(os.path.join(folder, "dokumen.yaml"), renja_document_yaml(doc))
    for ch in doc["chapters"]:
        write(os.path.join(folder, "bab", ch["file"]), renja_chapter(ch))
    for kind in ("evaluasi", "rencana"):
        write(os.path.join(folder, "tabel", f"{kind}.yaml"), renja_table_yaml(doc, kind))


# ----------------------------------------------------------------------------------------------
# The Hugo site: same pages, tables as data files, templates from Benchmarks/hugo/


LEVEL_WORDS = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan"}


def hugo_findings(r, doc_slug, line):
    """What Renja's validator reports for a row, written out for Hugo (which checks nothing), so that
    both sites list the same findings and weigh the same."""
    where = f"renja/Content/{doc_slug}/tabel/evaluasi.yaml:{line}:9"
    ref = f"{LEVEL_WORDS[r['level']]} {r['no']} “{r['nama'][:60]}”"
    out = []
    for ind in r["indikator"]:
        if "persen_tertulis" in ind:
            out.append({"severity": "galat", "word": "Galat", "code": "persen-capaian",
                        "message": f"persen capaian indikator “{ind['nama'][:50]} …” pada {ref} tidak sesuai dengan target dan capaiannya",
                        "figures": [["tertulis", number(ind["persen_tertulis"]).replace(".", ",") + "%"],
                                    ["dihitung", number(ind["persen"]).replace(".", ",") + "%"],
                                    ["rumus", f"capaian {quantity(ind['capaian'], ind['unit'])} ÷ target {quantity(ind['target'], ind['unit'])} × 100"]],
                        "location": where})
        elif not ind["turun"] and ind["capaian"] > ind["target"]:
            out.append({"severity": "info", "word": "Info", "code": "capaian-melebihi-target",
                        "message": f"capaian indikator “{ind['nama'][:50]} …” pada {ref} melebihi targetnya",
                        "figures": [["target", quantity(ind["target"], ind["unit"])], ["capaian", quantity(ind["capaian"], ind["unit"])]],
                        "location": where})
    if "persen_realisasi_tertulis" in r:
        out.append({"severity": "galat", "word": "Galat", "code": "persen-realisasi",
                    "message": f"persen realisasi {ref} tidak sama dengan realisasi ÷ pagu",
                    "figures": [["tertulis", number(r["persen_realisasi_tertulis"]).replace(".", ",") + "%"],
                                ["dihitung", number(percent_of(r["realisasi"], r["pagu"])).replace(".", ",") + "%"],
                                ["rumus", f"realisasi Rp {rupiah(r['realisasi'])} ÷ pagu Rp {rupiah(r['pagu'])} × 100"]],
                    "location": where})
    if r["pagu_baru"] != r["pagu"]:
        diff = r["pagu_baru"] - r["pagu"]
        out.append({"severity": "info", "word": "Info", "code": "perubahan-pagu",
                    "message": f"pagu {ref} {'naik' if diff > 0 else 'turun'} dalam perubahan",
                    "figures": [["sebelum (Tabel 1)", f"Rp {rupiah(r['pagu'])}"], ["setelah (Tabel 2)", f"Rp {rupiah(r['pagu_baru'])}"],
                                ["selisih", ("+" if diff > 0 else "−") + f"Rp {rupiah(abs(diff))}"]],
                    "location": where.replace("evaluasi", "rencana")})
    return out


def hugo_row(r, doc_slug, counter):
    """A table row for Hugo's data file: display strings pre-formatted the Indonesian way (Hugo's
    number formatting cannot group with dots without a language setup), numbers kept for charts."""
    counter[0] += 1
    line = counter[0] * 11
    diff = r["pagu_baru"] - r["pagu"]
    return {
        "no": r["no"], "kode": r["kode"], "nama": r["nama"], "level": r["level"], "tingkat": LEVEL_WORDS[r["level"]],
        "indikator": [{"nama": i["nama"], "target": quantity(i["target"], i["unit"]),
                       "capaian": quantity(i["capaian"], i["unit"]),
                       "persen": number(i.get("persen_tertulis", i["persen"])).replace(".", ",") + "%"}
                      for i in r["indikator"]],
        "pagu": rupiah(r["pagu"]), "realisasi": rupiah(r["realisasi"]), "pagu_baru": rupiah(r["pagu_baru"]),
        "pagu_n": r["pagu"], "realisasi_n": r["realisasi"], "pagu_baru_n": r["pagu_baru"],
        "selisih": ("+" if diff > 0 else "−" if diff < 0 else "") + rupiah(abs(diff)),
        "persen_perubahan": (number(abs(percent_of(diff, r["pagu"]))).replace(".", ",") + "%") if r["pagu"] else "",
        "arah": "naik" if diff > 0 else "turun" if diff < 0 else "tetap",
        "berubah": diff != 0,
        "persen_realisasi": number(r.get("persen_realisasi_tertulis", percent_of(r["realisasi"], r["pagu"]))).replace(".", ",") + "%",
        "temuan": hugo_findings(r, doc_slug, line),
        "children": [hugo_row(c, doc_slug, counter) for c in r["children"]],
    }


def front_matter(fields):
    return "---\n" + json.dumps(fields, ensure_ascii=False, sort_keys=True, indent=1) + "\n---\n"


def write_hugo(doc, site):
    content = os.path.join(site, "content", doc["slug"])
    s = doc["slug"]
    n_prog, n_keg, n_sub = counts(doc)
    row_counter = [0]
    data = {"slug": s, "title": doc["title"], "short_title": doc["short_title"], "kind": doc["kind"], "year": doc["year"],
            "agency": doc["agency"], "signing": doc["signing"],
            "counts": {"program": n_prog, "kegiatan": n_keg, "sub_kegiatan": n_sub},
            "pagu": rupiah(sum(p["pagu"] for p in doc["programs"])),
            "pagu_baru": rupiah(sum(p["pagu_baru"] for p in doc["programs"])),
            "realisasi": rupiah(sum(p["realisasi"] for p in doc["programs"])),
            "tabel": {"evaluasi": f"Evaluasi Renja sampai dengan Triwulan II Tahun {doc['year']}",
                      "rencana": f"Rencana Kerja dan Pendanaan Perangkat Daerah Perubahan RENJA {doc['year']}"},
            "programs": [hugo_row(p, s, row_counter) for p in doc["programs"]]}
    write(os.path.join(site, "data", "docs", f"{s}.json"), json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n")
    common = {"doc": s}
    write(os.path.join(content, "_index.md"),
          front_matter({**common, "title": doc["title"], "weight": doc["index"] + 1, "year": doc["year"]}))
    for ch in doc["chapters"]:
        title = f"BAB {ch['nomor']} {ch['judul']}" if ch["nomor"] else ch["judul"]
        body = ch["body"].replace("{{tabel evaluasi}}", '{{< tabel "evaluasi" >}}').replace("{{tabel rencana}}", '{{< tabel "rencana" >}}')
        write(os.path.join(content, "bab", f"{ch['slug']}.md"),
              front_matter({**common, "title": title, "weight": ch["urutan"] + 1, "layout": "bab",
                            "signature": ch["tanda_tangan"]}) + "\n" + body)
    for kind, number_ in (("evaluasi", 1), ("rencana", 2)):
        write(os.path.join(content, "tabel", f"{kind}.md"),
              front_matter({**common, "title": f"Tabel {number_}. {data['tabel'][kind]}", "layout": "tabel", "table": kind,
                            "weight": 10 + number_}))
    for i, p in enumerate(doc["programs"]):
        write(os.path.join(content, "program", f"{slug(p['nama'])}.md"),
              front_matter({**common, "title": p["nama"].title(), "layout": "program", "program": i, "weight": 20 + i}))
    for page, title, layout in (("validasi", "Validasi angka", "validasi"), ("perubahan", "Perubahan anggaran", "perubahan"),
                                ("data", "Data terbuka", "data"), ("cetak", "Versi cetak seluruh dokumen", "cetak")):
        fields = {**common, "title": title, "layout": layout, "weight": 100}
        if page == "data":
            fields["outputs"] = ["HTML", "EvaluasiCSV", "RencanaCSV", "EvaluasiJSON", "RencanaJSON", "DokumenJSON"]
        write(os.path.join(content, f"{page}.md"), front_matter(fields))


def hugo_config():
    return "\n".join([
        f'baseURL = "{BASE_URL}"', 'languageCode = "id"', f'title = "{SITE_TITLE}"',
        'disableKinds = ["taxonomy", "term", "RSS"]',
        '# Pages are folders with an index.html, as Renja writes them.',
        'uglyURLs = false', 'enableRobotsTXT = false',
        '[params]', f'  description = "{SITE_DESCRIPTION}"',
        '[markup.goldmark.renderer]', '  unsafe = false',
        '[markup.goldmark.parser]', '  autoHeadingID = true',
        '[outputs]', '  home = ["HTML"]', '  section = ["HTML"]', '  page = ["HTML"]',
        '# The open-data files Renja writes beside each document\'s data page.',
        '[outputFormats.EvaluasiCSV]', '  mediaType = "text/csv"', '  baseName = "tabel-1-evaluasi"', '  isPlainText = true', '  notAlternative = true',
        '[outputFormats.RencanaCSV]', '  mediaType = "text/csv"', '  baseName = "tabel-2-rencana"', '  isPlainText = true', '  notAlternative = true',
        '[outputFormats.EvaluasiJSON]', '  mediaType = "application/json"', '  baseName = "tabel-1-evaluasi"', '  isPlainText = true', '  notAlternative = true',
        '[outputFormats.RencanaJSON]', '  mediaType = "application/json"', '  baseName = "tabel-2-rencana"', '  isPlainText = true', '  notAlternative = true',
        '[outputFormats.DokumenJSON]', '  mediaType = "application/json"', '  baseName = "dokumen"', '  isPlainText = true', '  notAlternative = true',
        ""])


def write_hugo_skeleton(site):
    write(os.path.join(site, "hugo.toml"), hugo_config())
    write(os.path.join(site, "content", "_index.md"), front_matter({"title": SITE_TITLE}))
    write(os.path.join(site, "content", "cari.md"), front_matter({"title": "Cari", "layout": "cari"}))
    shutil.copytree(os.path.join(HERE, "hugo", "layouts"), os.path.join(site, "layouts"))
    # The same stylesheet and images as Renja's site.
    shutil.copytree(os.path.join(REPO, "Templates", "assets"), os.path.join(site, "static", "assets"))


# ----------------------------------------------------------------------------------------------


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--documents", type=int, required=True, help="number of documents (agencies × regions × years)")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--out", required=True, help="output folder (replaced)")
    args = ap.parse_args(argv)
    if args.documents < 1:
        ap.error("--documents must be at least 1")
    out = os.path.abspath(args.out)
    if os.path.exists(out):
        shutil.rmtree(out)
    content = os.path.join(out, "renja", "Content")
    write(os.path.join(content, "situs.yaml"), renja_settings())
    hugo = os.path.join(out, "hugo")
    write_hugo_skeleton(hugo)
    totals = {"documents": 0, "programs": 0, "kegiatan": 0, "sub_kegiatan": 0, "chapters": 0}
    slugs = set()
    for i in range(args.documents):
        doc = make_document(args.seed, i)
        if doc["slug"] in slugs:
            raise RuntimeError(f"duplicate document slug {doc['slug']}")
        slugs.add(doc["slug"])
        write_renja(doc, content)
        write_hugo(doc, hugo)
        p, k, s = counts(doc)
        totals["documents"] += 1
        totals["programs"] += p
        totals["kegiatan"] += k
        totals["sub_kegiatan"] += s
        totals["chapters"] += len(doc["chapters"])
    manifest = {"generator_version": GENERATOR_VERSION, "seed": args.seed, **totals}
    write(os.path.join(out, "corpus.json"), json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    print(json.dumps(manifest, sort_keys=True))


if __name__ == "__main__":
    main()
