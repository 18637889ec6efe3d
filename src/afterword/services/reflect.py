"""Guided flows as use cases: start or resume a reflection (one per episode), answer, revise, go
back, ask for help or support; every change is saved inside the vault before it returns.

The flows themselves are data in :mod:`afterword.domain.reflection`; this service keeps their
state in ``flow_runs`` and carries out the effects the engine reports: a boundary goes into the
profile, trap verdicts are kept as feedback, safety plan sections are saved, crisis check-ins are
recorded (choices only, never text) so the check comes back at the next session.

The detector is injected; by default the local analysis engine is used (loaded on first use),
together with a short phrase list so that plain words about suicide or force are never missed.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from afterword.domain import crisis, reflection
from afterword.domain.detector import Detector, PhraseDetector, Signals, TrapSuggestion
from afterword.domain.flow_state import FlowState, Value
from afterword.domain.flow_views import Event, EventKind, Outcome, StepView
from afterword.domain.flows import FlowEngine
from afterword.errors import InvalidInput, NotFound
from afterword.messages import msg
from afterword.services.flow_rules import answer_rules
from afterword.store.reflection import CrisisCheckRow, FlowRunRow, TrapFeedbackRow

Clock = Callable[[], datetime]

ACTIVE = "active"
COMPLETED = "completed"

# Plain words that must always open the crisis or survivor path, whatever the model says.
SAFETY_NET = PhraseDetector(
    crisis_phrases=("kill myself", "end my life", "suicide", "suicidal", "want to die",
                    "hurt myself", "self-harm", "self harm", "cut myself",
                    "better off dead", "better off without me", "no reason to live",
                    "end it all", "ending it all", "take my own life", "taking my own life",
                    "don't want to be alive", "do not want to be alive", "don't want to live"),
    nonconsent_phrases=("i said no", "held me down", "forced me", "raped", "without my consent",
                        "didn't consent", "did not consent", "while i was asleep",
                        "too drunk to", "pinned me", "wouldn't stop", "would not stop",
                        "took the condom off", "removed the condom"),
)


class AnalysisDetector:
    """The local analysis engine behind the domain's Detector interface (lazily imported)."""

    def __init__(self, net: PhraseDetector = SAFETY_NET) -> None:
        self._net = net
        self.available: bool | None = None  # None until the engine was first tried

    def _analyze(self, texts: Sequence[str]) -> list[Any] | None:
        """Results, or None when the engine cannot load here (the phrase net still works)."""
        if self.available is False:
            return None
        try:
            from afterword.analysis import analyze

            results = list(analyze(list(texts)))
        except (ImportError, OSError, RuntimeError, ValueError):
            self.available = False
            return None
        self.available = True
        return results

    def screen(self, text: str) -> Signals:
        net = self._net.screen(text)
        results = self._analyze([text])
        if results is None:
            return net
        result = results[0]
        themes = tuple(d.label for d in result.themes)
        if result.rumination.flag:
            themes += ("rumination",)
        return Signals(
            crisis=net.crisis or bool(result.safety.crisis.flag),
            nonconsent=net.nonconsent or bool(result.safety.nonconsent.flag),
            themes=themes,
        )

    def suggest_traps(self, text: str) -> Sequence[TrapSuggestion]:
        results = self._analyze([text])
        if results is None:
            return []
        return [TrapSuggestion(d.label, float(d.score), d.evidence or text.strip())
                for d in results[0].traps]

    def ruminations(self, texts: Sequence[str]) -> Sequence[str]:
        found: list[str] = []
        if not texts:
            return found
        results = self._analyze(texts)
        if results is None:
            return list(self._net.ruminations(texts))
        for result in results:
            for question in result.rumination.questions:
                if question not in found:
                    found.append(question)
        return found


@dataclass(frozen=True)
class Run:
    id: int
    flow: str
    track: str
    status: str
    episode_id: int | None
    person_id: int | None
    created_at: datetime
    updated_at: datetime
    completed_at: datetime | None
    state: FlowState

    def to_dict(self) -> dict[str, Value]:
        return {
            "id": self.id, "flow": self.flow, "track": self.track, "status": self.status,
            "episode_id": self.episode_id, "person_id": self.person_id,
            "created_at": self.created_at.isoformat(), "updated_at": self.updated_at.isoformat(),
            "completed_at": self.completed_at.isoformat() if self.completed_at else None,
        }


