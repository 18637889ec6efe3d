"""The Afterword reflection, one per episode (DESIGN §2 step 3), defined as data.

Consent comes first. "No", "I'm not sure", or the non-consent detector firing on any answer
switches to the survivor path; the crisis path can open on top of any step. Then: what happened;
the expectation worksheet; how it felt; the questions that echo, each turned from *why* into
*what now*; thought records for the heaviest thoughts; the five pillars; what it showed me; my
boundary from now on. All text is in the catalogue under ``reflect.*``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from afterword.domain import crisis, explainers, partner, safety_plan, survivor
from afterword.domain.detector import Detector
from afterword.domain.flow_answers import TRAP_LABELS
from afterword.domain.flow_defs import Condition, Flow, Group, Kind, Option, Step, Switch
from afterword.domain.flow_state import Value
from afterword.domain.flows import FlowEngine, Overlays
from afterword.domain.pillars import PILLAR_STATUSES, PILLARS

REFLECTION_FLOW = "reflection"
SAFETY_PLAN_FLOW = "safety_plan"

CONSENT_YES = "yes"
CONSENT_NO = "no"
CONSENT_NOT_SURE = "not_sure"

SOCRATIC_PER_TRAP = 3
MAX_THOUGHTS = 3
MAX_ECHOES = 5

_R = "reflect.reflection"


def _text(step_id: str, *, required: bool = True, note: bool = False,
          when: tuple[Condition, ...] = ()) -> Step:
    return Step(step_id, f"{_R}.{step_id}", Kind.TEXT, required=required, when=when,
                note=f"{_R}.{step_id}.note" if note else None)


def _scale(step_id: str, low: int, high: int) -> Step:
    return Step(step_id, f"{_R}.{step_id}", Kind.SCALE, low=low, high=high,
                note=f"{_R}.{step_id}.note")


REFLECTION = Flow(
    id=REFLECTION_FLOW,
    version=1,
    title=f"{_R}.title",
    switches=(
        Switch(survivor.SURVIVOR_FLOW,
               when=(Condition("consent", frozenset({CONSENT_NO, CONSENT_NOT_SURE})),)),
        Switch(survivor.SURVIVOR_FLOW, signal="nonconsent"),
    ),
    steps=(
        Step("consent", f"{_R}.consent", Kind.CHOICE,
             options=(Option(CONSENT_YES, f"{_R}.consent.yes"),
                      Option(CONSENT_NO, f"{_R}.consent.no"),
                      Option(CONSENT_NOT_SURE, f"{_R}.consent.not_sure")),
             note=f"{_R}.consent.note"),
        _text("happened", note=True),
        _text("expect.hoped"),
        _text("expect.signalled"),
        _text("expect.agreed", required=False, note=True),
        Step("expect.gap", f"{_R}.expect.gap", Kind.TEXT, raises=("expectation_mismatch",)),
        Step("felt.words", f"{_R}.felt.words", Kind.LIST, note=f"{_R}.felt.words.note",
             max_items=8),
        _scale("felt.intensity", 0, 10),
        Step("echo.questions", f"{_R}.echo.questions", Kind.LIST, required=False,
             suggest="ruminations", note=f"{_R}.echo.questions.note", max_items=MAX_ECHOES,
             raises=("rumination",)),
        Group("echo", over="echo.questions", max_items=MAX_ECHOES, steps=(
            Step("echo.need", f"{_R}.echo.need", Kind.TEXT, note=f"{_R}.echo.need.note"),
            Step("echo.step", f"{_R}.echo.step", Kind.TEXT, required=False),
        )),
        Step("thoughts", f"{_R}.thoughts", Kind.LIST, required=False,
             note=f"{_R}.thoughts.note", max_items=MAX_THOUGHTS),
        Group("thought", over="thoughts", max_items=MAX_THOUGHTS, steps=(
            _scale("thought.belief_before", 0, 100),
            _scale("thought.feeling_before", 0, 10),
            Step("thought.traps", f"{_R}.thought.traps", Kind.TRAPS, required=False,
                 suggest="traps", note=f"{_R}.thought.traps.note", effect="trap_feedback"),
            Step("thought.socratic", f"{_R}.thought.socratic", Kind.TEXT, required=False,
                 socratic_from="thought.traps",
                 when=(Condition("thought.traps", nonempty=True),)),
            Step("thought.balanced", f"{_R}.thought.balanced", Kind.TEXT,
                 note=f"{_R}.thought.balanced.note"),
            _scale("thought.belief_after", 0, 100),
            _scale("thought.feeling_after", 0, 10),
        )),
        Group("pillar", items=PILLARS, item_label="reflect.pillar.{item}", steps=(
            Step("pillar.status", f"{_R}.pillar.status", Kind.CHOICE,
                 options=tuple(Option(s, f"{_R}.pillar.status.{s}") for s in PILLAR_STATUSES),
                 note="reflect.pillar.{item}.about"),
            Step("pillar.evidence", f"{_R}.pillar.evidence", Kind.TEXT, required=False),
        )),
        _text("taught", note=True),
        Step("boundary", f"{_R}.boundary", Kind.TEXT, required=False, note=f"{_R}.boundary.note",
             effect="boundary"),
        Step("boundary.pillars", f"{_R}.boundary.pillars", Kind.MULTI, required=False,
             options=tuple(Option(p, f"reflect.pillar.{p}") for p in PILLARS),
             when=(Condition("boundary", nonempty=True),), effect="boundary_pillars"),
        Step("close", f"{_R}.close", Kind.INFO),
    ),
)

SAFETY_PLAN = Flow(
    id=SAFETY_PLAN_FLOW,
    version=1,
    title="reflect.plan.title",
    steps=(
        Step("plan.intro", "reflect.plan.intro", Kind.INFO, resources=crisis.RESOURCE_KINDS),
        *safety_plan.plan_steps(),
        Step("plan.close", "reflect.plan.close", Kind.INFO),
    ),
)

FLOWS: Mapping[str, Flow] = {
    f.id: f for f in (REFLECTION, survivor.SURVIVOR, crisis.CRISIS, crisis.RECHECK,
                      partner.PARTNER_CHECK, SAFETY_PLAN)
}

SOCRATIC: Mapping[str, tuple[str, ...]] = {
    label: tuple(f"reflect.socratic.{label}.{n}" for n in range(1, SOCRATIC_PER_TRAP + 1))
    for label in TRAP_LABELS
}


def engine(detector: Detector) -> FlowEngine:
    """The engine with every Afterword flow; the survivor path shows only affirming cards."""
    return FlowEngine(
        FLOWS, detector, cards_for=explainers.cards_for,
        overlays=Overlays(survivor=survivor.SURVIVOR_FLOW, crisis=crisis.CRISIS_FLOW,
                          recheck=crisis.RECHECK_FLOW,
                          survivor_cards=explainers.SURVIVOR_CARDS),
    )


@dataclass(frozen=True)
class ThoughtRecord:
    thought: str
    belief_before: int | None
    belief_after: int | None
    feeling_before: int | None
    feeling_after: int | None
    confirmed: tuple[str, ...]
    rejected: tuple[str, ...]
    balanced: str | None

    @property
    def belief_shift(self) -> int | None:
        if self.belief_before is None or self.belief_after is None:
            return None
        return self.belief_after - self.belief_before


def thought_records(answers: Mapping[str, Value]) -> list[ThoughtRecord]:
    """The thought records in a reflection's answers, with belief before and after."""
    raw = answers.get("thoughts")
    thoughts = [str(t) for t in raw] if isinstance(raw, list) else []
    out = []
    for i, thought in enumerate(thoughts):
        traps = answers.get(f"thought.traps#{i}")
        confirmed: tuple[str, ...] = ()
        rejected: tuple[str, ...] = ()
        if isinstance(traps, dict):
            c, r = traps.get("confirmed"), traps.get("rejected")
            confirmed = tuple(str(x) for x in c) if isinstance(c, list) else ()
            rejected = tuple(str(x) for x in r) if isinstance(r, list) else ()
        balanced = answers.get(f"thought.balanced#{i}")
        out.append(ThoughtRecord(
            thought=thought,
            belief_before=_int(answers.get(f"thought.belief_before#{i}")),
            belief_after=_int(answers.get(f"thought.belief_after#{i}")),
            feeling_before=_int(answers.get(f"thought.feeling_before#{i}")),
            feeling_after=_int(answers.get(f"thought.feeling_after#{i}")),
            confirmed=confirmed, rejected=rejected,
            balanced=balanced if isinstance(balanced, str) else None,
        ))
    return out


def pillar_answers(answers: Mapping[str, Value]) -> dict[str, tuple[str | None, str | None]]:
    """Pillar -> (status, evidence line) from a reflection's answers."""
    out: dict[str, tuple[str | None, str | None]] = {}
    for p in PILLARS:
        status = answers.get(f"pillar.status#{p}")
        evidence = answers.get(f"pillar.evidence#{p}")
        out[p] = (status if isinstance(status, str) else None,
                  evidence if isinstance(evidence, str) else None)
    return out


def _int(value: Value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
