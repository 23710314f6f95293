"""When a French patient would like an appointment, read from their words.

:func:`read_time_preference` turns "mardi matin", "au plus vite", "la semaine
prochaine après 17h", "le 12/12", "pas le mercredi" into a
:class:`~actions.services.time_preference.TimePreference`. The hours are read by
:mod:`actions.services.appointment_hours`; the folding, weekdays and calendar dates
are those of the medication readers. No Rasa import.

Days, as chosen for Hygie:

* "jeudi" is the next Thursday, today included; when today is Thursday and the
  asked hours are already over at ``now_local_time``, the Thursday after.
* "jeudi prochain", "jeudi de la semaine prochaine" is the Thursday of next week
  (weeks start on Monday). "les jeudis" is any Thursday.
* A date without a year ("le 12/12", "le 12 décembre", "le 15") is its next
  occurrence, today included; a date with a past year is ignored.
* "cette semaine" runs from today to Sunday, "la semaine prochaine" from next
  Monday to next Sunday, "ce week-end" is the coming Saturday and Sunday.
* "dans 8 jours" / "dans 15 jours" mean one / two weeks, as in French; "dans N
  jours, semaines, mois" sets only the first day.
* Several days ("lundi ou mercredi") span from the first to the last, keeping only
  the named weekdays when they are not consecutive.
* Anything not understood adds no constraint: unknown text is ``ANY_TIME``.
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta

from actions.services.appointment_hours import DAY_END, scan_hours
from actions.services.medication_duration import DATE, add_months, date_of, day_of
from actions.services.medication_recurrence import (
    ALL_WEEKDAYS,
    FORTNIGHT_DAYS,
    WEEKEND_DAYS,
    WORKING_DAYS,
)
from actions.services.medication_start import scan_start
from actions.services.medication_times import (
    NUMBER,
    WEEKDAY,
    compile_folded,
    consume,
    fold,
    to_number,
    weekday_number,
)
from actions.services.time_preference import ANY_TIME, TimePreference

# SMS spellings and frequent typos, rewritten before reading.
_SPELLINGS: dict[str, str] = {
    "2main": "demain", "dmain": "demain", "demin": "demain", "dem1": "demain",
    "ajd": "aujourd'hui", "auj": "aujourd'hui", "aujourdhui": "aujourd'hui",
    "ojd": "aujourd'hui", "sem": "semaine", "smaine": "semaine", "smn": "semaine",
    "semaines": "semaine", "pro": "prochain", "proch": "prochain",
    "prochaine": "prochain", "prochaines": "prochain", "prochains": "prochain",
    "mecredi": "mercredi", "mercedi": "mercredi", "merkredi": "mercredi",
    "jeudie": "jeudi", "vendredie": "vendredi", "vendrdi": "vendredi",
    "samdi": "samedi", "dimache": "dimanche", "lundie": "lundi", "mardie": "mardi",
    "ds": "dans", "ki": "qui", "ke": "que", "k": "que", "weekend": "week end",
    "we": "week end", "wk": "week end",
}  # fmt: skip
_WORD = compile_folded(r"[a-z0-9]+")
_ASAP = compile_folded(
    r"\b(?:(?:le|au|o)\s*(?:plus|\+)\s*(?:tot|vite|rapide\w*)|des\s+que\s+(?:possible|"
    r"poss\w*|vous\s+(?:pouvez|pourrez)|vs\s+pouvez|y\s+a\s+de\s+la\s+place)|dqp|asap"
    r"|rapidement|vite|urgent\w*|urgence|tout\s+de\s+suite|tt\s+de\s+suite"
    r"|(?:le\s+)?premier\s+(?:creneau|rdv|rendez\s+vous|dispo\w*)|premiere\s+dispo\w*"
    r"|(?:plus\s+)?brefs?\s+delais?|en\s+priorite)\b"
)
_NEXT_WEEK = compile_folded(
    r"\b(?:(?:la|dans\s+la)\s+)?(?:semaine\s+(?:prochain|d'apres|suivante|qui\s+vient)"
    r"|prochain\s+semaine)\b"
)
_THIS_WEEK = compile_folded(
    r"\b(?:(?:dans\s+|pour\s+)?(?:cette|la)\s+semaine|d'ici\s+(?:la\s+)?fin\s+de\s+"
    r"(?:la\s+|cette\s+)?semaine|avant\s+(?:la\s+)?fin\s+de\s+(?:la\s+|cette\s+)?semaine)"
    r"(?:\s+ci)?\b"
)
_NOT_THIS_WEEK = compile_folded(r"\bpas\s+(?:cette|la)\s+semaine\b")
_NOT_TODAY = compile_folded(r"\bpas\s+(?:aujourd'hui|ce\s+soir|ce\s+matin)")
_WEEKEND = compile_folded(
    r"\b(?P<every>les\s+|en\s+)?week\s*ends?(?P<next>\s+prochain)?\b"
)
_WORKING_WEEK = compile_folded(r"\ben\s+semaine\b")
_IN_N = compile_folded(
    rf"\bdans\s+(?P<n>{NUMBER}|une|un)\s*(?P<unit>jours?|j|semaine|mois)(?![a-z])"
)
# In French "dans 8 jours" is in a week and "dans 15 jours" in two.
_WEEKS_IN_DAYS = {8: 7, 15: FORTNIGHT_DAYS}
_MONTH = compile_folded(r"\b(?P<which>ce|le)\s+mois(?:\s+ci|\s+(?P<next>prochain))?\b")
_DAY_WORD = rf"(?:{WEEKDAY}|week\s+end)"
_NOT_DAYS = compile_folded(
    rf"\b(?:pas|sauf|hors|excepte|jamais)\s+(?:(?:dispo\w*|libre|possible)\s+)?"
    rf"(?:(?:le|les|la|ce)\s+)?{_DAY_WORD}(?:\s*(?:,|et|ni|ou)\s*(?:(?:le|les|ce)\s+)?"
    rf"{_DAY_WORD})*"
)
_RELATIVE = r"(?P<what>apres\s+demain|demain|aujourd'\s*hui)"
_BOUND = compile_folded(
    rf"\b(?P<bound>avant|d'ici|au\s+plus\s+tard|apres(?!\s+demain)|pas\s+avant)\s+(?:(?:le|ce)\s+)?"
    rf"(?:(?P<weekday>{WEEKDAY})|{_RELATIVE}|{DATE})"
)
_TODAY = compile_folded(
    r"\b(?:aujourd'\s*hui|ce\s+(?:soir|matin|midi)|cet\s+(?:apres\s*midi|aprem\w*)"
    r"|dans\s+la\s+journee|(?:ce\s+)?jour\s+meme)\b"
)
_RELATIVE_DAY = compile_folded(rf"\b{_RELATIVE}\b")
_DATE = compile_folded(rf"(?:{WEEKDAY}\s+)?(?:(?:le|du)\s+)?{DATE}")
_DAY_OF_MONTH = compile_folded(
    rf"\b(?:{WEEKDAY}\s+(?:le\s+)?|(?:le|du)\s+)(?P<day>\d{{1,2}})(?:er)?"
    r"(?![\d/.:])(?!\s*(?:h|heures?|jours?|j\b|semaines?|mois|ans?|min|/))"
)
_WEEKDAY_NAME = compile_folded(rf"\b(?P<name>{WEEKDAY})(?P<next>\s+prochain)?")


def _spell(text: str) -> str:
    """Rewrites SMS spellings word by word ("2main" → "demain")."""
    return _WORD.sub(lambda m: _SPELLINGS.get(m.group(), m.group()), text)


def _monday(day: date, weeks: int = 0) -> date:
    """The Monday of ``day``'s week, moved by ``weeks``."""
    return day - timedelta(days=day.weekday()) + timedelta(weeks=weeks)


