"""Practices and bookings shared by the appointment tests (and the slot benchmark)."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

from actions.services.practice import (
    Absence,
    AppointmentType,
    Period,
    Place,
    Practice,
    Practitioner,
    load_practice,
)
from actions.services.practice_store import sync_practice
from actions.store.unit_of_work import UnitOfWork

# Monday 30 November 2026, 08:00 in Paris.
MONDAY = datetime(2026, 11, 30, 7, 0, tzinfo=timezone.utc)
PLACE = Place("main", "Cabinet", "1 rue de test", "01 00 00 00 00")
MORNING_AND_AFTERNOON = (
    Period(time(8, 30), time(12, 0)),
    Period(time(14, 0), time(18, 0)),
)
WEEKDAYS_OPEN = (MORNING_AND_AFTERNOON,) * 5 + ((), ())


def practitioner(key: str = "dr-a", **fields) -> Practitioner:
    """A general practitioner open Monday to Friday, 8:30-12:00 and 14:00-18:00."""
    values = {
        "key": key,
        "name": f"Dr {key.title()}",
        "profession": "medecin_generaliste",
        "place": "main",
        "teleconsultation": True,
        "hours": WEEKDAYS_OPEN,
        **fields,
    }
    return Practitioner(**values)


def small_practice(*people: Practitioner, closures: tuple[Absence, ...] = (), step=15):
    """A practice with the given practitioners (one doctor by default)."""
    people = people or (practitioner(),)
    types = {
        "consultation": AppointmentType(
            "consultation", "consultation", 20, frozenset({"medecin_generaliste"})
        ),
        "long": AppointmentType(
            "long", "longue", 45, frozenset({"medecin_generaliste"})
        ),
        "teleconsultation": AppointmentType(
            "teleconsultation",
            "téléconsultation",
            15,
            frozenset({"medecin_generaliste", "infirmier"}),
            teleconsultation=True,
        ),
        "soins": AppointmentType("soins", "soins", 15, frozenset({"infirmier"})),
    }
    return Practice(
        key="test",
        name="Cabinet de test",
        places={"main": PLACE},
        professions={
            "medecin_generaliste": "médecin généraliste",
            "infirmier": "infirmière",
        },
        practitioners={person.key: person for person in people},
        types=types,
        closures=closures,
        step_minutes=step,
    )


def load_demo(uow: UnitOfWork, now: datetime = MONDAY):
    """Load data/practice/demo.yml into the database; return the parsed practice."""
    practice = load_practice()
    sync_practice(uow, practice, now)
    return practice


def add_patient(uow: UnitOfWork, patient_id: str = "p1") -> None:
    """A patient with a consent in force."""
    with uow:
        uow.patients.get_or_create(patient_id, "socketio", f"sender-{patient_id}")
        uow.consents.grant(
            patient_id, "2026-01", datetime(2026, 1, 1, tzinfo=timezone.utc)
        )


def day(text: str) -> date:
    """``date.fromisoformat``, short."""
    return date.fromisoformat(text)
