import multiprocessing
import signal
import threading
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import IntegrityError, OperationalError

from actions.store.db import make_engine, make_session_factory
from actions.store.models import Notification
from actions.store.notifications import medication_ref, short_error
from actions.store.unit_of_work import UnitOfWork
from tests.store.claiming import claim_then_die, claim_until_empty
from tests.store.fixtures import NOW, add_due_notifications, add_medication, add_patient

MIN = timedelta(minutes=1)


@pytest.fixture
def medication(uow):
    add_patient(uow)
    return add_medication(uow)


def dose_row(medication, scheduled_at, **fields):
    return {
        "patient_id": medication.patient_id,
        "kind": "medication_dose",
        "medication_id": medication.id,
        "subject_ref": medication_ref(medication.id),
        "scheduled_at": scheduled_at,
        "scheduled_local": "2026-03-29T10:00",
        "due_at": scheduled_at,
        **fields,
    }


def statuses(uow):
    with uow:
        rows = uow.notifications.list_for_patient("p1")
        return {row.id: row.status for row in rows}


def test_add_if_absent_is_idempotent(uow, medication):
    rows = [dose_row(medication, NOW), dose_row(medication, NOW + MIN)]
    with uow:
        assert uow.notifications.add_if_absent(rows, NOW) == 2
        assert uow.notifications.add_if_absent(rows, NOW) == 0
    with uow:
        stored = uow.notifications.list_for_patient("p1")
        assert [(n.status, n.attempts, n.created_at) for n in stored] == [
            ("pending", 0, NOW),
            ("pending", 0, NOW),
        ]


def test_a_follow_up_of_the_same_dose_is_another_reminder(uow, medication):
    with uow:
        uow.notifications.add_if_absent([dose_row(medication, NOW)], NOW)
        followup = dose_row(medication, NOW, kind="medication_followup")
        assert uow.notifications.add_if_absent([followup], NOW) == 1


def test_unique_reminder_per_patient_kind_subject_and_time(uow, medication):
    with pytest.raises(IntegrityError):
        with uow:
            for _ in range(2):
                uow.session.add(Notification(**dose_row(medication, NOW)))
                uow.flush()


def test_claim_due_takes_due_pending_rows_oldest_first(uow, medication):
    rows = [
        dose_row(medication, NOW - 2 * MIN),
        dose_row(medication, NOW - 5 * MIN),
        dose_row(medication, NOW),
        dose_row(medication, NOW + MIN),  # not due yet
    ]
    with uow:
        uow.notifications.add_if_absent(rows, NOW)
    with uow:
        claimed = uow.notifications.claim_due(NOW, "w1", limit=2)
        assert [n.scheduled_at for n in claimed] == [NOW - 5 * MIN, NOW - 2 * MIN]
        assert {
            (n.status, n.claimed_by, n.claimed_at, n.attempts) for n in claimed
        } == {("claimed", "w1", NOW, 1)}
    with uow:
        assert [n.due_at for n in uow.notifications.claim_due(NOW, "w2", 10)] == [NOW]
        assert uow.notifications.claim_due(NOW, "w2", 10) == []
        assert uow.notifications.claim_due(NOW, "w2", 0) == []


def test_claims_roll_back_with_their_unit_of_work(uow, medication):
    add_due_notifications(uow, medication, 3)
    with pytest.raises(RuntimeError):
        with uow:
            assert len(uow.notifications.claim_due(NOW, "w1", 10)) == 3
            raise RuntimeError("worker crashed before commit")
    assert set(statuses(uow).values()) == {"pending"}


def test_only_the_claiming_worker_closes_a_claim(uow, medication):
    add_due_notifications(uow, medication, 1)
    with uow:
        (notification,) = uow.notifications.claim_due(NOW, "w1", 1)
        assert not uow.notifications.mark_sent(notification.id, "w2", NOW)
        assert uow.notifications.mark_sent(notification.id, "w1", NOW)
        assert not uow.notifications.mark_sent(notification.id, "w1", NOW)
    with uow:
        sent = uow.notifications.get(notification.id)
        assert (sent.status, sent.sent_at) == ("sent", NOW)


