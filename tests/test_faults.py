"""Faults with real processes: concurrent writers, kill -9 mid-batch and mid-passphrase-change,
and no plaintext at rest anywhere."""

import os
import secrets
import signal
import subprocess
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from afterword.errors import WrongPassphrase
from journal_helpers import PASS, PYTHON, services, subprocess_env

pytestmark = pytest.mark.timeout(120)

WRITER = textwrap.dedent("""\
    import sys
    import time
    from afterword import bootstrap, config
    from afterword.errors import Busy
    path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    services = bootstrap.build(config.load(journal=path))
    busy = 0
    for attempt in range(100):  # opening can meet another process's brief WAL recovery
        try:
            unlocked = services.vault.unlock(sys.argv[4])
            break
        except Busy:
            time.sleep(0.05)
    with unlocked:
        print("ready", flush=True)
        for i in range(count):
            try:
                entry = unlocked.journal.write(f"{tag} entry number {i}", tags=[tag])
            except Busy:
                busy += 1
                continue
            print(entry.id, flush=True)
    print("busy", busy, flush=True)
""")


def start_writer(path, tag, count, passphrase=PASS, **env):
    return subprocess.Popen([PYTHON, "-c", WRITER, str(path), tag, str(count), passphrase],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=subprocess_env(**env))


def check_healthy(path):
    report = services(path).vault.doctor(PASS)
    assert report.integrity_check == ["ok"]
    assert report.cipher_integrity_check == []
    assert report.fts_ok
    return report


@pytest.fixture
def journal(tmp_path):
    path = tmp_path / "j.afw"
    services(path).vault.create(PASS)
    return path


def test_two_processes_writing_at_once(journal):
    a = start_writer(journal, "alpha", 60)
    b = start_writer(journal, "beta", 60)
    results = {}
    for name, proc in (("alpha", a), ("beta", b)):
        out, err = proc.communicate(timeout=90)
        assert proc.returncode == 0, err[-2000:]
        lines = out.split()
        assert lines[0] == "ready"
        results[name] = ([int(x) for x in lines[1:-2]], int(lines[-1]))
    with services(journal).vault.unlock(PASS) as u:
        for name, (ids, busy) in results.items():
            assert len(ids) + busy == 60  # every write either landed or said "busy"
            stored = {e.id: e for e in u.journal.list(limit=1000) if name in e.tags}
            assert set(ids) == set(stored)
    check_healthy(journal)


def test_busy_rather_than_corruption_under_a_tiny_timeout(journal):
    procs = [start_writer(journal, f"w{i}", 40, AFTERWORD_BUSY_TIMEOUT_MS="1") for i in range(3)]
    acknowledged = []
    for proc in procs:
        out, err = proc.communicate(timeout=90)
        assert proc.returncode == 0, err[-2000:]
        acknowledged += [int(x) for x in out.split()[1:-2]]
    with services(journal).vault.unlock(PASS) as u:
        assert {e.id for e in u.journal.list(limit=1000)} == set(acknowledged)
    check_healthy(journal)


def test_kill_9_mid_batch_keeps_every_acknowledged_write(journal):
    proc = start_writer(journal, "batch", 100000)
    assert proc.stdout.readline().strip() == "ready"
    acknowledged = []
    while len(acknowledged) < 40:
        line = proc.stdout.readline()
        assert line, proc.stderr.read()[-2000:]
        acknowledged.append(int(line))
    time.sleep(0.05)  # let it get into the middle of more writes
    os.kill(proc.pid, signal.SIGKILL)
    rest, _ = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    acknowledged += [int(x) for x in rest.split() if x.isdigit()]
    with services(journal).vault.unlock(PASS) as u:
        stored = {e.id: e.body for e in u.journal.list(limit=1000)}
    for entry_id in acknowledged:
        assert entry_id in stored
    assert len(stored) >= len(acknowledged)
    check_healthy(journal)


def test_backup_while_another_process_writes(journal, tmp_path):
    proc = start_writer(journal, "busy", 100000)
    assert proc.stdout.readline().strip() == "ready"
    vault = services(journal).vault
    try:
        counts = []
        for i in range(3):
            proc.stdout.readline()  # the writer is mid-stream
            result = vault.backup(PASS, tmp_path / f"backup-{i}.afw")
            copy = services(result.path)
            report = copy.vault.doctor(PASS)
            assert report.integrity_check == ["ok"] and report.fts_ok
            counts.append(report.counts["entries"])
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=30)
    assert counts == sorted(counts) and counts[-1] > 0
    check_healthy(journal)


IMPORTER = textwrap.dedent("""\
    import sys
    from afterword import bootstrap, config
    services = bootstrap.build(config.load(journal=sys.argv[1]))
    with services.vault.unlock(sys.argv[3]) as unlocked:
        print("ready", flush=True)
        unlocked.exchange.import_file(sys.argv[2])
        print("done", flush=True)
""")


