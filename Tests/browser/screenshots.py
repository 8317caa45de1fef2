"""Screenshots of the home page, Tabel 1, Tabel 2, a program page and the Perubahan page, at a
laptop's width (1366 px) and at 360 px, as full-page PNGs. Usage: python3 Tests/browser/screenshots.py SITE_FOLDER OUT_FOLDER"""

import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from renja_browser import DOC, chromium, serve, set_viewport  # noqa: E402

SHOTS = {
    "beranda": f"{DOC}/",
    "tabel-1": f"{DOC}/tabel/evaluasi/",
    "tabel-2": f"{DOC}/tabel/rencana/",
    "program": f"{DOC}/program/program-penunjang-urusan-pemerintahan-daerah-kabupaten-kota/",
    "perubahan": f"{DOC}/perubahan/",
}
WIDTHS = {"desktop": 1366, "360px": 360}


def main(site_folder, out_folder):
    out = pathlib.Path(out_folder)
    out.mkdir(parents=True, exist_ok=True)
    driver = chromium()
    try:
        with serve(site_folder) as base:
            for name, path in SHOTS.items():
                for label, width in WIDTHS.items():
                    set_viewport(driver, width)
                    driver.get(base + path)
                    time.sleep(0.3)
                    height = driver.execute_script("return document.documentElement.scrollHeight")
                    set_viewport(driver, width, min(int(height), 16000))
                    time.sleep(0.2)
                    target = out / f"{name}-{label}.png"
                    driver.save_screenshot(str(target))
                    print(target)
    finally:
        driver.quit()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
