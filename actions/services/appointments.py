"""Appointments: search, book, move, cancel, and answers to reminders.

The facade the Rasa actions call; each function takes a
:class:`~actions.store.unit_of_work.UnitOfWork` and opens it (several times when a
booking fails and alternatives are searched). No Rasa import.

**No double booking.** :func:`book` and :func:`move` claim the agenda cells of the slot
in the appointment's transaction (:meth:`AppointmentRepository.claim`); the database's
primary key on cells refuses a second claim, the transaction rolls back, and the
patient gets ``TAKEN`` with fresh alternatives from the same query. A slot no longer
bookable for another reason (too soon now, a new absence) gets the same answer.
Reminder rows are planned in the same transaction
(:mod:`actions.services.appointment_reminders`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from actions.services.appointment_agenda import (
    PracticeNotLoaded,
    check_bookable,
    load_agenda_practice,
    offers,
    plan_reminders,
    search,
)
from actions.services.appointment_answers import (
    AnswerResult,
    AnswerStatus,
    mark_attendance,
    record_appointment_answer,
    record_reminder_answer,
    reminder_appointment,
)
from actions.services.appointment_reminders import (
    is_late_cancellation,
)
from actions.services.appointment_views import (
    AppointmentView,
    SlotView,
    appointment_view,
    profession_labels,
)
from actions.services.slot_search import (
    Slot,
    SlotQuery,
)
from actions.store.appointments import SlotTaken
from actions.store.models import Appointment
from actions.store.practice_models import ACTIVE_APPOINTMENT_STATUSES
from actions.store.unit_of_work import UnitOfWork

__all__ = [
    "AnswerResult",
    "AnswerStatus",
    "AppointmentView",
    "BookingResult",
    "BookingStatus",
    "CancelResult",
    "CancelStatus",
    "PracticeNotLoaded",
    "SlotView",
    "book",
    "cancel",
    "get",
    "is_late_cancellation",
    "mark_attendance",
    "move",
    "offers",
    "record_appointment_answer",
    "record_reminder_answer",
    "reminder_appointment",
    "search",
    "upcoming",
]


class BookingStatus(str, Enum):
    """What became of a booking or a move."""

    BOOKED = "booked"  # done (a move too)
    TAKEN = "taken"  # the slot is no longer free: see the alternatives
    NOT_FOUND = "not_found"  # move: no such upcoming appointment of this patient


@dataclass(frozen=True)
class BookingResult:
    """The result of :func:`book` or :func:`move`.

    Attributes:
        status: What happened.
        appointment: The booked (or moved) appointment when ``BOOKED``.
        alternatives: When ``TAKEN``: free slots for the same query, in time order.
    """

    status: BookingStatus
    appointment: AppointmentView | None = None
    alternatives: tuple[Slot, ...] = ()


class CancelStatus(str, Enum):
    """What became of a cancellation."""

    CANCELLED = "cancelled"
    NEEDS_CONFIRMATION = "needs_confirmation"  # within 24 h: ask, then confirmed_late
    NOT_FOUND = "not_found"  # no such appointment of this patient
    NOT_CANCELLABLE = "not_cancellable"  # already cancelled, done, or started


@dataclass(frozen=True)
class CancelResult:
    """The result of :func:`cancel`.

    Attributes:
        status: What happened.
        appointment: The appointment (as it is now), unless ``NOT_FOUND``.
        late: Whether it is less than 24 h ahead (the practice's delay).
    """

    status: CancelStatus
    appointment: AppointmentView | None = None
    late: bool = False


def book(
    uow: UnitOfWork, patient_id: str, slot: Slot, query: SlotQuery, now: datetime
) -> BookingResult:
    """Book a slot for a patient, unless someone else has it.

    Args:
        uow: A unit of work (opened here).
        patient_id: The patient's key (the patient row must exist).
        slot: The slot offered.
        query: The query the slot came from: its appointment type is booked, and it
            gives the alternatives when the slot is taken.
        now: The current instant.

    Returns:
        ``BOOKED`` with the appointment, or ``TAKEN`` with alternatives.

    Raises:
        PracticeNotLoaded: If no practice was loaded.
        LookupError: If the patient is unknown.
    """
    try:
        with uow:
            uow.appointments.lock_agenda()
            if uow.patients.get(patient_id) is None:
                raise LookupError("unknown patient")
            practice = load_agenda_practice(uow)
            check_bookable(uow, practice, slot, query.appointment_type, now, None)
            appointment = uow.appointments.add(
                Appointment(
                    patient_id=patient_id,
                    practitioner_id=uow.practice.practitioner(slot.practitioner_key).id,
                    appointment_type_id=uow.practice.appointment_type(
                        query.appointment_type
                    ).id,
                    starts_at=slot.starts_at,
                    ends_at=slot.ends_at,
                    time_zone=practice.time_zone,
                    teleconsultation=slot.teleconsultation,
                    status="booked",
                    created_at=now,
                    updated_at=now,
                )
            )
            uow.appointments.claim(appointment)
            plan_reminders(uow, appointment, now)
            uow.audit.record("patient", "appointment.booked", now, patient_id)
            view = appointment_view(appointment, practice.professions)
        return BookingResult(BookingStatus.BOOKED, view)
    except SlotTaken:
        return BookingResult(BookingStatus.TAKEN, None, tuple(search(uow, query, now)))


def move(
    uow: UnitOfWork,
    patient_id: str,
    appointment_id: int,
    slot: Slot,
    now: datetime,
    query: SlotQuery | None = None,
) -> BookingResult:
    """Move a patient's upcoming appointment to another slot, atomically.

    The new cells are claimed and the old ones freed in one transaction: if the new
    slot is taken, the appointment stays where it was. Its reminders are planned again
    and a confirmation given before is cleared.

    Args:
        uow: A unit of work (opened here).
        patient_id: The patient's key.
        appointment_id: The appointment.
        slot: The new slot (same appointment type; another practitioner who offers it
            is allowed).
        now: The current instant.
        query: The query of the offers, for alternatives (default: the same type
            with the same practitioner).

    Returns:
        ``BOOKED`` with the moved appointment, ``TAKEN`` with alternatives, or
        ``NOT_FOUND`` (not the patient's, not upcoming, not booked or confirmed).
    """
    type_key = None
    try:
        with uow:
            uow.appointments.lock_agenda()
            appointment = _upcoming_of(uow, patient_id, appointment_id, now)
            if appointment is None:
                return BookingResult(BookingStatus.NOT_FOUND)
            type_key = appointment.appointment_type.key
            query = query or SlotQuery(
                type_key, practitioner=appointment.practitioner.key
            )
            practice = load_agenda_practice(uow)
            check_bookable(uow, practice, slot, type_key, now, appointment)
            uow.appointments.release(appointment.id)
            appointment.practitioner_id = uow.practice.practitioner(
                slot.practitioner_key
            ).id
            appointment.starts_at, appointment.ends_at = slot.starts_at, slot.ends_at
            appointment.teleconsultation = slot.teleconsultation
            appointment.status, appointment.reminder_answer = "booked", None
            appointment.updated_at = now
            uow.session.flush()
            uow.appointments.claim(appointment)
            uow.appointments.delete_pending_reminders(appointment.id)
            plan_reminders(uow, appointment, now)
            uow.audit.record("patient", "appointment.moved", now, patient_id)
            uow.session.refresh(appointment)  # the new practitioner, loaded
            view = appointment_view(appointment, practice.professions)
        return BookingResult(BookingStatus.BOOKED, view)
    except SlotTaken:
        query = query or SlotQuery(type_key or "", practitioner=slot.practitioner_key)
        return BookingResult(BookingStatus.TAKEN, None, tuple(search(uow, query, now)))


def cancel(
    uow: UnitOfWork,
    patient_id: str,
    appointment_id: int,
    now: datetime,
    confirmed_late: bool = False,
) -> CancelResult:
    """Cancel a patient's upcoming appointment, freeing its slot.

    Less than 24 h ahead, nothing changes until the patient confirms: call again with
    ``confirmed_late=True``. Pending reminders are cancelled.

    Returns:
        The result; ``late`` says whether it is within 24 h.
    """
    with uow:
        appointment = uow.appointments.get(appointment_id)
        if appointment is None or appointment.patient_id != patient_id:
            return CancelResult(CancelStatus.NOT_FOUND)
        professions = profession_labels(uow)
        late = is_late_cancellation(appointment.starts_at, now)
        if (
            appointment.status not in ACTIVE_APPOINTMENT_STATUSES
            or appointment.starts_at <= now
        ):
            view = appointment_view(appointment, professions)
            return CancelResult(CancelStatus.NOT_CANCELLABLE, view, late)
        if late and not confirmed_late:
            view = appointment_view(appointment, professions)
            return CancelResult(CancelStatus.NEEDS_CONFIRMATION, view, late)
        appointment.status, appointment.cancelled_at = "cancelled", now
        appointment.updated_at = now
        uow.appointments.release(appointment.id)
        uow.appointments.cancel_pending_reminders(appointment.id)
        uow.audit.record("patient", "appointment.cancelled", now, patient_id)
        view = appointment_view(appointment, professions)
        return CancelResult(CancelStatus.CANCELLED, view, late)


def upcoming(uow: UnitOfWork, patient_id: str, now: datetime) -> list[AppointmentView]:
    """The patient's booked or confirmed appointments not started yet, soonest first."""
    with uow:
        professions = profession_labels(uow)
        return [
            appointment_view(row, professions)
            for row in uow.appointments.upcoming(patient_id, now)
        ]


def get(
    uow: UnitOfWork, patient_id: str, appointment_id: int
) -> AppointmentView | None:
    """One of the patient's appointments (any status), or ``None``."""
    with uow:
        appointment = uow.appointments.get(appointment_id)
        if appointment is None or appointment.patient_id != patient_id:
            return None
        return appointment_view(appointment, profession_labels(uow))


def _upcoming_of(
    uow: UnitOfWork, patient_id: str, appointment_id: int, now: datetime
) -> Appointment | None:
    appointment = uow.appointments.get(appointment_id)
    if (
        appointment is None
        or appointment.patient_id != patient_id
        or appointment.status not in ACTIVE_APPOINTMENT_STATUSES
        or appointment.starts_at <= now
    ):
        return None
    return appointment
