"""User-facing text for the reflect area. Keys start with "reflect."."""

MESSAGES: dict[str, str] = {}
