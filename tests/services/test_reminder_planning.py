from datetime import date, datetime, timedelta, timezone

from actions.services.reminder_planning import (
    dose_notification_values,
    followup_values,
    materialise_notifications,
    replan_medication,
    schedule_for,
)
from actions.services.reminder_rules import LATE_GRACE
from tests.store.fixtures import NOW, add_medication, add_patient

UTC = timezone.utc


def loaded(uow, medication):
    """The medication with its patient, as the repository returns it."""
    with uow:
        return uow.medications.get(medication.id)


def planned(uow, patient_id="p1"):
    with uow:
        rows = uow.notifications.list_for_patient(patient_id)
        return [(n.kind, n.scheduled_local, n.due_at, n.status) for n in rows]


def test_schedule_for_uses_the_patient_time_zone(uow):
    add_patient(uow, time_zone="America/New_York")
    medication = add_medication(uow, recurrence="weekdays", weekdays=[1, 3])
    schedule = schedule_for(loaded(uow, medication))
    assert schedule.time_zone == "America/New_York"
    assert schedule.weekdays == frozenset({1, 3})
    assert [t.strftime("%H:%M") for t in schedule.times] == ["08:00", "20:00"]


def test_materialise_plans_48_hours_and_is_idempotent(uow):
    add_patient(uow)
    add_medication(uow)
    # NOW is 08:00 UTC on 29 March 2026, the spring-forward day (10:00 in Paris).
    assert materialise_notifications(uow, NOW) == 5
    assert materialise_notifications(uow, NOW) == 0
    assert materialise_notifications(uow, NOW + timedelta(hours=1)) == 0
    assert planned(uow) == [
        (
            "medication_dose",
            "2026-03-29T08:00",
            datetime(2026, 3, 29, 6, tzinfo=UTC),
            "pending",
        ),
        (
            "medication_dose",
            "2026-03-29T20:00",
            datetime(2026, 3, 29, 18, tzinfo=UTC),
            "pending",
        ),
        (
            "medication_dose",
            "2026-03-30T08:00",
            datetime(2026, 3, 30, 6, tzinfo=UTC),
            "pending",
        ),
        (
            "medication_dose",
            "2026-03-30T20:00",
            datetime(2026, 3, 30, 18, tzinfo=UTC),
            "pending",
        ),
        (
            "medication_dose",
            "2026-03-31T08:00",
            datetime(2026, 3, 31, 6, tzinfo=UTC),
            "pending",
        ),
    ]


def test_materialise_again_later_extends_the_horizon(uow):
    add_patient(uow)
    add_medication(uow)
    materialise_notifications(uow, NOW)
    assert materialise_notifications(uow, NOW + timedelta(hours=12)) == 1
    assert len(planned(uow)) == 6


def test_only_active_medications_of_consenting_patients(uow):
    add_patient(uow, "consenting")
    add_patient(uow, "not-consenting", consent=False)
    add_medication(uow, "consenting", status="paused")
    add_medication(uow, "not-consenting")
    add_medication(uow, "consenting", end_date=date(2026, 3, 27))
    assert materialise_notifications(uow, NOW) == 0


def test_end_date_is_a_local_day_for_a_patient_far_west(uow):
    add_patient(uow, "honolulu", time_zone="Pacific/Honolulu")  # UTC-10
    add_medication(uow, "honolulu", times_of_day=["20:00"], end_date=date(2026, 3, 28))
    # 28 March 20:00 in Honolulu is 29 March 06:00 UTC, within the grace window.
    assert materialise_notifications(uow, NOW) == 1
    assert planned(uow, "honolulu")[0][1] == "2026-03-28T20:00"


def test_dose_values_start_within_the_grace_window_not_before_creation(uow):
    add_patient(uow)
    old = loaded(uow, add_medication(uow, times_of_day=["09:00"]))
    new = add_medication(
        uow, times_of_day=["09:00"], created_at=NOW - timedelta(minutes=5)
    )
    new = loaded(uow, new)
    # 09:00 Paris on 29 March is 07:00 UTC: an hour ago.
    assert dose_notification_values(old, NOW)[0]["due_at"] == NOW - timedelta(hours=1)
    assert dose_notification_values(new, NOW)[0]["due_at"] > NOW
    assert all(
        v["due_at"] >= NOW - LATE_GRACE for v in dose_notification_values(old, NOW)
    )


def test_followup_values(uow):
    add_patient(uow)
    add_medication(uow)
    materialise_notifications(uow, NOW)
    with uow:
        dose = uow.notifications.list_for_patient("p1")[0]
        values = followup_values(dose, "Europe/Paris")
        assert values["kind"] == "medication_followup"
        assert values["due_at"] == dose.scheduled_at + timedelta(minutes=30)
        assert values["scheduled_local"] == dose.scheduled_local
        assert uow.notifications.add_if_absent([values], NOW) == 1
        assert uow.notifications.add_if_absent([values], NOW) == 0


def test_replan_after_a_schedule_change(uow):
    add_patient(uow)
    medication = add_medication(uow)
    materialise_notifications(uow, NOW)
    with uow:
        stored = uow.medications.get(medication.id)
        stored.times_of_day = ["09:00"]
    assert replan_medication(uow, medication.id, NOW) == 2
    assert [row[1] for row in planned(uow)] == [
        "2026-03-29T08:00",  # already past: kept as it was
        "2026-03-30T09:00",
        "2026-03-31T09:00",
    ]


def test_pause_and_resume_do_not_send_the_doses_in_between(uow):
    add_patient(uow)
    medication = add_medication(uow, times_of_day=["12:00"])  # 10:00 UTC
    materialise_notifications(uow, NOW)
    with uow:
        uow.medications.set_status(medication.id, "paused", NOW)
    assert replan_medication(uow, medication.id, NOW) == 0
    assert planned(uow) == []
    resumed_at = NOW + timedelta(hours=3)  # after today's 12:00
    with uow:
        uow.medications.set_status(medication.id, "active", resumed_at)
    assert replan_medication(uow, medication.id, resumed_at) == 2
    assert [row[1] for row in planned(uow)] == ["2026-03-30T12:00", "2026-03-31T12:00"]


def test_replan_unknown_medication(uow):
    assert replan_medication(uow, 404, NOW) == 0
