"""Timings of appointment reminders and of late cancellations, in one place.

Two reminders per appointment, planned as notification rows (kind
``appointment_reminder``, ``subject_ref`` ``"appointment:<id>"``) when it is booked or
moved:

* the day before at ``DAY_BEFORE_AT`` (18:00, the practice's local time): a fixed
  evening hour the patient can expect, early enough to move or cancel, rather than
  "24 h before", which would come at 7:30 for an early appointment;
* ``SHORT_NOTICE_BEFORE`` (2 h) before the start.

A reminder whose time has passed when it is planned is not created. The row's
``scheduled_at`` and ``due_at`` are the reminder's own instant (two reminders of one
appointment must differ in ``scheduled_at``, the notifications' unique key); the
appointment's start is read from the appointment. A reminder whose instant is no longer
one of :func:`reminder_times` of its appointment (moved meanwhile) is stale.

Cancelling less than ``LATE_CANCELLATION`` (24 h, the practice's cancellation delay)
before the start needs the patient's confirmation first. Pure: no database.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from actions.services.scheduling import local_to_utc, utc_to_local
from actions.store.appointments import APPOINTMENT_REMINDER_KIND, appointment_ref

DAY_BEFORE_AT = time(18, 0)
SHORT_NOTICE_BEFORE = timedelta(hours=2)
LATE_CANCELLATION = timedelta(hours=24)
_LOCAL_FORMAT = "%Y-%m-%dT%H:%M"


def reminder_times(starts_at: datetime, time_zone: str) -> list[datetime]:
    """The instants of an appointment's reminders, earliest first (past ones too).

    Args:
        starts_at: The appointment's start (aware).
        time_zone: The practice's IANA time zone.

    Returns:
        The day-before reminder (18:00 local the day before) and the 2-hour one.
    """
    local_day = utc_to_local(starts_at, time_zone).date()
    day_before = local_to_utc(
        local_day - timedelta(days=1), DAY_BEFORE_AT, ZoneInfo(time_zone)
    )
    return sorted({day_before, starts_at - SHORT_NOTICE_BEFORE})


def reminder_values(
    patient_id: str,
    appointment_id: int,
    starts_at: datetime,
    time_zone: str,
    now: datetime,
) -> list[dict[str, Any]]:
    """Column values of an appointment's reminders still to come.

    Args:
        patient_id: The patient's key.
        appointment_id: The appointment.
        starts_at: Its start.
        time_zone: The practice's time zone.
        now: The current instant: reminders at or before it are left out.

    Returns:
        Mappings for ``NotificationRepository.add_if_absent``.
    """
    return [
        {
            "patient_id": patient_id,
            "kind": APPOINTMENT_REMINDER_KIND,
            "medication_id": None,
            "subject_ref": appointment_ref(appointment_id),
            "scheduled_at": instant,
            "scheduled_local": utc_to_local(instant, time_zone).strftime(_LOCAL_FORMAT),
            "due_at": instant,
        }
        for instant in reminder_times(starts_at, time_zone)
        if instant > now
    ]


def is_current_reminder(
    reminder_at: datetime, starts_at: datetime, time_zone: str
) -> bool:
    """Whether a reminder planned for ``reminder_at`` belongs to this start time."""
    return reminder_at in reminder_times(starts_at, time_zone)


def closes_unsent(
    reminder_at: datetime,
    starts_at: datetime,
    status: str,
    time_zone: str,
    now: datetime,
) -> bool:
    """Whether the worker closes a claimed reminder (``cancelled``) without sending.

    True when the appointment is no longer booked or confirmed, has started (a
    reminder is never sent after the start), or was moved since the reminder was
    planned.
    """
    return (
        status not in ("booked", "confirmed")
        or starts_at <= now
        or not is_current_reminder(reminder_at, starts_at, time_zone)
    )


def retry_before_start(retry: datetime | None, starts_at: datetime) -> datetime | None:
    """A delivery retry, unless it would come at or after the appointment's start."""
    return retry if retry is not None and retry < starts_at else None


def is_late_cancellation(starts_at: datetime, now: datetime) -> bool:
    """Whether cancelling now is within the practice's cancellation delay (24 h)."""
    return starts_at - now < LATE_CANCELLATION
