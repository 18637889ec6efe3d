"""`afterword serve`: starts on loopback, creates-or-unlocks through the browser pages."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import httpx
from tests.web.conftest import _free_port


def test_serve_help_lists_its_options():
    out = subprocess.run([sys.executable, "-m", "afterword", "serve", "--help"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0
    for option in ("--host", "--port", "--no-browser"):
        assert option in out.stdout


def test_serve_runs_on_loopback_and_sends_a_new_person_to_create(tmp_path):
    port = _free_port()
    env = {**os.environ, "AFTERWORD_HOME": str(tmp_path / "home")}
    proc = subprocess.Popen([sys.executable, "-m", "afterword", "serve", "--no-browser",
                             "--port", str(port)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, "serve did not start"
            time.sleep(0.2)
        first = httpx.get(f"{url}/", follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"] == "/create"
        foreign = httpx.get(f"{url}/", headers={"Host": "evil.example"})
        assert foreign.status_code == 400
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            _, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
    assert f"http://127.0.0.1:{port}/" in err
    assert not (tmp_path / "home" / "journal.afw").exists()  # nothing made until asked


def test_serve_on_a_busy_port_says_so(tmp_path):
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        env = {**os.environ, "AFTERWORD_HOME": str(tmp_path / "home")}
        out = subprocess.run([sys.executable, "-m", "afterword", "serve", "--no-browser",
                              "--port", str(port)], env=env, capture_output=True, text=True,
                             timeout=60)
    assert out.returncode == 7
    assert f"Port {port} is already in use" in out.stderr
