"""Keep entry text out of the server's logs.

Search terms travel in query strings (``/search?q=...``), so the access log keeps the path and
drops the query. Our own log lines name routes and error types, never bodies or messages.
"""

from __future__ import annotations

import logging


class DropQueryStrings(logging.Filter):
    """Rewrite uvicorn access records (client, method, path, version, status) without queries."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            path = args[2].split("?", 1)[0]
            record.args = (*args[:2], path, *args[3:])
        return True


_FILTER = DropQueryStrings()


def install() -> None:
    """Attach the filter to uvicorn's access logger (idempotent)."""
    access = logging.getLogger("uvicorn.access")
    if _FILTER not in access.filters:
        access.addFilter(_FILTER)
