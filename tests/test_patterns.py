"""Repeated dynamics: a crafted journal with known patterns finds them; one without finds none."""

from __future__ import annotations

from datetime import date

import pytest

from afterword.domain import trends
from afterword.domain.patterns import (
    PATTERN_IDS,
    EntryFacts,
    UnitFacts,
    find_patterns,
    sentences,
)


def _entry(entry_id, day, text, themes=()):
    return EntryFacts(entry_id=entry_id, day=date(2026, 1, day), text=text, themes=themes)


PATTERNED = [
    UnitFacts(
        key="episode:1", episode_id=1, person="M",
        entries=(
            _entry(1, 3, "We spent the night together. We never talked about what this was. "
                         "I kept hoping he would text the next day."),
            _entry(2, 6, "He told me he was not looking for anything serious. Then he stopped "
                         "replying altogether."),
        ),
        missing_pillars=frozenset({"honesty", "care"}),
        pillar_notes={"honesty": "He said one thing and did another."},
        expectations_spoken=False,
    ),
    UnitFacts(
        key="episode:2", episode_id=2, person="J",
        entries=(
            _entry(3, 12, "It happened fast, before we ever discussed expectations. "
                          "I hoped she would want more this time."),
            _entry(4, 15, "She never wanted anything serious, she said so later. "
                          "She ghosted me after that weekend. I said no and she kept pushing "
                          "me to stay.",
                   themes=(("boundary_crossed", "I said no and she kept pushing me to stay."),)),
        ),
        missing_pillars=frozenset({"honesty"}),
    ),
    UnitFacts(
        key="episode:3", episode_id=3, person="R",
        entries=(
            _entry(5, 20, "He ignored my boundaries about staying over. Even though I said no, "
                          "he stayed."),
        ),
        missing_pillars=frozenset({"respect_for_boundaries"}),
    ),
]

PLAIN = [
    UnitFacts(
        key="episode:10", episode_id=10, person="A",
        entries=(
            _entry(10, 4, "We talked about what we both wanted before anything happened. "
                          "He called the next day like he said he would."),
            _entry(11, 8, "Dinner with my sister. I felt calm and slept well."),
        ),
        missing_pillars=frozenset({"care"}),
        expectations_spoken=True,
    ),
    UnitFacts(
        key="episode:11", episode_id=11, person="B",
        entries=(
            _entry(12, 14, "She didn't disappear; she texted to check I got home. "
                           "I hoped it would rain so the garden would recover."),
            _entry(13, 18, "A slow week at work. Went for a long walk."),
        ),
        missing_pillars=frozenset({"safety"}),
    ),
]


def _by_id(found):
    return {(p.id, p.detail): p for p in found}


def test_crafted_journal_finds_every_known_pattern_with_evidence():
    found = _by_id(find_patterns(PATTERNED))
    expected = {
        ("closeness_before_expectations", None),
        ("same_pillar_missing", "honesty"),
        ("hope_without_commitment", None),
        ("disappearing_after_intimacy", None),
        ("boundaries_crossed", None),
    }
    assert set(found) == expected
    assert {p.id for p in found.values()} == set(PATTERN_IDS)

    closeness = found[("closeness_before_expectations", None)]
    assert set(closeness.units) == {"episode:1", "episode:2"}
    assert "We never talked about what this was." in [e.sentence for e in closeness.evidence]

    honesty = found[("same_pillar_missing", "honesty")]
    assert honesty.episode_ids == (1, 2)
    assert "He said one thing and did another." in [e.sentence for e in honesty.evidence]

    gone = found[("disappearing_after_intimacy", None)]
    assert {e.entry_id for e in gone.evidence} == {2, 4}
    assert "She ghosted me after that weekend." in [e.sentence for e in gone.evidence]

    crossed = found[("boundaries_crossed", None)]
    assert set(crossed.units) == {"episode:2", "episode:3"}
    # the analysis evidence and the cue match are the same sentence: shown once
    sentences_2 = [e.sentence for e in crossed.evidence if e.unit == "episode:2"]
    assert sentences_2.count("I said no and she kept pushing me to stay.") == 1

    hope = found[("hope_without_commitment", None)]
    assert set(hope.units) == {"episode:1", "episode:2"}


