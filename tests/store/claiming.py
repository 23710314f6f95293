"""A worker loop for the concurrency tests, run in threads or spawned processes."""

from __future__ import annotations

import os
import signal
import time
from typing import Any

from sqlalchemy import func, select

from actions.store.db import make_engine, make_session_factory
from actions.store.models import Notification
from actions.store.notifications import NotificationRepository
from actions.store.unit_of_work import UnitOfWork
from tests.store.fixtures import NOW


def claim_until_empty(
    url: str, worker_id: str, batch: int, hold_seconds: float, barrier: Any = None
) -> list[int]:
    """Claim due notifications in batches until none is pending; return their ids.

    Each batch is held ``hold_seconds`` before commit, so workers overlap, then
    ``hold_seconds`` more outside the transaction, like a delivery.
    """
    engine = make_engine(url)
    uow = UnitOfWork(make_session_factory(engine))
    claimed: list[int] = []
    if barrier is not None:
        barrier.wait()
    try:
        while True:
            with uow:
                rows = uow.notifications.claim_due(NOW, worker_id, batch)
                claimed.extend(row.id for row in rows)
                assert all(row.claimed_by == worker_id for row in rows)
                time.sleep(hold_seconds)  # still in the transaction
            time.sleep(hold_seconds)  # "delivering", as a real worker would
            if not rows and _pending(uow) == 0:
                return claimed
    finally:
        engine.dispose()


def _pending(uow: UnitOfWork) -> int:
    with uow:
        statement = select(func.count()).where(Notification.status == "pending")
        return uow.session.execute(statement).scalar_one()


def claim_then_die(url: str, worker_id: str, commit: bool) -> None:
    """Claim every due row, commit or not, then die like ``kill -9``."""
    engine = make_engine(url)
    session = make_session_factory(engine)()
    NotificationRepository(session).claim_due(NOW, worker_id, 1000)
    if commit:
        session.commit()
    os.kill(os.getpid(), signal.SIGKILL)
