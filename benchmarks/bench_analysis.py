"""Analysis speed and memory: bulk entries/s, warm single-entry latency, cold start, peak RSS.

    python benchmarks/bench_analysis.py [--entries 2000]

Entries are about 150 words, assembled from the project's own training sentences (fixed seed).
Targets (issue 3): bulk >= 1000 entries/s on 2 cores; warm p95 <= 20 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_entries(n: int, words: int = 150, seed: int = 7) -> list[str]:
    pool: list[str] = []
    for path in sorted((ROOT / "data" / "training").glob("*.jsonl")):
        pool += [json.loads(line)["text"] for line in path.read_text().splitlines() if line]
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts: list[str] = []
        count = 0
        while count < words:
            s = rng.choice(pool)
            parts.append(s if s.rstrip().endswith((".", "?", "!")) else s + ".")
            count += len(s.split())
        out.append(" ".join(parts))
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--single", type=int, default=300)
    args = parser.parse_args()

    from afterword.analysis import analyze

    entries = make_entries(args.entries)
    mean_words = statistics.mean(len(e.split()) for e in entries)

    t0 = time.perf_counter()
    analyze(["warm up the encoder and heads."])
    load_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    c0 = time.process_time()
    for lo in range(0, len(entries), 256):
        analyze(entries[lo : lo + 256])
    bulk_s = time.perf_counter() - t0
    bulk_cpu_s = time.process_time() - c0

    # The same entries again: the rule scans are worked out by now (scan.py does that on a
    # rule's 16th use or after 20,000 characters, a one-off cost of about half a second that
    # the first pass carries).
    t0 = time.perf_counter()
    c0 = time.process_time()
    for lo in range(0, len(entries), 256):
        analyze(entries[lo : lo + 256])
    steady_s = time.perf_counter() - t0
    steady_cpu_s = time.process_time() - c0

    t0 = time.perf_counter()
    analyze(entries, workers=2)
    bulk2_s = time.perf_counter() - t0

    lat = []
    for text in entries[: args.single]:
        t = time.perf_counter()
        analyze([text])
        lat.append((time.perf_counter() - t) * 1000)
    lat.sort()
    p50 = lat[len(lat) // 2]
    p95 = lat[int(len(lat) * 0.95) - 1]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    cold = []
    for _ in range(3):
        t = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "afterword",
                "analyze",
                "--json",
                "I keep asking myself why he stopped texting.",
            ],
            capture_output=True,
        )
        if done.returncode == 0:
            cold.append(time.perf_counter() - t)
    cold_s = statistics.median(cold) if cold else float("nan")
    child_peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    import os

    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (shared machine)")
    print(f"analysis.load_s            {load_s:.2f}   (encoder + heads, first call in process)")
    print(
        f"analysis.bulk_entries_per_s {len(entries) / bulk_s:.0f}   ({len(entries)} entries, "
        f"mean {mean_words:.0f} words, one process; target >= 1000)"
    )
    print(
        f"analysis.bulk_entries_per_cpu_s {len(entries) / bulk_cpu_s:.0f}   (the same run per "
        "second of this process's CPU time: steadier than wall time on a busy shared machine)"
    )
    print(
        f"analysis.bulk_steady_entries_per_s {len(entries) / steady_s:.0f}   (the same entries "
        f"again, one process, rule scans already worked out; per CPU second "
        f"{len(entries) / steady_cpu_s:.0f})"
    )
    print(
        f"analysis.bulk_2workers_per_s {len(entries) / bulk2_s:.0f}   (analyze(texts, workers=2))"
    )
    print(f"analysis.single_p50_ms      {p50:.1f}")
    print(f"analysis.single_p95_ms      {p95:.1f}   (target <= 20)")
    print(
        f"analysis.cold_start_s       {cold_s:.2f}   (`afterword analyze --json` "
        "on one sentence, median of 3)"
    )
    print(f"analysis.peak_rss_mb        {peak_mb:.0f}   (this process, after bulk)")
    print(f"analysis.cold_peak_rss_mb   {child_peak_mb:.0f}   (the CLI process)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
