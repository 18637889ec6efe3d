"""The bridge from the journal to the local analysis engine (``afterword.analysis``).

The engine is imported only when an entry is analysed, and its absence or failure never stops
an entry from being saved: the entry is kept, and the analysis can be run later
(``JournalService.analyze_pending``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class Analysed:
    result: dict[str, Any]
    vector: bytes | None
    dim: int
    model_name: str | None
    model_version: str | None


class Analyzer(Protocol):
    def run(self, texts: Sequence[str]) -> list[Analysed] | None: ...
    def embed_query(self, text: str) -> Any: ...


class LocalAnalyzer:
    """Calls ``afterword.analysis.analyze`` and ``embed``; returns None when unavailable."""

    def __init__(self) -> None:
        self._broken = False

    def _engine(self) -> Any:
        if self._broken:
            return None
        try:
            import afterword.analysis as engine

            if not hasattr(engine, "analyze"):
                raise ImportError("analysis engine without analyze()")
        except ImportError:
            self._broken = True
            return None
        return engine

    def run(self, texts: Sequence[str]) -> list[Analysed] | None:
        engine = self._engine()
        if engine is None or not texts:
            return None
        try:
            results = engine.analyze(list(texts))
            vectors = engine.embed(list(texts)) if hasattr(engine, "embed") else None
        except Exception:  # noqa: BLE001 - analysis must never cost a person their entry
            return None
        out = []
        for index, result in enumerate(results):
            data = result.to_dict()
            model = data.get("model") or {}
            vector = None
            dim = 0
            if vectors is not None:
                import numpy as np

                row = np.asarray(vectors[index], dtype="<f4")
                vector, dim = row.tobytes(), int(row.shape[0])
            out.append(Analysed(data, vector, dim, model.get("name"), model.get("version")))
        return out

    def embed_query(self, text: str) -> Any:
        engine = self._engine()
        if engine is None or not hasattr(engine, "embed"):
            return None
        return engine.embed([text])[0]


def analysis_text(title: str | None, body: str) -> str:
    return f"{title}\n\n{body}" if title else body
