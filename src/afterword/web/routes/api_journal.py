"""API: entries (CRUD, list with filters and paging, search), tags, people, episodes, analysis."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from afterword.errors import InvalidInput, NotFound
from afterword.messages import msg
from afterword.services import serialize
from afterword.web import analysis_view
from afterword.web.deps import Unlocked
from afterword.web.forms import local_tz
from afterword.web.schemas import (
    ERRORS,
    AnalysisOut,
    EntryAnalysisOut,
    EntryIn,
    EntryOut,
    EntryPage,
    EntryPatch,
    EpisodeIn,
    EpisodeOut,
    FeedbackIn,
    HitPage,
    Id,
    PersonOut,
    TagOut,
    TextIn,
)

router = APIRouter(prefix="/api/v1", responses=ERRORS)

Limit = Annotated[int, Query(ge=1, le=100)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def _filter(since: str | None, until: str | None, tag: str | None, person: str | None,
            episode: int | None, mood_min: int | None, mood_max: int | None) -> Any:
    from afterword.domain import entries as dom
    from afterword.services.journal import domain_rules

    tz = local_tz()
    with domain_rules():
        return dom.EntryFilter(
            since=dom.parse_when(since, tz) if since else None,
            until=dom.parse_when(until, tz, end=True) if until else None,
            tag=tag or None, person=person or None, episode_id=episode,
            mood_min=mood_min, mood_max=mood_max,
        )


class Filters:
    """The filters shared by listing and search, as query parameters."""

    def __init__(
        self,
        since: Annotated[str | None, Query(max_length=40,
                                           description="YYYY-MM-DD or ISO 8601, inclusive")] = None,
        until: Annotated[str | None, Query(
            max_length=40, description="YYYY-MM-DD (whole day) or ISO 8601")] = None,
        tag: Annotated[str | None, Query(max_length=64)] = None,
        person: Annotated[str | None, Query(max_length=64)] = None,
        episode: Annotated[int | None, Query(ge=1, le=2**53)] = None,
        mood_min: Annotated[int | None, Query(ge=-2, le=2)] = None,
        mood_max: Annotated[int | None, Query(ge=-2, le=2)] = None,
    ) -> None:
        self.value = _filter(since, until, tag, person, episode, mood_min, mood_max)


EntryFilters = Annotated[Filters, Depends()]


@router.get("/entries", response_model=EntryPage, tags=["entries"])
def list_entries(unlocked: Unlocked, filters: EntryFilters, limit: Limit = 20,
                 offset: Offset = 0) -> dict[str, Any]:
    """Entries, newest first, filtered and paged."""
    journal = unlocked.journal
    items = journal.list(filters.value, limit=limit, offset=offset)
    total = journal.count(filters.value)
    return {"items": [serialize.entry_to_dict(e) for e in items], "total": total,
            "limit": limit, "offset": offset,
            "next_offset": offset + limit if offset + limit < total else None}


@router.post("/entries", response_model=EntryOut, status_code=201, tags=["entries"])
def create_entry(unlocked: Unlocked, body: EntryIn) -> dict[str, Any]:
    """Write an entry. It is analysed on save (when `analyze_on_save` is on)."""
    entry = unlocked.journal.write(body.body, title=body.title, mood=body.mood, tags=body.tags,
                                   people=body.people, episode=body.episode)
    return serialize.entry_to_dict(entry)


@router.get("/entries/{entry_id}", response_model=EntryOut, tags=["entries"])
def get_entry(unlocked: Unlocked, entry_id: Id) -> dict[str, Any]:
    return serialize.entry_to_dict(unlocked.journal.get(entry_id))


@router.patch("/entries/{entry_id}", response_model=EntryOut, tags=["entries"])
def update_entry(unlocked: Unlocked, entry_id: Id, body: EntryPatch) -> dict[str, Any]:
    """Change only the fields sent; send `null` to clear the title, mood or episode."""
    changes = {name: getattr(body, name) for name in body.model_fields_set}
    if changes.get("body", "") is None:
        raise InvalidInput(msg("web.api.body_null"))
    for name in ("tags", "people"):
        if name in changes and changes[name] is None:
            changes[name] = []
    if "episode" in changes:
        changes["episode"] = changes["episode"]
    return serialize.entry_to_dict(unlocked.journal.update(entry_id, **changes))


@router.delete("/entries/{entry_id}", status_code=204, tags=["entries"])
def delete_entry(unlocked: Unlocked, entry_id: Id) -> Response:
    unlocked.journal.delete(entry_id)
    return Response(status_code=204)


@router.get("/search", response_model=HitPage, tags=["entries"])
def search(unlocked: Unlocked, q: Annotated[str, Query(min_length=1, max_length=500)],
           filters: EntryFilters, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    """Ranked matches with snippet highlight spans `[start, end]` into `snippet`."""
    hits = unlocked.journal.search(q, filters.value, limit=limit + 1, offset=offset)
    return {"items": [serialize.hit_to_dict(h) for h in hits[:limit]], "limit": limit,
            "offset": offset, "next_offset": offset + limit if len(hits) > limit else None}


@router.get("/entries/{entry_id}/analysis", response_model=EntryAnalysisOut,
            tags=["analysis"])
def entry_analysis(request: Request, unlocked: Unlocked, entry_id: Id) -> dict[str, Any]:
    """The stored analysis of an entry (the contract object of `afterword analyze --json`).

    When something in it is known to have happened without full consent (its own non-consent
    signal, or its episode's reflection is on the survivor path), `traps` is empty, regret and
    lesson themes are left out, `notes` holds the survivor note and `traps_withheld` says why
    (`nonconsent` or `survivor_path`); otherwise `traps_withheld` is null."""
    from afterword.services.care import CareRules
    from afterword.web.routes.pages_reflect import reflect_service

    entry = unlocked.journal.get(entry_id)
    result, reason = CareRules(unlocked, reflect_service(request, unlocked)).analysis(entry)
    if result is None:
        raise NotFound(msg("web.api.not_analysed"))
    return {**result, "traps_withheld": reason}


@router.post("/analyze", response_model=AnalysisOut, tags=["analysis"])
def analyze(unlocked: Unlocked, body: TextIn) -> dict[str, Any]:
    """Analyse a text without storing anything (the same engine as `afterword analyze`)."""
    from afterword.analysis import analyze as run

    del unlocked  # only for someone who has unlocked; the text is not kept
    result: dict[str, Any] = run([body.text])[0].to_dict()
    return result


@router.post("/entries/{entry_id}/feedback", status_code=204, tags=["analysis"])
def feedback(request: Request, unlocked: Unlocked, entry_id: Id, body: FeedbackIn) -> Response:
    """Say that a detection does not fit (or does); stored with the entry.

    Refused with 409 `traps_withheld` (nothing stored) for a detection the analysis withholds
    for this entry (`traps_withheld` is not null there): its traps, and regret or lesson themes."""
    from afterword.services.care import CareRules
    from afterword.web.routes.pages_reflect import reflect_service

    rules = CareRules(unlocked, reflect_service(request, unlocked))
    analysis_view.record_feedback(rules, entry_id, body.detector, body.label, body.verdict)
    return Response(status_code=204)


@router.get("/tags", response_model=list[TagOut], tags=["entries"])
def tags(unlocked: Unlocked) -> list[dict[str, Any]]:
    return [serialize.tag_to_dict(t) for t in unlocked.journal.tags()]


@router.get("/people", response_model=list[PersonOut], tags=["episodes"])
def people(unlocked: Unlocked) -> list[dict[str, Any]]:
    return [serialize.person_to_dict(p) for p in unlocked.journal.people()]


@router.get("/episodes", response_model=list[EpisodeOut], tags=["episodes"])
def episodes(unlocked: Unlocked) -> list[dict[str, Any]]:
    return [serialize.episode_to_dict(e) for e in unlocked.journal.episodes()]


@router.post("/episodes", response_model=EpisodeOut, status_code=201, tags=["episodes"])
def add_episode(unlocked: Unlocked, body: EpisodeIn) -> dict[str, Any]:
    episode = unlocked.journal.add_episode(body.title, person=body.person,
                                           started_on=body.started_on, ended_on=body.ended_on,
                                           note=body.note)
    return serialize.episode_to_dict(episode)


@router.get("/episodes/{episode_id}", response_model=EpisodeOut, tags=["episodes"])
def get_episode(unlocked: Unlocked, episode_id: Id) -> dict[str, Any]:
    return serialize.episode_to_dict(unlocked.journal.episode(episode_id))
