"""The analysis fast paths give exactly what the plain ways give.

Literal-start scans vs ``re``; cached chunk token ids vs the tokeniser; batch label picking vs
per-text argmax; sentence trimming vs the character loop.
"""

from __future__ import annotations

import random
import re

import numpy as np
import pytest

from afterword.analysis import encoder, features, rules, text
from afterword.analysis import scan as scan_mod
from afterword.analysis.engine import _multilabel_all
from afterword.analysis.scan import WARM_UP, LiteralScan, MultiScan, _alternatives, _needles

_WORDS = (
    "i I'm im want to die kill myself my self he she they said no stop kept going just "
    "never always everyone should must feel so sad over and over again why what if the a "
    "pills bridge note goodbye end it all life living won't can't don't couldn’t asked me "
    "held me down pinned froze drunk asleep condom boss will going to gonna ’ll 'll ok fine"
).split()
_GLUE = [" ", " ", " ", "  ", ". ", "? ", ", ", "\n", " .\n", "\t", "\u00a0", "-", "’", "'"]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = [rng.choice(_WORDS) + rng.choice(_GLUE) for _ in range(rng.randint(0, 40))]
        out.append("".join(parts).lower())
    return out


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


def _warm(scan: LiteralScan) -> LiteralScan:
    for _ in range(WARM_UP + 1):
        scan.search("")
    return scan


RULES = [v for v in vars(rules).values() if isinstance(v, rules.Rule)]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.pattern[:30])
def test_literal_scan_finds_exactly_what_re_finds_for_every_rule(rule: rules.Rule) -> None:
    scan = _warm(LiteralScan(rule.pattern))
    for t in _texts(150, seed=len(rule.pattern)):
        assert _spans(scan.finditer(t)) == _spans(scan.regex.finditer(t))
        found, plain = scan.search(t), scan.regex.search(t)
        assert (found and found.span()) == (plain and plain.span())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.pattern[:30])
def test_literal_scan_of_whole_entries_finds_exactly_what_re_finds(rule: rules.Rule) -> None:
    scan = _warm(LiteralScan(rule.pattern))
    short = _texts(240, seed=len(rule.pattern) + 1)
    for lo in range(0, len(short), 12):
        t = " .\n".join(short[lo : lo + 12])  # as the safety rules join an entry's sentences
        assert _spans(scan.finditer(t)) == _spans(scan.regex.finditer(t))
        found, plain = scan.search(t), scan.regex.search(t)
        assert (found and found.span()) == (plain and plain.span())


def test_literal_scan_works_out_starts_only_after_warm_up() -> None:
    scan = LiteralScan(r"\b(?:kill|hang)\s+myself\b")
    scan.search("x")
    assert scan._starts is None
    _warm(scan)
    assert scan._starts is not None
    assert _spans(scan.finditer("i'll hang myself. kill myself")) == [(5, 16), (18, 29)]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(?:kill|killing|hang)\s+me", ("hang\ue001me", "killing\ue001me", "kill\ue001me")),
        (r"\bi\s+feel\b", ("i\ue001feel",)),
        (r"\bi\s\s+x", ("i\ue000\ue001x",)),
        (r"\bi\s{2,}x", ("i\ue000",)),  # only \s+ is read as a run of spaces
        (r"(?:foo)?bar|baz", ("bar", "baz", "foobar")),
        (r"x*y", None),  # may start with anything
        (r"(?i)kill", None),  # flags: not modelled
        (r"(a)\1", None),  # back-references: not modelled
        (r"(?:)", None),  # empty match
        (r"[0-3]ab", ("0ab", "1ab", "2ab", "3ab")),
    ],
)
def test_start_strings(pattern: str, expected: tuple[str, ...] | None) -> None:
    assert _needles(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [r"x*", r"(?:a|)b?", r"\b", r"(?i)Kill\s+me", r"(a)\1", r"i\s+x", r"a|ab|abc", r"\w+\s+me"],
)
def test_patterns_the_scan_cannot_model_still_match_like_re(pattern: str) -> None:
    scan = _warm(LiteralScan(pattern))
    for t in ["", "aab abc b", "kill me KILL ME", "i x  i  x", "aa a", "tell me who me"]:
        assert _spans(scan.finditer(t)) == _spans(re.finditer(pattern, t))


