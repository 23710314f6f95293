"""What a message about an appointment or an offered slot needs, ready to say.

Views are frozen dataclasses built inside a unit of work and read after it closes:
display name and profession of the practitioner, local date and time in French, place,
what to bring, teleconsultation. The practitioner's day (:func:`day_schedule`) shows a
pseudonymous patient reference, never more.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from actions.defaults import DEFAULT_TIME_ZONE
from actions.services.date_display import say_clock, say_date, say_when
from actions.services.practice import Practice
from actions.services.scheduling import local_to_utc, utc_to_local
from actions.services.slot_search import Slot
from actions.store.models import Appointment, Practitioner
from actions.store.unit_of_work import UnitOfWork

# Characters of the patient key shown to the practitioner (a pseudonym of it).
PATIENT_REF_LENGTH = 8


@dataclass(frozen=True)
class AppointmentView:
    """An appointment as messages say it.

    Attributes:
        id: The appointment id.
        status: ``booked``, ``confirmed``, ``cancelled``, ``no_show`` or ``done``.
        practitioner_key: The practitioner's key.
        practitioner_name: "Dr Claire Martin".
        profession_label: "médecin généraliste".
        type_key: The appointment type key.
        type_label: "consultation".
        duration_minutes: Its length.
        starts_at: Start (aware UTC).
        ends_at: End (aware UTC).
        time_zone: The practice's time zone.
        date_text: "mardi 1er décembre".
        time_text: "9h30".
        when_text: "mardi 1er décembre à 9h30".
        teleconsultation: Whether it is by video.
        place_name: The practitioner's place (also for a teleconsultation: whom
            to call).
        place_address: Its address.
        place_phone: Its phone.
        bring: What to bring (French, vouvoiement).
        reminder_answer: The latest answer to a reminder, if any.
    """

    id: int
    status: str
    practitioner_key: str
    practitioner_name: str
    profession_label: str
    type_key: str
    type_label: str
    duration_minutes: int
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    date_text: str
    time_text: str
    when_text: str
    teleconsultation: bool
    place_name: str
    place_address: str
    place_phone: str
    bring: str
    reminder_answer: str | None = None

    @property
    def local_start(self) -> datetime:
        """The start in the practice's time zone."""
        return utc_to_local(self.starts_at, self.time_zone)


@dataclass(frozen=True)
class SlotView:
    """An offered slot as messages say it.

    Attributes:
        slot: The slot itself (``slot.as_dict()`` to keep it in a Rasa slot).
        practitioner_name: "Dr Claire Martin".
        profession_label: "médecin généraliste".
        day: The local day.
        local_time: "09:30".
        when_text: "mardi 1er décembre à 9h30".
    """

    slot: Slot
    practitioner_name: str
    profession_label: str
    day: date
    local_time: str
    when_text: str


@dataclass(frozen=True)
class DayEntry:
    """One line of a practitioner's day: never a name, a pseudonymous reference."""

    appointment_id: int
    local_start: str
    local_end: str
    type_label: str
    status: str
    teleconsultation: bool
    patient_ref: str


def appointment_view(appointment: Appointment, professions: dict) -> AppointmentView:
    """Build the view of an appointment row (practitioner, type and place loaded).

    Args:
        appointment: The row.
        professions: Profession labels by key (the practice settings).
    """
    person, kind = appointment.practitioner, appointment.appointment_type
    local = utc_to_local(appointment.starts_at, appointment.time_zone)
    return AppointmentView(
        id=appointment.id,
        status=appointment.status,
        practitioner_key=person.key,
        practitioner_name=person.name,
        profession_label=professions.get(person.profession, person.profession),
        type_key=kind.key,
        type_label=kind.label,
        duration_minutes=kind.duration_minutes,
        starts_at=appointment.starts_at,
        ends_at=appointment.ends_at,
        time_zone=appointment.time_zone,
        date_text=say_date(local.date()),
        time_text=say_clock(local),
        when_text=say_when(local),
        teleconsultation=appointment.teleconsultation,
        place_name=person.place.name,
        place_address=person.place.address,
        place_phone=person.place.phone,
        bring=kind.bring,
        reminder_answer=appointment.reminder_answer,
    )


def profession_labels(uow: UnitOfWork) -> dict[str, str]:
    """The profession labels of the loaded practice, by key (inside a unit of work)."""
    settings = uow.practice.settings()
    return dict(settings.professions) if settings else {}


def slot_views(practice: Practice, slots: Sequence[Slot]) -> list[SlotView]:
    """Build the views of offered slots, whose practitioners are in ``practice``."""
    views = []
    for slot in slots:
        person = practice.practitioner(slot.practitioner_key)
        local = utc_to_local(slot.starts_at, practice.time_zone)
        views.append(
            SlotView(
                slot=slot,
                practitioner_name=person.name,
                profession_label=practice.profession_label(person.profession),
                day=local.date(),
                local_time=local.strftime("%H:%M"),
                when_text=say_when(local),
            )
        )
    return views


def day_schedule(uow: UnitOfWork, practitioner: str, day: date) -> list[DayEntry]:
    """A practitioner's appointments of one local day, every status, in order.

    Args:
        uow: A unit of work (opened here, read only).
        practitioner: The practitioner's key, or their display name (any case).
        day: The practice's local day.

    Returns:
        The entries.

    Raises:
        LookupError: If no practitioner has this key or name.
    """
    with uow:
        person = uow.practice.practitioner(practitioner)
        if person is None:
            by_name = {
                row.name.casefold(): row
                for row in uow.practice.by_key(Practitioner).values()
            }
            person = by_name.get(practitioner.casefold())
        if person is None:
            raise LookupError(f"no practitioner {practitioner!r}")
        settings = uow.practice.settings()
        zone = ZoneInfo(settings.time_zone if settings else DEFAULT_TIME_ZONE)
        start = local_to_utc(day, time(0, 0), zone)
        end = local_to_utc(day + timedelta(days=1), time(0, 0), zone)
        return [
            DayEntry(
                appointment_id=row.id,
                local_start=row.starts_at.astimezone(zone).strftime("%H:%M"),
                local_end=row.ends_at.astimezone(zone).strftime("%H:%M"),
                type_label=row.appointment_type.label,
                status=row.status,
                teleconsultation=row.teleconsultation,
                patient_ref=row.patient_id[:PATIENT_REF_LENGTH],
            )
            for row in uow.appointments.between(person.id, start, end)
        ]
