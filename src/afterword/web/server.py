"""Run the app with uvicorn: loopback by default, quiet logs, the browser opened for you."""

from __future__ import annotations

import logging
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path
from typing import Any

from afterword.messages import msg

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def log_config() -> dict[str, Any]:
    """uvicorn's logging, minus anything that could carry entry text (see web/logs.py)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"no_query": {"()": "afterword.web.logs.DropQueryStrings"}},
        "formatters": {
            "plain": {"format": "%(levelname)s %(message)s"},
            "access": {"format": '%(levelname)s %(client_addr)s "%(request_line)s" '
                                 "%(status_code)s"},
        },
        "handlers": {
            "default": {"class": "logging.StreamHandler", "formatter": "plain",
                        "stream": "ext://sys.stderr"},
            "access": {"class": "logging.StreamHandler", "formatter": "plain",
                       "filters": ["no_query"], "stream": "ext://sys.stderr"},
        },
        "loggers": {
            "uvicorn": {"handlers": ["default"], "level": "INFO", "propagate": False},
            "uvicorn.error": {"level": "INFO"},
            "uvicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
            "afterword": {"handlers": ["default"], "level": "INFO", "propagate": False},
        },
    }


def build(journal: Path | None = None, host: str | None = None, port: int | None = None,
          **settings: Any) -> tuple[Any, Any]:
    """Settings and app, as `afterword serve` would make them."""
    from afterword import bootstrap, config
    from afterword.web.app import create_app

    loaded = config.load(journal=journal, host=host, port=port, **settings)
    services = bootstrap.build(loaded)
    return loaded, create_app(services, loaded)


def run(journal: Path | None = None, host: str | None = None, port: int | None = None,
        open_browser: bool | None = None, say: Callable[[str], None] = print) -> None:
    import uvicorn

    settings, app = build(journal=journal, host=host, port=port)
    bind = str(settings.host)
    _check_port_free(bind, int(settings.port))
    if bind not in LOOPBACK:
        say(msg("web.serve.not_local", host=bind))
    url = f"http://{'127.0.0.1' if bind in {'0.0.0.0', '::'} else bind}:{settings.port}/"
    say(msg("web.serve.listening", url=url))
    if settings.open_browser if open_browser is None else open_browser:
        threading.Timer(1.0, _open, args=(url,)).start()
    uvicorn.run(app, host=bind, port=int(settings.port), log_config=log_config(),
                server_header=False, date_header=False)


def _check_port_free(host: str, port: int) -> None:
    """Say plainly that the port is taken (often: Afterword is already open) before uvicorn
    starts and fails with a traceback-like log line."""
    import socket

    from afterword.errors import InvalidInput

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            raise InvalidInput(msg("web.serve.port_busy", port=port)) from None


def _open(url: str) -> None:
    try:
        webbrowser.open(url)
    except Exception:  # no browser is fine: the address was printed
        logging.getLogger("afterword.web").info("no browser to open")
