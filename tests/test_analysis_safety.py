"""Crisis and non-consent: explicit statements fire; idioms, fiction, other people, negation,
resolved past mentions and consensual-but-regretted stories do not."""

from __future__ import annotations

import pytest

from afterword.analysis import analyze

CRISIS = [
    "I want to kill myself.",
    "i dont want to be alive anymore",
    "I've been saving up my sleeping pills for a while now.",
    "Everyone would be better off without me.",
    "I cut myself again last night.",
    "I wrote a goodbye note and put it in my drawer.",
    "Work was fine. Then I came home and thought about ending my life.",
    "I keep thinking about jumping off the bridge near work.",
    "I wish I could go to sleep and never wake up.",
]
NOT_CRISIS = [
    "This is killing me.",
    "I'd kill for a coffee.",
    "I nearly died of embarrassment in the meeting.",
    "In the film the main character wants to die, and it made me cry.",
    "My friend told me she feels suicidal and I'm worried about her.",
    "Years ago I tried to kill myself, but I'm in a much better place now.",
    "I used to cut myself in high school. I've been clean for eight years.",
    "I'm not suicidal, just really tired and sad.",
    "I want to end things with him.",
    "My feet are killing me after that walk.",
]
NONCONSENT = [
    "I said no and he kept going anyway.",
    "I said no. He didn't stop.",
    "He held me down.",
    "I was too drunk to stand and she still had sex with me.",
    "I woke up with him on top of me.",
    "I just froze and couldn't move while it happened.",
    "He kept pressuring me until I gave in.",
    "He took the condom off without telling me.",
    "My boss said I should sleep with him if I wanted to keep my job.",
    "I was fifteen and he was twenty-six.",
]
NOT_NONCONSENT = [
    "I regret sleeping with him, but I wanted to at the time.",
    "He asked if I was okay and stopped when I said I wanted to slow down.",
    "I said stop and he stopped straight away.",
    "It was consensual, I just feel used because he never called.",
    "Nobody forced me, I made a choice I regret.",
    "I froze on stage during my speech.",
    "My boss made me redo the presentation.",
]


@pytest.mark.parametrize("text", CRISIS)
def test_crisis_fires_with_evidence(text):
    r = analyze([text])[0]
    assert r.safety.crisis.flag
    assert r.safety.crisis.evidence and all(e in text for e in r.safety.crisis.evidence)


@pytest.mark.parametrize("text", NOT_CRISIS)
def test_crisis_stays_quiet(text):
    assert not analyze([text])[0].safety.crisis.flag


@pytest.mark.parametrize("text", NONCONSENT)
def test_nonconsent_fires_with_evidence(text):
    r = analyze([text])[0]
    assert r.safety.nonconsent.flag
    assert all(e in text for e in r.safety.nonconsent.evidence)


@pytest.mark.parametrize("text", NOT_NONCONSENT)
def test_nonconsent_stays_quiet(text):
    assert not analyze([text])[0].safety.nonconsent.flag


def test_current_risk_wins_over_a_resolved_past():
    text = ("Years ago I tried to end my life and I got better. "
            "But tonight I want to die again.")
    r = analyze([text])[0]
    assert r.safety.crisis.flag
    assert r.safety.crisis.evidence == ["But tonight I want to die again."]


def test_no_thinking_traps_or_regret_framing_after_nonconsent():
    text = ("I said no and he kept going anyway. I should have fought harder. "
            "It's all my fault, I'm so stupid. I regret going to his place.")
    r = analyze([text])[0]
    assert r.safety.nonconsent.flag
    assert r.traps == []
    assert not {d.label for d in r.themes} & {"regret", "growth"}
    assert r.notes


def test_long_entry_with_one_crisis_sentence_in_the_middle():
    text = " ".join(["Work was long and the bus was late again."] * 20
                    + ["Sometimes I think everyone would be better off without me."]
                    + ["Then I made tea and watched something."] * 20)
    r = analyze([text])[0]
    assert r.safety.crisis.flag
    assert r.safety.crisis.evidence == [
        "Sometimes I think everyone would be better off without me."
    ]


