"""Crisis and non-consent: the rules' matches and vetoes as features of a learned head.

Each sentence gets a few 0/1 features from the hand-written rules: an explicit match (suicide,
self-harm, non-consent), and each context that could veto it (negation, idiom, fiction,
someone else, a clearly past and resolved mention, an everyday setting, consent respected).
A logistic head reads them beside the sentence's embedding and hashed n-grams and learns how
far to trust each one; a sentence is evidence when its probability reaches the threshold
chosen on the validation split (highest recall at a false-positive rate of at most 5%).

Before session 2 the rules decided alone where they matched. Examples by new authors showed
that their vetoes missed many idioms and negations and their patterns missed many plain
wordings; learned weights over the same signals did better on every held-out set we have
(docs/analysis-quality.md).

The rules scan each text once; the vetoes are only worked out for sentences that a rule or a
risk word touches.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

import numpy as np
import numpy.typing as npt

from afterword.analysis import rules
from afterword.analysis.features import Lexical
from afterword.analysis.heads import Head
from afterword.analysis.result import Signal
from afterword.analysis.text import Sentence

MAX_EVIDENCE = 3
_SEP = " .\n"  # no rule pattern crosses this, so matches stay inside one sentence
_SELF = re.compile(r"\b(?:i|i'm|i’m|i've|i’ve|i'd|i’d|i'll|me|myself|my)\b", re.IGNORECASE)
_OTHER = re.compile(
    r"\b(?:he|she|they|him|her|them|his|their|friend|sister|brother|mom|mother|dad|father|"
    r"cousin|roommate|partner|ex|boyfriend|girlfriend|husband|wife|coworker|colleague|aunt|"
    r"uncle|son|daughter|character|someone|somebody|people|person|guy|girl|man|woman|grandad|"
    r"grandpa|grandma|granny|gran|nan|grandmother|grandfather|nephew|niece|neighbou?r|boss|"
    r"teacher|dog|cat|kid|kids|baby|patient|client|student|classmate|housemate|flatmate|"
    r"stepdad|stepmum|stepmom|mum|plant|phone|battery)\b",
    re.IGNORECASE,
)
_MY_BODY = re.compile(
    r"\bmy\s+(?:wrists?|arms?|body|hands?|legs?|clothes|neck|hair|drink|room|bed|jeans|pants|"
    r"underwear|shirt|dress|skirt|mouth|throat|no)\b",
    re.IGNORECASE,
)
# "The film made me want to die": fiction as the trigger, not the subject.
_MAKES_ME = re.compile(
    r"\b(?:makes?|made|making)\s+me\s+"
    r"(?:want|wish|think about|feel like (?:dying|ending|giving up))\b",
    re.IGNORECASE,
)

Probs = npt.NDArray[np.float32]


def _speaker_is_other(text: str, pos: int) -> bool:
    """True when the nearest subject before ``pos`` is someone other than the writer."""
    prefix = text[:pos]
    last_self = max((m.end() for m in _SELF.finditer(prefix)), default=-1)
    last_other = max((m.end() for m in _OTHER.finditer(prefix)), default=-1)
    return last_other > last_self


def _overlaps(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in spans)


def _matches(rx: rules.Rule, texts: Sequence[str]) -> dict[int, list[tuple[int, int]]]:
    """Sentence index -> match spans (local to the sentence), from one scan of all sentences."""
    joined = _SEP.join(texts)
    ends = list(accumulate(len(t) + len(_SEP) for t in texts))
    found: dict[int, list[tuple[int, int]]] = {}
    for m in rx.finditer(joined):
        i = bisect_right(ends, m.start())
        if i < len(texts):
            off = ends[i] - len(texts[i]) - len(_SEP)
            found.setdefault(i, []).append((m.start() - off, m.end() - off))
    return found


def _signal(
    sents: Sequence[Sentence], scores: dict[int, float], base: float, threshold: float
) -> Signal:
    flagged = sorted((i for i, s in scores.items() if s >= threshold), key=lambda i: -scores[i])
    top = max([base, *scores.values()])
    evidence = [sents[i].text for i in sorted(flagged[:MAX_EVIDENCE])]
    return Signal(bool(flagged), top, evidence)


def _below(p: Probs, threshold: float) -> float:
    low = p[p < threshold]
    return float(low.max()) if low.size else 0.0


# --- Features ---------------------------------------------------------------------------------

CRISIS_FEATURES = (
    "rule", "rule_vetoed", "lexicon", "idiom", "negated", "fiction", "past", "resolved",
    "other", "risky", "first_person", "lexicon_vetoed",
)
NONCONSENT_FEATURES = (
    "rule", "rule_vetoed", "context_form", "sexual_near", "intimate", "violation", "said_no",
    "negated", "other_or_fiction", "act_with_signal", "everyday",
)


def crisis_features(sents: Sequence[Sentence]) -> Probs:
    texts = [s.text for s in sents]
    f = np.zeros((len(texts), len(CRISIS_FEATURES)), np.float32)
    if not texts:
        return f
    col = {name: j for j, name in enumerate(CRISIS_FEATURES)}
    hits = _matches(rules.CRISIS, texts)
    for i, spans in _matches(rules.CRISIS_MORE, texts).items():
        hits.setdefault(i, []).extend(spans)
    lexicon = _matches(rules.CRISIS_LEXICON, texts)
    risky = _matches(rules.RISK_WORDS, texts)
    for i in set(hits) | set(lexicon) | set(risky):
        text = texts[i]
        row = f[i]
        row[col["risky"]] = 1.0
        idioms = [m.span() for m in rules.CRISIS_IDIOM.finditer(text)]
        if rules.CRISIS_IDIOM_MORE.search(text):
            idioms.append((0, len(text)))
        negated = [m.span() for m in rules.NEGATED_CRISIS.finditer(text)]
        negated += [m.span() for m in rules.NEGATED_CRISIS_MORE.finditer(text)]
        fiction = bool(rules.FICTION.search(text)) and not _MAKES_ME.search(text)
        near = " ".join(texts[max(0, i - 1) : i + 2])
        past = bool(rules.PAST.search(text))
        first = bool(rules.FIRST_PERSON.search(text))
        row[col["idiom"]] = float(bool(idioms))
        row[col["negated"]] = float(bool(negated))
        row[col["fiction"]] = float(fiction)
        row[col["past"]] = float(past)
        row[col["resolved"]] = float(past and bool(rules.RESOLVED.search(near)))
        row[col["other"]] = float(bool(rules.OTHER_PERSON.search(text)) and not first)
        row[col["first_person"]] = float(first)
        spans = list(hits.get(i, []))
        if i in lexicon:
            lex_ok = not rules.CRISIS_LEXICON_VETO.search(text) and not all(
                _speaker_is_other(text, a) for a, _ in lexicon[i]
            )
            row[col["lexicon"]] = float(lex_ok and first)
            row[col["lexicon_vetoed"]] = float(not lex_ok)
            if lex_ok and first:
                spans += lexicon[i]
        if spans:
            clean = any(
                not _overlaps(span, idioms)
                and not _overlaps(span, negated)
                and (_SELF.search(text, span[0], span[1]) or not _speaker_is_other(text, span[0]))
                for span in spans
            )
            row[col["rule"]] = float(clean)
            row[col["rule_vetoed"]] = float(not clean)
    return f


def nonconsent_features(sents: Sequence[Sentence]) -> Probs:
    texts = [s.text for s in sents]
    n = len(texts)
    f = np.zeros((n, len(NONCONSENT_FEATURES)), np.float32)
    if not texts:
        return f
    col = {name: j for j, name in enumerate(NONCONSENT_FEATURES)}
    hits = _matches(rules.NONCONSENT, texts)
    for i, spans in _matches(rules.NONCONSENT_MORE, texts).items():
        hits.setdefault(i, []).extend(spans)
    said_no = _matches(rules.SAID_NO, texts)
    acts = _matches(rules.NC_ACT, texts)
    ctx = _matches(rules.NONCONSENT_CTX, texts)
    sexual = {i for i in _matches(rules.SEXUAL, texts)}
    intimate = set(_matches(rules.INTIMATE, texts))
    violation = set(_matches(rules.VIOLATION, texts))
    cache: dict[int, tuple[bool, bool]] = {}

    def veto(i: int) -> tuple[bool, bool]:
        if i not in cache:
            t = texts[i]
            other = bool(rules.OTHER_PERSON.search(t)) and not (
                rules.FIRST_PERSON.search(t) or _MY_BODY.search(t)
            )
            cache[i] = (
                bool(rules.NONCONSENT_NEGATED.search(t))
                or bool(rules.NONCONSENT_NEGATED_MORE.search(t)),
                other or bool(rules.FICTION.search(t)),
            )
        return cache[i]

    rule: set[int] = set()
    raw: set[int] = set(hits)
    for i in hits:
        negated, other = veto(i)
        respected_next = i + 1 < n and len(texts[i + 1]) < 120 and veto(i + 1)[0]
        if not (negated or other or respected_next):
            rule.add(i)
    for i in acts:
        if rules.NC_SIGNAL.search(texts[i]):
            f[i, col["act_with_signal"]] = 1.0
            raw.add(i)
            if not any(veto(i)):
                rule.add(i)
    for i in ctx:
        near = range(max(0, i - 1), min(n, i + 2))
        f[i, col["context_form"]] = 1.0
        f[i, col["everyday"]] = float(bool(rules.NONCONSENT_EVERYDAY.search(texts[i])))
        if any(j in sexual for j in near) and not rules.NONCONSENT_EVERYDAY.search(texts[i]):
            raw.add(i)
            if not any(veto(i)):
                rule.add(i)
    for i in said_no:
        f[i, col["said_no"]] = 1.0
        if i + 1 < n and rules.FOLLOW_THROUGH.search(texts[i + 1]):
            raw.update((i, i + 1))
            if not any(veto(i)) and not any(veto(i + 1)):
                rule.update((i, i + 1))
    for i in range(n):
        near = range(max(0, i - 1), min(n, i + 2))
        f[i, col["sexual_near"]] = float(any(j in sexual for j in near))
        f[i, col["intimate"]] = float(any(j in intimate for j in near))
        f[i, col["violation"]] = float(any(j in violation for j in near))
        if i in raw or f[i, col["intimate"]] or f[i, col["violation"]]:
            negated, other = veto(i)
            f[i, col["negated"]] = float(negated)
            f[i, col["other_or_fiction"]] = float(other)
    for i in raw:
        f[i, col["rule"]] = float(i in rule)
        f[i, col["rule_vetoed"]] = float(i not in rule)
    return f


def flagged(sents: Sequence[Sentence], p: Probs, threshold: float) -> Signal:
    """Every sentence whose score reaches the threshold is evidence (the top three shown)."""
    scores = {int(i): float(p[i]) for i in np.flatnonzero(p >= threshold)}
    return _signal(sents, scores, _below(p, threshold), threshold)


FEATURES = {"crisis": crisis_features, "nonconsent": nonconsent_features}


def stacked_proba(
    head: Head,
    groups: Sequence[Sequence[str]],
    text_vecs: Probs,
    sent_vecs: Probs,
    feats: Sequence[Probs],
    lexical: Lexical | None = None,
) -> Probs:
    """Per-sentence probabilities of a safety head over [embedding, rule features, n-grams];
    ``feats`` holds each text's sentence features (one row per sentence of ``groups``)."""
    k = head.w_emb.shape[0] - sent_vecs.shape[1]
    rows = np.vstack(feats) if feats else np.zeros((0, k), np.float32)
    per_text = np.asarray(
        [f.max(axis=0) if len(f) else np.zeros(k, np.float32) for f in feats], np.float32
    ).reshape(len(feats), k)
    _, p = head.proba_grouped(
        groups, np.hstack([text_vecs, per_text]), np.hstack([sent_vecs, rows]), lexical
    )
    return _with_windows(head, p[:, 0], rows, [len(g) for g in groups])


