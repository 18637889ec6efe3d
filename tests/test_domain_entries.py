from datetime import datetime, timedelta, timezone

import pytest

from afterword.domain import entries as dom
from afterword.domain.entries import DomainError, EntryFilter, Highlight, SearchHit
from afterword.domain.episodes import validate_episode

TZ = timezone(timedelta(hours=2))
NOW = datetime(2024, 5, 1, 12, 0, tzinfo=TZ)


def make(**kw):
    base = {"body": "text", "uid": "u1", "created_at": NOW}
    base.update(kw)
    return dom.new_entry(**base)


def test_new_entry_normalises_tags_people_and_title():
    e = make(tags=["#Sad", "sad", "@work", "Ünïcode"], people=["J", " j ", "Sam"], title="  ")
    assert e.tags == ("sad", "work", "ünïcode")
    assert e.people == ("J", "Sam")
    assert e.title is None
    assert e.updated_at == NOW


@pytest.mark.parametrize("mood", [-2, -1, 0, 1, 2, None])
def test_valid_moods(mood):
    assert make(mood=mood).mood == mood


@pytest.mark.parametrize("mood", [-3, 3, 1.5, True, "1"])
def test_bad_moods(mood):
    with pytest.raises(DomainError) as info:
        make(mood=mood)
    assert info.value.key == "journal.bad_mood"


@pytest.mark.parametrize("tag", ["", "#", "two words", "x" * 65, "-lead", "a;b"])
def test_bad_tags(tag):
    with pytest.raises(DomainError):
        dom.normalize_tag(tag)


@pytest.mark.parametrize("alias", ["", "   ", "a\nb", "x" * 65])
def test_bad_aliases(alias):
    with pytest.raises(DomainError):
        dom.normalize_alias(alias)


def test_naive_times_are_refused():
    with pytest.raises(DomainError) as info:
        make(created_at=datetime(2024, 1, 1))
    assert info.value.key == "journal.naive_time"
    with pytest.raises(DomainError):
        EntryFilter(since=datetime(2024, 1, 1))


def test_empty_body_is_allowed_but_not_a_non_string():
    assert make(body="").body == ""
    with pytest.raises(DomainError):
        make(body=None)


def test_title_length_limit():
    with pytest.raises(DomainError):
        make(title="x" * (dom.MAX_TITLE_LENGTH + 1))


def test_parse_when_dates_and_times():
    assert dom.parse_when("2024-05-01", TZ) == datetime(2024, 5, 1, tzinfo=TZ)
    assert dom.parse_when("2024-05-01", TZ, end=True) == datetime(2024, 5, 2, tzinfo=TZ)
    assert dom.parse_when("2024-05-01T21:30", TZ) == datetime(2024, 5, 1, 21, 30, tzinfo=TZ)
    utc = dom.parse_when("2024-05-01T21:30Z", TZ)
    assert utc.utcoffset() == timedelta(0)
    for bad in ["yesterday", "2024-13-01", "", "2024-02-30"]:
        with pytest.raises(DomainError):
            dom.parse_when(bad, TZ)


def test_parse_query_words_phrases_prefixes():
    q = dom.parse_query('alone "felt used" hope* x-ray')
    assert [(t.text, t.phrase, t.prefix) for t in q.terms] == [
        ("alone", False, False), ("felt used", True, False), ("hope", False, True),
        ("x", False, False), ("ray", False, False)]


@pytest.mark.parametrize("query", ["", "   ", '""', "***", "-- !!"])
def test_parse_query_rejects_nothing_to_search(query):
    with pytest.raises(DomainError) as info:
        dom.parse_query(query)
    assert info.value.key == "journal.empty_query"


def test_parse_query_never_passes_search_syntax_through():
    q = dom.parse_query('NEAR(a b) OR "unbalanced AND col:x ^y')
    assert all('"' not in t.text and ":" not in t.text for t in q.terms)


def test_filter_validates_and_normalises():
    f = EntryFilter(tag="#Sad", person=" J ", mood_min=-2, mood_max=0)
    assert (f.tag, f.person) == ("sad", "J")
    with pytest.raises(DomainError):
        EntryFilter(mood_min=5)


def test_marked_snippet():
    hit = SearchHit(entry=None, rank=0.0, snippet="I felt so alone today",  # type: ignore[arg-type]
                    highlights=(Highlight(10, 15),))
    assert hit.marked_snippet("<", ">") == "I felt so <alone> today"


def test_episode_rules():
    from datetime import date

    assert validate_episode("  Summer  ") == "Summer"
    with pytest.raises(DomainError):
        validate_episode("   ")
    with pytest.raises(DomainError):
        validate_episode("x", date(2024, 2, 1), date(2024, 1, 1))
