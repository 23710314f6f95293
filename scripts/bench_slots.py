"""Benchmark the slot search: 50 practitioners, 60 days, about half the agenda booked.

Generates a practice of ``--practitioners`` people (general practitioners, nurses,
physiotherapists, midwives, psychologists; hours like the demo practice's), books
about ``--fill`` of every opening period at random, then runs ``--searches`` varied
searches (appointment types, professions, one practitioner, teleconsultation, open
preferences, "au plus vite", weekdays, mornings, "après 17h", date ranges) and prints
the time of :func:`actions.services.slot_search.search_slots` per search: p50, p95,
max. Pure Python: no database (the search itself is what is measured).

Usage::

    .venv/bin/python scripts/bench_slots.py
    .venv/bin/python scripts/bench_slots.py --practitioners 50 --searches 1000
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta, timezone
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from actions.services.practice import (  # noqa: E402
    Absence,
    Period,
    Practice,
    Practitioner,
    load_practice,
)
from actions.services.scheduling import local_to_utc  # noqa: E402
from actions.services.slot_search import (  # noqa: E402
    HORIZON_DAYS,
    SlotQuery,
    search_slots,
)
from actions.services.time_preference import TimePreference  # noqa: E402

PARIS = ZoneInfo("Europe/Paris")
START = datetime(2027, 1, 4, 7, 0, tzinfo=timezone.utc)  # a Monday, 08:00 in Paris
TARGET_P95_MS = 50.0


def parse_args() -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--practitioners", type=int, default=50)
    parser.add_argument("--searches", type=int, default=600)
    parser.add_argument("--fill", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args()


def build_practice(count: int, rng: random.Random) -> Practice:
    """The demo practice's types and places, with ``count`` generated people."""
    demo = load_practice()
    templates = list(demo.practitioners.values())
    people = {}
    for index in range(count):
        model = templates[index % len(templates)]
        absences = ()
        if rng.random() < 0.2:  # a week off for one in five
            first = START.date() + timedelta(days=rng.randrange(HORIZON_DAYS))
            absences = (Absence(first, first + timedelta(days=6), "congés"),)
        people[f"p{index:02d}"] = Practitioner(
            key=f"p{index:02d}",
            name=f"{model.name} {index}",
            profession=model.profession,
            place=model.place,
            teleconsultation=model.teleconsultation,
            hours=model.hours,
            absences=absences,
        )
    return Practice(
        key="bench",
        name="bench",
        places=demo.places,
        professions=demo.professions,
        practitioners=people,
        types=demo.types,
        closures=demo.closures,
        step_minutes=demo.step_minutes,
    )


def book_randomly(practice: Practice, fill: float, rng: random.Random) -> dict:
    """Busy intervals filling about ``fill`` of every opening period."""
    busy: dict[str, list] = {}
    durations = sorted({t.duration_minutes for t in practice.types.values()})
    for person in practice.practitioners.values():
        intervals = busy.setdefault(person.key, [])
        for offset in range(HORIZON_DAYS + 1):
            day = START.date() + timedelta(days=offset)
            for period in person.hours[day.weekday()]:
                intervals.extend(_fill_period(day, period, fill, durations, rng))
    return busy


def _fill_period(day: date, period: Period, fill, durations, rng) -> list:
    booked, minute = [], period.opens_minute
    length = period.closes_minute - period.opens_minute
    taken = 0
    while minute < period.closes_minute and taken < fill * length:
        duration = rng.choice(durations)
        if minute + duration > period.closes_minute:
            break
        if rng.random() < fill:
            start = local_to_utc(day, clock(minute // 60, minute % 60), PARIS)
            booked.append((start, start + timedelta(minutes=duration)))
            taken += duration
            minute += duration
        else:
            minute += 15
    return booked


def random_query(practice: Practice, rng: random.Random) -> SlotQuery:
    """One varied search, as patients would ask."""
    type_key = rng.choice(list(practice.types))
    kind = practice.types[type_key]
    profession = practitioner = teleconsultation = None
    choice = rng.random()
    if choice < 0.3:
        profession = rng.choice(sorted(kind.professions))
    elif choice < 0.5:
        candidates = [
            p.key for p in practice.practitioners.values() if practice.offers(p, kind)
        ]
        practitioner = rng.choice(candidates)
    elif choice < 0.6 and not kind.teleconsultation:
        teleconsultation = True
    today = START.astimezone(PARIS).date()
    preferences = [
        TimePreference(),
        TimePreference(as_soon_as_possible=True),
        TimePreference(weekdays=frozenset({rng.randrange(6)})),
        TimePreference(not_before=clock(8), not_after=clock(11, 59)),
        TimePreference(not_before=clock(17)),
        TimePreference(
            first_day=today + timedelta(days=7), last_day=today + timedelta(days=13)
        ),
        TimePreference(
            first_day=today + timedelta(days=rng.randrange(40)),
            weekdays=frozenset({1, 3}),
            not_before=clock(14),
        ),
        TimePreference(weekdays=frozenset({5}), not_before=clock(18)),  # rarely open
    ]
    return SlotQuery(
        type_key,
        rng.choice(preferences),
        profession=profession,
        practitioner=practitioner,
        teleconsultation=teleconsultation,
    )


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main() -> int:
    """Run the benchmark and print the figures; 1 if p95 misses the target."""
    args = parse_args()
    rng = random.Random(args.seed)
    practice = build_practice(args.practitioners, rng)
    busy = book_randomly(practice, args.fill, rng)
    booked = sum(len(v) for v in busy.values())
    queries = [random_query(practice, rng) for _ in range(args.searches)]
    timings, found = [], []
    for query in queries:
        now = START + timedelta(hours=rng.randrange(0, 24 * 5))
        began = time.perf_counter()
        slots = search_slots(practice, busy, query, now)
        timings.append((time.perf_counter() - began) * 1000)
        found.append(len(slots))
    p95 = percentile(timings, 0.95)
    print(
        f"slot search: {args.practitioners} practitioners, {HORIZON_DAYS} days, "
        f"{booked} bookings (~{args.fill:.0%} full), {len(queries)} searches"
    )
    print(
        f"  p50 {percentile(timings, 0.5):.2f} ms   p95 {p95:.2f} ms   "
        f"max {max(timings):.2f} ms   mean {statistics.mean(timings):.2f} ms"
    )
    print(
        f"  slots per search: mean {statistics.mean(found):.1f}, "
        f"{found.count(0)} searches found none (e.g. Saturday after 18:00)"
    )
    verdict = "OK" if p95 < TARGET_P95_MS else "TOO SLOW"
    print(f"  target p95 < {TARGET_P95_MS:.0f} ms: {verdict}")
    return 0 if p95 < TARGET_P95_MS else 1


if __name__ == "__main__":
    sys.exit(main())
