"""The wide tables (Tabel 1, Tabel 2, the program tables) in a real browser at a laptop's and a
phone's size: nothing scrolls sideways, the header row stays on screen, rows become labelled cards
on a phone, the find-and-compare tools (filters, numeric and document-order sorting, permalinks)
work with the mouse and the keyboard, and a search for a row's name lands on that row. The fit
checks run on the other agencies' documents too (RENJA_FIXTURE_SITE), since a layout tuned to one
document is a defect."""

import json
import os
import pathlib
import time
import urllib.parse
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from renja_browser import DOC, all_search_results, axe_run, serve, set_viewport

SIZES = {"laptop": (1366, 768), "ponsel": (360, 780)}


def open_at(driver, url, size):
    w, h = SIZES[size]
    set_viewport(driver, w, h)
    driver.get(url)
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def table_pages(site):
    """Every Tabel 1, Tabel 2 and program page of every document in a built site."""
    pages = []
    for doc in sorted(p for p in pathlib.Path(site).iterdir() if (p / "index.html").exists() and p.name != "cari"):
        for kind in ("tabel", "program"):
            folder = doc / kind
            if folder.is_dir():
                pages += [f"{doc.name}/{kind}/{p.name}/" for p in sorted(folder.iterdir()) if (p / "index.html").exists()]
    return pages


FIT = """
const details = Array.from(document.querySelectorAll('main details'));
details.forEach(d => d.open = true);
const out = Array.from(document.querySelectorAll('main table')).map(t => {
  const c = t.parentElement;
  return {caption: (t.caption ? t.caption.textContent : '').trim().slice(0, 60),
          table: [t.scrollWidth, t.clientWidth], container: [c.scrollWidth, c.clientWidth],
          region: t.classList.contains('tabel-standar') && !!t.closest('.gulir-tabel[role=region][tabindex="0"][aria-labelledby]')};
});
return {tables: out, page: [document.documentElement.scrollWidth, window.innerWidth]};
"""


def assert_tables_fit(driver, url, size):
    open_at(driver, url, size)
    result = driver.execute_script(FIT)
    assert result["tables"], f"{url}: no table"
    # The standard evaluation table of Permendagri 86/2017 has 20 figure columns (K | Rp of ten
    # numbered columns): it cannot fit a laptop and keeps its grouped header rows inside a labelled,
    # focusable region that scrolls sideways (a data table is the exception WCAG 1.4.10 makes), while
    # the page itself must not scroll. On a phone it becomes cards like the other tables.
    bad = [t for t in result["tables"] if not (t["region"] and size == "laptop")
           and (t["table"][0] > t["table"][1] or t["container"][0] > t["container"][1])]
    assert bad == [], f"{url} at {size}: tables scroll sideways: {bad}"
    assert result["page"][0] <= result["page"][1], f"{url} at {size}: the page scrolls sideways {result['page']}"
    return len(result["tables"])


@pytest.mark.parametrize("size", sorted(SIZES))
def test_every_table_fits_without_sideways_scrolling(driver, base_url, site_dir, size):
    pages = table_pages(site_dir)
    assert any("/tabel/evaluasi/" in p for p in pages) and any("/program/" in p for p in pages)
    counted = sum(assert_tables_fit(driver, base_url + p, size) for p in pages)
    assert counted >= 20


@pytest.fixture(scope="module")
def fixture_url():
    folder = os.environ.get("RENJA_FIXTURE_SITE")
    if not folder:
        pytest.skip("RENJA_FIXTURE_SITE not set (scripts/browser-tests sets it)")
    with serve(folder) as url:
        yield url, folder


@pytest.mark.parametrize("size", sorted(SIZES))
def test_other_agencies_tables_fit_too(driver, fixture_url, size):
    url, folder = fixture_url
    pages = table_pages(folder)
    assert len({p.split("/")[0] for p in pages}) >= 4, pages
    for p in pages:
        assert_tables_fit(driver, url + p, size)


