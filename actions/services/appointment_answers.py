"""Appointment reminders as the conversation sees them, and the practitioner's marks.

:func:`reminder_appointment` gives the action speaking a reminder what to say (or
``None``: stay silent); :func:`record_reminder_answer` records "je confirme", "je dois
décaler", "je dois annuler" (a move or a cancellation then goes through
:mod:`actions.services.appointments`); :func:`mark_attendance` is the practitioner's
``no_show`` / ``done`` after the start.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from actions.services.appointment_reminders import is_current_reminder
from actions.services.appointment_views import (
    AppointmentView,
    appointment_view,
    profession_labels,
)
from actions.store.appointments import APPOINTMENT_REMINDER_KIND, appointment_id_of
from actions.store.models import Appointment
from actions.store.practice_models import (
    ACTIVE_APPOINTMENT_STATUSES,
    REMINDER_ANSWERS,
)
from actions.store.unit_of_work import UnitOfWork

ATTENDANCE_STATUSES = ("no_show", "done")


class AnswerStatus(str, Enum):
    """What became of an answer to a reminder."""

    RECORDED = "recorded"
    NOT_FOUND = "not_found"  # no such reminder of this patient
    CLOSED = "closed"  # the appointment is cancelled, done or started


@dataclass(frozen=True)
class AnswerResult:
    """The result of :func:`record_reminder_answer`.

    Attributes:
        status: What happened.
        answer: The answer (``confirm``, ``move``, ``cancel``).
        appointment: The appointment, unless ``NOT_FOUND``.
    """

    status: AnswerStatus
    answer: str
    appointment: AppointmentView | None = None


def reminder_appointment(
    uow: UnitOfWork, patient_id: str, notification_id: int, now: datetime
) -> AppointmentView | None:
    """The appointment a reminder is about, if it is still worth saying.

    Args:
        uow: A unit of work (opened here, read only).
        patient_id: The patient of the conversation.
        notification_id: The ``notification_id`` entity of the trigger.
        now: The current instant.

    Returns:
        ``None`` when the reminder is not this patient's appointment reminder, or its
        appointment is cancelled, started, or moved since the reminder was planned.
    """
    with uow:
        appointment = _appointment_of(uow, patient_id, notification_id)
        if appointment is None or not _open(appointment, now):
            return None
        reminder = uow.notifications.get(notification_id)
        if not is_current_reminder(
            reminder.scheduled_at, appointment.starts_at, appointment.time_zone
        ):
            return None
        return appointment_view(appointment, profession_labels(uow))


def record_reminder_answer(
    uow: UnitOfWork, patient_id: str, notification_id: int, answer: str, now: datetime
) -> AnswerResult:
    """Record the patient's answer to an appointment reminder.

    ``confirm`` sets the appointment ``confirmed``; ``move`` and ``cancel`` are only
    recorded: the conversation then moves or cancels it (24 h rule included).

    Raises:
        ValueError: If ``answer`` is not ``confirm``, ``move`` or ``cancel``.
    """
    with uow:
        appointment = _appointment_of(uow, patient_id, notification_id)
        return _record(uow, appointment, answer, now)


def record_appointment_answer(
    uow: UnitOfWork, patient_id: str, appointment_id: int, answer: str, now: datetime
) -> AnswerResult:
    """Like :func:`record_reminder_answer`, for a button that names the appointment.

    The reminder's buttons and "Mes rendez-vous" carry the appointment id, so an
    answer pressed hours later, after another reminder, still lands on the right one.

    Raises:
        ValueError: If ``answer`` is not ``confirm``, ``move`` or ``cancel``.
    """
    with uow:
        appointment = uow.appointments.get(appointment_id)
        if appointment is not None and appointment.patient_id != patient_id:
            appointment = None
        return _record(uow, appointment, answer, now)


def _record(
    uow: UnitOfWork, appointment: Appointment | None, answer: str, now: datetime
) -> AnswerResult:
    if answer not in REMINDER_ANSWERS:
        raise ValueError(f"unknown answer {answer!r}")
    if appointment is None:
        return AnswerResult(AnswerStatus.NOT_FOUND, answer)
    if not _open(appointment, now):
        view = appointment_view(appointment, profession_labels(uow))
        return AnswerResult(AnswerStatus.CLOSED, answer, view)
    appointment.reminder_answer = answer
    appointment.reminder_answered_at = now
    if answer == "confirm":
        appointment.status = "confirmed"
    appointment.updated_at = now
    uow.session.flush()
    view = appointment_view(appointment, profession_labels(uow))
    return AnswerResult(AnswerStatus.RECORDED, answer, view)


def mark_attendance(
    uow: UnitOfWork, appointment_id: int, status: str, now: datetime
) -> bool:
    """Mark an appointment ``no_show`` or ``done`` (the practitioner, after its start).

    Returns:
        Whether it was marked: the appointment exists, has started, and was booked
        or confirmed (or already marked no_show/done: the mark is corrected).

    Raises:
        ValueError: If ``status`` is not ``no_show`` or ``done``.
    """
    if status not in ATTENDANCE_STATUSES:
        raise ValueError(f"status must be one of {ATTENDANCE_STATUSES}")
    with uow:
        appointment = uow.appointments.get(appointment_id)
        if (
            appointment is None
            or appointment.starts_at > now
            or appointment.status == "cancelled"
        ):
            return False
        appointment.status, appointment.updated_at = status, now
        uow.audit.record("practitioner", f"appointment.{status}", now)
        return True


def _appointment_of(
    uow: UnitOfWork, patient_id: str, notification_id: int
) -> Appointment | None:
    reminder = uow.notifications.get(notification_id)
    if (
        reminder is None
        or reminder.kind != APPOINTMENT_REMINDER_KIND
        or reminder.patient_id != patient_id
    ):
        return None
    appointment_id = appointment_id_of(reminder.subject_ref)
    return uow.appointments.get(appointment_id) if appointment_id else None


def _open(appointment: Appointment, now: datetime) -> bool:
    return (
        appointment.status in ACTIVE_APPOINTMENT_STATUSES
        and appointment.starts_at > now
    )
