"""Mood check-ins: reading a mood from French words, recording it, the 14-day trend.

A mood is a score from 1 (très mal) to 5 (très bien), with an optional note. It is
recorded only for a patient whose consent is in force (health data); the daily
check-in is a plan at a local time of day, from which the worker plans one
``mood_checkin`` notification a day (:func:`materialise_mood_checkins`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from actions.services.consent import consent_covers
from actions.services.medication_times import parse_times
from actions.services.reminder_planning import LOCAL_FORMAT
from actions.services.reminder_rules import planning_window
from actions.services.scheduling import DoseSchedule, dose_times, utc_to_local
from actions.store.models import MoodPlan
from actions.store.moods import MOOD_CHECKIN_KIND, mood_plan_ref
from actions.store.unit_of_work import UnitOfWork
from actions.store.wellbeing_models import HIGHEST_MOOD, LOWEST_MOOD, MOOD_NOTE_LENGTH

TREND_DAYS = 14
DEFAULT_DAILY_TIME = time(20, 0)
MOOD_LABELS = {1: "très mal", 2: "mal", 3: "moyen", 4: "bien", 5: "très bien"}
MOOD_FACES = {1: "😢", 2: "🙁", 3: "😐", 4: "🙂", 5: "😀"}
_WEEKDAYS = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")

# Word scales, in the order they are tried, on an accent-free lower-case text. The
# good ones (4, 5) do not count after "pas" ("pas super bien" is low).
_WORDS = (
    (1, r"tres mal|super mal|horrible|affreu|catastroph|au plus bas|nul(le)? de chez|"
        r"le pire|desastre|effondre"),
    (5, r"tres bien|super bien|genial|excellent|au top|parfait|en pleine forme|"
        r"\bsuper\b|trop bien|nickel|formidable|tres en forme|magnifique|heureu"),
    (3, r"\bbof\b|moyen|couci|comme ci|ca peut aller|pas mal|so so|neutre|"
        r"normal|mouais|entre les deux|ni bien ni mal|mitige|passable"),
    (2, r"pas (tres |trop |super |si )?bien|pas terrible|pas top|pas fort|mal\b|"
        r"\bmauvais|triste|deprim|down|fatigue|pas la forme|pas en forme|"
        r"difficile|dur\b|moche|va pas|vais pas"),
    (4, r"\bbien\b|ca va|en forme|mieux|content|ok\b|correct|"
        r"plutot bien|sereine?|calme|apaise|detendu"),
)
_NEGATED = re.compile(r"\b(pas|plus)\s+$")
_FACES = (
    (1, "😭😢😞💔"),
    (2, "🙁☹😔😟😕"),
    (3, "😐😶🤷"),
    (4, "🙂😊☺👍"),
    (5, "😀😃😄😁🥰😍🤩💪"),
)
_NO_NOTE = re.compile(
    r"^\W*(non|no|nan|rien|pas de note|pas besoin|sans note|c'?est tout|ca ira|"
    r"non merci|rien a ajouter|pas maintenant|passer|je passe|aucune?)\W*$"
)
_DAILY = re.compile(
    r"tous les (jours|soirs|matins)|chaque (jour|soir|matin)|quotidien|"
    r"toutes les (soirees|matinees)|par jour|journalier"
)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[’`]", "'", plain.lower()).strip()


def read_mood(text: str | None) -> int | None:
    """A mood from 1 to 5 read from the patient's words, or ``None``.

    "3", "3/5", "4 sur 5", an emoji, or words ("bof", "pas terrible", "très bien").
    A number outside 1–5 is not a mood.
    """
    raw = (text or "").strip()
    folded = _fold(raw)
    number = re.fullmatch(r"\D{0,12}?([0-9]{1,2})\s*(/\s*5|sur\s*5)?\W*", folded)
    if number:
        value = int(number.group(1))
        return value if LOWEST_MOOD <= value <= HIGHEST_MOOD else None
    for score, faces in _FACES:
        if any(face in raw for face in faces):
            return score
    for score, pattern in _WORDS:
        for match in re.finditer(pattern, folded):
            if score < 4 or not _NEGATED.search(folded[: match.start()]):
                return score
    return None


def read_note(text: str | None) -> str | None:
    """The note a patient adds to a mood: their words, or ``""`` for "non" / "rien".

    Returns:
        ``None`` for an empty message or a command, ``""`` for no note, else the
        words (cut at ``MOOD_NOTE_LENGTH`` characters).
    """
    words = (text or "").strip()
    if not words or words.startswith("/"):
        return None
    if _NO_NOTE.match(_fold(words)):
        return ""
    return words[:MOOD_NOTE_LENGTH]


_MOOD_WORDS = re.compile(r"humeur|moral\b|\bmood|comment je (me sens|vais)")


def mentions_mood(text: str | None) -> bool:
    """Whether a message is about the mood ("mon suivi d'humeur", "mon moral")."""
    return bool(_MOOD_WORDS.search(_fold(text or "")))


def wants_daily(text: str | None) -> bool:
    """Whether a request asks for a daily check-in ("tous les soirs à 21h")."""
    return bool(_DAILY.search(_fold(text or "")))


_CLOCK = re.compile(r"\b([01]?[0-9]|2[0-3])\s*(?:h|heures?|:)\s*([0-5][0-9])?\b")


def daily_time(text: str | None) -> time:
    """The time of day a daily check-in is asked for (20:00 when none is said).

    A clock time ("à 21h", "21:30") wins over a moment ("le soir", "le matin").
    """
    clock = _CLOCK.search(_fold(text or ""))
    if clock:
        return time(int(clock.group(1)), int(clock.group(2) or 0))
    times = parse_times(text or "")
    return times[0] if times else DEFAULT_DAILY_TIME


@dataclass(frozen=True)
class MoodDay:
    """The mood of one local day: the mean of its entries, rounded."""

    day: date
    score: int
    note: str | None


def mood_days(entries, time_zone: str) -> list[MoodDay]:
    """One :class:`MoodDay` per local day that has entries, oldest first.

    Args:
        entries: Mood entries (``score``, ``note``, ``recorded_at``), any order.
        time_zone: The patient's time zone.
    """
    by_day: dict[date, list] = {}
    for entry in sorted(entries, key=lambda e: e.recorded_at):
        by_day.setdefault(utc_to_local(entry.recorded_at, time_zone).date(), []).append(
            entry
        )
    days = []
    for day, items in sorted(by_day.items()):
        mean = sum(item.score for item in items) / len(items)
        notes = [item.note for item in items if item.note]
        days.append(MoodDay(day, int(mean + 0.5), notes[-1] if notes else None))
    return days


def trend_lines(days: list[MoodDay], today: date) -> list[str]:
    """The 14-day trend as lines a patient reads (a day a line, then the direction).

    Args:
        days: From :func:`mood_days`, over the last ``TREND_DAYS`` days.
        today: The patient's local day.
    """
    first = today - timedelta(days=TREND_DAYS - 1)
    shown = [d for d in days if first <= d.day <= today]
    lines = [
        f"• {_WEEKDAYS[d.day.weekday()]} {d.day:%d/%m} : {MOOD_FACES[d.score]} "
        f"{d.score}/5 ({MOOD_LABELS[d.score]})"
        for d in shown
    ]
    recent = [d.score for d in shown if d.day > today - timedelta(days=7)]
    before = [d.score for d in shown if d.day <= today - timedelta(days=7)]
    if recent and before:
        now_mean, then_mean = sum(recent) / len(recent), sum(before) / len(before)
        if now_mean - then_mean >= 0.5:
            direction = "en hausse ↗"
        elif then_mean - now_mean >= 0.5:
            direction = "en baisse ↘"
        else:
            direction = "stable →"
        lines.append(
            f"Cette semaine : {_decimal(now_mean)}/5, la semaine d'avant : "
            f"{_decimal(then_mean)}/5 ({direction})."
        )
    elif recent:
        lines.append(f"Moyenne de la semaine : {_decimal(sum(recent) / len(recent))}/5.")
    return lines


def _decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def record_mood(
    uow: UnitOfWork,
    patient_id: str,
    score: int,
    note: str | None,
    source: str,
    now: datetime,
) -> bool:
    """Store a mood if the patient's consent is in force.

    Returns:
        Whether it was stored.
    """
    with uow:
        if not consent_covers(uow, patient_id, "mood"):
            return False
        uow.moods.add(patient_id, score, note or None, source, now)
        return True


def recent_trend(uow: UnitOfWork, patient_id: str, now: datetime) -> list[str]:
    """The patient's trend lines over the last ``TREND_DAYS`` local days (``[]`` if
    no mood was noted), in the patient's time zone."""
    with uow:
        patient = uow.patients.get(patient_id)
        if patient is None:
            return []
        since = now - timedelta(days=TREND_DAYS + 1)
        days = mood_days(uow.moods.since(patient_id, since), patient.time_zone)
        return trend_lines(days, utc_to_local(now, patient.time_zone).date()) if days else []


