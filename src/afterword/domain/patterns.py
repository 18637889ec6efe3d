"""Repeated dynamics across episodes and people.

A pattern is something that shows up in at least ``MIN_UNITS`` different episodes (or, for
writing that belongs to no episode, different people or entries). Every pattern carries the
sentences that support it, so the person can see exactly why it was suggested and disagree.

Inputs are plain facts gathered by the services from entries, stored analysis results and
guided reflections; the rules are transparent phrase cues plus those facts. Pattern names and
explanations are user-facing and live in the catalogue (``progress.pattern.<id>.*``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

MIN_UNITS = 2

PATTERN_IDS = (
    "closeness_before_expectations",
    "same_pillar_missing",
    "hope_without_commitment",
    "disappearing_after_intimacy",
    "boundaries_crossed",
)

PILLARS = ("safety", "care", "honesty", "mutual_value", "respect_for_boundaries")


@dataclass(frozen=True)
class EntryFacts:
    entry_id: int
    day: date
    text: str
    # (label, evidence sentence) pairs from the stored analysis result, if any.
    themes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class UnitFacts:
    """One episode (or, outside episodes, one person or one entry) and what is known about it."""

    key: str
    episode_id: int | None = None
    person: str | None = None
    entries: tuple[EntryFacts, ...] = ()
    missing_pillars: frozenset[str] = frozenset()
    # Optional sentence from the reflection that explains why a pillar was missing.
    pillar_notes: Mapping[str, str] = field(default_factory=dict)
    # From the reflection or partner check: were expectations spoken before closeness?
    expectations_spoken: bool | None = None
    # Free-text answers written in the episode's reflection.
    reflection_sentences: tuple[str, ...] = ()


Source = Literal["entry", "reflection", "analysis"]


@dataclass(frozen=True)
class Evidence:
    unit: str
    episode_id: int | None
    person: str | None
    source: Source
    sentence: str | None
    entry_id: int | None = None
    day: date | None = None


@dataclass(frozen=True)
class Pattern:
    id: str
    evidence: tuple[Evidence, ...]
    detail: str | None = None

    @property
    def units(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.unit for e in self.evidence))

    @property
    def episode_ids(self) -> tuple[int, ...]:
        ids = (e.episode_id for e in self.evidence if e.episode_id is not None)
        return tuple(dict.fromkeys(ids))


# --- Sentence cues -----------------------------------------------------------------------------

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")
_NEGATION = re.compile(r"\b(not|never|no|n't|didn't|did not|doesn't|isn't|wasn't)\W+(\w+\W+){0,2}$")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_SPLIT.split(text) if s and s.strip()]


def _rx(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


_TALK = r"(talk(ed)?|ask(ed)?|discuss(ed)?|say|said|spoke|speak|mention(ed)?)"
_WHAT_THIS_IS = (
    r"(what (this|we|it) (was|were|is|are|meant)|where (this|it|we) (was|were|is|are) going"
    r"|(our |my |any )?expectations|exclusivity|being exclusive|what (I|we) wanted)"
)

UNSPOKEN_EXPECTATIONS = _rx(
    rf"\b(never|didn't|did not|hadn't|had not|without( ever)?|before we( ever)?|before I( ever)?)"
    rf"\s+(really\s+|even\s+)?{_TALK}\w*\s+(about\s+)?{_WHAT_THIS_IS}",
    r"\bnever defined (what|where) (this|we|it)",
    r"\b(didn't|did not|don't|do not) know what we (were|are)\b",
    r"\bassumed (we|he|she|they) (were|was|wanted) (on the same page|exclusive|serious|together"
    r"|the same)",
)

HOPE = _rx(
    r"\bI (kept |still |really )?hop(ed|ing|e) (that )?(he|she|they|this|it|we)\b",
    r"\bmaybe (this time|he|she|they) (would|will|might|could)\b",
    r"\b(waiting|waited|wait) for (him|her|them) to (choose|commit|decide|change|come back)",
    r"\bI thought (it|this) (meant|would turn into|would become) (something|more)",
)

NO_COMMITMENT = _rx(
    r"\b(he|she|they) (never|didn't|did not|wouldn't|would not|won't|doesn't|does not) "
    r"(want to |wanted to )?(commit|call (it|me|this)|want(s|ed)? (anything|something) "
    r"(serious|real|more)|want(s|ed)? a relationship|make (any )?plans)",
    r"\bnot looking for anything (serious|real)\b",
    r"\b(just|only) (wanted|want) (something casual|to keep it casual|fun|sex)\b",
    r"\bno (promises|commitment|plans)\b",
)

_THEY = r"\b(he|she|they)\s+(just\s+|then\s+|simply\s+|completely\s+)?"

# Their disappearing, not the writer's: each cue needs "he/she/they" or "me" in it.
DISAPPEARING = _rx(
    r"\b(ghosted|ghosting) me\b",
    r"\b(got|been|was|were|being) ghosted\b",
    _THEY + r"(stopped|stop|has stopped|had stopped) (replying|responding|texting|answering"
    r"|calling|writing|talking to me)\b",
    _THEY + r"(went|has gone|had gone|goes|go|going|gone) (silent|quiet|cold|dark|radio silent)",
    _THEY + r"(disappeared|vanished|dropped off the face)",
    r"\bleft me on read\b",
    r"\bhaven't heard (from|back from) (him|her|them)\b",
    _THEY + r"never (texted|called|wrote|messaged) (me )?(back|again)\b",
)

BOUNDARY_CROSSED = _rx(
    r"\bcrossed (a|my|the) (line|boundary|boundaries)\b",
    r"\b(ignored|didn't respect|did not respect|pushed past|disregarded) my "
    r"(no|boundary|boundaries|limits?)\b",
    r"\beven (though|after) I (said|told (him|her|them)) (no|to stop|I didn't want)",
    r"\bkept (pushing|pressuring|pressing) (me|after)\b",
    r"\bI said no and (he|she|they)\b",
)

# Cues that name a thing that did NOT happen when negated ("he didn't disappear").
_NEGATABLE = {id(p) for p in (*HOPE, *DISAPPEARING)}


def _matches(sentence: str, cues: Sequence[re.Pattern[str]]) -> bool:
    for cue in cues:
        for m in cue.finditer(sentence):
            if id(cue) in _NEGATABLE and _NEGATION.search(sentence[: m.start()]):
                continue
            return True
    return False


def _entry_evidence(
    unit: UnitFacts,
    cues: Sequence[re.Pattern[str]],
    themes: Iterable[str] = (),
) -> list[Evidence]:
    wanted = set(themes)
    found: list[Evidence] = []
    for entry in unit.entries:
        seen: set[str] = set()
        for sentence in sentences(entry.text):
            if _matches(sentence, cues):
                seen.add(sentence)
                found.append(_ev(unit, "entry", sentence, entry))
        for label, evidence in entry.themes:
            if label in wanted and evidence and evidence.strip() not in seen:
                seen.add(evidence.strip())
                found.append(_ev(unit, "analysis", evidence.strip(), entry))
    for sentence in unit.reflection_sentences:
        for part in sentences(sentence):
            if _matches(part, cues):
                found.append(_ev(unit, "reflection", part))
    return found


def _ev(
    unit: UnitFacts, source: Source, sentence: str | None, entry: EntryFacts | None = None
) -> Evidence:
    return Evidence(
        unit=unit.key,
        episode_id=unit.episode_id,
        person=unit.person,
        source=source,
        sentence=sentence,
        entry_id=entry.entry_id if entry else None,
        day=entry.day if entry else None,
    )


# --- Rules -------------------------------------------------------------------------------------


def _closeness_before_expectations(units: Sequence[UnitFacts]) -> list[Pattern]:
    evidence: list[Evidence] = []
    for unit in units:
        found = _entry_evidence(unit, UNSPOKEN_EXPECTATIONS)
        if unit.expectations_spoken is False:
            found.append(_ev(unit, "reflection", None))
        if unit.expectations_spoken is True:
            # The person said in their reflection that expectations were spoken; trust that.
            found = []
        evidence.extend(found)
    return _if_repeated("closeness_before_expectations", evidence)


def _same_pillar_missing(units: Sequence[UnitFacts]) -> list[Pattern]:
    out: list[Pattern] = []
    for pillar in PILLARS:
        evidence = [
            _ev(unit, "reflection", unit.pillar_notes.get(pillar))
            for unit in units
            if pillar in unit.missing_pillars
        ]
        out.extend(_if_repeated("same_pillar_missing", evidence, detail=pillar))
    return out


def _hope_without_commitment(units: Sequence[UnitFacts]) -> list[Pattern]:
    evidence: list[Evidence] = []
    for unit in units:
        hope = _entry_evidence(unit, HOPE, themes=("hope",))
        no_commitment = _entry_evidence(unit, NO_COMMITMENT, themes=("expectation_mismatch",))
        if hope and no_commitment:
            evidence.extend(hope + no_commitment)
    return _if_repeated("hope_without_commitment", evidence)


def _disappearing_after_intimacy(units: Sequence[UnitFacts]) -> list[Pattern]:
    evidence: list[Evidence] = []
    for unit in units:
        evidence.extend(_entry_evidence(unit, DISAPPEARING))
    return _if_repeated("disappearing_after_intimacy", evidence)


def _boundaries_crossed(units: Sequence[UnitFacts]) -> list[Pattern]:
    evidence: list[Evidence] = []
    for unit in units:
        evidence.extend(_entry_evidence(unit, BOUNDARY_CROSSED, themes=("boundary_crossed",)))
    return _if_repeated("boundaries_crossed", evidence)


def _if_repeated(
    pattern_id: str, evidence: Sequence[Evidence], detail: str | None = None
) -> list[Pattern]:
    if len({e.unit for e in evidence}) < MIN_UNITS:
        return []
    unique = {(e.unit, e.entry_id, e.source if e.sentence is None else "", e.sentence): e
              for e in evidence}
    return [Pattern(id=pattern_id, evidence=tuple(unique.values()), detail=detail)]


_RULES = (
    _closeness_before_expectations,
    _same_pillar_missing,
    _hope_without_commitment,
    _disappearing_after_intimacy,
    _boundaries_crossed,
)


def find_patterns(units: Sequence[UnitFacts]) -> list[Pattern]:
    """Every repeated dynamic, in a fixed order, each with its supporting evidence."""
    keys = [u.key for u in units]
    if len(keys) != len(set(keys)):
        raise ValueError("unit keys must be unique")
    found: list[Pattern] = []
    for rule in _RULES:
        found.extend(rule(units))
    return found
