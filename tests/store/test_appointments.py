"""The double-booking guard: claim cells under a primary key, and racing bookings."""

import threading
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from actions.services import appointments
from actions.services.appointments import BookingStatus
from actions.services.practice_store import practice_from_store
from actions.services.slot_search import Slot, SlotQuery, is_bookable
from actions.store.appointments import SlotTaken, claim_cells
from actions.store.db import make_engine, make_session_factory
from actions.store.models import Appointment, AppointmentSlot
from actions.store.unit_of_work import UnitOfWork
from tests.services.appointment_fixtures import MONDAY, add_patient, load_demo

UTC = timezone.utc
NINE = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)  # Tuesday 9:00 in Paris
QUERY = SlotQuery("consultation", practitioner="dr-claire-martin")
SLOT = Slot("dr-claire-martin", NINE, NINE + timedelta(minutes=20))


def test_claim_cells_cover_the_duration_on_the_grid():
    assert claim_cells(NINE, NINE + timedelta(minutes=15)) == [
        NINE,
        NINE + timedelta(minutes=5),
        NINE + timedelta(minutes=10),
    ]
    with pytest.raises(ValueError):
        claim_cells(NINE, NINE)
    with pytest.raises(ValueError):
        claim_cells(NINE, NINE + timedelta(minutes=7))
    with pytest.raises(ValueError):
        claim_cells(NINE + timedelta(minutes=2), NINE + timedelta(minutes=22))


def insert(uow, start, minutes, practitioner="dr-claire-martin", patient="p1"):
    """Insert and claim an appointment directly, without the service's checks."""
    with uow:
        person = uow.practice.practitioner(practitioner)
        kind = uow.practice.appointment_type("consultation")
        row = uow.appointments.add(
            Appointment(
                patient_id=patient,
                practitioner_id=person.id,
                appointment_type_id=kind.id,
                starts_at=start,
                ends_at=start + timedelta(minutes=minutes),
            )
        )
        uow.appointments.claim(row)
        return row.id


def count(uow, model):
    with uow:
        return uow.session.execute(select(func.count()).select_from(model)).scalar_one()


def test_the_database_refuses_any_overlap_whatever_the_durations(uow):
    load_demo(uow)
    add_patient(uow)
    insert(uow, NINE, 45)
    for start, minutes in (
        (NINE + timedelta(minutes=40), 20),
        (NINE - timedelta(minutes=10), 15),
    ):
        with pytest.raises(SlotTaken):
            insert(uow, start, minutes)
    # The failed transactions left nothing behind.
    assert (count(uow, Appointment), count(uow, AppointmentSlot)) == (1, 9)
    insert(uow, NINE + timedelta(minutes=45), 20)  # right after: fine
    insert(uow, NINE, 20, practitioner="dr-karim-benali")  # someone else: fine
    assert count(uow, Appointment) == 3


def race(url: str, bookers: int) -> list:
    """``bookers`` threads, each with its own engine, book SLOT at the same instant."""
    barrier = threading.Barrier(bookers)
    results: list = [None] * bookers
    errors: list = []

    def book(index: int) -> None:
        engine = make_engine(url)
        uow = UnitOfWork(make_session_factory(engine))
        try:
            barrier.wait(timeout=60)
            results[index] = appointments.book(uow, f"p{index}", SLOT, QUERY, MONDAY)
        except Exception as error:  # reported below, not lost in the thread
            errors.append(error)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=book, args=(i,)) for i in range(bookers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors
    return results


def check_race(uow, results) -> None:
    booked = [r for r in results if r.status is BookingStatus.BOOKED]
    taken = [r for r in results if r.status is BookingStatus.TAKEN]
    assert (len(booked), len(taken)) == (1, len(results) - 1)
    with uow:
        rows = uow.session.execute(select(Appointment)).unique().scalars().all()
        assert [(row.id, row.starts_at) for row in rows] == [
            (booked[0].appointment.id, NINE)
        ]
        assert len(uow.appointments.cells(rows[0].id)) == 4
        practice = practice_from_store(uow)
        busy = {"dr-claire-martin": [(NINE, NINE + timedelta(minutes=20))]}
    for result in taken:
        assert result.alternatives
        assert SLOT not in result.alternatives
        assert all(
            is_bookable(practice, busy, s, "consultation", MONDAY)
            for s in result.alternatives
        )


def prepare(uow, bookers: int) -> None:
    load_demo(uow)
    for index in range(bookers):
        add_patient(uow, f"p{index}")


def test_threads_on_sqlite_book_one_slot_once(sqlite_url, uow):
    prepare(uow, 10)
    check_race(uow, race(sqlite_url, 10))


@pytest.mark.postgres
def test_twenty_sessions_on_postgres_book_one_slot_once(postgres_url, postgres_uow):
    prepare(postgres_uow, 20)
    check_race(postgres_uow, race(postgres_url, 20))


@pytest.mark.postgres
def test_erasure_on_postgres_frees_the_slot(postgres_uow):
    prepare(postgres_uow, 2)
    assert appointments.book(postgres_uow, "p0", SLOT, QUERY, MONDAY).appointment
    from actions.services.patient_data import erase_patient

    assert erase_patient(postgres_uow, "p0", MONDAY)["appointments"] == 1
    again = appointments.book(postgres_uow, "p1", SLOT, QUERY, MONDAY)
    assert again.status is BookingStatus.BOOKED
