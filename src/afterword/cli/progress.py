"""CLI commands for progress: measure, contact, trends, patterns, similar, report.

Thin: parse, call :class:`afterword.services.insights.InsightsService`, render. Data goes to
stdout, messages to stderr. Heavy imports happen inside command bodies.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from afterword.cli import context as cx
from afterword.cli.context import JsonOpt

if TYPE_CHECKING:
    from datetime import date

    from afterword.services.insights import InsightsService, TakenMeasure

FromOpt = Annotated[str | None, typer.Option(
    "--from", help="First day to include (YYYY-MM-DD). Default: 90 days before --to.")]
ToOpt = Annotated[str | None, typer.Option(
    "--to", help="Last day to include (YYYY-MM-DD). Default: today.")]

measure_app = typer.Typer(
    name="measure", no_args_is_help=True, rich_markup_mode=None,
    help="Validated questionnaires (PHQ-9, GAD-7, SCS-SF) over time, with reliable change; "
         "and personal 0-10 ratings, which are not validated measures.",
)
contact_app = typer.Typer(
    name="contact", no_args_is_help=True, rich_markup_mode=None,
    help="Log contact with a person (or checking their profile) and see days without contact.",
)


@contextmanager
def _insights(ctx: typer.Context) -> Iterator[InsightsService]:
    from afterword.services.insights import InsightsService

    with cx.of(ctx).unlock() as unlocked:
        yield InsightsService(unlocked)


def _day(text: str | None) -> date | None:
    from datetime import date

    from afterword.errors import InvalidInput
    from afterword.messages import msg

    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(msg("progress.trends.bad_date")) from None


def _m(key: str, **values: object) -> str:
    from afterword.messages import msg

    return msg(key, **values)


# --- measure ---------------------------------------------------------------------------------


def _read_answers(source: str) -> list[int]:
    import json

    from afterword.domain import scales
    from afterword.errors import InvalidInput
    from afterword.services.insights import _scale_error

    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise InvalidInput(_m("progress.measure.answers_file_missing", path=source)) from None
    stripped = text.strip()
    if stripped.startswith(("{", "[")):
        try:
            data = json.loads(stripped)
        except ValueError:
            raise InvalidInput(_m("progress.measure.not_whole_number", item=1)) from None
        values = data.get("answers") if isinstance(data, dict) else data
        if not isinstance(values, list):
            raise InvalidInput(_m("progress.measure.wrong_count", expected="?", got=0))
        return values
    first = next((line for line in stripped.splitlines() if line.strip()), "")
    try:
        return scales.parse_answers(first)
    except scales.ScaleError as exc:
        raise _scale_error(exc) from None


def _ask_answers(scale: Any) -> list[int]:
    import click

    cx.info(_m(f"progress.scale.{scale.id}.title"))
    cx.info(_m("progress.measure.not_diagnosis"))
    cx.info("")
    cx.info(_m(f"progress.scale.{scale.id}.instructions"))
    options = "   ".join(
        f"{v} = {_m(f'progress.scale.{scale.id}.option.{v}')}" for v in scale.options
    )
    answers = []
    for item in range(1, scale.n_items + 1):
        cx.info("")
        cx.info(_m("progress.measure.item_prompt", number=item,
                   text=_m(f"progress.scale.{scale.id}.item.{item}")))
        cx.info("   " + options)
        value = click.prompt(
            _m("progress.measure.choose", low=scale.min_value, high=scale.max_value),
            type=click.IntRange(scale.min_value, scale.max_value), err=True,
        )
        answers.append(int(value))
    return answers


def show_crisis_resources(unlocked: Any, locale: str) -> list[dict[str, Any]]:
    """Print the crisis message and resources (stderr) at once; return them for --json.

    Resources come from the reflection area (the person's own first, then the directory for
    their locale); where that is unavailable, a catalogue line points to emergency services.
    """
    cx.error("")
    cx.error(_m("progress.crisis.item9"))
    cx.error(_m("progress.crisis.reach_out"))
    found: list[Any] = []
    try:
        from afterword.services.reflect import ReflectService

        found = list(ReflectService(unlocked).safety.resources(locale, ("emergency", "crisis")))
    except Exception:  # noqa: BLE001 - never let a lookup failure hide the message above
        found = []
    if found:
        cx.error(_m("progress.crisis.resources_header"))
        for r in found:
            hours = f" ({r.hours})" if r.hours else ""
            cx.error(f"  - {r.name}: {r.contact}{hours}")
    else:
        cx.error(_m("progress.crisis.fallback_resources"))
    cx.error(_m("progress.crisis.safety_plan"))
    cx.error("")
    return [r.as_dict() for r in found]


def offer_check_in(unlocked: Any, locale: str) -> None:
    """Offer the reflection area's gentle crisis check-in (it records the check, so the next
    session asks again). Declining is respected; the resources were already shown."""
    import click

    try:
        from afterword.cli.runner import ConsoleIO, Runner
        from afterword.services.reflect import ReflectService
    except ImportError:  # pragma: no cover - the reflection area ships with the package
        return
    if not click.confirm(_m("progress.crisis.offer_check_in"), default=True, err=True):
        return
    # The check-in is an overlay in the reflection area: it opens on top of the safety plan
    # flow and returns there afterwards, so building the plan is the natural next step.
    svc = ReflectService(unlocked)
    started = svc.start("safety_plan")
    Runner(svc, ConsoleIO(), locale).run(svc.request_help(started.run.id))


def _taken_json(taken: TakenMeasure) -> dict[str, Any]:
    r = taken.result
    change = taken.since_previous
    return {
        "id": taken.record.id,
        "scale": r.scale_id,
        "taken_at": taken.record.taken_at.isoformat(),
        "answers": list(r.answers),
        "total": r.total,
        "band": r.band,
        "subscales": dict(r.subscales),
        "crisis": r.crisis,
        "since_previous": None if change is None else {
            "rci": round(change.rci, 3), "reliable": change.reliable,
            "direction": change.direction, "threshold": round(change.threshold, 3),
        },
    }


@measure_app.command("take")
def measure_take(
    ctx: typer.Context,
    scale: Annotated[str, typer.Argument(help="phq9, gad7 or scssf.")],
    answers: Annotated[str | None, typer.Option(
        "--answers", help="Read the answers from this file (one line like '1 0 2 ...', or JSON "
        "{\"answers\": [...]}); '-' reads stdin. Without it, each question is asked.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Answer a questionnaire and save the score inside the journal."""
    with _insights(ctx) as insights:
        chosen = insights.scale(scale)
        values = _read_answers(answers) if answers else _ask_answers(chosen)
        taken = insights.take_measure(chosen.id, values)
        data = _taken_json(taken)
        if not as_json:
            _print_taken(chosen, taken)
        if taken.crisis:
            # PHQ-9 item 9 above 0, whatever the total: resources at once, then the check-in.
            locale = insights.unlocked.settings.locale
            data["crisis_resources"] = show_crisis_resources(insights.unlocked, locale)
            if answers is None and not as_json:
                offer_check_in(insights.unlocked, locale)
    if as_json:
        cx.out_json(data)


