"""The shipped heads are plain arrays, and one command reproduces them exactly."""

from __future__ import annotations

import json

import numpy as np
import pytest

from afterword.analysis import heads
from afterword.analysis.labels import EMOTIONS, THEMES, TRAPS

pytest.importorskip("sklearn")

SMALL = ("traps", "themes", "crisis", "nonconsent", "rumination")


def test_shipped_heads_load_without_pickle():
    hs = heads.load()
    assert hs["traps"].labels == TRAPS
    assert hs["themes"].labels == THEMES
    assert hs["emotions"].labels == EMOTIONS
    with np.load(heads.ARTIFACTS / "heads.npz", allow_pickle=False) as arrays:
        assert all(arrays[k].dtype != object for k in arrays.files)
    meta = json.loads((heads.ARTIFACTS / "heads.json").read_text())
    assert meta["version"] and meta["training"]["command"].startswith("python -m")


def test_retraining_reproduces_the_shipped_heads_exactly(tmp_path):
    from afterword.analysis import train

    trained, meta = train.train(SMALL)
    heads.save(tmp_path, train.VERSION, trained, meta)
    fresh = heads.load(tmp_path)
    shipped = heads.load()
    for name in SMALL:
        a, b = fresh[name], shipped[name]
        assert np.array_equal(a.w_emb, b.w_emb), name
        assert np.array_equal(a.bias, b.bias), name
        assert np.array_equal(a.thresholds, b.thresholds), name
    # The data the shipped heads were trained on is the data in the repository.
    shipped_inputs = shipped.meta["training"]["inputs"]
    for key, digest in meta["training"]["inputs"].items():
        assert shipped_inputs[key] == digest, key


def test_saving_is_byte_for_byte_stable(tmp_path):
    hs = heads.load()
    for folder in (tmp_path / "a", tmp_path / "b"):
        heads.save(folder, hs.version, list(hs.heads.values()), {"training": hs.meta["training"]})
    assert (tmp_path / "a" / "heads.npz").read_bytes() == (
        tmp_path / "b" / "heads.npz"
    ).read_bytes()
    assert (tmp_path / "a" / "heads.json").read_text() == (
        tmp_path / "b" / "heads.json"
    ).read_text()
