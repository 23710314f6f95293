"""When a patient would like an appointment, as read from their words.

The contract between the French reader (:mod:`actions.services.appointment_preference`)
and the slot search (:mod:`actions.services.slot_search`): the reader turns "mardi
matin", "le plus tôt possible" or "la semaine prochaine après 17h" into a
:class:`TimePreference`; the search keeps the free slots that fit it. Pure data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time


@dataclass(frozen=True)
class TimePreference:
    """Which local days and hours suit the patient. ``None`` means "no constraint".

    Attributes:
        first_day: The earliest local day (inclusive).
        last_day: The latest local day (inclusive).
        weekdays: Allowed days of the week, 0 (Monday) … 6 (Sunday).
        not_before: The slot must start at or after this local time.
        not_after: The slot must start at or before this local time.
        as_soon_as_possible: The patient wants the earliest slot ("au plus vite").
    """

    first_day: date | None = None
    last_day: date | None = None
    weekdays: frozenset[int] | None = None
    not_before: time | None = None
    not_after: time | None = None
    as_soon_as_possible: bool = False

    @property
    def is_open(self) -> bool:
        """Return True when nothing constrains the search (any day, any hour)."""
        return (
            self.first_day is None
            and self.last_day is None
            and self.weekdays is None
            and self.not_before is None
            and self.not_after is None
        )


ANY_TIME = TimePreference()
