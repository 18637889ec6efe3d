"""The reflect area's broken rules (``FlowError``) as ``InvalidInput``, worded by the catalogue
and never holding what the person wrote."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from afterword.domain.flow_errors import FlowError, InvalidAnswer
from afterword.errors import InvalidInput
from afterword.messages import msg


def rule_message(exc: FlowError) -> str:
    """The catalogue's wording of a broken rule."""
    return msg("reflect.invalid.reason", reason=msg(exc.reason, **exc.values))


@contextmanager
def rules() -> Iterator[None]:
    try:
        yield
    except FlowError as exc:
        raise InvalidInput(rule_message(exc)) from None


@contextmanager
def answer_rules() -> Iterator[None]:
    """Like ``rules``; an answer that does not fit its step also names the step."""
    try:
        yield
    except InvalidAnswer as exc:
        reason = msg(exc.reason, **exc.values)
        raise InvalidInput(msg("reflect.error.answer", step=exc.key, reason=reason),
                           step=exc.key, reason=reason) from None
    except FlowError as exc:
        raise InvalidInput(rule_message(exc)) from None
