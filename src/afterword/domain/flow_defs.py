"""How a guided flow is defined as data: steps, groups of steps asked per item, the
conditions that choose the path and the switches that replace one flow by another."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    INFO = "info"        # something to read; answered by continuing
    CHOICE = "choice"    # one of the options
    MULTI = "multi"      # any number of the options
    TEXT = "text"        # free text
    LIST = "list"        # several short free-text items
    SCALE = "scale"      # a whole number from low to high
    TRAPS = "traps"      # confirm or reject suggested thinking traps


@dataclass(frozen=True)
class Option:
    value: str
    label: str  # message key


@dataclass(frozen=True)
class Condition:
    """Holds when the answer to `step` is one of `any_of` (or non-empty); `negate` flips it.

    Inside a group, `step` may name a sibling step of the same group: it then means the sibling
    for the same item. Facts (see ``FlowEngine.facts``) can be tested like answers.
    """

    step: str
    any_of: frozenset[str] = frozenset()
    nonempty: bool = False
    negate: bool = False


@dataclass(frozen=True)
class Step:
    id: str
    prompt: str  # message key; may use {item}
    kind: Kind
    options: tuple[Option, ...] = ()
    low: int = 0
    high: int = 10
    required: bool = True
    when: tuple[Condition, ...] = ()
    note: str | None = None  # message key shown under the prompt
    suggest: str | None = None  # "ruminations" (from the episode's entries) or "traps"
    resources: tuple[str, ...] = ()  # resource kinds shown with the step, at once
    socratic_from: str | None = None  # sibling TRAPS step whose confirmed traps give questions
    effect: str | None = None  # what the service does with the answer (e.g. "boundary")
    dispute_option: str | None = None  # choosing it disputes the non-consent detection
    raises: tuple[str, ...] = ()  # pattern labels a non-empty answer brings up (explainers)
    max_items: int = 10
    screen: bool | None = None  # screen the text with the detector; default: TEXT and LIST

    @property
    def screened(self) -> bool:
        if self.screen is not None:
            return self.screen
        return self.kind in (Kind.TEXT, Kind.LIST)


@dataclass(frozen=True)
class Group:
    """Steps asked once per item: per item of a LIST answer (`over`) or of fixed `items`."""

    id: str
    steps: tuple[Step, ...]
    over: str | None = None
    items: tuple[str, ...] = ()
    item_label: str | None = None  # message key pattern for fixed items, e.g. "x.{item}"
    max_items: int = 10
    when: tuple[Condition, ...] = ()


@dataclass(frozen=True)
class Switch:
    """Replace the flow by `to` when all `when` conditions hold, or when `signal` was flagged."""

    to: str
    when: tuple[Condition, ...] = ()
    signal: str | None = None


@dataclass(frozen=True)
class Flow:
    id: str
    version: int
    title: str  # message key
    steps: tuple[Step | Group, ...]
    switches: tuple[Switch, ...] = ()

    def step_ids(self) -> tuple[str, ...]:
        out: list[str] = []
        for node in self.steps:
            if isinstance(node, Group):
                out.extend(s.id for s in node.steps)
            else:
                out.append(node.id)
        return tuple(out)

    def all_steps(self) -> tuple[Step, ...]:
        out: list[Step] = []
        for node in self.steps:
            out.extend(node.steps if isinstance(node, Group) else (node,))
        return tuple(out)
