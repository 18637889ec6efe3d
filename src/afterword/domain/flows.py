"""The flow engine: guided flows defined as data, shared by the CLI and the web app.

A flow is a list of steps (and groups of steps repeated per item). Which step comes next is
computed from the answers every time, so revising an earlier answer re-evaluates every branch.
Two things can interrupt any flow:

- the *survivor path* replaces the flow when a switch rule holds (for the reflection: the consent
  answer is "no" or "not sure", or the non-consent detector fired on an answer), or on request;
- the *crisis path* opens on top of the flow (an overlay) when the crisis detector fires on
  anything the person writes, or when they ask for help, and returns to where they were.

The engine never prints, prompts or stores: it takes a ``FlowState`` and returns a new one with
the events a service acts on (save the state, store a boundary, save the safety plan...). The
state round-trips through JSON (``to_json``/``from_json``). The API is described in
docs/reflection.md.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, TypeAlias

Value: TypeAlias = "None | bool | int | float | str | list[Value] | dict[str, Value]"

MAX_TEXT = 5000
MAX_ITEM = 500
STATE_FORMAT = 1


class FlowError(ValueError):
    """A broken rule of the reflect area. ``reason`` is a message key (``reflect.invalid.*``)
    and ``values`` fill it; neither ever holds what the person wrote."""

    def __init__(self, reason: str, **values: object) -> None:
        self.reason = reason
        self.values = values
        super().__init__(f"{reason} {values}" if values else reason)


class InvalidAnswer(FlowError):
    """An answer that does not fit its step; ``key`` names the step."""

    def __init__(self, key: str, reason: str, **values: object) -> None:
        self.key = key
        super().__init__(reason, **values)


class NotCurrentStep(FlowError):
    pass


class FlowFinished(FlowError):
    pass


class NothingBefore(FlowError):
    pass


_I = "reflect.invalid"


# --------------------------------------------------------------------------- detector interface


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


# --------------------------------------------------------------------------- definitions


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


# --------------------------------------------------------------------------- state


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
            raise FlowError(f"{_I}.damaged")
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
            raise FlowError(f"{_I}.damaged") from exc

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


# --------------------------------------------------------------------------- views and events


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


# --------------------------------------------------------------------------- the engine


class CardPicker(Protocol):
    def __call__(self, labels: Iterable[str], /) -> Sequence[str]: ...


def _no_cards(labels: Iterable[str], /) -> Sequence[str]:
    return ()


@dataclass(frozen=True)
class Overlays:
    """Flow ids the engine uses for its two interruptions."""

    survivor: str = "survivor"
    crisis: str = "crisis"
    recheck: str = "crisis_recheck"
    # Signals screened inside the survivor path that still matter (crisis always does).
    survivor_cards: frozenset[str] = frozenset()


class FlowEngine:
    """Runs flows. Holds definitions and the detector; every state lives in `FlowState`."""

    def __init__(
        self,
        flows: Mapping[str, Flow],
        detector: Detector,
        cards_for: CardPicker = _no_cards,
        overlays: Overlays | None = None,
    ) -> None:
        self.flows = dict(flows)
        self.detector = detector
        self.cards_for = cards_for
        self.overlays = overlays or Overlays()

    # -- starting and reading

    def start(self, flow_id: str, context_texts: Sequence[str] = ()) -> FlowState:
        flow = self._flow(flow_id)
        state = FlowState(flow=flow.id, version=flow.version)
        if any(s.suggest == "ruminations" for s in flow.all_steps()) and context_texts:
            state.suggestions["ruminations"] = list(self.detector.ruminations(context_texts))
        self._prepare(state)
        return state

    def active_flow(self, state: FlowState) -> tuple[Flow, str | None]:
        """The flow being walked (ignoring any overlay), and why when it is not the root:
        "request", "answer" (a switch rule on the answers) or "detector" (a flagged signal)."""
        root = self._flow(state.flow)
        if state.survivor_requested and root.id != self.overlays.survivor:
            return self._flow(self.overlays.survivor), "request"
        for switch in root.switches:
            if switch.when and all(self._holds(c, state.answers, {}, None) for c in switch.when):
                return self._flow(switch.to), "answer"
        for switch in root.switches:
            if switch.signal and self._live_flags(state, switch.signal):
                return self._flow(switch.to), "detector"
        return root, None

    def path(self, state: FlowState) -> list[Instance]:
        """The steps that apply, in order, given the answers so far (of the active flow)."""
        if state.overlay is not None:
            flow = self._flow(state.overlay.flow)
            return self._walk(flow, state.overlay.answers, self._facts(state, state.overlay))
        flow, _ = self.active_flow(state)
        return self._walk(flow, state.answers, self._facts(state, None))

    def current(self, state: FlowState) -> StepView | None:
        """The step to show now, or None when the flow is complete."""
        answers = self._answers(state)
        instances = self.path(state)
        cursor = state.overlay.cursor if state.overlay is not None else state.cursor
        chosen: Instance | None = None
        if cursor is not None:
            chosen = next((i for i in instances if i.key == cursor), None)
        if chosen is None:
            chosen = next((i for i in instances if i.key not in answers), None)
        if chosen is None:
            return None
        return self._view(state, chosen, instances)

    def is_complete(self, state: FlowState) -> bool:
        """Every step that applies is answered and no crisis check is open (going back over
        answered steps does not make a flow incomplete)."""
        if state.overlay is not None:
            return False
        return all(i.key in state.answers for i in self.path(state))

    def track(self, state: FlowState) -> str:
        """Which flow the person is in now: the overlay's, else the active one."""
        if state.overlay is not None:
            return state.overlay.flow
        return self.active_flow(state)[0].id

    # -- changing

    def answer(self, state: FlowState, key: str, value: Value) -> Outcome:
        """Answer the current step (`key` must be the current step's key)."""
        state = state.copy()
        view = self.current(state)
        if view is None:
            raise FlowFinished(f"{_I}.finished")
        if key != view.key:
            raise NotCurrentStep(f"{_I}.not_current", current=view.key)
        instances = self.path(state)
        events = self._store(state, view, value)
        self._advance_cursor(state, key, instances)
        events += self._after_change(state)
        return Outcome(state, tuple(events))

    def revise(self, state: FlowState, key: str, value: Value) -> Outcome:
        """Change an earlier answer on the current path; every branch is re-evaluated."""
        state = state.copy()
        answers = self._answers(state)
        instances = self.path(state)
        instance = next((i for i in instances if i.key == key), None)
        if instance is None and state.overlay is None:
            # The root flow's answers stay revisable from the survivor path (e.g. consent).
            root = self._walk(self._flow(state.flow), state.answers, self._facts(state, None))
            instance = next((i for i in root if i.key == key), None)
            instances = root
        if instance is None or key not in answers:
            raise NotCurrentStep(f"{_I}.not_answered", step=key)
        view = self._view(state, instance, instances)
        events = self._store(state, view, value)
        events += self._after_change(state)
        return Outcome(state, tuple(events))

    def back(self, state: FlowState) -> FlowState:
        """Step back to the answered step before the one shown now (its answer is kept)."""
        state = state.copy()
        view = self.current(state)
        answers = self._answers(state)
        answered = [i.key for i in self.path(state) if i.key in answers]
        if view is None:
            target = answered[-1] if answered else None
        else:
            keys = [i.key for i in self.path(state)]
            before = keys[: keys.index(view.key)]
            target = next((k for k in reversed(before) if k in answers), None)
        if target is None:
            raise NothingBefore(f"{_I}.nothing_before")
        self._set_cursor(state, target)
        self._prepare(state)
        return state

    def revisit(self, state: FlowState, key: str) -> FlowState:
        """Show an answered step again (with its answer) so it can be changed; answering it
        then walks forward over the answered steps after it."""
        state = state.copy()
        answers = self._answers(state)
        if key not in answers or key not in [i.key for i in self.path(state)]:
            raise NotCurrentStep(f"{_I}.not_answered", step=key)
        self._set_cursor(state, key)
        self._prepare(state)
        return state

    def request_help(self, state: FlowState, trigger: str = "help") -> Outcome:
        """Open the crisis path now (if it is not open already): the person asked for help, or
        (``trigger="detector"``) something they wrote outside the flow, such as a journal entry,
        suggested risk."""
        state = state.copy()
        if state.overlay is not None and state.overlay.flow in (self.overlays.crisis,
                                                                 self.overlays.recheck):
            return Outcome(state, ())
        return Outcome(state, tuple(self._open_crisis(state, trigger)))

    def open_recheck(self, state: FlowState) -> Outcome:
        """A gentle check that comes back after an earlier "I'm okay" (e.g. next session)."""
        state = state.copy()
        if state.overlay is not None:
            return Outcome(state, ())
        state.overlay = Overlay(flow=self.overlays.recheck, trigger="recheck")
        self._prepare(state)
        return Outcome(state, (Event(EventKind.CRISIS, {"trigger": "recheck"}),))

    def request_survivor(self, state: FlowState) -> Outcome:
        """Switch to the survivor path; reachable from any flow, at any time."""
        state = state.copy()
        if self.track(state) == self.overlays.survivor or state.flow == self.overlays.survivor:
            return Outcome(state, ())
        state.survivor_requested = True
        state.cursor = None
        self._prepare(state)
        return Outcome(state, (Event(EventKind.SURVIVOR, {"trigger": "request"}),))

    def dispute_nonconsent(self, state: FlowState) -> Outcome:
        """The person says the detector misread them; its flags stop steering the flow."""
        state = state.copy()
        events = self._dispute(state)
        self._prepare(state)
        return Outcome(state, tuple(events))

    # -- internals

    def _flow(self, flow_id: str) -> Flow:
        try:
            return self.flows[flow_id]
        except KeyError:
            raise FlowError(f"{_I}.unknown_flow") from None

    def _answers(self, state: FlowState) -> dict[str, Value]:
        return state.overlay.answers if state.overlay is not None else state.answers

    def _live_flags(self, state: FlowState, signal: str) -> list[str]:
        answers = state.answers
        return [k for k in state.flags.get(signal, []) if k not in state.disputed and k in answers]

    def _facts(self, state: FlowState, overlay: Overlay | None) -> dict[str, Value]:
        return {
            "overlay.trigger": overlay.trigger if overlay is not None else None,
            "survivor.trigger": self.active_flow(state)[1],
        }

    def _holds(self, cond: Condition, answers: Mapping[str, Value], facts: Mapping[str, Value],
               instance_of: tuple[Group, str] | None) -> bool:
        key = cond.step
        if instance_of is not None:
            group, index = instance_of
            if any(s.id == key for s in group.steps):
                key = f"{key}#{index}"
        value = answers[key] if key in answers else facts.get(key)
        if isinstance(value, dict) and "confirmed" in value:
            value = value["confirmed"]  # a TRAPS answer: test the confirmed traps
        result: bool
        if cond.nonempty:
            result = _nonempty(value)
        else:
            values = value if isinstance(value, list) else [value]
            result = any(isinstance(v, str) and v in cond.any_of for v in values)
        return not result if cond.negate else result

    def _walk(self, flow: Flow, answers: Mapping[str, Value],
              facts: Mapping[str, Value]) -> list[Instance]:
        out: list[Instance] = []
        for node in flow.steps:
            if isinstance(node, Step):
                if all(self._holds(c, answers, facts, None) for c in node.when):
                    out.append(Instance(node.id, node))
                continue
            if not all(self._holds(c, answers, facts, None) for c in node.when):
                continue
            items: list[tuple[str, str]]
            if node.over is not None:
                raw = answers.get(node.over)
                texts = [str(x) for x in raw] if isinstance(raw, list) else []
                items = [(str(i), t) for i, t in enumerate(texts[: node.max_items])]
            else:
                items = [(i, i) for i in node.items]
            for index, item in items:
                for step in node.steps:
                    if all(self._holds(c, answers, facts, (node, index)) for c in step.when):
                        out.append(Instance(f"{step.id}#{index}", step, node, index, item))
        return out

    def _view(self, state: FlowState, inst: Instance, instances: Sequence[Instance]) -> StepView:
        answers = self._answers(state)
        step = inst.step
        flow_id = self.track(state)
        suggestions: tuple[str, ...] = ()
        traps: tuple[TrapSuggestion, ...] = ()
        if step.suggest == "ruminations":
            raw = state.suggestions.get("ruminations")
            suggestions = tuple(str(x) for x in raw) if isinstance(raw, list) else ()
        elif step.suggest == "traps":
            cached = state.suggestions.get(inst.key)
            if isinstance(cached, dict) and cached.get("item") == inst.item:
                traps = _traps_from_json(cached.get("traps"))
        socratic: tuple[str, ...] = ()
        if step.socratic_from is not None and inst.index is not None:
            reviewed = answers.get(f"{step.socratic_from}#{inst.index}")
            confirmed = _confirmed(reviewed)
            socratic = tuple(f"reflect.socratic.{label}.{n}" for label in confirmed
                             for n in (1, 2, 3))
        item_label = None
        note = step.note
        if inst.group is not None and inst.group.over is None and inst.item is not None:
            if inst.group.item_label:
                item_label = inst.group.item_label.format(item=inst.item)
            if note is not None:
                note = note.replace("{item}", inst.item)
        keys = [i.key for i in instances]
        return StepView(
            flow=flow_id,
            key=inst.key,
            step=step,
            item=inst.item,
            item_label=item_label,
            note=note,
            previous=copy.deepcopy(answers.get(inst.key)),
            suggestions=suggestions,
            traps=traps,
            socratic=socratic,
            overlay=state.overlay.trigger if state.overlay is not None else None,
            position=keys.index(inst.key) + 1,
            total=len(keys),
        )

    def _store(self, state: FlowState, view: StepView, value: Value) -> list[Event]:
        step = view.step
        clean = validate(step, view.key, value, view.traps)
        answers = self._answers(state)
        answers[view.key] = clean
        events: list[Event] = []
        if step.effect is not None:
            events.append(Event(EventKind.EFFECT, {
                "effect": step.effect, "key": view.key, "item": view.item,
                "value": copy.deepcopy(clean),
                "suggested": [t.label for t in view.traps],
            }))
        if step.raises and _nonempty(clean):
            events += self._cards(state, step.raises)
        if step.dispute_option is not None and clean == step.dispute_option:
            events += self._dispute(state)
        if step.screened:
            events += self._screen(state, view.key, _texts(clean))
        return events

    def _dispute(self, state: FlowState) -> list[Event]:
        flow, trigger = self.active_flow(state)
        if trigger != "detector":
            return []
        flagged = self._live_flags(state, "nonconsent")
        state.disputed.extend(flagged)
        # Forget the steps seen on the way here, so a later detection starts the path afresh.
        for step in flow.all_steps():
            if step.kind is Kind.INFO or step.dispute_option is not None:
                state.answers.pop(step.id, None)
        state.cursor = None
        return [Event(EventKind.DISPUTED, {"keys": list(flagged)})]

    def _screen(self, state: FlowState, key: str, texts: Sequence[str]) -> list[Event]:
        events: list[Event] = []
        signals = [self.detector.screen(t) for t in texts if t.strip()]
        crisis = any(s.crisis for s in signals)
        nonconsent = any(s.nonconsent for s in signals)
        in_overlay = state.overlay is not None
        if not in_overlay:
            flagged = state.flags.setdefault("nonconsent", [])
            if nonconsent and key not in flagged:
                before = self.track(state)
                flagged.append(key)
                if key in state.disputed:
                    state.disputed.remove(key)
                if before != self.track(state) and self.track(state) == self.overlays.survivor:
                    state.cursor = None
                    events.append(Event(EventKind.SURVIVOR, {"trigger": "detector"}))
            elif not nonconsent and key in flagged:
                flagged.remove(key)
            if not state.flags["nonconsent"]:
                del state.flags["nonconsent"]
            themes = [t for s in signals for t in s.themes]
            for theme in themes:
                if theme not in state.themes:
                    state.themes.append(theme)
            events += self._cards(state, themes)
        if crisis:
            state.flags.setdefault("crisis", [])
            if key not in state.flags["crisis"]:
                state.flags["crisis"].append(key)
            if not in_overlay:
                events += self._open_crisis(state, "detector")
        return events

    def _cards(self, state: FlowState, labels: Iterable[str]) -> list[Event]:
        labels = list(labels)
        if not labels:
            return []
        in_survivor = self.track(state) == self.overlays.survivor
        events = []
        for card in self.cards_for(labels):
            if card in state.cards:
                continue
            if in_survivor and card not in self.overlays.survivor_cards:
                continue
            state.cards.append(card)
            events.append(Event(EventKind.EXPLAINER, {"card": card}))
        return events

    def show_cards_for(self, state: FlowState, labels: Iterable[str]) -> Outcome:
        """Explainer cards for patterns found outside the flow (e.g. in the episode's entries)."""
        state = state.copy()
        return Outcome(state, tuple(self._cards(state, labels)))

    def _open_crisis(self, state: FlowState, trigger: str) -> list[Event]:
        state.overlay = Overlay(flow=self.overlays.crisis, trigger=trigger)
        self._prepare(state)
        return [Event(EventKind.CRISIS, {"trigger": trigger})]

    def _advance_cursor(self, state: FlowState, key: str, before: Sequence[Instance]) -> None:
        cursor = state.overlay.cursor if state.overlay is not None else state.cursor
        if cursor != key:
            return
        answers = self._answers(state)
        keys = [i.key for i in self.path(state)]
        nxt: str | None = None
        if key in keys:
            following = keys[keys.index(key) + 1:]
            if following and following[0] in answers:
                nxt = following[0]
        self._set_cursor(state, nxt)

    def _set_cursor(self, state: FlowState, key: str | None) -> None:
        if state.overlay is not None:
            state.overlay.cursor = key
        else:
            state.cursor = key

    def _after_change(self, state: FlowState) -> list[Event]:
        events: list[Event] = []
        # A cursor that fell off the path (a branch changed) is dropped.
        cursor = state.overlay.cursor if state.overlay is not None else state.cursor
        if cursor is not None and cursor not in [i.key for i in self.path(state)]:
            self._set_cursor(state, None)
        if state.overlay is not None and self.current(state) is None:
            overlay = state.overlay
            response = overlay.answers.get("crisis.checkin")
            state.crisis_log.append({"trigger": overlay.trigger, "response": response})
            state.overlay = None
            events.append(Event(EventKind.CRISIS_CLOSED, {
                "trigger": overlay.trigger, "response": response,
            }))
        self._prepare(state)
        if state.overlay is None and self.current(state) is None:
            events.append(Event(EventKind.COMPLETED, {"flow": self.track(state)}))
        return events

    def _prepare(self, state: FlowState) -> None:
        """Fetch the detector's suggestions the current step needs, once, into the state."""
        view = self.current(state)
        if view is None or view.step.suggest != "traps":
            return
        text = view.item or ""
        cached = state.suggestions.get(view.key)
        if isinstance(cached, dict) and cached.get("item") == text:
            return  # the thought was not reworded since its traps were suggested
        found = self.detector.suggest_traps(text) if text.strip() else []
        traps: list[Value] = [
            {"label": t.label, "score": float(t.score), "evidence": t.evidence} for t in found
        ]
        state.suggestions[view.key] = {"item": text, "traps": traps}