def test_missed_undeliverable_and_shown(uow, medication):
    add_due_notifications(uow, medication, 2)
    with uow:
        first, second = uow.notifications.claim_due(NOW, "w1", 2)
        assert uow.notifications.mark_missed(first.id, "w1")
        error = "HTTPError 404\nconversation not found " + "x" * 300
        assert uow.notifications.mark_undeliverable(second.id, "w1", error)
    with uow:
        (undelivered,) = uow.notifications.undelivered_for_patient("p1")
        assert undelivered.id == second.id
        assert undelivered.last_error.startswith("HTTPError 404 conversation")
        assert len(undelivered.last_error) == 200
        assert uow.notifications.mark_shown(second.id, NOW)
        assert not uow.notifications.mark_shown(second.id, NOW)
    assert statuses(uow) == {first.id: "missed", second.id: "sent"}


def test_retry_later_makes_the_row_due_again(uow, medication):
    add_due_notifications(uow, medication, 1)
    with uow:
        (notification,) = uow.notifications.claim_due(NOW, "w1", 1)
        assert uow.notifications.retry_later(
            notification.id, "w1", NOW + 5 * MIN, "timeout"
        )
    with uow:
        assert uow.notifications.claim_due(NOW, "w1", 1) == []
        (again,) = uow.notifications.claim_due(NOW + 5 * MIN, "w2", 1)
        assert (again.attempts, again.last_error, again.claimed_by) == (
            2,
            "timeout",
            "w2",
        )
        assert again.scheduled_at == notification.scheduled_at


def test_stale_claims_are_released_and_claimed_again(uow, medication):
    add_due_notifications(uow, medication, 3)
    with uow:
        uow.notifications.claim_due(NOW, "killed-worker", 2)
    with uow:
        later = NOW + 9 * MIN
        assert uow.notifications.release_stale_claims(later, timedelta(minutes=10)) == 0
        later = NOW + 11 * MIN
        assert uow.notifications.release_stale_claims(later, timedelta(minutes=10)) == 2
    with uow:
        reclaimed = uow.notifications.claim_due(NOW + 11 * MIN, "w2", 10)
        assert len(reclaimed) == 3
        assert sorted(n.attempts for n in reclaimed) == [1, 2, 2]
        # the killed worker, back from the dead, cannot close what is no longer its own
        assert not uow.notifications.mark_sent(reclaimed[0].id, "killed-worker", NOW)


def test_reschedule_for_a_snooze_keeps_the_dose_time(uow, medication):
    add_due_notifications(uow, medication, 1)
    with uow:
        (notification,) = uow.notifications.claim_due(NOW, "w1", 1)
        uow.notifications.mark_sent(notification.id, "w1", NOW)
        assert uow.notifications.reschedule(notification.id, NOW + 10 * MIN)
    with uow:
        snoozed = uow.notifications.get(notification.id)
        assert (snoozed.status, snoozed.due_at) == ("pending", NOW + 10 * MIN)
        assert snoozed.scheduled_at == notification.scheduled_at


def test_cancel_pending_for_dose(uow, medication):
    with uow:
        uow.notifications.add_if_absent(
            [
                dose_row(
                    medication, NOW, kind="medication_followup", due_at=NOW + 30 * MIN
                ),
                dose_row(medication, NOW + MIN, kind="medication_followup"),
            ],
            NOW,
        )
    with uow:
        assert uow.notifications.cancel_pending_for_dose(medication.id, NOW) == 1
        (cancelled,) = [
            n
            for n in uow.notifications.list_for_patient("p1")
            if n.status == "cancelled"
        ]
        assert cancelled.scheduled_at == NOW
        assert not uow.notifications.reschedule(cancelled.id, NOW)


def test_delete_pending_for_medication_spares_past_and_claimed_rows(uow, medication):
    rows = [dose_row(medication, NOW + n * MIN) for n in (-1, 0, 1, 2)]
    with uow:
        uow.notifications.add_if_absent(rows, NOW)
    with uow:
        uow.notifications.claim_due(NOW, "w1", 1)  # the one due a minute ago
        uow.notifications.claim_due(NOW, "w1", 1)  # the one due now
    with uow:
        assert uow.notifications.delete_pending_for_medication(medication.id, NOW) == 2
    assert sorted(statuses(uow).values()) == ["claimed", "claimed"]


def test_claim_due_can_leave_other_kinds_alone(uow, medication):
    rows = [dose_row(medication, NOW), dose_row(medication, NOW, kind="mood_checkin")]
    with uow:
        uow.notifications.add_if_absent(rows, NOW)
    with uow:
        claimed = uow.notifications.claim_due(NOW, "w1", 10, kinds=["medication_dose"])
        assert [n.kind for n in claimed] == ["medication_dose"]
        assert [n.kind for n in uow.notifications.claim_due(NOW, "w1", 10)] == [
            "mood_checkin"
        ]


