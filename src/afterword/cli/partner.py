"""The partner check (`check`) and the boundaries and values (`boundaries`) commands."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from afterword.cli import context as cx
from afterword.cli.answers_file import AnswersOpt, answer_and_tell, load_answers
from afterword.cli.context import JsonOpt
from afterword.cli.runner import ConsoleIO, Runner, locale_of, reflect_service
from afterword.messages import msg

if TYPE_CHECKING:
    from afterword.services.reflect import ReflectService


def register(app: typer.Typer) -> None:
    """Add the partner check and boundaries commands to `app`."""

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
                raise InvalidInput(msg("reflect.cli.bad_weight"))
            weights[name] = int(number)
        if edit is not None and not to:
            raise InvalidInput(msg("reflect.cli.bad_edit"))
        with cx.of(ctx).unlock() as unlocked:
            svc = reflect_service(unlocked).boundaries
            if add is not None:
                b = svc.add(add, pillar or [])
                cx.info(msg("reflect.cli.boundary_added", id=b.id))
            if edit is not None and to is not None:
                svc.edit(edit, to)
                cx.info(msg("reflect.cli.boundary_edited", id=edit))
            if retire is not None:
                svc.retire(retire)
                cx.info(msg("reflect.cli.boundary_retired_ok", id=retire))
            if reactivate is not None:
                svc.reactivate(reactivate)
                cx.info(msg("reflect.cli.boundary_reactivated", id=reactivate))
            if weights:
                svc.set_weights(weights)
                cx.info(msg("reflect.cli.weights_saved"))
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
        c = cx.of(ctx)
        locale = locale_of(c)
        with c.unlock() as unlocked:
            svc = reflect_service(unlocked)
            if history:
                runs = svc.partner.history(person)
                _print_checks(svc, person, runs, as_json)
                return
            outcome = svc.partner.open(person)
            if answers is not None:
                outcome, _ = answer_and_tell(svc, outcome, load_answers(answers), locale)
            else:
                outcome = Runner(svc, ConsoleIO(), locale, person).run(outcome)
            _print_checks(svc, person, [outcome.run], as_json)


def _print_boundaries(boundaries: list[Any], weights: Any, history: bool, as_json: bool) -> None:
    if as_json:
        cx.out_json({
            "boundaries": [b.as_dict() for b in boundaries],
            "weights": weights.as_dict(),
        })
        return
    cx.out(msg("reflect.cli.boundaries_title"))
    if not boundaries:
        cx.out(msg("reflect.cli.boundaries_none"))
    for b in boundaries:
        pillars = f" [{', '.join(msg(f'reflect.pillar.{p}') for p in b.pillars)}]" \
            if b.pillars else ""
        origin = (msg("reflect.cli.boundary_from_reflection")
                  if b.origin.kind == "reflection" else "")
        retired = f" {msg('reflect.cli.boundary_retired')}" if not b.active else ""
        cx.out(msg("reflect.cli.boundary_line", id=b.id, text=b.text, pillars=pillars,
                   origin=origin) + retired)
        if history:
            for ch in b.history:
                cx.out(msg("reflect.cli.history_line", date=ch.at.date().isoformat(),
                           action=msg(f"reflect.cli.action.{ch.action.value}"), text=ch.text))
    cx.out("")
    cx.out(msg("reflect.cli.weights_title"))
    for p, w in weights.as_dict().items():
        cx.out("  " + msg("reflect.cli.weight_line", pillar=msg(f"reflect.pillar.{p}"), weight=w))


def _print_checks(svc: ReflectService, person: str, runs: list[Any], as_json: bool) -> None:
    results = [(r, svc.partner.result(r)) for r in runs]
    if as_json:
        cx.out_json({"person": person, "checks": [
            {**r.to_dict(), "reflection": res.as_dict()} for r, res in results]})
        return
    for run, result in results:
        cx.out(msg("reflect.cli.check_title", person=person) +
               f" ({run.updated_at.date().isoformat()})")
        for section in result.sections:
            cx.out("")
            cx.out(msg("reflect.cli.check_pillar", pillar=msg(f"reflect.pillar.{section.pillar}"),
                       weight=section.weight))
            for d in section.drivers:
                if d.kind == "question":
                    answer = msg(d.answer_key) if d.answer_key else "-"
                    cx.out(msg("reflect.cli.check_answer", question=msg(d.label_key),
                               answer=answer))
                else:
                    cx.out(msg("reflect.cli.check_sign", sign=msg(d.label_key)))
            for b in section.boundaries:
                cx.out(msg("reflect.cli.check_boundary", text=b.text))
            for p in section.prompts:
                cx.out(msg("reflect.cli.check_prompt", text=msg(p)))
            for t in section.conversations:
                cx.out(msg("reflect.cli.check_talk", text=msg(t)))
        if result.general_boundaries:
            cx.out("")
            cx.out(msg("reflect.cli.check_general"))
            for b in result.general_boundaries:
                cx.out(f"  - {b.text}")
        cx.out("")
        cx.out(msg("reflect.cli.check_not_verdict"))
