"""Doses the patient reports outside a reminder: "j'ai pris mon Levothyrox", "j'ai
oublié ma pilule hier soir".

A report names a medication (or the patient has only one) and is matched to one of its
scheduled doses: a dose taken goes to the nearest dose from 12 hours before to 1 hour
after now; a dose missed to the latest past dose of the last 36 hours. Words for the
day ("hier", "avant-hier") and the moment ("matin", "midi", "soir"…) narrow the choice
when a dose fits them ("j'ai oublié mon cachet hier soir" at 9 a.m.). The outcome is
recorded like an answer to that dose's reminder, and its pending reminders are
cancelled, so the patient is not reminded of a dose they already told us about.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable, Sequence
from zoneinfo import ZoneInfo

from actions.services.reminder_planning import schedule_for
from actions.services.reminder_rules import outcome_for_answer
from actions.services.scheduling import dose_times
from actions.store.models import Medication
from actions.store.unit_of_work import UnitOfWork

# How far from now a reported dose is looked for.
TAKEN_SINCE = timedelta(hours=12)
TAKEN_AHEAD = timedelta(hours=1)
MISSED_SINCE = timedelta(hours=36)

_WORD = re.compile(r"[a-z0-9]+")
# Local hours (start included, end excluded) of the moments patients name.
MOMENTS = {
    "matin": (4, 12),
    "midi": (11, 15),
    "aprem": (13, 19),
    "soir": (17, 24),
    "nuit": (20, 28),
}
_MOMENT_WORDS = {
    "matin": "matin", "matinee": "matin", "reveil": "matin", "dejeuner": "midi",
    "midi": "midi", "aprem": "aprem", "apres": "aprem", "soir": "soir", "soiree": "soir",
    "diner": "soir", "nuit": "nuit", "coucher": "nuit",
}


@dataclass(frozen=True)
class ReportedDose:
    """A dose a report was recorded against.

    Attributes:
        medication: The medication's name, as the patient saved it.
        scheduled_at: The dose time (UTC).
        status: The outcome now on record (``taken``, ``late``, ``missed``…).
        recorded: Whether this report changed the record.
    """

    medication: str
    scheduled_at: datetime
    status: str
    recorded: bool


def _words(text: str) -> set[str]:
    folded = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return set(_WORD.findall(plain))


def _fits(dose: datetime, words: set[str], zone: ZoneInfo, now: datetime) -> bool:
    """Whether a dose fits the day and moment words of a report (if it has any)."""
    local, today = dose.astimezone(zone), now.astimezone(zone).date()
    days_ago = 2 if {"avant", "hier"} <= words else 1 if "hier" in words else None
    if days_ago is not None and local.date() != today - timedelta(days=days_ago):
        return False
    moments = {_MOMENT_WORDS[w] for w in words if w in _MOMENT_WORDS}
    if "apres" in words and "midi" in words:
        moments -= {"midi"}
    hour = local.hour + (24 if local.hour < 4 else 0)
    return not moments or any(start <= hour < end for start, end in (MOMENTS[m] for m in moments))


def which_medication(text: str, medications: Sequence[Medication]) -> Medication | None:
    """The medication a report is about: the one it names, or the patient's only one.

    Args:
        text: What the patient wrote (never logged).
        medications: The patient's active medications.

    Returns:
        The medication, or ``None`` when none or several could be meant.
    """
    said = _words(text)
    named = [m for m in medications if _words(m.name) and _words(m.name) <= said]
    if len(named) == 1:
        return named[0]
    if not named and len(medications) == 1:
        return medications[0]
    return None


def dose_to_report(
    doses: Iterable[datetime], now: datetime, taken: bool, text: str = "", zone: str = "UTC"
) -> datetime | None:
    """The scheduled dose a report is about.

    Args:
        doses: The medication's dose times around now (UTC).
        now: The current instant.
        taken: A dose taken (nearest one) or missed (latest past one).
        text: The report, whose day and moment words narrow the choice.
        zone: The patient's time zone.

    Returns:
        The dose time, or ``None`` when none is close enough.
    """
    doses = list(doses)
    words = _words(text)
    fitting = [d for d in doses if _fits(d, words, ZoneInfo(zone), now)]
    if fitting:
        doses = fitting
    if taken:
        near = [d for d in doses if now - TAKEN_SINCE <= d <= now + TAKEN_AHEAD]
        return min(near, key=lambda d: (abs(d - now), d), default=None)
    past = [d for d in doses if now - MISSED_SINCE <= d <= now]
    return max(past, default=None)


def record_report(
    uow: UnitOfWork, patient_id: str, text: str, now: datetime, taken: bool
) -> ReportedDose | None:
    """Record a dose the patient reports as taken or missed.

    A dose already answered keeps its answer, except a dose marked missed that the
    patient now says they took (recorded late, like a late answer to its reminder).

    Args:
        uow: The unit of work of this action call.
        patient_id: The patient's pseudonymous key.
        text: What the patient wrote (never logged).
        now: The current instant.
        taken: Whether the patient says they took it.

    Returns:
        The dose it was recorded against, or ``None`` when no dose matched.
    """
    active = [m for m in uow.medications.list_for_patient(patient_id) if m.status == "active"]
    medication = which_medication(text, active)
    if medication is None:
        return None
    doses = dose_times(schedule_for(medication), now - MISSED_SINCE, now + TAKEN_AHEAD + timedelta(seconds=1))
    zone = medication.patient.time_zone
    scheduled_at = dose_to_report(doses, now, taken, text, zone)
    if scheduled_at is None:
        return None
    # A dose taken before its time, or within the follow-up delay, is "taken".
    status = outcome_for_answer(scheduled_at, now, True) if taken else "missed"
    outcome, recorded = uow.outcomes.record(medication, scheduled_at, status, now)
    if not recorded and taken and outcome.status == "missed":
        outcome.status, outcome.recorded_at, recorded = "late", now, True
    uow.notifications.cancel_pending_for_dose(medication.id, scheduled_at)
    return ReportedDose(medication.name, scheduled_at, outcome.status, recorded)
