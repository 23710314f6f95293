"""Closing a claimed notification that is not to be sent, the same way for every kind.

A row no longer wanted (its subject gone, changed or stopped, consent withdrawn) is
closed ``cancelled``; one found too late by the grace rule
(:func:`actions.services.reminder_rules.delivery_decision`) is closed ``missed``.
Medication doses add their own step (a dose recorded missed): see
:mod:`actions.services.reminder_dispatch`.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from actions.services.reminder_rules import Delivery, delivery_decision
from actions.store.models import Notification
from actions.store.unit_of_work import UnitOfWork


def keep_or_close(
    uow: UnitOfWork,
    row: Notification,
    wanted: bool,
    now: datetime,
    worker_id: str,
    counts: Counter,
) -> bool:
    """Close a claimed row that is not to be sent; whether it is to be sent.

    Args:
        uow: The open unit of work of the claim.
        row: A claimed notification.
        wanted: Whether its subject still wants it sent.
        now: The current instant.
        worker_id: The worker holding the claim.
        counts: Incremented: ``cancelled`` or ``missed``.
    """
    if not wanted:
        uow.notifications.mark_cancelled(row.id, worker_id)
        counts["cancelled"] += 1
        return False
    if delivery_decision(row.kind, row.scheduled_at, row.due_at, now) is Delivery.TOO_LATE:
        uow.notifications.mark_missed(row.id, worker_id)
        counts["missed"] += 1
        return False
    return True
