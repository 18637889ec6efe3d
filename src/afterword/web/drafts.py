"""Autosaved drafts and per-journal preferences, kept encrypted inside the vault.

A thin use-case layer over :mod:`afterword.store.web`; routes call this, never SQL.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from afterword.store.web import Draft, SqlDraftRepository, SqlPreferenceRepository
from afterword.web.forms import field

DRAFT_FIELDS = ("body", "title", "mood", "tags", "people", "episode")
NEW_ENTRY = "new"


def entry_slot(entry_id: int) -> str:
    return f"entry:{entry_id}"


class DraftBox:
    def __init__(self, unlocked: Any) -> None:
        self._unlocked = unlocked

    def get(self, slot: str) -> Draft | None:
        with self._unlocked.session_factory() as session:
            return SqlDraftRepository(session).get(slot)

    def save(self, slot: str, form: Any) -> Draft:
        fields = {name: str(field(form, name) or "")[:200_000] for name in DRAFT_FIELDS}
        now = datetime.now(UTC)
        with self._unlocked.write_session() as session:
            return SqlDraftRepository(session).put(slot, fields, now)

    def discard(self, slot: str) -> None:
        with self._unlocked.write_session() as session:
            SqlDraftRepository(session).discard(slot)


class Preferences:
    """Settings a person changes in the app (resources locale, auto-lock delay)."""

    def __init__(self, unlocked: Any) -> None:
        self._unlocked = unlocked

    def all(self) -> dict[str, Any]:
        with self._unlocked.session_factory() as session:
            return SqlPreferenceRepository(session).all()

    def set(self, name: str, value: Any) -> None:
        with self._unlocked.write_session() as session:
            SqlPreferenceRepository(session).set(name, value)


LOCALES = ("US", "UK", "IE", "CA", "AU", "INT")
AUTO_LOCK_RANGE = (1, 240)


def effective(unlocked: Any, settings: Any) -> dict[str, Any]:
    """The preferences in force: what the person chose in the app, else the settings."""
    chosen = Preferences(unlocked).all()
    return {
        "locale": chosen.get("locale") or str(settings.locale),
        "auto_lock_minutes": int(chosen.get("auto_lock_minutes")
                                 or settings.auto_lock_minutes),
    }
