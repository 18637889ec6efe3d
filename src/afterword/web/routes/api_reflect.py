"""API: reflections (guided flows), boundaries, pillar weights, partner checks, resources."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from afterword.domain.pillars import PILLARS
from afterword.errors import InvalidInput
from afterword.messages import msg
from afterword.web import flows_view
from afterword.web.deps import Unlocked
from afterword.web.routes.pages_reflect import (
    partner_service,
    reflect_service,
    resources_for,
)
from afterword.web.schemas import (
    ERRORS,
    AnswerIn,
    BoundaryIn,
    BoundaryOut,
    BoundaryPatch,
    Id,
    PartnerCheckIn,
    ResourceOut,
    RunOut,
    RunState,
    StartRun,
)

router = APIRouter(prefix="/api/v1", responses=ERRORS)


def _state(unlocked: Any, outcome_run: Any, events: Any, view: Any) -> dict[str, Any]:
    step = None
    if view is not None:
        step = view.to_json()
        page = flows_view.step_page(view, flows_view.person_of(unlocked, outcome_run))
        step["text"] = {"prompt": page.prompt, "note": page.note,
                        "options": [{"value": v, "label": label} for v, label in page.options],
                        "socratic": page.socratic}
    return {"run": outcome_run.to_dict(),
            "events": [{"kind": str(e.kind.value), "data": dict(e.data)} for e in events],
            "step": step}


def _outcome(unlocked: Any, outcome: Any) -> dict[str, Any]:
    return _state(unlocked, outcome.run, outcome.events, outcome.view)


@router.get("/reflections", response_model=list[RunOut], tags=["reflections"])
def runs(request: Request, unlocked: Unlocked) -> list[dict[str, Any]]:
    """Every guided run (reflections, survivor path, safety plan, partner checks)."""
    return [r.to_dict() for r in reflect_service(request, unlocked).runs()]


@router.post("/reflections", response_model=RunState, status_code=201, tags=["reflections"])
def start(request: Request, unlocked: Unlocked, body: StartRun) -> dict[str, Any]:
    """Open the reflection of an episode (resumed when one exists) or start another flow."""
    service = reflect_service(request, unlocked)
    if body.flow == "reflection":
        episode = str(body.episode) if body.episode is not None else None
        return _outcome(unlocked, service.open_reflection(episode))
    if body.episode is not None:
        raise InvalidInput(msg("web.api.episode_only_reflection"))
    return _outcome(unlocked, service.start(body.flow))


@router.get("/reflections/{run_id}", response_model=RunState, tags=["reflections"])
def get_run(request: Request, unlocked: Unlocked, run_id: Id) -> dict[str, Any]:
    service = reflect_service(request, unlocked)
    run = service.get(run_id)
    return _state(unlocked, run, (), service.view(run))


@router.post("/reflections/{run_id}/answer", response_model=RunState, tags=["reflections"])
def answer(request: Request, unlocked: Unlocked, run_id: Id, body: AnswerIn) -> dict[str, Any]:
    """Answer the current step (`key` as given in `step.key`); saved before it returns."""
    service = reflect_service(request, unlocked)
    return _outcome(unlocked, service.answer(run_id, body.key, body.value))


@router.post("/reflections/{run_id}/revise", response_model=RunState, tags=["reflections"])
def revise(request: Request, unlocked: Unlocked, run_id: Id, body: AnswerIn) -> dict[str, Any]:
    """Change an earlier answer; the flow's branches are re-evaluated."""
    service = reflect_service(request, unlocked)
    return _outcome(unlocked, service.revise(run_id, body.key, body.value))


@router.post("/reflections/{run_id}/back", response_model=RunState, tags=["reflections"])
def back(request: Request, unlocked: Unlocked, run_id: Id) -> dict[str, Any]:
    return _outcome(unlocked, reflect_service(request, unlocked).back(run_id))


@router.post("/reflections/{run_id}/help", response_model=RunState, tags=["reflections"])
def help_now(request: Request, unlocked: Unlocked, run_id: Id) -> dict[str, Any]:
    """Open the crisis check on top of this run."""
    return _outcome(unlocked, reflect_service(request, unlocked).request_help(run_id))


