"""InsightsService on a real SQLCipher journal: measures, ratings, contact, trends, patterns,
similar entries, and no entry text in logs or outside the vault."""

from __future__ import annotations

import json
import logging
from datetime import date, datetime, timedelta, timezone

import numpy as np
import pytest

from afterword import bootstrap, config
from afterword.errors import InvalidInput, NotFound
from afterword.services.insights import InsightsService
from afterword.store.analysis import DetectionFeedbackRow, EntryAnalysisRow, EntryEmbeddingRow

TZ = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 2, 20, 0, tzinfo=TZ)  # a Monday
PASS = "correct horse battery staple"


@pytest.fixture
def unlocked(tmp_path):
    # Analysis on save is off: these tests put exactly the stored analysis they need.
    settings = config.load(journal=tmp_path / "j.afw", analyze_on_save=False)
    services = bootstrap.build(settings, clock=lambda: NOW)
    services.vault.create(PASS)
    with services.vault.unlock(PASS) as opened:
        yield opened


@pytest.fixture
def insights(unlocked):
    # Only what is stored; the in-memory analysis path has its own tests.
    return InsightsService(unlocked, clock=lambda: NOW, analyze_missing=False)


def _at(day: date, hour: int = 21) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=TZ)


def _analysis(unlocked, entry_id, **result):
    body = {"id": str(entry_id), "safety": {}, "rumination": {"flag": False, "questions": []},
            "traps": [], "emotions": [], "themes": [], "model": {"name": "t", "version": "1"}}
    body.update(result)
    with unlocked.write_session_factory() as s, s.begin():
        s.add(EntryAnalysisRow(entry_id=entry_id, result_json=json.dumps(body),
                               model_name="t", model_version="1", analyzed_at=NOW))


def _embed(unlocked, entry_id, vector, model="m"):
    v = np.asarray(vector, dtype="<f4")
    with unlocked.write_session_factory() as s, s.begin():
        s.add(EntryEmbeddingRow(entry_id=entry_id, model_name=model, dim=len(v),
                                vector=v.tobytes()))


# --- measures ------------------------------------------------------------------------------


def test_take_measure_history_and_reliable_change(insights):
    first = insights.take_measure("phq9", [2, 2, 2, 2, 2, 2, 2, 2, 0])  # 16
    assert first.result.total == 16 and first.result.band == "moderately_severe"
    assert first.since_previous is None and not first.crisis
    second = insights.take_measure("PHQ-9", [1, 1, 1, 1, 1, 1, 1, 0, 0])  # 7
    # (7 - 16) / 1.6416455 = -5.482 -> reliable improvement
    assert second.since_previous.rci == pytest.approx(-5.482, abs=1e-3)
    assert second.since_previous.direction == "improved"
    [history] = insights.history("phq9")
    assert [r.total for r in history.records] == [16, 7]
    assert history.records[0].answers == (2, 2, 2, 2, 2, 2, 2, 2, 0)
    assert history.first_to_last.reliable
    assert insights.history() == [history]  # only measures with data


def test_item9_sets_the_crisis_flag_and_it_is_stored(insights):
    taken = insights.take_measure("phq9", [0, 0, 0, 0, 0, 0, 0, 0, 1])
    assert taken.crisis
    assert insights.history("phq9")[0].records[0].crisis is True


@pytest.mark.parametrize("answers", [[0] * 8, [0] * 8 + [7], ["x"] * 9, [True] + [0] * 8])
def test_bad_answers_raise_invalid_input_and_save_nothing(insights, answers):
    with pytest.raises(InvalidInput):
        insights.take_measure("phq9", answers)
    assert insights.history("phq9")[0].records == ()


def test_unknown_scale_names_the_choices(insights):
    with pytest.raises(InvalidInput) as info:
        insights.take_measure("beck", [0])
    assert "PHQ-9" in info.value.user_message()


