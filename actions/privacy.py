"""The patient's rights over what Hygie stores: see it, get a copy, erase it (which also
withdraws consent). Each is answered in the chat; erasing is confirmed first.

The copy is a one-time link (the export never enters the conversation log); erasing
deletes the application rows here and, through the slot ``conversation_erased``, the
whole conversation in the tracker store (``connectors/tracker_store.py``).
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.services.messages import message
from actions.common import entity, latest_text, now, patient_id_of, unit_of_work
from actions.services.medication_display import say_time, say_times
from actions.services.export_links import LINK_LIFETIME, export_url, issue_export_link
from actions.services.patient_data import erase_patient
from actions.services.retention import RetentionPolicy
from actions.store.conversation_log import CONVERSATION_ERASED_SLOT

DATA_BUTTONS = [
    {"title": "Recevoir une copie", "payload": '/ask_my_data{"operation": "export"}'},
    {"title": "Tout effacer", "payload": "/erase_data"},
]
# "Je veux une copie de mes données", "exporter", "télécharger"...: the copy at once.
EXPORT_WORDS = re.compile(r"cop(ie|y)|export|t[ée]l[ée]charg|envoi|envoy|json|fichier|portabilit", re.I)


class ActionShowMyData(Action):
    """"Quelles données avez-vous sur moi ?": a plain summary of every stored row."""

    def name(self) -> Text:
        """Action name."""
        return "action_show_my_data"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Summarises consent, medications, reminders, doses, appointments, requests
        and moods, or exports."""
        if entity(tracker, "operation") == "export" or EXPORT_WORDS.search(latest_text(tracker)):
            return export_to(dispatcher, tracker)
        with unit_of_work() as uow:
            patient_id = patient_id_of(tracker)
            patient = uow.patients.get(patient_id)
            if patient is None:
                dispatcher.utter_message(**message("no_data"))
                return []
            consents = uow.consents.list_for_patient(patient_id)
            medications = uow.medications.list_for_patient(patient_id)
            reminders = len(uow.notifications.list_for_patient(patient_id))
            outcomes = len(uow.outcomes.list_for_patient(patient_id))
            appointments = len(uow.appointments.list_for_patient(patient_id))
            referrals = len(uow.referrals.list_for_patient(patient_id))
            moods = len(uow.moods.list_for_patient(patient_id))
            plan = uow.mood_plans.of_patient(patient_id)
        lines = ["Voici ce que j'ai enregistré sur vous :"]
        for consent in consents:
            state = "retiré" if consent.withdrawn_at else "en cours"
            lines.append(f"• Votre accord du {consent.granted_at:%d/%m/%Y} ({state}).")
        for medication in medications:
            lines.append(f"• {medication.name}, {medication.dose}, à {say_times(medication.times_of_day)}.")
        lines.append(f"• {reminders} rappel(s) et {outcomes} prise(s) notée(s).")
        lines.append(f"• {appointments} rendez-vous et {referrals} demande(s) à l'équipe du cabinet.")
        lines.append(f"• {moods} humeur(s) notée(s).")
        if plan is not None and plan.active:
            lines.append(f"• Un point humeur chaque jour à {say_time(plan.time_local)}.")
        lines.append(f"• Votre fuseau horaire ({patient.time_zone}) et votre langue ({patient.language}).")
        days = RetentionPolicy.from_env().conversation.days
        lines.append(f"• Notre conversation, chiffrée, gardée {days} jours après votre dernier message.")
        dispatcher.utter_message(text="\n".join(lines), buttons=DATA_BUTTONS)
        return []


def export_to(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
    """Sends the patient a one-time link to a copy of everything stored about them."""
    token = issue_export_link(unit_of_work(), patient_id_of(tracker), tracker.sender_id, now())
    if token is None:
        dispatcher.utter_message(**message("no_data"))
        return []
    minutes = int(LINK_LIFETIME.total_seconds() // 60)
    dispatcher.utter_message(**message("export_link", url=export_url(token), minutes=minutes))
    return []


class ActionEraseData(Action):
    """Withdraws consent, erases every row about the patient (reminders stop) and the
    conversation itself, in any state of the conversation.

    Nothing is kept beyond the audit trail, pseudonymised, which is what
    accountability requires.
    """

    def name(self) -> Text:
        """Action name."""
        return "action_erase_data"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Erases, says so, and closes whatever was open (form, hand-off, listening,
        exercise); the last event has the tracker store delete the conversation."""
        erase_patient(unit_of_work(), patient_id_of(tracker), now())
        dispatcher.utter_message(**message("data_erased"))
        return [ActiveLoop(None), AllSlotsReset(), SlotSet(CONVERSATION_ERASED_SLOT, True)]
