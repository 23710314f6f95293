from datetime import timedelta

import pytest
from sqlalchemy import select

from actions.services import staff_accounts as accounts
from actions.services.passwords import PasswordPolicyError
from actions.store.models import StaffAccount, StaffSession
from tests.store.fixtures import NOW

PASSWORD = "un mot de passe long"


@pytest.fixture
def staff_id(uow) -> int:
    return accounts.add_account(uow, " Dupont ", "Infirmière Dupont", PASSWORD, NOW)


def test_add_stores_a_hash_never_the_password(uow, staff_id):
    with uow:
        row = uow.session.execute(select(StaffAccount)).scalar_one()
    assert (row.id, row.username, row.display_name, row.active) == (
        staff_id, "dupont", "Infirmière Dupont", True,
    )
    assert PASSWORD not in row.password_hash and row.password_hash.startswith("scrypt$")


@pytest.mark.parametrize(
    "username, name, password, error",
    [
        ("dupont", "Autre", PASSWORD, accounts.StaffAccountError),  # taken
        ("DUPONT", "Autre", PASSWORD, accounts.StaffAccountError),  # same, other case
        ("a", "Nom", PASSWORD, accounts.StaffAccountError),
        ("avec espace", "Nom", PASSWORD, accounts.StaffAccountError),
        ("martin", "  ", PASSWORD, accounts.StaffAccountError),
        ("martin", "Nom", "court", PasswordPolicyError),
    ],
)
def test_add_refuses(uow, staff_id, username, name, password, error):
    with pytest.raises(error):
        accounts.add_account(uow, username, name, password, NOW)
    assert [a.username for a in accounts.list_accounts(uow)] == ["dupont"]


def test_authenticate(uow, staff_id):
    staff = accounts.authenticate(uow, "Dupont ", PASSWORD)
    assert (staff.id, staff.display_name) == (staff_id, "Infirmière Dupont")
    assert accounts.authenticate(uow, "dupont", PASSWORD + "x") is None
    assert accounts.authenticate(uow, "nobody", PASSWORD) is None
    assert accounts.authenticate(uow, "dupont", "") is None


def test_a_session_lives_eight_hours_and_only_its_hash_is_stored(uow, staff_id):
    token = accounts.start_session(uow, staff_id, NOW)
    assert len(token) >= 43  # 32 random bytes
    with uow:
        row = uow.session.execute(select(StaffSession)).scalar_one()
    assert row.token_hash == accounts.token_hash(token) != token
    assert row.expires_at == NOW + timedelta(hours=8)
    just_before = NOW + timedelta(hours=7, minutes=59)
    assert accounts.session_staff(uow, token, just_before).id == staff_id
    assert accounts.session_staff(uow, token, NOW + timedelta(hours=8)) is None
    assert accounts.session_staff(uow, token + "x", NOW) is None
    assert accounts.session_staff(uow, "", NOW) is None
    assert accounts.session_staff(uow, "x" * 1000, NOW) is None


def test_sign_out_ends_the_session_and_expired_ones_are_purged(uow, staff_id):
    old = accounts.start_session(uow, staff_id, NOW - timedelta(hours=9))
    token = accounts.start_session(uow, staff_id, NOW)
    with uow:
        hashes = uow.session.execute(select(StaffSession.token_hash)).scalars().all()
    assert hashes == [accounts.token_hash(token)]  # the expired one was dropped
    assert accounts.end_session(uow, old) is False
    assert accounts.end_session(uow, token) is True
    assert accounts.session_staff(uow, token, NOW) is None


def test_disable_refuses_sign_in_and_ends_sessions(uow, staff_id):
    token = accounts.start_session(uow, staff_id, NOW)
    assert accounts.disable_account(uow, "DUPONT", NOW) is True
    assert accounts.session_staff(uow, token, NOW) is None
    assert accounts.authenticate(uow, "dupont", PASSWORD) is None
    assert [a.active for a in accounts.list_accounts(uow)] == [False]
    assert accounts.disable_account(uow, "nobody", NOW) is False
