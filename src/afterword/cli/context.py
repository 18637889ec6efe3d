"""What every command shares: the global options, passphrase sources, output helpers."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass
class CliContext:
    journal: Path | None = None
    passphrase_file: Path | None = None


def error(text: str) -> None:
    """A message for the person, on stderr (data goes to stdout)."""
    print(text, file=sys.stderr)


def info(text: str) -> None:
    print(text, file=sys.stderr)
