from datetime import timedelta

from actions.services.reminder_dispatch import (
    Attempt,
    Outcome,
    claim_jobs,
    record_attempts,
    record_missed_doses,
)
from tests.actions.worker_fixtures import notifications, outcomes, seed_doses
from tests.store.fixtures import NOW

T = NOW
MIN = timedelta(minutes=1)


def claim(uow, now=T, worker="w1", limit=10):
    return claim_jobs(uow, now, worker, limit)


def record(uow, *attempts, worker="w1"):
    return record_attempts(uow, list(attempts), worker)


def answer(uow, notification_id, status="taken", at=T + 5 * MIN):
    with uow:
        reminder = uow.notifications.get(notification_id)
        medication = uow.medications.get(reminder.medication_id)
        uow.outcomes.record(medication, reminder.scheduled_at, status, at, reminder.id)


def test_claimed_reminders_become_jobs_with_what_delivery_needs(uow):
    (dose,) = seed_doses(uow, 1, T)
    jobs, counts = claim(uow)
    assert counts == {"claimed": 1}
    (job,) = jobs
    assert (job.notification_id, job.kind, job.conversation_id) == (
        dose,
        "medication_dose",
        "conv-0",
    )
    assert (job.scheduled_at, job.due_at, job.attempts, job.time_zone) == (
        T,
        T,
        1,
        "Europe/Paris",
    )
    assert not job.in_doubt and not job.resent
    assert notifications(uow)[dose].status == "claimed"


def test_a_mood_check_in_without_its_plan_is_closed_unsent(uow):
    (mood,) = seed_doses(uow, 1, T, prefix="m", kind="mood_checkin")
    assert claim(uow) == ([], {"claimed": 1, "cancelled": 1})
    assert notifications(uow)[mood].status == "cancelled"


def test_reminders_no_longer_wanted_are_cancelled_without_sending(uow):
    paused, withdrawn, answered, kept = seed_doses(uow, 4, T)
    with uow:
        rows = {i: uow.notifications.get(i) for i in (paused, withdrawn)}
        uow.medications.set_status(rows[paused].medication_id, "paused", T)
        uow.consents.withdraw(rows[withdrawn].patient_id, T)
    answer(uow, answered)

    jobs, counts = claim(uow)

    assert [job.notification_id for job in jobs] == [kept]
    assert counts == {"claimed": 4, "cancelled": 3}
    statuses = {i: r.status for i, r in notifications(uow).items()}
    assert statuses == {
        paused: "cancelled",
        withdrawn: "cancelled",
        answered: "cancelled",
        kept: "claimed",
    }


def test_a_dose_two_hours_late_is_recorded_missed_not_delivered(uow):
    dose, snoozed = seed_doses(uow, 2, T)
    (followup,) = seed_doses(uow, 1, T, prefix="f", kind="medication_followup")
    with uow:  # a snooze of the second dose, still pending for later
        uow.notifications.reschedule(snoozed, T + 2 * 60 * MIN + 5 * MIN)

    jobs, counts = claim(uow, now=T + 2 * 60 * MIN)

    assert jobs == [] and counts == {"claimed": 2, "missed": 2}
    assert outcomes(uow) == [(dose, "missed"), (None, "missed")]
    rows = notifications(uow)
    assert (rows[dose].status, rows[followup].status) == ("missed", "missed")
    assert rows[snoozed].status == "pending"  # a dose of another patient


def test_a_missed_dose_cancels_its_other_pending_reminders(uow):
    (dose,) = seed_doses(uow, 1, T)
    (job,), _ = claim(uow)
    record(uow, Attempt(job, Outcome.DELIVERED, T))
    (followup,) = [i for i in notifications(uow) if i != dose]
    with uow:  # the dose reminder is pending again, due after the deadline
        uow.notifications.reschedule(dose, T + 130 * MIN)

    jobs, counts = claim(uow, now=T + 2 * 60 * MIN)  # the follow-up, too late

    assert counts["missed"] == 1 and len(jobs) == 0
    rows = notifications(uow)
    assert (rows[followup].status, rows[dose].status) == ("missed", "cancelled")
    assert outcomes(uow) == [(None, "missed")]


def test_a_row_claimed_before_is_in_doubt_and_a_snoozed_one_resent(uow):
    first, snoozed = seed_doses(uow, 2, T)
    jobs, _ = claim(uow, worker="dead")
    record(uow, Attempt(jobs[1], Outcome.DELIVERED, T), worker="dead")
    with uow:
        uow.notifications.release_stale_claims(T + 11 * MIN, timedelta(minutes=10))
        uow.notifications.reschedule(snoozed, T + 10 * MIN)

    jobs, _ = claim(uow, now=T + 11 * MIN)

    assert {(j.notification_id, j.in_doubt, j.resent) for j in jobs} == {
        (first, True, False),
        (snoozed, True, True),
    }


