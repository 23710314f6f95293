"""Dose times of a medication schedule, in UTC, correct across daylight-saving changes.

Pure functions: no database, no Rasa. A schedule is a set of local wall-clock times in
the patient's IANA time zone, on the days its recurrence selects; every instant this
module returns is an aware UTC ``datetime``.

Daylight-saving rule (both cases follow from PEP 495's ``fold=0``):

* a local time that does not exist (clocks spring forward, e.g. 02:30 on the last
  Sunday of March in Europe/Paris) is moved forward by the gap: 03:30;
* a local time that happens twice (clocks fall back, e.g. 02:30 on the last Sunday of
  October) happens once, at its first occurrence (02:30 summer time).

Two local times of one day that land on the same instant (02:30 and 03:30 on the
spring-forward day) give one dose.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from actions.defaults import DEFAULT_TIME_ZONE

Recurrence = Literal["daily", "weekdays", "every_n_days"]
RECURRENCES: tuple[str, ...] = ("daily", "weekdays", "every_n_days")

# next_dose_after looks this many days past the longest recurrence period.
_SEARCH_MARGIN_DAYS = 2


def parse_time_of_day(value: str | time) -> time:
    """Parse a local time of day written ``"HH:MM"`` (``time`` objects pass through).

    Raises:
        ValueError: If the text is not a valid 24-hour ``HH:MM``.
    """
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    hours, sep, minutes = value.strip().partition(":")
    if not sep or len(minutes) != 2 or not (hours.isdigit() and minutes.isdigit()):
        raise ValueError(f"time of day must be HH:MM, got {value!r}")
    return time(int(hours), int(minutes))


def format_time_of_day(value: time) -> str:
    """Write a time of day as ``"HH:MM"``."""
    return value.strftime("%H:%M")


@dataclass(frozen=True)
class DoseSchedule:
    """When a medication is taken, in the patient's local time.

    Attributes:
        times: Local times of day (``"HH:MM"`` or ``time``); stored sorted, unique.
        recurrence: ``"daily"``, ``"weekdays"`` or ``"every_n_days"``.
        weekdays: For ``"weekdays"``: days 0 (Monday) to 6 (Sunday).
        interval_days: For ``"every_n_days"``: every that many days from
            ``start_date`` (1 is daily).
        start_date: The first local day of the treatment.
        end_date: The last local day (included), or ``None`` for no end.
        time_zone: The patient's IANA time zone.
    """

    times: tuple[time, ...]
    start_date: date
    recurrence: Recurrence = "daily"
    weekdays: frozenset[int] = field(default_factory=frozenset)
    interval_days: int | None = None
    end_date: date | None = None
    time_zone: str = DEFAULT_TIME_ZONE

    def __post_init__(self) -> None:
        """Normalise the fields and refuse an impossible schedule."""
        times = tuple(sorted({parse_time_of_day(t) for t in self.times}))
        object.__setattr__(self, "times", times)
        object.__setattr__(self, "weekdays", frozenset(self.weekdays or ()))
        if not times:
            raise ValueError("a schedule needs at least one time of day")
        if self.recurrence not in RECURRENCES:
            raise ValueError(f"unknown recurrence {self.recurrence!r}")
        if self.recurrence == "weekdays":
            if not self.weekdays or not self.weekdays <= set(range(7)):
                raise ValueError("weekdays must be a non-empty set of 0..6")
        if self.recurrence == "every_n_days":
            if self.interval_days is None or self.interval_days < 1:
                raise ValueError("every_n_days needs interval_days >= 1")
        if self.end_date is not None and self.end_date < self.start_date:
            raise ValueError("end_date is before start_date")
        try:
            ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown time zone {self.time_zone!r}") from error

    @property
    def zone(self) -> ZoneInfo:
        """The patient's time zone."""
        return ZoneInfo(self.time_zone)

    def occurs_on(self, day: date) -> bool:
        """Whether doses are due on this local day."""
        if day < self.start_date or (self.end_date and day > self.end_date):
            return False
        if self.recurrence == "weekdays":
            return day.weekday() in self.weekdays
        if self.recurrence == "every_n_days":
            return (day - self.start_date).days % (self.interval_days or 1) == 0
        return True

    @property
    def period_days(self) -> int:
        """The longest gap, in days, between two days with doses."""
        if self.recurrence == "weekdays":
            return 7
        if self.recurrence == "every_n_days":
            return self.interval_days or 1
        return 1


def local_to_utc(day: date, time_of_day: time, zone: ZoneInfo) -> datetime:
    """Convert a local wall-clock time to UTC, applying the daylight-saving rule.

    ``fold=0`` maps a time in a gap with the offset before the change (so it lands
    ``gap`` later on the new clock) and an ambiguous time to its first occurrence.

    Args:
        day: The local day.
        time_of_day: The local time.
        zone: The time zone.

    Returns:
        The aware UTC instant.
    """
    local = datetime.combine(day, time_of_day).replace(tzinfo=zone, fold=0)
    return local.astimezone(timezone.utc)


def utc_to_local(instant: datetime, time_zone: str) -> datetime:
    """Return the patient's wall-clock time of an instant (aware, in their zone)."""
    return _require_aware(instant).astimezone(ZoneInfo(time_zone))


def doses_on(schedule: DoseSchedule, day: date) -> list[datetime]:
    """Return the dose instants (UTC, sorted, unique) of one local day."""
    if not schedule.occurs_on(day):
        return []
    zone = schedule.zone
    return sorted({local_to_utc(day, t, zone) for t in schedule.times})


def dose_times(
    schedule: DoseSchedule, start_utc: datetime, end_utc: datetime
) -> list[datetime]:
    """Return the dose instants in ``[start_utc, end_utc)``, in UTC, sorted.

    Args:
        schedule: The schedule.
        start_utc: Start of the window, included (aware, any zone).
        end_utc: End of the window, excluded (aware, any zone).

    Returns:
        Aware UTC datetimes, strictly increasing.
    """
    start, end = _require_aware(start_utc), _require_aware(end_utc)
    if end <= start:
        return []
    zone = schedule.zone
    # One local day of margin each side: a local day spans instants up to ~26 h apart.
    first = start.astimezone(zone).date() - timedelta(days=1)
    last = end.astimezone(zone).date() + timedelta(days=1)
    return sorted(
        {
            instant
            for day in _days(max(first, schedule.start_date), last, schedule.end_date)
            for instant in doses_on(schedule, day)
            if start <= instant < end
        }
    )


def next_dose_after(schedule: DoseSchedule, after_utc: datetime) -> datetime | None:
    """Return the first dose strictly after ``after_utc``, or ``None`` if none is left.

    Args:
        schedule: The schedule.
        after_utc: An aware instant.

    Returns:
        An aware UTC datetime, or ``None`` when the treatment has ended.
    """
    after = _require_aware(after_utc)
    first = max(after.astimezone(schedule.zone).date(), schedule.start_date)
    last = first + timedelta(days=schedule.period_days + _SEARCH_MARGIN_DAYS)
    later = [
        instant
        for day in _days(first - timedelta(days=1), last, schedule.end_date)
        for instant in doses_on(schedule, day)
        if instant > after
    ]
    return min(later, default=None)


def _days(first: date, last: date, end_date: date | None) -> Iterable[date]:
    """Yield the local days from ``first`` to ``last`` included, up to ``end_date``."""
    if end_date is not None:
        last = min(last, end_date)
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def _require_aware(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("naive datetime refused: pass a timezone-aware datetime")
    return value.astimezone(timezone.utc)
