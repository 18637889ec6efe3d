"""Server logs never contain entry text: access lines lose their query strings."""

from __future__ import annotations

import logging

import httpx
from tests.web.conftest import PASSPHRASE

from afterword.web.logs import DropQueryStrings

SECRET = "Zanzibarquietword"


def test_access_filter_drops_query_strings():
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1,
                               '%s - "%s %s HTTP/%s" %d', ("127.0.0.1:5", "GET",
                                                           f"/search?q={SECRET}", "1.1", 200),
                               None)
    DropQueryStrings().filter(record)
    assert SECRET not in record.getMessage()
    assert "/search" in record.getMessage()


def test_captured_server_logs_hold_no_entry_text(live_server, caplog):
    loggers = [logging.getLogger(name) for name in
               ("uvicorn", "uvicorn.error", "uvicorn.access", "afterword", "afterword.web")]
    for logger in loggers:
        logger.addHandler(caplog.handler)
    caplog.set_level(logging.DEBUG)
    try:
        with httpx.Client(base_url=live_server.url) as client:
            client.get("/create")
            token = live_server.app.state.gate.session(client.cookies.get("afterword_session"))
            client.post("/create", data={"passphrase": PASSPHRASE, "confirm": PASSPHRASE,
                                         "csrf_token": token.csrf})
            client.post("/entries", data={"body": f"I wrote {SECRET} tonight.",
                                          "title": SECRET, "tags": SECRET,
                                          "csrf_token": token.csrf})
            client.get(f"/search?q={SECRET}")
            client.get(f"/timeline?tag={SECRET}")
            client.post("/entries", data={"body": SECRET, "mood": SECRET,
                                          "csrf_token": token.csrf})
            client.post("/api/v1/entries", json={"body": SECRET, "mood": 99},
                        headers={"X-CSRF-Token": token.csrf})
            client.post("/api/v1/session", json={"passphrase": SECRET})
    finally:
        for logger in loggers:
            logger.removeHandler(caplog.handler)
    server = ("uvicorn", "afterword")  # the test's own HTTP client logs its URLs; not the server's
    messages = [r.getMessage() for r in caplog.records if r.name.startswith(server)]
    assert any("/search" in m for m in messages), "the access log was not captured"
    assert not [m for m in messages if SECRET in m]
    assert not [m for m in messages if PASSPHRASE in m]
