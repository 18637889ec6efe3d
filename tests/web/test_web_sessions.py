"""Unlocking, locking, auto-lock after inactivity (fake clock), quick exit."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.web.conftest import BASE_URL, PASSPHRASE


def test_home_sends_a_new_person_to_create(web):
    response = web.client.get("/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/create"


def test_create_shows_the_recovery_key_once_and_signs_in(web):
    response = web.post("/create", {"passphrase": PASSPHRASE, "confirm": PASSPHRASE})
    assert response.status_code == 201
    assert 'id="recovery-key"' in response.text
    assert web.client.get("/write").status_code == 200
    assert web.client.get("/create", follow_redirects=False).headers["location"] == "/unlock"


def test_create_rejects_short_and_mismatched_passphrases(web):
    short = web.post("/create", {"passphrase": "short", "confirm": "short"})
    assert short.status_code == 422 and 'role="alert"' in short.text
    mismatch = web.post("/create", {"passphrase": PASSPHRASE, "confirm": PASSPHRASE + "x"})
    assert mismatch.status_code == 422
    assert not web.app.state.gate.journal_exists()


def test_create_when_a_journal_exists_goes_to_unlock(unlocked_web):
    other = unlocked_web.new_browser()
    other.get("/unlock")
    token = unlocked_web.app.state.gate.session(other.cookies.get("afterword_session")).csrf
    response = other.post("/create", data={"passphrase": "another one", "confirm": "another one",
                                           "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/unlock"


def test_wrong_passphrase_is_a_clear_error(unlocked_web):
    unlocked_web.post("/lock")
    response = unlocked_web.post("/unlock", {"passphrase": "not it at all"})
    assert response.status_code == 401
    assert 'role="alert"' in response.text
    assert unlocked_web.client.get("/write", follow_redirects=False).status_code == 303


def test_unlock_after_lock(unlocked_web):
    assert unlocked_web.post("/lock", follow_redirects=False).headers["location"] == "/unlock"
    assert unlocked_web.client.get("/write", follow_redirects=False).headers["location"] == \
        "/unlock"
    response = unlocked_web.post("/unlock", {"passphrase": PASSPHRASE}, follow_redirects=False)
    assert response.headers["location"] == "/write"
    assert unlocked_web.client.get("/write").status_code == 200


def test_another_browser_must_unlock_for_itself(unlocked_web):
    other = TestClient(unlocked_web.app, base_url=BASE_URL)
    assert other.get("/write", follow_redirects=False).headers["location"] == "/unlock"
    assert other.get("/api/v1/entries").status_code == 401


def test_auto_lock_after_inactivity(unlocked_web):
    clock = unlocked_web.clock
    clock.advance(9 * 60)
    assert unlocked_web.client.get("/write").status_code == 200  # activity resets the timer
    clock.advance(9 * 60)
    assert unlocked_web.client.get("/write").status_code == 200
    clock.advance(10 * 60)
    response = unlocked_web.client.get("/write", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/unlock"
    assert not unlocked_web.app.state.gate.is_unlocked


def test_auto_lock_without_any_request(unlocked_web):
    """The sweeper locks on time even when nobody asks for a page."""
    gate = unlocked_web.app.state.gate
    unlocked_web.clock.advance(10 * 60)
    assert gate.expire_if_idle() is True
    assert not gate.is_unlocked


def test_auto_lock_revokes_api_tokens(api, web):
    client, auth = api
    assert client.get("/api/v1/entries", headers=auth).status_code == 200
    web.clock.advance(601)
    response = client.get("/api/v1/entries", headers=auth)
    assert response.status_code == 401 and response.json()["error"]["code"] == "locked"


def test_keepalive_counts_as_activity(unlocked_web):
    unlocked_web.clock.advance(9 * 60)
    assert unlocked_web.post("/keepalive").status_code == 204
    unlocked_web.clock.advance(9 * 60)
    assert unlocked_web.client.get("/write").status_code == 200


def test_auto_lock_delay_comes_from_settings(tmp_path):
    from tests.web.conftest import FakeClock

    from afterword import bootstrap, config
    from afterword.web.app import create_app

    clock = FakeClock()
    settings = config.load(journal=tmp_path / "j.afw", auto_lock_minutes=2)
    app = create_app(bootstrap.build(settings), settings, clock=clock)
    client = TestClient(app, base_url=BASE_URL)
    client.post("/api/v1/journal", json={"passphrase": PASSPHRASE})
    assert app.state.gate.auto_lock_seconds == 120
    clock.advance(121)
    assert not app.state.gate.is_unlocked


def test_quick_exit_locks_and_shows_a_neutral_page(unlocked_web):
    response = unlocked_web.post("/quick-exit", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/away"
    assert not unlocked_web.app.state.gate.is_unlocked
    away = unlocked_web.client.get("/away")
    assert away.status_code == 200
    assert "Afterword" not in away.text and "journal" not in away.text.lower()
    assert "app.js" not in away.text


def test_unlock_page_says_why_after_auto_lock(unlocked_web):
    unlocked_web.post("/lock")
    assert "locked itself" in unlocked_web.client.get("/unlock?locked=1").text


def test_api_session_lifecycle(web):
    client = web.new_browser()
    created = client.post("/api/v1/journal", json={"passphrase": PASSPHRASE})
    assert created.status_code == 201 and created.json()["recovery_key"]
    again = client.post("/api/v1/journal", json={"passphrase": PASSPHRASE})
    assert again.status_code == 409 and again.json()["error"]["code"] == "journal_exists"
    wrong = client.post("/api/v1/session", json={"passphrase": "nope nope"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "wrong_passphrase"
    token = client.post("/api/v1/session", json={"passphrase": PASSPHRASE}).json()["token"]
    auth = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/status", headers=auth).json()["unlocked"] is True
    assert client.delete("/api/v1/session", headers=auth).status_code == 204
    assert client.get("/api/v1/entries", headers=auth).status_code == 401


def test_recovery_key_sets_a_new_passphrase(web):
    created = web.post("/create", {"passphrase": PASSPHRASE, "confirm": PASSPHRASE})
    import re

    key = re.search(r'id="recovery-key"><code>([^<]+)</code>', created.text).group(1)
    web.post("/entries", {"body": "still here after recovery"})
    web.post("/lock")
    wrong = web.post("/recover", {"recovery_key": "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH",
                                  "passphrase": "new passphrase!", "confirm": "new passphrase!"})
    assert wrong.status_code in (401, 422) and 'role="alert"' in wrong.text
    mismatch = web.post("/recover", {"recovery_key": key, "passphrase": "new passphrase!",
                                     "confirm": "other"})
    assert mismatch.status_code == 422
    done = web.post("/recover", {"recovery_key": key, "passphrase": "new passphrase!",
                                 "confirm": "new passphrase!"}, follow_redirects=False)
    assert done.headers["location"] == "/write"
    assert "still here after recovery" in web.client.get("/timeline").text
    web.post("/lock")
    assert web.post("/unlock", {"passphrase": PASSPHRASE}).status_code == 401
    assert web.post("/unlock", {"passphrase": "new passphrase!"},
                    follow_redirects=False).status_code == 303
