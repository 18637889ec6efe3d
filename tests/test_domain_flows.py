"""The flow engine and the reflection's branches, with an honest in-memory detector."""

from __future__ import annotations

import json

import pytest

from afterword.domain import crisis, reflection, survivor
from afterword.domain.detector import PhraseDetector
from afterword.domain.flow_defs import Kind
from afterword.domain.flow_errors import (
    FlowError,
    FlowFinished,
    InvalidAnswer,
    NotCurrentStep,
    NothingBefore,
)
from afterword.domain.flow_state import FlowState
from afterword.domain.flow_views import EventKind, Outcome
from afterword.messages import has

DETECTOR = PhraseDetector(
    crisis_phrases=("end my life", "kill myself"),
    nonconsent_phrases=("i said no", "he held me down", "i was asleep"),
    trap_phrases={"labeling": ("i'm worthless", "i am worthless"),
                  "mind_reading": ("laughs about me",)},
    theme_phrases={"longing_after_bonding": ("miss him",), "regret": ("regret",),
                   "boundary_crossed": ("crossed",)},
)


@pytest.fixture
def engine():
    return reflection.engine(DETECTOR)


# Answers for a whole consensual reflection, by step key.
FULL = {
    "consent": "yes",
    "happened": "We met at a party and went home together.",
    "expect.hoped": "That it was the start of something.",
    "expect.signalled": "He said he had been wanting this for weeks.",
    "expect.agreed": "",
    "expect.gap": "I wanted a relationship; he wanted one night.",
    "felt.words": ["empty", "used"],
    "felt.intensity": 7,
    "echo.questions": ["Why did I let this happen?"],
    "echo.need#0": "I need to be gentler with myself.",
    "echo.step#0": "Call my sister.",
    "thoughts": ["I'm worthless"],
    "thought.belief_before#0": 80,
    "thought.feeling_before#0": 8,
    "thought.traps#0": {"confirmed": ["labeling"]},
    "thought.socratic#0": "One night does not define me.",
    "thought.balanced#0": "I was hurt, and I still matter.",
    "thought.belief_after#0": 40,
    "thought.feeling_after#0": 5,
    **{f"pillar.status#{p}": "missing" for p in reflection.PILLARS},
    **{f"pillar.evidence#{p}": "" for p in reflection.PILLARS},
    "taught": "I need honesty before closeness.",
    "boundary": "I wait until we have both said what we want.",
    "boundary.pillars": ["honesty"],
}


def run(engine, state, answers, stop_at=None):
    """Answer current steps from `answers` (INFO steps continue) until done or `stop_at`."""
    events = []
    while (view := engine.current(state)) is not None:
        if view.key == stop_at:
            break
        if view.step.kind is Kind.INFO:
            value = None
        elif view.key in answers:
            value = answers[view.key]
        else:
            raise AssertionError(f"no answer for {view.key}")
        out = engine.answer(state, view.key, value)
        state = out.state
        events.extend(out.events)
    return state, events


def kinds(events):
    return [e.kind for e in events]


def test_consensual_reflection_walks_every_step_to_the_end(engine):
    state = engine.start("reflection", context_texts=["Why did I let this happen? I miss him."])
    assert engine.current(state).key == "consent"
    state, events = run(engine, state, FULL)
    assert engine.is_complete(state)
    assert engine.track(state) == "reflection"
    assert EventKind.COMPLETED in kinds(events)
    assert state.answers["felt.intensity"] == 7
    # The expectation step left blank is stored as skipped.
    assert state.answers["expect.agreed"] is None
    records = reflection.thought_records(state.answers)
    assert records[0].belief_shift == -40
    assert records[0].confirmed == ("labeling",)
    pillars = reflection.pillar_answers(state.answers)
    assert pillars["honesty"] == ("missing", None)