def test_delivered_doses_are_sent_and_plan_their_follow_up(uow):
    doses = seed_doses(uow, 3, T)
    jobs, _ = claim(uow)
    answer(uow, doses[1])  # answered while the reminder was on its way
    late = T + 31 * MIN  # the third one is sent after its follow-up time

    counts = record(
        uow,
        Attempt(jobs[0], Outcome.DELIVERED, T + 2 * MIN),
        Attempt(jobs[1], Outcome.ALREADY_DELIVERED, T + 2 * MIN),
        Attempt(jobs[2], Outcome.DELIVERED, late),
    )

    assert counts == {"sent": 2, "deduplicated": 1, "followups": 1}
    rows = notifications(uow)
    assert [(rows[i].status, rows[i].sent_at) for i in doses] == [
        ("sent", T + 2 * MIN),
        ("sent", T + 2 * MIN),
        ("sent", late),
    ]
    (followup,) = [r for r in rows.values() if r.id not in doses]
    assert (followup.kind, followup.status, followup.due_at) == (
        "medication_followup",
        "pending",
        T + 30 * MIN,
    )
    assert (followup.patient_id, followup.scheduled_at) == ("conv-patient-0", T)
    assert (followup.created_at, followup.attempts) == (T + 2 * MIN, 0)


def test_failures_are_retried_then_undeliverable(uow):
    server_error, refused, near_deadline, third_try = seed_doses(uow, 4, T)
    with uow:  # two earlier failed claims
        uow.notifications.get(third_try).attempts = 2
    jobs = {job.notification_id: job for job in claim(uow)[0]}
    late = T + 116 * MIN  # a retry 5 minutes later would pass the missed deadline

    counts = record(
        uow,
        Attempt(jobs[server_error], Outcome.FAILED, T, "http_503"),
        Attempt(jobs[refused], Outcome.REFUSED, T, "http_404"),
        Attempt(jobs[near_deadline], Outcome.FAILED, late, "timeout"),
        Attempt(jobs[third_try], Outcome.FAILED, T, "ClientConnectorError"),
    )

    assert counts == {"retried": 1, "undeliverable": 3}
    rows = notifications(uow)
    assert (rows[server_error].status, rows[server_error].due_at) == (
        "pending",
        T + 5 * MIN,
    )
    assert {i: (rows[i].status, rows[i].last_error) for i in jobs} == {
        server_error: ("pending", "http_503"),
        refused: ("undeliverable", "http_404"),
        near_deadline: ("undeliverable", "timeout"),
        third_try: ("undeliverable", "ClientConnectorError"),
    }


def test_interrupted_deliveries_are_released_and_lost_claims_left_alone(uow):
    interrupted, lost = seed_doses(uow, 2, T)
    jobs = {job.notification_id: job for job in claim(uow)[0]}
    with uow:  # "lost" went stale and another worker took it
        uow.notifications.release_stale_claims(T + 11 * MIN, timedelta(minutes=10))
    claim(uow, now=T + 11 * MIN, worker="w2", limit=1)  # oldest first: "interrupted"
    with uow:
        uow.notifications.release(interrupted, "w2")

    counts = record(
        uow,
        Attempt(jobs[interrupted], Outcome.INTERRUPTED, T),
        Attempt(jobs[lost], Outcome.DELIVERED, T),
    )

    assert counts == {"lost_claims": 2}
    rows = notifications(uow)
    assert (rows[interrupted].status, rows[lost].status) == ("pending", "pending")


def test_an_interrupted_delivery_goes_back_due_as_before(uow):
    (dose,) = seed_doses(uow, 1, T)
    (job,), _ = claim(uow)
    assert record(uow, Attempt(job, Outcome.INTERRUPTED, T + MIN)) == {"released": 1}
    row = notifications(uow)[dose]
    assert (row.status, row.due_at, row.claimed_by, row.attempts) == (
        "pending",
        T,
        None,
        1,
    )


def test_unanswered_doses_are_recorded_missed_at_their_deadline(uow):
    unanswered, answered, paused, withdrawn, undeliverable = seed_doses(uow, 5, T)
    jobs = {job.notification_id: job for job in claim(uow)[0]}
    record(
        uow,
        *(Attempt(jobs[i], Outcome.DELIVERED, T) for i in jobs if i != undeliverable),
        Attempt(jobs[undeliverable], Outcome.REFUSED, T, "http_404"),
    )
    answer(uow, answered)
    with uow:
        uow.medications.set_status(jobs[paused].medication_id, "paused", T)
        uow.consents.withdraw(jobs[withdrawn].patient_id, T)

    assert record_missed_doses(uow, T + 119 * MIN) == 0
    assert record_missed_doses(uow, T + 120 * MIN) == 2
    assert record_missed_doses(uow, T + 121 * MIN) == 0
    assert outcomes(uow) == [
        (answered, "taken"),
        (unanswered, "missed"),
        (undeliverable, "missed"),
    ]
    # the pending follow-ups of the missed doses are cancelled: no more messages
    followups = [r for r in notifications(uow).values() if r.id not in jobs]
    statuses = {r.patient_id: r.status for r in followups}
    assert statuses[jobs[unanswered].patient_id] == "cancelled"


def test_doses_older_than_the_lookback_are_left_alone(uow):
    (dose,) = seed_doses(uow, 1, T)
    (job,), _ = claim(uow)
    record(uow, Attempt(job, Outcome.DELIVERED, T))
    assert record_missed_doses(uow, T + timedelta(days=3)) == 0
    assert outcomes(uow) == []
