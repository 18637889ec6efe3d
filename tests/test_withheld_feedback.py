"""Feedback on withheld detections is refused (DESIGN §3, ``afterword.services.care``).

When an entry's traps are withheld (its own non-consent signal, or its episode's reflection on
the survivor path), they are not shown, so they cannot be marked either: the service refuses
with ``TrapsWithheld``, the API answers 409 in the usual envelope, the page says so quietly,
and nothing is stored. Stored analyses are written directly, so no model is loaded.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from afterword import bootstrap, config
from afterword.domain.detector import PhraseDetector
from afterword.errors import InvalidInput, NotFound, TrapsWithheld
from afterword.messages import msg
from afterword.services.care import CareRules
from afterword.services.reflect import ReflectService
from afterword.web.app import create_app
from journal_helpers import PASS, FakeClock, services

BASE_URL = "http://127.0.0.1:8765"
NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
NONCONSENT = {"nonconsent": {"flag": True, "score": 0.9, "evidence": []}}
TRAP = {"label": "personalizing", "score": 0.9, "evidence": "x"}


def _store_analysis(unlocked, entry_id, **result):
    body = {"id": entry_id, "safety": {}, "rumination": {"flag": False, "questions": []},
            "traps": [TRAP], "emotions": [],
            "themes": [{"label": "regret", "score": 0.8, "evidence": "y"},
                       {"label": "work", "score": 0.7, "evidence": "z"}],
            "model": {"name": "t", "version": "1"}}
    body.update(result)
    with unlocked.store.write() as repos:
        repos.analysis.save(entry_id, body, "t", "1", NOW)


def _stored(unlocked, entry_id):
    return [(f.detector, f.label, f.verdict) for f in unlocked.journal.feedback_for(entry_id)]


@pytest.fixture
def opened(tmp_path):
    s = services(tmp_path / "j.afw", FakeClock(), analyze_on_save=False)
    s.vault.create(PASS)
    with s.vault.unlock(PASS) as unlocked:
        yield unlocked


def _survivor_path(unlocked, episode_title):
    svc = ReflectService(unlocked, detector=PhraseDetector(), clock=lambda: NOW, session="t")
    run = svc.open_reflection(episode_title).run
    outcome = svc.answer(run.id, "consent", "no")
    assert svc.on_survivor_path(outcome.run)
    return svc


# -- the service ---------------------------------------------------------------------------------

def test_feedback_on_a_trap_of_a_nonconsent_entry_is_refused_and_nothing_is_stored(opened):
    entry = opened.journal.write("An evening.")
    _store_analysis(opened, entry.id, safety=NONCONSENT)
    for record in (opened.journal.record_feedback, CareRules(opened).record_feedback):
        with pytest.raises(TrapsWithheld) as caught:
            record(entry.id, "traps", "personalizing", "doesnt_fit")
        assert isinstance(caught.value, InvalidInput)  # callers catching bad input still do
    with pytest.raises(TrapsWithheld):  # also with padding around the names
        opened.journal.record_feedback(entry.id, " traps ", " personalizing ", "confirmed")
    with pytest.raises(TrapsWithheld):  # a theme that is not shown either
        opened.journal.record_feedback(entry.id, "themes", "regret", "doesnt_fit")
    assert _stored(opened, entry.id) == []


def test_other_detections_of_a_withheld_entry_still_take_feedback(opened):
    entry = opened.journal.write("An evening.")
    _store_analysis(opened, entry.id, safety=NONCONSENT)
    CareRules(opened).record_feedback(entry.id, "themes", "work", "doesnt_fit")
    CareRules(opened).record_feedback(entry.id, "emotions", "sadness", "confirmed")
    assert _stored(opened, entry.id) == [("themes", "work", "doesnt_fit"),
                                         ("emotions", "sadness", "confirmed")]


def test_feedback_on_a_trap_is_refused_once_the_episode_is_on_the_survivor_path(opened):
    episode = opened.journal.add_episode("June")
    entry = opened.journal.write("An evening.", episode=episode.id)
    _store_analysis(opened, entry.id)
    svc = ReflectService(opened, detector=PhraseDetector(), clock=lambda: NOW, session="t")
    CareRules(opened, svc).record_feedback(entry.id, "traps", "personalizing", "confirmed")
    _survivor_path(opened, "June")
    with pytest.raises(TrapsWithheld):
        CareRules(opened, svc).record_feedback(entry.id, "traps", "personalizing", "doesnt_fit")
    assert _stored(opened, entry.id) == [("traps", "personalizing", "confirmed")]


def test_feedback_on_an_entry_whose_traps_are_shown_still_works(opened):
    entry = opened.journal.write("An evening.")
    _store_analysis(opened, entry.id)
    opened.journal.record_feedback(entry.id, "traps", "personalizing", "doesnt_fit")
    CareRules(opened).record_feedback(entry.id, "themes", "regret", "confirmed")
    assert _stored(opened, entry.id) == [("traps", "personalizing", "doesnt_fit"),
                                         ("themes", "regret", "confirmed")]
    plain = opened.journal.write("Not analysed.")  # no stored analysis: nothing withheld
    CareRules(opened).record_feedback(plain.id, "traps", "personalizing", "confirmed")
    assert _stored(opened, plain.id) == [("traps", "personalizing", "confirmed")]


def test_bad_feedback_is_still_bad_input_and_unknown_entries_not_found(opened):
    entry = opened.journal.write("An evening.")
    _store_analysis(opened, entry.id, safety=NONCONSENT)
    with pytest.raises(InvalidInput) as caught:
        CareRules(opened).record_feedback(entry.id, "traps", "personalizing", "maybe")
    assert not isinstance(caught.value, TrapsWithheld)
    with pytest.raises(NotFound):
        CareRules(opened).record_feedback(999, "traps", "personalizing", "confirmed")


def test_the_refusal_is_gentle_and_never_names_what_the_entry_holds():
    error = TrapsWithheld()
    text = error.user_message().lower()
    assert text == msg("journal.feedback_withheld").lower() and "nothing was changed" in text
    for word in ("trap", "consent", "survivor", "fault", "mistake", "lesson", "wrong",
                 "should", "assault", "abuse", "you did"):
        assert word not in text, word
    hint = msg("web.hint.traps_withheld").lower()
    assert "trap" not in hint and "consent" not in hint


# -- the web app ---------------------------------------------------------------------------------

@pytest.fixture
def app(tmp_path):
    settings = config.load(journal=tmp_path / "journal.afw", analyze_on_save=False)
    app = create_app(bootstrap.build(settings), settings)
    app.state.detector = PhraseDetector()
    return app


@pytest.fixture
def api(app):
    with TestClient(app, base_url=BASE_URL) as client:
        created = client.post("/api/v1/journal", json={"passphrase": PASS})
        assert created.status_code == 201, created.text
        client.headers["Authorization"] = f"Bearer {created.json()['token']}"
        yield client


def _api_entry(api, **fields):
    return api.post("/api/v1/entries", json={"body": "An evening.", **fields}).json()["id"]


def test_api_refuses_feedback_on_a_withheld_trap_with_the_envelope(api):
    unlocked = api.app.state.gate.peek()
    entry_id = _api_entry(api)
    _store_analysis(unlocked, entry_id, safety=NONCONSENT)
    assert api.get(f"/api/v1/entries/{entry_id}/analysis").json()["traps_withheld"] == "nonconsent"
    response = api.post(f"/api/v1/entries/{entry_id}/feedback",
                        json={"detector": "traps", "label": "personalizing"})
    assert response.status_code == 409
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == {"error": {"code": "traps_withheld",
                                         "message": msg("journal.feedback_withheld"),
                                         "hint": msg("web.hint.traps_withheld")}}
    assert _stored(unlocked, entry_id) == []


def test_api_refuses_once_the_episode_reflection_is_on_the_survivor_path(api):
    unlocked = api.app.state.gate.peek()
    episode = api.post("/api/v1/episodes", json={"title": "June"}).json()
    entry_id = _api_entry(api, episode=episode["id"])
    _store_analysis(unlocked, entry_id)
    url = f"/api/v1/entries/{entry_id}/feedback"
    body = {"detector": "traps", "label": "personalizing", "verdict": "confirmed"}
    assert api.post(url, json=body).status_code == 204
    run = api.post("/api/v1/reflections", json={"episode": episode["id"]}).json()
    api.post(f"/api/v1/reflections/{run['run']['id']}/answer",
             json={"key": "consent", "value": "no"})
    assert api.get(f"/api/v1/entries/{entry_id}/analysis").json()["traps_withheld"] == (
        "survivor_path")
    refused = api.post(url, json={**body, "verdict": "doesnt_fit"})
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "traps_withheld"
    assert _stored(unlocked, entry_id) == [("traps", "personalizing", "confirmed")]


def test_api_feedback_on_an_entry_whose_traps_are_shown_still_works(api):
    unlocked = api.app.state.gate.peek()
    entry_id = _api_entry(api)
    _store_analysis(unlocked, entry_id)
    response = api.post(f"/api/v1/entries/{entry_id}/feedback",
                        json={"detector": "traps", "label": "personalizing"})
    assert response.status_code == 204
    assert _stored(unlocked, entry_id) == [("traps", "personalizing", "doesnt_fit")]


def test_the_feedback_operation_documents_409(api):
    spec = api.get("/openapi.json").json()
    operation = spec["paths"]["/api/v1/entries/{entry_id}/feedback"]["post"]
    assert "409" in operation["responses"]


@pytest.fixture
def browser(app):
    with TestClient(app, base_url=BASE_URL) as client:
        html = client.get("/create").text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
        created = client.post("/create", data={"csrf_token": csrf, "passphrase": PASS,
                                               "confirm": PASS})
        assert created.status_code == 201
        client.headers["X-CSRF-Token"] = csrf
        yield client


@pytest.mark.parametrize("htmx", [True, False])
def test_the_page_refuses_quietly_and_stores_nothing(browser, htmx):
    unlocked = browser.app.state.gate.peek()
    entry = unlocked.journal.write("An evening.")
    _store_analysis(unlocked, entry.id, safety=NONCONSENT)
    page = browser.get(f"/entries/{entry.id}").text
    assert 'name="detector" value="traps"' not in page  # not offered in the first place
    headers = {"HX-Request": "true"} if htmx else {}
    response = browser.post(f"/entries/{entry.id}/feedback", headers=headers,
                            data={"detector": "traps", "label": "personalizing"})
    text = msg("journal.feedback_withheld")
    if htmx:  # a page opened earlier: the words take the button's place
        assert response.status_code == 200 and text in response.text
        assert "<html" not in response.text
    else:
        assert response.status_code == 409 and text in response.text
    assert _stored(unlocked, entry.id) == []


def test_the_page_still_takes_feedback_where_traps_are_shown(browser):
    unlocked = browser.app.state.gate.peek()
    entry = unlocked.journal.write("An evening.")
    _store_analysis(unlocked, entry.id)
    response = browser.post(f"/entries/{entry.id}/feedback", headers={"HX-Request": "true"},
                            data={"detector": "traps", "label": "personalizing"})
    assert response.status_code == 200
    assert msg("web.feedback.thanks_doesnt_fit") in response.text
    assert _stored(unlocked, entry.id) == [("traps", "personalizing", "doesnt_fit")]
