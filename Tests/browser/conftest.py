"""Fixtures: the built site (RENJA_SITE, set by scripts/browser-tests), served on 127.0.0.1, and
one headless Chromium for the whole run."""

import os
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from renja_browser import chromium, serve  # noqa: E402


@pytest.fixture(scope="session")
def site_dir():
    folder = os.environ.get("RENJA_SITE")
    if not folder or not pathlib.Path(folder, "index.html").exists():
        pytest.exit("RENJA_SITE must name a built site (run scripts/browser-tests)", returncode=2)
    return pathlib.Path(folder)


@pytest.fixture(scope="session")
def base_url(site_dir):
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def driver():
    d = chromium()
    yield d
    d.quit()
