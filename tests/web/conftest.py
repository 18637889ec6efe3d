"""Fixtures for the web tests: a real encrypted journal, the app in-process, a fake clock."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from afterword import bootstrap, config
from afterword.web.app import create_app

BASE_URL = "http://127.0.0.1:8765"
PASSPHRASE = "correct horse battery"


class FakeClock:
    """Monotonic seconds that only move when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Web:
    app: Any
    client: TestClient
    clock: FakeClock

    def csrf(self, page: str = "/unlock") -> str:
        """The CSRF token this browser's pages carry."""
        html = self.client.get(page, follow_redirects=True).text
        match = re.search(r'name="csrf_token" value="([^"]+)"', html)
        assert match, "no CSRF token on the page"
        return match.group(1)

    def post(self, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        payload = {"csrf_token": self.csrf_token, **(data or {})}
        return self.client.post(url, data=payload, **kwargs)

    @property
    def csrf_token(self) -> str:
        return self.app.state.gate.session(self.client.cookies.get("afterword_session")).csrf

    def new_browser(self) -> TestClient:
        return TestClient(self.app, base_url=BASE_URL)


def _settings(tmp_path: Any) -> Any:
    return config.load(journal=tmp_path / "journal.afw")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def web(tmp_path: Any, clock: FakeClock) -> Iterator[Web]:
    """The app over a journal that does not exist yet."""
    settings = _settings(tmp_path)
    app = create_app(bootstrap.build(settings), settings, clock=clock)
    with TestClient(app, base_url=BASE_URL) as client:
        client.get("/")
        yield Web(app, client, clock)


@pytest.fixture
def unlocked_web(web: Web) -> Web:
    """The app with a journal created and this browser signed in."""
    response = web.post("/create", {"passphrase": PASSPHRASE, "confirm": PASSPHRASE})
    assert response.status_code == 201
    return web


@pytest.fixture
def api(web: Web) -> Iterator[tuple[TestClient, dict[str, str]]]:
    """A cookie-less API client holding a bearer token for a new journal."""
    client = TestClient(web.app, base_url=BASE_URL)
    response = client.post("/api/v1/journal", json={"passphrase": PASSPHRASE})
    assert response.status_code == 201, response.text
    yield client, {"Authorization": f"Bearer {response.json()['token']}"}


@dataclass
class LiveServer:
    url: str
    app: Any
    clock: FakeClock


def _free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def live_server(tmp_path: Any, clock: FakeClock) -> Iterator[LiveServer]:
    """The real app under uvicorn on a free loopback port, in a thread, with serve's logging."""
    import threading
    import time

    import uvicorn

    from afterword.web.server import log_config

    port = _free_port()
    settings = config.load(journal=tmp_path / "journal.afw", port=port)
    app = create_app(bootstrap.build(settings), settings, clock=clock)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_config=log_config(), lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield LiveServer(f"http://127.0.0.1:{port}", app, clock)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
