"""`afterword analyze`: the analysis contract of DESIGN §5, with no journal and no passphrase.

    afterword analyze --json "TEXT"      one result object (TEXT or stdin)
    afterword analyze --jsonl FILE|-     one result line per {"id", "text"} input line
    afterword analyze "TEXT"             a readable summary

Imports of the analysis package happen inside the command so `afterword --help` stays instant.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, BinaryIO

import typer

if TYPE_CHECKING:
    from afterword.analysis import Result

MAX_TEXT_BYTES = 5 * 1024 * 1024
BATCH = 256


def register(app: typer.Typer) -> None:
    """Add this area's commands to `app`."""
    app.command("analyze", rich_help_panel="Analysis")(analyze)


def analyze(
    text: Annotated[
        str | None,
        typer.Argument(help="Text to analyse. Without it, the text is read from standard input."),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print one result object as JSON (the contract in DESIGN §5)."),
    ] = False,
    jsonl: Annotated[
        str | None,
        typer.Option(
            "--jsonl",
            metavar="FILE",
            help='Read JSON Lines of {"id": ..., "text": ...} from FILE '
            '("-" for standard input) and print one result line per input line, in order.',
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=0,
            help="Processes for --jsonl: 0 (the default) uses every CPU core, up to 4; "
            "1 stays in one process. Results are the same either way.",
        ),
    ] = 0,
) -> None:
    """Analyse text locally: emotions, themes, rumination, thinking traps, safety signals.

    Needs no journal and no passphrase; nothing is stored. Exit codes: 0 done, 7 the input could
    not be used (for --jsonl: at least one line was malformed; the others were still
    analysed), 8 the --jsonl file does not exist.
    """
    from afterword.errors import InvalidInput
    from afterword.messages import msg

    if jsonl is not None:
        if text is not None:
            raise InvalidInput(msg("analysis.cli.text_and_jsonl"))
        bad = _run_jsonl(jsonl, _workers(workers))
        if bad:
            raise typer.Exit(code=InvalidInput.exit_code)
        return
    if text is None:
        if sys.stdin is None or sys.stdin.isatty():
            raise InvalidInput(msg("analysis.cli.no_text"))
        text = _decode(sys.stdin.buffer.read(MAX_TEXT_BYTES + 1))
    elif len(text.encode("utf-8", "surrogatepass")) > MAX_TEXT_BYTES:
        raise InvalidInput(msg("analysis.cli.too_long", mb=MAX_TEXT_BYTES // (1024 * 1024)))
    text = _clean_surrogates(text)

    from afterword.analysis import analyze as run

    result = run([text])[0]
    if as_json:
        import json

        sys.stdout.write(json.dumps(result.to_dict(None), ensure_ascii=False) + "\n")
    else:
        _summary(result)


def _decode(data: bytes) -> str:
    from afterword.errors import InvalidInput
    from afterword.messages import msg

    if len(data) > MAX_TEXT_BYTES:
        raise InvalidInput(msg("analysis.cli.too_long", mb=MAX_TEXT_BYTES // (1024 * 1024)))
    if b"\x00" in data:
        raise InvalidInput(msg("analysis.cli.binary"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(msg("analysis.cli.not_utf8")) from None


def _clean_surrogates(text: str) -> str:
    # Arguments with undecodable bytes arrive as lone surrogates; they cannot be printed as JSON.
    return text.encode("utf-8", "replace").decode("utf-8")


def _open(source: str) -> BinaryIO:
    from afterword.errors import InvalidInput, NotFound
    from afterword.messages import msg

    if source == "-":
        return sys.stdin.buffer
    path = Path(source)
    if not path.is_file():
        raise NotFound(msg("analysis.cli.no_file", path=source))
    try:
        return path.open("rb")
    except OSError:
        raise InvalidInput(msg("analysis.cli.unreadable", path=source)) from None


def _parse_line(raw: bytes, number: int) -> tuple[Any, str | None, str | None]:
    """(id, text, problem) for one input line; problem is a message when the line is bad."""
    import json

    from afterword.messages import msg

    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError:
        return None, None, msg("analysis.jsonl.not_utf8")
    try:
        obj = json.loads(line)
    except ValueError:
        return None, None, msg("analysis.jsonl.not_json")
    if not isinstance(obj, dict):
        return None, None, msg("analysis.jsonl.not_object")
    rid = obj.get("id")
    if rid is not None and (isinstance(rid, bool) or not isinstance(rid, (str, int))):
        return None, None, msg("analysis.jsonl.bad_id")
    text = obj.get("text")
    if not isinstance(text, str):
        return rid, None, msg("analysis.jsonl.no_text")
    if len(text) > MAX_TEXT_BYTES:
        return rid, None, msg("analysis.cli.too_long", mb=MAX_TEXT_BYTES // (1024 * 1024))
    return rid, _clean_surrogates(text), None


def _workers(asked: int) -> int:
    import os

    return asked if asked > 0 else max(1, min(4, os.cpu_count() or 1))


def _run_jsonl(source: str, workers: int = 1) -> int:
    import json

    from afterword.analysis import analyze as run
    from afterword.cli import context
    from afterword.messages import msg

    stream = _open(source)
    bad = 0
    pending: list[tuple[int, Any, str | None, str | None]] = []

    def flush() -> None:
        texts = [t for (_, _, t, p) in pending if p is None and t is not None]
        results = iter(run(texts, workers=workers)) if texts else iter(())
        out = []
        for number, rid, _text, problem in pending:
            if problem is None:
                out.append(next(results).to_dict(rid))
            else:
                out.append(
                    {
                        "id": rid,
                        "line": number,
                        "error": {"code": "invalid_input", "message": problem},
                    }
                )
        sys.stdout.write("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out))
        sys.stdout.flush()
        pending.clear()

    try:
        for number, raw in enumerate(stream, start=1):
            raw = raw.rstrip(b"\r\n")
            rid, text, problem = _parse_line(raw, number)
            if problem is not None:
                bad += 1
                context.error(msg("analysis.jsonl.bad_line", line=number, problem=problem))
            pending.append((number, rid, text, problem))
            # Each worker takes chunks of 256, so a batch feeds every worker twice over.
            if len(pending) >= (BATCH if workers == 1 else BATCH * 2 * workers):
                flush()
        flush()
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    return bad


def _summary(result: Result) -> None:
    from rich.console import Console

    from afterword.messages import msg

    console = Console(highlight=False, soft_wrap=True)
    for note in result.notes:
        console.print(note, style="dim")
    safety = result.safety
    if safety.crisis.flag:
        console.print(msg("analysis.summary.crisis"), style="bold")
        _resources(console, ("crisis", "emergency"))
    if safety.nonconsent.flag:
        console.print(msg("analysis.summary.nonconsent"), style="bold")
        _resources(console, ("sexual_violence",))
    feelings = [d for d in result.emotions if d.label != "neutral"]
    if feelings:
        console.print(
            msg(
                "analysis.summary.emotions",
                labels=", ".join(_human(d.label) for d in feelings[:5]),
            )
        )
    if result.themes:
        console.print(msg("analysis.summary.themes"))
        for d in result.themes[:5]:
            console.print(
                f"  • {_human(d.label)} — “{d.evidence}”"
                if d.evidence
                else f"  • {_human(d.label)}"
            )
    if result.rumination.flag:
        console.print(msg("analysis.summary.rumination"))
        for q in result.rumination.questions[:5]:
            console.print(f"  • {q}")
    if result.traps and not safety.nonconsent.flag:
        console.print(msg("analysis.summary.traps"))
        for d in result.traps[:5]:
            console.print(f"  • {_human(d.label)} — “{d.evidence}”")
    if (
        not (
            result.emotions
            or result.themes
            or result.rumination.flag
            or result.traps
            or safety.crisis.flag
            or safety.nonconsent.flag
        )
        and result.language == "en"
    ):
        console.print(msg("analysis.summary.nothing"))
    console.print(msg("analysis.summary.footer"), style="dim")


def _resources(console: Any, kinds: tuple[str, ...]) -> None:
    try:
        from afterword import config
        from afterword.domain.resources import directory

        found = directory().for_locale(config.load().locale, kinds=kinds)
    except Exception:  # resources are a help, never a reason to fail the analysis
        return
    for r in found[:4]:
        console.print(f"  {r.name}: {r.contact}")


def _human(label: str) -> str:
    return label.replace("_", " ")