def test_schedule_and_due(insights):
    insights.set_schedule("gad7", 14)
    [status] = insights.due()
    assert status.due and status.next_due == NOW.date()
    insights.take_measure("gad7", [0] * 7)
    [status] = insights.due()
    assert not status.due and status.next_due == NOW.date() + timedelta(days=14)
    with pytest.raises(InvalidInput):
        insights.set_schedule("gad7", 0)
    assert insights.clear_schedule("gad7") is True
    assert insights.due() == []


def test_personal_ratings_are_stored_and_range_checked(insights):
    saved = insights.rate(6)
    assert saved.key == "deserve_respect" and saved.value == 6 and saved.question is None
    own = insights.rate(3, "Felt safe today")
    assert own.key == "felt_safe_today" and own.question == "Felt safe today"
    for bad in (11, -1, 2.5):
        with pytest.raises(InvalidInput):
            insights.rate(bad)
    assert sorted(insights.ratings()) == ["deserve_respect", "felt_safe_today"]


# --- contact -------------------------------------------------------------------------------


def test_contact_log_and_days_without_contact(insights):
    insights.log_contact("Sam", "contact", NOW.date() - timedelta(days=12))
    insights.log_contact("sam", "checked_profile", NOW.date() - timedelta(days=3))
    [person] = insights.contact_summary()
    assert person.alias == "Sam"
    assert person.status.days_since_contact == 12
    assert person.status.days_since_profile_check == 3
    assert person.series[-1].value == 3.0
    with pytest.raises(InvalidInput):
        insights.log_contact("Sam", "contact", NOW.date() + timedelta(days=1))
    with pytest.raises(InvalidInput):
        insights.log_contact("Sam", "texting")
    with pytest.raises(InvalidInput):
        insights.log_contact("   ")


# --- trends --------------------------------------------------------------------------------


def test_trends_from_entries_analysis_and_feedback(unlocked, insights):
    j = unlocked.journal
    d0 = NOW.date() - timedelta(days=14)
    e1 = j.write("First night after. Why did I let this happen?", mood=-2, created_at=_at(d0))
    e2 = j.write("Still thinking about it.", mood=0, created_at=_at(d0 + timedelta(days=2)))
    e3 = j.write("A calmer day.", mood=2, created_at=_at(d0 + timedelta(days=14)))
    _analysis(unlocked, e1.id,
              emotions=[{"label": "remorse", "score": 0.7}, {"label": "sadness", "score": 0.6}],
              themes=[{"label": "regret", "score": 0.8, "evidence": "x"}],
              traps=[{"label": "mind_reading", "score": 0.8, "evidence": "x"}],
              rumination={"flag": True, "questions": ["Why did I let this happen?"]})
    _analysis(unlocked, e2.id, emotions=[{"label": "remorse", "score": 0.5}],
              traps=[{"label": "mind_reading", "score": 0.7, "evidence": "x"},
                     {"label": "labeling", "score": 0.6, "evidence": "y"}],
              rumination={"flag": True, "questions": ["Do they think about me?", "Why me?"]})
    with unlocked.write_session_factory() as s, s.begin():
        s.add(DetectionFeedbackRow(entry_id=e1.id, detector="traps", label="mind_reading",
                                   verdict="confirmed", created_at=NOW))
        s.add(DetectionFeedbackRow(entry_id=e2.id, detector="traps", label="labeling",
                                   verdict="doesnt_fit", created_at=NOW))
    insights.take_measure("gad7", [1] * 7)
    t = insights.trends(d0, NOW.date())
    assert t.entries_counted == 3 and t.analysed_entries == 2
    assert [p.value for p in t.mood] == [-1.0, None, 2.0]  # week of d0, empty week, last week
    assert t.emotions[0] == ("remorse", 2)
    assert t.themes == [("regret", 1)]
    tallies = {x.label: (x.suggested, x.confirmed, x.rejected) for x in t.traps}
    assert tallies == {"mind_reading": (2, 1, 0), "labeling": (1, 0, 1)}
    assert [p.value for p in t.rumination] == [3.0, 0.0, 0.0]
    assert [h.scale.id for h in t.measures] == ["gad7"]
    assert "analysis" not in t.missing
    assert e3.id not in ()  # the third entry has no analysis and is still counted


