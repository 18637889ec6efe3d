"""Reliable change index (Jacobson & Truax 1991) against hand calculations."""

from __future__ import annotations

import math

import pytest

from afterword.domain import rci
from afterword.domain.scales import GAD7, PHQ9, SCS_SF


def test_phq9_hand_calculation():
    # PHQ-9, SD1 = 3.5 (Kocalevent et al. 2013), r = 0.89 (Kroenke et al. 2001)
    #   SE    = 3.5 * sqrt(1 - 0.89) = 3.5 * 0.3316625 = 1.1608187
    #   Sdiff = sqrt(2 * 1.1608187^2) = sqrt(2.6950000) = 1.6416455
    #   RCI   = (9 - 18) / 1.6416455 = -5.4823
    #   |RCI| >= 1.96 and lower is better on the PHQ-9 -> reliably improved
    result = rci.reliable_change(18, 9, PHQ9.norms.sd, PHQ9.norms.reliability,
                                 higher_is_better=False)
    assert result.se == pytest.approx(1.1608187, abs=1e-6)
    assert result.sdiff == pytest.approx(1.6416455, abs=1e-6)
    assert result.rci == pytest.approx(-5.4823, abs=1e-4)
    assert result.reliable is True
    assert result.direction == "improved"
    # Smallest reliable change: 1.96 * 1.6416455 = 3.2176 points
    assert result.threshold == pytest.approx(3.2176, abs=1e-4)


def test_small_change_is_not_reliable():
    # 12 -> 10: RCI = -2 / 1.6416455 = -1.2183, below 1.96
    result = rci.reliable_change(12, 10, 3.5, 0.89, higher_is_better=False)
    assert result.rci == pytest.approx(-1.2183, abs=1e-4)
    assert result.reliable is False
    assert result.direction == "no_reliable_change"


def test_worsening_on_gad7():
    # GAD-7, SD1 = 3.41, r = 0.89 (Löwe et al. 2008)
    #   SE = 3.41 * 0.3316625 = 1.1309691 ; Sdiff = 1.1309691 * sqrt(2) = 1.5994318
    #   RCI = (15 - 6) / 1.5994379 = 5.6270 -> reliably worse (higher is worse)
    result = rci.reliable_change(6, 15, GAD7.norms.sd, GAD7.norms.reliability,
                                 higher_is_better=False)
    assert result.sdiff == pytest.approx(1.5994318, abs=1e-6)
    assert result.rci == pytest.approx(5.6270, abs=1e-4)
    assert result.direction == "worsened"


def test_scs_sf_higher_is_better():
    # SCS-SF, SD1 = 0.70 (provisional), r = 0.86 (Raes et al. 2011)
    #   SE = 0.70 * sqrt(0.14) = 0.70 * 0.3741657 = 0.2619160
    #   Sdiff = 0.2619160 * 1.4142136 = 0.3704051
    #   RCI = (3.4 - 2.5) / 0.3704051 = 2.4298 -> reliably improved
    result = rci.reliable_change(2.5, 3.4, SCS_SF.norms.sd, SCS_SF.norms.reliability,
                                 higher_is_better=True)
    assert result.rci == pytest.approx(2.4298, abs=1e-4)
    assert result.direction == "improved"


def test_exactly_at_threshold_counts_as_reliable():
    sdiff = rci.standard_error_of_difference(3.5, 0.89)
    result = rci.reliable_change(0, 1.96 * sdiff, 3.5, 0.89, higher_is_better=True)
    assert math.isclose(result.rci, 1.96)
    assert result.reliable


@pytest.mark.parametrize(("sd", "r"), [(0, 0.8), (-1, 0.8), (3, 1.0), (3, -0.1), (3, 1.5),
                                       (float("nan"), 0.8)])
def test_bad_norms_are_refused(sd, r):
    with pytest.raises(ValueError):
        rci.standard_error(sd, r)
