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


# Hand-written cues from the CBT descriptions of the thinking traps. They are inputs to the
# learned trap head (which weighs them), not decisions on their own: static embeddings
# down-weight frequent words such as "should", "always" or "my fault" that carry these traps.
CUES: tuple[str, ...] = (
    r"\b(?:always|never|every(?:one|body|thing| time| single)?|no ?one|nobody|nothing|all)\b",
    r"\b(?:completely|totally|entirely|perfect\w*|failure|ruined|useless|whole|either)\b",
    r"\bi(?:'m| am|’m|m)\s+(?:such\s+|a\s+|an\s+|so\s+|just\s+)?(?:\w+\s+)?(?:idiot|loser|failure|stupid|"
    r"pathetic|worthless|useless|mess|joke|fool|coward|terrible|awful|bad|horrible|ugly|"
    r"disgusting|weak|burden|fraud|slut|pig|lazy|incompetent)\b",
    r"\b(?:will|won'?t|going to|gonna|'ll|’ll)\b",
    r"\b(?:thinks?|thought|must think|probably think|judg\w+|can tell|sees? me as|secretly)\b",
    r"\bi\s+feel\b",
    r"\b(?:so|therefore|which means|must be|means i|proves)\b",
    r"\b(?:should|shouldn'?t|must|mustn'?t|ought|have to|has to|supposed to)\b",
    r"\b(?:my fault|because of me|i caused|blame myself|on me|i must have)\b",
    r"\b(?:just|only|luck|lucky|fluke|doesn'?t count|being nice|polite|anyone could)\b",
    r"\b(?:disaster|worst|terrible|end of|catastroph\w+|ruin\w*|never recover|die|dying|over|forever)\b",
    r"\b(?:everyone else|other people|others|better than me|compared|than me|as good as|"
    r"smarter|prettier|more successful)\b",
    r"\b(?:(?:his|her|their|your|its)\s+fault|blame|because of (?:him|her|them|my)|made me|"
    r"ruined my|the reason)\b",
    r"\b(?:sad|anxious|depressed|scared|afraid|angry|upset|hurt|lonely|miserable|stressed|"
    r"nervous|overwhelmed|guilty|ashamed|hopeless|dread\w*|exhausted|empty)\b",
)
_CUE_RX = tuple(re.compile(c, re.IGNORECASE) for c in CUES)


def cue_matrix(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    out = np.zeros((len(texts), len(_CUE_RX)), dtype=np.float32)
    for i, text in enumerate(texts):
        for j, rx in enumerate(_CUE_RX):
            if rx.search(text):
                out[i, j] = 1.0
    return out
