"""Trends over time: weekly buckets, counts, means, contact gaps, belief change.

Pure functions over plain dated values, so the services can feed them from any store and the
tests can check them without a database. Weeks start on Monday (ISO 8601).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weeks_between(first: date, last: date) -> list[date]:
    """Every week start from the week of ``first`` to the week of ``last``, inclusive."""
    if last < first:
        return []
    start, end = week_start(first), week_start(last)
    return [start + timedelta(weeks=i) for i in range((end - start).days // 7 + 1)]


@dataclass(frozen=True)
class Point:
    """One value in a series; ``value`` is None where there is no data (a gap, not a zero)."""

    when: date
    value: float | None


def weekly_counts(
    days: Iterable[date], start: date | None = None, end: date | None = None
) -> list[Point]:
    """How many events fell in each week, with empty weeks as 0 (an event count is known)."""
    counts = Counter(week_start(d) for d in days)
    if not counts and (start is None or end is None):
        return []
    first = start if start is not None else min(counts)
    last = end if end is not None else max(counts)
    return [Point(w, float(counts.get(w, 0))) for w in weeks_between(first, last)]


def weekly_means(
    values: Iterable[tuple[date, float]], start: date | None = None, end: date | None = None
) -> list[Point]:
    """The mean value per week; weeks without data are gaps (None), never zeros."""
    buckets: dict[date, list[float]] = defaultdict(list)
    for day, value in values:
        buckets[week_start(day)].append(value)
    if not buckets and (start is None or end is None):
        return []
    first = start if start is not None else min(buckets)
    last = end if end is not None else max(buckets)
    out: list[Point] = []
    for week in weeks_between(first, last):
        bucket = buckets.get(week)
        out.append(Point(week, round(sum(bucket) / len(bucket), 3) if bucket else None))
    return out


def label_counts_by_week(
    labelled: Iterable[tuple[date, str]], start: date | None = None, end: date | None = None
) -> dict[str, list[Point]]:
    """For each label, its weekly count over the same run of weeks."""
    items = list(labelled)
    if not items and (start is None or end is None):
        return {}
    first = start if start is not None else min(d for d, _ in items)
    last = end if end is not None else max(d for d, _ in items)
    labels = sorted({label for _, label in items})
    return {
        label: weekly_counts([d for d, lab in items if lab == label], first, last)
        for label in labels
    }


def top_labels(labelled: Iterable[tuple[date, str]], n: int = 5) -> list[tuple[str, int]]:
    """The ``n`` most frequent labels, ties broken alphabetically so output is stable."""
    counts = Counter(label for _, label in labelled)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


# --- Thinking traps: suggested vs confirmed ----------------------------------------------------


@dataclass(frozen=True)
class TrapTally:
    label: str
    suggested: int
    confirmed: int
    rejected: int


def trap_tallies(
    suggested: Iterable[str], verdicts: Iterable[tuple[str, bool]]
) -> list[TrapTally]:
    """Per trap label: how often the analysis suggested it and how the user answered.

    ``verdicts`` holds ``(label, agreed)`` for each piece of feedback the user gave.
    """
    s = Counter(suggested)
    confirmed: Counter[str] = Counter()
    rejected: Counter[str] = Counter()
    for label, agreed in verdicts:
        (confirmed if agreed else rejected)[label] += 1
    labels = sorted(set(s) | set(confirmed) | set(rejected))
    tallies = [TrapTally(lab, s[lab], confirmed[lab], rejected[lab]) for lab in labels]
    return sorted(tallies, key=lambda t: (-t.suggested, t.label))


# --- Belief ratings from thought records -------------------------------------------------------


@dataclass(frozen=True)
class BeliefChange:
    when: date
    before: float
    after: float

    @property
    def change(self) -> float:
        return self.after - self.before


def belief_summary(records: Sequence[BeliefChange]) -> tuple[float, float] | None:
    """Mean belief before and after across thought records (0-100), or None if there are none."""
    if not records:
        return None
    before = sum(r.before for r in records) / len(records)
    after = sum(r.after for r in records) / len(records)
    return round(before, 1), round(after, 1)


# --- Contact -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContactStatus:
    days_since_contact: int | None
    days_since_profile_check: int | None
    days_since_any: int | None
    longest_gap_days: int | None


def days_since(days: Iterable[date], today: date) -> int | None:
    past = [d for d in days if d <= today]
    return (today - max(past)).days if past else None


def longest_gap(days: Iterable[date], today: date) -> int | None:
    """The longest run of days between consecutive logged events, including up to today."""
    ordered = sorted({d for d in days if d <= today})
    if not ordered:
        return None
    points = [*ordered, today]
    return max((b - a).days for a, b in zip(points, points[1:], strict=False))


def contact_status(
    contacts: Iterable[date], profile_checks: Iterable[date], today: date
) -> ContactStatus:
    contacts = list(contacts)
    checks = list(profile_checks)
    both = contacts + checks
    return ContactStatus(
        days_since_contact=days_since(contacts, today),
        days_since_profile_check=days_since(checks, today),
        days_since_any=days_since(both, today),
        longest_gap_days=longest_gap(both, today),
    )


def days_without_contact_series(
    events: Iterable[date], start: date, end: date
) -> list[Point]:
    """For each day from ``start`` to ``end``: days since the last logged event (None before the
    first one)."""
    ordered = sorted(set(events))
    out: list[Point] = []
    idx = 0
    last: date | None = None
    day = start
    while day <= end:
        while idx < len(ordered) and ordered[idx] <= day:
            last = ordered[idx]
            idx += 1
        out.append(Point(day, float((day - last).days) if last is not None else None))
        day += timedelta(days=1)
    return out
