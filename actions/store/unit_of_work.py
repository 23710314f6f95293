"""Unit of work: one short-lived session, committed once, closed always.

::

    with UnitOfWork(session_factory) as uow:
        uow.consents.grant(patient_id, "2026-01", now)
    # committed here; rolled back instead if the block raised

Repositories never commit; only leaving the ``with`` block does. Use one unit of work
per action call or per worker step, never one for the life of the process.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType

from sqlalchemy.orm import Session

from actions.store.repositories import (
    AppointmentRepository,
    AuditRepository,
    ConsentRepository,
    DoseOutcomeRepository,
    MedicationRepository,
    NotificationRepository,
    PatientRepository,
    PracticeRepository,
)
from actions.store.exercise_steps import ExerciseStepRepository
from actions.store.export_links import ExportLinkRepository
from actions.store.moods import MoodPlanRepository, MoodRepository
from actions.store.referrals import ReferralRepository, StaffMessageRepository
from actions.store.staff import StaffRepository


class UnitOfWork:
    """A transaction over the application database, with its repositories.

    Attributes:
        session: The open session (inside the ``with`` block only).
        patients: :class:`~actions.store.repositories.PatientRepository`.
        consents: :class:`~actions.store.repositories.ConsentRepository`.
        medications: :class:`~actions.store.repositories.MedicationRepository`.
        notifications: :class:`~actions.store.notifications.NotificationRepository`.
        outcomes: :class:`~actions.store.repositories.DoseOutcomeRepository`.
        audit: :class:`~actions.store.repositories.AuditRepository`.
        appointments: :class:`~actions.store.appointments.AppointmentRepository`.
        practice: :class:`~actions.store.practice_repository.PracticeRepository`.
        referrals: :class:`~actions.store.referrals.ReferralRepository`.
        staff_messages: :class:`~actions.store.referrals.StaffMessageRepository`.
        staff: :class:`~actions.store.staff.StaffRepository`.
        moods: :class:`~actions.store.moods.MoodRepository`.
        mood_plans: :class:`~actions.store.moods.MoodPlanRepository`.
        exercise_steps: :class:`~actions.store.exercise_steps.ExerciseStepRepository`.
    """

    session: Session
    patients: PatientRepository
    consents: ConsentRepository
    medications: MedicationRepository
    notifications: NotificationRepository
    outcomes: DoseOutcomeRepository
    audit: AuditRepository
    appointments: AppointmentRepository
    practice: PracticeRepository
    referrals: ReferralRepository
    staff_messages: StaffMessageRepository
    staff: StaffRepository
    moods: MoodRepository
    mood_plans: MoodPlanRepository
    exercise_steps: ExerciseStepRepository

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        """Prepare a unit of work; the session opens on ``with``.

        Args:
            session_factory: Usually :func:`actions.store.db.make_session_factory`.
        """
        self._session_factory = session_factory
        self._active = False

    def __enter__(self) -> UnitOfWork:
        """Open a session and its repositories."""
        if self._active:
            raise RuntimeError("a unit of work cannot be nested in itself")
        self._active = True
        self.session = self._session_factory()
        self.patients = PatientRepository(self.session)
        self.consents = ConsentRepository(self.session)
        self.medications = MedicationRepository(self.session)
        self.notifications = NotificationRepository(self.session)
        self.outcomes = DoseOutcomeRepository(self.session)
        self.audit = AuditRepository(self.session)
        self.appointments = AppointmentRepository(self.session)
        self.practice = PracticeRepository(self.session)
        self.referrals = ReferralRepository(self.session)
        self.staff_messages = StaffMessageRepository(self.session)
        self.staff = StaffRepository(self.session)
        self.moods = MoodRepository(self.session)
        self.mood_plans = MoodPlanRepository(self.session)
        self.exercise_steps = ExerciseStepRepository(self.session)
        self.export_links = ExportLinkRepository(self.session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Commit if the block succeeded, else roll back; close the session."""
        try:
            if exc_type is None:
                self.session.commit()
            else:
                self.session.rollback()
        finally:
            self.session.close()
            self._active = False

    def flush(self) -> None:
        """Send pending changes to the database without committing (ids, checks)."""
        self.session.flush()
