from datetime import date, datetime, time, timedelta, timezone
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actions.services.scheduling import (
    DoseSchedule,
    dose_times,
    local_to_utc,
    next_dose_after,
    parse_time_of_day,
    utc_to_local,
)

UTC = timezone.utc
PARIS = "Europe/Paris"


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def local(instant: datetime, zone: str = PARIS) -> str:
    return utc_to_local(instant, zone).strftime("%Y-%m-%d %H:%M%z")


def days_of(start: date, end: date, schedule: DoseSchedule) -> list[datetime]:
    """Doses from local midnight of ``start`` to local midnight of ``end``."""
    zone = ZoneInfo(schedule.time_zone)
    return dose_times(
        schedule,
        datetime.combine(start, time(0), tzinfo=zone),
        datetime.combine(end, time(0), tzinfo=zone),
    )


# --- parsing and validation ---------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [("08:00", time(8)), ("7:05", time(7, 5)), (" 23:59 ", time(23, 59))],
)
def test_parse_time_of_day(text, expected):
    assert parse_time_of_day(text) == expected


@pytest.mark.parametrize("text", ["8h", "24:00", "08:60", "0800", "08:5", "", "ab:cd"])
def test_parse_time_of_day_refuses_bad_text(text):
    with pytest.raises(ValueError):
        parse_time_of_day(text)


def test_schedule_normalises_times():
    schedule = DoseSchedule(
        times=("20:00", "08:00", "08:00"), start_date=date(2026, 1, 1)
    )
    assert schedule.times == (time(8), time(20))
    assert schedule.time_zone == PARIS


@pytest.mark.parametrize(
    "fields",
    [
        {"times": ()},
        {"recurrence": "hourly"},
        {"recurrence": "weekdays"},
        {"recurrence": "weekdays", "weekdays": {7}},
        {"recurrence": "every_n_days"},
        {"recurrence": "every_n_days", "interval_days": 0},
        {"end_date": date(2025, 12, 31)},
    ],
)
def test_schedule_refuses_impossible_values(fields):
    values = {"times": ("08:00",), "start_date": date(2026, 1, 1), **fields}
    with pytest.raises(ValueError):
        DoseSchedule(**values)


def test_schedule_refuses_unknown_time_zone():
    with pytest.raises(ValueError):
        DoseSchedule(
            times=("08:00",), start_date=date(2026, 1, 1), time_zone="Mars/Olympus"
        )


def test_naive_datetimes_are_refused():
    schedule = DoseSchedule(times=("08:00",), start_date=date(2026, 1, 1))
    with pytest.raises(ValueError):
        dose_times(schedule, datetime(2026, 1, 1), utc(2026, 1, 2))
    with pytest.raises(ValueError):
        next_dose_after(schedule, datetime(2026, 1, 1))


# --- daylight saving in Europe/Paris ------------------------------------------


@pytest.mark.parametrize("spring", [date(2026, 3, 29), date(2027, 3, 28)])
def test_spring_forward_moves_a_missing_time_forward_by_the_gap(spring):
    schedule = DoseSchedule(times=("02:30",), start_date=date(2026, 1, 1))
    doses = days_of(spring - timedelta(days=1), spring + timedelta(days=2), schedule)
    assert [local(d) for d in doses] == [
        f"{spring - timedelta(days=1)} 02:30+0100",
        f"{spring} 03:30+0200",  # 02:30 does not exist that night
        f"{spring + timedelta(days=1)} 02:30+0200",
    ]
    assert doses[1] == local_to_utc(spring, time(3, 30), ZoneInfo(PARIS))


@pytest.mark.parametrize("autumn", [date(2026, 10, 25), date(2027, 10, 31)])
def test_fall_back_gives_an_ambiguous_time_once_at_its_first_occurrence(autumn):
    schedule = DoseSchedule(times=("02:30",), start_date=date(2026, 1, 1))
    doses = days_of(autumn, autumn + timedelta(days=1), schedule)
    assert [local(d) for d in doses] == [f"{autumn} 02:30+0200"]
    assert doses[0].time() == time(0, 30)  # UTC


