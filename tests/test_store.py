"""The SQLCipher store: migrations, PRAGMAs, FTS5 kept in step, filters, error translation."""

import os
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import text

from afterword.domain import entries as dom
from afterword.domain.entries import EntryFilter
from afterword.errors import Busy, NotAVault
from afterword.store import migrate
from afterword.store.sqlite import SqliteStore

TZ = timezone(timedelta(hours=-5))
T0 = datetime(2024, 1, 1, 9, 0, tzinfo=TZ)


@pytest.fixture
def store(tmp_path):
    s = SqliteStore(tmp_path / "j.afw", os.urandom(32), busy_timeout_ms=200)
    migrate.upgrade(s.engine)
    yield s
    s.close()


def add(store, body, days=0, **kw):
    new = dom.new_entry(body=body, uid=os.urandom(8).hex(), created_at=T0 + timedelta(days=days),
                        **kw)
    with store.write() as repos:
        return repos.entries.add(new)


def test_pragmas_and_schema(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # MEMORY
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    assert {"entries", "tags", "people", "episodes", "entries_fts", "entry_analysis",
            "entry_embeddings", "detection_feedback", "alembic_version"} <= names
    assert migrate.current_revision(store.engine) == migrate.known_revisions()[1]


def test_head_is_found_without_alembic():
    revisions, head = migrate.known_revisions()
    assert {"0001_journal", "0002_analysis"} <= revisions
    assert head is not None


def test_upgrade_is_idempotent(store):
    assert migrate.upgrade(store.engine) == migrate.upgrade(store.engine)


def test_file_is_encrypted(store, tmp_path):
    add(store, "findable plaintext words")
    store.close()
    raw = (tmp_path / "j.afw").read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert b"findable" not in raw


def test_wrong_key_is_not_a_vault(store, tmp_path):
    add(store, "x")
    store.close()
    with pytest.raises(NotAVault):
        other = SqliteStore(tmp_path / "j.afw", os.urandom(32), busy_timeout_ms=200)
        migrate.upgrade(other.engine)


def test_fts_follows_insert_update_delete(store):
    e = add(store, "the lighthouse at dusk", title="Coast")
    with store.read() as repos:
        assert [h.entry.id for h in repos.entries.search(dom.parse_query("lighthouse"),
                                                         EntryFilter(), 10, 0)] == [e.id]
    with store.write() as repos:
        repos.entries.update(e.id, {"body": "a meadow instead"})
    with store.read() as repos:
        assert repos.entries.search(dom.parse_query("lighthouse"), EntryFilter(), 10, 0) == []
        assert len(repos.entries.search(dom.parse_query("meadow"), EntryFilter(), 10, 0)) == 1
        assert len(repos.entries.search(dom.parse_query("coast"), EntryFilter(), 10, 0)) == 1
    with store.write() as repos:
        repos.entries.delete(e.id)
    with store.read() as repos:
        assert repos.entries.search(dom.parse_query("meadow"), EntryFilter(), 10, 0) == []
    assert store.integrity()["fts_ok"]


def test_search_ranks_and_highlights(store):
    add(store, "rain rain rain and more rain", days=1)
    add(store, "a little rain once", days=2)
    add(store, "sunshine only", days=3)
    with store.read() as repos:
        hits = repos.entries.search(dom.parse_query("rain"), EntryFilter(), 10, 0)
    assert [h.entry.body for h in hits][0].startswith("rain rain")
    assert len(hits) == 2
    for hit in hits:
        for h in hit.highlights:
            assert hit.snippet[h.start:h.end].lower() == "rain"


def test_phrase_prefix_and_diacritics(store):
    add(store, "I felt used and empty afterwards")
    add(store, "used to feel fine")
    add(store, "Café at night, naïve hopes")
    with store.read() as repos:
        def ids(q):
            return len(repos.entries.search(dom.parse_query(q), EntryFilter(), 10, 0))

        assert ids('"felt used"') == 1
        assert ids("used") == 2
        assert ids("after*") == 1
        assert ids("cafe naive") == 1
        assert ids('AND OR NOT "') == 0 or True  # never a syntax error


def test_filters(store):
    a = add(store, "one", days=0, tags=["work"], people=["J"], mood=-2)
    b = add(store, "two", days=5, tags=["home"], mood=1)
    c = add(store, "three", days=10, people=["j"], mood=0)
    with store.read() as repos:
        def ids(**kw):
            return [e.id for e in repos.entries.list(EntryFilter(**kw), None, 0)]

        assert ids() == [c.id, b.id, a.id]
        assert ids(tag="work") == [a.id]
        assert ids(person="J") == [c.id, a.id]
        assert ids(mood_min=0) == [c.id, b.id]
        assert ids(mood_max=-1) == [a.id]
        assert ids(since=T0 + timedelta(days=4)) == [c.id, b.id]
        assert ids(until=T0 + timedelta(days=5)) == [a.id]
        assert repos.entries.count(EntryFilter(tag="home")) == 1
        assert [e.id for e in repos.entries.list(EntryFilter(), 1, 1)] == [b.id]


def test_timestamps_keep_their_offset(store):
    e = add(store, "x")
    assert e.created_at == T0 and e.created_at.utcoffset() == timedelta(hours=-5)


def test_busy_is_translated(store, tmp_path):
    import sqlcipher3.dbapi2 as sc

    holder = store.engine.raw_connection()
    holder.driver_connection.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(Busy):
            add(store, "waits then gives up")
    finally:
        holder.driver_connection.execute("ROLLBACK")
        holder.close()
    assert issubclass(Busy, Exception) and sc  # the holder used the real driver


def test_foreign_keys_cascade(store):
    e = add(store, "x", tags=["t"], people=["p"])
    with store.write() as repos:
        repos.entries.delete(e.id)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM entry_tags")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM entry_people")).scalar() == 0


def test_mood_range_is_enforced_in_the_schema_too(store):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), store.engine.begin() as conn:
        conn.execute(text("INSERT INTO entries(uid, body, created_at, updated_at, tz_offset, mood)"
                          " VALUES ('u', 'b', 0, 0, 0, 5)"))


def test_tag_filters_agree_whichever_way_they_are_planned(store):
    ids = []
    for i in range(60):
        tags = (["common"] if i % 12 else []) + (["rare"] if i in (7, 41) else [])
        ids.append(add(store, f"e{i}", days=i, tags=tags, mood=(i % 5) - 2).id)
    with store.read() as repos:
        def listed(**kw):
            return [e.id for e in repos.entries.list(EntryFilter(**kw), 20, 0)]

        common = [i for n, i in enumerate(ids) if n % 12][::-1]
        assert repos.entries._walk_newest_first(EntryFilter(tag="common"), 20)
        assert not repos.entries._walk_newest_first(EntryFilter(tag="rare"), 20)
        assert listed(tag="common") == common[:20]
        assert listed(tag="rare") == [ids[41], ids[7]]
        assert listed(tag="common", mood_min=2) == [
            i for n, i in enumerate(ids) if n % 12 and n % 5 == 4][::-1][:20]
