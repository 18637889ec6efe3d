"""Progress pages: trends, questionnaires with reliable change and the PHQ-9 item 9 crisis,
contact log, sections marked as seen."""

from __future__ import annotations

import pytest


def answers(n: int, value: int, **overrides: int) -> dict[str, str]:
    data = {f"item{i}": str(value) for i in range(1, n + 1)}
    data.update({k: str(v) for k, v in overrides.items()})
    return data


def test_progress_page_shows_charts_with_numbers(unlocked_web):
    for mood in ("-2", "-1", "0", "1"):
        unlocked_web.post("/entries", {"body": "I always ruin everything. Why did I stay?",
                                       "mood": mood})
    html = unlocked_web.client.get("/progress").text
    assert "<svg" in html and "Show the numbers" in html and "<table" in html
    assert 'hx-post="/progress/seen"' in html
    assert unlocked_web.client.get("/progress?start=2026-13-01").status_code == 422


def test_viewing_marks_sections_seen(unlocked_web):
    from afterword.services.insights import InsightsService

    response = unlocked_web.post("/progress/seen", {"sections": "mood,traps,nonsense"})
    assert response.status_code == 204
    seen = InsightsService(unlocked_web.app.state.gate.peek()).seen_sections()
    assert seen == ["mood", "traps"]


def test_phq9_scores_and_reliable_change(unlocked_web):
    first = unlocked_web.post("/progress/measures/phq9", answers(9, 2, item9=0))
    assert first.status_code == 200 and "score today: 16" in first.text
    assert 'id="measure-crisis"' not in first.text
    second = unlocked_web.post("/progress/measures/phq9", answers(9, 0))
    assert "score today: 0" in second.text and "Reliable change" in second.text
    history = unlocked_web.client.get("/progress/measures").text
    assert "<svg" in history


def test_phq9_item_nine_shows_crisis_resources_at_once(unlocked_web):
    response = unlocked_web.post("/progress/measures/phq9", answers(9, 0, item9=1))
    assert 'id="measure-crisis"' in response.text
    assert "People you can reach now" in response.text


@pytest.mark.parametrize("data", [answers(9, 0, item3=""), answers(9, 4), answers(9, 0, item1="x")])
def test_bad_questionnaire_answers_are_explained(unlocked_web, data):
    data = {k: v for k, v in data.items() if v != ""}
    response = unlocked_web.post("/progress/measures/phq9", data)
    assert response.status_code == 422 and 'role="alert"' in response.text


def test_every_questionnaire_has_a_form(unlocked_web):
    for scale, n in (("phq9", 9), ("gad7", 7), ("scssf", 12)):
        html = unlocked_web.client.get(f"/progress/measures/{scale}").text
        assert html.count('type="radio" name="item') >= n * 4
    assert unlocked_web.client.get("/progress/measures/nope").status_code == 422


def test_contact_log(unlocked_web):
    done = unlocked_web.post("/progress/contact", {"person": "Sam", "kind": "contact"})
    assert "Logged for Sam" in done.text
    bad = unlocked_web.post("/progress/contact", {"person": "Sam", "kind": "stalked"})
    assert bad.status_code == 422
    future = unlocked_web.post("/progress/contact", {"person": "Sam", "on": "2999-01-01"})
    assert future.status_code == 422


def test_similar_entries_fragment(unlocked_web):
    unlocked_web.post("/entries", {"body": "He never texted back after that night."})
    unlocked_web.post("/entries", {"body": "The weather was fine and I cooked."})
    unlocked_web.post("/entries", {"body": "Again he did not text back after the night out."})
    fragment = unlocked_web.client.get("/entries/3/similar")
    assert fragment.status_code == 200
    assert unlocked_web.client.get("/entries/99/similar").status_code == 404
