"""What every command shares: the global options, passphrase sources, the editor, output helpers.

Nothing heavy is imported here at module level: ``afterword --help`` must stay instant.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from afterword.bootstrap import Services
    from afterword.services.vault import Unlocked

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON to stdout.")]

PASSPHRASE_ENV = "AFTERWORD_PASSPHRASE"
NEW_PASSPHRASE_ENV = "AFTERWORD_NEW_PASSPHRASE"


def _prompt_hidden(text: str, confirm: bool) -> str:
    value: str = typer.prompt(
        text, hide_input=True, confirmation_prompt=confirm, err=True, show_default=False
    )
    return value


@dataclass
class CliContext:
    journal: Path | None = None
    passphrase_file: Path | None = None
    # The no-echo prompt; tests replace it with a fake (an outside thing: the terminal).
    prompt: Callable[[str, bool], str] = field(default=_prompt_hidden)

    def services(self) -> Services:
        from afterword import bootstrap, config

        return bootstrap.build(config.load(journal=self.journal))

    def passphrase(self, *, confirm: bool = False, key: str = "journal.prompt_passphrase") -> str:
        """From --passphrase-file, else AFTERWORD_PASSPHRASE, else a no-echo prompt."""
        from afterword.messages import msg

        if self.passphrase_file is not None:
            return read_secret_file(self.passphrase_file)
        from_env = os.environ.get(PASSPHRASE_ENV)
        if from_env:
            return from_env
        return self.prompt(msg(key), confirm)

    def new_passphrase(self) -> str:
        from afterword.messages import msg

        from_env = os.environ.get(NEW_PASSPHRASE_ENV)
        if from_env:
            return from_env
        return self.prompt(msg("journal.prompt_new_passphrase"), True)

    def unlock(self) -> Unlocked:
        services = self.services()
        services.vault.check()  # a missing or foreign file is reported before any prompt
        return services.vault.unlock(self.passphrase())


def of(ctx: typer.Context) -> CliContext:
    """The global options of the command line `ctx` belongs to (defaults when there are none)."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, CliContext) else CliContext()


def read_secret_file(path: Path) -> str:
    from afterword.errors import InvalidInput
    from afterword.messages import msg

    try:
        with open(path, encoding="utf-8") as handle:
            line = handle.readline()
    except (OSError, UnicodeDecodeError):
        raise InvalidInput(msg("journal.passphrase_file_unreadable", path=str(path))) from None
    return line.rstrip("\r\n")


def error(text: str) -> None:
    """A message for the person, on stderr (data goes to stdout)."""
    print(text, file=sys.stderr)


def info(text: str) -> None:
    print(text, file=sys.stderr)


def out(text: str) -> None:
    """Data, on stdout."""
    print(text)


def out_json(data: Any) -> None:
    import json

    print(json.dumps(data, ensure_ascii=False, indent=2))


# --- the editor ---------------------------------------------------------------------------------

RAM_FILESYSTEMS = frozenset({"tmpfs", "ramfs"})


def _ram_candidates() -> list[Path]:
    found = [Path("/dev/shm")]
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime:
        found.append(Path(runtime))
    return found


def _mounts() -> list[tuple[str, str]]:
    try:
        with open("/proc/self/mounts", encoding="utf-8") as handle:
            rows = [line.split() for line in handle]
    except OSError:
        return []
    return [(row[1].replace("\\040", " "), row[2]) for row in rows if len(row) >= 3]


def is_ram_backed(folder: Path, mounts: Sequence[tuple[str, str]] | None = None) -> bool:
    """True when ``folder`` sits on a memory-only filesystem (the longest matching mount)."""
    try:
        real = os.path.realpath(folder)
    except OSError:
        return False
    best, fstype = "", ""
    for point, kind in _mounts() if mounts is None else mounts:
        if (real == point or real.startswith(point.rstrip("/") + "/")) and len(point) > len(best):
            best, fstype = point, kind
    return fstype in RAM_FILESYSTEMS


def ram_dir(candidates: Sequence[Path] | None = None) -> Path | None:
    for folder in _ram_candidates() if candidates is None else candidates:
        if folder.is_dir() and os.access(folder, os.W_OK) and is_ram_backed(folder):
            return folder
    return None


def edit_text(initial: str = "", candidates: Sequence[Path] | None = None) -> str:
    """Open $VISUAL/$EDITOR on a temp file that lives only in memory, and remove it after.

    The file is in a fresh 0700 folder on a RAM-backed filesystem (``/dev/shm`` on Linux) with
    mode 0600. Where there is no such filesystem this refuses rather than leave plaintext on a
    disk; text can still be given as an argument or on stdin.
    """
    import shlex
    import shutil
    import subprocess
    import tempfile

    from afterword.errors import InvalidInput
    from afterword.messages import msg

    base = ram_dir(candidates)
    if base is None:
        raise InvalidInput(msg("journal.no_ram_dir"))
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    folder = Path(tempfile.mkdtemp(prefix="afterword-", dir=base))  # mode 0700
    path = folder / "entry.md"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(initial)
        try:
            result = subprocess.run([*shlex.split(editor), str(path)], check=False)
        except OSError:
            raise InvalidInput(msg("journal.editor_failed", editor=editor)) from None
        if result.returncode != 0:
            raise InvalidInput(msg("journal.editor_failed", editor=editor))
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    finally:
        _scrub(folder)
        shutil.rmtree(folder, ignore_errors=True)


def _scrub(folder: Path) -> None:
    """Overwrite what the editor left (the file, swap files) before removing it."""
    for item in folder.rglob("*"):
        try:
            if item.is_file() and not item.is_symlink():
                size = item.stat().st_size
                with open(item, "r+b") as handle:
                    handle.write(b"\0" * size)
        except OSError:
            pass
