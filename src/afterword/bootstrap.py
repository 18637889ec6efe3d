"""Builds the concrete services from settings. Nothing is opened until a service is used."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from afterword.config import Settings

if TYPE_CHECKING:  # keeps import time low
    from afterword.services.vault import VaultService


@dataclass
class Services:
    settings: Settings
    vault: VaultService


def build(settings: Settings, clock: Callable[[], datetime] | None = None) -> Services:
    from afterword.services.vault import VaultService, local_now

    return Services(settings=settings, vault=VaultService(settings, clock or local_now))

