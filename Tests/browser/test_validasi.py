"""The Validasi page as published with `validasi_publik: ya`: the filter by severity and program
(made by validasi.js) shows exactly the matching entries and says so in a live region; chips and
chapter marks lead to their entries and back."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from renja_browser import DOC, set_viewport

PAGE = f"{DOC}/validasi/"


def open_page(driver, url):
    set_viewport(driver, 1280)
    driver.get(url)
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def visible_entries(driver):
    return [e for e in driver.find_elements(By.CSS_SELECTOR, ".kelompok-temuan .temuan") if e.is_displayed()]


def test_filter_by_severity_and_program(driver, base_url):
    open_page(driver, base_url + PAGE)
    entries = driver.find_elements(By.CSS_SELECTOR, ".kelompok-temuan .temuan")
    total = len(entries)
    by_severity = {s: [e for e in entries if e.get_attribute("data-tingkat") == s] for s in ("galat", "peringatan", "info")}
    status = driver.find_element(By.ID, "saring-status")
    assert status.get_attribute("aria-live") == "polite"
    assert str(total) in status.text

    # The controls are labelled form fields.
    tingkat = driver.find_element(By.ID, "saring-tingkat")
    program = driver.find_element(By.ID, "saring-program")
    assert driver.find_element(By.CSS_SELECTOR, "label[for=saring-tingkat]").text == "Tingkat"
    assert driver.find_element(By.CSS_SELECTOR, "label[for=saring-program]").text == "Program"

    Select(tingkat).select_by_value("galat")
    shown = visible_entries(driver)
    assert len(shown) == len(by_severity["galat"]) > 0
    assert all(e.get_attribute("data-tingkat") == "galat" for e in shown)
    assert status.text == f"Menampilkan {len(shown)} dari {total} hasil validasi."
    # A program group without galat is hidden as a whole.
    for g in driver.find_elements(By.CSS_SELECTOR, ".kelompok-temuan"):
        has = g.find_elements(By.CSS_SELECTOR, ".temuan[data-tingkat=galat]")
        assert g.is_displayed() == bool(has)

    key = "program-penunjang-urusan-pemerintahan-daerah-kabupaten-kota"
    Select(program).select_by_value(key)
    shown = visible_entries(driver)
    expected = [e for e in by_severity["galat"] if e.get_attribute("data-program") == key]
    assert len(shown) == len(expected) > 0
    assert all(e.get_attribute("data-program") == key for e in shown)

    Select(tingkat).select_by_value("")
    Select(program).select_by_value("")
    assert len(visible_entries(driver)) == total
    assert status.text == f"Menampilkan semua {total} hasil validasi."


def test_home_chip_leads_to_the_programs_group(driver, base_url):
    open_page(driver, base_url + f"{DOC}/")
    chip = driver.find_element(By.CSS_SELECTOR, "table a.penanda")
    count = int(chip.text.split()[0])
    chip.click()
    WebDriverWait(driver, 10).until(lambda d: "/validasi/" in d.current_url)
    group = driver.find_element(By.ID, driver.current_url.split("#", 1)[1])
    assert f"({count} temuan" in group.find_element(By.TAG_NAME, "h2").text
    assert len(group.find_elements(By.CSS_SELECTOR, ".temuan:not(.temuan-info)")) == count


def test_chapter_mark_and_entry_link_both_ways(driver, base_url):
    open_page(driver, base_url + f"{DOC}/bab/pendahuluan/")
    mark = driver.find_element(By.CSS_SELECTOR, "p.ada-temuan a.penanda-paragraf")
    paragraph_id = mark.find_element(By.XPATH, "..").get_attribute("id")
    mark.click()
    WebDriverWait(driver, 10).until(lambda d: "/validasi/" in d.current_url)
    entry = driver.find_element(By.ID, driver.current_url.split("#", 1)[1])
    back = entry.find_element(By.CSS_SELECTOR, f"a[href$='bab/pendahuluan/#{paragraph_id}']")
    back.click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("#" + paragraph_id))
