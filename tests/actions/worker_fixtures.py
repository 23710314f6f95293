"""Fixtures and helpers of the reminder worker's tests (and of its benchmark).

``fake_rasa`` is a fixture (exported by tests/actions/conftest.py); the rest are
plain helpers.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from actions.defaults import REPO_ROOT
from actions.store.db import make_engine, make_session_factory
from actions.store.models import DoseOutcome, Medication, Notification
from actions.store.notifications import medication_ref
from actions.store.unit_of_work import UnitOfWork
from tests.actions.fake_rasa import TOKEN, FakeRasa


@pytest.fixture
def fake_rasa() -> Iterator[FakeRasa]:
    server = FakeRasa().start()
    yield server
    server.stop()


class FakeClock:
    """A settable clock for in-process workers."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def seed_doses(
    uow: UnitOfWork,
    count: int,
    due_at: datetime,
    prefix: str = "conv",
    kind: str = "medication_dose",
) -> list[int]:
    """Create ``count`` patients, each with a medication and a reminder due then.

    The medications ended long ago, so that a worker's planning adds nothing: the
    seeded reminders are the only ones.

    Returns:
        The notification ids, in patient order.
    """
    ended = date(2026, 1, 1)
    with uow:
        medications = []
        for index in range(count):
            patient_id = f"{prefix}-patient-{index}"
            uow.patients.get_or_create(patient_id, "socketio", f"{prefix}-{index}")
            uow.consents.grant(patient_id, "2026-01", due_at - timedelta(days=30))
            medications.append(
                Medication(
                    patient_id=patient_id,
                    name="Doliprane",
                    dose="1 comprimé",
                    times_of_day=["08:00"],
                    recurrence="daily",
                    start_date=ended,
                    end_date=ended,
                    created_at=due_at - timedelta(days=60),
                    updated_at=due_at - timedelta(days=60),
                )
            )
        uow.session.add_all(medications)
        uow.flush()
        uow.notifications.add_if_absent(
            [
                {
                    "patient_id": medication.patient_id,
                    "kind": kind,
                    "medication_id": medication.id,
                    "subject_ref": medication_ref(medication.id),
                    "scheduled_at": due_at,
                    "scheduled_local": due_at.strftime("%Y-%m-%dT%H:%M"),
                    "due_at": due_at,
                }
                for medication in medications
            ],
            due_at - timedelta(days=1),
        )
        uow.flush()
        statement = (
            select(Notification.id)
            .where(Notification.patient_id.like(f"{prefix}-patient-%"))
            .order_by(Notification.id)
        )
        return list(uow.session.execute(statement).scalars())


def notifications(uow: UnitOfWork) -> dict[int, Notification]:
    """Every notification, by id."""
    with uow:
        rows = uow.session.execute(select(Notification)).scalars()
        return {row.id: row for row in rows}


def outcomes(uow: UnitOfWork) -> list[tuple[int, str]]:
    """Every dose outcome as ``(notification_id, status)``."""
    with uow:
        rows = uow.session.execute(select(DoseOutcome).order_by(DoseOutcome.id))
        return [(row.notification_id, row.status) for row in rows.scalars()]


def uow_for(url: str) -> tuple[UnitOfWork, Callable[[], None]]:
    """A unit of work on ``url`` and the function that disposes of its engine."""
    engine = make_engine(url)
    return UnitOfWork(make_session_factory(engine)), engine.dispose


def wait_for(check: Callable[[], bool], seconds: float, what: str) -> None:
    """Poll ``check`` until it holds, or fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}")


class WorkerProcess:
    """``python -m actions.worker`` as a real subprocess, its log in a file."""

    def __init__(self, log_path: Path, **env: str) -> None:
        self.log_path = log_path
        self.env = {
            **os.environ,
            "RASA_AUTH_TOKEN": TOKEN,
            "HYGIE_WORKER_POLL_SECONDS": "0.2",
            "HYGIE_WORKER_LOG_LEVEL": "INFO",
            **env,
        }
        self._log = open(log_path, "w")  # closed in wait()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "actions.worker"],
            cwd=REPO_ROOT,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def log(self) -> str:
        return self.log_path.read_text()

    def wait_started(self, seconds: float = 60) -> WorkerProcess:
        def started() -> bool:
            if self.process.poll() is not None:
                raise AssertionError(f"worker exited early:\n{self.log()}")
            return " started: " in self.log()

        wait_for(started, seconds, "the worker to start")
        return self

    def signal(self, number: int) -> None:
        self.process.send_signal(number)

    def stop(self, seconds: float = 30) -> int:
        """SIGTERM, then wait; returns the exit code."""
        if self.process.poll() is None:
            self.signal(signal.SIGTERM)
        return self.wait(seconds)

    def wait(self, seconds: float = 30) -> int:
        try:
            return self.process.wait(seconds)
        finally:
            self._log.close()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(30)
