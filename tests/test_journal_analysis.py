"""Phase 2: analysis kept with entries, feedback on detections, similar entries."""

import json
from pathlib import Path

import pytest

from afterword.errors import InvalidInput, NotFound
from afterword.services.journal import JournalService
from journal_helpers import PASS, FakeClock, services

SCHEMA = Path(__file__).resolve().parents[1] / "contracts" / "analysis-result.schema.json"


@pytest.fixture
def opened(tmp_path):
    s = services(tmp_path / "j.afw", FakeClock())
    s.vault.create(PASS)
    with s.vault.unlock(PASS) as unlocked:
        yield unlocked


def test_write_keeps_the_analysis_inside_the_vault(opened):
    e = opened.journal.write("Why did I let this happen? I feel so used and empty.")
    stored = opened.journal.analysis_for(e.id)
    assert stored is not None and stored.entry_id == e.id
    assert stored.result["id"] == e.id
    assert {"safety", "rumination", "traps", "emotions", "themes", "model"} <= set(stored.result)
    assert stored.model_name == stored.result["model"]["name"]
    if SCHEMA.exists():
        import jsonschema

        jsonschema.validate(stored.result, json.loads(SCHEMA.read_text()))


def test_analysis_off_then_backfilled(tmp_path):
    s = services(tmp_path / "j.afw", FakeClock(), analyze_on_save=False)
    s.vault.create(PASS)
    with s.vault.unlock(PASS) as u:
        ids = [u.journal.write(f"Entry {i}: I keep asking why.").id for i in range(5)]
        assert all(u.journal.analysis_for(i) is None for i in ids)
    on = services(tmp_path / "j.afw", FakeClock())
    with on.vault.unlock(PASS) as u:
        assert u.journal.analyze_pending(limit=3, batch=2) == 3
        assert u.journal.analyze_pending() == 2
        assert u.journal.analyze_pending() == 0
        assert all(u.journal.analysis_for(i) is not None for i in ids)


class BrokenAnalyzer:
    """Stands in for an analysis engine that is missing or fails."""

    def run(self, texts):
        return None

    def embed_query(self, text):
        return None


def test_a_missing_engine_never_costs_an_entry(opened):
    journal = JournalService(opened.store, opened.settings, FakeClock(), BrokenAnalyzer())
    e = journal.write("still saved")
    assert journal.get(e.id).body == "still saved"
    assert journal.analysis_for(e.id) is None
    assert journal.similar_entries(e.id) == []


def test_changed_text_is_reanalysed_or_forgotten(opened):
    e = opened.journal.write("I feel hopeful today.")
    first = opened.journal.analysis_for(e.id)
    opened.journal.update(e.id, mood=1)  # no text change: analysis kept as it was
    assert opened.journal.analysis_for(e.id).analyzed_at == first.analyzed_at
    opened.journal.update(e.id, body="Why does he not call? I feel worthless.")
    second = opened.journal.analysis_for(e.id)
    assert second.analyzed_at > first.analyzed_at
    broken = JournalService(opened.store, opened.settings, FakeClock(), BrokenAnalyzer())
    broken.update(e.id, body="new words the engine could not read")
    assert opened.journal.analysis_for(e.id) is None  # no findings shown for old text


def test_feedback(opened):
    e = opened.journal.write("He probably laughs about me.")
    fb = opened.journal.record_feedback(e.id, "traps", "mind_reading", "doesnt_fit")
    assert (fb.entry_id, fb.detector, fb.label, fb.verdict) == (
        e.id, "traps", "mind_reading", "doesnt_fit")
    opened.journal.record_feedback(e.id, "traps", "mind_reading", "confirmed")
    verdicts = [f.verdict for f in opened.journal.analysis_for(e.id).feedback]
    assert verdicts == ["doesnt_fit", "confirmed"]
    assert [f.verdict for f in opened.journal.feedback_for(e.id)] == verdicts
    with pytest.raises(InvalidInput):
        opened.journal.record_feedback(e.id, "traps", "mind_reading", "maybe")
    with pytest.raises(InvalidInput):
        opened.journal.record_feedback(e.id, "", "x", "confirmed")
    with pytest.raises(NotFound):
        opened.journal.record_feedback(999, "traps", "x", "confirmed")
    opened.journal.delete(e.id)  # feedback and analysis go with the entry
    with pytest.raises(NotFound):
        opened.journal.analysis_for(e.id)


def test_similar_entries(opened):
    j = opened.journal
    a = j.write("He never texted back after that night and I feel used.")
    b = j.write("After we slept together he stopped replying to my messages.")
    c = j.write("Recipe: two cups of flour, one egg, bake for twenty minutes.")
    found = j.similar_entries(a.id, k=2)
    assert [e.id for e, _ in found] == [b.id, c.id]
    assert found[0][1] > found[1][1]
    assert all(e.id != a.id for e, _ in found)
    with pytest.raises(NotFound):
        j.similar_entries(999)
    with pytest.raises(InvalidInput):
        j.similar_entries(a.id, k=0)


def test_imports_are_not_analysed_until_asked(opened, tmp_path):
    doc = {"tags": {}, "entries": [{"date": "2024-01-01", "time": "10:00", "title": "t",
                                    "body": "I keep asking myself why."}]}
    path = tmp_path / "j.json"
    path.write_text(json.dumps(doc))
    opened.exchange.import_file(path)
    entry = opened.journal.list()[0]
    assert opened.journal.analysis_for(entry.id) is None
    assert opened.journal.analyze_pending() == 1
    assert opened.journal.analysis_for(entry.id) is not None
