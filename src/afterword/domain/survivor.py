"""The survivor path, for when something happened without full consent.

It says plainly that it was not the person's fault. It never labels thinking traps, never
reframes self-blame about the act, never calls the act a lesson or a mistake. It offers
grounding, support resources for the person's locale and the support options that exist, each as
an option and never as pressure, and it saves privately. Every text it shows is under
``reflect.survivor.*`` in the catalogue, where the tone test reads it.
"""

from __future__ import annotations

from afterword.domain.flow_defs import Condition, Flow, Kind, Option, Step

SURVIVOR_FLOW = "survivor"
RESOURCE_KINDS = ("emergency", "sexual_violence", "crisis", "domestic_abuse")
SUPPORT_OPTIONS = ("trusted", "hotlines", "medical", "reporting")
DISPUTE = "my_choice"

_P = "reflect.survivor"


def _info(step_id: str, *when: Condition, resources: tuple[str, ...] = ()) -> Step:
    return Step(f"survivor.{step_id}", f"{_P}.{step_id}", Kind.INFO, when=tuple(when),
                resources=resources)


_grounding = Condition("survivor.grounding", frozenset({"yes"}))

SURVIVOR = Flow(
    id=SURVIVOR_FLOW,
    version=1,
    title=f"{_P}.title",
    steps=(
        _info("intro"),
        Step("survivor.detected", f"{_P}.detected", Kind.CHOICE,
             options=(Option("closer", f"{_P}.detected.closer"),
                      Option("not_sure", f"{_P}.detected.not_sure"),
                      Option(DISPUTE, f"{_P}.detected.my_choice")),
             note=f"{_P}.detected.note",
             when=(Condition("survivor.trigger", frozenset({"detector"})),),
             dispute_option=DISPUTE),
        Step("survivor.grounding", f"{_P}.grounding", Kind.CHOICE,
             options=(Option("yes", f"{_P}.grounding.yes"),
                      Option("not_now", f"{_P}.grounding.not_now"))),
        _info("grounding.breathe", _grounding),
        _info("grounding.senses", _grounding),
        _info("grounding.here", _grounding),
        _info("resources", resources=RESOURCE_KINDS),
        Step("survivor.options", f"{_P}.options", Kind.MULTI, required=False,
             options=tuple(Option(o, f"{_P}.option.{o}") for o in SUPPORT_OPTIONS),
             note=f"{_P}.options.note"),
        *(_info(f"more.{o}", Condition("survivor.options", frozenset({o})))
          for o in SUPPORT_OPTIONS),
        Step("survivor.write", f"{_P}.write", Kind.TEXT, required=False,
             note=f"{_P}.write.note"),
        Step("survivor.needs", f"{_P}.needs", Kind.TEXT, required=False),
        _info("close", resources=RESOURCE_KINDS),
    ),
)
