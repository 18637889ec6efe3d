"""Walking a guided flow on the terminal, for the reflect area's commands.

The runner reads and writes through a small ``IO`` (a Rich console on the terminal; tests drive it
through a pseudo-terminal) and saves after every answer, so a flow can be stopped at any moment
and resumed. Messages go to stderr. Services are imported inside function bodies so
``afterword --help`` stays instant.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Protocol

from afterword.cli import context as cx
from afterword.messages import msg

if TYPE_CHECKING:
    from afterword.domain.flow_views import Event, StepView
    from afterword.services.reflect import ReflectService, RunOutcome

CONTROL = {"back", "pause", "help", "support"}


class IO(Protocol):
    def say(self, text: str) -> None: ...

    def ask(self, prompt: str) -> str: ...  # raises EOFError when input ends


class ConsoleIO:
    """The terminal, through Rich; messages on stderr like every other message."""

    def __init__(self) -> None:
        from rich.console import Console

        self._console = Console(stderr=True, highlight=False, markup=False, soft_wrap=True)

    def say(self, text: str) -> None:
        self._console.print(text)

    def ask(self, prompt: str) -> str:
        self._console.print(prompt, end="")
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        return line.rstrip("\r\n")


def reflect_service(unlocked: Any) -> ReflectService:
    from afterword.services.reflect import ReflectService

    return ReflectService(unlocked)


def locale_of(c: cx.CliContext) -> str:
    return str(c.services().settings.locale)


class Runner:
    """Walks a run interactively: shows each step, reads the answer, saves, goes on."""

    def __init__(self, svc: ReflectService, io: IO, locale: str, person: str = "") -> None:
        self.svc = svc
        self.io = io
        self.locale = locale
        self.person = person
        self._flow: str | None = None

    def run(self, outcome: RunOutcome) -> RunOutcome:
        self.io.say(msg("reflect.cli.hint"))
        while True:
            self.events(outcome.events)
            view = outcome.view
            if view is None:
                self.io.say(msg("reflect.cli.done"))
                return outcome
            try:
                nxt = self.step(outcome, view)
            except EOFError:
                nxt = None
            if nxt is None:
                self.io.say(msg("reflect.cli.paused", run=outcome.run.id))
                return outcome
            outcome = nxt

    def events(self, events: tuple[Event, ...]) -> None:
        from afterword.domain.explainers import card
        from afterword.domain.flow_views import EventKind

        for event in events:
            if event.kind is EventKind.EXPLAINER:
                c = card(str(event.data["card"]))
                self.io.say("")
                self.io.say(msg("reflect.cli.card", title=msg(c.title_key), body=msg(c.body_key)))

    def text(self, key: str, view: StepView) -> str:
        values: dict[str, object] = {}
        if view.item_label:
            values["item"] = msg(view.item_label)
        elif view.item is not None:
            values["item"] = view.item
        values["person"] = self.person
        return msg(key, **values)

    def step(self, outcome: RunOutcome, view: StepView) -> RunOutcome | None:
        from afterword.domain.flow_defs import Kind
        from afterword.errors import InvalidInput

        run_id = outcome.run.id
        if view.flow != self._flow:
            self._flow = view.flow
            flow = self.svc.engine.flows[view.flow]
            self.io.say("")
            self.io.say(f"== {msg(flow.title)} ==")
        self.io.say("")
        self.io.say(self.text(view.step.prompt, view))
        if view.note:
            self.io.say(self.text(view.note, view))
        if view.step.resources:
            self.resources(view.step.resources)
        for key in view.socratic:
            self.io.say(f"  - {msg(key)}")
        while True:
            try:
                raw = self.read(view)
            except _Control as control:
                return self.control(run_id, control.word)
            try:
                # After "back", the step shown is the current one: answering it revises it.
                return self.svc.answer(run_id, view.key, raw)
            except InvalidInput as exc:
                reason = exc.values.get("reason") or exc.user_message()
                self.io.say(msg("reflect.cli.invalid", reason=reason))
                if view.step.kind is Kind.INFO:  # pragma: no cover - INFO always fits
                    raise

    def control(self, run_id: int, word: str) -> RunOutcome | None:
        from afterword.errors import InvalidInput

        if word == "pause":
            return None
        if word == "help":
            return self.svc.request_help(run_id)
        if word == "support":
            return self.svc.request_survivor(run_id)
        try:
            return self.svc.back(run_id)
        except InvalidInput:
            self.io.say(msg("reflect.cli.no_back"))
            return self.svc.resume(run_id)

    def ask(self, prompt: str) -> str:
        raw = self.io.ask(prompt)
        if raw.strip().lower() in CONTROL:
            raise _Control(raw.strip().lower())
        return raw

    def read(self, view: StepView) -> Any:  # noqa: C901 - one branch per kind of step
        from afterword.domain.flow_defs import Kind

        step = view.step
        kind = step.kind
        if view.previous not in (None, True) and kind is not Kind.LIST:
            self.io.say(msg("reflect.cli.previous", value=_show(view.previous)))
        if kind is Kind.INFO:
            self.ask(msg("reflect.cli.continue") + " ")
            return None
        if kind is Kind.CHOICE:
            for n, option in enumerate(step.options, 1):
                self.io.say(f"  {n}. {self.text(option.label, view)}")
            raw = self.ask(msg("reflect.cli.choose") + ": ").strip()
            if not raw and view.previous is not None:
                return view.previous
            return _pick(raw, [o.value for o in step.options])
        if kind is Kind.MULTI:
            for n, option in enumerate(step.options, 1):
                self.io.say(f"  {n}. {self.text(option.label, view)}")
            raw = self.ask(msg("reflect.cli.choose_many") + ": ").strip()
            if not raw:
                return view.previous if view.previous is not None else []
            return [_pick(p.strip(), [o.value for o in step.options])
                    for p in raw.split(",") if p.strip()]
        if kind is Kind.SCALE:
            raw = self.ask(msg("reflect.cli.scale", low=step.low, high=step.high) + ": ").strip()
            if not raw and view.previous is not None:
                return view.previous
            return raw
        if kind is Kind.TEXT:
            if not step.required:
                self.io.say(msg("reflect.cli.skip_hint"))
            raw = self.ask("> ")
            if not raw.strip() and view.previous is not None:
                return view.previous
            return raw
        if kind is Kind.LIST:
            return self.read_list(view)
        if kind is Kind.TRAPS:
            return self.read_traps(view)
        raise AssertionError(kind)  # pragma: no cover

    def read_list(self, view: StepView) -> list[str]:
        keep: list[str] = []
        if view.key.startswith("plan.") and not isinstance(view.previous, list):
            # An empty answer keeps what the saved plan already says for this section.
            keep = list(self.svc.safety.plan().items(view.key.split(".", 1)[1]))
            if keep:
                self.io.say(msg("reflect.cli.plan_current", items="; ".join(keep)))
                self.io.say(msg("reflect.cli.list_keep", items="; ".join(keep)))
        elif isinstance(view.previous, list):
            keep = [str(x) for x in view.previous]
            self.io.say(msg("reflect.cli.list_keep", items="; ".join(keep)))
        elif view.suggestions:
            keep = list(view.suggestions)
            self.io.say(msg("reflect.cli.suggested"))
            for item in keep:
                self.io.say(f"  - {item}")
        self.io.say(msg("reflect.cli.list_hint"))
        items: list[str] = []
        while True:
            raw = self.ask("- ")
            if not raw.strip():
                break
            items.append(raw)
        return items or keep

    def read_traps(self, view: StepView) -> dict[str, list[str]]:
        if not view.traps:
            self.io.say(msg("reflect.cli.no_traps"))
            self.ask(msg("reflect.cli.continue") + " ")
            return {"confirmed": [], "rejected": []}
        for n, trap in enumerate(view.traps, 1):
            self.io.say(msg("reflect.cli.trap_line", n=n, name=msg(f"reflect.trap.{trap.label}"),
                            evidence=trap.evidence))
        raw = self.ask(msg("reflect.cli.traps_choose") + ": ").strip()
        labels = [t.label for t in view.traps]
        confirmed = [_pick(p.strip(), labels) for p in raw.split(",") if p.strip()]
        return {"confirmed": confirmed,
                "rejected": [label for label in labels if label not in confirmed]}

    def resources(self, kinds: tuple[str, ...]) -> None:
        for line in resource_lines(self.svc.safety.resources(self.locale, kinds)):
            self.io.say(line)


class _Control(Exception):
    def __init__(self, word: str) -> None:
        self.word = word


def _pick(raw: str, values: list[str]) -> str:
    """A number from the list shown, or the option's own value."""
    if raw.isdigit() and 1 <= int(raw) <= len(values):
        return values[int(raw) - 1]
    return raw


def _show(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.get("confirmed", []))
    return str(value)


def crisis_resource_lines(svc: ReflectService, locale: str) -> list[str]:
    """Emergency and crisis lines for `locale` (the person's own first), ready to print."""
    from afterword.domain.crisis import RESOURCE_KINDS

    return resource_lines(svc.safety.resources(locale, RESOURCE_KINDS))


def resource_lines(resources: list[Any]) -> list[str]:
    lines = ["", msg("reflect.cli.resources_title")]
    verified = None
    for r in resources:
        hours = f" ({r.hours})" if r.hours else ""
        lines.append("  " + msg("reflect.cli.resource_line", name=r.name, contact=r.contact,
                                hours=hours))
        if r.last_verified is not None:
            verified = max(verified, r.last_verified) if verified else r.last_verified
    if verified is not None:
        lines.append(msg("reflect.cli.resources_verified", date=verified.isoformat()))
    return lines
