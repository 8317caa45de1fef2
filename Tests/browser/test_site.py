"""The built site in a real browser (headless Chromium): every page type loads cleanly, search
works, the figures on the Perubahan page and in the CSV downloads add up to the tables, axe-core
4.x finds no accessibility violation at a laptop's or a phone's width, and a 360 px screen never
scrolls sideways."""

import base64
import csv
import io
import json
import re
import time
import urllib.parse
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from renja_browser import DOC, PAGE_TYPES, all_search_results, axe_run, set_viewport


def open_page(driver, url, width=1280):
    set_viewport(driver, width)
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(url)
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def severe_console_entries(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def number(text):
    """`13.036.773.000` or `−575.857.000` → int."""
    t = text.strip().replace("\u2212", "-").replace(".", "")
    return int(t)


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_page_loads_without_console_errors(driver, base_url, kind):
    open_page(driver, base_url + PAGE_TYPES[kind])
    if kind == "cari":
        time.sleep(1)  # Pagefind's UI loads its files after the page
    assert driver.find_element(By.TAG_NAME, "h1").text.strip()
    assert driver.find_element(By.CSS_SELECTOR, "main#isi")
    assert severe_console_entries(driver) == []


def programs_mentioning(base_url, word):
    """Program pages whose subtree mentions `word`, computed from the document's JSON download."""
    with urllib.request.urlopen(base_url + f"{DOC}/data/{DOC}.json") as r:
        doc = json.load(r)
    plan = next(t for t in doc["tabel"] if t["jenis"] == "evaluasi")

    def mentions(item):
        text = json.dumps(item, ensure_ascii=False).lower()
        return word.lower() in text

    return [p["nama"] for p in plan["program"] if mentions(p)]


def search_results(driver):
    WebDriverWait(driver, 20).until(
        EC.presence_of_all_elements_located((By.CSS_SELECTOR, ".pagefind-ui__result-link")))
    time.sleep(0.5)
    return [(a.get_attribute("href"), a.text) for a in driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")]


@pytest.mark.parametrize("word", ["stunting", "PKH"])
def test_search_finds_the_right_program_pages(driver, base_url, word):
    expected = programs_mentioning(base_url, word)
    assert expected, f"the content mentions {word}"
    open_page(driver, base_url + "cari/?q=" + word)
    results = search_results(driver)
    program_titles = [t.lower() for href, t in results if "/program/" in href]
    for name in expected:
        assert any(name.lower()[:30] in t for t in program_titles), (name, results)
    assert severe_console_entries(driver) == []


def test_search_results_are_pages_of_the_document_under_the_sites_folder(driver, base_url):
    """The document's pages are in its group's bundle (`pagefind/kelompok-1/`), merged into the
    search of the site's: every result is one of its pages, at the site's folder (served under its
    base URL's path, as deployed), and opens."""
    open_page(driver, base_url + "cari/?q=keluarga")
    search_results(driver)
    urls = all_search_results(driver, "keluarga")
    assert urls
    root = urllib.parse.urlsplit(base_url).path
    assert all(u.startswith(root + DOC + "/") for u in urls), urls
    for u in urls:
        with urllib.request.urlopen(base_url + u[len(root):].split("#")[0]) as r:
            assert r.status == 200, u
    # The site's own bundle indexes no page of the document: the results came from the merged one.
    with urllib.request.urlopen(base_url + "pagefind/pagefind-entry.json") as r:
        assert json.load(r)["languages"]["id"]["page_count"] == 1
    assert severe_console_entries(driver) == []


def test_header_search_form_leads_to_results(driver, base_url):
    open_page(driver, base_url + f"{DOC}/")
    box = driver.find_element(By.ID, "cari-kepala-q")
    box.send_keys("stunting")
    box.send_keys(Keys.ENTER)
    WebDriverWait(driver, 15).until(EC.url_contains("cari/?q=stunting"))
    assert any("/program/" in href for href, _ in search_results(driver))


def table_totals(driver, base_url, kind):
    open_page(driver, base_url + f"{DOC}/tabel/{kind}/")
    cells = driver.find_elements(By.CSS_SELECTOR, "table.tabel-renja tfoot td")
    return [c.text for c in cells]


def test_perubahan_totals_equal_the_tables(driver, base_url):
    before = number(table_totals(driver, base_url, "evaluasi")[0])
    after = number(table_totals(driver, base_url, "rencana")[0])
    open_page(driver, base_url + f"{DOC}/perubahan/")
    total = {c.get_attribute("data-total"): number(c.text)
             for c in driver.find_elements(By.CSS_SELECTOR, "#tabel-program tfoot td[data-total]")}
    assert total["sebelum"] == before
    assert total["setelah"] == after
    assert total["selisih"] == after - before
    # The program rows add up to the totals too.
    rows = driver.find_elements(By.CSS_SELECTOR, "#tabel-program tbody tr")
    assert sum(int(r.get_attribute("data-sebelum")) for r in rows) == before
    assert sum(int(r.get_attribute("data-setelah")) for r in rows) == after
    assert severe_console_entries(driver) == []


def test_perubahan_tables_sort_in_place(driver, base_url):
    open_page(driver, base_url + f"{DOC}/perubahan/")
    sizes = [int(r.get_attribute("data-besar")) for r in driver.find_elements(By.CSS_SELECTOR, "#tabel-rincian tbody tr")]
    assert sizes == sorted(sizes, reverse=True), "without a click: largest change first"
    header = driver.find_element(By.CSS_SELECTOR, "#tabel-rincian th[data-kunci='sebelum'] button")
    header.click()
    values = [r.get_attribute("data-sebelum") for r in driver.find_elements(By.CSS_SELECTOR, "#tabel-rincian tbody tr")]
    numbers = [int(v) for v in values if v]
    assert numbers == sorted(numbers, reverse=True)
    header.click()
    values = [int(v) for v in (r.get_attribute("data-sebelum") for r in driver.find_elements(By.CSS_SELECTOR, "#tabel-rincian tbody tr")) if v]
    assert values == sorted(values)
    th = driver.find_element(By.CSS_SELECTOR, "#tabel-rincian th[data-kunci='sebelum']")
    assert th.get_attribute("aria-sort") == "ascending"
    assert severe_console_entries(driver) == []


@pytest.mark.parametrize("kind", ["evaluasi", "rencana"])
def test_csv_download_parses_and_its_sums_equal_the_table(driver, base_url, kind):
    totals = table_totals(driver, base_url, kind)
    link = driver.find_element(By.CSS_SELECTOR, "a[href$='.csv'][download]")
    # What the browser downloads, fetched by the page itself.
    raw = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => done(Array.from(new Uint8Array(b))));
    """, link.get_attribute("href"))
    data = bytes(raw)
    assert data[:3] == b"\xef\xbb\xbf"
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows and "pagu" in rows[0]
    programs = [r for r in rows if r["tingkat"] == "program"]
    assert sum(int(r["pagu"]) for r in programs if r["pagu"]) == number(totals[0])
    if kind == "evaluasi":
        assert sum(int(r["realisasi"]) for r in programs if r["realisasi"]) == number(totals[1])
        # Decimal comma: a spreadsheet in Indonesian reads it as a number.
        assert all(re.fullmatch(r"-?\d+(,\d+)?", r["persen_capaian"]) for r in rows if r["persen_capaian"])


@pytest.mark.parametrize("width", [1366, 360])
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_axe_finds_no_violation(driver, base_url, kind, width):
    """axe-core 4.x with its default rules: no violation of any impact, at a laptop's and a
    phone's width (the layouts differ)."""
    open_page(driver, base_url + PAGE_TYPES[kind], width=width)
    if kind == "cari":
        time.sleep(1)
    results = axe_run(driver)
    assert "error" not in results, results
    assert results["version"].startswith("4."), results["version"]
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]]
    assert bad == []


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_no_horizontal_page_scroll_at_360px(driver, base_url, kind):
    open_page(driver, base_url + PAGE_TYPES[kind], width=360)
    widths = driver.execute_script(
        "return [window.innerWidth, document.documentElement.scrollWidth, document.body.scrollWidth]")
    assert widths[0] == 360
    assert widths[1] <= widths[0] and widths[2] <= widths[0], widths


