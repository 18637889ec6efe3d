"""Explainer cards: short, plain-language reading shown when a related theme or pattern appears.

Each card's text lives in the catalogue (``reflect.card.<id>.title`` / ``.body``); its sources
are cited in docs/explainers.md. Labels are the analysis theme labels (DESIGN §2), plus the
pattern labels ``rumination`` and ``nonconsent``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Card:
    id: str
    labels: frozenset[str]  # themes or patterns that bring this card up

    @property
    def title_key(self) -> str:
        return f"reflect.card.{self.id}.title"

    @property
    def body_key(self) -> str:
        return f"reflect.card.{self.id}.body"


CARDS: tuple[Card, ...] = (
    Card("bonding", frozenset({"longing_after_bonding", "loneliness", "emptiness"})),
    Card("expectations", frozenset({"expectation_mismatch", "feeling_used", "disrespect"})),
    Card("rumination", frozenset({"rumination"})),
    Card("regret_shame", frozenset({"regret", "shame", "self_worth_doubt"})),
    Card("consent", frozenset({"boundary_crossed", "nonconsent"})),
)

CARD_IDS: tuple[str, ...] = tuple(c.id for c in CARDS)

# The only card that is offered on the survivor path: it affirms, it does not analyse.
SURVIVOR_CARDS: frozenset[str] = frozenset({"consent"})


def cards_for(labels: Iterable[str], /) -> tuple[str, ...]:
    """Ids of the cards related to any of `labels`, in the catalogue's order."""
    wanted = set(labels)
    return tuple(c.id for c in CARDS if c.labels & wanted)


def card(card_id: str) -> Card:
    for c in CARDS:
        if c.id == card_id:
            return c
    raise ValueError(f"unknown explainer card: {card_id!r}")
