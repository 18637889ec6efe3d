"""Export and import: lossless round trips, the three formats, dedupe, malformed files."""

import io
import json
from datetime import date, timedelta

import pytest

from afterword.errors import InvalidInput
from journal_helpers import PASS, FakeClock, services

ODD_BODIES = ["", "🙂🫠 emoji 👩‍👩‍👧 and a ZWJ", "مرحبا، كيف حالك؟ — עברית ‏mixed‎ RTL",
              "line\r\nendings\n\n  trailing  ", "x" * (1024 * 1024)]


@pytest.fixture
def make(tmp_path):
    opened = []

    def _make(name="j.afw"):
        s = services(tmp_path / name, FakeClock())
        s.vault.create(PASS)
        u = s.vault.unlock(PASS)
        opened.append(u)
        return u

    yield _make
    for u in opened:
        u.close()


def export(unlocked, kind="json"):
    buf = io.StringIO()
    (unlocked.exchange.export_json if kind == "json" else unlocked.exchange.export_markdown)(buf)
    return buf.getvalue()


def test_json_export_is_complete_and_round_trips(make, tmp_path):
    src = make("a.afw")
    ep = src.journal.add_episode("Summer", person="Sam", started_on=date(2024, 6, 1), note="n")
    src.journal.add_person("Alex", note="met at work")
    originals = [src.journal.write(body, title=f"t{i}" if i % 2 else None, mood=(i % 5) - 2,
                                   tags=["x", f"n{i}"], people=["Sam"] if i % 2 else [],
                                   episode=ep.id if i == 1 else None)
                 for i, body in enumerate(ODD_BODIES)]
    text = export(src)
    data = json.loads(text)
    assert data["format"] == "afterword-export" and data["version"] == 1
    assert len(data["entries"]) == len(ODD_BODIES)
    path = tmp_path / "export.json"
    path.write_text(text, encoding="utf-8")

    dst = make("b.afw")
    report = dst.exchange.import_file(path)
    assert (report.format, report.imported, report.skipped_duplicates) == (
        "afterword", len(ODD_BODIES), 0)
    assert report.episodes_added == 1
    copied = {e.uid: e for e in dst.journal.list(limit=100)}
    for original in originals:
        twin = copied[original.uid]
        assert twin.body == original.body
        assert (twin.title, twin.mood, twin.tags, twin.people) == (
            original.title, original.mood, original.tags, original.people)
        assert twin.created_at == original.created_at
        assert twin.created_at.utcoffset() == original.created_at.utcoffset()
        assert twin.updated_at == original.updated_at
    ep_copy = dst.journal.episodes()[0]
    assert (ep_copy.title, ep_copy.person, ep_copy.started_on, ep_copy.note) == (
        "Summer", "Sam", date(2024, 6, 1), "n")
    assert copied[originals[1].uid].episode_id == ep_copy.id
    assert {p.alias: p.note for p in dst.journal.people()}["Alex"] == "met at work"
    # and the second export equals the first, apart from ids and the export time
    again = json.loads(export(dst))
    strip = lambda d: [{k: v for k, v in e.items() if k not in ("id", "episode")}  # noqa: E731
                       for e in d["entries"]]
    assert sorted(strip(again), key=lambda e: e["uid"]) == sorted(strip(data),
                                                                  key=lambda e: e["uid"])


def test_import_twice_adds_nothing(make, tmp_path):
    src = make("a.afw")
    for i in range(3):
        src.journal.write(f"e{i}")
    path = tmp_path / "e.json"
    path.write_text(export(src))
    dst = make("b.afw")
    assert dst.exchange.import_file(path).imported == 3
    second = dst.exchange.import_file(path)
    assert (second.imported, second.skipped_duplicates) == (0, 3)
    assert dst.journal.count() == 3
    # importing a journal's own export into itself also adds nothing
    assert src.exchange.import_file(path).imported == 0


