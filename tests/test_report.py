"""Charts and report rendering: accessible, self-contained, no network, readable PDF pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from afterword.charts import Series, bar_chart, line_chart
from afterword.messages import msg
from afterword.report import Block, Quote, Report, Section, render_html

PDFTOPPM = "/usr/bin/pdftoppm"


def _report() -> Report:
    phq = line_chart("PHQ-9 score", ["2026-01-05", "2026-01-19", "2026-02-02"],
                     [Series("PHQ-9", [18, None, 9])], y_min=0, y_max=27, y_label="score")
    traps = bar_chart("Thinking traps", ["mind_reading", "labeling"],
                      [Series("suggested", [3, 1]), Series("you agreed", [2, 0])])
    return Report(
        title=msg("progress.report.title"),
        subtitle="2026-01-01 to 2026-02-28",
        warning=msg("progress.report.not_encrypted"),
        intro=msg("progress.report.prepared_for"),
        footer=msg("progress.report.footer"),
        sections=(
            Section("measures", "Questionnaires", (Block(heading="PHQ-9", chart=phq),)),
            Section("traps", "Thinking traps", (Block(chart=traps),)),
            Section("patterns", "Repeated dynamics", (
                Block(heading="They disappeared after closeness",
                      quotes=(Quote("She went quiet — again.", "episode 2, 2026-01-15"),)),)),
        ),
    )


def test_line_chart_is_accessible_and_gives_the_numbers():
    chart = line_chart("Mood", ["w1", "w2", "w3"], [Series("mood", [1, None, -0.5])],
                       y_min=-2, y_max=2)
    assert chart.svg.startswith("<svg")
    assert 'role="img"' in chart.svg
    assert re.search(r'aria-labelledby="(chart\d+)-t \1-d"', chart.svg)
    assert "<title id=" in chart.svg and "<desc id=" in chart.svg
    assert chart.text_alternative == "Mood. Values: w1: 1, w2: no data, w3: -0.5."
    assert "<desc" in chart.svg and "w3: -0.5" in chart.svg
    assert '<th scope="row">w2</th><td>no data</td>' in chart.table_html
    # a gap is a gap: two separate points, no polyline across the missing week
    assert "<polyline" not in chart.svg


def test_series_are_told_apart_without_colour():
    chart = line_chart("Belief", ["a", "b"], [Series("before", [80, 60]),
                                              Series("after", [40, 50])])
    assert 'stroke-dasharray="6 4"' in chart.svg  # second series is dashed
    assert "<rect" in chart.svg and "<circle" in chart.svg  # different marker shapes


def test_chart_escapes_text():
    chart = bar_chart("<b>&", ["<x>"], [Series("s<", [1])])
    assert "<b>" not in chart.svg and "&lt;b&gt;&amp;" in chart.svg
    assert "<x>" not in chart.table_html


def test_chart_rejects_mismatched_series():
    with pytest.raises(ValueError):
        line_chart("t", ["a", "b"], [Series("s", [1])])
    with pytest.raises(ValueError):
        bar_chart("t", ["a"], [Series("s", [1, 2])])


def test_empty_chart_says_so():
    chart = line_chart("Mood", [], [Series("mood", [])])
    assert chart.empty
    assert chart.text_alternative == msg("progress.chart.empty", title="Mood")


def test_html_report_is_self_contained():
    html = render_html(_report())
    assert html.startswith("<!DOCTYPE html>")
    assert msg("progress.report.not_encrypted") in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    # no scripts, no external resources of any kind
    assert "<script" not in html.lower()
    assert "<link" not in html.lower()
    assert "@import" not in html and "url(" not in html
    urls = set(re.findall(r"https?://[^\s\"'<>]+", html))
    assert urls <= {"http://www.w3.org/2000/svg"}
    assert html.count('role="img"') == 2
    assert "She went quiet — again." in html


def test_pdf_report_renders_and_first_pages_convert_to_png(tmp_path: Path):
    from afterword.report.pdf import render_pdf

    data = render_pdf(_report())
    assert data.startswith(b"%PDF-")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(data)
    if not Path(PDFTOPPM).exists():  # CI installs poppler-utils; a bare laptop may not
        pytest.skip("pdftoppm is not installed")
    subprocess.run([PDFTOPPM, "-r", "60", "-png", "-f", "1", "-l", "2", str(pdf),
                    str(tmp_path / "page")], check=True, timeout=60)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert pages, "pdftoppm produced no page"
    for page in pages:
        assert page.read_bytes().startswith(b"\x89PNG")
        assert page.stat().st_size > 5_000  # a real page with content, not a blank
    keep = Path("/tmp/afterword-report-pages")
    if keep.parent.exists():  # for a person to look at after a local run
        keep.mkdir(exist_ok=True)
        for page in pages:
            shutil.copy(page, keep / page.name)


def test_pdf_text_contains_the_warning_and_numbers(tmp_path: Path):
    from afterword.report.pdf import render_pdf

    pdftotext = Path("/usr/bin/pdftotext")
    if not pdftotext.exists():
        pytest.skip("pdftotext is not installed")
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(render_pdf(_report()))
    out = subprocess.run([str(pdftotext), str(pdf), "-"], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    flat = " ".join(out.split())
    assert "NOT encrypted" in flat
    assert "2026-01-05: 18" in flat and "2026-02-02: 9" in flat


def _unicode_report() -> Report:
    chart = bar_chart("Themes \u2014 noticed most often \u2013 \u2212",
                      ["boundary crossed", "expectation mismatch", "longing after bonding",
                       "self respect", "feeling used", "disrespect"],
                      [Series("count \u2014 not a validated measure", [5, 5, 1, 2, 2, 6])])
    return Report(title="T \u2014 r", subtitle="s \u2013 s", warning="w", intro="i",
                  footer="f", sections=(Section("themes", "Themes \u2014", (
                      Block(chart=chart, quotes=(Quote("\u201cquoted\u201d \u2026", "src"),)),
                  )),))


def test_pdf_handles_text_beyond_latin1(tmp_path):
    from afterword.report.pdf import render_pdf

    assert render_pdf(_unicode_report()).startswith(b"%PDF-")


def test_pdf_without_the_dejavu_fonts_falls_back_to_the_core_font(tmp_path, monkeypatch):
    # Where fonts-dejavu is not installed the core font is used and text is made Latin-1.
    from afterword.report import pdf as pdf_mod

    monkeypatch.setattr(pdf_mod, "_DEJAVU", tmp_path / "no-fonts-here")
    assert pdf_mod.render_pdf(_unicode_report()).startswith(b"%PDF-")


def test_long_category_labels_are_slanted_not_overlapping():
    chart = bar_chart("t", ["expectation mismatch", "longing after bonding", "boundary crossed",
                            "self respect", "feeling used", "disrespect", "a", "b"],
                      [Series("n", [1, 2, 3, 4, 5, 6, 7, 8])])
    assert 'transform="rotate(-30' in chart.svg
    short = bar_chart("t", ["a", "b"], [Series("n", [1, 2])])
    assert 'rotate(-30' not in short.svg


def test_long_pattern_evidence_is_sampled_in_the_report():
    from datetime import date

    from afterword.domain.patterns import Evidence, Pattern
    from afterword.report.build import shown_evidence

    evidence = tuple(Evidence(unit=f"episode:{i % 4}", episode_id=i % 4, person=None,
                              source="entry", sentence=f"s{i}", entry_id=i, day=date(2026, 1, 1))
                     for i in range(40))
    shown, more = shown_evidence(Pattern("disappearing_after_intimacy", evidence))
    assert len(shown) == 8 and more == 32  # two per episode, four episodes
    assert {e.unit for e in shown} == {f"episode:{i}" for i in range(4)}


def test_chart_parts_carry_theme_classes_and_keep_their_light_colours():
    # A page's stylesheet restyles charts by class (the web app's dark mode); the standalone
    # report and the PDF draw the presentation attributes, which stay the light palette.
    from afterword.charts.svg import COLOURS

    charts = [
        line_chart("Mood", ["a", "b", "c"], [Series("one", [1, 2, 1]), Series("two", [2, 1, 2])],
                   y_label="mood"),
        bar_chart("Traps", ["a", "b"], [Series("one", [1, 2]), Series("two", [2, 0])]),
    ]
    for chart in charts:
        assert "style=" not in chart.svg and "<style" not in chart.svg
        assert 'fill="#ffffff" class="aw-bg"' in chart.svg
        for part in ("aw-title", "aw-text", "aw-grid", "aw-axis"):
            assert f'class="{part}"' in chart.svg, part
        for tag in re.findall(r"<(?:rect|circle|polygon|polyline|line|text)\b[^>]*>", chart.svg):
            assert "class=" in tag, tag
        assert re.search(f'fill="{COLOURS[1]}"[^>]*class="aw-fill aw-s1', chart.svg)
    assert f'stroke="{COLOURS[0]}" stroke-width="2" class="aw-line aw-s0"' in charts[0].svg
    # The report is light on purpose: its page is white even where the system is dark.
    assert "html { background: #ffffff; }" in render_html(_report())
