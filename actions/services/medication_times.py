"""At what times of day a French patient takes a medication.

Patients write "8h30", "à 8h et 20h", "matin midi et soir", "2 fois par jour" or
"toutes les 8 heures"; :func:`parse_times` turns that into sorted clock times.
This module also holds what every ``medication_*`` reader shares: the text folding
(case, accents, apostrophes), French numbers and weekdays, and the
find-and-blank helpers. It imports nothing from Rasa.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import time

# Longer messages are cut: no medication sentence needs more, and it bounds the work.
MAX_TEXT_LENGTH = 1000

# Default clock time of each moment of the day a patient may name.
MOMENT_TIMES: dict[str, time] = {
    "réveil": time(7, 0),
    "matin": time(8, 0),
    "midi": time(12, 0),
    "après-midi": time(16, 0),
    "soir": time(20, 0),
    "coucher": time(22, 0),
    "minuit": time(0, 0),
}
# Times used for "N fois par jour" when the patient names no time.
TIMES_PER_DAY_DEFAULTS: dict[int, tuple[time, ...]] = {
    1: (MOMENT_TIMES["matin"],),
    2: (MOMENT_TIMES["matin"], MOMENT_TIMES["soir"]),
    3: (MOMENT_TIMES["matin"], MOMENT_TIMES["midi"], MOMENT_TIMES["soir"]),
    4: (
        MOMENT_TIMES["matin"],
        MOMENT_TIMES["midi"],
        MOMENT_TIMES["après-midi"],
        MOMENT_TIMES["soir"],
    ),
}
# "toutes les N heures" starts at this time unless the patient gives one.
INTERVAL_START_TIME = MOMENT_TIMES["matin"]

NUMBER_WORDS: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
    "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "dix sept": 17,
    "dix huit": 18, "dix neuf": 19, "vingt": 20, "vingt et un": 21,
    "vingt et une": 21, "vingt deux": 22, "vingt trois": 23, "vingt quatre": 24,
    "vingt cinq": 25, "trente": 30, "trente et un": 31, "quarante": 40,
    "quarante cinq": 45, "cinquante": 50, "cinquante cinq": 55,
}  # fmt: skip


def _alternation(words: Iterable[str]) -> str:
    """Builds a regex alternation trying the longest words first."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


NUMBER_WORD = rf"(?:{_alternation(NUMBER_WORDS)})(?![a-z])"
NUMBER = rf"(?:\d{{1,3}}|{NUMBER_WORD})"
WEEKDAY = (
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?"
    r"|lun|mar|mer|jeu|vend|ven|sam|dim)(?![a-z])"
)
EVERY = r"(?:tous|toutes|tout|toute|ts|tt|ttes|tts)"
_WEEKDAY_PREFIXES = ("lun", "mar", "mer", "jeu", "ven", "sam", "dim")

Span = tuple[int, int]


@dataclass(frozen=True)
class FoldedText:
    """A patient message lowercased, without accents, with a map back to the original.

    Attributes:
        text: The folded text: lowercase ASCII-ish, straight apostrophes, hyphens
            between words turned into spaces, runs of spaces collapsed.
        origin: For each character of ``text``, its index in ``original``.
        original: The message as written (cut to ``MAX_TEXT_LENGTH``).
    """

    text: str
    origin: tuple[int, ...]
    original: str

    def original_slice(self, start: int, end: int) -> str:
        """Returns the original characters behind ``text[start:end]``."""
        return self.original[self.origin[start] : self.origin[end - 1] + 1]


_CHAR_REPLACEMENTS = {
    "½": "1/2", "¼": "1/4", "¾": "3/4", "’": "'", "‘": "'", "`": "'", "´": "'",
    "ʼ": "'", "œ": "oe", "æ": "ae", "µ": "u", "μ": "u",
}  # fmt: skip


