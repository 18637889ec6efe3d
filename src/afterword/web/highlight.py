"""Turn text plus character spans into escaped HTML with ``<mark>``: evidence and snippets."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from markupsafe import escape


def mark(text: str, spans: Iterable[tuple[int, int]], css_class: str = "") -> str:
    """``text`` escaped, with each (start, end) span wrapped in ``<mark>``. Overlaps merge."""
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    attr = f' class="{escape(css_class)}"' if css_class else ""
    out: list[str] = []
    pos = 0
    for start, end in merged:
        out.append(str(escape(text[pos:start])))
        out.append(f"<mark{attr}>{escape(text[start:end])}</mark>")
        pos = end
    out.append(str(escape(text[pos:])))
    return "".join(out)


def find_spans(text: str, needles: Sequence[str]) -> list[tuple[int, int]]:
    """Where each evidence sentence occurs in ``text`` (every occurrence)."""
    spans: list[tuple[int, int]] = []
    for needle in needles:
        needle = needle.strip()
        if not needle:
            continue
        start = text.find(needle)
        while start != -1:
            spans.append((start, start + len(needle)))
            start = text.find(needle, start + len(needle))
    return spans


def paragraphs(html_text: str) -> str:
    """Already-escaped HTML split into ``<p>`` on blank lines, ``<br>`` on single newlines."""
    blocks = [b for b in str(html_text).replace("\r\n", "\n").split("\n\n") if b.strip()]
    return "".join("<p>" + b.strip("\n").replace("\n", "<br>") + "</p>" for b in blocks)
