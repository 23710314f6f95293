"""A request to a person of the care team: the form (why, how pressing, how to answer),
the ticket, holding back while the team handles it, the team's replies, and resuming.

The ticket is handled in the staff console (``python -m console``); its replies and its
closing reach the conversation through ``EXTERNAL_staff_reply`` and
``EXTERNAL_handoff_closed``, triggered on Rasa's HTTP API like the reminders.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import as_int, entity, latest_text, now, patient_id_of, reset, unit_of_work
from actions.form_turn import ask_actions, asked_slot
from actions.services import referrals as service
from actions.services.content import get_content
from actions.services.messages import message
from actions.services.referral_answers import read_contact, read_urgency

FORM_SLOTS = ["referral_request", "referral_reason", "referral_urgency", "referral_contact"]
HINTS = {
    "referral_reason": "Écrivez votre demande en quelques mots, par exemple « renouveler mon ordonnance » ou « parler de mes résultats ».",
    "referral_urgency": "Écrivez « urgent », « dans les prochains jours » ou « pas pressé ».",
    "referral_contact": "Écrivez « ici », ou votre numéro de téléphone, par exemple 06 12 34 56 78.",
}
# A reason shorter than this ("ok", "?") is not a request the team can act on.
MIN_REASON_LENGTH = 3
MAX_REASON_LENGTH = 1000


def _placeholder(name: str) -> str:
    return get_content().placeholders[name]


def _reason(text: str) -> str | None:
    words = (text or "").strip()
    if words.startswith("/") or len(words) < MIN_REASON_LENGTH:
        return None
    return words[:MAX_REASON_LENGTH]


class ValidateReferralForm(Action):
    """Reads the reason (any words), the urgency and the way to answer."""

    def name(self) -> Text:
        """Action name."""
        return "validate_referral_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Fills the asked slot; emergencies and "Annuler" go to the rules."""
        requested = asked_slot(tracker)
        if requested is None:
            return []
        text = latest_text(tracker)
        readers = {
            "referral_reason": _reason,
            "referral_urgency": read_urgency,
            "referral_contact": read_contact,
        }
        value = readers[requested](text)
        if value is None:
            dispatcher.utter_message(**message("not_understood", hint=HINTS[requested]))
        return [SlotSet(requested, value)]


ASK_ACTIONS = ask_actions("referral_reason", "referral_urgency", "referral_contact")


class ActionOpenReferral(Action):
    """Creates the ticket, says what happens next, and holds Hygie back."""

    def name(self) -> Text:
        """Action name."""
        return "action_open_referral"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """One open ticket per patient (a second request updates it)."""
        patient_id = patient_id_of(tracker)
        with unit_of_work() as uow:
            consent = uow.consents.active(patient_id)
        if consent is None:
            dispatcher.utter_message(response="utter_consent_declined")
            return reset(FORM_SLOTS)
        contact = tracker.get_slot("referral_contact")
        service.open_referral(
            unit_of_work(), patient_id, tracker.get_slot("referral_reason"),
            tracker.get_slot("referral_urgency"), contact, now(),
        )
        dispatcher.utter_message(**message(
            "referral_opened", contact=contact,
            hours=_placeholder("practice_phone_hours"), samu=_placeholder("samu"),
        ))
        return [*reset(FORM_SLOTS), SlotSet("handoff_active", True)]


class ActionCancelReferralForm(Action):
    """Drops the request being written; nothing is stored."""

    def name(self) -> Text:
        """Action name."""
        return "action_cancel_referral_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Says so, with the practice's phone."""
        dispatcher.utter_message(**message("referral_cancelled", phone=_placeholder("practice_phone")))
        return reset(FORM_SLOTS)


class ActionHandoffHold(Action):
    """During a hand-off: the message is for the team (it is in the transcript)."""

    def name(self) -> Text:
        """Action name."""
        return "action_handoff_hold"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Acknowledges, with the emergency number."""
        dispatcher.utter_message(**message("handoff_hold", samu=_placeholder("samu")))
        return []


class ActionSpeakStaffReply(Action):
    """Speaks a reply written in the staff console (EXTERNAL_staff_reply)."""

    def name(self) -> Text:
        """Action name."""
        return "action_speak_staff_reply"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Says nothing for an unknown id or another patient's message."""
        staff_message_id = as_int(entity(tracker, "staff_message_id"))
        reply = service.staff_message(unit_of_work(), staff_message_id) if staff_message_id else None
        if reply is None or reply.patient_id != patient_id_of(tracker):
            return []
        dispatcher.utter_message(**message("staff_reply", name=reply.staff_name, text=reply.text))
        return []


class ActionCloseHandoff(Action):
    """The team closed the request (EXTERNAL_handoff_closed): Hygie resumes, and says so."""

    def name(self) -> Text:
        """Action name."""
        return "action_close_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Resumes only when no other request of the patient is still open."""
        still_open = service.active_referral(unit_of_work(), patient_id_of(tracker))
        if still_open is not None:
            return []
        dispatcher.utter_message(**message("handoff_closed"))
        return [SlotSet("handoff_active", False)]
