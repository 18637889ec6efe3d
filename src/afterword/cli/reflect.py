"""CLI commands for the reflect area: reflect, boundaries, check, safety-plan, resources.

Thin: parse options, call the reflect services, render. The interactive runner reads and writes
through a small ``IO`` (a Rich console on the terminal; tests drive it through a pseudo-terminal)
and saves after every answer, so a flow can be stopped at any moment and resumed. Messages go to
stderr, data (JSON, lists) to stdout. Services are imported inside command bodies so
``afterword --help`` stays instant.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Protocol

import typer

from afterword.cli import context as cx

if TYPE_CHECKING:
    from afterword.domain.flow_views import Event, StepView
    from afterword.services.reflect import ReflectService, RunOutcome

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON to stdout.")]
AnswersOpt = Annotated[Path | None, typer.Option(
    "--answers", help="Answer from this JSON file instead of asking (format: docs/reflection.md).",
    exists=False, dir_okay=False)]

CONTROL = {"back", "pause", "help", "support"}
ANSWERS_FORMAT = 1


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


def _ctx(ctx: typer.Context) -> cx.CliContext:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, cx.CliContext) else cx.CliContext()


def _m(key: str, **values: object) -> str:
    from afterword.messages import msg

    return msg(key, **values)


# --- rendering ------------------------------------------------------------------------------


class Runner:
    """Walks a run interactively: shows each step, reads the answer, saves, goes on."""

    def __init__(self, svc: ReflectService, io: IO, locale: str, person: str = "") -> None:
        self.svc = svc
        self.io = io
        self.locale = locale
        self.person = person
        self._flow: str | None = None

    def run(self, outcome: RunOutcome) -> RunOutcome:
        self.io.say(_m("reflect.cli.hint"))
        while True:
            self.events(outcome.events)
            view = outcome.view
            if view is None:
                self.io.say(_m("reflect.cli.done"))
                return outcome
            try:
                nxt = self.step(outcome, view)
            except EOFError:
                nxt = None
            if nxt is None:
                self.io.say(_m("reflect.cli.paused", run=outcome.run.id))
                return outcome
            outcome = nxt

    def events(self, events: tuple[Event, ...]) -> None:
        from afterword.domain.explainers import card
        from afterword.domain.flow_views import EventKind

        for event in events:
            if event.kind is EventKind.EXPLAINER:
                c = card(str(event.data["card"]))
                self.io.say("")
                self.io.say(_m("reflect.cli.card", title=_m(c.title_key), body=_m(c.body_key)))

    def text(self, key: str, view: StepView) -> str:
        values: dict[str, object] = {}
        if view.item_label:
            values["item"] = _m(view.item_label)
        elif view.item is not None:
            values["item"] = view.item
        values["person"] = self.person
        return _m(key, **values)

    def step(self, outcome: RunOutcome, view: StepView) -> RunOutcome | None:
        from afterword.domain.flow_defs import Kind
        from afterword.errors import InvalidInput

        run_id = outcome.run.id
        if view.flow != self._flow:
            self._flow = view.flow
            flow = self.svc.engine.flows[view.flow]
            self.io.say("")
            self.io.say(f"== {_m(flow.title)} ==")
        self.io.say("")
        self.io.say(self.text(view.step.prompt, view))
        if view.note:
            self.io.say(self.text(view.note, view))
        if view.step.resources:
            self.resources(view.step.resources)
        for key in view.socratic:
            self.io.say(f"  - {_m(key)}")
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
                self.io.say(_m("reflect.cli.invalid", reason=reason))
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
            self.io.say(_m("reflect.cli.no_back"))
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
            self.io.say(_m("reflect.cli.previous", value=_show(view.previous)))
        if kind is Kind.INFO:
            self.ask(_m("reflect.cli.continue") + " ")
            return None
        if kind is Kind.CHOICE:
            for n, option in enumerate(step.options, 1):
                self.io.say(f"  {n}. {self.text(option.label, view)}")
            raw = self.ask(_m("reflect.cli.choose") + ": ").strip()
            if not raw and view.previous is not None:
                return view.previous
            return _pick(raw, [o.value for o in step.options])
        if kind is Kind.MULTI:
            for n, option in enumerate(step.options, 1):
                self.io.say(f"  {n}. {self.text(option.label, view)}")
            raw = self.ask(_m("reflect.cli.choose_many") + ": ").strip()
            if not raw:
                return view.previous if view.previous is not None else []
            return [_pick(p.strip(), [o.value for o in step.options])
                    for p in raw.split(",") if p.strip()]
        if kind is Kind.SCALE:
            raw = self.ask(_m("reflect.cli.scale", low=step.low, high=step.high) + ": ").strip()
            if not raw and view.previous is not None:
                return view.previous
            return raw
        if kind is Kind.TEXT:
            if not step.required:
                self.io.say(_m("reflect.cli.skip_hint"))
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
                self.io.say(_m("reflect.cli.plan_current", items="; ".join(keep)))
                self.io.say(_m("reflect.cli.list_keep", items="; ".join(keep)))
        elif isinstance(view.previous, list):
            keep = [str(x) for x in view.previous]
            self.io.say(_m("reflect.cli.list_keep", items="; ".join(keep)))
        elif view.suggestions:
            keep = list(view.suggestions)
            self.io.say(_m("reflect.cli.suggested"))
            for item in keep:
                self.io.say(f"  - {item}")
        self.io.say(_m("reflect.cli.list_hint"))
        items: list[str] = []
        while True:
            raw = self.ask("- ")
            if not raw.strip():
                break
            items.append(raw)
        return items or keep

    def read_traps(self, view: StepView) -> dict[str, list[str]]:
        if not view.traps:
            self.io.say(_m("reflect.cli.no_traps"))
            self.ask(_m("reflect.cli.continue") + " ")
            return {"confirmed": [], "rejected": []}
        for n, trap in enumerate(view.traps, 1):
            self.io.say(_m("reflect.cli.trap_line", n=n, name=_m(f"reflect.trap.{trap.label}"),
                           evidence=trap.evidence))
        raw = self.ask(_m("reflect.cli.traps_choose") + ": ").strip()
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


def resource_lines(resources: list[Any]) -> list[str]:
    lines = ["", _m("reflect.cli.resources_title")]
    verified = None
    for r in resources:
        hours = f" ({r.hours})" if r.hours else ""
        lines.append("  " + _m("reflect.cli.resource_line", name=r.name, contact=r.contact,
                                hours=hours))
        if r.last_verified is not None:
            verified = max(verified, r.last_verified) if verified else r.last_verified
    if verified is not None:
        lines.append(_m("reflect.cli.resources_verified", date=verified.isoformat()))
    return lines


def check_after_write(unlocked: Any, entry_id: int, locale: str, io: IO | None = None) -> None:
    """For the journal's write command: if the entry suggests risk, check in at once.

    On a terminal the crisis check runs interactively (it can be left with "pause"); without
    one, the resources are printed to stderr. Nothing happens for a calm entry.
    """
    svc = _service(unlocked)
    outcome = svc.check_entry(entry_id)
    if outcome is None:
        return
    if io is None and not sys.stdin.isatty():
        for line in resource_lines(svc.safety.resources(locale, ("emergency", "crisis"))):
            cx.info(line)
        cx.info(_m("reflect.cli.check_later", run=outcome.run.id))
        return
    Runner(svc, io or ConsoleIO(), locale).run(outcome)


# --- non-interactive ------------------------------------------------------------------------


def load_answers(path: Path) -> dict[str, Any]:
    """The --answers file, checked; InvalidInput names what is wrong (never the answers)."""
    from afterword.errors import InvalidInput

    def bad(reason: str, **values: object) -> InvalidInput:
        return InvalidInput(_m("reflect.cli.answers_bad",
                               reason=_m(f"reflect.cli.answers.{reason}", **values)))

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
            for line in resource_lines(svc.safety.resources(locale, ("emergency", "crisis"))):
                cx.info(line)
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


# --- commands -------------------------------------------------------------------------------


def _service(unlocked: Any) -> ReflectService:
    from afterword.services.reflect import ReflectService

    return ReflectService(unlocked)


def _locale(c: cx.CliContext) -> str:
    return str(c.services().settings.locale)


def _drive(svc: ReflectService, outcome: RunOutcome, answers: Path | None, locale: str,
           as_json: bool, person: str = "") -> RunOutcome:
    if answers is not None:
        data = load_answers(answers)
        outcome, events = answer_from_file(svc, outcome, data, locale)
        if outcome.view is not None:
            cx.info(_m("reflect.cli.answers_waiting", step=outcome.view.key))
        cx.out_json(summary(svc, outcome, events))
        return outcome
    outcome = Runner(svc, ConsoleIO(), locale, person).run(outcome)
    if as_json:
        cx.out_json(summary(svc, outcome, []))
    return outcome


def register(app: typer.Typer) -> None:  # noqa: C901 - one place that lists the commands
    """Add this area's commands to `app`."""

    @app.command("reflect", help=(
        "Guided reflection on an episode: consent first, then what happened, expectations, "
        "feelings, the questions that echo, thought records, the five pillars, and your "
        "boundary from now on. Saved after every answer; run it again to carry on. Type "
        "\"help\" at any prompt if you are struggling, \"support\" if something happened that "
        "you did not want. Exit codes: 0 saved (finished or paused), 3 wrong passphrase, "
        "5 no journal, 7 bad input or answers file, 8 no such episode or run."))
    def reflect_cmd(
        ctx: typer.Context,
        episode: Annotated[str | None, typer.Argument(
            help="The episode (number or exact name). Without it: the reflection in progress, "
                 "or a new one.")] = None,
        answers: AnswersOpt = None,
        run: Annotated[int | None, typer.Option("--run", help="Resume this run number.")] = None,
        survivor: Annotated[bool, typer.Option(
            "--support", help="Open the support path for something that happened without "
                              "your full consent.")] = False,
        list_runs: Annotated[bool, typer.Option("--list", help="List reflections.")] = False,
        revise: Annotated[str | None, typer.Option(
            "--revise", help="Show this answered step again to change it (e.g. consent, "
                             "boundary, thought.balanced#0); later answers are kept.")] = None,
        card: Annotated[str | None, typer.Option(
            "--card", help="Show an explainer card (bonding, expectations, rumination, "
                           "regret_shame, consent, or all).")] = None,
        as_json: JsonOpt = False,
    ) -> None:
        if card is not None:
            _show_cards(card)
            return
        c = _ctx(ctx)
        locale = _locale(c)
        data = load_answers(answers) if answers is not None else {}
        if episode is None and isinstance(data.get("episode"), str | int):
            episode = str(data["episode"])
        with c.unlock() as unlocked:
            svc = _service(unlocked)
            if list_runs:
                _list_runs(svc, as_json)
                return
            flow = data.get("flow", "reflection")
            if run is not None:
                outcome = svc.resume(run)
            elif survivor or flow == "survivor":
                outcome = svc.start("survivor")
            elif flow != "reflection":
                outcome = svc.start(str(flow))
            else:
                outcome = svc.open_reflection(episode)
            if revise is not None:
                outcome = svc.revisit(outcome.run.id, revise)
            elif outcome.view is None and answers is None:
                cx.info(_m("reflect.cli.finished_already", run=outcome.run.id))
            if outcome.run.state.answers:
                cx.info(_m("reflect.cli.resumed"))
            else:
                cx.info(_m("reflect.cli.started"))
                cx.info(_m("common.not_therapy"))
            _drive(svc, outcome, answers, locale, as_json)

    @app.command("boundaries", help=(
        "Your boundaries and values: list them, add one, change, retire or bring one back, and "
        "set how much each pillar (safety, care, honesty, mutual_value, "
        "respect_for_boundaries) weighs for you, 0 to 5. Edits keep their history."))
    def boundaries_cmd(
        ctx: typer.Context,
        add: Annotated[str | None, typer.Option("--add", help="Add this boundary.")] = None,
        pillar: Annotated[list[str] | None, typer.Option(
            "--pillar", help="A pillar the added boundary protects (repeatable).")] = None,
        edit: Annotated[int | None, typer.Option("--edit", help="Change boundary N ...")] = None,
        to: Annotated[str | None, typer.Option("--to", help="... to this wording.")] = None,
        retire: Annotated[int | None, typer.Option("--retire", help="Retire boundary N.")] = None,
        reactivate: Annotated[int | None, typer.Option(
            "--reactivate", help="Bring retired boundary N back.")] = None,
        weight: Annotated[list[str] | None, typer.Option(
            "--weight", help="PILLAR=0..5, e.g. --weight safety=5 (repeatable).")] = None,
        history: Annotated[bool, typer.Option("--history", help="Show each edit.")] = False,
        as_json: JsonOpt = False,
    ) -> None:
        from afterword.errors import InvalidInput

        weights: dict[str, int] = {}
        for item in weight or []:
            name, _, number = item.partition("=")
            if not number.strip().lstrip("-").isdigit():
                raise InvalidInput(_m("reflect.cli.bad_weight"))
            weights[name] = int(number)
        if edit is not None and not to:
            raise InvalidInput(_m("reflect.cli.bad_edit"))
        with _ctx(ctx).unlock() as unlocked:
            svc = _service(unlocked).boundaries
            if add is not None:
                b = svc.add(add, pillar or [])
                cx.info(_m("reflect.cli.boundary_added", id=b.id))
            if edit is not None and to is not None:
                svc.edit(edit, to)
                cx.info(_m("reflect.cli.boundary_edited", id=edit))
            if retire is not None:
                svc.retire(retire)
                cx.info(_m("reflect.cli.boundary_retired_ok", id=retire))
            if reactivate is not None:
                svc.reactivate(reactivate)
                cx.info(_m("reflect.cli.boundary_reactivated", id=reactivate))
            if weights:
                svc.set_weights(weights)
                cx.info(_m("reflect.cli.weights_saved"))
            _print_boundaries(svc.list(), svc.weights(), history, as_json)

    @app.command("check", help=(
        "Partner check before closeness with PERSON: questions by pillar, whether you have "
        "said out loud what you each want, warning signs of pressure and control, next to "
        "your own boundaries. Prompts and conversations, never a verdict or a score."))
    def check_cmd(
        ctx: typer.Context,
        person: Annotated[str, typer.Argument(help="The person (alias); added if new.")],
        answers: AnswersOpt = None,
        history: Annotated[bool, typer.Option("--history", help="Earlier checks.")] = False,
        as_json: JsonOpt = False,
    ) -> None:
        c = _ctx(ctx)
        locale = _locale(c)
        with c.unlock() as unlocked:
            svc = _service(unlocked)
            if history:
                runs = svc.partner.history(person)
                _print_checks(svc, person, runs, as_json)
                return
            outcome = svc.partner.open(person)
            if answers is not None:
                data = load_answers(answers)
                outcome, events = answer_from_file(svc, outcome, data, locale)
                if outcome.view is not None:
                    cx.info(_m("reflect.cli.answers_waiting", step=outcome.view.key))
            else:
                outcome = Runner(svc, ConsoleIO(), locale, person).run(outcome)
            _print_checks(svc, person, [outcome.run], as_json)

    @app.command("safety-plan", help=(
        "Your safety plan: warning signs, coping steps, people and places, people to ask for "
        "help, professionals, making your surroundings safer. --edit to build or change it. "
        "Afterword never contacts anyone."))
    def safety_plan_cmd(
        ctx: typer.Context,
        edit: Annotated[bool, typer.Option("--edit", help="Build or change the plan.")] = False,
        answers: AnswersOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        c = _ctx(ctx)
        locale = _locale(c)
        with c.unlock() as unlocked:
            svc = _service(unlocked)
            if edit or answers is not None:
                outcome = svc.start("safety_plan")
                if answers is not None:
                    data = load_answers(answers)
                    outcome, _ = answer_from_file(svc, outcome, data, locale)
                else:
                    Runner(svc, ConsoleIO(), locale).run(outcome)
            plan = svc.safety.plan()
            if as_json:
                cx.out_json({"sections": plan.as_dict(), "updated_at":
                             plan.updated_at.isoformat() if plan.updated_at else None})
                return
            _print_plan(plan)
            for line in resource_lines(svc.safety.resources(locale, ("emergency", "crisis"))):
                cx.out(line)

    @app.command("resources", help=(
        "Support lines for your region (setting `locale`: US, UK, IE, CA, AU, INT) and the ones "
        "you added. All offline; each shows when it was last checked."))
    def resources_cmd(
        ctx: typer.Context,
        locale: Annotated[str | None, typer.Option(
            "--locale", help="Region to show (default: the `locale` setting).")] = None,
        add: Annotated[str | None, typer.Option("--add", help="Add your own: its name.")] = None,
        contact: Annotated[str | None, typer.Option(
            "--contact", help="How to reach the one you add.")] = None,
        about: Annotated[str, typer.Option("--about", help="A note about it.")] = "",
        mine: Annotated[bool, typer.Option(
            "--mine", help="Include the ones you added (unlocks the journal).")] = False,
        as_json: JsonOpt = False,
    ) -> None:
        from afterword.domain.resources import LOCALES, directory, normalise_locale

        c = _ctx(ctx)
        region = (locale or _locale(c)).strip().upper()
        if normalise_locale(region) != region and region not in ("GB",):
            cx.info(_m("reflect.cli.bad_locale", locale=region[:8]))
        own: list[Any] = []
        if add is not None or mine:
            with c.unlock() as unlocked:
                svc = _service(unlocked)
                if add is not None:
                    svc.safety.add_resource(add, contact or "", about, region)
                    cx.info(_m("reflect.cli.resource_added"))
                own = svc.safety.own_resources()
        listed = directory().for_locale(region, own=own)
        if as_json:
            cx.out_json({"locale": normalise_locale(region), "locales": list(LOCALES),
                         "note": directory().note,
                         "resources": [r.as_dict() for r in listed]})
            return
        for line in resource_lines(listed):
            cx.out(line)


# --- printing -------------------------------------------------------------------------------


def _show_cards(name: str) -> None:
    from afterword.domain.explainers import CARDS, card
    from afterword.errors import NotFound

    try:
        chosen = list(CARDS) if name == "all" else [card(name)]
    except ValueError:
        raise NotFound(_m("reflect.cli.no_card", card=name[:40])) from None
    for c in chosen:
        cx.out(_m("reflect.cli.card", title=_m(c.title_key), body=_m(c.body_key)))
        cx.out("")


def _list_runs(svc: ReflectService, as_json: bool) -> None:
    runs = svc.runs()
    if as_json:
        cx.out_json([r.to_dict() for r in runs])
        return
    if not runs:
        cx.info(_m("reflect.cli.list_runs_none"))
    for r in runs:
        episode = _m("reflect.cli.run_episode", id=r.episode_id) if r.episode_id else ""
        cx.out(_m("reflect.cli.run_line", id=r.id, flow=r.track,
                  status=_m(f"reflect.cli.status.{r.status}"), episode=episode,
                  updated=r.updated_at.date().isoformat()))


def _print_boundaries(boundaries: list[Any], weights: Any, history: bool, as_json: bool) -> None:
    if as_json:
        cx.out_json({
            "boundaries": [{
                "id": b.id, "text": b.text, "status": b.status.value, "pillars": list(b.pillars),
                "origin": {"kind": b.origin.kind, "run_id": b.origin.run_id,
                           "episode_id": b.origin.episode_id},
                "history": [{"at": ch.at.isoformat(), "action": ch.action.value, "text": ch.text}
                            for ch in b.history],
            } for b in boundaries],
            "weights": weights.as_dict(),
        })
        return
    cx.out(_m("reflect.cli.boundaries_title"))
    if not boundaries:
        cx.out(_m("reflect.cli.boundaries_none"))
    for b in boundaries:
        pillars = f" [{', '.join(_m(f'reflect.pillar.{p}') for p in b.pillars)}]" \
            if b.pillars else ""
        origin = _m("reflect.cli.boundary_from_reflection") if b.origin.kind == "reflection" else ""
        retired = f" {_m('reflect.cli.boundary_retired')}" if not b.active else ""
        cx.out(_m("reflect.cli.boundary_line", id=b.id, text=b.text, pillars=pillars,
                  origin=origin) + retired)
        if history:
            for ch in b.history:
                cx.out(_m("reflect.cli.history_line", date=ch.at.date().isoformat(),
                          action=_m(f"reflect.cli.action.{ch.action.value}"), text=ch.text))
    cx.out("")
    cx.out(_m("reflect.cli.weights_title"))
    for p, w in weights.as_dict().items():
        cx.out("  " + _m("reflect.cli.weight_line", pillar=_m(f"reflect.pillar.{p}"), weight=w))


def _print_checks(svc: ReflectService, person: str, runs: list[Any], as_json: bool) -> None:
    results = [(r, svc.partner.result(r)) for r in runs]
    if as_json:
        cx.out_json({"person": person, "checks": [
            {**r.to_dict(), "reflection": res.as_dict()} for r, res in results]})
        return
    for run, result in results:
        cx.out(_m("reflect.cli.check_title", person=person) +
               f" ({run.updated_at.date().isoformat()})")
        for section in result.sections:
            cx.out("")
            cx.out(_m("reflect.cli.check_pillar", pillar=_m(f"reflect.pillar.{section.pillar}"),
                      weight=section.weight))
            for d in section.drivers:
                if d.kind == "question":
                    answer = _m(d.answer_key) if d.answer_key else "-"
                    cx.out(_m("reflect.cli.check_answer", question=_m(d.label_key),
                              answer=answer))
                else:
                    cx.out(_m("reflect.cli.check_sign", sign=_m(d.label_key)))
            for b in section.boundaries:
                cx.out(_m("reflect.cli.check_boundary", text=b.text))
            for p in section.prompts:
                cx.out(_m("reflect.cli.check_prompt", text=_m(p)))
            for t in section.conversations:
                cx.out(_m("reflect.cli.check_talk", text=_m(t)))
        if result.general_boundaries:
            cx.out("")
            cx.out(_m("reflect.cli.check_general"))
            for b in result.general_boundaries:
                cx.out(f"  - {b.text}")
        cx.out("")
        cx.out(_m("reflect.cli.check_not_verdict"))


def _print_plan(plan: Any) -> None:
    from afterword.domain.safety_plan import SECTIONS

    cx.out(_m("reflect.cli.plan_title"))
    if plan.empty:
        cx.out(_m("reflect.cli.plan_empty"))
        return
    for section in SECTIONS:
        cx.out("")
        cx.out(_m(f"reflect.plan.{section}"))
        for item in plan.items(section):
            cx.out(_m("reflect.cli.plan_item", item=item))
    if plan.updated_at is not None:
        cx.out("")
        cx.out(_m("reflect.cli.plan_updated", date=plan.updated_at.date().isoformat()))
