"""Days and times said in French: "mardi 1er décembre à 9h30".

Builds on :mod:`actions.services.medication_display` (weekday names, "9h30"), so that
every message says days and times the same way.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from actions.services.medication_display import WEEKDAY_NAMES, say_time

MONTH_NAMES = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def say_date(day: date, today: date | None = None) -> str:
    """Say a local day: "mardi 1er décembre", with the year if not ``today``'s.

    Args:
        day: The local day.
        today: The reference day (no year said when the years match; ``None``: never).
    """
    number = "1er" if day.day == 1 else str(day.day)
    text = f"{WEEKDAY_NAMES[day.weekday()]} {number} {MONTH_NAMES[day.month - 1]}"
    if today is not None and today.year != day.year:
        text += f" {day.year}"
    return text


def say_clock(moment: datetime) -> str:
    """Say the time of a local datetime: "9h30", "14h"."""
    return say_time(moment.strftime("%H:%M"))


def say_when(moment: datetime, today: date | None = None) -> str:
    """Say a local datetime: "mardi 1er décembre à 9h30"."""
    return f"{say_date(moment.date(), today)} à {say_clock(moment)}"


def say_reported_dose(scheduled_at: datetime, time_zone: str, now: datetime) -> str:
    """Say a recent dose time: "de 8h", "d'hier à 21h" (in the patient's zone).

    Args:
        scheduled_at: The dose time (UTC).
        time_zone: The patient's IANA zone.
        now: The current instant.
    """
    zone = ZoneInfo(time_zone)
    local, today = scheduled_at.astimezone(zone), now.astimezone(zone).date()
    clock = say_clock(local)
    if local.date() == today:
        return f"de {clock}"
    if local.date() == today - timedelta(days=1):
        return f"d'hier à {clock}"
    return f"du {say_when(local, today)}"
