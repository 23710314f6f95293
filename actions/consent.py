"""Consent before the first health data: check, ask, record.

Nothing is written before the patient accepts: checking reads only, and declining
writes nothing at all.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import appointment_form, medication_form
from actions.common import channel_of, entity, now, patient_id_of, unit_of_work
from actions.services.consent import NOTICE_VERSION, consent_covers
from actions.services.messages import message
from actions.services.retention import RetentionPolicy

# What a consent is asked for, by the intent that needed it (default: reminders).
PURPOSE_BY_INTENT = {
    "book_appointment": "appointment",
    "request_human": "referral",
    "mood_checkin": "mood",
}
REQUEST_SLOT = {
    "medication": "medication_request",
    "appointment": "appointment_request",
    "referral": "referral_request",
    "mood": "mood_request",
}


def request_events(purpose: str, text: Any, answer: Any = None) -> List[Dict[Text, Any]]:
    """SlotSet events for what the request message already says, for its form."""
    if purpose == "appointment":
        return appointment_form.prefill_events(text, answer)
    if purpose in ("referral", "mood"):
        return []  # always asked: "je veux parler à quelqu'un" is not a reason, nor a mood
    return medication_form.prefill_events(text)


def notice_message() -> Dict[Text, Any]:
    """The consent question: the notice, with its retention periods and version."""
    policy = RetentionPolicy.from_env()
    return message("ask_consent",
        notice_version=NOTICE_VERSION,
        conversation_days=policy.conversation.days,
        inactive_days=policy.inactive.days,
        unconsented_hours=int(policy.unconsented.total_seconds() // 3600),
    )


def has_consent(tracker: Tracker, purpose: str) -> bool:
    """Whether the patient of this conversation has a consent in force for ``purpose``."""
    with unit_of_work() as uow:
        return consent_covers(uow, patient_id_of(tracker), purpose)


class ActionCheckConsent(Action):
    """Sets ``consent_given``; asks for consent (with the notice) when there is none."""

    def name(self) -> Text:
        """Action name."""
        return "action_check_consent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Reads the consent; keeps the request's text for the form it opens."""
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        purpose = PURPOSE_BY_INTENT.get(intent, "medication")
        given = has_consent(tracker, purpose)
        if not given:
            dispatcher.utter_message(**notice_message())
        text = tracker.latest_message.get("text")
        answer = entity(tracker, "answer")
        prefill = request_events(purpose, text, answer) if given else []
        return [
            SlotSet("consent_given", given),
            SlotSet("consent_purpose", purpose),
            SlotSet(REQUEST_SLOT[purpose], text),
            *prefill,
        ]


class ActionRecordConsent(Action):
    """Records the patient's consent, with its time and the notice's version."""

    def name(self) -> Text:
        """Action name."""
        return "action_record_consent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Creates the patient if needed and stores the consent."""
        moment = now()
        purpose = tracker.get_slot("consent_purpose") or "medication"
        with unit_of_work() as uow:
            patient_id = patient_id_of(tracker)
            uow.patients.get_or_create(patient_id, channel_of(tracker), tracker.sender_id)
            if not consent_covers(uow, patient_id, purpose):
                uow.consents.grant(patient_id, NOTICE_VERSION, moment)
                uow.audit.record("patient", "consent.granted", moment, patient_id=patient_id)
        dispatcher.utter_message(**message("consent_recorded"))
        request = tracker.get_slot(REQUEST_SLOT.get(purpose, "medication_request"))
        return [SlotSet("consent_given", True), *request_events(purpose, request)]
