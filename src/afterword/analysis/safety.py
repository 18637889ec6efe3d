"""Crisis and non-consent: rules first, a learned head for paraphrases, contexts that veto.

Recall comes first: an explicit rule match is flagged unless a veto applies (negation, idiom,
fiction, someone else, a clearly past and resolved mention). The head catches what the rules
do not phrase, at a threshold chosen on the project's validation split, and is vetoed the same
way (and, for non-consent, only counts inside an intimate context).

The rules scan each text once; vetoes are only worked out for the few sentences that are
candidates (a rule match, or a head score at or above the threshold).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

import numpy as np
import numpy.typing as npt

from afterword.analysis import rules
from afterword.analysis.result import Signal
from afterword.analysis.text import Sentence

RULE_SCORE = 0.97
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


def _head_candidates(p: Probs, threshold: float) -> list[int]:
    return [int(i) for i in np.flatnonzero(p >= threshold)]


def crisis(sents: Sequence[Sentence], p: Probs, threshold: float) -> Signal:
    texts = [s.text for s in sents]
    hits = _matches(rules.CRISIS, texts)
    for i, spans in _matches(rules.CRISIS_MORE, texts).items():
        hits.setdefault(i, []).extend(spans)
    # The risk words alone, in a sentence about the writer, when no veto of their own applies.
    lexicon_vetoed: set[int] = set()
    for i, spans in _matches(rules.CRISIS_LEXICON, texts).items():
        if rules.CRISIS_LEXICON_VETO.search(texts[i]) or all(
            _speaker_is_other(texts[i], a) for a, _ in spans
        ):  # fear, grief, illness; or the death words are about someone else
            lexicon_vetoed.add(i)
        elif rules.FIRST_PERSON.search(texts[i]):
            hits.setdefault(i, []).extend(spans)
    scores: dict[int, float] = {}
    for i in sorted(set(hits) | set(_head_candidates(p, threshold))):
        text = texts[i]
        head = float(p[i]) if i < len(p) else 0.0
        idioms = [m.span() for m in rules.CRISIS_IDIOM.finditer(text)]
        if rules.CRISIS_IDIOM_MORE.search(text):  # hyperbole, accidents, everyday endings
            idioms.append((0, len(text)))
        negated = [m.span() for m in rules.NEGATED_CRISIS.finditer(text)]
        negated += [m.span() for m in rules.NEGATED_CRISIS_MORE.finditer(text)]
        rule = any(
            not _overlaps(span, idioms)
            and not _overlaps(span, negated)
            and (_SELF.search(text, span[0], span[1]) or not _speaker_is_other(text, span[0]))
            for span in hits.get(i, [])
        )
        fiction = bool(rules.FICTION.search(text)) and not _MAKES_ME.search(text)
        near = " ".join(texts[max(0, i - 1) : i + 2])
        resolved = bool(rules.PAST.search(text)) and bool(rules.RESOLVED.search(near))
        other = bool(rules.OTHER_PERSON.search(text)) and not rules.FIRST_PERSON.search(text)
        risky = bool(rules.RISK_WORDS.search(text))
        # A rule matched but only for someone else, an idiom or a negation: the head may not
        # overrule that.
        vetoed = (bool(hits.get(i)) and not rule) or (i in lexicon_vetoed and not rule)
        if rule and not (fiction or resolved):
            scores[i] = max(RULE_SCORE, head)
        elif fiction or resolved or idioms or negated or other or vetoed or not risky:
            scores[i] = min(head, threshold * 0.5)
        else:
            scores[i] = head
    return _signal(sents, scores, _below(p, threshold), threshold)


def nonconsent(sents: Sequence[Sentence], p: Probs, threshold: float) -> Signal:
    texts = [s.text for s in sents]
    n = len(texts)
    hits = _matches(rules.NONCONSENT, texts)
    for i, spans in _matches(rules.NONCONSENT_MORE, texts).items():
        hits.setdefault(i, []).extend(spans)
    said_no = _matches(rules.SAID_NO, texts)
    cache: dict[int, tuple[bool, bool]] = {}

    def veto(i: int) -> tuple[bool, bool]:
        """(negated, other-or-fiction) for sentence i."""
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
    for i in hits:
        negated, other = veto(i)
        # "I said no and he stopped": the respecting half may sit in the next sentence.
        respected_next = i + 1 < n and len(texts[i + 1]) < 120 and veto(i + 1)[0]
        if not (negated or other or respected_next):
            rule.add(i)
    # An act done to the writer with a sign, in the same sentence, that it was unwanted.
    for i in _matches(rules.NC_ACT, texts):
        if rules.NC_SIGNAL.search(texts[i]) and not any(veto(i)):
            rule.add(i)
    # Weaker forms (freezing, giving in, "he didn't stop") count only beside a sexual context.
    for i in _matches(rules.NONCONSENT_CTX, texts):
        near = range(max(0, i - 1), min(n, i + 2))
        if (
            any(rules.SEXUAL.search(texts[j]) for j in near)
            and not rules.NONCONSENT_EVERYDAY.search(texts[i])
            and not any(veto(i))
        ):
            rule.add(i)
    # Two-sentence forms: "I said no. He kept going."
    for i in said_no:
        if i + 1 < n and rules.FOLLOW_THROUGH.search(texts[i + 1]):
            if not any(veto(i)) and not any(veto(i + 1)):
                rule.update((i, i + 1))
    scores: dict[int, float] = {}
    for i in sorted(rule | set(_head_candidates(p, threshold))):
        head = float(p[i]) if i < len(p) else 0.0
        if i in rule:
            scores[i] = max(RULE_SCORE, head)
            continue
        near = range(max(0, i - 1), min(n, i + 2))
        intimate = any(rules.INTIMATE.search(texts[j]) for j in near) and any(
            rules.VIOLATION.search(texts[j]) for j in near
        )
        scores[i] = min(head, threshold * 0.5) if (any(veto(i)) or not intimate) else head
    return _signal(sents, scores, _below(p, threshold), threshold)