def test_kill_9_during_import_leaves_nothing_half_done(journal, tmp_path):
    import json

    doc = {"tags": {}, "entries": [
        {"date": "2024-01-01", "time": f"{i // 60 % 24:02d}:{i % 60:02d}", "title": f"t{i}",
         "body": "words " * 50 + str(i)} for i in range(20000)]}
    path = tmp_path / "big.json"
    path.write_text(json.dumps(doc))
    proc = subprocess.Popen([PYTHON, "-c", IMPORTER, str(journal), str(path), PASS],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=subprocess_env())
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(1.0)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    with services(journal).vault.unlock(PASS) as u:
        count = u.journal.count()
    assert count in (0, 20000)  # all or nothing, never a part
    check_healthy(journal)


PASSWD_LOOP = textwrap.dedent("""\
    import sys
    from afterword import bootstrap, config
    services = bootstrap.build(config.load(journal=sys.argv[1]))
    current, other = "pass-A", "pass-B"
    print("ready", flush=True)
    while True:
        services.vault.change_passphrase(current, other)
        current, other = other, current
        print(current, flush=True)
""")


def test_kill_9_during_passphrase_change_opens_with_old_or_new(tmp_path):
    path = tmp_path / "j.afw"
    vault = services(path).vault
    vault.create("pass-A")
    rounds = 0
    for delay in (0.05, 0.13, 0.29, 0.41, 0.57):
        proc = subprocess.Popen([PYTHON, "-c", PASSWD_LOOP, str(path)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=subprocess_env())
        assert proc.stdout.readline().strip() == "ready"
        first = proc.stdout.readline().strip()  # one change done: the loop is at full speed
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        rest, _ = proc.communicate(timeout=30)
        acknowledged = [first] + [ln for ln in rest.split() if ln.startswith("pass-")]
        works = []
        for candidate in ("pass-A", "pass-B"):
            try:
                vault.unlock(candidate).close()
                works.append(candidate)
            except WrongPassphrase:
                pass
        assert len(works) == 1  # the header is whole: old or new, never neither
        rounds += len(acknowledged)
        if works[0] == "pass-B":  # leave the loop's starting state for the next round
            vault.change_passphrase("pass-B", "pass-A")
    assert rounds > 0  # the kills did land while changes were going on
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) <= 5  # a killed rename may leave a temp file; it never breaks a vault


def _scan(paths, needle):
    hits = []
    for root in paths:
        root = Path(root)
        files = [root] if root.is_file() else (list(root.rglob("*")) if root.is_dir() else [])
        for f in files:
            try:
                if f.is_file() and not f.is_symlink() and f.stat().st_size < 200_000_000:
                    data = f.read_bytes()
                    if needle in data or needle.decode().encode("utf-16-le") in data:
                        hits.append(str(f))
            except OSError:
                continue
    return hits


def test_no_plaintext_at_rest(tmp_path, monkeypatch):
    from afterword.cli import context

    canary = ("canary" + secrets.token_hex(8)).encode()
    word = canary.decode()
    started = time.time()
    home = tmp_path / "home"
    path = home / "journal.afw"
    s = services(path)
    s.vault.create(PASS)
    unlocked = s.vault.unlock(PASS)
    try:
        ids = [unlocked.journal.write(f"secret {word} number {i}", title=f"{word} title",
                                      tags=[word[:20]], people=[word[:30]]).id
               for i in range(30)]
        assert len(unlocked.journal.search(word, limit=100)) == 30
        assert unlocked.journal.search(word[:10] + "*")
        unlocked.journal.update(ids[0], body=f"edited {word} again")
        unlocked.journal.delete(ids[1])
        unlocked.journal.add_episode(f"{word} episode", person=word[:30])
        backup = s.vault.backup(unlocked, tmp_path / "backup.afw")
        # the editor path too, when this machine has a RAM-backed folder
        if context.ram_dir() is not None:
            script = tmp_path / "ed.py"
            script.write_text("import os, sys\n"
                              "open(sys.argv[-1], 'a').write(os.environ['CANARY'] + ' drafted')\n")
            monkeypatch.setenv("CANARY", word)  # in the environment only, never on disk
            monkeypatch.setenv("EDITOR", f"{PYTHON} {script}")
            assert context.edit_text("") == f"{word} drafted"
        wal = Path(str(path) + "-wal")
        assert wal.exists() and wal.stat().st_size > 0  # scanned while the WAL holds data
        targets = [path, wal, Path(str(path) + "-shm"), s.vault.header_path, backup.path,
                   backup.header_path, home]
        assert _scan(targets, canary) == []
    finally:
        unlocked.close()
    check_dirs = [tmp_path, Path("/dev/shm")]
    tmp_root = Path(tempfile.gettempdir())
    recent = [p for p in tmp_root.rglob("*")
              if p.is_file() and not p.is_symlink() and _mtime(p) >= started - 1]
    assert _scan(check_dirs + recent + [path, backup.path], canary) == []


def _mtime(p):
    try:
        return p.stat().st_mtime
    except OSError:
        return 0
