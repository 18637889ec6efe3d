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


def _schedules(unlocked_web):
    from afterword.services.insights import InsightsService

    service = InsightsService(unlocked_web.app.state.gate.peek())
    return {d.scale.id: d.every_days for d in service.due()}


def test_schedule_page_sets_and_stops_a_questionnaire_schedule(unlocked_web):
    page = unlocked_web.client.get("/progress/schedule")
    assert page.status_code == 200 and "No schedule for PHQ-9." in page.text
    for scale in ("phq9", "gad7", "scssf"):  # every field has its label
        assert f'<label for="every-{scale}">' in page.text and f'id="every-{scale}"' in page.text
    assert 'href="/progress/schedule"' in unlocked_web.client.get("/progress/measures").text
    done = unlocked_web.post("/progress/schedule", {"scale": "phq9", "every": "14",
                                                     "action": "set"})
    assert done.status_code == 200 and 'role="status"' in done.text
    assert "every 14 days" in done.text and 'value="14"' in done.text
    assert _schedules(unlocked_web) == {"phq9": 14}
    assert "PHQ-9 is due" in unlocked_web.client.get("/progress/measures").text
    unlocked_web.post("/progress/schedule", {"scale": "PHQ9", "every": "30", "action": "set"})
    assert _schedules(unlocked_web) == {"phq9": 30}
    off = unlocked_web.post("/progress/schedule", {"scale": "phq9", "action": "off"})
    assert off.status_code == 200 and "No schedule for PHQ-9 any more." in off.text
    assert _schedules(unlocked_web) == {}


@pytest.mark.parametrize("data", [
    {"scale": "phq9", "every": "0"}, {"scale": "phq9", "every": "366"},
    {"scale": "phq9", "every": "-3"}, {"scale": "phq9", "every": "two"},
    {"scale": "phq9", "every": ""}, {"scale": "phq9", "every": "1e3"},
    {"scale": "phq9", "every": "9" * 40}, {"scale": "nope", "every": "14"}, {"every": "14"},
    {"scale": "phq9", "every": "14", "action": "sometimes"},
])
def test_bad_schedules_are_explained_and_change_nothing(unlocked_web, data):
    response = unlocked_web.post("/progress/schedule", data)
    assert response.status_code == 422 and 'role="alert"' in response.text
    assert _schedules(unlocked_web) == {}


def test_schedule_needs_the_csrf_token(unlocked_web):
    response = unlocked_web.client.post("/progress/schedule", data={"scale": "phq9",
                                                                    "every": "14"})
    assert response.status_code == 403
    assert _schedules(unlocked_web) == {}
