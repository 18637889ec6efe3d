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

The rules scan a whole batch of texts at once (``_Texts``); the vetoes are only worked out for
sentences that a rule or a risk word touches.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Sequence

import numpy as np
import numpy.typing as npt

from afterword.analysis import rules
from afterword.analysis.features import Lexical
from afterword.analysis.heads import Head
from afterword.analysis.result import Signal
from afterword.analysis.scan import MultiScan
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
# The same patterns for lowered text, where ``re`` runs them about 4x faster; only for ASCII
# text, where lowering and ``re.IGNORECASE`` agree on every character.
_LOWERED_TWINS = {rx: rules.Rule(rx.pattern) for rx in (_MY_BODY, _MAKES_ME)}
# Rules with no start strings that match in most sentences, whose matches all start with a
# letter: where only *which* sentences match counts, the search jumps to the next sentence
# after each find (a match never starts in a separator nor crosses one).
_BY_SENTENCE = (rules.FIRST_PERSON,)


def _speaker_is_other(text: str, pos: int) -> bool:
    """True when the nearest subject before ``pos`` is someone other than the writer."""
    prefix = text[:pos]
    last_self = max((m.end() for m in _SELF.finditer(prefix)), default=-1)
    last_other = max((m.end() for m in _OTHER.finditer(prefix)), default=-1)
    return last_other > last_self


def _overlaps(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in spans)


class _Joined:
    """Some sentences joined once, so that each rule scans them in one call (lowered once for
    all the rules); matches come back per sentence index, with spans local to the sentence."""

    def __init__(
        self,
        texts: Sequence[str],
        only: Collection[int] | None = None,
        scanned: dict[int, dict[int, list[tuple[int, int]]]] | None = None,
    ) -> None:
        self.texts = texts
        self.scanned = scanned or {}  # id(rule) -> its matches in every sentence of ``texts``
        self.ids = list(range(len(texts))) if only is None else sorted(only)
        parts = [texts[i] for i in self.ids]
        self.joined = _SEP.join(parts)
        self.starts: list[int] = [0]
        if len(parts) > 64:  # numpy pays off for a batch, not for one entry's sentences
            ends = np.cumsum(np.fromiter(map(len, parts), np.int64, len(parts)) + len(_SEP))
            self.starts += ends[:-1].tolist()
        else:
            for t in parts[:-1]:
                self.starts.append(self.starts[-1] + len(t) + len(_SEP))
        if not parts:
            self.starts = []
        self._lowered: str | None = None

    @property
    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = self.joined.lower()
        return self._lowered

    def _matches(self, rx: rules.Rule | re.Pattern[str]) -> Iterable[re.Match[str]]:
        if not isinstance(rx, rules.Rule):
            twin = _LOWERED_TWINS.get(rx)
            if twin is not None and self.joined.isascii():
                return twin.finditer_lowered(self.lowered)
            return rx.finditer(self.joined)
        if len(self.lowered) == len(self.joined):
            return rx.finditer_lowered(self.lowered)
        return rx.finditer(self.joined)  # lowering changed the length: the rule's slow path

    def _gated(self, gate: re.Pattern[str]) -> set[int]:
        """The sentences in which ``gate`` finds something (looking for the first find in
        each, from its start)."""
        keep: set[int] = set()
        starts, lowered = self.starts, self.lowered
        pos = 0
        while (hit := gate.search(lowered, pos)) is not None:
            k = bisect_right(starts, hit.start()) - 1
            keep.add(self.ids[k])
            if k + 1 == len(starts):
                break
            pos = starts[k + 1]
        return keep

    def find(self, rx: rules.Rule | re.Pattern[str]) -> dict[int, list[tuple[int, int]]]:
        if not self.ids:
            return {}
        known = self.scanned.get(id(rx))
        if known is not None:
            rows = known.keys() if len(self.ids) == len(self.texts) else known.keys() & self.ids
            return {i: list(known[i]) for i in sorted(rows)}
        gate = rx.gate() if isinstance(rx, rules.Rule) else None
        if gate is not None and len(self.ids) > 1 and len(self.lowered) == len(self.joined):
            # A rule with no start strings runs whole on every text its gate finds something
            # in; here only the sentences the gate finds something in can hold a match.
            keep = self._gated(gate)
            if len(keep) < len(self.ids):
                return _Joined(self.texts, keep).find(rx)
        return self.by_sentence(self._matches(rx))

    def by_sentence(self, matches: Iterable[re.Match[str]]) -> dict[int, list[tuple[int, int]]]:
        """Matches in the joined text -> sentence index -> spans local to that sentence."""
        found: dict[int, list[tuple[int, int]]] = {}
        starts, ids = self.starts, self.ids
        for m in matches:
            a, b = m.span()
            k = bisect_right(starts, a) - 1
            off = starts[k]
            found.setdefault(ids[k], []).append((a - off, b - off))
        return found

    def hit(self, rx: rules.Rule | re.Pattern[str]) -> set[int]:
        known = self.scanned.get(id(rx))
        if known is not None:
            return set(known) if len(self.ids) == len(self.texts) else known.keys() & self.ids
        if rx in _BY_SENTENCE and self.ids and len(self.lowered) == len(self.joined):
            assert isinstance(rx, rules.Rule)
            return self._gated(rx.lowered_regex())
        return set(self.find(rx))


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