def _next(weekday: int, today: date) -> date:
    """The next day with this weekday, today included."""
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def _read_date(match: re.Match[str], today: date) -> date | None:
    """A calendar date, or None when impossible (31/02) or past (2020)."""
    try:
        return date_of(match, today)
    except ValueError:
        return None


def _day_of_month(day: int, today: date) -> date | None:
    """The next "le 15", today included."""
    month = today.replace(day=1)
    for _ in range(3):
        try:
            candidate = month.replace(day=day)
        except ValueError:
            candidate = None
        if candidate and candidate >= today:
            return candidate
        month = add_months(month, 1)
    return None


def _range(text: str, today: date) -> tuple[date | None, date | None, str]:
    """A span of days ("cette semaine", "dans 15 jours"), and the text without it."""
    found, text = consume(_NEXT_WEEK, text)
    if found:
        return _monday(today, 1), _monday(today, 1) + timedelta(days=6), text
    found, text = consume(_NOT_THIS_WEEK, text)
    if found:
        return _monday(today, 1), None, text
    found, text = consume(_THIS_WEEK, text)
    if found:
        return today, _monday(today) + timedelta(days=6), text
    found, text = consume(_NOT_TODAY, text)
    if found:
        return today + timedelta(days=1), None, text
    found, text = consume(_MONTH, text)
    if found:
        start = add_months(today.replace(day=1), 1) if found[0]["next"] else today
        return start, add_months(start.replace(day=1), 1) - timedelta(days=1), text
    found, text = consume(_IN_N, text)
    if found:
        count, unit = to_number(found[0]["n"]) or 1, found[0]["unit"]
        if unit == "mois":
            return add_months(today, count), None, text
        days = _WEEKS_IN_DAYS.get(count, count) if unit[0] == "j" else 7 * count
        return today + timedelta(days=days), None, text
    return None, None, text


