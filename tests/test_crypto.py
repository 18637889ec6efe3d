import json
import os

import pytest

from afterword.crypto import header as hdr
from afterword.crypto import kdf, recovery

KEY = os.urandom(32)


def cheap():
    return kdf.new_argon2id(memory_kib=1024, time_cost=1, parallelism=1)


def make_header():
    rk = recovery.generate()
    h = hdr.new_header(KEY, b"pass", recovery.to_bytes(rk), cheap(), "2024-05-01T00:00:00+00:00")
    return h, rk


def test_wrap_and_unwrap_both_ways():
    h, rk = make_header()
    parsed = hdr.parse(h.to_bytes())
    assert hdr.unwrap_key(parsed, "passphrase", b"pass") == KEY
    assert hdr.unwrap_key(parsed, "recovery", recovery.to_bytes(rk)) == KEY


def test_wrong_secret_is_rejected_not_garbage():
    h, _ = make_header()
    with pytest.raises(hdr.KeyRejected):
        hdr.unwrap_key(h, "passphrase", b"Pass")
    with pytest.raises(hdr.KeyRejected):
        hdr.unwrap_key(h, "recovery", os.urandom(20))


def test_header_records_kdf_parameters_and_never_the_key():
    h, _ = make_header()
    data = json.loads(h.to_bytes())
    assert data["format"] == hdr.FORMAT and data["version"] == hdr.VERSION
    pw = next(w for w in data["wraps"] if w["kind"] == "passphrase")
    assert pw["kdf"]["name"] == "argon2id"
    assert pw["kdf"]["memory_kib"] == 1024 and pw["kdf"]["time_cost"] == 1
    assert len(bytes.fromhex(pw["kdf"]["salt"])) == kdf.SALT_BYTES
    assert KEY.hex() not in h.to_bytes().decode()


def test_parameters_come_from_the_header_not_the_code():
    params = kdf.new_argon2id(memory_kib=2048, time_cost=2, parallelism=2)
    h = hdr.new_header(KEY, b"p", os.urandom(20), params, "t")
    again = hdr.parse(h.to_bytes())
    assert again.wrap("passphrase").kdf == params
    assert hdr.unwrap_key(again, "passphrase", b"p") == KEY


def test_tampered_parameters_fail_like_a_wrong_key():
    h, _ = make_header()
    data = json.loads(h.to_bytes())
    pw = next(w for w in data["wraps"] if w["kind"] == "passphrase")
    pw["kdf"]["time_cost"] = 2
    tampered = hdr.parse(json.dumps(data).encode())
    with pytest.raises(hdr.KeyRejected):
        hdr.unwrap_key(tampered, "passphrase", b"pass")


@pytest.mark.parametrize("raw", [
    b"", b"not json", b"\xff\xfe", b"[]", b'{"format": "other"}',
    b'{"format": "afterword-vault-header", "version": 99, "cipher": "sqlcipher4-raw-key"}',
    b'{"format": "afterword-vault-header", "version": 1, "cipher": "sqlcipher4-raw-key"}',
])
def test_unreadable_headers(raw):
    with pytest.raises(hdr.HeaderUnreadable):
        hdr.parse(raw)


def test_unknown_kdf_is_unreadable():
    h, _ = make_header()
    data = json.loads(h.to_bytes())
    data["wraps"][0]["kdf"]["name"] = "md5"
    with pytest.raises(hdr.HeaderUnreadable):
        hdr.parse(json.dumps(data).encode())


def test_recovery_key_shape_and_forgiving_input():
    rk = recovery.generate()
    groups = rk.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    secret = recovery.to_bytes(rk)
    assert recovery.to_bytes(rk.lower().replace("-", " ")) == secret
    assert recovery.generate() != rk


@pytest.mark.parametrize("bad", ["", "ABCD", "!!!!-????", "A" * 33])
def test_bad_recovery_keys(bad):
    with pytest.raises(recovery.BadRecoveryKey):
        recovery.to_bytes(bad)


def test_write_atomic_replaces_and_leaves_no_temp(tmp_path):
    target = tmp_path / "h.json"
    target.write_bytes(b"old")
    steps = []
    hdr.write_atomic(target, b"new", step=steps.append)
    assert target.read_bytes() == b"new"
    assert steps == ["write_temp", "fsync_temp", "replace", "fsync_dir", "done"]
    assert [p.name for p in tmp_path.iterdir()] == ["h.json"]
    assert target.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("stop_at", ["write_temp", "fsync_temp", "replace"])
def test_write_atomic_interrupted_before_replace_keeps_old(tmp_path, stop_at):
    target = tmp_path / "h.json"
    target.write_bytes(b"old")

    def crash(name):
        if name == stop_at:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        hdr.write_atomic(target, b"new", step=crash)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["h.json"]


def test_write_atomic_interrupted_after_replace_has_new(tmp_path):
    target = tmp_path / "h.json"
    target.write_bytes(b"old")

    def crash(name):
        if name == "fsync_dir":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        hdr.write_atomic(target, b"new", step=crash)
    assert target.read_bytes() == b"new"


def test_argon2_default_cost_meets_the_spec():
    from afterword import config

    s = config.load(environ={})
    assert s.kdf_memory_kib >= 65536 and s.kdf_time_cost >= 3