def test_search_finds_the_pages_of_every_document_that_has_the_word(driver, fixture_url):
    """Each document has its own search bundle, merged by the search page: a word of two documents
    (the PPU Renja and its Perubahan) finds pages of both, and every result shown opens."""
    url, folder = fixture_url
    word = "kelitbangan"
    having = {p.relative_to(folder).parts[0] for p in pathlib.Path(folder).glob("*/**/index.html")
              if "data-pagefind-body" in (text := p.read_text(encoding="utf-8")) and word in text.lower()}
    assert {"ppu-bapelitbang-renja-2024", "ppu-bapelitbang-perubahan-renja-2024"} <= having, having
    driver.get_log("browser")
    open_at(driver, url + "cari/?q=" + word, "laptop")
    WebDriverWait(driver, 20).until(EC.presence_of_all_elements_located((By.CSS_SELECTOR, ".pagefind-ui__result-link")))
    time.sleep(0.5)
    found = {urllib.parse.urlsplit(u).path[len(urllib.parse.urlsplit(url).path):].split("/")[0] for u in all_search_results(driver, word)}
    assert having <= found, (having, found)
    shown = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")]
    for href in shown:
        with urllib.request.urlopen(href.split("#")[0]) as r:
            assert r.status == 200, href
    assert [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"] == []


@pytest.mark.parametrize("size", sorted(SIZES))
def test_other_agencies_table_pages_have_no_axe_violation(driver, fixture_url, size):
    url, folder = fixture_url
    bad = []
    for p in table_pages(folder):
        open_at(driver, url + p, size)
        results = axe_run(driver)
        assert results["version"].startswith("4."), results
        bad += [(p, v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]]
    assert bad == []


def test_header_row_stays_visible_when_scrolling_down_tabel_1(driver, base_url):
    open_at(driver, base_url + f"{DOC}/tabel/evaluasi/", "laptop")
    table = driver.find_element(By.CSS_SELECTOR, "table.tabel-butir")
    # Scroll to a row two thirds down the table.
    rows = table.find_elements(By.CSS_SELECTOR, "tbody.butir")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", rows[len(rows) * 2 // 3])
    time.sleep(0.2)
    top, covered = driver.execute_script("""
        const cell = document.querySelector('table.tabel-butir thead th[data-kunci="pagu"]');
        const c = cell.getBoundingClientRect();
        const hit = document.elementFromPoint(c.left + c.width / 2, c.top + c.height / 2);
        return [c.top, cell.contains(hit)];
    """)
    assert driver.execute_script("return window.scrollY") > 1000
    assert 0 <= top <= 2, top
    assert covered, "the Pagu header cell is what the reader sees at the top"


def test_rows_are_labelled_cards_on_a_phone(driver, base_url):
    open_at(driver, base_url + f"{DOC}/tabel/evaluasi/", "ponsel")
    first = driver.find_element(By.CSS_SELECTOR, "tbody.butir")
    labels = driver.execute_script("""
        return Array.from(arguments[0].querySelectorAll('td.num')).filter(td => td.offsetParent !== null)
          .map(td => getComputedStyle(td, '::before').content.replace(/"/g, ''));
    """, first)
    for label in ("Pagu (Rp)", "Realisasi (Rp)", "Serapan", "Target", "Capaian", "Capaian (%)"):
        assert label in labels, labels
    # Each card is as wide as the screen allows, not a 1.322 px table.
    width = driver.execute_script("return arguments[0].getBoundingClientRect().width", first)
    assert 280 <= width <= 360
    # Codes stay whole: the nomenclature code never wraps inside.
    white = driver.execute_script("return getComputedStyle(document.querySelector('.kunci')).whiteSpace")
    assert white == "nowrap"


def visible_units(driver, table="table.tabel-butir"):
    return driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0] + ' tbody.butir')).filter(b => !b.hidden)", table)


def numbers(units, key):
    values = [u.get_attribute("data-" + key) for u in units]
    return [float(v) for v in values if v], values


def test_filter_by_program_and_by_findings(driver, base_url):
    open_at(driver, base_url + f"{DOC}/tabel/evaluasi/", "laptop")
    every = visible_units(driver)
    program = Select(driver.find_element(By.XPATH, "//label[normalize-space(text())='Program']/select"))
    assert len(program.options) > 2
    program.select_by_index(2)
    key = program.first_selected_option.get_attribute("value")
    shown = visible_units(driver)
    assert 0 < len(shown) < len(every)
    assert {u.get_attribute("data-program") for u in shown} == {key}
    status = driver.find_element(By.CSS_SELECTOR, ".status-tabel")
    assert status.get_attribute("aria-live") == "polite"
    assert f"Menampilkan {len(shown)} dari {len(every)} baris" in status.text
    program.select_by_index(0)
    box = driver.find_element(By.XPATH, "//label[contains(., 'Hanya baris dengan temuan')]/input")
    box.click()
    shown = visible_units(driver)
    assert shown and all(u.get_attribute("data-temuan") for u in shown)
    assert len(shown) < len(every)


