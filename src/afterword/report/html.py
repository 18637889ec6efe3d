"""The report as one self-contained HTML file: inline CSS, inline SVG, nothing fetched."""

from __future__ import annotations

from html import escape

from afterword.messages import msg
from afterword.report.model import Block, Report, Section

# The page may not load anything at all, even if someone edits it later by mistake.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_CSS = """
:root { color-scheme: light; }
html { background: #ffffff; }
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1a1a1a;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #0072B2; padding-bottom: 0.2rem;
     margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin-bottom: 0.3rem; }
.subtitle { color: #444; margin-top: 0; }
.warning { border: 2px solid #D55E00; background: #fff4ec; padding: 0.6rem 0.8rem;
           border-radius: 4px; }
.note { color: #444; font-size: 0.92rem; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.9rem; color: #333; }
blockquote { margin: 0.5rem 0 0.5rem 1rem; padding-left: 0.8rem; border-left: 3px solid #999; }
blockquote cite { display: block; font-size: 0.85rem; color: #555; font-style: normal; }
table.chart-data { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0 1rem; }
table.chart-data caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; }
table.chart-data th, table.chart-data td { border: 1px solid #bbb; padding: 0.2rem 0.5rem;
                                           text-align: left; }
details summary { cursor: pointer; }
footer { margin-top: 3rem; font-size: 0.85rem; color: #555; }
@media print { details { display: block; } details > summary { display: none; } }
"""


def _block(block: Block) -> str:
    out: list[str] = []
    if block.heading:
        out.append(f"<h3>{escape(block.heading)}</h3>")
    for p in block.paragraphs:
        out.append(f"<p>{escape(p)}</p>")
    if block.chart is not None:
        chart = block.chart
        out.append(
            "<figure>"
            f"{chart.svg}"
            f"<figcaption>{escape(chart.text_alternative)}</figcaption>"
            "</figure>"
            f"<details><summary>{escape(msg('progress.report.table_caption'))}</summary>"
            f"{chart.table_html}</details>"
        )
    if block.bullets:
        items = "".join(f"<li>{escape(b)}</li>" for b in block.bullets)
        out.append(f"<ul>{items}</ul>")
    for q in block.quotes:
        out.append(
            f"<blockquote><p>{escape(q.text)}</p><cite>{escape(q.source)}</cite></blockquote>"
        )
    if block.note:
        out.append(f'<p class="note">{escape(block.note)}</p>')
    return "".join(out)


def _section(section: Section) -> str:
    body = "".join(_block(b) for b in section.blocks)
    return (
        f'<section id="{escape(section.key)}" aria-labelledby="h-{escape(section.key)}">'
        f'<h2 id="h-{escape(section.key)}">{escape(section.heading)}</h2>{body}</section>'
    )


def render_html(report: Report) -> str:
    sections = "".join(_section(s) for s in report.sections)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex">'
        f"<title>{escape(report.title)}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{escape(report.title)}</h1>"
        f'<p class="subtitle">{escape(report.subtitle)}</p>'
        f'<p class="warning" role="note">{escape(report.warning)}</p>'
        f"<p>{escape(report.intro)}</p></header>"
        f"<main>{sections}</main>"
        f"<footer><p>{escape(report.footer)}</p></footer>"
        "</body></html>\n"
    )