def test_markdown_export(make):
    u = make()
    u.journal.write("first body", title="A title", mood=-1, tags=["t"], people=["Sam"])
    text = export(u, "md")
    assert text.startswith("# ")
    assert "## 2024-05-01 21:30 — A title" in text
    assert "first body" in text and "#t" in text and "Sam" in text


JRNL = {
    "tags": {"@work": 1},
    "entries": [
        {"title": "Long day.", "body": "Then @work again.", "date": "2024-02-03", "time": "18:05",
         "tags": ["@work"], "starred": True},
        {"title": "Short", "body": "", "date": "2024-02-04", "time": "07:00", "tags": [],
         "starred": False},
    ],
}

DAYONE = {
    "metadata": {"version": "1.0"},
    "entries": [
        {"uuid": "A1B2", "creationDate": "2023-11-05T14:00:00Z",
         "modifiedDate": "2023-11-06T09:00:00Z", "timeZone": "Europe/Berlin",
         "text": "Walked by the river. 🙂", "tags": ["Walks"], "starred": False},
        {"uuid": "C3D4", "creationDate": "2023-11-07T20:00:00Z", "text": "", "tags": []},
    ],
}


def test_jrnl_import(make, tmp_path):
    path = tmp_path / "jrnl.json"
    path.write_text(json.dumps(JRNL))
    u = make()
    report = u.exchange.import_file(path)
    assert (report.format, report.imported) == ("jrnl", 2)
    e = u.journal.search("again")[0].entry
    assert e.title == "Long day." and e.body == "Then @work again."
    assert set(e.tags) == {"work", "starred"}
    assert (e.created_at.hour, e.created_at.minute) == (18, 5)
    assert e.created_at.utcoffset() == timedelta(hours=2)  # the clock's local zone
    assert u.exchange.import_file(path).imported == 0


def test_dayone_import(make, tmp_path):
    path = tmp_path / "dayone.json"
    path.write_text(json.dumps(DAYONE))
    u = make()
    report = u.exchange.import_file(path)
    assert (report.format, report.imported) == ("dayone", 2)
    e = u.journal.search("river")[0].entry
    assert e.uid == "dayone-A1B2" and e.body == "Walked by the river. 🙂"
    assert e.tags == ("walks",)
    assert e.created_at.utcoffset() == timedelta(hours=1)  # Berlin in November
    assert e.created_at.hour == 15
    assert u.exchange.import_file(path, "dayone").imported == 0


# --- malformed files: a clear error naming the line or field, and nothing imported -------------

