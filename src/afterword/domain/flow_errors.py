"""The errors of the flow engine and the flows built on it.

A broken rule carries a message key (``reflect.invalid.*``) and the values that fill it, never
what the person wrote, so the CLI and the web app can word it from the catalogue.
"""

from __future__ import annotations

# The message key prefix of every broken rule.
INVALID = "reflect.invalid"


class FlowError(ValueError):
    """A broken rule of the reflect area. ``reason`` is a message key (``reflect.invalid.*``)
    and ``values`` fill it; neither ever holds what the person wrote."""

    def __init__(self, reason: str, **values: object) -> None:
        self.reason = reason
        self.values = values
        super().__init__(f"{reason} {values}" if values else reason)


class InvalidAnswer(FlowError):
    """An answer that does not fit its step; ``key`` names the step."""

    def __init__(self, key: str, reason: str, **values: object) -> None:
        self.key = key
        super().__init__(reason, **values)


class NotCurrentStep(FlowError):
    pass


class FlowFinished(FlowError):
    pass


class NothingBefore(FlowError):
    pass
