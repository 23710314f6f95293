"""Notification repository: planning, atomic claiming and closing reminders.

The life of a reminder row::

    pending --claim_due--> claimed --mark_sent--> sent
       ^                      |----mark_missed--> missed
       |                      |----mark_cancelled--> cancelled (no longer wanted)
       |                      |----mark_undeliverable--> undeliverable
       +--retry_later---------+                            --mark_shown--> sent
       +--release (a worker stopping) / release_stale_claims (the worker died)
    pending --cancel_pending_for_dose--> cancelled (e.g. a follow-up once answered)
    pending --delete_pending_for_medication--> (deleted: paused, stopped, new schedule)
    pending --delete_pending_for_subject--> (deleted: a mood plan changed or stopped)
    any --reschedule (snooze)--> pending

Every transition out of ``claimed`` names the worker that holds the claim, so a worker
whose claim was released as stale and taken by another cannot close it a second time.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, false, select, update

from actions.store.db import (
    dialect_name,
    insert_ignoring_conflicts,
    insert_many_ignoring_conflicts,
)
from actions.store.models import LAST_ERROR_LENGTH, Notification
from actions.store.rows import PatientRows
from actions.store.types import UTCDateTime


def medication_ref(medication_id: int) -> str:
    """Return the ``subject_ref`` of reminders about a medication."""
    return f"medication:{medication_id}"


def short_error(error: str) -> str:
    """Squeeze an error description into ``last_error``.

    Pass an error code or exception class, never a message that may quote patient data.
    """
    one_line = " ".join(str(error).split())
    return one_line[:LAST_ERROR_LENGTH]


class NotificationRepository(PatientRows):
    """Persisted reminders (see the module docstring for their life cycle)."""

    model = Notification

    def get(self, notification_id: int) -> Notification | None:
        """Return the notification with this id, or ``None``."""
        return self.session.get(Notification, notification_id)

    def add_if_absent(self, rows: Iterable[Mapping[str, Any]], now: datetime) -> int:
        """Insert planned reminders, skipping those that already exist.

        A reminder exists when a row has the same patient, kind, ``subject_ref`` and
        ``scheduled_at`` (whatever its status), so planning twice, or from two
        processes at once, inserts each reminder once.

        Args:
            rows: Column values of new notifications; ``status`` defaults to
                ``pending`` and ``attempts`` to 0.
            now: The current instant, stored as ``created_at``.

        Returns:
            How many rows were inserted.
        """
        prepared = []
        for row in rows:
            prepared.append(
                {"status": "pending", "attempts": 0, "created_at": now, **row}
            )
        return insert_ignoring_conflicts(self.session, Notification, prepared)

    def add_many_if_absent(
        self, rows: Iterable[Mapping[str, Any]], now: datetime
    ) -> None:
        """Insert planned reminders like :meth:`add_if_absent`, in one statement.

        Faster for many rows, but it does not count what it inserted.
        """
        prepared = [
            {"status": "pending", "attempts": 0, "created_at": now, **row}
            for row in rows
        ]
        insert_many_ignoring_conflicts(self.session, Notification, prepared)

    def claim_due(
        self,
        now: datetime,
        worker_id: str,
        limit: int = 50,
        kinds: Collection[str] | None = None,
    ) -> list[Notification]:
        """Claim up to ``limit`` pending notifications due at ``now`` or before.

        The candidates are taken with one conditional update (``… WHERE id IN
        (:candidates) AND status = 'pending'``) and the rows it changed are read back
        by claimer and claim time, so two workers never claim the same notification.
        On PostgreSQL the candidates are first locked with
        ``SELECT … FOR UPDATE SKIP LOCKED``, so concurrent workers take different rows
        instead of waiting for each other. On SQLite the database write lock is taken
        first (a no-op update, waiting up to the busy timeout), so that candidates are
        read inside the write transaction: otherwise concurrent workers would read the
        same candidates and all but one would claim nothing. A claim adds one to
        ``attempts``. The caller commits (its unit of work) before delivering.

        Args:
            now: The current instant (aware).
            worker_id: A name unique to this worker process, e.g. ``"host:pid"``.
            limit: The most rows to claim.
            kinds: Claim only these kinds (``None``: every kind), so that a worker
                leaves alone the kinds it cannot deliver.

        Returns:
            The claimed notifications, oldest due first.
        """
        if limit < 1:
            return []
        candidates = (
            select(Notification.id)
            .where(Notification.status == "pending", Notification.due_at <= now)
            .order_by(Notification.due_at, Notification.id)
            .limit(limit)
        )
        if kinds is not None:
            candidates = candidates.where(Notification.kind.in_(tuple(kinds)))
        dialect = dialect_name(self.session)
        if dialect == "postgresql":
            candidates = candidates.with_for_update(skip_locked=True)
        elif dialect == "sqlite":
            self._take_sqlite_write_lock()
        ids = self.session.execute(candidates).scalars().all()
        if not ids:
            return []
        claim = (
            update(Notification)
            .where(Notification.id.in_(ids), Notification.status == "pending")
            .values(
                status="claimed",
                claimed_by=worker_id,
                claimed_at=now,
                attempts=Notification.attempts + 1,
            )
            .execution_options(synchronize_session=False)
        )
        self.session.execute(claim)
        claimed = (
            select(Notification)
            .where(
                Notification.id.in_(ids),
                Notification.status == "claimed",
                Notification.claimed_by == worker_id,
                Notification.claimed_at == now,
            )
            .order_by(Notification.due_at, Notification.id)
            .execution_options(populate_existing=True)
        )
        return list(self.session.execute(claimed).scalars())

    def release_stale_claims(self, now: datetime, older_than: timedelta) -> int:
        """Put back to ``pending`` the claims older than ``older_than``.

        A worker killed while holding claims (``kill -9``, a lost machine) leaves rows
        ``claimed``; this makes them due again, with their original ``due_at``, so the
        next claim applies the grace-window rule to them and nothing is lost.

        Returns:
            How many claims were released.
        """
        statement = (
            update(Notification)
            .where(
                Notification.status == "claimed",
                Notification.claimed_at < now - older_than,
            )
            .values(status="pending", claimed_by=None, claimed_at=None)
            .execution_options(synchronize_session=False)
        )
        return self.session.execute(statement).rowcount

    def mark_sent(self, notification_id: int, worker_id: str, now: datetime) -> bool:
        """Close a claimed notification as delivered.

        Returns:
            Whether this worker held the claim (``False``: nothing changed).
        """
        return self._close_claim(
            notification_id, worker_id, status="sent", sent_at=now, last_error=None
        )

    def mark_sent_many(
        self, sent_at_by_id: Mapping[int, datetime], worker_id: str
    ) -> set[int]:
        """Close many claimed notifications as delivered, in one statement.

        Args:
            sent_at_by_id: When each notification was delivered, by id.
            worker_id: The worker holding the claims.

        Returns:
            The ids whose claim this worker held (the others did not change).
        """
        if not sent_at_by_id:
            return set()
        table = Notification.__table__
        statement = (
            update(table)
            .where(
                table.c.id == bindparam("notification_id"),
                table.c.status == "claimed",
                table.c.claimed_by == worker_id,
            )
            .values(
                status="sent",
                sent_at=bindparam("sent_at", type_=UTCDateTime()),
                last_error=None,
            )
        )
        self.session.execute(
            statement,
            [
                {"notification_id": notification_id, "sent_at": sent_at}
                for notification_id, sent_at in sent_at_by_id.items()
            ],
        )
        held = select(Notification.id).where(
            Notification.id.in_(list(sent_at_by_id)),
            Notification.status == "sent",
            Notification.claimed_by == worker_id,
        )
        return set(self.session.execute(held).scalars())

    def mark_missed(self, notification_id: int, worker_id: str) -> bool:
        """Close a claimed notification as too late to send (grace window passed).

        Returns:
            Whether this worker held the claim.
        """
        return self._close_claim(notification_id, worker_id, status="missed")

    def mark_cancelled(self, notification_id: int, worker_id: str) -> bool:
        """Close a claimed notification that is no longer wanted, without sending it.

        E.g. the dose was answered meanwhile, the medication was paused, or the consent
        withdrawn.

        Returns:
            Whether this worker held the claim.
        """
        return self._close_claim(notification_id, worker_id, status="cancelled")

    def release(self, notification_id: int, worker_id: str) -> bool:
        """Give a claimed notification back as pending, due as before.

        For a worker stopping before it knows whether a delivery went through: the
        claim still counts in ``attempts``, so the next worker checks before sending.

        Returns:
            Whether this worker held the claim.
        """
        return self._close_claim(
            notification_id,
            worker_id,
            status="pending",
            claimed_by=None,
            claimed_at=None,
        )

    def mark_undeliverable(
        self, notification_id: int, worker_id: str, error: str
    ) -> bool:
        """Close a claimed notification that could not be delivered.

        It is then listed by :meth:`undelivered_for_patient`, meant to be shown at
        the patient's next message (not wired into the conversation yet).

        Args:
            notification_id: The notification.
            worker_id: The worker holding the claim.
            error: A short reason without patient data (e.g. ``"http_404"``).

        Returns:
            Whether this worker held the claim.
        """
        return self._close_claim(
            notification_id,
            worker_id,
            status="undeliverable",
            last_error=short_error(error),
        )

    def retry_later(
        self, notification_id: int, worker_id: str, due_at: datetime, error: str
    ) -> bool:
        """Give a claimed notification back as pending, due again at ``due_at``.

        Returns:
            Whether this worker held the claim.
        """
        return self._close_claim(
            notification_id,
            worker_id,
            status="pending",
            due_at=due_at,
            claimed_by=None,
            claimed_at=None,
            last_error=short_error(error),
        )

    def reschedule(self, notification_id: int, due_at: datetime) -> bool:
        """Make a notification pending again, due at ``due_at`` (a snooze).

        ``scheduled_at`` is kept, so the reminder still names the original dose time.
        A cancelled notification stays cancelled.

        Returns:
            Whether the notification was rescheduled.
        """
        statement = (
            update(Notification)
            .where(
                Notification.id == notification_id,
                Notification.status != "cancelled",
            )
            .values(status="pending", due_at=due_at, claimed_by=None, claimed_at=None)
            .execution_options(synchronize_session="fetch")
        )
        return self.session.execute(statement).rowcount == 1

    def delete_pending_for_medication(
        self, medication_id: int, from_time: datetime
    ) -> int:
        """Delete a medication's pending reminders scheduled at or after ``from_time``.

        Use it when a medication is paused, stopped or its schedule changes, then plan
        again. Unsent reminders are deleted rather than cancelled so that planning can
        create the same dose times again; claimed ones are left to their worker.

        Returns:
            How many reminders were deleted.
        """
        statement = (
            delete(Notification)
            .where(
                Notification.status == "pending",
                Notification.medication_id == medication_id,
                Notification.scheduled_at >= from_time,
            )
            .execution_options(synchronize_session="fetch")
        )
        return self.session.execute(statement).rowcount

    def delete_pending_for_subject(self, subject_ref: str) -> int:
        """Delete the pending reminders about one subject (e.g. a mood plan replanned).

        Returns:
            How many reminders were deleted.
        """
        statement = (
            delete(Notification)
            .where(
                Notification.status == "pending",
                Notification.subject_ref == subject_ref,
            )
            .execution_options(synchronize_session="fetch")
        )
        return self.session.execute(statement).rowcount

    def cancel_pending_for_dose(
        self, medication_id: int, scheduled_at: datetime
    ) -> int:
        """Cancel the pending reminders of one dose (e.g. its follow-up once answered).

        Returns:
            How many reminders were cancelled.
        """
        statement = (
            update(Notification)
            .where(
                Notification.status == "pending",
                Notification.medication_id == medication_id,
                Notification.scheduled_at == scheduled_at,
            )
            .values(status="cancelled")
            .execution_options(synchronize_session="fetch")
        )
        return self.session.execute(statement).rowcount

    def undelivered_for_patient(self, patient_id: str) -> list[Notification]:
        """Return the patient's undeliverable reminders, oldest first."""
        statement = (
            select(Notification)
            .where(
                Notification.patient_id == patient_id,
                Notification.status == "undeliverable",
            )
            .order_by(Notification.scheduled_at, Notification.id)
        )
        return list(self.session.execute(statement).scalars())

    def mark_shown(self, notification_id: int, now: datetime) -> bool:
        """Close an undeliverable notification shown at the patient's next message.

        Returns:
            Whether it was undeliverable (and is now ``sent``).
        """
        statement = (
            update(Notification)
            .where(
                Notification.id == notification_id,
                Notification.status == "undeliverable",
            )
            .values(status="sent", sent_at=now)
            .execution_options(synchronize_session="fetch")
        )
        return self.session.execute(statement).rowcount == 1

    def _take_sqlite_write_lock(self) -> None:
        # pysqlite opens the transaction before the first write; SQLite takes the
        # write lock for an UPDATE even when it matches no row.
        noop = update(Notification).where(false()).values(status=Notification.status)
        self.session.execute(noop.execution_options(synchronize_session=False))

    def _close_claim(self, notification_id: int, worker_id: str, **values: Any) -> bool:
        statement = (
            update(Notification)
            .where(
                Notification.id == notification_id,
                Notification.status == "claimed",
                Notification.claimed_by == worker_id,
            )
            .values(**values)
            .execution_options(synchronize_session="fetch")
        )
        return self.session.execute(statement).rowcount == 1
