"""Ruminative questions and their statement forms, told apart from practical questions."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from afterword.analysis import rules

_QUESTION_START = re.compile(
    r"^\s*(?:but\s+|and\s+|so\s+)?(?:why|what|how|was|am|did|does|do|is|will|would|could|should|"
    r"who|where|when|can|has|have|were|are)\b",
    re.IGNORECASE,
)


def is_question(sentence: str) -> bool:
    return sentence.rstrip().endswith("?") or bool(_QUESTION_START.match(sentence))


def kinds(sentences: Sequence[str]) -> list[str | None]:
    """``rule_kind`` for each sentence, scanning the statement forms once for all of them."""
    return classify(sentences)[0]


def classify(sentences: Sequence[str]) -> tuple[list[str | None], list[bool]]:
    """``rule_kind`` and ``is_question`` for each sentence."""
    joined = "\n.\n".join(sentences)
    ends = list(accumulate(len(t) + 3 for t in sentences))
    statements = {
        bisect_right(ends, m.start()) for m in rules.RUMINATION_STATEMENT.finditer(joined)
    }
    questions = [is_question(sentence) for sentence in sentences]
    out: list[str | None] = []
    for i, sentence in enumerate(sentences):
        if questions[i]:
            out.append(_question_kind(sentence))
        else:
            out.append("statement" if i in statements else None)
    return out, questions


def _question_kind(question: str) -> str | None:
    """``rule_kind`` of a sentence that ``is_question``."""
    ruminative = rules.RUMINATIVE_QUESTION.match(question)
    if not ruminative and rules.PRACTICAL_QUESTION.search(question):
        return "practical"
    if ruminative:
        return "question"
    if rules.RUMINATION_STATEMENT.search(question):
        return "statement"
    return None


def rule_kind(sentence: str) -> str | None:
    """ "question", "statement", "practical", or None for a sentence, from rules alone."""
    question = is_question(sentence)
    if (
        question
        and rules.PRACTICAL_QUESTION.search(sentence)
        and not rules.RUMINATIVE_QUESTION.match(sentence)
    ):
        return "practical"
    if question and rules.RUMINATIVE_QUESTION.match(sentence):
        return "question"
    if rules.RUMINATION_STATEMENT.search(sentence):
        return "statement"
    return None
