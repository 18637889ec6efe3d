"""Accessible SVG charts, rendered in Python with no JavaScript, fonts or network.

Each chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` that states the
numbers, plus a plain-text alternative and an HTML data table with the same numbers. Series are
told apart by colour (Okabe-Ito, safe for colour-blindness) *and* by dash pattern and marker
shape, so colour is never the only cue.

Colours are SVG presentation attributes (light theme), which the standalone report and the PDF
draw as they are. Every themable part also carries a class (``aw-bg``, ``aw-title``,
``aw-text``, ``aw-grid``, ``aw-axis``, ``aw-outline``, and ``aw-line``/``aw-fill`` with
``aw-s0``..``aw-s5`` for the series) so that a page's stylesheet can restyle the chart, e.g. the
web app's dark mode; CSS rules override presentation attributes, and no inline ``style`` is
needed (the app's CSP has no ``'unsafe-inline'``).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Literal

from afterword.messages import msg

WIDTH = 640
HEIGHT = 300
_LEFT, _RIGHT, _TOP, _BOTTOM = 56, 16, 40, 64
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"

# Okabe-Ito palette, darkened where needed for contrast on white.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8a6d00", "#56B4E9")
DASHES = ("", "6 4", "2 3", "10 3 2 3", "1 2", "4 2")
MARKERS = ("circle", "square", "triangle", "diamond", "circle", "square")

_ids = itertools.count(1)


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]


@dataclass(frozen=True)
class Chart:
    kind: Literal["line", "bar"]
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    y_min: float
    y_max: float
    svg: str
    text_alternative: str
    table_html: str

    @property
    def empty(self) -> bool:
        return all(v is None for s in self.series for v in s.values)


def _fmt(value: float | None) -> str:
    if value is None:
        return msg("progress.chart.no_value")
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _text_alternative(title: str, categories: Sequence[str], series: Sequence[Series]) -> str:
    parts = []
    for s in series:
        values = ", ".join(f"{c}: {_fmt(v)}" for c, v in zip(categories, s.values, strict=True))
        parts.append(f"{s.name} \u2014 {values}" if len(series) > 1 else values)
    if not categories:
        return msg("progress.chart.empty", title=title)
    return msg("progress.chart.text_alternative", title=title, values="; ".join(parts))


def _table(
    title: str, categories: Sequence[str], series: Sequence[Series], first_column: str
) -> str:
    head = "".join(f'<th scope="col">{escape(s.name)}</th>' for s in series)
    rows = []
    for i, c in enumerate(categories):
        cells = "".join(f"<td>{escape(_fmt(s.values[i]))}</td>" for s in series)
        rows.append(f'<tr><th scope="row">{escape(c)}</th>{cells}</tr>')
    return (
        f'<table class="chart-data"><caption>{escape(title)} \u2014 '
        f"{escape(msg('progress.report.table_caption'))}</caption>"
        f'<thead><tr><th scope="col">{escape(first_column)}</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.ceil(lo / step) * step
    ticks = []
    t = start
    while t <= hi + 1e-9:
        ticks.append(round(t, 6))
        t += step
    return ticks


def _series_class(i: int, part: Literal["line", "fill"]) -> str:
    return f'class="aw-{part} aw-s{i % len(COLOURS)}"'


def _marker(shape: str, x: float, y: float, i: int) -> str:
    paint = f'fill="{COLOURS[i % len(COLOURS)]}" {_series_class(i, "fill")}'
    if shape == "square":
        return f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" {paint}/>'
    if shape == "triangle":
        pts = f"{x:.1f},{y - 4.5:.1f} {x - 4.5:.1f},{y + 3.5:.1f} {x + 4.5:.1f},{y + 3.5:.1f}"
        return f'<polygon points="{pts}" {paint}/>'
    if shape == "diamond":
        pts = f"{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} {x - 5:.1f},{y:.1f}"
        return f'<polygon points="{pts}" {paint}/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" {paint}/>'


def _frame(
    chart_id: str, title: str, desc: str, y_min: float, y_max: float, y_label: str
) -> tuple[list[str], float, float, float, float]:
    x0, x1 = _LEFT, WIDTH - _RIGHT
    y0, y1 = HEIGHT - _BOTTOM, _TOP
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'font-family="{FONT}" font-size="11">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff" class="aw-bg"/>',
        f'<text x="{x0}" y="20" font-size="14" font-weight="bold" fill="#1a1a1a" '
        f'class="aw-title">'
        f"{escape(title)}</text>",
    ]
    for tick in _nice_ticks(y_min, y_max):
        if tick < y_min - 1e-9 or tick > y_max + 1e-9:
            continue
        y = y0 - (tick - y_min) / (y_max - y_min) * (y0 - y1)
        parts.append(
            f'<line x1="{x0}" y1="{y:.1f}" x2="{x1}" y2="{y:.1f}" stroke="#dddddd" '
            f'stroke-width="1" class="aw-grid"/>'
        )
        parts.append(
            f'<text x="{x0 - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#333333" '
            f'class="aw-text">{escape(_fmt(tick))}</text>'
        )
    parts.append(
        f'<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y0}" stroke="#555555" stroke-width="1" '
        f'class="aw-axis"/>'
    )
    if y_label:
        parts.append(
            f'<text x="14" y="{(y0 + y1) / 2:.1f}" fill="#333333" text-anchor="middle" '
            f'class="aw-text" transform="rotate(-90 14 {(y0 + y1) / 2:.1f})">'
            f"{escape(y_label)}</text>"
        )
    return parts, x0, x1, y0, y1


def _x_labels(
    categories: Sequence[str], xs: Sequence[float], y0: float, max_labels: int = 8
) -> list[str]:
    step = max(1, math.ceil(len(categories) / max_labels))
    slot = (xs[1] - xs[0]) * step if len(xs) > 1 else float(WIDTH)
    # Long labels that would run into each other are slanted (and shortened) instead.
    slanted = max((len(c) for c in categories), default=0) * 6.2 > slot
    out = []
    for i, (c, x) in enumerate(zip(categories, xs, strict=True)):
        if i % step and i != len(categories) - 1:
            continue
        if slanted:
            label = c if len(c) <= 16 else c[:15] + "\u2026"
            out.append(
                f'<text x="{x:.1f}" y="{y0 + 12:.1f}" text-anchor="end" fill="#333333" '
                f'class="aw-text" transform="rotate(-30 {x:.1f} {y0 + 12:.1f})">'
                f"{escape(label)}</text>"
            )
        else:
            out.append(
                f'<text x="{x:.1f}" y="{y0 + 16:.1f}" text-anchor="middle" fill="#333333" '
                f'class="aw-text">{escape(c)}</text>'
            )
    return out


def _legend(series: Sequence[Series], y: float, kind: str) -> list[str]:
    if len(series) < 2:
        return []
    out = []
    x = float(_LEFT)
    for i, s in enumerate(series):
        colour = COLOURS[i % len(COLOURS)]
        if kind == "line":
            dash = DASHES[i % len(DASHES)]
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(
                f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x + 22:.1f}" y2="{y:.1f}" '
                f'stroke="{colour}" stroke-width="2"{dash_attr} {_series_class(i, "line")}/>'
            )
            out.append(_marker(MARKERS[i % len(MARKERS)], x + 11, y, i))
        else:
            out.append(
                f'<rect x="{x:.1f}" y="{y - 6:.1f}" width="22" height="12" fill="{colour}" '
                f'fill-opacity="{1 - 0.25 * (i % 3):.2f}" stroke="#333333" stroke-width="0.5" '
                f'class="aw-fill aw-s{i % len(COLOURS)} aw-outline"/>'
            )
        out.append(f'<text x="{x + 28:.1f}" y="{y + 4:.1f}" fill="#1a1a1a" class="aw-text">'
                   f"{escape(s.name)}</text>")
        x += 40 + 7 * len(s.name)
    return out


def _bounds(
    series: Sequence[Series], y_min: float | None, y_max: float | None
) -> tuple[float, float]:
    values = [v for s in series for v in s.values if v is not None]
    lo = y_min if y_min is not None else min([0.0, *values])
    hi = y_max if y_max is not None else max([1.0, *values])
    if hi <= lo:
        hi = lo + 1
    return lo, hi


def _checked(categories: Sequence[str], series: Sequence[Series]) -> Sequence[Series]:
    for s in series:
        if len(s.values) != len(categories):
            raise ValueError("every series needs one value per category")
    return series


def _finish(kind: Literal["line", "bar"], title: str, categories: Sequence[str],
            series: Sequence[Series], y_range: tuple[float, float], parts: list[str], desc: str,
            first_column: str | None) -> Chart:
    """Close the drawing with its legend; the chart carries its text alternative and table."""
    parts.extend(_legend(series, HEIGHT - 18, kind))
    parts.append("</svg>")
    return Chart(
        kind=kind,
        title=title,
        categories=tuple(categories),
        series=tuple(series),
        y_min=y_range[0],
        y_max=y_range[1],
        svg="".join(parts),
        text_alternative=desc,
        table_html=_table(
            title, categories, series, first_column or msg("progress.chart.column_when")
        ),
    )


def line_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    y_min: float | None = None,
    y_max: float | None = None,
    y_label: str = "",
    first_column: str | None = None,
) -> Chart:
    """A line chart; ``None`` values are gaps in the line, never drawn as zero."""
    lo, hi = _bounds(_checked(categories, series), y_min, y_max)
    desc = _text_alternative(title, categories, series)
    parts, x0, x1, y0, y1 = _frame(f"chart{next(_ids)}", title, desc, lo, hi, y_label)
    n = len(categories)
    xs = [x0 + (x1 - x0) * (i + 0.5) / max(n, 1) for i in range(n)]

    def ypos(v: float) -> float:
        return y0 - (v - lo) / (hi - lo) * (y0 - y1)

    for i, s in enumerate(series):
        colour = COLOURS[i % len(COLOURS)]
        dash = DASHES[i % len(DASHES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        run: list[str] = []
        runs: list[list[str]] = []
        for x, v in zip(xs, s.values, strict=True):
            if v is None:
                if run:
                    runs.append(run)
                run = []
                continue
            run.append(f"{x:.1f},{ypos(v):.1f}")
        if run:
            runs.append(run)
        for r in runs:
            if len(r) > 1:
                parts.append(
                    f'<polyline points="{" ".join(r)}" fill="none" stroke="{colour}" '
                    f'stroke-width="2"{dash_attr} {_series_class(i, "line")}/>'
                )
        for x, v in zip(xs, s.values, strict=True):
            if v is not None:
                parts.append(_marker(MARKERS[i % len(MARKERS)], x, ypos(v), i))
    parts.extend(_x_labels(categories, xs, y0))
    return _finish("line", title, categories, series, (lo, hi), parts, desc, first_column)


def bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    y_max: float | None = None,
    y_label: str = "",
    first_column: str | None = None,
) -> Chart:
    """Grouped vertical bars from zero; missing values draw no bar."""
    lo, hi = _bounds(_checked(categories, series), 0.0, y_max)
    desc = _text_alternative(title, categories, series)
    parts, x0, x1, y0, y1 = _frame(f"chart{next(_ids)}", title, desc, lo, hi, y_label)
    n = max(len(categories), 1)
    slot = (x1 - x0) / n
    bar_w = min(28.0, slot * 0.8 / max(len(series), 1))
    xs = [x0 + slot * (i + 0.5) for i in range(len(categories))]
    for i, s in enumerate(series):
        colour = COLOURS[i % len(COLOURS)]
        opacity = 1 - 0.25 * (i % 3)
        for j, v in enumerate(s.values):
            if v is None:
                continue
            height = (v - lo) / (hi - lo) * (y0 - y1)
            x = xs[j] - bar_w * len(series) / 2 + bar_w * i
            parts.append(
                f'<rect x="{x:.1f}" y="{y0 - height:.1f}" width="{bar_w - 1:.1f}" '
                f'height="{height:.1f}" fill="{colour}" fill-opacity="{opacity:.2f}" '
                f'stroke="#333333" stroke-width="0.5" class="aw-fill aw-s{i % len(COLOURS)} '
                f'aw-outline"/>'
            )
    parts.extend(_x_labels(categories, xs, y0))
    return _finish("bar", title, categories, series, (lo, hi), parts, desc, first_column)
