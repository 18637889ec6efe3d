"""The journal CLI, run in-process through its one error boundary (``main``)."""

import json
import os
import stat
import subprocess
import sys
import textwrap

import pytest
from typer.testing import CliRunner

from afterword.cli import context
from afterword.cli.app import main
from journal_helpers import PASS, PYTHON, subprocess_env


class Result:
    def __init__(self, code, out, err):
        self.code, self.out, self.err = code, out, err

    def json(self):
        return json.loads(self.out)


def cli(*args, input=None, env=None):
    runner = CliRunner()
    with runner.isolation(input=input, env=env) as (out, err, _):
        try:
            main([str(a) for a in args])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        sys.stdout.flush()
        sys.stderr.flush()
        return Result(code, out.getvalue().decode(), err.getvalue().decode())


@pytest.fixture
def journal(tmp_path, monkeypatch):
    path = tmp_path / "j.afw"
    monkeypatch.setenv("AFTERWORD_JOURNAL", str(path))
    monkeypatch.setenv("AFTERWORD_PASSPHRASE", PASS)
    r = cli("init")
    assert r.code == 0, r.err
    return path


def test_init_prompts_without_echo_and_shows_recovery_key_once(tmp_path, monkeypatch):
    monkeypatch.setenv("AFTERWORD_JOURNAL", str(tmp_path / "j.afw"))
    r = cli("init", input="s3cret\ns3cret\n")
    assert r.code == 0, r.err
    key = r.out.strip()
    assert len(key.split("-")) == 8
    assert "s3cret" not in r.out + r.err
    assert "Unlocking takes about" in r.err and "recovery key" in r.err
    again = cli("init", input="x\nx\n")
    assert again.code == 5 and "already exists" in again.err
    assert cli("list", input="wrong\n").code == 3
    assert cli("list", input="s3cret\n").code == 0


def test_init_confirmation_mismatch_creates_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("AFTERWORD_JOURNAL", str(tmp_path / "j.afw"))
    r = cli("init", input="one\ntwo\n")
    assert r.code != 0
    assert not (tmp_path / "j.afw").exists()


def test_init_json(tmp_path, monkeypatch):
    monkeypatch.setenv("AFTERWORD_JOURNAL", str(tmp_path / "j.afw"))
    monkeypatch.setenv("AFTERWORD_PASSPHRASE", PASS)
    data = cli("init", "--json").json()
    assert data["kdf"]["name"] == "argon2id" and "salt" not in data["kdf"]
    assert data["unlock_seconds"] >= 0


def test_write_list_show_search(journal):
    r = cli("write", "I felt so alone by the sea", "--title", "Shore", "--mood", "-1",
            "-t", "sea", "-p", "Sam")
    assert r.code == 0 and r.out.strip() == "1"  # data on stdout, words on stderr
    assert "Saved" in r.err
    assert cli("write", "-", input="from stdin\n").out.strip() == "2"
    listed = cli("list", "--json").json()
    assert [e["id"] for e in listed] == [2, 1]
    assert listed[1]["tags"] == ["sea"] and listed[1]["mood"] == -1
    assert cli("list", "--mood", "-1", "--json").json()[0]["id"] == 1
    assert cli("list", "--mood", "-2..0", "--json").json()[0]["id"] == 1
    assert cli("list", "--tag", "sea", "--person", "sam", "--json").json()[0]["id"] == 1
    assert cli("list", "--since", "2000-01-01", "--until", "2999-12-31").out.count("\n") == 2
    assert cli("list", "--limit", "1", "--page", "2", "--json").json()[0]["id"] == 1
    plain = cli("list").out
    assert "Shore" in plain and "#sea" in plain and "@Sam" in plain
    shown = cli("show", "1")
    assert "I felt so alone by the sea" in shown.out and "Shore" in shown.out
    assert cli("show", "2", "--json").json()["body"] == "from stdin\n"
    hits = cli("search", "alone", "--json").json()
    assert hits[0]["entry"]["id"] == 1 and hits[0]["highlights"]
    assert "[alone]" in cli("search", "alone").out
    assert cli("search", '"so alone"', "--tag", "sea", "--json").json()[0]["entry"]["id"] == 1
    assert cli("search", "nothinglikethis").err.strip() != ""


