"""Referrals: a patient asks for a human professional; the staff answer and close.

The facade the Rasa actions and the staff console call; each function takes a
:class:`~actions.store.unit_of_work.UnitOfWork` and opens it. No Rasa import.

A patient has at most one active referral (``open`` or ``in_progress``): asking again
updates it (the database's partial unique index settles a race). The first reply
assigns the referral to its author and puts it ``in_progress``. Every staff reply,
close and transcript read leaves an audit event ``staff:<id>`` (no content).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import IntegrityError

from actions.services.referral_views import (
    ReferralView,
    StaffMessageView,
    message_view,
    referral_view,
)
from actions.store.referral_models import (
    ACTIVE_REFERRAL_STATUSES,
    URGENCIES,
    Referral,
    StaffMessage,
)
from actions.store.unit_of_work import UnitOfWork

__all__ = [
    "MAX_STAFF_MESSAGE_LENGTH",
    "ReferralError",
    "ReferralView",
    "StaffMessageView",
    "active_referral",
    "add_staff_message",
    "close",
    "get",
    "list_open",
    "mark_delivered",
    "open_referral",
    "record_delivery_error",
    "record_transcript_read",
    "staff_message",
    "staff_messages",
]

# Longest reply a professional can send (a chat message, not a letter).
MAX_STAFF_MESSAGE_LENGTH = 2000


class ReferralError(ValueError):
    """A staff action refused; ``code`` says why.

    Codes: ``"empty"`` and ``"too_long"`` (the reply's text), ``"closed"`` (the
    referral is closed), ``"not_found"`` (no such referral).
    """

    def __init__(self, code: str, message: str) -> None:
        """Keep the code with the message."""
        super().__init__(message)
        self.code = code


def open_referral(
    uow: UnitOfWork,
    patient_id: str,
    reason: str,
    urgency: str,
    contact: str,
    now: datetime,
) -> int:
    """Record a patient's request for a professional, or update the active one.

    Args:
        uow: A unit of work (opened here).
        patient_id: The patient's key (the patient row must exist).
        reason: The patient's words.
        urgency: ``urgent``, ``soon`` or ``routine``.
        contact: How to be contacted ("ici, dans la conversation", a phone number).
        now: The current instant.

    Returns:
        The id of the patient's active referral (new, or updated).

    Raises:
        ValueError: If the urgency is unknown, or the reason or contact is blank.
        LookupError: If the patient is unknown.
    """
    reason, contact = (reason or "").strip(), (contact or "").strip()
    if urgency not in URGENCIES:
        raise ValueError(f"urgency must be one of {URGENCIES}, got {urgency!r}")
    if not reason or not contact:
        raise ValueError("a referral needs a reason and a contact")
    # A second try finds the referral another process created meanwhile.
    for attempt in range(2):
        try:
            with uow:
                if uow.patients.get(patient_id) is None:
                    raise LookupError("unknown patient")
                referral = uow.referrals.active_for_patient(patient_id)
                if referral is None:
                    referral = uow.referrals.add(
                        Referral(
                            patient_id=patient_id,
                            reason=reason,
                            urgency=urgency,
                            contact=contact,
                            status="open",
                            created_at=now,
                            updated_at=now,
                        )
                    )
                    uow.audit.record("patient", "referral.opened", now, patient_id)
                else:
                    referral.reason, referral.urgency = reason, urgency
                    referral.contact, referral.updated_at = contact, now
                    uow.audit.record("patient", "referral.updated", now, patient_id)
                uow.flush()
                return referral.id
        except IntegrityError:
            if attempt:
                raise
    raise AssertionError("unreachable")


def active_referral(uow: UnitOfWork, patient_id: str) -> ReferralView | None:
    """Return the patient's open or in-progress referral, or ``None``."""
    with uow:
        referral = uow.referrals.active_for_patient(patient_id)
        return None if referral is None else referral_view(referral)


def list_open(uow: UnitOfWork) -> list[ReferralView]:
    """Return the referrals not closed: urgent, soon, routine; then oldest first."""
    with uow:
        return [referral_view(referral) for referral in uow.referrals.list_active()]


