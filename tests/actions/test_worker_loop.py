"""The worker's loop in-process: a settable clock, a fake Rasa, a real SQLite file.

The worker as a real process (signals, kill -9, two workers, PostgreSQL) is tested in
test_worker.py.
"""

import asyncio
import logging
from datetime import timedelta

from actions.services.delivery_contract import (
    MEDICATION_FOLLOWUP_INTENT,
    MEDICATION_REMINDER_INTENT,
)
from actions.services.reminder_dispatch import claim_jobs
from actions.worker_loop import ReminderWorker
from actions.worker_settings import WorkerSettings
from tests.actions.fake_rasa import TOKEN, closed_port_url
from tests.actions.worker_fixtures import (
    FakeClock,
    notifications,
    outcomes,
    seed_doses,
)
from tests.store.fixtures import NOW

T = NOW  # the dose time of the seeded reminders


def make_worker(session_factory, rasa_url, clock, **settings):
    values = {
        "auth_token": TOKEN,
        "database_url": "sqlite://",
        "worker_id": "w1",
        "rasa_url": rasa_url,
        "poll_seconds": 0.05,
        **settings,
    }
    return ReminderWorker(WorkerSettings(**values), session_factory, clock)


async def deliver(worker):
    async with worker.open_client() as client:
        return await worker.deliver_due(client)


def row(uow, notification_id):
    return notifications(uow)[notification_id]


async def test_due_reminders_are_delivered_once_with_their_intent_and_entity(
    uow, session_factory, fake_rasa
):
    doses = seed_doses(uow, 3, T)
    (followup,) = seed_doses(uow, 1, T, prefix="f", kind="medication_followup")
    clock = FakeClock(T + timedelta(seconds=1))
    worker = make_worker(session_factory, fake_rasa.url, clock)

    counts = await deliver(worker)

    assert (counts["claimed"], counts["sent"]) == (4, 4)
    assert sorted((c.conversation_id, c.name, c.entities) for c in fake_rasa.calls) == [
        ("conv-0", MEDICATION_REMINDER_INTENT, {"notification_id": str(doses[0])}),
        ("conv-1", MEDICATION_REMINDER_INTENT, {"notification_id": str(doses[1])}),
        ("conv-2", MEDICATION_REMINDER_INTENT, {"notification_id": str(doses[2])}),
        ("f-0", MEDICATION_FOLLOWUP_INTENT, {"notification_id": str(followup)}),
    ]
    assert {tuple(sorted(c.query.items())) for c in fake_rasa.calls} == {
        # the channel stored for the patient (worker_fixtures: "socketio"), never latest
        (("include_events", "NONE"), ("output_channel", "socketio"), ("token", TOKEN))
    }
    rows = notifications(uow)
    assert {(rows[i].status, rows[i].sent_at) for i in [*doses, followup]} == {
        ("sent", clock.now)
    }
    # each dose reminder planned its follow-up, 30 minutes after the dose time
    planned = [r for r in rows.values() if r.id not in [*doses, followup]]
    assert (
        sorted((r.kind, r.status, r.due_at) for r in planned)
        == [("medication_followup", "pending", T + timedelta(minutes=30))] * 3
    )

    assert (await deliver(worker))["claimed"] == 0
    assert fake_rasa.received() == 4


async def test_a_server_error_is_retried_then_undeliverable(
    uow, session_factory, fake_rasa
):
    (dose,) = seed_doses(uow, 1, T)
    fake_rasa.script("conv-0", 500, 503, 500)
    clock = FakeClock(T)
    worker = make_worker(session_factory, fake_rasa.url, clock)

    assert (await deliver(worker))["retried"] == 1
    first = row(uow, dose)
    assert (first.status, first.due_at, first.last_error) == (
        "pending",
        T + timedelta(minutes=5),
        "http_500",
    )
    clock.advance(minutes=5)
    assert (await deliver(worker))["retried"] == 1
    assert row(uow, dose).due_at == clock.now + timedelta(minutes=10)
    clock.advance(minutes=10)
    assert (await deliver(worker))["undeliverable"] == 1

    last = row(uow, dose)
    assert (last.status, last.attempts, last.last_error) == (
        "undeliverable",
        3,
        "http_500",
    )
    assert fake_rasa.received() == 3
    # before each retry the worker looked for an earlier delivery in the tracker
    assert fake_rasa.tracker_reads == 2
    assert outcomes(uow) == []


