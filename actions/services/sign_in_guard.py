"""Per-account lockout after failed console sign-ins, counted in the database.

Password guessing has to be slowed per account, and the console may run as several
processes: the count therefore lives on the account row and changes only through
conditional ``UPDATE`` statements (:class:`actions.store.staff.StaffRepository`).

The policy (:class:`LockoutPolicy`): an attempt is counted as a failure *before* its
password is checked, so that of any number of parallel attempts at most 5 per
15 minutes reach the hash. The 5th failure locks the account for 15 minutes, each
further lockout for twice as long (at most 24 hours) until a successful sign-in or
``python -m actions.staff unlock <username>``. A locked account answers exactly as a
wrong password does, after the same scrypt work (on a hash no password matches), so
the answer tells nothing. Every failed, refused or locked attempt is audited under
``staff:<id>``, or ``staff:unknown`` for a username that is not an account (what was
typed is never stored: it may be a password typed in the wrong field).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from actions.services.passwords import DUMMY_HASH
from actions.store.referral_models import StaffAccount
from actions.store.unit_of_work import UnitOfWork

UNKNOWN_ACTOR = "staff:unknown"
SIGN_IN_FAILED = "staff.sign_in_failed"  # the password was checked: wrong
SIGN_IN_REFUSED = "staff.sign_in_refused"  # not checked: locked or out of attempts
LOCKED = "staff.locked"
UNLOCKED = "staff.unlocked"


@dataclass(frozen=True)
class LockoutPolicy:
    """How many failures lock an account, and for how long.

    Attributes:
        max_failures: Password checks allowed per window.
        window: Failures older than this are forgotten.
        first_lockout: The first lockout's length; each further one doubles.
        longest_lockout: The cap of a lockout's length.
    """

    max_failures: int = 5
    window: timedelta = timedelta(minutes=15)
    first_lockout: timedelta = timedelta(minutes=15)
    longest_lockout: timedelta = timedelta(hours=24)

    def lockout_length(self, lockouts: int) -> timedelta:
        """The length of the ``lockouts``-th lockout since the last sign-in (from 1)."""
        doublings = min(max(lockouts, 1) - 1, 32)
        return min(self.first_lockout * 2**doublings, self.longest_lockout)


DEFAULT_POLICY = LockoutPolicy()


@dataclass(frozen=True)
class Attempt:
    """A sign-in attempt let through or not.

    Attributes:
        account: The account named, or ``None`` for an unknown username.
        allowed: Whether its password may be checked.
        password_hash: What to check the password against: the account's hash,
            else one no password matches (the same scrypt cost either way).
    """

    account: StaffAccount | None
    allowed: bool
    password_hash: str


def begin_attempt(
    uow: UnitOfWork, username: str, now: datetime, policy: LockoutPolicy
) -> Attempt:
    """Count an attempt against an account; audit it at once if it is refused.

    Args:
        uow: A unit of work (opened here).
        username: The normalised username typed.
        now: The current instant.
        policy: The lockout policy.

    Returns:
        Whether and against what hash the password is to be checked.
    """
    with uow:
        allowed = uow.staff.reserve_attempt(
            username, now, now - policy.window, policy.max_failures
        )
        account = uow.staff.by_username(username)
        if account is None:
            uow.audit.record(UNKNOWN_ACTOR, SIGN_IN_FAILED, now)
            return Attempt(None, False, DUMMY_HASH)
        if not allowed:
            uow.audit.record(actor(account.id), SIGN_IN_REFUSED, now)
            return Attempt(account, False, DUMMY_HASH)
        return Attempt(account, True, account.password_hash)


def fail_attempt(
    uow: UnitOfWork, staff_id: int, now: datetime, policy: LockoutPolicy
) -> datetime | None:
    """Audit a wrong password (its attempt is counted already); lock at the limit.

    Returns:
        The end of the lockout this failure started, else ``None``.
    """
    with uow:
        uow.audit.record(actor(staff_id), SIGN_IN_FAILED, now)
        lockouts = uow.staff.start_lockout(staff_id, now, policy.max_failures)
        if lockouts is None:
            return None
        until = now + policy.lockout_length(lockouts)
        uow.staff.lock_until(staff_id, until)
        uow.audit.record(actor(staff_id), LOCKED, now)
        return until


def succeed_attempt(uow: UnitOfWork, staff_id: int) -> None:
    """Forget an account's failures and lockouts after a successful sign-in."""
    with uow:
        uow.staff.clear_failures(staff_id)


def unlock(uow: UnitOfWork, username: str, now: datetime) -> bool:
    """Lift an account's lockout and forget its failures (an administrator's act).

    Returns:
        Whether the account exists.
    """
    with uow:
        account = uow.staff.by_username(username)
        if account is None:
            return False
        uow.staff.clear_failures(account.id)
        # An account's events name the account (here unlocked by an administrator).
        uow.audit.record(actor(account.id), UNLOCKED, now)
        return True


def actor(staff_id: int) -> str:
    """The audit actor of a staff account: ``staff:<id>``."""
    return f"staff:{staff_id}"
