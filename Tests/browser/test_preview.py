"""`renja serve` in a real browser: a save reloads the page that shows the edited file, and a tab
on another page keeps its place (the reload event names the files that changed). Runs the `renja`
that scripts/browser-tests built (RENJA_BIN) on a copy of the content."""

import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHAPTER = "renja-perubahan-2024/bab/01-pendahuluan.md"


@pytest.fixture(scope="module")
def preview():
    binary = os.environ.get("RENJA_BIN")
    if not binary or not os.path.exists(binary):
        pytest.skip("RENJA_BIN does not name a renja executable (scripts/browser-tests sets it)")
    work = pathlib.Path(tempfile.mkdtemp(prefix="renja-pratinjau-"))
    shutil.copytree(ROOT / "Content", work / "Content")
    shutil.copytree(ROOT / "Templates", work / "Templates")
    env = dict(os.environ, RENJA_CACHE_DIR=str(work / "cache"), RENJA_WEASYPRINT="/tidak-ada", RENJA_PAGEFIND="/tidak-ada")
    server = subprocess.Popen([binary, "serve", "--port", "0"], cwd=work, env=env, stdout=subprocess.PIPE, text=True)
    url = None
    deadline = time.time() + 120
    while url is None and time.time() < deadline:
        line = server.stdout.readline()
        m = re.search(r"(http://127\.0\.0\.1:\d+/)", line or "")
        if m:
            url = m.group(1)
    assert url, "renja serve did not print its address"
    yield url, work
    server.terminate()
    server.wait(timeout=60)
    shutil.rmtree(work, ignore_errors=True)


def test_a_save_reloads_its_page_and_leaves_other_tabs(driver, preview):
    url, work = preview
    driver.get(url + "renja-perubahan-2024/bab/pendahuluan/")
    chapter_tab = driver.current_window_handle
    driver.execute_script("window.renjaTanda = 'belum dimuat ulang';")
    driver.switch_to.new_window("tab")
    driver.get(url + "renja-perubahan-2024/tabel/evaluasi/")
    other_tab = driver.current_window_handle
    driver.execute_script("window.renjaTanda = 'belum dimuat ulang';")
    time.sleep(1)  # both pages connected to the event stream

    marker = f"Kalimat pratinjau {time.time_ns()}."
    path = work / "Content" / CHAPTER
    path.write_text(path.read_text(encoding="utf-8") + f"\n\n{marker}\n", encoding="utf-8")

    driver.switch_to.window(chapter_tab)
    deadline = time.time() + 30
    while marker not in driver.page_source and time.time() < deadline:
        time.sleep(0.1)
    assert marker in driver.page_source, "the chapter page was not reloaded with the edit"
    assert driver.execute_script("return window.renjaTanda === undefined"), "a reload clears the page's state"

    driver.switch_to.window(other_tab)
    time.sleep(1)
    assert driver.execute_script("return window.renjaTanda") == "belum dimuat ulang", \
        "Tabel 1 does not show the chapter: its tab must keep its place"
    driver.close()
    driver.switch_to.window(chapter_tab)
