#!/usr/bin/env python3
"""Renja vs Hugo: build time and memory from one document to a province.

    Benchmarks/run.py                      # the full benchmark (see BENCHMARKS.md); takes a while
    Benchmarks/run.py --smoke --renja PATH # one run at the smallest scale (what the test suite does)

For every scale (a number of documents) it generates the corpus with Benchmarks/generate.py, then
builds it with Renja (release build) and with Hugo several times from an empty output folder, and
records whole-process wall time (median), peak resident memory and CPU time (from the kernel's
rusage of the child, the figures `/usr/bin/time -v` prints), pages and bytes written, pages per
second and the Renja/Hugo time ratio. At the largest scale it also times an incremental Renja
rebuild after editing one table row, and `renja check`.

Writes results.json (every run), results.csv, results.md (the tables for BENCHMARKS.md) and
plot.svg (time and time per page vs pages, both tools) into --results. Standard library only.
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_SCALES = [1, 10, 40, 200, 1000]


# ----------------------------------------------------------------------------------------------
# Running and measuring a process


def measure(argv, env=None, cwd=None):
    """Runs argv to completion; returns wall seconds, peak RSS (MiB), user+sys CPU seconds, output."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=cwd)
    # wait4 on this pid gives the child's own rusage: ru_maxrss is its peak resident set (KiB).
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    return {"wall": wall, "rss_mib": usage.ru_maxrss / 1024, "cpu": usage.ru_utime + usage.ru_stime,
            "status": proc.returncode, "output": out.decode("utf-8", "replace")}


def check_ok(result, what):
    if result["status"] not in (0,):
        sys.exit(f"{what} failed with status {result['status']}:\n{result['output'][-4000:]}")


def output_stats(folder):
    pages = files = html_bytes = all_bytes = 0
    for root, _, names in os.walk(folder):
        for n in names:
            size = os.path.getsize(os.path.join(root, n))
            files += 1
            all_bytes += size
            if n.endswith(".html"):
                pages += 1
                html_bytes += size
    return {"pages": pages, "files": files, "html_bytes": html_bytes, "bytes": all_bytes}


def load_average():
    return round(os.getloadavg()[0], 2)


def wait_for_quiet(max_load, max_wait):
    """Waits (up to max_wait seconds) until the 1-minute load average is below max_load."""
    if max_load <= 0:
        return load_average()
    deadline = time.time() + max_wait
    while load_average() > max_load and time.time() < deadline:
        time.sleep(15)
    return load_average()


# ----------------------------------------------------------------------------------------------
# The tools


class Tools:
    def __init__(self, renja, hugo, templates):
        self.renja = renja
        self.hugo = hugo
        self.templates = templates
        # Search indexing is done by a separate program (Pagefind) when it is installed, and so is the
        # document PDF (WeasyPrint); Hugo does neither, so both builds leave them out. A path that
        # does not exist turns each off.
        self.env = dict(os.environ, RENJA_PAGEFIND="/nonexistent/pagefind-disabled-for-benchmark",
                        RENJA_WEASYPRINT="/nonexistent/weasyprint-disabled-for-benchmark")

    def renja_build(self, corpus, out, cache):
        """`renja build` keeps a cache of what it built (for incremental builds) in `cache`: a full
        build is measured with an empty one, an incremental build with the previous build's."""
        return measure([self.renja, "build", "--content", os.path.join(corpus, "renja", "Content"),
                        "--templates", self.templates, "--output", out], env=dict(self.env, RENJA_CACHE_DIR=cache))

    def renja_check(self, corpus):
        return measure([self.renja, "check", "--content", os.path.join(corpus, "renja", "Content")], env=self.env)

    def hugo_build(self, corpus, out):
        return measure([self.hugo, "--quiet", "--source", os.path.join(corpus, "hugo"), "--destination", out])


