"""Measure every detector and write docs/analysis-quality.md.

    python -m afterword.analysis.evaluate          (make eval)

Reads ../shared/data (or AFTERWORD_SHARED_DATA) and skips any dataset that is absent. Prints
and writes numbers only: never a line of dataset text.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import re
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from afterword.analysis import analyze
from afterword.analysis.labels import EMOTIONS, THEMES, TRAPS
from afterword.analysis.train import load_rows, repo_root, rows_with_negatives, shared_data

SHARMA_LABELS = {
    "all-or-nothing thinking": "all_or_nothing",
    "overgeneralizing": "overgeneralizing",
    "overgeneralization": "overgeneralizing",
    "labeling": "labeling",
    "fortune telling": "fortune_telling",
    "mind reading": "mind_reading",
    "emotional reasoning": "emotional_reasoning",
    "should statements": "should_statements",
    "personalizing": "personalizing",
    "personalization": "personalizing",
    "disqualifying the positive": "disqualifying_positive",
    "catastrophizing": "catastrophizing",
    "comparing and despairing": "comparing_despairing",
    "comparing": "comparing_despairing",
    "blaming": "blaming",
    "negative feeling or emotion": "negative_feeling",
    "not distorted": "none",
}


def _prf(
    pred: Sequence[set[str]], gold: Sequence[set[str]], labels: Sequence[str]
) -> list[tuple[str, int, float, float, float]]:
    rows = []
    for lab in labels:
        tp = sum(1 for p, g in zip(pred, gold, strict=True) if lab in p and lab in g)
        fp = sum(1 for p, g in zip(pred, gold, strict=True) if lab in p and lab not in g)
        fn = sum(1 for p, g in zip(pred, gold, strict=True) if lab not in p and lab in g)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        rows.append((lab, tp + fn, prec, rec, f1))
    return rows


def _table(rows: Iterable[tuple[str, int, float, float, float]]) -> list[str]:
    rows = list(rows)
    out = ["| label | support | precision | recall | F1 |", "|---|---:|---:|---:|---:|"]
    out += [f"| {lab} | {n} | {p:.2f} | {r:.2f} | {f:.2f} |" for lab, n, p, r, f in rows]
    scored = [r for r in rows if r[1] > 0]
    macro = sum(r[4] for r in scored) / max(1, len(scored))
    out.append(
        f"| **macro (labels with support)** | {sum(r[1] for r in rows)} | "
        f"{sum(r[2] for r in scored) / max(1, len(scored)):.2f} | "
        f"{sum(r[3] for r in scored) / max(1, len(scored)):.2f} | **{macro:.3f}** |"
    )
    return out


def macro_f1(rows: Sequence[tuple[str, int, float, float, float]]) -> float:
    scored = [r for r in rows if r[1] > 0]
    return sum(r[4] for r in scored) / max(1, len(scored))


def eval_sharma(data: Path) -> tuple[list[str], dict[str, float]]:
    path = data / "thinking-traps-sharma2023" / "thinking_traps.jsonl"
    if not path.is_file():
        return ["Skipped: the Sharma et al. data is not present."], {}
    labels: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        prompt = obj["prompt"].removesuffix(" ->").rstrip()
        lab = SHARMA_LABELS.get(obj["completion"].strip().lower())
        labels.setdefault(prompt, set())
        if lab and lab != "none":
            labels[prompt].add(lab)
    texts = list(labels)
    results = analyze(texts)
    pred = [{d.label for d in r.traps} for r in results]
    rows = _prf(pred, [labels[t] for t in texts], TRAPS)
    lines = [
        f"{len(texts)} unique thoughts (multi-label, labels normalised at load time; "
        f"{sum(1 for t in texts if not labels[t])} with no trap). Not trained on.",
        "",
    ]
    return lines + _table(rows), {"traps_sharma_macro_f1": macro_f1(rows)}


def eval_goemotions(data: Path) -> tuple[list[str], dict[str, float]]:
    path = data / "goemotions" / "test.tsv"
    if not path.is_file():
        return ["Skipped: GoEmotions is not present."], {}
    texts, gold = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            texts.append(parts[0])
            gold.append({EMOTIONS[int(i)] for i in parts[1].split(",")})
    pred = [{d.label for d in r.emotions} for r in analyze(texts)]
    rows = _prf(pred, gold, EMOTIONS)
    return [f"{len(texts)} test comments; thresholds were set on the dev split.", ""] + _table(
        rows
    ), {"emotions_goemotions_macro_f1": macro_f1(rows)}


def _posts(cell: str) -> list[str]:
    try:
        value = ast.literal_eval(cell)
        if isinstance(value, list):
            return [str(v) for v in value]
    except (ValueError, SyntaxError):
        pass
    body = cell.strip().removeprefix("[").removesuffix("]")
    return [p.strip(" '\"") for p in re.split(r"['\"],\s*['\"]", body) if p.strip(" '\"")]


def eval_cssrs(data: Path) -> tuple[list[str], dict[str, float]]:
    path = data / "reddit-cssrs-gaur2019" / "500_Reddit_users_posts_labels.csv"
    if not path.is_file():
        return ["Skipped: the Reddit C-SSRS data is not present."], {}
    csv.field_size_limit(10_000_000)
    users: list[tuple[str, list[str]]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            users.append((row["Label"], _posts(row["Post"])))
    flat = [p for _, posts in users for p in posts]
    flags = [r.safety.crisis.flag for r in analyze(flat)]
    by_label: dict[str, list[bool]] = {}
    off = 0
    for label, posts in users:
        by_label.setdefault(label, []).append(any(flags[off : off + len(posts)]))
        off += len(posts)
    lines = [
        f"{len(users)} users, {len(flat)} posts; a user counts as flagged when at least one "
        "post is. A smoke test, not a calibrated benchmark (Reddit text with concept-"
        "normalisation artefacts).",
        "",
        "| C-SSRS label | users | share flagged |",
        "|---|---:|---:|",
    ]
    for label in ("Supportive", "Indicator", "Ideation", "Behavior", "Attempt"):
        got = by_label.get(label, [])
        lines.append(f"| {label} | {len(got)} | {sum(got) / max(1, len(got)):.2f} |")
    risk = [f for lab in ("Ideation", "Behavior", "Attempt") for f in by_label.get(lab, [])]
    sup = by_label.get("Supportive", [])
    metrics = {
        "cssrs_risk_users_flagged": sum(risk) / max(1, len(risk)),
        "cssrs_supportive_flagged": sum(sup) / max(1, len(sup)),
    }
    lines.append(
        f"| **Ideation + Behavior + Attempt** | {len(risk)} | "
        f"**{metrics['cssrs_risk_users_flagged']:.2f}** |"
    )
    return lines, metrics


# Challenge sets 3 to 5 live only as hand files (never in the training JSONL, so no training or
# threshold code can reach them); read here and nowhere else. Set 5 is the blind one; sets 3
# and 4 were each evaluated once blind and then used as development rows (see eval_own).
BLIND_DIR = repo_root() / "data" / "training" / "hand"


_POSITIVE = {"1", "yes", "y", "pos", "positive", "+", "true", "t"}
_NEGATIVE = {"-", "0", "no", "n", "neg", "negative", "none", "false", "f", "", "[]", "neither"}


def _blind_label(token: str, task: str) -> bool | None:
    """True/False for a label field of the blind file, None when it is not one."""
    t = token.strip().strip("[]\"'").strip().lower()
    parts = {x.strip().strip("\"'") for x in re.split(r"[,;/ ]+", t) if x.strip()}
    if t in _POSITIVE or task in parts:
        return True
    if t in _NEGATIVE or parts <= _NEGATIVE | {"crisis", "nonconsent", "rumination"}:
        return False
    return None


def _blind_line(line: str, task: str) -> tuple[str, bool] | None:
    """(text, is_positive) for one line of a blind file, whatever the usual layout: JSON,
    ``label | text``, ``label<TAB>text``, ``text<TAB>label``, ``+ text`` / ``- text``."""
    if line.startswith("{"):
        try:
            obj = json.loads(line)
        except ValueError:
            return None
        text = obj.get("text")
        if not isinstance(text, str):
            return None
        for key in ("labels", "label", task, "gold", "y"):
            if key in obj:
                value = obj[key]
                if isinstance(value, list):
                    return text, task in value or any(str(v).lower() in _POSITIVE for v in value)
                if isinstance(value, bool):
                    return text, value
                lab = _blind_label(str(value), task)
                return (text, lab) if lab is not None else None
        return None
    for sep in (" | ", "|", "\t", " :: ", " : "):
        if sep in line:
            left, _, right = line.partition(sep)
            lab = _blind_label(left, task)
            if lab is not None and right.strip():
                return right.strip(), lab
            head, _, tail = line.rpartition(sep)
            lab = _blind_label(tail, task)
            if lab is not None and head.strip():
                return head.strip(), lab
    if line[:2] in ("+ ", "- "):
        return line[2:].strip(), line[0] == "+"
    return None


BLIND_SETS = ("challenge3", "challenge4", "challenge5")


def blind_rows(task: str, split: str = "challenge5") -> list[dict[str, Any]]:
    path = BLIND_DIR / f"{task}_{split}.txt"
    if not path.exists():
        return []
    rows: list[dict[str, Any]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        got = _blind_line(line.strip(), task)
        if got is not None:
            rows.append({"text": got[0], "labels": [task] if got[1] else [], "split": split})
    return rows


def _binary(task: str, split: str = "test") -> tuple[list[str], dict[str, float]]:
    if split in BLIND_SETS:
        rows = blind_rows(task, split)
    else:
        rows = rows_with_negatives(task, split) if split == "test" else load_rows(task, split)
    if not rows:
        return [f"| {task} | - | - | - | - | - | - |"], {}
    results = analyze([r["text"] for r in rows])
    gold = [task in r["labels"] for r in rows]
    if task == "rumination":
        pred = [r.rumination.flag for r in results]
    else:
        pred = [getattr(r.safety, task).flag for r in results]
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    pos, neg = sum(gold), len(gold) - sum(gold)
    rec = tp / max(1, pos)
    fpr = fp / max(1, neg)
    prec = tp / max(1, tp + fp)
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    line = f"| {task} | {pos} | {neg} | {prec:.2f} | {rec:.2f} | {fpr:.2f} | {f1:.2f} |"
    metrics = {f"{task}_recall": rec, f"{task}_fpr": fpr, f"{task}_f1": f1}
    if split == "test" and task != "rumination":
        # The task's own negatives only: the hard ones (idioms, fiction, other people, the
        # resolved past, consent respected, regret), without the everyday rows of other tasks.
        own = {r["text"] for r in load_rows(task, split) if task not in r["labels"]}
        hard = [p for p, r in zip(pred, rows, strict=True) if r["text"] in own]
        metrics[f"{task}_fpr_hard"] = sum(hard) / max(1, len(hard))
        line += f" {metrics[f'{task}_fpr_hard']:.2f} ({len(hard)}) |"
    elif split == "test":
        line += " - |"
    return [line], metrics


_HEADER = (
    "| detector | positives | negatives | precision | recall | false-positive rate | F1 |",
    "|---|---:|---:|---:|---:|---:|---:|",
)
_SAFETY = ("crisis", "nonconsent")
# The challenge sets in the order they were written, each with how clean it still is.
CHALLENGES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("challenge", (*_SAFETY, "rumination"),
     "**First challenge rows** (`hand/*_challenge.txt`): written after the safety and "
     "rumination rules were first frozen; their first evaluation gave crisis recall 0.20, "
     "non-consent 0.33, rumination 0.80. Rule families were added afterwards by the same "
     "author, so these rows are no longer a clean measure (see the second set). The test "
     "split above is not clean either: rules were widened after looking at its errors."),
    ("challenge2", _SAFETY,
     "**Second challenge rows** (`hand/*_challenge2.txt`): written after more rule families "
     "were added (which happened after the first challenge rows had been evaluated), once "
     "the rules were frozen again; evaluated once."),
    ("challenge3", _SAFETY,
     "**Third challenge rows, development set since session 2** (`hand/*_challenge3.txt`, "
     "`hand/CHALLENGE3.md`): written blind by another person and evaluated once in session "
     "1 (crisis recall 0.81 at a false-positive rate of 0.15, non-consent 0.73 at 0.23, with "
     "rules deciding alone). In session 2 its errors were read while choosing the safety "
     "design (rules as features of a learned head) and its regularisation, so it is no "
     "longer a clean measure. It has never been trained on."),
    ("challenge4", _SAFETY,
     "**Fourth challenge rows** (`hand/*_challenge4.txt`, `hand/CHALLENGE4.md`): written "
     "blind in session 2 by a helper who read no rule, training row or earlier set and ran "
     "no detector; every negative is a hard one. Never trained on. Evaluated once blind, "
     "after the session-2 heads were frozen, with the result below; its errors were read "
     "afterwards (one idea was tried on it and not kept; the heads did not change)."),
    ("challenge5", _SAFETY,
     "**Fifth challenge rows, blind** (`hand/*_challenge5.txt`, `hand/CHALLENGE5.md`): "
     "written blind after set 4 had been evaluated, by another helper under the same rules; "
     "every negative is a hard one. Never trained on; evaluated once, with the same frozen "
     "heads. With set 4, the honest estimate."),
)


def eval_own() -> tuple[list[str], dict[str, float]]:
    lines = [
        "Held-out test split of data/training (never used for training or thresholds; "
        "template rows are split by template, so no test sentence shares a template with "
        "training). For the binary detectors, the test rows of the other tasks count as "
        "negatives too (everyday and painful journal sentences). Since session 2 it holds rows "
        "by seven more authors (data/training/DATASHEET.md). The last column is the false-positive "
        "rate over the task's own hard negatives alone (and how many there are).",
        "",
        "| detector | positives | negatives | precision | recall | false-positive rate | F1 "
        "| FPR, hard negatives only |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    metrics: dict[str, float] = {}
    for task in ("crisis", "nonconsent", "rumination"):
        got, m = _binary(task)
        lines += got
        metrics.update(m)
    for split, tasks, note in CHALLENGES:
        lines += ["", note, "", *_HEADER]
        for task in tasks:
            got, m = _binary(task, split)
            lines += got
            metrics.update({f"{k}_{split}": v for k, v in m.items()})
    for task, labels in (("traps", TRAPS), ("themes", THEMES)):
        rows = load_rows(task, "test")
        results = analyze([r["text"] for r in rows])
        attr = "traps" if task == "traps" else "themes"
        pred = [{d.label for d in getattr(r, attr)} for r in results]
        prf = _prf(pred, [set(r["labels"]) for r in rows], labels)
        metrics[f"{task}_own_macro_f1"] = macro_f1(prf)
        lines += ["", f"**{task}** on the own test split ({len(rows)} texts):", ""] + _table(prf)
    return lines, metrics


TARGETS = [
    ("Crisis recall, own journal-style test split", "crisis_recall", ">=", 0.98),
    ("Crisis false-positive rate, own test split", "crisis_fpr", "<=", 0.05),
    ("Non-consent recall, own test split", "nonconsent_recall", ">=", 0.95),
    ("Non-consent false-positive rate, own test split", "nonconsent_fpr", "<=", 0.05),
    ("Rumination F1, own test split", "rumination_f1", ">=", 0.85),
    ("Crisis false-positive rate, own test split, hard negatives only", "crisis_fpr_hard", "<=",
     0.05),
    ("Non-consent false-positive rate, own test split, hard negatives only",
     "nonconsent_fpr_hard", "<=", 0.05),
    ("Crisis recall, 5th challenge rows (blind, all negatives hard)", "crisis_recall_challenge5",
     ">=", 0.98),
    ("Crisis false-positive rate, 5th challenge rows", "crisis_fpr_challenge5", "<=", 0.05),
    ("Non-consent recall, 5th challenge rows", "nonconsent_recall_challenge5", ">=", 0.95),
    ("Non-consent false-positive rate, 5th challenge rows", "nonconsent_fpr_challenge5", "<=",
     0.05),
    ("Crisis recall, 4th challenge rows (blind when first evaluated)", "crisis_recall_challenge4",
     ">=", 0.98),
    ("Crisis false-positive rate, 4th challenge rows", "crisis_fpr_challenge4", "<=", 0.05),
    ("Non-consent recall, 4th challenge rows", "nonconsent_recall_challenge4", ">=", 0.95),
    ("Non-consent false-positive rate, 4th challenge rows", "nonconsent_fpr_challenge4", "<=",
     0.05),
    ("Thinking traps macro-F1 on Sharma (not trained on it)", "traps_sharma_macro_f1", ">=", 0.40),
    ("Emotions macro-F1, GoEmotions test", "emotions_goemotions_macro_f1", ">=", 0.40),
]


def run(out: Path) -> dict[str, float]:
    from afterword.analysis import model_info

    started = time.time()
    data = shared_data()
    sections: list[tuple[str, tuple[list[str], dict[str, float]]]] = [
        ("Every detector on the project's own held-out split", eval_own()),
        ("Thinking traps: Sharma et al. 2023 (evaluation only)", eval_sharma(data)),
        ("Emotions: GoEmotions test split", eval_goemotions(data)),
        ("Crisis: Reddit C-SSRS, user level (smoke test)", eval_cssrs(data)),
    ]
    metrics: dict[str, float] = {}
    for _, (_, m) in sections:
        metrics.update(m)
    info = model_info()
    doc = [
        "# Analysis quality",
        "",
        "Written by `python -m afterword.analysis.evaluate` (`make eval`); do not edit by hand.",
        f"Model: `{info.name}` version `{info.version}`.",
        "",
        "## Targets",
        "",
        "| target | measured | goal | met |",
        "|---|---:|---:|---|",
    ]
    for name, key, op, goal in TARGETS:
        if key not in metrics:
            doc.append(f"| {name} | skipped | {op} {goal} | - |")
            continue
        value = metrics[key]
        met = value >= goal if op == ">=" else value <= goal
        doc.append(f"| {name} | {value:.3f} | {op} {goal} | {'yes' if met else '**no**'} |")
    for title, (lines, _) in sections:
        doc += ["", f"## {title}", ""] + lines
    doc += ["", f"_Evaluation took {time.time() - started:.0f} s on this machine._", ""]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(doc), encoding="utf-8")
    return metrics


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m afterword.analysis.evaluate")
    parser.add_argument("--out", type=Path, default=repo_root() / "docs" / "analysis-quality.md")
    args = parser.parse_args(argv)
    metrics = run(args.out)
    for key, value in sorted(metrics.items()):
        print(f"{key}: {value:.3f}")
    print(f"written: {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
