"""Recovery keys: 160 random bits shown once as eight groups of base32 letters and digits."""

from __future__ import annotations

import base64
import os

RECOVERY_BYTES = 20
GROUP = 4


class BadRecoveryKey(ValueError):
    """The text is not shaped like a recovery key (wrong length or letters)."""


def generate() -> str:
    text = base64.b32encode(os.urandom(RECOVERY_BYTES)).decode("ascii")
    return "-".join(text[i:i + GROUP] for i in range(0, len(text), GROUP))


def to_bytes(key: str) -> bytes:
    """The secret behind a recovery key, forgiving case, spaces and dashes; 0/1/8 typed for
    O/I/B are accepted, since people copy these keys by hand."""
    cleaned = "".join(ch for ch in key.upper() if ch not in " -\t\n")
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    try:
        raw = base64.b32decode(cleaned)
    except ValueError:
        raise BadRecoveryKey("not base32") from None
    if len(raw) != RECOVERY_BYTES:
        raise BadRecoveryKey("wrong length")
    return raw
