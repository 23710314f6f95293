"""The reminder worker as a real process: environment, signals, kill -9, two workers.

Each test runs ``python -m actions.worker`` against a fake Rasa (tests/actions/
fake_rasa.py) and a real database: a SQLite file, or PostgreSQL for the tests marked
``postgres`` (``HYGIE_TEST_POSTGRES_URL``, see scripts/start_postgres.sh).
"""

import os
import signal
import subprocess
import sys
from collections import Counter
from datetime import timedelta

import pytest

from actions.defaults import REPO_ROOT
from actions.services.delivery_contract import (
    MEDICATION_FOLLOWUP_INTENT,
    MEDICATION_REMINDER_INTENT,
)
from actions.store.migrate import upgrade
from actions.store.types import utcnow
from tests.actions.worker_fixtures import (
    WorkerProcess,
    notifications,
    outcomes,
    seed_doses,
    uow_for,
    wait_for,
)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    if request.param == "postgres":
        return request.getfixturevalue("postgres_url")
    url = f"sqlite:///{tmp_path / 'hygie.db'}"
    upgrade(url)
    return url


@pytest.fixture
def sqlite_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'hygie.db'}"
    upgrade(url)
    return url


@pytest.fixture
def db(database_url):
    uow, dispose = uow_for(database_url)
    yield uow
    dispose()


@pytest.fixture
def sqlite_db(sqlite_database):
    uow, dispose = uow_for(sqlite_database)
    yield uow
    dispose()


@pytest.fixture
def workers():
    """Started workers, killed at the end if a test left them running."""
    started = []
    yield started
    for worker in started:
        worker.kill()


def statuses(uow, ids):
    rows = notifications(uow)
    return Counter(rows[i].status for i in ids)


def all_sent(uow, ids):
    return lambda: statuses(uow, ids) == Counter({"sent": len(ids)})


def test_the_worker_refuses_to_start_without_the_rasa_token(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'h.db'}"}
    env.pop("RASA_AUTH_TOKEN", None)
    result = subprocess.run(
        [sys.executable, "-m", "actions.worker"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "RASA_AUTH_TOKEN is not set" in result.stderr
    assert not (tmp_path / "h.db").exists()  # refused before touching the database


def test_due_reminders_are_delivered_and_late_ones_recorded_missed(
    tmp_path, sqlite_database, sqlite_db, fake_rasa, workers
):
    now = utcnow()
    due = seed_doses(sqlite_db, 5, now)
    (late,) = seed_doses(sqlite_db, 1, now - timedelta(hours=2, minutes=5), "late")
    worker = WorkerProcess(
        tmp_path / "worker.log", DATABASE_URL=sqlite_database, RASA_URL=fake_rasa.url
    )
    workers.append(worker)

    wait_for(all_sent(sqlite_db, due), 60, "the due reminders to be sent")
    wait_for(lambda: outcomes(sqlite_db) == [(late, "missed")], 30, "missed dose")
    assert worker.stop() == 0

    assert sorted((c.conversation_id, c.name, c.entities) for c in fake_rasa.calls) == [
        (f"conv-{n}", MEDICATION_REMINDER_INTENT, {"notification_id": str(due[n])})
        for n in range(5)
    ]
    assert notifications(sqlite_db)[late].status == "missed"
    log = worker.log()
    assert "stopped; since start:" in log and "sent 5" in log and "missed 1" in log
    assert "conv-" not in log and "patient" not in log  # counts only, no patient data


def test_the_clock_offset_brings_the_follow_up_then_the_missed_dose(
    tmp_path, sqlite_database, sqlite_db, fake_rasa
):
    (dose,) = seed_doses(sqlite_db, 1, utcnow())
    env = {"DATABASE_URL": sqlite_database, "RASA_URL": fake_rasa.url}

    def run(offset, done, what):
        worker = WorkerProcess(
            tmp_path / f"worker{offset}.log", HYGIE_CLOCK_OFFSET_SECONDS=offset, **env
        )
        try:
            wait_for(done, 60, what)
        finally:
            assert worker.stop() == 0

    run("0", lambda: len(notifications(sqlite_db)) == 2, "the follow-up to be planned")
    (followup,) = [i for i in notifications(sqlite_db) if i != dose]
    run("1860", lambda: fake_rasa.received() == 2, "the follow-up (T + 31 min)")
    run("7260", lambda: outcomes(sqlite_db) != [], "the missed dose (T + 2 h 01)")

    assert [(c.name, c.notification_id) for c in fake_rasa.calls] == [
        (MEDICATION_REMINDER_INTENT, dose),
        (MEDICATION_FOLLOWUP_INTENT, followup),
    ]
    assert outcomes(sqlite_db) == [(dose, "missed")]


def test_after_kill_9_every_reminder_reaches_rasa_exactly_once(
    tmp_path, database_url, db, fake_rasa, workers
):
    count = 60
    ids = seed_doses(db, count, utcnow())
    fake_rasa.latency = 0.25  # 6 deliveries in flight at any time
    env = {
        "DATABASE_URL": database_url,
        "RASA_URL": fake_rasa.url,
        "HYGIE_WORKER_CONCURRENCY": "6",
        "HYGIE_WORKER_TIMEOUT_SECONDS": "2",
        "HYGIE_STALE_CLAIM_SECONDS": "3",
        "HYGIE_WORKER_MAINTENANCE_SECONDS": "0.5",
    }
    first = WorkerProcess(tmp_path / "first.log", HYGIE_WORKER_ID="first", **env)
    workers.append(first)
    wait_for(
        lambda: fake_rasa.received() >= 18 and fake_rasa.in_progress >= 3,
        60,
        "a third of the deliveries done, and some in flight",
    )
    first.signal(signal.SIGKILL)
    assert first.wait() == -signal.SIGKILL
    left_claimed = statuses(db, ids)["claimed"]

    second = WorkerProcess(tmp_path / "second.log", HYGIE_WORKER_ID="second", **env)
    workers.append(second)
    wait_for(all_sent(db, ids), 90, "every reminder to be sent")
    assert second.stop() == 0

    # Each reminder reached Rasa exactly once, although some were in flight or
    # delivered without being recorded when the first worker died.
    assert Counter(fake_rasa.delivered()) == Counter(ids)
    assert fake_rasa.received() == count
    reclaimed = [r for r in notifications(db).values() if r.attempts == 2]
    assert left_claimed > 0 and len(reclaimed) == left_claimed
    assert fake_rasa.tracker_reads == left_claimed  # each was checked, then not resent
    assert "deduplicated" in second.log()


def test_two_workers_on_one_database_deliver_each_reminder_once(
    tmp_path, database_url, db, fake_rasa, workers
):
    fake_rasa.latency = 0.05
    env = {
        "DATABASE_URL": database_url,
        "RASA_URL": fake_rasa.url,
        "HYGIE_WORKER_CONCURRENCY": "10",
    }
    for name in ("first", "second"):
        worker = WorkerProcess(tmp_path / f"{name}.log", HYGIE_WORKER_ID=name, **env)
        workers.append(worker)
    for worker in workers:
        worker.wait_started()

    ids = seed_doses(db, 200, utcnow())
    wait_for(all_sent(db, ids), 120, "every reminder to be sent")
    assert [worker.stop() for worker in workers] == [0, 0]

    assert Counter(fake_rasa.delivered()) == Counter(ids)
    assert fake_rasa.received() == 200
    rows = notifications(db)
    assert {rows[i].claimed_by for i in ids} == {"first", "second"}
