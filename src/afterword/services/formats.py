"""Reading import files: Afterword JSON, jrnl's JSON export and Day One's JSON export.

Everything is validated before anything is written; the first problem is reported with the
line (for encoding and JSON syntax) or the field (for content), e.g. ``entries[3].date``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from typing import Any

from afterword.domain import entries as dom
from afterword.domain.entries import NewEntry
from afterword.errors import InvalidInput
from afterword.messages import msg

AFTERWORD_FORMAT = "afterword-export"
AFTERWORD_VERSION = 1


@dataclass(frozen=True)
class ImportedPerson:
    alias: str
    note: str | None = None


@dataclass(frozen=True)
class ImportedEpisode:
    key: int
    title: str
    person: str | None = None
    started_on: date | None = None
    ended_on: date | None = None
    note: str | None = None


@dataclass
class ImportBatch:
    format: str
    entries: list[NewEntry] = field(default_factory=list)
    entry_episode_keys: list[int | None] = field(default_factory=list)
    people: list[ImportedPerson] = field(default_factory=list)
    episodes: list[ImportedEpisode] = field(default_factory=list)


def _fail(where: str, problem: str) -> InvalidInput:
    return InvalidInput(msg("journal.import_bad_field", field=where, problem=problem))


def decode(raw: bytes) -> Any:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return_error = InvalidInput(msg("journal.import_bad_utf8", line=line))
        raise return_error from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            msg("journal.import_bad_json", line=exc.lineno, column=exc.colno, problem=exc.msg)
        ) from None
    except RecursionError:
        raise InvalidInput(msg("journal.import_bad_json", line=1, column=1,
                               problem="nested too deeply")) from None


def detect(data: Any) -> str:
    if isinstance(data, dict):
        if data.get("format") == AFTERWORD_FORMAT:
            return "afterword"
        entries = data.get("entries")
        if isinstance(entries, list):
            if "metadata" in data or any(
                isinstance(e, dict) and "creationDate" in e for e in entries[:5]
            ):
                return "dayone"
            if "tags" in data or any(isinstance(e, dict) and "date" in e for e in entries[:5]):
                return "jrnl"
    raise InvalidInput(msg("journal.import_unknown_format"))


def parse(data: Any, fmt: str, local_tz: tzinfo) -> ImportBatch:
    if fmt == "auto":
        fmt = detect(data)
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise _fail("entries", "expected a list of entries")
    parser = {"afterword": _afterword, "jrnl": _jrnl, "dayone": _dayone}.get(fmt)
    if parser is None:
        raise InvalidInput(msg("journal.import_unknown_format"))
    return parser(data, local_tz)


# --- field readers ------------------------------------------------------------------------------


def _get(obj: dict[str, Any], key: str, where: str, kind: type | tuple[type, ...],
         *, required: bool = True, default: Any = None) -> Any:
    if key not in obj or obj[key] is None:
        if required:
            raise _fail(f"{where}.{key}", "missing")
        return default
    value = obj[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _fail(f"{where}.{key}", f"expected {_kind_name(kind)}")
    return value


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "text", int: "a whole number", list: "a list", dict: "an object",
             bool: "true or false"}
    if isinstance(kind, tuple):
        return " or ".join(names.get(k, k.__name__) for k in kind)
    return names.get(kind, kind.__name__)


def _instant(value: str, where: str, *, tz: tzinfo | None = None) -> datetime:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise _fail(where, f"not a date and time: {value[:40]!r}") from None
    if moment.tzinfo is None:
        if tz is None:
            raise _fail(where, "needs a time zone")
        moment = moment.replace(tzinfo=tz)
    return moment


def _day(value: Any, where: str) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _fail(where, "expected a date like 2024-05-01")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(where, f"not a date: {value[:40]!r}") from None


def _strings(obj: dict[str, Any], key: str, where: str) -> list[str]:
    values = _get(obj, key, where, list, required=False, default=[])
    for index, item in enumerate(values):
        if not isinstance(item, str):
            raise _fail(f"{where}.{key}[{index}]", "expected text")
    return list(values)


def _objects(items: list[Any], name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each object of a list, with where it stands (``entries[3]``) for error messages."""
    for index, item in enumerate(items):
        where = f"{name}[{index}]"
        if not isinstance(item, dict):
            raise _fail(where, "expected an object")
        yield where, item


def _entry(where: str, **fields: Any) -> NewEntry:
    try:
        return dom.new_entry(**fields)
    except dom.DomainError as exc:
        raise _fail(where, msg(exc.key, **exc.values)) from None


