"""The pipeline: split, encode once, run heads and rules, pick evidence, build results."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from afterword.analysis import encoder as encoder_mod
from afterword.analysis import heads as heads_mod
from afterword.analysis import rumination as rumination_mod
from afterword.analysis import safety
from afterword.analysis.features import Lexical
from afterword.analysis.labels import EMOTIONS, THEMES, TRAPS
from afterword.analysis.result import (
    Detection,
    ModelInfo,
    Result,
    Rumination,
    Safety,
    Signal,
)
from afterword.analysis.text import Sentence, language, sentences

# Learned heads look at the first MAX_SENTENCES sentences; the safety rules read everything.
MAX_SENTENCES = 400
MAX_PIECE_CHARS = 400
MAX_EVIDENCE = 3
SURVIVOR_HIDDEN_THEMES = frozenset({"regret", "growth"})

Matrix = npt.NDArray[np.float32]


@dataclass
class _Prepared:
    text: str
    lang: str
    sents: list[Sentence]
    notes: list[str]


def _pieces(text: str) -> list[Sentence]:
    """Sentences, with very long run-ons cut at clause marks so evidence stays readable."""
    out: list[Sentence] = []
    for s in sentences(text):
        if len(s.text) <= MAX_PIECE_CHARS:
            out.append(s)
            continue
        start = 0
        body = s.text
        while len(body) - start > MAX_PIECE_CHARS:
            cut = max(
                body.rfind(mark, start, start + MAX_PIECE_CHARS) for mark in (", ", "; ", " - ")
            )
            if cut <= start:
                cut = body.rfind(" ", start, start + MAX_PIECE_CHARS)
            if cut <= start:
                cut = start + MAX_PIECE_CHARS
            piece = body[start : cut + 1].strip()
            if piece:
                off = body.index(piece, start)
                out.append(Sentence(s.start + off, s.start + off + len(piece), piece))
            start = cut + 1
        piece = body[start:].strip()
        if piece:
            off = body.index(piece, start)
            out.append(Sentence(s.start + off, s.start + off + len(piece), piece))
    return out


def _prepare(text: str) -> _Prepared:
    from afterword.messages import msg

    if not text or not text.strip():
        return _Prepared(text, "unknown", [], [msg("analysis.note.empty")])
    lang = language(text[:20000])
    if lang == "non_english":
        return _Prepared(text, lang, [], [msg("analysis.note.non_english")])
    notes: list[str] = []
    sents = _pieces(text)
    if lang == "unknown":
        notes.append(msg("analysis.note.unknown_language"))
    return _Prepared(text, lang, sents, notes)


def model_info() -> ModelInfo:
    enc = encoder_mod.get()
    hs = heads_mod.get()
    return ModelInfo(
        name=f"afterword-analysis/{enc.info.name}", version=f"{hs.version}+{enc.info.version}"
    )


_blas: Any = None


def _one_blas_thread() -> AbstractContextManager[Any]:
    """BLAS on one thread while the heads run: their products are small, and on two shared
    cores OpenBLAS's second thread mostly waits (a single-row product took ~100x longer)."""
    global _blas
    if _blas is None:
        try:
            from threadpoolctl import ThreadpoolController

            _blas = ThreadpoolController()
        except ImportError:  # pragma: no cover - threadpoolctl is a dependency
            _blas = False
    if _blas is False:
        return nullcontext()
    limit: AbstractContextManager[Any] = _blas.limit(limits=1, user_api="blas")
    return limit


