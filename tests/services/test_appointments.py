from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from actions.services import appointments
from actions.services.appointment_reminders import reminder_times
from actions.services.appointments import BookingStatus, CancelStatus
from actions.services.patient_data import erase_patient, export_patient_data
from actions.services.slot_search import Slot, SlotQuery
from actions.store.models import Appointment, AppointmentSlot, Notification
from tests.services.appointment_fixtures import MONDAY, add_patient, load_demo

PARIS = ZoneInfo("Europe/Paris")
UTC = timezone.utc
CONSULTATION = SlotQuery("consultation", practitioner="dr-claire-martin")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=PARIS).astimezone(UTC)


def martin(start: str, minutes: int = 20, key="dr-claire-martin") -> Slot:
    return Slot(key, at(start), at(start) + timedelta(minutes=minutes))


@pytest.fixture
def practice(uow):
    practice = load_demo(uow)
    add_patient(uow, "p1")
    add_patient(uow, "p2")
    return practice


def reminders(uow, appointment_id):
    with uow:
        rows = uow.session.execute(
            select(Notification)
            .where(Notification.subject_ref == f"appointment:{appointment_id}")
            .order_by(Notification.due_at)
        ).scalars()
        return [(row.due_at, row.status) for row in rows]


def cells(uow, appointment_id):
    with uow:
        return uow.appointments.cells(appointment_id)


def book(uow, start="2026-12-01T09:00", patient="p1", query=CONSULTATION, now=MONDAY):
    return appointments.book(uow, patient, martin(start), query, now)


def test_booking_stores_the_appointment_its_cells_and_two_reminders(uow, practice):
    result = book(uow)
    assert result.status is BookingStatus.BOOKED
    view = result.appointment
    assert (view.practitioner_name, view.profession_label, view.type_label) == (
        "Dr Claire Martin",
        "médecin généraliste",
        "consultation",
    )
    assert view.when_text == "mardi 1er décembre à 9h"
    assert view.place_address == practice.places["tilleuls"].address
    assert "carte Vitale" in view.bring and not view.teleconsultation
    assert view.status == "booked"
    # 20 minutes = four 5-minute cells, from 08:00 UTC.
    assert cells(uow, view.id) == [
        at("2026-12-01T09:00") + timedelta(minutes=m) for m in (0, 5, 10, 15)
    ]
    # The day before at 18:00 local, and 2 hours before.
    assert reminders(uow, view.id) == [
        (at("2026-11-30T18:00"), "pending"),
        (at("2026-12-01T07:00"), "pending"),
    ]


def test_reminders_already_past_are_not_planned(uow, practice):
    now = at("2026-11-30T19:00")
    view = book(uow, now=now).appointment
    assert reminders(uow, view.id) == [(at("2026-12-01T07:00"), "pending")]


def test_a_taken_slot_gives_alternatives_and_no_second_row(uow, practice):
    first = book(uow).appointment
    result = book(uow, patient="p2")
    assert result.status is BookingStatus.TAKEN and result.appointment is None
    assert 3 <= len(result.alternatives) <= 5
    assert all(s.practitioner_key == "dr-claire-martin" for s in result.alternatives)
    assert at("2026-12-01T09:00") not in {s.starts_at for s in result.alternatives}
    # A longer appointment overlapping the first by one cell is refused too.
    overlapping = Slot(
        "dr-claire-martin", at("2026-12-01T08:45"), at("2026-12-01T09:15")
    )
    premiere = SlotQuery("premiere_consultation", practitioner="dr-claire-martin")
    assert (
        appointments.book(uow, "p2", overlapping, premiere, MONDAY).status
        is BookingStatus.TAKEN
    )
    with uow:
        rows = uow.session.execute(select(Appointment)).unique().scalars().all()
    assert [row.id for row in rows] == [first.id]


def test_a_slot_no_longer_valid_is_taken(uow, practice):
    too_soon = book(uow, start="2026-11-30T08:30")  # before now + 1 h
    assert too_soon.status is BookingStatus.TAKEN and too_soon.alternatives
    off_hours = book(uow, start="2026-12-01T12:50")
    assert off_hours.status is BookingStatus.TAKEN
    with pytest.raises(LookupError):
        book(uow, patient="nobody")


