"""Journal use cases: write, read, change, delete, list and search entries; people; episodes.

Works only through the repository interfaces (:mod:`afterword.store.repositories`). Rule
violations from the domain become :class:`~afterword.errors.InvalidInput` with catalogue text.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from afterword.config import Settings
from afterword.domain import entries as dom
from afterword.domain.entries import (
    Entry,
    EntryAnalysis,
    EntryFilter,
    Feedback,
    SearchHit,
    TagCount,
)
from afterword.domain.episodes import Episode, validate_episode
from afterword.domain.people import Person
from afterword.errors import InvalidInput, NotFound, TrapsWithheld
from afterword.messages import msg
from afterword.services import care
from afterword.services.entry_analysis import Analysed, Analyzer, LocalAnalyzer, analysis_text
from afterword.store.repositories import Store


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()

MAX_PAGE = 1000


@contextmanager
def domain_rules() -> Iterator[None]:
    """Turn a broken domain rule into InvalidInput worded by the catalogue."""
    try:
        yield
    except dom.DomainError as exc:
        raise InvalidInput(msg(exc.key, **exc.values)) from None


def new_uid() -> str:
    return uuid.uuid4().hex


class JournalService:
    def __init__(
        self,
        store: Store,
        settings: Settings,
        clock: Callable[[], datetime],
        analyzer: Analyzer | None = None,
    ) -> None:
        self._store = store
        self._settings = settings
        self._clock = clock
        self._analyzer: Analyzer = analyzer or LocalAnalyzer()

    # --- entries -----------------------------------------------------------------------------

    def write(
        self,
        body: str,
        *,
        title: str | None = None,
        mood: int | None = None,
        tags: Sequence[str] = (),
        people: Sequence[str] = (),
        episode: int | None = None,
        created_at: datetime | None = None,
    ) -> Entry:
        now = self._clock()
        with domain_rules():
            if created_at is not None:
                dom.require_aware(created_at, "created_at")
            new = dom.new_entry(
                body=body,
                uid=new_uid(),
                created_at=created_at or now,
                updated_at=now if created_at is None else max(now, created_at),
                title=title,
                mood=mood,
                tags=list(tags),
                people=list(people),
                episode_id=episode,
            )
        analysed = self._analyse(new.title, new.body)
        with self._store.write() as repos:
            if episode is not None and repos.episodes.get(episode) is None:
                raise NotFound(msg("journal.no_episode", ref=episode))
            entry: Entry = repos.entries.add(new)
            if analysed is not None:
                self._keep(repos, entry.id, analysed, now)
        return entry

    def get(self, entry_id: int) -> Entry:
        with self._store.read() as repos:
            entry = repos.entries.get(entry_id)
        if entry is None:
            raise NotFound(msg("journal.no_entry", id=entry_id))
        return entry

    def update(
        self,
        entry_id: int,
        *,
        body: str = UNSET,
        title: str | None = UNSET,
        mood: int | None = UNSET,
        tags: Sequence[str] = UNSET,
        people: Sequence[str] = UNSET,
        episode: int | None = UNSET,
        created_at: datetime = UNSET,
    ) -> Entry:
        changes: dict[str, Any] = {"updated_at": self._clock()}
        with domain_rules():
            if body is not UNSET:
                if not isinstance(body, str):
                    raise dom.DomainError("journal.bad_body")
                changes["body"] = body
            if title is not UNSET:
                changes["title"] = dom.normalize_title(title)
            if mood is not UNSET:
                changes["mood"] = dom.validate_mood(mood)
            if tags is not UNSET:
                changes["tags"] = dom.normalize_tags(list(tags))
            if people is not UNSET:
                changes["people"] = dom.normalize_aliases(list(people))
            if created_at is not UNSET:
                changes["created_at"] = dom.require_aware(created_at, "created_at")
        if episode is not UNSET:
            changes["episode_id"] = episode
        text_changed = "body" in changes or "title" in changes
        analysed = None
        if text_changed and self._settings.analyze_on_save:
            current = self.get(entry_id)
            analysed = self._analyse(changes.get("title", current.title),
                                     changes.get("body", current.body))
        with self._store.write() as repos:
            if episode not in (UNSET, None) and repos.episodes.get(episode) is None:
                raise NotFound(msg("journal.no_episode", ref=episode))
            entry: Entry | None = repos.entries.update(entry_id, changes)
            if entry is not None and text_changed:
                if analysed is not None:
                    self._keep(repos, entry_id, analysed, changes["updated_at"])
                else:
                    repos.analysis.forget(entry_id)  # never show findings for old text
        if entry is None:
            raise NotFound(msg("journal.no_entry", id=entry_id))
        return entry

    def delete(self, entry_id: int) -> None:
        with self._store.write() as repos:
            if not repos.entries.delete(entry_id):
                raise NotFound(msg("journal.no_entry", id=entry_id))

    def list(
        self, filters: EntryFilter | None = None, limit: int | None = 20, offset: int = 0
    ) -> builtins.list[Entry]:
        _check_page(limit, offset)
        with self._store.read() as repos:
            return list(repos.entries.list(filters or EntryFilter(), limit, offset))

    def count(self, filters: EntryFilter | None = None) -> int:
        with self._store.read() as repos:
            return int(repos.entries.count(filters or EntryFilter()))

    def search(
        self,
        query: str,
        filters: EntryFilter | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> builtins.list[SearchHit]:
        """Ranked matches with highlighted snippets. Words must all match; ``"a phrase"`` and
        ``prefix*`` are understood; other punctuation is ignored."""
        _check_page(limit, offset)
        with domain_rules():
            parsed = dom.parse_query(query)
        with self._store.read() as repos:
            return list(repos.entries.search(parsed, filters or EntryFilter(), limit, offset))

    def iterate(self, filters: EntryFilter | None = None) -> Iterator[Entry]:
        """Every entry (oldest first) in one read transaction, for export."""
        with self._store.read() as repos:
            yield from repos.entries.iterate(filters or EntryFilter())

    def tags(self) -> builtins.list[TagCount]:
        with self._store.read() as repos:
            return list(repos.entries.tags())

    # --- people ------------------------------------------------------------------------------

    def people(self) -> builtins.list[Person]:
        with self._store.read() as repos:
            return list(repos.people.all())

    def add_person(self, alias: str, note: str | None = None) -> Person:
        with domain_rules():
            clean = dom.normalize_alias(alias)
        with self._store.write() as repos:
            person: Person = repos.people.ensure(clean)
            if note is not None:
                repos.people.set_note(person.id, note)
                person = repos.people.get(person.id) or person
        return person

    # --- episodes ----------------------------------------------------------------------------

    def episodes(self) -> builtins.list[Episode]:
        with self._store.read() as repos:
            return list(repos.episodes.all())

    def episode(self, episode_id: int) -> Episode:
        with self._store.read() as repos:
            found = repos.episodes.get(episode_id)
        if found is None:
            raise NotFound(msg("journal.no_episode", ref=episode_id))
        return found

    def find_episode(self, ref: str) -> Episode:
        """An episode by its number or its exact title (case-insensitive)."""
        if ref.strip().isdigit():
            return self.episode(int(ref))
        with self._store.read() as repos:
            found = repos.episodes.find(ref)
        if not found:
            raise NotFound(msg("journal.no_episode", ref=ref))
        if len(found) > 1:
            raise InvalidInput(msg("journal.episode_ambiguous", ref=ref))
        return found[0]

    def add_episode(
        self,
        title: str,
        *,
        person: str | None = None,
        started_on: date | None = None,
        ended_on: date | None = None,
        note: str | None = None,
    ) -> Episode:
        with domain_rules():
            clean = validate_episode(title, started_on, ended_on)
            alias = dom.normalize_alias(person) if person is not None else None
        with self._store.write() as repos:
            person_id = repos.people.ensure(alias).id if alias is not None else None
            episode: Episode = repos.episodes.add(clean, person_id, started_on, ended_on, note)
        return episode

    # --- analysis (phase 2) ------------------------------------------------------------------

    def _analyse(self, title: str | None, body: str) -> Analysed | None:
        if not self._settings.analyze_on_save:
            return None
        done = self._analyzer.run([analysis_text(title, body)])
        return done[0] if done else None

    @staticmethod
    def _keep(repos: Any, entry_id: int, analysed: Analysed, when: datetime) -> None:
        result = dict(analysed.result, id=entry_id)
        repos.analysis.save(entry_id, result, analysed.model_name, analysed.model_version, when)
        if analysed.vector is not None:
            repos.analysis.save_embedding(entry_id, analysed.vector, analysed.dim,
                                          analysed.model_name)

    def analysis_for(self, entry_id: int) -> EntryAnalysis | None:
        """The stored analysis of an entry (None if it has not been analysed), with feedback."""
        with self._store.read() as repos:
            if repos.entries.get(entry_id) is None:
                raise NotFound(msg("journal.no_entry", id=entry_id))
            found: EntryAnalysis | None = repos.analysis.get(entry_id)
        return found

    def analyze_pending(self, limit: int = 500, batch: int = 64) -> int:
        """Analyse entries that have no stored analysis yet (after an import, or when the engine
        was missing), newest first; returns how many were analysed."""
        done = 0
        while done < limit:
            with self._store.read() as repos:
                ids = repos.analysis.unanalysed(min(batch, limit - done))
                entries = repos.entries.get_many(ids)
            if not entries:
                break
            results = self._analyzer.run([analysis_text(e.title, e.body) for e in entries])
            if results is None:
                break
            now = self._clock()
            with self._store.write() as repos:
                for entry, analysed in zip(entries, results, strict=True):
                    self._keep(repos, entry.id, analysed, now)
            done += len(entries)
        return done

    def record_feedback(self, entry_id: int, detector: str, label: str, verdict: str) -> Feedback:
        """Store that a detection "doesnt_fit" or is "confirmed"; the latest verdict counts.
        Refused with TrapsWithheld when the detection is withheld by the entry's own
        non-consent signal (``afterword.services.care``)."""
        with domain_rules():
            detector, label, verdict = dom.validate_feedback(detector, label, verdict)
        with self._store.write() as repos:
            if repos.entries.get(entry_id) is None:
                raise NotFound(msg("journal.no_entry", id=entry_id))
            stored = repos.analysis.get(entry_id)
            # The entry's own non-consent signal, checked in this write; the survivor path
            # needs the reflection runs, so front ends go through CareRules.record_feedback.
            own = care.NONCONSENT if stored and care.nonconsent_flagged(stored.result) else None
            if care.feedback_withheld(detector, label, own):
                raise TrapsWithheld()
            feedback: Feedback = repos.analysis.add_feedback(
                entry_id, detector, label, verdict, self._clock())
        return feedback

    def feedback_for(self, entry_id: int) -> builtins.list[Feedback]:
        """Every verdict on this entry's detections, oldest first (the last one counts)."""
        with self._store.read() as repos:
            found: builtins.list[Feedback] = repos.analysis.feedback_for(entry_id)
        return found

    def similar_entries(self, entry_id: int, k: int = 5) -> builtins.list[tuple[Entry, float]]:
        """The ``k`` entries whose stored embeddings are closest (cosine) to this entry's."""
        import numpy as np

        if not 1 <= k <= MAX_PAGE:
            raise InvalidInput(msg("journal.bad_page", limit=MAX_PAGE))
        with self._store.read() as repos:
            target = repos.entries.get(entry_id)
            if target is None:
                raise NotFound(msg("journal.no_entry", id=entry_id))
            raw = repos.analysis.embedding(entry_id)
        if raw is None:
            vector = self._analyzer.embed_query(analysis_text(target.title, target.body))
            if vector is None:
                return []
            query = np.asarray(vector, dtype="<f4")
        else:
            query = np.frombuffer(raw, dtype="<f4")
        with self._store.read() as repos:
            ids, blobs = repos.analysis.embeddings(int(query.shape[0]))
        pairs = [(i, b) for i, b in zip(ids, blobs, strict=True) if i != entry_id]
        if not pairs:
            return []
        matrix = np.frombuffer(b"".join(b for _, b in pairs), dtype="<f4").reshape(
            len(pairs), -1)
        norms = np.linalg.norm(matrix, axis=1) * (np.linalg.norm(query) or 1.0)
        scores = (matrix @ query) / np.where(norms == 0, 1.0, norms)
        top = np.argsort(-scores)[:k]
        with self._store.read() as repos:
            found = {e.id: e for e in repos.entries.get_many([pairs[i][0] for i in top])}
        return [(found[pairs[i][0]], float(scores[i])) for i in top if pairs[i][0] in found]

    # --- for the exchange service ------------------------------------------------------------

    @property
    def store(self) -> Store:
        return self._store

    @property
    def settings(self) -> Settings:
        return self._settings


def _check_page(limit: int | None, offset: int) -> None:
    if (limit is not None and not 1 <= limit <= MAX_PAGE) or offset < 0:
        raise InvalidInput(msg("journal.bad_page", limit=MAX_PAGE))
