"""Local analysis of journal text: emotions, themes, rumination, thinking traps, safety signals.

Importing this package is cheap; the encoder and heads load on the first call.

    >>> from afterword.analysis import analyze
    >>> [r.to_dict() for r in analyze(["I keep asking myself why I let it happen."])]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from afterword.analysis.result import Detection, ModelInfo, Result, Rumination, Safety, Signal

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "Detection", "ModelInfo", "Result", "Rumination", "Safety", "Signal", "analyze", "embed",
    "model_info",
]


def analyze(texts: Sequence[str], *, workers: int = 1) -> list[Result]:
    """Analyse each text; results come back in the same order.

    ``workers`` > 1 splits a large batch over that many forked processes (bulk jobs only;
    the model is loaded once, before the fork, and shared).
    """
    if isinstance(texts, str):
        raise TypeError("analyze() takes a list of texts, not one string")
    from afterword.analysis import engine

    if workers > 1:
        return engine.analyze_parallel(list(texts), workers)
    return engine.analyze(list(texts))


def embed(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """(n, d) float32 L2-normalised vectors, for finding similar entries."""
    if isinstance(texts, str):
        raise TypeError("embed() takes a list of texts, not one string")
    from afterword.analysis import engine

    return engine.embed(list(texts))


def model_info() -> ModelInfo:
    from afterword.analysis import engine

    return engine.model_info()
