"""User-facing text for the progress area. Keys start with "progress."."""

MESSAGES: dict[str, str] = {}
