"""Safety: the safety plan (every version kept), the resources directory with the person's own
additions, and the record of crisis check-ins that lets a check come back later."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select

from afterword.domain import crisis
from afterword.domain import resources as res
from afterword.domain import safety_plan as plans
from afterword.services.flow_rules import rules
from afterword.store.reflection import CrisisCheckRow, OwnResourceRow, SafetyPlanVersionRow


class SafetyService:
    def __init__(self, unlocked: Any, clock: Callable[[], datetime]) -> None:
        self._unlocked = unlocked
        self._clock = clock

    # -- safety plan

    def plan(self) -> plans.SafetyPlan:
        with self._unlocked.session_factory() as s:
            return self._latest(s)

    def plan_versions(self) -> int:
        with self._unlocked.session_factory() as s:
            return len(list(s.scalars(select(SafetyPlanVersionRow.id))))

    def save_plan(self, sections: Mapping[str, Sequence[str]]) -> plans.SafetyPlan:
        now = self._clock()
        with rules():
            new = plans.from_dict(sections, now)
        with self._unlocked.write_session() as s:
            s.add(SafetyPlanVersionRow(sections_json=json.dumps(new.as_dict()), created_at=now))
        return new

    def save_section(self, s: Any, section: str, items: Sequence[str], now: datetime) -> None:
        """One section changed (inside the caller's transaction): a new version of the plan."""
        with rules():
            new = plans.with_section(self._latest(s), section, items, now)
        s.add(SafetyPlanVersionRow(sections_json=json.dumps(new.as_dict()), created_at=now))
        s.flush()

    def _latest(self, s: Any) -> plans.SafetyPlan:
        row = s.scalars(select(SafetyPlanVersionRow)
                        .order_by(SafetyPlanVersionRow.id.desc())).first()
        if row is None:
            return plans.SafetyPlan()
        return plans.from_dict(json.loads(row.sections_json), row.created_at)

    # -- resources

    def resources(self, locale: str, kinds: Sequence[str] = ()) -> list[res.Resource]:
        return res.directory().for_locale(locale, kinds, own=self.own_resources())

    def own_resources(self) -> list[res.Resource]:
        with self._unlocked.session_factory() as s:
            rows = list(s.scalars(select(OwnResourceRow).order_by(OwnResourceRow.id)))
            return [res.Resource(id=f"own-{r.id}", locale=r.locale, kind="own", name=r.name,
                                 contact=r.contact, about=r.about, own=True) for r in rows]

    def add_resource(self, name: str, contact: str, about: str = "",
                     locale: str = res.FALLBACK) -> res.Resource:
        with rules():
            new = res.own_resource("own-new", locale, name, contact, about)
        with self._unlocked.write_session() as s:
            row = OwnResourceRow(locale=new.locale, name=new.name, contact=new.contact,
                                 about=new.about, created_at=self._clock())
            s.add(row)
            s.flush()
            return res.Resource(id=f"own-{row.id}", locale=new.locale, kind="own",
                                name=new.name, contact=new.contact, about=new.about, own=True)

    # -- crisis check-ins

    def last_check(self) -> crisis.CrisisCheck | None:
        with self._unlocked.session_factory() as s:
            row = s.scalars(select(CrisisCheckRow)
                            .order_by(CrisisCheckRow.at.desc(), CrisisCheckRow.id.desc())).first()
            if row is None:
                return None
            return crisis.CrisisCheck(row.at, row.trigger, row.response, row.session)
