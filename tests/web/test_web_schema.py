"""schemathesis against /openapi.json: no 5xx, and every response matches the schema.

Bounded (a few examples per operation) so the whole file runs in about a minute on CI.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from tests.web.conftest import PASSPHRASE, FakeClock

from afterword import bootstrap, config
from afterword.domain.detector import PhraseDetector
from afterword.web.app import create_app

HOST = "127.0.0.1:8765"


@pytest.fixture
def api_app(tmp_path):
    cfg = config.load(journal=tmp_path / "journal.afw")
    app = create_app(bootstrap.build(cfg), cfg, clock=FakeClock(),
                     detector=PhraseDetector(crisis_phrases=("want to die",)))
    from fastapi.testclient import TestClient

    client = TestClient(app, base_url=f"http://{HOST}")
    token = client.post("/api/v1/journal", json={"passphrase": PASSPHRASE}).json()["token"]
    auth = {"Authorization": f"Bearer {token}"}
    client.post("/api/v1/entries", json={"body": "A first entry.", "tags": ["start"]},
                headers=auth)
    client.post("/api/v1/episodes", json={"title": "First", "person": "Sam"}, headers=auth)
    client.post("/api/v1/reflections", json={"flow": "reflection"}, headers=auth)
    app.state.test_auth = auth
    return app


def _spec() -> dict:
    """The OpenAPI document; it does not depend on any journal, so a bare app gives it."""
    from types import SimpleNamespace

    cfg = config.load()
    return create_app(SimpleNamespace(vault=None), cfg).openapi()


schema = schemathesis.openapi.from_dict(_spec())


@schema.parametrize()
@settings(max_examples=8, deadline=None,
          suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_conforms_to_its_schema(case, api_app):
    headers = {"Host": HOST, **api_app.state.test_auth}
    if case.path in ("/api/v1/session", "/api/v1/journal") and case.method == "POST":
        headers.pop("Authorization")
    from fastapi.testclient import TestClient

    client = TestClient(api_app, base_url=f"http://{HOST}")
    kwargs = case.as_transport_kwargs(base_url=f"http://{HOST}", headers=headers)
    kwargs.pop("verify", None)
    kwargs.pop("timeout", None)
    if isinstance(kwargs.get("data"), (bytes, str)):
        kwargs["content"] = kwargs.pop("data")
    response = client.request(**kwargs)
    assert response.status_code < 500, response.text[:200]
    case.validate_response(response, checks=(
        schemathesis.checks.not_a_server_error,
        schemathesis.checks.status_code_conformance,
        schemathesis.checks.content_type_conformance,
        schemathesis.checks.response_schema_conformance,
    ))
