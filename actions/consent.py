"""Consent before the first health data: check, ask, record.

Nothing is written before the patient accepts: checking reads only, and declining
writes nothing at all.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.services.messages import message
from actions.common import channel_of, now, patient_id_of, unit_of_work
from actions.medication_form import prefill_events
from actions.services.consent import NOTICE_VERSION


def has_consent(tracker: Tracker) -> bool:
    """Whether the patient of this conversation has a consent in force."""
    with unit_of_work() as uow:
        return uow.consents.active(patient_id_of(tracker)) is not None


class ActionCheckConsent(Action):
    """Sets ``consent_given``; asks for consent (with the notice) when there is none."""

    def name(self) -> Text:
        """Action name."""
        return "action_check_consent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Reads the consent; keeps the request's text for the form."""
        given = has_consent(tracker)
        if not given:
            dispatcher.utter_message(**message("ask_consent", notice_version=NOTICE_VERSION))
        text = tracker.latest_message.get("text")
        prefill = prefill_events(text) if given else []
        return [SlotSet("consent_given", given), SlotSet("medication_request", text), *prefill]


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
        with unit_of_work() as uow:
            patient_id = patient_id_of(tracker)
            uow.patients.get_or_create(patient_id, channel_of(tracker), tracker.sender_id)
            if uow.consents.active(patient_id) is None:
                uow.consents.grant(patient_id, NOTICE_VERSION, moment)
                uow.audit.record("patient", "consent.granted", moment, patient_id=patient_id)
        dispatcher.utter_message(**message("consent_recorded"))
        request = tracker.get_slot("medication_request")
        return [SlotSet("consent_given", True), *prefill_events(request)]