def test_multi_scan_matches_each_pattern_as_re_does() -> None:
    patterns = [r.pattern for r in RULES] + list(features.CUES)
    multi = MultiScan(patterns)
    cues = MultiScan(features.CUES)
    assert cues._words is not None  # the cues do get the one-pass word-start scan
    assert cues._starts is not None  # and a plain one for "'ll"
    for t in _texts(60, seed=3):
        for scan in (multi, cues):
            got = scan.finditer_all(t)
            for rx, found in zip(scan.regexes, got, strict=True):
                assert _spans(found) == _spans(rx.finditer(t))


def test_multi_scan_of_word_starts_and_quotes_matches_each_pattern_as_re_does() -> None:
    patterns = [
        r"\b(?:will|won'?t|'ll|’ll)\b", r"\b(?:i|we)\s+(?:will|'ll)", r"\bwill\b",
        r"\b(?:so|that|then|always|never|every\w*|no one)\b",
    ]
    multi = MultiScan(patterns)
    assert multi._words is not None and multi._starts is not None
    single = _warm(LiteralScan(patterns[0] + "|" + patterns[3]))
    assert single._back == 2  # word starts, and a plain scan for "'ll" beside it
    texts = ["i'll go, we will. won't we'll ’ll", "'ll", "will'll", "éwill i  'll", "so'll no one"]
    texts += _texts(80, seed=21)
    texts += [" ".join(texts[k : k + 15]) for k in range(0, len(texts), 15)]  # long ones too
    plain = re.compile(single.pattern)
    for t in texts:
        got = multi.finditer_all(t)
        assert [_spans(f) for f in got] == [_spans(re.finditer(p, t)) for p in patterns], t
        assert _spans(single.finditer(t)) == _spans(plain.finditer(t)), t
        found, first = single.search(t), plain.search(t)
        assert (found and found.span()) == (first and first.span()), t


def test_multi_scan_tells_apart_a_literal_space_and_any_space() -> None:
    multi = MultiScan([r"a\sb", r"a b", r"a\tb"])
    assert [_spans(f) for f in multi.finditer_all("a b a\tb")] == [
        [(0, 3), (4, 7)],
        [(0, 3)],
        [(4, 7)],
    ]


def test_multi_scan_with_a_run_of_spaces_and_one_space_at_the_same_place() -> None:
    multi = MultiScan([r"\bab\sc", r"\bab\s+cd", r"\bab\s*x"])
    t = "ab c ab  cd ab\tcd abx ab \n x"
    got = [_spans(f) for f in multi.finditer_all(t)]
    assert got == [_spans(re.finditer(p, t)) for p in (r"\bab\sc", r"\bab\s+cd", r"\bab\s*x")]
    assert got[1] == [(5, 11), (12, 17)]


def test_chunk_cached_token_ids_equal_the_tokeniser_ids() -> None:
    enc = encoder.get()
    texts = _texts(200, seed=5) + [
        "naïve café", "ΣΊΣΥΦΟΣ Σ", "x\u0301y \u0301z", "日本語 テキスト", "ﬁne  ﬂow ",
        "emoji 😀 ok", "a" * 150 + " b", "", " ", "a" * 2500 + " x",
    ]
    flat, counts = enc._chunk_ids(texts)
    expected = enc._ids(texts)
    assert counts == [len(x) for x in expected]
    assert flat == [t for x in expected for t in x]


def test_batch_label_picking_equals_per_text_argmax() -> None:
    rng = np.random.default_rng(0)
    for _ in range(200):
        sizes = rng.integers(0, 6, size=int(rng.integers(1, 10))).tolist()
        labels = int(rng.integers(1, 8))
        p_sents = (rng.integers(0, 5, size=(sum(sizes), labels)) / 4).astype(np.float32)
        p_text = (rng.integers(0, 5, size=(len(sizes), labels)) / 4).astype(np.float32)
        thresholds = (rng.integers(0, 5, size=labels) / 4).astype(np.float32)
        got = _multilabel_all(thresholds, p_text, p_sents, sizes)
        offset = 0
        for i, k in enumerate(sizes):
            rows = p_sents[offset : offset + k]
            offset += k
            expected = []
            if k:
                best = rows.argmax(axis=0)
                for j in range(labels):
                    score = max(float(p_text[i, j]), float(rows[best[j], j]))
                    if score >= float(thresholds[j]):
                        expected.append((j, score, int(best[j])))
                expected.sort(key=lambda f: -f[1])
            assert got[i] == expected


# The sentence boundary as first written (text._BOUNDARY adds a look-ahead for speed).
_FIRST_BOUNDARY = re.compile(r"(?<=[.!?…])\s+|(?<=[.!?…][\"'”’)\]])\s+|\s*\n\s*")


