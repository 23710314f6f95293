""""Mes rendez-vous": list, confirm, move or cancel; and the reminders before each one.

Buttons carry the appointment id and the operation; typed requests ("je dois annuler
mon rdv de jeudi", "je décale") are read by keywords. A cancellation less than 24 hours
ahead is confirmed first (``cancelling_appointment_id`` waits for the "oui"); moving
opens the appointment form with ``moving_appointment_id`` set.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import appointment_booking as booking
from actions.common import as_int, entity, latest_text, patient_id_of
from actions.services.messages import message
from connectors.messenger_window import APPOINTMENT_TAG, tag_metadata

MAX_BUTTONS = 10
OPERATIONS = {
    "cancel": re.compile(
        r"annul|d[ée]command|pourr[ai]+s? pas venir|peux pas venir|pourrai plus|"
        r"ne viendr|viendrai pas|emp[êe]ch|supprim", re.I),
    "move": re.compile(
        r"d[ée]cal|d[ée]plac|report|chang|modifi|autre (date|heure|jour|cr[ée]neau)|"
        r"avancer|reculer|plus tard|plus t[ôo]t", re.I),
    "confirm": re.compile(r"confirm|je serai l[àa]|je viendrai|j.?y serai|ok pour", re.I),
}


def operation_in(text: str) -> Optional[str]:
    """The operation asked for in words, if any (cancel, move, confirm)."""
    for operation, pattern in OPERATIONS.items():
        if pattern.search(text or ""):
            return operation
    return None


def _done(**slots: Any) -> List[Dict[Text, Any]]:
    """The slot events every outcome returns (the rules branch on the first two)."""
    values = {"moving_appointment_id": None, "cancelling_appointment_id": None, **slots}
    return [SlotSet(name, value) for name, value in values.items()]


def _button(title: str, appointment_id: int, operation: Optional[str]) -> Dict[str, str]:
    extra = f', "operation": "{operation}"' if operation else ""
    payload = f'/manage_appointments{{"appointment_id": "{appointment_id}"{extra}}}'
    return {"title": title[:40], "payload": payload}


class ActionManageAppointments(Action):
    """Lists the upcoming appointments, or confirms, moves or cancels one."""

    def name(self) -> Text:
        """Action name."""
        return "action_manage_appointments"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Finds which appointment and which operation; asks with buttons when unclear."""
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        patient_id = patient_id_of(tracker)
        cancelling = as_int(tracker.get_slot("cancelling_appointment_id"))
        if cancelling is not None and intent in ("affirm", "deny"):
            return self._answer_late_cancel(dispatcher, patient_id, cancelling, intent == "affirm")
        operation = entity(tracker, "operation") or operation_in(latest_text(tracker))
        wanted = as_int(entity(tracker, "appointment_id"))
        reminded = as_int(tracker.get_slot("reminder_appointment_id"))
        if intent == "affirm" and wanted is None and reminded is not None:
            operation, wanted = "confirm", reminded
        upcoming = booking.upcoming(patient_id)
        if not upcoming:
            dispatcher.utter_message(**message("no_appointment"))
            return _done()
        if wanted is None and len(upcoming) == 1:
            wanted = upcoming[0].id
        if wanted is None and reminded in {a.id for a in upcoming} and operation:
            wanted = reminded
        chosen = next((a for a in upcoming if a.id == wanted), None)
        if chosen is None:
            self._list(dispatcher, upcoming, operation)
            return _done()
        if operation is None:
            dispatcher.utter_message(**message(
                "appointment_what_to_do", when=chosen.when, who=chosen.who,
                appointment_id=chosen.id,
            ))
            return _done()
        return self._apply(dispatcher, patient_id, chosen, operation)

    @staticmethod
    def _list(dispatcher: CollectingDispatcher, upcoming: List[Any], operation: Optional[str]) -> None:
        lines = "\n".join(f"• {a.when} — {a.who}" for a in upcoming)
        dispatcher.utter_message(
            **message("appointment_list", lines=lines),
            buttons=[_button(a.short, a.id, operation) for a in upcoming[:MAX_BUTTONS]],
        )

    @staticmethod
    def _apply(
        dispatcher: CollectingDispatcher, patient_id: str, chosen: Any, operation: str
    ) -> List[Dict[Text, Any]]:
        if operation == "confirm":
            booking.record_answer(patient_id, chosen.id, "confirm")
            dispatcher.utter_message(**message("appointment_confirmed", when=chosen.when, who=chosen.who))
            return _done()
        if operation == "keep":
            dispatcher.utter_message(**message("appointment_kept", when=chosen.when, who=chosen.who))
            return _done()
        if operation == "move":
            booking.record_answer(patient_id, chosen.id, "move")
            return _done(moving_appointment_id=str(chosen.id), **booking.move_form_slots(chosen))
        booking.record_answer(patient_id, chosen.id, "cancel")
        if booking.is_late_cancel(chosen):
            dispatcher.utter_message(**message("appointment_cancel_late", when=chosen.when))
            return _done(cancelling_appointment_id=str(chosen.id))
        booking.cancel(patient_id, chosen.id, confirmed_late=False)
        dispatcher.utter_message(**message("appointment_cancelled", when=chosen.when, who=chosen.who))
        return _done()

    @staticmethod
    def _answer_late_cancel(
        dispatcher: CollectingDispatcher, patient_id: str, appointment_id: int, confirmed: bool
    ) -> List[Dict[Text, Any]]:
        chosen = next((a for a in booking.upcoming(patient_id) if a.id == appointment_id), None)
        if chosen is None:
            dispatcher.utter_message(**message("no_appointment"))
        elif confirmed:
            booking.cancel(patient_id, appointment_id, confirmed_late=True)
            dispatcher.utter_message(**message("appointment_cancelled", when=chosen.when, who=chosen.who))
        else:
            dispatcher.utter_message(**message("appointment_kept", when=chosen.when, who=chosen.who))
        return _done()


class ActionSendAppointmentReminder(Action):
    """Speaks the reminder the worker triggered (EXTERNAL_appointment_reminder)."""

    def name(self) -> Text:
        """Action name."""
        return "action_send_appointment_reminder"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Says nothing for an unknown, foreign, cancelled, past or repeated reminder."""
        reminder = booking.reminder_to_speak(tracker)
        if reminder is None:
            return []
        # Tagged so that Messenger may send it outside the 24-hour window (Meta allows
        # CONFIRMED_EVENT_UPDATE for reminders of an event the person registered for).
        dispatcher.utter_message(**message(
            "appointment_reminder", when=reminder.when, who=reminder.who,
            where=reminder.where, bring=reminder.bring, appointment_id=reminder.id,
        ), metadata=tag_metadata(APPOINTMENT_TAG))
        return [SlotSet("reminder_appointment_id", str(reminder.id))]