def _print_taken(chosen: Any, taken: TakenMeasure) -> None:
    from afterword.report.build import band_label, rci_sentence
    from afterword.services.insights import MeasureHistory

    band = band_label(chosen.id, taken.result.band)
    total = (f"{taken.result.total:.2f}" if chosen.method == "mean"
             else str(int(taken.result.total)))
    cx.out(_m("progress.measure.saved", scale=chosen.short_name, total=total,
              band=_m("progress.measure.band_suffix", band=band) if band else ""))
    if taken.since_previous is not None and taken.previous is not None:
        sentence = rci_sentence(MeasureHistory(chosen, (taken.previous, taken.record)))
        if sentence:
            cx.out(sentence)


@measure_app.command("history")
def measure_history(
    ctx: typer.Context,
    scale: Annotated[str | None, typer.Argument(help="Only this measure.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Scores over time, with the reliable change index from the first to the latest."""
    from afterword.report.build import band_label, rci_sentence

    with _insights(ctx) as insights:
        histories = insights.history(scale)
        insights.mark_seen(["measures"])
    if as_json:
        out = []
        for h in histories:
            change = h.first_to_last
            out.append({
                "scale": h.scale.id,
                "records": [{"id": r.id, "taken_at": r.taken_at.isoformat(), "total": r.total,
                             "band": r.band, "crisis": r.crisis} for r in h.records],
                "reliable_change": None if change is None else {
                    "rci": round(change.rci, 3), "reliable": change.reliable,
                    "direction": change.direction, "threshold": round(change.threshold, 3),
                    "sd": h.scale.norms.sd, "reliability": h.scale.norms.reliability,
                    "norms_verified": h.scale.norms.verified,
                },
            })
        cx.out_json(out)
        return
    if not any(h.records for h in histories):
        cx.info(_m("progress.measure.history_empty"))
        return
    for h in histories:
        cx.out(_m("progress.measure.history_header", scale=h.scale.short_name))
        for r in h.records:
            band = band_label(h.scale.id, r.band)
            total = f"{r.total:.2f}" if h.scale.method == "mean" else str(int(r.total))
            cx.out(f"  {r.taken_at.date().isoformat()}  {total}" + (f"  {band}" if band else ""))
        sentence = rci_sentence(h)
        if sentence:
            cx.out("  " + sentence)
        cx.out("")


@measure_app.command("schedule")
def measure_schedule(
    ctx: typer.Context,
    scale: Annotated[str | None, typer.Argument(help="phq9, gad7 or scssf.")] = None,
    every: Annotated[int | None, typer.Option("--every", help="Every N days (1-365).")] = None,
    off: Annotated[bool, typer.Option("--off", help="Remove this measure's schedule.")] = False,
) -> None:
    """Set how often to take a measure, or show what is due."""
    with _insights(ctx) as insights:
        if scale and off:
            insights.clear_schedule(scale)
            cx.info(_m("progress.measure.schedule_cleared", scale=insights.scale(scale).short_name))
            return
        if scale and every is not None:
            insights.set_schedule(scale, every)
            cx.info(_m("progress.measure.schedule_set", scale=insights.scale(scale).short_name,
                       days=every))
            return
        statuses = insights.due()
    if not statuses:
        cx.info(_m("progress.measure.no_schedules"))
        return
    for s in statuses:
        if s.due:
            cx.out(_m("progress.measure.due", scale=s.scale.short_name, days=s.every_days))
        else:
            cx.out(_m("progress.measure.not_due", scale=s.scale.short_name,
                      date=s.next_due.isoformat()))


@measure_app.command("rate")
def measure_rate(
    ctx: typer.Context,
    value: Annotated[int, typer.Argument(help="0 to 10.")],
    name: Annotated[str | None, typer.Option(
        "--name", help="Your own question (default: how much do I feel I deserve respect "
        "today). Not a validated measure.")] = None,
) -> None:
    """Save a personal 0-10 rating. It is not a validated measure."""
    with _insights(ctx) as insights:
        saved = insights.rate(value, name)
    label = (_m("progress.rating.deserve_respect") if saved.key == "deserve_respect"
             else saved.question or saved.key)
    cx.info(_m("progress.rating.saved", name=label, value=saved.value,
               not_validated=_m("progress.rating.not_validated")))


@measure_app.command("list")
def measure_list() -> None:
    """The questionnaires available, with their credit lines."""
    from afterword.domain import scales

    for s in scales.SCALES.values():
        cx.out(f"{s.id:6}  {_m(f'progress.scale.{s.id}.title')} \u2014 "
               f"{_m(f'progress.scale.{s.id}.about')}")
    cx.out(f"{'rate':6}  {_m('progress.rating.deserve_respect')} "
           f"({_m('progress.rating.not_validated')})")


# --- contact ---------------------------------------------------------------------------------


@contact_app.command("log")
def contact_log(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="The person's alias.")],
    profile: Annotated[bool, typer.Option(
        "--profile", help="You looked at their profile (rather than being in contact).")] = False,
    on: Annotated[str | None, typer.Option("--on", help="The day (YYYY-MM-DD); default today.")
                  ] = None,
) -> None:
    """Log contact with a person, or checking their profile."""
    kind = "checked_profile" if profile else "contact"
    day = _day(on)
    with _insights(ctx) as insights:
        alias, when = insights.log_contact(person, kind, day)
    cx.info(_m("progress.contact.logged", kind=_m(f"progress.contact.kind.{kind}"),
               person=alias, date=when.isoformat()))
    cx.info(_m("progress.contact.note"))


@contact_app.command("status")
def contact_status(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Days without contact, per person."""
    from afterword.report.build import contact_line

    with _insights(ctx) as insights:
        people = insights.contact_summary()
        insights.mark_seen(["contact"])
    if as_json:
        cx.out_json([{"person": p.alias,
                      "days_since_contact": p.status.days_since_contact,
                      "days_since_profile_check": p.status.days_since_profile_check,
                      "days_since_any": p.status.days_since_any,
                      "longest_gap_days": p.status.longest_gap_days} for p in people])
        return
    if not people:
        cx.info(_m("progress.contact.none"))
        return
    for p in people:
        cx.out(contact_line(p))


# --- trends, patterns, similar ---------------------------------------------------------------


def _trends_json(t: Any) -> dict[str, Any]:
    def pts(points: Any) -> list[dict[str, Any]]:
        return [{"week": p.when.isoformat(), "value": p.value} for p in points]

    return {
        "from": t.start.isoformat(), "to": t.end.isoformat(),
        "entries": t.entries_counted, "analysed_entries": t.analysed_entries,
        "analysed_in_memory": t.analysed_in_memory,
        "missing_sources": t.missing,
        "mood_weekly": pts(t.mood),
        "emotions": [{"label": a, "count": b} for a, b in t.emotions],
        "themes": [{"label": a, "count": b} for a, b in t.themes],
        "traps": [{"label": x.label, "suggested": x.suggested, "confirmed": x.confirmed,
                   "rejected": x.rejected} for x in t.traps],
        "rumination_weekly": pts(t.rumination),
        "beliefs": [{"date": b.when.isoformat(), "before": b.before, "after": b.after}
                    for b in t.beliefs],
        "contact": [{"person": p.alias, "days_since_contact": p.status.days_since_contact,
                     "days_since_profile_check": p.status.days_since_profile_check}
                    for p in t.contact],
        "measures": [{"scale": h.scale.id, "scores": [
            {"taken_at": r.taken_at.isoformat(), "total": r.total, "band": r.band}
            for r in h.records]} for h in t.measures],
        "ratings": {k: {"validated": False, "values": [
            {"rated_at": r.rated_at.isoformat(), "value": r.value} for r in v]}
            for k, v in t.ratings.items()},
    }


def trends_command(
    ctx: typer.Context, start: FromOpt = None, end: ToOpt = None, as_json: JsonOpt = False
) -> None:
    """Mood, emotions, themes, traps, rumination, beliefs, contact and measures over time."""
    from afterword.report.build import section_blocks
    from afterword.services.insights import SECTIONS

    with _insights(ctx) as insights:
        t = insights.trends(_day(start), _day(end))
        shown = [s for s in SECTIONS if s != "patterns"]
        insights.mark_seen(shown)
    if as_json:
        cx.out_json(_trends_json(t))
        return
    cx.out(_m("progress.trends.title") + " \u2014 " +
           _m("progress.trends.range", start=t.start.isoformat(), end=t.end.isoformat()))
    for key in shown:
        cx.out("")
        cx.out(_m(f"progress.report.section.{key}"))
        for block in section_blocks(key, t, ()):
            if block.heading:
                cx.out("  " + block.heading)
            for p in block.paragraphs:
                cx.out("  " + p)
            if block.chart is not None:
                cx.out("  " + block.chart.text_alternative)
            for b in block.bullets:
                cx.out("  - " + b)
            if block.note:
                cx.out("  " + block.note)


def patterns_command(
    ctx: typer.Context, start: FromOpt = None, end: ToOpt = None, as_json: JsonOpt = False
) -> None:
    """Repeated dynamics across episodes and people, with the sentences behind each."""
    from afterword.report.build import (
        evidence_source,
        pattern_explain,
        pattern_title,
        shown_evidence,
    )

    with _insights(ctx) as insights:
        found = insights.patterns(_day(start), _day(end))
        insights.mark_seen(["patterns"])
    if as_json:
        cx.out_json([{
            "id": p.id, "detail": p.detail, "title": pattern_title(p),
            "episodes": list(p.episode_ids), "units": list(p.units),
            "evidence": [{"episode_id": e.episode_id, "person": e.person,
                          "entry_id": e.entry_id,
                          "date": e.day.isoformat() if e.day else None,
                          "source": e.source, "sentence": e.sentence} for e in p.evidence],
        } for p in found])
        return
    if not found:
        cx.out(_m("progress.patterns.none"))
        return
    cx.out(_m("progress.patterns.title"))
    cx.out(_m("progress.patterns.intro"))
    for p in found:
        cx.out("")
        cx.out(pattern_title(p))
        cx.out("  " + pattern_explain(p))
        cx.out("  " + _m("progress.patterns.seen_in", n=len(p.units)))
        shown, more = shown_evidence(p)
        for e in shown:
            where = evidence_source(e)
            cx.out(f"  - \u201c{e.sentence}\u201d ({where})" if e.sentence else f"  - {where}")
        if more:
            cx.out("  " + _m("progress.patterns.more", n=more))


def similar_command(
    ctx: typer.Context,
    entry_id: Annotated[int, typer.Argument(help="The entry to compare with earlier ones.")],
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many (1-50).")] = 5,
    as_json: JsonOpt = False,
) -> None:
    """You've written something like this before: the most similar earlier entries."""
    with _insights(ctx) as insights:
        found = insights.similar_entries(entry_id, limit)
    if as_json:
        cx.out_json([{"entry_id": s.entry_id, "created_at": s.created_at.isoformat(),
                      "score": s.score} for s in found])
        return
    if not found:
        cx.out(_m("progress.similar.none"))
        return
    cx.out(_m("progress.similar.title"))
    for s in found:
        cx.out("  " + _m("progress.similar.item", id=s.entry_id,
                         date=s.created_at.date().isoformat(), score=f"{s.score:.2f}"))


# --- report ----------------------------------------------------------------------------------


def _report_paths(output: Path, made: date) -> tuple[Path, Path]:
    from afterword.errors import InvalidInput

    if output.is_dir():
        stem = output / f"afterword-report-{made.isoformat()}"
        return stem.with_suffix(".html"), stem.with_suffix(".pdf")
    suffix = output.suffix.lower()
    if suffix not in (".html", ".pdf"):
        raise InvalidInput(_m("progress.report.bad_output"))
    return output.with_suffix(".html"), output.with_suffix(".pdf")


def _write_private(path: Path, data: bytes, overwrite: bool) -> None:
    """Write with owner-only permissions; refuse to replace a file unless asked."""
    import os

    from afterword.errors import InvalidInput

    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if overwrite else os.O_EXCL)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        raise InvalidInput(_m("progress.report.exists", path=str(path))) from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def report_command(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="Where to write: a folder, or a file name ending in .html or "
        ".pdf (both files are written side by side). The files are NOT encrypted.")],
    start: FromOpt = None,
    end: ToOpt = None,
    section: Annotated[list[str] | None, typer.Option(
        "--section", "-s", help="A section to include (repeat for more): measures, ratings, "
        "mood, emotions, themes, traps, rumination, beliefs, contact, patterns. Default: the "
        "ones you have already looked at.")] = None,
    include_entries: Annotated[bool, typer.Option(
        "--include-entries", help="Also include the full text of the entries in the range "
        "(asks first).")] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask before including entry "
                                      "text.")] = False,
    no_pdf: Annotated[bool, typer.Option("--no-pdf", help="Write only the HTML file.")] = False,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace existing files.")
                         ] = False,
) -> None:
    """Write a report (HTML and PDF) you can choose to bring to a therapist."""
    import click

    from afterword.errors import InvalidInput
    from afterword.report import render_html
    from afterword.report.build import build_report
    from afterword.services.insights import SECTIONS

    wanted = [s.strip().lower() for s in section or []]
    for s in wanted:
        if s not in SECTIONS:
            raise InvalidInput(_m("progress.report.unknown_section", section=s,
                                  choices=", ".join(SECTIONS)))
    with _insights(ctx) as insights:
        chosen = wanted or insights.seen_sections()
        if not chosen and not include_entries:
            raise InvalidInput(_m("progress.report.nothing_seen"))
        t = insights.trends(_day(start), _day(end))
        found = insights.patterns(t.start, t.end) if "patterns" in chosen else []
        entries = None
        if include_entries:
            listed = insights._entries(t.start, t.end)
            if listed and (yes or click.confirm(
                    _m("progress.report.ask_entries", n=len(listed)), default=False,
                    err=True)):
                entries = listed
            else:
                cx.info(_m("progress.report.entries_left_out"))
        made = insights.today()
    ordered = [s for s in SECTIONS if s in chosen]
    report = build_report(t, ordered, found, entries, made_on=made)
    html_path, pdf_path = _report_paths(output, made)
    cx.info(_m("progress.report.not_encrypted"))
    _write_private(html_path, render_html(report).encode("utf-8"), overwrite)
    cx.info(_m("progress.report.written", path=str(html_path)))
    if no_pdf:
        return
    try:
        from afterword.report.pdf import PdfUnavailable, render_pdf
    except ImportError:  # pragma: no cover
        cx.info(_m("progress.report.no_fpdf"))
        return
    try:
        data = render_pdf(report)
    except PdfUnavailable:
        cx.info(_m("progress.report.no_fpdf"))
        return
    _write_private(pdf_path, data, overwrite)
    cx.info(_m("progress.report.written", path=str(pdf_path)))


def register(app: typer.Typer) -> None:
    """Add this area's commands to `app`."""
    app.add_typer(measure_app)
    app.add_typer(contact_app)
    app.command("trends")(trends_command)
    app.command("patterns")(patterns_command)
    app.command("similar")(similar_command)
    app.command("report")(report_command)
