"""Until when a French patient takes a medication.

"pendant 10 jours", "2 semaines", "jusqu'au 15/12", "jusqu'à la fin du mois", "à vie"
become a :class:`Duration`. The text is folded by
:func:`actions.services.medication_times.fold`. No Rasa import.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from actions.services.medication_recurrence import scan_recurrence
from actions.services.medication_times import (
    NUMBER,
    WEEKDAY,
    Span,
    blank,
    compile_folded,
    consume,
    fold,
    to_number,
    weekday_number,
)


@dataclass(frozen=True)
class Duration:
    """How long a treatment lasts.

    Attributes:
        end_date: The last day of the treatment, included; None when the treatment
            has no end ("à vie", "en continu").
    """

    end_date: date | None

    @property
    def unlimited(self) -> bool:
        """True when the treatment has no end date."""
        return self.end_date is None


UNLIMITED = Duration(end_date=None)

MONTHS: dict[str, int] = {
    "janvier": 1, "janv": 1, "jan": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8,
    "septembre": 9, "sept": 9, "sep": 9, "octobre": 10, "oct": 10, "novembre": 11,
    "nov": 11, "decembre": 12, "dec": 12,
}  # fmt: skip
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
_UNTIL = r"\bjusqu(?:e|\s*')?\s*(?:au|aux|a\s+la|a\s+l'|a)?\s*(?:(?:le|ce)\s+)?"
# A calendar day: "15/12", "15.12.2026", "1er mars", "3 déc" (read by date_of).
DATE = (
    rf"(?P<day>\d{{1,2}}|premier)(?:er)?"
    rf"(?:\s*[/.-]\s*(?P<month>\d{{1,2}})|\s+(?P<month_name>{MONTH_PATTERN})\.?(?![a-z]))"
    rf"(?:\s*[/.\s-]\s*(?P<year>\d{{4}}|\d{{2}}))?(?!\d)"
)
_UNTIL_DATE = compile_folded(rf"{_UNTIL}{DATE}")
_UNTIL_END = compile_folded(
    rf"{_UNTIL}(?:la\s+)?fin\s+(?:du|de\s+ce|de\s+la|de\s+cette|de\s+l'|d')\s*"
    r"(?P<what>mois|semaine|annee)\b"
)
_UNTIL_DAY = compile_folded(
    rf"{_UNTIL}(?P<what>apres\s+demain|demain|aujourd'?\s*hui|soir|{WEEKDAY})"
    r"(?:\s+prochain)?"
)
_FOR_N = compile_folded(
    rf"(?:\b(?:pendant|durant|pdt|pour|sur|encore)\s+)?(?<![\w/.,])(?P<n>{NUMBER})\s*"
    r"(?P<unit>jours?|j|semaines?|sem|mois|ans?|annees?)(?![a-z\d])(?!\s+sur\s)"
)
_UNLIMITED = compile_folded(
    r"\b(?:a\s+vie|pour\s+la\s+vie|sans\s+fin|sans\s+limite|sans\s+date\s+de\s+fin"
    r"|sans\s+arret|en\s+continu|(?:pour\s+)?toujours|tjrs|tjs|a\s+long\s+terme"
    r"|au\s+long\s+cours|indefiniment)\b"
)


def add_months(day: date, months: int) -> date:
    """Moves ``day`` by whole months, keeping the day within the target month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_date(today: date, day: int, month: int, year: int | None) -> date | None:
    """The given day on or after ``today``; the given year if there is one."""
    if year is not None:
        year += 2000 if year < 100 else 0
        candidate = date(year, month, day)
        return candidate if candidate >= today else None
    for offset in range(9):  # 29 February comes back within eight years
        try:
            candidate = date(today.year + offset, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


def date_of(match: re.Match[str], today: date) -> date | None:
    """The day a :data:`DATE` match names, on or after today ("jusqu'au 15/12")."""
    day = 1 if match["day"] == "premier" else int(match["day"])
    month = int(match["month"]) if match["month"] else MONTHS[match["month_name"]]
    return next_date(today, day, month, int(match["year"]) if match["year"] else None)


def _period_end(match: re.Match[str], today: date) -> date | None:
    """End of "jusqu'à la fin du mois / de la semaine / de l'année"."""
    if match["what"] == "mois":
        return today.replace(day=calendar.monthrange(today.year, today.month)[1])
    if match["what"] == "semaine":
        return today + timedelta(days=6 - today.weekday())
    return today.replace(month=12, day=31)


def day_of(match: re.Match[str], today: date) -> date | None:
    """The day a relative word names: "demain", "ce soir", "lundi" (the next one)."""
    what = " ".join(match["what"].replace("-", " ").split())
    if what.startswith("apres"):
        return today + timedelta(days=2)
    if what == "demain":
        return today + timedelta(days=1)
    if what.startswith("aujourd") or what == "soir":
        return today
    return today + timedelta(days=(weekday_number(what) - today.weekday() - 1) % 7 + 1)


def _count_end(match: re.Match[str], today: date) -> date | None:
    """Last day of "pendant N jours / semaines / mois / ans"; today is the first."""
    count, unit = to_number(match["n"]) or 0, match["unit"]
    if count < 1:
        return None
    if unit.startswith("j"):
        return today + timedelta(days=count - 1)
    if unit.startswith("s"):
        return today + timedelta(days=7 * count - 1)
    months = count if unit == "mois" else 12 * count
    return add_months(today, months) - timedelta(days=1)


_END_READERS: tuple[
    tuple[re.Pattern[str], Callable[[re.Match[str], date], date | None]], ...
] = (
    (_UNTIL_DATE, date_of),
    (_UNTIL_END, _period_end),
    (_UNTIL_DAY, day_of),
    (_FOR_N, _count_end),
)


def scan_duration(text: str, today: date) -> tuple[Duration | None, list[Span]]:
    """Finds how long the treatment lasts in a folded text.

    Args:
        text: A folded text (see :func:`fold`).
        today: The first day of the treatment.

    Returns:
        The duration, or None, and the spans of text that described it.
    """
    work = blank(text, scan_recurrence(text)[1])  # "tous les 3 jours" is no duration
    for pattern, read_end in _END_READERS:
        found, work = consume(pattern, work)
        if found:
            try:
                end = read_end(found[0], today)
            except (ValueError, OverflowError):  # 31/02, or beyond year 9999
                end = None
            return (Duration(end) if end else None), [found[0].span()]
    found, _ = consume(_UNLIMITED, work)
    return (UNLIMITED if found else None), [match.span() for match in found]


def parse_duration(text: str, today: date) -> Duration | None:
    """Reads until when a patient takes a medication.

    Args:
        text: What the patient wrote, e.g. "pendant 10 jours", "2 semaines",
            "jusqu'au 15/12", "jusqu'à la fin du mois", "à vie".
        today: The first day of the treatment.

    Returns:
        A :class:`Duration` whose ``end_date`` is the last day included: "pendant
        10 jours" ends on ``today + 9 days`` (today is day 1, the 10th day is the
        last), "1 mois" the day before the same date next month. A date without a
        year is its next occurrence (today included). ``UNLIMITED`` for "à vie",
        "sans fin", "en continu", "toujours". None when not understood or when the
        end date is impossible or already past.
    """
    return scan_duration(fold(text).text, today)[0]
