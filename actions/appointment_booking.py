"""What the appointment actions share: the practice, offers as the form keeps them,
and calls to :mod:`actions.services.appointments` with the conversation's patient.

An offer is a JSON-able dict kept in the ``appointment_offers`` slot: the slot itself
(``Slot.as_dict()``), its button reference, and the texts a message needs (who, when,
where). Keeping the texts avoids reading the practice again to say the summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Dict, List, Optional, Text
from zoneinfo import ZoneInfo

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import as_int, entity, local_today, now, patient_id_of, reset, unit_of_work
from actions.services import appointments as service
from actions.services.appointment_offers import OFFER_PREFIX, offer_ref, parse_ref
from actions.services.appointment_preference import read_time_preference
from actions.services.content import get_content
from actions.services.date_display import say_when
from actions.services.delivery_contract import (
    NOTIFICATION_ID_ENTITY,
    already_delivered,
    events_before_latest_trigger,
)
from actions.services.messages import message
from actions.services.practice import Practice, Practitioner
from actions.services.practitioner_choice import PractitionerChoice
from actions.services.slot_types import Slot, SlotQuery

__all__ = ["OFFER_PREFIX"]

DEFAULT_PROFESSION = "medecin_generaliste"
# "en visio", "à distance": a teleconsultation with whoever offers one.
TELECONSULTATION_ONLY = re.compile(r"t[ée]l[ée]|visio|vid[ée]o|distance", re.IGNORECASE)
TELECONSULTATION_PLACE = "En téléconsultation (vidéo) : le cabinet vous enverra le lien."
SHORT_DAY = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")


@dataclass(frozen=True)
class Shown:
    """An appointment as the conversation says it."""

    id: int
    starts_at: datetime
    type_key: str
    practitioner_key: str
    teleconsultation: bool
    when: str
    who: str
    where: str
    bring: str
    short: str


def practice() -> Practice:
    """The practice as loaded in the database.

    Raises:
        PracticeNotLoaded: If ``python -m actions.practice load`` was never run.
    """
    with unit_of_work() as uow:
        return service.load_agenda_practice(uow)


def practitioners() -> List[Practitioner]:
    """The practice's practitioners (none when no practice is loaded)."""
    try:
        return list(practice().practitioners.values())
    except service.PracticeNotLoaded:
        return []


def practice_phone() -> str:
    """The practice's phone number, from data/content/practice.yml."""
    return get_content().placeholders["practice_phone"]


def type_for(place: Practice, choice: PractitionerChoice) -> str:
    """The appointment type to search: the profession's own, or its teleconsultation.

    A type offered by one profession only ("séance de kinésithérapie") is preferred
    over a shared one ("première consultation").
    """
    profession = choice.profession or DEFAULT_PROFESSION
    if choice.practitioner in place.practitioners:
        profession = place.practitioners[choice.practitioner].profession
    kinds = [kind for kind in place.types.values() if profession in kind.professions]
    if choice.teleconsultation:
        remote = [kind for kind in kinds if kind.teleconsultation]
        kinds = remote or kinds
    else:
        kinds = [kind for kind in kinds if not kind.teleconsultation] or kinds
    kinds.sort(key=lambda kind: len(kind.professions))
    if not kinds:
        raise KeyError(profession)
    return kinds[0].key


def query_for(place: Practice, choice: PractitionerChoice, when: str, type_key: Optional[str] = None) -> SlotQuery:
    """The slot query for who and when (``type_key`` keeps a moved appointment's type)."""
    return SlotQuery(
        appointment_type=type_key or type_for(place, choice),
        preference=read_time_preference(when or "", local_today()),
        profession=None if choice.practitioner else (choice.profession or DEFAULT_PROFESSION),
        practitioner=choice.practitioner,
        teleconsultation=True if choice.teleconsultation else None,
    )


def _where(place: Practice, practitioner_key: str, teleconsultation: bool) -> str:
    if teleconsultation:
        return TELECONSULTATION_PLACE
    person = place.practitioners[practitioner_key]
    site = place.places[person.place]
    return f"{site.name}, {site.address}"


def _who(place: Practice, practitioner_key: str) -> str:
    person = place.practitioners[practitioner_key]
    return f"{person.name} ({place.profession_label(person.profession)})"


