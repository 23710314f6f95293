"""Adherence: what became of each medication's doses over 7 and 30 days, and the streak.

Plain Python over dose outcomes, so the figures are tested without a database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable, Tuple

TAKEN = ("taken", "late")
WINDOWS_DAYS = (7, 30)


@dataclass(frozen=True)
class Counts:
    """Doses taken on time, taken late, missed and skipped in a window."""

    taken: int = 0
    late: int = 0
    missed: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        """All doses with an outcome."""
        return self.taken + self.late + self.missed + self.skipped


@dataclass(frozen=True)
class Adherence:
    """One medication's record: last 7 days, last 30 days, current streak."""

    last_7_days: Counts
    last_30_days: Counts
    streak: int


def counts(outcomes: Iterable[Tuple[datetime, str]], since: datetime) -> Counts:
    """Counts outcomes (dose time, status) whose dose time is at or after ``since``."""
    tally = {"taken": 0, "late": 0, "missed": 0, "skipped": 0}
    for scheduled_at, status in outcomes:
        if scheduled_at >= since and status in tally:
            tally[status] += 1
    return Counts(**tally)


def streak(outcomes: Iterable[Tuple[datetime, str]]) -> int:
    """How many doses in a row were taken (on time or late), counting back from the
    most recent outcome; a missed or skipped dose ends it."""
    run = 0
    for _, status in sorted(outcomes, key=lambda item: item[0], reverse=True):
        if status not in TAKEN:
            break
        run += 1
    return run


def adherence(outcomes: Iterable[Tuple[datetime, str]], now: datetime) -> Adherence:
    """The record of one medication at ``now``.

    Args:
        outcomes: (dose time, status) pairs, statuses taken / late / missed / skipped.
        now: The current instant (aware, like the dose times).

    Returns:
        Counts over the last 7 and 30 days, and the current streak.
    """
    items = list(outcomes)
    return Adherence(
        last_7_days=counts(items, now - timedelta(days=7)),
        last_30_days=counts(items, now - timedelta(days=30)),
        streak=streak(items),
    )
