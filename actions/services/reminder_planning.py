"""Planning medication reminders as notification rows.

The worker calls :func:`materialise_notifications` periodically: it creates the pending
dose reminders of every active medication (of patients whose consent is in force) over
the planning window, and is idempotent, so calling it often, or from several workers at
once, creates each reminder once. After a schedule change, a pause or a resume, call
:func:`replan_medication`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Protocol

from actions.services.reminder_rules import followup_due_at, planning_window
from actions.services.scheduling import DoseSchedule, dose_times, utc_to_local
from actions.store.models import Medication
from actions.store.notifications import medication_ref
from actions.store.unit_of_work import UnitOfWork

LOCAL_FORMAT = "%Y-%m-%dT%H:%M"


class DoseReminder(Protocol):
    """What a follow-up is planned from: a dose notification, or the worker's job."""

    patient_id: str
    medication_id: int
    scheduled_at: datetime


def schedule_for(medication: Medication) -> DoseSchedule:
    """Build the dose schedule of a medication, in its patient's time zone.

    Args:
        medication: A medication with its ``patient`` loaded.

    Returns:
        The schedule.
    """
    return DoseSchedule(
        times=tuple(medication.times_of_day),
        recurrence=medication.recurrence,
        weekdays=frozenset(medication.weekdays or ()),
        interval_days=medication.interval_days,
        start_date=medication.start_date,
        end_date=medication.end_date,
        time_zone=medication.patient.time_zone,
    )


def dose_notification_values(medication: Medication, now: datetime) -> list[dict]:
    """Column values of the dose reminders a medication needs in its planning window.

    Args:
        medication: An active medication with its ``patient`` loaded.
        now: The current instant.

    Returns:
        One mapping per dose, for ``NotificationRepository.add_if_absent``.
    """
    start, end = planning_window(now, max(medication.created_at, medication.updated_at))
    time_zone = medication.patient.time_zone
    return [
        _values(
            medication.patient_id,
            medication.id,
            "medication_dose",
            instant,
            instant,
            time_zone,
        )
        for instant in dose_times(schedule_for(medication), start, end)
    ]


def followup_values(dose: DoseReminder, time_zone: str) -> dict:
    """Column values of the follow-up of a dose reminder (``T + FOLLOW_UP_AFTER``).

    The worker adds it with ``add_if_absent`` once the dose reminder is sent, and the
    action cancels it (``cancel_pending_for_dose``) when the patient answers.

    Args:
        dose: The ``medication_dose`` notification (or anything with its
            ``patient_id``, ``medication_id`` and ``scheduled_at``).
        time_zone: The patient's time zone.

    Returns:
        One mapping for ``NotificationRepository.add_if_absent``.
    """
    return _values(
        dose.patient_id,
        dose.medication_id,
        "medication_followup",
        dose.scheduled_at,
        followup_due_at(dose.scheduled_at),
        time_zone,
    )


def materialise_notifications(uow: UnitOfWork, now: datetime) -> int:
    """Create the pending dose reminders of all schedulable medications.

    Args:
        uow: A unit of work (opened and committed here).
        now: The current instant.

    Returns:
        How many reminders were created.
    """
    with uow:
        created = 0
        # A day of margin: the end date is a local day, in any time zone.
        earliest_day = (now - timedelta(days=1)).date()
        for medication in uow.medications.schedulable(today=earliest_day):
            rows = dose_notification_values(medication, now)
            created += uow.notifications.add_if_absent(rows, now)
        return created


def replan_medication(uow: UnitOfWork, medication_id: int, now: datetime) -> int:
    """Drop a medication's unsent future reminders and plan it again.

    Call it after changing a schedule, pausing, resuming or stopping. It sets the
    medication's ``updated_at`` to ``now``, so no dose before the change is planned
    late (a resumed medication does not remind the doses of its pause).

    Args:
        uow: A unit of work (opened and committed here).
        medication_id: The medication.
        now: The current instant.

    Returns:
        How many reminders were created (0 for a paused or stopped medication).
    """
    with uow:
        medication = uow.medications.get(medication_id)
        if medication is None:
            return 0
        medication.updated_at = now
        uow.notifications.delete_pending_for_medication(medication_id, now)
        if (
            medication.status != "active"
            or uow.consents.active(medication.patient_id) is None
        ):
            return 0
        rows = dose_notification_values(medication, now)
        return uow.notifications.add_if_absent(rows, now)


def _values(
    patient_id: str,
    medication_id: int,
    kind: str,
    scheduled_at: datetime,
    due_at: datetime,
    time_zone: str,
) -> dict[str, Any]:
    local = utc_to_local(scheduled_at, time_zone)
    return {
        "patient_id": patient_id,
        "kind": kind,
        "medication_id": medication_id,
        "subject_ref": medication_ref(medication_id),
        "scheduled_at": scheduled_at,
        "scheduled_local": local.strftime(LOCAL_FORMAT),
        "due_at": due_at,
    }
