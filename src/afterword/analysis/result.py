"""The typed result of analysing one text, and its contract form (DESIGN §5)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CONTRACT_VERSION = "1"


@dataclass(frozen=True)
class Detection:
    """One label found in the text; ``evidence`` is an exact sentence of the input."""

    label: str
    score: float
    evidence: str | None = None


@dataclass(frozen=True)
class Signal:
    """A safety signal. ``flag`` is the decision; ``score`` is 0..1; evidence sentences."""

    flag: bool
    score: float
    evidence: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Safety:
    crisis: Signal
    nonconsent: Signal


@dataclass(frozen=True)
class Rumination:
    flag: bool
    questions: list[str] = field(default_factory=list)
    score: float = 0.0


@dataclass(frozen=True)
class ModelInfo:
    name: str
    version: str


@dataclass(frozen=True)
class Result:
    safety: Safety
    rumination: Rumination
    traps: list[Detection]
    emotions: list[Detection]
    themes: list[Detection]
    model: ModelInfo
    language: str = "en"
    notes: list[str] = field(default_factory=list)

    def to_dict(self, id: str | int | None = None) -> dict[str, Any]:  # noqa: A002 - contract name
        """The contract object of `afterword analyze --json` for this text."""
        return {
            "id": id,
            "safety": {
                "crisis": _signal(self.safety.crisis),
                "nonconsent": _signal(self.safety.nonconsent),
            },
            "rumination": {
                "flag": self.rumination.flag,
                "questions": list(self.rumination.questions),
                "score": _round(self.rumination.score),
            },
            "traps": [
                {"label": d.label, "score": _round(d.score), "evidence": d.evidence or ""}
                for d in self.traps
            ],
            "emotions": [_detection(d) for d in self.emotions],
            "themes": [_detection(d) for d in self.themes],
            "language": self.language,
            "notes": list(self.notes),
            "model": {"name": self.model.name, "version": self.model.version},
        }


def _round(value: float) -> float:
    return round(min(1.0, max(0.0, float(value))), 4)


def _signal(signal: Signal) -> dict[str, Any]:
    return {"flag": signal.flag, "score": _round(signal.score), "evidence": list(signal.evidence)}


def _detection(d: Detection) -> dict[str, Any]:
    out: dict[str, Any] = {"label": d.label, "score": _round(d.score)}
    if d.evidence is not None:
        out["evidence"] = d.evidence
    return out
