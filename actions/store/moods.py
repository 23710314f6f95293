"""Mood entries and daily mood check-in plans (see :mod:`actions.store.wellbeing_models`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from actions.store.models import Consent, MoodEntry, MoodPlan
from actions.store.rows import PatientRows

MOOD_CHECKIN_KIND = "mood_checkin"


def mood_plan_ref(plan_id: int) -> str:
    """Return the ``subject_ref`` of the check-ins planned from a mood plan."""
    return f"mood_plan:{plan_id}"


def mood_plan_id_of(subject_ref: str) -> int | None:
    """The mood plan a check-in notification is about, or ``None``."""
    prefix, _, number = (subject_ref or "").partition(":")
    return int(number) if prefix == "mood_plan" and number.isdigit() else None


class MoodRepository(PatientRows):
    """A patient's mood entries."""

    model = MoodEntry

    def add(
        self, patient_id: str, score: int, note: str | None, source: str, at: datetime
    ) -> MoodEntry:
        """Store one mood entry (the caller checks consent)."""
        entry = MoodEntry(
            patient_id=patient_id, score=score, note=note, source=source, recorded_at=at
        )
        self.session.add(entry)
        self.session.flush()
        return entry

    def since(self, patient_id: str, since: datetime) -> list[MoodEntry]:
        """The patient's entries recorded at or after ``since``, oldest first."""
        statement = (
            select(MoodEntry)
            .where(MoodEntry.patient_id == patient_id, MoodEntry.recorded_at >= since)
            .order_by(MoodEntry.recorded_at, MoodEntry.id)
        )
        return list(self.session.execute(statement).scalars())


class MoodPlanRepository(PatientRows):
    """Daily mood check-in plans, one per patient."""

    model = MoodPlan

    def get(self, plan_id: int) -> MoodPlan | None:
        """The plan with this id, or ``None``."""
        return self.session.get(MoodPlan, plan_id)

    def of_patient(self, patient_id: str) -> MoodPlan | None:
        """The patient's plan (active or not), or ``None``."""
        statement = select(MoodPlan).where(MoodPlan.patient_id == patient_id)
        return self.session.execute(statement).scalar_one_or_none()

    def set_time(self, patient_id: str, time_local: str, now: datetime) -> MoodPlan:
        """Create or change the patient's plan and make it active."""
        plan = self.of_patient(patient_id)
        if plan is None:
            plan = MoodPlan(patient_id=patient_id, created_at=now)
            self.session.add(plan)
        plan.time_local = time_local
        plan.active = True
        plan.updated_at = now
        self.session.flush()
        return plan

    def stop(self, patient_id: str, now: datetime) -> MoodPlan | None:
        """Make the patient's plan inactive; the plan, or ``None`` if none was active."""
        plan = self.of_patient(patient_id)
        if plan is None or not plan.active:
            return None
        plan.active = False
        plan.updated_at = now
        self.session.flush()
        return plan

    def active_with_consent(self) -> list[MoodPlan]:
        """Active plans of patients whose consent is in force (patient loaded)."""
        consented = select(Consent.patient_id).where(Consent.withdrawn_at.is_(None))
        statement = (
            select(MoodPlan)
            .options(joinedload(MoodPlan.patient))
            .where(MoodPlan.active.is_(True), MoodPlan.patient_id.in_(consented))
            .order_by(MoodPlan.id)
        )
        return list(self.session.execute(statement).scalars())
