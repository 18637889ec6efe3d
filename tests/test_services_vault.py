"""Vault: create, unlock, the three distinct failures, passphrase change, backup, doctor."""

import hashlib
import json
import os

import pytest

from afterword.errors import (
    HeaderMissing,
    InvalidInput,
    JournalExists,
    JournalMissing,
    NotAVault,
    WrongPassphrase,
    WrongRecoveryKey,
)
from journal_helpers import PASS, services


@pytest.fixture
def vault(tmp_path):
    return services(tmp_path / "j.afw").vault


def fingerprint(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def test_create_then_unlock(vault):
    created = vault.create(PASS)
    assert created.path == vault.path and created.unlock_seconds > 0
    assert len(created.recovery_key.split("-")) == 8
    assert created.kdf["memory_kib"] == 8192  # from the test settings, not the code
    assert vault.path.stat().st_mode & 0o777 == 0o600
    assert vault.header_path.stat().st_mode & 0o777 == 0o600
    with vault.unlock(PASS) as unlocked:
        assert unlocked.journal.count() == 0


def test_create_twice_refuses(vault):
    vault.create(PASS)
    with pytest.raises(JournalExists):
        vault.create(PASS)


@pytest.mark.parametrize("bad", ["", "   "])
def test_empty_passphrase_refused(vault, bad):
    with pytest.raises(InvalidInput):
        vault.create(bad)
    assert not vault.path.exists()


def test_wrong_passphrase_changes_nothing(vault):
    vault.create(PASS)
    with vault.unlock(PASS) as u:
        u.journal.write("keep me")
    before = fingerprint(vault.path.parent)
    with pytest.raises(WrongPassphrase) as info:
        vault.unlock(PASS + "x")
    assert info.value.exit_code == 3
    assert fingerprint(vault.path.parent) == before


def test_missing_journal_says_how_to_create(vault):
    with pytest.raises(JournalMissing) as info:
        vault.unlock(PASS)
    assert info.value.exit_code == 5
    assert "afterword init" in info.value.user_message()


@pytest.mark.parametrize("content", [
    b"", b"hello, not a journal\n", b"SQLite format 3\x00" + b"\0" * 4080, os.urandom(4096)])
def test_not_a_vault(vault, content):
    vault.path.parent.mkdir(parents=True, exist_ok=True)
    vault.path.write_bytes(content)
    with pytest.raises(NotAVault) as info:
        vault.unlock(PASS)
    assert info.value.exit_code == 4
    assert not isinstance(info.value, WrongPassphrase)


def test_corrupt_database_is_not_a_vault(vault):
    vault.create(PASS)
    data = bytearray(vault.path.read_bytes())
    data[100:200] = os.urandom(100)  # inside page 1, after the salt: HMAC fails
    vault.path.write_bytes(bytes(data))
    with pytest.raises(NotAVault):
        vault.unlock(PASS)


def test_corrupt_header_is_not_a_vault(vault):
    vault.create(PASS)
    vault.header_path.write_text("{ broken")
    with pytest.raises(NotAVault):
        vault.unlock(PASS)


def test_missing_header(vault):
    vault.create(PASS)
    vault.header_path.unlink()
    with pytest.raises(HeaderMissing) as info:
        vault.unlock(PASS)
    assert isinstance(info.value, NotAVault)


def test_header_from_another_vault_is_not_a_vault(tmp_path):
    a = services(tmp_path / "a.afw").vault
    b = services(tmp_path / "b.afw").vault
    a.create(PASS)
    b.create(PASS)
    b.header_path.write_bytes(a.header_path.read_bytes())
    with pytest.raises(NotAVault):
        b.unlock(PASS)


def test_recovery_key_unlocks_and_resets(vault):
    created = vault.create(PASS)
    with vault.unlock_with_recovery_key(created.recovery_key.lower()) as u:
        u.journal.write("x")
    with pytest.raises(WrongRecoveryKey):
        vault.unlock_with_recovery_key("AAAA-" * 7 + "AAAA")
    with pytest.raises(InvalidInput):
        vault.unlock_with_recovery_key("not a key")
    vault.reset_passphrase_with_recovery_key(created.recovery_key, "fresh start")
    with vault.unlock("fresh start") as u:
        assert u.journal.count() == 1
    with pytest.raises(WrongPassphrase):
        vault.unlock(PASS)


def test_change_passphrase_touches_only_the_header(vault):
    created = vault.create(PASS)
    db_before = hashlib.sha256(vault.path.read_bytes()).hexdigest()
    vault.change_passphrase(PASS, "new one")
    assert hashlib.sha256(vault.path.read_bytes()).hexdigest() == db_before
    with pytest.raises(WrongPassphrase):
        vault.unlock(PASS)
    vault.unlock("new one").close()
    vault.unlock_with_recovery_key(created.recovery_key).close()
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase("wrong", "other")


@pytest.mark.parametrize("stop_at", ["write_temp", "fsync_temp", "replace", "fsync_dir", "done"])
def test_change_passphrase_interrupted_opens_with_old_or_new(vault, stop_at):
    vault.create(PASS)

    def crash(name):
        if name == stop_at:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        vault.change_passphrase(PASS, "new one", step=crash)
    opened = []
    for candidate in (PASS, "new one"):
        try:
            vault.unlock(candidate).close()
            opened.append(candidate)
        except WrongPassphrase:
            pass
    assert len(opened) == 1
    assert opened == ([PASS] if stop_at in ("write_temp", "fsync_temp", "replace")
                      else ["new one"])
    assert sorted(p.name for p in vault.path.parent.iterdir() if p.name.endswith(".tmp")) == []


def test_change_passphrase_uses_current_kdf_settings(tmp_path):
    path = tmp_path / "j.afw"
    services(path).vault.create(PASS)
    services(path, kdf_memory_kib=16384, kdf_time_cost=2).vault.change_passphrase(PASS, "n")
    data = json.loads((tmp_path / "j.afw.keys.json").read_text())
    pw = next(w for w in data["wraps"] if w["kind"] == "passphrase")
    assert (pw["kdf"]["memory_kib"], pw["kdf"]["time_cost"]) == (16384, 2)
    services(path).vault.unlock("n").close()  # parameters are read from the header


def test_backup_while_open_opens_with_same_passphrase(vault, tmp_path):
    vault.create(PASS)
    with vault.unlock(PASS) as u:
        for i in range(5):
            u.journal.write(f"entry {i}", tags=["t"])
        (tmp_path / "backups").mkdir()
        result = vault.backup(u, tmp_path / "backups")  # a folder: a dated name is chosen
        u.journal.write("after the backup")
    assert result.path.parent == tmp_path / "backups"
    copy = services(result.path).vault
    with copy.unlock(PASS) as b:
        assert b.journal.count() == 5
        assert len(b.journal.search("entry")) == 5
    assert copy.doctor(PASS).ok
    with pytest.raises(InvalidInput):
        vault.backup(PASS, result.path)
    named = vault.backup(PASS, tmp_path / "mine.afw")
    assert named.path == tmp_path / "mine.afw"
    assert named.header_path == tmp_path / "mine.afw.keys.json"
    services(named.path).vault.unlock(PASS).close()


def test_doctor_reports(vault):
    vault.create(PASS)
    with vault.unlock(PASS) as u:
        u.journal.write("x", tags=["a"], people=["J"])
        u.journal.add_episode("E")
    report = vault.doctor(PASS)
    assert report.ok
    assert report.counts == {"entries": 1, "tags": 1, "people": 1, "episodes": 1}
    assert report.kdf["name"] == "argon2id" and report.kdf["salt"] == "(hidden)"
    assert report.schema_revision == report.schema_head
    assert report.integrity_check == ["ok"]
    json.dumps(report.to_dict())


def test_schema_newer_than_this_version(vault):
    from sqlalchemy import text

    from afterword.errors import SchemaTooNew

    vault.create(PASS)
    with vault.unlock(PASS) as u, u.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
    with pytest.raises(SchemaTooNew):
        vault.unlock(PASS)
