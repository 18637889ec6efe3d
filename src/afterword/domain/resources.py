"""Support resources as data: a small directory keyed by locale, each entry with the date it was
last verified. The directory ships in ``domain/data/resources.json``; people can add their own
(the service keeps those inside the vault). Nothing here is ever fetched: all of it is offline.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources as importlib_resources
from typing import Any

from afterword.domain.flow_errors import FlowError

LOCALES: tuple[str, ...] = ("US", "UK", "IE", "CA", "AU", "INT")
FALLBACK = "INT"
KINDS: tuple[str, ...] = ("emergency", "crisis", "sexual_violence", "domestic_abuse", "directory",
                          "own")


@dataclass(frozen=True)
class Resource:
    id: str
    locale: str
    kind: str
    name: str
    contact: str  # how to reach it, as text (numbers, text codes, web addresses never fetched)
    hours: str = ""
    about: str = ""
    last_verified: date | None = None
    own: bool = False  # added by the person

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "locale": self.locale, "kind": self.kind, "name": self.name,
            "contact": self.contact, "hours": self.hours, "about": self.about,
            "last_verified": self.last_verified.isoformat() if self.last_verified else None,
            "own": self.own,
        }


@dataclass(frozen=True)
class Directory:
    resources: tuple[Resource, ...]
    note: str = ""
    written: date | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def for_locale(self, locale: str, kinds: Iterable[str] = (),
                   own: Sequence[Resource] = ()) -> list[Resource]:
        """Resources for `locale` (their own first), then the international fallback.

        An unknown locale gets the fallback only. `kinds` narrows the list when given;
        emergency numbers are always kept.
        """
        wanted = set(kinds)
        loc = normalise_locale(locale)
        picked = [*own, *(r for r in self.resources if r.locale == loc)]
        if loc != FALLBACK:
            picked += [r for r in self.resources if r.locale == FALLBACK]
        if wanted:
            picked = [r for r in picked if r.kind in wanted or r.kind in ("emergency", "own")
                      or r.kind == "directory"]
        return picked


def normalise_locale(locale: str) -> str:
    cleaned = locale.strip().upper()
    if cleaned == "GB":
        cleaned = "UK"
    return cleaned if cleaned in LOCALES else FALLBACK


def parse_directory(data: Mapping[str, Any]) -> Directory:
    """Validate the directory file; raises ValueError naming the bad entry."""
    if data.get("format") != 1:
        raise ValueError("resources: unsupported format")
    out: list[Resource] = []
    seen: set[str] = set()
    locales = data.get("locales")
    if not isinstance(locales, dict):
        raise ValueError("resources: 'locales' must be an object")
    for locale, entries in locales.items():
        if locale not in LOCALES:
            raise ValueError(f"resources: unknown locale {locale!r}")
        for raw in entries:
            rid = raw.get("id")
            if not isinstance(rid, str) or not rid or rid in seen:
                raise ValueError(f"resources: missing or repeated id {rid!r}")
            seen.add(rid)
            kind = raw.get("kind")
            if kind not in KINDS:
                raise ValueError(f"resources: {rid}: unknown kind {kind!r}")
            for needed in ("name", "contact", "last_verified"):
                if not isinstance(raw.get(needed), str) or not raw[needed].strip():
                    raise ValueError(f"resources: {rid}: '{needed}' is required")
            out.append(Resource(
                id=rid, locale=locale, kind=kind, name=raw["name"], contact=raw["contact"],
                hours=raw.get("hours", ""), about=raw.get("about", ""),
                last_verified=date.fromisoformat(raw["last_verified"]),
            ))
    written = data.get("written")
    return Directory(tuple(out), note=str(data.get("note", "")),
                     written=date.fromisoformat(written) if isinstance(written, str) else None)


@cache
def directory() -> Directory:
    """The directory shipped with Afterword."""
    text = importlib_resources.files("afterword.domain").joinpath(
        "data/resources.json").read_text(encoding="utf-8")
    return parse_directory(json.loads(text))


def own_resource(rid: str, locale: str, name: str, contact: str, about: str = "") -> Resource:
    """A resource the person added themselves; validated here, stored by the service."""
    name, contact, about = name.strip(), contact.strip(), about.strip()
    if not name or not contact:
        raise FlowError("reflect.invalid.resource")
    if len(name) > 200 or len(contact) > 200:
        raise FlowError("reflect.invalid.too_long", limit=200)
    if len(about) > 1000:
        raise FlowError("reflect.invalid.too_long", limit=1000)
    return Resource(id=rid, locale=normalise_locale(locale), kind="own", name=name,
                    contact=contact, about=about, own=True)
