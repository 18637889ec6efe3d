"""The evaluation command: skips absent datasets cleanly and never prints dataset text."""

from __future__ import annotations

from afterword.analysis import evaluate


def test_evaluation_without_shared_data_skips_cleanly(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("AFTERWORD_SHARED_DATA", str(tmp_path / "absent"))
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
