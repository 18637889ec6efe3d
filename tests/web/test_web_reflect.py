"""The guided flows in the browser pages: reflection to a boundary, survivor path, crisis,
safety plan, partner check, boundaries and resources."""

from __future__ import annotations

import re

import pytest

from afterword.domain.detector import PhraseDetector

DETECTOR = PhraseDetector(
    crisis_phrases=("want to die",),
    nonconsent_phrases=("held me down",),
    trap_phrases={"mind_reading": ("probably thinks",)},
)


@pytest.fixture
def flows(unlocked_web):
    unlocked_web.app.state.detector = DETECTOR
    return unlocked_web


def step_key(html: str) -> str | None:
    match = re.search(r'name="key" value="([^"]+)"', html)
    return match.group(1) if match else None


def answer_for(html: str, key: str) -> dict[str, str]:
    radio = re.findall(r'type="radio" name="value" value="([^"]+)"', html)
    if radio:
        return {"key": key, "value": radio[0]}
    boxes = re.findall(r'type="checkbox" name="value" value="([^"]+)"', html)
    if boxes:
        return {"key": key, "value": boxes[0]}
    if 'id="value" name="value" type="number"' in html:
        return {"key": key, "value": "5"}
    if '<textarea id="value"' in html:
        text = "I will say what I want before getting close" if key.startswith("boundary") \
            else "He probably thinks I am easy"
        return {"key": key, "value": text}
    return {"key": key}


def run_to_end(web, run_id: int, html: str, limit: int = 80) -> str:
    for _ in range(limit):
        key = step_key(html)
        if key is None:
            return html
        response = web.post(f"/runs/{run_id}/answer", answer_for(html, key))
        assert response.status_code == 200, (key, response.status_code)
        html = response.text
    raise AssertionError("the flow did not end")


def test_reflection_runs_through_to_a_boundary(flows):
    flows.post("/episodes", {"title": "After the party", "person": "Sam"})
    first = flows.post("/reflect/open", {"episode": "1"})
    assert step_key(first.text) == "consent"
    assert "I&#39;m not sure" in first.text or "not sure" in first.text
    done = run_to_end(flows, 1, first.text)
    assert 'id="flow-done"' in done
    assert "I will say what I want before getting close" in done
    boundaries = flows.client.get("/boundaries").text
    assert "I will say what I want before getting close" in boundaries
    assert "From a reflection" in boundaries
    hub = flows.client.get("/reflect").text
    assert "finished" in hub


def test_consent_not_sure_leads_to_the_survivor_path(flows):
    first = flows.post("/reflect/open", {"episode": ""})
    response = flows.post("/runs/1/answer", {"key": "consent", "value": "not_sure"})
    assert step_key(response.text).startswith("survivor")
    assert "not your fault" in response.text
    assert "thinking trap" not in response.text.lower()
    assert first.status_code == 200


def test_detector_switches_to_the_survivor_path(flows):
    flows.post("/reflect/open", {})
    flows.post("/runs/1/answer", {"key": "consent", "value": "yes"})
    response = flows.post("/runs/1/answer", {"key": "happened",
                                             "value": "He held me down when I said stop."})
    assert step_key(response.text).startswith("survivor")


def test_survivor_path_can_be_reached_from_any_step(flows):
    flows.post("/reflect/open", {})
    response = flows.post("/runs/1/survivor")
    assert step_key(response.text).startswith("survivor")
    assert "not your fault" in response.text.lower() or "not your fault" in response.text


def test_help_opens_the_crisis_check_with_resources_at_once(flows):
    flows.post("/reflect/open", {})
    response = flows.post("/runs/1/help")
    assert step_key(response.text).startswith("crisis")
    assert "People you can reach now" in response.text
    assert "never contacts anyone" in response.text


def test_crisis_words_in_an_answer_open_the_check(flows):
    flows.post("/reflect/open", {})
    flows.post("/runs/1/answer", {"key": "consent", "value": "yes"})
    response = flows.post("/runs/1/answer", {"key": "happened",
                                             "value": "Some nights I want to die."})
    assert step_key(response.text).startswith("crisis")
    assert 'role="alert"' in response.text


def test_back_and_stale_pages(flows):
    flows.post("/reflect/open", {})
    flows.post("/runs/1/answer", {"key": "consent", "value": "yes"})
    back = flows.post("/runs/1/back")
    assert step_key(back.text) == "consent"
    assert 'value="yes" checked' in back.text
    stale = flows.post("/runs/1/answer", {"key": "happened", "value": "x"})
    assert stale.status_code == 409 and step_key(stale.text) == "consent"


