"""Repository of staff accounts, their sign-in counters and their console sessions.

The sign-in counters change only through conditional ``UPDATE`` statements, so that
concurrent attempts (threads or console processes) are counted by the database, each
against the value the previous one left.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import case, delete, literal, or_, select, update
from sqlalchemy.orm import Session

from actions.store.referral_models import StaffAccount, StaffSession
from actions.store.types import UTCDateTime


class StaffRepository:
    """Staff accounts (never deleted, only disabled) and console sessions."""

    def __init__(self, session: Session) -> None:
        """Work in ``session`` (never committed here)."""
        self.session = session

    def add(self, account: StaffAccount) -> StaffAccount:
        """Add an account and flush it (an id; the unique username check)."""
        self.session.add(account)
        self.session.flush()
        return account

    def get(self, staff_id: int) -> StaffAccount | None:
        """Return the account with this id, or ``None``."""
        return self.session.get(StaffAccount, staff_id)

    def by_username(self, username: str) -> StaffAccount | None:
        """Return the account with this username, or ``None``."""
        statement = select(StaffAccount).where(StaffAccount.username == username)
        return self.session.execute(statement).scalars().first()

    def list(self) -> list[StaffAccount]:
        """Return every account, by username."""
        statement = select(StaffAccount).order_by(StaffAccount.username)
        return list(self.session.execute(statement).scalars())

    def set_active(self, staff_id: int, active: bool) -> bool:
        """Enable or disable an account.

        Returns:
            Whether the account exists.
        """
        statement = (
            update(StaffAccount)
            .where(StaffAccount.id == staff_id)
            .values(active=active)
            .execution_options(synchronize_session="fetch")
        )
        return self.session.execute(statement).rowcount == 1

    def reserve_attempt(
        self, username: str, now: datetime, window_start: datetime, limit: int
    ) -> bool:
        """Count a sign-in attempt as a failure before its password is checked.

        One conditional ``UPDATE``: it succeeds only if the account is not locked
        and fewer than ``limit`` attempts were counted since ``window_start`` (an
        older window starts again at 1). Parallel attempts thus get at most
        ``limit`` password checks per window.

        Args:
            username: The normalised username.
            now: The current instant (opens a new window).
            window_start: Failures counted before this instant are forgotten.
            limit: Attempts allowed per window.

        Returns:
            Whether the password may be checked (``False`` too for no such account).
        """
        account = StaffAccount.__table__.c
        stale = or_(
            account.failure_window_start.is_(None),
            account.failure_window_start <= window_start,
        )
        statement = (
            update(StaffAccount)
            .where(
                account.username == username,
                or_(account.locked_until.is_(None), account.locked_until <= now),
                or_(stale, account.failed_sign_ins < limit),
            )
            .values(
                failed_sign_ins=case((stale, 1), else_=account.failed_sign_ins + 1),
                failure_window_start=case(
                    (stale, literal(now, UTCDateTime)),
                    else_=account.failure_window_start,
                ),
            )
            .execution_options(synchronize_session=False)
        )
        return self.session.execute(statement).rowcount == 1

    def start_lockout(self, staff_id: int, now: datetime, limit: int) -> int | None:
        """Lock an account whose window holds ``limit`` failures, once.

        The lockout count goes up and the window closes in the same conditional
        ``UPDATE``: of several failures finishing together, only one locks.

        Returns:
            The account's lockout count (this one included) if it was locked now,
            else ``None``; the caller then sets the end with :meth:`lock_until`.
        """
        account = StaffAccount.__table__.c
        statement = (
            update(StaffAccount)
            .where(
                account.id == staff_id,
                account.failed_sign_ins >= limit,
                or_(account.locked_until.is_(None), account.locked_until <= now),
            )
            .values(
                lockouts=account.lockouts + 1,
                failed_sign_ins=0,
                failure_window_start=None,
                locked_until=now,
            )
            .execution_options(synchronize_session=False)
        )
        if self.session.execute(statement).rowcount != 1:
            return None
        lockouts = select(account.lockouts).where(account.id == staff_id)
        return self.session.execute(lockouts).scalar_one()

    def lock_until(self, staff_id: int, until: datetime) -> None:
        """Set the end of the lockout :meth:`start_lockout` began."""
        statement = (
            update(StaffAccount)
            .where(StaffAccount.id == staff_id)
            .values(locked_until=until)
            .execution_options(synchronize_session=False)
        )
        self.session.execute(statement)

    def clear_failures(self, staff_id: int, lockouts: bool = True) -> bool:
        """Forget the failed attempts and the lockout (and, if asked, past lockouts).

        Returns:
            Whether the account exists.
        """
        values: dict[str, object] = {
            "failed_sign_ins": 0,
            "failure_window_start": None,
            "locked_until": None,
        }
        if lockouts:
            values["lockouts"] = 0
        statement = (
            update(StaffAccount)
            .where(StaffAccount.id == staff_id)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return self.session.execute(statement).rowcount == 1

    def add_session(
        self, token_hash: str, staff_id: int, now: datetime, expires_at: datetime
    ) -> StaffSession:
        """Record a console session by the hash of its token."""
        row = StaffSession(
            token_hash=token_hash,
            staff_id=staff_id,
            created_at=now,
            expires_at=expires_at,
        )
        self.session.add(row)
        return row

    def session_by_hash(self, token_hash: str) -> StaffSession | None:
        """Return the session with this token hash (with its account), or ``None``."""
        return self.session.get(StaffSession, token_hash)

    def delete_session(self, token_hash: str) -> int:
        """Delete one session (sign-out).

        Returns:
            1 if it existed, else 0.
        """
        return self._delete(StaffSession.token_hash == token_hash)

    def delete_sessions_of(self, staff_id: int) -> int:
        """Delete every session of an account (it was disabled).

        Returns:
            How many sessions were deleted.
        """
        return self._delete(StaffSession.staff_id == staff_id)

    def delete_expired_sessions(self, now: datetime) -> int:
        """Delete the sessions that expired at or before ``now``.

        Returns:
            How many sessions were deleted.
        """
        return self._delete(StaffSession.expires_at <= now)

    def _delete(self, condition: object) -> int:
        statement = delete(StaffSession).where(condition)
        return self.session.execute(
            statement.execution_options(synchronize_session="fetch")
        ).rowcount
