"""Journal entries: the data, its rules, and the filters and queries used to find them.

Pure: no storage, no I/O, no imports from the rest of the package. Rule violations raise
:class:`DomainError`, which carries a catalogue key so the services can word it for people.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

MOOD_MIN = -2
MOOD_MAX = 2
MAX_TAG_LENGTH = 64
MAX_TITLE_LENGTH = 500

_TAG_RE = re.compile(r"^[\w][\w\-./]*$")


class DomainError(ValueError):
    """A value that breaks a rule. ``key`` names the message in the catalogue."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(key)


@dataclass(frozen=True)
class Entry:
    """One journal entry as stored. ``id`` is a small integer, stable for the vault's life;
    ``uid`` is a random or source-derived text id that survives export and import."""

    id: int
    uid: str
    body: str
    created_at: datetime
    updated_at: datetime
    title: str | None = None
    mood: int | None = None
    tags: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    episode_id: int | None = None


@dataclass(frozen=True)
class NewEntry:
    """What a caller supplies to write an entry; validated by :func:`new_entry`."""

    body: str
    uid: str
    created_at: datetime
    updated_at: datetime
    title: str | None = None
    mood: int | None = None
    tags: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    episode_id: int | None = None


@dataclass(frozen=True)
class EntryFilter:
    """Which entries to list or search. All fields are optional and combine with AND.

    ``since`` is inclusive, ``until`` is exclusive; both are timezone-aware instants.
    """

    since: datetime | None = None
    until: datetime | None = None
    tag: str | None = None
    person: str | None = None
    episode_id: int | None = None
    mood_min: int | None = None
    mood_max: int | None = None

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                require_aware(value, name)
        for name in ("mood_min", "mood_max"):
            value = getattr(self, name)
            if value is not None:
                validate_mood(value)
        if self.tag is not None:
            object.__setattr__(self, "tag", normalize_tag(self.tag))
        if self.person is not None:
            object.__setattr__(self, "person", normalize_alias(self.person))


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int


@dataclass(frozen=True)
class SearchHit:
    """An entry that matched, its rank (lower is better) and a snippet with highlight spans
    (character offsets into ``snippet``)."""

    entry: Entry
    rank: float
    snippet: str
    highlights: tuple[Highlight, ...] = ()

    def marked_snippet(self, open_mark: str = "[", close_mark: str = "]") -> str:
        out: list[str] = []
        pos = 0
        for h in self.highlights:
            out.append(self.snippet[pos:h.start])
            out.append(open_mark + self.snippet[h.start:h.end] + close_mark)
            pos = h.end
        out.append(self.snippet[pos:])
        return "".join(out)


@dataclass(frozen=True)
class QueryTerm:
    text: str
    phrase: bool = False
    prefix: bool = False