def _fold_char(text: str, index: int) -> str:
    """Folds one character; a hyphen survives only between two digits (15-12)."""
    char = text[index]
    if char in _CHAR_REPLACEMENTS:
        return _CHAR_REPLACEMENTS[char]
    if char == "-":
        inside = 0 < index < len(text) - 1
        digits = inside and text[index - 1].isdigit() and text[index + 1].isdigit()
        return "-" if digits else " "
    if char.isspace() or char == "_" or not char.isprintable():
        return " "
    decomposed = unicodedata.normalize("NFKD", char.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: object) -> FoldedText:
    """Folds a patient message so that "À 8H" and "a 8h" read the same.

    Args:
        text: The message; anything that is not a string folds to an empty text.

    Returns:
        The folded text with its map back to the original characters.
    """
    original = text[:MAX_TEXT_LENGTH] if isinstance(text, str) else ""
    chars: list[str] = []
    origin: list[int] = []
    for index in range(len(original)):
        for char in _fold_char(original, index):
            if char == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(char)
            origin.append(index)
    if chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return FoldedText("".join(chars), tuple(origin), original)


def to_number(word: str | None) -> int | None:
    """Reads "8" or "huit" as 8; returns None for anything else."""
    if not word:
        return None
    word = " ".join(word.split())
    if word.isascii() and word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def weekday_number(word: str) -> int:
    """Reads a folded "lundi", "lun" or "lundis" as 0, like ``date.weekday()``."""
    return next(
        i for i, prefix in enumerate(_WEEKDAY_PREFIXES) if word.startswith(prefix)
    )


