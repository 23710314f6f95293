import pytest
from alembic import command
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from actions.store.db import make_engine
from actions.store.migrate import alembic_config, upgrade
from actions.store.models import Referral, StaffAccount
from tests.store.fixtures import NOW, add_patient

TABLES = {"referrals", "staff_accounts", "staff_sessions", "staff_messages"}


def referral(patient_id="p1", status="open", urgency="soon") -> Referral:
    return Referral(patient_id=patient_id, reason="x", urgency=urgency, contact="ici",
                    status=status, created_at=NOW, updated_at=NOW)


def test_migration_0003_adds_and_removes_the_referral_tables(sqlite_url):
    upgrade(sqlite_url)
    engine = make_engine(sqlite_url)
    assert TABLES <= set(inspect(engine).get_table_names())
    command.downgrade(alembic_config(sqlite_url), "0002")
    assert not TABLES & set(inspect(engine).get_table_names())
    engine.dispose()


def one_active_referral_per_patient(uow):
    add_patient(uow, "p1")
    with uow:
        uow.referrals.add(referral(status="closed"))
        uow.referrals.add(referral(status="closed"))  # closed ones do not count
        uow.referrals.add(referral())
    with pytest.raises(IntegrityError):
        with uow:
            uow.referrals.add(referral(status="in_progress"))
    with pytest.raises(IntegrityError):
        with uow:
            uow.referrals.add(referral(urgency="whenever"))
    with pytest.raises(IntegrityError):
        with uow:
            uow.staff.add(StaffAccount(username="a", display_name="A", password_hash="h"))
            uow.staff.add(StaffAccount(username="a", display_name="B", password_hash="h"))


def test_one_active_referral_per_patient_on_sqlite(uow):
    one_active_referral_per_patient(uow)


@pytest.mark.postgres
def test_one_active_referral_per_patient_on_postgres(postgres_uow):
    one_active_referral_per_patient(postgres_uow)


def test_a_patient_row_deletion_cascades_to_referrals_and_replies(uow):
    add_patient(uow, "p1")
    with uow:
        staff = uow.staff.add(StaffAccount(username="a", display_name="A", password_hash="h"))
        uow.referrals.add(referral())
    from actions.services.referrals import add_staff_message

    add_staff_message(uow, 1, staff.id, "Bonjour", NOW)
    with uow:
        uow.patients.delete("p1")
    with uow:
        assert uow.staff_messages.list_for_patient("p1") == []
        assert uow.referrals.get(1) is None
