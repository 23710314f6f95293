"""Repositories: the queries of the application database, one class per aggregate.

A repository takes a session and never commits: the caller's unit of work
(:mod:`actions.store.unit_of_work`) decides. Every method that changes rows returns
what it changed, so a caller can tell "done" from "nothing to do".
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session

from actions.store.appointments import AppointmentRepository
from actions.store.db import insert_ignoring_conflicts
from actions.store.models import (
    AuditEvent,
    Consent,
    DoseOutcome,
    Medication,
    Notification,
    Patient,
)
from actions.store.notifications import NotificationRepository
from actions.store.practice_repository import PracticeRepository
from actions.store.rows import PatientRows

__all__ = [
    "AppointmentRepository",
    "AuditRepository",
    "ConsentRepository",
    "DoseOutcomeRepository",
    "MedicationRepository",
    "NotificationRepository",
    "PatientRepository",
    "PracticeRepository",
]


class PatientRepository:
    """Patients, by pseudonymous key."""

    def __init__(self, session: Session) -> None:
        """Work in ``session`` (never committed here)."""
        self.session = session

    def get(self, patient_id: str) -> Patient | None:
        """Return the patient with this key, or ``None``."""
        return self.session.get(Patient, patient_id)

    def add(self, patient: Patient) -> Patient:
        """Add a new patient (inserted at the next flush) and return it."""
        self.session.add(patient)
        return patient

    def get_or_create(
        self, patient_id: str, channel: str, conversation_id: str, **fields: Any
    ) -> tuple[Patient, bool]:
        """Return the patient with this key, creating it if needed.

        Args:
            patient_id: The pseudonymous key.
            channel: The Rasa channel name, e.g. ``"socketio"``.
            conversation_id: The Rasa sender id, needed to deliver reminders.
            **fields: Other columns for a new patient (``time_zone``, ``language``).

        Returns:
            The patient, and whether it was created.
        """
        patient = self.get(patient_id)
        if patient is not None:
            return patient, False
        patient = Patient(
            id=patient_id, channel=channel, conversation_id=conversation_id, **fields
        )
        self.session.add(patient)
        self.session.flush()
        return patient, True

    def channels_of_conversation(self, conversation_id: str) -> list[str]:
        """The channels of the patients stored with this conversation id (one at most
        when the channels refuse each other's sender ids)."""
        statement = select(Patient.channel).where(Patient.conversation_id == conversation_id)
        return sorted(set(self.session.execute(statement).scalars()))

    def list_all(self) -> list[Patient]:
        """Every patient, by key (the retention sweep reads them all)."""
        return self.session.query(Patient).order_by(Patient.id).all()

    def delete(self, patient_id: str) -> int:
        """Delete the patient row only (see ``patient_data.erase_patient``).

        Returns:
            1 if the patient existed, else 0.
        """
        statement = delete(Patient).where(Patient.id == patient_id)
        return self.session.execute(
            statement.execution_options(synchronize_session="fetch")
        ).rowcount


class ConsentRepository(PatientRows):
    """Consents to the processing of health data."""

    model = Consent

    def grant(self, patient_id: str, notice_version: str, now: datetime) -> Consent:
        """Record that the patient accepted a version of the notice."""
        consent = Consent(
            patient_id=patient_id, notice_version=notice_version, granted_at=now
        )
        self.session.add(consent)
        self.session.flush()
        return consent

    def active(self, patient_id: str) -> Consent | None:
        """Return the patient's latest consent not withdrawn, or ``None``."""
        statement = (
            select(Consent)
            .where(Consent.patient_id == patient_id, Consent.withdrawn_at.is_(None))
            .order_by(Consent.granted_at.desc(), Consent.id.desc())
            .limit(1)
        )
        return self.session.execute(statement).scalars().first()

    def consented(self, patient_ids: Collection[str]) -> set[str]:
        """Return those of the patients who have a consent in force."""
        if not patient_ids:
            return set()
        statement = select(Consent.patient_id).where(
            Consent.patient_id.in_(tuple(patient_ids)), Consent.withdrawn_at.is_(None)
        )
        return set(self.session.execute(statement).scalars())

    def withdraw(self, patient_id: str, now: datetime) -> int:
        """Withdraw every consent of the patient still in force.

        Returns:
            How many consents were withdrawn.
        """
        statement = (
            update(Consent)
            .where(Consent.patient_id == patient_id, Consent.withdrawn_at.is_(None))
            .values(withdrawn_at=now)
            .execution_options(synchronize_session="fetch")
        )
        return self.session.execute(statement).rowcount


class MedicationRepository(PatientRows):
    """Medications and their schedules."""

    model = Medication

    def add(self, medication: Medication) -> Medication:
        """Add a medication, flush it so that it has an id, and return it."""
        self.session.add(medication)
        self.session.flush()
        return medication

    def get(self, medication_id: int) -> Medication | None:
        """Return the medication with this id, or ``None``."""
        return self.session.get(Medication, medication_id)

    def get_many(self, medication_ids: Collection[int]) -> dict[int, Medication]:
        """Return the medications with these ids (each with its ``patient``), by id."""
        if not medication_ids:
            return {}
        statement = select(Medication).where(Medication.id.in_(tuple(medication_ids)))
        medications = self.session.execute(statement).unique().scalars()
        return {medication.id: medication for medication in medications}

    def schedulable(self, today: date | None = None) -> list[Medication]:
        """Return the medications reminders should be planned for.

        A medication qualifies when it is active and its patient has a consent in force;
        with ``today``, medications whose end date is before it are left out.

        Args:
            today: The earliest local day still of interest (UTC day is good enough:
                the schedule itself applies the end date exactly).

        Returns:
            The medications, each with its ``patient`` loaded.
        """
        consented = exists().where(
            Consent.patient_id == Medication.patient_id,
            Consent.withdrawn_at.is_(None),
        )
        statement = select(Medication).where(Medication.status == "active", consented)
        if today is not None:
            statement = statement.where(
                (Medication.end_date.is_(None)) | (Medication.end_date >= today)
            )
        statement = statement.order_by(Medication.id)
        return list(self.session.execute(statement).unique().scalars())

    def set_status(self, medication_id: int, status: str, now: datetime) -> bool:
        """Set a medication ``active``, ``paused`` or ``stopped`` (and ``updated_at``).

        Returns:
            Whether the medication exists.
        """
        statement = (
            update(Medication)
            .where(Medication.id == medication_id)
            .values(status=status, updated_at=now)
            .execution_options(synchronize_session="fetch")
        )
        return self.session.execute(statement).rowcount == 1


class DoseOutcomeRepository(PatientRows):
    """Outcomes of scheduled doses: one per medication and dose time."""

    model = DoseOutcome

    def get(self, medication_id: int, scheduled_at: datetime) -> DoseOutcome | None:
        """Return the outcome of one dose, or ``None``."""
        statement = select(DoseOutcome).where(
            DoseOutcome.medication_id == medication_id,
            DoseOutcome.scheduled_at == scheduled_at,
        )
        return self.session.execute(statement).scalars().first()

    def answered(
        self, doses: Iterable[tuple[int, datetime]]
    ) -> set[tuple[int, datetime]]:
        """Return those of the doses that have an outcome.

        Args:
            doses: ``(medication_id, scheduled_at)`` pairs.

        Returns:
            The pairs, among those given, whose dose has an outcome.
        """
        wanted = set(doses)
        if not wanted:
            return set()
        statement = select(DoseOutcome.medication_id, DoseOutcome.scheduled_at).where(
            DoseOutcome.medication_id.in_({medication for medication, _ in wanted}),
            DoseOutcome.scheduled_at.in_({instant for _, instant in wanted}),
        )
        found = {tuple(row) for row in self.session.execute(statement)}
        return wanted & found

    def unanswered_dose_reminders(
        self, scheduled_until: datetime, scheduled_since: datetime
    ) -> list[Notification]:
        """Return the dose reminders delivered or tried whose dose has no outcome.

        Only reminders that left the queue (``sent``, ``undeliverable``, ``missed``)
        count, of an active medication whose patient's consent is in force: a paused
        medication or a withdrawn consent records nothing more.

        Args:
            scheduled_until: Doses scheduled at or before this instant.
            scheduled_since: Doses scheduled at or after this instant.

        Returns:
            The ``medication_dose`` notifications, oldest dose first.
        """
        has_outcome = exists().where(
            DoseOutcome.medication_id == Notification.medication_id,
            DoseOutcome.scheduled_at == Notification.scheduled_at,
        )
        consented = exists().where(
            Consent.patient_id == Notification.patient_id,
            Consent.withdrawn_at.is_(None),
        )
        statement = (
            select(Notification)
            .join(Medication, Medication.id == Notification.medication_id)
            .where(
                Notification.kind == "medication_dose",
                Notification.status.in_(("sent", "undeliverable", "missed")),
                Notification.scheduled_at <= scheduled_until,
                Notification.scheduled_at >= scheduled_since,
                Medication.status == "active",
                consented,
                ~has_outcome,
            )
            .order_by(Notification.scheduled_at, Notification.id)
        )
        return list(self.session.execute(statement).scalars())

    def record(
        self,
        medication: Medication,
        scheduled_at: datetime,
        status: str,
        recorded_at: datetime,
        notification_id: int | None = None,
    ) -> tuple[DoseOutcome, bool]:
        """Record the outcome of a dose, unless it already has one.

        The first outcome wins, even when two processes record at once (e.g. the worker
        marking a dose missed while the patient answers): change it with
        ``outcome.status = ...`` if a later answer should override it.

        Args:
            medication: The medication of the dose.
            scheduled_at: The dose time (UTC).
            status: ``taken``, ``late``, ``missed`` or ``skipped``.
            recorded_at: When the outcome became known.
            notification_id: The dose reminder, if there was one.

        Returns:
            The dose's outcome, and whether this call recorded it.
        """
        row = {
            "patient_id": medication.patient_id,
            "medication_id": medication.id,
            "notification_id": notification_id,
            "scheduled_at": scheduled_at,
            "status": status,
            "recorded_at": recorded_at,
        }
        created = insert_ignoring_conflicts(self.session, DoseOutcome, [row]) == 1
        outcome = self.get(medication.id, scheduled_at)
        assert outcome is not None  # inserted now or by someone else before
        return outcome, created


class AuditRepository(PatientRows):
    """The audit trail: actor, action, patient, referral, time; never content."""

    model = AuditEvent

    def record(
        self,
        actor: str,
        action: str,
        at: datetime,
        patient_id: str | None = None,
        referral_id: int | None = None,
    ) -> AuditEvent:
        """Append an audit event.

        Args:
            actor: Who acted: ``"patient"``, ``"worker:<id>"``, ``"system"``,
                ``"staff:<id>"``, ``"staff:unknown"``...
            action: What was done, e.g. ``"consent.granted"``, ``"patient.erased"``.
            at: When.
            patient_id: Whose data, if any.
            referral_id: Which referral was seen, if any.

        Returns:
            The new event.
        """
        event = AuditEvent(
            actor=actor,
            action=action,
            at=at,
            patient_id=patient_id,
            referral_id=referral_id,
        )
        self.session.add(event)
        return event

    def pseudonymise_patient(self, patient_id: str, pseudonym: str) -> int:
        """Detach a patient's events from them before they are erased.

        The patient key and the referral id (both lead back to the patient) give way
        to ``pseudonym``; actor, action and time stay.

        Returns:
            How many events were rewritten.
        """
        statement = (
            update(AuditEvent)
            .where(AuditEvent.patient_id == patient_id)
            .values(patient_id=None, referral_id=None, patient_pseudonym=pseudonym)
            .execution_options(synchronize_session="fetch")
        )
        return self.session.execute(statement).rowcount

    def delete_for_patient(self, patient_id: str) -> int:
        """Refused: a patient's audit trail outlives them (pseudonymised).

        Raises:
            NotImplementedError: Always; see :meth:`pseudonymise_patient`.
        """
        raise NotImplementedError("audit events are pseudonymised, never deleted")
