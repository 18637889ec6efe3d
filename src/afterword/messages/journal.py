"""User-facing text for the journal area. Keys start with "journal."."""

MESSAGES: dict[str, str] = {}
