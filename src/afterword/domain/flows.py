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

The pieces live beside it: ``flow_defs`` (steps, groups, switches), ``flow_state`` (the JSON
state), ``flow_answers`` (checking answers), ``flow_views`` (step views, events), ``detector``
(the analysis interface) and ``flow_errors``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from afterword.domain.detector import Detector, TrapSuggestion
from afterword.domain.flow_answers import (
    confirmed_traps,
    nonempty,
    texts_of,
    traps_from_json,
    validate,
)
from afterword.domain.flow_defs import Condition, Flow, Group, Kind, Step
from afterword.domain.flow_errors import (
    INVALID,
    FlowError,
    FlowFinished,
    NotCurrentStep,
    NothingBefore,
)
from afterword.domain.flow_state import FlowState, Overlay, Value
from afterword.domain.flow_views import Event, EventKind, Instance, Outcome, StepView


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
            raise FlowFinished(f"{INVALID}.finished")
        if key != view.key:
            raise NotCurrentStep(f"{INVALID}.not_current", current=view.key)
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
            raise NotCurrentStep(f"{INVALID}.not_answered", step=key)
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
            raise NothingBefore(f"{INVALID}.nothing_before")
        self._set_cursor(state, target)
        self._prepare(state)
        return state

    def revisit(self, state: FlowState, key: str) -> FlowState:
        """Show an answered step again (with its answer) so it can be changed; answering it
        then walks forward over the answered steps after it."""
        state = state.copy()
        answers = self._answers(state)
        if key not in answers or key not in [i.key for i in self.path(state)]:
            raise NotCurrentStep(f"{INVALID}.not_answered", step=key)
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
            raise FlowError(f"{INVALID}.unknown_flow") from None

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
            result = nonempty(value)
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
                traps = traps_from_json(cached.get("traps"))
        socratic: tuple[str, ...] = ()
        if step.socratic_from is not None and inst.index is not None:
            reviewed = answers.get(f"{step.socratic_from}#{inst.index}")
            confirmed = confirmed_traps(reviewed)
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
        if step.raises and nonempty(clean):
            events += self._cards(state, step.raises)
        if step.dispute_option is not None and clean == step.dispute_option:
            events += self._dispute(state)
        if step.screened:
            events += self._screen(state, view.key, texts_of(clean))
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
