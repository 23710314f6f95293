"""The timed messages of a guided exercise, stored as notification rows.

Each step of an exercise is a ``notification`` of kind ``exercise_step`` whose
``subject_ref`` is ``exercise:<run>:<exercise key>:<step index>`` and whose
``due_at`` is when to say it; the worker delivers them like reminders. A run's rows
are operational, not a record: they are cancelled when the patient stops, and deleted
by the worker's maintenance an hour after they were due.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update

from actions.store.models import Notification

EXERCISE_STEP_KIND = "exercise_step"
# Rows of a finished or stopped run are deleted this long after they were due.
KEEP_STEPS_FOR = timedelta(hours=1)


@dataclass(frozen=True)
class StepRef:
    """What an ``exercise_step`` row is about."""

    run: str
    exercise: str
    index: int


def step_ref(run: str, exercise: str, index: int) -> str:
    """The ``subject_ref`` of one step of a run."""
    return f"exercise:{run}:{exercise}:{index}"


def parse_step_ref(subject_ref: str) -> StepRef | None:
    """Read a step's ``subject_ref``; ``None`` if it is not one."""
    parts = (subject_ref or "").split(":")
    if len(parts) != 4 or parts[0] != "exercise" or not parts[3].isdigit():
        return None
    return StepRef(run=parts[1], exercise=parts[2], index=int(parts[3]))


def _run_prefix(run: str) -> str:
    return f"exercise:{run}:%"


class ExerciseStepRepository:
    """A patient's exercise runs (see the module docstring)."""

    def __init__(self, session) -> None:
        """Work in ``session`` (never committed here)."""
        self.session = session

    def add_run(
        self,
        patient_id: str,
        run: str,
        exercise: str,
        steps: Iterable[tuple[datetime, str]],
        now: datetime,
    ) -> list[Notification]:
        """Store one pending row per step, step 1 first.

        Args:
            steps: Each step's due instant and its local wall-clock time
                (``scheduled_local``), in order.
        """
        rows = [
            Notification(
                patient_id=patient_id,
                kind=EXERCISE_STEP_KIND,
                subject_ref=step_ref(run, exercise, index),
                scheduled_at=due,
                scheduled_local=local,
                due_at=due,
                status="pending",
                attempts=0,
                created_at=now,
            )
            for index, (due, local) in enumerate(steps, start=1)
        ]
        self.session.add_all(rows)
        self.session.flush()
        return rows

    def of_run(self, patient_id: str, run: str) -> list[Notification]:
        """The rows of a run, in step order."""
        statement = (
            select(Notification)
            .where(
                Notification.patient_id == patient_id,
                Notification.kind == EXERCISE_STEP_KIND,
                Notification.subject_ref.like(_run_prefix(run)),
            )
            .order_by(Notification.due_at, Notification.id)
        )
        return list(self.session.execute(statement).scalars())

    def cancel_pending(self, patient_id: str, run: str | None = None) -> int:
        """Cancel the patient's steps not sent yet (of one run, or of all).

        Returns:
            How many rows were cancelled.
        """
        conditions = [
            Notification.patient_id == patient_id,
            Notification.kind == EXERCISE_STEP_KIND,
            Notification.status == "pending",
        ]
        if run is not None:
            conditions.append(Notification.subject_ref.like(_run_prefix(run)))
        statement = (
            update(Notification)
            .where(*conditions)
            .values(status="cancelled")
            .execution_options(synchronize_session="fetch")
        )
        return self.session.execute(statement).rowcount

    def delete_old(self, now: datetime) -> int:
        """Delete the rows due more than ``KEEP_STEPS_FOR`` ago, unless claimed.

        Returns:
            How many rows were deleted.
        """
        statement = (
            delete(Notification)
            .where(
                Notification.kind == EXERCISE_STEP_KIND,
                Notification.due_at < now - KEEP_STEPS_FOR,
                Notification.status != "claimed",
            )
            .execution_options(synchronize_session="fetch")
        )
        return self.session.execute(statement).rowcount
