"""Render the reflection engine's steps as forms, and read forms back into answers.

The flows are the reflection area's data (``afterword.domain.reflection``), the same ones the
CLI runs; this module only knows how each kind of step looks in a browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from afterword.errors import InvalidInput
from afterword.messages import catalogue, has, msg
from afterword.web.forms import field

# A few flow texts name CLI commands ("type help at any prompt"); in the browser the same
# message is worded for the page instead. Nothing else about the flow changes.
BROWSER_WORDING = "web.flow.say."


class _Blank(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return ""


def text(key: str | None, raw_item: str | None = None, **values: object) -> str:
    """A catalogue text; ``{item}`` inside the key itself is the step's raw item (a pillar id),
    and a placeholder the step does not fill is left blank rather than failing."""
    if not key:
        return ""
    if "{item}" in key:
        key = key.replace("{item}", raw_item or "")
    if has(BROWSER_WORDING + key):
        key = BROWSER_WORDING + key
    if not has(key):
        return key
    return catalogue()[key].format_map(_Blank(values))


@dataclass
class StepPage:
    """What the template needs for one step, already worded."""

    key: str
    kind: str
    prompt: str
    note: str
    required: bool
    options: list[tuple[str, str]]
    low: int
    high: int
    previous: Any
    suggestions: list[str]
    traps: list[dict[str, str]]
    socratic: list[str]
    resource_kinds: tuple[str, ...]
    overlay: str | None
    position: int
    total: int
    chosen: list[str] = dc_field(default_factory=list)
    lines: str = ""


def step_page(view: Any, person: str = "") -> StepPage:
    step = view.step
    item = text(view.item_label) if view.item_label else view.item
    raw = view.item
    previous = view.previous
    chosen: list[str] = []
    if isinstance(previous, list):
        chosen = [str(v) for v in previous]
    elif isinstance(previous, str):
        chosen = [previous]
    lines = ""
    if step.kind.value == "list":
        source = previous if isinstance(previous, list) else list(view.suggestions)
        lines = "\n".join(str(v) for v in source)
    confirmed: set[str] = set()
    if isinstance(previous, dict):
        confirmed = {str(v) for v in previous.get("confirmed") or []}
    traps = [{"label": t.label, "name": text(f"reflect.trap.{t.label}"),
              "evidence": t.evidence, "confirmed": "yes" if t.label in confirmed else ""}
             for t in view.traps]
    return StepPage(
        key=view.key,
        kind=step.kind.value,
        prompt=text(step.prompt, raw, item=item, person=person),
        note=text(view.note, raw, item=item, person=person),
        required=step.required,
        options=[(o.value, text(o.label, raw, item=item, person=person)) for o in step.options],
        low=step.low,
        high=step.high,
        previous=previous,
        suggestions=list(view.suggestions),
        traps=traps,
        socratic=[text(k, raw, item=item) for k in view.socratic],
        resource_kinds=tuple(step.resources),
        overlay=view.overlay,
        position=view.position,
        total=view.total,
        chosen=chosen,
        lines=lines,
    )


def answer_from_form(kind: str, form: Any, traps: list[str]) -> Any:
    """The engine's value for a step of ``kind`` from the submitted form."""
    if kind == "info":
        return None
    if kind == "choice":
        return field(form, "value")
    if kind == "multi":
        return [str(v) for v in form.getlist("value")]
    if kind == "text":
        return field(form, "value")
    if kind == "list":
        raw = field(form, "value")
        return [line.strip() for line in raw.splitlines() if line.strip()]
    if kind == "scale":
        raw = field(form, "value").strip()
        if not raw:
            return None
        try:
            return int(raw)
        except ValueError:
            raise InvalidInput(msg("web.flow.whole_number")) from None
    if kind == "traps":
        confirmed = [label for label in traps if field(form, f"trap.{label}") == "yes"]
        rejected = [label for label in traps if field(form, f"trap.{label}") == "no"]
        return {"confirmed": confirmed, "rejected": rejected}
    raise InvalidInput(msg("web.flow.unknown_step"))


def event_cards(events: Any) -> list[dict[str, str]]:
    """Explainer cards and path changes to show above the next step."""
    cards: list[dict[str, str]] = []
    for event in events:
        kind = str(event.kind.value if hasattr(event.kind, "value") else event.kind)
        if kind == "explainer":
            card_id = str(event.data.get("card", event.data.get("id", "")))
            cards.append({"kind": "explainer", "title": text(f"reflect.card.{card_id}.title"),
                          "body": text(f"reflect.card.{card_id}.body")})
        elif kind == "survivor":
            cards.append({"kind": "survivor", "title": msg("web.flow.survivor_opened_title"),
                          "body": msg("web.flow.survivor_opened")})
        elif kind == "crisis":
            cards.append({"kind": "crisis", "title": msg("web.flow.crisis_opened_title"),
                          "body": msg("web.flow.crisis_opened")})
        elif kind == "disputed":
            cards.append({"kind": "note", "title": "", "body": msg("web.flow.disputed")})
    return cards


def person_of(unlocked: Any, run: Any) -> str:
    """The alias of the person a run is about (partner checks), for prompts that name them."""
    if run.person_id is None:
        return ""
    for person in unlocked.journal.people():
        if person.id == run.person_id:
            return str(person.alias)
    return ""
