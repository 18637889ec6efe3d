"""`afterword analyze`: --json, --jsonl, plain summary, and every bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from afterword.cli.app import main


class _Stdin(io.TextIOWrapper):
    def isatty(self) -> bool:
        return False


def _run(argv, capsys, monkeypatch, stdin: bytes | None = None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", _Stdin(io.BytesIO(stdin), encoding="utf-8"))
    code = 0
    try:
        main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_text_argument(capsys, monkeypatch):
    code, out, _ = _run(["analyze", "--json", "Why did I let this happen?"], capsys, monkeypatch)
    assert code == 0
    doc = json.loads(out)
    assert doc["id"] is None and doc["rumination"]["flag"] is True
    assert set(doc) >= {"safety", "rumination", "traps", "emotions", "themes", "model"}


def test_json_from_stdin(capsys, monkeypatch):
    code, out, _ = _run(["analyze", "--json"], capsys, monkeypatch,
                        stdin=b"I want to kill myself.")
    assert code == 0 and json.loads(out)["safety"]["crisis"]["flag"] is True


def test_invalid_utf8_on_stdin_is_a_clear_error(capsys, monkeypatch):
    code, out, err = _run(["analyze", "--json"], capsys, monkeypatch, stdin=b"caf\xe9 \xff\xfe")
    assert code == 7 and out == "" and "UTF-8" in err


def test_binary_on_stdin_is_a_clear_error(capsys, monkeypatch):
    code, out, err = _run(["analyze", "--json"], capsys, monkeypatch,
                          stdin=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert code == 7 and out == "" and "binary" in err


def test_empty_stdin_gives_an_empty_result(capsys, monkeypatch):
    code, out, _ = _run(["analyze", "--json"], capsys, monkeypatch, stdin=b"  \n")
    doc = json.loads(out)
    assert code == 0 and doc["traps"] == [] and doc["language"] == "unknown" and doc["notes"]


def test_megabyte_on_stdin(capsys, monkeypatch):
    text = ("I went to work and came home tired. " * 30000).encode()
    assert len(text) > 1_000_000
    code, out, _ = _run(["analyze", "--json"], capsys, monkeypatch, stdin=text)
    assert code == 0 and json.loads(out)["safety"]["crisis"]["flag"] is False


def test_jsonl_keeps_order_and_reports_bad_lines(capsys, monkeypatch, tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "Why wasn't I enough?"}).encode(),
        b"{not json",
        json.dumps({"id": 2, "text": "I had soup."}).encode(),
        json.dumps({"id": "x"}).encode(),
        b"\xff\xfe bad bytes",
        json.dumps(["a", "list"]).encode(),
        json.dumps({"text": "No id here, I feel so alone."}).encode(),
    ]
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    code, out, err = _run(["analyze", "--jsonl", str(path)], capsys, monkeypatch)
    rows = [json.loads(x) for x in out.splitlines()]
    assert code == 7 and len(rows) == 7
    assert [r["id"] for r in rows] == ["a", None, 2, "x", None, None, None]
    assert rows[0]["rumination"]["flag"] is True
    for bad, number in ((rows[1], 2), (rows[3], 4), (rows[4], 5), (rows[5], 6)):
        assert bad["line"] == number and bad["error"]["code"] == "invalid_input"
    for n in (2, 4, 5, 6):
        assert f"Line {n}" in err
    assert "safety" in rows[6]


def test_jsonl_from_stdin_all_good_exits_zero(capsys, monkeypatch):
    data = b'{"id": 1, "text": "hello there, I feel fine today"}\n{"id": 2, "text": ""}\n'
    code, out, _ = _run(["analyze", "--jsonl", "-"], capsys, monkeypatch, stdin=data)
    assert code == 0 and [json.loads(x)["id"] for x in out.splitlines()] == [1, 2]


def test_missing_jsonl_file(capsys, monkeypatch, tmp_path):
    code, out, err = _run(["analyze", "--jsonl", str(tmp_path / "nope.jsonl")], capsys, monkeypatch)
    assert code == 8 and out == "" and "nope.jsonl" in err


def test_plain_summary_is_readable(capsys, monkeypatch):
    code, out, _ = _run(["analyze", "He used me. Why did I let this happen?"], capsys, monkeypatch)
    assert code == 0 and "Why did I let this happen?" in out and "{" not in out


def test_plain_summary_for_non_english_says_so(capsys, monkeypatch):
    code, out, _ = _run(["analyze", "Je me sens tellement seule depuis qu'il est parti hier soir."],
                        capsys, monkeypatch)
    assert code == 0 and "English" in out


def test_help_does_not_load_the_encoder():
    code = ("import sys; from afterword.cli.app import main\n"
            "try:\n    main(['analyze', '--help'])\nexcept SystemExit:\n    pass\n"
            "print('MODEL', 'model2vec' in sys.modules or 'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "MODEL False" in out.stdout and "--jsonl" in out.stdout


@pytest.mark.slow
def test_console_script_end_to_end():
    out = subprocess.run([sys.executable, "-m", "afterword", "analyze", "--json",
                          "I keep asking myself why."], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and json.loads(out.stdout)["rumination"]["flag"] is True


def test_every_analysis_message_key_used_in_code_exists():
    import re
    from pathlib import Path

    from afterword.messages import has

    root = Path(__file__).resolve().parents[1] / "src" / "afterword"
    files = [*(root / "analysis").glob("*.py"), root / "cli" / "analyze.py"]
    used = set()
    for path in files:
        used |= set(re.findall(r"""msg\(\s*["'](analysis\.[a-z_.]+)["']""", path.read_text()))
    assert used and all(has(key) for key in used), sorted(k for k in used if not has(k))


def test_jsonl_with_two_workers_gives_the_same_lines_in_order(capsys, monkeypatch, tmp_path):
    from afterword.cli import analyze as cli_analyze

    texts = ["Why did he stop texting me?", "I had soup and went to bed.",
             "I keep thinking everyone would be better off without me.",
             "He asked first and stopped when I said no."]
    lines = [json.dumps({"id": i, "text": f"{texts[i % 4]} ({i})"}).encode() for i in range(1100)]
    lines[700] = b"{broken"
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    calls = []
    real = cli_analyze._run_jsonl

    def spy(source, workers=1):
        calls.append(workers)
        return real(source, workers)

    monkeypatch.setattr(cli_analyze, "_run_jsonl", spy)
    one = _run(["analyze", "--jsonl", str(path), "--workers", "1"], capsys, monkeypatch)
    two = _run(["analyze", "--jsonl", str(path), "--workers", "2"], capsys, monkeypatch)
    assert calls == [1, 2]
    assert one[0] == two[0] == 7
    assert one[1] == two[1] and len(two[1].splitlines()) == 1100
    assert json.loads(two[1].splitlines()[700])["line"] == 701