def _find_all(joined: _Joined, *rxs: rules.Rule) -> dict[int, list[tuple[int, int]]]:
    """The matches of several rules together, per sentence."""
    found: dict[int, list[tuple[int, int]]] = {}
    for rx in rxs:
        for i, spans in joined.find(rx).items():
            found.setdefault(i, []).extend(spans)
    return found


def _near(found: Collection[int], n: int) -> npt.NDArray[np.bool_]:
    """For each sentence, whether it or a neighbour is in ``found``."""
    return _near_within(found, np.zeros(n, np.int64))


def _near_within(found: Collection[int], owner: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """As ``_near`` over the sentences of several texts back to back (``owner``: each row's
    text), where a neighbour must belong to the same text."""
    hit = np.zeros(len(owner), bool)
    hit[list(found)] = True
    same = owner[1:] == owner[:-1]
    near = hit.copy()
    near[1:] |= hit[:-1] & same
    near[:-1] |= hit[1:] & same
    return near


class _Texts:
    """The sentences of several texts back to back: row ``g`` is a sentence of text
    ``owner[g]``, whose rows are ``bounds[owner[g]]``. The rules scan them all at once
    (``_SEP`` keeps every match inside its sentence, and a sentence reads the same to every
    rule at the start or end of the joined text as beside a separator)."""

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        self.texts = [t for g in groups for t in g]
        self.bounds: list[tuple[int, int]] = []
        self.owner: list[int] = []
        lo = 0
        for k, g in enumerate(groups):
            self.bounds.append((lo, lo + len(g)))
            self.owner += [k] * len(g)
            lo += len(g)
        self.owner_rows = np.asarray(self.owner, np.int64)
        self._seen: dict[int, tuple[set[int], set[int]]] = {}  # id(rule) -> (scanned, found)
        self.scanned = _scan_together(self.texts)

    def hit(self, rx: rules.Rule, rows: Collection[int]) -> set[int]:
        """``_Joined(self.texts, rows).hit(rx)``; crisis and non-consent share three of their
        context rules, so each sentence is scanned by them once."""
        scanned, found = self._seen.setdefault(id(rx), (set(), set()))
        todo = set(rows) - scanned
        if todo:
            found |= _Joined(self.texts, todo).hit(rx)
            scanned |= todo
        return found & set(rows)

    def rows(self, g: int) -> tuple[int, int]:
        return self.bounds[self.owner[g]]

    def split(self, f: Probs) -> list[Probs]:
        return [f[lo:hi] for lo, hi in self.bounds]


# Small word tables that every batch runs (over all its sentences, or over those the context
# rules need): one pass of a ``MultiScan`` finds all their matches in about half the time
# they take one by one, since most of the time of each goes into stepping through the text.
_TOGETHER = (
    rules.SEXUAL, rules.INTIMATE, rules.VIOLATION, rules.RISK_WORDS, rules.CRISIS_LEXICON,
    rules.FICTION, rules.NC_SIGNAL, rules.NONCONSENT_EVERYDAY, rules.FOLLOW_THROUGH,
)
_TOGETHER_CHARS = 20_000  # below this the scan is not worth working out (``afterword analyze``)
_multi: MultiScan | None = None


def _scan_together(texts: Sequence[str]) -> dict[int, dict[int, list[tuple[int, int]]]]:
    """The matches of each rule of ``_TOGETHER`` in each sentence, by ``id`` of the rule; or
    nothing, for few sentences or where lowering changes the length (the rules' slow path)."""
    global _multi
    every = _Joined(texts)
    if len(every.joined) < _TOGETHER_CHARS or len(every.lowered) != len(every.joined):
        return {}
    if _multi is None:
        _multi = MultiScan([rx.pattern for rx in _TOGETHER])
    matches = _multi.finditer_all(every.lowered)
    return {id(rx): every.by_sentence(m) for rx, m in zip(_TOGETHER, matches, strict=True)}


def _batches(groups: Sequence[Sequence[Sentence]]) -> tuple[list[int], list[int]]:
    """Which texts can be scanned together (every sentence lowers to the same length, so all
    of them take the rules' fast path, as each alone would) and which go one by one."""
    together: list[int] = []
    alone: list[int] = []
    for k, g in enumerate(groups):
        text = "".join(s.text for s in g)  # lowering works character by character
        (together if text.isascii() or len(text.lower()) == len(text) else alone).append(k)
    return together, alone


def _many(
    tasks: Sequence[Callable[[_Texts], Probs]], groups: Sequence[Sequence[Sentence]]
) -> list[list[Probs]]:
    """Each task's features for each text; the texts that can be scanned together share one
    ``_Texts`` (and so the context rules the tasks share), the others go one by one, each task
    on its own, as they would alone."""
    together, alone = _batches(groups)
    out: list[list[Probs]] = [[np.zeros(0, np.float32)] * len(groups) for _ in tasks]
    if together:
        batch = _Texts([[s.text for s in groups[k]] for k in together])
        for j, one in enumerate(tasks):
            for k, f in zip(together, batch.split(one(batch)), strict=True):
                out[j][k] = f
    for k in alone:
        for j, one in enumerate(tasks):
            out[j][k] = one(_Texts([[s.text for s in groups[k]]]))
    return out


def features_many(groups: Sequence[Sequence[Sentence]]) -> dict[str, list[Probs]]:
    """``{task: [FEATURES[task](g) for g in groups]}``, with each rule scanning all texts at
    once."""
    crisis, nonconsent = _many((_crisis, _nonconsent), groups)
    return {"crisis": crisis, "nonconsent": nonconsent}


def crisis_features(sents: Sequence[Sentence]) -> Probs:
    return _crisis(_Texts([[s.text for s in sents]]))


def _crisis(batch: _Texts) -> Probs:
    texts = batch.texts
    n = len(texts)
    f = np.zeros((n, len(CRISIS_FEATURES)), np.float32)
    if not texts:
        return f
    col = {name: j for j, name in enumerate(CRISIS_FEATURES)}
    every = _Joined(texts, scanned=batch.scanned)
    hits = _find_all(every, rules.CRISIS, rules.CRISIS_MORE)
    lexicon = every.find(rules.CRISIS_LEXICON)
    todo = set(hits) | set(lexicon) | every.hit(rules.RISK_WORDS)
    if not todo:
        return f
    # The context rules run once, over the sentences that need them (and their neighbours).
    need: set[int] = set()
    for i in todo:
        lo, hi = batch.rows(i)
        need.update(range(max(lo, i - 1), min(hi, i + 2)))
    some = _Joined(texts, need, batch.scanned)
    idiom = some.find(rules.CRISIS_IDIOM)
    idiom_all = some.hit(rules.CRISIS_IDIOM_MORE)
    negated = _find_all(some, rules.NEGATED_CRISIS, rules.NEGATED_CRISIS_MORE)
    fiction = batch.hit(rules.FICTION, need) - some.hit(_MAKES_ME)
    past = some.hit(rules.PAST)
    # Only read for sentences in ``past``, whose text then has a past sentence.
    resolved = some.hit(rules.RESOLVED) if past else set()
    first = batch.hit(rules.FIRST_PERSON, need)
    other = batch.hit(rules.OTHER_PERSON, need)
    lexicon_veto = some.hit(rules.CRISIS_LEXICON_VETO) if lexicon else set()
    near_resolved = _near_within(resolved, batch.owner_rows)
    for i in todo:
        text = texts[i]
        row = f[i]
        idioms = idiom.get(i, []) + ([(0, len(text))] if i in idiom_all else [])
        neg = negated.get(i, [])
        row[col["risky"]] = 1.0
        row[col["idiom"]] = float(bool(idioms))
        row[col["negated"]] = float(bool(neg))
        row[col["fiction"]] = float(i in fiction)
        row[col["past"]] = float(i in past)
        row[col["resolved"]] = float(i in past and bool(near_resolved[i]))
        row[col["other"]] = float(i in other and i not in first)
        row[col["first_person"]] = float(i in first)
        spans = list(hits.get(i, []))
        if i in lexicon:
            lex_ok = i not in lexicon_veto and not all(
                _speaker_is_other(text, a) for a, _ in lexicon[i]
            )
            row[col["lexicon"]] = float(lex_ok and i in first)
            row[col["lexicon_vetoed"]] = float(not lex_ok)
            if lex_ok and i in first:
                spans += lexicon[i]
        if spans:
            clean = any(
                not _overlaps(span, idioms)
                and not _overlaps(span, neg)
                and (_SELF.search(text, span[0], span[1]) or not _speaker_is_other(text, span[0]))
                for span in spans
            )
            row[col["rule"]] = float(clean)
            row[col["rule_vetoed"]] = float(not clean)
    return f


def nonconsent_features(sents: Sequence[Sentence]) -> Probs:
    return _nonconsent(_Texts([[s.text for s in sents]]))


def _nonconsent(batch: _Texts) -> Probs:
    texts = batch.texts
    n = len(texts)
    f = np.zeros((n, len(NONCONSENT_FEATURES)), np.float32)
    if not texts:
        return f
    col = {name: j for j, name in enumerate(NONCONSENT_FEATURES)}
    every = _Joined(texts, scanned=batch.scanned)
    hits = _find_all(every, rules.NONCONSENT, rules.NONCONSENT_MORE)
    said_no = every.hit(rules.SAID_NO)
    acts = every.hit(rules.NC_ACT)
    ctx = every.hit(rules.NONCONSENT_CTX)
    sexual = every.hit(rules.SEXUAL)
    intimate = every.hit(rules.INTIMATE)
    violation = every.hit(rules.VIOLATION)
    near_sexual = _near_within(sexual, batch.owner_rows)
    near_intimate = _near_within(intimate, batch.owner_rows)
    near_violation = _near_within(violation, batch.owner_rows)
    f[:, col["sexual_near"]] = near_sexual
    f[:, col["intimate"]] = near_intimate
    f[:, col["violation"]] = near_violation
    if not (hits or said_no or acts or ctx or near_intimate.any() or near_violation.any()):
        return f

    def has_next(i: int) -> bool:
        return i + 1 < batch.rows(i)[1]

    # The context rules run once, over the sentences that need them.
    need = set(hits) | acts | ctx | said_no | {i + 1 for i in said_no | set(hits) if has_next(i)}
    need |= {int(i) for i in np.flatnonzero(near_intimate | near_violation)}
    some = _Joined(texts, need, batch.scanned)
    negated = some.hit(rules.NONCONSENT_NEGATED) | some.hit(rules.NONCONSENT_NEGATED_MORE)
    other = batch.hit(rules.OTHER_PERSON, need) - batch.hit(rules.FIRST_PERSON, need)
    other -= some.hit(_MY_BODY)
    other |= batch.hit(rules.FICTION, need)
    # Each only read for sentences of its condition's set.
    signal = some.hit(rules.NC_SIGNAL) if acts else set()
    everyday = some.hit(rules.NONCONSENT_EVERYDAY) if ctx else set()
    follow = some.hit(rules.FOLLOW_THROUGH) if said_no else set()

    def vetoed(i: int) -> bool:
        return i in negated or i in other

    rule: set[int] = set()
    raw: set[int] = set(hits)
    for i in hits:
        respected_next = has_next(i) and len(texts[i + 1]) < 120 and i + 1 in negated
        if not (vetoed(i) or respected_next):
            rule.add(i)
    for i in acts & signal:
        f[i, col["act_with_signal"]] = 1.0
        raw.add(i)
        if not vetoed(i):
            rule.add(i)
    for i in ctx:
        f[i, col["context_form"]] = 1.0
        f[i, col["everyday"]] = float(i in everyday)
        if near_sexual[i] and i not in everyday:
            raw.add(i)
            if not vetoed(i):
                rule.add(i)
    for i in said_no:
        f[i, col["said_no"]] = 1.0
        if has_next(i) and i + 1 in follow:
            raw.update((i, i + 1))
            if not vetoed(i) and not vetoed(i + 1):
                rule.update((i, i + 1))
    for i in sorted(raw | {int(j) for j in np.flatnonzero(near_intimate | near_violation)}):
        f[i, col["negated"]] = float(i in negated)
        f[i, col["other_or_fiction"]] = float(i in other)
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
