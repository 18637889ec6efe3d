"""The vault: create, unlock, change the passphrase, back up and check an encrypted journal.

Layout: ``journal.afw`` (SQLCipher, keyed with a random data key) and ``journal.afw.keys.json``
(the data key wrapped by the passphrase and by the recovery key; see
:mod:`afterword.crypto.header`). Wrong passphrase, damaged or foreign file, and missing journal
are three different errors.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from afterword import config
from afterword.config import Settings
from afterword.crypto import header as hdr
from afterword.crypto import kdf, recovery
from afterword.errors import (
    HeaderMissing,
    InvalidInput,
    JournalExists,
    JournalMissing,
    NotAVault,
    WrongPassphrase,
    WrongRecoveryKey,
)
from afterword.messages import msg

Clock = Callable[[], datetime]

_PLAIN_SQLITE = b"SQLite format 3\x00"


def local_now() -> datetime:
    return datetime.now(UTC).astimezone()


@dataclass(frozen=True)
class Created:
    path: Path
    recovery_key: str
    unlock_seconds: float
    kdf: dict[str, Any]


@dataclass(frozen=True)
class BackupResult:
    path: Path
    header_path: Path
    size_bytes: int


@dataclass(frozen=True)
class DoctorReport:
    path: Path
    ok: bool
    size_bytes: int
    schema_revision: str | None
    schema_head: str | None
    kdf: dict[str, Any]
    recovery_kdf: str
    header_version: int
    cipher_version: str | None
    integrity_check: list[str]
    cipher_integrity_check: list[str]
    fts_ok: bool
    counts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.__dict__.copy()
        data["path"] = str(self.path)
        return data


class Unlocked:
    """An open vault: the services on it, and the session factory other areas build on."""

    def __init__(self, path: Path, store: Any, settings: Settings, clock: Clock) -> None:
        from afterword.services.exchange import ExchangeService
        from afterword.services.journal import JournalService

        self.path = path
        self.store = store
        self.settings = settings
        self.engine = store.engine
        self.session_factory = store.session_factory
        self.write_session_factory = store.write_session_factory
        self.journal = JournalService(store, settings, clock)
        self.exchange = ExchangeService(self.journal, clock)

    @contextmanager
    def write_session(self) -> Iterator[Any]:
        """A session inside one write transaction (the writer lock is taken up front): what
        every area's writes go through."""
        with self.write_session_factory() as session, session.begin():
            yield session

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Unlocked:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class VaultService:
    def __init__(self, settings: Settings, clock: Clock = local_now) -> None:
        self.settings = settings
        self.clock = clock

    @property
    def path(self) -> Path:
        return config.journal_path(self.settings)

    @property
    def header_path(self) -> Path:
        return hdr.header_path(self.path)

    def exists(self) -> bool:
        return self.path.exists()

    def check(self) -> None:
        """Raise JournalMissing / NotAVault / HeaderMissing without asking for a key."""
        self._header()

    def _new_kdf(self) -> kdf.Argon2idParams:
        s = self.settings
        return kdf.new_argon2id(s.kdf_memory_kib, s.kdf_time_cost, s.kdf_parallelism)

    # --- create ------------------------------------------------------------------------------

    def create(self, passphrase: str) -> Created:
        _check_new_passphrase(passphrase)
        path = self.path
        if path.exists():
            raise JournalExists(path=str(path))
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        data_key = os.urandom(kdf.KEY_BYTES)
        recovery_key = recovery.generate()
        params = self._new_kdf()
        started = time.perf_counter()
        header = hdr.new_header(
            data_key,
            passphrase.encode("utf-8"),
            recovery.to_bytes(recovery_key),
            params,
            self.clock().isoformat(),
        )
        unlock_seconds = time.perf_counter() - started
        try:
            hdr.write_atomic(self.header_path, header.to_bytes())
            store = self._store(data_key)
            try:
                os.chmod(path, 0o600)
            finally:
                store.close()
        except BaseException:
            for leftover in (path, self.header_path):
                leftover.unlink(missing_ok=True)
            raise
        return Created(path, recovery_key, unlock_seconds, params.to_dict())

    # --- unlock ------------------------------------------------------------------------------

    def _header(self) -> hdr.Header:
        path = self.path
        try:
            with open(path, "rb") as handle:
                first = handle.read(16)
        except FileNotFoundError:
            raise JournalMissing(path=str(path)) from None
        except IsADirectoryError:
            raise NotAVault(detail="a folder", path=str(path)) from None
        if len(first) < 16 or first == _PLAIN_SQLITE:
            raise NotAVault(detail="empty or unencrypted file", path=str(path))
        try:
            return hdr.read(self.header_path)
        except FileNotFoundError:
            size = path.stat().st_size
            if size % 4096 == 0:  # shaped like SQLCipher pages: most likely our journal
                raise HeaderMissing(path=str(self.header_path)) from None
            raise NotAVault(detail="no key header", path=str(path)) from None
        except hdr.HeaderUnreadable as exc:
            raise NotAVault(detail=str(exc), path=str(path)) from None

    def _store(self, data_key: bytes) -> Any:
        from afterword.store import migrate
        from afterword.store.sqlite import SqliteStore

        store = SqliteStore(self.path, data_key, self.settings.busy_timeout_ms)
        try:
            migrate.upgrade(store.engine)
        except BaseException:
            store.close()
            raise
        return store

    def _data_key(self, passphrase: str) -> bytes:
        header = self._header()
        try:
            return hdr.unwrap_key(header, "passphrase", passphrase.encode("utf-8"))
        except hdr.KeyRejected:
            raise WrongPassphrase() from None
        except hdr.HeaderUnreadable as exc:
            raise NotAVault(detail=str(exc), path=str(self.path)) from None

    def _recovery_data_key(self, recovery_key: str) -> bytes:
        header = self._header()
        try:
            secret = recovery.to_bytes(recovery_key)
        except recovery.BadRecoveryKey:
            raise InvalidInput(msg("journal.bad_recovery_key")) from None
        try:
            return hdr.unwrap_key(header, "recovery", secret)
        except hdr.KeyRejected:
            raise WrongRecoveryKey() from None
        except hdr.HeaderUnreadable as exc:
            raise NotAVault(detail=str(exc), path=str(self.path)) from None

    def unlock(self, passphrase: str) -> Unlocked:
        warming = _warm_up_store_imports()
        try:
            data_key = self._data_key(passphrase)
        finally:
            if warming is not None:
                warming.join()
        store = self._store(data_key)
        return Unlocked(self.path, store, self.settings, self.clock)

    def unlock_with_recovery_key(self, recovery_key: str) -> Unlocked:
        store = self._store(self._recovery_data_key(recovery_key))
        return Unlocked(self.path, store, self.settings, self.clock)

    # --- passphrase --------------------------------------------------------------------------

    def change_passphrase(
        self, old: str, new: str, *, step: Callable[[str], None] | None = None
    ) -> None:
        """Rewrap the data key under ``new``. Only the header changes, atomically."""
        _check_new_passphrase(new)
        data_key = self._data_key(old)
        self._rewrap(data_key, new, step)

    def reset_passphrase_with_recovery_key(
        self, recovery_key: str, new: str, *, step: Callable[[str], None] | None = None
    ) -> None:
        _check_new_passphrase(new)
        data_key = self._recovery_data_key(recovery_key)
        self._rewrap(data_key, new, step)

    def _rewrap(self, data_key: bytes, new: str, step: Callable[[str], None] | None) -> None:
        header = self._header()
        wrap = hdr.wrap_key(
            data_key, header.vault_id, "passphrase", self._new_kdf(), new.encode("utf-8")
        )
        hdr.write_atomic(self.header_path, header.replace_wrap(wrap).to_bytes(), step=step)

    # --- backup and doctor -------------------------------------------------------------------

    def _with_unlocked(self, source: str | Unlocked) -> tuple[Unlocked, bool]:
        if isinstance(source, Unlocked):
            return source, False
        return self.unlock(source), True

    def backup(self, source: str | Unlocked, dest: Path) -> BackupResult:
        """An encrypted, consistent copy (``VACUUM INTO`` reads one snapshot, so writers may
        carry on) plus a copy of the key header; it opens with the same passphrase."""
        dest = Path(dest)
        if dest.is_dir():
            stamp = self.clock().strftime("%Y%m%d-%H%M%S")
            dest = dest / f"{self.path.stem}-{stamp}{self.path.suffix or '.afw'}"
        if dest.exists():
            raise InvalidInput(msg("journal.backup_exists", path=str(dest)))
        dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        unlocked, owned = self._with_unlocked(source)
        tmp = dest.with_name(f".{dest.name}.partial")
        try:
            tmp.unlink(missing_ok=True)
            raw = unlocked.engine.raw_connection()
            try:  # outside any transaction: VACUUM cannot run inside one
                raw.driver_connection.execute("VACUUM INTO ?", (str(tmp),))
            finally:
                raw.close()
            fd = os.open(tmp, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            os.chmod(tmp, 0o600)
            # The key header first: a crash between the two leaves a stray header, never a
            # backup that cannot be opened.
            header_copy = hdr.header_path(dest)
            hdr.write_atomic(header_copy, self.header_path.read_bytes())
            os.replace(tmp, dest)
            hdr.fsync_dir(dest.parent)
        finally:
            tmp.unlink(missing_ok=True)
            if owned:
                unlocked.close()
        return BackupResult(dest, header_copy, dest.stat().st_size)

    def doctor(self, source: str | Unlocked) -> DoctorReport:
        from sqlalchemy import func, select

        from afterword.store import migrate
        from afterword.store.models import EntryRow, EpisodeRow, PersonRow, TagRow

        header = self._header()
        unlocked, owned = self._with_unlocked(source)
        try:
            checks = unlocked.store.integrity()
            counts: dict[str, int] = {}
            with unlocked.session_factory() as session:
                for name, model in (("entries", EntryRow), ("tags", TagRow),
                                    ("people", PersonRow), ("episodes", EpisodeRow)):
                    counts[name] = int(
                        session.execute(select(func.count()).select_from(model)).scalar_one()
                    )
            revision = migrate.current_revision(unlocked.engine)
        finally:
            if owned:
                unlocked.close()
        _, head = migrate.known_revisions()
        ok = (
            checks["integrity_check"] == ["ok"]
            and checks["cipher_integrity_check"] == []
            and checks["fts_ok"]
            and revision == head
        )
        return DoctorReport(
            path=self.path,
            ok=ok,
            size_bytes=self.path.stat().st_size,
            schema_revision=revision,
            schema_head=head,
            kdf=header.wrap("passphrase").kdf.to_dict() | {"salt": "(hidden)"},
            recovery_kdf=header.wrap("recovery").kdf.name,
            header_version=hdr.VERSION,
            cipher_version=checks["cipher_version"],
            integrity_check=checks["integrity_check"],
            cipher_integrity_check=checks["cipher_integrity_check"],
            fts_ok=checks["fts_ok"],
            counts=counts,
        )


def _import_store() -> None:
    import afterword.store.migrate  # noqa: F401
    import afterword.store.sqlite  # noqa: F401


def _warm_up_store_imports() -> threading.Thread | None:
    """Import SQLAlchemy and the store in a thread while Argon2 (which releases the GIL) derives
    the key: a cold ``afterword search`` starts about a quarter of a second sooner."""
    import sys

    if "afterword.store.sqlite" in sys.modules:
        return None
    thread = threading.Thread(target=_import_store, name="afterword-warm-up", daemon=True)
    thread.start()
    return thread


def _check_new_passphrase(passphrase: str) -> None:
    if not passphrase or not passphrase.strip():
        raise InvalidInput(msg("journal.empty_passphrase"))
