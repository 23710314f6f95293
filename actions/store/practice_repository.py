"""The practice's repository: settings, places, practitioners, hours, absences, types.

Rows written by ``python -m actions.practice load``
(:func:`actions.services.practice_store.sync_practice`); never committed here.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from actions.store.practice_models import (
    AppointmentType,
    OpeningHours,
    PracticeSettings,
    Practitioner,
    PractitionerAbsence,
)


class PracticeRepository:
    """The practice as loaded from its file: settings, places, people, hours, types."""

    def __init__(self, session: Session) -> None:
        """Work in ``session`` (never committed here)."""
        self.session = session

    def settings(self) -> PracticeSettings | None:
        """Return the loaded practice's settings (the first loaded), or ``None``."""
        statement = select(PracticeSettings).order_by(PracticeSettings.key).limit(1)
        return self.session.execute(statement).scalars().first()

    def by_key(self, model: Any) -> dict[str, Any]:
        """Return every row of a model with a ``key`` (places, practitioners, types)."""
        rows = self.session.execute(select(model)).unique().scalars()
        return {row.key: row for row in rows}

    def practitioner(self, key: str) -> Practitioner | None:
        """Return the practitioner with this key (active or not), or ``None``."""
        statement = select(Practitioner).where(Practitioner.key == key)
        return self.session.execute(statement).unique().scalars().first()

    def active_practitioners(self) -> list[Practitioner]:
        """Return the active practitioners, in the practice file's order."""
        statement = (
            select(Practitioner)
            .where(Practitioner.active.is_(True))
            .order_by(Practitioner.position, Practitioner.id)
        )
        return list(self.session.execute(statement).unique().scalars())

    def appointment_type(self, key: str) -> AppointmentType | None:
        """Return the appointment type with this key, or ``None``."""
        statement = select(AppointmentType).where(AppointmentType.key == key)
        return self.session.execute(statement).scalars().first()

    def hours(self, practitioner_ids: Collection[int]) -> list[OpeningHours]:
        """Return the opening periods of these practitioners."""
        statement = (
            select(OpeningHours)
            .where(OpeningHours.practitioner_id.in_(tuple(practitioner_ids)))
            .order_by(OpeningHours.weekday, OpeningHours.opens)
        )
        return list(self.session.execute(statement).scalars())

    def absences(self) -> list[PractitionerAbsence]:
        """Return every absence and closure (``practitioner_id`` null)."""
        statement = select(PractitionerAbsence).order_by(PractitionerAbsence.first_day)
        return list(self.session.execute(statement).scalars())

    def add(self, row: Any) -> Any:
        """Add a row and flush it so that it has an id."""
        self.session.add(row)
        self.session.flush()
        return row

    def delete(self, row: Any) -> None:
        """Delete a row (at the next flush)."""
        self.session.delete(row)

    def replace_schedule(
        self,
        practitioner_id: int | None,
        hours: list[OpeningHours],
        absences: list[PractitionerAbsence],
    ) -> None:
        """Replace a practitioner's hours and absences (``None``: the closures)."""
        if practitioner_id is not None:
            self.session.execute(
                delete(OpeningHours).where(
                    OpeningHours.practitioner_id == practitioner_id
                )
            )
            condition = PractitionerAbsence.practitioner_id == practitioner_id
        else:
            condition = PractitionerAbsence.practitioner_id.is_(None)
        self.session.execute(delete(PractitionerAbsence).where(condition))
        self.session.add_all([*hours, *absences])
        self.session.flush()
