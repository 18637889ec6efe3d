"""The reflect area's tables: migration 0003_reflection matches the models, can be undone and
redone, and its foreign keys keep runs when episodes or people go."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import inspect, select, text

from afterword.store import reflection as models
from afterword.store.base import Base
from journal_helpers import PASS, FakeClock, services

TABLES = ("flow_runs", "boundaries", "boundary_changes", "pillar_weights",
          "safety_plan_versions", "own_resources", "crisis_checks", "trap_feedback")


@pytest.fixture
def unlocked(tmp_path):
    svc = services(tmp_path / "j.afw", FakeClock())
    svc.vault.create(PASS)
    with svc.vault.unlock(PASS) as unlocked:
        yield unlocked


def test_the_migration_creates_exactly_the_models_columns(unlocked):
    assert models.FlowRunRow.__tablename__ in Base.metadata.tables
    found = inspect(unlocked.engine)
    for table in TABLES:
        in_db = {c["name"] for c in found.get_columns(table)}
        in_model = {c.name for c in Base.metadata.tables[table].columns}
        assert in_db == in_model, table


def test_the_migration_can_be_undone_and_redone(unlocked):
    from alembic import command
    from alembic.config import Config

    from afterword.store.migrate import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with unlocked.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0002_analysis")
    names = set(inspect(unlocked.engine).get_table_names())
    assert not names & set(TABLES)
    assert "entry_analysis" in names  # the revisions below are untouched
    with unlocked.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    assert set(TABLES) <= set(inspect(unlocked.engine).get_table_names())


def test_deleting_an_episode_or_person_keeps_the_runs(unlocked):
    from afterword.services.reflect import ReflectService
    from test_domain_flows import DETECTOR

    episode = unlocked.journal.add_episode("Gone later", person="Riley")
    svc = ReflectService(unlocked, detector=DETECTOR)
    run = svc.open_reflection(str(episode.id)).run
    check = svc.partner.open("Riley").run
    with unlocked.write_session_factory() as s, s.begin():
        s.execute(text("DELETE FROM episodes WHERE id = :id"), {"id": episode.id})
        s.execute(text("DELETE FROM people WHERE alias_key = 'riley'"))
    assert svc.get(run.id).episode_id is None
    assert svc.get(check.id).person_id is None


def test_deleting_a_run_removes_its_trap_feedback_and_unlinks_its_boundary(unlocked):
    from afterword.services.reflect import ReflectService
    from test_domain_flows import DETECTOR, FULL

    svc = ReflectService(unlocked, detector=DETECTOR)
    outcome = svc.open_reflection()
    run_id = outcome.run.id
    while outcome.view is not None:
        value = None if outcome.view.step.kind.value == "info" else FULL[outcome.view.key]
        outcome = svc.answer(run_id, outcome.view.key, value)
    assert svc.trap_feedback(run_id)
    with unlocked.write_session_factory() as s, s.begin():
        s.execute(text("DELETE FROM flow_runs WHERE id = :id"), {"id": run_id})
    assert svc.trap_feedback(run_id) == []
    [boundary] = svc.boundaries.list()
    assert boundary.origin.run_id is None and boundary.text == FULL["boundary"]


def test_run_state_is_plain_json_inside_the_vault(unlocked):
    from afterword.services.reflect import ReflectService
    from test_domain_flows import DETECTOR

    svc = ReflectService(unlocked, detector=DETECTOR)
    run = svc.open_reflection().run
    svc.answer(run.id, "consent", "yes")
    with unlocked.session_factory() as s:
        row = s.scalars(select(models.FlowRunRow)).one()
        state = json.loads(row.state_json)
    assert state["answers"] == {"consent": "yes"} and state["format"] == 1
