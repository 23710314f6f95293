"""How a medication schedule is said back to the patient, in French.

Slots and rows keep machine forms ("08:00", {"kind": "weekdays", "weekdays": [0, 2]});
these functions turn them into the words of the summary and the reminders.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable, Mapping, Optional, Sequence

WEEKDAY_NAMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
NO_END = "none"


def say_list(items: Sequence[str]) -> str:
    """"a", "a et b", "a, b et c"."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " et " + items[-1]


def say_time(hhmm: str) -> str:
    """"08:00" → "8h", "07:30" → "7h30"."""
    hours, minutes = hhmm.split(":")
    return f"{int(hours)}h" + ("" if minutes == "00" else minutes)


def say_times(times: Iterable[str]) -> str:
    """All the dose times of a day, in order."""
    return say_list([say_time(t) for t in sorted(times)])


def say_days(days: Optional[Mapping[str, Any]]) -> str:
    """The recurrence: every day, some weekdays, or every N days."""
    days = days or {"kind": "daily"}
    if days.get("kind") == "weekdays":
        return "le " + say_list([WEEKDAY_NAMES[d] for d in sorted(days.get("weekdays") or [])])
    if days.get("kind") == "every_n_days":
        interval = int(days.get("interval_days") or 1)
        return "un jour sur deux" if interval == 2 else f"tous les {interval} jours"
    return "tous les jours"


def say_start(start: Optional[str], today: date) -> str:
    """The first day: "aujourd'hui", or the date ("03/12/2026")."""
    if not start or date.fromisoformat(start) <= today:
        return "aujourd'hui"
    return date.fromisoformat(start).strftime("%d/%m/%Y")


def say_end(end: Optional[str]) -> str:
    """The last day ("15/12/2026"), or that there is none."""
    if not end or end == NO_END:
        return "sans date de fin"
    return date.fromisoformat(end).strftime("%d/%m/%Y")
