"""Validated self-report measures: structure, scoring, severity bands, schedules.

Scoring is open code so anyone can check it against the published instruments. The item
wording and response labels are user-facing text and live in the message catalogue
(``messages/progress.py``, keys ``progress.scale.<id>.item.<n>`` and ``...option.<value>``);
this module holds only numbers and rules. ``docs/measures.md`` gives citations and licences.

Home-made ratings (``Rating``) are deliberately a different type from ``Scale`` so that no code
path can present one as validated.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal


class ScaleError(ValueError):
    """Answers that cannot be scored: wrong count, out of range, not whole numbers."""

    def __init__(self, reason: str, **values: object) -> None:
        self.reason = reason
        self.values = values
        super().__init__(reason)


@dataclass(frozen=True)
class Band:
    """A published severity band: ``low <= total <= high``."""

    low: float
    high: float
    key: str


@dataclass(frozen=True)
class Norms:
    """Published reliability and normative SD used by the reliable change index."""

    reliability: float
    sd: float
    reliability_source: str
    sd_source: str
    verified: bool = True


@dataclass(frozen=True)
class Scale:
    id: str
    short_name: str
    n_items: int
    min_value: int
    max_value: int
    method: Literal["sum", "mean"]
    higher_is_better: bool
    norms: Norms
    reverse_items: frozenset[int] = frozenset()
    bands: tuple[Band, ...] = ()
    crisis_items: frozenset[int] = frozenset()
    subscales: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    validated: bool = True

    @property
    def options(self) -> tuple[int, ...]:
        return tuple(range(self.min_value, self.max_value + 1))

    @property
    def total_range(self) -> tuple[float, float]:
        if self.method == "sum":
            return float(self.min_value * self.n_items), float(self.max_value * self.n_items)
        return float(self.min_value), float(self.max_value)


@dataclass(frozen=True)
class ScoreResult:
    scale_id: str
    answers: tuple[int, ...]
    keyed: tuple[int, ...]
    total: float
    band: str | None
    crisis: bool
    subscales: Mapping[str, float]


PHQ9 = Scale(
    id="phq9",
    short_name="PHQ-9",
    n_items=9,
    min_value=0,
    max_value=3,
    method="sum",
    higher_is_better=False,
    bands=(
        Band(0, 4, "minimal"),
        Band(5, 9, "mild"),
        Band(10, 14, "moderate"),
        Band(15, 19, "moderately_severe"),
        Band(20, 27, "severe"),
    ),
    crisis_items=frozenset({9}),
    norms=Norms(
        reliability=0.89,
        sd=3.5,
        reliability_source="Kroenke, Spitzer & Williams 2001 (Cronbach's alpha, primary care)",
        sd_source="Kocalevent, Hinz & Brähler 2013 (German general population, n=5018)",
    ),
)

GAD7 = Scale(
    id="gad7",
    short_name="GAD-7",
    n_items=7,
    min_value=0,
    max_value=3,
    method="sum",
    higher_is_better=False,
    bands=(
        Band(0, 4, "minimal"),
        Band(5, 9, "mild"),
        Band(10, 14, "moderate"),
        Band(15, 21, "severe"),
    ),
    norms=Norms(
        reliability=0.89,
        sd=3.41,
        reliability_source="Löwe et al. 2008 (Cronbach's alpha, German general population)",
        sd_source="Löwe et al. 2008 (German general population, n=5030)",
    ),
)

SCS_SF = Scale(
    id="scssf",
    short_name="SCS-SF",
    n_items=12,
    min_value=1,
    max_value=5,
    method="mean",
    higher_is_better=True,
    reverse_items=frozenset({1, 4, 8, 9, 11, 12}),
    subscales={
        "self_kindness": (2, 6),
        "self_judgment": (11, 12),
        "common_humanity": (5, 10),
        "isolation": (4, 8),
        "mindfulness": (3, 7),
        "over_identified": (1, 9),
    },
    norms=Norms(
        reliability=0.86,
        sd=0.70,
        reliability_source="Raes, Pommier, Neff & Van Gucht 2011 (Cronbach's alpha >= .86)",
        sd_source="provisional; not yet checked against Raes et al. 2011 (see docs/measures.md)",
        verified=False,
    ),
)

SCALES: Mapping[str, Scale] = {s.id: s for s in (PHQ9, GAD7, SCS_SF)}

_ALIASES = {"phq-9": "phq9", "gad-7": "gad7", "scs-sf": "scssf", "scs": "scssf"}


def get(scale_id: str) -> Scale:
    """The scale for an id or its common spelling (``PHQ-9``, ``phq9``); ScaleError if unknown."""
    key = scale_id.strip().lower()
    key = _ALIASES.get(key, key)
    try:
        return SCALES[key]
    except KeyError:
        raise ScaleError("unknown_scale", scale=scale_id) from None


def _check(scale: Scale, answers: Sequence[object]) -> tuple[int, ...]:
    if len(answers) != scale.n_items:
        raise ScaleError("wrong_count", expected=scale.n_items, got=len(answers))
    checked: list[int] = []
    for number, value in enumerate(answers, start=1):
        # bool is an int subclass; True must not silently count as 1.
        if isinstance(value, bool) or not isinstance(value, int):
            raise ScaleError("not_whole_number", item=number)
        if not scale.min_value <= value <= scale.max_value:
            raise ScaleError(
                "out_of_range", item=number, low=scale.min_value, high=scale.max_value
            )
        checked.append(value)
    return tuple(checked)


def keyed_value(scale: Scale, item: int, value: int) -> int:
    """The value after reverse keying (item numbers are 1-based, as published)."""
    if item in scale.reverse_items:
        return scale.min_value + scale.max_value - value
    return value


def band_for(scale: Scale, total: float) -> str | None:
    for band in scale.bands:
        if band.low <= total <= band.high:
            return band.key
    return None


def score(scale: Scale, answers: Sequence[object]) -> ScoreResult:
    """Score one complete administration. Raises ScaleError on any unusable answer."""
    values = _check(scale, answers)
    keyed = tuple(keyed_value(scale, i, v) for i, v in enumerate(values, start=1))
    if scale.method == "sum":
        total = float(sum(keyed))
    else:
        total = round(sum(keyed) / len(keyed), 4)
    # Subscale means use the raw answers, as published: a high Self-Judgment mean means more
    # self-judgment. The total reverse-keys those items first.
    subscales = {
        name: round(sum(values[i - 1] for i in items) / len(items), 4)
        for name, items in scale.subscales.items()
    }
    crisis = any(values[i - 1] > 0 for i in scale.crisis_items)
    return ScoreResult(
        scale_id=scale.id,
        answers=values,
        keyed=keyed,
        total=total,
        band=band_for(scale, total),
        crisis=crisis,
        subscales=subscales,
    )


def parse_answers(text: str) -> list[int]:
    """Answers written as ``1 2 0 3`` or ``1,2,0,3`` (one line of an answers file)."""
    parts = [p for p in text.replace(",", " ").split() if p]
    values: list[int] = []
    for number, part in enumerate(parts, start=1):
        try:
            values.append(int(part))
        except ValueError:
            raise ScaleError("not_whole_number", item=number) from None
    return values


# --- Home-made ratings -------------------------------------------------------------------------


@dataclass(frozen=True)
class Rating:
    """A personal 0-10 rating. Never validated; every display says so."""

    key: str
    low: int = 0
    high: int = 10
    validated: Literal[False] = False


BUILTIN_RATINGS: Mapping[str, Rating] = {"deserve_respect": Rating("deserve_respect")}


def check_rating(rating: Rating, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ScaleError("not_whole_number", item=1)
    if not rating.low <= value <= rating.high:
        raise ScaleError("out_of_range", item=1, low=rating.low, high=rating.high)
    return value


def rating_key(text: str) -> str:
    """A stable key for a user-named rating: lower case letters, digits and underscores."""
    cleaned = "".join(c if c.isalnum() else "_" for c in text.strip().lower())
    cleaned = "_".join(p for p in cleaned.split("_") if p)
    if not cleaned or len(cleaned) > 60:
        raise ScaleError("bad_rating_name")
    return cleaned


# --- Schedules ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Schedule:
    scale_id: str
    every_days: int

    def __post_init__(self) -> None:
        if isinstance(self.every_days, bool) or not 1 <= self.every_days <= 365:
            raise ScaleError("bad_schedule", low=1, high=365)


def next_due(schedule: Schedule, last_taken: date | None, today: date) -> date:
    """When the measure is next due; today if never taken."""
    if last_taken is None:
        return today
    return last_taken + timedelta(days=schedule.every_days)


def is_due(schedule: Schedule, last_taken: date | None, today: date) -> bool:
    return next_due(schedule, last_taken, today) <= today
