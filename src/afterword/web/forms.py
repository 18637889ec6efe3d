"""Read what people type into forms and query strings into the services' arguments.

Bad values become :class:`~afterword.errors.InvalidInput` worded for people; nothing here
echoes the value back when it could be entry text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from afterword.errors import InvalidInput
from afterword.messages import msg

PAGE_SIZE = 20


def field(form: Any, name: str, default: str = "") -> str:
    """A text field of a submitted form; a file sent under that name counts as missing."""
    value = form.get(name)
    return value if isinstance(value, str) else default


def split_list(raw: str | None) -> list[str]:
    """``"a, b,,c"`` -> ``["a", "b", "c"]``."""
    if not raw:
        return []
    return [part.strip() for part in raw.replace("\n", ",").split(",") if part.strip()]


def optional_int(raw: str | None, field: str) -> int | None:
    if raw is None or raw.strip() == "":
        return None
    try:
        value = int(raw.strip())
    except ValueError:
        value = None
    if value is None or abs(value) > 2**53:
        raise InvalidInput(msg("web.form.not_a_number", field=msg(f"web.field.{field}")))
    return value


def optional_text(raw: str | None) -> str | None:
    if raw is None or not raw.strip():
        return None
    return raw.strip()


def local_tz() -> Any:
    return datetime.now().astimezone().tzinfo


@dataclass(frozen=True)
class FilterForm:
    """The timeline's and search's filters, as typed (so the form can show them again)."""

    since: str = ""
    until: str = ""
    tag: str = ""
    person: str = ""
    episode: str = ""
    mood: str = ""
    q: str = ""
    page: int = 1

    @classmethod
    def from_query(cls, params: Any) -> FilterForm:
        page = optional_int(params.get("page"), "page") or 1
        return cls(
            since=params.get("since", "") or "",
            until=params.get("until", "") or "",
            tag=params.get("tag", "") or "",
            person=params.get("person", "") or "",
            episode=params.get("episode", "") or "",
            mood=params.get("mood", "") or "",
            q=params.get("q", "") or "",
            page=max(1, min(page, 100_000)),
        )

    def to_filter(self) -> Any:
        from afterword.domain import entries as dom
        from afterword.services.journal import domain_rules

        tz = local_tz()
        mood = optional_int(self.mood, "mood")
        with domain_rules():
            return dom.EntryFilter(
                since=dom.parse_when(self.since, tz) if self.since else None,
                until=dom.parse_when(self.until, tz, end=True) if self.until else None,
                tag=self.tag or None,
                person=self.person or None,
                episode_id=optional_int(self.episode, "episode"),
                mood_min=mood,
                mood_max=mood,
            )

    @property
    def offset(self) -> int:
        return (self.page - 1) * PAGE_SIZE

    def query(self, **changes: Any) -> str:
        """This form's query string with ``changes`` applied (for paging links)."""
        from urllib.parse import urlencode

        values = {k: getattr(self, k) for k in
                  ("q", "since", "until", "tag", "person", "episode", "mood", "page")}
        values.update(changes)
        return urlencode({k: v for k, v in values.items() if v not in ("", None, 1)})


@dataclass(frozen=True)
class EntryForm:
    body: str
    title: str | None
    mood: int | None
    tags: list[str]
    people: list[str]
    episode: int | None

    @classmethod
    def parse(cls, form: Any) -> EntryForm:
        return cls(
            body=field(form, "body"),
            title=optional_text(field(form, "title")),
            mood=optional_int(field(form, "mood"), "mood"),
            tags=split_list(field(form, "tags")),
            people=split_list(field(form, "people")),
            episode=optional_int(field(form, "episode"), "episode"),
        )

    def draft_fields(self) -> dict[str, Any]:
        return {"body": self.body, "title": self.title or "", "mood": self.mood,
                "tags": ", ".join(self.tags), "people": ", ".join(self.people),
                "episode": self.episode}
