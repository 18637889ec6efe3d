"""The progress commands end to end: measure, contact, trends, patterns, similar, report."""

from __future__ import annotations

import io
import json
import os
import stat
from datetime import UTC, datetime, timedelta

import pytest

from afterword import bootstrap, config
from afterword.cli.app import main
from afterword.messages import msg

PASS = "a long enough passphrase"


@pytest.fixture
def journal(tmp_path, monkeypatch):
    path = tmp_path / "j.afw"
    bootstrap.build(config.load(journal=path)).vault.create(PASS)
    monkeypatch.setenv("AFTERWORD_PASSPHRASE", PASS)
    monkeypatch.setenv("AFTERWORD_JOURNAL", str(path))
    return path


def run(*argv: str) -> int:
    try:
        main(list(argv))
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def _write_entries(path):
    services = bootstrap.build(config.load(journal=path))
    now = datetime.now(UTC).astimezone()
    with services.vault.unlock(PASS) as unlocked:
        j = unlocked.journal
        a = j.add_episode("First", person="M")
        b = j.add_episode("Second", person="J")
        j.write("We never talked about what this was. He ghosted me.", episode=a.id,
                mood=-1, created_at=now - timedelta(days=20))
        j.write("Before we ever discussed expectations it happened. She went silent.",
                episode=b.id, mood=0, created_at=now - timedelta(days=5))


def test_measure_take_from_answers_file(journal, tmp_path, capsys):
    answers = tmp_path / "gad.txt"
    answers.write_text("2 1 3 0 1 2 1\n")
    assert run("measure", "take", "gad7", "--answers", str(answers)) == 0
    out = capsys.readouterr().out
    assert "GAD-7" in out and "10" in out and "moderate" in out


def test_measure_take_json_and_item9_crisis(journal, tmp_path, capsys):
    answers = tmp_path / "phq.json"
    answers.write_text(json.dumps({"answers": [0, 0, 0, 0, 0, 0, 0, 0, 1]}))
    assert run("measure", "take", "phq9", "--answers", str(answers), "--json") == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["total"] == 1 and data["band"] == "minimal" and data["crisis"] is True
    assert data["crisis_resources"], "resources are shown at once"
    assert msg("progress.crisis.item9") in captured.err
    assert "afterword safety-plan" in captured.err


def test_measure_take_interactive(journal, monkeypatch, capsys):
    # The prompt re-asks after an out-of-range answer (5), then takes the 7 answers.
    monkeypatch.setattr("sys.stdin", io.StringIO("5\n1\n1\n1\n1\n1\n0\n0\n"))
    assert run("measure", "take", "gad7") == 0
    captured = capsys.readouterr()
    assert msg("progress.scale.gad7.item.1") in captured.err
    assert msg("progress.scale.gad7.option.3") in captured.err
    assert "5" in captured.out and "mild" in captured.out


