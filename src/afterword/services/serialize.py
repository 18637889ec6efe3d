"""Plain-dict views of domain objects, shared by --json output, exports and the web API."""

from __future__ import annotations

from typing import Any

from afterword.domain.entries import Entry, SearchHit, TagCount
from afterword.domain.episodes import Episode
from afterword.domain.people import Person


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "uid": entry.uid,
        "title": entry.title,
        "body": entry.body,
        "created_at": entry.created_at.isoformat(),
        "updated_at": entry.updated_at.isoformat(),
        "mood": entry.mood,
        "tags": list(entry.tags),
        "people": list(entry.people),
        "episode": entry.episode_id,
    }


def hit_to_dict(hit: SearchHit) -> dict[str, Any]:
    return {
        "entry": entry_to_dict(hit.entry),
        "rank": hit.rank,
        "snippet": hit.snippet,
        "highlights": [[h.start, h.end] for h in hit.highlights],
    }


def person_to_dict(person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "alias": person.alias,
        "note": person.note,
        "created_at": person.created_at.isoformat(),
        "entries": person.entry_count,
    }


def episode_to_dict(episode: Episode) -> dict[str, Any]:
    return {
        "id": episode.id,
        "title": episode.title,
        "person": episode.person,
        "started_on": episode.started_on.isoformat() if episode.started_on else None,
        "ended_on": episode.ended_on.isoformat() if episode.ended_on else None,
        "note": episode.note,
        "created_at": episode.created_at.isoformat(),
        "entries": episode.entry_count,
    }


def tag_to_dict(tag: TagCount) -> dict[str, Any]:
    return {"name": tag.name, "entries": tag.count}
