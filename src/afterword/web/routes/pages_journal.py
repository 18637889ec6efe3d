"""Pages: write (with encrypted autosaved drafts), timeline, search, entry view, edit, delete."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from afterword.errors import AfterwordError, InvalidInput, TrapsWithheld
from afterword.messages import msg
from afterword.web import analysis_view
from afterword.web.deps import Unlocked
from afterword.web.drafts import NEW_ENTRY, DraftBox, entry_slot
from afterword.web.errors import user_message
from afterword.web.forms import PAGE_SIZE, EntryForm, FilterForm, field
from afterword.web.schemas import Id
from afterword.web.templating import render, see

router = APIRouter(include_in_schema=False)


def _choices(request: Request, unlocked: Any) -> dict[str, Any]:
    journal = unlocked.journal
    # The tag counts are the slowest part of a timeline page on a large journal; they are
    # kept until the next state-changing request (see security.csrf_guard).
    tags = request.app.state.gate.cached("tags", journal.tags)
    return {"episodes": journal.episodes(), "people": journal.people(), "tags": tags}


def _entry_values(entry: Any) -> dict[str, Any]:
    return {"body": entry.body, "title": entry.title or "", "mood": entry.mood,
            "tags": ", ".join(entry.tags), "people": ", ".join(entry.people),
            "episode": entry.episode_id}


def _draft_values(draft: Any) -> dict[str, Any]:
    fields = dict(draft.fields)
    mood = fields.get("mood")
    fields["mood"] = int(mood) if mood not in (None, "") and str(mood).lstrip("-").isdigit() \
        else None
    return fields


def _form_values(form: Any) -> dict[str, Any]:
    """What was typed, to show the form again after a refusal."""
    values: dict[str, Any] = {k: field(form, k)
                              for k in ("body", "title", "tags", "people", "episode")}
    values["mood"] = field(form, "mood") or None
    return values


def _parse(form: Any) -> EntryForm:
    parsed = EntryForm.parse(form)
    if not parsed.body.strip():
        raise InvalidInput(msg("web.write.empty"))
    return parsed


@router.get("/write")
def write_page(request: Request, unlocked: Unlocked) -> Response:
    draft = DraftBox(unlocked).get(NEW_ENTRY)
    values = _draft_values(draft) if draft else {}
    note = msg("web.draft.restored") if draft and draft.fields.get("body") else None
    return render(request, "write.html", v=values, autosave_url="/drafts/new",
                  draft_note=note, **_choices(request, unlocked))


@router.post("/drafts/new")
async def save_new_draft(request: Request, unlocked: Unlocked) -> Response:
    form = await request.form()
    DraftBox(unlocked).save(NEW_ENTRY, form)
    return HTMLResponse(msg("web.draft.saved"))


@router.post("/drafts/entry/{entry_id}")
async def save_entry_draft(request: Request, entry_id: Id, unlocked: Unlocked) -> Response:
    unlocked.journal.get(entry_id)
    form = await request.form()
    DraftBox(unlocked).save(entry_slot(entry_id), form)
    return HTMLResponse(msg("web.draft.saved"))


@router.post("/entries")
async def create_entry(request: Request, unlocked: Unlocked) -> Response:
    form = await request.form()
    try:
        parsed = _parse(form)
        entry = unlocked.journal.write(parsed.body, title=parsed.title, mood=parsed.mood,
                                       tags=parsed.tags, people=parsed.people,
                                       episode=parsed.episode)
    except AfterwordError as exc:
        values = _form_values(form)
        return render(request, "write.html", exc.http_status, v=values,
                      autosave_url="/drafts/new", error=user_message(exc),
                      **_choices(request, unlocked))
    DraftBox(unlocked).discard(NEW_ENTRY)
    return _after_save(request, unlocked, entry.id)


def _after_save(request: Request, unlocked: Any, entry_id: int) -> Response:
    """Show the saved entry; when it suggests risk, the reflection area's crisis check is
    opened (over the safety plan) and the entry page offers it with resources at once."""
    from afterword.web.routes.pages_reflect import reflect_service

    outcome = reflect_service(request, unlocked).check_entry(entry_id)
    suffix = f"?check={outcome.run.id}" if outcome is not None else ""
    return see(f"/entries/{entry_id}{suffix}")


@router.get("/entries/{entry_id}")
def entry_page(request: Request, entry_id: Id, unlocked: Unlocked) -> Response:
    from afterword.services.care import CareRules
    from afterword.web.routes.pages_reflect import reflect_service, resources_for

    entry = unlocked.journal.get(entry_id)
    rules = CareRules(unlocked, reflect_service(request, unlocked))
    view = analysis_view.for_entry(unlocked, entry, rules)
    check = request.query_params.get("check", "")
    check_run = int(check) if check.isdigit() and len(check) < 16 else None
    crisis = view.crisis or check_run is not None
    resources = resources_for(request, unlocked, ("emergency", "crisis")) if crisis else []
    return render(request, "entry.html", e=entry, view=view, crisis=crisis,
                  check_run=check_run, resources=resources)


@router.get("/entries/{entry_id}/edit")
def edit_page(request: Request, entry_id: Id, unlocked: Unlocked) -> Response:
    entry = unlocked.journal.get(entry_id)
    draft = DraftBox(unlocked).get(entry_slot(entry_id))
    values = _draft_values(draft) if draft else _entry_values(entry)
    note = msg("web.draft.restored") if draft else None
    return render(request, "edit.html", e=entry, entry=entry, v=values,
                  autosave_url=f"/drafts/entry/{entry_id}", draft_note=note,
                  **_choices(request, unlocked))


@router.post("/entries/{entry_id}/edit")
async def update_entry(request: Request, entry_id: Id, unlocked: Unlocked) -> Response:
    entry = unlocked.journal.get(entry_id)
    form = await request.form()
    try:
        parsed = _parse(form)
        entry = unlocked.journal.update(entry_id, body=parsed.body, title=parsed.title,
                                        mood=parsed.mood, tags=parsed.tags,
                                        people=parsed.people, episode=parsed.episode)
    except AfterwordError as exc:
        values = _form_values(form)
        return render(request, "edit.html", exc.http_status, e=entry, entry=entry, v=values,
                      autosave_url=f"/drafts/entry/{entry_id}", error=user_message(exc),
                      **_choices(request, unlocked))
    DraftBox(unlocked).discard(entry_slot(entry_id))
    return _after_save(request, unlocked, entry.id)


@router.post("/entries/{entry_id}/delete")
async def delete_entry(request: Request, entry_id: Id, unlocked: Unlocked) -> Response:
    form = await request.form()
    if field(form, "confirm") != "yes":
        raise InvalidInput(msg("web.edit.delete_unconfirmed"))
    unlocked.journal.delete(entry_id)
    DraftBox(unlocked).discard(entry_slot(entry_id))
    return see("/timeline")


@router.post("/entries/{entry_id}/feedback")
async def feedback(request: Request, entry_id: Id, unlocked: Unlocked) -> Response:
    from afterword.services.care import CareRules
    from afterword.web.routes.pages_reflect import reflect_service

    form = await request.form()
    detector = field(form, "detector")
    label = field(form, "label")
    verdict = field(form, "verdict", "doesnt_fit")
    rules = CareRules(unlocked, reflect_service(request, unlocked))
    try:
        analysis_view.record_feedback(rules, entry_id, detector, label, verdict)
    except TrapsWithheld as exc:
        # A page opened before the traps were withheld: say so quietly where the button was.
        if request.headers.get("hx-request"):
            return render(request, "_feedback_withheld.html", message=exc.user_message())
        raise
    if request.headers.get("hx-request"):
        return render(request, "_feedback_done.html", verdict=verdict)
    return see(f"/entries/{entry_id}#analysis")


@router.get("/timeline")
def timeline(request: Request, unlocked: Unlocked) -> Response:
    f = FilterForm.from_query(request.query_params)
    filters = f.to_filter()
    journal = unlocked.journal
    entries = journal.list(filters, limit=PAGE_SIZE + 1, offset=f.offset)
    total = journal.count(filters)
    return render(request, "timeline.html", f=f, entries=entries[:PAGE_SIZE],
                  has_more=len(entries) > PAGE_SIZE, total=total, **_choices(request, unlocked))


@router.get("/search")
def search(request: Request, unlocked: Unlocked) -> Response:
    f = FilterForm.from_query(request.query_params)
    hits: list[Any] = []
    if f.q.strip():
        hits = unlocked.journal.search(f.q, f.to_filter(), limit=PAGE_SIZE + 1, offset=f.offset)
    return render(request, "search.html", f=f, hits=hits[:PAGE_SIZE],
                  has_more=len(hits) > PAGE_SIZE, **_choices(request, unlocked))
