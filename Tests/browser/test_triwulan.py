"""The "Realisasi per triwulan" page of a document with the standard evaluation table, in a real
browser at a laptop's and a phone's size (on RENJA_FIXTURE_SITE, which holds the standard-table
fixture): the page does not scroll sideways, every chart's labels stay inside the chart, every
table fits its box (cards on a phone), each chart has its table view, and axe-core finds nothing."""

import os
import pathlib

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from renja_browser import axe_run, serve, set_viewport

SIZES = {"laptop": (1366, 768), "ponsel": (360, 780)}


@pytest.fixture(scope="module")
def quarter_page():
    folder = os.environ.get("RENJA_FIXTURE_SITE")
    if not folder:
        pytest.skip("RENJA_FIXTURE_SITE not set (scripts/browser-tests sets it)")
    pages = sorted(str(p.relative_to(folder).parent) + "/" for p in pathlib.Path(folder).glob("*/triwulan/index.html"))
    assert pages, "the fixture site has a document with the standard table, hence a quarter page"
    with serve(folder) as url:
        yield url + pages[0]


def open_at(driver, url, size):
    w, h = SIZES[size]
    set_viewport(driver, w, h)
    driver.get(url)
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


@pytest.mark.parametrize("size", sorted(SIZES))
def test_quarter_page_fits_and_every_chart_label_stays_inside(driver, quarter_page, size):
    open_at(driver, quarter_page, size)
    width = driver.execute_script("return document.documentElement.clientWidth")
    assert driver.execute_script("return document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    charts = driver.find_elements(By.CSS_SELECTOR, "figure.grafik-blok")
    assert len(charts) >= 6
    # Every text of every chart ends inside its figure's box.
    outside = driver.execute_script("""
        const out = [];
        for (const fig of document.querySelectorAll('figure.grafik-blok')) {
          const box = fig.getBoundingClientRect();
          for (const t of fig.querySelectorAll('svg text')) {
            const r = t.getBoundingClientRect();
            if (r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5)) out.push(t.textContent);
          }
        }
        return out;""")
    assert outside == [], outside[:5]
    # Every table within its box; on a phone the header row gives way to labelled cards.
    wide = driver.execute_script("""
        return [...document.querySelectorAll('table.tabel-triwulan')]
          .filter(t => t.getBoundingClientRect().width > t.parentElement.clientWidth + 1).length;""")
    assert wide == 0
    heads = driver.execute_script("""
        return [...document.querySelectorAll('table.tabel-triwulan thead')].map(h => getComputedStyle(h).display);""")
    assert heads and all((d == "none") == (size == "ponsel") for d in heads), heads
    # Each chart has its figures as a table.
    for fig in charts[:3]:
        summary = fig.find_element(By.CSS_SELECTOR, "details.grafik-angka summary")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
        summary.click()
        assert fig.find_element(By.CSS_SELECTOR, "details.grafik-angka table").is_displayed()


@pytest.mark.parametrize("size", sorted(SIZES))
def test_quarter_page_has_no_axe_violation(driver, quarter_page, size):
    open_at(driver, quarter_page, size)
    results = axe_run(driver)
    assert results["version"].startswith("4."), results
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]] == []
