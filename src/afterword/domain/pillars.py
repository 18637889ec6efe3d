"""The five pillars that the essay says true intimacy rests on, and how a person weighs them.

Message keys follow ``reflect.pillar.<pillar>`` (name) and ``reflect.pillar.<pillar>.about``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from afterword.domain.flow_errors import FlowError


class Pillar(StrEnum):
    SAFETY = "safety"
    CARE = "care"
    HONESTY = "honesty"
    MUTUAL_VALUE = "mutual_value"
    RESPECT_FOR_BOUNDARIES = "respect_for_boundaries"


PILLARS: tuple[str, ...] = tuple(p.value for p in Pillar)


class PillarStatus(StrEnum):
    """What a person saw of a pillar in one episode; `not_sure` is always a fair answer."""

    PRESENT = "present"
    MISSING = "missing"
    VIOLATED = "violated"
    NOT_SURE = "not_sure"


PILLAR_STATUSES: tuple[str, ...] = tuple(s.value for s in PillarStatus)

MIN_WEIGHT = 0
MAX_WEIGHT = 5
DEFAULT_WEIGHT = 3


def name_key(pillar: str) -> str:
    return f"reflect.pillar.{pillar}"


def parse_pillar(value: str) -> str:
    """A pillar id from user input: accepts `mutual value`, `Mutual-Value` and the like."""
    cleaned = value.strip().lower().replace("-", "_").replace(" ", "_")
    if cleaned == "boundaries":
        cleaned = Pillar.RESPECT_FOR_BOUNDARIES.value
    if cleaned not in PILLARS:
        raise FlowError("reflect.invalid.pillar", pillars=", ".join(PILLARS))
    return cleaned


@dataclass(frozen=True)
class PillarWeights:
    """How much each pillar matters to this person, 0 to 5. Weights order things; never a score."""

    weights: Mapping[str, int]

    @classmethod
    def default(cls) -> PillarWeights:
        return cls({p: DEFAULT_WEIGHT for p in PILLARS})

    @classmethod
    def from_mapping(cls, values: Mapping[str, int]) -> PillarWeights:
        merged = dict(cls.default().weights)
        for raw, weight in values.items():
            pillar = parse_pillar(raw)
            if isinstance(weight, bool) or not isinstance(weight, int):
                raise FlowError("reflect.invalid.weight", pillar=pillar, low=MIN_WEIGHT,
                                high=MAX_WEIGHT)
            if not MIN_WEIGHT <= weight <= MAX_WEIGHT:
                raise FlowError("reflect.invalid.weight", pillar=pillar, low=MIN_WEIGHT,
                                high=MAX_WEIGHT)
            merged[pillar] = weight
        return cls(merged)

    def of(self, pillar: str) -> int:
        return self.weights.get(pillar, DEFAULT_WEIGHT)

    def ordered(self) -> tuple[str, ...]:
        """Pillars, the ones that matter most to this person first (ties keep the usual order)."""
        return tuple(sorted(PILLARS, key=lambda p: (-self.of(p), PILLARS.index(p))))

    def as_dict(self) -> dict[str, int]:
        return {p: self.of(p) for p in PILLARS}