def check_rejected(make, tmp_path, content, *expected, fmt="auto", name="bad.json"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    u = make(name + ".afw")
    u.journal.write("already here")
    with pytest.raises(InvalidInput) as info:
        u.exchange.import_file(path, fmt)
    message = info.value.user_message()
    for part in expected:
        assert part in message, message
    assert "Nothing was imported" in message
    assert u.journal.count() == 1
    return message


def test_bad_json_names_line(make, tmp_path):
    check_rejected(make, tmp_path, '{\n "entries": [\n  {"date": "2024-01-01",}\n ]\n}',
                   "line 3")


def test_invalid_utf8_names_line(make, tmp_path):
    content = b'{"entries": [\n{"date": "2024-01-01", "title": "ok",\n"body": "\xff\xfe"}]}'
    check_rejected(make, tmp_path, content, "UTF-8", "line 3")


def test_unknown_format(make, tmp_path):
    check_rejected(make, tmp_path, '{"hello": "world"}', "does not recognise")
    check_rejected(make, tmp_path, "[1, 2, 3]", "does not recognise", name="list.json")


@pytest.mark.parametrize("entry, field", [
    ({"date": "2024-13-45", "time": "10:00", "title": "x", "body": ""}, "entries[1].date"),
    ({"date": "2024-01-01", "time": "25:99", "title": "x", "body": ""}, "entries[1].time"),
    ({"date": "2024-01-01", "time": "10:00", "title": 5, "body": ""}, "entries[1].title"),
    ({"time": "10:00", "title": "x", "body": ""}, "entries[1].date"),
    ({"date": "2024-01-01", "title": "x", "body": "", "tags": ["two words"]}, "entries[1]"),
    ({"date": "2024-01-01", "title": "x", "body": "", "tags": [3]}, "entries[1].tags[0]"),
])
def test_jrnl_bad_fields_are_named(make, tmp_path, entry, field):
    good = {"date": "2024-01-01", "time": "09:00", "title": "fine", "body": "fine"}
    check_rejected(make, tmp_path, json.dumps({"tags": {}, "entries": [good, entry]}), field)


@pytest.mark.parametrize("entry, field", [
    ({"uid": "u2", "body": "x", "created_at": "2024-01-01T10:00:00"}, "entries[1].created_at"),
    ({"uid": "u2", "body": "x", "created_at": "not a date"}, "entries[1].created_at"),
    ({"uid": "u2", "body": 7, "created_at": "2024-01-01T10:00:00+00:00"}, "entries[1].body"),
    ({"uid": "u2", "body": "x", "created_at": "2024-01-01T10:00:00+00:00", "mood": 7},
     "entries[1]"),
    ({"uid": "u2", "body": "x", "created_at": "2024-01-01T10:00:00+00:00", "mood": "low"},
     "entries[1].mood"),
    ({"uid": "u2", "body": "x", "created_at": "2024-01-01T10:00:00+00:00", "episode": 9},
     "entries[1].episode"),
    ("just a string", "entries[1]"),
])
def test_afterword_bad_fields_are_named(make, tmp_path, entry, field):
    good = {"uid": "u1", "body": "ok", "created_at": "2024-01-01T09:00:00+00:00"}
    doc = {"format": "afterword-export", "version": 1, "entries": [good, entry]}
    check_rejected(make, tmp_path, json.dumps(doc), field)


def test_afterword_wrong_version(make, tmp_path):
    doc = {"format": "afterword-export", "version": 2, "entries": []}
    check_rejected(make, tmp_path, json.dumps(doc), "version")


def test_dayone_bad_date(make, tmp_path):
    doc = {"metadata": {}, "entries": [{"uuid": "x", "creationDate": "yesterday", "text": "t"}]}
    check_rejected(make, tmp_path, json.dumps(doc), "entries[0].creationDate")


def test_entries_not_a_list(make, tmp_path):
    check_rejected(make, tmp_path, '{"format": "afterword-export", "version": 1, "entries": {}}',
                   "entries")


def test_fifty_megabyte_truncated_file(make, tmp_path):
    entry = json.dumps({"date": "2024-01-01", "time": "10:00", "title": "t", "body": "b" * 1000})
    count = 50 * 1024 * 1024 // (len(entry) + 2)
    content = '{"tags": {}, "entries": [\n' + ",\n".join([entry] * count)  # cut off: no ]}
    message = check_rejected(make, tmp_path, content, "line", name="big.json")
    assert f"line {count + 1}" in message


def test_file_over_the_size_limit(make, tmp_path):
    path = tmp_path / "huge.json"
    path.write_bytes(b" " * (2 * 1024 * 1024))
    u = make()
    with pytest.raises(InvalidInput) as info:
        u.exchange.read_import(path, max_mb=1)
    assert "2 MB" in info.value.user_message()


def test_missing_file(make, tmp_path):
    u = make()
    with pytest.raises(InvalidInput):
        u.exchange.import_file(tmp_path / "nope.json")


def test_import_is_all_or_nothing_at_the_database_too(make, tmp_path):
    """A failure while writing (here: an episode reference broken after validation) rolls back
    every entry of the file."""
    from afterword.services import formats

    u = make()
    good = {"uid": "u1", "body": "ok", "created_at": "2024-01-01T09:00:00+00:00"}
    batch = formats.parse({"format": "afterword-export", "version": 1,
                           "entries": [good, dict(good, uid="u2")]}, "auto", FakeClock()().tzinfo)
    batch.entry_episode_keys[1] = 12345  # points nowhere
    with pytest.raises(KeyError):
        u.exchange.import_batch(batch)
    assert u.journal.count() == 0
