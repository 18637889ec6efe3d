"""Helpers shared by the journal-core tests: a fake clock and an opened vault."""

from __future__ import annotations

import os
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from afterword import bootstrap, config

PASS = "correct horse battery staple"
SRC = str(Path(__file__).resolve().parents[1] / "src")


class FakeClock:
    """Moves one second forward on each call, in a fixed +02:00 zone."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2024, 5, 1, 21, 30, tzinfo=timezone(timedelta(hours=2)))

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def services(path: Path, clock: FakeClock | None = None, **settings):
    return bootstrap.build(config.load(journal=path, **settings), clock or FakeClock())


def subprocess_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    env["AFTERWORD_ANALYZE_ON_SAVE"] = "0"  # these processes test storage, not the models
    env.update(extra)
    return env


PYTHON = sys.executable
