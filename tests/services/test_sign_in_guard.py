from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import select

from actions.services import staff_accounts as accounts
from actions.services.passwords import DUMMY_HASH
from actions.services.sign_in_guard import LockoutPolicy, unlock
from actions.store.models import AuditEvent, StaffAccount
from actions.store.unit_of_work import UnitOfWork
from tests.store.fixtures import NOW

PASSWORD = "un mot de passe long"
WRONG = "pas le bon mot de passe"


@pytest.fixture
def staff_id(uow) -> int:
    return accounts.add_account(uow, "dupont", "Infirmière Dupont", PASSWORD, NOW)


@pytest.fixture
def checks(monkeypatch) -> list[str]:
    """The hashes passwords were checked against (``"real"`` or ``"dummy"``)."""
    seen = []
    verify = accounts.verify_password

    def counting(password, stored):
        seen.append("dummy" if stored == DUMMY_HASH else "real")
        return verify(password, stored)

    monkeypatch.setattr(accounts, "verify_password", counting)
    return seen


def audit(uow) -> list[tuple[str, str]]:
    with uow:
        rows = uow.session.execute(
            select(AuditEvent.actor, AuditEvent.action)
            .where(
                AuditEvent.action.like("staff.sign_in%")
                | AuditEvent.action.like("staff.%lock%")
            )
            .order_by(AuditEvent.id)
        ).all()
    return [tuple(row) for row in rows]


def account(uow) -> StaffAccount:
    with uow:
        return uow.session.execute(select(StaffAccount)).scalar_one()


def test_five_failures_lock_the_account_and_the_right_password_is_refused(
    uow, staff_id, checks
):
    for minute in range(5):
        assert accounts.authenticate(uow, "dupont", WRONG, NOW + timedelta(minutes=minute)) is None
    later = NOW + timedelta(minutes=5)
    assert accounts.authenticate(uow, "dupont", PASSWORD, later) is None
    me = f"staff:{staff_id}"
    assert audit(uow) == [(me, "staff.sign_in_failed")] * 5 + [
        (me, "staff.locked"),
        (me, "staff.sign_in_refused"),
    ]
    # The refused attempt cost a scrypt too, but on a hash no password matches.
    assert checks == ["real"] * 5 + ["dummy"]
    assert account(uow).locked_until == NOW + timedelta(minutes=4 + 15)


def test_the_lock_ends_after_15_minutes_and_a_success_clears_everything(uow, staff_id):
    for _ in range(5):
        accounts.authenticate(uow, "dupont", WRONG, NOW)
    assert accounts.authenticate(uow, "dupont", PASSWORD, NOW + timedelta(minutes=14)) is None
    signed_in = accounts.authenticate(uow, "dupont", PASSWORD, NOW + timedelta(minutes=15))
    assert signed_in is not None and signed_in.id == staff_id
    row = account(uow)
    assert (row.failed_sign_ins, row.failure_window_start, row.locked_until, row.lockouts) == (
        0, None, None, 0,
    )


def test_each_further_lockout_lasts_twice_as_long_up_to_a_day(uow, staff_id):
    now = NOW
    lengths = []
    for _ in range(9):
        for _ in range(5):
            accounts.authenticate(uow, "dupont", WRONG, now)
        lengths.append(account(uow).locked_until - now)
        now = account(uow).locked_until
    minutes = [int(length.total_seconds() // 60) for length in lengths]
    assert minutes == [15, 30, 60, 120, 240, 480, 960, 1440, 1440]


def test_failures_older_than_the_window_are_forgotten(uow, staff_id):
    for _ in range(4):
        accounts.authenticate(uow, "dupont", WRONG, NOW)
    later = NOW + timedelta(minutes=15)
    accounts.authenticate(uow, "dupont", WRONG, later)
    row = account(uow)
    assert (row.failed_sign_ins, row.failure_window_start, row.locked_until) == (1, later, None)
    assert accounts.authenticate(uow, "dupont", PASSWORD, later) is not None


def test_an_unknown_username_is_audited_without_what_was_typed(uow, staff_id, checks):
    typed = "MonMotDePasseTapéIci"
    assert accounts.authenticate(uow, typed, PASSWORD, NOW) is None
    assert audit(uow) == [("staff:unknown", "staff.sign_in_failed")]
    assert checks == ["dummy"]
    with uow:
        rows = uow.session.execute(select(AuditEvent.actor, AuditEvent.action)).all()
    assert not [row for row in rows if typed.lower() in " ".join(row).lower()]


def test_a_disabled_account_counts_as_a_failure(uow, staff_id):
    accounts.disable_account(uow, "dupont", NOW)
    assert accounts.authenticate(uow, "dupont", PASSWORD, NOW) is None
    assert audit(uow) == [(f"staff:{staff_id}", "staff.sign_in_failed")]


def test_unlock_lifts_the_lock_and_is_audited(uow, staff_id):
    for _ in range(5):
        accounts.authenticate(uow, "dupont", WRONG, NOW)
    assert unlock(uow, "dupont", NOW) is True
    assert unlock(uow, "nobody", NOW) is False
    assert audit(uow)[-2:] == [
        (f"staff:{staff_id}", "staff.locked"),
        (f"staff:{staff_id}", "staff.unlocked"),
    ]
    assert accounts.authenticate(uow, "dupont", PASSWORD, NOW) is not None


def test_lockout_lengths_of_the_policy():
    policy = LockoutPolicy()
    assert [policy.lockout_length(n) for n in (1, 2, 3)] == [
        timedelta(minutes=15), timedelta(minutes=30), timedelta(hours=1),
    ]
    assert policy.lockout_length(100) == timedelta(hours=24)


def parallel_wrong_passwords(uow, attempts: int) -> list:
    """Sign in with a wrong password from 10 threads, each with its own unit of work."""

    def attempt(_):
        own = UnitOfWork(uow._session_factory)
        return accounts.authenticate(own, "dupont", WRONG, NOW)

    with ThreadPoolExecutor(max_workers=10) as pool:
        return list(pool.map(attempt, range(attempts)))


def assert_locked_after_exactly_five_checks(uow, staff_id, checks, attempts):
    me = f"staff:{staff_id}"
    rows = audit(uow)
    assert rows.count((me, "staff.sign_in_failed")) == 5
    assert rows.count((me, "staff.sign_in_refused")) == attempts - 5
    assert rows.count((me, "staff.locked")) == 1
    assert checks.count("real") == 5 and checks.count("dummy") == attempts - 5
    assert accounts.authenticate(uow, "dupont", PASSWORD, NOW) is None


def test_parallel_wrong_passwords_reach_the_hash_five_times_only(uow, staff_id, checks):
    assert parallel_wrong_passwords(uow, 30) == [None] * 30
    assert_locked_after_exactly_five_checks(uow, staff_id, checks, 30)


@pytest.mark.postgres
def test_parallel_wrong_passwords_on_postgres(postgres_uow, checks):
    staff_id = accounts.add_account(postgres_uow, "dupont", "Dupont", PASSWORD, NOW)
    assert parallel_wrong_passwords(postgres_uow, 30) == [None] * 30
    assert_locked_after_exactly_five_checks(postgres_uow, staff_id, checks, 30)
