"""The boundaries and values profile: boundary statements (from reflections or typed in), their
edit history, and how much each pillar weighs for the person."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select

from afterword.domain import boundaries as dom
from afterword.domain.pillars import PILLARS, PillarWeights
from afterword.errors import NotFound
from afterword.messages import msg
from afterword.services.flow_rules import rules
from afterword.store.reflection import BoundaryChangeRow, BoundaryRow, PillarWeightRow


class BoundaryService:
    def __init__(self, unlocked: Any, clock: Callable[[], datetime]) -> None:
        self._unlocked = unlocked
        self._clock = clock

    # -- reading

    def list(self, include_retired: bool = True) -> list[dom.Boundary]:
        with self._unlocked.session_factory() as s:
            rows = list(s.scalars(select(BoundaryRow).order_by(BoundaryRow.id)))
            out = [self._load(s, r) for r in rows]
        return [b for b in out if include_retired or b.active]

    def get(self, boundary_id: int) -> dom.Boundary:
        with self._unlocked.session_factory() as s:
            row = s.get(BoundaryRow, boundary_id)
            if row is None:
                raise NotFound(msg("reflect.error.no_boundary"))
            return self._load(s, row)

    def weights(self) -> PillarWeights:
        with self._unlocked.session_factory() as s:
            rows = {r.pillar: r.weight for r in s.scalars(select(PillarWeightRow))}
        return PillarWeights.from_mapping({p: w for p, w in rows.items() if p in PILLARS})

    # -- changing

    def add(self, text: str, pillars: Sequence[str] = ()) -> dom.Boundary:
        now = self._clock()
        with rules():
            boundary = dom.new(text, dom.Origin("manual"), now, pillars)
        with self._unlocked.write_session() as s:
            row = self._insert(s, boundary, now)
            return self._load(s, row)

    def edit(self, boundary_id: int, text: str) -> dom.Boundary:
        return self._change(boundary_id, lambda b, now: dom.edit(b, text, now))

    def retire(self, boundary_id: int) -> dom.Boundary:
        return self._change(boundary_id, dom.retire)

    def reactivate(self, boundary_id: int) -> dom.Boundary:
        return self._change(boundary_id, dom.reactivate)

    def set_pillars(self, boundary_id: int, pillars: Sequence[str]) -> dom.Boundary:
        return self._change(boundary_id, lambda b, now: dom.set_pillars(b, pillars))

    def set_weights(self, values: Mapping[str, int]) -> PillarWeights:
        with rules():
            weights = PillarWeights.from_mapping({**self.weights().weights, **values})
        with self._unlocked.write_session() as s:
            for pillar, weight in weights.as_dict().items():
                row = s.get(PillarWeightRow, pillar)
                if row is None:
                    s.add(PillarWeightRow(pillar=pillar, weight=weight))
                else:
                    row.weight = weight
        return weights

    # -- called by the reflection, inside its transaction

    def from_reflection(self, s: Any, run_id: int, episode_id: int | None, text: str | None,
                        now: datetime) -> None:
        """The reflection's "my boundary from now on": create it, edit it, or (emptied) retire."""
        row = s.scalars(select(BoundaryRow).where(BoundaryRow.origin_run_id == run_id)
                        .order_by(BoundaryRow.id)).first()
        if row is None:
            if text:
                with rules():
                    boundary = dom.new(text, dom.Origin("reflection", run_id, episode_id), now)
                self._insert(s, boundary, now)
            return
        current = self._load(s, row)
        with rules():
            if text:
                changed = dom.reactivate(dom.edit(current, text, now), now)
            else:
                changed = dom.retire(current, now)
        self._update(s, row, current, changed, now)

    def set_reflection_pillars(self, s: Any, run_id: int, pillars: Sequence[str]) -> None:
        row = s.scalars(select(BoundaryRow).where(BoundaryRow.origin_run_id == run_id)
                        .order_by(BoundaryRow.id)).first()
        if row is not None:
            with rules():
                row.pillars = ",".join(dom.clean_pillars(pillars))

    # -- internals

    def _change(self, boundary_id: int,
                change: Callable[[dom.Boundary, datetime], dom.Boundary]) -> dom.Boundary:
        now = self._clock()
        with self._unlocked.write_session() as s:
            row = s.get(BoundaryRow, boundary_id)
            if row is None:
                raise NotFound(msg("reflect.error.no_boundary"))
            current = self._load(s, row)
            with rules():
                changed = change(current, now)
            self._update(s, row, current, changed, now)
            s.flush()
            return self._load(s, row)

    def _insert(self, s: Any, boundary: dom.Boundary, now: datetime) -> BoundaryRow:
        row = BoundaryRow(text=boundary.text, status=boundary.status.value,
                          origin_kind=boundary.origin.kind, origin_run_id=boundary.origin.run_id,
                          origin_episode_id=boundary.origin.episode_id,
                          pillars=",".join(boundary.pillars), created_at=now, updated_at=now)
        s.add(row)
        s.flush()
        for change in boundary.history:
            s.add(BoundaryChangeRow(boundary_id=row.id, at=change.at, action=change.action.value,
                                    text=change.text))
        s.flush()
        return row

    def _update(self, s: Any, row: BoundaryRow, before: dom.Boundary, after: dom.Boundary,
                now: datetime) -> None:
        row.text = after.text
        row.status = after.status.value
        row.pillars = ",".join(after.pillars)
        row.updated_at = now
        for change in after.history[len(before.history):]:
            s.add(BoundaryChangeRow(boundary_id=row.id, at=change.at, action=change.action.value,
                                    text=change.text))

    def _load(self, s: Any, row: BoundaryRow) -> dom.Boundary:
        changes = s.scalars(select(BoundaryChangeRow)
                            .where(BoundaryChangeRow.boundary_id == row.id)
                            .order_by(BoundaryChangeRow.id))
        return dom.Boundary(
            id=row.id, text=row.text, status=dom.Status(row.status),
            origin=dom.Origin(row.origin_kind, row.origin_run_id, row.origin_episode_id),
            pillars=tuple(p for p in row.pillars.split(",") if p),
            history=tuple(dom.Change(c.at, dom.Action(c.action), c.text) for c in changes),
        )
