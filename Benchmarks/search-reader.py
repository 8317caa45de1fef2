#!/usr/bin/env python3
"""What the reader of a built site waits for: in headless Chromium (Debian's chromium and
chromium-driver, through Selenium) against a local static server (Python's threaded
`http.server`, as the browser tests use), the time from typing a word into the search page's box
to the first result shown, the results Pagefind reports once it has settled, the requests the
search made and how many failed (HTTP errors, network failures, console errors).

    Benchmarks/search-reader.py --site renja=<built site> [--site other=<folder>] [--runs 3]

Each run opens a fresh browser (empty cache) on the search page, waits for Pagefind's box, types
the first word and times it; then types each further word in the same page (the engine and the
merged indexes are loaded by then: what a second search costs). A folder without a Renja search
page (`cari/index.html`, e.g. Hugo's site with `pagefind` run over it) is given one
(`cari-pagefind/index.html`: Pagefind's default UI over its single bundle `pagefind/`), the
anchor: one bundle over the same pages.

Also used by search-corpus.py (`--reader`). Writes JSON to --out when given.
"""
import argparse
import json
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "Tests", "browser"))
import renja_browser  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

WORDS = ["pendidikan", "kesehatan", "jalan"]

ANCHOR_PAGE = """<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Cari</title>
<link href="../pagefind/pagefind-ui.css" rel="stylesheet"><script src="../pagefind/pagefind-ui.js"></script></head>
<body><div id="pencarian"></div><script>
new PagefindUI({element: "#pencarian", bundlePath: "../pagefind/", showSubResults: true, showImages: false});
</script></body></html>
"""

# Types `word` into the box and answers how long (ms) until the first result is in the page.
TYPE_AND_WAIT = """
const done = arguments[arguments.length - 1];
const word = arguments[0];
const input = document.querySelector('#pencarian input');
const found = () => document.querySelector('#pencarian .pagefind-ui__result');
const t0 = performance.now();
const obs = new MutationObserver(() => { if (found()) { obs.disconnect(); done(performance.now() - t0); } });
obs.observe(document.getElementById('pencarian'), {childList: true, subtree: true});
input.value = word;
input.dispatchEvent(new Event('input', {bubbles: true}));
setTimeout(() => { obs.disconnect(); done(-1); }, 170000);
"""

# Pagefind's own count once the search has settled ("N results for …"), empty until then.
MESSAGE = "const m = document.querySelector('#pencarian .pagefind-ui__message'); return m ? m.textContent : '';"


def search_page(folder):
    """The search page's path in `folder`: Renja's, or the anchor's (written here)."""
    page = os.path.join(folder, "cari", "index.html")
    # Renja's search page names its bundles; Hugo's twin of it has no Pagefind box.
    if os.path.exists(page) and "data-bundel=" in open(page, encoding="utf-8").read():
        return "cari/"
    os.makedirs(os.path.join(folder, "cari-pagefind"), exist_ok=True)
    with open(os.path.join(folder, "cari-pagefind", "index.html"), "w", encoding="utf-8") as f:
        f.write(ANCHOR_PAGE)
    return "cari-pagefind/"


def bundles(folder):
    """How many Pagefind bundles the search merges (the primary one included)."""
    count = 0
    for dirpath, _, names in os.walk(folder):
        if "pagefind-entry.json" in names:
            count += 1
    return count


def settle(driver, word, timeout=170):
    """Pagefind's message once it names the word and stops changing (results still loading
    change it)."""
    end = time.time() + timeout
    last, since = None, time.time()
    while time.time() < end:
        text = driver.execute_script(MESSAGE)
        if text != last:
            last, since = text, time.time()
        elif word in (text or "") and time.time() - since > 1.5:
            return text
        time.sleep(0.25)
    return last


def browser():
    """renja_browser's headless Chromium, with the DevTools network log (performance log) on."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    import shutil
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=id-ID",
                "--window-size=1280,900"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver_path = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(180)
    driver.set_script_timeout(180)
    return driver


def network(driver):
    """Requests sent and those that failed (network failure or HTTP status ≥ 400), from the
    DevTools log (it sees the requests of Pagefind's worker too)."""
    sent, failed = set(), set()
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.requestWillBeSent":
            sent.add(params["requestId"])
        elif method == "Network.loadingFailed":
            failed.add(params["requestId"])
        elif method == "Network.responseReceived" and params.get("response", {}).get("status", 200) >= 400:
            failed.add(params["requestId"])
    return len(sent), len(failed)


def one_run(url, words):
    driver = browser()
    try:
        t0 = time.time()
        driver.get(url)
        WebDriverWait(driver, 120).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#pencarian input")))
        ready = time.time() - t0
        rows = []
        for word in words:
            first = driver.execute_async_script(TYPE_AND_WAIT, word)
            message = settle(driver, word)
            rows.append({"word": word, "first_result_ms": first, "message": message})
        requests, failed_http = network(driver)
        console = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        return {"ready_s": ready, "words": rows, "requests": requests, "failed_requests": failed_http,
                "console_errors": len(console), "console_sample": [e.get("message", "")[:200] for e in console[:3]]}
    finally:
        driver.quit()


def measure(folder, runs=3, words=WORDS):
    path = search_page(folder)
    samples = []
    for _ in range(runs):
        log = []
        with renja_browser.serve(folder, log) as root:
            sample = one_run(root + path, words)
        # What the server answered (the browser's own log does not see the worker's requests).
        sample["served"] = len(log)
        sample["served_errors"] = sum(1 for c in log if c >= 400)
        samples.append(sample)
    first = [s["words"][0]["first_result_ms"] for s in samples]
    later = [w["first_result_ms"] for s in samples for w in s["words"][1:]]
    return {
        "bundles": bundles(folder),
        "samples": samples,
        "median_first_typed_ms": statistics.median(first),
        "median_next_words_ms": statistics.median(later) if later else None,
        "max_failed_requests": max(s["failed_requests"] for s in samples),
        "max_console_errors": max(s["console_errors"] for s in samples),
        "median_requests": statistics.median(s["served"] for s in samples),
        "max_served_errors": max(s["served_errors"] for s in samples),
        "messages": samples[-1]["words"] and [w["message"] for w in samples[-1]["words"]],
    }


def line(label, r):
    return (f"{label}: {r['bundles']} bundles, first results {r['median_first_typed_ms']:.0f} ms after typing "
            f"(next words {r['median_next_words_ms'] or 0:.0f} ms), {r['median_requests']:.0f} requests, "
            f"failed ≤ {r['max_failed_requests']} (browser) / {r['max_served_errors']} (server), console errors ≤ {r['max_console_errors']}; {r['messages']}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", action="append", required=True, help="label=folder of a built site")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--words", default=",".join(WORDS))
    ap.add_argument("--out")
    args = ap.parse_args()
    results = {}
    for spec in args.site:
        label, folder = spec.split("=", 1)
        results[label] = measure(folder, args.runs, args.words.split(","))
        print(line(label, results[label]), flush=True)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(results, f, indent=2, ensure_ascii=False)


if __name__ == "__main__":
    main()