def test_tags_people_episodes_commands(journal):
    cli("write", "x", "-t", "a", "-p", "Sam")
    assert cli("tags", "--json").json() == [{"name": "a", "entries": 1}]
    assert "#a" in cli("tags").out
    assert cli("people", "--add", "Alex", "--note", "n").code == 0
    assert {p["alias"] for p in cli("people", "--json").json()} == {"Alex", "Sam"}
    r = cli("episodes", "--add", "Summer", "-p", "Sam", "--start", "2024-06-01")
    assert r.code == 0 and r.out.strip() == "1"
    eps = cli("episodes", "--json").json()
    assert eps[0]["title"] == "Summer" and eps[0]["started_on"] == "2024-06-01"
    assert cli("write", "in it", "--episode", "summer").code == 0
    assert cli("list", "--episode", "1", "--json").json()[0]["body"] == "in it"
    assert cli("episodes", "--add", "Bad", "--start", "2024-02-01", "--end", "2024-01-01"
               ).code == 7


def test_edit_and_delete(journal):
    cli("write", "original", "-t", "a", "--mood", "1")
    assert cli("edit", "1", "--body", "changed", "--mood", "none", "--clear-tags").code == 0
    e = cli("show", "1", "--json").json()
    assert (e["body"], e["mood"], e["tags"]) == ("changed", None, [])
    assert cli("edit", "1", "--title", "T", "--json").json()["title"] == "T"
    assert cli("edit", "1", "--mood", "9").code == 7
    refused = cli("delete", "1", input="n\n")
    assert refused.code == 1
    assert cli("show", "1").code == 0
    assert cli("delete", "1", input="y\n").code == 0
    assert cli("show", "1").code == 8
    assert cli("delete", "1", "--yes").code == 8


def test_exit_codes_for_bad_input(journal, tmp_path):
    assert cli("list", "--since", "yesterday").code == 7
    assert cli("list", "--mood", "sad").code == 7
    assert cli("list", "--page", "0").code == 7
    assert cli("write", "x", "--mood", "5").code == 2  # usage error, caught by the parser
    assert cli("write", "x", "-t", "two words").code == 7
    assert cli("search", "  ").code == 7
    assert cli("show", "42").code == 8
    assert cli("export", "--format", "pdf").code == 7
    assert cli("list", "--episode", "nope").code == 8


def test_wrong_missing_and_foreign(journal, tmp_path):
    wrong = cli("list", env={"AFTERWORD_PASSPHRASE": "nope"})
    assert wrong.code == 3 and "does not open" in wrong.err
    missing = cli("--journal", tmp_path / "none.afw", "list")
    assert missing.code == 5 and "afterword init" in missing.err
    foreign = tmp_path / "notes.txt"
    foreign.write_text("shopping list\n")
    r = cli("--journal", foreign, "list")
    assert r.code == 4 and "not an Afterword journal" in r.err


def test_missing_journal_is_reported_before_asking(tmp_path, monkeypatch):
    monkeypatch.setenv("AFTERWORD_JOURNAL", str(tmp_path / "none.afw"))
    r = cli("list", input="")  # no passphrase available: it must not be asked for
    assert r.code == 5


def test_passphrase_file(journal, tmp_path, monkeypatch):
    monkeypatch.delenv("AFTERWORD_PASSPHRASE")
    secret = tmp_path / "pw"
    secret.write_text(PASS + "\n")
    assert cli("--passphrase-file", secret, "list").code == 0
    secret.write_text("wrong\n")
    assert cli("--passphrase-file", secret, "list").code == 3
    assert cli("--passphrase-file", tmp_path / "absent", "list").code == 7


