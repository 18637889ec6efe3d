"""The SQLCipher engine: connect with the raw data key, then set the durability PRAGMAs.

Database errors that mean something to a person are turned into typed errors here, once, for
every repository on this engine (the ``handle_error`` hook): a locked database is
:class:`~afterword.errors.Busy`, a page that does not decrypt is
:class:`~afterword.errors.NotAVault`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from afterword.errors import Busy, NotAVault

_BUSY_WORDS = ("database is locked", "database is busy", "database table is locked")
_DAMAGED_WORDS = ("file is not a database", "database disk image is malformed", "not a database")

WRITE_OPTION = "afterword_write"


def _key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect(path: Path, key: bytes, busy_timeout_ms: int) -> Any:
    """A keyed ``sqlcipher3`` connection with our PRAGMAs applied; raises NotAVault if the key
    does not decrypt the file (or the file is not a database at all)."""
    import sqlcipher3.dbapi2 as sqlcipher

    conn = sqlcipher.connect(
        str(path),
        timeout=busy_timeout_ms / 1000,
        isolation_level=None,  # transactions are begun explicitly, see _begin below
        check_same_thread=False,
    )
    try:
        conn.execute(_key_pragma(key))
        # temp_store=MEMORY: sorts and temp indexes never spill as plaintext temp files.
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        # A larger page cache (allocated only as used) keeps FTS merges from re-reading and
        # re-decrypting pages during big imports.
        conn.execute("PRAGMA cache_size = -32768")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
    except sqlcipher.DatabaseError as exc:
        conn.close()
        text = str(exc).lower()
        if any(word in text for word in _BUSY_WORDS):
            raise Busy(detail=str(exc)) from None
        raise NotAVault(detail=str(exc)) from None
    return conn


def make_engine(path: Path, key: bytes, busy_timeout_ms: int) -> Engine:
    import sqlcipher3.dbapi2 as sqlcipher
    from sqlalchemy.pool import QueuePool

    engine = create_engine(
        "sqlite+pysqlite:///" + str(path),  # the URL only names the file; creator connects
        module=sqlcipher,
        poolclass=QueuePool,
        creator=lambda: connect(path, key, busy_timeout_ms),
        pool_pre_ping=False,
        hide_parameters=True,  # bound values are entry text: never in an error message
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take the write lock up front (BEGIN IMMEDIATE), so the busy timeout applies
        # and a second writer waits instead of failing half-way through its transaction.
        if conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    @event.listens_for(engine, "handle_error")
    def _translate(context: Any) -> Exception | None:
        original = context.original_exception
        text = str(original).lower()
        if any(word in text for word in _BUSY_WORDS):
            return Busy(detail=str(original))
        if any(word in text for word in _DAMAGED_WORDS):
            return NotAVault(detail=str(original))
        return None

    return engine


def write_engine(engine: Engine) -> Engine:
    """The same pool, but transactions begin with ``BEGIN IMMEDIATE``."""
    return engine.execution_options(**{WRITE_OPTION: True})
