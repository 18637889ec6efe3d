"""Linear heads stored as plain arrays (``heads.npz``, no pickle) plus ``heads.json``.

``heads.json`` holds the version, each head's labels, features and decision thresholds, and how
the heads were trained. Inference is numpy only.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from afterword.analysis.features import Lexical

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Head:
    name: str
    labels: tuple[str, ...]
    thresholds: npt.NDArray[np.float32]
    w_emb: Matrix
    bias: npt.NDArray[np.float32]
    w_hash: Matrix | None = None
    hash_dim: int = 0
    w_cue: Matrix | None = None

    def proba_grouped(
        self,
        groups: Sequence[Sequence[str]],
        text_emb: Matrix,
        sent_emb: Matrix,
        lexical: Lexical | None = None,
    ) -> tuple[Matrix, Matrix]:
        """Probabilities per text and per sentence; ``groups`` are texts split into sentences.

        Heads that run on the same batch may share one ``lexical`` (built on ``groups``), so
        that its features are worked out once."""
        lt: Matrix = text_emb @ self.w_emb + self.bias
        ls: Matrix = sent_emb @ self.w_emb + self.bias
        if lexical is None and (self.w_hash is not None or self.w_cue is not None):
            lexical = Lexical(groups)
        if self.w_hash is not None:
            assert lexical is not None
            ht, hs = lexical.hashed(self.w_hash, self.hash_dim)
            lt, ls = lt + ht, ls + hs
        if self.w_cue is not None:
            assert lexical is not None
            ct, cs = lexical.cues()
            lt, ls = lt + ct @ self.w_cue, ls + cs @ self.w_cue
        return _sigmoid(lt), _sigmoid(ls)

    def proba(self, texts: Sequence[str], emb: Matrix) -> Matrix:
        """Probabilities for whole texts, each taken as one piece."""
        return self.proba_grouped([[t] for t in texts], emb, emb)[0]

    def threshold(self, label: str) -> float:
        return float(self.thresholds[self.labels.index(label)])


def _sigmoid(z: Matrix) -> Matrix:
    return (1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))).astype(np.float32)


@dataclass(frozen=True)
class HeadSet:
    version: str
    heads: dict[str, Head]
    meta: dict[str, Any]

    def __getitem__(self, name: str) -> Head:
        return self.heads[name]


def load(folder: Path = ARTIFACTS) -> HeadSet:
    meta = json.loads((folder / "heads.json").read_text())
    with np.load(folder / "heads.npz", allow_pickle=False) as arrays:
        data = {k: np.asarray(arrays[k], dtype=np.float32) for k in arrays.files}
    heads: dict[str, Head] = {}
    for name, spec in meta["heads"].items():
        heads[name] = Head(
            name=name,
            labels=tuple(spec["labels"]),
            thresholds=np.asarray(spec["thresholds"], dtype=np.float32),
            w_emb=data[f"{name}.w_emb"],
            bias=data[f"{name}.bias"],
            w_hash=data.get(f"{name}.w_hash"),
            hash_dim=int(spec.get("hash_dim", 0)),
            w_cue=data.get(f"{name}.w_cue"),
        )
    return HeadSet(version=str(meta["version"]), heads=heads, meta=meta)


def save(folder: Path, version: str, heads: Sequence[Head], meta: dict[str, Any]) -> None:
    """Write ``heads.npz`` and ``heads.json`` byte-for-byte reproducibly."""
    arrays: dict[str, npt.NDArray[Any]] = {}
    specs: dict[str, Any] = {}
    for head in heads:
        arrays[f"{head.name}.w_emb"] = head.w_emb.astype(np.float32)
        arrays[f"{head.name}.bias"] = head.bias.astype(np.float32)
        features = ["embedding"]
        if head.w_hash is not None:
            arrays[f"{head.name}.w_hash"] = head.w_hash.astype(np.float16)
            features.append("hashed-ngrams")
        if head.w_cue is not None:
            arrays[f"{head.name}.w_cue"] = head.w_cue.astype(np.float32)
            features.append("trap-cues")
        specs[head.name] = {
            "labels": list(head.labels),
            "thresholds": [round(float(t), 4) for t in head.thresholds],
            "features": "+".join(features),
            "hash_dim": head.hash_dim,
        }
    folder.mkdir(parents=True, exist_ok=True)
    _save_npz(folder / "heads.npz", arrays)
    doc = {"version": version, "heads": specs, **meta}
    (folder / "heads.json").write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n")


def _save_npz(path: Path, arrays: dict[str, npt.NDArray[Any]]) -> None:
    # np.savez stamps zip entries with the current time; write a stored zip with a fixed date.
    import io
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for key in sorted(arrays):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arrays[key]), allow_pickle=False)
            info = zipfile.ZipInfo(key + ".npy", date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, buf.getvalue())


_lock = threading.Lock()
_heads: HeadSet | None = None


def get() -> HeadSet:
    global _heads
    if _heads is None:
        with _lock:
            if _heads is None:
                _heads = load()
    return _heads
