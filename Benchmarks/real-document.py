#!/usr/bin/env python3
"""The path staff take: the real document of Content/, search on, side by side with its anchor.

    Benchmarks/real-document.py --renja .build/release/renja [--runs 7]

Measured in one run, the tools taking turns (this machine is shared and noisy: compare ratios):
- `renja build` of Content/ with search (Pagefind), from an empty output and an empty cache, without
  the PDF (Hugo makes none; WeasyPrint takes seconds of its own);
- `renja build` again with nothing changed (the no-op rebuild), search on;
- `renja build` without search (`RENJA_PAGEFIND` pointed at nothing), from empty;
- the anchor: `hugo` on a Hugo twin of the same pages (every HTML page Renja wrote, as raw HTML
  content under a layout that prints it), then `pagefind` over Hugo's output — and `hugo` alone.

Prints a Markdown table and writes Benchmarks/results/real-document.json. Standard library only.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from run import measure, check_ok  # noqa: E402


def pagefind_binary():
    env_path = os.environ.get("RENJA_PAGEFIND")
    if env_path:
        return env_path
    found = shutil.which("pagefind")
    if found:
        return found
    out = subprocess.run([sys.executable, "-c", "import pagefind_bin; print(pagefind_bin.get_executable())"],
                         capture_output=True, text=True)
    return out.stdout.strip() if out.returncode == 0 else None


def hugo_twin(site, twin):
    """A Hugo project whose pages are Renja's pages: same paths, same HTML bodies."""
    content = os.path.join(twin, "content")
    layouts = os.path.join(twin, "layouts", "_default")
    os.makedirs(layouts)
    with open(os.path.join(twin, "hugo.toml"), "w") as f:
        f.write('baseURL = "https://contoh.go.id/renja/"\ndisableKinds = ["taxonomy", "term", "RSS"]\nuglyURLs = false\n')
    for name in ("single.html", "list.html"):
        with open(os.path.join(layouts, name), "w") as f:
            f.write("{{ .Content }}\n")
    with open(os.path.join(twin, "layouts", "index.html"), "w") as f:
        f.write("{{ .Content }}\n")
    pages = 0
    found = [os.path.relpath(os.path.join(root, n), site) for root, _, names in os.walk(site)
             for n in names if n.endswith(".html") and n != "404.html"]
    # A folder with page folders below it must be a branch bundle (`_index.html`): a leaf bundle
    # (`index.html`) would turn the pages below it into resources, and Hugo would build fewer pages.
    branches = {""}
    for rel in found:
        parent = os.path.dirname(os.path.dirname(rel))
        while parent:
            branches.add(parent)
            parent = os.path.dirname(parent)
    for rel in found:
        folder = os.path.dirname(rel)
        target = os.path.join(content, folder, "_index.html" if folder in branches else "index.html")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(os.path.join(site, rel), encoding="utf-8") as src, open(target, "w", encoding="utf-8") as dst:
            dst.write('---\ntitle: "halaman"\n---\n' + src.read())
        pages += 1
    return pages


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--renja", required=True)
    ap.add_argument("--hugo", default=shutil.which("hugo") or "hugo")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--results", default=os.path.join(HERE, "results"))
    args = ap.parse_args()
    renja = os.path.abspath(args.renja)
    pagefind = pagefind_binary()
    if not pagefind:
        sys.exit("pagefind not found (pip install pagefind-bin)")
    work = tempfile.mkdtemp(prefix="renja-real-")
    try:
        def renja_build(out, cache, search=True):
            # Without the PDF (WeasyPrint pointed at nothing): Hugo makes none, and making it
            # (seconds, in WeasyPrint) is measured on its own below.
            env = dict(os.environ, RENJA_CACHE_DIR=cache, RENJA_WEASYPRINT="/tidak/ada")
            if not search:
                env["RENJA_PAGEFIND"] = "/tidak/ada"
            return measure([renja, "build", "--content", os.path.join(REPO, "Content"), "--templates",
                            os.path.join(REPO, "Templates"), "--output", out], env=env, cwd=work)

        # The twin is made from a build of the real document.
        seed_out = os.path.join(work, "seed", "Public")
        check_ok(renja_build(seed_out, os.path.join(work, "seed", "cache")), "renja build (seed)")
        twin = os.path.join(work, "twin")
        twin_pages = hugo_twin(seed_out, twin)

        samples = {k: [] for k in ("renja_search", "renja_noop", "renja_plain", "hugo_pagefind", "hugo")}
        for i in range(args.runs):
            run_dir = os.path.join(work, f"run{i}")
            out, cache = os.path.join(run_dir, "Public"), os.path.join(run_dir, "cache")
            r = renja_build(out, cache)
            check_ok(r, "renja build")
            samples["renja_search"].append(r["wall"])
            r = renja_build(out, cache)
            check_ok(r, "renja build (no-op)")
            samples["renja_noop"].append(r["wall"])
            r = renja_build(os.path.join(run_dir, "Plain"), os.path.join(run_dir, "cache-plain"), search=False)
            check_ok(r, "renja build (no search)")
            samples["renja_plain"].append(r["wall"])
            hugo_out = os.path.join(run_dir, "hugo")
            h = measure([args.hugo, "--quiet", "--source", twin, "--destination", hugo_out])
            check_ok(h, "hugo")
            p = measure([pagefind, "--site", hugo_out, "--silent"])
            check_ok(p, "pagefind")
            samples["hugo"].append(h["wall"])
            samples["hugo_pagefind"].append(h["wall"] + p["wall"])
            shutil.rmtree(run_dir)

        med = {k: statistics.median(v) for k, v in samples.items()}
        result = {"runs": args.runs, "twin_pages": twin_pages, "median_s": med, "samples_s": samples,
                  "ratios": {"renja_search/hugo_pagefind": med["renja_search"] / med["hugo_pagefind"],
                             "renja_plain/hugo": med["renja_plain"] / med["hugo"],
                             "noop/full (search on)": med["renja_noop"] / med["renja_search"]}}
        os.makedirs(args.results, exist_ok=True)
        with open(os.path.join(args.results, "real-document.json"), "w") as f:
            json.dump(result, f, indent=2)
        print(f"| what | Renja | anchor | ratio |\n|---|---:|---:|---:|")
        print(f"| full build, search on | {med['renja_search']:.3f} s | hugo + pagefind {med['hugo_pagefind']:.3f} s "
              f"| {result['ratios']['renja_search/hugo_pagefind']:.2f} |")
        print(f"| full build, no search | {med['renja_plain']:.3f} s | hugo {med['hugo']:.3f} s "
              f"| {result['ratios']['renja_plain/hugo']:.2f} |")
        print(f"| rebuild, nothing changed, search on | {med['renja_noop']:.3f} s | full build {med['renja_search']:.3f} s "
              f"| {result['ratios']['noop/full (search on)']:.2f} |")
        print(f"\n{args.runs} runs each, medians; Hugo twin: {twin_pages} pages.")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