# --------------------------------------------------------------------------- validation


def validate(step: Step, key: str, value: Value,
             suggested: Sequence[TrapSuggestion] = ()) -> Value:
    """The answer in its stored form, or InvalidAnswer naming the step (never the text)."""
    kind = step.kind
    if kind is Kind.INFO:
        return True
    if value is None or value == "" or value == []:
        if step.required:
            raise InvalidAnswer(key, f"{_I}.required")
        return None
    if kind is Kind.CHOICE:
        allowed = [o.value for o in step.options]
        if not isinstance(value, str) or value not in allowed:
            raise InvalidAnswer(key, f"{_I}.choice", options=", ".join(allowed))
        return value
    if kind is Kind.MULTI:
        allowed = [o.value for o in step.options]
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            raise InvalidAnswer(key, f"{_I}.options", options=", ".join(allowed))
        bad = [v for v in items if v not in allowed]
        if bad:
            raise InvalidAnswer(key, f"{_I}.options", options=", ".join(allowed))
        chosen: list[Value] = [o for o in allowed if o in items]
        return chosen
    if kind is Kind.TEXT:
        if not isinstance(value, str):
            raise InvalidAnswer(key, f"{_I}.text")
        text = value.strip()
        if not text:
            if step.required:
                raise InvalidAnswer(key, f"{_I}.required")
            return None
        if len(text) > MAX_TEXT:
            raise InvalidAnswer(key, f"{_I}.too_long", limit=MAX_TEXT)
        return text
    if kind is Kind.LIST:
        raw_items = [value] if isinstance(value, str) else value
        if not isinstance(raw_items, list) or not all(isinstance(v, str) for v in raw_items):
            raise InvalidAnswer(key, f"{_I}.list")
        cleaned: list[Value] = []
        for item in raw_items:
            assert isinstance(item, str)
            text = item.strip()
            if not text or text in cleaned:
                continue
            if len(text) > MAX_ITEM:
                raise InvalidAnswer(key, f"{_I}.item_too_long", limit=MAX_ITEM)
            cleaned.append(text)
        if len(cleaned) > step.max_items:
            raise InvalidAnswer(key, f"{_I}.too_many", limit=step.max_items)
        if not cleaned:
            if step.required:
                raise InvalidAnswer(key, f"{_I}.required")
            return None
        return cleaned
    if kind is Kind.SCALE:
        number: int
        if isinstance(value, bool):
            raise InvalidAnswer(key, f"{_I}.scale", low=step.low, high=step.high)
        if isinstance(value, int):
            number = value
        elif isinstance(value, str) and value.strip().lstrip("-").isdigit():
            number = int(value.strip())
        else:
            raise InvalidAnswer(key, f"{_I}.scale", low=step.low, high=step.high)
        if not step.low <= number <= step.high:
            raise InvalidAnswer(key, f"{_I}.scale", low=step.low, high=step.high)
        return number
    if kind is Kind.TRAPS:
        return _validate_traps(key, value, suggested)
    raise InvalidAnswer(key, f"{_I}.text")  # pragma: no cover - exhaustive above


