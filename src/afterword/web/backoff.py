"""A pause on unlocking after several wrong passphrases in a row, for this process.

Argon2id makes each guess cost the same as an honest unlock; this adds a growing pause on top,
so a script on the same machine cannot try passphrases as fast as the CPU allows. The first
``free_attempts`` wrong passphrases cost nothing extra. After that, the next attempt is only
tried once ``delay`` seconds have passed since the last wrong one: 1 s, then 2, 4, 8...,
capped at ``max_delay`` seconds. An attempt made while the pause lasts is refused at once
(``TooManyAttempts`` with the seconds left: HTTP 429 with ``Retry-After``) without deriving a
key, and does not lengthen the pause. A right passphrase ends it.

It counts for the whole process, not per browser session (a new session is one request away),
and is kept in memory only: restarting ``afterword serve`` starts it afresh, which is no help to
someone who can already run programs as this user.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable

from afterword.errors import TooManyAttempts

Clock = Callable[[], float]


class UnlockBackoff:
    def __init__(self, *, free_attempts: int, max_delay: float, clock: Clock) -> None:
        self.free_attempts = free_attempts
        self.max_delay = max_delay
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._last_failure = 0.0

    @property
    def failures(self) -> int:
        """Wrong passphrases in a row since the last right one."""
        return self._failures

    def delay(self) -> float:
        """Seconds an attempt must wait after the last wrong one (0: no pause)."""
        over = self._failures - self.free_attempts
        if over < 0:
            return 0.0
        return float(min(self.max_delay, 2.0 ** over))

    def seconds_left(self) -> float:
        with self._lock:
            return max(0.0, self._last_failure + self.delay() - self._clock())

    def check(self) -> None:
        """Raise TooManyAttempts (whole seconds left, at least 1) while the pause lasts."""
        left = self.seconds_left()
        if left > 0:
            raise TooManyAttempts(retry_after=max(1, math.ceil(left)))

    def failed(self) -> None:
        with self._lock:
            self._failures += 1
            self._last_failure = self._clock()

    def succeeded(self) -> None:
        with self._lock:
            self._failures = 0
