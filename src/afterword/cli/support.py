"""Support commands (`safety-plan`, `resources`) and the crisis check after a journal entry.

Afterword never contacts anyone: these show the person's own plan and support lines, offline.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from afterword.cli import context as cx
from afterword.cli.answers_file import AnswersOpt, answer_from_file, load_answers
from afterword.cli.context import JsonOpt
from afterword.cli.runner import (
    IO,
    ConsoleIO,
    Runner,
    crisis_resource_lines,
    locale_of,
    reflect_service,
    resource_lines,
)
from afterword.messages import msg


def check_after_write(unlocked: Any, entry_id: int, locale: str, io: IO | None = None) -> None:
    """For the journal's write command: if the entry suggests risk, check in at once.

    On a terminal the crisis check runs interactively (it can be left with "pause"); without
    one, the resources are printed to stderr. Nothing happens for a calm entry.
    """
    svc = reflect_service(unlocked)
    outcome = svc.check_entry(entry_id)
    if outcome is None:
        return
    if io is None and not sys.stdin.isatty():
        for line in crisis_resource_lines(svc, locale):
            cx.info(line)
        cx.info(msg("reflect.cli.check_later", run=outcome.run.id))
        return
    Runner(svc, io or ConsoleIO(), locale).run(outcome)


def register(app: typer.Typer) -> None:
    """Add the safety plan and resources commands to `app`."""

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
        c = cx.of(ctx)
        locale = locale_of(c)
        with c.unlock() as unlocked:
            svc = reflect_service(unlocked)
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
            for line in crisis_resource_lines(svc, locale):
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

        c = cx.of(ctx)
        region = (locale or locale_of(c)).strip().upper()
        if normalise_locale(region) != region and region not in ("GB",):
            cx.info(msg("reflect.cli.bad_locale", locale=region[:8]))
        own: list[Any] = []
        if add is not None or mine:
            with c.unlock() as unlocked:
                svc = reflect_service(unlocked)
                if add is not None:
                    svc.safety.add_resource(add, contact or "", about, region)
                    cx.info(msg("reflect.cli.resource_added"))
                own = svc.safety.own_resources()
        listed = directory().for_locale(region, own=own)
        if as_json:
            cx.out_json({"locale": normalise_locale(region), "locales": list(LOCALES),
                         "note": directory().note,
                         "resources": [r.as_dict() for r in listed]})
            return
        for line in resource_lines(listed):
            cx.out(line)


def _print_plan(plan: Any) -> None:
    from afterword.domain.safety_plan import SECTIONS

    cx.out(msg("reflect.cli.plan_title"))
    if plan.empty:
        cx.out(msg("reflect.cli.plan_empty"))
        return
    for section in SECTIONS:
        cx.out("")
        cx.out(msg(f"reflect.plan.{section}"))
        for item in plan.items(section):
            cx.out(msg("reflect.cli.plan_item", item=item))
    if plan.updated_at is not None:
        cx.out("")
        cx.out(msg("reflect.cli.plan_updated", date=plan.updated_at.date().isoformat()))