async def test_a_client_error_is_undeliverable_at_once_without_patient_data_in_logs(
    uow, session_factory, fake_rasa, caplog
):
    caplog.set_level(logging.DEBUG)
    (dose,) = seed_doses(uow, 1, T)
    fake_rasa.script("conv-0", 404)
    worker = make_worker(session_factory, fake_rasa.url, FakeClock(T))

    assert (await deliver(worker))["undeliverable"] == 1

    undelivered = row(uow, dose)
    assert (undelivered.status, undelivered.last_error) == ("undeliverable", "http_404")
    assert fake_rasa.received() == 1
    assert "conv-0" not in caplog.text and "patient" not in caplog.text


async def test_refused_connections_and_timeouts_are_retried_later(
    uow, session_factory, fake_rasa
):
    clock = FakeClock(T)
    (refused,) = seed_doses(uow, 1, T, prefix="refused")
    await deliver(make_worker(session_factory, closed_port_url(), clock))
    (slow,) = seed_doses(uow, 1, T, prefix="slow")
    fake_rasa.delay("slow-0", 1.0)
    impatient = make_worker(session_factory, fake_rasa.url, clock, request_timeout=0.2)
    await deliver(impatient)

    rows = notifications(uow)
    assert (rows[refused].status, rows[refused].last_error) == (
        "pending",
        "ClientConnectorError",
    )
    assert (rows[slow].status, rows[slow].last_error) == ("pending", "timeout")
    assert {rows[refused].due_at, rows[slow].due_at} == {T + timedelta(minutes=5)}


async def test_a_wrong_token_is_retried_not_undeliverable(
    uow, session_factory, fake_rasa
):
    (dose,) = seed_doses(uow, 1, T)
    worker = make_worker(session_factory, fake_rasa.url, FakeClock(T), auth_token="x")

    assert (await deliver(worker))["retried"] == 1
    assert row(uow, dose).last_error == "http_401"


async def test_a_reminder_two_hours_late_is_recorded_missed_and_not_sent(
    uow, session_factory, fake_rasa
):
    (dose,) = seed_doses(uow, 1, T)
    clock = FakeClock(T + timedelta(hours=2, minutes=1))

    counts = await deliver(make_worker(session_factory, fake_rasa.url, clock))

    assert (counts["missed"], counts["sent"]) == (1, 0)
    assert row(uow, dose).status == "missed"
    assert outcomes(uow) == [(dose, "missed")]
    assert fake_rasa.received() == 0


async def test_a_reminder_found_late_is_sent_without_a_follow_up(
    uow, session_factory, fake_rasa
):
    (dose,) = seed_doses(uow, 1, T)
    clock = FakeClock(T + timedelta(minutes=45))

    counts = await deliver(make_worker(session_factory, fake_rasa.url, clock))

    assert (counts["sent"], counts["followups"]) == (1, 0)
    assert list(notifications(uow)) == [dose]


async def test_a_follow_up_is_sent_without_an_answer_then_the_dose_is_missed(
    uow, session_factory, fake_rasa
):
    (dose,) = seed_doses(uow, 1, T)
    clock = FakeClock(T)
    worker = make_worker(session_factory, fake_rasa.url, clock)
    await deliver(worker)
    (followup,) = [i for i in notifications(uow) if i != dose]

    clock.advance(minutes=29)
    assert (await deliver(worker))["claimed"] == 0
    clock.advance(minutes=1)
    assert (await deliver(worker))["sent"] == 1
    assert [(c.name, c.notification_id) for c in fake_rasa.calls] == [
        (MEDICATION_REMINDER_INTENT, dose),
        (MEDICATION_FOLLOWUP_INTENT, followup),
    ]

    clock.advance(minutes=89)  # T + 1 h 59
    assert (await worker.maintain())["doses_missed"] == 0
    clock.advance(minutes=1)  # T + 2 h
    assert (await worker.maintain())["doses_missed"] == 1
    assert outcomes(uow) == [(dose, "missed")]
    assert (await worker.maintain())["doses_missed"] == 0
    assert (await deliver(worker))["claimed"] == 0
    assert fake_rasa.received() == 2


