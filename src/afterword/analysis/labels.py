"""The label sets of the analysis contract (DESIGN §5). Renaming one is a contract change."""

from __future__ import annotations

TRAPS: tuple[str, ...] = (
    "all_or_nothing", "overgeneralizing", "labeling", "fortune_telling", "mind_reading",
    "emotional_reasoning", "should_statements", "personalizing", "disqualifying_positive",
    "catastrophizing", "comparing_despairing", "blaming", "negative_feeling",
)

EMOTIONS: tuple[str, ...] = (
    "admiration", "amusement", "anger", "annoyance", "approval", "caring", "confusion",
    "curiosity", "desire", "disappointment", "disapproval", "disgust", "embarrassment",
    "excitement", "fear", "gratitude", "grief", "joy", "love", "nervousness", "optimism",
    "pride", "realization", "relief", "remorse", "sadness", "surprise", "neutral",
)

# The aftermath themes of DESIGN §2, in the essay's order.
THEMES: tuple[str, ...] = (
    "feeling_used", "emptiness", "loneliness", "regret", "self_worth_doubt",
    "expectation_mismatch", "longing_after_bonding", "boundary_crossed", "disrespect", "shame",
    "growth", "self_respect", "hope",
)

SAFETY: tuple[str, ...] = ("crisis", "nonconsent")
