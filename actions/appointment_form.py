"""The appointment form: who, when, which slot; then a summary and the booking.

Every message is read for all three ("rdv avec le dr Martin mardi matin" fills who and
when at once; "plutôt jeudi" while slots are shown searches again). The slots offered
are kept in ``appointment_offers`` so that "le 2" or "mardi 9h30" picks one, and a
button carries its offer's reference. Moving an appointment reuses the form with
``moving_appointment_id`` set.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import appointment_booking as booking
from actions.common import latest_text, local_today, reset
from actions.form_turn import asked_slot, intent_of
from actions.services.appointment_offers import pick_offer
from actions.services.appointment_preference import read_time_preference
from actions.services.messages import message
from actions.services.practitioner_choice import PractitionerChoice, read_practitioner_choice

FORM_SLOTS = [
    "appointment_request",
    "appointment_practitioner",
    "appointment_when",
    "appointment_offers",
    "appointment_slot",
]
# Intents of a plausible answer: when the form cannot read one, it says how to answer.
ANSWER_INTENTS = frozenset(
    {"inform", "book_appointment", "manage_appointments", "nlu_fallback", "out_of_scope"}
)
HINTS = {
    "appointment_practitioner": "Écrivez par exemple « médecin », « infirmière », « kiné » ou « Dr Martin ».",
    "appointment_when": "Écrivez par exemple « mardi matin », « demain après 17h » ou « le plus tôt possible ».",
    "appointment_slot": "Touchez un bouton, ou écrivez le numéro du créneau, par exemple « le 2 ».",
}
# "N'importe quand": an explicit "no preference", which the time reader sees as open.
ANY_TIME_WORDS = re.compile(
    r"peu importe|n.?importe (quand|quel)|indiff[ée]rent|pas de pr[ée]f[ée]rence|"
    r"quand vous (voulez|pouvez)|comme vous voulez|tout me va|libre tout le temps",
    re.IGNORECASE,
)


def when_of(text: str) -> Optional[str]:
    """The patient's words about when, if the message says anything about it."""
    preference = read_time_preference(text, local_today())
    if not preference.is_open or preference.as_soon_as_possible:
        return text.strip()
    if ANY_TIME_WORDS.search(text):
        return text.strip()
    return None


def slot_values(text: str, ask_who: bool) -> Dict[str, Any]:
    """The form slots a message fills: who (when named) and when (when said).

    Args:
        text: The patient's message (or a button's answer).
        ask_who: Read a bare word as a practitioner (only when "who" was asked).
    """
    values: Dict[str, Any] = {}
    choice = read_practitioner_choice(text, booking.practitioners())
    if choice.is_known:
        values["appointment_practitioner"] = choice.as_slot()
    elif ask_who and booking.TELECONSULTATION_ONLY.search(text or ""):
        values["appointment_practitioner"] = PractitionerChoice(
            profession=booking.DEFAULT_PROFESSION, teleconsultation=True
        ).as_slot()
    when = when_of(text)
    if when:
        values["appointment_when"] = when
    return values


def prefill_events(text: Optional[str], answer: Optional[str] = None) -> List[Dict[Text, Any]]:
    """SlotSet events for what the booking request already says, before the form.

    A button of new offers (after a slot was taken) carries the chosen offer in
    ``answer``: the form then only has to confirm it.
    """
    words = "" if not text or text.startswith("/") else text  # a button's payload
    events = [SlotSet(slot, value) for slot, value in slot_values(words, False).items()]
    if answer and answer.startswith(booking.OFFER_PREFIX):
        events.append(SlotSet("appointment_slot", answer))
    return events


class ValidateAppointmentForm(Action):
    """Fills the appointment form from each message; searches again when asked."""

    def name(self) -> Text:
        """Action name."""
        return "validate_appointment_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Reads who / when / which slot; a new who or when drops the slot offered."""
        requested, intent = asked_slot(tracker), intent_of(tracker)
        if requested is None:
            return []
        text = latest_text(tracker)
        values = slot_values(text, requested == "appointment_practitioner")
        if requested == "appointment_slot":
            offer = pick_offer(text, tracker.get_slot("appointment_offers") or [])
            if offer is not None:
                values = {"appointment_slot": offer}
            elif values:
                values["appointment_slot"] = None  # new wish: search again
        if not values and intent not in ANSWER_INTENTS:
            return []
        events = [SlotSet(slot, value) for slot, value in values.items()]
        if requested not in values:
            dispatcher.utter_message(**message("not_understood", hint=HINTS[requested]))
            events.append(SlotSet(requested, None))
        return events


class ActionAskAppointmentPractitioner(Action):
    """Asks whom the patient wants to see."""

    def name(self) -> Text:
        """Action name."""
        return "action_ask_appointment_practitioner"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Utters the question with the practice's professions as buttons."""
        dispatcher.utter_message(**message("ask_appointment_practitioner"))
        return []


class ActionAskAppointmentWhen(Action):
    """Asks when the patient is free."""

    def name(self) -> Text:
        """Action name."""
        return "action_ask_appointment_when"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Utters the question with a few common answers as buttons."""
        dispatcher.utter_message(**message("ask_appointment_when"))
        return []


class ActionAskAppointmentSlot(Action):
    """Searches free slots for who and when, and offers them as buttons."""

    def name(self) -> Text:
        """Action name."""
        return "action_ask_appointment_slot"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Offers 3 to 5 slots; with none, asks for another time."""
        choice = PractitionerChoice.from_slot(tracker.get_slot("appointment_practitioner"))
        when = tracker.get_slot("appointment_when") or ""
        offers = booking.search_offers(choice, when, tracker)
        who = booking.say_who(choice)
        if not offers:
            dispatcher.utter_message(
                **message("appointment_no_slot", who=who, when=booking.say_wish(when),
                          practice_phone=booking.practice_phone())
            )
            return [SlotSet("appointment_offers", []), SlotSet("appointment_when", None)]
        dispatcher.utter_message(
            **message("appointment_offers", who=who, lines=booking.offer_lines(offers)),
            buttons=booking.offer_buttons(offers, "inform"),
        )
        return [SlotSet("appointment_offers", offers)]


class ActionSummariseAppointment(Action):
    """Reads the chosen slot back and asks to confirm it."""

    def name(self) -> Text:
        """Action name."""
        return "action_summarise_appointment"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Utters the summary (a move shows the old time too)."""
        offer = booking.offer_of(tracker)
        if offer is None:
            dispatcher.utter_message(**message("appointment_form_cancelled"))
            return reset(FORM_SLOTS)
        moving = booking.moving_appointment(tracker)
        if moving is not None:
            dispatcher.utter_message(**message(
                "appointment_move_summary", who=offer["who"], when=offer["when"],
                where=offer["where"], old_when=moving.when,
            ))
        else:
            dispatcher.utter_message(**message(
                "appointment_summary", who=offer["who"], when=offer["when"], where=offer["where"]
            ))
        return []


class ActionBookAppointment(Action):
    """Books (or moves to) the chosen slot; offers others when it was just taken."""

    def name(self) -> Text:
        """Action name."""
        return "action_book_appointment"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Claims the slot in one transaction; the database refuses a double booking."""
        return booking.book_or_move(dispatcher, tracker, FORM_SLOTS)


class ActionCancelAppointmentForm(Action):
    """Drops the appointment being chosen; nothing is stored."""

    def name(self) -> Text:
        """Action name."""
        return "action_cancel_appointment_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Says so and empties the form's slots."""
        dispatcher.utter_message(**message("appointment_form_cancelled"))
        return reset(FORM_SLOTS + ["moving_appointment_id"])
