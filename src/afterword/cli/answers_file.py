"""Answering a guided flow from a JSON file (``--answers``; format: docs/reflection.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from afterword.cli import context as cx
from afterword.cli.runner import crisis_resource_lines
from afterword.messages import msg

if TYPE_CHECKING:
    from afterword.domain.flow_views import Event
    from afterword.services.reflect import ReflectService, RunOutcome

AnswersOpt = Annotated[Path | None, typer.Option(
    "--answers", help="Answer from this JSON file instead of asking (format: docs/reflection.md).",
    exists=False, dir_okay=False)]

ANSWERS_FORMAT = 1


def load_answers(path: Path) -> dict[str, Any]:
    """The --answers file, checked; InvalidInput names what is wrong (never the answers)."""
    from afterword.errors import InvalidInput

    def bad(reason: str, **values: object) -> InvalidInput:
        return InvalidInput(msg("reflect.cli.answers_bad",
                                reason=msg(f"reflect.cli.answers.{reason}", **values)))

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise bad("unreadable", path=str(path)) from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise bad("not_json", line=getattr(exc, "lineno", "?")) from None
    if not isinstance(data, dict):
        raise bad("not_object")
    if data.get("format", ANSWERS_FORMAT) != ANSWERS_FORMAT:
        raise bad("format", format=ANSWERS_FORMAT)
    unknown = set(data) - {"format", "flow", "episode", "answers", "revise", "help", "support"}
    if unknown:
        raise bad("unknown_field", field=sorted(unknown)[0][:40])
    for name in ("answers", "revise"):
        if not isinstance(data.get(name, {}), dict):
            raise bad("not_mapping", name=name)
    if not isinstance(data.get("episode", ""), str | int):
        raise bad("episode")
    if data.get("flow", "reflection") not in ("reflection", "survivor", "safety_plan"):
        raise bad("flow")
    return data


def answer_from_file(svc: ReflectService, outcome: RunOutcome, data: dict[str, Any],
                     locale: str) -> tuple[RunOutcome, list[Event]]:
    """Apply revisions, then answer each current step from the file until done or missing."""
    from afterword.domain.flow_defs import Kind
    from afterword.domain.flow_views import EventKind

    run_id = outcome.run.id
    events = list(outcome.events)
    for key, value in data.get("revise", {}).items():
        outcome = svc.revise(run_id, key, value)
        events += outcome.events
    if data.get("support"):
        outcome = svc.request_survivor(run_id)
        events += outcome.events
    if data.get("help"):
        outcome = svc.request_help(run_id)
        events += outcome.events
    answers = data.get("answers", {})
    while (view := outcome.view) is not None:
        if view.step.kind is Kind.INFO:
            value = None
        elif view.key in answers:
            value = answers[view.key]
        elif _answered(outcome.run.state, view.key):
            value = view.previous  # walking back over an answered step: keep its answer
        else:
            break
        outcome = svc.answer(run_id, view.key, value)
        events += outcome.events
        if any(e.kind is EventKind.CRISIS for e in outcome.events):
            # Resources at once, even in a script.
            for line in crisis_resource_lines(svc, locale):
                cx.info(line)
    return outcome, events


def answer_and_tell(svc: ReflectService, outcome: RunOutcome, data: dict[str, Any],
                    locale: str) -> tuple[RunOutcome, list[Event]]:
    """``answer_from_file``, then say which step still waits for an answer, if one does."""
    outcome, events = answer_from_file(svc, outcome, data, locale)
    if outcome.view is not None:
        cx.info(msg("reflect.cli.answers_waiting", step=outcome.view.key))
    return outcome, events


def _answered(state: Any, key: str) -> bool:
    answers = state.overlay.answers if state.overlay is not None else state.answers
    return key in answers


def summary(svc: ReflectService, outcome: RunOutcome, events: list[Event]) -> dict[str, Any]:
    run = outcome.run
    return {
        **run.to_dict(),
        "next_step": outcome.view.key if outcome.view is not None else None,
        "events": [{"kind": e.kind.value, **{k: v for k, v in e.data.items()
                                             if k in ("card", "trigger", "response", "effect",
                                                      "key")}}
                   for e in events],
    }