def test_trends_say_when_analysis_is_missing(unlocked, insights):
    unlocked.journal.write("No analysis for this one.", created_at=_at(NOW.date()))
    t = insights.trends()
    assert "analysis" in t.missing
    assert t.emotions == []


def test_entries_without_stored_analysis_are_analysed_in_memory(unlocked):
    j = unlocked.journal
    j.write("Why did I let this happen? Why am I never enough?", created_at=_at(NOW.date()))
    service = InsightsService(unlocked, clock=lambda: NOW)
    t = service.trends()
    assert t.analysed_entries == 1 and t.analysed_in_memory == 1
    assert "analysis" not in t.missing
    assert sum(p.value for p in t.rumination) >= 1
    with unlocked.session_factory() as s:  # nothing was stored by looking
        assert s.query(EntryAnalysisRow).count() == 0


def test_traps_are_not_counted_where_nonconsent_was_flagged(unlocked, insights):
    e = unlocked.journal.write("text", created_at=_at(NOW.date()))
    _analysis(unlocked, e.id, safety={"nonconsent": {"flag": True, "score": 0.9,
                                                     "evidence": []}},
              traps=[{"label": "personalizing", "score": 0.9, "evidence": "x"}])
    assert insights.trends().traps == []


def test_bad_range_is_refused(insights):
    with pytest.raises(InvalidInput):
        insights.trends(date(2026, 3, 1), date(2026, 2, 1))


# --- patterns ------------------------------------------------------------------------------


def test_patterns_across_episodes_with_supporting_sentences(unlocked, insights):
    j = unlocked.journal
    a = j.add_episode("Spring", person="M")
    b = j.add_episode("Summer", person="J")
    j.write("We never talked about what this was. Then he ghosted me.",
            episode=a.id, created_at=_at(date(2026, 2, 1)))
    j.write("Before we ever discussed expectations it had happened. She stopped replying.",
            episode=b.id, created_at=_at(date(2026, 2, 20)))
    j.write("Lovely walk by the sea.", created_at=_at(date(2026, 2, 21)))
    found = {p.id: p for p in insights.patterns(date(2026, 1, 1), NOW.date())}
    assert set(found) == {"closeness_before_expectations", "disappearing_after_intimacy"}
    gone = found["disappearing_after_intimacy"]
    assert set(gone.episode_ids) == {a.id, b.id}
    assert {e.person for e in gone.evidence} == {"M", "J"}
    assert "Then he ghosted me." in [e.sentence for e in gone.evidence]


def test_patterns_none_in_a_plain_journal(unlocked, insights):
    j = unlocked.journal
    a = j.add_episode("Spring", person="M")
    j.write("We talked about what we both wanted. He called the next day.", episode=a.id,
            created_at=_at(date(2026, 2, 1)))
    j.write("Dinner with friends.", created_at=_at(date(2026, 2, 3)))
    assert insights.patterns(date(2026, 1, 1), NOW.date()) == []


# --- similar entries -----------------------------------------------------------------------


def test_similar_entries_are_earlier_and_ranked(unlocked, insights):
    j = unlocked.journal
    days = [date(2026, 2, d) for d in (1, 2, 3, 4)]
    ids = [j.write(f"entry {i}", created_at=_at(d)).id for i, d in enumerate(days)]
    _embed(unlocked, ids[0], [1, 0, 0])
    _embed(unlocked, ids[1], [0.9, 0.1, 0])
    _embed(unlocked, ids[2], [0, 1, 0])
    _embed(unlocked, ids[3], [1, 0.05, 0])
    found = insights.similar_entries(ids[3], k=2)
    assert [s.entry_id for s in found] == [ids[0], ids[1]]
    assert found[0].score == pytest.approx(0.999, abs=1e-3)
    # only earlier entries count: the first entry has none before it
    assert insights.similar_entries(ids[0]) == []