async def test_the_follow_up_is_not_sent_once_the_dose_is_answered(
    uow, session_factory, fake_rasa
):
    (dose,) = seed_doses(uow, 1, T)
    clock = FakeClock(T)
    worker = make_worker(session_factory, fake_rasa.url, clock)
    await deliver(worker)
    with uow:  # what the answer action records ("taken", 10 minutes later)
        reminder = uow.notifications.get(dose)
        medication = uow.medications.get(reminder.medication_id)
        uow.outcomes.record(medication, T, "taken", T + timedelta(minutes=10), dose)

    clock.advance(minutes=30)
    assert (await deliver(worker))["cancelled"] == 1
    clock.advance(hours=2)
    assert (await worker.maintain())["doses_missed"] == 0

    assert fake_rasa.received() == 1
    rows = notifications(uow).values()
    assert sorted(r.status for r in rows) == ["cancelled", "sent"]
    assert outcomes(uow) == [(dose, "taken")]


async def test_a_reminder_a_dead_worker_delivered_is_not_sent_again(
    uow, session_factory, fake_rasa
):
    delivered, not_delivered = seed_doses(uow, 2, T)
    clock = FakeClock(T)
    dead = make_worker(session_factory, fake_rasa.url, clock, worker_id="dead")
    jobs, _ = claim_jobs(uow, T, "dead", 10)
    async with dead.open_client() as client:  # Rasa spoke; then kill -9, no commit
        await client.deliver(next(j for j in jobs if j.notification_id == delivered))

    clock.advance(minutes=11)  # the dead worker's claims are stale (10 minutes)
    worker = make_worker(session_factory, fake_rasa.url, clock)
    assert (await worker.maintain())["stale_released"] == 2
    counts = await deliver(worker)

    assert (counts["deduplicated"], counts["sent"]) == (1, 1)
    assert sorted(fake_rasa.delivered()) == [delivered, not_delivered]
    rows = notifications(uow)
    assert {(rows[i].status, rows[i].attempts) for i in jobs_ids(jobs)} == {("sent", 2)}


def jobs_ids(jobs):
    return [job.notification_id for job in jobs]


async def wait_until(check, seconds=10.0):
    for _ in range(int(seconds / 0.02)):
        if check():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("timed out")


async def test_stopping_finishes_the_deliveries_in_flight(
    uow, session_factory, fake_rasa
):
    doses = seed_doses(uow, 5, T)
    fake_rasa.latency = 0.3
    worker = make_worker(session_factory, fake_rasa.url, FakeClock(T))
    stop = asyncio.Event()
    running = asyncio.create_task(worker.run(stop))
    await wait_until(lambda: row(uow, doses[-1]).status == "claimed")

    stop.set()
    await asyncio.wait_for(running, 10)

    assert {r.status for r in notifications(uow).values() if r.id in doses} == {"sent"}
    assert fake_rasa.received() == 5
    assert worker.totals["sent"] == 5


async def test_stopping_releases_the_deliveries_that_outlast_the_grace(
    uow, session_factory, fake_rasa
):
    doses = seed_doses(uow, 3, T)
    fake_rasa.latency = 1.0
    worker = make_worker(
        session_factory, fake_rasa.url, FakeClock(T), shutdown_grace=0.1
    )
    stop = asyncio.Event()
    running = asyncio.create_task(worker.run(stop))
    await wait_until(lambda: row(uow, doses[-1]).status == "claimed")

    stop.set()
    await asyncio.wait_for(running, 10)

    rows = [row(uow, dose) for dose in doses]
    assert {(r.status, r.claimed_by, r.due_at, r.attempts) for r in rows} == {
        ("pending", None, T, 1)
    }
    assert worker.totals["released"] == 3
