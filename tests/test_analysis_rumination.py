"""Ruminative questions and statements, not practical questions."""

from __future__ import annotations

import pytest

from afterword.analysis import analyze


@pytest.mark.parametrize("text", [
    "Why did I let this happen?",
    "Was I not worth more?",
    "Does he even think about me now?",
    "I keep asking myself why I went back to his place.",
    "I can't stop replaying that night.",
    "What is wrong with me?",
])
def test_ruminative(text):
    r = analyze([text])[0]
    assert r.rumination.flag
    assert r.rumination.questions == [text]


@pytest.mark.parametrize("text", [
    "What time does the pharmacy close?",
    "Should I buy milk on the way home?",
    "Where did I put my keys?",
    "I made soup and went to bed early.",
    "",
])
def test_not_ruminative(text):
    r = analyze([text])[0]
    assert not r.rumination.flag and r.rumination.questions == []


def test_questions_are_exact_sentences_of_the_entry():
    text = "Long day. Why wasn't I enough for her? What time is the train tomorrow?"
    r = analyze([text])[0]
    assert r.rumination.questions == ["Why wasn't I enough for her?"]


def test_classify_gives_rule_kind_and_is_question_of_each_sentence() -> None:
    from afterword.analysis import rumination

    sentences = [
        "Why did I say that?", "What time is the train?", "I keep asking myself why.",
        "Should I call the dentist tomorrow?", "Was it my fault", "It rained.", "why me",
        "How do I get over this?", "Is the shop open on Sundays?", "I wonder what if.",
    ]
    kinds, questions = rumination.classify(sentences)
    assert kinds == [rumination.rule_kind(s) for s in sentences]
    assert questions == [rumination.is_question(s) for s in sentences]
    assert rumination.kinds(sentences) == kinds
    assert {"question", "practical", None} <= set(kinds)
