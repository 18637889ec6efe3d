"""The error envelope: every API error, of every kind, has the same shape from one function."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from afterword import errors
from afterword.web.errors import error_body

ENVELOPE_KEYS = {"code", "message", "hint"}


def assert_envelope(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == ENVELOPE_KEYS
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    if code is not None:
        assert body["error"]["code"] == code
    return body["error"]


def test_error_body_is_the_one_shape():
    assert error_body("x", "y", None) == {"error": {"code": "x", "message": "y", "hint": None}}


def test_every_typed_error_maps_to_the_envelope(api):
    """Each AfterwordError subclass, raised inside a route, leaves as its code and status."""
    client, auth = api
    app = client.app
    from fastapi import APIRouter

    probe = APIRouter()
    classes = [c for c in _subclasses(errors.AfterwordError)]

    @probe.get("/api/v1/_raise/{name}")
    def _raise(name: str) -> None:
        raise next(c for c in classes if c.__name__ == name)()

    app.include_router(probe)
    for cls in classes:
        error = assert_envelope(client.get(f"/api/v1/_raise/{cls.__name__}"), cls.http_status,
                                cls.code)
        assert error["message"]


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_unknown_api_path(api):
    client, auth = api
    assert_envelope(client.get("/api/v1/nothing-here", headers=auth), 404, "not_found")


def test_wrong_method(api):
    client, auth = api
    assert_envelope(client.put("/api/v1/entries", headers=auth, json={}), 405,
                    "method_not_allowed")


def test_validation_error_names_fields_but_never_echoes_values(api):
    client, auth = api
    secret = "my private words that must not echo"
    response = client.post("/api/v1/entries", json={"body": secret, "mood": 9}, headers=auth)
    error = assert_envelope(response, 422, "invalid_input")
    assert "mood" in error["hint"]
    assert secret not in response.text


def test_malformed_json(api):
    client, auth = api
    response = client.post("/api/v1/entries", content=b"{not json", headers={
        **auth, "Content-Type": "application/json"})
    assert_envelope(response, 422, "invalid_input")


def test_locked(web):
    error = assert_envelope(web.client.get("/api/v1/entries"), 401, "locked")
    assert error["hint"]


def test_not_found_entry(api):
    client, auth = api
    assert_envelope(client.get("/api/v1/entries/999", headers=auth), 404, "not_found")


def test_domain_rule_becomes_invalid_input(api):
    client, auth = api
    response = client.post("/api/v1/entries", json={"body": "x", "tags": ["   "]}, headers=auth)
    assert_envelope(response, 422, "invalid_input")


def test_csrf_failure_uses_the_envelope_on_the_api(unlocked_web):
    response = unlocked_web.client.post("/api/v1/entries", json={"body": "x"})
    assert_envelope(response, 403, "csrf_failed")


def test_host_rejection_uses_the_envelope(web):
    client = TestClient(web.app, base_url="http://evil.example")
    assert_envelope(client.get("/api/v1/status"), 400, "host_not_allowed")


def test_unexpected_error_is_an_envelope_without_details(api, caplog):
    client, auth = api
    app = client.app
    from fastapi import APIRouter

    probe = APIRouter()

    @probe.get("/api/v1/_boom")
    def _boom() -> None:
        raise RuntimeError("secret entry text in a message")

    app.include_router(probe)
    quiet = TestClient(app, base_url=str(client.base_url), raise_server_exceptions=False)
    response = quiet.get("/api/v1/_boom")
    assert_envelope(response, 500, "unexpected")
    assert "secret" not in response.text
    assert "secret" not in caplog.text


@pytest.mark.parametrize("path", ["/nothing", "/entries/999"])
def test_pages_show_errors_as_pages(unlocked_web, path):
    response = unlocked_web.client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>" in response.text


def test_every_api_operation_documents_the_envelope(web):
    spec = web.client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status in ("401", "422"):
                ref = operation["responses"][status]["content"]["application/json"]["schema"]
                assert ref["$ref"].endswith("/ErrorEnvelope"), (method, path, status)
