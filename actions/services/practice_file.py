"""Reading a practice file (``data/practice/*.yml``) into a checked :class:`Practice`.

Every error names the file and the field (``practitioners.dr-x.hours.lundi[1]``), so
whoever edits the file can fix it. Text fields may use the placeholders of
``data/content/practice.yml`` (``{practice_address}``), so that the practice's address
and phone are written in one place only.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from actions.defaults import DEFAULT_TIME_ZONE
from actions.services.content import CONTENT_DIR
from actions.services.practice import (
    WEEKDAY_KEYS,
    Absence,
    AppointmentType,
    Period,
    Place,
    Practice,
    PracticeError,
    Practitioner,
)
from actions.store.practice_models import CLAIM_CELL_MINUTES

CONTENT_PRACTICE_FILE = CONTENT_DIR / "practice.yml"


def parse_practice_file(
    path: Path, content_file: Path = CONTENT_PRACTICE_FILE
) -> Practice:
    """Read a practice file; see :func:`actions.services.practice.load_practice`.

    Args:
        path: The practice YAML file.
        content_file: The content file whose ``practice`` values fill placeholders.

    Raises:
        PracticeError: If a file is missing or malformed.
    """
    data = _read(path)
    details = _read(content_file).get("practice") or {}
    try:
        return parse_practice(data, {k: str(v) for k, v in details.items()})
    except PracticeError as error:
        raise PracticeError(f"{path}: {error}") from None


def parse_practice(data: Mapping[str, Any], details: Mapping[str, str]) -> Practice:
    """Build a practice from the parsed YAML.

    Args:
        data: The file's top-level mapping.
        details: Placeholder values (``practice_name``, ``practice_address``…).

    Raises:
        PracticeError: If a field is missing or wrong.
    """
    header = _mapping(data, "practice")
    time_zone = str(header.get("time_zone") or DEFAULT_TIME_ZONE)
    try:
        ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise PracticeError(
            f"practice.time_zone: unknown time zone {time_zone!r}"
        ) from None
    step = _minutes(header.get("slot_step_minutes", 15), "practice.slot_step_minutes")
    places = {
        key: Place(
            key=key,
            name=_text(value, "name", f"places.{key}", details),
            address=_text(value, "address", f"places.{key}", details),
            phone=_text(value, "phone", f"places.{key}", details),
        )
        for key, value in _mapping(data, "places").items()
    }
    professions = {
        str(key): str(label) for key, label in _mapping(data, "professions").items()
    }
    types = {
        key: _appointment_type(key, value, professions, details)
        for key, value in _mapping(data, "appointment_types").items()
    }
    practitioners = {
        key: _practitioner(key, value, places, professions)
        for key, value in _mapping(data, "practitioners").items()
    }
    closures = tuple(
        _closure(item, f"closures[{index}]")
        for index, item in enumerate(data.get("closures") or [])
    )
    return Practice(
        key=_text(header, "key", "practice", details),
        name=_text(header, "name", "practice", details),
        places=places,
        professions=professions,
        practitioners=practitioners,
        types=types,
        closures=closures,
        time_zone=time_zone,
        step_minutes=step,
    )


def parse_period(text: Any, where: str) -> Period:
    """Read ``"08:30-12:00"``.

    Raises:
        PracticeError: If it is not two ``HH:MM`` on the claim grid, opening first.
    """
    opens, sep, closes = str(text).partition("-")
    if not sep:
        raise PracticeError(f"{where}: {text!r} is not HH:MM-HH:MM")
    period = Period(_clock(opens, where), _clock(closes, where))
    if period.closes_minute <= period.opens_minute:
        raise PracticeError(f"{where}: {text!r} closes before it opens")
    return period


def _practitioner(
    key: str, value: Any, places: Mapping[str, Place], professions: Mapping[str, str]
) -> Practitioner:
    where = f"practitioners.{key}"
    if not isinstance(value, Mapping):
        raise PracticeError(f"{where}: expected a mapping")
    profession = str(value.get("profession") or "")
    if profession not in professions:
        raise PracticeError(f"{where}.profession: unknown profession {profession!r}")
    place = str(value.get("place") or "")
    if place not in places:
        raise PracticeError(f"{where}.place: unknown place {place!r}")
    hours_data = value.get("hours") or {}
    unknown = set(hours_data) - set(WEEKDAY_KEYS)
    if unknown:
        raise PracticeError(f"{where}.hours: unknown days {sorted(unknown)}")
    hours = []
    for day in WEEKDAY_KEYS:
        periods = sorted(
            (
                parse_period(text, f"{where}.hours.{day}[{index}]")
                for index, text in enumerate(hours_data.get(day) or [])
            ),
            key=lambda period: period.opens,
        )
        for earlier, later in zip(periods, periods[1:], strict=False):
            if later.opens < earlier.closes:
                raise PracticeError(f"{where}.hours.{day}: {earlier} overlaps {later}")
        hours.append(tuple(periods))
    absences = tuple(
        _absence(item, f"{where}.absences[{index}]")
        for index, item in enumerate(value.get("absences") or [])
    )
    return Practitioner(
        key=key,
        name=_text(value, "name", where, {}),
        profession=profession,
        place=place,
        languages=tuple(str(code) for code in value.get("languages") or ["fr"]),
        teleconsultation=bool(value.get("teleconsultation", False)),
        hours=tuple(hours),
        absences=absences,
    )


def _appointment_type(
    key: str, value: Any, professions: Mapping[str, str], details: Mapping[str, str]
) -> AppointmentType:
    where = f"appointment_types.{key}"
    if not isinstance(value, Mapping):
        raise PracticeError(f"{where}: expected a mapping")
    offered_by = frozenset(str(p) for p in value.get("professions") or [])
    if not offered_by or not offered_by <= set(professions):
        unknown = sorted(offered_by - set(professions)) or "none"
        raise PracticeError(f"{where}.professions: unknown or empty ({unknown})")
    return AppointmentType(
        key=key,
        label=_text(value, "label", where, details),
        duration_minutes=_minutes(value.get("duration_minutes"), f"{where}.duration"),
        professions=offered_by,
        teleconsultation=bool(value.get("teleconsultation", False)),
        bring=_text(value, "bring", where, details, required=False),
    )


def _absence(item: Any, where: str) -> Absence:
    if not isinstance(item, Mapping):
        raise PracticeError(f"{where}: expected {{from: …, to: …}}")
    first, last = _day(item.get("from"), where), _day(item.get("to"), where)
    if last < first:
        raise PracticeError(f"{where}: ends before it starts")
    return Absence(first, last, str(item.get("reason") or ""))


def _closure(item: Any, where: str) -> Absence:
    if isinstance(item, Mapping) and "day" in item:
        day = _day(item.get("day"), where)
        return Absence(day, day, str(item.get("reason") or ""))
    return _absence(item, where)


def _day(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise PracticeError(f"{where}: {value!r} is not a YYYY-MM-DD day") from None


def _clock(text: str, where: str) -> time:
    hours, sep, minutes = text.strip().partition(":")
    if not (sep and hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise PracticeError(f"{where}: {text.strip()!r} is not HH:MM")
    if int(hours) > 23 or int(minutes) > 59:
        raise PracticeError(f"{where}: {text.strip()!r} is not a time of day")
    if int(minutes) % CLAIM_CELL_MINUTES:
        raise PracticeError(
            f"{where}: {text.strip()!r} is not on the {CLAIM_CELL_MINUTES}-minute grid"
        )
    return time(int(hours), int(minutes))


def _minutes(value: Any, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise PracticeError(f"{where}: expected a positive number of minutes")
    if value % CLAIM_CELL_MINUTES:
        raise PracticeError(f"{where}: must be a multiple of {CLAIM_CELL_MINUTES}")
    return value


def _text(
    value: Mapping[str, Any],
    name: str,
    where: str,
    details: Mapping[str, str],
    required: bool = True,
) -> str:
    raw = value.get(name)
    if raw in (None, ""):
        if required:
            raise PracticeError(f"{where}.{name}: missing")
        return ""
    try:
        return str(raw).format_map(details)
    except KeyError as error:
        raise PracticeError(f"{where}.{name}: unknown placeholder {error}") from None


def _mapping(data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = data.get(name)
    if not isinstance(value, Mapping) or not value:
        raise PracticeError(f"{name}: expected a non-empty mapping")
    return value


def _read(path: Path) -> dict:
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except OSError as error:
        raise PracticeError(f"{path}: cannot read ({error.strerror})") from None
    except yaml.YAMLError as error:
        raise PracticeError(f"{path}: not valid YAML ({error})") from None
    if not isinstance(data, dict):
        raise PracticeError(f"{path}: expected a mapping at the top")
    return data