def test_spring_forward_day_with_several_doses():
    schedule = DoseSchedule(
        times=("01:30", "02:30", "08:00", "20:00"), start_date=date(2026, 1, 1)
    )
    doses = days_of(date(2026, 3, 29), date(2026, 3, 30), schedule)
    assert [local(d) for d in doses] == [
        "2026-03-29 01:30+0100",
        "2026-03-29 03:30+0200",
        "2026-03-29 08:00+0200",
        "2026-03-29 20:00+0200",
    ]
    assert [d.strftime("%H:%M") for d in doses] == ["00:30", "01:30", "06:00", "18:00"]


def test_two_times_landing_on_the_same_instant_give_one_dose():
    schedule = DoseSchedule(times=("02:30", "03:30"), start_date=date(2026, 1, 1))
    doses = days_of(date(2026, 3, 29), date(2026, 3, 30), schedule)
    assert [local(d) for d in doses] == ["2026-03-29 03:30+0200"]


def test_fall_back_day_with_several_doses_is_25_hours_long():
    schedule = DoseSchedule(times=("08:00",), start_date=date(2026, 1, 1))
    doses = days_of(date(2026, 10, 24), date(2026, 10, 27), schedule)
    gaps = [b - a for a, b in pairwise(doses)]
    assert gaps == [timedelta(hours=25), timedelta(hours=24)]
    spring = days_of(date(2026, 3, 28), date(2026, 3, 31), schedule)
    assert [b - a for a, b in pairwise(spring)] == [
        timedelta(hours=23),
        timedelta(hours=24),
    ]


def test_next_dose_after_across_spring_forward():
    schedule = DoseSchedule(times=("02:30", "21:00"), start_date=date(2026, 1, 1))
    after = utc(2026, 3, 28, 20, 0)  # 21:00 Paris, the evening dose itself
    first = next_dose_after(schedule, after)
    assert local(first) == "2026-03-29 03:30+0200"
    assert local(next_dose_after(schedule, first)) == "2026-03-29 21:00+0200"


def test_next_dose_after_across_fall_back_skips_the_repeated_hour():
    schedule = DoseSchedule(times=("02:30",), start_date=date(2026, 1, 1))
    first = next_dose_after(schedule, utc(2026, 10, 24, 12))
    assert local(first) == "2026-10-25 02:30+0200"
    # Half an hour later the clock reads 02:30 again (+01:00): no second dose.
    assert local(next_dose_after(schedule, first)) == "2026-10-26 02:30+0100"


# --- other time zones ---------------------------------------------------------


def test_new_york_spring_forward_and_fall_back():
    zone = "America/New_York"
    schedule = DoseSchedule(
        times=("01:30", "02:15", "09:00"), start_date=date(2026, 1, 1), time_zone=zone
    )
    # Sunday 8 March 2026, 02:00 EST -> 03:00 EDT.
    spring = days_of(date(2026, 3, 8), date(2026, 3, 9), schedule)
    assert [local(d, zone) for d in spring] == [
        "2026-03-08 01:30-0500",
        "2026-03-08 03:15-0400",
        "2026-03-08 09:00-0400",
    ]
    # Sunday 1 November 2026, 02:00 EDT -> 01:00 EST: 01:30 happens twice.
    autumn = days_of(date(2026, 11, 1), date(2026, 11, 2), schedule)
    assert [local(d, zone) for d in autumn] == [
        "2026-11-01 01:30-0400",
        "2026-11-01 02:15-0500",
        "2026-11-01 09:00-0500",
    ]