def test_rumination_detector_proposes_the_echoing_questions(engine):
    state = engine.start("reflection", context_texts=["Why did I let this happen? Was I not "
                                                     "worth more? We had dinner."])
    state, _ = run(engine, state, FULL, stop_at="echo.questions")
    view = engine.current(state)
    assert view.suggestions == ("Why did I let this happen?", "Was I not worth more?")


def test_each_echoing_question_gets_a_what_now_step(engine):
    state = engine.start("reflection")
    answers = {**FULL, "echo.questions": ["Why me?", "Do they even think about me?"],
               "echo.need#1": "To stop checking their profile.", "echo.step#1": ""}
    state, _ = run(engine, state, answers, stop_at="thoughts")
    keys = [i.key for i in engine.path(state)]
    assert keys[keys.index("echo.questions") + 1:keys.index("thoughts")] == [
        "echo.need#0", "echo.step#0", "echo.need#1", "echo.step#1"]
    assert engine._view(state, engine.path(state)[keys.index("echo.need#1")],
                        engine.path(state)).item == "Do they even think about me?"


@pytest.mark.parametrize("answer", ["no", "not_sure"])
def test_consent_no_or_not_sure_leads_to_the_survivor_path(engine, answer):
    state = engine.start("reflection")
    out = engine.answer(state, "consent", answer)
    assert engine.track(out.state) == "survivor"
    view = engine.current(out.state)
    assert view.key == "survivor.intro"
    assert view.flow == "survivor"
    # No "did it really happen like that" check when the person said it themselves.
    assert "survivor.detected" not in [i.key for i in engine.path(out.state)]


def test_consent_yes_stays_on_the_reflection(engine):
    out = engine.answer(engine.start("reflection"), "consent", "yes")
    assert engine.track(out.state) == "reflection"
    assert engine.current(out.state).key == "happened"


def test_survivor_path_never_offers_traps_or_lessons(engine):
    state = engine.start("reflection")
    state = engine.answer(state, "consent", "no").state
    steps = survivor.SURVIVOR.all_steps()
    assert all(s.kind is not Kind.TRAPS for s in steps)
    assert all(s.socratic_from is None for s in steps)
    answers = {"survivor.grounding": "yes", "survivor.options": ["medical", "reporting"],
               "survivor.write": "I keep thinking it was my fault.", "survivor.needs": ""}
    state, events = run(engine, state, answers)
    assert engine.is_complete(state)
    seen = [i.key for i in engine.path(state)]
    assert "survivor.more.medical" in seen and "survivor.more.trusted" not in seen
    assert "survivor.grounding.senses" in seen
    # Saved privately: the writing is kept in the (encrypted) state.
    assert state.answers["survivor.write"].startswith("I keep")


def test_detector_switches_to_the_survivor_path_from_any_free_text(engine):
    state = engine.start("reflection")
    state = engine.answer(state, "consent", "yes").state
    out = engine.answer(state, "happened", "I said no and he kept going.")
    assert EventKind.SURVIVOR in kinds(out.events)
    assert engine.track(out.state) == "survivor"
    assert engine.current(out.state).key == "survivor.intro"
    state = engine.answer(out.state, "survivor.intro", None).state
    view = engine.current(state)
    assert view.key == "survivor.detected"
    assert state.flags["nonconsent"] == ["happened"]


def test_disputing_the_detection_returns_to_the_reflection(engine):
    state = engine.start("reflection")
    state = engine.answer(state, "consent", "yes").state
    state = engine.answer(state, "happened", "I said no at first, then changed my mind.").state
    state = engine.answer(state, "survivor.intro", None).state
    out = engine.answer(state, "survivor.detected", survivor.DISPUTE)
    assert EventKind.DISPUTED in kinds(out.events)
    assert engine.track(out.state) == "reflection"
    assert engine.current(out.state).key == "expect.hoped"
    assert out.state.disputed == ["happened"]
    # A later detection on another answer opens the path again, from its start.
    out = engine.answer(out.state, "expect.hoped", "Then he held me down.")
    assert engine.track(out.state) == "survivor"
    assert engine.current(out.state).key == "survivor.intro"


