"""The sentence encoder: static embeddings distilled from all-MiniLM-L6-v2 (model2vec).

Loaded once per process, on first use, from the package's own artifact folder. Never from a
model hub: the path is checked before model2vec sees it, and the hub is switched offline.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ENCODER_DIR = ARTIFACTS / "encoder"
MAX_SENTENCE_CHARS = 2000
MAX_CACHED_CHUNKS = 50_000  # about 12 MB at most; a journal rarely has that many distinct words

Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True)
class EncoderInfo:
    name: str
    version: str
    dim: int


class StaticEncoder:
    """Mean of token vectors, L2-normalised. ``encode_groups`` pools sentences and whole texts
    from a single tokenisation, so a text's vector is the mean over all of its tokens."""

    def __init__(self, folder: Path = ENCODER_DIR) -> None:
        if (
            not (folder / "model.safetensors").is_file()
            or not (folder / "tokenizer.json").is_file()
        ):
            from afterword.errors import InvalidInput

            raise InvalidInput(f"encoder artifact missing at {folder}")
        # The artifact is model2vec's format; reading its two files directly keeps start-up
        # light (model2vec itself imports the Hugging Face hub client) and can never download.
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        tokenizer.no_truncation()
        tokenizer.no_padding()
        self._tokenizer = tokenizer
        self._chunks: dict[str, list[int]] = {}
        self._table: Matrix = np.asarray(
            load_file(str(folder / "model.safetensors"))["embeddings"], dtype=np.float32
        )
        unk = getattr(tokenizer.model, "unk_token", None)
        self._unk = tokenizer.token_to_id(unk) if unk else None
        self.dim = int(self._table.shape[1])
        build = (
            json.loads((folder / "build.json").read_text())
            if (folder / "build.json").is_file()
            else {}
        )
        self.info = EncoderInfo(
            name=str(build.get("name", "static-minilm")),
            version=str(build.get("version", "0")),
            dim=self.dim,
        )

    def _ids(self, texts: Sequence[str]) -> list[list[int]]:
        clipped = [t[:MAX_SENTENCE_CHARS] for t in texts]
        ids = [e.ids for e in self._tokenizer.encode_batch_fast(clipped, add_special_tokens=False)]
        if self._unk is not None:  # as model2vec does: unknown pieces carry no meaning
            unk = self._unk
            ids = [[t for t in x if t != unk] if unk in x else x for x in ids]
        return ids

    def _chunk_ids(self, texts: Sequence[str]) -> tuple[list[int], list[int]]:
        """The ids ``_ids`` gives, back to back, and how many each text has.

        BERT's normaliser and pre-tokeniser never look across a space, so a text's ids are its
        space-separated chunks' ids in order; chunks repeat a lot, so they are cached (up to a
        size, never evicted, so other threads can read it safely) and only new ones go to the
        tokeniser.
        """
        cache = self._chunks
        split = [t[:MAX_SENTENCE_CHARS].split(" ") for t in texts]
        new = list({c for chunks in split for c in chunks if c not in cache})
        fresh = dict(zip(new, self._ids(new), strict=True)) if new else {}
        if fresh and len(cache) < MAX_CACHED_CHUNKS:
            cache.update(fresh)
        get = cache.get
        flat: list[int] = []
        lengths: list[int] = []
        for chunks in split:
            before = len(flat)
            for chunk in chunks:
                ids = get(chunk)
                flat += fresh[chunk] if ids is None else ids
            lengths.append(len(flat) - before)
        return flat, lengths

    def _sums(self, ids: list[list[int]]) -> tuple[Matrix, npt.NDArray[np.float32]]:
        return self._sums_flat([t for x in ids for t in x], [len(x) for x in ids])

    def _sums_flat(
        self, ids: list[int], counts: list[int]
    ) -> tuple[Matrix, npt.NDArray[np.float32]]:
        """Sums of token vectors for texts whose ``counts`` ids lie back to back in ``ids``."""
        lengths = np.asarray(counts, dtype=np.int64).reshape(-1)
        sums = np.zeros((len(counts), self.dim), dtype=np.float32)
        nonempty = np.flatnonzero(lengths)
        if nonempty.size:
            flat = np.asarray(ids, dtype=np.int64)
            ends = np.cumsum(lengths[nonempty])
            starts = ends - lengths[nonempty]
            # reduceat over one huge gathered block thrashes the cache; small blocks are far faster.
            for lo in range(0, nonempty.size, 64):
                hi = min(lo + 64, nonempty.size)
                block = self._table[flat[starts[lo] : ends[hi - 1]]]
                sums[nonempty[lo:hi]] = np.add.reduceat(block, starts[lo:hi] - starts[lo], axis=0)
        return sums, lengths.astype(np.float32)

    def encode(self, texts: Sequence[str], batch_size: int = 512) -> Matrix:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for lo in range(0, len(texts), batch_size):
            sums, _ = self._sums(self._ids(texts[lo : lo + batch_size]))
            out[lo : lo + batch_size] = _normalise(sums)
        return out

    def encode_groups(self, groups: Sequence[Sequence[str]]) -> tuple[Matrix, Matrix]:
        """Vectors for each group (text) and for each of its parts (sentences), in order.

        Returns ``(texts, parts)`` where ``parts`` has one row per sentence, flattened.
        """
        flat = [s for g in groups for s in g]
        sums, _ = self._sums_flat(*self._chunk_ids(flat))
        parts = _normalise(sums)
        sizes = np.fromiter((len(g) for g in groups), dtype=np.int64, count=len(groups))
        totals = np.zeros((len(groups), self.dim), dtype=np.float32)
        nonempty = np.flatnonzero(sizes)
        if nonempty.size:
            starts = np.concatenate(([0], np.cumsum(sizes[nonempty])[:-1]))
            totals[nonempty] = np.add.reduceat(sums, starts, axis=0)
        return _normalise(totals), parts


def _normalise(m: Matrix) -> Matrix:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: Matrix = (m / norms).astype(np.float32, copy=False)
    return out


_lock = threading.Lock()
_encoder: StaticEncoder | None = None


def get() -> StaticEncoder:
    """The process-wide encoder, loaded on first use."""
    global _encoder
    if _encoder is None:
        with _lock:
            if _encoder is None:
                _encoder = StaticEncoder()
    return _encoder
