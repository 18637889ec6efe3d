"""The SQLCipher backend: engine, units of work, FTS5 search and integrity checks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import column, literal_column, select, table, text
from sqlalchemy.orm import Session, sessionmaker

from afterword.domain.entries import EntryFilter, Highlight, SearchHit, SearchQuery
from afterword.store import engine as engine_mod
from afterword.store import fts
from afterword.store.analysis_repo import SqlAnalysisRepository
from afterword.store.entries import E, SqlEntryRepository, filter_clauses
from afterword.store.people import SqlEpisodeRepository, SqlPersonRepository
from afterword.store.repositories import Repositories


def fts_search(
    session: Session,
    repo: SqlEntryRepository,
    query: SearchQuery,
    filters: EntryFilter,
    limit: int,
    offset: int,
) -> list[SearchHit]:
    """FTS5 match, ranked by bm25 (title weighs double), with highlighted snippets.

    Without filters, ranking reads only the index (no join with the entries table); snippets are
    made for the returned page only. A word found in every entry of a large journal then costs
    a fraction of a second instead of seconds. (A ``rowid IN (subquery)`` constraint instead of
    the join is far slower: FTS5 re-checks it row by row.)
    """
    index = table("entries_fts", column("rowid"))
    match = fts.match_expression(query)
    rank: Any = literal_column("bm25(entries_fts, 2.0, 1.0)").label("rank")
    clauses = filter_clauses(filters, per_row=True)
    source: Any = index.join(E, E.c.id == index.c.rowid) if clauses else index
    stmt = select(index.c.rowid.label("id"), rank).select_from(source).where(
        text("entries_fts MATCH :q"), *clauses)
    stmt = stmt.order_by(text("rank"), index.c.rowid.desc()).limit(limit).offset(offset)
    ranked = session.execute(stmt, {"q": match}).all()
    if not ranked:
        return []
    ids = [int(r.id) for r in ranked]
    snip: Any = literal_column(
        f"snippet(entries_fts, -1, char(2), char(3), '…', {fts.SNIPPET_TOKENS})"
    ).label("snip")
    snippets: dict[int, str] = dict(session.execute(
        select(index.c.rowid, snip).select_from(index)
        .where(text("entries_fts MATCH :q"), index.c.rowid.in_(ids)),
        {"q": match},
    ).all())
    entries = {e.id: e for e in repo.get_many(ids)}
    hits = []
    for row in ranked:
        plain, spans = _spans(snippets.get(row.id) or "")
        hits.append(SearchHit(entries[row.id], float(row.rank), plain, spans))
    return hits


def _spans(marked: str) -> tuple[str, tuple[Highlight, ...]]:
    out: list[str] = []
    spans: list[Highlight] = []
    length = 0
    start: int | None = None
    for ch in marked:
        if ch == fts.OPEN:
            start = length
        elif ch == fts.CLOSE:
            if start is not None:
                spans.append(Highlight(start, length))
            start = None
        else:
            out.append(ch)
            length += 1
    return "".join(out), tuple(spans)


class SqliteStore:
    """Owns the engine for one unlocked vault."""

    def __init__(self, path: Path, key: bytes, busy_timeout_ms: int) -> None:
        self.path = path
        self.engine = engine_mod.make_engine(path, key, busy_timeout_ms)
        self.session_factory = sessionmaker(self.engine, expire_on_commit=False)
        self.write_session_factory = sessionmaker(
            engine_mod.write_engine(self.engine), expire_on_commit=False
        )

    def _repos(self, session: Session) -> Repositories:
        return Repositories(
            entries=SqlEntryRepository(session, fts_search),
            people=SqlPersonRepository(session),
            episodes=SqlEpisodeRepository(session),
            session=session,
            analysis=SqlAnalysisRepository(session),
        )

    @contextmanager
    def read(self) -> Iterator[Repositories]:
        with self.session_factory() as session, session.begin():
            yield self._repos(session)

    @contextmanager
    def write(self) -> Iterator[Repositories]:
        with self.write_session_factory() as session, session.begin():
            yield self._repos(session)

    def integrity(self) -> dict[str, Any]:
        """SQLite and SQLCipher integrity checks plus the FTS index's own check."""
        with self.engine.connect() as conn:
            sqlite_check = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            cipher_check = [r[0] for r in conn.exec_driver_sql("PRAGMA cipher_integrity_check")]
            try:
                conn.exec_driver_sql(
                    "INSERT INTO entries_fts(entries_fts, rank) VALUES ('integrity-check', 1)"
                )
                fts_ok = True
            except Exception:  # noqa: BLE001 - any failure here means the index is damaged
                fts_ok = False
            conn.rollback()
            version = conn.exec_driver_sql("PRAGMA cipher_version").scalar()
        return {
            "integrity_check": sqlite_check,
            "cipher_integrity_check": cipher_check,
            "fts_ok": fts_ok,
            "cipher_version": version,
        }

    def close(self) -> None:
        self.engine.dispose()
