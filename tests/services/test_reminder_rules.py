from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actions.services import reminder_rules as rules
from actions.services.reminder_rules import Delivery, delivery_decision

T = datetime(2026, 3, 29, 6, 0, tzinfo=timezone.utc)  # a dose at 08:00 Paris
MIN = timedelta(minutes=1)


def test_the_timings_of_the_issue():
    assert rules.FOLLOW_UP_AFTER == timedelta(minutes=30)
    assert rules.MISSED_AFTER == timedelta(hours=2)
    assert rules.SNOOZE_DELAY == timedelta(minutes=10)
    assert rules.LATE_GRACE == timedelta(hours=2)
    assert rules.PLANNING_HORIZON == timedelta(hours=48)


@pytest.mark.parametrize(
    "late_by, expected",
    [
        (timedelta(0), Delivery.SEND),
        (-MIN, Delivery.SEND),
        (rules.ON_TIME_TOLERANCE, Delivery.SEND),
        (rules.ON_TIME_TOLERANCE + MIN, Delivery.SEND_LATE),
        (rules.LATE_GRACE - MIN, Delivery.SEND_LATE),
        (rules.LATE_GRACE, Delivery.TOO_LATE),
        (timedelta(days=3), Delivery.TOO_LATE),
    ],
)
def test_grace_window_for_a_dose_reminder(late_by, expected):
    assert delivery_decision("medication_dose", T, T, T + late_by) is expected


def test_a_follow_up_is_not_sent_once_the_dose_is_missed():
    followup_due = rules.followup_due_at(T)
    assert delivery_decision("medication_followup", T, followup_due, followup_due) is (
        Delivery.SEND
    )
    at_deadline = rules.missed_deadline(T)
    assert delivery_decision("medication_followup", T, followup_due, at_deadline) is (
        Delivery.TOO_LATE
    )


def test_a_snoozed_dose_reminder_past_the_missed_deadline_is_too_late():
    snoozed_due = T + timedelta(minutes=115)
    now = T + timedelta(minutes=121)
    assert (
        delivery_decision("medication_dose", T, snoozed_due, now) is Delivery.TOO_LATE
    )


def test_other_kinds_only_follow_the_grace_window():
    scheduled = T - timedelta(days=2)  # e.g. an appointment reminder two days before
    assert delivery_decision("appointment_reminder", scheduled, T, T + MIN) is (
        Delivery.SEND
    )


@given(st.timedeltas(timedelta(hours=-1), timedelta(days=2)))
def test_lateness_only_makes_things_worse(late_by):
    order = [Delivery.SEND, Delivery.SEND_LATE, Delivery.TOO_LATE]
    now = T + late_by
    assert order.index(delivery_decision("medication_dose", T, T, now)) <= order.index(
        delivery_decision("medication_dose", T, T, now + MIN)
    )


def test_follow_up_and_missed_deadlines():
    assert rules.followup_due_at(T) == T + timedelta(minutes=30)
    assert rules.missed_deadline(T) == T + timedelta(hours=2)
    assert not rules.is_dose_missed(T, T + timedelta(minutes=119))
    assert rules.is_dose_missed(T, T + timedelta(hours=2))


def test_snooze():
    assert rules.snooze_until(T, T + timedelta(minutes=31)) == T + timedelta(minutes=41)
    assert rules.snooze_until(T, T + timedelta(minutes=109)) == T + timedelta(
        minutes=119
    )
    assert rules.snooze_until(T, T + timedelta(minutes=110)) is None


@pytest.mark.parametrize(
    "answered, taken, expected",
    [
        (T - timedelta(minutes=20), True, "taken"),
        (T + timedelta(minutes=30), True, "taken"),
        (T + timedelta(minutes=31), True, "late"),
        (T + timedelta(hours=5), True, "late"),
        (T + timedelta(minutes=5), False, "skipped"),
    ],
)
def test_outcome_for_answer(answered, taken, expected):
    assert rules.outcome_for_answer(T, answered, taken) == expected


def test_retry_then_give_up():
    assert rules.retry_at(1, T) == T + rules.RETRY_DELAY
    assert rules.retry_at(2, T) == T + 2 * rules.RETRY_DELAY
    assert rules.retry_at(rules.MAX_DELIVERY_ATTEMPTS, T) is None


def test_planning_window():
    created_long_ago = T - timedelta(days=10)
    assert rules.planning_window(T, created_long_ago) == (
        T - rules.LATE_GRACE,
        T + rules.PLANNING_HORIZON,
    )
    just_created = T - timedelta(minutes=5)
    assert rules.planning_window(T, just_created)[0] == just_created


def test_a_reminder_sent_after_its_follow_up_time_gets_no_follow_up():
    assert rules.followup_after_sending(T, T + 29 * MIN) == T + 30 * MIN
    assert rules.followup_after_sending(T, T + 30 * MIN) is None


def test_delivery_retries_stop_at_the_attempt_limit_and_the_missed_deadline():
    retry = rules.delivery_retry_at
    assert retry("medication_dose", T, 1, T) == T + 5 * MIN
    assert retry("medication_dose", T, 2, T + 5 * MIN) == T + 15 * MIN
    assert retry("medication_dose", T, rules.MAX_DELIVERY_ATTEMPTS, T) is None
    assert retry("medication_followup", T, 1, T + 114 * MIN) == T + 119 * MIN
    assert retry("medication_followup", T, 1, T + 115 * MIN) is None
    assert retry("appointment_reminder", T, 1, T + 115 * MIN) == T + 120 * MIN