def test_cancel_and_release_a_claim(uow, medication):
    add_due_notifications(uow, medication, 2)
    with uow:
        first, second = uow.notifications.claim_due(NOW, "w1", 2)
        assert not uow.notifications.mark_cancelled(first.id, "w2")
        assert uow.notifications.mark_cancelled(first.id, "w1")
        assert uow.notifications.release(second.id, "w1")
        assert not uow.notifications.release(second.id, "w1")
    with uow:
        released = uow.notifications.get(second.id)
        assert (released.status, released.claimed_by, released.attempts) == (
            "pending",
            None,
            1,
        )
        assert released.due_at == second.due_at
    assert statuses(uow)[first.id] == "cancelled"


def test_mark_sent_many_closes_only_the_claims_held(uow, medication):
    add_due_notifications(uow, medication, 3)
    with uow:
        mine = uow.notifications.claim_due(NOW, "w1", 2)
        (theirs,) = uow.notifications.claim_due(NOW, "w2", 1)
    sent_at = {mine[0].id: NOW + MIN, mine[1].id: NOW + 2 * MIN, theirs.id: NOW}
    with uow:
        held = uow.notifications.mark_sent_many(sent_at, "w1")
        assert held == {mine[0].id, mine[1].id}
        assert uow.notifications.mark_sent_many({}, "w1") == set()
    with uow:
        rows = {n.id: n for n in uow.notifications.list_for_patient("p1")}
        assert [(rows[n.id].status, rows[n.id].sent_at) for n in mine] == [
            ("sent", NOW + MIN),
            ("sent", NOW + 2 * MIN),
        ]
        assert rows[theirs.id].status == "claimed"


def test_add_many_if_absent_skips_existing_reminders(uow, medication):
    with uow:
        uow.notifications.add_if_absent([dose_row(medication, NOW)], NOW)
    rows = [dose_row(medication, NOW), dose_row(medication, NOW + MIN)]
    with uow:
        uow.notifications.add_many_if_absent(rows, NOW)
        uow.notifications.add_many_if_absent([], NOW)
    assert sorted(statuses(uow).values()) == ["pending", "pending"]


def test_short_error_is_one_bounded_line():
    assert short_error("a\n\tb  c") == "a b c"
    assert len(short_error("x" * 1000)) == 200


# --- concurrency --------------------------------------------------------------


def claimed_ids_in_db(url):
    engine = make_engine(url)
    try:
        with UnitOfWork(make_session_factory(engine)) as uow:
            statement = select(func.count()).where(Notification.status == "claimed")
            return uow.session.execute(statement).scalar_one()
    finally:
        engine.dispose()


def assert_each_claimed_exactly_once(results, total):
    every = [notification_id for ids in results for notification_id in ids]
    duplicates = [nid for nid, count in Counter(every).items() if count > 1]
    assert duplicates == []
    assert len(every) == total


def test_threads_with_separate_engines_never_claim_the_same_row(
    sqlite_url, uow, medication
):
    add_due_notifications(uow, medication, 200)
    barrier = threading.Barrier(4)
    with ThreadPoolExecutor(4) as pool:
        futures = [
            pool.submit(claim_until_empty, sqlite_url, f"t{n}", 7, 0.002, barrier)
            for n in range(4)
        ]
        results = [future.result(timeout=120) for future in futures]
    assert_each_claimed_exactly_once(results, 200)
    assert claimed_ids_in_db(sqlite_url) == 200


def run_processes(url, workers, batch):
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        barrier = manager.Barrier(workers)
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            futures = [
                pool.submit(claim_until_empty, url, f"proc{n}", batch, 0.005, barrier)
                for n in range(workers)
            ]
            return [future.result(timeout=180) for future in futures]


def test_processes_on_sqlite_never_claim_the_same_row(sqlite_url, uow, medication):
    add_due_notifications(uow, medication, 200)
    results = run_processes(sqlite_url, 2, 10)
    assert_each_claimed_exactly_once(results, 200)
    assert all(results), "both processes should have claimed rows"