def test_detected_but_confirmed_stays_on_the_survivor_path(engine):
    state = engine.start("reflection")
    state = engine.answer(state, "consent", "yes").state
    state = engine.answer(state, "happened", "I was asleep when it started.").state
    state = engine.answer(state, "survivor.intro", None).state
    state = engine.answer(state, "survivor.detected", "not_sure").state
    assert engine.track(state) == "survivor"
    assert engine.current(state).key == "survivor.grounding"


def test_crisis_in_the_middle_opens_the_check_and_returns_to_the_same_step(engine):
    state = engine.start("reflection")
    state, _ = run(engine, state, FULL, stop_at="expect.gap")
    out = engine.answer(state, "expect.gap", "Some nights I want to end my life.")
    assert EventKind.CRISIS in kinds(out.events)
    view = engine.current(out.state)
    assert view.key == "crisis.checkin"
    assert view.overlay == "detector"
    assert set(view.step.resources) >= {"crisis", "emergency"}  # resources at once
    state = out.state
    out = engine.answer(state, "crisis.checkin", "struggling")
    out = engine.answer(out.state, "crisis.plan_offer", "build")
    out = engine.answer(out.state, "plan.warning_signs", ["not sleeping"])
    assert [e.data["effect"] for e in out.events if e.kind is EventKind.EFFECT] == [
        "safety_plan"]
    state = out.state
    for section in ("coping", "people_places", "people_help", "professionals",
                    "safer_surroundings"):
        state = engine.answer(state, f"plan.{section}", []).state
    out = engine.answer(state, "crisis.close", None)
    assert EventKind.CRISIS_CLOSED in kinds(out.events)
    assert out.state.overlay is None
    assert engine.current(out.state).key == "felt.words"  # back where they were
    assert out.state.answers["expect.gap"].startswith("Some nights")  # the answer was kept
    assert out.state.crisis_log == [{"trigger": "detector", "response": "struggling"}]


def test_im_okay_is_respected_and_the_check_returns_on_the_next_risky_text(engine):
    state = engine.start("reflection")
    state, _ = run(engine, state, FULL, stop_at="expect.hoped")
    state = engine.answer(state, "expect.hoped", "I want to kill myself sometimes.").state
    state = engine.answer(state, "crisis.checkin", "okay").state
    assert engine.current(state).key == "crisis.okay"
    state = engine.answer(state, "crisis.okay", None).state
    assert state.overlay is None
    assert engine.current(state).key == "expect.signalled"
    out = engine.answer(state, "expect.signalled", "I still think I should end my life.")
    assert engine.current(out.state).key == "crisis.checkin"


def test_asking_for_help_opens_the_crisis_path_from_any_flow(engine):
    for flow, first in (("reflection", "consent"), ("partner_check", "partner.intro"),
                        ("survivor", "survivor.intro")):
        state = engine.start(flow)
        out = engine.request_help(state)
        assert engine.current(out.state).key == "crisis.checkin"
        assert engine.current(out.state).overlay == "help"
        # Asking twice does not stack checks.
        assert engine.request_help(out.state).events == ()
        state = engine.answer(out.state, "crisis.checkin", "okay").state
        state = engine.answer(state, "crisis.okay", None).state
        assert engine.current(state).key == first


def test_the_survivor_path_can_be_reached_from_any_flow(engine):
    state = engine.start("partner_check")
    out = engine.request_survivor(state)
    assert engine.track(out.state) == "survivor"
    assert engine.current(out.state).key == "survivor.intro"
    state, _ = run(engine, engine.start("reflection"), FULL, stop_at="thoughts")
    out = engine.request_survivor(state)
    assert engine.current(out.state).key == "survivor.intro"
    assert out.state.answers["happened"]  # earlier answers are kept, privately


