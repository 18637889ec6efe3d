"""Pages: episodes and people."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import Response

from afterword.errors import AfterwordError, InvalidInput
from afterword.messages import msg
from afterword.web.deps import Unlocked
from afterword.web.errors import user_message
from afterword.web.forms import PAGE_SIZE, field, optional_text
from afterword.web.schemas import Id
from afterword.web.templating import render, see

router = APIRouter(include_in_schema=False)


def _day(raw: object) -> date | None:
    text = str(raw or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(msg("web.episodes.bad_date")) from None


def _page(request: Request, unlocked: object, status: int = 200, **extra: object) -> Response:
    journal = unlocked.journal  # type: ignore[attr-defined]
    return render(request, "episodes.html", status, episodes=journal.episodes(),
                  people=journal.people(), **extra)


@router.get("/episodes")
def episodes_page(request: Request, unlocked: Unlocked) -> Response:
    return _page(request, unlocked)


@router.post("/episodes")
async def add_episode(request: Request, unlocked: Unlocked) -> Response:
    form = await request.form()
    try:
        episode = unlocked.journal.add_episode(
            field(form, "title"), person=optional_text(field(form, "person")),
            started_on=_day(field(form, "started_on")), ended_on=_day(field(form, "ended_on")),
            note=optional_text(field(form, "note")))
    except AfterwordError as exc:
        return _page(request, unlocked, exc.http_status, episode_error=user_message(exc),
                     form=form)
    return see(f"/episodes/{episode.id}")


@router.post("/people")
async def add_person(request: Request, unlocked: Unlocked) -> Response:
    form = await request.form()
    try:
        unlocked.journal.add_person(field(form, "alias"),
                                    note=optional_text(field(form, "note")))
    except AfterwordError as exc:
        return _page(request, unlocked, exc.http_status, person_error=user_message(exc))
    return see("/episodes#people")


@router.get("/episodes/{episode_id}")
def episode_page(request: Request, episode_id: Id, unlocked: Unlocked) -> Response:
    from afterword.domain.entries import EntryFilter

    journal = unlocked.journal
    episode = journal.episode(episode_id)
    entries = journal.list(EntryFilter(episode_id=episode_id), limit=PAGE_SIZE, offset=0)
    return render(request, "episode.html", episode=episode, entries=entries)
