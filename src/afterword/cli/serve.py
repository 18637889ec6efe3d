"""`afterword serve`: the web app on this machine, over the default (or chosen) journal."""

from __future__ import annotations

from typing import Annotated, Optional

import typer


def register(app: typer.Typer) -> None:
    """Add this area's commands to `app`."""

    @app.command("serve")
    def serve(
        ctx: typer.Context,
        host: Annotated[Optional[str], typer.Option(  # noqa: UP007,UP045 - typer reads it
            "--host", help="Address to bind (default: AFTERWORD_HOST, 127.0.0.1). Keep it "
            "local: the app refuses requests for any other name.")] = None,
        port: Annotated[Optional[int], typer.Option(  # noqa: UP007,UP045
            "--port", help="Port to listen on (default: AFTERWORD_PORT, 8765).",
            min=1, max=65535)] = None,
        no_browser: Annotated[bool, typer.Option(
            "--no-browser", help="Do not open the browser.")] = False,
    ) -> None:
        """Open Afterword in your browser: create or unlock your journal there."""
        from afterword.cli import context
        from afterword.web.server import run

        journal = ctx.obj.journal if ctx.obj is not None else None
        run(journal=journal, host=host, port=port, open_browser=False if no_browser else None,
            say=context.info)
