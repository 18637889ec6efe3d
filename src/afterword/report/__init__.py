"""Self-contained progress reports: HTML (inline CSS and SVG) and PDF (fpdf2, optional)."""

from afterword.report.html import render_html
from afterword.report.model import Block, Quote, Report, Section

__all__ = ["Block", "Quote", "Report", "Section", "render_html"]
