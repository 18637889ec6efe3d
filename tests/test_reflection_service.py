"""The reflect services on a real SQLCipher vault, with the in-memory phrase detector."""

from __future__ import annotations

from datetime import timedelta

import pytest

from afterword.domain.flow_answers import TRAP_LABELS
from afterword.domain.flow_defs import Kind
from afterword.domain.flow_views import EventKind
from afterword.errors import InvalidInput, NotFound
from afterword.services.reflect import ReflectService
from journal_helpers import PASS, FakeClock, services
from test_domain_flows import DETECTOR, FULL


@pytest.fixture
def vault(tmp_path):
    path = tmp_path / "journal.afw"
    clock = FakeClock()
    svc = services(path, clock)
    svc.vault.create(PASS)
    unlocked = svc.vault.unlock(PASS)
    yield path, unlocked, clock
    unlocked.close()


def reopen(path, clock, session="later"):
    unlocked = services(path, clock).vault.unlock(PASS)
    return unlocked, ReflectService(unlocked, detector=DETECTOR, clock=clock, session=session)


def drive(svc, outcome, answers, stop_at=None):
    run = outcome.run
    events = list(outcome.events)
    view = outcome.view
    while view is not None and view.key != stop_at:
        value = None if view.step.kind is Kind.INFO else answers[view.key]
        outcome = svc.answer(run.id, view.key, value)
        run, view = outcome.run, outcome.view
        events += outcome.events
    return run, events


def test_a_reflection_is_saved_after_every_answer_and_resumes_after_reopening(vault):
    path, unlocked, clock = vault
    episode = unlocked.journal.add_episode("The party")
    unlocked.journal.write("Why did I let this happen? I miss him.", episode=episode.id)
    svc = ReflectService(unlocked, detector=DETECTOR, clock=clock, session="one")
    outcome = svc.open_reflection("The party")
    assert outcome.view.key == "consent"
    run, _ = drive(svc, outcome, FULL, stop_at="echo.questions")
    assert outcome.run.episode_id is not None
    unlocked.close()  # as if the process ended here

    unlocked2, svc2 = reopen(path, clock)
    try:
        again = svc2.open_reflection("the party")  # same episode, any case: the same run
        assert again.run.id == run.id
        assert again.view.key == "echo.questions"
        assert again.view.suggestions == ("Why did I let this happen?",)
        run, events = drive(svc2, again, FULL)
        assert run.status == "completed" and run.completed_at is not None
        assert EventKind.COMPLETED in [e.kind for e in events]
        [boundary] = svc2.boundaries.list()
        assert boundary.text == FULL["boundary"]
        assert boundary.origin.kind == "reflection" and boundary.origin.run_id == run.id
        assert boundary.pillars == ("honesty",)
        assert svc2.trap_feedback(run.id) == [("thought.traps#0", "labeling", "confirmed")]
    finally:
        unlocked2.close()


def test_revising_the_boundary_answer_edits_the_profile_with_history(vault):
    _, unlocked, clock = vault
    svc = ReflectService(unlocked, detector=DETECTOR, clock=clock)
    run, _ = drive(svc, svc.open_reflection(), FULL)
    svc.revise(run.id, "boundary", "I only get close once we have talked.")
    [boundary] = svc.boundaries.list()
    assert boundary.text == "I only get close once we have talked."
    assert [c.action.value for c in boundary.history] == ["created", "edited"]
    svc.revise(run.id, "boundary", "")
    assert not svc.boundaries.get(boundary.id).active
    # A revision that opens another branch makes the run active again, with its next step.
    out = svc.revise(run.id, "consent", "not_sure")
    assert (out.run.status, out.run.completed_at, out.view.key) == (
        "active", None, "survivor.intro")


def test_trap_verdicts_are_kept_as_feedback(vault):
    _, unlocked, clock = vault
    svc = ReflectService(unlocked, detector=DETECTOR, clock=clock)
    answers = {**FULL, "thoughts": ["He probably laughs about me, I'm worthless."],
               "thought.traps#0": {"confirmed": ["mind_reading", "catastrophizing"]}}
    run, _ = drive(svc, svc.open_reflection(), answers)
    assert sorted(svc.trap_feedback(run.id)) == [
        ("thought.traps#0", "catastrophizing", "confirmed"),
        ("thought.traps#0", "labeling", "doesnt_fit"),
        ("thought.traps#0", "mind_reading", "confirmed"),
    ]