def versions(tools):
    def first_line(argv):
        try:
            return subprocess.run(argv, capture_output=True, text=True).stdout.strip().splitlines()[0]
        except Exception:  # noqa: BLE001 - informational only
            return "?"
    stamp = os.path.join(os.path.dirname(os.path.abspath(tools.renja)), "COMMIT")
    if os.path.exists(stamp):
        # A copied binary can say which commit it was built from (the tree may have moved on since).
        with open(stamp) as f:
            commit, dirty = f.read().strip(), ""
    else:
        commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--", "Sources", "Templates"],
                               capture_output=True, text=True).stdout.strip()
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except Exception:  # noqa: BLE001
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            mem = f"{int(f.readline().split()[1]) / 1024 / 1024:.1f} GiB"
    except Exception:  # noqa: BLE001
        pass
    return {"date": datetime.datetime.now().astimezone().isoformat(timespec="minutes"),
            "cpu": cpu, "cores": os.cpu_count(), "memory": mem, "kernel": platform.release(),
            "hugo": first_line([tools.hugo, "version"]), "swift": first_line(["swift", "--version"]),
            "renja_commit": commit + ("+uncommitted" if dirty else ""), "python": platform.python_version()}


# ----------------------------------------------------------------------------------------------
# Corpora


def corpus_for(work, documents, seed):
    folder = os.path.join(work, f"corpus-{documents}")
    manifest = os.path.join(folder, "corpus.json")
    sys.path.insert(0, HERE)
    import generate  # noqa: E402
    if os.path.exists(manifest):
        with open(manifest) as f:
            m = json.load(f)
        if m.get("seed") == seed and m.get("generator_version") == generate.GENERATOR_VERSION and m.get("documents") == documents \
                and m.get("templates") == templates_stamp():
            return folder, m
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--documents", str(documents), "--seed", str(seed),
                    "--out", folder], check=True, stdout=subprocess.DEVNULL)
    with open(manifest) as f:
        m = json.load(f)
    m["templates"] = templates_stamp()
    with open(manifest, "w") as f:
        json.dump(m, f, indent=2, sort_keys=True)
    return folder, m


def templates_stamp():
    """Digest of what shapes a corpus besides seed and size (the generator, its word lists, the Hugo
    templates, Renja's assets), so a cached corpus is regenerated when any of them changes."""
    digest = hashlib.sha256()
    for base in (os.path.join(HERE, "generate.py"), os.path.join(HERE, "vocabulary.py"), os.path.join(HERE, "hugo"),
                 os.path.join(REPO, "Templates", "assets")):
        paths = [base] if os.path.isfile(base) else sorted(os.path.join(r, n) for r, _, ns in os.walk(base) for n in ns)
        for p in paths:
            digest.update(os.path.relpath(p, REPO).encode())
            with open(p, "rb") as f:
                digest.update(f.read())
    return digest.hexdigest()[:16]


# ----------------------------------------------------------------------------------------------
# One incremental edit: one sub kegiatan's pagu in one document's Tabel 2


PAGU_LINE = re.compile(r"^(\s+pagu: )([0-9.]+)$", re.M)


