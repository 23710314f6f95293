"""Repositories of the practice and of appointments, with the agenda's claim cells.

Like every repository here, they take a session and never commit. See
:mod:`actions.store.practice_models` for how claim cells prevent double booking.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, false, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from actions.store.db import dialect_name
from actions.store.models import Notification
from actions.store.practice_models import (
    ACTIVE_APPOINTMENT_STATUSES,
    CLAIM_CELL_MINUTES,
    Appointment,
    AppointmentSlot,
)
from actions.store.rows import PatientRows

_CELL = timedelta(minutes=CLAIM_CELL_MINUTES)
APPOINTMENT_REMINDER_KIND = "appointment_reminder"
_SUBJECT_PREFIX = "appointment:"


def appointment_ref(appointment_id: int) -> str:
    """Return the ``subject_ref`` of reminders about an appointment."""
    return f"{_SUBJECT_PREFIX}{appointment_id}"


def appointment_id_of(subject_ref: str) -> int | None:
    """Return the appointment id of a ``subject_ref``, or ``None`` if not one."""
    if not subject_ref.startswith(_SUBJECT_PREFIX):
        return None
    number = subject_ref[len(_SUBJECT_PREFIX) :]
    return int(number) if number.isdigit() else None


class SlotTaken(Exception):
    """Another appointment holds part of the agenda an appointment tried to claim."""


def claim_cells(starts_at: datetime, ends_at: datetime) -> list[datetime]:
    """The claim cells an appointment covers: ``starts_at``, +5 min, … before the end.

    Raises:
        ValueError: If the interval is empty or not on the 5-minute grid.
    """
    seconds = (ends_at - starts_at).total_seconds()
    if seconds <= 0 or seconds % _CELL.total_seconds():
        raise ValueError("an appointment lasts a positive multiple of the claim cell")
    if starts_at.timestamp() % _CELL.total_seconds():
        raise ValueError("an appointment starts on the claim grid")
    return [
        starts_at + index * _CELL
        for index in range(int(seconds // _CELL.total_seconds()))
    ]


class AppointmentRepository(PatientRows):
    """Patients' appointments and the agenda cells they claim."""

    model = Appointment

    def get(self, appointment_id: int) -> Appointment | None:
        """Return the appointment with this id, or ``None``."""
        return self.session.get(Appointment, appointment_id)

    def get_many(self, appointment_ids: Collection[int]) -> dict[int, Appointment]:
        """Return the appointments with these ids (with patient loaded), by id."""
        if not appointment_ids:
            return {}
        statement = select(Appointment).where(
            Appointment.id.in_(tuple(appointment_ids))
        )
        rows = self.session.execute(statement).unique().scalars()
        return {row.id: row for row in rows}

    def add(self, appointment: Appointment) -> Appointment:
        """Add an appointment and flush it so that it has an id (no claim yet)."""
        self.session.add(appointment)
        self.session.flush()
        return appointment

    def lock_agenda(self) -> None:
        """On SQLite, take the write lock now, before reading what to book.

        pysqlite opens the transaction at the first write; a booking that read first
        would then fail at once ("database is locked") when another booking committed
        in between, instead of waiting for it and finding the cells taken. PostgreSQL
        needs nothing: a second insert of a cell waits for the first transaction.
        """
        if dialect_name(self.session) == "sqlite":
            noop = (
                update(AppointmentSlot)
                .where(false())
                .values(appointment_id=AppointmentSlot.appointment_id)
            )
            self.session.execute(noop.execution_options(synchronize_session=False))

    def claim(self, appointment: Appointment) -> int:
        """Claim the agenda cells of a flushed appointment, in one statement.

        Returns:
            How many cells were claimed.

        Raises:
            SlotTaken: If a cell is already claimed (the transaction is then unusable:
                let the unit of work roll back).
        """
        rows = [
            {
                "practitioner_id": appointment.practitioner_id,
                "starts_at": cell,
                "appointment_id": appointment.id,
            }
            for cell in claim_cells(appointment.starts_at, appointment.ends_at)
        ]
        try:
            self.session.execute(insert(AppointmentSlot), rows)
        except IntegrityError as error:
            raise SlotTaken(appointment.practitioner_id) from error
        return len(rows)

    def release(self, appointment_id: int) -> int:
        """Free the agenda cells of an appointment.

        Returns:
            How many cells were freed.
        """
        statement = delete(AppointmentSlot).where(
            AppointmentSlot.appointment_id == appointment_id
        )
        return self.session.execute(
            statement.execution_options(synchronize_session=False)
        ).rowcount

    def cells(self, appointment_id: int) -> list[datetime]:
        """Return the cells an appointment holds, in order."""
        statement = (
            select(AppointmentSlot.starts_at)
            .where(AppointmentSlot.appointment_id == appointment_id)
            .order_by(AppointmentSlot.starts_at)
        )
        return list(self.session.execute(statement).scalars())

    def upcoming(self, patient_id: str, now: datetime) -> list[Appointment]:
        """Return the patient's booked or confirmed appointments not started yet."""
        statement = (
            select(Appointment)
            .where(
                Appointment.patient_id == patient_id,
                Appointment.status.in_(ACTIVE_APPOINTMENT_STATUSES),
                Appointment.starts_at > now,
            )
            .order_by(Appointment.starts_at, Appointment.id)
        )
        return list(self.session.execute(statement).unique().scalars())

    def busy(
        self,
        practitioner_ids: Collection[int],
        start: datetime,
        end: datetime,
        ignore: int | None = None,
    ) -> dict[int, list[tuple[datetime, datetime]]]:
        """Return the intervals that hold each practitioner's time in ``[start, end)``.

        Args:
            practitioner_ids: The practitioners.
            start: Start of the range.
            end: End of the range.
            ignore: An appointment to leave out (the one being moved).

        Returns:
            ``(starts_at, ends_at)`` of active appointments, by practitioner id,
            in time order.
        """
        busy: dict[int, list[tuple[datetime, datetime]]] = {}
        if not practitioner_ids:
            return busy
        statement = (
            select(
                Appointment.practitioner_id, Appointment.starts_at, Appointment.ends_at
            )
            .where(
                Appointment.practitioner_id.in_(tuple(practitioner_ids)),
                Appointment.status.in_(ACTIVE_APPOINTMENT_STATUSES),
                Appointment.ends_at > start,
                Appointment.starts_at < end,
            )
            .order_by(Appointment.practitioner_id, Appointment.starts_at)
        )
        if ignore is not None:
            statement = statement.where(Appointment.id != ignore)
        for practitioner_id, starts_at, ends_at in self.session.execute(statement):
            busy.setdefault(practitioner_id, []).append((starts_at, ends_at))
        return busy

    def between(
        self, practitioner_id: int, start: datetime, end: datetime
    ) -> list[Appointment]:
        """Return a practitioner's appointments (any status) starting in a range."""
        statement = (
            select(Appointment)
            .where(
                Appointment.practitioner_id == practitioner_id,
                Appointment.starts_at >= start,
                Appointment.starts_at < end,
            )
            .order_by(Appointment.starts_at, Appointment.id)
        )
        return list(self.session.execute(statement).unique().scalars())

    def cancel_pending_reminders(self, appointment_id: int) -> int:
        """Cancel an appointment's reminders not sent yet (claimed ones: the worker).

        Returns:
            How many reminders were cancelled.
        """
        statement = (
            update(Notification)
            .where(*self._pending_reminders(appointment_id))
            .values(status="cancelled")
            .execution_options(synchronize_session="fetch")
        )
        return self.session.execute(statement).rowcount

    def delete_pending_reminders(self, appointment_id: int) -> int:
        """Delete an appointment's reminders not sent yet, to plan them again (move).

        Deleted rather than cancelled, so that a reminder at the same instant can be
        planned again (the notifications' unique key), as for medications.

        Returns:
            How many reminders were deleted.
        """
        statement = delete(Notification).where(*self._pending_reminders(appointment_id))
        return self.session.execute(
            statement.execution_options(synchronize_session="fetch")
        ).rowcount

    @staticmethod
    def _pending_reminders(appointment_id: int) -> tuple:
        return (
            Notification.kind == APPOINTMENT_REMINDER_KIND,
            Notification.subject_ref == appointment_ref(appointment_id),
            Notification.status == "pending",
        )

    def count_for(self, **column_values: Any) -> int:
        """Count appointments by column, e.g. ``count_for(practitioner_id=3)``."""
        statement = select(func.count()).select_from(Appointment)
        for name, value in column_values.items():
            statement = statement.where(getattr(Appointment, name) == value)
        return self.session.execute(statement).scalar_one()

    def delete_for_patient(self, patient_id: str) -> int:
        """Delete the patient's appointments, freeing their cells first.

        Returns:
            How many appointments were deleted.
        """
        mine = select(Appointment.id).where(Appointment.patient_id == patient_id)
        freed = delete(AppointmentSlot).where(AppointmentSlot.appointment_id.in_(mine))
        self.session.execute(freed.execution_options(synchronize_session=False))
        return super().delete_for_patient(patient_id)