@dataclass(frozen=True)
class SearchQuery:
    """A parsed search: every term must match. Phrases are quoted, prefixes end in ``*``."""

    terms: tuple[QueryTerm, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class TagCount:
    name: str
    count: int


# --- rules -------------------------------------------------------------------------------------


def require_aware(value: datetime, field_name: str = "time") -> datetime:
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise DomainError("journal.naive_time", field=field_name)
    return value


def validate_mood(mood: int | None) -> int | None:
    if mood is None:
        return None
    if isinstance(mood, bool) or not isinstance(mood, int) or not MOOD_MIN <= mood <= MOOD_MAX:
        raise DomainError("journal.bad_mood", value=mood, low=MOOD_MIN, high=MOOD_MAX)
    return mood


def normalize_tag(raw: str) -> str:
    """Tags are case-insensitive words; a leading ``#`` or jrnl's ``@`` is dropped."""
    tag = unicodedata.normalize("NFC", raw).strip().lstrip("#@").casefold()
    if not tag or len(tag) > MAX_TAG_LENGTH or not _TAG_RE.match(tag):
        raise DomainError("journal.bad_tag", value=raw[:MAX_TAG_LENGTH])
    return tag


def normalize_tags(raw: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in raw:
        seen.setdefault(normalize_tag(item), None)
    return tuple(seen)


def normalize_title(title: str | None) -> str | None:
    if title is None:
        return None
    if len(title) > MAX_TITLE_LENGTH:
        raise DomainError("journal.title_too_long", limit=MAX_TITLE_LENGTH)
    return title if title.strip() else None


def normalize_alias(raw: str) -> str:
    """A person's alias as the user typed it, trimmed; compared case-insensitively."""
    alias = unicodedata.normalize("NFC", raw).strip()
    if not alias or len(alias) > MAX_TAG_LENGTH or any(ch in alias for ch in "\n\r\t"):
        raise DomainError("journal.bad_alias", value=raw[:MAX_TAG_LENGTH])
    return alias


def normalize_aliases(raw: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in raw:
        alias = normalize_alias(item)
        seen.setdefault(alias.casefold(), alias)
    return tuple(seen.values())


def new_entry(
    *,
    body: str,
    uid: str,
    created_at: datetime,
    updated_at: datetime | None = None,
    title: str | None = None,
    mood: int | None = None,
    tags: tuple[str, ...] | list[str] = (),
    people: tuple[str, ...] | list[str] = (),
    episode_id: int | None = None,
) -> NewEntry:
    if not isinstance(body, str):
        raise DomainError("journal.bad_body")
    require_aware(created_at, "created_at")
    if updated_at is not None:
        require_aware(updated_at, "updated_at")
    return NewEntry(
        body=body,
        uid=uid,
        created_at=created_at,
        updated_at=updated_at or created_at,
        title=normalize_title(title),
        mood=validate_mood(mood),
        tags=normalize_tags(tags),
        people=normalize_aliases(people),
        episode_id=episode_id,
    )


# --- dates given by people ----------------------------------------------------------------------


def parse_when(text: str, tz: tzinfo, *, end: bool = False) -> datetime:
    """A date (``2024-05-01``) or date-time (ISO 8601) typed by a person, as an aware instant.

    A bare date means the start of that day in ``tz``; with ``end=True`` the start of the next
    day, so that ``--until 2024-05-01`` includes the whole of that day.
    """
    value = text.strip()
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            start = datetime.combine(day, time(0, 0), tzinfo=tz)
            return start + timedelta(days=1) if end else start
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise DomainError("journal.bad_date", value=text[:40]) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=tz)


def to_utc(moment: datetime) -> datetime:
    return require_aware(moment).astimezone(UTC)


# --- search queries -----------------------------------------------------------------------------

_QUERY_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD_CHARS = re.compile(r"[\w']+")


def parse_query(text: str) -> SearchQuery:
    """Words, ``"quoted phrases"`` and ``prefix*`` terms; every term must match.

    Punctuation inside bare words is treated as a separator, so no input is ever a syntax
    error for the search engine.
    """
    terms: list[QueryTerm] = []
    for match in _QUERY_TOKEN.finditer(text):
        phrase_text, word = match.group(1), match.group(2)
        if phrase_text is not None:
            words = _WORD_CHARS.findall(phrase_text)
            if words:
                terms.append(QueryTerm(" ".join(words), phrase=len(words) > 1))
            continue
        prefix = word.endswith("*")
        pieces = _WORD_CHARS.findall(word)
        for index, piece in enumerate(pieces):
            last = index == len(pieces) - 1
            terms.append(QueryTerm(piece, prefix=prefix and last))
    if not terms:
        raise DomainError("journal.empty_query")
    return SearchQuery(tuple(terms))


# --- analysis kept with an entry ----------------------------------------------------------------

VERDICTS = ("doesnt_fit", "confirmed")
MAX_DETECTOR_LENGTH = 64


@dataclass(frozen=True)
class Feedback:
    """A person's verdict on one detection: "doesnt_fit" (it does not fit) or "confirmed"."""

    id: int
    entry_id: int
    detector: str
    label: str
    verdict: str
    created_at: datetime


@dataclass(frozen=True)
class EntryAnalysis:
    """The stored analysis of an entry (the contract object of DESIGN §5) and its feedback."""

    entry_id: int
    result: dict[str, object]
    model_name: str | None
    model_version: str | None
    analyzed_at: datetime
    feedback: tuple[Feedback, ...] = ()


def validate_feedback(detector: str, label: str, verdict: str) -> tuple[str, str, str]:
    detector, label = detector.strip(), label.strip()
    if not detector or not label or len(detector) > MAX_DETECTOR_LENGTH or len(
            label) > MAX_DETECTOR_LENGTH:
        raise DomainError("journal.bad_feedback_label", limit=MAX_DETECTOR_LENGTH)
    if verdict not in VERDICTS:
        raise DomainError("journal.bad_verdict", verdicts=", ".join(VERDICTS))
    return detector, label, verdict
