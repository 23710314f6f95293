"""Repositories of referrals and of the staff's replies to them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import case, delete, select, update

from actions.store.referral_models import (
    ACTIVE_REFERRAL_STATUSES,
    DELIVERY_ERROR_LENGTH,
    URGENCIES,
    Referral,
    StaffMessage,
)
from actions.store.rows import PatientRows

# urgent first, then soon, then routine.
_URGENCY_RANK = case(
    {urgency: rank for rank, urgency in enumerate(URGENCIES)},
    value=Referral.urgency,
    else_=len(URGENCIES),
)


class ReferralRepository(PatientRows):
    """Referrals; a patient has at most one active (``open`` or ``in_progress``)."""

    model = Referral

    def add(self, referral: Referral) -> Referral:
        """Add a referral and flush it (an id; the one-active-referral check)."""
        self.session.add(referral)
        self.session.flush()
        return referral

    def get(self, referral_id: int) -> Referral | None:
        """Return the referral with this id, or ``None``."""
        return self.session.get(Referral, referral_id)

    def active_for_patient(self, patient_id: str) -> Referral | None:
        """Return the patient's open or in-progress referral, or ``None``."""
        statement = select(Referral).where(
            Referral.patient_id == patient_id,
            Referral.status.in_(ACTIVE_REFERRAL_STATUSES),
        )
        return self.session.execute(statement).scalars().first()

    def list_active(self) -> list[Referral]:
        """Return the active referrals, most urgent first, then oldest first."""
        statement = (
            select(Referral)
            .where(Referral.status.in_(ACTIVE_REFERRAL_STATUSES))
            .order_by(_URGENCY_RANK, Referral.created_at, Referral.id)
        )
        return list(self.session.execute(statement).unique().scalars())

    def close(self, referral_id: int, staff_id: int, now: datetime) -> bool:
        """Close an active referral (a conditional update: closing twice does nothing).

        Returns:
            Whether this call closed it.
        """
        statement = (
            update(Referral)
            .where(
                Referral.id == referral_id,
                Referral.status.in_(ACTIVE_REFERRAL_STATUSES),
            )
            .values(status="closed", closed_at=now, closed_by=staff_id, updated_at=now)
            .execution_options(synchronize_session="fetch")
        )
        return self.session.execute(statement).rowcount == 1


class StaffMessageRepository:
    """Staff replies; they belong to a patient through their referral."""

    def __init__(self, session: Any) -> None:
        """Work in ``session`` (never committed here)."""
        self.session = session

    def add(self, message: StaffMessage) -> StaffMessage:
        """Add a reply and flush it so that it has an id."""
        self.session.add(message)
        self.session.flush()
        return message

    def get(self, staff_message_id: int) -> StaffMessage | None:
        """Return the reply with this id (with its referral and author), or ``None``."""
        return self.session.get(StaffMessage, staff_message_id)

    def for_referral(self, referral_id: int) -> list[StaffMessage]:
        """Return the replies to a referral, oldest first."""
        statement = (
            select(StaffMessage)
            .where(StaffMessage.referral_id == referral_id)
            .order_by(StaffMessage.id)
        )
        return list(self.session.execute(statement).unique().scalars())

    def mark_delivered(self, staff_message_id: int, now: datetime) -> bool:
        """Record that Rasa accepted the reply (and forget an earlier error).

        Returns:
            Whether the reply exists.
        """
        return self._set(staff_message_id, delivered_at=now, delivery_error=None)

    def record_error(self, staff_message_id: int, error: str) -> bool:
        """Record why the reply could not be delivered (a code, never content).

        Returns:
            Whether the reply exists.
        """
        return self._set(
            staff_message_id, delivery_error=error[:DELIVERY_ERROR_LENGTH]
        )

    def list_for_patient(self, patient_id: str) -> list[StaffMessage]:
        """Return every reply to the patient's referrals, oldest first."""
        statement = (
            select(StaffMessage)
            .where(StaffMessage.referral_id.in_(self._referrals_of(patient_id)))
            .order_by(StaffMessage.id)
        )
        return list(self.session.execute(statement).unique().scalars())

    def delete_for_patient(self, patient_id: str) -> int:
        """Delete every reply to the patient's referrals.

        Returns:
            How many rows were deleted.
        """
        statement = delete(StaffMessage).where(
            StaffMessage.referral_id.in_(self._referrals_of(patient_id))
        )
        return self.session.execute(
            statement.execution_options(synchronize_session="fetch")
        ).rowcount

    def _set(self, staff_message_id: int, **values: Any) -> bool:
        statement = (
            update(StaffMessage)
            .where(StaffMessage.id == staff_message_id)
            .values(**values)
            .execution_options(synchronize_session="fetch")
        )
        return self.session.execute(statement).rowcount == 1

    @staticmethod
    def _referrals_of(patient_id: str) -> Any:
        return select(Referral.id).where(Referral.patient_id == patient_id)
