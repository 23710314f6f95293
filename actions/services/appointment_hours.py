"""At what hours a French patient would like an appointment.

"le matin", "aprem", "entre midi et deux", "en fin de journée", "avant 10h",
"vers 14h", "après 17h", "14h30" become the earliest and latest start times of a
slot. Reads folded text (see :func:`actions.services.medication_times.fold`) and
reuses the clock reader of :mod:`actions.services.medication_times`. No Rasa import.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

from actions.services.medication_duration import MONTH_PATTERN
from actions.services.medication_times import (
    CLOCK,
    Span,
    blank,
    clock_time,
    compile_folded,
    consume,
)

# The periods a patient names, as [start, end) windows of slot start times.
PERIODS: dict[str, tuple[time, time]] = {
    "matin": (time(8, 0), time(12, 0)),
    "midi": (time(12, 0), time(14, 0)),  # "entre midi et deux", "pause déj"
    "après-midi": (time(14, 0), time(18, 0)),
    "soir": (time(17, 0), time(20, 0)),  # also "fin de journée", "après le travail"
}
# The latest start of the last period: a day named for today is over after it.
DAY_END = time(19, 59)
# "vers 14h" accepts a slot starting this long before or after 14:00.
AROUND = timedelta(minutes=30)
# A bare "3h" or "5h30" is in the afternoon: nobody books at 3 a.m.
FIRST_MORNING_HOUR = 7
# Ends said by the patient ("avant 10h", "matin" until 12:00) are exclusive, the
# ``not_after`` field is inclusive: the latest start is one minute earlier.
_ONE_MINUTE = timedelta(minutes=1)

Hours = tuple[time | None, time | None]  # (not_before, not_after), both inclusive

_PERIOD_WORDS: tuple[tuple[str, str], ...] = (
    (
        "soir",
        r"fin\s+(?:de\s+|d')?(?:la\s+)?(?:journee|jour|aprem\w*|apres\s*midi|apm)"
        r"|soir(?:s|ee|ees)?|apres\s+(?:le|mon|ma)\s+(?:travail|boulot|taf+|job|journee)"
        r"|(?:en\s+)?sortant\s+du\s+(?:travail|boulot|taf+)",
    ),
    ("après-midi", r"apres?\s*midis?|aprem+s?|apm|aprm|ap\s+midi"),
    ("midi", r"midis?|dej|dejeuner"),
    ("matin", r"matin(?:s|ee|ees)?|mat|de\s+bonne\s+heure|tot\s+le\s+matin"),
)
_PERIOD = compile_folded(
    "|".join(
        rf"\b(?P<p{index}>{words})\b" for index, (_, words) in enumerate(_PERIOD_WORDS)
    )
)
_LUNCH = compile_folded(
    r"\bentre\s+(?:midi|12\s*h?)\s+(?:et|a)\s+(?:deux|2|2h|14\s*h?)(?![\d])"
    r"|\b(?:pause|heure)\s+(?:de\s+|du\s+)?(?:midi|dej\w*)"
)
# "à midi", "avant midi", "vers midi" are clock times; "le midi" is the lunch period.
_CLOCK_MIDI = compile_folded(
    r"\b(?:a|avant|apres|vers|des|de|d'ici|jusqu'?\s*a|partir\s+de|pas)\s*$"
)
_NOT_PERIOD = compile_folded(
    r"\b(?:pas|sauf|jamais)\s+(?:(?:le|la|les|en|dans\s+la|dans\s+l')\s+|l'|d')?"
    r"(?P<what>matin\w*|apres?\s*midis?|aprem\w*|soir\w*|fin\s+de\s+journee)\b"
)
# "entre 14 et 16h", "de 9 à 11h", "14-16h", "après 17": the bare number is an hour.
_BARE_HOUR = compile_folded(
    r"\b(?P<head>entre|de|avant|apres|vers|des|partir\s+de)\s+(?P<hour>\d{1,2})"
    r"(?=\s*(?:et|a|-)\s*\d{1,2}\s*h|\s*$|\s*[,;.!?]|\s+(?:ou|svp|stp|si|mais)\b)"
    rf"(?!\s*(?:h|:|heures?|jours?|j\b|semaines?|mois|ans?|min|{MONTH_PATTERN}))"
    r"|(?<![\d/.:])(?P<start>\d{1,2})\s*-\s*(?=\d{1,2}\s*h)"
)
_RANGE_START = compile_folded(r"\b(?:entre|de|du)\s*$")
_RANGE_JOIN = compile_folded(r"\s*(?:et|a|au|-|jusqu'?\s*a)\s*")
# What comes before a clock time, and the hours it allows.
_MODIFIERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, compile_folded(rf"(?:^|\b)(?:{words})\s*$"))
    for kind, words in (
        ("from", r"pas\s+avant"),
        ("until", r"pas\s+(?:apres|plus\s+tard\s+qu'?e?)"),
        ("before", r"avant|plus\s+tot\s+qu'?e?|jusqu'?\s*a|d'ici"),
        ("from", r"apres|a\s+partir\s+d[e']|des|plus\s+tard\s+qu'?e?|passe"),
        ("around", r"vers|environ|env|aux\s+alentours\s+d[e']|autour\s+d[e']"),
    )
)


def _shift(moment: time, delta: timedelta) -> time:
    """Moves a time of day, staying within the same day."""
    day = datetime(2000, 1, 1)
    moved = datetime.combine(day, moment) + delta
    return moved.time() if moved.date() == day.date() else moment


def _clock(match: re.Match[str]) -> time | None:
    """A clock time, a bare "3h" read as 15:00 (see ``FIRST_MORNING_HOUR``)."""
    moment = clock_time(match)
    bare = not match["named"] and not match["period"]
    if moment and bare and 1 <= moment.hour < FIRST_MORNING_HOUR:
        return moment.replace(hour=moment.hour + 12)
    return moment


def _period_of(words: str) -> str:
    """Names the period of "aprem", "fin de journée", "matinée"..."""
    match = _PERIOD.fullmatch(words)
    return next(
        name for index, (name, _) in enumerate(_PERIOD_WORDS) if match[f"p{index}"]
    )


def _clock_hours(text: str) -> tuple[list[Hours], list[Hours], list[Span]]:
    """Reads clock times: exact or approximate windows, bounds, and their spans."""
    windows: list[Hours] = []
    bounds: list[Hours] = []
    matches = [
        m
        for m in CLOCK.finditer(text)
        if _clock(m) and (not m["named"] or _CLOCK_MIDI.search(text[: m.start()]))
    ]  # a bare "midi" is the lunch period
    spans = [m.span() for m in matches]
    skip = False
    for index, match in enumerate(matches):
        after = matches[index + 1] if index + 1 < len(matches) else None
        if skip:
            skip = False
            continue
        moment, before = _clock(match), text[: match.start()]
        joined = after and _RANGE_JOIN.fullmatch(text[match.end() : after.start()])
        if after and joined and (_RANGE_START.search(before) or "-" in joined.group()):
            skip = True
            bounds.append((moment, _shift(_clock(after), -_ONE_MINUTE)))
            continue
        kind = next((k for k, p in _MODIFIERS if p.search(before)), "at")
        if kind == "from":
            bounds.append((moment, None))
        elif kind == "until":
            bounds.append((None, moment))
        elif kind == "before":
            bounds.append((None, _shift(moment, -_ONE_MINUTE)))
        elif kind == "around":
            windows.append((_shift(moment, -AROUND), _shift(moment, AROUND)))
        else:
            windows.append((moment, moment))
    return windows, bounds, spans


def _hull(windows: list[Hours]) -> Hours:
    """The smallest window holding all of them ("le matin ou l'aprem")."""
    if not windows:
        return None, None
    return min(w[0] for w in windows), max(w[1] for w in windows)


def _intersect(first: Hours, second: Hours) -> Hours | None:
    """Both constraints at once; None when nothing satisfies both."""
    lows = [t for t in (first[0], second[0]) if t is not None]
    highs = [t for t in (first[1], second[1]) if t is not None]
    low, high = max(lows, default=None), min(highs, default=None)
    if low is not None and high is not None and low > high:
        return None
    return low, high


def scan_hours(text: str) -> Hours:
    """Finds when in the day a slot should start.

    Clock times win over periods when both cannot hold ("le matin à 15h"); several
    periods or times widen the window ("matin ou aprem", "14h ou 15h"); bounds
    narrow it ("le matin avant 10h").

    Args:
        text: A folded text (see :func:`actions.services.medication_times.fold`).

    Returns:
        The earliest and latest start times, inclusive; None where free.
    """
    excluded, text = consume(_NOT_PERIOD, text)
    text = _BARE_HOUR.sub(
        lambda m: f"{m['head']} {m['hour']}h" if m["head"] else f"{m['start']}h ",
        text,
    )
    lunch, text = consume(_LUNCH, text)
    windows, bounds, spans = _clock_hours(text)
    periods = [PERIODS["midi"]] * len(lunch) + [
        PERIODS[_period_of(m.group())] for m in _PERIOD.finditer(blank(text, spans))
    ]
    for match in excluded:
        start, end = PERIODS[_period_of(match["what"])]
        morning = start == min(first for first, _ in PERIODS.values())
        bounds.append((end, None) if morning else (None, _shift(start, -_ONE_MINUTE)))
    hours = _hull([(start, _shift(end, -_ONE_MINUTE)) for start, end in periods])
    if windows:
        hours = _intersect(hours, _hull(windows)) or _hull(windows)
    for bound in bounds:
        hours = _intersect(hours, bound) or hours
    return hours
