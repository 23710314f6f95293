"""Database fixtures and helpers shared by tests/store and tests/services.

Every test gets a real SQLite file in its tmp_path, brought to the latest schema by the
Alembic migrations (never ``create_all``), so the tests also check the migrations.
PostgreSQL fixtures need ``HYGIE_TEST_POSTGRES_URL``: without it they skip locally, but
fail under CI (``HYGIE_REQUIRE_POSTGRES=1``, set by ``.ci/run``) so that a missing
PostgreSQL never passes for a green run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone

import pytest
from alembic import command
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from actions.services.consent import NOTICE_VERSION
from actions.store.db import make_engine, make_session_factory
from actions.store.migrate import alembic_config, upgrade
from actions.store.models import Medication, Patient
from actions.store.notifications import medication_ref
from actions.store.unit_of_work import UnitOfWork

POSTGRES_ENV = "HYGIE_TEST_POSTGRES_URL"
REQUIRE_POSTGRES_ENV = "HYGIE_REQUIRE_POSTGRES"
NOW = datetime(2026, 3, 29, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'hygie.db'}"


def postgres_test_url() -> str:
    """The test PostgreSQL's URL; without one, skip the test, or fail it under CI.

    Every test that needs PostgreSQL goes through here, so the rule is the same for all.
    """
    url = os.environ.get(POSTGRES_ENV)
    if url:
        return url
    reason = f"{POSTGRES_ENV} is not set (see scripts/start_postgres.sh)"
    if os.environ.get(REQUIRE_POSTGRES_ENV, "") not in ("", "0"):
        pytest.fail(f"{reason} while {REQUIRE_POSTGRES_ENV} is set", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    url = postgres_test_url()
    config = alembic_config(url)
    command.downgrade(config, "base")
    command.upgrade(config, "head")
    yield url
    command.downgrade(config, "base")


@pytest.fixture
def postgres_uow(postgres_url) -> Iterator[UnitOfWork]:
    engine = make_engine(postgres_url)
    yield UnitOfWork(make_session_factory(engine))
    engine.dispose()


@pytest.fixture
def engine(sqlite_url) -> Iterator[Engine]:
    upgrade(sqlite_url)
    engine = make_engine(sqlite_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session_factory(engine) -> sessionmaker:
    return make_session_factory(engine)


@pytest.fixture
def uow(session_factory) -> UnitOfWork:
    return UnitOfWork(session_factory)


def add_patient(
    uow: UnitOfWork,
    patient_id: str = "p1",
    time_zone: str = "Europe/Paris",
    consent: bool = True,
) -> Patient:
    """Create a patient, with a consent in force unless ``consent`` is false."""
    with uow:
        patient, _ = uow.patients.get_or_create(
            patient_id, "socketio", f"sender-{patient_id}", time_zone=time_zone
        )
        if consent:
            uow.consents.grant(patient_id, NOTICE_VERSION, NOW - timedelta(days=30))
        return patient


def add_medication(uow: UnitOfWork, patient_id: str = "p1", **fields) -> Medication:
    """Create a medication (daily at 08:00 and 20:00 unless told otherwise)."""
    values = {
        "name": "Doliprane",
        "dose": "1 comprimé",
        "times_of_day": ["08:00", "20:00"],
        "recurrence": "daily",
        "start_date": date(2026, 3, 1),
        "created_at": NOW - timedelta(days=30),
        "updated_at": NOW - timedelta(days=30),
        **fields,
    }
    with uow:
        return uow.medications.add(Medication(patient_id=patient_id, **values))


def add_due_notifications(
    uow: UnitOfWork, medication: Medication, count: int, now: datetime = NOW
) -> int:
    """Add ``count`` pending dose reminders due one minute apart before ``now``."""
    rows = []
    for index in range(count):
        instant = now - timedelta(minutes=count - index)
        rows.append(
            {
                "patient_id": medication.patient_id,
                "kind": "medication_dose",
                "medication_id": medication.id,
                "subject_ref": medication_ref(medication.id),
                "scheduled_at": instant,
                "scheduled_local": instant.strftime("%Y-%m-%dT%H:%M"),
                "due_at": instant,
            }
        )
    with uow:
        return uow.notifications.add_if_absent(rows, now)
