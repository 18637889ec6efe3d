"""Security: local Host only, CSRF on every state change, cookie flags, CSP and no-store."""

from __future__ import annotations

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from tests.web.conftest import BASE_URL, PASSPHRASE

SAFE = {"GET", "HEAD", "OPTIONS"}


def all_routes() -> list[APIRoute]:
    from afterword.web.routes import ROUTERS

    return [r for router in ROUTERS for r in router.routes if isinstance(r, APIRoute)]


@pytest.mark.parametrize("host", [
    "evil.example:8765", "127.0.0.1.nip.io:8765", "127.0.0.1:9999", "localhost", "0.0.0.0:8765",
    "192.168.1.5:8765", "",
])
def test_foreign_host_is_rejected(web, host):
    response = web.client.get("/", headers={"Host": host})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "host_not_allowed"
    assert response.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "[::1]:8765"])
def test_local_hosts_are_served(web, host):
    response = web.client.get("/create", headers={"Host": host})
    assert response.status_code == 200


def test_rebinding_attack_on_the_api_is_rejected(unlocked_web):
    client = TestClient(unlocked_web.app, base_url="http://attacker.example:8765")
    response = client.get("/api/v1/entries")
    assert response.status_code == 400


def test_session_cookie_flags(tmp_path):
    from afterword import bootstrap, config
    from afterword.web.app import create_app

    settings = config.load(journal=tmp_path / "j.afw")
    client = TestClient(create_app(bootstrap.build(settings), settings), base_url=BASE_URL)
    response = client.get("/create")
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("afterword_session=")
    assert "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    assert "Path=/" in cookie
    assert "Max-Age" not in cookie and "Expires" not in cookie  # a session cookie


@pytest.mark.parametrize("path", ["/create", "/unlock", "/static/css/app.css", "/nope",
                                  "/api/v1/status", "/openapi.json", "/away"])
def test_security_headers_on_every_response(web, path):
    response = web.client.get(path)
    assert response.headers["cache-control"] == "no-store"
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"


def test_pages_have_no_inline_script_or_style(unlocked_web):
    for path in ("/write", "/timeline", "/search", "/settings", "/away", "/support"):
        html = unlocked_web.client.get(path).text
        assert "<script>" not in html and "<style" not in html and " style=" not in html
        assert " onclick=" not in html and "javascript:" not in html
        assert "hx-on" not in html


def test_missing_csrf_token_is_rejected_and_changes_nothing(web):
    response = web.client.post("/create", data={"passphrase": PASSPHRASE,
                                                "confirm": PASSPHRASE})
    assert response.status_code == 403
    assert not web.app.state.gate.journal_exists()


def test_wrong_csrf_token_is_rejected(web):
    response = web.client.post("/create", data={"passphrase": PASSPHRASE, "confirm": PASSPHRASE,
                                                "csrf_token": "not-the-token"})
    assert response.status_code == 403


def test_csrf_token_of_another_session_is_rejected(web):
    other = web.new_browser()
    other.get("/create")
    token = web.app.state.gate.session(other.cookies.get("afterword_session")).csrf
    response = web.client.post("/create", data={"passphrase": PASSPHRASE, "confirm": PASSPHRASE,
                                                "csrf_token": token})
    assert response.status_code == 403


def test_csrf_header_works_for_htmx(unlocked_web):
    response = unlocked_web.client.post("/lock", headers={"X-CSRF-Token":
                                                          unlocked_web.csrf_token,
                                                          "HX-Request": "true"})
    assert response.status_code == 204
    assert response.headers["hx-redirect"] == "/unlock"


def test_cross_origin_post_is_rejected_even_with_token(unlocked_web):
    response = unlocked_web.client.post(
        "/lock", data={"csrf_token": unlocked_web.csrf_token},
        headers={"Origin": "http://evil.example"})
    assert response.status_code == 403
    assert unlocked_web.app.state.gate.is_unlocked


def test_every_state_changing_route_needs_csrf(unlocked_web):
    """Walk every route that is not GET: without a token each one answers 403."""
    checked = 0
    for route in all_routes():
        for method in route.methods - SAFE:
            path = route.path_format.replace("{entry_id}", "1").replace("{episode_id}", "1")
            path = path.replace("{", "").replace("}", "")
            if path in {"/api/v1/session", "/api/v1/journal"}:
                # JSON-only bootstrap endpoints: a form post (what a foreign page can send)
                # is refused.
                response = unlocked_web.client.request(method, path, data={"passphrase": "x"})
            else:
                response = unlocked_web.client.request(method, path)
            assert response.status_code == 403, (method, path, response.status_code)
            checked += 1
    assert checked >= 10
    assert unlocked_web.app.state.gate.is_unlocked


def test_nothing_changes_state_over_get(unlocked_web):
    """GET routes never lock, write or delete: the journal is the same after visiting all."""
    client = unlocked_web.client
    unlocked_web.post("/entries", {"body": "A quiet evening."})
    for route in all_routes():
        if "GET" in route.methods and "{" not in route.path:
            client.get(route.path)
    assert unlocked_web.app.state.gate.is_unlocked
    assert client.get("/api/v1/status").json()["unlocked"] is True
    assert "A quiet evening." in client.get("/timeline").text


def test_api_bearer_token_needs_no_csrf(api):
    client, auth = api
    response = client.post("/api/v1/entries", json={"body": "hello"}, headers=auth)
    assert response.status_code == 201


def test_bad_bearer_token_is_locked(api):
    client, _ = api
    response = client.post("/api/v1/entries", json={"body": "hello"},
                           headers={"Authorization": "Bearer nope"})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "locked"
    assert response.headers["www-authenticate"] == "Bearer"


def test_unlock_api_accepts_only_json(web):
    web.post("/create", {"passphrase": PASSPHRASE, "confirm": PASSPHRASE})
    client = web.new_browser()
    response = client.post("/api/v1/session", content=f'{{"passphrase": "{PASSPHRASE}"}}',
                           headers={"Content-Type": "text/plain"})
    assert response.status_code == 403


def test_openapi_has_no_interactive_docs_from_a_cdn(web):
    assert web.client.get("/docs").status_code == 404
    assert web.client.get("/redoc").status_code == 404


def test_vendored_htmx_is_served_with_its_licence(web):
    script = web.client.get("/static/vendor/htmx/htmx.min.js")
    assert script.status_code == 200 and "htmx" in script.text[:2000]
    licence = web.client.get("/static/vendor/htmx/LICENSE")
    assert "Zero-Clause BSD" in licence.text


def test_vendored_htmx_is_the_recorded_file():
    import hashlib

    from afterword.web.app import STATIC_DIR

    folder = STATIC_DIR / "vendor" / "htmx"
    recorded = (folder / "SOURCE.txt").read_text()
    digest = hashlib.sha256((folder / "htmx.min.js").read_bytes()).hexdigest()
    assert f"htmx.min.js sha256 {digest}" in recorded
