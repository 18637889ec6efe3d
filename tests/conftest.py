"""Shared fixtures. Fakes only for what is outside the project (clock, passphrase prompt)."""

from __future__ import annotations

import os

import pytest

# Keep Argon2 fast in tests; the real defaults are exercised by their own test and the benchmark.
os.environ.setdefault("AFTERWORD_KDF_MEMORY_KIB", "8192")
os.environ.setdefault("AFTERWORD_KDF_TIME_COST", "1")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Never touch the real user data folder from a test."""
    monkeypatch.setenv("AFTERWORD_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("AFTERWORD_JOURNAL", raising=False)
    monkeypatch.delenv("AFTERWORD_PASSPHRASE", raising=False)