def test_recheck_flow_asks_differently():
    state = reflection.engine(DETECTOR).start("reflection")
    out = reflection.engine(DETECTOR).open_recheck(state)
    view = reflection.engine(DETECTOR).current(out.state)
    assert view.step.prompt == "reflect.crisis.recheck"
    assert view.overlay == "recheck"


def test_revising_consent_re_evaluates_the_branch(engine):
    state = engine.start("reflection")
    state, _ = run(engine, state, FULL, stop_at="felt.words")
    out = engine.revise(state, "consent", "not_sure")
    assert engine.track(out.state) == "survivor"
    assert engine.current(out.state).key == "survivor.intro"
    out = engine.revise(out.state, "consent", "yes")
    assert engine.track(out.state) == "reflection"
    assert engine.current(out.state).key == "felt.words"  # nothing was lost


def test_revising_the_text_the_detector_flagged_re_evaluates_the_branch(engine):
    state = engine.start("reflection")
    state = engine.answer(state, "consent", "yes").state
    state = engine.answer(state, "happened", "I said no, he stopped, then we talked.").state
    assert engine.track(state) == "survivor"
    out = engine.revise(state, "happened", "We talked first, and both wanted it.")
    assert engine.track(out.state) == "reflection"
    assert "nonconsent" not in out.state.flags
    assert engine.current(out.state).key == "expect.hoped"
    out = engine.revise(out.state, "happened", "I said no and he kept going.")
    assert engine.track(out.state) == "survivor"
    # A disputed detection stops steering the flow until something new is flagged.
    out = engine.dispute_nonconsent(out.state)
    assert engine.track(out.state) == "reflection"


def test_revising_a_thought_list_changes_the_thought_records(engine):
    state = engine.start("reflection")
    state, _ = run(engine, state, FULL, stop_at="taught")
    out = engine.revise(state, "thoughts", ["I'm worthless", "Nobody will want me"])
    assert engine.current(out.state).key == "thought.belief_before#1"


def test_back_shows_the_previous_answer_and_walks_forward_again(engine):
    state = engine.start("reflection")
    state, _ = run(engine, state, FULL, stop_at="expect.signalled")
    state = engine.back(state)
    view = engine.current(state)
    assert view.key == "expect.hoped"
    assert view.previous == FULL["expect.hoped"]
    state = engine.back(state)
    assert engine.current(state).key == "happened"
    state = engine.answer(state, "happened", "Changed wording.").state
    assert engine.current(state).key == "expect.hoped"  # walking forward over answered steps
    state = engine.answer(state, "expect.hoped", "Kept.").state
    assert engine.current(state).key == "expect.signalled"
    with pytest.raises(NothingBefore):
        engine.back(engine.start("reflection"))


def test_traps_are_suggested_with_evidence_and_feedback_is_recorded(engine):
    state = engine.start("reflection")
    answers = {**FULL, "thoughts": ["He probably laughs about me. I'm worthless."]}
    state, _ = run(engine, state, answers, stop_at="thought.traps#0")
    view = engine.current(state)
    assert {t.label for t in view.traps} == {"labeling", "mind_reading"}
    assert all(t.evidence for t in view.traps)
    out = engine.answer(state, "thought.traps#0", {"confirmed": ["mind_reading"]})
    effect = next(e for e in out.events if e.kind is EventKind.EFFECT)
    assert effect.data["effect"] == "trap_feedback"
    assert effect.data["value"] == {"confirmed": ["mind_reading"], "rejected": ["labeling"]}
    view = engine.current(out.state)
    assert view.key == "thought.socratic#0"
    assert view.socratic == tuple(f"reflect.socratic.mind_reading.{n}" for n in (1, 2, 3))


def test_rewording_a_thought_refreshes_its_suggested_traps(engine):
    state = engine.start("reflection")
    answers = {**FULL, "thoughts": ["I'm worthless."]}
    state, _ = run(engine, state, answers, stop_at="thought.balanced#0")
    state = engine.revise(state, "thoughts", ["He laughs about me."]).state
    state = engine.back(engine.back(state))
    view = engine.current(state)
    assert view.key == "thought.traps#0"
    assert [t.label for t in view.traps] == ["mind_reading"]