def test_bad_answers_are_explained(flows):
    flows.post("/reflect/open", {})
    response = flows.post("/runs/1/answer", {"key": "consent", "value": "maybe"})
    assert response.status_code == 422 and 'role="alert"' in response.text
    assert flows.client.get("/runs/99").status_code == 404
    assert flows.post("/reflect/start", {"flow": "crisis"}).status_code == 422


def test_safety_plan_is_built_and_shown(flows):
    start = flows.post("/reflect/start", {"flow": "safety_plan"})
    run_id = int(re.search(r'action="/runs/(\d+)/answer"', start.text).group(1))
    done = run_to_end(flows, run_id, start.text)
    assert 'id="safety-plan"' in done
    page = flows.client.get("/safety-plan").text
    assert "He probably thinks I am easy" in page  # the generic text answer of this test


def test_crisis_check_page_shows_resources_then_opens_the_check(flows):
    page = flows.client.get("/support/crisis")
    assert "People you can reach now" in page.text
    response = flows.post("/support/check")
    assert step_key(response.text).startswith("crisis")


def test_partner_check_gives_prompts_never_a_verdict(flows):
    flows.post("/boundaries", {"text": "Ask before touching", "pillars": "safety"})
    start = flows.post("/check/open", {"person": "Alex"})
    assert "Alex" in start.text
    run_id = int(re.search(r'action="/runs/(\d+)/answer"', start.text).group(1))
    done = run_to_end(flows, run_id, start.text)
    assert "What this brought up" in done
    assert "Ask before touching" in done
    assert "verdict" not in done.lower().replace("never a verdict", "")
    assert "Alex" in flows.client.get("/check").text
    assert flows.post("/check/open", {"person": " "}).status_code == 422


def test_boundaries_add_edit_retire_reactivate_and_weights(flows):
    assert flows.post("/boundaries", {"text": "I go at my own pace"},
                      follow_redirects=False).status_code == 303
    flows.post("/boundaries/1", {"action": "edit", "text": "I go at my pace, always",
                                 "pillars": "safety"})
    page = flows.client.get("/boundaries").text
    assert "I go at my pace, always" in page and "History" in page
    flows.post("/boundaries/1", {"action": "retire"})
    assert "Bring back" in flows.client.get("/boundaries").text
    flows.post("/boundaries/1", {"action": "reactivate"})
    assert flows.post("/boundaries/1", {"action": "explode"}).status_code == 422
    assert flows.post("/boundaries", {"text": "  "}).status_code == 422
    assert flows.post("/boundaries/7", {"action": "retire"}).status_code == 404
    flows.post("/boundaries-weights", {"care": "5", "safety": "4"})
    assert 'id="w-care" name="care" type="number" min="0" max="5" value="5"' in \
        flows.client.get("/boundaries").text
    assert flows.post("/boundaries-weights", {"care": "9"}).status_code == 422


def test_resources_follow_the_locale_and_take_own_entries(flows):
    flows.post("/settings", {"locale": "UK", "auto_lock_minutes": "10"})
    page = flows.client.get("/resources").text
    assert "United Kingdom" in page and "Last checked" in page
    flows.post("/resources", {"name": "My sister", "contact": "in my phone"})
    assert "My sister" in flows.client.get("/resources").text
    assert flows.post("/resources", {"name": "", "contact": ""}).status_code == 422


def test_flow_texts_never_name_cli_commands_in_the_browser():
    from afterword.domain import reflection
    from afterword.web.flows_view import text

    for flow in reflection.FLOWS.values():
        for step in flow.all_steps():
            for key in (step.prompt, step.note, *(o.label for o in step.options)):
                if key and "{item}" not in key:
                    worded = text(key, item="x", person="Sam")
                    assert "afterword " not in worded and "at any prompt" not in worded, key


def test_a_detected_switch_can_be_disputed(flows):
    flows.post("/reflect/open", {})
    flows.post("/runs/1/answer", {"key": "consent", "value": "yes"})
    switched = flows.post("/runs/1/answer", {"key": "happened",
                                             "value": "He held me down, it was a game we like."})
    assert step_key(switched.text).startswith("survivor")
    back = flows.post("/runs/1/dispute")
    assert back.status_code == 200
    assert not step_key(back.text).startswith("survivor")
