"""The practice: places, practitioners, opening hours, closures, appointment types.

Frozen dataclasses, read from ``data/practice/*.yml`` by :func:`load_practice` (see
:mod:`actions.services.practice_file`) or rebuilt from the database by
:func:`actions.services.practice_store.practice_from_store`. The slot search
(:mod:`actions.services.slot_search`) takes a :class:`Practice`. Pure: no database, no
Rasa. Times of day and days are the practice's local ones (``time_zone``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

from actions.defaults import DEFAULT_TIME_ZONE, REPO_ROOT

PRACTICE_FILE = REPO_ROOT / "data" / "practice" / "demo.yml"

# Weekday names of the practice file, 0 (Monday) … 6 (Sunday).
WEEKDAY_KEYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


class PracticeError(ValueError):
    """A practice file or record that cannot be used; the message says where."""


@dataclass(frozen=True)
class Period:
    """One opening period of a day, ``[opens, closes)``, in local time."""

    opens: time
    closes: time

    @property
    def opens_minute(self) -> int:
        """Minutes from local midnight to the opening."""
        return self.opens.hour * 60 + self.opens.minute

    @property
    def closes_minute(self) -> int:
        """Minutes from local midnight to the closing."""
        return self.closes.hour * 60 + self.closes.minute

    def __str__(self) -> str:
        """``"08:30-12:00"``, as in the practice file."""
        return f"{self.opens:%H:%M}-{self.closes:%H:%M}"


@dataclass(frozen=True)
class Absence:
    """Local days without appointments, ``first_day`` to ``last_day`` included."""

    first_day: date
    last_day: date
    reason: str = ""

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls in the absence."""
        return self.first_day <= day <= self.last_day


@dataclass(frozen=True)
class Place:
    """Where appointments take place."""

    key: str
    name: str
    address: str
    phone: str


@dataclass(frozen=True)
class Practitioner:
    """Someone patients book appointments with.

    Attributes:
        key: A stable slug (``"dr-claire-martin"``), used in slots and offers.
        name: The display name (``"Dr Claire Martin"``).
        profession: A profession key (``"medecin_generaliste"``).
        place: The key of the place they work at.
        languages: ISO 639-1 codes of the languages they consult in.
        teleconsultation: Whether they offer teleconsultations.
        hours: Opening periods per weekday, index 0 (Monday) … 6 (Sunday).
        absences: Their own absences (holidays of the practice are separate).
    """

    key: str
    name: str
    profession: str
    place: str
    languages: tuple[str, ...] = ("fr",)
    teleconsultation: bool = False
    hours: tuple[tuple[Period, ...], ...] = ((),) * 7
    absences: tuple[Absence, ...] = ()

    def is_absent(self, day: date) -> bool:
        """Whether the practitioner is away on this local day."""
        return any(absence.covers(day) for absence in self.absences)


@dataclass(frozen=True)
class AppointmentType:
    """A kind of appointment: how long it lasts, who offers it, what to bring.

    Attributes:
        key: A stable slug (``"consultation"``).
        label: The French label (``"première consultation"``).
        duration_minutes: Its length.
        professions: The profession keys that offer it.
        teleconsultation: True for a remote appointment (video).
        bring: What to bring or prepare, said to the patient (French, vouvoiement).
    """

    key: str
    label: str
    duration_minutes: int
    professions: frozenset[str]
    teleconsultation: bool = False
    bring: str = ""


@dataclass(frozen=True)
class Practice:
    """Everything the slot search and the messages need to know about the practice.

    Attributes:
        key: The practice's slug.
        name: Its name.
        time_zone: The IANA time zone of its hours and days.
        step_minutes: Slots start every that many minutes from each opening.
        places: By key.
        professions: French labels, by profession key.
        practitioners: By key, in the file's order.
        types: Appointment types, by key.
        closures: Days the whole practice is closed (public holidays).
    """

    key: str
    name: str
    places: Mapping[str, Place]
    professions: Mapping[str, str]
    practitioners: Mapping[str, Practitioner]
    types: Mapping[str, AppointmentType]
    closures: tuple[Absence, ...] = ()
    time_zone: str = DEFAULT_TIME_ZONE
    step_minutes: int = 15
    _closed_days: frozenset[date] = field(
        default=frozenset(), compare=False, repr=False
    )

    def __post_init__(self) -> None:
        """Expand the closures into a set of days (they are short)."""
        days = set()
        for closure in self.closures:
            day = closure.first_day
            while day <= closure.last_day:
                days.add(day)
                day = date.fromordinal(day.toordinal() + 1)
        object.__setattr__(self, "_closed_days", frozenset(days))

    def is_closed(self, day: date) -> bool:
        """Whether the whole practice is closed on this local day."""
        return day in self._closed_days

    def practitioner(self, key: str) -> Practitioner:
        """The practitioner with this key.

        Raises:
            KeyError: If there is none.
        """
        return self.practitioners[key]

    def appointment_type(self, key: str) -> AppointmentType:
        """The appointment type with this key.

        Raises:
            KeyError: If there is none.
        """
        return self.types[key]

    def profession_label(self, profession: str) -> str:
        """The French label of a profession key (the key itself if unknown)."""
        return self.professions.get(profession, profession)

    def offers(self, practitioner: Practitioner, kind: AppointmentType) -> bool:
        """Whether the practitioner can be booked for this type of appointment."""
        if practitioner.profession not in kind.professions:
            return False
        return practitioner.teleconsultation or not kind.teleconsultation


def load_practice(path: Path = PRACTICE_FILE) -> Practice:
    """Read and check a practice file.

    Args:
        path: The YAML file (default ``data/practice/demo.yml``).

    Returns:
        The practice.

    Raises:
        PracticeError: If the file is malformed; the message names the field.
    """
    from actions.services.practice_file import parse_practice_file

    return parse_practice_file(path)