def _with_windows(head: Head, p: Probs, rows: Probs, sizes: Sequence[int]) -> Probs:
    """Each sentence read with its neighbours inside its text (the one before and the one
    after), which catches what only two sentences say together ("Made a plan. Saturday."). The
    head is linear, so a window's logit is the mean of its sentences' embedding and n-gram parts
    plus its rule features taken at their highest (the features are 0/1). A window's score goes
    to its own highest-scoring sentence, which is the one shown as evidence."""
    if not len(p):
        return p
    w_rule = head.w_emb[head.w_emb.shape[0] - rows.shape[1] :, 0]
    bias = float(head.bias[0])
    q = np.clip(p.astype(np.float64), 1e-9, 1 - 1e-9)
    own = np.log(q / (1 - q)) - rows @ w_rule - bias  # the embedding and n-gram part
    text_id = np.repeat(np.arange(len(sizes)), sizes)
    prev = np.zeros(len(p), bool)
    prev[1:] = text_id[1:] == text_id[:-1]
    nxt = np.zeros(len(p), bool)
    nxt[:-1] = prev[1:]
    own_prev = np.where(prev, np.roll(own, 1), 0.0)
    own_next = np.where(nxt, np.roll(own, -1), 0.0)
    count = 1.0 + prev + nxt
    rule = np.maximum(rows, np.roll(rows, 1, axis=0) * prev[:, None])
    rule = np.maximum(rule, np.roll(rows, -1, axis=0) * nxt[:, None])
    z = (own + own_prev + own_next) / count + rule @ w_rule + bias
    window = (1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))).astype(np.float32)
    idx = np.arange(len(p))
    best = idx.copy()
    for shift, ok in ((-1, prev), (1, nxt)):
        other = np.clip(idx + shift, 0, len(p) - 1)
        better = ok & (p[other] > p[best])
        best = np.where(better, other, best)
    out = p.copy()
    has = prev | nxt
    np.maximum.at(out, best[has], window[has])
    return out


def with_tail(task: str, head: Head, sents: Sequence[Sentence], p: Probs) -> Probs:
    """Scores for every sentence of a long text: ``p`` covers the first sentences (the ones
    the other heads read); the rest are scored here, but only those a rule or a risk word
    touches (a megabyte of text must still be read whole by the safety checks, cheaply)."""
    k = len(p)
    if len(sents) <= k:
        return p
    from afterword.analysis import encoder

    tail = sents[k:]
    f = FEATURES[task](tail)
    out = np.zeros(len(sents), np.float32)
    out[:k] = p
    idx = np.flatnonzero(f.any(axis=1))
    if idx.size:
        groups = [[tail[int(j)].text] for j in idx]
        t_vec, s_vec = encoder.get().encode_groups(groups)
        out[k + idx] = stacked_proba(head, groups, t_vec, s_vec, [f[j : j + 1] for j in idx])
    return out
