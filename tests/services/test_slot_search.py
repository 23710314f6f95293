from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from actions.services.practice import Absence, Period
from actions.services.slot_search import (
    Slot,
    SlotQuery,
    is_bookable,
    search_slots,
)
from actions.services.time_preference import TimePreference
from tests.services.appointment_fixtures import (
    MONDAY,
    practitioner,
    small_practice,
)

PARIS = ZoneInfo("Europe/Paris")
UTC = timezone.utc


def at(text: str) -> datetime:
    """A Paris wall-clock time, as an aware UTC instant."""
    return datetime.fromisoformat(text).replace(tzinfo=PARIS).astimezone(UTC)


def local(slots) -> list[str]:
    return [s.starts_at.astimezone(PARIS).strftime("%a %d %H:%M") for s in slots]


def search(practice, query="consultation", busy=None, now=MONDAY, **preference):
    if isinstance(query, str):
        query = SlotQuery(query, TimePreference(**preference), limit=50)
    return search_slots(practice, busy or {}, query, now)


def test_slots_lie_inside_opening_hours_on_the_step_grid():
    slots = search(
        small_practice(), as_soon_as_possible=True, last_day=date(2026, 11, 30)
    )
    starts = local(slots)
    # 8:30-12:00 at 08:00 local: first start 09:00 (1 h notice), 20 min must fit.
    assert starts[0] == "Mon 30 09:00"
    assert starts[-1] == "Mon 30 17:30"
    assert "Mon 30 11:30" in starts and "Mon 30 11:45" not in starts
    assert all(s.ends_at - s.starts_at == timedelta(minutes=20) for s in slots)
    assert all(s.starts_at.astimezone(PARIS).minute % 15 == 0 for s in slots)
    assert not any("12:" in text or "13:" in text for text in starts)


def test_a_long_appointment_needs_its_whole_duration_before_closing():
    starts = local(
        search(
            small_practice(),
            "long",
            as_soon_as_possible=True,
            last_day=date(2026, 11, 30),
        )
    )
    assert "Mon 30 11:15" in starts and "Mon 30 11:30" not in starts
    assert starts[-1] == "Mon 30 17:15"


def test_no_slot_in_the_past_nor_within_the_notice():
    now = at("2026-11-30T14:10")
    starts = local(search(small_practice(), now=now, as_soon_as_possible=True))
    assert starts[0] == "Mon 30 15:15"


def test_closures_absences_and_weekends_are_skipped():
    closed = Absence(date(2026, 12, 1), date(2026, 12, 1), "férié")
    away = practitioner(absences=(Absence(date(2026, 12, 2), date(2026, 12, 3)),))
    practice = small_practice(away, closures=(closed,))
    days = {
        s.starts_at.astimezone(PARIS).date()
        for s in search(practice, last_day=date(2026, 12, 8))
    }
    assert date(2026, 11, 30) in days and date(2026, 12, 4) in days
    assert not days & {date(2026, 12, d) for d in (1, 2, 3, 5, 6)}


def test_busy_intervals_block_every_overlapping_start():
    busy = {"dr-a": [(at("2026-11-30T09:30"), at("2026-11-30T10:15"))]}
    starts = local(
        search(
            small_practice(),
            busy=busy,
            as_soon_as_possible=True,
            last_day=date(2026, 11, 30),
        )
    )
    # 09:15 would end 09:35 (overlap); 10:15 is free again.
    assert starts[:3] == ["Mon 30 09:00", "Mon 30 10:15", "Mon 30 10:30"]


def test_overlapping_busy_intervals_in_any_order():
    busy = {
        "dr-a": [
            (at("2026-11-30T10:00"), at("2026-11-30T10:20")),
            (at("2026-11-30T09:00"), at("2026-11-30T11:00")),
        ]
    }
    starts = local(
        search(
            small_practice(),
            busy=busy,
            as_soon_as_possible=True,
            last_day=date(2026, 11, 30),
        )
    )
    assert starts[0] == "Mon 30 11:00"