def test_no_confirmed_trap_skips_the_socratic_questions(engine):
    state = engine.start("reflection")
    state, _ = run(engine, state, FULL, stop_at="thought.traps#0")
    state = engine.answer(state, "thought.traps#0", {"rejected": ["labeling"]}).state
    assert engine.current(state).key == "thought.balanced#0"


def test_explainer_cards_appear_once_when_their_theme_appears(engine):
    state = engine.start("reflection")
    state = engine.answer(state, "consent", "yes").state
    out = engine.answer(state, "happened", "I miss him so much and I regret it.")
    cards = [e.data["card"] for e in out.events if e.kind is EventKind.EXPLAINER]
    assert cards == ["bonding", "regret_shame"]
    out = engine.answer(out.state, "expect.hoped", "I miss him.")
    assert EventKind.EXPLAINER not in kinds(out.events)


def test_the_worksheet_and_echoing_questions_bring_up_their_cards(engine):
    state = engine.start("reflection")
    state, events = run(engine, state, FULL, stop_at="felt.words")
    assert [e.data["card"] for e in events if e.kind is EventKind.EXPLAINER] == ["expectations"]
    state, events = run(engine, state, FULL, stop_at="thoughts")
    assert [e.data["card"] for e in events if e.kind is EventKind.EXPLAINER] == ["rumination"]


def test_survivor_path_shows_only_the_affirming_card(engine):
    state = engine.start("reflection")
    state = engine.answer(state, "consent", "no").state
    state = engine.answer(state, "survivor.intro", None).state
    state = engine.answer(state, "survivor.grounding", "not_now").state
    state = engine.answer(state, "survivor.resources", None).state
    state = engine.answer(state, "survivor.options", []).state
    out = engine.answer(state, "survivor.write", "I regret going. A line was crossed.")
    cards = [e.data["card"] for e in out.events if e.kind is EventKind.EXPLAINER]
    assert cards == ["consent"]


def test_boundary_answer_is_an_effect_for_the_profile(engine):
    state = engine.start("reflection")
    state, events = run(engine, state, FULL)
    effects = {e.data["effect"]: e.data["value"] for e in events if e.kind is EventKind.EFFECT}
    assert effects["boundary"] == FULL["boundary"]
    assert effects["boundary_pillars"] == ["honesty"]


def test_state_round_trips_through_json_and_resumes_at_the_same_step(engine):
    state = engine.start("reflection", context_texts=["Why me?"])
    state, _ = run(engine, state, FULL, stop_at="thought.traps#0")
    text = json.dumps(state.to_json())
    again = FlowState.from_json(json.loads(text))
    assert engine.current(again).key == "thought.traps#0"
    assert engine.current(again).traps == engine.current(state).traps
    finished, _ = run(engine, again, FULL)
    assert engine.is_complete(finished)


def test_a_crisis_overlay_survives_a_round_trip(engine):
    state = engine.start("reflection")
    state = engine.request_help(state).state
    again = FlowState.from_json(json.loads(json.dumps(state.to_json())))
    assert engine.current(again).key == "crisis.checkin"


@pytest.mark.parametrize("bad", [None, {"format": 99}, {"format": 1}, "x",
                                 {"format": 1, "flow": "reflection", "version": 1,
                                  "answers": []}])
def test_a_damaged_state_is_a_clear_error(bad):
    with pytest.raises(FlowError):
        FlowState.from_json(bad)


def test_answering_anything_but_the_current_step_is_refused(engine):
    state = engine.start("reflection")
    with pytest.raises(NotCurrentStep):
        engine.answer(state, "happened", "text")
    with pytest.raises(NotCurrentStep):
        engine.revise(state, "happened", "text")
    state, _ = run(engine, state, FULL)
    with pytest.raises(FlowFinished):
        engine.answer(state, "close", None)