def as_offer(place: Practice, slot: Slot) -> Dict[str, Any]:
    """The JSON-able offer of a slot."""
    local = slot.starts_at.astimezone(ZoneInfo(place.time_zone))
    return {
        "ref": offer_ref(slot.practitioner_key, slot.starts_at.isoformat(), slot.teleconsultation),
        "slot": slot.as_dict(),
        "day": local.date().isoformat(),
        "local_time": local.strftime("%H:%M"),
        "who": _who(place, slot.practitioner_key),
        "when": say_when(local, local_today()),
        "where": _where(place, slot.practitioner_key, slot.teleconsultation),
    }


def search_offers(choice: PractitionerChoice, when: str, tracker: Tracker) -> List[Dict[str, Any]]:
    """Free slots for who and when, as offers (none when nothing fits)."""
    try:
        place = practice()
        moving = moving_appointment(tracker)
        query = query_for(place, choice, when, moving.type_key if moving else None)
        slots = service.search(unit_of_work(), query, now())
    except (service.PracticeNotLoaded, KeyError):
        return []
    return [as_offer(place, slot) for slot in slots]


def say_who(choice: PractitionerChoice) -> str:
    """"avec Dr Claire Martin", "(médecin généraliste) en téléconsultation"."""
    try:
        place = practice()
    except service.PracticeNotLoaded:
        return ""
    if choice.practitioner in place.practitioners:
        text = f"avec {place.practitioners[choice.practitioner].name}"
    else:
        text = f"({place.profession_label(choice.profession or DEFAULT_PROFESSION)})"
    return text + (" en téléconsultation" if choice.teleconsultation else "")


def say_wish(when: str) -> str:
    """The patient's own words about when, quoted (empty when they gave none)."""
    return f"pour « {when.strip()} »" if when and not when.startswith("/") else ""


def offer_lines(offers: List[Dict[str, Any]]) -> str:
    """One numbered line per offer."""
    return "\n".join(
        f"{number}. {offer['when']} — {offer['who']}" for number, offer in enumerate(offers, 1)
    )


def offer_buttons(offers: List[Dict[str, Any]], intent: str) -> List[Dict[str, str]]:
    """One button per offer, answering with the offer's reference."""
    buttons = []
    for number, offer in enumerate(offers, 1):
        local = date.fromisoformat(offer["day"])
        title = f"{number}. {SHORT_DAY[local.weekday()]} {local.day}/{local.month} {offer['local_time'].replace(':', 'h')}"
        buttons.append({"title": title, "payload": f'/{intent}{{"answer": "{offer["ref"]}"}}'})
    buttons.append({"title": "Annuler", "payload": "/deny"})
    return buttons


def offer_of(tracker: Tracker) -> Optional[Dict[str, Any]]:
    """The offer chosen in ``appointment_slot`` (rebuilt when it was not kept)."""
    ref = tracker.get_slot("appointment_slot") or ""
    for offer in tracker.get_slot("appointment_offers") or []:
        if offer.get("ref") == ref:
            return offer
    parsed = parse_ref(ref)
    if parsed is None:
        return None
    key, starts, tele = parsed
    try:
        place = practice()
        start = datetime.fromisoformat(starts)
        kind = place.types[query_for(place, PractitionerChoice(key, None, tele), "").appointment_type]
        slot = Slot(key, start, start + timedelta(minutes=kind.duration_minutes), tele)
        return as_offer(place, slot)
    except (service.PracticeNotLoaded, KeyError, ValueError):
        return None


def shown(view: Any) -> Shown:
    """An :class:`~actions.services.appointment_views.AppointmentView` as said."""
    local = view.local_start
    return Shown(
        id=view.id,
        starts_at=view.starts_at,
        type_key=view.type_key,
        practitioner_key=view.practitioner_key,
        teleconsultation=view.teleconsultation,
        when=view.when_text,
        who=f"{view.practitioner_name} ({view.profession_label})",
        where=TELECONSULTATION_PLACE if view.teleconsultation else f"{view.place_name}, {view.place_address}",
        bring=view.bring,
        short=f"{SHORT_DAY[local.weekday()]} {local.day}/{local.month} {view.time_text} {view.practitioner_name}",
    )


