"""SQLAlchemy models of the application database (SQLAlchemy 1.4 declarative).

Instants are :class:`~actions.store.types.UTCDateTime`: aware UTC in Python, naive UTC
in the database. Calendar days (``start_date``, ``end_date``) are the patient's local
days. Every row that belongs to a patient has a ``patient_id``, so that export and
erasure (:mod:`actions.services.patient_data`) find all of it.

A notification names what it is about with ``subject_ref`` (``"medication:12"``,
``"appointment:7"``). The practice and its appointments are in
:mod:`actions.store.practice_models`, re-exported at the end of this module so that
``Base.metadata`` always holds every table; so are the referrals and staff accounts of
:mod:`actions.store.referral_models`.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import relationship

from actions.defaults import DEFAULT_LANGUAGE, DEFAULT_TIME_ZONE
from actions.store.base import Base, one_of
from actions.store.types import EncryptedText, UTCDateTime, utcnow

RECURRENCES = ("daily", "weekdays", "every_n_days")
MEDICATION_STATUSES = ("active", "paused", "stopped")
NOTIFICATION_KINDS = (
    "medication_dose",
    "medication_followup",
    "appointment_reminder",
    "mood_checkin",
    "exercise_step",
)
NOTIFICATION_STATUSES = (
    "pending",
    "claimed",
    "sent",
    "missed",
    "undeliverable",
    "cancelled",
)
DOSE_OUTCOMES = ("taken", "late", "missed", "skipped")

# Longest error text kept on a notification (never patient data: a code or a class).
LAST_ERROR_LENGTH = 200


class Patient(Base):
    """A person Hygie talks to, known by a pseudonymous key.

    ``id`` is :func:`actions.services.pseudonym.patient_key` of channel and sender id;
    ``conversation_id`` is the Rasa sender id the worker needs to deliver a reminder.
    """

    __tablename__ = "patients"

    id = Column(String(64), primary_key=True)
    channel = Column(String(32), nullable=False)
    conversation_id = Column(String(255), nullable=False)
    time_zone = Column(String(64), nullable=False, default=DEFAULT_TIME_ZONE)
    language = Column(String(8), nullable=False, default=DEFAULT_LANGUAGE)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    # The patient's last message seen by the retention sweep (inactivity purge).
    last_seen_at = Column(UTCDateTime, nullable=True)


class Consent(Base):
    """A consent to the processing of health data (GDPR art. 9), for one notice."""

    __tablename__ = "consents"

    id = Column(Integer, primary_key=True)
    patient_id = Column(
        ForeignKey("patients.id", ondelete="CASCADE"), nullable=False, index=True
    )
    notice_version = Column(String(32), nullable=False)
    granted_at = Column(UTCDateTime, nullable=False)
    withdrawn_at = Column(UTCDateTime, nullable=True)


class Medication(Base):
    """A treatment the patient wants reminders for, with its dose schedule.

    ``times_of_day`` is a JSON list of local ``"HH:MM"``; ``weekdays`` a JSON list of
    0 (Monday) … 6 (Sunday) used when ``recurrence`` is ``"weekdays"``;
    ``interval_days`` is used when it is ``"every_n_days"`` (counted from
    ``start_date``). Assign a new list to change one: JSON columns do not track
    in-place mutation.
    """

    __tablename__ = "medications"
    __table_args__ = (
        one_of("recurrence", RECURRENCES, "recurrence"),
        one_of("status", MEDICATION_STATUSES, "status"),
    )

    id = Column(Integer, primary_key=True)
    patient_id = Column(
        ForeignKey("patients.id", ondelete="CASCADE"), nullable=False, index=True
    )
    name = Column(EncryptedText, nullable=False)
    dose = Column(EncryptedText, nullable=False)
    instruction = Column(EncryptedText, nullable=True)
    times_of_day = Column(JSON, nullable=False)
    recurrence = Column(String(16), nullable=False, default="daily")
    weekdays = Column(JSON, nullable=True)
    interval_days = Column(Integer, nullable=True)
    start_date = Column(Date, nullable=False)
    end_date = Column(Date, nullable=True)
    status = Column(String(16), nullable=False, default="active")
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    # Last change of schedule or status: doses before it are never planned late.
    updated_at = Column(UTCDateTime, nullable=False, default=utcnow)

    patient = relationship(Patient, lazy="joined")


class Notification(Base):
    """A reminder to deliver: a row, not a timer.

    ``scheduled_at`` is the instant the reminder is about (the dose time); ``due_at``
    is when to send it, later than ``scheduled_at`` for a follow-up, a snooze or a
    retry. ``scheduled_local`` is the patient's wall-clock time of ``scheduled_at``
    (``"2026-03-29T08:00"``), kept for display. One row per patient, kind, subject and
    scheduled instant: planning the same reminder twice inserts nothing.
    """

    __tablename__ = "notifications"
    __table_args__ = (
        UniqueConstraint("patient_id", "kind", "subject_ref", "scheduled_at"),
        Index("ix_notifications_status_due_at", "status", "due_at"),
        one_of("kind", NOTIFICATION_KINDS, "kind"),
        one_of("status", NOTIFICATION_STATUSES, "status"),
    )

    id = Column(Integer, primary_key=True)
    patient_id = Column(
        ForeignKey("patients.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kind = Column(String(32), nullable=False)
    medication_id = Column(
        ForeignKey("medications.id", ondelete="CASCADE"), nullable=True, index=True
    )
    subject_ref = Column(String(64), nullable=False)
    scheduled_at = Column(UTCDateTime, nullable=False)
    scheduled_local = Column(String(16), nullable=False)
    due_at = Column(UTCDateTime, nullable=False)
    status = Column(String(16), nullable=False, default="pending")
    claimed_by = Column(String(64), nullable=True)
    claimed_at = Column(UTCDateTime, nullable=True)
    sent_at = Column(UTCDateTime, nullable=True)
    attempts = Column(Integer, nullable=False, default=0)
    last_error = Column(String(LAST_ERROR_LENGTH), nullable=True)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)


class DoseOutcome(Base):
    """What became of one scheduled dose: taken, late, missed or skipped (one only)."""

    __tablename__ = "dose_outcomes"
    __table_args__ = (
        UniqueConstraint("medication_id", "scheduled_at"),
        one_of("status", DOSE_OUTCOMES, "status"),
    )

    id = Column(Integer, primary_key=True)
    patient_id = Column(
        ForeignKey("patients.id", ondelete="CASCADE"), nullable=False, index=True
    )
    medication_id = Column(
        ForeignKey("medications.id", ondelete="CASCADE"), nullable=False
    )
    notification_id = Column(
        ForeignKey("notifications.id", ondelete="SET NULL"), nullable=True
    )
    scheduled_at = Column(UTCDateTime, nullable=False)
    status = Column(String(16), nullable=False)
    recorded_at = Column(UTCDateTime, nullable=False, default=utcnow)


class AuditEvent(Base):
    """Who did what to whose data, and when (no content, no free text).

    ``referral_id`` names the referral a staff member saw (no foreign key: the row
    outlives the referral). When a patient is erased their rows stay, with
    ``patient_id`` and ``referral_id`` cleared and ``patient_pseudonym`` set to a
    random token drawn for that erasure: who read the erased patient's data remains
    known, the patient no longer is. ``SET NULL`` only guards other deletions.
    """

    __tablename__ = "audit_events"

    id = Column(Integer, primary_key=True)
    actor = Column(String(64), nullable=False)
    action = Column(String(64), nullable=False)
    patient_id = Column(
        ForeignKey("patients.id", ondelete="SET NULL"), nullable=True, index=True
    )
    referral_id = Column(Integer, nullable=True, index=True)
    patient_pseudonym = Column(String(40), nullable=True, index=True)
    at = Column(UTCDateTime, nullable=False, default=utcnow)


# Registered on Base by importing them; imported last because they use Base.
from actions.store.practice_models import (  # noqa: E402
    Appointment,
    AppointmentSlot,
    AppointmentType,
    OpeningHours,
    Place,
    PracticeSettings,
    Practitioner,
    PractitionerAbsence,
)
from actions.store.referral_models import (  # noqa: E402
    Referral,
    StaffAccount,
    StaffMessage,
    StaffSession,
)
from actions.store.wellbeing_models import MoodEntry, MoodPlan  # noqa: E402
from actions.store.export_links import ExportLink  # noqa: E402

__all__ = [
    "Appointment",
    "AppointmentSlot",
    "AppointmentType",
    "AuditEvent",
    "Base",
    "Consent",
    "DoseOutcome",
    "ExportLink",
    "Medication",
    "MoodEntry",
    "MoodPlan",
    "Notification",
    "OpeningHours",
    "Patient",
    "Place",
    "PracticeSettings",
    "Practitioner",
    "PractitionerAbsence",
    "Referral",
    "StaffAccount",
    "StaffMessage",
    "StaffSession",
]