@pytest.mark.parametrize(("key", "value"), [
    ("consent", "maybe"),
    ("consent", None),
    ("consent", 1),
    ("happened", ""),
    ("happened", "   "),
    ("happened", ["a list"]),
    ("happened", "x" * 5001),
    ("felt.words", []),
    ("felt.words", [1, 2]),
    ("felt.words", ["x" * 501]),
    ("felt.words", [f"w{i}" for i in range(9)]),
    ("felt.intensity", 11),
    ("felt.intensity", -1),
    ("felt.intensity", "lots"),
    ("felt.intensity", True),
    ("felt.intensity", 2.5),
    ("thought.traps#0", {"confirmed": ["not_a_trap"]}),
    ("thought.traps#0", {"confirmed": ["labeling"], "rejected": ["labeling"]}),
    ("thought.traps#0", {"rejected": ["catastrophizing"]}),
    ("thought.traps#0", {"other": []}),
    ("thought.traps#0", "labeling"),
    ("boundary.pillars", ["kindness"]),
])
def test_bad_answers_are_refused_with_the_step_named(engine, key, value):
    state = engine.start("reflection")
    state, _ = run(engine, state, FULL, stop_at=key)
    assert engine.current(state).key == key
    with pytest.raises(InvalidAnswer) as info:
        engine.answer(state, key, value)
    assert info.value.key == key
    if isinstance(value, str) and len(value) > 3:
        assert value not in str(info.value)  # never echo what was written


def test_answers_are_normalised(engine):
    state = engine.start("reflection")
    state, _ = run(engine, state, FULL, stop_at="felt.words")
    state = engine.answer(state, "felt.words", [" empty ", "empty", "", "used"]).state
    assert state.answers["felt.words"] == ["empty", "used"]
    state = engine.answer(state, "felt.intensity", " 6 ").state
    assert state.answers["felt.intensity"] == 6


def test_every_message_key_a_flow_uses_is_in_the_catalogue():
    missing = []
    for flow in reflection.FLOWS.values():
        keys = [flow.title]
        for step in flow.all_steps():
            keys += [step.prompt, *(o.label for o in step.options)]
            if step.note:
                keys.append(step.note)
        for node in flow.steps:
            label = getattr(node, "item_label", None)
            if label:
                keys += [label.format(item=i) for i in node.items]
                keys += [f"{label.format(item=i)}.about" for i in node.items]
        keys = [k for k in keys if "{item}" not in k]
        missing += [k for k in keys if not has(k)]
    for keys in reflection.SOCRATIC.values():
        missing += [k for k in keys if not has(k)]
    missing += [f"reflect.trap.{t}" for t in reflection.TRAP_LABELS
                if not has(f"reflect.trap.{t}")]
    assert missing == []


def test_crisis_recheck_rule():
    from datetime import UTC, datetime, timedelta

    now = datetime(2026, 1, 10, tzinfo=UTC)
    check = crisis.CrisisCheck(now - timedelta(days=1), "detector", "okay", "s1")
    assert crisis.recheck_due(check, now, "s2")
    assert not crisis.recheck_due(check, now, "s1")  # same session: not again at once
    assert not crisis.recheck_due(None, now, "s2")
    stale = crisis.CrisisCheck(now - timedelta(days=30), "detector", "okay", "s1")
    assert not crisis.recheck_due(stale, now, "s2")
    calm = crisis.CrisisCheck(now - timedelta(days=1), "recheck", "okay", "s2")
    assert not crisis.recheck_due(calm, now, "s3")
    still_hard = crisis.CrisisCheck(now - timedelta(days=1), "recheck", "struggling", "s2")
    assert crisis.recheck_due(still_hard, now, "s3")


def test_outcome_states_are_new_objects(engine):
    state = engine.start("reflection")
    out = engine.answer(state, "consent", "yes")
    assert isinstance(out, Outcome)
    assert "consent" not in state.answers  # the input state is untouched
