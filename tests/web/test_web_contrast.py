"""WCAG 2.2 AA contrast of the palette in app.css, light and dark (4.5:1 for text)."""

from __future__ import annotations

import re

import pytest

from afterword.web.app import STATIC_DIR

CSS = (STATIC_DIR / "css" / "app.css").read_text()


def palette(dark: bool) -> dict[str, str]:
    blocks = re.findall(r":root\s*\{([^}]*)\}", CSS)
    light = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", blocks[0]))
    if not dark:
        return light
    return {**light, **dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", blocks[1]))}


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


PAIRS = [("text", "bg"), ("text", "surface"), ("muted", "bg"), ("muted", "surface"),
         ("accent", "bg"), ("accent", "surface"), ("accent-text", "accent"),
         ("mark-text", "mark"), ("text", "alert-bg"), ("text", "notice-bg"),
         ("text", "accent-soft"), ("bg", "exit")]


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("fore,back", PAIRS)
def test_text_contrast_is_at_least_aa(dark, fore, back):
    colours = palette(dark)
    assert contrast(colours[fore], colours[back]) >= 4.5, (fore, back)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_focus_ring_is_visible_against_the_page(dark):
    colours = palette(dark)
    assert contrast(colours["focus"], colours["bg"]) >= 3.0


SERIES = ("chart-a", "chart-b", "chart-c", "chart-d", "chart-e")


@pytest.mark.parametrize("name", SERIES)
def test_chart_series_stand_out_on_the_dark_surface(name):
    # WCAG 1.4.11 (3:1 for graphics). The light theme keeps the report's palette as it is.
    colours = palette(dark=True)
    assert contrast(colours[name], colours["surface"]) >= 3.0, name


def test_chart_series_colours_match_the_charts_module_in_light_mode():
    from afterword.charts.svg import COLOURS

    light = palette(dark=False)
    assert [light[f"chart-{c}"].lower() for c in "abcdef"] == [c.lower() for c in COLOURS]


def test_charts_have_no_fixed_white_background_in_the_page():
    # The SVG's own white rectangle is restyled by class; nothing in app.css pins it white.
    assert "background: #fff" not in CSS
    for part in ("aw-bg", "aw-title", "aw-text", "aw-grid", "aw-axis", "aw-outline"):
        assert f".chart svg .{part}" in CSS
