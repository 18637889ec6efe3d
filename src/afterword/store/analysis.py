"""Analysis results, embeddings and feedback on detections (revision 0002_analysis).

All inside the encrypted file: embeddings can be inverted back to text.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from afterword.store.base import Base
from afterword.store.types import UtcMicros


class EntryAnalysisRow(Base):
    __tablename__ = "entry_analysis"

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True
    )
    result_json: Mapped[str] = mapped_column(Text)
    model_name: Mapped[str | None] = mapped_column(String(200))
    model_version: Mapped[str | None] = mapped_column(String(100))
    analyzed_at: Mapped[datetime] = mapped_column(UtcMicros)


class EntryEmbeddingRow(Base):
    __tablename__ = "entry_embeddings"

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True
    )
    model_name: Mapped[str | None] = mapped_column(String(200))
    dim: Mapped[int] = mapped_column(Integer)
    vector: Mapped[bytes] = mapped_column(LargeBinary)  # float32, little-endian


class DetectionFeedbackRow(Base):
    __tablename__ = "detection_feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("entries.id", ondelete="CASCADE"), index=True
    )
    detector: Mapped[str] = mapped_column(String(64))  # "traps", "themes", "safety", ...
    label: Mapped[str] = mapped_column(String(64))
    verdict: Mapped[str] = mapped_column(String(16))  # "doesnt_fit" or "confirmed"
    created_at: Mapped[datetime] = mapped_column(UtcMicros)
