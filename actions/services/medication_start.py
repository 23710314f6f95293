"""When a French patient starts a treatment: "à partir de demain", "dès lundi",
"à partir du 3 décembre", "commencer le 05/12". No Rasa import.

The start is read first and cut out of the message, so that "à partir de lundi" is not
also read as "on Mondays" and a duration ("pendant 10 jours") counts from the start.
"""

from __future__ import annotations

import re
from datetime import date

from actions.services.medication_duration import DATE, date_of, day_of
from actions.services.medication_times import WEEKDAY, compile_folded, fold

_FROM = (
    r"\b(?:a\s+partir\s+(?:de\s+|du\s+|d')|des\s+(?=demain|apres|aujourd|le\s|\d|"
    r"lun|mar|mer|jeu|ven|sam|dim)|(?:on\s+)?commence\w*\s+|debut\w*\s+)"
)
_START_DAY = compile_folded(
    rf"{_FROM}(?:(?:le|ce)\s+)?(?P<what>apres\s*-?\s*demain|demain|aujourd'?\s*hui|{WEEKDAY})"
    r"(?:\s+prochain)?\b"
)
_START_DATE = compile_folded(rf"{_FROM}(?:(?:le|ce)\s+)?{DATE}")


def scan_start(text: str, today: date) -> tuple[date | None, str]:
    """Finds the first day of the treatment and removes it from the text.

    Args:
        text: What the patient wrote.
        today: The patient's today.

    Returns:
        The start day (today or later), or None; and the text without the words that
        said it ("à partir de lundi"), for the other readers.
    """
    if not isinstance(text, str) or not text:
        return None, text if isinstance(text, str) else ""
    folded = fold(text[:1000])
    match = _START_DATE.search(folded.text)
    if match:
        try:
            start = date_of(match, today)
        except ValueError:  # "31/02"
            start = None
    else:
        match = _START_DAY.search(folded.text)
        start = day_of(match, today) if match else None
    if match is None or start is None:
        return None, text
    before = folded.original_slice(0, match.start()) if match.start() else ""
    after = (
        folded.original_slice(match.end(), len(folded.text))
        if match.end() < len(folded.text)
        else ""
    )
    return start, re.sub(r"\s+", " ", f"{before} {after}").strip()
