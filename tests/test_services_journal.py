"""JournalService on a real SQLCipher vault."""

from datetime import date, datetime, timedelta, timezone

import pytest

from afterword.domain.entries import EntryFilter
from afterword.errors import InvalidInput, NotFound
from journal_helpers import PASS, FakeClock, services


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def journal(tmp_path, clock):
    s = services(tmp_path / "j.afw", clock)
    s.vault.create(PASS)
    with s.vault.unlock(PASS) as unlocked:
        yield unlocked.journal


def test_write_and_get(journal, clock):
    e = journal.write("Body", title="Title", mood=-1, tags=["#Hurt"], people=["Sam"])
    got = journal.get(e.id)
    assert got == e
    assert (got.title, got.body, got.mood, got.tags, got.people) == (
        "Title", "Body", -1, ("hurt",), ("Sam",))
    assert got.created_at.tzinfo is not None
    assert got.created_at.utcoffset() == timedelta(hours=2)
    assert isinstance(got.id, int) and len(got.uid) == 32


def test_ids_are_not_reused(journal):
    a = journal.write("a")
    journal.delete(a.id)
    b = journal.write("b")
    assert b.id > a.id


@pytest.mark.parametrize("body", ["", "🙂🫠 emoji 👩‍👩‍👧", "مرحبا، كيف حالك؟ עברית", "a\r\nb\n\n",
                                  "x" * (1024 * 1024)])
def test_bodies_round_trip_exactly(journal, body):
    assert journal.get(journal.write(body).id).body == body


def test_backdated_entry(journal):
    when = datetime(2023, 3, 4, 5, 6, tzinfo=timezone(timedelta(hours=9)))
    e = journal.write("then", created_at=when)
    assert e.created_at == when and e.created_at.utcoffset() == timedelta(hours=9)


@pytest.mark.parametrize("kwargs", [
    {"mood": 3}, {"mood": -3}, {"tags": ["two words"]}, {"people": [""]},
    {"created_at": datetime(2024, 1, 1)}, {"title": "x" * 501},
])
def test_bad_values_are_invalid_input(journal, kwargs):
    with pytest.raises(InvalidInput):
        journal.write("body", **kwargs)
    assert journal.count() == 0


def test_unknown_episode(journal):
    with pytest.raises(NotFound):
        journal.write("x", episode=42)


def test_update_changes_only_what_is_given(journal):
    e = journal.write("body", title="t", mood=1, tags=["a"], people=["P"])
    u = journal.update(e.id, mood=None)
    assert (u.body, u.title, u.mood, u.tags, u.people) == ("body", "t", None, ("a",), ("P",))
    assert u.updated_at > e.updated_at and u.created_at == e.created_at
    u = journal.update(e.id, body="new", tags=[], people=["Q", "q"], title=None)
    assert (u.body, u.title, u.tags, u.people) == ("new", None, (), ("Q",))
    with pytest.raises(InvalidInput):
        journal.update(e.id, mood=9)
    with pytest.raises(NotFound):
        journal.update(999, body="x")


def test_delete(journal):
    e = journal.write("x")
    journal.delete(e.id)
    with pytest.raises(NotFound):
        journal.get(e.id)
    with pytest.raises(NotFound):
        journal.delete(e.id)


def test_list_newest_first_with_paging(journal):
    ids = [journal.write(f"e{i}").id for i in range(25)]
    page1 = journal.list(limit=20)
    page2 = journal.list(limit=20, offset=20)
    assert [e.id for e in page1] == ids[::-1][:20]
    assert [e.id for e in page2] == ids[::-1][20:]
    for bad in [{"limit": 0}, {"limit": 1001}, {"offset": -1}]:
        with pytest.raises(InvalidInput):
            journal.list(**bad)


def test_list_filters(journal):
    ep = journal.add_episode("Summer", person="Sam", started_on=date(2024, 6, 1))
    a = journal.write("a", mood=-2, tags=["x"], people=["Sam"], episode=ep.id)
    b = journal.write("b", mood=2, tags=["y"])
    assert [e.id for e in journal.list(EntryFilter(episode_id=ep.id))] == [a.id]
    assert [e.id for e in journal.list(EntryFilter(person="sam"))] == [a.id]
    assert [e.id for e in journal.list(EntryFilter(mood_min=1))] == [b.id]
    assert [e.id for e in journal.list(EntryFilter(tag="x"))] == [a.id]
    assert journal.count(EntryFilter(tag="nope")) == 0


def test_search(journal):
    journal.write("The ocean was grey and I felt so alone", title="Shore")
    journal.write("Met a friend, laughed a lot", tags=["good"])
    hits = journal.search("alone")
    assert len(hits) == 1
    hit = hits[0]
    assert "[alone]" in hit.marked_snippet()
    assert journal.search("shore")[0].entry.title == "Shore"
    assert journal.search('"felt so alone"')[0].entry.id == hit.entry.id
    assert journal.search("laugh*")[0].entry.tags == ("good",)
    assert journal.search("alone", EntryFilter(tag="good")) == []
    assert journal.search('NEAR( "OR AND') == []  # odd input is never an error
    with pytest.raises(InvalidInput):
        journal.search("   ")


def test_tags_people_episodes(journal):
    journal.write("a", tags=["x", "y"], people=["Sam"])
    journal.write("b", tags=["x"])
    assert [(t.name, t.count) for t in journal.tags()] == [("x", 2), ("y", 1)]
    journal.add_person("Alex", note="from work")
    people = {p.alias: p for p in journal.people()}
    assert people["Sam"].entry_count == 1 and people["Alex"].note == "from work"
    assert journal.add_person("sam").id == people["Sam"].id
    with pytest.raises(InvalidInput):
        journal.add_person("")
    ep = journal.add_episode("Winter", person="Alex", started_on=date(2024, 1, 1),
                             ended_on=date(2024, 2, 1), note="n")
    assert journal.find_episode("winter").id == ep.id
    assert journal.find_episode(str(ep.id)).person == "Alex"
    with pytest.raises(NotFound):
        journal.find_episode("spring")
    with pytest.raises(InvalidInput):
        journal.add_episode("Bad", started_on=date(2024, 2, 1), ended_on=date(2024, 1, 1))
    journal.add_episode("Winter")
    with pytest.raises(InvalidInput):
        journal.find_episode("Winter")  # two with that name: ask for the number
