"""The chart colours as the stylesheet sets them (Templates/assets/style.css, parsed here, so a
badly changed colour fails): every pair of series drawn in one chart, and every series against the
chart background and the bar track, differ by at least 3:1 in WCAG contrast (1.4.11, non-text
contrast), which also keeps them apart in grayscale print and for colour-blind readers. The value
labels are text: 4.5:1 against the background and the track."""

import itertools
import pathlib
import re

import pytest

CSS = pathlib.Path(__file__).resolve().parents[2] / "Templates" / "assets" / "style.css"

# What is drawn together: the bars of one chart's series and the hatching of a bar behind its pace.
CHARTS = {
    "beranda: pagu dan realisasi": [".seri-pagu", ".seri-realisasi"],
    "program: pagu dan realisasi per kegiatan": [".seri-pagu", ".seri-realisasi"],
    "program: capaian sesuai laju dan di bawah laju": [".seri-capaian", ".arsir-dasar"],
    "triwulan: realisasi triwulan dan kumulatif": [".seri-triwulan", ".seri-kumulatif"],
}


def stylesheet():
    text = re.sub(r"/\*.*?\*/", "", CSS.read_text(encoding="utf-8"), flags=re.S)
    # Only the screen rules: the print block is a separate media query.
    return text.split("@media print")[0]


def variables(css):
    found = {}
    for block in re.findall(r":root\s*\{([^}]*)\}", css):
        for name, value in re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", block):
            found[name] = value.strip()
    return found


def declared(css, selector, prop):
    """The value of `prop` in the last top-level rule whose selector list holds `selector` alone."""
    value = None
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        if selector in [s.strip() for s in selectors.split(",")]:
            m = re.search(rf"(?:^|;)\s*{prop}\s*:\s*([^;]+)", body)
            if m:
                value = m.group(1).strip()
    assert value is not None, f"{selector} sets no {prop} in {CSS.name}"
    return value


def resolve(value, names):
    for _ in range(5):
        m = re.fullmatch(r"var\((--[\w-]+)\)", value)
        if not m:
            break
        value = names[m.group(1)]
    assert re.fullmatch(r"#[0-9a-fA-F]{6}", value), value
    return value


def luminance(hex_colour):
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    x, y = sorted([luminance(a), luminance(b)])
    return (y + 0.05) / (x + 0.05)


def colour(selector, prop="fill"):
    css = stylesheet()
    return resolve(declared(css, selector, prop), variables(css))


def test_the_ratio_formula_matches_wcag():
    assert round(contrast("#000000", "#ffffff"), 2) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54
    # The colours the issue measured: red and green bars 1,02:1 apart.
    assert round(contrast("#a4161a", "#0b5d3b"), 2) == 1.02


@pytest.mark.parametrize("chart", sorted(CHARTS))
def test_series_of_one_chart_are_3_to_1_apart_and_from_background_and_track(chart):
    background = colour(".grafik-blok", "background")
    track = colour(".grafik-jalur")
    series = [colour(s) for s in CHARTS[chart]]
    for s, c in zip(CHARTS[chart], series):
        assert contrast(c, background) >= 3, (chart, s, c, round(contrast(c, background), 2))
        assert contrast(c, track) >= 3, (chart, s, c, round(contrast(c, track), 2))
    for (s1, c1), (s2, c2) in itertools.combinations(zip(CHARTS[chart], series), 2):
        assert contrast(c1, c2) >= 3, (chart, s1, s2, round(contrast(c1, c2), 2))


def test_hatching_is_visible_on_its_bar():
    assert contrast(colour(".arsir-dasar"), colour(".arsir-garis")) >= 3


def test_value_labels_are_readable_text():
    css = stylesheet()
    text = resolve(declared(css, ".grafik-nilai", "fill"), variables(css))
    for ground in (colour(".grafik-blok", "background"), colour(".grafik-jalur")):
        assert contrast(text, ground) >= 4.5


def test_legend_swatches_use_the_bar_colours():
    css = stylesheet()
    names = variables(css)
    assert resolve(declared(css, ".grafik-legenda .kotak.seri-pagu", "background"), names) == colour(".seri-pagu")
    assert resolve(declared(css, ".grafik-legenda .kotak", "background"), names) == colour(".seri-realisasi")