def test_on_sqlite_a_second_claimer_waits_for_the_first(sqlite_url, uow, medication):
    add_due_notifications(uow, medication, 5)
    impatient = make_engine(sqlite_url, connect_args={"timeout": 0.1})

    @event.listens_for(impatient, "connect")
    def _short_busy_timeout(connection, _record):
        connection.execute("PRAGMA busy_timeout=100")

    other = UnitOfWork(make_session_factory(impatient))
    with uow:
        assert len(uow.notifications.claim_due(NOW, "w1", 2)) == 2
        # w1 holds the write lock until its commit: w2 cannot read stale candidates.
        with pytest.raises(OperationalError, match="locked"):
            with other:
                other.notifications.claim_due(NOW, "w2", 10)
    with other:
        assert len(other.notifications.claim_due(NOW, "w2", 10)) == 3
    impatient.dispose()


@pytest.mark.parametrize("commit", [False, True])
def test_a_worker_killed_with_sigkill_loses_nothing(
    sqlite_url, uow, medication, commit
):
    add_due_notifications(uow, medication, 3)
    process = multiprocessing.get_context("spawn").Process(
        target=claim_then_die, args=(sqlite_url, "doomed", commit)
    )
    process.start()
    process.join(120)
    assert process.exitcode == -signal.SIGKILL
    expected = "claimed" if commit else "pending"  # no commit: rolled back
    assert set(statuses(uow).values()) == {expected}
    later = NOW + timedelta(minutes=11)
    with uow:
        released = uow.notifications.release_stale_claims(later, timedelta(minutes=10))
        assert released == (3 if commit else 0)
    with uow:
        assert len(uow.notifications.claim_due(later, "survivor", 10)) == 3


# --- PostgreSQL ---------------------------------------------------------------


@pytest.mark.postgres
def test_postgres_processes_never_claim_the_same_row(postgres_url, postgres_uow):
    add_patient(postgres_uow)
    medication = add_medication(postgres_uow)
    assert add_due_notifications(postgres_uow, medication, 200) == 200
    results = run_processes(postgres_url, 2, 10)
    assert_each_claimed_exactly_once(results, 200)
    assert all(results), "both processes should have claimed rows"
    assert claimed_ids_in_db(postgres_url) == 200


@pytest.mark.postgres
def test_postgres_skips_rows_locked_by_another_worker(postgres_url, postgres_uow):
    add_patient(postgres_uow)
    medication = add_medication(postgres_uow)
    add_due_notifications(postgres_uow, medication, 10)
    other = UnitOfWork(postgres_uow._session_factory)
    with postgres_uow:
        first = postgres_uow.notifications.claim_due(NOW, "w1", 4)
        # w1 has not committed: w2 gets the other rows at once instead of waiting.
        with other:
            second = other.notifications.claim_due(NOW, "w2", 10)
    assert len(first) == 4 and len(second) == 6
    assert not {n.id for n in first} & {n.id for n in second}


@pytest.mark.postgres
def test_postgres_batch_writes(postgres_url, postgres_uow):
    add_patient(postgres_uow)
    medication = add_medication(postgres_uow)
    add_due_notifications(postgres_uow, medication, 3)
    with postgres_uow:
        claimed = postgres_uow.notifications.claim_due(NOW, "w1", 3)
        held = postgres_uow.notifications.mark_sent_many(
            {n.id: NOW + MIN for n in claimed[:2]}, "w2"
        )
        assert held == set()
        held = postgres_uow.notifications.mark_sent_many(
            {n.id: NOW + MIN for n in claimed[:2]}, "w1"
        )
        assert held == {n.id for n in claimed[:2]}
        later = [dose_row(medication, NOW + n * MIN) for n in (-1, 1, 2)]
        postgres_uow.notifications.add_many_if_absent(later, NOW)
    with postgres_uow:
        rows = postgres_uow.notifications.list_for_patient("p1")
        assert sorted(n.status for n in rows) == [
            "claimed",
            "pending",
            "pending",
            "sent",
            "sent",
        ]
        assert {n.sent_at for n in rows if n.status == "sent"} == {NOW + MIN}


@pytest.mark.postgres
def test_postgres_add_if_absent_and_release(postgres_url, postgres_uow):
    add_patient(postgres_uow)
    medication = add_medication(postgres_uow)
    assert add_due_notifications(postgres_uow, medication, 5) == 5
    assert add_due_notifications(postgres_uow, medication, 5) == 0
    with postgres_uow:
        claimed = postgres_uow.notifications.claim_due(NOW, "w1", 5)
        assert claimed[0].due_at.tzinfo is not None
    with postgres_uow:
        released = postgres_uow.notifications.release_stale_claims(
            NOW + 11 * MIN, 10 * MIN
        )
        assert released == 5
