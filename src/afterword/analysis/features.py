"""Hashed word and word-pair features, the same at training and at run time.

Static embeddings lose word order and small function words ("not", "so", "ever"); a hashed
bag of unigrams and bigrams next to the embedding gives the linear heads those cues back.
CRC32 is stable across processes and platforms (unlike Python's ``hash``).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt

_TOKEN = re.compile(r"(?u)\b\w\w+\b")


@lru_cache(maxsize=200_000)
def _bucket(token: str, dim: int) -> int:
    return zlib.crc32(token.encode("utf-8")) & (dim - 1)


def hashed_rows(text: str, dim: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
    """Bucket indices and L2-normalised counts of the unigrams and bigrams of ``text``."""
    tokens = _TOKEN.findall(text.lower())
    grams = tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]
    if not grams:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    idx, counts = np.unique(
        np.fromiter((_bucket(g, dim) for g in grams), dtype=np.int64, count=len(grams)),
        return_counts=True,
    )
    values = counts.astype(np.float32)
    values /= np.float32(np.sqrt((values * values).sum()))
    return idx, values


def hashed_scores(
    texts: Sequence[str], weights: npt.NDArray[np.float32], dim: int
) -> npt.NDArray[np.float32]:
    """``H @ weights`` for the hashed features ``H`` of ``texts``, without building ``H``."""
    out = np.zeros((len(texts), weights.shape[1]), dtype=np.float32)
    for i, text in enumerate(texts):
        idx, values = hashed_rows(text, dim)
        if idx.size:
            out[i] = values @ weights[idx]
    return out
