"""SQLAlchemy models of the practice and its appointments.

The practice file (``data/practice/*.yml``) is loaded into the first six tables by
``python -m actions.practice load``; appointments belong to patients. Registered on
the same ``Base`` as :mod:`actions.store.models`, which re-exports them.

**No double booking, by the database.** An appointment claims its practitioner's
agenda in cells of ``CLAIM_CELL_MINUTES`` (5 min): one :class:`AppointmentSlot` row
per cell it covers, whose primary key is ``(practitioner_id, starts_at)``. Two
appointments that overlap by even one cell cannot both be committed, whatever their
durations, on PostgreSQL and SQLite alike. The cells are inserted in the appointment's
transaction and deleted when it is cancelled or moved.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
)
from sqlalchemy.orm import relationship

from actions.defaults import DEFAULT_TIME_ZONE
from actions.store.base import Base, one_of
from actions.store.types import UTCDateTime, utcnow

# Appointments claim the agenda in cells of this many minutes: every start, duration
# and slot step of the practice is a multiple of it (checked when the file is loaded).
CLAIM_CELL_MINUTES = 5

APPOINTMENT_STATUSES = ("booked", "confirmed", "cancelled", "no_show", "done")
# Statuses that hold the practitioner's time (and their claim cells).
ACTIVE_APPOINTMENT_STATUSES = ("booked", "confirmed")
REMINDER_ANSWERS = ("confirm", "move", "cancel")


class PracticeSettings(Base):
    """The practice's own settings: one row per loaded practice file."""

    __tablename__ = "practice_settings"

    key = Column(String(64), primary_key=True)
    name = Column(String(200), nullable=False)
    time_zone = Column(String(64), nullable=False, default=DEFAULT_TIME_ZONE)
    slot_step_minutes = Column(Integer, nullable=False)
    professions = Column(JSON, nullable=False)  # {"infirmier": "infirmière", …}
    updated_at = Column(UTCDateTime, nullable=False, default=utcnow)


class Place(Base):
    """Where appointments take place."""

    __tablename__ = "places"

    id = Column(Integer, primary_key=True)
    key = Column(String(64), nullable=False, unique=True)
    name = Column(String(200), nullable=False)
    address = Column(String(300), nullable=False)
    phone = Column(String(64), nullable=False)


class Practitioner(Base):
    """Someone patients book with. Never deleted once booked: deactivated."""

    __tablename__ = "practitioners"

    id = Column(Integer, primary_key=True)
    key = Column(String(64), nullable=False, unique=True)
    name = Column(String(200), nullable=False)
    profession = Column(String(64), nullable=False)
    place_id = Column(ForeignKey("places.id"), nullable=False)
    languages = Column(JSON, nullable=False)
    teleconsultation = Column(Boolean, nullable=False, default=False)
    active = Column(Boolean, nullable=False, default=True)
    position = Column(Integer, nullable=False, default=0)  # the file's order

    place = relationship(Place, lazy="joined")


class OpeningHours(Base):
    """One opening period of a practitioner on a weekday (0 Monday … 6 Sunday)."""

    __tablename__ = "opening_hours"
    __table_args__ = (CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),)

    id = Column(Integer, primary_key=True)
    practitioner_id = Column(
        ForeignKey("practitioners.id", ondelete="CASCADE"), nullable=False, index=True
    )
    weekday = Column(Integer, nullable=False)
    opens = Column(Time, nullable=False)
    closes = Column(Time, nullable=False)


class PractitionerAbsence(Base):
    """Local days without appointments: a practitioner's, or the practice's if null."""

    __tablename__ = "practitioner_absences"

    id = Column(Integer, primary_key=True)
    practitioner_id = Column(
        ForeignKey("practitioners.id", ondelete="CASCADE"), nullable=True, index=True
    )
    first_day = Column(Date, nullable=False)
    last_day = Column(Date, nullable=False)
    reason = Column(String(200), nullable=False, default="")


class AppointmentType(Base):
    """A kind of appointment; deactivated, not deleted, once booked."""

    __tablename__ = "appointment_types"

    id = Column(Integer, primary_key=True)
    key = Column(String(64), nullable=False, unique=True)
    label = Column(String(200), nullable=False)
    duration_minutes = Column(Integer, nullable=False)
    professions = Column(JSON, nullable=False)
    teleconsultation = Column(Boolean, nullable=False, default=False)
    bring = Column(Text, nullable=False, default="")
    active = Column(Boolean, nullable=False, default=True)


class Appointment(Base):
    """A patient's appointment.

    ``starts_at``/``ends_at`` are instants; ``time_zone`` is the practice's, for
    display. ``reminder_answer`` is the patient's latest answer to a reminder
    (confirm, move, cancel).
    """

    __tablename__ = "appointments"
    __table_args__ = (
        one_of("status", APPOINTMENT_STATUSES, "status"),
        one_of("reminder_answer", REMINDER_ANSWERS, "reminder_answer"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        Index(
            "ix_appointments_practitioner_id_starts_at", "practitioner_id", "starts_at"
        ),
    )

    id = Column(Integer, primary_key=True)
    patient_id = Column(
        ForeignKey("patients.id", ondelete="CASCADE"), nullable=False, index=True
    )
    practitioner_id = Column(ForeignKey("practitioners.id"), nullable=False)
    appointment_type_id = Column(ForeignKey("appointment_types.id"), nullable=False)
    starts_at = Column(UTCDateTime, nullable=False)
    ends_at = Column(UTCDateTime, nullable=False)
    time_zone = Column(String(64), nullable=False, default=DEFAULT_TIME_ZONE)
    teleconsultation = Column(Boolean, nullable=False, default=False)
    status = Column(String(16), nullable=False, default="booked")
    reminder_answer = Column(String(16), nullable=True)
    reminder_answered_at = Column(UTCDateTime, nullable=True)
    cancelled_at = Column(UTCDateTime, nullable=True)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    updated_at = Column(UTCDateTime, nullable=False, default=utcnow)

    patient = relationship("Patient", lazy="joined")
    practitioner = relationship(Practitioner, lazy="joined")
    appointment_type = relationship(AppointmentType, lazy="joined")


class AppointmentSlot(Base):
    """One claimed cell of a practitioner's agenda (see the module docstring)."""

    __tablename__ = "appointment_slots"

    practitioner_id = Column(
        ForeignKey("practitioners.id"), primary_key=True, autoincrement=False
    )
    starts_at = Column(UTCDateTime, primary_key=True)
    appointment_id = Column(
        ForeignKey("appointments.id", ondelete="CASCADE"), nullable=False, index=True
    )


# Patient (named in a relationship above) is registered by the models module.
import actions.store.models  # noqa: E402, F401