def _sentences_by_characters(t: str) -> list[tuple[int, int, str]]:
    """The sentence splitter as first written, one character at a time."""
    out = []
    bounds = [(m.start(), m.end()) for m in _FIRST_BOUNDARY.finditer(t)]
    pos = 0
    cuts = []
    for a, b in bounds:
        cuts.append((pos, a))
        pos = b
    cuts.append((pos, len(t)))
    for start, end in cuts:
        while start < end and t[start].isspace():
            start += 1
        while end > start and t[end - 1].isspace():
            end -= 1
        if end > start and any(ch.isalnum() for ch in t[start:end]):
            out.append((start, end, t[start:end]))
    return out


def test_sentence_trimming_matches_the_character_loop() -> None:
    rng = random.Random(9)
    alphabet = list("ab c.!?…\"'”’)]\n\t \u00a0\u2003_-1é") + ["\x1c", "\u2028", "\u3000"]
    for _ in range(3000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        got = [(s.start, s.end, s.text) for s in text.sentences(t)]
        assert got == _sentences_by_characters(t)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"a|(?:b|c)|d", ("", ["a", "b", "c", "d"])),
        (r"(?=[a-z])\b(?:(?:x|y)|z\|w|[|)]q)", (r"(?=[a-z])\b", ["x", "y", r"z\|w", "[|)]q"])),
        (r"(?:a|b)c", None),  # the group is not the whole pattern
        (r"x(?:a|b)", None),  # the part before takes a character
        (r"[]|]a|b", ("", ["[]|]a", "b"])),
        (r"(a|b)|(?:c(?:d|e))", ("", ["(a|b)", "c(?:d|e)"])),
    ],
)
def test_alternatives_split_only_at_top_level_bars(
    pattern: str, expected: tuple[str, list[str]] | None
) -> None:
    assert _alternatives(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?=[a-z0-9])\b(?:(?:he|she)\s+(?:kept|went)\s+on|(?:he|hen)\b|sh\w+|xy)",
        r"\b(?:alpha|beta|gamma|delta|epsilon|theta|iota|kappa|lambda|omicron|sigma|tau)\b",
        r"\b(?:alpha|beta|gamma|delta|epsilon|theta|iota|kappa|lambda|omicron|sigma|tau)[ ,]",
        r"\b(?:i|he)\s+(?:kept|went)\b|\bno\b|(?:'d|’d)\s+go",
        r"(?<!not )\b(?:he\s+went|she|she\s+went)\b",
        r"\b(?:he|she|they|it|we|you|'d|’d|'ll|--)\s+(?:go|went|-)",
        r"(ab)\b(?:x|\1)|\bab\b",
    ],
)
@pytest.mark.parametrize("wide", [0, 4])
def test_dispatch_and_word_start_scans_match_like_re(
    pattern: str, wide: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scan_mod, "DISPATCH_ALTERNATIVES", 1)  # these tables are short
    monkeypatch.setattr(scan_mod, "_WIDE", wide)
    scan = _warm(LiteralScan(pattern))
    assert (scan._starts is None) == ("\\1" in pattern)  # back-references: plain re
    texts = [
        "he went on", " he kept on. she", "she.he hen then", "alpha beta,gamma\ndelta sigma",
        "i kept it; no? 'd go he'd go", "not he went. he went", "x", "", "-x-", "sheer shelf",
        "a1a a ax aa ab abx ababab", "xy xyz", "éhe went ühe ’he went", "naïvealpha ñbeta",
        "thetaiota tau  tau",
        "'d go he'd go", "he went'd go 'll go", "x 'd go 'd go'd go", "she'd went", "'d\twent",
        "it--go - - go", "we- -went",
    ] + _texts(120, seed=11)
    for t in texts:
        assert _spans(scan.finditer(t)) == _spans(re.finditer(pattern, t)), t
        found, plain = scan.search(t), re.search(pattern, t)
        assert (found and found.span()) == (plain and plain.span()), t


def test_large_rule_tables_get_the_dispatching_word_start_scan() -> None:
    scan = _warm(LiteralScan(rules.CRISIS_MORE.pattern))
    assert scan._starts is not None and scan._back == 1
    assert "(?<=" in scan._starts.pattern  # branches per first character