def test_similar_entries_errors(unlocked, insights):
    e = unlocked.journal.write("not analysed", created_at=_at(date(2026, 2, 1)))
    assert insights.similar_entries(e.id) == []  # nothing earlier to compare with
    with pytest.raises(NotFound):
        insights.similar_entries(9999)
    for bad in (0, 51):
        with pytest.raises(InvalidInput):
            insights.similar_entries(e.id, k=bad)


def test_similar_entries_embedded_in_memory_when_none_are_stored(unlocked, insights, tmp_path):
    j = unlocked.journal
    ghost = j.write("He stopped replying after we slept together and I feel used.",
                    created_at=_at(date(2026, 2, 1)))
    j.write("Bought tomatoes and basil at the market for dinner.",
            created_at=_at(date(2026, 2, 2)))
    later = j.write("She went silent after our night together; I feel used again.",
                    created_at=_at(date(2026, 2, 10)))
    before = sorted(p.name for p in tmp_path.rglob("*"))
    found = insights.similar_entries(later.id, k=2)
    assert found[0].entry_id == ghost.id
    assert found[0].score > found[1].score
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


# --- privacy -------------------------------------------------------------------------------


def test_no_entry_text_in_logs_and_nothing_written_outside_the_vault(
        unlocked, insights, caplog, tmp_path):
    secret = "Zebra-unique sentence he never texted me back about."
    j = unlocked.journal
    a = j.add_episode("One", person="Q")
    b = j.add_episode("Two", person="R")
    e1 = j.write(secret, episode=a.id, created_at=_at(date(2026, 2, 1)))
    e2 = j.write("He ghosted me. " + secret, episode=b.id, created_at=_at(date(2026, 2, 5)))
    _analysis(unlocked, e1.id, themes=[{"label": "hope", "score": 0.9, "evidence": secret}])
    _embed(unlocked, e1.id, [1, 0])
    _embed(unlocked, e2.id, [1, 0])
    before = sorted(p.name for p in tmp_path.rglob("*"))
    insights = InsightsService(unlocked, clock=lambda: NOW)  # in-memory analysis too
    with caplog.at_level(logging.DEBUG):
        insights.take_measure("phq9", [1] * 9)
        insights.trends(date(2026, 1, 1), NOW.date())
        insights.patterns(date(2026, 1, 1), NOW.date())
        insights.similar_entries(e2.id)
        insights.log_contact("Q")
    assert "Zebra" not in caplog.text
    assert "ghosted" not in caplog.text
    after = sorted(p.name for p in tmp_path.rglob("*"))
    assert after == before


def test_seen_sections_drive_report_defaults(insights):
    assert insights.seen_sections() == []
    insights.mark_seen(["patterns", "measures", "not-a-section"])
    insights.mark_seen(["measures"])
    assert insights.seen_sections() == ["measures", "patterns"]


def test_migration_matches_the_models(unlocked):
    from sqlalchemy import inspect

    from afterword.store import progress as models

    inspector = inspect(unlocked.engine)
    for row in (models.MeasureAdministrationRow, models.MeasureAnswerRow,
                models.MeasureScheduleRow, models.ContactEventRow, models.PersonalRatingRow,
                models.ProgressViewRow):
        table = row.__table__
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert columns == {c.name for c in table.columns}, table.name
    with unlocked.engine.connect() as conn:
        head = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert head in {"0004_progress", "0005_web"}


# --- data from guided reflections ------------------------------------------------------------


def _reflect(unlocked, episode_title, answers):
    from afterword.domain.detector import PhraseDetector
    from afterword.domain.flow_defs import Kind
    from afterword.services.reflect import ReflectService

    detector = PhraseDetector(crisis_phrases=(), nonconsent_phrases=(),
                              trap_phrases={"mind_reading": ("worthless",)},
                              theme_phrases={})
    svc = ReflectService(unlocked, detector=detector, clock=lambda: NOW, session="t")
    outcome = svc.open_reflection(episode_title)
    run, view = outcome.run, outcome.view
    while view is not None:
        value = None if view.step.kind is Kind.INFO else answers[view.key]
        outcome = svc.answer(run.id, view.key, value)
        run, view = outcome.run, outcome.view
    return run