def test_pillar_missing_only_once_is_not_a_pattern():
    found = _by_id(find_patterns(PATTERNED))
    assert ("same_pillar_missing", "care") not in found
    assert ("same_pillar_missing", "respect_for_boundaries") not in found


def test_journal_without_patterns_yields_none():
    assert find_patterns(PLAIN) == []


def test_one_episode_is_never_a_repeated_pattern():
    assert find_patterns(PATTERNED[:1]) == []
    assert find_patterns([]) == []


def test_spoken_expectations_in_reflection_override_text_cues():
    units = [
        UnitFacts(key="a", entries=(_entry(1, 1, "We never talked about what this was."),),
                  expectations_spoken=True),
        UnitFacts(key="b", entries=(_entry(2, 2, "We never talked about what this was."),)),
    ]
    assert find_patterns(units) == []


def test_duplicate_unit_keys_are_refused():
    with pytest.raises(ValueError):
        find_patterns([UnitFacts(key="x"), UnitFacts(key="x")])


def test_sentence_split():
    assert sentences("One. Two!\nThree? ") == ["One.", "Two!", "Three?"]


# --- trends (pure) -----------------------------------------------------------------------------


def test_weekly_counts_fill_empty_weeks_with_zero():
    days = [date(2026, 1, 5), date(2026, 1, 6), date(2026, 1, 20)]  # Mondays: 5th, 19th
    points = trends.weekly_counts(days)
    assert [(p.when, p.value) for p in points] == [
        (date(2026, 1, 5), 2.0), (date(2026, 1, 12), 0.0), (date(2026, 1, 19), 1.0)]


def test_weekly_means_leave_gaps_not_zeros():
    values = [(date(2026, 1, 5), -2.0), (date(2026, 1, 7), 1.0), (date(2026, 1, 19), 2.0)]
    points = trends.weekly_means(values)
    assert [p.value for p in points] == [-0.5, None, 2.0]


def test_contact_status_and_series():
    contacts = [date(2026, 1, 1), date(2026, 1, 10)]
    checks = [date(2026, 1, 12)]
    status = trends.contact_status(contacts, checks, today=date(2026, 1, 20))
    assert status.days_since_contact == 10
    assert status.days_since_profile_check == 8
    assert status.days_since_any == 8
    assert status.longest_gap_days == 9  # 1st -> 10th
    series = trends.days_without_contact_series(contacts, date(2025, 12, 31), date(2026, 1, 3))
    assert [p.value for p in series] == [None, 0.0, 1.0, 2.0]
    empty = trends.contact_status([], [], today=date(2026, 1, 20))
    assert empty.days_since_any is None and empty.longest_gap_days is None


def test_trap_tallies_and_beliefs():
    tallies = trends.trap_tallies(
        ["mind_reading", "mind_reading", "labeling"],
        [("mind_reading", True), ("labeling", False), ("blaming", True)],
    )
    assert [(t.label, t.suggested, t.confirmed, t.rejected) for t in tallies] == [
        ("mind_reading", 2, 1, 0), ("labeling", 1, 0, 1), ("blaming", 0, 1, 0)]
    records = [trends.BeliefChange(date(2026, 1, 1), 80, 40),
               trends.BeliefChange(date(2026, 1, 8), 60, 50)]
    assert trends.belief_summary(records) == (70.0, 45.0)
    assert trends.belief_summary([]) is None


@pytest.mark.parametrize("text", [
    "I stopped replying to him for a week.",
    "We talked about why I go quiet about what I want.",
    "I ghosted him after that.",
    "I wanted to disappear.",
    "He didn't disappear; he called.",
])
def test_the_writer_going_quiet_is_not_them_disappearing(text):
    units = [UnitFacts(key=k, entries=(_entry(i, i + 1, text),)) for i, k in enumerate("ab")]
    assert find_patterns(units) == []


def test_evidence_is_not_repeated():
    units = [
        UnitFacts(key=k, entries=(_entry(i, i + 1, "She ghosted me. She ghosted me."),))
        for i, k in enumerate("ab")
    ]
    [gone] = find_patterns(units)
    assert [e.sentence for e in gone.evidence] == ["She ghosted me.", "She ghosted me."]
    assert len({e.unit for e in gone.evidence}) == 2
