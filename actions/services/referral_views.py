"""What the console and the actions see of referrals and staff replies: plain values.

Views are built inside a unit of work and stay readable after it closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from actions.store.referral_models import (
    ACTIVE_REFERRAL_STATUSES,
    Referral,
    StaffMessage,
)


@dataclass(frozen=True)
class ReferralView:
    """A referral as the console and the actions see it.

    Attributes:
        id: The referral's id.
        patient_id: The patient's pseudonymous key.
        conversation_id: The Rasa sender id (to read the transcript, to deliver).
        channel: The patient's channel (``socketio``, ``facebook``, ``rest``).
        reason: The patient's words.
        urgency: ``urgent``, ``soon`` or ``routine``.
        contact: How the patient wants to be contacted.
        status: ``open``, ``in_progress`` or ``closed``.
        created_at: When it was asked (aware UTC).
        updated_at: Its last change.
        assigned_to: The staff member in charge, if any.
        assigned_name: Their display name, if any.
        closed_at: When it was closed, if it was.
    """

    id: int
    patient_id: str
    conversation_id: str
    channel: str
    reason: str
    urgency: str
    contact: str
    status: str
    created_at: datetime
    updated_at: datetime
    assigned_to: int | None = None
    assigned_name: str | None = None
    closed_at: datetime | None = None

    @property
    def active(self) -> bool:
        """Whether the referral still waits for the staff (not closed)."""
        return self.status in ACTIVE_REFERRAL_STATUSES


@dataclass(frozen=True)
class StaffMessageView:
    """A staff reply, with what it takes to speak and to deliver it.

    Attributes:
        id: The reply's id.
        referral_id: The referral it answers.
        patient_id: The patient's key (an action checks it is the conversation's).
        conversation_id: The Rasa sender id to deliver it to.
        channel: The patient's own channel, where it is delivered.
        text: What the professional wrote.
        staff_id: Its author.
        staff_name: The author's display name, as the patient will read it.
        created_at: When it was written.
        delivered_at: When Rasa accepted it, if it did.
        delivery_error: Why the last delivery failed, if it did.
    """

    id: int
    referral_id: int
    patient_id: str
    conversation_id: str
    channel: str
    text: str
    staff_id: int
    staff_name: str
    created_at: datetime
    delivered_at: datetime | None = None
    delivery_error: str | None = None


def referral_view(referral: Referral) -> ReferralView:
    """The view of a referral row (its patient and assignee loaded)."""
    return ReferralView(
        id=referral.id,
        patient_id=referral.patient_id,
        conversation_id=referral.patient.conversation_id,
        channel=referral.patient.channel,
        reason=referral.reason,
        urgency=referral.urgency,
        contact=referral.contact,
        status=referral.status,
        created_at=referral.created_at,
        updated_at=referral.updated_at,
        assigned_to=referral.assigned_to,
        assigned_name=referral.assignee.display_name if referral.assignee else None,
        closed_at=referral.closed_at,
    )


def message_view(message: StaffMessage) -> StaffMessageView:
    """The view of a staff message row (its referral and author loaded)."""
    return StaffMessageView(
        id=message.id,
        referral_id=message.referral_id,
        patient_id=message.referral.patient_id,
        conversation_id=message.referral.patient.conversation_id,
        channel=message.referral.patient.channel,
        text=message.text,
        staff_id=message.staff_id,
        staff_name=message.staff.display_name,
        created_at=message.created_at,
        delivered_at=message.delivered_at,
        delivery_error=message.delivery_error,
    )
