"""Dispatching due reminders: which to send, and what to record once tried.

The worker (:mod:`actions.worker`) runs the cycle; this module holds its rules and its
transactions, so that they are tested on SQLite without HTTP:

1. :func:`claim_jobs` claims due reminders and, in the same transaction, closes those
   not to send: consent withdrawn, medication paused or stopped, or dose already
   answered (``cancelled``); an appointment cancelled, moved or started
   (``cancelled``: never sent after the start); too late by the grace rule
   (``missed``, and a dose recorded missed); an exercise step found late or a mood
   check-in whose plan changed (:mod:`actions.services.wellbeing_dispatch`). The
   others come back as :class:`Job` s.
2. The worker delivers each job through Rasa (:mod:`actions.delivery`) and gets an
   :class:`Attempt`.
3. :func:`record_attempts` closes the claims in one transaction: ``sent`` (a dose
   reminder then plans its follow-up), retried later, ``undeliverable``, or released.
4. :func:`record_missed_doses`, run periodically, records a dose missed when nobody
   answered it by its deadline (``T + MISSED_AFTER``).

:class:`Job`, :class:`Attempt` and :class:`Outcome` are defined in
:mod:`actions.services.reminder_jobs` and importable from here; appointment reminders
are checked by :mod:`actions.services.appointment_dispatch`.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from actions.services.appointment_dispatch import appointment_jobs
from actions.services.appointment_reminders import retry_before_start
from actions.services.delivery_contract import DELIVERABLE_KINDS
from actions.services.reminder_jobs import Attempt, Job, Outcome
from actions.services.reminder_planning import followup_values
from actions.services.reminder_rules import (
    MISSED_AFTER,
    MISSED_SWEEP_LOOKBACK,
    Delivery,
    delivery_decision,
    delivery_retry_at,
    followup_after_sending,
)
from actions.services.wellbeing_dispatch import exercise_jobs, mood_jobs
from actions.store.appointments import APPOINTMENT_REMINDER_KIND
from actions.store.exercise_steps import EXERCISE_STEP_KIND
from actions.store.models import Medication, Notification
from actions.store.moods import MOOD_CHECKIN_KIND
from actions.store.unit_of_work import UnitOfWork


def claim_jobs(
    uow: UnitOfWork, now: datetime, worker_id: str, limit: int
) -> tuple[list[Job], Counter]:
    """Claim due reminders; close at once those not to send; return the others.

    Args:
        uow: A unit of work (opened and committed here).
        now: The current instant.
        worker_id: This worker's name.
        limit: The most reminders to claim.

    Returns:
        The jobs to deliver, and counts of what was claimed and closed (``claimed``,
        ``cancelled``, ``missed``).
    """
    counts: Counter = Counter()
    jobs: list[Job] = []
    with uow:
        rows = uow.notifications.claim_due(now, worker_id, limit, DELIVERABLE_KINDS)
        counts["claimed"] = len(rows)
        if not rows:
            return jobs, counts
        consented = uow.consents.consented({row.patient_id for row in rows})
        of_kind = _by_kind(rows)
        by_id = appointment_jobs(
            uow, of_kind.pop(APPOINTMENT_REMINDER_KIND, []), consented, now, worker_id, counts
        )
        by_id |= exercise_jobs(
            uow, of_kind.pop(EXERCISE_STEP_KIND, []), now, worker_id, counts
        )
        by_id |= mood_jobs(
            uow, of_kind.pop(MOOD_CHECKIN_KIND, []), consented, now, worker_id, counts
        )
        doses = [row for kind_rows in of_kind.values() for row in kind_rows]
        by_id |= _dose_jobs(uow, doses, consented, now, worker_id, counts)
    return [by_id[row.id] for row in rows if row.id in by_id], counts


def _by_kind(rows: list[Notification]) -> dict[str, list[Notification]]:
    of_kind: dict[str, list[Notification]] = {}
    for row in rows:
        of_kind.setdefault(row.kind, []).append(row)
    return of_kind


def _dose_jobs(
    uow: UnitOfWork,
    rows: list[Notification],
    consented: set[str],
    now: datetime,
    worker_id: str,
    counts: Counter,
) -> dict[int, Job]:
    """Medication reminders: close those not to send, return the others' jobs."""
    jobs: dict[int, Job] = {}
    if rows:
        medications = uow.medications.get_many({row.medication_id for row in rows})
        answered = uow.outcomes.answered(
            (row.medication_id, row.scheduled_at) for row in rows
        )
        for row in rows:
            medication = medications.get(row.medication_id)
            if (
                medication is None
                or medication.status != "active"
                or row.patient_id not in consented
                or (row.medication_id, row.scheduled_at) in answered
            ):
                uow.notifications.mark_cancelled(row.id, worker_id)
                counts["cancelled"] += 1
                continue
            decision = delivery_decision(row.kind, row.scheduled_at, row.due_at, now)
            if decision is Delivery.TOO_LATE:
                uow.notifications.mark_missed(row.id, worker_id)
                _record_missed(uow, medication, row, now)
                counts["missed"] += 1
                continue
            jobs[row.id] = _job(row, medication)
    return jobs


