"""When a French patient starts a treatment: "à partir de demain", "dès lundi",
"à partir du 3 décembre", "commencer le 05/12". No Rasa import.

The start is read first and cut out of the message, so that "à partir de lundi" is not
also read as "on Mondays" and a duration ("pendant 10 jours") counts from the start.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from actions.services.medication_duration import MONTHS, MONTH_PATTERN, next_date
from actions.services.medication_times import WEEKDAY, compile_folded, fold, weekday_number

_FROM = (
    r"\b(?:a\s+partir\s+(?:de\s+|du\s+|d')|des\s+(?=demain|apres|aujourd|le\s|\d|"
    r"lun|mar|mer|jeu|ven|sam|dim)|(?:on\s+)?commence\w*\s+|debut\w*\s+)"
)
_START_DAY = compile_folded(
    rf"{_FROM}(?:(?:le|ce)\s+)?(?P<what>apres\s*-?\s*demain|demain|aujourd'?\s*hui|{WEEKDAY})"
    r"(?:\s+prochain)?\b"
)
_START_DATE = compile_folded(
    rf"{_FROM}(?:(?:le|ce)\s+)?(?P<day>\d{{1,2}}|premier)(?:er)?"
    rf"(?:\s*[/.-]\s*(?P<month>\d{{1,2}})|\s+(?P<month_name>{MONTH_PATTERN})\.?(?![a-z]))"
    rf"(?:\s*[/.\s-]\s*(?P<year>\d{{4}}|\d{{2}}))?(?!\d)"
)


def _day_start(what: str, today: date) -> date:
    what = " ".join(what.replace("-", " ").split())
    if what.startswith("apres"):
        return today + timedelta(days=2)
    if what == "demain":
        return today + timedelta(days=1)
    if what.startswith("aujourd"):
        return today
    return today + timedelta(days=(weekday_number(what) - today.weekday() - 1) % 7 + 1)


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
        day = 1 if match["day"] == "premier" else int(match["day"])
        month = int(match["month"]) if match["month"] else MONTHS[match["month_name"]]
        try:
            start = next_date(today, day, month, int(match["year"]) if match["year"] else None)
        except ValueError:
            start = None
    else:
        match = _START_DAY.search(folded.text)
        start = _day_start(match["what"], today) if match else None
    if match is None or start is None:
        return None, text
    before = folded.original_slice(0, match.start()) if match.start() else ""
    after = (
        folded.original_slice(match.end(), len(folded.text))
        if match.end() < len(folded.text)
        else ""
    )
    return start, re.sub(r"\s+", " ", f"{before} {after}").strip()
