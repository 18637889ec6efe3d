"""The partner check, before closeness with someone: questions by pillar, whether what each
wants has been said out loud, and warning signs of pressure and control.

The result shows, for each pillar, the answers that drove it, the person's own boundaries that
apply, and prompts and conversations to consider. It is never a verdict and never a score: there
is no field anywhere in it that says "go" or "stop".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from afterword.domain.boundaries import Boundary, applicable, untagged
from afterword.domain.flow_defs import Flow, Kind, Option, Step
from afterword.domain.flow_state import Value
from afterword.domain.pillars import PillarWeights

PARTNER_FLOW = "partner_check"

YES = "yes"
NOT_YET = "not_yet"
NO = "no"
NOT_SURE = "not_sure"
ANSWERS = (YES, NOT_YET, NO, NOT_SURE)

# question id -> pillar. Every question is phrased so that "yes" is the reassuring answer.
QUESTIONS: Mapping[str, str] = {
    "safe_around": "safety",
    "can_say_no": "safety",
    "interest_in_you": "care",
    "follow_through": "care",
    "said_out_loud": "honesty",
    "words_match_actions": "honesty",
    "both_matter": "mutual_value",
    "time_beyond_closeness": "mutual_value",
    "accepts_no": "respect_for_boundaries",
    "asks_first": "respect_for_boundaries",
}

# The question "have we said out loud what we each want?" (DESIGN §2 step 4).
SAID_OUT_LOUD = "said_out_loud"

# Warning signs of pressure and control -> the pillars each one touches.
WARNING_SIGNS: Mapping[str, tuple[str, ...]] = {
    "asks_again_after_no": ("respect_for_boundaries", "safety"),
    "sulks_or_angry": ("safety", "care"),
    "rushes": ("respect_for_boundaries",),
    "owe_them": ("mutual_value", "respect_for_boundaries"),
    "checks_on_you": ("safety", "respect_for_boundaries"),
    "pulls_from_friends": ("safety", "care"),
    "alcohol_to_ease": ("safety", "respect_for_boundaries"),
    "hot_and_cold": ("care", "honesty"),
    "secret": ("honesty", "mutual_value"),
    "jokes_at_you": ("care", "mutual_value"),
}

_P = "reflect.partner"


def _question(qid: str) -> Step:
    return Step(f"partner.q.{qid}", f"{_P}.q.{qid}", Kind.CHOICE,
                options=tuple(Option(a, f"{_P}.answer.{a}") for a in ANSWERS))


PARTNER_CHECK = Flow(
    id=PARTNER_FLOW,
    version=1,
    title=f"{_P}.title",
    steps=(
        Step("partner.intro", f"{_P}.intro", Kind.INFO),
        *(_question(q) for q in QUESTIONS),
        Step("partner.signs", f"{_P}.signs", Kind.MULTI, required=False,
             options=tuple(Option(s, f"{_P}.sign.{s}") for s in WARNING_SIGNS),
             note=f"{_P}.signs.note"),
        Step("partner.notes", f"{_P}.notes", Kind.TEXT, required=False),
        Step("partner.close", f"{_P}.close", Kind.INFO),
    ),
)


@dataclass(frozen=True)
class Driver:
    """One answer that shaped a pillar's section: a question or a warning sign."""

    kind: str  # "question" or "sign"
    id: str
    answer: str | None  # the chosen answer for questions; None for a sign that was ticked

    @property
    def label_key(self) -> str:
        return f"{_P}.q.{self.id}" if self.kind == "question" else f"{_P}.sign.{self.id}"

    @property
    def answer_key(self) -> str | None:
        return f"{_P}.answer.{self.answer}" if self.answer else None


@dataclass(frozen=True)
class PillarSection:
    pillar: str
    weight: int
    drivers: tuple[Driver, ...]
    boundaries: tuple[Boundary, ...]
    prompts: tuple[str, ...]  # message keys: things to notice or ask yourself
    conversations: tuple[str, ...]  # message keys: conversations you could have


@dataclass(frozen=True)
class PartnerReflection:
    sections: tuple[PillarSection, ...]  # the pillars that matter most to the person first
    general_boundaries: tuple[Boundary, ...]  # active boundaries tied to no one pillar
    said_out_loud: str | None

    def as_dict(self) -> dict[str, Value]:
        return {
            "said_out_loud": self.said_out_loud,
            "sections": [{
                "pillar": s.pillar,
                "weight": s.weight,
                "drivers": [{"kind": d.kind, "id": d.id, "answer": d.answer}
                            for d in s.drivers],
                "boundaries": [b.text for b in s.boundaries],
                "prompts": list(s.prompts),
                "conversations": list(s.conversations),
            } for s in self.sections],
            "general_boundaries": [b.text for b in self.general_boundaries],
        }


def reflect(answers: Mapping[str, Value], boundaries: Sequence[Boundary],
            weights: PillarWeights) -> PartnerReflection:
    """What the partner check brought up, pillar by pillar. Prompts, never a verdict."""
    raw_signs = answers.get("partner.signs")
    signs = [str(s) for s in raw_signs] if isinstance(raw_signs, list) else []
    sections = []
    for pillar in weights.ordered():
        drivers: list[Driver] = []
        prompts: list[str] = []
        for qid, q_pillar in QUESTIONS.items():
            if q_pillar != pillar:
                continue
            value = answers.get(f"partner.q.{qid}")
            answer = value if isinstance(value, str) else None
            drivers.append(Driver("question", qid, answer))
            if answer in (NO, NOT_YET, NOT_SURE):
                prompts.append(f"{_P}.prompt.{qid}")
        for sign in signs:
            if pillar in WARNING_SIGNS.get(sign, ()):
                drivers.append(Driver("sign", sign, None))
                prompts.append(f"{_P}.sign.{sign}.prompt")
        conversations = [f"{_P}.talk.{pillar}"]
        if pillar == "honesty" and answers.get(f"partner.q.{SAID_OUT_LOUD}") != YES:
            conversations.insert(0, f"{_P}.talk.said_out_loud")
        sections.append(PillarSection(
            pillar=pillar, weight=weights.of(pillar), drivers=tuple(drivers),
            boundaries=tuple(applicable(boundaries, pillar)),
            prompts=tuple(dict.fromkeys(prompts)), conversations=tuple(conversations),
        ))
    said = answers.get(f"partner.q.{SAID_OUT_LOUD}")
    return PartnerReflection(tuple(sections), tuple(untagged(boundaries)),
                             said if isinstance(said, str) else None)
