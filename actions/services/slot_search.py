"""Free appointment slots: the practice's hours minus closures, absences and bookings.

Pure: no database, no Rasa. Inputs are a :class:`~actions.services.practice.Practice`,
the busy intervals of each practitioner (aware UTC), a
:class:`~actions.services.time_preference.TimePreference` and the current instant.

Rules:

* a slot starts on the practice's grid (``step_minutes`` after an opening, counted in
  elapsed time, so a night period across a daylight-saving change has no duplicate or
  missing start) and lies wholly inside one opening period;
* never in the past: it starts at least ``MIN_NOTICE`` (1 h) from now, and at most
  ``HORIZON_DAYS`` (60) local days ahead;
* never on a closure (public holiday) or an absence of the practitioner, never
  overlapping a busy interval;
* local times of the practice's zone become UTC with the rule of
  :func:`actions.services.scheduling.local_to_utc` (DST-correct);
* results are in time order, one practitioner per start time (the first in the
  practice's order), ``limit`` of them (default 5).

**Spreading.** When the patient gave no hour and did not ask for the earliest slot,
five slots of the same morning would be a poor choice: at most ``MAX_PER_HALF_DAY`` (2)
slots are offered per half-day (morning before 13:00, afternoon after), at least
``SPREAD_GAP`` (1 h) apart. With an hour given ("après 17h") or "au plus vite", the
earliest slots that fit are offered as they come.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from actions.services.practice import AppointmentType, Practice, Practitioner
from actions.services.scheduling import local_to_utc
from actions.services.slot_types import DEFAULT_LIMIT, Slot, SlotQuery
from actions.services.time_preference import ANY_TIME, TimePreference

HORIZON_DAYS = 60
MIN_NOTICE = timedelta(hours=1)
MAX_PER_HALF_DAY = 2
SPREAD_GAP = timedelta(hours=1)
AFTERNOON_FROM = time(13, 0)

Interval = tuple[datetime, datetime]
Busy = Mapping[str, Sequence[Interval]]


def search_slots(
    practice: Practice,
    busy: Busy,
    query: SlotQuery,
    now: datetime,
    horizon_days: int = HORIZON_DAYS,
) -> list[Slot]:
    """Find free slots that fit the query, in time order.

    Args:
        practice: The practice.
        busy: Busy intervals by practitioner key (any order; may overlap).
        query: What the patient asks for.
        now: The current instant (aware).
        horizon_days: How many local days ahead to look.

    Returns:
        Up to ``query.limit`` slots (see the module docstring for the rules).

    Raises:
        KeyError: If the appointment type is unknown.
    """
    kind = practice.appointment_type(query.appointment_type)
    remote = kind.teleconsultation or bool(query.teleconsultation)
    if kind.teleconsultation and query.teleconsultation is False:
        return []
    practitioners = _candidates(practice, kind, query, remote)
    preference = query.preference
    zone = ZoneInfo(practice.time_zone)
    today = now.astimezone(zone).date()
    first = max(today, preference.first_day or today)
    last = today + timedelta(days=horizon_days)
    if preference.last_day is not None:
        last = min(last, preference.last_day)
    spread = not preference.as_soon_as_possible and (
        preference.not_before is None and preference.not_after is None
    )
    calendar = _BusyCalendar(busy)
    earliest = now + MIN_NOTICE
    found: list[Slot] = []
    day = first
    while day <= last and len(found) < query.limit:
        if _day_allowed(practice, preference, day):
            starts = sorted(
                (start, order, practitioner.key)
                for order, practitioner in enumerate(practitioners)
                if not practitioner.is_absent(day)
                for start in _free_starts(
                    practitioner, day, kind, practice, zone, preference, calendar
                )
                if start >= earliest
            )
            found.extend(_pick(starts, kind, remote, zone, spread))
        day += timedelta(days=1)
    return found[: query.limit]


def is_bookable(
    practice: Practice, busy: Busy, slot: Slot, appointment_type: str, now: datetime
) -> bool:
    """Whether a slot is still one :func:`search_slots` could offer at ``now``.

    Args:
        practice: The practice.
        busy: Busy intervals by practitioner key.
        slot: The slot (e.g. read back from a Rasa slot).
        appointment_type: The appointment type key.
        now: The current instant.

    Returns:
        False when the practitioner or type is unknown or does not match, the slot
        is too soon, off the grid, outside the hours, on a day off, or overlaps.
    """
    kind = practice.types.get(appointment_type)
    practitioner = practice.practitioners.get(slot.practitioner_key)
    if kind is None or practitioner is None:
        return False
    if kind.teleconsultation and not slot.teleconsultation:
        return False
    if not practice.offers(practitioner, kind) or (
        slot.teleconsultation and not practitioner.teleconsultation
    ):
        return False
    if slot.ends_at - slot.starts_at != timedelta(minutes=kind.duration_minutes):
        return False
    if slot.starts_at < now + MIN_NOTICE:
        return False
    zone = ZoneInfo(practice.time_zone)
    day = slot.starts_at.astimezone(zone).date()
    if practice.is_closed(day) or practitioner.is_absent(day):
        return False
    starts = _free_starts(
        practitioner, day, kind, practice, zone, ANY_TIME, _BusyCalendar(busy)
    )
    return slot.starts_at in set(starts)


def _candidates(
    practice: Practice, kind: AppointmentType, query: SlotQuery, remote: bool
) -> list[Practitioner]:
    return [
        practitioner
        for practitioner in practice.practitioners.values()
        if practice.offers(practitioner, kind)
        and (practitioner.teleconsultation or not remote)
        and query.practitioner in (None, practitioner.key)
        and query.profession in (None, practitioner.profession)
    ]


def _day_allowed(practice: Practice, preference: TimePreference, day: date) -> bool:
    if preference.weekdays is not None and day.weekday() not in preference.weekdays:
        return False
    return not practice.is_closed(day)


def _free_starts(
    practitioner: Practitioner,
    day: date,
    kind: AppointmentType,
    practice: Practice,
    zone: ZoneInfo,
    preference: TimePreference,
    calendar: _BusyCalendar,
) -> Iterator[datetime]:
    """The free starts of one practitioner's day that fit the preference's hours."""
    periods = practitioner.hours[day.weekday()]
    if not periods:
        return
    duration = timedelta(minutes=kind.duration_minutes)
    step = timedelta(minutes=practice.step_minutes)
    low = _minute(preference.not_before, 0)
    high = _minute(preference.not_after, 24 * 60)
    for period in periods:
        # Quick rejection in local minutes before any instant is built.
        if (
            period.opens_minute > high
            or period.closes_minute - (kind.duration_minutes) < low
        ):
            continue
        opens = local_to_utc(day, period.opens, zone)
        closes = local_to_utc(day, period.closes, zone)
        same_offset = (
            opens.astimezone(zone).utcoffset() == closes.astimezone(zone).utcoffset()
        )
        start, index = opens, 0
        while start + duration <= closes:
            if same_offset:
                minute = period.opens_minute + index * practice.step_minutes
            else:  # a daylight-saving change inside the period: ask the zone
                local = start.astimezone(zone)
                minute = local.hour * 60 + local.minute
            if low <= minute <= high and not calendar.overlaps(
                practitioner.key, start, start + duration
            ):
                yield start
            start, index = start + step, index + 1


def _pick(
    starts: list[tuple[datetime, int, str]],
    kind: AppointmentType,
    remote: bool,
    zone: ZoneInfo,
    spread: bool,
) -> Iterator[Slot]:
    """One day's slots: one practitioner per start time, spread if asked."""
    duration = timedelta(minutes=kind.duration_minutes)
    latest: dict[bool, datetime] = {}  # by "afternoon?": the last slot picked
    count: dict[bool, int] = {}
    previous = None
    for start, _, key in starts:
        if start == previous:
            continue
        if spread:
            afternoon = start.astimezone(zone).time() >= AFTERNOON_FROM
            if count.get(afternoon, 0) >= MAX_PER_HALF_DAY:
                continue
            if afternoon in latest and start - latest[afternoon] < SPREAD_GAP:
                continue
            latest[afternoon] = start
            count[afternoon] = count.get(afternoon, 0) + 1
        previous = start
        yield Slot(key, start, start + duration, remote)


def _minute(value: time | None, default: int) -> int:
    return default if value is None else value.hour * 60 + value.minute


class _BusyCalendar:
    """Busy intervals of each practitioner, sorted and merged on first use."""

    def __init__(self, busy: Busy) -> None:
        self._busy = busy
        self._prepared: dict[str, tuple[list[datetime], list[datetime]]] = {}

    def overlaps(self, key: str, start: datetime, end: datetime) -> bool:
        """Whether ``[start, end)`` overlaps a busy interval of the practitioner."""
        prepared = self._prepared.get(key)
        if prepared is None:
            prepared = self._prepared[key] = _merge(self._busy.get(key, ()))
        starts, ends = prepared
        # The last interval starting before ``end`` is the only one that can overlap.
        index = bisect_left(starts, end)
        return index > 0 and ends[index - 1] > start


def _merge(intervals: Sequence[Interval]) -> tuple[list[datetime], list[datetime]]:
    starts: list[datetime] = []
    ends: list[datetime] = []
    for start, end in sorted(intervals):
        if starts and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


__all__ = [
    "DEFAULT_LIMIT",
    "HORIZON_DAYS",
    "MIN_NOTICE",
    "Slot",
    "SlotQuery",
    "is_bookable",
    "search_slots",
]
