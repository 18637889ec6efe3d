"""The web app's own rows (revision 0005_web): autosaved drafts and per-journal preferences.

Both live inside the SQLCipher file, so a draft is as private as a saved entry.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from afterword.store.base import Base
from afterword.store.types import UtcMicros


class DraftRow(Base):
    __tablename__ = "web_drafts"

    slot: Mapped[str] = mapped_column(String(64), primary_key=True)  # "new" or "entry:<id>"
    fields_json: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcMicros)


class PreferenceRow(Base):
    __tablename__ = "web_preferences"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value_json: Mapped[str] = mapped_column(Text)


@dataclass(frozen=True)
class Draft:
    slot: str
    fields: dict[str, Any]
    updated_at: datetime


class SqlDraftRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, slot: str) -> Draft | None:
        row = self.session.get(DraftRow, slot)
        if row is None:
            return None
        return Draft(row.slot, json.loads(row.fields_json), row.updated_at)

    def put(self, slot: str, fields: dict[str, Any], now: datetime) -> Draft:
        row = self.session.get(DraftRow, slot)
        encoded = json.dumps(fields, ensure_ascii=False)
        if row is None:
            self.session.add(DraftRow(slot=slot, fields_json=encoded, updated_at=now))
        else:
            row.fields_json = encoded
            row.updated_at = now
        self.session.flush()
        return Draft(slot, fields, now)

    def discard(self, slot: str) -> None:
        row = self.session.get(DraftRow, slot)
        if row is not None:
            self.session.delete(row)
            self.session.flush()


class SqlPreferenceRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def all(self) -> dict[str, Any]:
        rows = self.session.execute(select(PreferenceRow)).scalars()
        return {row.name: json.loads(row.value_json) for row in rows}

    def set(self, name: str, value: Any) -> None:
        row = self.session.get(PreferenceRow, name)
        encoded = json.dumps(value)
        if row is None:
            self.session.add(PreferenceRow(name=name, value_json=encoded))
        else:
            row.value_json = encoded
        self.session.flush()