def test_survivor_writing_is_saved_privately_inside_the_encrypted_file(vault):
    path, unlocked, clock = vault
    svc = ReflectService(unlocked, detector=DETECTOR, clock=clock)
    secret = "zebra-quartz-marker it kept happening"
    answers = {"consent": "no", "survivor.grounding": "not_now", "survivor.options": [],
               "survivor.write": secret, "survivor.needs": ""}
    run, _ = drive(svc, svc.open_reflection(), answers)
    assert run.track == "survivor" and run.status == "completed"
    assert svc.get(run.id).state.answers["survivor.write"] == secret
    unlocked.close()
    raw = b"".join(p.read_bytes() for p in path.parent.iterdir() if p.is_file())
    assert b"zebra-quartz-marker" not in raw


def test_crisis_check_is_recorded_and_comes_back_next_session_after_im_okay(vault):
    path, unlocked, clock = vault
    svc = ReflectService(unlocked, detector=DETECTOR, clock=clock, session="one")
    outcome = svc.open_reflection()
    run, _ = drive(svc, outcome, FULL, stop_at="happened")
    out = svc.answer(run.id, "happened", "I want to end my life.")
    assert out.view.key == "crisis.checkin"
    out = svc.answer(run.id, "crisis.checkin", "okay")
    out = svc.answer(run.id, "crisis.okay", None)
    assert out.view.key == "expect.hoped"
    last = svc.safety.last_check()
    assert (last.trigger, last.response, last.session) == ("detector", "okay", "one")
    # Same session: no immediate second check.
    assert svc.resume(run.id).view.key == "expect.hoped"
    unlocked.close()

    unlocked2, svc2 = reopen(path, clock, session="two")
    try:
        again = svc2.resume(run.id)
        assert again.view.key == "crisis.checkin"
        assert again.view.overlay == "recheck"
        svc2.answer(run.id, "crisis.checkin", "okay")
        back = svc2.answer(run.id, "crisis.okay", None)
        assert back.view.key == "expect.hoped"
    finally:
        unlocked2.close()
    # After a calm re-check, the next session is left alone until something risky is written.
    unlocked3, svc3 = reopen(path, clock, session="three")
    try:
        assert svc3.resume(run.id).view.key == "expect.hoped"
    finally:
        unlocked3.close()


def test_the_recheck_window_ends(vault):
    path, unlocked, clock = vault
    svc = ReflectService(unlocked, detector=DETECTOR, clock=clock, session="one")
    run = svc.open_reflection().run
    svc.request_help(run.id)
    svc.answer(run.id, "crisis.checkin", "struggling")
    svc.answer(run.id, "crisis.plan_offer", "not_now")
    svc.answer(run.id, "crisis.close", None)
    clock.now += timedelta(days=20)
    other = ReflectService(unlocked, detector=DETECTOR, clock=clock, session="two")
    assert other.resume(run.id).view.key == "consent"


def test_safety_plan_built_in_the_crisis_path_is_saved_with_versions(vault):
    _, unlocked, clock = vault
    svc = ReflectService(unlocked, detector=DETECTOR, clock=clock)
    run = svc.open_reflection().run
    out = svc.request_help(run.id)
    assert "crisis" in out.view.step.resources
    svc.answer(run.id, "crisis.checkin", "struggling")
    svc.answer(run.id, "crisis.plan_offer", "build")
    svc.answer(run.id, "plan.warning_signs", ["not sleeping", "skipping meals"])
    svc.answer(run.id, "plan.coping", ["a walk"])
    for section in ("people_places", "people_help", "professionals", "safer_surroundings"):
        svc.answer(run.id, f"plan.{section}", [])
    out = svc.answer(run.id, "crisis.close", None)
    assert out.view.key == "consent"
    plan = svc.safety.plan()
    assert plan.items("warning_signs") == ("not sleeping", "skipping meals")
    assert plan.items("coping") == ("a walk",)
    assert svc.safety.plan_versions() == 6
    svc.safety.save_plan({"coping": ["music"]})
    assert svc.safety.plan().items("warning_signs") == ()


def test_standalone_safety_plan_and_survivor_flows(vault):
    _, unlocked, clock = vault
    svc = ReflectService(unlocked, detector=DETECTOR, clock=clock)
    out = svc.start("safety_plan")
    assert out.view.key == "plan.intro"
    out = svc.start("survivor")
    assert out.view.key == "survivor.intro"
    with pytest.raises(InvalidInput):
        svc.start("crisis")
    with pytest.raises(InvalidInput):
        svc.start("no_such_flow")


