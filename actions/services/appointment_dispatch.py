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
from actions.services.claim_rules import keep_or_close
from actions.services.reminder_jobs import Job
from actions.store.appointments import appointment_id_of
from actions.store.models import Notification
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
        wanted = (
            appointment is not None
            and row.patient_id in consented
            and not closes_unsent(
                row.scheduled_at,
                appointment.starts_at,
                appointment.status,
                appointment.time_zone,
                now,
            )
        )
        if keep_or_close(uow, row, wanted, now, worker_id, counts):
            jobs[row.id] = Job.of_row(
                row,
                appointment.patient,
                appointment.time_zone,
                medication_id=None,
                scheduled_at=appointment.starts_at,
                appointment_id=appointment.id,
            )
    return jobs