# Rule families added by concept (second generation). Each family has positives in several
# registers (lower case, dropped apostrophes, typos) and the idioms or everyday uses that must
# stay quiet.
CRISIS_FAMILIES = {
    "wish to be dead or gone": [
        "i just wanna not exist anymore",
        "Lately I hope I don't wake up in the morning.",
        "honestly thinking about how to kil myself",
        "i've been so suicdal this week",
        "Part of me wants to stop existing.",
    ],
    "burden and hopelessness": [
        "My kids would be better off with me gone.",
        "whats the point in going on",
        "I can't do this anymore.",
        "I want it all to stop for good.",
        "I'm just a burden to everyone around me.",
    ],
    "self-harm acts and tools": [
        "I burned my arm with a lighter tonight.",
        "i keep a blade in my drawer for when it gets bad again",
        "The urge to cut won't go away.",
        "I've been starving myself as punishment.",
        "I scratched my skin until it bled.",
    ],
    "means and plans": [
        "I swallowed a whole packet of paracetamol.",
        "I keep thinking about stepping in front of a bus.",
        "I looked up how high the bridge is and whether it would be enough.",
        "There's a rope in the shed and I've tested the knot.",
        "I'm planning how I would do it.",
    ],
    "farewell acts": [
        "Please look after my dog when I'm gone.",
        "I've been giving away my things because I won't need them.",
        "This is my goodbye to all of you.",
        "I put my affairs in order today.",
    ],
}
CRISIS_QUIET = [
    "I'm dying to see her again.",
    "If I have to hear that song again I'll die.",
    "I burned myself on the hob making pancakes.",
    "I cut myself shaving this morning.",
    "I'm ending my contract with the gym.",
    "I need to end it with him, it's not working.",
    "I'd die for my little sister.",
    "We jumped into the lake with friends to cool off.",
    "I'm gone for the weekend, see you Monday.",
    "My brother keeps saying he'll kill himself and I'm scared for him.",
    "I would never take my own life, I just feel low.",
    "I used to self-harm as a teenager; I've been okay for years now.",
    "I'm starving, what's for dinner?",
    "I want this week to be over.",
    "My grandma wants to die at home, surrounded by family.",
]
NONCONSENT_FAMILIES = {
    "force and restraint": [
        "He pinned my wrists so I couldn't move.",
        "she pushed me onto the bed and wouldn't get off me even when i told her to",
    ],
    "a no ignored": [
        "I told him I wanted to stop and he carried on anyway.",
        "i said no like four times and he did it anyways",
        "He kept going even though I was crying.",
    ],
    "coercion until giving in": [
        "He kept begging until I gave in.",
        "She guilted me into sex on my birthday.",
    ],
    "incapacitation": [
        "I was too out of it to say no and he still had sex with me.",
        "I woke up with her hands in my underwear.",
    ],
    "freezing": [
        "I froze when he pulled my jeans down and couldn't say anything.",
    ],
    "stealthing": [
        "He took the condom off halfway without telling me.",
        "he didnt wear a condom even tho i told him to",
    ],
    "minors": [
        "I was 15 and he was 27.",
        "My coach started touching me when I was twelve.",
    ],
    "power": [
        "My landlord said I could skip rent if I slept with him.",
        "My manager said I'd lose my shifts unless I slept with him.",
    ],
    "threats": [
        "She said she'd send my nudes to my family if I didn't come over.",
    ],
}
NONCONSENT_QUIET = [
    "I froze during my driving test.",
    "I finally gave in and bought the boots.",
    "My boss kept pushing me to take the promotion until I gave in.",
    "He threatened to leave me if I didn't move to Berlin.",
    "He took the condom off after and we cuddled.",
    "I was sixteen when I had my first kiss with a boy in my class.",
    "He kept asking me out until I said yes to coffee.",
    "We were both drunk and it was fun, I just wish she'd text back.",
    "He asked before every step and stopped when I wanted to.",
    "I passed out on the sofa watching football.",
]