def test_boundaries_profile_add_edit_retire_and_weights(vault):
    _, unlocked, clock = vault
    svc = ReflectService(unlocked, detector=DETECTOR, clock=clock)
    b = svc.boundaries.add("  I leave when I feel pressured. ",
                           ["safety", "respect for boundaries"])
    assert b.text == "I leave when I feel pressured."
    assert b.pillars == ("safety", "respect_for_boundaries")
    b = svc.boundaries.edit(b.id, "I leave when I feel pressured, no explanation needed.")
    b = svc.boundaries.retire(b.id)
    b = svc.boundaries.reactivate(b.id)
    assert [c.action.value for c in b.history] == ["created", "edited", "retired", "reactivated"]
    assert svc.boundaries.weights().of("safety") == 3
    weights = svc.boundaries.set_weights({"safety": 5, "care": 1})
    assert weights.ordered()[0] == "safety"
    assert svc.boundaries.weights().as_dict()["care"] == 1


@pytest.mark.parametrize("call", [
    lambda s: s.boundaries.add("   "),
    lambda s: s.boundaries.add("x" * 501),
    lambda s: s.boundaries.add("ok", ["kindness"]),
    lambda s: s.boundaries.set_weights({"safety": 6}),
    lambda s: s.boundaries.set_weights({"safety": -1}),
    lambda s: s.boundaries.set_weights({"bravery": 2}),
    lambda s: s.safety.save_plan({"hopes": ["x"]}),
    lambda s: s.safety.add_resource("", "123"),
    lambda s: s.safety.add_resource("Name", "   "),
])
def test_bad_profile_input_is_invalid_input(vault, call):
    _, unlocked, clock = vault
    with pytest.raises(InvalidInput):
        call(ReflectService(unlocked, detector=DETECTOR, clock=clock))


def test_missing_things_are_not_found(vault):
    _, unlocked, clock = vault
    svc = ReflectService(unlocked, detector=DETECTOR, clock=clock)
    with pytest.raises(NotFound):
        svc.get(999)
    with pytest.raises(NotFound):
        svc.answer(999, "consent", "yes")
    with pytest.raises(NotFound):
        svc.boundaries.edit(999, "text")
    with pytest.raises(NotFound):
        svc.open_reflection("no such episode")
    with pytest.raises(NotFound):
        svc.partner.history("nobody")


def test_a_bad_answer_names_the_step_and_never_the_text(vault):
    _, unlocked, clock = vault
    svc = ReflectService(unlocked, detector=DETECTOR, clock=clock)
    run = svc.open_reflection().run
    with pytest.raises(InvalidInput) as info:
        svc.answer(run.id, "consent", "secret-words-here")
    assert "consent" in info.value.user_message()
    assert "secret-words-here" not in info.value.user_message()
    with pytest.raises(InvalidInput):
        svc.answer(run.id, "happened", "not the current step")
    with pytest.raises(InvalidInput):
        svc.back(run.id)


def test_partner_check_reflects_per_pillar_with_boundaries_and_no_verdict(vault):
    _, unlocked, clock = vault
    svc = ReflectService(unlocked, detector=DETECTOR, clock=clock)
    svc.boundaries.add("We say out loud what we each want first.", ["honesty"])
    svc.boundaries.add("I can leave at any time.")
    svc.boundaries.set_weights({"honesty": 5})
    out = svc.partner.open("Sam")
    answers = {f"partner.q.{q}": "yes" for q in
               ("safe_around", "can_say_no", "interest_in_you", "follow_through",
                "words_match_actions", "both_matter", "time_beyond_closeness", "accepts_no",
                "asks_first")}
    answers |= {"partner.q.said_out_loud": "not_yet", "partner.signs": ["rushes"],
                "partner.notes": ""}
    run, _ = drive(svc, out, answers)
    result = svc.partner.result(run).as_dict()
    first = result["sections"][0]
    assert first["pillar"] == "honesty"
    assert first["boundaries"] == ["We say out loud what we each want first."]
    assert "reflect.partner.prompt.said_out_loud" in first["prompts"]
    assert first["conversations"][0] == "reflect.partner.talk.said_out_loud"
    respect = next(s for s in result["sections"] if s["pillar"] == "respect_for_boundaries")
    assert {"kind": "sign", "id": "rushes", "answer": None} in respect["drivers"]
    assert result["general_boundaries"] == ["I can leave at any time."]
    text = repr(result).lower()
    assert "verdict" not in text and "score" not in text and "go" not in result
    # History per person; the next check for Sam is a new run.
    second = svc.partner.open("sam")
    assert second.run.id != run.id
    assert [r.id for r in svc.partner.history("SAM")] == [second.run.id, run.id]


