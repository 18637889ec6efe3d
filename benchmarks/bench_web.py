"""Web benchmark: timeline, search and save-with-analysis, server time, with 10,000 entries.

Builds a deterministic journal once into benchmarks/.work/web/ (git-ignored) through the real
import path, then drives the app in-process (FastAPI's TestClient, so the numbers are the app's
own time: routing, security middleware, services, SQLCipher, templates; no network). Prints
p50/p95 in milliseconds against the targets (timeline and search p95 <= 50 ms, save with
analysis p95 <= 100 ms). Not a test.

    python benchmarks/bench_web.py [--entries N] [--rounds N] [--rebuild]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
WORK = HERE / ".work" / "web"
PASSPHRASE = "web benchmark passphrase, not a secret"
HOST = "127.0.0.1:8765"

SENTENCES = [
    "We met at a party and went home together.", "He probably thinks I am easy.",
    "I always ruin everything.", "Why did I let this happen?", "I felt empty the next day.",
    "She never texted back.", "I hoped it meant something more.", "I went for a long walk.",
    "My friend made me dinner and we talked for hours.", "I slept badly again.",
    "Work was busy and that helped.", "I keep checking his profile.",
    "I want to be with someone who cares about me.", "Today felt a little lighter.",
    "I should have known better.", "Nobody will ever want me.", "I laughed at a film tonight.",
    "I said what I wanted, out loud, for once.", "The rain was loud on the window.",
    "I wrote down what I need from the next person.",
]


def build(path: Path, n: int) -> None:
    from afterword import bootstrap, config
    from afterword.domain.entries import new_entry
    from afterword.services.formats import ImportBatch

    rng = random.Random(5)
    settings = config.load(journal=path)
    services = bootstrap.build(settings)
    services.vault.create(PASSPHRASE)
    start = datetime(2020, 1, 1, 9, 0, tzinfo=UTC)
    entries = []
    for i in range(n):
        body = " ".join(rng.choices(SENTENCES, k=rng.randint(6, 14)))
        entries.append(new_entry(
            body=body, uid=f"web-bench-{i}", created_at=start + timedelta(hours=3 * i),
            title=None, mood=rng.randint(-2, 2), tags=rng.sample(["night", "work", "friends",
                                                                  "walks", "sleep"], 1),
        ))
    with services.vault.unlock(PASSPHRASE) as unlocked:
        unlocked.exchange.import_batch(ImportBatch(format="afterword", entries=entries,
                                                   entry_episode_keys=[None] * n))


def timed(fn, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def report(name: str, samples: list[float], target: float) -> bool:
    samples = sorted(samples)
    p50 = statistics.median(samples)
    p95 = samples[max(0, int(round(0.95 * len(samples))) - 1)]
    ok = p95 <= target
    print(f"{name:<34} n={len(samples):<4} p50={p50:7.1f} ms  p95={p95:7.1f} ms  "
          f"target p95<={target:.0f} ms  {'OK' if ok else 'OVER'}", flush=True)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from afterword import bootstrap, config
    from afterword.web.app import create_app

    path = WORK / f"journal-{args.entries}.afw"
    if args.rebuild:
        for old in WORK.glob(f"journal-{args.entries}.afw*"):
            old.unlink()
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        build(path, args.entries)
        print(f"built {args.entries} entries in {time.perf_counter() - started:.1f} s")

    settings = config.load(journal=path, auto_lock_minutes=240)
    app = create_app(bootstrap.build(settings), settings)
    client = TestClient(app, base_url=f"http://{HOST}")
    page = client.get("/unlock")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    started = time.perf_counter()
    assert client.post("/unlock", data={"passphrase": PASSPHRASE, "csrf_token": csrf},
                       follow_redirects=False).status_code == 303
    print(f"unlock (Argon2id, default cost): {time.perf_counter() - started:.2f} s")
    headers = {"X-CSRF-Token": csrf}
    rng = random.Random(9)

    def get(url: str):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    # Warm-up: templates compiled, SQLite cache, the analysis model loaded.
    get("/timeline")
    get("/search?q=party")
    client.post("/entries", data={"body": "warm up"}, headers=headers)

    results = []
    results.append(report("timeline, first page", timed(lambda: get("/timeline"), args.rounds),
                          50))
    results.append(report("timeline, random page + filter", timed(
        lambda: get(f"/timeline?page={rng.randint(1, 60)}&tag="
                    f"{rng.choice(['night', 'work', 'friends'])}&mood={rng.randint(-2, 2)}"),
        args.rounds), 50))
    words = ["party", "walk", "dinner", "rain", "profile", "\"long walk\"", "empt*", "texted"]
    results.append(report("search, one word", timed(
        lambda: get(f"/search?q={rng.choice(words)}"), args.rounds), 50))
    results.append(report("search, two words + page 2", timed(
        lambda: get("/search?q=went+home&page=2"), args.rounds), 50))
    results.append(report("API list entries", timed(
        lambda: client.get("/api/v1/entries?limit=20", headers=headers), args.rounds), 50))

    def save() -> None:
        body = " ".join(rng.choices(SENTENCES, k=rng.randint(4, 10)))
        response = client.post("/entries", data={"body": body, "mood": "0"}, headers=headers,
                               follow_redirects=False)
        assert response.status_code == 303, response.status_code

    results.append(report("save entry (analysis included)", timed(save, args.rounds), 100))
    unlocked = app.state.gate.peek()
    latest = unlocked.journal.list(None, limit=1, offset=0)[0]
    assert unlocked.journal.analysis_for(latest.id) is not None, "saved entries are analysed"
    results.append(report("entry page with analysis", timed(
        lambda: get(f"/entries/{latest.id}"), args.rounds), 50))
    print("all targets met" if all(results) else "some targets missed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