def test_measure_take_bad_input(journal, tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text("1 2 3\n")
    assert run("measure", "take", "gad7", "--answers", str(bad)) == 7
    assert "7 questions" in capsys.readouterr().err
    assert run("measure", "take", "gad7", "--answers", str(tmp_path / "nope.txt")) == 7
    assert run("measure", "take", "beck", "--answers", str(bad)) == 7
    bad.write_text("1 2 x 0 0 0 0\n")
    assert run("measure", "take", "gad7", "--answers", str(bad)) == 7


def test_measure_history_shows_reliable_change(journal, tmp_path, capsys):
    a = tmp_path / "a.txt"
    a.write_text("2 2 2 2 2 2 2 2 0")
    run("measure", "take", "phq9", "--answers", str(a))
    a.write_text("1 1 1 1 1 1 1 0 0")
    run("measure", "take", "phq9", "--answers", str(a))
    capsys.readouterr()
    assert run("measure", "history") == 0
    out = capsys.readouterr().out
    assert "16" in out and "7" in out and "RCI -5.48" in out
    assert run("measure", "history", "phq9", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["reliable_change"]["direction"] == "improved"
    assert data[0]["reliable_change"]["sd"] == 3.5


def test_rating_is_labelled_not_validated(journal, capsys):
    assert run("measure", "rate", "7") == 0
    assert msg("progress.rating.not_validated") in capsys.readouterr().err
    assert run("measure", "rate", "12") == 7


def test_schedule(journal, capsys):
    assert run("measure", "schedule") == 0
    assert run("measure", "schedule", "phq9", "--every", "14") == 0
    capsys.readouterr()
    assert run("measure", "schedule") == 0
    assert "PHQ-9 is due" in capsys.readouterr().out
    assert run("measure", "schedule", "phq9", "--every", "0") == 7
    assert run("measure", "schedule", "phq9", "--off") == 0


def test_contact_log_and_status(journal, capsys):
    day = (datetime.now().date() - timedelta(days=4)).isoformat()
    assert run("contact", "log", "Sam", "--on", day) == 0
    assert run("contact", "log", "Sam", "--profile") == 0
    capsys.readouterr()
    assert run("contact", "status", "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["person"] == "Sam" and row["days_since_contact"] == 4
    assert row["days_since_profile_check"] == 0
    assert run("contact", "log", "Sam", "--on", "2026-13-01") == 7
    future = (datetime.now().date() + timedelta(days=3)).isoformat()
    assert run("contact", "log", "Sam", "--on", future) == 7


def test_trends_and_patterns(journal, capsys):
    _write_entries(journal)
    assert run("trends", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["entries"] == 2 and data["analysed_entries"] == 2
    assert data["mood_weekly"]
    assert run("trends") == 0
    assert msg("progress.trends.title") in capsys.readouterr().out
    assert run("patterns") == 0
    out = capsys.readouterr().out
    assert msg("progress.pattern.disappearing_after_intimacy.title") in out
    assert "He ghosted me." in out  # the person's own sentences, on their own screen
    assert run("patterns", "--json") == 0
    ids = {p["id"] for p in json.loads(capsys.readouterr().out)}
    assert ids == {"closeness_before_expectations", "disappearing_after_intimacy"}
    assert run("trends", "--from", "2026-05-01", "--to", "2026-01-01") == 7


def test_similar_entries(journal, capsys):
    _write_entries(journal)
    assert run("similar", "1") == 0
    assert msg("progress.similar.none") in capsys.readouterr().out  # nothing earlier
    assert run("similar", "2", "--json") == 0
    [hit] = json.loads(capsys.readouterr().out)
    assert hit["entry_id"] == 1 and -1 <= hit["score"] <= 1
    assert run("similar", "99") == 8


def test_report_defaults_to_nothing_unseen(journal, tmp_path, capsys):
    assert run("report", "--output", str(tmp_path)) == 7
    assert "afterword trends" in capsys.readouterr().err
    assert list(tmp_path.glob("afterword-report-*")) == []


def test_report_writes_private_html_and_pdf_without_entry_text(journal, tmp_path, capsys):
    _write_entries(journal)
    a = tmp_path / "a.txt"
    a.write_text("2 2 2 2 2 2 2 2 0")
    run("measure", "take", "phq9", "--answers", str(a))
    run("measure", "history")
    capsys.readouterr()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    assert run("report", "--output", str(out_dir / "r.html")) == 0
    err = capsys.readouterr().err
    assert msg("progress.report.not_encrypted") in err
    html = (out_dir / "r.html").read_text()
    assert "PHQ-9" in html and msg("progress.report.not_encrypted") in html
    assert msg("progress.report.section.measures") in html
    assert msg("progress.report.section.patterns") not in html  # never looked at
    assert "ghosted" not in html  # no entry text unless asked
    assert (out_dir / "r.pdf").read_bytes().startswith(b"%PDF-")
    for name in ("r.html", "r.pdf"):
        assert stat.S_IMODE(os.stat(out_dir / name).st_mode) == 0o600
    # refuses to overwrite without --overwrite
    assert run("report", "--output", str(out_dir / "r.html")) == 7
    assert run("report", "--output", str(out_dir / "r.html"), "--overwrite") == 0


def test_report_entry_text_only_when_asked_and_confirmed(journal, tmp_path, monkeypatch,
                                                         capsys):
    _write_entries(journal)
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert run("report", "-o", str(tmp_path / "a.html"), "-s", "patterns",
               "--include-entries", "--no-pdf") == 0
    html = (tmp_path / "a.html").read_text()
    assert msg("progress.report.section.entries") not in html
    assert msg("progress.report.entries_left_out") in capsys.readouterr().err
    assert run("report", "-o", str(tmp_path / "b.html"), "-s", "patterns",
               "--include-entries", "--yes", "--no-pdf") == 0
    html = (tmp_path / "b.html").read_text()
    assert msg("progress.report.section.entries") in html
    assert "She went silent." in html
    assert not (tmp_path / "b.pdf").exists()


def test_report_bad_options(journal, tmp_path, capsys):
    assert run("report", "-o", str(tmp_path / "r.txt"), "-s", "mood") == 7
    assert run("report", "-o", str(tmp_path), "-s", "horoscope") == 7
    assert "horoscope" in capsys.readouterr().err


def test_wrong_passphrase_is_exit_3(journal, monkeypatch):
    monkeypatch.setenv("AFTERWORD_PASSPHRASE", "wrong passphrase here")
    assert run("measure", "history") == 3


def test_interactive_item9_shows_resources_then_offers_the_check_in(journal, monkeypatch,
                                                                    capsys):
    # Eight 0s and a 1 on item 9, then "n" to the offer of a check-in: respected.
    monkeypatch.setattr("sys.stdin", io.StringIO("0\n" * 8 + "1\nn\n"))
    assert run("measure", "take", "phq9") == 0
    captured = capsys.readouterr()
    assert "PHQ-9" in captured.out and "1" in captured.out
    assert msg("progress.crisis.item9") in captured.err
    assert msg("progress.crisis.resources_header") in captured.err
    assert msg("progress.crisis.offer_check_in") in captured.err


def test_accepting_the_check_in_runs_the_crisis_flow_and_records_it(journal, monkeypatch,
                                                                    capsys):
    from afterword.services.reflect import ReflectService

    # Item 9 = 2; "y" to the check-in; then the reflection area's crisis flow asks how you are.
    monkeypatch.setattr("sys.stdin", io.StringIO("0\n" * 8 + "2\ny\nokay\n\n\n\n"))
    assert run("measure", "take", "phq9") == 0
    services = bootstrap.build(config.load(journal=journal))
    with services.vault.unlock(PASS) as unlocked:
        check = ReflectService(unlocked).safety.last_check()
    assert check is not None
