"""Sentences keep exact spans; the English check says so rather than guessing."""

from __future__ import annotations

import pytest

from afterword.analysis.text import language, sentences


def test_sentences_are_exact_slices():
    text = "  First one.  Second one?! Third…\nFourth line\n\n“Quoted.” Last "
    got = sentences(text)
    assert [s.text for s in got] == ["First one.", "Second one?!", "Third…", "Fourth line",
                                     "“Quoted.”", "Last"]
    for s in got:
        assert text[s.start:s.end] == s.text


def test_punctuation_only_is_no_sentence():
    assert sentences("... !!! ???") == []
    assert sentences("") == []


@pytest.mark.parametrize("text,expected", [
    ("I went home and I felt empty.", "en"),
    ("im so tired of this", "en"),
    ("Je ne sais pas pourquoi je me sens comme ça depuis hier soir.", "non_english"),
    ("No sé por qué me siento así desde anoche, es muy difícil.", "non_english"),
    ("Привет, как дела? Мне очень грустно сегодня.", "non_english"),
    ("12345 !!!", "unknown"),
])
def test_language(text, expected):
    assert language(text) == expected