def record_attempts(
    uow: UnitOfWork, attempts: list[Attempt], worker_id: str
) -> Counter:
    """Close the claims of delivery attempts, in one transaction.

    * delivered (or found already delivered): ``sent`` at ``attempt.at``; a dose
      reminder plans its follow-up, unless the dose is answered or the follow-up time
      has passed;
    * failed: retried later (``RETRY_DELAY`` × attempts), or ``undeliverable`` after
      ``MAX_DELIVERY_ATTEMPTS`` or when the retry would reach the missed deadline;
    * refused (4xx): ``undeliverable`` at once;
    * interrupted: released, due as before.

    A claim this worker no longer holds (released as stale) is left as it is.

    Args:
        uow: A unit of work (opened and committed here).
        attempts: The attempts to record.
        worker_id: This worker's name.

    Returns:
        Counts by result: ``sent``, ``deduplicated`` (found already delivered),
        ``retried``, ``undeliverable``, ``released``, ``followups``, ``lost_claims``.
    """
    counts: Counter = Counter()
    if not attempts:
        return counts
    delivered = {
        a.job.notification_id: a
        for a in attempts
        if a.outcome in (Outcome.DELIVERED, Outcome.ALREADY_DELIVERED)
    }
    with uow:
        held = uow.notifications.mark_sent_many(
            {nid: a.at for nid, a in delivered.items()}, worker_id
        )
        for attempt in delivered.values():
            if attempt.job.notification_id not in held:
                counts["lost_claims"] += 1
            elif attempt.outcome is Outcome.DELIVERED:
                counts["sent"] += 1
            else:
                counts["deduplicated"] += 1
        followups = _followups(uow, [delivered[nid] for nid in held])
        if followups:
            latest = max(a.at for a in attempts)
            uow.notifications.add_many_if_absent(followups, latest)
            counts["followups"] += len(followups)
        for attempt in attempts:
            if attempt.job.notification_id not in delivered:
                key, applied = _close(uow, attempt, worker_id)
                counts[key if applied else "lost_claims"] += 1
    return counts


def record_missed_doses(uow: UnitOfWork, now: datetime) -> int:
    """Record missed the doses nobody answered by their deadline.

    Their remaining pending reminders (a snooze) are cancelled: no more messages.

    Args:
        uow: A unit of work (opened and committed here).
        now: The current instant.

    Returns:
        How many doses were recorded missed.
    """
    recorded = 0
    with uow:
        # A dose scheduled at T is missed from T + MISSED_AFTER (is_dose_missed).
        latest = now - MISSED_AFTER
        rows = uow.outcomes.unanswered_dose_reminders(
            scheduled_until=latest, scheduled_since=latest - MISSED_SWEEP_LOOKBACK
        )
        medications = uow.medications.get_many({row.medication_id for row in rows})
        for row in rows:
            recorded += _record_missed(uow, medications[row.medication_id], row, now)
    return recorded


def _job(row: Notification, medication: Medication) -> Job:
    return Job.of_row(row, medication.patient)


def _record_missed(
    uow: UnitOfWork, medication: Medication, row: Notification, now: datetime
) -> int:
    dose_reminder = row.id if row.kind == "medication_dose" else None
    _, created = uow.outcomes.record(
        medication, row.scheduled_at, "missed", now, notification_id=dose_reminder
    )
    uow.notifications.cancel_pending_for_dose(medication.id, row.scheduled_at)
    return int(created)


def _followups(uow: UnitOfWork, sent: list[Attempt]) -> list[dict]:
    """The follow-ups to plan for dose reminders just sent (unanswered, in time)."""
    doses = [
        a
        for a in sent
        if a.job.kind == "medication_dose"
        and followup_after_sending(a.job.scheduled_at, a.at) is not None
    ]
    answered = uow.outcomes.answered(
        (a.job.medication_id, a.job.scheduled_at) for a in doses
    )
    return [
        {**followup_values(a.job, a.job.time_zone), "created_at": a.at}
        for a in doses
        if (a.job.medication_id, a.job.scheduled_at) not in answered
    ]


def _close(uow: UnitOfWork, attempt: Attempt, worker_id: str) -> tuple[str, bool]:
    """Close the claim of an attempt not delivered; its count name, whether held."""
    job, notifications = attempt.job, uow.notifications
    if attempt.outcome is Outcome.INTERRUPTED:
        return "released", notifications.release(job.notification_id, worker_id)
    error = attempt.error or attempt.outcome.value
    if job.kind == EXERCISE_STEP_KIND:  # a step is never said late, nor shown later
        return "cancelled", notifications.mark_cancelled(job.notification_id, worker_id)
    if attempt.outcome is Outcome.FAILED:
        retry = delivery_retry_at(job.kind, job.scheduled_at, job.attempts, attempt.at)
        if job.kind == APPOINTMENT_REMINDER_KIND:
            retry = retry_before_start(retry, job.scheduled_at)
        if retry is not None:
            return "retried", notifications.retry_later(
                job.notification_id, worker_id, retry, error
            )
    held = notifications.mark_undeliverable(job.notification_id, worker_id, error)
    return "undeliverable", held


__all__ = [
    "Attempt",
    "Job",
    "Outcome",
    "claim_jobs",
    "record_attempts",
    "record_missed_doses",
]
