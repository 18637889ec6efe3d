"""The one catalogue of user-facing text.

Every string a person reads (CLI, web, API errors, flows, reports) comes from here, so tone can
be reviewed in one place. Each area keeps its entries in its own module (``messages/journal.py``,
``messages/reflect.py``...) as a ``MESSAGES`` dict; keys are namespaced by area ("journal.*").
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from functools import cache

AREAS = ("common", "journal", "analysis", "reflect", "web", "progress")


class MissingMessage(KeyError):
    """A key that the catalogue does not hold: a bug, never a user error."""


@cache
def catalogue() -> Mapping[str, str]:
    merged: dict[str, str] = {}
    for area in AREAS:
        module = importlib.import_module(f"afterword.messages.{area}")
        for key, text in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key defined twice: {key}")
            merged[key] = text
    return merged


def msg(key: str, /, **values: object) -> str:
    """The text for ``key``, with ``{placeholders}`` filled from ``values``."""
    try:
        text = catalogue()[key]
    except KeyError:
        raise MissingMessage(key) from None
    return text.format(**values) if values else text


def has(key: str) -> bool:
    return key in catalogue()
