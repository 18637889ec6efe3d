"""The one settings registry.

Every setting has a name, a type, a default and a help line, and can be set from the environment
as ``AFTERWORD_<NAME>`` (upper case). Bad values fail at start with a hint, never deep inside.
``docs/settings.md`` is checked against this list by a test.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from afterword.errors import SettingError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    parse: Callable[[str], Any]
    help: str

    @property
    def env(self) -> str:
        return "AFTERWORD_" + self.name.upper()


def _bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ValueError("expected one of: 1, 0, true, false, yes, no, on, off")


def _positive_int(value: str) -> int:
    number = int(value)
    if number <= 0:
        raise ValueError("expected a whole number above 0")
    return number


def _path(value: str) -> Path:
    return Path(value).expanduser()


def _optional_path(value: str) -> Path | None:
    return Path(value).expanduser() if value else None


SETTINGS: tuple[Setting, ...] = (
    Setting("home", None, _optional_path,
            "Folder that holds the default journal. Defaults to the platform's user data folder."),
    Setting("journal", None, _optional_path,
            "Path of the journal file. Overrides `home`; the same as `--journal`."),
    Setting("kdf_memory_kib", 65536, _positive_int,
            "Argon2id memory cost in KiB for new journals and passphrase changes "
            "(default 64 MiB)."),
    Setting("kdf_time_cost", 6, _positive_int,
            "Argon2id passes for new journals and passphrase changes (default 6)."),
    Setting("kdf_parallelism", 1, _positive_int, "Argon2id lanes for new journals."),
    Setting("busy_timeout_ms", 5000, _positive_int,
            "How long a write waits for another writer before saying the journal is busy."),
    Setting("locale", "US", str,
            "Region whose support resources are shown first (US, UK, IE, CA, AU, or INT)."),
    Setting("host", "127.0.0.1", str, "Address the web app binds to. Keep it local."),
    Setting("port", 8765, _positive_int, "Port the web app listens on."),
    Setting("auto_lock_minutes", 10, _positive_int,
            "Minutes of inactivity after which the web app locks the journal."),
    Setting("unlock_free_attempts", 5, _positive_int,
            "Wrong passphrases in a row the web app allows before unlocking pauses."),
    Setting("unlock_max_delay_seconds", 30, _positive_int,
            "Longest pause, in seconds, between unlock attempts after wrong passphrases "
            "(the pause doubles from 1 s)."),
    Setting("analyze_on_save", True, _bool,
            "Analyse entries when they are saved, and keep the results inside the vault."),
    Setting("open_browser", True, _bool, "Open the web app in the browser on `afterword serve`."),
    Setting("import_max_mb", 200, _positive_int,
            "Largest file `afterword import` reads, in MB (the whole file is checked first)."),
    Setting("debug", False, _bool,
            "Show a Python traceback for unexpected errors instead of a plain message."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    values: Mapping[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None

    def replace(self, **changes: Any) -> Settings:
        unknown = set(changes) - set(_BY_NAME)
        if unknown:
            raise SettingError(f"unknown setting: {sorted(unknown)[0]}")
        return Settings({**self.values, **changes})


def load(environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Settings from defaults, then the environment, then explicit overrides."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        value = setting.default
        raw = env.get(setting.env)
        if raw is not None and raw != "":
            try:
                value = setting.parse(raw)
            except ValueError as exc:
                raise SettingError(
                    f"{setting.env}={raw!r} is not valid: {exc}. {setting.help}"
                ) from None
        values[setting.name] = value
    settings = Settings(values)
    overrides = {k: v for k, v in overrides.items() if v is not None}
    return settings.replace(**overrides) if overrides else settings


def journal_path(settings: Settings) -> Path:
    """Where the journal lives: explicit path, else `home`, else the platform data folder."""
    if settings.journal is not None:
        return Path(settings.journal)
    if settings.home is not None:
        return Path(settings.home) / "journal.afw"
    from platformdirs import user_data_dir

    return Path(user_data_dir("afterword", appauthor=False)) / "journal.afw"
