"""Documentation tests: every setting, journal command, option and exit code is documented."""

import re
from pathlib import Path

import pytest

from afterword import config, errors

DOCS = Path(__file__).resolve().parents[1] / "docs"
JOURNAL_COMMANDS = ("init", "write", "list", "show", "edit", "delete", "search", "tags", "people",
                    "episodes", "export", "import", "passwd", "backup", "doctor")


@pytest.mark.parametrize("setting", config.SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_documented(setting):
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    row = next((ln for ln in text.splitlines() if ln.startswith(f"| `{setting.name}` |")), None)
    assert row is not None, f"docs/settings.md has no row for `{setting.name}`"
    assert f"`{setting.env}`" in row


def _sections():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    parts = re.split(r"^### `afterword (\w+)`\s*$", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def _commands():
    import typer.main

    from afterword.cli.app import app

    group = typer.main.get_command(app)
    return {name: group.commands[name] for name in JOURNAL_COMMANDS}


@pytest.mark.parametrize("name", JOURNAL_COMMANDS)
def test_every_journal_command_and_option_is_documented(name):
    sections = _sections()
    assert name in sections, f"docs/cli.md has no section for `afterword {name}`"
    command = _commands()[name]
    for param in command.params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--") and opt != "--help":
                assert opt in sections[name], f"`{opt}` of `{name}` is not in docs/cli.md"


def test_every_exit_code_is_documented():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    codes = {cls.exit_code for cls in vars(errors).values()
             if isinstance(cls, type) and issubclass(cls, errors.AfterwordError)}
    for code in codes | {0, 1, 2, 130}:
        assert re.search(rf"^\| {code} \|", text, flags=re.MULTILINE), f"exit code {code}"


def test_every_journal_message_key_used_in_code_exists():
    from afterword.messages import has

    root = Path(__file__).resolve().parents[1] / "src" / "afterword"
    files = [root / "bootstrap.py", root / "cli" / "journal.py", root / "cli" / "context.py",
             root / "cli" / "app.py", *(root / "services").glob("*.py"),
             *(root / "store").glob("*.py"), *(root / "domain").glob("entries.py"),
             *(root / "domain").glob("episodes.py")]
    used = set()
    for path in files:
        used |= set(re.findall(r"""(?:msg|DomainError)\(\s*["'](journal\.[a-z_]+)["']""",
                               path.read_text()))
    from afterword import errors as errs

    used |= {cls.message_key for cls in vars(errs).values()
             if isinstance(cls, type) and issubclass(cls, errs.AfterwordError)
             and cls.message_key.startswith("journal.")}
    missing = sorted(key for key in used if not has(key))
    assert used and missing == []