def analyze(texts: Sequence[str]) -> list[Result]:
    from afterword.messages import msg

    prepared = [_prepare(t) for t in texts]
    enc = encoder_mod.get()
    hs = heads_mod.get()
    info = model_info()

    groups = [[s.text for s in p.sents[:MAX_SENTENCES]] for p in prepared]
    text_vecs, sent_vecs = enc.encode_groups(groups)

    lexical = Lexical(groups)
    with _one_blas_thread():
        p_traps_t, p_traps_s = hs["traps"].proba_grouped(groups, text_vecs, sent_vecs, lexical)
        p_themes_t, p_themes_s = hs["themes"].proba_grouped(groups, text_vecs, sent_vecs, lexical)
        p_emo_t, p_emo_s = hs["emotions"].proba_grouped(groups, text_vecs, sent_vecs, lexical)
        # Safety: the rules' matches and vetoes are features beside the embedding and n-grams.
        feats = safety.features_many([p.sents[:MAX_SENTENCES] for p in prepared])
        p_crisis, p_nonc = (
            safety.stacked_proba(hs[task], groups, text_vecs, sent_vecs, feats[task], lexical)
            for task in ("crisis", "nonconsent")
        )
        p_rum = hs["rumination"].proba_grouped([], text_vecs[:0], sent_vecs)[1][:, 0]

    sizes = [len(g) for g in groups]
    found_traps = _multilabel_all(hs["traps"].thresholds, p_traps_t, p_traps_s, sizes)
    found_themes = _multilabel_all(hs["themes"].thresholds, p_themes_t, p_themes_s, sizes)
    found_emo = _multilabel_all(hs["emotions"].thresholds, p_emo_t, p_emo_s, sizes)

    results: list[Result] = []
    offset = 0
    for i, prep in enumerate(prepared):
        k = len(groups[i])
        rows = slice(offset, offset + k)
        offset += k
        notes = list(prep.notes)
        if len(prep.sents) > MAX_SENTENCES:
            notes.append(msg("analysis.note.long", sentences=MAX_SENTENCES))
        if not prep.sents:
            results.append(_empty(info, prep.lang, notes))
            continue
        crisis, nonconsent = (
            safety.flagged(
                prep.sents,
                safety.with_tail(task, hs[task], prep.sents, p[rows]),
                hs[task].threshold(task),
            )
            for task, p in (("crisis", p_crisis), ("nonconsent", p_nonc))
        )
        rum = _rumination(prep.sents[:k], p_rum[rows], hs["rumination"].threshold("rumination"))
        traps = _detections(TRAPS, found_traps[i], prep.sents)
        themes = _detections(THEMES, found_themes[i], prep.sents)
        emotions = _detections(EMOTIONS, found_emo[i], prep.sents)
        if nonconsent.flag:
            # DESIGN §3: after an experience without consent, thoughts about it are never
            # called thinking traps, and it is never framed as a mistake or a lesson.
            traps = []
            themes = [d for d in themes if d.label not in SURVIVOR_HIDDEN_THEMES]
            notes.append(msg("analysis.note.survivor"))
        results.append(
            Result(
                safety=Safety(crisis=crisis, nonconsent=nonconsent),
                rumination=rum,
                traps=traps,
                emotions=emotions,
                themes=themes,
                model=info,
                language=prep.lang,
                notes=notes,
            )
        )
    return results


def _empty(info: ModelInfo, lang: str, notes: list[str]) -> Result:
    none = Signal(False, 0.0, [])
    return Result(
        safety=Safety(none, none),
        rumination=Rumination(False, [], 0.0),
        traps=[],
        emotions=[],
        themes=[],
        model=info,
        language=lang,
        notes=notes,
    )


def _rumination(
    sents: Sequence[Sentence], head: npt.NDArray[np.float32], threshold: float
) -> Rumination:
    questions: list[str] = []
    best = 0.0
    kinds, is_question = rumination_mod.classify([s.text for s in sents])
    scores: list[float] = head.tolist()
    for j, s in enumerate(sents):
        kind = kinds[j]
        p = scores[j]
        if kind == "practical":
            continue
        ruminative = kind in ("question", "statement") or p >= threshold
        if kind is None and not is_question[j] and p < max(threshold, 0.75):
            ruminative = False
        if ruminative:
            questions.append(s.text)
            best = max(best, p, 0.9 if kind else 0.0)
        else:
            best = max(best, min(p, threshold * 0.99))
    return Rumination(bool(questions), questions, best)


