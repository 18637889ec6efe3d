"""Pages: progress (trends and patterns as accessible SVG charts, measures with reliable change,
contact log) and "you've written something like this before" on the entry page."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from afterword.errors import AfterwordError, InvalidInput
from afterword.messages import msg
from afterword.web.deps import Unlocked
from afterword.web.errors import user_message
from afterword.web.forms import field
from afterword.web.routes.pages_reflect import resources_for
from afterword.web.schemas import Id
from afterword.web.templating import render

router = APIRouter(include_in_schema=False)


def insights(unlocked: Any) -> Any:
    from afterword.services.insights import InsightsService

    return InsightsService(unlocked)


def _day(raw: str | None) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(msg("web.episodes.bad_date")) from None


def _shown_sections() -> list[str]:
    from afterword.services.insights import SECTIONS

    return list(SECTIONS)


@router.get("/progress")
def progress(request: Request, unlocked: Unlocked) -> Response:
    from afterword.report.build import section_blocks

    service = insights(unlocked)
    start = _day(request.query_params.get("start"))
    end = _day(request.query_params.get("end"))
    t = service.trends(start, end)
    found = service.patterns(start, end)
    sections = [(key, msg(f"progress.report.section.{key}"), section_blocks(key, t, found))
                for key in _shown_sections()]
    return render(request, "progress.html", trends=t, sections=sections, start=t.start.isoformat(),
                  end=t.end.isoformat(), seen=",".join(_shown_sections()))


@router.post("/progress/seen")
async def mark_seen(request: Request, unlocked: Unlocked) -> Response:
    """The page was shown: remember which sections, so the report includes only those."""
    form = await request.form()
    wanted = [s for s in field(form, "sections").split(",") if s]
    insights(unlocked).mark_seen(wanted)
    return Response(status_code=204)


@router.get("/progress/measures")
def measures(request: Request, unlocked: Unlocked) -> Response:
    from afterword.domain import scales
    from afterword.report.build import measure_chart, rci_sentence

    service = insights(unlocked)
    histories = [(h, measure_chart(h) if h.records else None, rci_sentence(h))
                 for h in service.history()]
    return render(request, "measures.html", histories=histories, scales=scales.SCALES,
                  due={d.scale.id: d for d in service.due()})


@router.get("/progress/schedule")
def schedule_page(request: Request, unlocked: Unlocked) -> Response:
    return _schedule(request, insights(unlocked))


def _schedule(request: Request, service: Any, status: int = 200, **extra: Any) -> Response:
    from afterword.domain import scales

    extra.setdefault("values", {})
    return render(request, "schedule.html", status, scales=scales.SCALES,
                  due={d.scale.id: d for d in service.due()}, **extra)


@router.post("/progress/schedule")
async def set_schedule(request: Request, unlocked: Unlocked) -> Response:
    """Set (`action=set`, `every` 1-365 days) or stop (`action=off`) a measure's schedule; the
    same service calls as `afterword measure schedule`."""
    service = insights(unlocked)
    form = await request.form()
    action, raw = field(form, "action", "set"), field(form, "every").strip()
    values: dict[str, str] = {}
    try:
        scale = service.scale(field(form, "scale"))
        values = {scale.id: raw[:8]}
        if action == "off":
            service.clear_schedule(scale.id)
            notice = msg("progress.measure.schedule_cleared", scale=scale.short_name)
        elif action == "set":
            if not raw.isdigit() or len(raw) > 3:
                raise InvalidInput(msg("progress.measure.bad_schedule", low=1, high=365))
            service.set_schedule(scale.id, int(raw))
            notice = msg("progress.measure.schedule_set", scale=scale.short_name, days=int(raw))
        else:
            raise InvalidInput(msg("web.schedule.bad_action"))
    except AfterwordError as exc:
        return _schedule(request, service, exc.http_status, error=user_message(exc),
                         values=values)
    return _schedule(request, service, notice=notice)


@router.get("/progress/measures/{scale_id}")
def measure_form(request: Request, scale_id: str, unlocked: Unlocked) -> Response:
    scale = insights(unlocked).scale(scale_id)
    return render(request, "measure.html", scale=scale, answers={})


@router.post("/progress/measures/{scale_id}")
async def take_measure(request: Request, scale_id: str, unlocked: Unlocked) -> Response:
    service = insights(unlocked)
    scale = service.scale(scale_id)
    form = await request.form()
    raw = {i: str(field(form, f"item{i}") or "") for i in range(1, scale.n_items + 1)}
    try:
        missing = [i for i, v in raw.items() if v == ""]
        if missing:
            raise InvalidInput(msg("web.measure.missing", items=", ".join(map(str, missing))))
        taken = service.take_measure(scale.id, [int(v) if v.lstrip("-").isdigit() else v
                                                for v in raw.values()])
    except AfterwordError as exc:
        return render(request, "measure.html", exc.http_status, scale=scale, answers=raw,
                      error=user_message(exc))
    resources = resources_for(request, unlocked, ("emergency", "crisis")) if taken.crisis else []
    return render(request, "measure_result.html", scale=scale, taken=taken,
                  resources=resources, rci=_rci_text(taken))


def _rci_text(taken: Any) -> str | None:
    """Reliable change since the previous time, worded like the report's sentence."""
    change = taken.since_previous
    if change is None or taken.previous is None:
        return None
    since = taken.previous.taken_at.date().isoformat()
    rci = f"{change.rci:+.2f}"
    if change.direction == "improved":
        return msg("progress.measure.rci_improved", since=since, rci=rci)
    if change.direction == "worsened":
        return msg("progress.measure.rci_worsened", since=since, rci=rci)
    return msg("progress.measure.rci_none", since=since, rci=rci,
               threshold=f"{change.threshold:.2f}")


@router.post("/progress/contact")
async def log_contact(request: Request, unlocked: Unlocked) -> Response:
    form = await request.form()
    try:
        alias, day = insights(unlocked).log_contact(field(form, "person"),
                                                    field(form, "kind", "contact"),
                                                    _day(field(form, "on")))
    except AfterwordError as exc:
        return render(request, "_contact_logged.html", exc.http_status,
                      error=user_message(exc))
    return render(request, "_contact_logged.html", alias=alias, day=day.isoformat())


@router.get("/entries/{entry_id}/similar")
def similar(request: Request, entry_id: Id, unlocked: Unlocked) -> Response:
    """A fragment, loaded after the entry page: earlier entries that read alike."""
    found = insights(unlocked).similar_entries(entry_id, k=3)
    entries = {item.entry_id: unlocked.journal.get(item.entry_id) for item in found}
    return render(request, "_similar.html", found=found, entries=entries)
