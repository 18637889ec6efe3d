"""Reliable change index (Jacobson & Truax 1991).

    SE    = SD1 * sqrt(1 - r)          standard error of measurement
    Sdiff = sqrt(2 * SE**2)            standard error of the difference
    RCI   = (x2 - x1) / Sdiff          |RCI| >= 1.96: change unlikely (p < .05) to be noise

SD1 is a published normative SD and r a published reliability; see ``docs/measures.md``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

Z_CRITICAL = 1.96

Direction = Literal["improved", "worsened", "no_reliable_change"]


def standard_error(sd: float, reliability: float) -> float:
    if sd <= 0 or not math.isfinite(sd):
        raise ValueError("sd must be a positive number")
    if not 0 <= reliability < 1:
        raise ValueError("reliability must be in [0, 1)")
    return sd * math.sqrt(1 - reliability)


def standard_error_of_difference(sd: float, reliability: float) -> float:
    se = standard_error(sd, reliability)
    return math.sqrt(2 * se**2)


@dataclass(frozen=True)
class ReliableChange:
    before: float
    after: float
    se: float
    sdiff: float
    rci: float
    threshold: float
    reliable: bool
    direction: Direction


def reliable_change(
    before: float,
    after: float,
    sd: float,
    reliability: float,
    *,
    higher_is_better: bool,
) -> ReliableChange:
    """The RCI from ``before`` to ``after`` and what it means for this scale's direction."""
    se = standard_error(sd, reliability)
    sdiff = math.sqrt(2 * se**2)
    index = (after - before) / sdiff
    reliable = abs(index) >= Z_CRITICAL
    direction: Direction = "no_reliable_change"
    if reliable:
        better = index > 0 if higher_is_better else index < 0
        direction = "improved" if better else "worsened"
    return ReliableChange(
        before=before,
        after=after,
        se=se,
        sdiff=sdiff,
        rci=index,
        threshold=Z_CRITICAL * sdiff,
        reliable=reliable,
        direction=direction,
    )
