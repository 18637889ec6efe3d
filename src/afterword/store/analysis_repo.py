"""Stored analysis results, embeddings and feedback, in portable SQL."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from afterword.domain.entries import EntryAnalysis, Feedback
from afterword.store.analysis import DetectionFeedbackRow, EntryAnalysisRow, EntryEmbeddingRow
from afterword.store.models import EntryRow

A = cast(Table, EntryAnalysisRow.__table__)
V = cast(Table, EntryEmbeddingRow.__table__)
F = cast(Table, DetectionFeedbackRow.__table__)
E = cast(Table, EntryRow.__table__)


class SqlAnalysisRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def save(self, entry_id: int, result: dict[str, Any], model_name: str | None,
             model_version: str | None, when: datetime) -> None:
        self._session.execute(delete(A).where(A.c.entry_id == entry_id))
        self._session.execute(insert(A).values(
            entry_id=entry_id, result_json=json.dumps(result, ensure_ascii=False),
            model_name=model_name, model_version=model_version, analyzed_at=when))

    def save_embedding(self, entry_id: int, vector: bytes, dim: int, model_name: str | None
                       ) -> None:
        self._session.execute(delete(V).where(V.c.entry_id == entry_id))
        self._session.execute(insert(V).values(entry_id=entry_id, vector=vector, dim=dim,
                                               model_name=model_name))

    def forget(self, entry_id: int) -> None:
        """Drop a stale analysis and embedding (the text changed and could not be re-analysed)."""
        self._session.execute(delete(A).where(A.c.entry_id == entry_id))
        self._session.execute(delete(V).where(V.c.entry_id == entry_id))

    def get(self, entry_id: int) -> EntryAnalysis | None:
        row = self._session.execute(select(A).where(A.c.entry_id == entry_id)).first()
        if row is None:
            return None
        return EntryAnalysis(
            entry_id=entry_id,
            result=json.loads(row.result_json),
            model_name=row.model_name,
            model_version=row.model_version,
            analyzed_at=row.analyzed_at,
            feedback=tuple(self.feedback_for(entry_id)),
        )

    def add_feedback(self, entry_id: int, detector: str, label: str, verdict: str,
                     when: datetime) -> Feedback:
        result: Any = self._session.execute(insert(F).values(
            entry_id=entry_id, detector=detector, label=label, verdict=verdict, created_at=when))
        return Feedback(int(result.inserted_primary_key[0]), entry_id, detector, label, verdict,
                        when)

    def feedback_for(self, entry_id: int) -> list[Feedback]:
        rows = self._session.execute(
            select(F).where(F.c.entry_id == entry_id).order_by(F.c.id)).all()
        return [Feedback(r.id, r.entry_id, r.detector, r.label, r.verdict, r.created_at)
                for r in rows]

    def embedding(self, entry_id: int) -> bytes | None:
        return self._session.execute(
            select(V.c.vector).where(V.c.entry_id == entry_id)).scalar()

    def embeddings(self, dim: int) -> tuple[list[int], list[bytes]]:
        rows = self._session.execute(
            select(V.c.entry_id, V.c.vector).where(V.c.dim == dim).order_by(V.c.entry_id)).all()
        return [r.entry_id for r in rows], [r.vector for r in rows]

    def unanalysed(self, limit: int) -> list[int]:
        stmt = (select(E.c.id).where(E.c.id.not_in(select(A.c.entry_id)))
                .order_by(E.c.id.desc()).limit(limit))
        return [int(i) for i in self._session.execute(stmt).scalars()]

    def analysed_ids(self, entry_ids: Sequence[int]) -> set[int]:
        return set(self._session.execute(
            select(A.c.entry_id).where(A.c.entry_id.in_(list(entry_ids)))).scalars())
