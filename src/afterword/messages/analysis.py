"""User-facing text for the analysis area. Keys start with "analysis."."""

MESSAGES: dict[str, str] = {}
