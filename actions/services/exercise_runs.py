"""Running a guided exercise: plan its timed messages, find a step, stop it.

A patient runs one exercise at a time: starting one cancels what is left of the
previous. No consent is needed: the rows are timed messages of the conversation, kept
an hour at most (:mod:`actions.store.exercise_steps`), and the patient row they hang on
holds only the pseudonymous key and the conversation to deliver to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from actions.services.exercises import Exercise, exercise, new_run_id
from actions.services.reminder_planning import LOCAL_FORMAT
from actions.services.scheduling import utc_to_local
from actions.store.exercise_steps import EXERCISE_STEP_KIND, parse_step_ref
from actions.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class StepToSay:
    """A timed message found for the patient: its run, exercise and place."""

    run: str
    exercise: Exercise
    index: int
    due_at: datetime
    status: str


def start_run(
    uow: UnitOfWork,
    patient_id: str,
    channel: str,
    conversation_id: str,
    chosen: Exercise,
    now: datetime,
) -> str:
    """Plan the timed messages of an exercise starting now; returns the run's id."""
    run = new_run_id()
    with uow:
        patient, _ = uow.patients.get_or_create(patient_id, channel, conversation_id)
        uow.exercise_steps.cancel_pending(patient_id)
        steps = [
            (due, utc_to_local(due, patient.time_zone).strftime(LOCAL_FORMAT))
            for due in chosen.due_times(now)
        ]
        uow.exercise_steps.add_run(patient_id, run, chosen.key, steps, now)
    return run


def find_step(uow: UnitOfWork, patient_id: str, notification_id: int) -> StepToSay | None:
    """The timed message a trigger names, if it is this patient's; else ``None``."""
    with uow:
        row = uow.notifications.get(notification_id)
        if row is None or row.kind != EXERCISE_STEP_KIND or row.patient_id != patient_id:
            return None
        ref = parse_step_ref(row.subject_ref)
        chosen = exercise(ref.exercise) if ref else None
        if ref is None or chosen is None:
            return None
        return StepToSay(ref.run, chosen, ref.index, row.due_at, row.status)


def stop_run(uow: UnitOfWork, patient_id: str, run: str | None = None) -> int:
    """Cancel the timed messages not sent yet; how many were cancelled."""
    with uow:
        return uow.exercise_steps.cancel_pending(patient_id, run)