@pytest.mark.parametrize("key", ["pagu", "realisasi", "serapan", "capaian"])
def test_sort_numerically_then_back_to_document_order(driver, base_url, key):
    open_at(driver, base_url + f"{DOC}/tabel/evaluasi/", "laptop")
    order = [u.get_attribute("id") or u.find_element(By.TAG_NAME, "tr").get_attribute("id") for u in visible_units(driver)]
    sort = Select(driver.find_element(By.XPATH, "//label[normalize-space(text())='Urutkan']/select"))
    sort.select_by_value(f"{key}:turun")
    got, raw = numbers(visible_units(driver), key)
    assert len(got) > 10 and got == sorted(got, reverse=True)
    assert all(v == "" for v in raw[len(got):]), "rows without a figure come last"
    th = driver.find_element(By.CSS_SELECTOR, f"table.tabel-butir th[data-kunci='{key}']")
    assert th.get_attribute("aria-sort") == "descending"
    # The header button sorts the other way.
    th.find_element(By.TAG_NAME, "button").click()
    got, _ = numbers(visible_units(driver), key)
    assert got == sorted(got) and th.get_attribute("aria-sort") == "ascending"
    assert "terkecil dulu" in driver.find_element(By.CSS_SELECTOR, ".status-tabel").text
    sort.select_by_value("urutan:naik")
    back = [u.find_element(By.TAG_NAME, "tr").get_attribute("id") for u in visible_units(driver)]
    assert back == order
    urutan = [int(u.get_attribute("data-urutan")) for u in visible_units(driver)]
    assert urutan == sorted(urutan)


def test_sorting_works_on_a_phone(driver, base_url):
    open_at(driver, base_url + PAGE_PROGRAM, "ponsel")
    sort = Select(driver.find_element(By.XPATH, "//label[normalize-space(text())='Urutkan']/select"))
    assert sort.first_selected_option.text == "Urutan dokumen"
    sort.select_by_value("pagu:turun")
    got, _ = numbers(visible_units(driver), "pagu")
    assert len(got) > 3 and got == sorted(got, reverse=True)
    # A row shown out of its place says where it belongs.
    ctx = driver.find_elements(By.CSS_SELECTOR, "tbody.butir-sub-kegiatan .konteks")
    assert ctx and ctx[0].is_displayed() and ctx[0].text.startswith("Kegiatan")


PAGE_PROGRAM = f"{DOC}/program/program-penunjang-urusan-pemerintahan-daerah-kabupaten-kota/"


def test_keyboard_only_walk_through_the_table_tools(driver, base_url):
    open_at(driver, base_url + f"{DOC}/tabel/evaluasi/", "laptop")
    sort = driver.find_element(By.XPATH, "//label[normalize-space(text())='Urutkan']/select")
    # Tab from the top of the page to the sort control, as a keyboard user would.
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    for _ in range(80):
        if driver.switch_to.active_element == sort:
            break
        driver.switch_to.active_element.send_keys(Keys.TAB)
    assert driver.switch_to.active_element == sort
    outline = driver.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    sort.send_keys(Keys.ARROW_DOWN)  # the next choice: the first numeric sort
    WebDriverWait(driver, 5).until(lambda d: "diurutkan menurut" in d.find_element(By.CSS_SELECTOR, ".status-tabel").text)
    key = Select(sort).first_selected_option.get_attribute("value").split(":")[0]
    assert key != "urutan"
    got, _ = numbers(visible_units(driver), key)
    assert got == sorted(got, reverse=True)
    # Program, Tingkat and the findings box follow in that order, then the header buttons.
    seen = []
    for _ in range(3):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        el = driver.switch_to.active_element
        seen.append((el.tag_name, el.get_attribute("type")))
    assert seen == [("select", "select-one"), ("select", "select-one"), ("input", "checkbox")], seen
    driver.switch_to.active_element.send_keys(Keys.SPACE)
    assert driver.switch_to.active_element.is_selected()
    shown = visible_units(driver)
    assert shown and all(u.get_attribute("data-temuan") for u in shown)
    driver.switch_to.active_element.send_keys(Keys.TAB)
    button = driver.switch_to.active_element
    assert button.tag_name == "button" and button.find_element(By.XPATH, "..").get_attribute("data-kunci") == "urutan"
    button.send_keys(Keys.ENTER)
    urutan = [int(u.get_attribute("data-urutan")) for u in visible_units(driver)]
    assert urutan == sorted(urutan)


