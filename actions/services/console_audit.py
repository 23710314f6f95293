"""What staff saw in the console, audited in the same transaction as the read.

The list of open referrals shows every listed patient's words and contact, and a
referral's page shows one patient's: each is a read of patient data. So the list
leaves one ``referrals.listed`` event (even when empty) plus one ``referral.listed``
per referral shown, and opening a referral leaves ``referral.read``, then
``transcript.read`` once its conversation came from Rasa; all name the staff member
(``staff:<id>``), and the per-referral ones the referral and its patient. A patient's
export lists these events; an erasure keeps them, pseudonymised
(:func:`actions.services.patient_data.erase_patient`).
"""

from __future__ import annotations

from datetime import datetime

from actions.services.referral_views import ReferralView, referral_view
from actions.services.referrals import ReferralError
from actions.services.sign_in_guard import actor
from actions.store.unit_of_work import UnitOfWork

LISTED = "referrals.listed"
REFERRAL_LISTED = "referral.listed"
REFERRAL_READ = "referral.read"
TRANSCRIPT_READ = "transcript.read"


def list_open_audited(
    uow: UnitOfWork, staff_id: int, now: datetime
) -> list[ReferralView]:
    """Return the referrals not closed (most urgent, then oldest first), audited.

    Args:
        uow: A unit of work (opened here).
        staff_id: Who is looking.
        now: The current instant.

    Returns:
        The referrals, as :func:`actions.services.referrals.list_open` gives them.
    """
    with uow:
        views = [referral_view(referral) for referral in uow.referrals.list_active()]
        uow.audit.record(actor(staff_id), LISTED, now)
        for view in views:
            uow.audit.record(
                actor(staff_id), REFERRAL_LISTED, now, view.patient_id, view.id
            )
        return views


def get_audited(
    uow: UnitOfWork, referral_id: int, staff_id: int, now: datetime
) -> ReferralView | None:
    """Return a referral (closed or not) and audit that ``staff_id`` read it.

    Returns:
        The referral, or ``None`` (nothing audited) if there is none.
    """
    with uow:
        referral = uow.referrals.get(referral_id)
        if referral is None:
            return None
        uow.audit.record(
            actor(staff_id), REFERRAL_READ, now, referral.patient_id, referral.id
        )
        return referral_view(referral)


def record_transcript_read(
    uow: UnitOfWork, referral_id: int, staff_id: int, now: datetime
) -> None:
    """Audit that a staff member read the conversation of a referral's patient.

    Raises:
        ReferralError: ``not_found`` (the referral went, e.g. its patient erased).
    """
    with uow:
        referral = uow.referrals.get(referral_id)
        if referral is None:
            raise ReferralError("not_found", f"no referral {referral_id}")
        uow.audit.record(
            actor(staff_id), TRANSCRIPT_READ, now, referral.patient_id, referral.id
        )
