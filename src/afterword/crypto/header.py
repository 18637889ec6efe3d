"""The vault header: ``journal.afw.keys.json`` beside the encrypted database.

The database is encrypted by SQLCipher with a random 256-bit *data key*. The header holds that
key wrapped (AES-256-GCM) once per way in: by a key derived from the passphrase (Argon2id) and by
one derived from the recovery key (HKDF). Each wrap records its KDF and parameters, so they can
change without a format change. The associated data binds each wrap to the vault id and its own
KDF parameters, so edited parameters fail like a wrong key instead of silently weakening it.

Changing the passphrase rewrites only this file, atomically (:func:`write_atomic`).
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from afterword.crypto import kdf

FORMAT = "afterword-vault-header"
VERSION = 1
CIPHER = "sqlcipher4-raw-key"
AEAD = "aes-256-gcm"
NONCE_BYTES = 12
HEADER_SUFFIX = ".keys.json"


class HeaderUnreadable(ValueError):
    """The header is not an Afterword vault header, or is damaged."""


class KeyRejected(ValueError):
    """The key derived from what the person typed does not open this wrap (GCM tag failed)."""


def header_path(vault: Path) -> Path:
    return vault.with_name(vault.name + HEADER_SUFFIX)


@dataclass(frozen=True)
class Wrap:
    kind: str  # "passphrase" or "recovery"
    kdf: kdf.KdfParams
    nonce: bytes
    ciphertext: bytes

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "kdf": self.kdf.to_dict(),
            "aead": AEAD,
            "nonce": self.nonce.hex(),
            "ciphertext": self.ciphertext.hex(),
        }


@dataclass(frozen=True)
class Header:
    vault_id: str
    wraps: tuple[Wrap, ...]
    created_at: str
    extra: dict[str, Any] = field(default_factory=dict)

    def wrap(self, kind: str) -> Wrap:
        for item in self.wraps:
            if item.kind == kind:
                return item
        raise HeaderUnreadable(f"no {kind} wrap")

    def replace_wrap(self, new: Wrap) -> Header:
        wraps = tuple(new if w.kind == new.kind else w for w in self.wraps)
        return Header(self.vault_id, wraps, self.created_at, self.extra)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "cipher": CIPHER,
            "created_at": self.created_at,
            "wraps": [w.to_dict() for w in self.wraps],
            **self.extra,
        }

    def to_bytes(self) -> bytes:
        return (json.dumps(self.to_dict(), indent=2, sort_keys=True) + "\n").encode("utf-8")


def _aad(vault_id: str, kind: str, params: kdf.KdfParams) -> bytes:
    return json.dumps([FORMAT, VERSION, vault_id, kind, params.to_dict()], sort_keys=True).encode()


def wrap_key(
    data_key: bytes, vault_id: str, kind: str, params: kdf.KdfParams, secret: bytes
) -> Wrap:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(NONCE_BYTES)
    ciphertext = AESGCM(params.derive(secret)).encrypt(
        nonce, data_key, _aad(vault_id, kind, params)
    )
    return Wrap(kind, params, nonce, ciphertext)


def unwrap_key(header: Header, kind: str, secret: bytes) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    wrap = header.wrap(kind)
    try:
        key = AESGCM(wrap.kdf.derive(secret)).decrypt(
            wrap.nonce, wrap.ciphertext, _aad(header.vault_id, kind, wrap.kdf)
        )
    except InvalidTag:
        raise KeyRejected(kind) from None
    if len(key) != kdf.KEY_BYTES:
        raise HeaderUnreadable("data key has the wrong length")
    return key


def new_header(
    data_key: bytes,
    passphrase: bytes,
    recovery_secret: bytes,
    passphrase_kdf: kdf.Argon2idParams,
    created_at: str,
) -> Header:
    vault_id = uuid.uuid4().hex
    wraps = (
        wrap_key(data_key, vault_id, "passphrase", passphrase_kdf, passphrase),
        wrap_key(data_key, vault_id, "recovery", kdf.new_hkdf(), recovery_secret),
    )
    return Header(vault_id, wraps, created_at)


def parse(raw: bytes) -> Header:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise HeaderUnreadable("not JSON") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise HeaderUnreadable("not an Afterword header")
    if data.get("version") != VERSION or data.get("cipher") != CIPHER:
        raise HeaderUnreadable(f"unsupported header version {data.get('version')!r}")
    try:
        wraps = tuple(
            Wrap(
                kind=str(w["kind"]),
                kdf=kdf.from_dict(w["kdf"]),
                nonce=bytes.fromhex(w["nonce"]),
                ciphertext=bytes.fromhex(w["ciphertext"]),
            )
            for w in data["wraps"]
            if w.get("aead") == AEAD
        )
        known = {"format", "version", "vault_id", "cipher", "created_at", "wraps"}
        extra = {k: v for k, v in data.items() if k not in known}
        return Header(str(data["vault_id"]), wraps, str(data["created_at"]), extra)
    except (KeyError, TypeError, ValueError, kdf.KdfError) as exc:
        raise HeaderUnreadable(f"damaged header: {exc.__class__.__name__}") from None


def read(path: Path) -> Header:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise HeaderUnreadable(f"cannot read header: {exc.strerror}") from None
    return parse(raw)


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # some platforms cannot open folders; the rename is still atomic there
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(
    path: Path, data: bytes, *, step: Callable[[str], None] | None = None
) -> None:
    """Replace ``path`` so a crash at any point leaves the old file or the new one, whole.

    Temp file in the same folder, fsync, rename over, fsync the folder. ``step`` is called with
    the name of each step before it runs; tests use it to interrupt the sequence.
    """
    mark = step or (lambda _name: None)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    mark("write_temp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            mark("fsync_temp")
            os.fsync(handle.fileno())
        mark("replace")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    mark("fsync_dir")
    fsync_dir(path.parent)
    mark("done")