def test_busy_exit_code(journal, monkeypatch):
    from journal_helpers import services

    monkeypatch.setenv("AFTERWORD_BUSY_TIMEOUT_MS", "100")
    with services(journal).vault.unlock(PASS) as held:
        raw = held.engine.raw_connection()
        raw.driver_connection.execute("BEGIN IMMEDIATE")
        try:
            r = cli("write", "blocked")
        finally:
            raw.driver_connection.execute("ROLLBACK")
            raw.close()
    assert r.code == 6 and "try again" in r.err
    assert cli("write", "now it works").code == 0


def test_passwd_backup_doctor(journal, tmp_path):
    cli("write", "keep")
    r = cli("passwd", env={"AFTERWORD_NEW_PASSPHRASE": "brand new"})
    assert r.code == 0, r.err
    assert cli("list").code == 3
    assert cli("list", env={"AFTERWORD_PASSPHRASE": "brand new"}).code == 0
    os.environ["AFTERWORD_PASSPHRASE"] = "brand new"
    dest = tmp_path / "backup.afw"
    b = cli("backup", dest)
    assert b.code == 0 and b.out.strip() == str(dest)
    report = cli("--journal", dest, "doctor", "--json").json()
    assert report["ok"] and report["counts"]["entries"] == 1
    plain = cli("doctor")
    assert plain.code == 0 and "argon2id" in plain.out and "healthy" in plain.err


def test_passwd_with_recovery_key(tmp_path, monkeypatch):
    monkeypatch.setenv("AFTERWORD_JOURNAL", str(tmp_path / "j.afw"))
    key = cli("init", input="first\nfirst\n").out.strip()
    r = cli("passwd", "--recovery-key", input=f"{key}\nsecond\nsecond\n")
    assert r.code == 0, r.err
    assert cli("list", input="second\n").code == 0
    assert cli("passwd", "--recovery-key", input="AAAA\nx\nx\n").code == 7


ODD = ["", "🙂🫠 emoji 👩‍👩‍👧", "مرحبا، كيف حالك؟ — עברית", "x" * (1024 * 1024)]


def test_odd_entries_round_trip_through_cli_write_export_import(journal, tmp_path):
    for body in ODD:
        assert cli("write", "-", input=body).code == 0
    out = tmp_path / "export.json"
    assert cli("export", "-o", out).code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    other = tmp_path / "other.afw"
    assert cli("--journal", other, "init").code == 0
    r = cli("--journal", other, "import", out, "--json")
    assert r.json()["imported"] == len(ODD)
    again = cli("--journal", other, "import", out, "--json").json()
    assert (again["imported"], again["skipped_duplicates"]) == (0, len(ODD))
    bodies = sorted(e["body"] for e in cli("--journal", other, "list", "--json").json())
    assert bodies == sorted(ODD)
    md = cli("export", "--format", "markdown")
    assert "🙂🫠" in md.out and "not encrypted" in md.err


def test_import_errors_are_reported_and_nothing_imported(journal, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"tags": {}, "entries": [\n{"date": "2024-99-01", "title": "x", "body": ""}]}')
    r = cli("import", bad)
    assert r.code == 7 and "entries[0].date" in r.err
    assert cli("list", "--json").json() == []


# --- the editor ---------------------------------------------------------------------------------

EDITOR = textwrap.dedent("""\
    import os, stat, sys
    path = sys.argv[-1]
    with open(sys.argv[1], "w") as log:
        log.write("%s %o %o" % (path, stat.S_IMODE(os.stat(path).st_mode),
                                 stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode)))
    with open(path, "a") as f:
        f.write("written in the editor\\n")
    open(path + ".swp", "w").write("swap")
""")


@pytest.mark.skipif(context.ram_dir() is None, reason="no RAM-backed folder on this machine")
def test_editor_uses_a_memory_only_file_and_removes_it(journal, tmp_path, monkeypatch):
    script = tmp_path / "editor.py"
    script.write_text(EDITOR)
    log = tmp_path / "editor.log"
    monkeypatch.setenv("EDITOR", f"{PYTHON} {script} {log}")
    monkeypatch.delenv("VISUAL", raising=False)
    r = cli("write", "--editor")
    assert r.code == 0, r.err
    path, file_mode, dir_mode = log.read_text().split()
    assert context.is_ram_backed(os.path.dirname(path))
    assert (file_mode, dir_mode) == ("600", "700")
    assert not os.path.exists(path) and not os.path.exists(os.path.dirname(path))
    assert cli("show", "1", "--json").json()["body"] == "written in the editor"
    # edit without options opens the editor on the current text
    assert cli("edit", "1").code == 0
    assert cli("show", "1", "--json").json()["body"] == (
        "written in the editorwritten in the editor")


