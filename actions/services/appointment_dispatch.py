"""The worker's rules for appointment reminders, applied when it claims them.

A claimed appointment reminder is closed without sending (``cancelled``) when its
appointment is gone, cancelled, started (never a reminder after the start) or moved
since the reminder was planned, or when the patient's consent was withdrawn; ``missed``
when found too late by the grace rule (:func:`reminder_rules.delivery_decision`). The
others become :class:`~actions.services.reminder_jobs.Job` s whose ``scheduled_at`` is
the appointment's start, so that no retry is planned after it.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from actions.services.appointment_reminders import closes_unsent
from actions.services.reminder_jobs import Job
from actions.services.reminder_rules import Delivery, delivery_decision
from actions.store.appointments import appointment_id_of
from actions.store.models import Appointment, Notification
from actions.store.unit_of_work import UnitOfWork


def appointment_jobs(
    uow: UnitOfWork,
    rows: list[Notification],
    consented: set[str],
    now: datetime,
    worker_id: str,
    counts: Counter,
) -> dict[int, Job]:
    """Close the claimed appointment reminders not to send; return the others' jobs.

    Args:
        uow: The open unit of work of the claim.
        rows: Claimed ``appointment_reminder`` notifications.
        consented: The patients (among the rows') whose consent is in force.
        now: The current instant.
        worker_id: The worker holding the claims.
        counts: Incremented: ``cancelled``, ``missed``.

    Returns:
        The jobs to deliver, by notification id.
    """
    jobs: dict[int, Job] = {}
    if not rows:
        return jobs
    appointments = uow.appointments.get_many(
        {appointment_id_of(row.subject_ref) or 0 for row in rows}
    )
    for row in rows:
        appointment = appointments.get(appointment_id_of(row.subject_ref) or 0)
        if (
            appointment is None
            or row.patient_id not in consented
            or closes_unsent(
                row.scheduled_at,
                appointment.starts_at,
                appointment.status,
                appointment.time_zone,
                now,
            )
        ):
            uow.notifications.mark_cancelled(row.id, worker_id)
            counts["cancelled"] += 1
        elif (
            delivery_decision(row.kind, row.scheduled_at, row.due_at, now)
            is Delivery.TOO_LATE
        ):
            uow.notifications.mark_missed(row.id, worker_id)
            counts["missed"] += 1
        else:
            jobs[row.id] = _job(row, appointment)
    return jobs


def _job(row: Notification, appointment: Appointment) -> Job:
    return Job(
        notification_id=row.id,
        kind=row.kind,
        conversation_id=appointment.patient.conversation_id,
        patient_id=row.patient_id,
        medication_id=None,
        scheduled_at=appointment.starts_at,
        due_at=row.due_at,
        attempts=row.attempts,
        time_zone=appointment.time_zone,
        in_doubt=row.attempts > 1,
        resent=row.sent_at is not None,
        appointment_id=appointment.id,
    )
