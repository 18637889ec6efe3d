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
