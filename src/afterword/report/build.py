"""Turn the insights into a report model and charts. The same charts serve the web pages.

Only the sections asked for are built; entry text appears only when passed in explicitly.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from afterword.charts import Chart, Series, bar_chart, line_chart
from afterword.messages import msg
from afterword.report.model import Block, Quote, Report, Section

if TYPE_CHECKING:
    from afterword.domain.patterns import Pattern
    from afterword.services.insights import MeasureHistory, PersonContact, Trends


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def band_label(scale_id: str, band: str | None) -> str:
    return msg(f"progress.scale.{scale_id}.band.{band}") if band else ""


def measure_chart(history: MeasureHistory) -> Chart:
    scale = history.scale
    low, high = scale.total_range
    cats = [r.taken_at.date().isoformat() for r in history.records]
    return line_chart(
        msg(f"progress.scale.{scale.id}.title"), cats,
        [Series(scale.short_name, [r.total for r in history.records])],
        y_min=low, y_max=high,
    )


def rci_sentence(history: MeasureHistory) -> str | None:
    change = history.first_to_last
    if change is None:
        return None
    since = history.records[0].taken_at.date().isoformat()
    rci = f"{change.rci:+.2f}"
    if change.direction == "improved":
        text = msg("progress.measure.rci_improved", since=since, rci=rci)
    elif change.direction == "worsened":
        text = msg("progress.measure.rci_worsened", since=since, rci=rci)
    else:
        text = msg("progress.measure.rci_none", since=since, rci=rci,
                   threshold=f"{change.threshold:.2f}")
    if not history.scale.norms.verified:
        text += " " + msg("progress.measure.rci_provisional")
    return text


def _measures(t: Trends) -> tuple[Block, ...]:
    blocks = []
    for h in t.measures:
        paragraphs = [msg(f"progress.scale.{h.scale.id}.about")]
        if h.scale.id == "scssf":
            paragraphs.append(msg("progress.scale.scssf.higher_is_kinder"))
        rows = tuple(
            msg("progress.report.measure_row", date=r.taken_at.date().isoformat(),
                total=_num(r.total),
                band=msg("progress.measure.band_suffix", band=band_label(h.scale.id, r.band))
                if r.band else "")
            for r in h.records
        )
        sentence = rci_sentence(h)
        blocks.append(Block(
            heading=msg(f"progress.scale.{h.scale.id}.title"),
            paragraphs=tuple(paragraphs) + ((sentence,) if sentence else ()),
            chart=measure_chart(h), bullets=rows,
            note=msg(f"progress.scale.{h.scale.id}.credit"),
        ))
    if blocks:
        blocks.insert(0, Block(paragraphs=(msg("progress.measure.not_diagnosis"),)))
    return tuple(blocks)


def _ratings(t: Trends) -> tuple[Block, ...]:
    blocks = []
    for key, rows in sorted(t.ratings.items()):
        name = (msg(f"progress.rating.{key}") if key == "deserve_respect"
                else msg("progress.rating.custom", name=rows[-1].question or key))
        title = f"{name} \u2014 {msg('progress.rating.not_validated')}"
        chart = line_chart(title, [r.rated_at.date().isoformat() for r in rows],
                           [Series(key, [float(r.value) for r in rows])], y_min=0, y_max=10)
        blocks.append(Block(heading=name, chart=chart,
                            note=msg("progress.rating.not_validated_long")))
    return tuple(blocks)


def _weekly(points: Sequence[Any], title: str, name: str, **kw: Any) -> Chart:
    return line_chart(title, [p.when.isoformat() for p in points],
                      [Series(name, [p.value for p in points])], **kw)


def _counts(title: str, items: Sequence[tuple[str, int]], name: str) -> Chart:
    return bar_chart(title, [label.replace("_", " ") for label, _ in items],
                     [Series(name, [float(c) for _, c in items])],
                     first_column=name)


def _contact(people: Sequence[PersonContact]) -> tuple[Block, ...]:
    blocks = []
    for p in people:
        text = contact_line(p)
        # One point a week (and the last day) keeps the chart and its text readable.
        last = len(p.series) - 1
        points = [pt for i, pt in enumerate(p.series) if (last - i) % 7 == 0]
        chart = line_chart(
            f"{msg('progress.trends.contact')}: {p.alias}",
            [pt.when.isoformat() for pt in points],
            [Series(p.alias, [pt.value for pt in points])], y_min=0,
        )
        blocks.append(Block(heading=p.alias, paragraphs=(text,), chart=chart))
    return tuple(blocks)


def contact_line(p: PersonContact) -> str:
    s = p.status
    contact = (msg("progress.contact.no_contact") if s.days_since_contact is None
               else msg("progress.contact.since_contact", days=days_text(s.days_since_contact)))
    profile = (msg("progress.contact.no_profile") if s.days_since_profile_check is None
               else msg("progress.contact.since_profile",
                        days=days_text(s.days_since_profile_check)))
    return msg("progress.contact.status", person=p.alias, contact=contact, profile=profile)


def days_text(days: int | None) -> str:
    if days is None:
        return msg("progress.contact.never")
    if days == 0:
        return msg("progress.contact.today")
    if days == 1:
        return msg("progress.contact.one_day")
    return msg("progress.contact.days", n=days)


def pattern_title(p: Pattern) -> str:
    pillar = msg(f"progress.pillar.{p.detail}") if p.detail else ""
    return msg(f"progress.pattern.{p.id}.title", pillar=pillar)


def pattern_explain(p: Pattern) -> str:
    pillar = msg(f"progress.pillar.{p.detail}") if p.detail else ""
    return msg(f"progress.pattern.{p.id}.explain", pillar=pillar)


def evidence_source(e: Any) -> str:
    parts = []
    if e.episode_id is not None:
        parts.append(msg("progress.patterns.episode", id=e.episode_id))
    if e.person:
        parts.append(msg("progress.patterns.person", person=e.person))
    if e.entry_id is not None and e.day is not None:
        parts.append(msg("progress.patterns.entry", id=e.entry_id, date=e.day.isoformat()))
    if e.source == "reflection":
        parts.append(msg("progress.patterns.reflection_fact"))
    return ", ".join(parts)


def shown_evidence(p: Pattern, per_unit: int = 2, total: int = 10) -> tuple[list[Any], int]:
    """A readable sample of the evidence (a few per episode, newest episodes last) and how many
    more there are; the JSON output keeps all of it."""
    picked: list[Any] = []
    counts: dict[str, int] = {}
    for e in p.evidence:
        if counts.get(e.unit, 0) < per_unit and len(picked) < total:
            picked.append(e)
            counts[e.unit] = counts.get(e.unit, 0) + 1
    return picked, len(p.evidence) - len(picked)


def _patterns(found: Sequence[Pattern]) -> tuple[Block, ...]:
    if not found:
        return (Block(paragraphs=(msg("progress.patterns.none"),)),)
    blocks = [Block(paragraphs=(msg("progress.patterns.intro"),))]
    for p in found:
        shown, more = shown_evidence(p)
        quotes = tuple(Quote(e.sentence, evidence_source(e)) for e in shown if e.sentence)
        facts = tuple(evidence_source(e) for e in shown if not e.sentence)
        blocks.append(Block(
            heading=pattern_title(p),
            paragraphs=(pattern_explain(p), msg("progress.patterns.seen_in", n=len(p.units))),
            quotes=quotes, bullets=facts,
            note=msg("progress.patterns.more", n=more) if more else None,
        ))
    return tuple(blocks)


def _entries(entries: Sequence[Any]) -> tuple[Block, ...]:
    return tuple(
        Block(heading=f"{e.created_at.date().isoformat()}" + (f" \u2014 {e.title}" if e.title
                                                               else ""),
              paragraphs=tuple(p for p in e.body.split("\n\n") if p.strip()))
        for e in entries
    )


def section_blocks(key: str, t: Trends, found: Sequence[Pattern]) -> tuple[Block, ...]:
    nothing = (Block(paragraphs=(msg("progress.trends.no_data"),)),)
    if key == "measures":
        return _measures(t) or nothing
    if key == "ratings":
        return _ratings(t) or nothing
    if key == "mood":
        if not any(p.value is not None for p in t.mood):
            return nothing
        return (Block(chart=_weekly(t.mood, msg("progress.trends.mood"), "mood",
                                    y_min=-2, y_max=2)),)
    if key in ("emotions", "themes"):
        if "analysis" in t.missing:
            return (Block(paragraphs=(msg("progress.trends.source_missing",
                                          source="analysis"),)),)
        items = t.emotions if key == "emotions" else t.themes
        if not items:
            return nothing
        return (Block(chart=_counts(msg(f"progress.trends.{key}"), items,
                                    msg(f"progress.report.section.{key}"))),)
    if key == "traps":
        if not t.traps:
            return nothing
        labels = [x.label.replace("_", " ") for x in t.traps]
        cols = msg("progress.trends.traps_columns").split(" | ")
        series = [Series(cols[1], [float(x.suggested) for x in t.traps])]
        if any(x.confirmed or x.rejected for x in t.traps):
            series += [Series(cols[2], [float(x.confirmed) for x in t.traps]),
                       Series(cols[3], [float(x.rejected) for x in t.traps])]
        chart = bar_chart(msg("progress.trends.traps"), labels, series, first_column=cols[0])
        return (Block(chart=chart, note=msg("progress.trends.traps_note")),)
    if key == "rumination":
        if "analysis" in t.missing:
            return (Block(paragraphs=(msg("progress.trends.source_missing",
                                          source="analysis"),)),)
        if not any(p.value for p in t.rumination):
            return nothing
        return (Block(chart=bar_chart(msg("progress.trends.rumination"),
                                      [p.when.isoformat() for p in t.rumination],
                                      [Series(msg("progress.report.section.rumination"),
                                              [p.value for p in t.rumination])])),)
    if key == "beliefs":
        if "reflections" in t.missing:
            return (Block(paragraphs=(msg("progress.trends.source_missing",
                                          source="reflections"),)),)
        if not t.beliefs:
            return nothing
        from afterword.domain.trends import belief_summary

        summary = belief_summary(t.beliefs)
        cats = [f"{b.when.isoformat()} #{i + 1}" for i, b in enumerate(t.beliefs)]
        chart = line_chart(msg("progress.trends.beliefs"), cats, [
            Series(msg("progress.trends.belief_before"), [b.before for b in t.beliefs]),
            Series(msg("progress.trends.belief_after"), [b.after for b in t.beliefs]),
        ], y_min=0, y_max=100)
        text = (msg("progress.trends.beliefs_summary", n=len(t.beliefs),
                    before=summary[0], after=summary[1]),) if summary else ()
        return (Block(paragraphs=text, chart=chart),)
    if key == "contact":
        return _contact(t.contact) or nothing
    if key == "patterns":
        return _patterns(found)
    raise ValueError(key)


def build_report(
    t: Trends,
    sections: Sequence[str],
    found: Sequence[Pattern] = (),
    entries: Sequence[Any] | None = None,
    made_on: date | None = None,
) -> Report:
    built = [
        Section(key, msg(f"progress.report.section.{key}"), section_blocks(key, t, found))
        for key in sections
    ]
    if entries:
        built.append(Section("entries", msg("progress.report.section.entries"),
                             _entries(entries)))
    return Report(
        title=msg("progress.report.title"),
        subtitle=msg("progress.report.subtitle", start=t.start.isoformat(),
                     end=t.end.isoformat(), made=(made_on or t.end).isoformat()),
        warning=msg("progress.report.not_encrypted"),
        intro=msg("progress.report.prepared_for") + " " + msg("progress.report.not_therapy"),
        footer=msg("progress.report.footer"),
        sections=tuple(built),
    )
