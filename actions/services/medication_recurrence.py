"""On which days a French patient takes a medication.

"tous les jours", "ts les jours", "lun mer ven", "du lundi au vendredi", "un jour
sur deux" become a :class:`Recurrence`. The text is folded by
:func:`actions.services.medication_times.fold`. No Rasa import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from actions.services.medication_times import (
    EVERY,
    INTERVAL,
    NUMBER,
    PER_DAY,
    WEEKDAY,
    Span,
    compile_folded,
    consume,
    fold,
    to_number,
    weekday_number,
)

RecurrenceKind = Literal["daily", "weekdays", "every_n_days"]
ALL_WEEKDAYS = frozenset(range(7))
WORKING_DAYS = frozenset(range(5))
WEEKEND_DAYS = frozenset({5, 6})
# "tous les quinze jours" means every two weeks in French, not every 15 days.
FORTNIGHT_DAYS = 14
# Reminders further apart than this are not a recurrence we can help with.
MAX_INTERVAL_DAYS = 366


@dataclass(frozen=True)
class Recurrence:
    """On which days a medication is taken.

    Attributes:
        kind: "daily", "weekdays" (given days of the week) or "every_n_days".
        weekdays: For "weekdays", the days as ``date.weekday()`` numbers
            (0 = Monday), sorted; empty otherwise.
        interval_days: For "every_n_days", the days between two intakes (2 for
            "un jour sur deux"); 1 otherwise.
    """

    kind: RecurrenceKind
    weekdays: tuple[int, ...] = ()
    interval_days: int = 1


DAILY = Recurrence("daily")

_WEEKEND = r"week\s*ends?"
_DAY_OR_WEEKEND = rf"(?:{WEEKDAY}|{_WEEKEND})"


# Days that start or end the treatment are not days of the week it is taken on.
_BOUNDARY_DAY = compile_folded(
    rf"\b(?:jusqu(?:e|\s*')?\s*(?:au|a)?|a\s+partir\s+d[eu]|des|depuis|commence\w*)"
    rf"\s+(?:(?:le|ce)\s+)?{WEEKDAY}(?:\s+prochain)?"
)
_EXCEPT = compile_folded(
    rf"\bsauf\s+(?:(?:le|les|la)\s+)?{_DAY_OR_WEEKEND}"
    rf"(?:\s*(?:,|et|ni)?\s*(?:(?:le|les)\s+)?{_DAY_OR_WEEKEND})*"
)
_RANGE = compile_folded(
    rf"\b(?:(?:du|de)\s+)?(?P<first>{WEEKDAY})\s+(?:au|a|jusqu'?\s*au)\s+"
    rf"(?P<last>{WEEKDAY})"
)
_WORKING_WEEK = compile_folded(
    r"\b(?:en\s+semaine|jours?\s+(?:de\s+(?:la\s+)?semaine|ouvres))\b"
)
_WEEKEND_RE = compile_folded(rf"\b{_WEEKEND}\b")
_SINGLE_DAY = compile_folded(rf"\b{WEEKDAY}")
_ONE_DAY_IN_N = compile_folded(
    rf"\b(?:un|1)\s+jours?\s+sur\s+(?P<n>{NUMBER})(?![a-z\d])"
)
_EVERY_N = compile_folded(
    rf"\b{EVERY}\s+les\s+(?P<n>{NUMBER})\s*(?P<unit>jours?|j|semaines?|sem)(?![a-z\d])"
)
_PER_WEEK = compile_folded(
    rf"(?<!\w)(?P<n>{NUMBER})\s*(?:fois|x)\s*(?:par|/)\s*(?:semaine|sem)\b"
    rf"|\b(?:chaque\s+semaine|{EVERY}\s+les\s+semaines|hebdo\w*)\b"
)
_DAILY = compile_folded(
    rf"\b(?:{EVERY}\s+les\s+(?:jours?|matins?|soirs?|midis?|nuits?)"
    r"|chaque\s+(?:jour|matin|soir|midi|nuit)|(?:au\s+)?quotidien\w*|journalier\w*"
    r"|tlj|7\s*j?\s*(?:/|sur)\s*7|par\s+jour)\b|/\s*j(?:ours?)?(?![a-z])"
)


def _days_in(text: str) -> set[int]:
    days = {weekday_number(match.group()) for match in _SINGLE_DAY.finditer(text)}
    return days | (set(WEEKEND_DAYS) if _WEEKEND_RE.search(text) else set())


def _interval_days(
    one_in_n: list[re.Match[str]],
    every_n: list[re.Match[str]],
    per_week: list[re.Match[str]],
    hours: list[re.Match[str]],
) -> int | None:
    """Days between two intakes; 0 when said but unusable, None when not said."""
    if one_in_n:
        return to_number(one_in_n[0]["n"]) or 0
    if every_n:
        count = to_number(every_n[0]["n"]) or 0
        if every_n[0]["unit"].startswith("s"):
            return 7 * count
        return FORTNIGHT_DAYS if count == 15 else count
    if per_week:  # "3 fois par semaine" does not say which days
        return 7 if to_number(per_week[0]["n"] or "1") == 1 else 0
    hours_between = (to_number(hours[0]["n"]) or 0) if hours else 0
    if hours_between >= 24:
        return hours_between // 24 if hours_between % 24 == 0 else 0
    return None


def scan_recurrence(text: str) -> tuple[Recurrence | None, list[Span]]:
    """Finds the recurrence in a folded text.

    Named days win over "every N days", which wins over "daily" markers.

    Args:
        text: A folded text (see :func:`fold`).

    Returns:
        The recurrence, or None, and the spans of text that described it.
    """
    _, work = consume(_BOUNDARY_DAY, text)
    matches: list[re.Match[str]] = []

    def take(pattern: re.Pattern[str]) -> list[re.Match[str]]:
        nonlocal work
        found, work = consume(pattern, work)
        matches.extend(found)
        return found

    excluded = set().union(*(_days_in(m.group()) for m in take(_EXCEPT)))
    days: set[int] = set()
    for match in take(_RANGE):
        first, last = weekday_number(match["first"]), weekday_number(match["last"])
        days |= {(first + k) % 7 for k in range((last - first) % 7 + 1)}
    days |= set(WORKING_DAYS) if take(_WORKING_WEEK) else set()
    days |= set(WEEKEND_DAYS) if take(_WEEKEND_RE) else set()
    days |= {weekday_number(match.group()) for match in take(_SINGLE_DAY)}
    interval = _interval_days(
        take(_ONE_DAY_IN_N), take(_EVERY_N), take(_PER_WEEK), hours := take(INTERVAL)
    )
    daily = take(_DAILY) + take(PER_DAY) + hours
    spans = [match.span() for match in matches]

    if days or excluded:
        days = (days or set(ALL_WEEKDAYS)) - excluded
        if not days or days == ALL_WEEKDAYS:
            return (DAILY if days else None), spans
        return Recurrence("weekdays", weekdays=tuple(sorted(days))), spans
    if interval is None:
        return (DAILY if daily else None), spans
    if not 1 <= interval <= MAX_INTERVAL_DAYS:
        return None, spans
    every = (
        DAILY if interval == 1 else Recurrence("every_n_days", interval_days=interval)
    )
    return every, spans


def parse_recurrence(text: str) -> Recurrence | None:
    """Reads on which days a patient takes a medication.

    Args:
        text: What the patient wrote, e.g. "tous les jours", "lun mer ven",
            "du lundi au vendredi", "un jour sur deux", "tous les 3 jours".

    Returns:
        The recurrence, or None when it is not understood. "N fois par jour" and
        "toutes les N heures" imply "daily"; "une fois par semaine" without a day
        is every 7 days; "tous les 15 jours" is every 14 days.
    """
    return scan_recurrence(fold(text).text)[0]