def blank(text: str, spans: list[Span]) -> str:
    """Replaces each span of ``text`` by spaces, keeping every other index in place."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def consume(pattern: re.Pattern[str], text: str) -> tuple[list[re.Match[str]], str]:
    """Finds every match of ``pattern`` and blanks it so later patterns skip it.

    Args:
        pattern: A pattern made by :func:`compile_folded`.
        text: A folded text, possibly already partly blanked.

    Returns:
        The matches in text order, and the text with each match replaced by spaces.
    """
    matches = list(pattern.finditer(text))
    return matches, blank(text, [match.span() for match in matches])


def compile_folded(pattern: str) -> re.Pattern[str]:
    """Compiles a pattern meant for folded text, with ASCII word and digit classes."""
    return re.compile(pattern, re.ASCII)


# Hours that are a duration or a delay, not a clock: "pendant 48h", "1 heure avant".
_NOT_A_CLOCK = compile_folded(
    rf"\b(?:pendant|durant|pdt|dans|depuis|sur|pour)\s+{NUMBER}\s*(?:heures?|hrs?|h)"
    rf"(?![a-z\d])|(?<![\w])(?<!a ){NUMBER}\s+heures?\s+(?:avant|apres)\b"
)
INTERVAL = compile_folded(
    rf"\b{EVERY}\s+(?:les\s+)?(?:(?P<n>{NUMBER})\s*)?(?:heures?|hrs?|h)(?![a-z\d])"
)
PER_DAY = compile_folded(
    rf"(?<!\w)(?P<n>{NUMBER})\s*(?:fois|x|prises?)\s*(?:par|/|dans\s+la|au|a\s+la)?"
    rf"\s*(?:jours?|j|journee|24\s*h)(?![a-z\d])"
)
# Spaced digits after an hour are minutes unless a dose follows: "8h 10 gouttes".
_NOT_A_DOSE = (
    r"(?!\s*(?:gout|gtt|ml|mg|comp|cp|gel|sach|cuil|bouf|puff|unit|ui\b|fois))"
)
_MINUTE_WORD = _alternation(w for w, n in NUMBER_WORDS.items() if 10 <= n < 60)
# A clock time: "8h30", "huit heures et quart", "midi", "8h du soir" (see clock_time).
CLOCK = compile_folded(
    rf"(?<![\w/:])(?<!\d[.,])"
    rf"(?:(?P<hour>\d{{1,2}}|{NUMBER_WORD})\s*(?:heures?|hrs?|h|:)"
    rf"|(?<!apres )(?P<named>midi|minuit))"
    rf"(?:\s*(?P<minute>\d{{2}})(?:\s*(?:minutes?|min|mn))?(?!\d){_NOT_A_DOSE}"
    rf"|\s+(?P<minute_word>{_MINUTE_WORD})(?![a-z])"
    rf"|\s+et\s+(?P<fraction>demie?|quart)(?![a-z])"
    rf"|\s+(?P<less>moins\s+(?:le\s+)?quart)(?![a-z]))?(?![a-z\d])"
    rf"(?(named)|(?:\s*(?:du|le|de\s+la|de\s+l'|dans\s+l'|l')?\s*"
    rf"(?P<period>matin|soir|apres\s+midi|nuit)(?![a-z]))?)"  # not after "midi"
)
_MOMENTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (moment, compile_folded(pattern))
    for moment, pattern in (
        ("réveil", r"\b(?:reveil|lever)\b"),
        ("matin", r"\bpetits?\s+dej(?:euners?)?\b"),
        ("après-midi", r"\bapres\s+midis?\b"),
        ("coucher", r"\b(?:coucher|dormir|au\s+lit)\b"),
        ("matin", r"\bmatin(?:s|ee|ees)?\b"),
        ("midi", r"\b(?:midis?|dejeuners?)\b"),
        ("soir", r"\b(?:soirs?|soirees?|diners?)\b"),
        ("minuit", r"\bminuit\b"),
    )
)


def clock_time(match: re.Match[str]) -> time | None:
    """Reads one clock match; None when the time is impossible (25h, 8h75)."""
    if match["named"]:
        hour = 12 if match["named"] == "midi" else 0
    else:
        hour = to_number(match["hour"]) or 0
    minute = 0
    if match["minute"]:
        minute = int(match["minute"])
    elif match["minute_word"]:
        minute = NUMBER_WORDS[" ".join(match["minute_word"].split())]
    elif match["fraction"]:
        minute = 15 if match["fraction"] == "quart" else 30
    elif match["less"]:
        hour, minute = (hour - 1) % 24, 45
    period = match["period"] or "matin"
    first_afternoon_hour = 7 if period == "nuit" else 1  # "2h de la nuit" stays 02:00
    if period != "matin" and first_afternoon_hour <= hour <= 11:
        hour += 12
    if hour == 24 and minute == 0:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


def scan_times(text: str) -> tuple[list[time] | None, list[Span]]:
    """Finds the times of day in a folded text.

    Explicit clock times and named moments win over "N fois par jour"; "toutes les
    N heures" spreads intakes over the day from the first clock time given, else
    from ``INTERVAL_START_TIME``.

    Args:
        text: A folded text (see :func:`fold`).

    Returns:
        The sorted unique times (None if none or one is impossible) and the spans
        of text that described them.
    """
    _, work = consume(_NOT_A_CLOCK, text)
    intervals, work = consume(INTERVAL, work)
    per_day, work = consume(PER_DAY, work)
    clocks, work = consume(CLOCK, work)
    matches = intervals + per_day + clocks
    moments: list[time] = []
    for moment, pattern in _MOMENTS:
        found, work = consume(pattern, work)
        matches += found
        moments += [MOMENT_TIMES[moment]] * len(found)
    spans = [match.span() for match in matches]
    clock_times = [clock_time(match) for match in clocks]
    valid_times = [clock for clock in clock_times if clock is not None]
    if len(valid_times) < len(clock_times):
        return None, spans
    times: list[time] = []
    if intervals:
        every = to_number(intervals[0]["n"]) if intervals[0]["n"] else 1
        if every is None or every < 2 or 24 % every:
            return None, spans
        start = valid_times[0] if valid_times else INTERVAL_START_TIME
        times = [
            time((start.hour + k * every) % 24, start.minute)
            for k in range(24 // every)
        ]
    elif valid_times or moments:
        times = valid_times + moments
    elif per_day:
        times = list(TIMES_PER_DAY_DEFAULTS.get(to_number(per_day[0]["n"]) or 0, ()))
    return sorted(set(times)) or None, spans


def parse_times(text: str) -> list[time] | None:
    """Reads the times of day a patient takes a medication.

    Args:
        text: What the patient wrote, e.g. "à 8h et 20h", "matin midi et soir",
            "2 fois par jour", "toutes les 8 heures", "8h du soir".

    Returns:
        Sorted unique times, or None when no time is understood or one is
        impossible (25h, 8h75). Named moments use ``MOMENT_TIMES`` and
        "N fois par jour" uses ``TIMES_PER_DAY_DEFAULTS`` (1 to 4 a day).
    """
    return scan_times(fold(text).text)[0]