def _answers(belief_before, belief_after, missing, agreed=""):
    from afterword.domain.pillars import PILLARS

    return {
        "consent": "yes",
        "happened": "We went home together after the party.",
        "expect.hoped": "That it was the start of something.",
        "expect.signalled": "He said he wanted this for weeks.",
        "expect.agreed": agreed,
        "expect.gap": "We never talked about what this was.",
        "felt.words": ["empty"],
        "felt.intensity": 6,
        "echo.questions": [],
        "thoughts": ["I'm worthless"],
        "thought.belief_before#0": belief_before,
        "thought.feeling_before#0": 8,
        "thought.traps#0": {"confirmed": ["labeling"], "rejected": ["mind_reading"]},
        "thought.socratic#0": "One night does not define me.",
        "thought.balanced#0": "I was hurt, and I still matter.",
        "thought.belief_after#0": belief_after,
        "thought.feeling_after#0": 5,
        **{f"pillar.status#{p}": ("missing" if p in missing else "present") for p in PILLARS},
        **{f"pillar.evidence#{p}": ("He said one thing and did another." if p in missing
                                    else "") for p in PILLARS},
        "taught": "I need honesty before closeness.",
        "boundary": "I wait until we have both said what we want.",
        "boundary.pillars": ["honesty"],
    }


def test_reflections_feed_beliefs_traps_and_pillar_patterns(unlocked, insights):
    j = unlocked.journal
    a = j.add_episode("Spring", person="M")
    b = j.add_episode("Autumn", person="J")
    j.write("Spring night.", episode=a.id, created_at=_at(date(2026, 2, 1)))
    j.write("Autumn night.", episode=b.id, created_at=_at(date(2026, 2, 20)))
    _reflect(unlocked, "Spring", _answers(80, 40, {"honesty", "care"}))
    _reflect(unlocked, "Autumn", _answers(70, 50, {"honesty"}))
    t = insights.trends(date(2026, 1, 1), NOW.date())
    assert "reflections" not in t.missing
    assert sorted((b.before, b.after) for b in t.beliefs) == [(70.0, 50.0), (80.0, 40.0)]
    tallies = {x.label: (x.suggested, x.confirmed, x.rejected) for x in t.traps}
    assert tallies["labeling"] == (0, 2, 0) and tallies["mind_reading"] == (0, 0, 2)
    found = {(p.id, p.detail): p for p in insights.patterns(date(2026, 1, 1), NOW.date())}
    honesty = found[("same_pillar_missing", "honesty")]
    assert set(honesty.episode_ids) == {a.id, b.id}
    assert "He said one thing and did another." in [e.sentence for e in honesty.evidence]
    assert ("same_pillar_missing", "care") not in found
    closeness = found[("closeness_before_expectations", None)]
    assert {e.source for e in closeness.evidence} == {"reflection"}


def _reflect_until(unlocked, episode_title, answers, stop):
    """Walk a reflection up to (not including) step `stop`; returns the service and run."""
    from afterword.domain.detector import PhraseDetector
    from afterword.domain.flow_defs import Kind
    from afterword.services.reflect import ReflectService

    detector = PhraseDetector(trap_phrases={"mind_reading": ("worthless",)})
    svc = ReflectService(unlocked, detector=detector, clock=lambda: NOW, session="t")
    outcome = svc.open_reflection(episode_title)
    run, view = outcome.run, outcome.view
    while view is not None and view.key != stop:
        value = None if view.step.kind is Kind.INFO else answers[view.key]
        outcome = svc.answer(run.id, view.key, value)
        run, view = outcome.run, outcome.view
    return svc, run


