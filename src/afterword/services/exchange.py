"""Export (Afterword JSON, complete and lossless; Markdown for reading) and import.

Import is all-or-nothing: the whole file is read and validated first, then written in one
transaction. Entries whose ``uid`` is already in the journal (or earlier in the same file) are
skipped, so importing the same file twice adds nothing the second time.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from afterword.domain.entries import EntryFilter, NewEntry
from afterword.errors import InvalidInput
from afterword.messages import msg
from afterword.services import formats
from afterword.services.serialize import entry_to_dict, episode_to_dict, person_to_dict

if TYPE_CHECKING:
    from afterword.services.journal import JournalService

FORMATS = ("auto", "afterword", "jrnl", "dayone")


@dataclass(frozen=True)
class ImportReport:
    format: str
    imported: int
    skipped_duplicates: int
    people_added: int
    episodes_added: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class ExchangeService:
    def __init__(self, journal: JournalService, clock: Callable[[], datetime]) -> None:
        self._journal = journal
        self._clock = clock

    # --- export ------------------------------------------------------------------------------

    def export_json(self, out: TextIO, filters: EntryFilter | None = None) -> int:
        """Write everything (entries, people, episodes) as one JSON document; returns the number
        of entries written. Entries are streamed, so memory stays flat."""
        people = [person_to_dict(p) for p in self._journal.people()]
        episodes = [episode_to_dict(e) for e in self._journal.episodes()]
        head = {
            "format": formats.AFTERWORD_FORMAT,
            "version": formats.AFTERWORD_VERSION,
            "exported_at": self._clock().isoformat(),
            "people": people,
            "episodes": episodes,
        }
        text = json.dumps(head, ensure_ascii=False, indent=1)
        out.write(text[:-2] + ',\n "entries": [')
        count = 0
        for entry in self._journal.iterate(filters):
            out.write(("\n  " if count == 0 else ",\n  ")
                      + json.dumps(entry_to_dict(entry), ensure_ascii=False))
            count += 1
        out.write("\n ]\n}\n")
        return count

    def export_markdown(self, out: TextIO, filters: EntryFilter | None = None) -> int:
        episodes = {e.id: e.title for e in self._journal.episodes()}
        out.write(msg("journal.md_heading") + "\n")
        count = 0
        for entry in self._journal.iterate(filters):
            when = entry.created_at.strftime("%Y-%m-%d %H:%M")
            out.write(f"\n## {when}" + (f" — {entry.title}" if entry.title else "") + "\n\n")
            facts = []
            if entry.mood is not None:
                facts.append(msg("journal.md_mood", mood=f"{entry.mood:+d}"))
            if entry.tags:
                facts.append(" ".join("#" + t for t in entry.tags))
            if entry.people:
                facts.append(msg("journal.md_people", people=", ".join(entry.people)))
            if entry.episode_id is not None:
                facts.append(msg("journal.md_episode",
                                 episode=episodes.get(entry.episode_id, entry.episode_id)))
            if facts:
                out.write("*" + " · ".join(facts) + "*\n\n")
            out.write(entry.body + "\n")
            count += 1
        return count

    # --- import ------------------------------------------------------------------------------

    def read_import(self, path: Path, fmt: str = "auto", max_mb: int | None = None
                    ) -> formats.ImportBatch:
        """Read and validate a file without writing anything."""
        if fmt not in FORMATS:
            raise InvalidInput(msg("journal.import_unknown_format"))
        limit = max_mb if max_mb is not None else self._journal_settings().import_max_mb
        try:
            size = path.stat().st_size
            if size > limit * 1024 * 1024:
                raise InvalidInput(msg("journal.import_too_big", size=size // (1024 * 1024),
                                       limit=limit))
            raw = path.read_bytes()
        except FileNotFoundError:
            raise InvalidInput(msg("journal.import_no_file", path=str(path))) from None
        except IsADirectoryError:
            raise InvalidInput(msg("journal.import_no_file", path=str(path))) from None
        data = formats.decode(raw)
        del raw
        local_tz = self._clock().tzinfo
        assert local_tz is not None
        return formats.parse(data, fmt, local_tz)

    def import_file(self, path: Path, fmt: str = "auto") -> ImportReport:
        return self.import_batch(self.read_import(Path(path), fmt))

    def import_batch(self, batch: formats.ImportBatch) -> ImportReport:
        store = self._journal.store
        with store.write() as repos:
            before_people = {p.alias.casefold() for p in repos.people.all()}
            for person in batch.people:
                found = repos.people.ensure(person.alias)
                if person.note is not None and found.note is None:
                    repos.people.set_note(found.id, person.note)
            episode_ids: dict[int, int] = {}
            episodes_added = 0
            existing = repos.episodes.all()
            for ep in batch.episodes:
                match = next((e for e in existing if e.title == ep.title
                              and e.started_on == ep.started_on and e.person == ep.person), None)
                if match is None:
                    person_id = repos.people.ensure(ep.person).id if ep.person else None
                    match = repos.episodes.add(ep.title, person_id, ep.started_on, ep.ended_on,
                                               ep.note)
                    existing.append(match)
                    episodes_added += 1
                episode_ids[ep.key] = match.id
            known = repos.entries.existing_uids([e.uid for e in batch.entries])
            fresh: list[NewEntry] = []
            for entry, key in zip(batch.entries, batch.entry_episode_keys, strict=True):
                if entry.uid in known:
                    continue
                known.add(entry.uid)
                if key is not None:
                    entry = _with_episode(entry, episode_ids[key])
                fresh.append(entry)
            repos.entries.add_many(fresh)
            after_people = {p.alias.casefold() for p in repos.people.all()}
        return ImportReport(
            format=batch.format,
            imported=len(fresh),
            skipped_duplicates=len(batch.entries) - len(fresh),
            people_added=len(after_people - before_people),
            episodes_added=episodes_added,
        )

    def _journal_settings(self) -> Any:
        return self._journal.settings


def _with_episode(entry: NewEntry, episode_id: int) -> NewEntry:
    from dataclasses import replace

    return replace(entry, episode_id=episode_id)
