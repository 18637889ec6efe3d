"""DESIGN §3 in one place: when may an entry's thoughts be named as thinking traps?

Once something is known to have happened without full consent, the product never labels the
person's thoughts about it as thinking traps, and never frames it as a regret or a lesson.
It is known when

- the entry's own non-consent signal fired (the analysis engine then stores no traps), or
- the entry belongs to an episode whose guided run walks the survivor path: the person said the
  experience was not (or maybe not) consensual, chose the survivor path themselves, or the
  detector found non-consent in one of their answers (and they did not say it misread them).

Every place that shows or counts an entry's traps asks this module: the entry page, the API's
``/api/v1/entries/{id}/analysis``, and the progress insights (trends, the report). What is not
shown cannot be marked either: feedback on a withheld detection is refused
(:meth:`CareRules.record_feedback`, :class:`~afterword.errors.TrapsWithheld`) and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from afterword.errors import TrapsWithheld

# Why traps are withheld for an entry (None: they may be shown).
NONCONSENT = "nonconsent"  # the entry's own non-consent signal
SURVIVOR_PATH = "survivor_path"  # its episode's guided run walks the survivor path
REASONS = (NONCONSENT, SURVIVOR_PATH)


def nonconsent_flagged(result: Mapping[str, Any] | None) -> bool:
    """Whether a stored analysis contract object has its non-consent signal up."""
    if not result:
        return False
    safety = result.get("safety") or {}
    return bool((safety.get("nonconsent") or {}).get("flag"))


def withheld_reason(result: Mapping[str, Any] | None, episode_id: int | None,
                    survivor_episodes: Collection[int]) -> str | None:
    """The rule itself: why this entry's traps must not be shown or counted, or None."""
    if nonconsent_flagged(result):
        return NONCONSENT
    if episode_id is not None and episode_id in survivor_episodes:
        return SURVIVOR_PATH
    return None


def feedback_withheld(detector: str, label: str, reason: str | None) -> bool:
    """Whether a "doesn't fit" / "fits" verdict on this detection must be refused: with traps
    withheld, every trap is, and so are the regret and lesson themes that are not shown."""
    if reason is None:
        return False
    return detector == "traps" or (detector == "themes" and label in _hidden_themes())


def survivor_episodes_of(runs: Iterable[Any], on_survivor_path: Any) -> frozenset[int]:
    """Episodes with a guided run (of any flow) that walks the survivor path now."""
    return frozenset(run.episode_id for run in runs
                     if run.episode_id is not None and on_survivor_path(run))


def _hidden_themes() -> frozenset[str]:
    from afterword.analysis.engine import SURVIVOR_HIDDEN_THEMES

    return SURVIVOR_HIDDEN_THEMES


def with_care(result: Mapping[str, Any], reason: str | None) -> dict[str, Any]:
    """A copy of an analysis contract object fit to show: when traps are withheld, no traps,
    no regret or lesson themes, and the survivor note (what the engine itself does when the
    entry's own non-consent signal fires)."""
    out = dict(result)
    if reason is None:
        return out
    from afterword.messages import msg

    hidden = _hidden_themes()
    out["traps"] = []
    out["themes"] = [t for t in result.get("themes") or [] if t.get("label") not in hidden]
    note = msg("analysis.note.survivor")
    notes = [str(n) for n in result.get("notes") or []]
    out["notes"] = notes if note in notes else [*notes, note]
    return out


class CareRules:
    """The rule over one open vault. ``reflect`` is a ``ReflectService`` (one is made when
    none is given), whose runs say which episodes are on the survivor path."""

    def __init__(self, unlocked: Any, reflect: Any = None) -> None:
        self._unlocked = unlocked
        self._reflect = reflect

    @property
    def reflect(self) -> Any:
        if self._reflect is None:
            from afterword.services.reflect import ReflectService

            self._reflect = ReflectService(self._unlocked)
        return self._reflect

    def survivor_episodes(self) -> frozenset[int]:
        service = self.reflect
        return survivor_episodes_of(service.runs(), service.on_survivor_path)

    def traps_withheld(self, entry: Any, result: Mapping[str, Any] | None) -> str | None:
        """Why traps must not be shown for ``entry`` (with its stored ``result``), or None."""
        if nonconsent_flagged(result):
            return NONCONSENT
        if entry.episode_id is None:
            return None
        return withheld_reason(result, entry.episode_id, self.survivor_episodes())

    def analysis(self, entry: Any) -> tuple[dict[str, Any] | None, str | None]:
        """The entry's stored analysis fit to show (None when not analysed), and why traps
        are withheld (None when they may be shown)."""
        stored = self._unlocked.journal.analysis_for(entry.id)
        if stored is None:
            return None, None
        result = dict(stored.result)
        reason = self.traps_withheld(entry, result)
        return with_care(result, reason), reason

    def record_feedback(self, entry_id: int, detector: str, label: str, verdict: str) -> Any:
        """Store a verdict on one of the entry's detections, unless that detection is withheld
        (then :class:`~afterword.errors.TrapsWithheld`, and nothing is stored). The journal
        service re-checks the entry's own non-consent signal inside its write."""
        from afterword.domain.entries import validate_feedback
        from afterword.services.journal import domain_rules

        with domain_rules():  # bad input is told as such first
            validate_feedback(detector, label, verdict)
        journal = self._unlocked.journal
        entry = journal.get(entry_id)
        stored = journal.analysis_for(entry_id)
        reason = self.traps_withheld(entry, stored.result if stored is not None else None)
        if feedback_withheld(detector.strip(), label.strip(), reason):
            raise TrapsWithheld()
        return journal.record_feedback(entry_id, detector, label, verdict)