@router.post("/reflections/{run_id}/survivor", response_model=RunState, tags=["reflections"])
def survivor(request: Request, unlocked: Unlocked, run_id: Id) -> dict[str, Any]:
    """Switch this run to the survivor path."""
    return _outcome(unlocked, reflect_service(request, unlocked).request_survivor(run_id))


@router.get("/boundaries", response_model=list[BoundaryOut], tags=["boundaries"])
def boundaries(request: Request, unlocked: Unlocked,
               include_retired: bool = True) -> list[dict[str, Any]]:
    service = reflect_service(request, unlocked).boundaries
    return [b.as_dict() for b in service.list(include_retired=include_retired)]


@router.post("/boundaries", response_model=BoundaryOut, status_code=201, tags=["boundaries"])
def add_boundary(request: Request, unlocked: Unlocked, body: BoundaryIn) -> dict[str, Any]:
    service = reflect_service(request, unlocked).boundaries
    return dict(service.add(body.text, body.pillars).as_dict())


@router.patch("/boundaries/{boundary_id}", response_model=BoundaryOut, tags=["boundaries"])
def change_boundary(request: Request, unlocked: Unlocked, boundary_id: Id,
                    body: BoundaryPatch) -> dict[str, Any]:
    """Edit the text or pillars, or retire / reactivate; every change is kept in its history."""
    service = reflect_service(request, unlocked).boundaries
    boundary = service.get(boundary_id)
    if body.text is not None:
        boundary = service.edit(boundary_id, body.text)
    if body.pillars is not None:
        boundary = service.set_pillars(boundary_id, body.pillars)
    if body.status == "retired" and boundary.active:
        boundary = service.retire(boundary_id)
    elif body.status == "active" and not boundary.active:
        boundary = service.reactivate(boundary_id)
    return dict(boundary.as_dict())


@router.get("/pillar-weights", response_model=dict[str, int], tags=["boundaries"])
def weights(request: Request, unlocked: Unlocked) -> dict[str, int]:
    """How much each pillar matters to the person (0 to 5); it orders, it never scores."""
    return dict(reflect_service(request, unlocked).boundaries.weights().as_dict())


@router.put("/pillar-weights", response_model=dict[str, int], tags=["boundaries"])
def set_weights(request: Request, unlocked: Unlocked, body: dict[str, int]) -> dict[str, int]:
    unknown = set(body) - set(PILLARS)
    if unknown:
        raise InvalidInput(msg("web.api.unknown_pillar"))
    service = reflect_service(request, unlocked).boundaries
    return dict(service.set_weights(body).as_dict())


@router.get("/partner-checks", response_model=list[RunOut], tags=["partner checks"])
def partner_checks(request: Request, unlocked: Unlocked,
                   person: Annotated[str, Query(min_length=1, max_length=64)]
                   ) -> list[dict[str, Any]]:
    """The checks for one person, newest first."""
    return [r.to_dict() for r in partner_service(request, unlocked).history(person)]


@router.post("/partner-checks", response_model=RunState, status_code=201,
             tags=["partner checks"])
def open_check(request: Request, unlocked: Unlocked, body: PartnerCheckIn) -> dict[str, Any]:
    """The check in progress for this person, or a new one; answer it like a reflection."""
    return _outcome(unlocked, partner_service(request, unlocked).open(body.person))


@router.get("/partner-checks/{run_id}/result", response_model=dict[str, Any],
            tags=["partner checks"])
def check_result(request: Request, unlocked: Unlocked, run_id: Id) -> dict[str, Any]:
    """What the check brought up, pillar by pillar, with the person's own boundaries.

    Prompts and conversations are message keys. Never a verdict."""
    service = reflect_service(request, unlocked)
    run = service.get(run_id)
    if run.flow != "partner_check":
        raise InvalidInput(msg("web.api.not_a_check"))
    return dict(partner_service(request, unlocked).result(run).as_dict())


@router.get("/resources", response_model=list[ResourceOut], tags=["support"])
def resources(request: Request, unlocked: Unlocked) -> list[dict[str, Any]]:
    """Support resources for the person's locale (their own first), then international."""
    return [r.as_dict() for r in resources_for(request, unlocked, ())]
