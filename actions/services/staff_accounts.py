"""Staff accounts and their console sessions.

Accounts are made and disabled with ``python -m actions.staff``; the console signs a
professional in with :func:`authenticate` (which counts failures and locks an account,
see :mod:`actions.services.sign_in_guard`) and :func:`start_session`. A session token is
32 random bytes given to the browser once; only its SHA-256 is stored, so a copy of
the database does not let anyone in. Disabling an account ends its sessions.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError

from actions.services.passwords import check_policy, hash_password, verify_password
from actions.services.sign_in_guard import (
    DEFAULT_POLICY,
    LockoutPolicy,
    begin_attempt,
    fail_attempt,
    succeed_attempt,
)
from actions.store.referral_models import StaffAccount
from actions.store.types import utcnow
from actions.store.unit_of_work import UnitOfWork

SESSION_LIFETIME = timedelta(hours=8)
TOKEN_BYTES = 32
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,63}$")
MAX_DISPLAY_NAME_LENGTH = 200


class StaffAccountError(ValueError):
    """An account cannot be made as asked (the message is French, for the CLI)."""


@dataclass(frozen=True)
class StaffView:
    """A staff account, without its password hash.

    Attributes:
        id: The account's id (audit events name it ``staff:<id>``).
        username: The sign-in name.
        display_name: The name patients and colleagues read.
        active: Whether it may sign in.
        created_at: When it was made.
        locked_until: The end of its sign-in lockout, if one was set.
    """

    id: int
    username: str
    display_name: str
    active: bool
    created_at: datetime
    locked_until: datetime | None = None


def normalise_username(username: str) -> str:
    """The stored form of a username: stripped, lower case."""
    return (username or "").strip().lower()


def add_account(
    uow: UnitOfWork, username: str, display_name: str, password: str, now: datetime
) -> int:
    """Create an active staff account.

    Args:
        uow: A unit of work (opened here).
        username: 2–64 characters among ``a-z 0-9 . _ @ -`` (lower-cased).
        display_name: E.g. "Infirmière Dupont".
        password: At least 10 characters.
        now: The current instant.

    Returns:
        The new account's id.

    Raises:
        StaffAccountError: If the username is invalid or taken, or the name blank.
        PasswordPolicyError: If the password is too short or too long.
    """
    username, display_name = normalise_username(username), display_name.strip()
    if not USERNAME.match(username):
        raise StaffAccountError(
            "identifiant invalide : 2 à 64 caractères parmi a-z, 0-9, . _ @ -"
        )
    if not display_name or len(display_name) > MAX_DISPLAY_NAME_LENGTH:
        raise StaffAccountError("le nom affiché doit faire 1 à 200 caractères")
    check_policy(password)
    password_hash = hash_password(password)  # slow: outside the transaction
    try:
        with uow:
            account = uow.staff.add(
                StaffAccount(
                    username=username,
                    display_name=display_name,
                    password_hash=password_hash,
                    active=True,
                    created_at=now,
                )
            )
            uow.audit.record("system", "staff.created", now)
            return account.id
    except IntegrityError:
        raise StaffAccountError(f"l'identifiant {username!r} existe déjà") from None


def list_accounts(uow: UnitOfWork) -> list[StaffView]:
    """Return every account (active or not), by username."""
    with uow:
        return [_view(account) for account in uow.staff.list()]


def disable_account(uow: UnitOfWork, username: str, now: datetime) -> bool:
    """Disable an account and end its console sessions at once.

    Returns:
        Whether the account exists.
    """
    with uow:
        account = uow.staff.by_username(normalise_username(username))
        if account is None:
            return False
        uow.staff.set_active(account.id, False)
        uow.staff.delete_sessions_of(account.id)
        uow.audit.record("system", "staff.disabled", now)
        return True


def authenticate(
    uow: UnitOfWork,
    username: str,
    password: str,
    now: datetime | None = None,
    policy: LockoutPolicy = DEFAULT_POLICY,
) -> StaffView | None:
    """Check a username and password, within the account's lockout policy.

    An unknown username, a locked account and a disabled one all cost the same
    scrypt as a wrong password and answer like it: the result never tells which
    was wrong. Failures and lockouts are counted and audited in the database
    (:mod:`actions.services.sign_in_guard`); a success clears them.

    Args:
        uow: A unit of work (opened here, more than once).
        username: As typed (normalised here).
        password: As typed.
        now: The current instant (default: now).
        policy: The lockout policy.

    Returns:
        The account if the password is right, the account active and not locked,
        else ``None``.
    """
    now = utcnow() if now is None else now
    attempt = begin_attempt(uow, normalise_username(username), now, policy)
    matches = verify_password(password or "", attempt.password_hash)  # slow
    if attempt.account is None or not attempt.allowed:
        return None
    if matches and attempt.account.active:
        succeed_attempt(uow, attempt.account.id)
        return _view(attempt.account)
    fail_attempt(uow, attempt.account.id, now, policy)
    return None


def start_session(
    uow: UnitOfWork,
    staff_id: int,
    now: datetime,
    lifetime: timedelta = SESSION_LIFETIME,
) -> str:
    """Open a console session (and drop expired ones).

    Returns:
        The token for the browser's cookie; it is not stored anywhere.
    """
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with uow:
        uow.staff.delete_expired_sessions(now)
        uow.staff.add_session(token_hash(token), staff_id, now, now + lifetime)
        uow.audit.record(f"staff:{staff_id}", "staff.signed_in", now)
    return token


def session_staff(uow: UnitOfWork, token: str, now: datetime) -> StaffView | None:
    """Return the account of a valid session token, or ``None``.

    A token is valid if its hash is stored, it has not expired and its account is
    active.
    """
    if not token or len(token) > 128:
        return None
    with uow:
        row = uow.staff.session_by_hash(token_hash(token))
        if row is None or row.expires_at <= now or not row.staff.active:
            return None
        return _view(row.staff)


def end_session(uow: UnitOfWork, token: str) -> bool:
    """Sign out: forget a session. Returns whether it existed."""
    if not token:
        return False
    with uow:
        return uow.staff.delete_session(token_hash(token)) == 1


def token_hash(token: str) -> str:
    """The SHA-256 (hex) of a session token, the form it is stored in."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _view(account: StaffAccount) -> StaffView:
    return StaffView(
        id=account.id,
        username=account.username,
        display_name=account.display_name,
        active=account.active,
        created_at=account.created_at,
        locked_until=account.locked_until,
    )