def test_moving_claims_the_new_slot_frees_the_old_and_replans(uow, practice):
    view = book(uow).appointment
    with uow:
        uow.appointments.get(view.id).status = "confirmed"
    moved = appointments.move(
        uow, "p1", view.id, martin("2026-12-03T09:10", key="dr-claire-martin"), MONDAY
    )
    assert moved.status is BookingStatus.TAKEN  # 09:10 is off the grid
    result = appointments.move(uow, "p1", view.id, martin("2026-12-03T09:00"), MONDAY)
    assert result.status is BookingStatus.BOOKED
    assert (result.appointment.id, result.appointment.status) == (view.id, "booked")
    assert result.appointment.when_text == "jeudi 3 décembre à 9h"
    assert cells(uow, view.id)[0] == at("2026-12-03T09:00")
    assert len(cells(uow, view.id)) == 4
    assert reminders(uow, view.id) == [
        (at("2026-12-02T18:00"), "pending"),
        (at("2026-12-03T07:00"), "pending"),
    ]
    # The old time is free again.
    assert book(uow, patient="p2").status is BookingStatus.BOOKED


def test_moving_onto_a_taken_slot_changes_nothing(uow, practice):
    mine = book(uow).appointment
    book(uow, start="2026-12-01T10:00", patient="p2")
    result = appointments.move(uow, "p1", mine.id, martin("2026-12-01T10:00"), MONDAY)
    assert result.status is BookingStatus.TAKEN and result.alternatives
    assert appointments.get(uow, "p1", mine.id).starts_at == at("2026-12-01T09:00")
    assert cells(uow, mine.id)[0] == at("2026-12-01T09:00")
    assert len(reminders(uow, mine.id)) == 2
    # Moving by 10 minutes overlaps itself only: allowed.
    shifted = appointments.move(uow, "p1", mine.id, martin("2026-12-01T09:15"), MONDAY)
    assert shifted.status is BookingStatus.BOOKED
    assert appointments.move(
        uow, "p2", mine.id, martin("2026-12-01T11:00"), MONDAY
    ).status is (BookingStatus.NOT_FOUND)


def test_cancelling_more_than_24_hours_ahead_frees_the_slot_and_reminders(
    uow, practice
):
    view = book(uow, start="2026-12-03T09:00").appointment
    assert (
        appointments.cancel(uow, "p2", view.id, MONDAY).status is CancelStatus.NOT_FOUND
    )
    result = appointments.cancel(uow, "p1", view.id, MONDAY)
    assert (result.status, result.late) == (CancelStatus.CANCELLED, False)
    assert result.appointment.status == "cancelled"
    assert cells(uow, view.id) == []
    assert {status for _, status in reminders(uow, view.id)} == {"cancelled"}
    assert appointments.upcoming(uow, "p1", MONDAY) == []
    again = appointments.cancel(uow, "p1", view.id, MONDAY)
    assert again.status is CancelStatus.NOT_CANCELLABLE
    assert (
        book(uow, start="2026-12-03T09:00", patient="p2").status is BookingStatus.BOOKED
    )


def test_cancelling_within_24_hours_needs_a_confirmation(uow, practice):
    view = book(uow).appointment  # Tuesday 9:00, now Monday 8:00: 25 h ahead
    later = at("2026-11-30T10:00")  # 23 h ahead
    asked = appointments.cancel(uow, "p1", view.id, later)
    assert (asked.status, asked.late) == (CancelStatus.NEEDS_CONFIRMATION, True)
    assert len(cells(uow, view.id)) == 4
    done = appointments.cancel(uow, "p1", view.id, later, confirmed_late=True)
    assert (done.status, done.late) == (CancelStatus.CANCELLED, True)
    assert cells(uow, view.id) == []
    started = book(uow, start="2026-12-02T09:00").appointment
    result = appointments.cancel(uow, "p1", started.id, at("2026-12-02T09:05"), True)
    assert result.status is CancelStatus.NOT_CANCELLABLE


def test_upcoming_lists_active_appointments_soonest_first(uow, practice):
    late = book(uow, start="2026-12-04T09:00").appointment
    soon = book(uow, start="2026-12-01T09:00").appointment
    book(uow, start="2026-12-02T09:00", patient="p2")
    assert [v.id for v in appointments.upcoming(uow, "p1", MONDAY)] == [
        soon.id,
        late.id,
    ]
    assert [v.id for v in appointments.upcoming(uow, "p1", at("2026-12-02T00:00"))] == [
        late.id
    ]


