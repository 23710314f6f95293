"""Repository of staff accounts and of their console sessions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from actions.store.referral_models import StaffAccount, StaffSession


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