@pytest.mark.parametrize("crisis_open", [False, True])
def test_a_survivor_run_contributes_no_trap_belief_or_pattern_figures(
        unlocked, insights, crisis_open):
    # Thought records answered first, then the person moved to the survivor path: the answers
    # stay in the run's state, but DESIGN §3 says the survivor path never labels thinking traps.
    j = unlocked.journal
    a = j.add_episode("Spring", person="M")
    entry = j.write("Spring night.", episode=a.id, created_at=_at(date(2026, 2, 1)))
    _analysis(unlocked, entry.id, traps=[{"label": "personalizing", "score": 0.9,
                                          "evidence": "x"}])
    with unlocked.write_session_factory() as s, s.begin():
        s.add(DetectionFeedbackRow(entry_id=entry.id, detector="traps", label="personalizing",
                                   verdict="confirmed", created_at=NOW))
    svc, run = _reflect_until(unlocked, "Spring", _answers(80, 40, {"honesty", "care"}),
                              stop="boundary")
    assert run.state.answers["thought.belief_after#0"] == 40  # the figures are there...
    run = svc.request_survivor(run.id).run
    assert run.track == "survivor"
    if crisis_open:
        run = svc.request_help(run.id).run
        assert run.track == "crisis"  # the recorded track names the overlay, not the path
    t = insights.trends(date(2026, 1, 1), NOW.date())
    assert "reflections" not in t.missing
    assert t.beliefs == [] and t.traps == []  # ...and none of them is counted
    found = insights.patterns(date(2026, 1, 1), NOW.date())
    assert all(e.source != "reflection" for p in found for e in p.evidence)
    units = {u.key: u for u in insights.pattern_units(date(2026, 1, 1), NOW.date())}
    unit = units[f"episode:{a.id}"]
    assert unit.missing_pillars == frozenset() and unit.reflection_sentences == ()


def test_a_reflection_track_run_beside_a_survivor_run_still_counts(unlocked, insights):
    j = unlocked.journal
    j.add_episode("Spring", person="M")
    j.add_episode("Autumn", person="J")
    svc, run = _reflect_until(unlocked, "Spring", _answers(80, 40, {"honesty"}), stop="boundary")
    svc.request_survivor(run.id)
    _reflect(unlocked, "Autumn", _answers(70, 50, {"honesty"}))
    t = insights.trends(date(2026, 1, 1), NOW.date())
    assert [(b.before, b.after) for b in t.beliefs] == [(70.0, 50.0)]
    tallies = {x.label: (x.suggested, x.confirmed, x.rejected) for x in t.traps}
    assert tallies == {"labeling": (0, 1, 0), "mind_reading": (0, 0, 1)}


def test_traps_of_an_episode_follow_its_reflection_onto_and_off_the_survivor_path(
        unlocked, insights):
    # The same rule (afterword.services.care) as the entry page and the API: an entry whose
    # episode's reflection is on the survivor path adds no trap figures; disputing the
    # detector's switch brings them back.
    from afterword.domain.detector import PhraseDetector
    from afterword.services import care
    from afterword.services.reflect import ReflectService

    j = unlocked.journal
    episode = j.add_episode("Spring", person="M")
    entry = j.write("Spring night.", episode=episode.id, created_at=_at(date(2026, 2, 1)))
    _analysis(unlocked, entry.id, traps=[{"label": "personalizing", "score": 0.9,
                                          "evidence": "x"}])
    svc = ReflectService(unlocked, detector=PhraseDetector(nonconsent_phrases=("held me",)),
                         clock=lambda: NOW, session="t")
    run = svc.open_reflection("Spring").run
    svc.answer(run.id, "consent", "yes")
    counted = {x.label: x.suggested for x in insights.trends(date(2026, 1, 1), NOW.date()).traps}
    assert counted == {"personalizing": 1}
    assert care.CareRules(unlocked, svc).traps_withheld(entry, None) is None
    outcome = svc.answer(run.id, "happened", "He held me there.")
    assert svc.on_survivor_path(outcome.run)
    assert insights.trends(date(2026, 1, 1), NOW.date()).traps == []
    assert care.CareRules(unlocked, svc).traps_withheld(entry, None) == care.SURVIVOR_PATH
    svc.dispute_nonconsent(run.id)
    counted = {x.label: x.suggested for x in insights.trends(date(2026, 1, 1), NOW.date()).traps}
    assert counted == {"personalizing": 1}
