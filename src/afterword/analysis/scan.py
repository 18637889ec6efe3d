"""Exactly ``re.finditer``, faster, for patterns made of word alternatives.

Python's ``re`` tries a pattern at every position of the text, and a pattern that starts with
``\\b`` gets none of its prefix shortcuts, so a rule list of seventy alternatives costs seventy
attempts per character. :class:`LiteralScan` reads the pattern once (with ``re``'s own parser)
and works out the literal strings one of which every match *starts with*
(``\\b(?:kill|hang)\\s+my`` -> ``kill\\s+my``, ``hang\\s+my``, where ``\\s+`` stays "a run of
spaces").

Those strings become one small pattern shaped as a trie, which ``re`` scans fast (it skips
characters no string starts with). Only where it finds one is the real pattern tried, anchored
there, in order, skipping positions inside the previous match. Everywhere else no match can
start, so the matches are exactly those of ``pattern.finditer(text)``: same spans, same order.
Whenever the analysis cannot promise that (flags, back-references, a start that may be
anything or a single letter, an empty match) the plain ``re`` scan runs instead.

Three refinements, each only a narrower set of places to try (``_scan_pattern``):

* start strings go on past runs of spaces (``i\\s+want``, where they once stopped at ``i\\s``);
* when every match starts a word and the start letters are common, only the places after a
  character outside ``[a-zA-Z0-9_]`` are looked at;
* a table of 100+ alternatives gets one branch per start character holding only the
  alternatives that can start with it, all tried inside ``re`` (``_dispatch``).

A pattern whose matches may start anywhere first looks for a string every match contains
(``_gate``) and skips the text when there is none.

:class:`MultiScan` does the same for several patterns over one text in one pass (the trap
cues). Patterns are matched case-sensitively here; the rules run them on lowered text.
Measured on ~150-word entries: the twelve safety rule tables scanned over whole entries 2.5x
faster than the first literal scan (and several times faster than plain ``re``), the cues 3x.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Sequence
from typing import Any

_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

_MAX_SET = 64  # cap on the size of a set of literal strings (cross products grow fast)
_MAX_RANGE = 12  # a character class like [0-9] is expanded up to this many characters

Literals = frozenset[str]
WARM_UP = 16  # uses of a pattern before its scan is worked out
# ... or characters scanned with it (a batch of entries joined into one text is one use).
WARM_UP_CHARS = 20_000
DISPATCH_ALTERNATIVES = 100  # see _dispatch
_WIDE = 4  # an alternative that can start with more characters than this is "wide"

# Stands for "one whitespace character" (``\\s``) inside the literal strings; the scan pattern
# writes it back as ``\\s``. A private-use character no rule spells out (checked).
_SPACE = "\ue000"
# Stands for "a run of whitespace" (``\\s+``), written back as ``\\s+``. Without it a start
# string stopped at the first ``\\s+``, and "i\\s" is found dozens of times per entry where
# "i\\s+want" is found once: each find costs an attempt of the whole pattern.
_SPACES = "\ue001"


class _Unknown(Exception):
    """The pattern uses something this analysis does not model."""


def _cross(a: set[str], b: Literals) -> set[str] | None:
    if a == {""}:
        return set(b)
    if len(a) * len(b) > _MAX_SET:
        return None
    return {x + y for x in a for y in b}


def _item(op: Any, av: Any) -> tuple[Literals, bool] | None:
    """``(strings, complete)`` for one parsed item, or None when it can start with anything.

    Every match of the item starts with one of ``strings``; when ``complete`` every match *is*
    one of them. ``""`` in the set means the item can match the empty string.
    """
    if op is _c.LITERAL:
        return frozenset({chr(av)}), True
    if op is _c.IN:
        if len(av) == 1 and av[0] == (_c.CATEGORY, _c.CATEGORY_SPACE):
            return frozenset({_SPACE}), True
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add(chr(value))
            elif kind is _c.RANGE and value[1] - value[0] < _MAX_RANGE:
                chars.update(chr(x) for x in range(value[0], value[1] + 1))
            else:
                return None
        return frozenset(chars), True
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, body = av
        if add_flags or del_flags:
            raise _Unknown
        return _sequence(body)
    if op is _c.ATOMIC_GROUP:
        return _sequence(av)
    if op is _c.BRANCH:
        union: set[str] = set()
        complete = True
        for alt in av[1]:
            got = _sequence(alt)
            if got is None:
                return None
            union |= got[0]
            complete = complete and got[1]
        return frozenset(union), complete
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        lo, hi, body = av
        got = _sequence(body)
        if got is None:
            return None
        strings, complete = got
        if lo == 0:
            if hi == 1:
                return strings | {""}, complete
            return None
        if lo == 1 and hi == 1:
            return strings, complete
        if lo == 1 and hi == _c.MAXREPEAT and complete and strings == {_SPACE}:
            return frozenset({_SPACES}), True
        return strings, False
    if op in (_c.GROUPREF, _c.GROUPREF_EXISTS):
        raise _Unknown
    return None


def _zero_width(op: Any) -> bool:
    return op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT)


def _sequence(items: Any) -> tuple[Literals, bool] | None:
    """Start strings of a sequence of parsed items (see ``_item``)."""
    items = list(items)
    current: set[str] = {""}
    for k, (op, av) in enumerate(items):
        if _zero_width(op):
            continue
        got = _item(op, av)
        if got is None:
            return _or_none(current, False)
        strings, complete = got
        if "" in strings and not complete:
            # An optional part that may go on with anything: a match starts with it, or (when
            # it is skipped) with whatever follows it.
            rest = _sequence(items[k + 1 :])
            if rest is None:
                return _or_none(current, False)
            strings = (strings - {""}) | rest[0]
            complete = False
        crossed = _cross(current, strings)
        if crossed is None:
            return _or_none(current, False)
        current = crossed
        if not complete:
            return _or_none(current, False)
    return frozenset(current), True


def _or_none(strings: set[str], complete: bool) -> tuple[Literals, bool] | None:
    if "" in strings and not complete:
        return None
    return frozenset(strings), complete


def _minimal(strings: Literals) -> tuple[str, ...]:
    """Drop strings that start with another string of the set (the shorter one is found too)."""
    # In sorted order a string comes right after its prefixes and the strings that start with
    # them, so the last one kept is the only one to test.
    kept: list[str] = []
    for s in sorted(strings):
        if not (kept and s.startswith(kept[-1])):
            kept.append(s)
    return tuple(kept)


@functools.lru_cache(maxsize=8)
def _parse(pattern: str) -> Any:
    """``re``'s parse of ``pattern`` (read, never changed, by several steps here)."""
    return _parser.parse(pattern, 0)