def get(uow: UnitOfWork, referral_id: int) -> ReferralView | None:
    """Return a referral (closed or not), or ``None``."""
    with uow:
        referral = uow.referrals.get(referral_id)
        return None if referral is None else referral_view(referral)


def add_staff_message(
    uow: UnitOfWork, referral_id: int, staff_id: int, text: str, now: datetime
) -> int:
    """Record a professional's reply to a referral (to be delivered through Rasa).

    The first reply assigns the referral to its author and puts it ``in_progress``.

    Args:
        uow: A unit of work (opened here).
        referral_id: The referral answered.
        staff_id: The author's account.
        text: The reply (surrounding blanks are dropped).
        now: The current instant.

    Returns:
        The new staff message's id.

    Raises:
        ReferralError: ``empty``, ``too_long``, ``closed`` or ``not_found``.
    """
    text = (text or "").strip()
    if not text:
        raise ReferralError("empty", "the reply is empty")
    if len(text) > MAX_STAFF_MESSAGE_LENGTH:
        raise ReferralError(
            "too_long", f"the reply is over {MAX_STAFF_MESSAGE_LENGTH} characters"
        )
    with uow:
        referral = _active(uow, referral_id)
        if referral.assigned_to is None:
            referral.assigned_to = staff_id
        referral.status, referral.updated_at = "in_progress", now
        message = uow.staff_messages.add(
            StaffMessage(
                referral_id=referral_id, staff_id=staff_id, text=text, created_at=now
            )
        )
        uow.audit.record(_actor(staff_id), "referral.replied", now, referral.patient_id)
        return message.id


def staff_message(uow: UnitOfWork, staff_message_id: int) -> StaffMessageView | None:
    """Return a staff reply with its author's name and patient, or ``None``."""
    with uow:
        message = uow.staff_messages.get(staff_message_id)
        return None if message is None else message_view(message)


def staff_messages(uow: UnitOfWork, referral_id: int) -> list[StaffMessageView]:
    """Return the replies to a referral, oldest first."""
    with uow:
        return [message_view(m) for m in uow.staff_messages.for_referral(referral_id)]


def mark_delivered(uow: UnitOfWork, staff_message_id: int, now: datetime) -> bool:
    """Record that Rasa accepted a reply. Returns whether the reply exists."""
    with uow:
        return uow.staff_messages.mark_delivered(staff_message_id, now)


def record_delivery_error(uow: UnitOfWork, staff_message_id: int, error: str) -> bool:
    """Record why a reply could not be delivered. Returns whether it exists."""
    with uow:
        return uow.staff_messages.record_error(staff_message_id, error)


def close(uow: UnitOfWork, referral_id: int, staff_id: int, now: datetime) -> bool:
    """Close a referral: the hand-off ends and Hygie resumes.

    Returns:
        Whether this call closed it (``False``: it was closed already).

    Raises:
        ReferralError: ``not_found``.
    """
    with uow:
        referral = uow.referrals.get(referral_id)
        if referral is None:
            raise ReferralError("not_found", f"no referral {referral_id}")
        closed = uow.referrals.close(referral_id, staff_id, now)
        if closed:
            uow.audit.record(
                _actor(staff_id), "referral.closed", now, referral.patient_id
            )
        return closed


def record_transcript_read(
    uow: UnitOfWork, referral_id: int, staff_id: int, now: datetime
) -> None:
    """Audit that a staff member read the conversation of a referral's patient.

    Raises:
        ReferralError: ``not_found``.
    """
    with uow:
        referral = uow.referrals.get(referral_id)
        if referral is None:
            raise ReferralError("not_found", f"no referral {referral_id}")
        uow.audit.record(_actor(staff_id), "transcript.read", now, referral.patient_id)


def _active(uow: UnitOfWork, referral_id: int) -> Referral:
    referral = uow.referrals.get(referral_id)
    if referral is None:
        raise ReferralError("not_found", f"no referral {referral_id}")
    if referral.status not in ACTIVE_REFERRAL_STATUSES:
        raise ReferralError("closed", f"referral {referral_id} is closed")
    return referral


def _actor(staff_id: int) -> str:
    return f"staff:{staff_id}"
