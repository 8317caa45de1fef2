#!/usr/bin/env python3
"""The corpus with search on: `renja build` (Pagefind found, PDFs off) against `hugo` + `pagefind`
on the same generated corpus (Benchmarks/generate.py, as run.py uses it), the tools taking turns.
Also the incremental rebuild after one edited row, search on, against the full build.

    Benchmarks/search-corpus.py --renja <copied release binary> [--scales 1,10,100] [--runs 3]

With --reader, also what the reader waits for on the last run's sites (Renja's, and Hugo's with
Pagefind's single bundle as the anchor): search-reader.py's time from typing a word to the first
result in headless Chromium against a local static server, and the failed requests (needs Selenium,
Debian's chromium and chromium-driver).

Writes Benchmarks/results/search-corpus.json and prints a Markdown table. Standard library only
(Selenium for --reader).
"""
import argparse
import json
import os
import shutil
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from run import measure, check_ok, corpus_for, edit_one_row, load_average  # noqa: E402
from importlib import util  # noqa: E402

spec = util.spec_from_file_location("real_document", os.path.join(HERE, "real-document.py"))
real = util.module_from_spec(spec)
spec.loader.exec_module(real)
spec = util.spec_from_file_location("search_reader", os.path.join(HERE, "search-reader.py"))
reader = util.module_from_spec(spec)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--renja", required=True)
    ap.add_argument("--hugo", default=shutil.which("hugo") or "hugo")
    ap.add_argument("--scales", default="1,10,100")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--work", default=os.path.join(HERE, ".work"))
    ap.add_argument("--results", default=os.path.join(HERE, "results"))
    ap.add_argument("--out", default="search-corpus.json", help="file name under --results")
    ap.add_argument("--reader", action="store_true", help="also time the search page in headless Chromium")
    ap.add_argument("--reader-runs", type=int, default=3)
    args = ap.parse_args()
    if args.reader:
        spec.loader.exec_module(reader)
    renja = os.path.abspath(args.renja)
    pagefind = real.pagefind_binary()
    if not pagefind:
        sys.exit("pagefind not found (pip install pagefind-bin)")
    templates = os.path.join(os.path.dirname(HERE), "Templates")
    env = dict(os.environ, RENJA_PAGEFIND=pagefind, RENJA_WEASYPRINT="/nonexistent/weasyprint-disabled-for-benchmark")
    rows = []
    for documents in [int(s) for s in args.scales.split(",")]:
        corpus, _ = corpus_for(args.work, documents, args.seed)
        content = os.path.join(corpus, "renja", "Content")
        out_root = os.path.join(args.work, f"search-{documents}")
        samples = {"renja": [], "incremental": [], "hugo_pagefind": []}
        # Peak resident set (MiB) as wait4 reports it: for `renja build` the larger of its own peak and
        # that of the Pagefind it runs; for the anchor each command on its own.
        rss = {"renja": [], "hugo": [], "pagefind": []}
        readers = {}
        for i in range(args.runs):
            shutil.rmtree(out_root, ignore_errors=True)
            out, cache = os.path.join(out_root, "Public"), os.path.join(out_root, "cache")
            r = measure([renja, "build", "--content", content, "--templates", templates, "--output", out],
                        env=dict(env, RENJA_CACHE_DIR=cache))
            check_ok(r, "renja build")
            samples["renja"].append(r["wall"])
            rss["renja"].append(r["rss_mib"])
            edit_one_row(corpus, 0)
            r = measure([renja, "build", "--content", content, "--templates", templates, "--output", out],
                        env=dict(env, RENJA_CACHE_DIR=cache))
            check_ok(r, "renja build (one row edited)")
            samples["incremental"].append(r["wall"])
            edit_one_row(corpus, 1)  # the row back, so the corpus stays as generated
            if args.reader and i == args.runs - 1:
                readers["renja"] = reader.measure(out, args.reader_runs)
                print(reader.line(f"{documents} documents, renja", readers["renja"]), flush=True)
            hugo_out = os.path.join(out_root, "hugo")
            h = measure([args.hugo, "--quiet", "--source", os.path.join(corpus, "hugo"), "--destination", hugo_out])
            check_ok(h, "hugo")
            p = measure([pagefind, "--site", hugo_out, "--silent"])
            check_ok(p, "pagefind")
            samples["hugo_pagefind"].append(h["wall"] + p["wall"])
            rss["hugo"].append(h["rss_mib"])
            rss["pagefind"].append(p["rss_mib"])
            if args.reader and i == args.runs - 1:
                readers["hugo_pagefind"] = reader.measure(hugo_out, args.reader_runs)
                print(reader.line(f"{documents} documents, hugo + pagefind", readers["hugo_pagefind"]), flush=True)
        med = {k: statistics.median(v) for k, v in samples.items()}
        peak = {k: max(v) for k, v in rss.items()}
        rows.append({"documents": documents, "median_s": med, "samples_s": samples, "peak_rss_mib": peak,
                     "rss_renja/hugo": peak["renja"] / peak["hugo"],
                     "ratio_renja/hugo_pagefind": med["renja"] / med["hugo_pagefind"],
                     "incremental/full": med["incremental"] / med["renja"], "load_average": load_average(),
                     "reader": readers})
        shutil.rmtree(out_root, ignore_errors=True)
        print(f"{documents} documents: renja {med['renja']:.3f} s, hugo+pagefind {med['hugo_pagefind']:.3f} s, "
              f"incremental {med['incremental']:.3f} s; peak RSS renja {peak['renja']:.0f} MiB, "
              f"hugo {peak['hugo']:.0f} MiB, pagefind {peak['pagefind']:.0f} MiB", flush=True)
    os.makedirs(args.results, exist_ok=True)
    with open(os.path.join(args.results, args.out), "w") as f:
        json.dump({"runs": args.runs, "scales": rows}, f, indent=2)
    print("\n| documents | renja build, search on | hugo + pagefind | ratio | rebuild after one row | of full |")
    print("|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        m = r["median_s"]
        print(f"| {r['documents']} | {m['renja']:.3f} s | {m['hugo_pagefind']:.3f} s | {r['ratio_renja/hugo_pagefind']:.2f} "
              f"| {m['incremental']:.3f} s | {100 * r['incremental/full']:.0f}% |")


if __name__ == "__main__":
    main()
