"""The agenda as the booking sees it: the loaded practice, busy times, free slots.

Helpers of :mod:`actions.services.appointments` (which re-exports :func:`search` and
:func:`offers`), each working inside an open unit of work except the two searches.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from actions.services.appointment_reminders import reminder_values
from actions.services.appointment_views import SlotView, slot_views
from actions.services.practice import Practice
from actions.services.practice_store import practice_from_store
from actions.services.slot_search import (
    HORIZON_DAYS,
    Slot,
    SlotQuery,
    is_bookable,
    search_slots,
)
from actions.store.appointments import SlotTaken
from actions.store.models import Appointment
from actions.store.unit_of_work import UnitOfWork


class PracticeNotLoaded(LookupError):
    """No practice in the database: run ``python -m actions.practice load``."""


def search(uow: UnitOfWork, query: SlotQuery, now: datetime) -> list[Slot]:
    """Free slots for a query, from the database's practice and bookings.

    Raises:
        PracticeNotLoaded: If no practice was loaded.
        KeyError: If the query's appointment type is unknown.
    """
    with uow:
        practice = load_agenda_practice(uow)
        return search_slots(practice, busy_intervals(uow, practice, now), query, now)


def offers(uow: UnitOfWork, query: SlotQuery, now: datetime) -> list[SlotView]:
    """Like :func:`search`, with what a message needs to offer each slot."""
    with uow:
        practice = load_agenda_practice(uow)
        slots = search_slots(practice, busy_intervals(uow, practice, now), query, now)
        return slot_views(practice, slots)


def load_agenda_practice(uow: UnitOfWork) -> Practice:
    """The practice as loaded in the database.

    Raises:
        PracticeNotLoaded: If none was loaded.
    """
    practice = practice_from_store(uow)
    if practice is None:
        raise PracticeNotLoaded("no practice loaded: python -m actions.practice load")
    return practice


def busy_intervals(
    uow: UnitOfWork,
    practice: Practice,
    now: datetime,
    keys: list[str] | None = None,
    ignore: int | None = None,
) -> dict[str, list[tuple[datetime, datetime]]]:
    """Busy intervals by practitioner key over the search horizon."""
    people = {
        person.id: person.key
        for person in uow.practice.active_practitioners()
        if keys is None or person.key in keys
    }
    end = now + timedelta(days=HORIZON_DAYS + 2)
    busy = uow.appointments.busy(people, now - timedelta(days=1), end, ignore)
    return {people[person_id]: intervals for person_id, intervals in busy.items()}


def check_bookable(
    uow: UnitOfWork,
    practice: Practice,
    slot: Slot,
    type_key: str,
    now: datetime,
    moving: Appointment | None,
) -> None:
    """Raise :class:`SlotTaken` unless the slot can be booked (ignoring ``moving``)."""
    ignore = moving.id if moving is not None else None
    busy = busy_intervals(uow, practice, now, [slot.practitioner_key], ignore)
    if not is_bookable(practice, busy, slot, type_key, now):
        raise SlotTaken(slot.practitioner_key)


def plan_reminders(uow: UnitOfWork, appointment: Appointment, now: datetime) -> None:
    """Add the reminder rows of a (new or moved) appointment still to come."""
    rows = reminder_values(
        appointment.patient_id,
        appointment.id,
        appointment.starts_at,
        appointment.time_zone,
        now,
    )
    uow.notifications.add_if_absent(rows, now)
