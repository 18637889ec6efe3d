"""Render the reflection engine's steps as forms, and read forms back into answers.

The flows are the reflection area's data (``afterword.domain.reflection``), the same ones the
CLI runs; this module only knows how each kind of step looks in a browser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from afterword.errors import InvalidInput
from afterword.messages import has, msg


def text(key: str | None, **values: object) -> str:
    if not key:
        return ""
    return msg(key, **values) if has(key) else key


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
    chosen: list[str] = field(default_factory=list)
    lines: str = ""


def step_page(view: Any) -> StepPage:
    step = view.step
    item = view.item if view.item is not None else text(view.item_label)
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
        prompt=text(step.prompt, item=item),
        note=text(view.note, item=item),
        required=step.required,
        options=[(o.value, text(o.label, item=item)) for o in step.options],
        low=step.low,
        high=step.high,
        previous=previous,
        suggestions=list(view.suggestions),
        traps=traps,
        socratic=[text(k, item=item) for k in view.socratic],
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
        return str(form.get("value") or "")
    if kind == "multi":
        return [str(v) for v in form.getlist("value")]
    if kind == "text":
        return str(form.get("value") or "")
    if kind == "list":
        raw = str(form.get("value") or "")
        return [line.strip() for line in raw.splitlines() if line.strip()]
    if kind == "scale":
        raw = str(form.get("value") or "").strip()
        if not raw:
            return None
        try:
            return int(raw)
        except ValueError:
            raise InvalidInput(msg("web.flow.whole_number")) from None
    if kind == "traps":
        confirmed = [label for label in traps if form.get(f"trap.{label}") == "yes"]
        rejected = [label for label in traps if form.get(f"trap.{label}") == "no"]
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
