"""The `reflect` command: the guided reflection on an episode, the survivor path on request,
and the explainer cards.

Thin: parse options, call the reflect service, render. The partner check and boundaries live in
``cli/partner.py``, the safety plan and support lines in ``cli/support.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from afterword.cli import context as cx
from afterword.cli.answers_file import AnswersOpt, answer_and_tell, load_answers, summary
from afterword.cli.context import JsonOpt
from afterword.cli.runner import ConsoleIO, Runner, locale_of, reflect_service
from afterword.messages import msg

if TYPE_CHECKING:
    from afterword.services.reflect import ReflectService, RunOutcome


def _drive(svc: ReflectService, outcome: RunOutcome, data: dict[str, Any] | None, locale: str,
           as_json: bool) -> RunOutcome:
    """Answer from the --answers file's `data` (printing a summary), else interactively."""
    if data is not None:
        outcome, events = answer_and_tell(svc, outcome, data, locale)
        cx.out_json(summary(svc, outcome, events))
        return outcome
    outcome = Runner(svc, ConsoleIO(), locale).run(outcome)
    if as_json:
        cx.out_json(summary(svc, outcome, []))
    return outcome


def register(app: typer.Typer) -> None:
    """Add the reflect command to `app`."""

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
        c = cx.of(ctx)
        locale = locale_of(c)
        data = load_answers(answers) if answers is not None else None
        if episode is None and data is not None and isinstance(data.get("episode"), str | int):
            episode = str(data["episode"])
        with c.unlock() as unlocked:
            svc = reflect_service(unlocked)
            if list_runs:
                _list_runs(svc, as_json)
                return
            flow = (data or {}).get("flow", "reflection")
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
                cx.info(msg("reflect.cli.finished_already", run=outcome.run.id))
            if outcome.run.state.answers:
                cx.info(msg("reflect.cli.resumed"))
            else:
                cx.info(msg("reflect.cli.started"))
                cx.info(msg("common.not_therapy"))
            _drive(svc, outcome, data, locale, as_json)


def _show_cards(name: str) -> None:
    from afterword.domain.explainers import CARDS, card
    from afterword.errors import NotFound

    try:
        chosen = list(CARDS) if name == "all" else [card(name)]
    except ValueError:
        raise NotFound(msg("reflect.cli.no_card", card=name[:40])) from None
    for c in chosen:
        cx.out(msg("reflect.cli.card", title=msg(c.title_key), body=msg(c.body_key)))
        cx.out("")


def _list_runs(svc: ReflectService, as_json: bool) -> None:
    runs = svc.runs()
    if as_json:
        cx.out_json([r.to_dict() for r in runs])
        return
    if not runs:
        cx.info(msg("reflect.cli.list_runs_none"))
    for r in runs:
        episode = msg("reflect.cli.run_episode", id=r.episode_id) if r.episode_id else ""
        cx.out(msg("reflect.cli.run_line", id=r.id, flow=r.track,
                   status=msg(f"reflect.cli.status.{r.status}"), episode=episode,
                   updated=r.updated_at.date().isoformat()))