@dataclass(frozen=True)
class RunOutcome:
    """A run after a change, the events to show (explainers, crisis...), and the next step."""

    run: Run
    events: tuple[Event, ...]
    view: StepView | None


def _utcnow() -> datetime:
    return datetime.now(UTC)


class ReflectService:
    """Flows for one open vault. ``session`` tells this process's sessions apart (re-checks)."""

    def __init__(self, unlocked: Any, *, detector: Detector | None = None,
                 clock: Clock | None = None, session: str | None = None) -> None:
        from afterword.services.boundaries import BoundaryService
        from afterword.services.partner import PartnerService
        from afterword.services.safety import SafetyService

        self._unlocked = unlocked
        self._clock = clock or _utcnow
        self.session = session or secrets.token_hex(8)
        self.detector: Detector = detector or AnalysisDetector()
        self.engine: FlowEngine = reflection.engine(self.detector)
        self.boundaries = BoundaryService(unlocked, self._clock)
        self.safety = SafetyService(unlocked, self._clock)
        self.partner = PartnerService(self)

    # -- reading

    def get(self, run_id: int) -> Run:
        with self._unlocked.session_factory() as s:
            row = s.get(FlowRunRow, run_id)
            if row is None:
                raise NotFound(msg("reflect.error.no_run"))
            return _run(row)

    def runs(self, flow: str | None = None, *, episode_id: int | None = None,
             person_id: int | None = None) -> list[Run]:
        """Runs, most recently changed first."""
        query = select(FlowRunRow).order_by(FlowRunRow.updated_at.desc(), FlowRunRow.id.desc())
        if flow is not None:
            query = query.where(FlowRunRow.flow == flow)
        if episode_id is not None:
            query = query.where(FlowRunRow.episode_id == episode_id)
        if person_id is not None:
            query = query.where(FlowRunRow.person_id == person_id)
        with self._unlocked.session_factory() as s:
            return [_run(r) for r in s.scalars(query)]

    def view(self, run: Run) -> StepView | None:
        return self.engine.current(run.state)

    def on_survivor_path(self, run: Run) -> bool:
        """Whether the run walks the survivor path now, also while a crisis check is open on
        top of it (its recorded track then says "crisis")."""
        return self.engine.active_flow(run.state)[0].id == self.engine.overlays.survivor

    # -- starting and resuming

    def start(self, flow: str, *, episode_id: int | None = None, person_id: int | None = None,
              context_texts: Sequence[str] = (), labels: Iterable[str] = ()) -> RunOutcome:
        """A new run of `flow`; `labels` (analysis themes of the context) bring up explainers."""
        if flow not in reflection.FLOWS or flow.startswith("crisis"):
            raise InvalidInput(msg("reflect.invalid.reason",
                                   reason=msg("reflect.invalid.unknown_flow")))
        state = self.engine.start(flow, context_texts=context_texts)
        outcome = self.engine.show_cards_for(state, labels)
        now = self._clock()
        with self._unlocked.write_session() as s:
            row = FlowRunRow(flow=flow, episode_id=episode_id, person_id=person_id,
                             status=ACTIVE, track=self.engine.track(outcome.state),
                             state_json=json.dumps(outcome.state.to_json()),
                             created_at=now, updated_at=now, completed_at=None)
            s.add(row)
            s.flush()
            run = _run(row)
        return self._begin_session(run, outcome.events)

    def resume(self, run_id: int) -> RunOutcome:
        """Open an existing run; a gentle crisis re-check comes first when one is due."""
        return self._begin_session(self.get(run_id), ())

    def open_reflection(self, episode: str | None = None) -> RunOutcome:
        """The reflection of an episode (one per episode), or the latest one in progress."""
        journal = self._unlocked.journal
        if episode is None:
            for run in self.runs(reflection.REFLECTION_FLOW):
                if run.status == ACTIVE:
                    return self.resume(run.id)
            return self.start(reflection.REFLECTION_FLOW)
        found = journal.find_episode(episode)
        existing = self.runs(reflection.REFLECTION_FLOW, episode_id=found.id)
        if existing:
            return self.resume(existing[0].id)
        texts, labels = self._episode_context(found.id)
        return self.start(reflection.REFLECTION_FLOW, episode_id=found.id,
                          context_texts=texts, labels=labels)

    def _episode_context(self, episode_id: int) -> tuple[list[str], list[str]]:
        """The episode's entry texts (for the echoing questions) and stored analysis labels."""
        from afterword.domain.entries import EntryFilter

        entries = list(self._unlocked.journal.iterate(EntryFilter(episode_id=episode_id)))
        labels: list[str] = []
        try:
            from afterword.store.analysis import EntryAnalysisRow
        except ImportError:  # pragma: no cover - the core ships it
            return [e.body for e in entries], labels
        ids = [e.id for e in entries]
        if ids:
            with self._unlocked.session_factory() as s:
                rows = s.scalars(select(EntryAnalysisRow).where(EntryAnalysisRow.entry_id.in_(ids)))
                for row in rows:
                    labels += _labels_of(row.result_json)
        return [e.body for e in entries], labels

    def _begin_session(self, run: Run, events: Sequence[Event]) -> RunOutcome:
        if run.status == ACTIVE and crisis.recheck_due(self.safety.last_check(), self._clock(),
                                                       self.session):
            outcome = self.engine.open_recheck(run.state)
            if outcome.events:
                return self._apply(run, Outcome(outcome.state, (*events, *outcome.events)))
        return RunOutcome(run, tuple(events), self.engine.current(run.state))

    # -- changing

    def answer(self, run_id: int, key: str, value: Value) -> RunOutcome:
        return self._change(run_id, lambda st: self.engine.answer(st, key, value))

    def revise(self, run_id: int, key: str, value: Value) -> RunOutcome:
        return self._change(run_id, lambda st: self.engine.revise(st, key, value))

    def back(self, run_id: int) -> RunOutcome:
        return self._change(run_id, lambda st: Outcome(self.engine.back(st), ()))

    def revisit(self, run_id: int, key: str) -> RunOutcome:
        """Show an answered step again so it can be changed (the CLI's --revise)."""
        return self._change(run_id, lambda st: Outcome(self.engine.revisit(st, key), ()))

    def request_help(self, run_id: int) -> RunOutcome:
        return self._change(run_id, self.engine.request_help)

    def request_survivor(self, run_id: int) -> RunOutcome:
        return self._change(run_id, self.engine.request_survivor)

    def dispute_nonconsent(self, run_id: int) -> RunOutcome:
        return self._change(run_id, self.engine.dispute_nonconsent)

    def check_entry(self, entry_id: int) -> RunOutcome | None:
        """After a journal entry is saved: when it suggests risk of suicide or self-harm, open
        the crisis check (on the safety plan, so the plan is at hand) and return it; else None.
        The journal's write command and page call this; nothing is shown for a calm entry."""
        entry = self._unlocked.journal.get(entry_id)
        text = "\n".join(t for t in (entry.title, entry.body) if t)
        if not self.detector.screen(text).crisis:
            return None
        return self.crisis_check(trigger="detector")

    def crisis_check(self, trigger: str = "help") -> RunOutcome:
        """Open the crisis check on the safety plan in progress (a new one where there is
        none), so the plan is at hand; ``trigger`` says why (see ``FlowEngine.request_help``)."""
        active = [r for r in self.runs(reflection.SAFETY_PLAN_FLOW) if r.status == ACTIVE]
        run = active[0] if active else self.start(reflection.SAFETY_PLAN_FLOW).run
        return self._change(run.id, lambda st: self.engine.request_help(st, trigger=trigger))

    def trap_feedback(self, run_id: int) -> list[tuple[str, str, str]]:
        """(step key, label, verdict) for every trap verdict of a run."""
        with self._unlocked.session_factory() as s:
            rows = s.scalars(select(TrapFeedbackRow).where(TrapFeedbackRow.run_id == run_id)
                             .order_by(TrapFeedbackRow.id))
            return [(r.step_key, r.label, r.verdict) for r in rows]

    # -- internals

    def _change(self, run_id: int, change: Callable[[FlowState], Outcome]) -> RunOutcome:
        """Read the run, change it and save it with its effects under the write lock, so two
        windows (CLI and browser) answering at once cannot lose an answer."""
        with self._unlocked.write_session() as s:
            row = s.get(FlowRunRow, run_id)
            if row is None:
                raise NotFound(msg("reflect.error.no_run"))
            with answer_rules():
                outcome = change(_run(row).state)
            return self._save(s, row, outcome)

    def _apply(self, run: Run, outcome: Outcome) -> RunOutcome:
        """Save a state computed outside a transaction (new runs, re-checks)."""
        with self._unlocked.write_session() as s:
            row = s.get(FlowRunRow, run.id)
            if row is None:
                raise NotFound(msg("reflect.error.no_run"))
            return self._save(s, row, outcome)

    def _save(self, s: Any, row: FlowRunRow, outcome: Outcome) -> RunOutcome:
        """Store the new state and carry out its effects, inside the caller's transaction."""
        now = self._clock()
        state = outcome.state
        complete = self.engine.is_complete(state)
        row.state_json = json.dumps(state.to_json())
        row.track = self.engine.track(state)
        row.updated_at = now
        if complete and row.status != COMPLETED:
            row.status = COMPLETED
            row.completed_at = now
        elif not complete and row.status == COMPLETED:
            row.status = ACTIVE  # a revision opened a branch with new questions
            row.completed_at = None
        for event in outcome.events:
            self._effect(s, row, event, now)
        s.flush()
        saved = _run(row)
        return RunOutcome(saved, outcome.events, self.engine.current(state))

    def _effect(self, s: Any, row: FlowRunRow, event: Event, now: datetime) -> None:
        data = event.data
        if event.kind is EventKind.CRISIS_CLOSED:
            response = data.get("response")
            s.add(CrisisCheckRow(at=now, trigger=str(data.get("trigger")),
                                 response=response if isinstance(response, str) else None,
                                 session=self.session, run_id=row.id))
            return
        if event.kind is not EventKind.EFFECT:
            return
        effect, value, key = data.get("effect"), data.get("value"), str(data.get("key"))
        if effect == "boundary":
            self.boundaries.from_reflection(s, row.id, row.episode_id,
                                            value if isinstance(value, str) else None, now)
        elif effect == "boundary_pillars":
            pillars = [str(p) for p in value] if isinstance(value, list) else []
            self.boundaries.set_reflection_pillars(s, row.id, pillars)
        elif effect == "trap_feedback":
            self._save_trap_feedback(s, row.id, key, value, data.get("suggested"), now)
        elif effect == "safety_plan":
            from afterword.domain.safety_plan import section_of

            section = section_of(key)
            items = [str(v) for v in value] if isinstance(value, list) else []
            if section is not None:
                self.safety.save_section(s, section, items, now)

    def _save_trap_feedback(self, s: Any, run_id: int, key: str, value: Value,
                            suggested: Value, now: datetime) -> None:
        for old in s.scalars(select(TrapFeedbackRow).where(TrapFeedbackRow.run_id == run_id,
                                                            TrapFeedbackRow.step_key == key)):
            s.delete(old)
        offered = {str(x) for x in suggested} if isinstance(suggested, list) else set()
        if not isinstance(value, dict):
            return
        for verdict, field in (("confirmed", "confirmed"), ("doesnt_fit", "rejected")):
            labels = value.get(field)
            for label in labels if isinstance(labels, list) else []:
                s.add(TrapFeedbackRow(run_id=run_id, step_key=key, label=str(label),
                                      verdict=verdict, suggested=int(str(label) in offered),
                                      created_at=now))


def _run(row: FlowRunRow) -> Run:
    return Run(
        id=row.id, flow=row.flow, track=row.track, status=row.status,
        episode_id=row.episode_id, person_id=row.person_id, created_at=row.created_at,
        updated_at=row.updated_at, completed_at=row.completed_at,
        state=FlowState.from_json(json.loads(row.state_json)),
    )


def _labels_of(result_json: str) -> list[str]:
    """Theme labels (and "rumination"/"nonconsent") of a stored analysis result."""
    try:
        data: Mapping[str, Any] = json.loads(result_json)
    except ValueError:
        return []
    labels = [str(t.get("label")) for t in data.get("themes", []) if isinstance(t, dict)]
    if (data.get("rumination") or {}).get("flag"):
        labels.append("rumination")
    if ((data.get("safety") or {}).get("nonconsent") or {}).get("flag"):
        labels.append("nonconsent")
    return labels
