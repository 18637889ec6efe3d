"""Who may use the journal right now: browser sessions, API tokens, and the auto-lock.

The app holds at most one unlocked journal (the local app serves one person and one file). Each
browser gets a session id in a cookie and a CSRF token even before it unlocks; unlocking marks
that session (or a new API token) as allowed in. Locking, by hand, by quick exit or after
``auto_lock_minutes`` of inactivity, drops the unlocked journal and every session's access, so the
key no longer sits in memory.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from afterword.errors import Locked, WrongPassphrase

if TYPE_CHECKING:
    from afterword.web.backoff import UnlockBackoff

Clock = Callable[[], float]

_MAX_SESSIONS = 256  # anonymous sessions are cheap, but never let them grow without bound


@dataclass
class BrowserSession:
    sid: str
    csrf: str
    authenticated: bool = False


class Gate:
    """The one place that unlocks, locks and checks access."""

    def __init__(self, services: Any, *, auto_lock_minutes: int, clock: Clock = time.monotonic,
                 backoff: UnlockBackoff | None = None):
        self._services = services
        self._backoff = backoff  # the pause after wrong passphrases (None: Argon2id alone)
        self._clock = clock
        self._guard = threading.RLock()
        self._unlocked: Any = None
        self._sessions: OrderedDict[str, BrowserSession] = OrderedDict()
        self._tokens: set[str] = set()
        self._last_activity = clock()
        self.auto_lock_seconds = auto_lock_minutes * 60
        self._cache: dict[str, Any] = {}

    # -- browser sessions -------------------------------------------------------------------
    def session(self, sid: str | None) -> BrowserSession:
        """The session for this cookie value, or a fresh one when it is unknown."""
        with self._guard:
            if sid and sid in self._sessions:
                self._sessions.move_to_end(sid)
                return self._sessions[sid]
            new = BrowserSession(sid=secrets.token_urlsafe(32), csrf=secrets.token_urlsafe(32))
            self._sessions[new.sid] = new
            while len(self._sessions) > _MAX_SESSIONS:
                self._sessions.popitem(last=False)
            return new

    def issue_token(self) -> str:
        with self._guard:
            token = secrets.token_urlsafe(32)
            self._tokens.add(token)
            return token

    def token_valid(self, token: str) -> bool:
        with self._guard:
            return any(secrets.compare_digest(token, known) for known in self._tokens)

    def revoke_token(self, token: str) -> None:
        with self._guard:
            self._tokens.discard(token)

    # -- the journal --------------------------------------------------------------------------
    @property
    def is_unlocked(self) -> bool:
        self.expire_if_idle()
        return self._unlocked is not None

    def journal_exists(self) -> bool:
        return bool(self._services.vault.exists())

    def create(self, passphrase: str) -> str:
        """Create the journal; returns the recovery key (shown once)."""
        with self._guard:
            created = self._services.vault.create(passphrase)
            self._unlocked = self._services.vault.unlock(passphrase)
            self._last_activity = self._clock()
            return str(created.recovery_key)

    def unlock(self, passphrase: str) -> Any:
        """Open the journal (or check the passphrase when it is open already). While the pause
        after wrong passphrases lasts, TooManyAttempts, and no key is derived."""
        with self._guard, self._attempt():
            return self._open(passphrase)

    @contextmanager
    def _attempt(self) -> Iterator[None]:
        """One passphrase or recovery-key try, counted by the backoff."""
        if self._backoff is None:
            yield
            return
        self._backoff.check()
        try:
            yield
        except WrongPassphrase:
            self._backoff.failed()
            raise
        self._backoff.succeeded()

    def _open(self, passphrase: str) -> Any:
        with self._guard:
            if self._unlocked is None:
                self._unlocked = self._services.vault.unlock(passphrase)
            else:
                # Already open for someone: the passphrase must still be right for a new session.
                self._services.vault.unlock(passphrase).close()
            self._last_activity = self._clock()
            return self._unlocked

    def recover(self, recovery_key: str, new_passphrase: str) -> Any:
        """Set a new passphrase with the recovery key, then unlock with it."""
        with self._guard:
            with self._attempt():
                self._services.vault.reset_passphrase_with_recovery_key(recovery_key,
                                                                        new_passphrase)
            return self._open(new_passphrase)

    def lock(self) -> None:
        with self._guard:
            unlocked, self._unlocked = self._unlocked, None
            for session in self._sessions.values():
                session.authenticated = False
            self._tokens.clear()
            self._cache.clear()
            if unlocked is not None:
                close = getattr(unlocked, "close", None) or getattr(unlocked, "lock", None)
                if close is not None:
                    close()

    def expire_if_idle(self) -> bool:
        """Lock when nobody has used the journal for the auto-lock delay. True if it locked."""
        with self._guard:
            if self._unlocked is None:
                return False
            if self._clock() - self._last_activity >= self.auto_lock_seconds:
                self.lock()
                return True
            return False

    def seconds_left(self) -> float:
        with self._guard:
            return max(0.0, self.auto_lock_seconds - (self._clock() - self._last_activity))

    def journal(self) -> Any:
        """The unlocked journal's services, counting this as activity; Locked when closed."""
        with self._guard:
            self.expire_if_idle()
            if self._unlocked is None:
                raise Locked()
            self._last_activity = self._clock()
            return self._unlocked

    def cached(self, name: str, factory: Callable[[], Any]) -> Any:
        """A service built once per unlock (e.g. the reflection engine); dropped on lock."""
        with self._guard:
            if name not in self._cache:
                self._cache[name] = factory()
            return self._cache[name]

    def forget(self, name: str) -> None:
        with self._guard:
            self._cache.pop(name, None)

    def peek(self) -> Any:
        """The unlocked journal's services without counting activity (background work)."""
        with self._guard:
            if self._unlocked is None:
                raise Locked()
            return self._unlocked