def test_editor_refuses_without_a_memory_only_folder(journal, monkeypatch):
    monkeypatch.setattr(context, "_mounts", lambda: [("/", "ext4")])  # the OS boundary
    r = cli("write", "--editor")
    assert r.code == 7 and "memory-only" in r.err
    assert cli("list", "--json").json() == []


def test_editor_failure_saves_nothing(journal, monkeypatch):
    if context.ram_dir() is None:
        pytest.skip("no RAM-backed folder")
    monkeypatch.setenv("EDITOR", "false")
    assert cli("write", "--editor").code == 7
    assert cli("list", "--json").json() == []


def test_ram_detection_uses_the_longest_mount():
    mounts = [("/", "ext4"), ("/dev/shm", "tmpfs"), ("/dev/shm/disk", "ext4")]
    assert context.is_ram_backed("/dev/shm/x", mounts)
    assert not context.is_ram_backed("/dev/shm/disk/x", mounts)
    assert not context.is_ram_backed("/home", mounts)


# --- start-up ----------------------------------------------------------------------------------

def test_help_lists_commands_and_exit_codes():
    r = cli("--help")
    for name in ("init", "write", "list", "show", "edit", "delete", "search", "tags", "people",
                 "episodes", "export", "import", "passwd", "backup", "doctor"):
        assert f"  {name} " in r.out
    assert "Exit codes" in r.out and "AFTERWORD_PASSPHRASE" in r.out


def test_cli_import_stays_light():
    code = ("import sys, afterword.cli.app; "
            "print(sorted(m for m in ('sqlalchemy', 'argon2', 'sqlcipher3', 'alembic', 'numpy')"
            " if m in sys.modules))")
    out = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True,
                         env=subprocess_env(), check=True).stdout
    assert out.strip() == "[]"


def test_python_dash_m(tmp_path):
    r = subprocess.run([sys.executable, "-m", "afterword", "--help"], capture_output=True,
                       text=True, env=subprocess_env())
    assert r.returncode == 0 and "Usage" in r.stdout


def test_writing_something_risky_shows_support_at_once(journal):
    calm = cli("write", "Had tea with a friend, it was nice.")
    assert calm.code == 0 and "988" not in calm.err
    risky = cli("write", "I can't do this anymore. I want to end my life.")
    assert risky.code == 0 and risky.out.strip() == "2"  # saved, privately, no matter what
    assert "988" in risky.err  # crisis resources for the default locale, on stderr
    edited = cli("edit", "1", "--body", "I want to die tonight.")
    assert edited.code == 0 and "988" in edited.err


def test_show_never_names_traps_for_an_entry_of_a_survivor_path_episode(journal, tmp_path):
    # DESIGN §3 (afterword.services.care). `afterword show` prints the entry itself and no
    # analysis, so nothing can name a thinking trap there; this guards that it stays so.
    assert cli("episodes", "--add", "After the party").code == 0
    body = "He probably thinks I am pathetic. I always ruin everything."
    assert cli("write", body, "--episode", "After the party").out.strip() == "1"
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"format": 1, "episode": "After the party",
                                   "answers": {"consent": "no"}}))
    reflected = cli("reflect", "--answers", answers)
    assert reflected.code == 0 and reflected.json()["track"] == "survivor"
    for args in (("show", "1"), ("show", "1", "--json")):
        shown = cli(*args)
        assert shown.code == 0 and body in shown.out
        text = (shown.out + shown.err).casefold()
        assert "trap" not in text and "mind reading" not in text and "mind_reading" not in text
