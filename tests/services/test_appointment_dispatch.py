"""The worker's rules for appointment reminders (claim, close, retry), on SQLite."""

from datetime import datetime, timedelta, timezone

import pytest

from actions.services import appointments
from actions.services.reminder_dispatch import (
    Attempt,
    Outcome,
    claim_jobs,
    record_attempts,
)
from actions.services.slot_search import Slot, SlotQuery
from tests.actions.worker_fixtures import notifications, seed_doses
from tests.services.appointment_fixtures import MONDAY, add_patient, load_demo

UTC = timezone.utc
NINE = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)  # Tuesday 9:00 in Paris
DAY_BEFORE = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)  # Monday 18:00 in Paris
TWO_HOURS = NINE - timedelta(hours=2)
QUERY = SlotQuery("consultation", practitioner="dr-claire-martin")


def slot(start=NINE):
    return Slot("dr-claire-martin", start, start + timedelta(minutes=20))


@pytest.fixture
def booked(uow):
    load_demo(uow)
    add_patient(uow, "p1")
    view = appointments.book(uow, "p1", slot(), QUERY, MONDAY).appointment
    rows = sorted(notifications(uow).values(), key=lambda row: row.due_at)
    return view, [row.id for row in rows]


def statuses(uow):
    return {i: row.status for i, row in notifications(uow).items()}


def test_a_due_appointment_reminder_becomes_a_job(uow, booked):
    view, (day_before, two_hours) = booked
    jobs, counts = claim_jobs(uow, DAY_BEFORE + timedelta(seconds=5), "w1", 10)
    assert counts == {"claimed": 1}
    (job,) = jobs
    assert (job.notification_id, job.kind, job.conversation_id) == (
        day_before,
        "appointment_reminder",
        "sender-p1",
    )
    assert (job.appointment_id, job.medication_id, job.scheduled_at) == (
        view.id,
        None,
        NINE,
    )
    assert statuses(uow) == {day_before: "claimed", two_hours: "pending"}


def test_medication_and_appointment_reminders_are_claimed_together(uow, booked):
    _, (day_before, _) = booked
    (dose,) = seed_doses(uow, 1, DAY_BEFORE)
    jobs, counts = claim_jobs(uow, DAY_BEFORE + timedelta(seconds=5), "w1", 10)
    assert counts == {"claimed": 2}
    assert {job.notification_id for job in jobs} == {day_before, dose}


def test_reminders_of_a_cancelled_appointment_are_closed_unsent(uow, booked):
    view, (day_before, two_hours) = booked
    # Claimed before the cancellation (the worker holds it), so not cancelled by it.
    with uow:
        uow.notifications.claim_due(DAY_BEFORE, "w0", 10)
        uow.notifications.release(day_before, "w0")
    appointments.cancel(uow, "p1", view.id, MONDAY)
    assert statuses(uow) == {day_before: "cancelled", two_hours: "cancelled"}
    # A row left pending by a race is closed by the worker too.
    with uow:
        uow.notifications.get(two_hours).status = "pending"
    jobs, counts = claim_jobs(uow, TWO_HOURS, "w1", 10)
    assert (jobs, counts) == ([], {"claimed": 1, "cancelled": 1})


def test_a_reminder_of_a_moved_appointment_is_stale(uow, booked):
    view, (day_before, _) = booked
    with uow:  # in flight when the patient moved it
        uow.notifications.claim_due(DAY_BEFORE, "w0", 1)
    appointments.move(uow, "p1", view.id, slot(NINE + timedelta(days=2)), MONDAY)
    with uow:
        uow.notifications.release(day_before, "w0")
    jobs, counts = claim_jobs(uow, DAY_BEFORE + timedelta(minutes=1), "w1", 10)
    assert (jobs, counts) == ([], {"claimed": 1, "cancelled": 1})
    assert statuses(uow)[day_before] == "cancelled"


def test_never_sent_after_the_start_and_not_without_consent(uow, booked):
    _, (day_before, two_hours) = booked
    jobs, counts = claim_jobs(uow, NINE + timedelta(minutes=1), "w1", 10)
    assert (jobs, counts) == ([], {"claimed": 2, "cancelled": 2})
    load_demo(uow)
    add_patient(uow, "p2")
    appointments.book(uow, "p2", slot(NINE + timedelta(hours=2)), QUERY, MONDAY)
    with uow:
        uow.consents.withdraw("p2", MONDAY)
    jobs, counts = claim_jobs(uow, DAY_BEFORE, "w1", 10)
    assert (jobs, counts["cancelled"]) == ([], 1)


def test_a_reminder_found_two_hours_late_is_missed(uow, booked):
    _, (day_before, _) = booked
    jobs, counts = claim_jobs(uow, DAY_BEFORE + timedelta(hours=2), "w1", 10)
    assert (jobs, counts) == ([], {"claimed": 1, "missed": 1})
    assert statuses(uow)[day_before] == "missed"


def test_failed_deliveries_are_not_retried_past_the_start(uow, booked):
    _, (day_before, two_hours) = booked
    (evening,), _ = claim_jobs(uow, DAY_BEFORE, "w1", 10)
    record_attempts(
        uow, [Attempt(evening, Outcome.FAILED, DAY_BEFORE, "http_503")], "w1"
    )
    assert notifications(uow)[day_before].status == "pending"
    late = NINE - timedelta(minutes=3)
    with uow:
        uow.notifications.get(two_hours).due_at = late
    (job,), _ = claim_jobs(uow, late, "w1", 10)
    counts = record_attempts(
        uow, [Attempt(job, Outcome.FAILED, late, "http_503")], "w1"
    )
    assert counts == {"undeliverable": 1}
    assert notifications(uow)[two_hours].status == "undeliverable"
