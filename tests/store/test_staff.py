"""The staff repository's sign-in counters: conditional updates, one winner."""

from datetime import timedelta

from sqlalchemy import select

from actions.store.models import StaffAccount
from tests.store.fixtures import NOW

WINDOW = timedelta(minutes=15)


def add_account(uow) -> int:
    with uow:
        account = uow.staff.add(
            StaffAccount(username="dupont", display_name="Dupont", password_hash="x",
                         active=True, created_at=NOW)
        )
        return account.id


def reserve(uow, now=NOW, username="dupont") -> bool:
    with uow:
        return uow.staff.reserve_attempt(username, now, now - WINDOW, 3)


def counters(uow) -> tuple:
    with uow:
        row = uow.session.execute(select(StaffAccount)).scalar_one()
        return (row.failed_sign_ins, row.failure_window_start, row.locked_until,
                row.lockouts)


def test_a_window_allows_limit_attempts_then_refuses(uow):
    add_account(uow)
    assert [reserve(uow) for _ in range(5)] == [True, True, True, False, False]
    assert counters(uow) == (3, NOW, None, 0)
    assert reserve(uow, username="nobody") is False


def test_an_old_window_starts_again_at_one(uow):
    add_account(uow)
    for _ in range(3):
        reserve(uow)
    later = NOW + WINDOW
    assert reserve(uow, later) is True
    assert counters(uow) == (1, later, None, 0)


def test_a_lockout_starts_once_and_refuses_attempts_until_it_ends(uow):
    staff_id = add_account(uow)
    for _ in range(3):
        reserve(uow)
    with uow:
        assert uow.staff.start_lockout(staff_id, NOW, 3) == 1
        uow.staff.lock_until(staff_id, NOW + timedelta(minutes=15))
    with uow:
        assert uow.staff.start_lockout(staff_id, NOW, 3) is None
    assert counters(uow) == (0, None, NOW + timedelta(minutes=15), 1)
    assert reserve(uow, NOW + timedelta(minutes=14)) is False
    assert reserve(uow, NOW + timedelta(minutes=15)) is True


def test_below_the_limit_nothing_locks(uow):
    staff_id = add_account(uow)
    reserve(uow)
    with uow:
        assert uow.staff.start_lockout(staff_id, NOW, 3) is None
    assert counters(uow) == (1, NOW, None, 0)


def test_clear_failures_keeps_or_forgets_past_lockouts(uow):
    staff_id = add_account(uow)
    for _ in range(3):
        reserve(uow)
    with uow:
        uow.staff.start_lockout(staff_id, NOW, 3)
        assert uow.staff.clear_failures(staff_id, lockouts=False) is True
    assert counters(uow) == (0, None, None, 1)
    with uow:
        assert uow.staff.clear_failures(staff_id) is True
        assert uow.staff.clear_failures(staff_id + 1) is False
    assert counters(uow) == (0, None, None, 0)
