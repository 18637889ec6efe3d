"""Tone checks over the catalogue text of the reflect area (DESIGN §3).

The survivor path must never blame, never call the act a lesson or a mistake, and never analyse
the person's thoughts about it. The whole area avoids diagnosis, toxic positivity and telling
people how they must feel.
"""

from __future__ import annotations

import re

import pytest

from afterword.domain import crisis, survivor
from afterword.domain.flow_defs import Kind
from afterword.domain.resources import directory
from afterword.messages import catalogue, msg

# Wording that blames, or frames the act as a lesson, mistake or something to learn from.
SURVIVOR_FORBIDDEN = [
    r"\blessons?\b", r"\bmistakes?\b", r"\blearn", r"\bshould(n't| not)? have\b",
    r"\bwhy did you\b", r"\byou let\b", r"\blet (it|this) happen\b", r"\byou allowed\b",
    r"\byou chose\b", r"\byour choice\b(?!.*\bnot\b)", r"\bcould have (avoided|stopped|prevented)",
    r"\bavoid (it|this) (next time|again)\b", r"\bnext time\b", r"\bwhat (did )?you did wrong\b",
    r"\bresponsib", r"\bthinking traps?\b", r"\bdistortion", r"\breframe", r"\bbalanced thought",
    r"\bsilver lining", r"\bhappens? for a reason\b", r"\bgrowth\b", r"\bopportunity\b",
    r"\bwere you drinking\b", r"\bwhat were you wearing\b", r"\bovereact", r"\bmisunderst",
    r"\bpartly\b", r"\bboth of you\b", r"\bgrey area\b", r"\bgray area\b",
]

# Anywhere in the area: no diagnosis, no toxic positivity, no "you must feel".
AREA_FORBIDDEN = [
    r"\byou (must|should) feel\b", r"\bstay positive\b", r"\bgood vibes\b", r"\bjust move on\b",
    r"\beverything happens for a reason\b", r"\bget over it\b", r"\bdiagnos", r"\bdisorder\b",
    r"\bcheer up\b", r"\bat least\b",
    r"\bverdict:", r"\bgo ahead\b", r"\bred flag score\b",
]


def survivor_keys() -> list[str]:
    keys = [k for k in catalogue() if k.startswith("reflect.survivor.")]
    flow_keys = [survivor.SURVIVOR.title]
    for step in survivor.SURVIVOR.all_steps():
        flow_keys += [step.prompt, *(o.label for o in step.options)]
        if step.note:
            flow_keys.append(step.note)
    # Every text the survivor flow shows is in the survivor namespace, so this test reads it all.
    assert set(flow_keys) <= set(keys)
    return keys


@pytest.mark.parametrize("key", survivor_keys())
def test_survivor_text_never_blames_or_calls_it_a_lesson(key):
    text = msg(key).lower()
    for pattern in SURVIVOR_FORBIDDEN:
        assert not re.search(pattern, text), f"{key}: {pattern}"


def test_survivor_path_says_plainly_it_was_not_their_fault():
    assert "was not your fault" in msg("reflect.survivor.intro")
    assert "was not your fault" in msg("reflect.survivor.close")


def test_survivor_support_options_are_offered_never_pressed():
    text = " ".join(msg(f"reflect.survivor.more.{o}") for o in survivor.SUPPORT_OPTIONS).lower()
    for pressure in (r"\byou must\b", r"\byou need to\b", r"\byou have to\b", r"\bimmediately\b",
                     r"\bshould report\b"):
        assert not re.search(pressure, text)
    assert "your decision" in text or "you choose" in text
    step = next(s for s in survivor.SURVIVOR.all_steps() if s.id == "survivor.options")
    assert step.kind is Kind.MULTI and not step.required


def test_the_survivor_path_shows_no_trap_labels_or_socratic_questions():
    for step in survivor.SURVIVOR.all_steps():
        assert not step.prompt.startswith(("reflect.trap.", "reflect.socratic."))
        assert step.kind is not Kind.TRAPS and step.socratic_from is None


@pytest.mark.parametrize("key", [k for k in catalogue() if k.startswith("reflect.")])
def test_reflect_text_avoids_diagnosis_and_toxic_positivity(key):
    text = msg(key).lower()
    for pattern in AREA_FORBIDDEN:
        assert not re.search(pattern, text), f"{key}: {pattern}"


def test_what_it_taught_me_is_never_what_i_did_wrong():
    prompt = msg("reflect.reflection.taught").lower()
    assert "wrong" not in prompt
    assert "not about what you did wrong" in msg("reflect.reflection.taught.note")


def test_crisis_text_is_gentle_and_never_threatens_to_contact_anyone():
    keys = [k for k in catalogue() if k.startswith("reflect.crisis.")]
    joined = " ".join(msg(k) for k in keys).lower()
    assert "never contacts anyone" in joined
    for pattern in (r"\bwe will (call|contact|notify)\b", r"\blocked\b", r"\bpolice\b",
                    r"\byou must\b"):
        assert not re.search(pattern, joined)
    assert msg("reflect.crisis.option.okay") == "No, I'm okay"
    assert crisis.CRISIS.all_steps()[0].resources  # resources at once


def test_resources_text_is_plain_and_shown_as_text_only():
    for r in directory().resources:
        for pattern in SURVIVOR_FORBIDDEN:
            assert not re.search(pattern, f"{r.name} {r.about}".lower()), r.id
        assert "http://" not in r.contact and "https://" not in r.contact


def test_the_tone_rules_can_fail():
    bad = "It was a lesson; next time you should have said no."
    assert any(re.search(p, bad.lower()) for p in SURVIVOR_FORBIDDEN)
    assert any(re.search(p, "stay positive, everything happens for a reason")
               for p in AREA_FORBIDDEN)