def test_auckland_southern_hemisphere_changes():
    zone = "Pacific/Auckland"
    schedule = DoseSchedule(
        times=("02:30", "08:00"), start_date=date(2026, 1, 1), time_zone=zone
    )
    # DST ends on Sunday 5 April 2026 at 03:00 (back to 02:00): 02:30 happens twice.
    autumn = days_of(date(2026, 4, 5), date(2026, 4, 6), schedule)
    assert [local(d, zone) for d in autumn] == [
        "2026-04-05 02:30+1300",
        "2026-04-05 08:00+1200",
    ]
    # DST starts on Sunday 27 September 2026 at 02:00 (to 03:00): 02:30 does not exist.
    spring = days_of(date(2026, 9, 27), date(2026, 9, 28), schedule)
    assert [local(d, zone) for d in spring] == [
        "2026-09-27 03:30+1300",
        "2026-09-27 08:00+1300",
    ]


def test_auckland_patient_dose_falls_on_the_previous_utc_day():
    zone = "Pacific/Auckland"
    schedule = DoseSchedule(
        times=("08:00",), start_date=date(2026, 6, 1), time_zone=zone
    )
    doses = dose_times(schedule, utc(2026, 6, 1), utc(2026, 6, 3))
    assert doses == [utc(2026, 6, 1, 20), utc(2026, 6, 2, 20)]  # 08:00 NZST = 20:00 UTC
    assert [local(d, zone)[:10] for d in doses] == ["2026-06-02", "2026-06-03"]


# --- recurrences and bounds ---------------------------------------------------


def test_weekdays_recurrence():
    schedule = DoseSchedule(
        times=("09:00",),
        recurrence="weekdays",
        weekdays={0, 2, 4},
        start_date=date(2026, 3, 1),
    )
    doses = days_of(
        date(2026, 3, 2), date(2026, 3, 16), schedule
    )  # two weeks from a Monday
    assert [utc_to_local(d, PARIS).strftime("%a %d") for d in doses] == [
        "Mon 02", "Wed 04", "Fri 06", "Mon 09", "Wed 11", "Fri 13",
    ]  # fmt: skip


def test_every_n_days_counts_from_the_start_date_across_dst():
    schedule = DoseSchedule(
        times=("08:00",),
        recurrence="every_n_days",
        interval_days=3,
        start_date=date(2026, 3, 26),
    )
    doses = days_of(date(2026, 3, 20), date(2026, 4, 5), schedule)
    assert [local(d) for d in doses] == [
        "2026-03-26 08:00+0100",
        "2026-03-29 08:00+0200",
        "2026-04-01 08:00+0200",
        "2026-04-04 08:00+0200",
    ]


def test_start_and_end_dates_are_local_days_included():
    schedule = DoseSchedule(
        times=("00:30", "23:30"),
        start_date=date(2026, 5, 10),
        end_date=date(2026, 5, 11),
    )
    doses = dose_times(schedule, utc(2026, 5, 1), utc(2026, 6, 1))
    assert [local(d) for d in doses] == [
        "2026-05-10 00:30+0200",
        "2026-05-10 23:30+0200",
        "2026-05-11 00:30+0200",
        "2026-05-11 23:30+0200",
    ]
    assert next_dose_after(schedule, doses[-1]) is None
    assert next_dose_after(schedule, utc(2026, 1, 1)) == doses[0]


def test_window_is_half_open():
    schedule = DoseSchedule(times=("08:00",), start_date=date(2026, 6, 1))
    dose = utc(2026, 6, 2, 6)
    assert dose_times(schedule, dose, dose + timedelta(minutes=1)) == [dose]
    assert dose_times(schedule, dose - timedelta(hours=1), dose) == []
    assert dose_times(schedule, dose, dose) == []


def test_next_dose_after_is_strictly_after():
    schedule = DoseSchedule(times=("08:00",), start_date=date(2026, 6, 1))
    assert next_dose_after(schedule, utc(2026, 6, 2, 6)) == utc(2026, 6, 3, 6)