@pytest.mark.parametrize(
    "text", [t for texts in CRISIS_FAMILIES.values() for t in texts]
)
def test_crisis_families_fire(text):
    r = analyze([text])[0]
    assert r.safety.crisis.flag
    assert r.safety.crisis.evidence


@pytest.mark.parametrize("text", CRISIS_QUIET)
def test_crisis_idioms_accidents_and_others_stay_quiet(text):
    assert not analyze([text])[0].safety.crisis.flag


@pytest.mark.parametrize(
    "text", [t for texts in NONCONSENT_FAMILIES.values() for t in texts]
)
def test_nonconsent_families_fire(text):
    r = analyze([text])[0]
    assert r.safety.nonconsent.flag
    assert r.safety.nonconsent.evidence


@pytest.mark.parametrize("text", NONCONSENT_QUIET)
def test_nonconsent_everyday_and_respected_stay_quiet(text):
    assert not analyze([text])[0].safety.nonconsent.flag


def test_contextual_forms_need_a_sexual_context():
    """Giving in alone is not non-consent; beside a sexual context it is."""
    assert not analyze(["I finally gave in."])[0].safety.nonconsent.flag
    text = "He kept pulling at my clothes. I finally gave in."
    r = analyze([text])[0]
    assert r.safety.nonconsent.flag
    assert "I finally gave in." in r.safety.nonconsent.evidence


def test_no_rule_lost_a_quantifier_to_f_string_formatting():
    # In an rf-string "{0,30}" is formatted as the tuple "(0, 30)", so the rule never matches.
    import re

    from afterword.analysis import rules

    for name in dir(rules):
        rule = getattr(rules, name)
        if isinstance(rule, rules.Rule):
            assert not re.search(r"\(\d+, \d*\)", rule.pattern), name


def _feature_groups() -> list[list[str]]:
    """Texts whose features depend on neighbours, side by side with texts that have none, so
    a text's first and last sentences sit next to another text's when scanned together."""
    import random

    from afterword.analysis import engine

    pool = CRISIS + NOT_CRISIS + NONCONSENT + [
        "Years ago.", "I'm fine now.", "I said no.", "He kept going.", "Nothing happened.",
        "We kissed.", "It was nice.", "İstanbul was cold and I want to die.", "", "The film.",
    ]
    rng = random.Random(5)
    texts = [" ".join(rng.sample(pool, rng.randint(0, 4))) for _ in range(120)] + pool
    return [[s.text for s in engine._prepare(t).sents] for t in texts]


@pytest.mark.parametrize("task", ["crisis", "nonconsent"])
def test_features_of_many_texts_at_once_equal_each_text_alone(task: str) -> None:
    import numpy as np

    from afterword.analysis import safety
    from afterword.analysis.text import Sentence

    groups = [[Sentence(0, len(t), t) for t in g] for g in _feature_groups()]
    alone = [safety.FEATURES[task](g) for g in groups]
    together = safety.features_many(groups)[task]
    assert len(together) == len(alone)
    for a, b in zip(alone, together, strict=True):
        assert a.dtype == b.dtype and a.shape == b.shape
        assert np.array_equal(a, b)
    assert sum(bool(a.any()) for a in alone) > 20  # the corpus does exercise the rules


def test_neighbours_never_cross_from_one_text_into_the_next() -> None:
    import numpy as np

    from afterword.analysis import safety

    owner = np.asarray([0, 0, 1, 1, 2], np.int64)
    assert safety._near_within({1}, owner).tolist() == [True, True, False, False, False]
    assert safety._near_within({2}, owner).tolist() == [False, False, True, True, False]
    assert safety._near_within({4}, owner).tolist() == [False] * 4 + [True]
    assert safety._near({1}, 3).tolist() == [True, True, True]