TRAP_LABELS: tuple[str, ...] = (
    "all_or_nothing", "overgeneralizing", "labeling", "fortune_telling", "mind_reading",
    "emotional_reasoning", "should_statements", "personalizing", "disqualifying_positive",
    "catastrophizing", "comparing_despairing", "blaming", "negative_feeling",
)


def _validate_traps(key: str, value: Value, suggested: Sequence[TrapSuggestion]) -> Value:
    if not isinstance(value, dict):
        raise InvalidAnswer(key, f"{_I}.traps")
    unknown = set(value) - {"confirmed", "rejected"}
    if unknown:
        raise InvalidAnswer(key, f"{_I}.traps")
    confirmed = value.get("confirmed") or []
    rejected = value.get("rejected") or []
    if not isinstance(confirmed, list) or not isinstance(rejected, list):
        raise InvalidAnswer(key, f"{_I}.traps")
    for label in [*confirmed, *rejected]:
        if not isinstance(label, str) or label not in TRAP_LABELS:
            raise InvalidAnswer(key, f"{_I}.trap_label")
    if set(map(str, confirmed)) & set(map(str, rejected)):
        raise InvalidAnswer(key, f"{_I}.trap_both")
    offered = {t.label for t in suggested}
    stray = [label for label in rejected if label not in offered]
    if stray:
        raise InvalidAnswer(key, f"{_I}.trap_not_suggested")
    # Suggestions the person did not confirm count as rejected: their feedback is recorded.
    implicit = [t.label for t in suggested if t.label not in confirmed and t.label not in rejected]
    out_confirmed: list[Value] = [str(x) for x in dict.fromkeys(confirmed)]
    out_rejected: list[Value] = [str(x) for x in dict.fromkeys([*rejected, *implicit])]
    return {"confirmed": out_confirmed, "rejected": out_rejected}


def _confirmed(value: Value) -> list[str]:
    if isinstance(value, dict):
        raw = value.get("confirmed")
        if isinstance(raw, list):
            return [str(x) for x in raw]
    return []


def _traps_from_json(value: Value) -> tuple[TrapSuggestion, ...]:
    if not isinstance(value, list):
        return ()
    out = []
    for item in value:
        if isinstance(item, dict):
            score = item.get("score")
            out.append(TrapSuggestion(
                label=str(item.get("label")),
                score=float(score) if isinstance(score, int | float) else 0.0,
                evidence=str(item.get("evidence") or ""),
            ))
    return tuple(out)


def _texts(value: Value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _nonempty(value: Value) -> bool:
    if isinstance(value, dict):
        return any(_nonempty(v) for v in value.values())
    return value not in (None, "", [], {}, False)
