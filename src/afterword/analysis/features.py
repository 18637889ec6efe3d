"""Lexical features beside the embedding, computed the same way at training and at run time.

* Hashed unigrams and bigrams: static embeddings lose word order and down-weight frequent
  words ("not", "so", "ever"); a hashed bag of words gives a linear head those cues back.
  A unigram's bucket is CRC32 of the word (stable across processes, unlike ``hash``); a bigram's
  bucket is mixed from its two unigram buckets, so it costs no string work. Each segment's vector
  is its gram counts divided by the square root of its number of grams.
* Trap cues: hand-written patterns from the CBT descriptions of the thinking traps.

Everything works on *groups*: a text split into sentences. Sentence rows and text rows come
out of one pass, which is what keeps bulk analysis fast.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

import numpy as np
import numpy.typing as npt

from afterword.analysis.scan import MultiScan

# Words of two or more word characters (scikit-learn's default token). Written without the
# ``\b`` on either side, which finds the same words (a greedy run starts and ends at word
# edges) and lets ``re`` skip to word characters quickly.
_TOKEN = re.compile(r"(?u)\w\w+")
_ASCII_TOKEN = re.compile(r"[a-z0-9_][a-z0-9_]+")  # the same tokens in lowered ASCII text
_BUCKETS: dict[str, int] = {}
_MIX = 0x9E3779B1

Matrix = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]


def _bucket(token: str) -> int:
    value = _BUCKETS.get(token)
    if value is None:
        value = zlib.crc32(token.encode("utf-8"))
        if len(_BUCKETS) < 500_000:
            _BUCKETS[token] = value
    return value


def _grams(groups: Sequence[Sequence[str]], dim: int) -> tuple[Ints, Ints, Ints, Ints, Ints]:
    """Buckets of all grams, with each gram's sentence and text, and per-sentence/text counts.

    Bigrams inside a sentence belong to that sentence and its text; bigrams across two
    sentences of one text belong to the text only (sentence id -1).
    """
    sent_sizes: list[int] = []
    raw: list[int] = []
    known = _BUCKETS.__getitem__
    findall = _TOKEN.findall
    ascii_findall = _ASCII_TOKEN.findall
    for group in groups:
        for sentence in group:
            lowered = sentence.lower()
            tokens = ascii_findall(lowered) if lowered.isascii() else findall(lowered)
            sent_sizes.append(len(tokens))
            try:  # nearly every word has been seen before: one C-level pass
                raw.extend(list(map(known, tokens)))
            except KeyError:
                raw.extend([_bucket(t) for t in tokens])
    uni = np.asarray(raw, dtype=np.int64)
    n_sent = len(sent_sizes)
    sent_of_tok = np.repeat(np.arange(n_sent, dtype=np.int64), sent_sizes)
    group_sizes = np.fromiter((len(g) for g in groups), dtype=np.int64, count=len(groups))
    text_of_sent = np.repeat(np.arange(len(groups), dtype=np.int64), group_sizes)
    text_of_tok = text_of_sent[sent_of_tok] if n_sent else np.zeros(0, dtype=np.int64)

    same_text = text_of_tok[:-1] == text_of_tok[1:]
    same_sent = sent_of_tok[:-1] == sent_of_tok[1:]
    low = uni & 0xFFFFFF  # keeps the product inside int64
    bi = ((low[:-1] * _MIX) ^ (low[1:] + 0x7F4A7C15)) & 0xFFFFFFFF
    keep = same_text
    bi_sent = np.where(same_sent, sent_of_tok[:-1], -1)[keep]
    buckets = np.concatenate([uni, bi[keep]]) & (dim - 1)
    sent_ids = np.concatenate([sent_of_tok, bi_sent])
    text_ids = np.concatenate([text_of_tok, text_of_tok[:-1][keep]])
    sent_counts = np.bincount(sent_ids[sent_ids >= 0], minlength=n_sent)
    text_counts = np.bincount(text_ids, minlength=len(groups))
    return buckets, sent_ids, text_ids, sent_counts, text_counts


@dataclass(frozen=True)
class _Segments:
    """How to add up gram rows per segment (sentence or text): the grams' buckets in segment
    order (a stable sort, so each segment's grams keep their order), where each segment
    starts, and which segment that is."""

    buckets: Ints
    starts: Ints
    ids: Ints
    size: int

    @classmethod
    def of(cls, buckets: Ints, ids: Ints, size: int) -> _Segments:
        order = np.argsort(ids, kind="stable")
        sorted_ids = ids[order]
        starts = np.flatnonzero(np.r_[True, sorted_ids[1:] != sorted_ids[:-1]])
        if not ids.size:
            starts = starts[:0]
        return cls(buckets[order], starts, sorted_ids[starts], size)

    def sum(self, weights: Matrix) -> Matrix:
        out = np.zeros((self.size, weights.shape[1]), dtype=np.float32)
        starts, total = self.starts, self.buckets.size
        for lo in range(0, starts.size, 256):  # in blocks: one huge gather thrashes the cache
            hi = min(lo + 256, starts.size)
            a, b = starts[lo], (starts[hi] if hi < starts.size else total)
            out[self.ids[lo:hi]] = np.add.reduceat(
                weights[self.buckets[a:b]], starts[lo:hi] - a, axis=0
            )
        return out


@dataclass(frozen=True)
class _Hashed:
    sents: _Segments
    texts: _Segments
    sent_scale: Matrix  # 1 / sqrt(grams), one column
    text_scale: Matrix

    @classmethod
    def of(cls, groups: Sequence[Sequence[str]], dim: int) -> _Hashed:
        buckets, sent_ids, text_ids, sent_counts, text_counts = _grams(groups, dim)
        in_sent = sent_ids >= 0
        return cls(
            _Segments.of(buckets[in_sent], sent_ids[in_sent], sent_counts.size),
            _Segments.of(buckets, text_ids, len(groups)),
            np.sqrt(np.maximum(sent_counts, 1)).astype(np.float32)[:, None],
            np.sqrt(np.maximum(text_counts, 1)).astype(np.float32)[:, None],
        )

    def scores(self, weights: Matrix) -> tuple[Matrix, Matrix]:
        sent = self.sents.sum(weights)
        text = self.texts.sum(weights)
        sent /= self.sent_scale
        text /= self.text_scale
        return text, sent


class Lexical:
    """The lexical features of one batch of groups, each worked out once however many heads
    read them (three heads hash the same grams)."""

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        self.groups = groups
        self._hashed: dict[int, _Hashed] = {}
        self._cues: tuple[Matrix, Matrix] | None = None

    def hashed(self, weights: Matrix, dim: int) -> tuple[Matrix, Matrix]:
        """``(text_scores, sentence_scores)`` of the hashed features times ``weights``."""
        got = self._hashed.get(dim)
        if got is None:
            got = self._hashed[dim] = _Hashed.of(self.groups, dim)
        return got.scores(weights)

    def cues(self) -> tuple[Matrix, Matrix]:
        """``cues_grouped(groups)``."""
        if self._cues is None:
            self._cues = cues_grouped(self.groups)
        return self._cues


def hashed_grouped(
    groups: Sequence[Sequence[str]], weights: Matrix, dim: int
) -> tuple[Matrix, Matrix]:
    """``(text_scores, sentence_scores)`` of the hashed features times ``weights``."""
    return Lexical(groups).hashed(weights, dim)


def hashed_sparse(texts: Sequence[str], dim: int) -> Any:
    """The same features for whole texts as a scipy CSR matrix (training only)."""
    import scipy.sparse as sp

    buckets, _, text_ids, _, text_counts = _grams([[t] for t in texts], dim)
    values = (1.0 / np.sqrt(np.maximum(text_counts, 1)))[text_ids].astype(np.float32)
    return sp.csr_matrix((values, (text_ids, buckets)), shape=(len(texts), dim), dtype=np.float32)


# Cues from the CBT descriptions of the thinking traps. They are inputs to the learned trap
# head (which weighs them), not decisions on their own.
CUES: tuple[str, ...] = (
    r"\b(?:always|never|every(?:one|body|thing| time| single)?|no ?one|nobody|nothing|all)\b",
    r"\b(?:completely|totally|entirely|perfect\w*|failure|ruined|useless|whole|either)\b",
    r"\bi(?:'m| am|’m|m)\s+(?:such\s+|a\s+|an\s+|so\s+|just\s+)?(?:\w+\s+)?"
    r"(?:idiot|loser|failure|stupid|"
    r"pathetic|worthless|useless|mess|joke|fool|coward|terrible|awful|bad|horrible|ugly|"
    r"disgusting|weak|burden|fraud|slut|pig|lazy|incompetent)\b",
    r"\b(?:will|won'?t|going to|gonna|'ll|’ll)\b",
    r"\b(?:thinks?|thought|must think|probably think|judg\w+|can tell|sees? me as|secretly)\b",
    r"\bi\s+feel\b",
    r"\b(?:so|therefore|which means|must be|means i|proves)\b",
    r"\b(?:should|shouldn'?t|must|mustn'?t|ought|have to|has to|supposed to)\b",
    r"\b(?:my fault|because of me|i caused|blame myself|on me|i must have)\b",
    r"\b(?:just|only|luck|lucky|fluke|doesn'?t count|being nice|polite|anyone could)\b",
    r"\b(?:disaster|worst|terrible|end of|catastroph\w+|ruin\w*|never recover|die|dying|over|"
    r"forever)\b",
    r"\b(?:everyone else|other people|others|better than me|compared|than me|as good as|"
    r"smarter|prettier|more successful)\b",
    r"\b(?:(?:his|her|their|your|its)\s+fault|blame|because of (?:him|her|them|my)|made me|"
    r"ruined my|the reason)\b",
    r"\b(?:sad|anxious|depressed|scared|afraid|angry|upset|hurt|lonely|miserable|stressed|"
    r"nervous|overwhelmed|guilty|ashamed|hopeless|dread\w*|exhausted|empty)\b",
)
_cue_scan: MultiScan | None = None  # all cues in one pass over lowered text (scan.py)
_APART = " \x00 "


def cues_grouped(groups: Sequence[Sequence[str]]) -> tuple[Matrix, Matrix]:
    """``(text_cues, sentence_cues)``: 1 where a cue occurs in the text / starts in the sentence."""
    n_sent = sum(len(g) for g in groups)
    text = np.zeros((len(groups), len(CUES)), dtype=np.float32)
    sent = np.zeros((n_sent, len(CUES)), dtype=np.float32)
    global _cue_scan
    if _cue_scan is None:
        _cue_scan = MultiScan(CUES)
    scan = _cue_scan
    # Every text of the batch in one scan, texts kept apart by _APART (no cue matches it, so
    # none runs from one text into the next, and each text starts and ends as a whole one).
    ends: list[int] = []  # where each sentence ends (one past its space), in ``joined``
    owner: list[int] = []  # the text of each sentence
    parts: list[str] = []
    pos = 0
    for gi, group in enumerate(groups):
        if not group:
            continue
        lowered = " ".join(group).lower()
        ends.extend(pos + e for e in accumulate(len(s.lower()) + 1 for s in group))
        owner.extend([gi] * len(group))
        parts.append(lowered)
        pos += len(lowered) + len(_APART)
    joined = _APART.join(parts)
    text_rows: list[int] = []
    text_cols: list[int] = []
    sent_rows: list[int] = []
    sent_cols: list[int] = []
    for j, found in enumerate(scan.finditer_all(joined)):
        rows = {bisect_right(ends, m.start()) for m in found}
        sent_rows.extend(rows)
        sent_cols.extend(j for _ in rows)
        texts = {owner[r] for r in rows}
        text_rows.extend(texts)
        text_cols.extend(j for _ in texts)
    text[text_rows, text_cols] = 1.0
    sent[sent_rows, sent_cols] = 1.0
    return text, sent


def cue_matrix(texts: Sequence[str]) -> Matrix:
    return cues_grouped([[t] for t in texts])[0]
