"""Mood check-ins: what the patient said of their mood, and when to ask every day.

A mood entry is health data: it is written only for a patient whose consent is in
force, and erased with them. A mood plan is the patient's choice of a daily check-in
time; the worker plans one ``mood_checkin`` notification a day from it.
"""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, Column, ForeignKey, Integer, String
from sqlalchemy.orm import relationship

from actions.store.base import Base, one_of
from actions.store.types import EncryptedText, UTCDateTime, utcnow

MOOD_SOURCES = ("checkin", "daily", "exercise")
LOWEST_MOOD = 1
HIGHEST_MOOD = 5
# Longest note kept with a mood (the patient's words, cut beyond this).
MOOD_NOTE_LENGTH = 500


class MoodEntry(Base):
    """One answer to "comment vous sentez-vous ?", from 1 (très mal) to 5 (très bien)."""

    __tablename__ = "mood_entries"
    __table_args__ = (
        CheckConstraint(
            f"score BETWEEN {LOWEST_MOOD} AND {HIGHEST_MOOD}", name="score_range"
        ),
        one_of("source", MOOD_SOURCES, "source"),
    )

    id = Column(Integer, primary_key=True)
    patient_id = Column(
        ForeignKey("patients.id", ondelete="CASCADE"), nullable=False, index=True
    )
    score = Column(Integer, nullable=False)
    note = Column(EncryptedText, nullable=True)
    source = Column(String(16), nullable=False)
    recorded_at = Column(UTCDateTime, nullable=False, default=utcnow)


class MoodPlan(Base):
    """A daily mood check-in at a local time of day (one plan per patient)."""

    __tablename__ = "mood_plans"

    id = Column(Integer, primary_key=True)
    patient_id = Column(
        ForeignKey("patients.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    time_local = Column(String(5), nullable=False)  # "HH:MM"
    active = Column(Boolean, nullable=False, default=True)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    # Last change: no check-in before it is planned late.
    updated_at = Column(UTCDateTime, nullable=False, default=utcnow)

    patient = relationship("Patient", lazy="joined")