def test_own_resources_come_first_and_everything_is_offline(vault):
    _, unlocked, clock = vault
    svc = ReflectService(unlocked, detector=DETECTOR, clock=clock)
    svc.safety.add_resource("My therapist", "555 0100", "Tuesdays")
    listed = svc.safety.resources("UK")
    assert listed[0].name == "My therapist" and listed[0].own
    assert any(r.id == "uk-samaritans" for r in listed)
    assert listed[-1].locale == "INT"


def test_explainers_come_up_from_the_episodes_stored_analysis(vault):
    _, unlocked, clock = vault
    import json

    from afterword.store.analysis import EntryAnalysisRow

    episode = unlocked.journal.add_episode("Weekend")
    entry = unlocked.journal.write("text", episode=episode.id)
    result = {"themes": [{"label": "expectation_mismatch", "score": 0.9}],
              "rumination": {"flag": True, "questions": []},
              "safety": {"nonconsent": {"flag": False}}}
    with unlocked.write_session_factory() as s, s.begin():
        # Replaces what analysis on save stored, so the labels are known here.
        s.merge(EntryAnalysisRow(entry_id=entry.id, result_json=json.dumps(result),
                                 model_name="t", model_version="1", analyzed_at=clock()))
    svc = ReflectService(unlocked, detector=DETECTOR, clock=clock)
    out = svc.open_reflection("Weekend")
    cards = [e.data["card"] for e in out.events if e.kind is EventKind.EXPLAINER]
    assert cards == ["expectations", "rumination"]


def test_the_real_analysis_engine_is_wired_behind_the_detector_interface():
    pytest.importorskip("afterword.analysis")
    from afterword.services.reflect import AnalysisDetector

    detector = AnalysisDetector()
    signals = detector.screen("I want to kill myself tonight.")
    assert signals.crisis  # the phrase net holds even without the model
    if not detector.available:
        pytest.skip("the analysis engine cannot load here (its artifacts are not built)")
    assert detector.screen("We had a lovely dinner and talked for hours.").crisis is False
    assert detector.screen("He held me down even though I was crying.").nonconsent
    questions = detector.ruminations(["Why did I let this happen? We went home."])
    assert all(q.endswith("?") for q in questions)
    for suggestion in detector.suggest_traps("I'm worthless and nobody will ever want me."):
        assert suggestion.label in TRAP_LABELS and suggestion.evidence


def test_two_windows_on_one_run_never_overwrite_each_other(vault):
    path, unlocked, clock = vault
    cli = ReflectService(unlocked, detector=DETECTOR, clock=clock)
    run = cli.open_reflection().run
    other, web = reopen(path, clock)
    try:
        assert web.resume(run.id).view.key == "consent"  # both windows show the consent step
        cli.answer(run.id, "consent", "yes")
        with pytest.raises(InvalidInput):
            web.answer(run.id, "consent", "no")  # a stale window cannot overwrite it ...
        web.answer(run.id, "happened", "We met at a party.")  # ... and sees the new state
        assert cli.get(run.id).state.answers == {"consent": "yes",
                                                 "happened": "We met at a party."}
    finally:
        other.close()


def test_a_risky_journal_entry_opens_the_crisis_check(vault):
    _, unlocked, clock = vault
    svc = ReflectService(unlocked, detector=DETECTOR, clock=clock)
    calm = unlocked.journal.write("We went for a walk and it was nice.")
    assert svc.check_entry(calm.id) is None
    risky = unlocked.journal.write("Some nights I want to end my life.")
    out = svc.check_entry(risky.id)
    assert out.view.key == "crisis.checkin" and out.view.overlay == "detector"
    assert out.run.flow == "safety_plan"
    again = svc.check_entry(risky.id)  # a second risky entry reuses the open check
    assert again.run.id == out.run.id
    svc.answer(out.run.id, "crisis.checkin", "okay")
    svc.answer(out.run.id, "crisis.okay", None)
    assert svc.safety.last_check().trigger == "detector"


def test_asking_for_help_opens_the_check_on_the_safety_plan_in_progress(vault):
    _, unlocked, clock = vault
    svc = ReflectService(unlocked, detector=DETECTOR, clock=clock)
    plan = svc.start("safety_plan").run
    out = svc.crisis_check()
    assert out.run.id == plan.id  # no second plan run
    assert out.view.key == "crisis.checkin" and out.view.overlay == "help"
    svc.answer(out.run.id, "crisis.checkin", "okay")
    svc.answer(out.run.id, "crisis.okay", None)
    assert svc.safety.last_check().trigger == "help"
    assert svc.crisis_check().run.id == plan.id  # the plan is still in progress
