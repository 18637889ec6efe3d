"""The public API: analyze(), embed(), Result.to_dict() against the contract's JSON Schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from afterword.analysis import Detection, Result, analyze, embed
from afterword.analysis.labels import EMOTIONS, THEMES, TRAPS

SCHEMA = (
    Path(__file__).resolve().parents[2] / "shared" / "contracts" / "analysis-result.schema.json"
)

ENTRY = (
    "We slept together on Saturday and he hasn't texted since. I feel so used. "
    "Why did I let this happen? He probably thinks I'm easy. I should have known better."
)


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip("shared contract schema not present")
    schema = json.loads(SCHEMA.read_text())
    return jsonschema.Draft202012Validator(schema)


def test_results_come_back_in_order_and_validate(validator):
    texts = [ENTRY, "", "I had pasta for dinner.", "   \n\t "]
    results = analyze(texts)
    assert len(results) == 4 and all(isinstance(r, Result) for r in results)
    for i, r in enumerate(results):
        doc = r.to_dict(id=f"h{i}")
        validator.validate(doc)
        assert doc["id"] == f"h{i}"
    validator.validate(results[0].to_dict())
    assert results[0].to_dict()["id"] is None


def test_entry_is_understood_with_exact_evidence():
    r = analyze([ENTRY])[0]
    assert r.rumination.flag and "Why did I let this happen?" in r.rumination.questions
    assert r.traps, "expected at least one thinking trap"
    for d in [*r.traps, *r.themes]:
        assert isinstance(d, Detection) and d.evidence and d.evidence in ENTRY
    labels = [d.label for d in r.traps]
    assert set(labels) <= set(TRAPS)
    assert {d.label for d in r.themes} <= set(THEMES)
    assert {d.label for d in r.emotions} <= set(EMOTIONS)
    scores = [d.score for d in r.traps]
    assert scores == sorted(scores, reverse=True)
    assert not r.safety.crisis.flag and not r.safety.nonconsent.flag


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_empty_text_gives_a_defined_empty_result(text):
    r = analyze([text])[0]
    assert r.language == "unknown" and r.notes
    assert not r.traps and not r.emotions and not r.themes and not r.rumination.flag
    assert not r.safety.crisis.flag and r.safety.crisis.score == 0.0


def test_non_english_is_reported_not_guessed():
    r = analyze(
        [
            "Ich habe gestern mit ihm geschlafen und jetzt fühle ich mich so leer und "
            "benutzt, warum habe ich das zugelassen?"
        ]
    )[0]
    assert r.language == "non_english" and r.notes
    assert not r.traps and not r.emotions and not r.themes
    r2 = analyze(["我不知道为什么我会这样做，我觉得很空虚。"])[0]
    assert r2.language == "non_english"


def test_a_megabyte_of_text_is_analysed_and_safety_reads_all_of_it():
    filler = "Today I walked to the shop and bought some bread and milk. " * 17000
    text = filler + "I want to kill myself."
    assert len(text) > 1_000_000
    r = analyze([text])[0]
    assert r.safety.crisis.flag and r.safety.crisis.evidence == ["I want to kill myself."]
    assert any("long" in n for n in r.notes)


def test_analyze_rejects_a_bare_string():
    with pytest.raises(TypeError):
        analyze("one string")  # type: ignore[arg-type]


def test_embed_is_normalised_float32_and_meaningful():
    v = embed(["I feel used and empty.", "He used me and I feel hollow.", "The bus was late."])
    assert v.dtype == np.float32 and v.shape[0] == 3
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2]
    assert embed([]).shape[0] == 0


def test_importing_the_package_stays_light():
    code = (
        "import sys, afterword.analysis, afterword.cli.analyze; "
        "print(any(m in sys.modules for m in ('numpy', 'model2vec', 'tokenizers')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_workers_give_the_same_results_in_the_same_order():
    texts = [f"Entry {i}. Why did I let this happen? I feel so alone tonight." if i % 3 else
             f"Entry {i}. I went to the shop." for i in range(600)]
    one = [r.to_dict(i) for i, r in enumerate(analyze(texts))]
    two = [r.to_dict(i) for i, r in enumerate(analyze(texts, workers=2))]
    assert one == two