@pytest.mark.parametrize(
    ("pattern", "gated"),
    [
        (r"\b(?:he|\w+'?s (?:boyfriend|dad))\b[^.!?]{0,40}?\b(?:kissed me|touched me)\b", True),
        (r"(?:\w+\s+)?(?:said no|froze)|\w*(?:asleep|drunk)+", True),
        (r"\w+(?:ab|cd)", False),  # what every match holds is too short to look for
        (r"\w+", False),
    ],
)
def test_a_pattern_that_may_start_anywhere_is_skipped_when_it_cannot_match(
    pattern: str, gated: bool
) -> None:
    scan = _warm(LiteralScan(pattern))
    assert scan._starts is None
    assert (scan._gate is not None) == gated
    texts = [
        "my friend's dad kissed me", "his boyfriend . touched me", "he said he kissed me",
        "she froze", "i said no", "so drunk", "asleepasleep", "abcd", "", "x",
    ] + _texts(100, seed=17)
    for t in texts:
        assert _spans(scan.finditer(t)) == _spans(re.finditer(pattern, t)), t
        found, plain = scan.search(t), re.search(pattern, t)
        assert (found and found.span()) == (plain and plain.span()), t


def test_words_of_ascii_text_are_the_unicode_words() -> None:
    rng = random.Random(4)
    alphabet = list("abcXYZ'’ _-1.\n") + ["é"]
    for _ in range(2000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert text.words(t) == text._WORD.findall(t.lower())


def test_hashed_tokens_of_ascii_text_are_the_unicode_tokens() -> None:
    rng = random.Random(6)
    alphabet = list("abXY09_'’ -.\n") + ["é", "ß"]
    for _ in range(2000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))).lower()
        got = (features._ASCII_TOKEN if t.isascii() else features._TOKEN).findall(t)
        assert got == features._TOKEN.findall(t)


@pytest.mark.parametrize("name", ["NC_ACT", "RESOLVED", "FIRST_PERSON", "_MY_BODY", "_MAKES_ME"])
def test_joined_sentences_give_each_sentence_its_own_matches(name: str) -> None:
    """Rules scanned over many sentences at once (gated to the sentences that can match, or
    on lowered text) find in each sentence exactly what ``re`` finds in it alone."""
    from afterword.analysis import safety

    rx = getattr(rules, name, None) or getattr(safety, name)
    plain = re.compile(rx.pattern, re.IGNORECASE)
    sents = _texts(300, seed=3) + [
        "He kissed me and I froze.", "Jack's boyfriend touched me.", "I'm better now.",
        "it made me want to cry.", "MY WRISTS hurt", "I haven't cut since May.", "",
    ]
    sents = [s.replace("\n", " ").strip(" .") for s in sents]
    for _ in range(2):  # the second time with the scans worked out
        joined = safety._Joined(sents * 40)
        found = joined.find(rx)
        assert found
        for i, s in enumerate(sents * 40):
            assert found.get(i, []) == [m.span() for m in plain.finditer(s)]
        assert joined.hit(rx) == set(found)
        assert safety._Joined(sents, range(0, len(sents), 3)).hit(rx) == {
            i for i in found if i < len(sents) and i % 3 == 0
        }


def test_rules_scanned_together_find_what_each_finds_alone() -> None:
    from afterword.analysis import safety

    sents = [s.replace("\n", " ").strip(" .") for s in _texts(400, seed=9)] + [
        "We had sex and I was scared.", "In the film she was asleep.", "I said no and he stopped.",
    ]
    sents *= 20
    together = safety._scan_together(sents)
    assert set(together) == {id(rx) for rx in safety._TOGETHER}
    assert sum(len(found) for found in together.values()) > 100
    for rx in safety._TOGETHER:
        assert together[id(rx)] == safety._Joined(sents).find(rx)
    assert safety._scan_together(sents[:5]) == {}  # a few sentences: each rule on its own
    assert safety._scan_together([*sents, "İstanbul"]) == {}  # lowering changes the length


def test_cues_of_a_batch_equal_each_text_alone() -> None:
    texts = _texts(200, seed=4) + ["I feel. Such a failure", "İ am such an idiot", "\x00 i feel"]
    texts += ["It was me and i", "feel nothing"]  # a cue across two texts must not count
    groups = [[s.text for s in text.sentences(t)] for t in texts] + [[]]
    whole_t, whole_s = features.cues_grouped(groups)
    assert whole_t.any() and whole_s.any()
    row = 0
    for i, g in enumerate(groups):
        one_t, one_s = features.cues_grouped([g])
        assert np.array_equal(whole_t[i], one_t[0])
        assert np.array_equal(whole_s[row : row + len(g)], one_s)
        row += len(g)
    assert row == len(whole_s)