def _content_uid(prefix: str, *parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return f"{prefix}-{digest[:32]}"


# --- formats ------------------------------------------------------------------------------------


def _afterword(data: dict[str, Any], local_tz: tzinfo) -> ImportBatch:
    version = data.get("version")
    if version != AFTERWORD_VERSION:
        raise _fail("version", f"this Afterword reads version {AFTERWORD_VERSION}")
    batch = ImportBatch("afterword")
    people = _get(data, "people", "", list, required=False, default=[])
    for where, person in _objects(people, "people"):
        alias = _get(person, "alias", where, str)
        try:
            alias = dom.normalize_alias(alias)
        except dom.DomainError as exc:
            raise _fail(f"{where}.alias", msg(exc.key, **exc.values)) from None
        batch.people.append(ImportedPerson(alias, _get(person, "note", where, str, required=False)))
    keys: set[int] = set()
    episodes = _get(data, "episodes", "", list, required=False, default=[])
    for where, episode in _objects(episodes, "episodes"):
        key = _get(episode, "id", where, int)
        title = _get(episode, "title", where, str)
        started = _day(episode.get("started_on"), f"{where}.started_on")
        ended = _day(episode.get("ended_on"), f"{where}.ended_on")
        if not title.strip() or (started and ended and ended < started):
            raise _fail(where, "needs a title, and cannot end before it starts")
        keys.add(key)
        batch.episodes.append(ImportedEpisode(
            key, title.strip(), _get(episode, "person", where, str, required=False),
            started, ended, _get(episode, "note", where, str, required=False)))
    for where, item in _objects(data["entries"], "entries"):
        body = _get(item, "body", where, str)
        created = _instant(_get(item, "created_at", where, str), f"{where}.created_at")
        updated_raw = _get(item, "updated_at", where, str, required=False)
        updated = _instant(updated_raw, f"{where}.updated_at") if updated_raw else created
        title = _get(item, "title", where, str, required=False)
        uid = _get(item, "uid", where, str, required=False) or _content_uid(
            "afw", created.isoformat(), title or "", body)
        episode_key = _get(item, "episode", where, int, required=False)
        if episode_key is not None and episode_key not in keys:
            raise _fail(f"{where}.episode", f"no episode with id {episode_key} in this file")
        batch.entries.append(_entry(
            where, body=body, uid=uid[:80], created_at=created, updated_at=updated, title=title,
            mood=_get(item, "mood", where, int, required=False),
            tags=_strings(item, "tags", where), people=_strings(item, "people", where)))
        batch.entry_episode_keys.append(episode_key)
    return batch


def _jrnl(data: dict[str, Any], local_tz: tzinfo) -> ImportBatch:
    batch = ImportBatch("jrnl")
    for where, item in _objects(data["entries"], "entries"):
        day = _day(_get(item, "date", where, str), f"{where}.date")
        assert day is not None
        clock_text = _get(item, "time", where, str, required=False, default="00:00")
        try:
            at = time.fromisoformat(clock_text)
        except ValueError:
            raise _fail(f"{where}.time", f"not a time: {clock_text[:20]!r}") from None
        created = datetime.combine(day, at, tzinfo=local_tz)
        title = _get(item, "title", where, str, required=False, default="")
        body = _get(item, "body", where, str, required=False, default="")
        tags = _strings(item, "tags", where)
        if _get(item, "starred", where, bool, required=False, default=False):
            tags.append("starred")
        uid = _content_uid("jrnl", day.isoformat(), clock_text, title, body)
        batch.entries.append(_entry(
            where, body=body, uid=uid, created_at=created, title=title or None, tags=tags))
        batch.entry_episode_keys.append(None)
    return batch


def _dayone(data: dict[str, Any], local_tz: tzinfo) -> ImportBatch:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    batch = ImportBatch("dayone")
    for where, item in _objects(data["entries"], "entries"):
        created = _instant(_get(item, "creationDate", where, str), f"{where}.creationDate",
                           tz=local_tz)
        modified_raw = _get(item, "modifiedDate", where, str, required=False)
        modified = (_instant(modified_raw, f"{where}.modifiedDate", tz=local_tz)
                    if modified_raw else created)
        zone_name = _get(item, "timeZone", where, str, required=False)
        if zone_name:
            try:
                zone = ZoneInfo(zone_name)
                created, modified = created.astimezone(zone), modified.astimezone(zone)
            except (ZoneInfoNotFoundError, ValueError):
                pass  # an unknown zone name only loses the local offset, not the instant
        body = _get(item, "text", where, str, required=False, default="")
        uuid = _get(item, "uuid", where, str, required=False)
        uid = f"dayone-{uuid}" if uuid else _content_uid("dayone", created.isoformat(), body)
        tags = _strings(item, "tags", where)
        if _get(item, "starred", where, bool, required=False, default=False):
            tags.append("starred")
        batch.entries.append(_entry(
            where, body=body, uid=uid[:80], created_at=created, updated_at=modified, tags=tags))
        batch.entry_episode_keys.append(None)
    return batch
