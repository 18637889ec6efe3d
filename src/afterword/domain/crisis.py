"""The crisis path: a gentle check-in with resources shown at once, and an offer to build or
update the safety plan. It opens on top of any flow and returns to where the person was.

It never contacts anyone and never locks anyone out. "No, I'm okay" is respected, and the check
comes back later: the next time something risky is written (the detector fires again) and at the
next session (``recheck_due``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from afterword.domain.flow_defs import Condition, Flow, Kind, Option, Step
from afterword.domain.safety_plan import plan_steps

CRISIS_FLOW = "crisis"
RECHECK_FLOW = "crisis_recheck"
RESOURCE_KINDS = ("emergency", "crisis")

NOT_SAFE = "not_safe"
STRUGGLING = "struggling"
OKAY = "okay"
RESPONSES = (NOT_SAFE, STRUGGLING, OKAY)

# How long after a check-in the next session still asks again.
RECHECK_WINDOW = timedelta(days=14)


def _flow(flow_id: str, checkin_prompt: str) -> Flow:
    not_okay = frozenset({NOT_SAFE, STRUGGLING})
    return Flow(
        id=flow_id,
        version=1,
        title="reflect.crisis.title",
        steps=(
            Step("crisis.checkin", checkin_prompt, Kind.CHOICE,
                 options=(
                     Option(NOT_SAFE, "reflect.crisis.option.not_safe"),
                     Option(STRUGGLING, "reflect.crisis.option.struggling"),
                     Option(OKAY, "reflect.crisis.option.okay"),
                 ),
                 note="reflect.crisis.checkin.note", resources=RESOURCE_KINDS),
            Step("crisis.urgent", "reflect.crisis.urgent", Kind.INFO,
                 when=(Condition("crisis.checkin", frozenset({NOT_SAFE})),),
                 resources=RESOURCE_KINDS),
            Step("crisis.plan_offer", "reflect.crisis.plan_offer", Kind.CHOICE,
                 options=(Option("build", "reflect.crisis.option.build"),
                          Option("not_now", "reflect.crisis.option.not_now")),
                 when=(Condition("crisis.checkin", not_okay),)),
            *plan_steps(when=(Condition("crisis.checkin", not_okay),
                              Condition("crisis.plan_offer", frozenset({"build"})))),
            Step("crisis.close", "reflect.crisis.close", Kind.INFO,
                 when=(Condition("crisis.checkin", not_okay),), resources=RESOURCE_KINDS),
            Step("crisis.okay", "reflect.crisis.okay", Kind.INFO,
                 when=(Condition("crisis.checkin", frozenset({OKAY})),)),
        ),
    )


CRISIS = _flow(CRISIS_FLOW, "reflect.crisis.checkin")
RECHECK = _flow(RECHECK_FLOW, "reflect.crisis.recheck")


@dataclass(frozen=True)
class CrisisCheck:
    """One check-in, as the service records it (no text, only what was chosen)."""

    at: datetime
    trigger: str  # "detector", "help" or "recheck"
    response: str | None  # one of RESPONSES
    session: str  # an id for the process/browser session it happened in


def recheck_due(last: CrisisCheck | None, now: datetime, session: str,
                window: timedelta = RECHECK_WINDOW) -> bool:
    """Should a new session start with a gentle check-in?

    Yes after any check-in in an earlier session within `window`, unless that check-in was
    itself a re-check answered "okay": one calm re-check after an "I'm okay" is enough until
    something risky is written again.
    """
    if last is None or last.session == session:
        return False
    if now - last.at > window:
        return False
    return not (last.trigger == "recheck" and last.response == OKAY)