def edit_one_row(corpus, step):
    """Changes the last sub kegiatan's pagu in Tabel 2 of the middle document by ±1.000 (alternating,
    so each run really changes a figure) in both the Renja and the Hugo corpus."""
    content = os.path.join(corpus, "renja", "Content")
    docs = sorted(d for d in os.listdir(content) if os.path.isdir(os.path.join(content, d)))
    doc = docs[len(docs) // 2]
    path = os.path.join(content, doc, "tabel", "rencana.yaml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    last = list(PAGU_LINE.finditer(text))[-1]
    old = int(last.group(2).replace(".", ""))
    new = old + (1000 if step % 2 == 0 else -1000)
    text = text[:last.start(2)] + f"{new:,}".replace(",", ".") + text[last.end(2):]
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    hugo_data = os.path.join(corpus, "hugo", "data", "docs", f"{doc}.json")
    with open(hugo_data, encoding="utf-8") as f:
        data = f.read()
    old_s, new_s = f"{old:,}".replace(",", "."), f"{new:,}".replace(",", ".")
    i = data.rfind(f'"pagu_baru": "{old_s}"')
    if i >= 0:
        data = data[:i] + f'"pagu_baru": "{new_s}"' + data[i + len(f'"pagu_baru": "{old_s}"'):]
        with open(hugo_data, "w", encoding="utf-8") as f:
            f.write(data)
    return f"{doc}/tabel/rencana.yaml: pagu {old_s} → {new_s}"


# ----------------------------------------------------------------------------------------------
# The benchmark


def median(xs):
    return statistics.median(xs) if xs else None


def summarize(runs):
    return {"wall": median([r["wall"] for r in runs]), "wall_min": min(r["wall"] for r in runs),
            "wall_max": max(r["wall"] for r in runs), "rss_mib": max(r["rss_mib"] for r in runs),
            "cpu": median([r["cpu"] for r in runs]), "runs": len(runs)}


def settle():
    """Before each timed run: flush the previous run's writes, so neither tool pays for the other's."""
    os.sync()


def run_tools(tools, corpus, work, runs, warmup, log):
    """Full builds, the tools taking turns (Renja, Hugo, Renja, …) so that a disturbance on the
    shared machine hits both alike. Every run starts from an empty output folder (and, for Renja,
    an empty build cache)."""
    samples = {name: [] for name, _ in tools}
    for i in range(warmup + runs):
        for name, build in tools:
            out = os.path.join(work, f"out-{name}")
            shutil.rmtree(out, ignore_errors=True)
            settle()
            r = build(corpus, out)
            check_ok(r, f"{name} build of {corpus}")
            stats = output_stats(out)
            sample = {k: r[k] for k in ("wall", "rss_mib", "cpu")} | stats | {"load": load_average()}
            if i >= warmup:
                samples[name].append(sample)
            log(f"    {name:5} run {i + 1 - warmup:>2}{' (warm-up)' if i < warmup else ''}: {r['wall']:.3f} s, "
                f"{r['rss_mib']:.0f} MiB, cpu {r['cpu']:.2f} s, {stats['pages']} pages, load {sample['load']}")
    return samples


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scales", default=",".join(map(str, DEFAULT_SCALES)), help="documents per corpus, comma separated")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per tool and scale")
    ap.add_argument("--runs-largest", type=int, default=3, help="timed runs at the largest scale")
    ap.add_argument("--warmup", type=int, default=1, help="untimed runs first (file cache)")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--renja", help="renja executable (default: build it: swift build -c release --scratch-path .build-bench)")
    ap.add_argument("--hugo", default=shutil.which("hugo") or "hugo")
    ap.add_argument("--templates", default=os.path.join(REPO, "Templates"))
    ap.add_argument("--work", default=os.path.join(HERE, ".work"), help="corpora and outputs (git-ignored)")
    ap.add_argument("--results", default=os.path.join(HERE, "results"))
    ap.add_argument("--max-load", type=float, default=0.0, help="before each scale, wait until the load average is below this")
    ap.add_argument("--max-wait", type=float, default=1800)
    ap.add_argument("--smoke", action="store_true", help="one run of the smallest scale, no warm-up")
    ap.add_argument("--report-only", action="store_true", help="rewrite results.md, .csv and plot.svg from --results/results.json")
    args = ap.parse_args(argv)
    if args.report_only:
        with open(os.path.join(args.results, "results.json")) as f:
            write_results(json.load(f), args.results)
        return

    scales = sorted({int(s) for s in args.scales.split(",") if s.strip()})
    if args.smoke:
        scales, args.runs, args.runs_largest, args.warmup = scales[:1], 1, 1, 0
    os.makedirs(args.work, exist_ok=True)
    os.makedirs(args.results, exist_ok=True)
    log_lines = []

    def log(s):
        print(s, flush=True)
        log_lines.append(s)

    if not args.renja:
        log("building renja (release, scratch path .build-bench)…")
        subprocess.run(["swift", "build", "-c", "release", "--scratch-path", ".build-bench", "--product", "renja"],
                       cwd=REPO, check=True)
        args.renja = os.path.join(REPO, ".build-bench", "release", "renja")
    if not shutil.which(args.hugo) and not os.path.exists(args.hugo):
        sys.exit("hugo not found: install it (apt-get install hugo)")
    tools = Tools(os.path.abspath(args.renja), args.hugo, args.templates)
    info = versions(tools)
    info["command"] = " ".join(["Benchmarks/run.py"] + (argv if argv is not None else sys.argv[1:]))
    log(json.dumps(info, ensure_ascii=False))

    results = {"machine": info, "scales": [], "incremental": None, "check": None}
    largest = None
    for documents in scales:
        corpus, manifest = corpus_for(args.work, documents, args.seed)
        load = wait_for_quiet(args.max_load, args.max_wait)
        runs = args.runs_largest if documents == scales[-1] else args.runs
        log(f"scale {documents} documents (load {load}):")
        cold = os.path.join(args.work, "cache-cold")

        def renja_full(corpus_, out_):
            shutil.rmtree(cold, ignore_errors=True)
            return tools.renja_build(corpus_, out_, cold)
        samples = run_tools([("renja", renja_full), ("hugo", tools.hugo_build)], corpus, args.work, runs, args.warmup, log)
        renja, hugo = samples["renja"], samples["hugo"]
        entry = {"documents": documents, "corpus": manifest, "load_before": load,
                 "renja": summarize(renja) | {k: renja[-1][k] for k in ("pages", "files", "html_bytes", "bytes")},
                 "hugo": summarize(hugo) | {k: hugo[-1][k] for k in ("pages", "files", "html_bytes", "bytes")},
                 "renja_runs": renja, "hugo_runs": hugo}
        entry["ratio"] = entry["renja"]["wall"] / entry["hugo"]["wall"]
        for tool in ("renja", "hugo"):
            entry[tool]["pages_per_s"] = entry[tool]["pages"] / entry[tool]["wall"]
        results["scales"].append(entry)
        largest = (corpus, entry)
        log(f"  → renja {entry['renja']['wall']:.3f} s, hugo {entry['hugo']['wall']:.3f} s, ratio {entry['ratio']:.2f}")

    # Incremental rebuild and check at the largest scale.
    corpus, entry = largest
    out = os.path.join(args.work, "out-renja")
    warm = os.path.join(args.work, "cache-incremental")
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(warm, ignore_errors=True)
    check_ok(tools.renja_build(corpus, out, warm), "renja build")
    inc = []
    runs = args.runs_largest
    for i in range(runs):
        what = edit_one_row(corpus, i)
        settle()
        r = tools.renja_build(corpus, out, warm)
        check_ok(r, "incremental renja build")
        written = re.search(r"\((\d+) ditulis", r["output"])
        inc.append({"wall": r["wall"], "rss_mib": r["rss_mib"], "cpu": r["cpu"], "edit": what,
                    "written": int(written.group(1)) if written else None})
        log(f"  incremental run {i + 1}: {r['wall']:.3f} s ({what}; {inc[-1]['written']} files written)")
    if runs % 2 == 1:
        edit_one_row(corpus, runs)  # put the figure back, so the cached corpus stays as generated
    hugo_out = os.path.join(args.work, "out-hugo")
    hinc = []
    for i in range(runs):
        edit_one_row(corpus, i)
        settle()
        r = tools.hugo_build(corpus, hugo_out)  # Hugo's CLI has no incremental mode: it renders everything again
        check_ok(r, "hugo rebuild")
        hinc.append({"wall": r["wall"], "rss_mib": r["rss_mib"], "cpu": r["cpu"]})
    if runs % 2 == 1:
        edit_one_row(corpus, runs)
    results["incremental"] = {"documents": entry["documents"], "pages": entry["renja"]["pages"],
                              "renja": summarize(inc), "renja_runs": inc, "hugo": summarize(hinc),
                              "full_build": entry["renja"]["wall"]}
    results["incremental"]["share_of_full"] = results["incremental"]["renja"]["wall"] / entry["renja"]["wall"]
    log(f"  incremental: {results['incremental']['renja']['wall']:.3f} s = "
        f"{100 * results['incremental']['share_of_full']:.1f}% of the full build")
    chk = []
    for i in range(runs):
        settle()
        r = tools.renja_check(corpus)
        if r["status"] not in (0, 1):  # 1 = findings (the corpus carries deliberate typos)
            check_ok(r, "renja check")
        chk.append({"wall": r["wall"], "rss_mib": r["rss_mib"], "cpu": r["cpu"], "status": r["status"]})
        log(f"  check run {i + 1}: {r['wall']:.3f} s, {r['rss_mib']:.0f} MiB (exit {r['status']})")
    results["check"] = {"documents": entry["documents"], "pages": entry["renja"]["pages"], "renja": summarize(chk), "runs": chk}

    write_results(results, args.results)
    with open(os.path.join(args.results, "run.log"), "w") as f:
        f.write("\n".join(log_lines) + "\n")
    log(f"results in {os.path.relpath(args.results)}/")


# ----------------------------------------------------------------------------------------------
# Output: JSON, CSV, Markdown tables, SVG plot


def fmt(x, places=2):
    return f"{x:,.{places}f}".replace(",", " ")


def fit_line(xs, ys):
    """Least squares y = a + b·x and its R²."""
    n = len(xs)
    if n < 2:
        return ys[0] if ys else 0, 0, 1
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else 0
    a = my - b * mx
    ss_tot = sum((y - my) ** 2 for y in ys)
    ss_res = sum((y - a - b * x) ** 2 for x, y in zip(xs, ys))
    return a, b, 1 - ss_res / ss_tot if ss_tot else 1


def write_results(results, folder):
    with open(os.path.join(folder, "results.json"), "w") as f:
        json.dump(results, f, indent=1, sort_keys=True, ensure_ascii=False)
    rows = ["documents,tool,pages,files,html_mib,median_s,min_s,max_s,peak_rss_mib,cpu_s,pages_per_s,ratio_renja_hugo"]
    for s in results["scales"]:
        for tool in ("renja", "hugo"):
            t = s[tool]
            rows.append(f"{s['documents']},{tool},{t['pages']},{t['files']},{t['html_bytes'] / 2**20:.1f},{t['wall']:.4f},"
                        f"{t['wall_min']:.4f},{t['wall_max']:.4f},{t['rss_mib']:.1f},{t['cpu']:.3f},{t['pages_per_s']:.1f},{s['ratio']:.3f}")
    with open(os.path.join(folder, "results.csv"), "w") as f:
        f.write("\n".join(rows) + "\n")
    with open(os.path.join(folder, "results.md"), "w") as f:
        f.write(markdown(results))
    with open(os.path.join(folder, "plot.svg"), "w") as f:
        f.write(svg_plot(results))


def markdown(results):
    m = results["machine"]
    lines = [f"Measured {m['date']} on {m['cpu']} ({m['cores']} cores, {m['memory']} RAM, Linux {m['kernel']}); "
             f"Renja {m['renja_commit']} built with {m['swift']}; {m['hugo']}.", "",
             "| documents | pages (Renja / Hugo) | HTML MiB (Renja / Hugo) | Renja median s | Hugo median s | ratio Renja/Hugo "
             "| Renja pages/s | Hugo pages/s | Renja peak MiB | Hugo peak MiB | Renja CPU s | Hugo CPU s | load before |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for s in results["scales"]:
        r, h = s["renja"], s["hugo"]
        lines.append(f"| {s['documents']:,} | {r['pages']:,} / {h['pages']:,} | {r['html_bytes'] / 2**20:.1f} / {h['html_bytes'] / 2**20:.1f} "
                     f"| {r['wall']:.3f} | {h['wall']:.3f} | **{s['ratio']:.2f}** | {r['pages_per_s']:,.0f} | {h['pages_per_s']:,.0f} "
                     f"| {r['rss_mib']:.0f} | {h['rss_mib']:.0f} | {r['cpu']:.2f} | {h['cpu']:.2f} | {s['load_before']} |")
    pages = [s["renja"]["pages"] for s in results["scales"]]
    times = [s["renja"]["wall"] for s in results["scales"]]
    a, b, r2 = fit_line(pages, times)
    ha, hb, hr2 = fit_line([s["hugo"]["pages"] for s in results["scales"]], [s["hugo"]["wall"] for s in results["scales"]])
    lines += ["", f"Linear fit, time = a + b × pages: Renja a = {a:.3f} s, b = {1000 * b:.3f} ms/page, R² = {r2:.4f}; "
                  f"Hugo a = {ha:.3f} s, b = {1000 * hb:.3f} ms/page, R² = {hr2:.4f}."]
    inc = results.get("incremental")
    if inc:
        lines += ["", f"Incremental rebuild after editing one table row ({inc['documents']:,} documents, {inc['pages']:,} pages): "
                      f"Renja median {inc['renja']['wall']:.3f} s = **{100 * inc['share_of_full']:.1f}%** of its full build "
                      f"({inc['full_build']:.3f} s), peak {inc['renja']['rss_mib']:.0f} MiB; "
                      f"Hugo (no incremental mode on the command line) {inc['hugo']['wall']:.3f} s."]
    chk = results.get("check")
    if chk:
        lines += ["", f"`renja check` on the same corpus: median {chk['renja']['wall']:.3f} s, peak {chk['renja']['rss_mib']:.0f} MiB."]
    return "\n".join(lines) + "\n"


def svg_plot(results):
    """Two log-log panels: wall time vs pages, and milliseconds per page vs pages."""
    import math
    W, H, pad_l, pad_r, pad_t, pad_b, gap = 900, 380, 70, 20, 40, 55, 80
    pw = (W - pad_l - pad_r - gap) / 2
    ph = H - pad_t - pad_b
    colors = {"renja": "#b5121b", "hugo": "#1f5fa8"}
    series = {t: [(s[t]["pages"], s[t]["wall"]) for s in results["scales"]] for t in ("renja", "hugo")}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
           'font-family="DejaVu Sans, Arial, sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="#fff"/>']

    def log_range(values):
        lo, hi = min(values), max(values)
        lo_e, hi_e = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
        if hi_e == lo_e:
            hi_e += 1
        return lo_e, hi_e

    def panel(x0, title, ylabel, data):
        xs = [p for pts in data.values() for p, _ in pts]
        ys = [v for pts in data.values() for _, v in pts]
        xlo, xhi = log_range(xs)
        ylo, yhi = log_range(ys)

        def px(x):
            return x0 + (math.log10(x) - xlo) / (xhi - xlo) * pw

        def py(y):
            return pad_t + ph - (math.log10(y) - ylo) / (yhi - ylo) * ph
        out.append(f'<text x="{x0 + pw / 2}" y="{pad_t - 15}" text-anchor="middle" font-weight="bold">{title}</text>')
        out.append(f'<rect x="{x0}" y="{pad_t}" width="{pw}" height="{ph}" fill="none" stroke="#999"/>')
        for e in range(xlo, xhi + 1):
            x = px(10 ** e)
            out.append(f'<line x1="{x:.1f}" y1="{pad_t}" x2="{x:.1f}" y2="{pad_t + ph}" stroke="#e5e5e5"/>')
            out.append(f'<text x="{x:.1f}" y="{pad_t + ph + 16}" text-anchor="middle">{10 ** e:,}</text>')
        for e in range(ylo, yhi + 1):
            y = py(10 ** e)
            label = f"{10.0 ** e:g}"
            out.append(f'<line x1="{x0}" y1="{y:.1f}" x2="{x0 + pw}" y2="{y:.1f}" stroke="#e5e5e5"/>')
            out.append(f'<text x="{x0 - 6}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
        out.append(f'<text x="{x0 + pw / 2}" y="{H - 18}" text-anchor="middle">pages (log scale)</text>')
        out.append(f'<text transform="translate({x0 - 50},{pad_t + ph / 2}) rotate(-90)" text-anchor="middle">{ylabel}</text>')
        for tool, pts in data.items():
            path = " ".join(f"{'M' if i == 0 else 'L'}{px(p):.1f},{py(v):.1f}" for i, (p, v) in enumerate(pts))
            out.append(f'<path d="{path}" fill="none" stroke="{colors[tool]}" stroke-width="2"/>')
            for p, v in pts:
                out.append(f'<circle cx="{px(p):.1f}" cy="{py(v):.1f}" r="3.5" fill="{colors[tool]}"><title>{tool}: {p:,} pages, {v:.4g}</title></circle>')

    panel(pad_l, "Whole-process build time", "seconds (median, log scale)", series)
    per_page = {t: [(p, 1000 * s / p) for p, s in pts] for t, pts in series.items()}
    panel(pad_l + pw + gap, "Time per page (flat = linear growth)", "ms per page (log scale)", per_page)
    lx = pad_l + 12
    for i, tool in enumerate(("renja", "hugo")):
        y = pad_t + 16 + 18 * i
        out.append(f'<line x1="{lx}" y1="{y - 4}" x2="{lx + 22}" y2="{y - 4}" stroke="{colors[tool]}" stroke-width="2"/>')
        out.append(f'<text x="{lx + 28}" y="{y}">{"Renja" if tool == "renja" else "Hugo"}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