def _needles(pattern: str) -> tuple[str, ...] | None:
    """The strings one of which starts every match of ``pattern``, or None if unknown."""
    if _SPACE in pattern or _SPACES in pattern:
        return None
    try:
        parsed = _parse(pattern)
        if parsed.state.flags & ~int(re.UNICODE):
            return None
        got = _sequence(parsed.data)
    except (_Unknown, AttributeError, IndexError, TypeError, ValueError, re.error):
        return None
    if got is None or "" in got[0]:
        return None
    return _minimal(got[0])


def _inside(items: Any) -> Literals | None:
    """Strings one of which every match of the parsed ``items`` contains (the starts of a
    part every match goes through, the longest such found), or None."""
    best: Literals | None = None

    def consider(strings: Literals | None) -> None:
        nonlocal best
        if not strings or "" in strings:
            return
        if best is None or (min(map(len, strings)), -len(strings)) > (
            min(map(len, best)),
            -len(best),
        ):
            best = strings

    items = list(items)
    for k, (op, av) in enumerate(items):
        try:
            got = _sequence(items[k:])
        except _Unknown:
            got = None
        consider(got[0] if got else None)
        if op is _c.SUBPATTERN:
            consider(_inside(av[3]))
        elif op is _c.BRANCH:
            each = [_inside(alt) for alt in av[1]]
            if all(each):
                consider(frozenset().union(*(e for e in each if e)))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_inside(av[2]))
    return best


def _gate(pattern: str) -> re.Pattern[str] | None:
    """A pattern that finds something in every text ``pattern`` matches in (a string every
    match contains), for patterns whose matches can start anywhere; or None."""
    try:
        parsed = _parse(pattern)
        if parsed.state.flags & ~int(re.UNICODE):
            return None
        strings = _inside(parsed.data)
    except (_Unknown, AttributeError, IndexError, TypeError, ValueError, re.error):
        return None
    if strings is None or min(map(len, strings)) < 3:
        return None
    return re.compile(_trie(_minimal(strings)))