@pytest.mark.parametrize(
    ("before", "after", "utc_before", "utc_after"),
    [
        # Spring forward on Sunday 28 March 2027: 08:30 is 07:30 UTC, then 06:30 UTC.
        ("2027-03-26", "2027-03-29", "07:30", "06:30"),
        # Fall back on Sunday 25 October 2026: 08:30 is 06:30 UTC, then 07:30 UTC.
        ("2026-10-23", "2026-10-26", "06:30", "07:30"),
    ],
)
def test_local_opening_hours_follow_daylight_saving(
    before, after, utc_before, utc_after
):
    now = datetime.fromisoformat(f"{before}T00:00+00:00")
    for day, expected in ((before, utc_before), (after, utc_after)):
        first = search(
            small_practice(),
            now=now,
            as_soon_as_possible=True,
            first_day=date.fromisoformat(day),
        )[0]
        assert first.starts_at.strftime("%Y-%m-%d %H:%M") == f"{day} {expected}"
        assert first.starts_at.astimezone(PARIS).strftime("%H:%M") == "08:30"


@pytest.mark.parametrize(
    ("night", "count", "first_utc"),
    [("2027-03-28", 4, "00:00"), ("2027-10-31", 8, "23:00")],
)
def test_a_night_period_across_a_clock_change_counts_real_time(night, count, first_utc):
    # 01:00-04:00 local lasts 2 h in March and 4 h in October: no duplicate start.
    sunday = (Period(time(1, 0), time(4, 0)),)
    person = practitioner(hours=((),) * 6 + (sunday,))
    practice = small_practice(person, step=30)
    day = date.fromisoformat(night)
    slots = search(
        practice,
        "teleconsultation",
        now=datetime(2027, 3, 1, tzinfo=UTC)
        if night < "2027-06"
        else datetime(2027, 10, 1, tzinfo=UTC),
        first_day=day,
        last_day=day,
        as_soon_as_possible=True,
    )
    assert len(slots) == count
    assert len({s.starts_at for s in slots}) == count
    assert slots[0].starts_at.strftime("%H:%M") == first_utc
    assert all(
        b.starts_at - a.starts_at == timedelta(minutes=30)
        for a, b in zip(slots, slots[1:], strict=False)
    )


def test_hours_and_weekday_preferences():
    preference = dict(
        weekdays=frozenset({3}), not_before=time(16, 0), last_day=date(2026, 12, 10)
    )
    starts = local(search(small_practice(), **preference))
    assert starts and all(text.startswith("Thu") for text in starts)
    assert all(text[-5:] >= "16:00" for text in starts)
    assert starts[-1] == "Thu 10 17:30"
    mornings = local(
        search(small_practice(), not_after=time(9, 0), last_day=date(2026, 12, 1))
    )
    assert mornings == ["Mon 30 09:00", "Tue 01 08:30", "Tue 01 08:45", "Tue 01 09:00"]


def test_first_and_last_day_bound_the_search():
    slots = search(
        small_practice(), first_day=date(2026, 12, 3), last_day=date(2026, 12, 3)
    )
    assert {s.starts_at.astimezone(PARIS).date() for s in slots} == {date(2026, 12, 3)}


def test_open_preference_spreads_at_most_two_per_half_day_an_hour_apart():
    slots = search_slots(small_practice(), {}, SlotQuery("consultation"), MONDAY)
    assert local(slots) == [
        "Mon 30 09:00",
        "Mon 30 10:00",
        "Mon 30 14:00",
        "Mon 30 15:00",
        "Tue 01 08:30",
    ]
    earliest = search_slots(
        small_practice(),
        {},
        SlotQuery("consultation", TimePreference(as_soon_as_possible=True)),
        MONDAY,
    )
    assert local(earliest) == [
        "Mon 30 09:00",
        "Mon 30 09:15",
        "Mon 30 09:30",
        "Mon 30 09:45",
        "Mon 30 10:00",
    ]


