"""What the flows need from text analysis, and an honest in-memory stand-in for it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Signals:
    """What a screen of one text found. Themes are analysis theme labels (for explainers)."""

    crisis: bool = False
    nonconsent: bool = False
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class TrapSuggestion:
    label: str
    score: float
    evidence: str


class Detector(Protocol):
    """What the flows need from text analysis. The service wires the real analysis engine."""

    def screen(self, text: str) -> Signals: ...

    def suggest_traps(self, text: str) -> Sequence[TrapSuggestion]: ...

    def ruminations(self, texts: Sequence[str]) -> Sequence[str]: ...


@dataclass(frozen=True)
class PhraseDetector:
    """An honest in-memory stand-in: flags a text when it contains one of the given phrases.

    Used by tests and as the fallback when the analysis engine is unavailable; it is crude on
    purpose, never clever, and says nothing it was not told to.
    """

    crisis_phrases: tuple[str, ...] = ()
    nonconsent_phrases: tuple[str, ...] = ()
    trap_phrases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    theme_phrases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def screen(self, text: str) -> Signals:
        lowered = text.lower()
        themes = tuple(
            label for label, phrases in self.theme_phrases.items()
            if any(p in lowered for p in phrases)
        )
        return Signals(
            crisis=any(p in lowered for p in self.crisis_phrases),
            nonconsent=any(p in lowered for p in self.nonconsent_phrases),
            themes=themes,
        )

    def suggest_traps(self, text: str) -> Sequence[TrapSuggestion]:
        lowered = text.lower()
        found = []
        for label, phrases in self.trap_phrases.items():
            for phrase in phrases:
                if phrase in lowered:
                    found.append(TrapSuggestion(label, 1.0, text.strip()))
                    break
        return found

    def ruminations(self, texts: Sequence[str]) -> Sequence[str]:
        found: list[str] = []
        for text in texts:
            for sentence in _sentences(text):
                lowered = sentence.lower()
                if sentence.endswith("?") and lowered.startswith(_ECHO_STARTS):
                    if sentence not in found:
                        found.append(sentence)
        return found


_ECHO_STARTS = ("why", "was i", "am i", "do they", "does he", "does she", "what if", "how could")


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    current = ""
    for char in text:
        current += char
        if char in ".?!\n":
            if current.strip():
                out.append(current.strip())
            current = ""
    if current.strip():
        out.append(current.strip())
    return out