def _trie(needles: Sequence[str], leaves: list[str] | None = None) -> str:
    """One pattern matching where any needle starts; shaped as a trie so that ``re`` can skip
    characters no needle starts with and reject the rest after a comparison or two.

    With ``leaves``, each needle ends in an empty group, and ``leaves`` gets the needles in the
    order of their groups (group ``k`` is ``leaves[k - 1]``)."""
    root: dict[str, Any] = {}
    for needle in needles:
        node = root
        for ch in needle:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any], path: str) -> str:
        if "" in node:  # a needle ends here; longer ones start with it (none, after _minimal)
            if leaves is None:
                return ""
            leaves.append(path)
            return "()"
        alts = [_token(ch) + emit(child, path + ch) for ch, child in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root, "")


def _token(ch: str) -> str:
    if ch == _SPACE:
        return r"\s"
    if ch == _SPACES:
        return r"\s+"
    return re.escape(ch)


def _scan_pattern(pattern: str, needles: Sequence[str]) -> tuple[re.Pattern[str], int]:
    """The scan pattern for ``pattern`` and whether it is found one character early.

    When every match starts a word, the scan looks only after characters that are not word
    characters (a space, a stop: about one place in six, where a trie is tried at nearly
    every letter otherwise). It then runs on the text with a space in front, so that a match
    at the start is found too, and what it finds at ``i`` is the place ``i`` of the text (the
    character it stops at is one place before, ``i - 1`` in the text, ``i`` in the copy).

    It stops after any character outside ``[a-zA-Z0-9_]``: every one that is not a word
    character, and a few more (other letters) where the real pattern then finds no word edge.
    ``re`` tests that class about twice as fast as ``[^\\w]``."""
    back = int(_word_start(pattern, needles))
    if back and not all(re.match(r"\w", n[0]) for n in needles):
        words = [n for n in needles if re.match(r"\w", n[0])]
        return re.compile(f"{_STOP}(?={_trie(words)})"), 2
    dispatch = _dispatch(pattern)
    if dispatch is not None:
        first = "".join(sorted({re.escape(n[0]) for n in needles}))
        try:  # a class first, for re's fast skip; the branches then step back to it
            return re.compile(
                f"{_STOP}(?={dispatch})" if back else f"[{first}](?<={dispatch})"
            ), back
        except re.error:  # the split alternatives did not compile: the trie alone is safe
            pass
    return re.compile(f"{_STOP}(?={_trie(needles)})" if back else _trie(needles)), back


_STOP = "[^a-zA-Z0-9_]"  # see _scan_pattern
_MARKS = (_SPACE, _SPACES)
# With start strings that begin with a quote as well as words, two scans beat the plain one
# on whole entries but not on single sentences (measured), so texts shorter than this get the
# plain trie.
_LONG = 300


