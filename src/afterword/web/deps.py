"""FastAPI dependencies shared by pages and the API."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

from afterword.errors import Locked
from afterword.web.security import bearer_token


def unlocked(request: Request) -> Any:
    """The unlocked journal's services for this caller, or ``Locked``."""
    gate = request.app.state.gate
    token = bearer_token(request)
    if token is not None:
        if not gate.token_valid(token):
            raise Locked()
        return gate.journal()
    if not request.state.session.authenticated:
        raise Locked()
    return gate.journal()


Unlocked = Annotated[Any, Depends(unlocked)]
