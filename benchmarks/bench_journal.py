"""Journal core benchmark: start-up, search, list, import, and end-to-end search beside jrnl.

Builds a deterministic synthetic journal once into benchmarks/.work/ (git-ignored):
100,000 entries of about 150 words with a Zipf-like vocabulary, imported through the real
import path into a vault with the default Argon2id cost. Then prints numbers. Not a test.

    python benchmarks/bench_journal.py [--entries N] [--rebuild] [--no-jrnl]

jrnl 4.6 is installed into /tmp/jrnl-venv for the comparison when pip can reach it; if not,
that part is skipped with a note.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / ".work"
PASSPHRASE = "benchmark passphrase, not a secret"
CORPUS_VERSION = 2
JRNL_VENV = Path("/tmp/jrnl-venv")
VOCAB_SIZE = 30000


def vocabulary(rng: random.Random) -> list[str]:
    onsets = ["b", "br", "c", "ch", "d", "f", "g", "gr", "h", "j", "k", "l", "m", "n", "p",
              "pl", "r", "s", "sh", "st", "t", "th", "tr", "v", "w", "z"]
    vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"]
    codas = ["", "n", "r", "s", "l", "nd", "st", "m", "t", "ck"]
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < VOCAB_SIZE:
        word = "".join(rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas)
                       for _ in range(rng.choice((1, 2, 2, 3))))
        if word not in seen and len(word) > 2:
            seen.add(word)
            words.append(word)
    return words


def corpus(n: int) -> tuple[list[dict], list[str]]:
    """``n`` entries (deterministic) and the vocabulary ordered by frequency rank."""
    rng = random.Random(20240501)
    vocab = vocabulary(rng)
    cum: list[float] = []
    total = 0.0
    for rank in range(1, len(vocab) + 1):
        total += 1.0 / rank
        cum.append(total)
    tags = [f"tag{i}" for i in range(20)]
    start = datetime(2015, 1, 1, 8, 0, tzinfo=UTC)
    entries = []
    for i in range(n):
        words = rng.choices(vocab, cum_weights=cum, k=rng.randint(130, 170))
        sentences = []
        pos = 0
        while pos < len(words):
            size = rng.randint(6, 16)
            chunk = words[pos:pos + size]
            sentences.append(" ".join(chunk).capitalize() + ".")
            pos += size
        entries.append({
            "uid": f"bench-{i}",
            "title": None,
            "body": " ".join(sentences),
            "created_at": (start + timedelta(minutes=53 * i)).isoformat(),
            "mood": rng.randint(-2, 2),
            "tags": rng.sample(tags, rng.randint(0, 2)),
            "people": [],
        })
    return entries, vocab


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def afterword_cmd() -> list[str]:
    script = Path(sys.executable).with_name("afterword")
    return [str(script)] if script.exists() else [sys.executable, "-m", "afterword"]


def bench_help(runs: int = 15) -> dict:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([*afterword_cmd(), "--help"], check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return {"median_s": statistics.median(times), "min_s": min(times), "max_s": max(times)}


def settings_for(path: Path):
    from afterword import config

    # the registry's default cost, whatever the environment says (tests set a cheap one)
    defaults = {s.name: s.default for s in config.SETTINGS if s.name.startswith("kdf_")}
    return config.load(journal=path, **defaults)


def build(n: int, rebuild: bool) -> dict:
    from afterword import bootstrap

    WORK.mkdir(parents=True, exist_ok=True)
    info_path = WORK / "build.json"
    vault = WORK / "bench.afw"
    if not rebuild and info_path.exists() and vault.exists():
        info = json.loads(info_path.read_text())
        if info.get("entries") == n and info.get("version") == CORPUS_VERSION:
            print(f"reusing the journal built earlier ({n} entries) in {WORK}")
            return info
    for leftover in WORK.glob("bench.afw*"):
        leftover.unlink()
    print(f"building {n} synthetic entries ...", flush=True)
    started = time.perf_counter()
    entries, vocab = corpus(n)
    doc = {"format": "afterword-export", "version": 1, "people": [], "episodes": [],
           "entries": entries}
    export = WORK / "corpus.json"
    export.write_text(json.dumps(doc, ensure_ascii=False))
    (WORK / "vocab.json").write_text(json.dumps(vocab))
    write_jrnl_text(entries)
    generated = time.perf_counter() - started
    words = sum(len(e["body"].split()) for e in entries)
    services = bootstrap.build(settings_for(vault))
    created = services.vault.create(PASSPHRASE)
    with services.vault.unlock(PASSPHRASE) as unlocked:
        started = time.perf_counter()
        report = unlocked.exchange.import_file(export)
        seconds = time.perf_counter() - started
    assert report.imported == n, report
    info = {
        "version": CORPUS_VERSION,
        "entries": n,
        "avg_words": words / n,
        "generate_s": generated,
        "import_s": seconds,
        "import_rate": n / seconds,
        "file_mb": export.stat().st_size / 1e6,
        "vault_mb": vault.stat().st_size / 1e6,
        "create_unlock_s": created.unlock_seconds,
    }
    info_path.write_text(json.dumps(info, indent=1))
    return info


def write_jrnl_text(entries: list[dict]) -> None:
    folder = WORK / "jrnl"
    folder.mkdir(exist_ok=True)
    with open(folder / "journal.txt", "w", encoding="utf-8") as out:
        for e in entries:
            when = datetime.fromisoformat(e["created_at"]).strftime("%Y-%m-%d %H:%M")
            out.write(f"[{when}] {e['body']}\n\n")
    (folder / "journal.enc").unlink(missing_ok=True)


def bench_import(n: int = 20000) -> dict:
    """Import rate on a fresh vault: the first ``n`` entries of the corpus, through the real
    import path (read, validate, one transaction)."""
    import tempfile

    from afterword import bootstrap, config

    sample = WORK / f"corpus-{n}.json"
    if not sample.exists():
        doc = json.loads((WORK / "corpus.json").read_text())
        doc["entries"] = doc["entries"][:n]
        sample.write_text(json.dumps(doc, ensure_ascii=False))
    with tempfile.TemporaryDirectory(dir=WORK) as folder:
        services = bootstrap.build(config.load(journal=Path(folder) / "i.afw",
                                               kdf_memory_kib=8192, kdf_time_cost=1))
        services.vault.create(PASSPHRASE)
        with services.vault.unlock(PASSPHRASE) as unlocked:
            started = time.perf_counter()
            report = unlocked.exchange.import_file(sample)
            seconds = time.perf_counter() - started
    return {"entries": report.imported, "seconds": seconds, "rate": report.imported / seconds}


def selective_queries(vocab: list[str], rng: random.Random) -> list[str]:
    words = [vocab[i] for i in rng.sample(range(3000, 20000), 40)]
    prefixes = [w[:-1] + "*" for w in (vocab[i] for i in rng.sample(range(5000, 20000), 10))
                if len(w) > 5]
    phrases = [f'"{vocab[i]} {vocab[j]}"' for i, j in zip(range(50, 60), range(60, 70),
                                                         strict=True)]
    return words + prefixes + phrases


def bench_in_process(info: dict) -> dict:
    from afterword import bootstrap

    vocab = json.loads((WORK / "vocab.json").read_text())
    services = bootstrap.build(settings_for(WORK / "bench.afw"))
    started = time.perf_counter()
    unlocked = services.vault.unlock(PASSPHRASE)
    unlock_s = time.perf_counter() - started
    rng = random.Random(7)
    queries = selective_queries(vocab, rng)
    with unlocked:
        for q in queries:  # warm the page cache once, as a person's second search would be
            unlocked.journal.search(q)
        times, hits = [], []
        for q in queries:
            t = time.perf_counter()
            found = unlocked.journal.search(q)
            times.append(time.perf_counter() - t)
            hits.append(unlocked.journal.count() if False else len(found))
        from afterword.domain.entries import EntryFilter

        filtered_search = []
        for n, q in enumerate(queries):
            f = EntryFilter(tag=f"tag{n % 20}", mood_min=-1)
            t = time.perf_counter()
            unlocked.journal.search(q, f)
            filtered_search.append(time.perf_counter() - t)
        match_counts = []
        for q in queries[:10]:
            match_counts.append(len(unlocked.journal.search(q, limit=1000)))
        t = time.perf_counter()
        common = unlocked.journal.search(vocab[0])
        common_s = time.perf_counter() - t
        list_times = []
        for _ in range(50):
            t = time.perf_counter()
            latest = unlocked.journal.list(limit=20)
            list_times.append(time.perf_counter() - t)
        assert len(latest) == 20
        filtered = []
        for tag in range(10):
            t = time.perf_counter()
            unlocked.journal.list(EntryFilter(tag=f"tag{tag}", mood_min=1), limit=20)
            filtered.append(time.perf_counter() - t)
    return {
        "unlock_s": unlock_s,
        "queries": len(queries),
        "search_p50_s": percentile(times, 50),
        "search_p95_s": percentile(times, 95),
        "search_max_s": max(times),
        "matches_median": statistics.median(match_counts),
        "search_filtered_p95_s": percentile(filtered_search, 95),
        "common_word_s": common_s,
        "common_hits": len(common),
        "list20_p50_s": percentile(list_times, 50),
        "list20_p95_s": percentile(list_times, 95),
        "list20_filtered_p95_s": percentile(filtered, 95),
    }


def e2e_word() -> str:
    vocab = json.loads((WORK / "vocab.json").read_text())
    return vocab[8000]


def bench_e2e_afterword(word: str, runs: int = 5) -> dict:
    env = dict(os.environ, AFTERWORD_PASSPHRASE=PASSPHRASE)
    times, lines = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        result = subprocess.run([*afterword_cmd(), "--journal", str(WORK / "bench.afw"),
                                 "search", word, "--limit", "1000"],
                                env=env, capture_output=True, text=True, check=True)
        times.append(time.perf_counter() - t)
        lines = len(result.stdout.splitlines())
    return {"median_s": statistics.median(times), "min_s": min(times), "results": lines}


def jrnl_available() -> Path | None:
    jrnl = JRNL_VENV / "bin" / "jrnl"
    if jrnl.exists():
        return jrnl
    try:
        subprocess.run([sys.executable, "-m", "venv", str(JRNL_VENV)], check=True, timeout=120)
        subprocess.run([str(JRNL_VENV / "bin" / "pip"), "install", "-q", "jrnl==4.6"],
                       check=True, timeout=600, capture_output=True)
    except (subprocess.SubprocessError, OSError) as exc:
        print(f"jrnl could not be installed ({exc.__class__.__name__}); skipping it")
        return None
    return jrnl if jrnl.exists() else None


ENCRYPT_WITH_JRNL = """
import sys
from jrnl.encryption import determine_encryption_method_for_writing
cls = determine_encryption_method_for_writing(True)
enc = cls("default", {"encrypt": True})
enc.password = sys.argv[3]
text = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "wb").write(enc.encrypt(text))
print(cls.__name__)
"""


def jrnl_setup(jrnl: Path) -> Path:
    folder = WORK / "jrnl"
    enc = folder / "journal.enc"
    config = folder / "jrnl.yaml"
    if not enc.exists():
        python = jrnl.with_name("python")
        method = subprocess.run([str(python), "-c", ENCRYPT_WITH_JRNL, str(folder / "journal.txt"),
                                 str(enc), PASSPHRASE], check=True, capture_output=True,
                                text=True).stdout.strip()
        print(f"jrnl journal encrypted with jrnl's own {method}")
    # YAML (jrnl treats a JSON config as one from jrnl 1.x and asks to upgrade it)
    config.write_text(
        "version: v4.6\n"
        "journals:\n"
        f"  default:\n    journal: {enc}\n    encrypt: true\n"
        "editor: ''\nencrypt: true\ntemplate: false\ndefault_hour: 9\ndefault_minute: 0\n"
        "timeformat: '%Y-%m-%d %H:%M'\ntagsymbols: '#@'\nhighlight: false\nlinewrap: 79\n"
        "indent_character: '|'\n"
        "colors:\n  body: none\n  date: none\n  tags: none\n  title: none\n"
    )
    return config


def bench_e2e_jrnl(jrnl: Path, config: Path, word: str, runs: int = 3) -> dict:
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    times, found = [], ""
    for _ in range(runs):
        t = time.perf_counter()
        # a new session has no terminal, so jrnl's password prompt reads stdin
        result = subprocess.run([str(jrnl), "--config-file", str(config), "-contains", word],
                                input=PASSPHRASE + "\n", capture_output=True, text=True,
                                env=env, start_new_session=True, timeout=600)
        times.append(time.perf_counter() - t)
        if result.returncode != 0:
            raise RuntimeError(f"jrnl failed: {result.stderr[-500:]}")
        found = next((ln for ln in result.stderr.splitlines() if "found" in ln), "").strip()
    return {"median_s": statistics.median(times), "min_s": min(times), "report": found}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--no-jrnl", action="store_true")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))

    results: dict = {"machine": f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"}
    results["help"] = h = bench_help()
    print(f"afterword --help          median {ms(h['median_s'])} (min {ms(h['min_s'])}, "
          f"max {ms(h['max_s'])})   target <= 150 ms", flush=True)
    results["build"] = b = build(args.entries, args.rebuild)
    print(f"journal                   {b['entries']} entries, {b['avg_words']:.0f} words each "
          f"on average, vault {b['vault_mb']:.0f} MB")
    print(f"import when built         {b['import_rate']:.0f} entries/s "
          f"({b['import_s']:.1f} s for {b['file_mb']:.0f} MB of JSON)   target >= 2000/s",
          flush=True)
    results["import_fresh"] = imp = bench_import(min(20000, args.entries))
    print(f"import into a fresh vault  {imp['rate']:.0f} entries/s ({imp['entries']} entries in "
          f"{imp['seconds']:.1f} s)   target >= 2000/s", flush=True)
    results["in_process"] = p = bench_in_process(b)
    kdf = settings_for(WORK / "bench.afw")
    print(f"unlock (Argon2id {kdf.kdf_memory_kib // 1024} MiB, t={kdf.kdf_time_cost} + open)  "
          f"{ms(p['unlock_s'])}")
    print(f"search, selective ({p['queries']} queries, median {p['matches_median']:.0f} "
          f"matches)  p50 {ms(p['search_p50_s'])}, p95 {ms(p['search_p95_s'])}, "
          f"max {ms(p['search_max_s'])}   target p95 <= 50 ms")
    print(f"search, selective, with tag + mood filters  p95 {ms(p['search_filtered_p95_s'])}")
    print(f"search, the most common word (top 20 of ~all entries)  {ms(p['common_word_s'])}")
    print(f"list latest 20            p50 {ms(p['list20_p50_s'])}, p95 {ms(p['list20_p95_s'])}"
          f"   target <= 20 ms;  with tag+mood filter p95 {ms(p['list20_filtered_p95_s'])}",
          flush=True)
    word = e2e_word()
    results["e2e_afterword"] = a = bench_e2e_afterword(word)
    print(f"afterword search {word!r} end to end (unlock included)  median "
          f"{a['median_s']:.2f} s, {a['results']} results", flush=True)
    if not args.no_jrnl:
        jrnl = jrnl_available()
        if jrnl is not None:
            config = jrnl_setup(jrnl)
            results["e2e_jrnl"] = j = bench_e2e_jrnl(jrnl, config, word)
            print(f"jrnl -contains {word!r} (encrypted, same entries)  median "
                  f"{j['median_s']:.2f} s ({j['report']})")
            print(f"afterword is {j['median_s'] / a['median_s']:.1f}x faster end to end"
                  "   target >= 5x")
    (WORK / "results.json").write_text(json.dumps(results, indent=1))
    print(f"numbers saved to {WORK / 'results.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
