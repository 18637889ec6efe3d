"""The report as a PDF, via fpdf2 (the optional ``report`` extra), imported only when used.

Charts are the same SVG as in the HTML report, drawn by fpdf2; each is followed by its text
alternative and its data table so the numbers are there as text, not only as a picture. Fonts
are embedded from the system's DejaVu files when present (Unicode), else the PDF core font.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from afterword.report.model import Block, Report

_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


class PdfUnavailable(RuntimeError):
    """fpdf2 is not installed."""


def _new_pdf() -> tuple[Any, str, bool]:
    try:
        from fpdf import FPDF
    except ImportError as exc:  # pragma: no cover - exercised where fpdf2 is absent
        raise PdfUnavailable("fpdf2") from exc

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.set_margins(18, 18, 18)
    regular, bold = _DEJAVU / "DejaVuSans.ttf", _DEJAVU / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        pdf.add_font("DejaVu", "", str(regular))
        pdf.add_font("DejaVu", "B", str(bold))
        return pdf, "DejaVu", True
    return pdf, "Helvetica", False


def _clean(text: str, unicode_ok: bool) -> str:
    if unicode_ok:
        return text
    replacements = {"\u2014": "-", "\u2013": "-", "\u2018": "'", "\u2019": "'",
                    "\u201c": '"', "\u201d": '"', "\u2212": "-", "\u2026": "..."}
    for a, b in replacements.items():
        text = text.replace(a, b)
    return text.encode("latin-1", "replace").decode("latin-1")


_NOT_DRAWN = re.compile(r"<(title|desc)\b[^>]*>.*?</\1>", re.DOTALL)


_FONT_FAMILY = re.compile(r'font-family="[^"]*"')


def _chart_image(pdf: Any, svg: str, width: float, font: str, unicode_ok: bool) -> None:
    # fpdf2 draws SVG shapes and text itself, with the PDF's own fonts: point the chart at the
    # embedded font (or make its text Latin-1 for the core font). <title>/<desc> are not drawn
    # (fpdf2 complains about them); the PDF prints the same text alternative under the chart.
    drawable = _NOT_DRAWN.sub("", svg)
    drawable = _FONT_FAMILY.sub(f'font-family="{font}"', drawable)
    if not unicode_ok:
        drawable = _clean(drawable, False)
    pdf.image(io.BytesIO(drawable.encode("utf-8")), w=width)


def _block(pdf: Any, font: str, uni: bool, block: Block) -> None:
    width = pdf.w - pdf.l_margin - pdf.r_margin
    if block.heading:
        pdf.set_font(font, "B", 11.5)
        pdf.multi_cell(0, 6.5, _clean(block.heading, uni), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    pdf.set_font(font, "", 10.5)
    for p in block.paragraphs:
        pdf.multi_cell(0, 5.6, _clean(p, uni), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    if block.chart is not None:
        chart = block.chart
        if pdf.get_y() + width * 300 / 640 > pdf.h - pdf.b_margin:
            pdf.add_page()
        _chart_image(pdf, chart.svg, width, font, uni)
        pdf.ln(1)
        pdf.set_font(font, "", 8.5)
        pdf.set_text_color(60, 60, 60)
        pdf.multi_cell(0, 4.4, _clean(chart.text_alternative, uni), new_x="LMARGIN",
                       new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(2)
    for b in block.bullets:
        pdf.set_font(font, "", 10.5)
        pdf.multi_cell(0, 5.6, _clean("\u2022 " + b if uni else "- " + b, uni),
                       new_x="LMARGIN", new_y="NEXT")
    for q in block.quotes:
        pdf.set_x(pdf.l_margin + 6)
        pdf.set_font(font, "", 10)
        pdf.multi_cell(width - 6, 5.2, _clean("\u201c" + q.text + "\u201d", uni),
                       new_x="LMARGIN", new_y="NEXT")
        pdf.set_x(pdf.l_margin + 6)
        pdf.set_font(font, "", 8.5)
        pdf.set_text_color(85, 85, 85)
        pdf.multi_cell(width - 6, 4.6, _clean(q.source, uni), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(1)
    if block.note:
        pdf.set_font(font, "", 9)
        pdf.set_text_color(70, 70, 70)
        pdf.multi_cell(0, 4.8, _clean(block.note, uni), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
    pdf.ln(2)


def render_pdf(report: Report) -> bytes:
    """The PDF bytes. Raises PdfUnavailable when fpdf2 is missing."""
    pdf, font, uni = _new_pdf()
    pdf.set_title(_clean(report.title, uni))
    pdf.set_creator("Afterword")
    pdf.add_page()
    pdf.set_font(font, "B", 18)
    pdf.multi_cell(0, 9, _clean(report.title, uni), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(font, "", 10.5)
    pdf.set_text_color(70, 70, 70)
    pdf.multi_cell(0, 5.6, _clean(report.subtitle, uni), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)
    pdf.set_draw_color(213, 94, 0)
    pdf.set_fill_color(255, 244, 236)
    pdf.set_line_width(0.6)
    pdf.set_font(font, "B", 10)
    pdf.multi_cell(0, 5.6, _clean(report.warning, uni), border=1, fill=True, padding=2.5,
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(font, "", 10.5)
    pdf.multi_cell(0, 5.6, _clean(report.intro, uni), new_x="LMARGIN", new_y="NEXT")
    for section in report.sections:
        pdf.ln(4)
        if pdf.get_y() > pdf.h - 60:
            pdf.add_page()
        pdf.set_font(font, "B", 14)
        pdf.set_text_color(0, 80, 130)
        pdf.multi_cell(0, 8, _clean(section.heading, uni), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.set_draw_color(0, 114, 178)
        pdf.set_line_width(0.5)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
        pdf.ln(3)
        for block in section.blocks:
            _block(pdf, font, uni, block)
    pdf.ln(6)
    pdf.set_font(font, "", 8.5)
    pdf.set_text_color(85, 85, 85)
    pdf.multi_cell(0, 4.6, _clean(report.footer, uni), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
