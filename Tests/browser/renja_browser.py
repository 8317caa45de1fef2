"""Shared helpers for the browser tests and the screenshot script: serve a built site over HTTP
on the loopback address and drive Debian's headless Chromium through chromedriver."""

import contextlib
import functools
import http.server
import os
import pathlib
import posixpath
import re
import shutil
import threading
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

DOC = "renja-perubahan-2024"

# One page of every type the site has.
PAGE_TYPES = {
    "beranda-situs": "",
    "beranda-dokumen": f"{DOC}/",
    "bab": f"{DOC}/bab/pendahuluan/",
    "tabel-1": f"{DOC}/tabel/evaluasi/",
    "tabel-2": f"{DOC}/tabel/rencana/",
    "program": f"{DOC}/program/program-penunjang-urusan-pemerintahan-daerah-kabupaten-kota/",
    "perubahan": f"{DOC}/perubahan/",
    "data": f"{DOC}/data/",
    "cetak": f"{DOC}/cetak/",
    "validasi": f"{DOC}/validasi/",
    "cari": "cari/",
    "404": "404.html",
}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".pagefind": "application/octet-stream",
        ".pf_meta": "application/octet-stream",
        ".pf_fragment": "application/octet-stream",
        ".pf_index": "application/octet-stream",
        ".csv": "text/csv; charset=utf-8",
        ".json": "application/json",
    }

    prefix = "/"

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        # The site is published under a path (the base URL's, e.g. /renja/): serve it there, as
        # the real host does, so the 404 page's absolute links are tested too.
        clean = urllib.parse.urlsplit(path).path
        if not clean.startswith(self.prefix):
            return os.path.join(self.directory, "__tidak_ada__")
        return super().translate_path("/" + clean[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        # Like a static host configured with the site's 404.html.
        page = pathlib.Path(self.directory, "404.html")
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def base_path(folder):
    """The path part of the site's base URL, read from the canonical link of its home page."""
    html = pathlib.Path(folder, "index.html").read_text(encoding="utf-8")
    match = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    path = urllib.parse.urlsplit(match.group(1)).path if match else "/"
    return posixpath.join(path, "") if path else "/"


@contextlib.contextmanager
def serve(folder, statuses=None):
    """Serves `folder` on 127.0.0.1 at a free port under its base URL's path; yields the URL of
    the site's root (ending in /). With `statuses` (a list), each answer's HTTP status is
    appended to it."""
    prefix = base_path(folder)
    members = {"prefix": prefix}
    if statuses is not None:
        members["log_request"] = lambda self, code="-", size="-": statuses.append(int(getattr(code, "value", code) or 0))
    handler = functools.partial(type("Handler", (_QuietHandler,), members), directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def chromium(width=1280, height=900):
    """Headless Chromium (works without a display) with the browser console log enabled."""
    options = webdriver.ChromeOptions()
    binary = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=id-ID",
                f"--window-size={width},{height}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver_path = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)  # axe-core on the longest pages
    return driver


def axe_source():
    """axe-core 4.x as shipped inside PyPI's `axe-playwright-python` (installed without its
    Playwright dependency: only the script is used, injected through Selenium)."""
    import axe_playwright_python
    return pathlib.Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text(encoding="utf-8")


def axe_run(driver):
    """Runs axe-core on the current page with its default rules (every WCAG level and best
    practice it checks) and returns its results: `version` and `violations`."""
    if not driver.execute_script("return !!window.axe"):
        driver.execute_script(axe_source())
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']})
          .then(r => done({version: axe.version, violations: r.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))}))}))
          .catch(e => done({error: String(e)}));
    """)


def set_viewport(driver, width, height=900):
    """Makes the page's viewport (not the window) exactly `width` CSS pixels wide."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


# Every result of a search with Pagefind's engine as the search page set it up (its own bundle and
# every merged document bundle): the module is the one the page's UI imported, so its options hold.
_ALL_RESULTS_JS = """
const done = arguments[arguments.length - 1];
const box = document.getElementById('pencarian');
import(new URL(box.getAttribute('data-bundel') + 'pagefind.js', location.href).href).then(async pf => {
  const found = await pf.search(arguments[0]);
  const data = await Promise.all(found.results.map(r => r.data()));
  done(data.map(d => d.url));
}).catch(e => done('galat: ' + e));
"""


def all_search_results(driver, word):
    """The addresses of every result for `word` on the search page now open (whose UI has loaded)."""
    urls = driver.execute_async_script(_ALL_RESULTS_JS, word)
    assert isinstance(urls, list), urls
    return urls