def _weekend(text: str, today: date) -> tuple[list[date], set[int], str]:
    """The coming (or next) weekend's days, or weekends in general."""
    found, text = consume(_WEEKEND, text)
    if not found:
        return [], set(), text
    if found[0]["every"]:
        return [], set(WEEKEND_DAYS), text
    saturday = _monday(today, 1 if found[0]["next"] else 0) + timedelta(days=5)
    return [max(today, saturday), saturday + timedelta(days=1)], set(), text


def _bounds(text: str, today: date) -> tuple[date | None, date | None, str]:
    """First and last day from "avant jeudi", "d'ici demain", "après le 12/12"."""
    first = last = None
    found, text = consume(_BOUND, text)
    for match in found:
        if match["weekday"]:
            day = _next(weekday_number(match["weekday"]), today)
        elif match["what"]:
            day = day_of(match, today)
        else:
            day = _read_date(match, today)
        if day is None:
            continue
        bound = match["bound"]
        if bound == "avant":
            last = day - timedelta(days=1)
        elif bound == "apres":
            first = day + timedelta(days=1)
        elif bound == "pas avant":
            first = day
        else:
            last = day
    return first, last, text


def _excluded_days(text: str) -> tuple[set[int], str]:
    """Weekdays the patient cannot do ("pas le mercredi", "sauf le week-end")."""
    found, text = consume(_NOT_DAYS, text)
    days: set[int] = set()
    for match in found:
        words = match.group()
        days |= {weekday_number(m["name"]) for m in _WEEKDAY_NAME.finditer(words)}
        days |= set(WEEKEND_DAYS) if "week" in words else set()
    return days, text


def _days(
    text: str, today: date, next_week: bool
) -> tuple[list[date], list[date], set[int]]:
    """Named days: dates, dates from a bare weekday name, and weekdays in general."""
    dates: list[date] = []
    found, text = consume(_DATE, text)
    dates += [day for day in (_read_date(m, today) for m in found) if day]
    found, text = consume(_DAY_OF_MONTH, text)
    dates += [day for m in found if (day := _day_of_month(int(m["day"]), today))]
    found, text = consume(_TODAY, text)
    dates += [today] * bool(found)
    found, text = consume(_RELATIVE_DAY, text)
    dates += [day for day in (day_of(m, today) for m in found) if day]
    weekend, every_weekday, text = _weekend(text, today)
    dates += weekend
    found, text = consume(_WORKING_WEEK, text)
    every_weekday |= set(WORKING_DAYS) if found else set()
    named: list[date] = []
    for match in _WEEKDAY_NAME.finditer(text):
        weekday = weekday_number(match["name"])
        if match["name"].endswith("s"):  # "les lundis"
            every_weekday.add(weekday)
        elif match["next"] or next_week:
            dates.append(_monday(today, 1) + timedelta(days=weekday))
        else:
            named.append(_next(weekday, today))
    return dates, named, every_weekday


def read_time_preference(
    text: str, today: date, now_local_time: time | None = None
) -> TimePreference:
    """Reads when a patient would like an appointment.

    Args:
        text: What the patient wrote, e.g. "mardi matin", "au plus vite", "la
            semaine prochaine après 17h", "pas le mercredi", "le 12/12 vers 14h".
        today: The patient's local today.
        now_local_time: The patient's local time now; when given, a weekday named
            for today whose hours are over means next week's.

    Returns:
        The preference; ``ANY_TIME`` when nothing is understood ("n'importe
        quand", "peu importe", unknown text). Hours follow
        :data:`actions.services.appointment_hours.PERIODS`.
    """
    if not isinstance(text, str):
        return ANY_TIME
    start, text = scan_start(text, today)  # "à partir de lundi", "dès le 3/12"
    work = _spell(fold(text).text)
    not_before, not_after = scan_hours(work)
    asap = bool(_ASAP.search(work))
    next_week = bool(_NEXT_WEEK.search(work))
    first, last, work = _range(work, today)
    bound_first, bound_last, work = _bounds(work, today)
    excluded, work = _excluded_days(work)
    dates, named, every_weekday = _days(work, today, next_week)
    over = now_local_time is not None and now_local_time > (not_after or DAY_END)
    dates += [
        day + timedelta(weeks=1) if day == today and over else day for day in named
    ]

    dates = [day for day in dates if day.weekday() not in excluded] or dates
    weekdays = set(every_weekday or ALL_WEEKDAYS) - excluded
    if dates:
        first, last = min(dates), max(dates)
        if len(set(dates)) < (last - first).days + 1:  # "lundi ou mercredi"
            weekdays &= {day.weekday() for day in dates}
    first = max(filter(None, (first, start, bound_first)), default=None)
    last = min(filter(None, (last, bound_last)), default=None)
    return TimePreference(
        first_day=first,
        last_day=last,
        weekdays=frozenset(weekdays) if weekdays and weekdays != ALL_WEEKDAYS else None,
        not_before=not_before,
        not_after=not_after,
        as_soon_as_possible=asap,
    )