def moving_appointment(tracker: Tracker) -> Optional[Shown]:
    """The appointment being moved, if the form is moving one."""
    appointment_id = as_int(tracker.get_slot("moving_appointment_id"))
    if appointment_id is None:
        return None
    view = service.get(unit_of_work(), patient_id_of(tracker), appointment_id)
    return shown(view) if view is not None else None


def upcoming(patient_id: str) -> List[Shown]:
    """The patient's appointments to come, soonest first."""
    return [shown(view) for view in service.upcoming(unit_of_work(), patient_id, now())]


def record_answer(patient_id: str, appointment_id: int, answer: str) -> None:
    """Record "je confirme" / "je décale" / "j'annule" on the appointment."""
    service.record_appointment_answer(unit_of_work(), patient_id, appointment_id, answer, now())


def is_late_cancel(chosen: Shown) -> bool:
    """Whether cancelling now is less than 24 hours ahead (confirmed first)."""
    return service.is_late_cancellation(chosen.starts_at, now())


def cancel(patient_id: str, appointment_id: int, confirmed_late: bool) -> bool:
    """Cancel the appointment and free its slot; False when it could not be."""
    result = service.cancel(unit_of_work(), patient_id, appointment_id, now(), confirmed_late)
    return result.status == service.CancelStatus.CANCELLED


def move_form_slots(chosen: Shown) -> Dict[str, Any]:
    """The form's slots to move an appointment: same practitioner and type, new time."""
    who = PractitionerChoice(chosen.practitioner_key, None, chosen.teleconsultation)
    return {
        "appointment_practitioner": who.as_slot(),
        "appointment_when": None,
        "appointment_offers": None,
        "appointment_slot": None,
    }


def reminder_to_speak(tracker: Tracker) -> Optional[Shown]:
    """The appointment of the triggered reminder, or None to stay silent."""
    notification_id = as_int(entity(tracker, NOTIFICATION_ID_ENTITY))
    if notification_id is None:
        return None
    earlier = events_before_latest_trigger(tracker.events)
    if already_delivered(earlier, notification_id, resent=False):
        return None
    view = service.reminder_appointment(unit_of_work(), patient_id_of(tracker), notification_id, now())
    return shown(view) if view is not None else None


def book_or_move(
    dispatcher: CollectingDispatcher, tracker: Tracker, form_slots: List[str]
) -> List[Dict[Text, Any]]:
    """Book the chosen offer (or move to it); on a race, offer the alternatives."""
    offer = offer_of(tracker)
    patient_id = patient_id_of(tracker)
    done = reset(form_slots + ["moving_appointment_id"])
    with unit_of_work() as uow:
        consent = uow.consents.active(patient_id)
    if offer is None or consent is None:
        dispatcher.utter_message(**message("appointment_form_cancelled"))
        return done
    place = practice()
    slot = Slot.from_dict(offer["slot"])
    choice = PractitionerChoice.from_slot(tracker.get_slot("appointment_practitioner"))
    moving = moving_appointment(tracker)
    query = query_for(place, choice, tracker.get_slot("appointment_when") or "",
                      moving.type_key if moving else None)
    if moving is not None:
        result = service.move(unit_of_work(), patient_id, moving.id, slot, now(), query)
    else:
        result = service.book(unit_of_work(), patient_id, slot, query, now())
    if result.status == service.BookingStatus.BOOKED:
        booked = shown(result.appointment)
        key = "appointment_moved" if moving is not None else "appointment_booked"
        dispatcher.utter_message(**message(
            key, who=booked.who, when=booked.when, where=booked.where, bring=booked.bring
        ))
        return done
    if result.status == service.BookingStatus.NOT_FOUND or not result.alternatives:
        dispatcher.utter_message(**message(
            "appointment_no_slot", who=say_who(choice), when="", practice_phone=practice_phone()
        ))
        return done
    offers = [as_offer(place, alternative) for alternative in result.alternatives]
    dispatcher.utter_message(
        **message("appointment_taken", lines=offer_lines(offers)),
        buttons=offer_buttons(offers, "book_appointment"),
    )
    return [SlotSet("appointment_offers", offers), SlotSet("appointment_slot", None)]

