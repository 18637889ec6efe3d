"""The state of one run of a flow: every answer, signal and overlay, round-tripping through
JSON (``to_json``/``from_json``) so a service can keep it anywhere."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeAlias

from afterword.domain.flow_errors import INVALID, FlowError

Value: TypeAlias = "None | bool | int | float | str | list[Value] | dict[str, Value]"

STATE_FORMAT = 1


@dataclass
class Overlay:
    """A flow opened on top of another (the crisis path); it keeps its own answers."""

    flow: str
    trigger: str  # "detector", "help" or "recheck"
    answers: dict[str, Value] = field(default_factory=dict)
    cursor: str | None = None


@dataclass
class FlowState:
    flow: str
    version: int
    answers: dict[str, Value] = field(default_factory=dict)
    flags: dict[str, list[str]] = field(default_factory=dict)  # signal -> answer keys
    disputed: list[str] = field(default_factory=list)  # nonconsent flags the person disputed
    survivor_requested: bool = False
    overlay: Overlay | None = None
    crisis_log: list[dict[str, Value]] = field(default_factory=list)
    suggestions: dict[str, Value] = field(default_factory=dict)
    cards: list[str] = field(default_factory=list)  # explainer cards already shown
    themes: list[str] = field(default_factory=list)
    cursor: str | None = None

    def to_json(self) -> dict[str, Value]:
        overlay: Value = None
        if self.overlay is not None:
            overlay = {
                "flow": self.overlay.flow,
                "trigger": self.overlay.trigger,
                "answers": dict(self.overlay.answers),
                "cursor": self.overlay.cursor,
            }
        return copy.deepcopy({
            "format": STATE_FORMAT,
            "flow": self.flow,
            "version": self.version,
            "answers": dict(self.answers),
            "flags": {k: list(v) for k, v in self.flags.items()},
            "disputed": list(self.disputed),
            "survivor_requested": self.survivor_requested,
            "overlay": overlay,
            "crisis_log": list(self.crisis_log),
            "suggestions": dict(self.suggestions),
            "cards": list(self.cards),
            "themes": list(self.themes),
            "cursor": self.cursor,
        })

    @classmethod
    def from_json(cls, data: Mapping[str, Value]) -> FlowState:
        if not isinstance(data, Mapping) or data.get("format") != STATE_FORMAT:
            raise FlowError(f"{INVALID}.damaged")
        data = copy.deepcopy(dict(data))
        try:
            overlay_data = data.get("overlay")
            overlay = None
            if isinstance(overlay_data, dict):
                overlay = Overlay(
                    flow=str(overlay_data["flow"]),
                    trigger=str(overlay_data["trigger"]),
                    answers=_dict(overlay_data.get("answers")),
                    cursor=_opt_str(overlay_data.get("cursor")),
                )
            flags_raw = _dict(data.get("flags"))
            return cls(
                flow=str(data["flow"]),
                version=int(str(data["version"])),
                answers=_dict(data.get("answers")),
                flags={str(k): [str(x) for x in _list(v)] for k, v in flags_raw.items()},
                disputed=[str(x) for x in _list(data.get("disputed"))],
                survivor_requested=bool(data.get("survivor_requested")),
                overlay=overlay,
                crisis_log=[_dict(x) for x in _list(data.get("crisis_log"))],
                suggestions=_dict(data.get("suggestions")),
                cards=[str(x) for x in _list(data.get("cards"))],
                themes=[str(x) for x in _list(data.get("themes"))],
                cursor=_opt_str(data.get("cursor")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise FlowError(f"{INVALID}.damaged") from exc

    def copy(self) -> FlowState:
        return FlowState.from_json(self.to_json())


def _dict(value: Value) -> dict[str, Value]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise TypeError("expected an object")
    return value


def _list(value: Value) -> list[Value]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return value


def _opt_str(value: Value) -> str | None:
    return None if value is None else str(value)
