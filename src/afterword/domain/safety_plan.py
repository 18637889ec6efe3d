"""The safety plan a person can build and keep (after Stanley & Brown's Safety Planning
Intervention): warning signs, coping steps, people and places, people to ask for help,
professionals, and making the surroundings safer. Each version is kept; the newest is the plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from afterword.domain.flow_answers import MAX_ITEM
from afterword.domain.flow_defs import Condition, Kind, Step
from afterword.domain.flow_errors import FlowError

SECTIONS: tuple[str, ...] = (
    "warning_signs",
    "coping",
    "people_places",
    "people_help",
    "professionals",
    "safer_surroundings",
)
MAX_ITEMS = 12


@dataclass(frozen=True)
class SafetyPlan:
    sections: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    updated_at: datetime | None = None

    def items(self, section: str) -> tuple[str, ...]:
        return tuple(self.sections.get(section, ()))

    @property
    def empty(self) -> bool:
        return not any(self.sections.get(s) for s in SECTIONS)

    def as_dict(self) -> dict[str, list[str]]:
        return {s: list(self.items(s)) for s in SECTIONS}


def clean_items(section: str, items: Sequence[str]) -> tuple[str, ...]:
    if section not in SECTIONS:
        raise FlowError("reflect.invalid.plan_section")
    out: list[str] = []
    for item in items:
        text = " ".join(str(item).split())
        if not text or text in out:
            continue
        if len(text) > MAX_ITEM:
            raise FlowError("reflect.invalid.item_too_long", limit=MAX_ITEM)
        out.append(text)
    if len(out) > MAX_ITEMS:
        raise FlowError("reflect.invalid.too_many", limit=MAX_ITEMS)
    return tuple(out)


def with_section(plan: SafetyPlan, section: str, items: Sequence[str],
                 at: datetime) -> SafetyPlan:
    sections = {s: plan.items(s) for s in SECTIONS}
    sections[section] = clean_items(section, items)
    return SafetyPlan(sections, at)


def from_dict(data: Mapping[str, Sequence[str]], at: datetime | None = None) -> SafetyPlan:
    unknown = set(data) - set(SECTIONS)
    if unknown:
        raise FlowError("reflect.invalid.plan_section")
    return SafetyPlan({s: clean_items(s, data.get(s, ())) for s in SECTIONS}, at)


def step_id(section: str) -> str:
    return f"plan.{section}"


def section_of(step: str) -> str | None:
    """The plan section a step fills, from its id ("plan.<section>")."""
    if step.startswith("plan."):
        section = step.split("#", 1)[0][len("plan."):]
        if section in SECTIONS:
            return section
    return None


def plan_steps(*, when: tuple[Condition, ...] = ()) -> tuple[Step, ...]:
    """One LIST step per section; renderers show the saved plan's items alongside."""
    return tuple(
        Step(step_id(s), f"reflect.plan.{s}", Kind.LIST, required=False, when=when,
             note=f"reflect.plan.{s}.note", effect="safety_plan", max_items=MAX_ITEMS,
             screen=False)
        for s in SECTIONS
    )
