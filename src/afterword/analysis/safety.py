"""Crisis and non-consent: rules first, a learned head for paraphrases, contexts that veto.

Recall comes first: an explicit rule match is flagged unless a veto applies (negation, idiom,
fiction, someone else, a clearly past and resolved mention). The head catches what the rules
do not phrase, at a threshold chosen on the project's validation split, and is vetoed the same
way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from afterword.analysis import rules
from afterword.analysis.text import Sentence

RULE_SCORE = 0.97
_SELF = re.compile(r"\b(?:i|i'm|i’m|i've|i’ve|i'd|i’d|i'll|me|myself|my)\b", re.IGNORECASE)
_OTHER = re.compile(
    r"\b(?:he|she|they|him|her|them|his|their|friend|sister|brother|mom|mother|dad|father|"
    r"cousin|roommate|partner|ex|boyfriend|girlfriend|husband|wife|coworker|colleague|aunt|"
    r"uncle|son|daughter|character|someone|somebody|people|person|guy|girl|man|woman)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SentenceSignal:
    rule: bool
    vetoed: bool


def _speaker_is_other(text: str, pos: int) -> bool:
    """True when the nearest subject before ``pos`` is someone other than the writer."""
    prefix = text[:pos]
    last_self = max((m.end() for m in _SELF.finditer(prefix)), default=-1)
    last_other = max((m.end() for m in _OTHER.finditer(prefix)), default=-1)
    return last_other > last_self


def _overlaps(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in spans)


def crisis_sentences(sents: Sequence[Sentence]) -> list[SentenceSignal]:
    out: list[SentenceSignal] = []
    texts = [s.text for s in sents]
    for i, text in enumerate(texts):
        idioms = [m.span() for m in rules.CRISIS_IDIOM.finditer(text)]
        negated = [m.span() for m in rules.NEGATED_CRISIS.finditer(text)]
        hits = [
            m for m in rules.CRISIS.finditer(text)
            if not _overlaps(m.span(), idioms) and not _overlaps(m.span(), negated)
            and not _speaker_is_other(text, m.start())
        ]
        fiction = bool(rules.FICTION.search(text)) and not re.search(
            r"\b(?:makes?|made)\s+me\b", text, re.IGNORECASE)
        near = " ".join(texts[max(0, i - 1):i + 2])
        resolved = bool(rules.PAST.search(text)) and bool(rules.RESOLVED.search(near))
        whole_veto = fiction or resolved
        context_veto = bool(idioms or negated) or (
            bool(rules.OTHER_PERSON.search(text)) and not rules.FIRST_PERSON.search(text))
        rule = bool(hits) and not whole_veto
        out.append(SentenceSignal(rule=rule, vetoed=whole_veto or (context_veto and not rule)))
    return out


def nonconsent_sentences(sents: Sequence[Sentence]) -> list[SentenceSignal]:
    texts = [s.text for s in sents]
    n = len(texts)
    negated = [bool(rules.NONCONSENT_NEGATED.search(t)) for t in texts]
    other = [
        bool(rules.OTHER_PERSON.search(t)) and not rules.FIRST_PERSON.search(t) for t in texts
    ]
    fiction = [bool(rules.FICTION.search(t)) for t in texts]
    rule = [False] * n
    for i, text in enumerate(texts):
        # "I said no and he stopped": the respecting half may sit in the next sentence.
        respected_next = i + 1 < n and negated[i + 1] and len(texts[i + 1]) < 120
        veto = negated[i] or other[i] or fiction[i] or respected_next
        if rules.NONCONSENT.search(text) and not veto:
            rule[i] = True
    # Two-sentence forms: "I said no. He kept going."
    for i in range(n - 1):
        if rule[i] or rule[i + 1] or negated[i] or negated[i + 1] or other[i] or fiction[i]:
            continue
        if rules.NONCONSENT.search(texts[i] + " " + texts[i + 1]):
            rule[i] = rule[i + 1] = True
    # The head alone may only flag inside an intimate context (in this sentence or a neighbour).
    intimate = [bool(rules.INTIMATE.search(t)) for t in texts]
    near = [any(intimate[max(0, i - 1):i + 2]) for i in range(n)]
    return [
        SentenceSignal(
            rule=rule[i],
            vetoed=(negated[i] or other[i] or fiction[i] or not near[i]) and not rule[i],
        )
        for i in range(n)
    ]