def test_skip_link_is_first_and_visible_on_focus(driver, base_url):
    open_page(driver, base_url + f"{DOC}/")
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    active = driver.switch_to.active_element
    assert active.get_attribute("class") == "lewati"
    rect = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width];", active)
    assert rect[0] >= 0 and rect[2] > 0
    outline = driver.execute_script("return getComputedStyle(arguments[0]).outlineStyle", active)
    assert outline != "none"
    active.send_keys(Keys.ENTER)
    assert driver.execute_script("return document.activeElement.id") == "isi"


def test_charts_have_text_alternatives(driver, base_url):
    open_page(driver, base_url + PAGE_TYPES["program"])
    charts = driver.find_elements(By.CSS_SELECTOR, "svg.grafik")
    assert len(charts) == 2
    for svg in charts:
        assert svg.get_attribute("role") == "img"
        ids = svg.get_attribute("aria-labelledby").split()
        texts = [driver.execute_script("return document.getElementById(arguments[0]).textContent", i) for i in ids]
        assert all(t.strip() for t in texts), texts
        figure = svg.find_element(By.XPATH, "./ancestor::figure")
        table_rows = figure.find_elements(By.CSS_SELECTOR, "details table tbody tr")
        groups = svg.find_elements(By.CSS_SELECTOR, "g.grafik-kelompok")
        assert len(table_rows) == len(groups) > 0


def test_print_layout_is_a4_with_landscape_tables_and_no_navigation(driver, base_url):
    open_page(driver, base_url + f"{DOC}/cetak/")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = driver.execute_script(
            "return ['.kepala', '.navigasi', '.remah', '.cetak-alat'].map(s => getComputedStyle(document.querySelector(s)).display)")
        assert hidden == ["none"] * 4
        header_group = driver.execute_script("return getComputedStyle(document.querySelector('.tabel-renja thead')).display")
        assert header_group == "table-header-group"
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    sizes = {(round(float(w)), round(float(h))) for w, h in boxes}
    assert (595, 842) in sizes, sizes  # A4 portrait for the chapters
    assert (842, 595) in sizes, sizes  # A4 landscape for the wide tables
    assert len(boxes) > 10