def set_daily_checkin(
    uow: UnitOfWork, patient_id: str, at: time, now: datetime
) -> MoodPlan | None:
    """Ask the patient's mood every day at ``at`` (local); replaces an earlier time.

    Returns:
        The plan, or ``None`` without consent (nothing stored).
    """
    with uow:
        if not consent_covers(uow, patient_id, "mood"):
            return None
        plan = uow.mood_plans.set_time(patient_id, f"{at:%H:%M}", now)
        uow.notifications.delete_pending_for_subject(mood_plan_ref(plan.id))
        uow.notifications.add_if_absent(checkin_values(plan, now), now)
        return plan


def stop_daily_checkin(uow: UnitOfWork, patient_id: str, now: datetime) -> bool:
    """Stop the daily check-in; whether one was active."""
    with uow:
        plan = uow.mood_plans.stop(patient_id, now)
        if plan is None:
            return False
        uow.notifications.delete_pending_for_subject(mood_plan_ref(plan.id))
        return True


def checkin_values(plan: MoodPlan, now: datetime) -> list[dict]:
    """Column values of a plan's check-ins in its planning window."""
    time_zone = plan.patient.time_zone
    hour, minute = (int(part) for part in plan.time_local.split(":"))
    schedule = DoseSchedule(
        times=(time(hour, minute),),
        start_date=utc_to_local(plan.updated_at, time_zone).date(),
        time_zone=time_zone,
    )
    start, end = planning_window(now, plan.updated_at)
    return [
        {
            "patient_id": plan.patient_id,
            "kind": MOOD_CHECKIN_KIND,
            "medication_id": None,
            "subject_ref": mood_plan_ref(plan.id),
            "scheduled_at": instant,
            "scheduled_local": utc_to_local(instant, time_zone).strftime(LOCAL_FORMAT),
            "due_at": instant,
        }
        for instant in dose_times(schedule, start, end)
    ]


def materialise_mood_checkins(uow: UnitOfWork, now: datetime) -> int:
    """Plan the daily check-ins of every active plan (idempotent, like doses).

    Returns:
        How many check-ins were created.
    """
    with uow:
        created = 0
        for plan in uow.mood_plans.active_with_consent():
            created += uow.notifications.add_if_absent(checkin_values(plan, now), now)
        return created
