"""Checking an answer against its step and putting it in its stored form."""

from __future__ import annotations

from collections.abc import Sequence

from afterword.domain.detector import TrapSuggestion
from afterword.domain.flow_defs import Kind, Step
from afterword.domain.flow_errors import INVALID, InvalidAnswer
from afterword.domain.flow_state import Value

MAX_TEXT = 5000
MAX_ITEM = 500


def validate(step: Step, key: str, value: Value,
             suggested: Sequence[TrapSuggestion] = ()) -> Value:
    """The answer in its stored form, or InvalidAnswer naming the step (never the text)."""
    kind = step.kind
    if kind is Kind.INFO:
        return True
    if value is None or value == "" or value == []:
        if step.required:
            raise InvalidAnswer(key, f"{INVALID}.required")
        return None
    if kind is Kind.CHOICE:
        allowed = [o.value for o in step.options]
        if not isinstance(value, str) or value not in allowed:
            raise InvalidAnswer(key, f"{INVALID}.choice", options=", ".join(allowed))
        return value
    if kind is Kind.MULTI:
        allowed = [o.value for o in step.options]
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            raise InvalidAnswer(key, f"{INVALID}.options", options=", ".join(allowed))
        bad = [v for v in items if v not in allowed]
        if bad:
            raise InvalidAnswer(key, f"{INVALID}.options", options=", ".join(allowed))
        chosen: list[Value] = [o for o in allowed if o in items]
        return chosen
    if kind is Kind.TEXT:
        if not isinstance(value, str):
            raise InvalidAnswer(key, f"{INVALID}.text")
        text = value.strip()
        if not text:
            if step.required:
                raise InvalidAnswer(key, f"{INVALID}.required")
            return None
        if len(text) > MAX_TEXT:
            raise InvalidAnswer(key, f"{INVALID}.too_long", limit=MAX_TEXT)
        return text
    if kind is Kind.LIST:
        raw_items = [value] if isinstance(value, str) else value
        if not isinstance(raw_items, list) or not all(isinstance(v, str) for v in raw_items):
            raise InvalidAnswer(key, f"{INVALID}.list")
        cleaned: list[Value] = []
        for item in raw_items:
            assert isinstance(item, str)
            text = item.strip()
            if not text or text in cleaned:
                continue
            if len(text) > MAX_ITEM:
                raise InvalidAnswer(key, f"{INVALID}.item_too_long", limit=MAX_ITEM)
            cleaned.append(text)
        if len(cleaned) > step.max_items:
            raise InvalidAnswer(key, f"{INVALID}.too_many", limit=step.max_items)
        if not cleaned:
            if step.required:
                raise InvalidAnswer(key, f"{INVALID}.required")
            return None
        return cleaned
    if kind is Kind.SCALE:
        number: int
        if isinstance(value, bool):
            raise InvalidAnswer(key, f"{INVALID}.scale", low=step.low, high=step.high)
        if isinstance(value, int):
            number = value
        elif isinstance(value, str) and value.strip().lstrip("-").isdigit():
            number = int(value.strip())
        else:
            raise InvalidAnswer(key, f"{INVALID}.scale", low=step.low, high=step.high)
        if not step.low <= number <= step.high:
            raise InvalidAnswer(key, f"{INVALID}.scale", low=step.low, high=step.high)
        return number
    if kind is Kind.TRAPS:
        return _validate_traps(key, value, suggested)
    raise InvalidAnswer(key, f"{INVALID}.text")  # pragma: no cover - exhaustive above


TRAP_LABELS: tuple[str, ...] = (
    "all_or_nothing", "overgeneralizing", "labeling", "fortune_telling", "mind_reading",
    "emotional_reasoning", "should_statements", "personalizing", "disqualifying_positive",
    "catastrophizing", "comparing_despairing", "blaming", "negative_feeling",
)


def _validate_traps(key: str, value: Value, suggested: Sequence[TrapSuggestion]) -> Value:
    if not isinstance(value, dict):
        raise InvalidAnswer(key, f"{INVALID}.traps")
    unknown = set(value) - {"confirmed", "rejected"}
    if unknown:
        raise InvalidAnswer(key, f"{INVALID}.traps")
    confirmed = value.get("confirmed") or []
    rejected = value.get("rejected") or []
    if not isinstance(confirmed, list) or not isinstance(rejected, list):
        raise InvalidAnswer(key, f"{INVALID}.traps")
    for label in [*confirmed, *rejected]:
        if not isinstance(label, str) or label not in TRAP_LABELS:
            raise InvalidAnswer(key, f"{INVALID}.trap_label")
    if set(map(str, confirmed)) & set(map(str, rejected)):
        raise InvalidAnswer(key, f"{INVALID}.trap_both")
    offered = {t.label for t in suggested}
    stray = [label for label in rejected if label not in offered]
    if stray:
        raise InvalidAnswer(key, f"{INVALID}.trap_not_suggested")
    # Suggestions the person did not confirm count as rejected: their feedback is recorded.
    implicit = [t.label for t in suggested if t.label not in confirmed and t.label not in rejected]
    out_confirmed: list[Value] = [str(x) for x in dict.fromkeys(confirmed)]
    out_rejected: list[Value] = [str(x) for x in dict.fromkeys([*rejected, *implicit])]
    return {"confirmed": out_confirmed, "rejected": out_rejected}


def confirmed_traps(value: Value) -> list[str]:
    """The confirmed traps of a TRAPS answer."""
    if isinstance(value, dict):
        raw = value.get("confirmed")
        if isinstance(raw, list):
            return [str(x) for x in raw]
    return []


def traps_from_json(value: Value) -> tuple[TrapSuggestion, ...]:
    if not isinstance(value, list):
        return ()
    out = []
    for item in value:
        if isinstance(item, dict):
            score = item.get("score")
            out.append(TrapSuggestion(
                label=str(item.get("label")),
                score=float(score) if isinstance(score, int | float) else 0.0,
                evidence=str(item.get("evidence") or ""),
            ))
    return tuple(out)


def texts_of(value: Value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def nonempty(value: Value) -> bool:
    if isinstance(value, dict):
        return any(nonempty(v) for v in value.values())
    return value not in (None, "", [], {}, False)