def test_next_dose_after_a_long_interval():
    schedule = DoseSchedule(
        times=("10:00",),
        recurrence="every_n_days",
        interval_days=30,
        start_date=date(2026, 1, 1),
    )
    assert (
        local(next_dose_after(schedule, utc(2026, 1, 1, 12))) == "2026-01-31 10:00+0100"
    )


# --- properties ---------------------------------------------------------------

ZONES = [
    "Europe/Paris",
    "America/New_York",
    "Pacific/Auckland",
    "UTC",
    "Australia/Lord_Howe",  # 30-minute DST shift
    "America/Santiago",  # changes at midnight
    "Asia/Kolkata",
]

times_of_day = st.lists(
    st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45])),
    min_size=1,
    max_size=4,
)


@st.composite
def schedules(draw) -> DoseSchedule:
    recurrence = draw(st.sampled_from(["daily", "weekdays", "every_n_days"]))
    start = draw(st.dates(date(2025, 1, 1), date(2028, 12, 31)))
    end = draw(st.none() | st.integers(0, 120).map(lambda n: start + timedelta(days=n)))
    return DoseSchedule(
        times=tuple(draw(times_of_day)),
        recurrence=recurrence,
        weekdays=draw(st.frozensets(st.integers(0, 6), min_size=1))
        if recurrence == "weekdays"
        else frozenset(),
        interval_days=draw(st.integers(1, 10))
        if recurrence == "every_n_days"
        else None,
        start_date=start,
        end_date=end,
        time_zone=draw(st.sampled_from(ZONES)),
    )


instants = st.datetimes(
    datetime(2025, 1, 1), datetime(2029, 1, 1), timezones=st.just(UTC)
)
spans = st.timedeltas(timedelta(0), timedelta(days=20))


@settings(max_examples=200, deadline=None)
@given(schedules(), instants, spans)
def test_dose_times_are_sorted_utc_in_window_and_on_schedule(schedule, start, span):
    end = start + span
    doses = dose_times(schedule, start, end)
    assert doses == sorted(set(doses))
    zone = ZoneInfo(schedule.time_zone)
    for dose in doses:
        assert dose.tzinfo is UTC
        assert start <= dose < end
        wall = dose.astimezone(zone)
        assert schedule.occurs_on(wall.date())
        # Either a scheduled wall time, or one moved forward out of a DST gap.
        assert wall.time().replace(tzinfo=None) in schedule.times or any(
            local_to_utc(wall.date(), t, zone) == dose for t in schedule.times
        )


@settings(max_examples=200, deadline=None)
@given(schedules(), instants, spans, spans)
def test_dose_times_of_adjacent_windows_add_up(schedule, start, first, second):
    middle, end = start + first, start + first + second
    assert dose_times(schedule, start, middle) + dose_times(schedule, middle, end) == (
        dose_times(schedule, start, end)
    )


@settings(max_examples=200, deadline=None)
@given(schedules(), instants)
def test_next_dose_after_is_the_first_dose_of_the_following_window(schedule, after):
    horizon = after + timedelta(days=schedule.period_days + 3)
    upcoming = dose_times(schedule, after + timedelta(microseconds=1), horizon)
    found = next_dose_after(schedule, after)
    if upcoming:
        assert found == upcoming[0]
    else:
        assert found is None or found >= horizon
        last_day = schedule.end_date
        assert (
            found is None
            or last_day is None
            or utc_to_local(found, schedule.time_zone).date() <= last_day
        )


@settings(max_examples=100, deadline=None)
@given(schedules(), st.integers(1, 30))
def test_every_scheduled_local_day_has_its_doses(schedule, days):
    start = schedule.start_date
    doses = days_of(start, start + timedelta(days=days), schedule)
    zone = ZoneInfo(schedule.time_zone)
    expected = {
        local_to_utc(start + timedelta(days=n), t, zone)
        for n in range(days)
        if schedule.occurs_on(start + timedelta(days=n))
        for t in schedule.times
    }
    assert doses == sorted(expected)
