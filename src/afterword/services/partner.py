"""The partner check for a person: start or resume it, what it brought up (per pillar, next to
the person's own boundaries), and the history of checks for that person. Never a verdict."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from afterword.domain import partner
from afterword.domain.partner import PartnerReflection

if TYPE_CHECKING:
    from afterword.services.reflect import ReflectService, Run, RunOutcome


class PartnerService:
    def __init__(self, reflect: ReflectService) -> None:
        self._reflect = reflect

    def person(self, alias: str, *, create: bool = True) -> Any:
        """The journal's person with this alias (any case); added when missing and `create`."""
        from afterword.errors import NotFound
        from afterword.messages import msg

        journal = self._reflect._unlocked.journal
        wanted = alias.strip().casefold()
        for person in journal.people():
            if person.alias.casefold() == wanted:
                return person
        if not create:
            raise NotFound(msg("reflect.error.no_person", person=alias))
        return journal.add_person(alias)

    def open(self, alias: str) -> RunOutcome:
        """The check in progress for this person, or a new one."""
        person = self.person(alias)
        for run in self._reflect.runs(partner.PARTNER_FLOW, person_id=person.id):
            if run.status == "active":
                return self._reflect.resume(run.id)
        return self._reflect.start(partner.PARTNER_FLOW, person_id=person.id)

    def result(self, run: Run) -> PartnerReflection:
        boundaries = self._reflect.boundaries.list(include_retired=False)
        return partner.reflect(run.state.answers, boundaries, self._reflect.boundaries.weights())

    def history(self, alias: str) -> list[Run]:
        """Every check for this person, newest first."""
        person = self.person(alias, create=False)
        return self._reflect.runs(partner.PARTNER_FLOW, person_id=person.id)
