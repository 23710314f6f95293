"""Timings of medication reminders, and the decisions they drive.

Every delay of the reminder cycle is defined here and nowhere else; the worker and the
actions import these constants and functions. Pure: no database, no Rasa. All instants
are aware datetimes.

The cycle of one dose scheduled at ``T``:

* ``T``: the dose reminder is due;
* ``T + FOLLOW_UP_AFTER`` (30 min) without an answer: one follow-up;
* ``T + MISSED_AFTER`` (2 h) without an answer: the dose is recorded missed;
* "remind me later": again ``SNOOZE_DELAY`` (10 min) later, while before ``T + 2 h``.

Grace window, for reminders that come due while the worker is down: a reminder whose
``due_at`` is less than ``LATE_GRACE`` (2 h) ago is still sent, saying its original
time; an older one is not sent, and a dose reminder is recorded missed instead.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import Enum

FOLLOW_UP_AFTER = timedelta(minutes=30)
MISSED_AFTER = timedelta(hours=2)
SNOOZE_DELAY = timedelta(minutes=10)

# Sent within this delay after due_at, a reminder counts as on time (worker polling).
ON_TIME_TOLERANCE = timedelta(minutes=5)
LATE_GRACE = timedelta(hours=2)

# A claim older than this is a worker that died holding it: the row is due again.
STALE_CLAIM_AFTER = timedelta(minutes=10)

# Failed deliveries are retried this many times, RETRY_DELAY apart (then longer).
MAX_DELIVERY_ATTEMPTS = 3
RETRY_DELAY = timedelta(minutes=5)

# Reminders are planned as rows this far ahead (the worker plans periodically).
PLANNING_HORIZON = timedelta(hours=48)

# The worker records unanswered doses missed up to this long after their deadline (a
# worker stopped for longer leaves older doses without an outcome).
MISSED_SWEEP_LOOKBACK = timedelta(days=2)

MEDICATION_KINDS = ("medication_dose", "medication_followup")


class Delivery(str, Enum):
    """What the worker does with a claimed reminder."""

    SEND = "send"
    SEND_LATE = "send_late"  # say the original time: "prévu à 08:00"
    TOO_LATE = "too_late"  # do not send; a dose is recorded missed


def delivery_decision(
    kind: str, scheduled_at: datetime, due_at: datetime, now: datetime
) -> Delivery:
    """Decide whether a claimed reminder is sent, sent late, or dropped as too late.

    Args:
        kind: The notification kind, e.g. ``"medication_dose"``.
        scheduled_at: The instant the reminder is about (the dose time).
        due_at: When it was due to be sent (later after a snooze or a retry).
        now: The current instant.

    Returns:
        ``TOO_LATE`` when ``due_at`` is ``LATE_GRACE`` or more ago, or, for a
        medication reminder, when the dose is already missed; ``SEND_LATE`` when due
        more than ``ON_TIME_TOLERANCE`` ago; otherwise ``SEND``.
    """
    lateness = now - due_at
    if lateness >= LATE_GRACE:
        return Delivery.TOO_LATE
    if kind in MEDICATION_KINDS and is_dose_missed(scheduled_at, now):
        return Delivery.TOO_LATE
    if lateness > ON_TIME_TOLERANCE:
        return Delivery.SEND_LATE
    return Delivery.SEND


def followup_due_at(scheduled_at: datetime) -> datetime:
    """When to follow up a dose reminder left unanswered."""
    return scheduled_at + FOLLOW_UP_AFTER


def followup_after_sending(
    scheduled_at: datetime, sent_at: datetime
) -> datetime | None:
    """When to follow up a dose reminder sent at ``sent_at``, or ``None``.

    A reminder sent after its follow-up time (found late) gets no follow-up: the
    patient has just been reminded; the dose is recorded missed at the deadline.
    """
    due = followup_due_at(scheduled_at)
    return due if due > sent_at else None


def missed_deadline(scheduled_at: datetime) -> datetime:
    """The instant from which an unanswered dose counts as missed."""
    return scheduled_at + MISSED_AFTER


def is_dose_missed(scheduled_at: datetime, now: datetime) -> bool:
    """Whether an unanswered dose counts as missed at ``now``."""
    return now >= missed_deadline(scheduled_at)


def snooze_until(scheduled_at: datetime, now: datetime) -> datetime | None:
    """When a snoozed dose reminder comes back, or ``None`` if it would be too late.

    Args:
        scheduled_at: The dose time.
        now: When the patient asked to be reminded later.

    Returns:
        ``now + SNOOZE_DELAY``, or ``None`` when that is at or past the missed deadline.
    """
    until = now + SNOOZE_DELAY
    return until if until < missed_deadline(scheduled_at) else None


def outcome_for_answer(
    scheduled_at: datetime, answered_at: datetime, taken: bool
) -> str:
    """The outcome of a dose from the patient's answer.

    Args:
        scheduled_at: The dose time.
        answered_at: When the patient answered.
        taken: Whether they say they took it.

    Returns:
        ``"skipped"`` if not taken; ``"taken"`` if confirmed by the follow-up time
        (``T + FOLLOW_UP_AFTER``); ``"late"`` after it.
    """
    if not taken:
        return "skipped"
    return "taken" if answered_at <= followup_due_at(scheduled_at) else "late"


def retry_at(attempts: int, now: datetime) -> datetime | None:
    """When to retry a failed delivery, or ``None`` to give up (undeliverable).

    Args:
        attempts: Claims made so far, this one included.
        now: The current instant.

    Returns:
        ``now + attempts × RETRY_DELAY`` while ``attempts < MAX_DELIVERY_ATTEMPTS``.
    """
    if attempts >= MAX_DELIVERY_ATTEMPTS:
        return None
    return now + RETRY_DELAY * max(attempts, 1)


def delivery_retry_at(
    kind: str, scheduled_at: datetime, attempts: int, now: datetime
) -> datetime | None:
    """When to retry a failed delivery, or ``None`` to mark it undeliverable now.

    :func:`retry_at`, and for a medication reminder never at or after the dose's
    missed deadline: an undeliverable reminder is shown at the patient's next message,
    which beats a retry that would only find it too late.

    Args:
        kind: The notification kind.
        scheduled_at: The dose time.
        attempts: Claims made so far, this one included.
        now: The current instant.
    """
    when = retry_at(attempts, now)
    if when is None:
        return None
    if kind in MEDICATION_KINDS and when >= missed_deadline(scheduled_at):
        return None
    return when


def planning_window(now: datetime, created_at: datetime) -> tuple[datetime, datetime]:
    """The instants a planning run covers for one medication.

    It starts ``LATE_GRACE`` in the past, so that doses a stopped planner did not create
    in time are still sent late, but never before the medication was entered; it ends
    ``PLANNING_HORIZON`` ahead.

    Returns:
        ``(start, end)``, start included, end excluded.
    """
    return max(now - LATE_GRACE, created_at), now + PLANNING_HORIZON
