"""The `afterword` command: a thin shell over the services.

Each area registers its commands from its own module (``register(app)``). Heavy imports happen
inside command bodies so that ``afterword --help`` stays instant. ``main`` is the one error
boundary: typed errors become a message on stderr and a documented exit code.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from afterword.cli import context
from afterword.messages import msg

app = typer.Typer(
    name="afterword",
    help=(
        "Afterword: a private, local-first journal and companion. Everything stays encrypted "
        "on this machine."
    ),
    epilog=msg("journal.exit_codes_help"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def _root(
    ctx: typer.Context,
    journal: Annotated[
        Path | None,  # noqa: UP007 - typer reads the annotation
        typer.Option("--journal", "-j", help="Journal file to use (default: AFTERWORD_JOURNAL, "
                     "else AFTERWORD_HOME/journal.afw, else the platform data folder).",
                     envvar="AFTERWORD_JOURNAL", show_envvar=False),
    ] = None,
    passphrase_file: Annotated[
        Path | None,  # noqa: UP007
        typer.Option("--passphrase-file", help="Read the passphrase from the first line of this "
                     "file instead of asking. Risk: anyone who can read the file can open the "
                     "journal. AFTERWORD_PASSPHRASE works too, with the same risk (other programs "
                     "of yours can read your environment)."),
    ] = None,
) -> None:
    ctx.obj = context.CliContext(journal=journal, passphrase_file=passphrase_file)


def _register_all() -> None:
    from afterword.cli import analyze, journal, partner, progress, reflect, serve, support

    for module in (journal, analyze, reflect, partner, support, serve, progress):
        module.register(app)


_register_all()


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script and ``python -m afterword``."""
    from afterword.errors import AfterwordError

    try:
        code = app(args=argv, standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except AfterwordError as exc:
        context.error(exc.user_message())
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        from afterword.messages import msg

        context.error(msg("common.interrupted"))
        sys.exit(130)
    except typer.Abort:
        from afterword.messages import msg

        context.error(msg("common.interrupted"))
        sys.exit(1)
    except SystemExit:
        raise
    except Exception as exc:  # usage errors and the like
        # Typer vendors its own click, so usage errors are recognised by shape, not by class.
        show, code = getattr(exc, "show", None), getattr(exc, "exit_code", None)
        if callable(show) and isinstance(code, int):
            show()
            sys.exit(code)
        import os

        if os.environ.get("AFTERWORD_DEBUG", "").strip().lower() in {"1", "true", "yes", "on"}:
            raise
        from afterword.messages import msg

        # No traceback by default: a person on a bad night needs a plain sentence, and an
        # error report must never carry entry text.
        context.error(msg("common.unexpected"))
        sys.exit(1)
