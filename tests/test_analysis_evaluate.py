"""The evaluation command: skips absent datasets cleanly and never prints dataset text."""

from __future__ import annotations

from afterword.analysis import evaluate


def test_evaluation_without_shared_data_skips_cleanly(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("AFTERWORD_SHARED_DATA", str(tmp_path / "absent"))
    # The blind challenge set (4) is evaluated once, by hand, never by the test suite.
    monkeypatch.setattr(evaluate, "BLIND_DIR", tmp_path / "no-blind-set")
    out = tmp_path / "quality.md"
    assert evaluate.main(["--out", str(out)]) == 0
    doc = out.read_text()
    assert "Skipped: the Sharma et al. data is not present." in doc
    assert "Skipped: GoEmotions is not present." in doc
    assert "Skipped: the Reddit C-SSRS data is not present." in doc
    assert "| crisis |" in doc and "| Crisis recall, own journal-style test split |" in doc
    printed = capsys.readouterr().out
    assert all(":" in line and line.split(":")[1].strip()[0].isdigit()
               for line in printed.splitlines())


def test_sharma_labels_are_normalised_to_the_contract():
    from afterword.analysis.labels import TRAPS

    assert set(evaluate.SHARMA_LABELS.values()) == set(TRAPS) | {"none"}


def test_blind_rows_are_read_from_labelled_hand_lines(tmp_path, monkeypatch):
    monkeypatch.setattr(evaluate, "BLIND_DIR", tmp_path)
    assert evaluate.blind_rows("crisis") == []
    (tmp_path / "crisis_challenge3.txt").write_text(
        "# a comment\ncrisis | one\n- | two\n\nno separator here\n", encoding="utf-8"
    )
    assert evaluate.blind_rows("crisis") == []  # the default is the blind set, challenge5
    rows = evaluate.blind_rows("crisis", "challenge3")
    assert [(r["text"], r["labels"]) for r in rows] == [("one", ["crisis"]), ("two", [])]
    assert {r["split"] for r in rows} == {"challenge3"}


def test_blind_rows_accept_the_usual_layouts(tmp_path, monkeypatch):
    monkeypatch.setattr(evaluate, "BLIND_DIR", tmp_path)
    lines = [
        '{"text": "a", "labels": ["nonconsent"]}',
        '{"text": "b", "label": 0}',
        "1\tc",
        "d\t0",
        "nonconsent|e",
        "+ f",
        "- g",
        "positive | h",
        "none | i",
        "??? j",
    ]
    (tmp_path / "nonconsent_challenge5.txt").write_text("\n".join(lines), encoding="utf-8")
    rows = evaluate.blind_rows("nonconsent")
    got = [(r["text"], bool(r["labels"])) for r in rows]
    assert got == [("a", True), ("b", False), ("c", True), ("d", False), ("e", True),
                   ("f", True), ("g", False), ("h", True), ("i", False)]
