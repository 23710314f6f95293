"""The worker's rules for the steps of guided exercises and the daily mood check-ins.

An exercise step needs no consent (it is a timed message of the conversation, not a
record) but is never said late: found more than ``STEP_GRACE`` after its time, it is
closed unsent (``cancelled``). A mood check-in is sent only while its plan is active,
unchanged since it was planned, and the patient's consent is in force; too late by the
grace rule, it is ``missed``.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from actions.services.claim_rules import keep_or_close
from actions.services.exercises import is_step_late
from actions.services.reminder_jobs import Job
from actions.store.models import Notification
from actions.store.moods import mood_plan_id_of
from actions.store.unit_of_work import UnitOfWork


def exercise_jobs(
    uow: UnitOfWork,
    rows: list[Notification],
    now: datetime,
    worker_id: str,
    counts: Counter,
) -> dict[int, Job]:
    """Close the claimed exercise steps found too late; return the others' jobs."""
    jobs: dict[int, Job] = {}
    for row in rows:
        patient = uow.patients.get(row.patient_id)
        wanted = patient is not None and not is_step_late(row.due_at, now)
        if keep_or_close(uow, row, wanted, now, worker_id, counts):
            jobs[row.id] = Job.of_row(row, patient)
    return jobs


def mood_jobs(
    uow: UnitOfWork,
    rows: list[Notification],
    consented: set[str],
    now: datetime,
    worker_id: str,
    counts: Counter,
) -> dict[int, Job]:
    """Close the claimed mood check-ins not to send; return the others' jobs."""
    jobs: dict[int, Job] = {}
    for row in rows:
        plan = uow.mood_plans.get(mood_plan_id_of(row.subject_ref) or 0)
        wanted = (
            plan is not None
            and plan.active
            and plan.updated_at <= row.created_at
            and row.patient_id in consented
        )
        if keep_or_close(uow, row, wanted, now, worker_id, counts):
            patient = plan.patient
            jobs[row.id] = Job.of_row(row, patient)
    return jobs
