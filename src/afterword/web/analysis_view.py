"""Shape an entry's stored analysis for the entry page: gentle, with evidence highlighted.

Care rules (DESIGN §3) applied here, where the page is put together:
- when traps are withheld (``afterword.services.care``: the entry's own non-consent signal, or
  its episode's reflection walks the survivor path), thinking traps and echoing questions are
  not shown at all, and the survivor card comes first;
- when the crisis signal is up, resources are shown at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from afterword.errors import InvalidInput
from afterword.messages import has, msg
from afterword.services.care import CareRules
from afterword.web.highlight import find_spans, mark, paragraphs

DETECTORS = ("traps", "themes", "emotions", "safety", "rumination")
VERDICTS = ("doesnt_fit", "confirmed")


def label_name(kind: str, label: str) -> str:
    keys = (f"reflect.trap.{label}",) if kind == "traps" else ()
    for key in (*keys, f"analysis.{kind}.{label}", f"web.label.{kind}.{label}"):
        if has(key):
            return msg(key)
    return label.replace("_", " ")


@dataclass
class DetectionView:
    detector: str
    label: str
    name: str
    evidence: str
    feedback: str | None = None


@dataclass
class AnalysisView:
    analysed: bool = False
    survivor: bool = False
    survivor_reason: str | None = None  # care.NONCONSENT or care.SURVIVOR_PATH
    crisis: bool = False
    emotions: list[str] = field(default_factory=list)
    themes: list[DetectionView] = field(default_factory=list)
    traps: list[DetectionView] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    cards: list[tuple[str, str]] = field(default_factory=list)  # explainers: title, text
    body_html: Markup = Markup("")


def _feedback_map(unlocked: Any, entry_id: int) -> dict[tuple[str, str], str]:
    # Oldest first: the latest verdict on a detection wins.
    return {(f.detector, f.label): f.verdict for f in unlocked.journal.feedback_for(entry_id)}


def for_entry(unlocked: Any, entry: Any, rules: CareRules) -> AnalysisView:
    result, reason = rules.analysis(entry)
    view = AnalysisView()
    if result is None:
        view.body_html = Markup(paragraphs(mark(entry.body, [])))
        return view
    feedback = _feedback_map(unlocked, entry.id)
    safety = result.get("safety", {})
    view.analysed = True
    view.survivor = reason is not None
    view.survivor_reason = reason
    view.crisis = bool(safety.get("crisis", {}).get("flag"))
    view.emotions = [label_name("emotions", e["label"]) for e in result.get("emotions", [])
                     if e.get("label") != "neutral"][:4]
    view.themes = [
        DetectionView("themes", t["label"], label_name("themes", t["label"]),
                      t.get("evidence") or "", feedback.get(("themes", t["label"])))
        for t in result.get("themes", [])
    ]
    if not view.survivor:
        view.traps = [
            DetectionView("traps", t["label"], label_name("traps", t["label"]),
                          t.get("evidence") or "", feedback.get(("traps", t["label"])))
            for t in result.get("traps", [])
        ]
        view.questions = list(result.get("rumination", {}).get("questions", []))
    view.cards = _explainers(view, result)
    evidence = [d.evidence for d in (*view.traps, *view.themes)
                if d.evidence and d.feedback != "doesnt_fit"]
    view.body_html = Markup(paragraphs(mark(entry.body, find_spans(entry.body, evidence))))
    return view


def _explainers(view: AnalysisView, result: dict[str, Any]) -> list[tuple[str, str]]:
    """The reflection area's explainer cards for what was found (only affirming ones on the
    survivor path), skipping themes the person said do not fit."""
    from afterword.domain import explainers

    labels = [d.label for d in view.themes if d.feedback != "doesnt_fit"]
    if result.get("rumination", {}).get("flag") or view.questions:
        labels.append("rumination")
    if view.survivor:
        labels.append("nonconsent")
    ids = explainers.cards_for(labels)
    if view.survivor:
        ids = tuple(i for i in ids if i in explainers.SURVIVOR_CARDS)
    out = []
    for card_id in ids:
        card = explainers.card(card_id)
        out.append((msg(card.title_key), msg(card.body_key)))
    return out


def record_feedback(rules: CareRules, entry_id: int, detector: str, label: str,
                    verdict: str) -> None:
    """Through the care rule: feedback on a withheld detection is refused (TrapsWithheld)."""
    if detector not in DETECTORS or verdict not in VERDICTS or not label or len(label) > 64:
        raise InvalidInput(msg("web.feedback.bad"))
    rules.record_feedback(entry_id, detector, label, verdict)
