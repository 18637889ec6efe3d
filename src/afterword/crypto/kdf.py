"""Key derivation. Parameters always travel with the derived key's header, never fixed here."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

KEY_BYTES = 32
SALT_BYTES = 16


class KdfError(ValueError):
    """The header names a KDF or parameters this version cannot use."""


@dataclass(frozen=True)
class Argon2idParams:
    memory_kib: int
    time_cost: int
    parallelism: int
    salt: bytes
    version: int = 19

    name = "argon2id"

    def derive(self, secret: bytes) -> bytes:
        from argon2.low_level import Type, hash_secret_raw

        return hash_secret_raw(
            secret,
            self.salt,
            time_cost=self.time_cost,
            memory_cost=self.memory_kib,
            parallelism=self.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
            version=self.version,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "memory_kib": self.memory_kib,
            "time_cost": self.time_cost,
            "parallelism": self.parallelism,
            "salt": self.salt.hex(),
        }


@dataclass(frozen=True)
class HkdfParams:
    """For the recovery key only: it is 160 random bits, so a slow KDF adds nothing."""

    salt: bytes
    info: bytes = b"afterword recovery key v1"

    name = "hkdf-sha256"

    def derive(self, secret: bytes) -> bytes:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        return HKDF(hashes.SHA256(), KEY_BYTES, self.salt, self.info).derive(secret)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "salt": self.salt.hex(), "info": self.info.decode()}


KdfParams = Argon2idParams | HkdfParams


def new_argon2id(memory_kib: int, time_cost: int, parallelism: int) -> Argon2idParams:
    if memory_kib < 8 * parallelism or time_cost < 1 or parallelism < 1:
        raise KdfError("argon2id parameters out of range")
    return Argon2idParams(memory_kib, time_cost, parallelism, os.urandom(SALT_BYTES))


def new_hkdf() -> HkdfParams:
    return HkdfParams(os.urandom(SALT_BYTES))


def from_dict(data: dict[str, Any]) -> KdfParams:
    try:
        name = data["name"]
        if name == "argon2id":
            params = Argon2idParams(
                memory_kib=int(data["memory_kib"]),
                time_cost=int(data["time_cost"]),
                parallelism=int(data["parallelism"]),
                salt=bytes.fromhex(data["salt"]),
                version=int(data.get("version", 19)),
            )
            if params.memory_kib < 8 or params.time_cost < 1 or params.parallelism < 1:
                raise KdfError("argon2id parameters out of range")
            return params
        if name == "hkdf-sha256":
            return HkdfParams(bytes.fromhex(data["salt"]), str(data["info"]).encode())
    except (KeyError, TypeError, ValueError) as exc:
        raise KdfError(f"unreadable KDF parameters: {exc.__class__.__name__}") from None
    raise KdfError(f"unknown KDF: {name!r}")
