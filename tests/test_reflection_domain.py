"""Pure rules of the reflect area: boundaries, pillars, partner check, safety plan, resources,
explainer cards. No database."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import UTC, date, datetime, timedelta

import pytest

from afterword.domain import boundaries, explainers, partner, resources, safety_plan
from afterword.domain.pillars import PILLARS, PillarWeights, parse_pillar
from afterword.messages import has

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def test_boundary_history_records_every_change():
    b = boundaries.new("  I   wait until we talk. ", boundaries.Origin("reflection", 3, 7), T0,
                       ["honesty"])
    assert b.text == "I wait until we talk." and b.active and b.created_at == T0
    b = boundaries.edit(b, "I wait until we have talked.", T0 + timedelta(days=1))
    assert boundaries.edit(b, "I wait until we have talked.", T0) is b  # no-op edits add nothing
    b = boundaries.retire(b, T0 + timedelta(days=2))
    assert boundaries.retire(b, T0) is b
    b = boundaries.reactivate(b, T0 + timedelta(days=3))
    assert [(c.action.value, c.text) for c in b.history] == [
        ("created", "I wait until we talk."), ("edited", "I wait until we have talked."),
        ("retired", "I wait until we have talked."),
        ("reactivated", "I wait until we have talked.")]
    assert b.origin == boundaries.Origin("reflection", 3, 7)
    data = b.as_dict()
    assert data["status"] == "active" and data["pillars"] == ["honesty"]
    assert data["origin"] == {"kind": "reflection", "run_id": 3, "episode_id": 7}
    assert data["history"][1] == {"at": (T0 + timedelta(days=1)).isoformat(), "action": "edited",
                                  "text": "I wait until we have talked."}
    assert json.loads(json.dumps(data)) == data


@pytest.mark.parametrize("text", ["", "   ", "x" * 501])
def test_bad_boundary_text(text):
    with pytest.raises(ValueError):
        boundaries.new(text, boundaries.Origin("manual"), T0)


def test_applicable_boundaries_by_pillar():
    a = boundaries.new("A", boundaries.Origin("manual"), T0, ["safety"])
    b = boundaries.new("B", boundaries.Origin("manual"), T0)
    c = boundaries.retire(boundaries.new("C", boundaries.Origin("manual"), T0, ["safety"]), T0)
    assert boundaries.applicable([a, b, c], "safety") == [a]
    assert boundaries.untagged([a, b, c]) == [b]


def test_pillar_names_and_weights():
    assert parse_pillar("Mutual Value") == "mutual_value"
    assert parse_pillar("boundaries") == "respect_for_boundaries"
    with pytest.raises(ValueError):
        parse_pillar("kindness")
    w = PillarWeights.from_mapping({"care": 5, "safety": 5, "honesty": 0})
    assert w.ordered()[:2] == ("safety", "care")  # ties keep the usual order
    assert w.ordered()[-1] == "honesty"
    for bad in ({"care": 6}, {"care": -1}, {"care": True}, {"care": "3"}):
        with pytest.raises(ValueError):
            PillarWeights.from_mapping(bad)


def all_yes():
    return {f"partner.q.{q}": "yes" for q in partner.QUESTIONS}


def test_partner_reflection_is_never_a_verdict():
    # The result type has no field that could carry a decision or a score.
    names = {f.name for cls in (partner.PartnerReflection, partner.PillarSection,
                                partner.Driver) for f in fields(cls)}
    for word in ("score", "verdict", "go", "ok", "safe", "decision", "total", "rating"):
        assert word not in names
    result = partner.reflect(all_yes(), [], PillarWeights.default())
    assert all(not s.prompts for s in result.sections)  # calm answers: nothing to flag
    assert all(s.conversations for s in result.sections)  # conversations are always offered
    text = json.dumps(result.as_dict())
    assert "score" not in text and "verdict" not in text


def test_partner_reflection_shows_the_answers_that_drove_each_pillar():
    answers = all_yes() | {"partner.q.accepts_no": "no", "partner.q.said_out_loud": "not_yet",
                           "partner.signs": ["asks_again_after_no", "secret"]}
    b = boundaries.new("A no is the end of it.", boundaries.Origin("manual"), T0,
                       ["respect_for_boundaries"])
    weights = PillarWeights.from_mapping({"respect_for_boundaries": 5})
    result = partner.reflect(answers, [b], weights)
    first = result.sections[0]
    assert first.pillar == "respect_for_boundaries" and first.weight == 5
    assert partner.Driver("question", "accepts_no", "no") in first.drivers
    assert partner.Driver("sign", "asks_again_after_no", None) in first.drivers
    assert "reflect.partner.prompt.accepts_no" in first.prompts
    assert "reflect.partner.sign.asks_again_after_no.prompt" in first.prompts
    assert first.boundaries == (b,)
    honesty = next(s for s in result.sections if s.pillar == "honesty")
    assert honesty.conversations[0] == "reflect.partner.talk.said_out_loud"
    assert result.said_out_loud == "not_yet"
    safety = next(s for s in result.sections if s.pillar == "safety")
    assert partner.Driver("sign", "asks_again_after_no", None) in safety.drivers


def test_every_partner_message_key_exists():
    keys = [f"reflect.partner.q.{q}" for q in partner.QUESTIONS]
    keys += [f"reflect.partner.prompt.{q}" for q in partner.QUESTIONS]
    keys += [f"reflect.partner.sign.{s}" for s in partner.WARNING_SIGNS]
    keys += [f"reflect.partner.sign.{s}.prompt" for s in partner.WARNING_SIGNS]
    keys += [f"reflect.partner.talk.{p}" for p in PILLARS] + ["reflect.partner.talk.said_out_loud"]
    keys += [f"reflect.partner.answer.{a}" for a in partner.ANSWERS]
    assert [k for k in keys if not has(k)] == []
    assert set(partner.QUESTIONS.values()) == set(PILLARS)  # every pillar has questions
    assert partner.SAID_OUT_LOUD in partner.QUESTIONS


def test_safety_plan_sections():
    plan = safety_plan.SafetyPlan()
    assert plan.empty
    plan = safety_plan.with_section(plan, "coping", [" a walk ", "a walk", "", "music"], T0)
    assert plan.items("coping") == ("a walk", "music") and not plan.empty
    assert plan.as_dict()["warning_signs"] == []
    with pytest.raises(ValueError):
        safety_plan.with_section(plan, "hopes", ["x"], T0)
    with pytest.raises(ValueError):
        safety_plan.with_section(plan, "coping", ["x" * 501], T0)
    with pytest.raises(ValueError):
        safety_plan.with_section(plan, "coping", [str(i) for i in range(13)], T0)
    with pytest.raises(ValueError):
        safety_plan.from_dict({"hopes": []})
    assert safety_plan.section_of("plan.coping") == "coping"
    assert safety_plan.section_of("plan.intro") is None
    assert all(has(f"reflect.plan.{s}") and has(f"reflect.plan.{s}.note")
               for s in safety_plan.SECTIONS)


def test_the_resources_directory_covers_every_locale_with_dates():
    d = resources.directory()
    for locale in resources.LOCALES:
        listed = [r for r in d.resources if r.locale == locale]
        assert listed, locale
        assert any(r.kind == "emergency" for r in listed), locale
        if locale != "INT":
            assert any(r.kind == "crisis" for r in listed), locale
            assert any(r.kind in ("sexual_violence", "directory") for r in listed), locale
    assert all(isinstance(r.last_verified, date) for r in d.resources)
    assert "re-verify" in d.note
    ids = {r.id for r in d.resources}
    assert {"us-988", "us-rainn", "uk-samaritans", "uk-rape-crisis-ew", "ie-samaritans",
            "ca-988", "au-lifeline", "au-1800respect", "int-findahelpline"} <= ids


def test_resources_for_a_locale_end_with_the_international_fallback():
    d = resources.directory()
    uk = d.for_locale("gb")
    assert uk[0].locale == "UK" and uk[-1].locale == "INT"
    unknown = d.for_locale("Narnia")
    assert {r.locale for r in unknown} == {"INT"}
    sv = d.for_locale("US", ["sexual_violence"])
    assert {r.kind for r in sv} <= {"sexual_violence", "emergency", "directory", "own"}
    mine = resources.own_resource("own-1", "US", "My sister", "555 0100")
    assert d.for_locale("US", ["crisis"], own=[mine])[0] is mine


@pytest.mark.parametrize("broken", [
    {"format": 2, "locales": {}},
    {"format": 1, "locales": []},
    {"format": 1, "locales": {"FR": []}},
    {"format": 1, "locales": {"US": [{"id": "a", "kind": "crisis", "name": "n",
                                      "contact": "c"}]}},
    {"format": 1, "locales": {"US": [{"id": "a", "kind": "party", "name": "n", "contact": "c",
                                      "last_verified": "2026-01-01"}]}},
    {"format": 1, "locales": {"US": [
        {"id": "a", "kind": "crisis", "name": "n", "contact": "c", "last_verified": "2026-01-01"},
        {"id": "a", "kind": "crisis", "name": "n", "contact": "c", "last_verified": "2026-01-01"},
    ]}},
])
def test_a_broken_directory_is_refused(broken):
    with pytest.raises(ValueError):
        resources.parse_directory(broken)


@pytest.mark.parametrize(("name", "contact"), [("", "1"), ("n", ""), ("n" * 201, "1")])
def test_bad_own_resource(name, contact):
    with pytest.raises(ValueError):
        resources.own_resource("own-1", "US", name, contact)


def test_explainer_cards_map_themes_and_cite_sources():
    assert explainers.cards_for(["longing_after_bonding"]) == ("bonding",)
    assert explainers.cards_for(["expectation_mismatch", "rumination"]) == (
        "expectations", "rumination")
    assert explainers.cards_for(["regret", "shame"]) == ("regret_shame",)
    assert explainers.cards_for(["nonconsent"]) == ("consent",)
    assert explainers.cards_for(["growth"]) == ()
    for c in explainers.CARDS:
        assert has(c.title_key) and has(c.body_key)
    with pytest.raises(ValueError):
        explainers.card("nope")
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[1] / "docs" / "explainers.md").read_text("utf-8")
    for c in explainers.CARDS:
        assert f"`{c.id}`" in doc, c.id


def test_card_themes_are_real_analysis_labels():
    from afterword.analysis.labels import THEMES

    labels = set().union(*(c.labels for c in explainers.CARDS))
    assert labels - {"rumination", "nonconsent"} <= set(THEMES)
