"""What a report holds, independent of its format (HTML or PDF)."""

from __future__ import annotations

from dataclasses import dataclass, field

from afterword.charts import Chart


@dataclass(frozen=True)
class Quote:
    """A sentence the person wrote, with where it came from (shown as a citation)."""

    text: str
    source: str


@dataclass(frozen=True)
class Block:
    """One item inside a section: a heading, some paragraphs, quotes, a chart, a list."""

    heading: str | None = None
    paragraphs: tuple[str, ...] = ()
    chart: Chart | None = None
    bullets: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Report:
    title: str
    subtitle: str
    warning: str
    intro: str
    footer: str
    sections: tuple[Section, ...] = field(default_factory=tuple)
