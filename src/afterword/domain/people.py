"""People the user writes about, known only by the alias the user chooses. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Person:
    id: int
    alias: str
    created_at: datetime
    note: str | None = None
    entry_count: int = 0
