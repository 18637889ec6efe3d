"""Pages: support (crisis check, survivor path, safety plan, resources) and boundaries."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from afterword.errors import AfterwordError, InvalidInput
from afterword.messages import msg
from afterword.web.deps import Unlocked
from afterword.web.errors import user_message
from afterword.web.forms import field, optional_int
from afterword.web.routes.pages_reflect import (
    _outcome_page,
    locale_of,
    reflect_service,
    resources_for,
)
from afterword.web.schemas import Id
from afterword.web.templating import render, see

router = APIRouter(include_in_schema=False)

ALL_KINDS: tuple[str, ...] = ()


@router.get("/support")
def support(request: Request, unlocked: Unlocked) -> Response:
    return render(request, "support.html",
                  resources=resources_for(request, unlocked, ("emergency", "crisis")))


@router.get("/support/crisis")
def crisis_page(request: Request, unlocked: Unlocked) -> Response:
    from afterword.domain import crisis

    return render(request, "crisis.html",
                  resources=resources_for(request, unlocked, crisis.RESOURCE_KINDS))


@router.post("/support/check")
def crisis_check(request: Request, unlocked: Unlocked) -> Response:
    """Talk it through: the crisis check opens over the safety plan flow."""
    service = reflect_service(request, unlocked)
    return _outcome_page(request, unlocked, service.crisis_check())


@router.get("/support/survivor")
def survivor_page(request: Request, unlocked: Unlocked) -> Response:
    from afterword.domain import survivor

    return render(request, "survivor.html",
                  resources=resources_for(request, unlocked, survivor.RESOURCE_KINDS))


@router.get("/safety-plan")
def safety_plan(request: Request, unlocked: Unlocked) -> Response:
    from afterword.domain.safety_plan import SECTIONS

    service = reflect_service(request, unlocked)
    return render(request, "safety_plan.html", plan=service.safety.plan(), plan_sections=SECTIONS,
                  resources=resources_for(request, unlocked, ("emergency", "crisis")))


@router.get("/resources")
def resources_page(request: Request, unlocked: Unlocked) -> Response:
    return _resources(request, unlocked)


def _resources(request: Request, unlocked: Any, status: int = 200, **extra: Any) -> Response:
    locale = locale_of(request, unlocked)
    return render(request, "resources.html", status, locale=locale,
                  resources=resources_for(request, unlocked, ALL_KINDS), **extra)


@router.post("/resources")
async def add_resource(request: Request, unlocked: Unlocked) -> Response:
    form = await request.form()
    service = reflect_service(request, unlocked)
    try:
        service.safety.add_resource(field(form, "name"), field(form, "contact"),
                                    field(form, "about"), locale_of(request, unlocked))
    except AfterwordError as exc:
        return _resources(request, unlocked, exc.http_status, error=user_message(exc))
    return see("/resources#own")


# --- boundaries ------------------------------------------------------------------------------


def _boundaries(request: Request, unlocked: Any, status: int = 200, **extra: Any) -> Response:
    from afterword.domain.pillars import MAX_WEIGHT, MIN_WEIGHT, PILLARS

    service = reflect_service(request, unlocked).boundaries
    items = service.list(include_retired=True)
    return render(request, "boundaries.html", status,
                  active=[b for b in items if b.active], retired=[b for b in items if not b.active],
                  weights=service.weights(), pillars=PILLARS, low=MIN_WEIGHT, high=MAX_WEIGHT,
                  **extra)


@router.get("/boundaries")
def boundaries_page(request: Request, unlocked: Unlocked) -> Response:
    return _boundaries(request, unlocked)


@router.post("/boundaries")
async def add_boundary(request: Request, unlocked: Unlocked) -> Response:
    form = await request.form()
    service = reflect_service(request, unlocked).boundaries
    try:
        service.add(field(form, "text"), [str(p) for p in form.getlist("pillars")])
    except AfterwordError as exc:
        return _boundaries(request, unlocked, exc.http_status, error=user_message(exc))
    return see("/boundaries")


@router.post("/boundaries/{boundary_id}")
async def change_boundary(request: Request, boundary_id: Id, unlocked: Unlocked) -> Response:
    form = await request.form()
    service = reflect_service(request, unlocked).boundaries
    action = field(form, "action")
    try:
        if action == "edit":
            service.edit(boundary_id, field(form, "text"))
            service.set_pillars(boundary_id, [str(p) for p in form.getlist("pillars")])
        elif action == "retire":
            service.retire(boundary_id)
        elif action == "reactivate":
            service.reactivate(boundary_id)
        else:
            raise InvalidInput(msg("web.boundaries.bad_action"))
    except AfterwordError as exc:
        return _boundaries(request, unlocked, exc.http_status, error=user_message(exc))
    return see("/boundaries")


@router.post("/boundaries-weights")
async def set_weights(request: Request, unlocked: Unlocked) -> Response:
    from afterword.domain.pillars import PILLARS

    form = await request.form()
    service = reflect_service(request, unlocked).boundaries
    try:
        values = {p: optional_int(field(form, p), "weight") for p in PILLARS}
        service.set_weights({p: v for p, v in values.items() if v is not None})
    except AfterwordError as exc:
        return _boundaries(request, unlocked, exc.http_status, error=user_message(exc))
    return see("/boundaries#weights")
