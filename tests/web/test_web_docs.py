"""docs/web.md documents every route of the app."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.routing import APIRoute

DOC = Path(__file__).resolve().parents[2] / "docs" / "web.md"


def test_every_route_is_documented():
    from afterword.web.routes import ROUTERS

    text = DOC.read_text()
    missing = []
    for router in ROUTERS:
        for route in router.routes:
            if not isinstance(route, APIRoute):
                continue
            path = route.path
            # "/api/v1/entries/{entry_id}" is documented as "/api/v1/entries/{id}".
            generic = re.sub(r"\{[a-z_]*id\}", "{id}", path)
            if path not in text and generic not in text:
                missing.append(path)
    assert not missing, missing