def _structure(p: str) -> tuple[list[int], dict[int, int]]:
    """Where ``p`` has a ``|`` outside any group, and where each group that opens at ``i``
    ends (just past its ``)``). Escapes and character classes are skipped over."""
    bars: list[int] = []
    ends: dict[int, int] = {}
    opened: list[int] = []
    i = 0
    in_class = False
    while i < len(p):
        c = p[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1
            i += p.startswith("^", i)
            i += p.startswith("]", i)  # a "]" first in a class is a literal
            continue
        elif c == "(":
            opened.append(i)
        elif c == ")":
            ends[opened.pop()] = i + 1
        elif c == "|" and not opened:
            bars.append(i)
        i += 1
    if opened or in_class:
        raise ValueError("unbalanced pattern")
    return bars, ends


def _flat(p: str) -> list[str]:
    """The alternatives of ``p``, with those that are a whole group of alternatives opened
    up: ``a|(?:b|c)`` -> ``a``, ``b``, ``c`` (leftmost-first, they match exactly the same)."""
    bars, _ = _structure(p)
    out: list[str] = []
    for lo, hi in zip([-1, *bars], [*bars, len(p)], strict=True):
        part = p[lo + 1 : hi]
        if part.startswith("(?:") and _structure(part)[1].get(0) == len(part):
            out += _flat(part[3:-1])
        else:
            out.append(part)
    return out


def _alternatives(pattern: str) -> tuple[str, list[str]] | None:
    """``pattern`` as ``prefix(?:alt|alt|...)`` where the prefix only looks (``\\b``,
    look-aheads), or None."""
    bars, ends = _structure(pattern)
    if bars:
        return "", _flat(pattern)
    whole = [i for i, end in ends.items() if end == len(pattern) and pattern.startswith("(?:", i)]
    if not whole:
        return None
    i = min(whole)
    prefix = pattern[:i]
    if not all(_zero_width(op) for op, _ in _parser.parse(prefix, 0).data):
        return None
    return prefix, _flat(pattern[i + 3 : -1])


def _edge_first(items: Any) -> bool:
    """True when a ``\\b`` comes before anything that takes a character."""
    for op, av in items:
        if op is _c.AT and av is _c.AT_BOUNDARY:
            return True
        if _zero_width(op):
            continue
        if op is _c.SUBPATTERN:
            return _edge_first(av[3])
        if op is _c.BRANCH:
            return all(_edge_first(alt) for alt in av[1])
        return False
    return False


# How often each letter comes in English text, per 1000 letters.
_LETTERS = dict(
    zip(
        "etaoinshrdlcumwfgypbvkjxqz",
        map(
            int, "127 91 82 75 70 67 63 61 60 43 40 28 28 24 24 22 20 20 19 15 10 8 2 2 1 1".split()
        ),
        strict=True,
    )
)
# Letters are about four characters in five, and a character that is not a word character
# (where a word can start) about one in five; below this share of letters (per 1000) a
# start-letter scan is the faster one (measured on the rule tables: about even near 300).
_WORD_START_SHARE = 300


def _word_start(pattern: str, needles: Sequence[str]) -> bool:
    """Scan for word starts: every match starts at a word edge, so one that starts with a word
    character is at the start of the text or just after a character that is not a word
    character; and the letters matches start with are common enough that a word-start scan
    stops less often. (Matches that start with another character, like "'d", are looked for
    with a plain scan beside it.)"""
    letters = {n[0] for n in needles if re.match(r"\w", n[0])}
    if sum(_LETTERS.get(c, 0) for c in letters) < _WORD_START_SHARE:
        return False
    return _edge_first(_parse(pattern).data)


def _dispatch(pattern: str) -> str | None:
    """A pattern found exactly where ``pattern`` matches, one character long, or None.

    Only for long tables of alternatives (``DISPATCH_ALTERNATIVES``); shorter ones gain
    nothing. It has one branch for each character a match can start with: ``re`` enters only
    that branch, which steps back to the character and tries the start strings beginning with
    it, then, only where one is there, the alternatives of ``pattern`` that can start with it.
    Which of them matches does not matter here (the real pattern is run where the scan finds
    a place), so alternatives that can start with many characters go, once, into one last
    branch of their own rather than into every branch. A table of a hundred alternatives then
    costs a few tries where one may start, all inside ``re``, instead of a try of the whole
    table from Python."""
    if re.search(r"\\\d|\(\?P=|\(\?\(", pattern):
        return None  # a back-reference: groups are numbered differently once split
    try:
        got = _alternatives(pattern)
    except (re.error, ValueError):
        return None
    if got is None or len(got[1]) < DISPATCH_ALTERNATIVES:
        return None
    prefix, alts = got
    narrow: dict[str, list[str]] = {}
    narrow_starts: dict[str, set[str]] = {}
    wide: list[str] = []
    wide_starts: set[str] = set()
    for alt in alts:
        needles = _needles(f"{prefix}(?:{alt})")
        if not needles:
            return None
        first = {n[0] for n in needles}
        if any(c in (_SPACE, _SPACES) or c.isspace() for c in first):
            return None
        if len(first) > _WIDE:
            wide.append(alt)
            wide_starts.update(needles)
            continue
        for c in first:
            narrow.setdefault(c, []).append(alt)
        for n in needles:
            narrow_starts.setdefault(n[0], set()).add(n)

    def branch(chars: str, starts: set[str], some: list[str]) -> str:
        return (
            f"{chars}(?<=(?={_trie(_minimal(frozenset(starts)))})"
            f"(?={prefix}(?:{'|'.join(some)}))[\\s\\S])"
        )

    branches = [branch(re.escape(c), narrow_starts[c], narrow[c]) for c in sorted(narrow)]
    if wide:
        chars = "".join(re.escape(c) for c in sorted({n[0] for n in wide_starts}))
        branches.append(branch(f"[{chars}]", wide_starts, wide))
    return "(?:{})".format("|".join(branches))


class LiteralScan:
    """``re.compile(pattern)`` with ``finditer`` and ``search`` that skip hopeless positions."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.regex: re.Pattern[str] = re.compile(pattern)
        self._starts: re.Pattern[str] | None = None
        self._gate: re.Pattern[str] | None = None  # where there is no scan: see _gate
        self._side: re.Pattern[str] | None = None  # with _back 2: see _places
        self._side_first = ""  # the characters its start strings begin with ("": unknown)
        self._short: re.Pattern[str] | None = None  # the plain trie, for short texts
        self._back = 0  # 1: the scan finds the character before where a match may start
        self._uses = 0
        self._chars = 0

    def _scan(self, size: int = 0) -> re.Pattern[str] | None:
        """The scan pattern, worked out on the ``WARM_UP``-th use or once ``WARM_UP_CHARS``
        characters were scanned (reading a big pattern takes milliseconds: a one-off call,
        like ``afterword analyze`` on one sentence, skips it)."""
        if self._uses < WARM_UP:
            self._uses += 1
            self._chars += size
            if self._chars >= WARM_UP_CHARS:
                self._uses = WARM_UP
            if self._uses == WARM_UP:
                needles = _needles(self.pattern)
                if needles is not None and min(len(n) for n in needles) < 2:
                    needles = None  # a one-letter start ("i", "a") is everywhere: plain wins
                if needles is not None:
                    self._starts, self._back = _scan_pattern(self.pattern, needles)
                    if self._back == 2:
                        others = [n for n in needles if not re.match(r"\w", n[0])]
                        self._side = re.compile(_trie(others))
                        self._side_first = "".join(sorted({n[0] for n in others}))
                        if any(c in _MARKS for c in self._side_first):
                            self._side_first = ""  # starts with "a space": always look
                        self._short = re.compile(_trie(needles))
                elif _SPACE not in self.pattern and _SPACES not in self.pattern:
                    self._gate = _gate(self.pattern)
        return self._starts

    def gate(self) -> re.Pattern[str] | None:
        """Once worked out, for a pattern with no start strings: a pattern that finds, in any
        text, something of every match (see ``_gate``); else None."""
        return self._gate if self._starts is None else None

    def finditer(self, text: str) -> list[re.Match[str]]:
        """The matches ``self.regex.finditer(text)`` gives, as a list."""
        starts = self._scan(len(text))
        if starts is None:
            if self._gate is not None and self._gate.search(text) is None:
                return []
            return list(self.regex.finditer(text))
        out: list[re.Match[str]] = []
        back = self._back
        if back == 2:
            if len(text) >= _LONG:
                return self._at_places(text, first=False)
            assert self._short is not None
            starts, back = self._short, 0
        find = starts.search
        match = self.regex.match
        subject = " " + text if back else text  # see _scan_pattern
        pos = 0
        while True:
            hit = find(subject, pos)
            if hit is None:
                return out
            at = hit.end() - 1 if back else hit.start()
            m = match(text, at)
            if m is None:
                pos = at + 1
                continue
            if m.end() == at:  # an empty match: finditer has its own rules for those
                return list(self.regex.finditer(text))
            out.append(m)
            pos = m.end()

    def _places(self, text: str) -> list[int]:
        """Where a match may start, in order: word starts where a start string beginning with
        a word character is (the scan), and places where one of the others is (beside it)."""
        assert self._starts is not None and self._side is not None
        places = [m.end() - 1 for m in self._starts.finditer(" " + text)]
        if self._side_first and not any(c in text for c in self._side_first):
            return places  # none of the characters the others start with is there
        find = self._side.search
        more = False
        pos = 0
        while (hit := find(text, pos)) is not None:
            places.append(hit.start())
            pos = hit.start() + 1
            more = True
        if more:
            places.sort()  # the two never find the same place: one starts a word, one not
        return places

    def _at_places(self, text: str, first: bool) -> list[re.Match[str]]:
        out: list[re.Match[str]] = []
        match = self.regex.match
        pos = 0
        for at in self._places(text):
            if at < pos:
                continue
            m = match(text, at)
            if m is None:
                continue
            if m.end() == at:  # an empty match: finditer has its own rules for those
                return list(self.regex.finditer(text))
            out.append(m)
            if first:
                break
            pos = m.end()
        return out

    def search(self, text: str) -> re.Match[str] | None:
        """``self.regex.search(text)``."""
        starts = self._scan(len(text))
        if starts is None:
            if self._gate is not None and self._gate.search(text) is None:
                return None
            return self.regex.search(text)
        back = self._back
        if back == 2:
            if len(text) >= _LONG:
                found = self._at_places(text, first=True)
                return found[0] if found else None
            assert self._short is not None
            starts, back = self._short, 0
        find = starts.search
        match = self.regex.match
        subject = " " + text if back else text
        pos = 0
        while True:
            hit = find(subject, pos)
            if hit is None:
                return None
            at = hit.end() - 1 if back else hit.start()
            m = match(text, at)
            if m is not None:
                return m
            pos = at + 1


def _any_space(needle: str) -> str:
    """The needle with every space as "any space", cut after its first run of spaces: the
    hits of a MultiScan must say which strings start there, and "a\\s" and "a\\s+b" can both
    be found at one place; "a\\s" alone stands for both."""
    if _SPACES in needle:
        needle = needle[: needle.index(_SPACES)] + _SPACE
    return "".join(_SPACE if c.isspace() else c for c in needle)


class MultiScan:
    """Several patterns over the same text in one pass: ``finditer_all(text)[j]`` is exactly
    ``list(re.compile(patterns[j]).finditer(text))``.

    One scan pattern holds the start strings of all of them; each string ends in an empty
    group, so a hit says which patterns may start there, and only those are tried (each keeps
    its own end, as its own ``finditer`` would).
    """

    def __init__(self, patterns: Sequence[str]) -> None:
        self.regexes = [re.compile(p) for p in patterns]
        # A literal space is written as "any space" here, so that no two start strings can
        # be found at the same place (``\\s`` and " " both match a space).
        own = [
            None if n is None else tuple({_any_space(x) for x in n})
            for n in (_needles(p) for p in patterns)
        ]
        self._starts: re.Pattern[str] | None = None
        self._who: list[tuple[int, ...]] = [()]
        # When every match starts at a word edge: a word-start scan for the strings that start
        # with a word character, and a plain one for the few others ("'ll").
        self._words: re.Pattern[str] | None = None
        self._words_who: list[tuple[int, ...]] = [()]
        if any(n is None or min(len(x) for x in n) < 2 for n in own):
            return
        needles = _minimal(frozenset(x for n in own if n is not None for x in n))
        word = [x for x in needles if re.match(r"\w", x[0])]
        if sum(_LETTERS.get(c, 0) for c in {x[0] for x in word}) >= _WORD_START_SHARE and all(
            _edge_first(_parse(p).data) for p in patterns
        ):
            self._words, self._words_who = self._scan_of(own, word, f"{_STOP}(?=", ")")
            needles = tuple(x for x in needles if x not in word)
            if not needles:
                return
        self._starts, self._who = self._scan_of(own, needles, "", "")

    @staticmethod
    def _scan_of(
        own: Sequence[tuple[str, ...] | None], needles: Sequence[str], before: str, after: str
    ) -> tuple[re.Pattern[str], list[tuple[int, ...]]]:
        """The trie of ``needles`` and which patterns may start where each leaf is found."""
        leaves: list[str] = []
        pattern = _trie(needles, leaves)
        # Pattern j may start where leaf ``n`` was found only if one of its strings starts
        # with ``n`` (the leaves are prefix-free, so ``n`` is the only one there).
        who: list[tuple[int, ...]] = [()]
        who += [
            tuple(j for j, n in enumerate(own) if any(x.startswith(leaf) for x in n or ()))
            for leaf in leaves
        ]
        return re.compile(before + pattern + after), who

    def _hits(self, text: str) -> list[tuple[int, tuple[int, ...]]]:
        """Where a pattern may start, in order, with which patterns may start there."""
        hits: list[tuple[int, tuple[int, ...]]] = []
        if self._words is not None:  # it stops one place early: see _scan_pattern
            who = self._words_who
            hits = [(m.end() - 1, who[m.lastindex or 0]) for m in self._words.finditer(" " + text)]
        if self._starts is not None:
            find = self._starts.search
            who = self._who
            others = len(hits)
            pos = 0
            while (hit := find(text, pos)) is not None:
                hits.append((hit.start(), who[hit.lastindex or 0]))
                pos = hit.start() + 1
            if others and len(hits) > others:
                hits.sort(key=lambda h: h[0])  # a word start is never a place of the others
        return hits

    def finditer_all(self, text: str) -> list[list[re.Match[str]]]:
        if self._starts is None and self._words is None:
            return [list(rx.finditer(text)) for rx in self.regexes]
        out: list[list[re.Match[str]]] = [[] for _ in self.regexes]
        ends = [0] * len(self.regexes)
        plain: set[int] = set()
        regexes = self.regexes
        for at, who in self._hits(text):
            for j in who:
                if at >= ends[j]:
                    m = regexes[j].match(text, at)
                    if m is not None:
                        out[j].append(m)
                        ends[j] = m.end()
                        if m.end() == at:  # empty matches: finditer's own rules apply
                            plain.add(j)
                            ends[j] = len(text) + 1
        for j in plain:
            out[j] = list(regexes[j].finditer(text))
        return out