def test_one_practitioner_per_start_time_and_filters():
    nurse = practitioner("ide", profession="infirmier", teleconsultation=False)
    other = practitioner("dr-b", teleconsultation=False)
    practice = small_practice(practitioner(), other, nurse)
    both = search(practice, as_soon_as_possible=True, last_day=date(2026, 11, 30))
    assert len({s.starts_at for s in both}) == len(both)
    busy = {"dr-a": [(at("2026-11-30T09:00"), at("2026-11-30T09:20"))]}
    first = search(practice, busy=busy, as_soon_as_possible=True)[0]
    assert (first.practitioner_key, local([first])) == ("dr-b", ["Mon 30 09:00"])
    only_b = search_slots(
        practice, {}, SlotQuery("consultation", practitioner="dr-b"), MONDAY
    )
    assert {s.practitioner_key for s in only_b} == {"dr-b"}
    nurses = search_slots(
        practice, {}, SlotQuery("soins", profession="infirmier"), MONDAY
    )
    assert {s.practitioner_key for s in nurses} == {"ide"}
    video = search_slots(practice, {}, SlotQuery("teleconsultation"), MONDAY)
    assert {s.practitioner_key for s in video} == {"dr-a"}  # the only one offering it
    assert all(s.teleconsultation for s in video)
    assert (
        search_slots(
            practice, {}, SlotQuery("teleconsultation", teleconsultation=False), MONDAY
        )
        == []
    )
    remote = search_slots(
        practice, {}, SlotQuery("consultation", teleconsultation=True), MONDAY
    )
    assert {(s.practitioner_key, s.teleconsultation) for s in remote} == {
        ("dr-a", True)
    }


def test_the_horizon_limits_the_search():
    far = date(2027, 6, 1)
    assert search(small_practice(), first_day=far) == []
    unknown = SlotQuery("nothing")
    with pytest.raises(KeyError):
        search_slots(small_practice(), {}, unknown, MONDAY)


def test_is_bookable_checks_time_grid_type_and_busy():
    practice = small_practice()
    slot = Slot("dr-a", at("2026-11-30T10:00"), at("2026-11-30T10:20"))
    assert is_bookable(practice, {}, slot, "consultation", MONDAY)
    busy = {"dr-a": [(at("2026-11-30T10:15"), at("2026-11-30T10:30"))]}
    assert not is_bookable(practice, busy, slot, "consultation", MONDAY)
    assert not is_bookable(practice, {}, slot, "long", MONDAY)  # wrong duration
    off_grid = Slot("dr-a", at("2026-11-30T10:05"), at("2026-11-30T10:25"))
    assert not is_bookable(practice, {}, off_grid, "consultation", MONDAY)
    lunch = Slot("dr-a", at("2026-11-30T11:50"), at("2026-11-30T12:10"))
    assert not is_bookable(practice, {}, lunch, "consultation", MONDAY)
    assert not is_bookable(practice, {}, slot, "consultation", at("2026-11-30T09:30"))
    assert not is_bookable(
        practice,
        {},
        Slot("nobody", slot.starts_at, slot.ends_at),
        "consultation",
        MONDAY,
    )
    in_person = Slot("dr-a", at("2026-11-30T10:00"), at("2026-11-30T10:15"))
    assert not is_bookable(practice, {}, in_person, "teleconsultation", MONDAY)


def test_a_slot_survives_a_round_trip_through_json():
    slot = Slot("dr-a", at("2026-11-30T10:00"), at("2026-11-30T10:20"), True)
    assert Slot.from_dict(slot.as_dict()) == slot
    with pytest.raises(ValueError):
        Slot.from_dict({"practitioner_key": "dr-a", "starts_at": "2026-11-30T10:00"})
    with pytest.raises(ValueError):
        Slot.from_dict({**slot.as_dict(), "starts_at": "2026-11-30T10:00"})
