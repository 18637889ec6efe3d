"""The pause on unlocking after wrong passphrases in a row (``afterword.web.backoff``).

The fake monotonic clock from the web conftest drives it, so nothing here sleeps.
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import BASE_URL, PASSPHRASE, FakeClock

from afterword import bootstrap, config
from afterword.errors import SettingError, TooManyAttempts
from afterword.messages import msg
from afterword.web.app import create_app
from afterword.web.backoff import UnlockBackoff

WRONG = "not it at all"


# -- the schedule --------------------------------------------------------------------------------

def test_free_attempts_then_a_doubling_pause_up_to_the_cap():
    clock = FakeClock()
    backoff = UnlockBackoff(free_attempts=3, max_delay=5, clock=clock)
    for _ in range(2):
        backoff.check()
        backoff.failed()
    backoff.check()
    assert backoff.delay() == 0
    backoff.failed()  # the third wrong one in a row: now the pause begins
    waits = []
    for _ in range(5):
        with pytest.raises(TooManyAttempts) as caught:
            backoff.check()
        waits.append(caught.value.retry_after)
        clock.advance(caught.value.retry_after - 0.5)
        with pytest.raises(TooManyAttempts) as again:  # half a second left: still 1 s to wait
            backoff.check()
        assert again.value.retry_after == 1
        clock.advance(0.5)
        backoff.check()
        backoff.failed()
    assert waits == [1, 2, 4, 5, 5]
    assert backoff.failures == 8


def test_refusals_do_not_lengthen_the_pause_and_a_success_ends_it():
    clock = FakeClock()
    backoff = UnlockBackoff(free_attempts=1, max_delay=30, clock=clock)
    backoff.failed()
    for _ in range(10):
        with pytest.raises(TooManyAttempts):
            backoff.check()
    assert backoff.failures == 1 and backoff.seconds_left() == 1
    clock.advance(1)
    backoff.check()
    backoff.succeeded()
    backoff.failed()
    assert backoff.delay() == 1  # counting starts again from the first wrong one


# -- the web app ---------------------------------------------------------------------------------

def _app(tmp_path, clock, **settings):
    values = config.load(journal=tmp_path / "j.afw", analyze_on_save=False, **settings)
    return create_app(bootstrap.build(values), values, clock=clock)


def _csrf(client):
    html = client.get("/unlock", follow_redirects=True).text
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def _unlock_page(client, passphrase):
    return client.post("/unlock", data={"passphrase": passphrase, "csrf_token": _csrf(client)},
                       follow_redirects=False)


def test_the_page_pauses_after_five_wrong_passphrases_and_says_so_calmly(unlocked_web):
    web = unlocked_web
    web.post("/lock")
    for _ in range(5):
        assert web.post("/unlock", {"passphrase": WRONG}).status_code == 401
    # Even the right passphrase waits: it is not tried, so the journal stays locked.
    paused = web.post("/unlock", {"passphrase": PASSPHRASE}, follow_redirects=False)
    assert paused.status_code == 429 and paused.headers["retry-after"] == "1"
    assert paused.headers["content-type"].startswith("text/html")
    calm = msg("web.error.too_many_attempts", seconds=1)
    assert calm in paused.text.replace("&#39;", "'") and 'role="alert"' in paused.text
    assert not web.app.state.gate.is_unlocked
    web.clock.advance(1)
    done = web.post("/unlock", {"passphrase": PASSPHRASE}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/write"
    web.post("/lock")  # a right passphrase ended the pause: five free tries again
    for _ in range(5):
        assert web.post("/unlock", {"passphrase": WRONG}).status_code == 401


def test_the_api_answers_429_in_the_envelope_with_retry_after(tmp_path):
    clock = FakeClock()
    app = _app(tmp_path, clock, unlock_free_attempts=2, unlock_max_delay_seconds=3)
    with TestClient(app, base_url=BASE_URL) as client:
        client.post("/api/v1/journal", json={"passphrase": PASSPHRASE})
        client.delete("/api/v1/session")

        def unlock(passphrase):
            return client.post("/api/v1/session", json={"passphrase": passphrase})

        assert [unlock(WRONG).status_code for _ in range(2)] == [401, 401]
        waits = []
        for _ in range(4):
            paused = unlock(PASSPHRASE)
            assert paused.status_code == 429
            assert paused.json() == {"error": {
                "code": "too_many_attempts",
                "message": msg("web.error.too_many_attempts",
                               seconds=paused.headers["retry-after"]),
                "hint": msg("web.hint.too_many_attempts")}}
            waits.append(int(paused.headers["retry-after"]))
            clock.advance(waits[-1])
            assert unlock(WRONG).status_code == 401
        assert waits == [1, 2, 3, 3]  # doubling, capped by the setting
        clock.advance(3)
        opened = unlock(PASSPHRASE)
        assert opened.status_code == 201 and opened.json()["token"]
        assert unlock(WRONG).status_code == 401  # the count starts afresh


def test_the_pause_is_for_the_whole_app_not_one_browser(unlocked_web):
    web = unlocked_web
    web.post("/lock")
    for _ in range(5):
        web.post("/unlock", {"passphrase": WRONG})
    other = web.new_browser()
    assert _unlock_page(other, PASSPHRASE).status_code == 429
    api = web.new_browser()
    response = api.post("/api/v1/session", json={"passphrase": PASSPHRASE})
    assert response.status_code == 429 and response.headers["retry-after"] == "1"


def test_wrong_recovery_keys_count_and_recovery_waits_too(tmp_path):
    clock = FakeClock()
    app = _app(tmp_path, clock, unlock_free_attempts=1)
    with TestClient(app, base_url=BASE_URL) as client:
        client.post("/api/v1/journal", json={"passphrase": PASSPHRASE})
        client.delete("/api/v1/session")
        form = {"recovery_key": "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH",
                "passphrase": "new passphrase!", "confirm": "new passphrase!"}
        first = client.post("/recover", data={**form, "csrf_token": _csrf(client)})
        assert first.status_code == 401
        paused = client.post("/recover", data={**form, "csrf_token": _csrf(client)})
        assert paused.status_code == 429 and paused.headers["retry-after"] == "1"
        assert _unlock_page(client, PASSPHRASE).status_code == 429
        clock.advance(1)
        assert _unlock_page(client, PASSPHRASE).status_code == 303


def test_other_failures_are_not_counted(tmp_path):
    clock = FakeClock()
    app = _app(tmp_path, clock, unlock_free_attempts=1)
    with TestClient(app, base_url=BASE_URL) as client:
        # No journal yet: "missing" is not a wrong passphrase, however often it is asked.
        for _ in range(3):
            assert client.post("/api/v1/session", json={"passphrase": WRONG}).status_code == 404
        assert client.post("/api/v1/journal", json={"passphrase": PASSPHRASE}).status_code == 201
        assert client.post("/api/v1/session", json={"passphrase": WRONG}).status_code == 401


def test_the_settings_are_read_and_checked(tmp_path):
    settings = config.load({"AFTERWORD_UNLOCK_FREE_ATTEMPTS": "3",
                            "AFTERWORD_UNLOCK_MAX_DELAY_SECONDS": "60"})
    assert settings.unlock_free_attempts == 3 and settings.unlock_max_delay_seconds == 60
    defaults = config.load({})
    assert defaults.unlock_free_attempts == 5 and defaults.unlock_max_delay_seconds == 30
    for name in ("AFTERWORD_UNLOCK_FREE_ATTEMPTS", "AFTERWORD_UNLOCK_MAX_DELAY_SECONDS"):
        for bad in ("0", "-1", "soon"):
            with pytest.raises(SettingError):
                config.load({name: bad})


def test_the_openapi_document_declares_429_for_unlocking(web):
    spec = web.client.get("/openapi.json").json()
    response = spec["paths"]["/api/v1/session"]["post"]["responses"]["429"]
    assert response["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorEnvelope")


def test_the_pause_message_is_calm_and_never_blames():
    text = (msg("web.error.too_many_attempts", seconds=4) + " "
            + msg("web.hint.too_many_attempts")).lower()
    assert "4 s" in text
    for word in ("wrong", "fail", "too many", "blocked", "denied", "suspicious", "attack"):
        assert word not in text, word
