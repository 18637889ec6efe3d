"""Progress and insight: measures, ratings, contact, trends, repeated dynamics, similar entries.

Everything is computed from data inside the unlocked vault and nothing is written outside it
(embeddings are compared in memory). Entry text is never logged.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from afterword.domain import patterns as pat
from afterword.domain import rci as rci_mod
from afterword.domain import scales, trends
from afterword.domain.patterns import Pattern, UnitFacts
from afterword.domain.rci import ReliableChange
from afterword.domain.scales import Scale, ScaleError, ScoreResult
from afterword.errors import InvalidInput, NotFound
from afterword.messages import msg
from afterword.services import care
from afterword.store.progress import (
    CONTACT_KINDS,
    Administration,
    AnalysisReader,
    PersonalRating,
    ProgressRepository,
)

log = logging.getLogger(__name__)

SECTIONS = (
    "measures", "ratings", "mood", "emotions", "themes", "traps", "rumination", "beliefs",
    "contact", "patterns",
)
# Entry text is never a default and never "seen" implicitly; it is asked for each time.
ENTRIES_SECTION = "entries"

Clock = Callable[[], datetime]


def _scale_error(exc: ScaleError) -> InvalidInput:
    if exc.reason == "unknown_scale":
        return InvalidInput(msg("progress.measure.unknown_scale", scale=exc.values.get("scale"),
                                choices=", ".join(s.short_name for s in scales.SCALES.values())))
    return InvalidInput(msg(f"progress.measure.{exc.reason}", **exc.values))


@contextmanager
def _rules() -> Iterator[None]:
    try:
        yield
    except ScaleError as exc:
        raise _scale_error(exc) from None


@dataclass(frozen=True)
class TakenMeasure:
    record: Administration
    result: ScoreResult
    since_previous: ReliableChange | None
    previous: Administration | None

    @property
    def crisis(self) -> bool:
        return self.result.crisis


@dataclass(frozen=True)
class MeasureHistory:
    scale: Scale
    records: tuple[Administration, ...]

    @property
    def first_to_last(self) -> ReliableChange | None:
        if len(self.records) < 2:
            return None
        return reliable_change(self.scale, self.records[0].total, self.records[-1].total)


@dataclass(frozen=True)
class DueStatus:
    scale: Scale
    every_days: int
    next_due: date
    due: bool


@dataclass(frozen=True)
class PersonContact:
    person_id: int
    alias: str
    status: trends.ContactStatus
    series: tuple[trends.Point, ...] = ()


@dataclass(frozen=True)
class SimilarEntry:
    entry_id: int
    created_at: datetime
    score: float


@dataclass
class Trends:
    start: date
    end: date
    mood: list[trends.Point] = field(default_factory=list)
    emotions: list[tuple[str, int]] = field(default_factory=list)
    themes: list[tuple[str, int]] = field(default_factory=list)
    traps: list[trends.TrapTally] = field(default_factory=list)
    rumination: list[trends.Point] = field(default_factory=list)
    beliefs: list[trends.BeliefChange] = field(default_factory=list)
    contact: list[PersonContact] = field(default_factory=list)
    measures: list[MeasureHistory] = field(default_factory=list)
    ratings: dict[str, list[PersonalRating]] = field(default_factory=dict)
    # Sources this journal does not hold (yet), so the UI can say so instead of showing zeros.
    missing: list[str] = field(default_factory=list)
    entries_counted: int = 0
    analysed_entries: int = 0
    analysed_in_memory: int = 0


@dataclass(frozen=True)
class _Reflection:
    day: date  # of the last change
    answers: dict[str, Any]
    episode_id: int | None
    # On the survivor path (DESIGN §3): its answers never feed traps, beliefs or patterns.
    survivor: bool


def reliable_change(scale: Scale, before: float, after: float) -> ReliableChange:
    return rci_mod.reliable_change(
        before, after, scale.norms.sd, scale.norms.reliability,
        higher_is_better=scale.higher_is_better,
    )


class InsightsService:
    def __init__(self, unlocked: Any, clock: Clock | None = None, *,
                 analyze_missing: bool = True) -> None:
        from afterword.services.vault import local_now

        self.unlocked = unlocked
        self.clock: Clock = clock or local_now
        # Entries without a stored analysis result are analysed in memory for trends and
        # patterns (never written anywhere); tests of the stored path turn this off.
        self.analyze_missing = analyze_missing

    # --- plumbing ----------------------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[ProgressRepository]:
        with self.unlocked.session_factory() as session, session.begin():
            yield ProgressRepository(session)

    @contextmanager
    def _write(self) -> Iterator[ProgressRepository]:
        with self.unlocked.write_session() as session:
            yield ProgressRepository(session)

    @property
    def tz(self) -> tzinfo:
        tz = self.clock().tzinfo
        assert tz is not None
        return tz

    def today(self) -> date:
        return self.clock().date()

    def _bounds(self, start: date | None, end: date | None) -> tuple[date, date]:
        end = end or self.today()
        start = start or end - timedelta(days=90)
        if start > end:
            raise InvalidInput(msg("progress.trends.bad_range"))
        return start, end

    def _instant(self, day: date) -> datetime:
        return datetime.combine(day, time(0, 0), tzinfo=self.tz)

    # --- measures ----------------------------------------------------------------------------

    def scale(self, scale_id: str) -> Scale:
        with _rules():
            return scales.get(scale_id)

    def take_measure(self, scale_id: str, answers: Sequence[object]) -> TakenMeasure:
        scale = self.scale(scale_id)
        with _rules():
            result = scales.score(scale, answers)
        now = self.clock()
        with self._write() as repo:
            earlier = repo.administrations(scale.id)
            record = repo.add_administration(
                scale.id, now, result.total, result.band, result.crisis, result.answers
            )
        previous = earlier[-1] if earlier else None
        change = reliable_change(scale, previous.total, result.total) if previous else None
        log.info("measure taken: %s", scale.id)  # never the answers
        return TakenMeasure(record, result, change, previous)

    def history(self, scale_id: str | None = None) -> list[MeasureHistory]:
        wanted = [self.scale(scale_id)] if scale_id else list(scales.SCALES.values())
        with self._read() as repo:
            records = repo.administrations()
        out = []
        for scale in wanted:
            mine = tuple(r for r in records if r.scale_id == scale.id)
            if mine or scale_id:
                out.append(MeasureHistory(scale, mine))
        return out

    def set_schedule(self, scale_id: str, every_days: int) -> scales.Schedule:
        scale = self.scale(scale_id)
        with _rules():
            schedule = scales.Schedule(scale.id, every_days)
        with self._write() as repo:
            repo.set_schedule(scale.id, every_days, self.clock())
        return schedule

    def clear_schedule(self, scale_id: str) -> bool:
        scale = self.scale(scale_id)
        with self._write() as repo:
            return repo.clear_schedule(scale.id)

    def due(self) -> list[DueStatus]:
        today = self.today()
        with self._read() as repo:
            plans = repo.schedules()
            records = repo.administrations()
        out = []
        for scale_id, every in sorted(plans.items()):
            scale = scales.SCALES[scale_id]
            taken = [r.taken_at.astimezone(self.tz).date() for r in records
                     if r.scale_id == scale_id]
            schedule = scales.Schedule(scale_id, every)
            last = max(taken) if taken else None
            out.append(DueStatus(scale, every, scales.next_due(schedule, last, today),
                                 scales.is_due(schedule, last, today)))
        return out

    # --- personal ratings (never validated) ----------------------------------------------------

    def rate(self, value: object, name: str | None = None) -> PersonalRating:
        with _rules():
            key = scales.rating_key(name) if name else "deserve_respect"
            rating = scales.BUILTIN_RATINGS.get(key, scales.Rating(key))
            checked = scales.check_rating(rating, value)
        question = None if key in scales.BUILTIN_RATINGS else (name or "").strip()
        with self._write() as repo:
            return repo.add_rating(key, question, checked, self.clock())

    def ratings(self, start: date | None = None, end: date | None = None
                ) -> dict[str, list[PersonalRating]]:
        start, end = self._bounds(start, end)
        with self._read() as repo:
            rows = repo.ratings(self._instant(start), self._instant(end + timedelta(days=1)))
        grouped: dict[str, list[PersonalRating]] = {}
        for r in rows:
            grouped.setdefault(r.key, []).append(r)
        return grouped

    # --- contact -----------------------------------------------------------------------------

    def log_contact(self, alias: str, kind: str = "contact", on: date | None = None
                    ) -> tuple[str, date]:
        if kind not in CONTACT_KINDS:
            raise InvalidInput(msg("progress.contact.bad_kind", choices=", ".join(CONTACT_KINDS)))
        day = on or self.today()
        if day > self.today():
            raise InvalidInput(msg("progress.contact.future_date"))
        from afterword.domain.entries import DomainError, normalize_alias

        try:
            clean = normalize_alias(alias)
        except DomainError as exc:
            raise InvalidInput(msg(exc.key, **exc.values)) from None
        with self.unlocked.store.write() as repos:
            person = repos.people.ensure(clean)
            ProgressRepository(repos.session).add_contact(person.id, kind, day, self.clock())
        return person.alias, day

    def contact_summary(self, start: date | None = None, end: date | None = None
                        ) -> list[PersonContact]:
        start, end = self._bounds(start, end)
        with self.unlocked.store.read() as repos:
            people = {p.id: p.alias for p in repos.people.all()}
            events = ProgressRepository(repos.session).contacts()
        out = []
        for person_id in sorted({e.person_id for e in events}):
            mine = [e for e in events if e.person_id == person_id]
            contacts = [e.occurred_on for e in mine if e.kind == "contact"]
            checks = [e.occurred_on for e in mine if e.kind == "checked_profile"]
            status = trends.contact_status(contacts, checks, end)
            series = trends.days_without_contact_series(contacts + checks, start, end)
            out.append(PersonContact(person_id, people.get(person_id, "?"), status,
                                     tuple(series)))
        return out

    # --- what the person has looked at -----------------------------------------------------------

    def mark_seen(self, sections: Sequence[str]) -> None:
        known = [s for s in sections if s in SECTIONS]
        with self._write() as repo:
            repo.mark_seen(known, self.clock())

    def seen_sections(self) -> list[str]:
        with self._read() as repo:
            seen = set(repo.seen())
        return [s for s in SECTIONS if s in seen]

    # --- trends ------------------------------------------------------------------------------

    def _entries(self, start: date, end: date) -> list[Any]:
        from afterword.domain.entries import EntryFilter

        filters = EntryFilter(since=self._instant(start),
                              until=self._instant(end + timedelta(days=1)))
        return list(self.unlocked.journal.iterate(filters))

    def _analyses(self, entries: Sequence[Any]) -> tuple[dict[int, dict[str, Any]], int]:
        """Stored analysis results for ``entries``; entries without one are analysed in memory
        (nothing is written). Returns the results and how many were computed here."""
        with self.unlocked.session_factory() as session, session.begin():
            stored = AnalysisReader(session).results([e.id for e in entries])
        out: dict[int, dict[str, Any]] = {}
        for s in stored:
            try:
                out[s.entry_id] = json.loads(s.result_json)
            except ValueError:
                log.info("analysis result for entry %s could not be read", s.entry_id)
        todo = [e for e in entries if e.id not in out]
        if not todo or not self.analyze_missing:
            return out, 0
        try:
            from afterword.analysis import analyze

            results = analyze([e.body for e in todo])
        except Exception as exc:  # noqa: BLE001 - trends still work from what is stored
            log.info("in-memory analysis unavailable: %s", type(exc).__name__)
            return out, 0
        for e, r in zip(todo, results, strict=True):
            out[e.id] = r.to_dict()
        return out, len(todo)

    def trends(self, start: date | None = None, end: date | None = None) -> Trends:
        start, end = self._bounds(start, end)
        result = Trends(start=start, end=end)
        entries = self._entries(start, end)
        result.entries_counted = len(entries)
        days = {e.id: e.created_at.date() for e in entries}
        result.mood = trends.weekly_means(
            [(days[e.id], float(e.mood)) for e in entries if e.mood is not None], start, end
        )
        analyses, computed = self._analyses(entries)
        result.analysed_entries = len(analyses)
        result.analysed_in_memory = computed
        if entries and not analyses:
            result.missing.append("analysis")
        reflections = self._reflections()
        # Thoughts about what happened without full consent are never counted as thinking
        # traps (DESIGN §3); the rule lives in afterword.services.care.
        survivor_episodes = self._survivor_episodes()
        no_traps = {e.id for e in entries
                    if care.withheld_reason(analyses.get(e.id), e.episode_id, survivor_episodes)}
        emotions, themes, suggested, rumination_days = [], [], [], []
        for entry_id, data in analyses.items():
            day = days[entry_id]
            emotions += [(day, str(x.get("label"))) for x in data.get("emotions", [])
                         if x.get("label") and x.get("label") != "neutral"]
            themes += [(day, str(x.get("label"))) for x in data.get("themes", [])
                       if x.get("label")]
            if entry_id not in no_traps:
                suggested += [str(x.get("label")) for x in data.get("traps", [])
                              if x.get("label")]
            questions = (data.get("rumination") or {}).get("questions") or []
            rumination_days += [day] * len(questions)
        result.emotions = trends.top_labels(emotions, 8)
        result.themes = trends.top_labels(themes, 8)
        result.rumination = trends.weekly_counts(rumination_days, start, end)
        with self.unlocked.session_factory() as session, session.begin():
            feedback = AnalysisReader(session).feedback(list(days))
        verdicts = [(f.label, f.verdict == "confirmed") for f in feedback
                    if f.detector == "traps" and f.entry_id not in no_traps]
        if reflections is None:
            result.missing.append("reflections")
        else:
            for reflection in reflections:
                if reflection.survivor or not start <= reflection.day <= end:
                    continue
                for record in _thought_records(reflection.answers):
                    verdicts += [(label, True) for label in record.confirmed]
                    verdicts += [(label, False) for label in record.rejected]
                    if record.belief_before is not None and record.belief_after is not None:
                        result.beliefs.append(trends.BeliefChange(
                            reflection.day, float(record.belief_before),
                            float(record.belief_after)))
        result.traps = trends.trap_tallies(suggested, verdicts)
        result.contact = self.contact_summary(start, end)
        since, until = self._instant(start), self._instant(end + timedelta(days=1))
        with self._read() as repo:
            records = repo.administrations(since=since, until=until)
        for scale in scales.SCALES.values():
            mine = tuple(r for r in records if r.scale_id == scale.id)
            if mine:
                result.measures.append(MeasureHistory(scale, mine))
        result.ratings = self.ratings(start, end)
        return result

    # --- reflections (the reflection area's data, when it exists) ------------------------------

    def _reflections(self) -> list[_Reflection] | None:
        """Each guided reflection (started or completed), or None where this build has no
        reflection area."""
        try:
            from afterword.domain.reflection import REFLECTION_FLOW
            from afterword.services.reflect import ReflectService
        except ImportError:  # pragma: no cover - the reflection area ships with the package
            return None
        service = ReflectService(self.unlocked)
        return [
            _Reflection(day=run.updated_at.astimezone(self.tz).date(),
                        answers=dict(run.state.answers), episode_id=run.episode_id,
                        survivor=service.on_survivor_path(run))
            for run in service.runs(REFLECTION_FLOW)
        ]

    def _survivor_episodes(self) -> frozenset[int]:
        """Episodes whose guided run walks the survivor path (none without a reflection area)."""
        try:
            from afterword.services.reflect import ReflectService
        except ImportError:  # pragma: no cover - the reflection area ships with the package
            return frozenset()
        return care.CareRules(self.unlocked, ReflectService(self.unlocked)).survivor_episodes()

    # --- repeated dynamics -------------------------------------------------------------------

    def pattern_units(self, start: date | None = None, end: date | None = None
                      ) -> list[UnitFacts]:
        start, end = self._bounds(start, end)
        entries = self._entries(start, end)
        analyses, _ = self._analyses(entries)
        with self.unlocked.session_factory() as session, session.begin():
            feedback = AnalysisReader(session).feedback([e.id for e in entries])
        verdicts = {(f.entry_id, f.label): f.verdict for f in feedback if f.detector == "themes"}
        grouped: dict[str, list[Any]] = {}
        meta: dict[str, tuple[int | None, str | None]] = {}
        episodes = {ep.id: ep for ep in self.unlocked.journal.episodes()}
        for e in entries:
            if e.episode_id is not None:
                key = f"episode:{e.episode_id}"
                ep = episodes.get(e.episode_id)
                meta[key] = (e.episode_id, ep.person if ep else None)
            elif e.people:
                key = f"person:{e.people[0].casefold()}"
                meta[key] = (None, e.people[0])
            else:
                key = f"entry:{e.id}"
                meta[key] = (None, None)
            grouped.setdefault(key, []).append(e)
        reflection_facts: dict[str, dict[str, Any]] = {}
        for reflection in self._reflections() or []:
            episode_id = reflection.episode_id
            if episode_id is None or reflection.survivor:
                continue  # the survivor path's answers are never evidence of a pattern
            key = f"episode:{episode_id}"
            reflection_facts[key] = reflection.answers
            ep = episodes.get(episode_id)
            meta.setdefault(key, (episode_id, ep.person if ep else None))
            grouped.setdefault(key, [])
        units = []
        for key, members in grouped.items():
            episode_id, person = meta[key]
            facts = tuple(
                pat.EntryFacts(
                    entry_id=e.id, day=e.created_at.date(), text=e.body,
                    themes=_pattern_themes(e.id, analyses.get(e.id, {}), verdicts),
                ) for e in members
            )
            missing, notes, sentences = _reflection_unit_facts(reflection_facts.get(key))
            units.append(UnitFacts(key=key, episode_id=episode_id, person=person, entries=facts,
                                   missing_pillars=missing, pillar_notes=notes,
                                   reflection_sentences=sentences))
        return units

    def patterns(self, start: date | None = None, end: date | None = None) -> list[Pattern]:
        return pat.find_patterns(self.pattern_units(start, end))

    # --- similar entries ---------------------------------------------------------------------

    def similar_entries(self, entry_id: int, k: int = 5) -> list[SimilarEntry]:
        """The most similar *earlier* entries by embedding.

        Uses the embeddings stored inside the vault; where the entry has none yet, the entry
        and the earlier ones are embedded in memory. Vectors are never written anywhere else.
        """
        import numpy as np

        if not 1 <= k <= 50:
            raise InvalidInput(msg("common.invalid_input"))
        try:
            target = self.unlocked.journal.get(entry_id)
        except NotFound:
            raise NotFound(msg("progress.similar.unknown_entry", id=entry_id)) from None
        with self.unlocked.session_factory() as session, session.begin():
            stored = AnalysisReader(session).embeddings()
        vectors = {eid: (model, np.frombuffer(vec, dtype="<f4")) for eid, model, dim, vec in stored
                   if len(vec) == 4 * dim}
        if entry_id in vectors:
            model, query = vectors[entry_id]
            ids = [eid for eid, (m, v) in vectors.items()
                   if eid != entry_id and m == model and v.shape == query.shape]
            entries = {e.id: e for e in self._entries_by_id(ids)}
            earlier = [eid for eid in ids
                       if eid in entries and entries[eid].created_at <= target.created_at]
            matrix = [vectors[eid][1] for eid in earlier]
        else:
            earlier_entries = self._earlier_entries(target)
            if not earlier_entries:
                return []
            computed = self._embed_in_memory([target, *earlier_entries])
            if computed is None:
                raise NotFound(msg("progress.similar.no_embeddings"))
            query, matrix = computed[0], list(computed[1:])
            entries = {e.id: e for e in earlier_entries}
            earlier = [e.id for e in earlier_entries]
        if not earlier:
            return []
        m = np.stack(matrix).astype(np.float64)
        q = np.asarray(query, dtype=np.float64)
        norms = np.linalg.norm(m, axis=1) * (np.linalg.norm(q) or 1.0)
        scores = m @ q / np.where(norms == 0, 1.0, norms)
        order = np.argsort(-scores, kind="stable")[:k]
        return [SimilarEntry(earlier[i], entries[earlier[i]].created_at, round(float(scores[i]), 3))
                for i in order]

    def _earlier_entries(self, target: Any, cap: int = 2000) -> list[Any]:
        from afterword.domain.entries import EntryFilter

        filters = EntryFilter(until=target.created_at + timedelta(microseconds=1))
        found = [e for e in self.unlocked.journal.iterate(filters) if e.id != target.id]
        return found[-cap:]

    def _embed_in_memory(self, entries: Sequence[Any]) -> Any:
        try:
            from afterword.analysis import embed

            return embed([e.body for e in entries])
        except Exception as exc:  # noqa: BLE001 - no encoder: say there is nothing to compare
            log.info("in-memory embedding unavailable: %s", type(exc).__name__)
            return None

    def _entries_by_id(self, ids: Sequence[int]) -> list[Any]:
        with self.unlocked.store.read() as repos:
            return list(repos.entries.get_many(list(ids)))


# A detected theme supports a pattern only when the person confirmed it, or when the detector
# was fairly sure and the person has not said it does not fit.
PATTERN_THEME_MIN_SCORE = 0.6


def _pattern_themes(
    entry_id: int, result: dict[str, Any], verdicts: dict[tuple[int, str], str]
) -> tuple[tuple[str, str], ...]:
    out = []
    for t in result.get("themes", []):
        label, evidence = str(t.get("label")), str(t.get("evidence") or "")
        verdict = verdicts.get((entry_id, label))
        if verdict == "doesnt_fit" or not evidence:
            continue
        if verdict == "confirmed" or float(t.get("score") or 0) >= PATTERN_THEME_MIN_SCORE:
            out.append((label, evidence))
    return tuple(out)


# --- helpers over the reflection area's answer format --------------------------------------------


def _thought_records(answers: dict[str, Any]) -> list[Any]:
    from afterword.domain.reflection import thought_records

    return thought_records(answers)


_EXPECTATION_STEPS = ("happened", "expect.hoped", "expect.signalled", "expect.agreed",
                      "expect.gap")


def _reflection_unit_facts(
    answers: dict[str, Any] | None,
) -> tuple[frozenset[str], dict[str, str], tuple[str, ...]]:
    if not answers:
        return frozenset(), {}, ()
    from afterword.domain.reflection import pillar_answers

    missing: set[str] = set()
    notes: dict[str, str] = {}
    for pillar, (status, evidence) in pillar_answers(answers).items():
        if status in ("missing", "violated"):
            missing.add(pillar)
            if evidence:
                notes[pillar] = evidence
    sentences = tuple(str(answers[k]) for k in _EXPECTATION_STEPS
                      if isinstance(answers.get(k), str) and answers[k].strip())
    return frozenset(missing), notes, sentences
