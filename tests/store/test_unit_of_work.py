import pytest

from actions.store.models import Patient
from actions.store.unit_of_work import UnitOfWork


def test_commits_on_success_and_objects_stay_readable(uow):
    with uow:
        patient = uow.patients.add(
            Patient(id="p1", channel="rest", conversation_id="c1")
        )
    assert patient.conversation_id == "c1"  # after commit and close
    with uow:
        assert uow.patients.get("p1") is not None


def test_rolls_back_on_error(uow):
    with pytest.raises(RuntimeError):
        with uow:
            uow.patients.add(Patient(id="p1", channel="rest", conversation_id="c1"))
            uow.flush()
            raise RuntimeError("boom")
    with uow:
        assert uow.patients.get("p1") is None


def test_closes_its_session(session_factory):
    uow = UnitOfWork(session_factory)
    with uow:
        session = uow.session
        uow.patients.get("p1")
        assert session.in_transaction()
    assert not session.in_transaction()


def test_cannot_be_nested_in_itself(uow):
    with uow:
        with pytest.raises(RuntimeError):
            with uow:
                pass


def test_each_with_block_opens_a_new_session(uow):
    with uow:
        first = uow.session
    with uow:
        assert uow.session is not first
