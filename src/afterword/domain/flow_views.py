"""What the flow engine hands back: the step to show (``StepView``) and the events a
service acts on (``Event`` inside an ``Outcome``)."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from afterword.domain.detector import TrapSuggestion
from afterword.domain.flow_defs import Group, Step
from afterword.domain.flow_state import FlowState, Value


@dataclass(frozen=True)
class Instance:
    key: str  # answer key: the step id, plus "#<item>" inside a group
    step: Step
    group: Group | None = None
    index: str | None = None
    item: str | None = None  # the item text (LIST groups) or the fixed item id


@dataclass(frozen=True)
class StepView:
    """Everything a renderer needs to show the current step."""

    flow: str
    key: str
    step: Step
    item: str | None
    item_label: str | None  # message key naming a fixed item, if any
    note: str | None  # message key of the note under the prompt
    previous: Value  # the current answer when going back over a step
    suggestions: tuple[str, ...]  # LIST suggestions (e.g. ruminative questions)
    traps: tuple[TrapSuggestion, ...]  # TRAPS suggestions, with evidence
    socratic: tuple[str, ...]  # message keys of questions for the confirmed traps
    overlay: str | None  # trigger of the crisis overlay, when inside it
    position: int
    total: int

    def to_json(self) -> dict[str, Value]:
        step = self.step
        return {
            "flow": self.flow,
            "key": self.key,
            "step": step.id,
            "kind": step.kind.value,
            "prompt": step.prompt,
            "note": self.note,
            "required": step.required,
            "options": [{"value": o.value, "label": o.label} for o in step.options],
            "low": step.low,
            "high": step.high,
            "max_items": step.max_items,
            "resources": list(step.resources),
            "item": self.item,
            "item_label": self.item_label,
            "previous": copy.deepcopy(self.previous),
            "suggestions": list(self.suggestions),
            "traps": [{"label": t.label, "score": t.score, "evidence": t.evidence}
                      for t in self.traps],
            "socratic": list(self.socratic),
            "overlay": self.overlay,
            "position": self.position,
            "total": self.total,
        }


class EventKind(StrEnum):
    SURVIVOR = "survivor"  # the survivor path opened
    CRISIS = "crisis"  # the crisis overlay opened
    CRISIS_CLOSED = "crisis_closed"  # it closed; data: trigger, response
    EXPLAINER = "explainer"  # data: card id
    EFFECT = "effect"  # a step with an effect was answered; data: effect, key, item, value
    DISPUTED = "disputed"  # the person disputed a non-consent detection
    COMPLETED = "completed"


@dataclass(frozen=True)
class Event:
    kind: EventKind
    data: Mapping[str, Value] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    state: FlowState
    events: tuple[Event, ...] = ()
