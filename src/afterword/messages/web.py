"""User-facing text for the web area. Keys start with "web."."""

MESSAGES: dict[str, str] = {}
