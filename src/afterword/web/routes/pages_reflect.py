"""Pages: the guided flows (reflection, survivor path, safety plan, partner check), run by the
reflection area's engine from the same definitions as the CLI."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from afterword.errors import AfterwordError, InvalidInput
from afterword.messages import msg
from afterword.web import flows_view
from afterword.web.deps import Unlocked
from afterword.web.drafts import effective
from afterword.web.errors import user_message
from afterword.web.forms import field
from afterword.web.schemas import Id
from afterword.web.templating import render, see

router = APIRouter(include_in_schema=False)

STARTABLE = ("survivor", "safety_plan")


def reflect_service(request: Request, unlocked: Any) -> Any:
    from afterword.services.reflect import ReflectService

    detector = getattr(request.app.state, "detector", None)
    return request.app.state.gate.cached(
        "reflect", lambda: ReflectService(unlocked, detector=detector))


def partner_service(request: Request, unlocked: Any) -> Any:
    from afterword.services.partner import PartnerService

    return PartnerService(reflect_service(request, unlocked))


def locale_of(request: Request, unlocked: Any) -> str:
    return str(effective(unlocked, request.app.state.settings)["locale"])


def resources_for(request: Request, unlocked: Any, kinds: tuple[str, ...]) -> list[Any]:
    service = reflect_service(request, unlocked)
    return list(service.safety.resources(locale_of(request, unlocked), kinds))


@router.get("/reflect")
def reflect_hub(request: Request, unlocked: Unlocked) -> Response:
    service = reflect_service(request, unlocked)
    runs = service.runs()
    episodes = {e.id: e for e in unlocked.journal.episodes()}
    return render(request, "reflect_hub.html", runs=runs, episodes=episodes,
                  flow_title=lambda flow: flows_view.text(_flow_title(service, flow)))


def _flow_title(service: Any, flow: str) -> str:
    from afterword.domain import reflection

    found = reflection.FLOWS.get(flow)
    return found.title if found is not None else flow


@router.post("/reflect/open")
async def open_reflection(request: Request, unlocked: Unlocked) -> Response:
    form = await request.form()
    episode = field(form, "episode").strip() or None
    outcome = reflect_service(request, unlocked).open_reflection(episode)
    return _outcome_page(request, unlocked, outcome)


@router.post("/reflect/start")
async def start_flow(request: Request, unlocked: Unlocked) -> Response:
    form = await request.form()
    flow = field(form, "flow")
    if flow not in STARTABLE:
        raise InvalidInput(msg("web.flow.unknown_flow"))
    service = reflect_service(request, unlocked)
    for run in service.runs(flow):
        if run.status == "active":
            return _outcome_page(request, unlocked, service.resume(run.id))
    return _outcome_page(request, unlocked, service.start(flow))


@router.get("/runs/{run_id}")
def run_page(request: Request, run_id: Id, unlocked: Unlocked) -> Response:
    service = reflect_service(request, unlocked)
    run = service.get(run_id)
    return _run_page(request, unlocked, run, service.view(run), ())


def _outcome_page(request: Request, unlocked: Any, outcome: Any, status: int = 200,
                  error: str | None = None) -> Response:
    return _run_page(request, unlocked, outcome.run, outcome.view, outcome.events, status, error)


def _run_page(request: Request, unlocked: Any, run: Any, view: Any, events: Any,
              status: int = 200, error: str | None = None) -> Response:
    service = reflect_service(request, unlocked)
    person = flows_view.person_of(unlocked, run)
    step = flows_view.step_page(view, person) if view is not None else None
    kinds = step.resource_kinds if step else ()
    cards = flows_view.event_cards(events)
    if any(c["kind"] == "crisis" for c in cards) or (step and step.overlay):
        kinds = tuple(dict.fromkeys((*kinds, "emergency", "crisis")))
    resources = resources_for(request, unlocked, kinds) if kinds else []
    summary = None
    if view is None and run.flow == "partner_check":
        summary = partner_service(request, unlocked).result(run)
    boundaries = []
    if view is None and run.flow == "reflection":
        boundaries = [b for b in service.boundaries.list(include_retired=False)
                      if b.origin.run_id == run.id]
    from afterword.domain.safety_plan import SECTIONS

    return render(request, "run.html", status, run=run, step=step, cards=cards,
                  plan_sections=SECTIONS,
                  resources=resources, error=error, summary=summary, boundaries=boundaries,
                  title=flows_view.text("reflect.survivor.title" if run.track == "survivor"
                                        else _flow_title(service, run.flow)),
                  plan=service.safety.plan() if run.flow == "safety_plan" and view is None
                  else None)


@router.post("/runs/{run_id}/answer")
async def answer(request: Request, run_id: Id, unlocked: Unlocked) -> Response:
    service = reflect_service(request, unlocked)
    run = service.get(run_id)
    view = service.view(run)
    form = await request.form()
    if view is None:
        return see(f"/runs/{run_id}")
    key = field(form, "key")
    if key != view.key:
        # The page was out of date (another tab moved on): show where the flow really is.
        return _run_page(request, unlocked, run, view, (), 409, msg("web.flow.moved_on"))
    try:
        value = flows_view.answer_from_form(view.step.kind.value, form,
                                            [t.label for t in view.traps])
        outcome = service.answer(run_id, key, value)
    except AfterwordError as exc:
        return _run_page(request, unlocked, run, view, (), exc.http_status, user_message(exc))
    return _outcome_page(request, unlocked, outcome)


@router.post("/runs/{run_id}/back")
def back(request: Request, run_id: Id, unlocked: Unlocked) -> Response:
    service = reflect_service(request, unlocked)
    try:
        outcome = service.back(run_id)
    except AfterwordError as exc:
        run = service.get(run_id)
        return _run_page(request, unlocked, run, service.view(run), (), exc.http_status,
                         user_message(exc))
    return _outcome_page(request, unlocked, outcome)


@router.post("/runs/{run_id}/help")
def ask_for_help(request: Request, run_id: Id, unlocked: Unlocked) -> Response:
    return _outcome_page(request, unlocked,
                         reflect_service(request, unlocked).request_help(run_id))


@router.post("/runs/{run_id}/survivor")
def survivor(request: Request, run_id: Id, unlocked: Unlocked) -> Response:
    return _outcome_page(request, unlocked,
                         reflect_service(request, unlocked).request_survivor(run_id))


@router.post("/runs/{run_id}/dispute")
def dispute(request: Request, run_id: Id, unlocked: Unlocked) -> Response:
    return _outcome_page(request, unlocked,
                         reflect_service(request, unlocked).dispute_nonconsent(run_id))


# --- partner check ---------------------------------------------------------------------------


@router.get("/check")
def check_page(request: Request, unlocked: Unlocked) -> Response:
    service = reflect_service(request, unlocked)
    people = unlocked.journal.people()
    history = {p.alias: service.runs("partner_check", person_id=p.id) for p in people}
    return render(request, "check.html", people=people, history=history,
                  person=request.query_params.get("person", ""))


@router.post("/check/open")
async def open_check(request: Request, unlocked: Unlocked) -> Response:
    form = await request.form()
    alias = field(form, "person").strip()
    if not alias:
        raise InvalidInput(msg("web.check.no_person"))
    try:
        outcome = partner_service(request, unlocked).open(alias)
    except AfterwordError as exc:
        return render(request, "check.html", exc.http_status, people=unlocked.journal.people(),
                      history={}, person=alias, error=user_message(exc))
    return _outcome_page(request, unlocked, outcome)