def test_every_row_has_a_visible_permalink(driver, base_url):
    open_at(driver, base_url + f"{DOC}/tabel/rencana/", "laptop")
    units = driver.find_elements(By.CSS_SELECTOR, "tbody.butir")
    links = driver.find_elements(By.CSS_SELECTOR, "tbody.butir a.tautan-baris")
    assert len(links) == len(units) > 20
    for unit in units[:5]:
        row = unit.find_element(By.TAG_NAME, "tr")
        link = unit.find_element(By.CSS_SELECTOR, "a.tautan-baris")
        assert link.is_displayed() and link.find_element(By.CSS_SELECTOR, "[aria-hidden]").text == "#"
        assert link.get_attribute("href").endswith("#" + row.get_attribute("id"))
    target = units[len(units) // 2]
    link = target.find_element(By.CSS_SELECTOR, "a.tautan-baris")
    href = link.get_attribute("href")
    link.click()
    assert driver.current_url == href
    # Opening the copied address shows the row, highlighted, below the sticky header.
    driver.get("about:blank")
    driver.get(href)
    time.sleep(0.3)
    row_id = href.split("#")[1]
    top, bg = driver.execute_script("""
        const r = document.getElementById(arguments[0]);
        return [r.getBoundingClientRect().top, getComputedStyle(r.querySelector('th')).backgroundColor];
    """, row_id)
    assert 0 < top < 768
    assert bg == "rgb(255, 244, 214)", bg  # --kuning-muda: the :target highlight


def sub_kegiatan(base_url):
    with urllib.request.urlopen(base_url + f"{DOC}/data/{DOC}.json") as r:
        doc = json.load(r)
    plan = next(t for t in doc["tabel"] if t["jenis"] == "evaluasi")
    return plan["program"][3]["kegiatan"][0]["sub_kegiatan"][0]


def test_search_for_a_sub_kegiatan_lands_on_its_row(driver, base_url):
    sub = sub_kegiatan(base_url)
    open_at(driver, base_url + "cari/?q=" + urllib.parse.quote(sub["nama"]), "laptop")
    WebDriverWait(driver, 20).until(EC.presence_of_all_elements_located((By.CSS_SELECTOR, ".pagefind-ui__result-link")))
    time.sleep(0.5)
    links = driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")
    rows = [a for a in links if a.get_attribute("href").endswith("#" + sub["jangkar"])]
    assert rows, [(a.get_attribute("href"), a.text) for a in links]
    assert sub["nama"].lower()[:30] in rows[0].text.lower()
    assert "Tautan ke baris" not in rows[0].text and "temuan" not in rows[0].text, rows[0].text
    assert not any(a.text.strip() == "Unduh tabel ini" for a in links)
    href = rows[0].get_attribute("href")
    rows[0].click()
    WebDriverWait(driver, 10).until(EC.url_to_be(href))
    time.sleep(0.3)
    top = driver.execute_script("return document.getElementById(arguments[0]).getBoundingClientRect().top", sub["jangkar"])
    assert 0 < top < 768


def test_search_address_follows_the_query(driver, base_url):
    open_at(driver, base_url + "cari/?q=stunting", "laptop")
    WebDriverWait(driver, 20).until(EC.presence_of_all_elements_located((By.CSS_SELECTOR, ".pagefind-ui__result-link")))
    box = driver.find_element(By.CSS_SELECTOR, "#pencarian input")
    box.clear()
    box.send_keys("keluarga")
    WebDriverWait(driver, 5).until(lambda d: "q=keluarga" in d.current_url)
    assert "stunting" not in driver.current_url


def test_perubahan_counts_each_change_once_and_sorts_by_document_order(driver, base_url):
    open_at(driver, base_url + f"{DOC}/perubahan/", "ponsel")
    total = driver.find_element(By.CSS_SELECTOR, "#tabel-program tfoot td[data-total='selisih']").text
    total = int(total.replace("\u2212", "-").replace(".", ""))
    rows = driver.find_elements(By.CSS_SELECTOR, "#tabel-rincian tbody tr")
    assert sum(int(r.get_attribute("data-selisih") or 0) for r in rows) == total, "each change counted once"
    # On a phone the column headers are hidden: the sort control above the table does the work.
    selects = driver.find_elements(By.XPATH, "//label[normalize-space(text())='Urutkan']/select")
    assert len(selects) == 2 and all(s.is_displayed() for s in selects)
    rincian = Select(selects[1])
    rincian.select_by_value("urutan:naik")
    order = [int(r.get_attribute("data-urutan")) for r in driver.find_elements(By.CSS_SELECTOR, "#tabel-rincian tbody tr")]
    assert order == sorted(order)
    program = Select(selects[0])
    program.select_by_value("urutan:naik")
    keys = [r.find_element(By.CSS_SELECTOR, ".kunci").text.split(" ")[0]
            for r in driver.find_elements(By.CSS_SELECTOR, "#tabel-program tbody tr")]
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    assert keys == romans[:len(keys)], keys