def reminder_ids(uow, appointment_id):
    with uow:
        statement = (
            select(Notification.id)
            .where(Notification.subject_ref == f"appointment:{appointment_id}")
            .order_by(Notification.due_at)
        )
        return list(uow.session.execute(statement).scalars())


def test_answers_to_a_reminder(uow, practice):
    view = book(uow).appointment
    day_before, _ = reminder_ids(uow, view.id)
    evening = at("2026-11-30T18:01")
    spoken = appointments.reminder_appointment(uow, "p1", day_before, evening)
    assert spoken.id == view.id and spoken.time_text == "9h"
    assert appointments.reminder_appointment(uow, "p2", day_before, evening) is None
    wrong = appointments.record_reminder_answer(
        uow, "p2", day_before, "confirm", evening
    )
    assert wrong.status is appointments.AnswerStatus.NOT_FOUND
    result = appointments.record_reminder_answer(
        uow, "p1", day_before, "confirm", evening
    )
    assert result.status is appointments.AnswerStatus.RECORDED
    assert (result.appointment.status, result.appointment.reminder_answer) == (
        "confirmed",
        "confirm",
    )
    moving = appointments.record_reminder_answer(uow, "p1", day_before, "move", evening)
    assert (moving.appointment.status, moving.appointment.reminder_answer) == (
        "confirmed",
        "move",
    )
    with pytest.raises(ValueError):
        appointments.record_reminder_answer(uow, "p1", day_before, "maybe", evening)
    # Sent, then the appointment is moved: that reminder is stale, and not spoken.
    with uow:
        uow.notifications.get(day_before).status = "sent"
    appointments.move(uow, "p1", view.id, martin("2026-12-03T09:00"), MONDAY)
    assert appointments.reminder_appointment(uow, "p1", day_before, evening) is None


def test_answers_after_cancellation_or_start_are_closed(uow, practice):
    view = book(uow, start="2026-12-03T09:00").appointment
    first, _ = reminder_ids(uow, view.id)
    appointments.cancel(uow, "p1", view.id, MONDAY)
    closed = appointments.record_reminder_answer(uow, "p1", first, "confirm", MONDAY)
    assert closed.status is appointments.AnswerStatus.CLOSED


def test_the_practitioner_marks_attendance_after_the_start(uow, practice):
    view = book(uow).appointment
    assert not appointments.mark_attendance(uow, view.id, "no_show", MONDAY)
    after = at("2026-12-01T09:30")
    assert appointments.mark_attendance(uow, view.id, "no_show", after)
    assert appointments.get(uow, "p1", view.id).status == "no_show"
    assert not appointments.mark_attendance(uow, 999, "done", after)
    with pytest.raises(ValueError):
        appointments.mark_attendance(uow, view.id, "cancelled", after)


def test_offers_say_who_and_when(uow, practice):
    offers = appointments.offers(uow, SlotQuery("soins_infirmiers"), MONDAY)
    assert offers[0].practitioner_name == "Sophie Leroy"
    assert offers[0].profession_label == "infirmière"
    assert offers[0].when_text == "lundi 30 novembre à 9h"
    assert offers[0].local_time == "09:00"


def test_export_includes_appointments_and_erasure_frees_their_slots(uow, practice):
    view = book(uow).appointment
    book(uow, start="2026-12-01T10:00", patient="p2")
    export = export_patient_data(uow, "p1", MONDAY)
    (row,) = export["appointments"]
    assert (row["id"], row["practitioner"], row["status"]) == (
        view.id,
        "Dr Claire Martin",
        "booked",
    )
    assert row["starts_at"] == "2026-12-01T08:00:00+00:00"
    deleted = erase_patient(uow, "p1", MONDAY)
    assert deleted["appointments"] == 1 and deleted["notifications"] == 2
    with uow:
        held = (
            uow.session.execute(select(AppointmentSlot.appointment_id)).scalars().all()
        )
    assert view.id not in held and len(held) == 4
    assert book(uow, patient="p2").status is BookingStatus.BOOKED


def test_reminder_times_follow_local_time_across_dst():
    # Clocks change at 02:00 on Sunday 28 March 2027: 18:00 that day is summer time.
    start = at("2027-03-29T09:00")
    assert reminder_times(start, "Europe/Paris") == [
        datetime(2027, 3, 28, 16, 0, tzinfo=UTC),
        datetime(2027, 3, 29, 5, 0, tzinfo=UTC),
    ]