Found = list[tuple[int, float, int]]  # (label index, score, sentence index), best first


def _detections(labels: Sequence[str], found: Found, sents: Sequence[Sentence]) -> list[Detection]:
    return [Detection(labels[j], score, sents[row].text) for j, score, row in found]


def _multilabel_all(
    thresholds: npt.NDArray[np.float32],
    p_text: npt.NDArray[np.float32],
    p_sents: npt.NDArray[np.float32],
    sizes: Sequence[int],
) -> list[Found]:
    """For every text of a batch at once (``sizes``: sentences per text, their rows back to
    back in ``p_sents``): each label whose score (the text's, or its best sentence's, whichever
    is higher) reaches the threshold, with that best sentence (the first one, on a tie), best
    score first. Segment max and first argmax in numpy give what per-text ``argmax`` gave."""
    out: list[Found] = [[] for _ in sizes]
    counts = np.asarray(sizes, dtype=np.int64).reshape(-1)
    nonempty = np.flatnonzero(counts)
    if nonempty.size == 0:
        return out
    if np.isnan(p_sents).any() or np.isnan(p_text).any():  # keep argmax's own NaN rules
        offsets = np.concatenate(([0], np.cumsum(counts)))
        for i in nonempty.tolist():
            rows = p_sents[offsets[i] : offsets[i + 1]]
            best_rows = rows.argmax(axis=0)
            for j in range(rows.shape[1]):
                value = max(float(p_text[i, j]), float(rows[best_rows[j], j]))
                if value >= float(thresholds[j]):
                    out[i].append((j, value, int(best_rows[j])))
            out[i].sort(key=lambda f: -f[1])
        return out
    starts = (np.cumsum(counts) - counts)[nonempty]
    best = np.maximum.reduceat(p_sents, starts, axis=0)
    at_best = p_sents == np.repeat(best, counts[nonempty], axis=0)
    index = np.arange(p_sents.shape[0], dtype=np.int64)[:, None]
    first = np.minimum.reduceat(np.where(at_best, index, p_sents.shape[0]), starts, axis=0)
    score = np.maximum(p_text[nonempty], best)
    rr, jj = np.nonzero(score >= thresholds)
    texts = nonempty[rr].tolist()
    rows = (first[rr, jj] - starts[rr]).tolist()
    for i, j, value, row in zip(texts, jj.tolist(), score[rr, jj].tolist(), rows, strict=True):
        out[i].append((j, value, row))
    for found in out:
        if len(found) > 1:
            found.sort(key=lambda f: -f[1])
    return out


PARALLEL_CHUNK = 256


def analyze_parallel(texts: Sequence[str], workers: int) -> list[Result]:
    """``analyze`` over ``workers`` forked processes; falls back to one for small batches."""
    import multiprocessing

    if len(texts) < 2 * PARALLEL_CHUNK or "fork" not in multiprocessing.get_all_start_methods():
        return analyze(texts)
    encoder_mod.get()
    heads_mod.get()
    chunks = [list(texts[i : i + PARALLEL_CHUNK]) for i in range(0, len(texts), PARALLEL_CHUNK)]
    # This process does the first share itself: one process fewer to start, one share fewer
    # of results to pickle back, and no core left to a parent that only waits.
    own = -(-len(chunks) // workers)
    with multiprocessing.get_context("fork").Pool(workers - 1) as pool:
        pending = pool.map_async(analyze, chunks[own:])
        parts = [analyze(chunk) for chunk in chunks[:own]]
        parts += pending.get()
    return [r for part in parts for r in part]


def embed(texts: Sequence[str]) -> Matrix:
    """L2-normalised float32 vectors, one row per text (for "similar past entries")."""
    return encoder_mod.get().encode(list(texts))
