"""What the reminder worker passes between claiming, delivering and recording.

Plain data shared by :mod:`actions.services.reminder_dispatch` (claims and records),
:mod:`actions.services.appointment_dispatch` and :mod:`actions.delivery` (HTTP).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any


@dataclass(frozen=True)
class Job:
    """A claimed reminder to deliver, with what delivering and recording it need.

    Attributes:
        notification_id: The notification row.
        kind: Its kind (``medication_dose``, ``medication_followup`` or
            ``appointment_reminder``).
        conversation_id: The patient's Rasa conversation (patient data: never log it).
        channel: The patient's own channel (``Patient.channel``), where it is sent.
        patient_id: The patient's pseudonymous key.
        medication_id: The medication the reminder is about (``None`` for an
            appointment).
        scheduled_at: The dose time, or the appointment's start.
        due_at: When the reminder was due.
        attempts: Claims of this row so far, this one included.
        time_zone: The patient's time zone (to plan the follow-up).
        in_doubt: Claimed before: that claim may have reached Rasa without being
            recorded, so look in the tracker before sending.
        resent: Delivered before (a snooze): in the tracker, only a trigger after the
            patient's latest message is this delivery.
        appointment_id: The appointment the reminder is about, if any.
    """

    notification_id: int
    kind: str
    conversation_id: str
    channel: str
    patient_id: str
    medication_id: int | None
    scheduled_at: datetime
    due_at: datetime
    attempts: int
    time_zone: str
    in_doubt: bool
    resent: bool
    appointment_id: int | None = None

    @classmethod
    def of_row(
        cls, row: Any, patient: Any, time_zone: str | None = None, **fields: Any
    ) -> Job:
        """The job of a claimed notification row for its patient (conversation and
        channel); ``time_zone`` defaults to the patient's, ``fields`` override the
        row's values (an appointment reminder's ``scheduled_at`` is its start)."""
        values: dict[str, Any] = {
            "notification_id": row.id,
            "kind": row.kind,
            "conversation_id": patient.conversation_id,
            "channel": patient.channel,
            "patient_id": row.patient_id,
            "medication_id": row.medication_id,
            "scheduled_at": row.scheduled_at,
            "due_at": row.due_at,
            "attempts": row.attempts,
            "time_zone": time_zone or patient.time_zone,
            "in_doubt": row.attempts > 1,
            "resent": row.sent_at is not None,
        }
        return cls(**{**values, **fields})


class Outcome(str, Enum):
    """What became of one delivery attempt."""

    DELIVERED = "delivered"  # Rasa answered 2xx
    ALREADY_DELIVERED = "already_delivered"  # found in the tracker, not sent again
    FAILED = "failed"  # connection error, timeout, 5xx: retry later
    REFUSED = "refused"  # 4xx: undeliverable at once
    INTERRUPTED = "interrupted"  # the worker stopped first: release the claim


@dataclass(frozen=True)
class Attempt:
    """The result of delivering a job.

    Attributes:
        job: The job.
        outcome: What happened.
        at: When it was known (``sent_at`` when delivered).
        error: A short code without patient data (``"http_503"``, ``"timeout"``).
    """

    job: Job
    outcome: Outcome
    at: datetime
    error: str | None = None
