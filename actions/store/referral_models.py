"""Referrals (hand-offs to a human professional) and the staff who answer them.

A referral is a patient's request to talk to a person, in the patient's own words,
with an urgency and how to be contacted. At most one referral per patient is active
(``open`` or ``in_progress``): a partial unique index makes the database refuse a
second one, even when two requests race. Staff accounts are never deleted (their
messages and audit events name them), only disabled; a console session is a row, so
that any console replica can check it.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    text,
)
from sqlalchemy.orm import relationship

from actions.store.base import Base, one_of
from actions.store.types import EncryptedText, UTCDateTime, utcnow

URGENCIES = ("urgent", "soon", "routine")
REFERRAL_STATUSES = ("open", "in_progress", "closed")
ACTIVE_REFERRAL_STATUSES = ("open", "in_progress")

# Longest delivery error kept on a staff message (a status or a class name, no content).
DELIVERY_ERROR_LENGTH = 200

_ACTIVE = text("status IN ('open', 'in_progress')")


class StaffAccount(Base):
    """A professional who may use the staff console.

    ``password_hash`` holds the scrypt parameters with the salt and the hash (see
    :mod:`actions.services.passwords`).
    """

    __tablename__ = "staff_accounts"

    id = Column(Integer, primary_key=True)
    username = Column(String(64), nullable=False, unique=True)
    display_name = Column(String(200), nullable=False)
    password_hash = Column(String(255), nullable=False)
    active = Column(Boolean, nullable=False, default=True)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    # Sign-in throttling (actions/services/sign_in_guard.py), counted here so that
    # every console process shares it: attempts in the current window (reserved
    # before the password is checked), when that window opened, the end of a
    # lockout, and how many lockouts since the last successful sign-in.
    failed_sign_ins = Column(Integer, nullable=False, default=0, server_default="0")
    failure_window_start = Column(UTCDateTime, nullable=True)
    locked_until = Column(UTCDateTime, nullable=True)
    lockouts = Column(Integer, nullable=False, default=0, server_default="0")


class StaffSession(Base):
    """A signed-in console session; only the SHA-256 of its cookie token is kept."""

    __tablename__ = "staff_sessions"

    token_hash = Column(String(64), primary_key=True)
    staff_id = Column(
        ForeignKey("staff_accounts.id", ondelete="CASCADE"), nullable=False, index=True
    )
    created_at = Column(UTCDateTime, nullable=False)
    expires_at = Column(UTCDateTime, nullable=False, index=True)

    staff = relationship(StaffAccount, lazy="joined")


class Referral(Base):
    """A patient's request to be put in touch with a human professional."""

    __tablename__ = "referrals"
    __table_args__ = (
        one_of("urgency", URGENCIES, "urgency"),
        one_of("status", REFERRAL_STATUSES, "status"),
        # One active referral per patient: a second request updates the first.
        Index(
            "uq_referrals_active_patient",
            "patient_id",
            unique=True,
            sqlite_where=_ACTIVE,
            postgresql_where=_ACTIVE,
        ),
        Index("ix_referrals_status_created_at", "status", "created_at"),
    )

    id = Column(Integer, primary_key=True)
    patient_id = Column(
        ForeignKey("patients.id", ondelete="CASCADE"), nullable=False, index=True
    )
    reason = Column(EncryptedText, nullable=False)
    urgency = Column(String(16), nullable=False)
    contact = Column(EncryptedText, nullable=False)
    status = Column(String(16), nullable=False, default="open")
    created_at = Column(UTCDateTime, nullable=False)
    updated_at = Column(UTCDateTime, nullable=False)
    assigned_to = Column(ForeignKey("staff_accounts.id"), nullable=True)
    closed_at = Column(UTCDateTime, nullable=True)
    closed_by = Column(ForeignKey("staff_accounts.id"), nullable=True)

    patient = relationship("Patient", lazy="joined")
    assignee = relationship(StaffAccount, lazy="joined", foreign_keys=[assigned_to])


class StaffMessage(Base):
    """A staff member's reply to a referral, delivered through Rasa.

    ``delivered_at`` is set once Rasa accepted the trigger; ``delivery_error`` says why
    the last attempt failed (``http_502``, ``ClientConnectorError``), never content.
    """

    __tablename__ = "staff_messages"

    id = Column(Integer, primary_key=True)
    referral_id = Column(
        ForeignKey("referrals.id", ondelete="CASCADE"), nullable=False, index=True
    )
    staff_id = Column(ForeignKey("staff_accounts.id"), nullable=False)
    text = Column(EncryptedText, nullable=False)
    created_at = Column(UTCDateTime, nullable=False)
    delivered_at = Column(UTCDateTime, nullable=True)
    delivery_error = Column(String(DELIVERY_ERROR_LENGTH), nullable=True)

    referral = relationship(Referral, lazy="joined")
    staff = relationship(StaffAccount, lazy="joined")
