"""Alembic migrations, run programmatically on create and unlock (no alembic.ini).

Importing Alembic costs a noticeable part of a second, so unlock first compares the database's
revision with the head found by reading the revision files, and runs Alembic only when they
differ.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from afterword.errors import SchemaTooNew

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.+)$", re.MULTILINE)


@cache
def known_revisions() -> tuple[frozenset[str], str | None]:
    """All revision ids shipped with this version, and the single head (None if unclear)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        rev = _REVISION.search(source)
        if rev is None:
            continue
        revisions.add(rev.group(1))
        down = _DOWN.search(source)
        if down is not None:
            parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    heads = revisions - parents
    return frozenset(revisions), (next(iter(heads)) if len(heads) == 1 else None)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        except OperationalError:
            return None
    return None if row is None else str(row[0])


def upgrade(engine: Engine) -> str | None:
    """Bring the schema to head. Returns the revision the database is at afterwards."""
    revisions, head = known_revisions()
    current = current_revision(engine)
    if current is not None and current not in revisions:
        raise SchemaTooNew(revision=current)
    if current is not None and current == head:
        return current
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return current_revision(engine)
