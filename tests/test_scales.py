"""Scoring checked against answer sets worked out by hand (the sums are written out)."""

from __future__ import annotations

from datetime import date

import pytest

from afterword.domain import scales
from afterword.domain.scales import GAD7, PHQ9, SCS_SF, ScaleError, Schedule


def test_phq9_hand_worked_total_and_band():
    # 1+2+0+3+1+0+2+1+0 = 10 -> "moderate" (10-14); item 9 is 0 -> no crisis check.
    result = scales.score(PHQ9, [1, 2, 0, 3, 1, 0, 2, 1, 0])
    assert result.total == 10
    assert result.band == "moderate"
    assert result.crisis is False


@pytest.mark.parametrize(
    ("total", "band"),
    [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"),
     (14, "moderate"), (15, "moderately_severe"), (19, "moderately_severe"),
     (20, "severe"), (27, "severe")],
)
def test_phq9_band_edges(total, band):
    # Build an answer set that sums to `total` with item 9 left at 0 where possible.
    answers = [0] * 9
    remaining = total
    for i in range(9):
        answers[i] = min(3, remaining)
        remaining -= answers[i]
    result = scales.score(PHQ9, answers)
    assert result.total == total
    assert result.band == band


@pytest.mark.parametrize("item9", [1, 2, 3])
def test_phq9_any_nonzero_item9_opens_crisis_check_whatever_the_total(item9):
    # Total is only item9 (1-3): "minimal", yet the crisis check must open.
    result = scales.score(PHQ9, [0, 0, 0, 0, 0, 0, 0, 0, item9])
    assert result.total == item9
    assert result.band == "minimal"
    assert result.crisis is True


def test_phq9_high_total_without_item9_is_not_a_crisis_flag():
    result = scales.score(PHQ9, [3, 3, 3, 3, 3, 3, 3, 3, 0])
    assert result.total == 24 and result.band == "severe" and result.crisis is False


def test_gad7_hand_worked():
    # 2+1+3+0+1+2+1 = 10 -> "moderate"
    result = scales.score(GAD7, [2, 1, 3, 0, 1, 2, 1])
    assert result.total == 10
    assert result.band == "moderate"
    assert scales.score(GAD7, [3] * 7).band == "severe"
    assert scales.score(GAD7, [0] * 7).band == "minimal"
    assert scales.score(GAD7, [1, 1, 1, 1, 1, 0, 0]).band == "mild"
    assert scales.score(GAD7, [3, 3, 3, 3, 3, 0, 0]).band == "severe"  # 15


def test_scs_sf_hand_worked_reverse_keying_and_mean():
    answers = [2, 4, 3, 5, 3, 4, 4, 2, 5, 3, 1, 2]
    # Reverse-keyed items 1, 4, 8, 9, 11, 12 become 6 - x:
    #   item 1: 6-2=4, item 4: 6-5=1, item 8: 6-2=4, item 9: 6-5=1, item 11: 6-1=5, item 12: 6-2=4
    # keyed = 4,4,3,1,3,4,4,4,1,3,5,4 -> sum 40 -> mean 40/12 = 3.3333
    result = scales.score(SCS_SF, answers)
    assert result.keyed == (4, 4, 3, 1, 3, 4, 4, 4, 1, 3, 5, 4)
    assert result.total == pytest.approx(3.3333, abs=1e-4)
    # Subscale means use the raw answers (higher Self-Judgment = more self-judgment).
    assert result.subscales == {
        "self_kindness": 4.0,      # items 2, 6: (4+4)/2
        "self_judgment": 1.5,      # items 11, 12: (1+2)/2
        "common_humanity": 3.0,    # items 5, 10: (3+3)/2
        "isolation": 3.5,          # items 4, 8: (5+2)/2
        "mindfulness": 3.5,        # items 3, 7: (3+4)/2
        "over_identified": 3.5,    # items 1, 9: (2+5)/2
    }
    assert result.band is None and result.crisis is False


def test_scs_sf_all_ones_is_three_not_one():
    # Six items reverse to 5, six stay at 1: (6*5 + 6*1) / 12 = 3.0
    assert scales.score(SCS_SF, [1] * 12).total == 3.0
    assert SCS_SF.reverse_items == frozenset({1, 4, 8, 9, 11, 12})


@pytest.mark.parametrize(
    ("scale", "answers", "reason"),
    [
        (PHQ9, [0] * 8, "wrong_count"),
        (PHQ9, [0] * 10, "wrong_count"),
        (PHQ9, [], "wrong_count"),
        (PHQ9, [0, 0, 0, 0, 0, 0, 0, 0, 4], "out_of_range"),
        (PHQ9, [0, 0, 0, 0, -1, 0, 0, 0, 0], "out_of_range"),
        (GAD7, [0, 0, 0, 0, 0, 0, 1.5], "not_whole_number"),
        (GAD7, [0, 0, 0, 0, 0, 0, "2"], "not_whole_number"),
        (GAD7, [True, 0, 0, 0, 0, 0, 0], "not_whole_number"),
        (GAD7, [None, 0, 0, 0, 0, 0, 0], "not_whole_number"),
        (SCS_SF, [0] * 12, "out_of_range"),
        (SCS_SF, [6] + [3] * 11, "out_of_range"),
    ],
)
def test_bad_answers_are_refused(scale, answers, reason):
    with pytest.raises(ScaleError) as info:
        scales.score(scale, answers)
    assert info.value.reason == reason


def test_get_accepts_common_spellings_and_refuses_unknown():
    assert scales.get("PHQ-9") is PHQ9
    assert scales.get("gad7") is GAD7
    assert scales.get("SCS-SF") is SCS_SF
    with pytest.raises(ScaleError):
        scales.get("beck")


def test_parse_answers():
    assert scales.parse_answers("1 2, 3,0") == [1, 2, 3, 0]
    with pytest.raises(ScaleError):
        scales.parse_answers("1 two 3")


def test_home_made_rating_is_never_validated_and_checks_range():
    rating = scales.BUILTIN_RATINGS["deserve_respect"]
    assert rating.validated is False
    assert scales.check_rating(rating, 0) == 0
    assert scales.check_rating(rating, 10) == 10
    for bad in (-1, 11, 2.5, True, "5"):
        with pytest.raises(ScaleError):
            scales.check_rating(rating, bad)


def test_rating_key():
    assert scales.rating_key("  Felt safe today? ") == "felt_safe_today"
    for bad in ("", "   ", "!!!", "x" * 61):
        with pytest.raises(ScaleError):
            scales.rating_key(bad)


def test_schedule_due_dates():
    s = Schedule("phq9", 14)
    assert scales.next_due(s, None, date(2026, 1, 1)) == date(2026, 1, 1)
    assert scales.next_due(s, date(2026, 1, 1), date(2026, 1, 5)) == date(2026, 1, 15)
    assert not scales.is_due(s, date(2026, 1, 1), date(2026, 1, 14))
    assert scales.is_due(s, date(2026, 1, 1), date(2026, 1, 15))
    for bad in (0, 366, -3, True):
        with pytest.raises(ScaleError):
            Schedule("phq9", bad)


def test_every_scale_has_wording_for_every_item_and_option():
    from afterword.messages import has

    for scale in scales.SCALES.values():
        assert has(f"progress.scale.{scale.id}.title")
        assert has(f"progress.scale.{scale.id}.instructions")
        for item in range(1, scale.n_items + 1):
            assert has(f"progress.scale.{scale.id}.item.{item}"), (scale.id, item)
        for value in scale.options:
            assert has(f"progress.scale.{scale.id}.option.{value}"), (scale.id, value)
