"""Medication reminders in the conversation: speak a reminder the worker triggered,
record the patient's answer, show adherence.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.mood import asks_for_mood, mood_trend_message
from actions.services.messages import message
from actions.common import as_int, entity, now, patient_id_of, unit_of_work
from actions.services.adherence import adherence
from actions.services.dose_reports import ReportedDose, record_report
from actions.services.delivery_contract import (
    NOTIFICATION_ID_ENTITY,
    already_delivered,
    events_before_latest_trigger,
)
from actions.services.date_display import say_reported_dose
from actions.services.medication_display import say_time
from actions.services.reminder_rules import outcome_for_answer, snooze_until
from actions.store.models import Notification

TAKEN_BY_INTENT = {"dose_taken": True, "dose_skip": False}


def _time_of(notification: Notification) -> str:
    return say_time(notification.scheduled_local[-5:])


def reminder_message(notification: Notification, medication: Any) -> Dict[str, Any]:
    """The response and its values for one reminder (dose or follow-up)."""
    advice = medication.instruction or ""
    instruction = f" {advice[:1].upper()}{advice[1:]}." if advice else ""
    return {
        "key": "medication_followup"
        if notification.kind == "medication_followup" else "medication_reminder",
        "name": medication.name,
        "dose": medication.dose,
        "instruction": instruction,
        "time": _time_of(notification),
        "notification_id": str(notification.id),
    }


class ActionSendMedicationReminder(Action):
    """Speaks the reminder the worker triggered (EXTERNAL_medication_*)."""

    def name(self) -> Text:
        """Action name."""
        return "action_send_medication_reminder"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Reads the row; says nothing for an unknown, foreign, answered or repeated one."""
        notification_id = entity(tracker, NOTIFICATION_ID_ENTITY)
        if notification_id is None:
            return []
        with unit_of_work() as uow:
            notification = uow.notifications.get(as_int(notification_id) or -1)
            if notification is None or notification.patient_id != patient_id_of(tracker):
                return []
            # The worker may deliver twice if it died between Rasa's answer and its own
            # commit: the patient hears it once (a snooze is a new delivery).
            earlier = events_before_latest_trigger(tracker.events)
            if already_delivered(earlier, notification.id, resent=notification.sent_at is not None):
                return []
            medication = uow.medications.get(notification.medication_id)
            if medication is None or uow.outcomes.get(medication.id, notification.scheduled_at):
                return []
            values = reminder_message(notification, medication)
        dispatcher.utter_message(**message(values.pop("key"), **values))
        return [SlotSet("reminder_id", notification_id)]


class ActionRecordDoseAnswer(Action):
    """Records "C'est pris", "Dans 10 min" or "Je ne le prends pas"."""

    def name(self) -> Text:
        """Action name."""
        return "action_record_dose_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Stores the outcome (or the snooze) of the reminder answered."""
        intent = tracker.latest_message.get("intent", {}).get("name")
        notification_id = as_int(entity(tracker, "notification_id") or tracker.get_slot("reminder_id"))
        moment = now()
        if notification_id is None and intent == "dose_taken":
            # "J'ai pris mon Levothyrox" with no reminder: a dose taken, told as news.
            return report_dose(dispatcher, tracker, taken=True)
        with unit_of_work() as uow:
            notification = uow.notifications.get(notification_id) if notification_id else None
            if notification is None or notification.patient_id != patient_id_of(tracker):
                dispatcher.utter_message(**message("no_pending_reminder"))
                return []
            medication = uow.medications.get(notification.medication_id)
            if intent == "dose_snooze":
                response = self._snooze(uow, notification, moment)
            else:
                response = self._record(uow, medication, notification, moment, TAKEN_BY_INTENT.get(intent, True))
        dispatcher.utter_message(**message(response))
        return [SlotSet("reminder_id", None)] if response != "dose_snoozed" else []

    @staticmethod
    def _snooze(uow: Any, notification: Notification, moment: Any) -> str:
        until = snooze_until(notification.scheduled_at, moment)
        if until is None:
            return "dose_snooze_too_late"
        uow.notifications.reschedule(notification.id, until)
        return "dose_snoozed"

    @staticmethod
    def _record(uow: Any, medication: Any, notification: Notification, moment: Any, taken: bool) -> str:
        status = outcome_for_answer(notification.scheduled_at, moment, taken)
        outcome, created = uow.outcomes.record(
            medication, notification.scheduled_at, status, moment, notification.id
        )
        if not created:
            if outcome.status != "missed" or not taken:
                return "reminder_already_answered"
            outcome.status, outcome.recorded_at = "late", moment
            status = "late"
        uow.notifications.cancel_pending_for_dose(medication.id, notification.scheduled_at)
        return {"taken": "dose_taken", "late": "dose_late"}.get(status, "dose_skipped")


def report_dose(
    dispatcher: CollectingDispatcher, tracker: Tracker, taken: bool
) -> List[Dict[Text, Any]]:
    """Record a dose the patient reports outside a reminder, and say what was noted."""
    moment = now()
    dose: Optional[ReportedDose] = None
    with unit_of_work() as uow:
        patient_id = patient_id_of(tracker)
        patient = uow.patients.get(patient_id)
        if patient is not None:
            zone = patient.time_zone
            dose = record_report(uow, patient_id, tracker.latest_message.get("text") or "", moment, taken)
    if dose is None:
        if taken:
            dispatcher.utter_message(**message("dose_report_unmatched"))
        return []
    when = say_reported_dose(dose.scheduled_at, zone, moment)
    key = "dose_reported_missed" if dose.status == "missed" else "dose_reported_taken"
    if not dose.recorded and dose.status != "missed":
        key = "reminder_already_answered"
    dispatcher.utter_message(**message(key, name=dose.medication, when=when))
    return [SlotSet("reminder_id", None)]


class ActionRecordMissedDose(Action):
    """"J'ai oublié mon cachet hier soir": noted as missed when it matches a dose.

    The advice (never a double dose; the leaflet or the pharmacist) is a domain
    response the rule speaks first, so it is given even without the action server.
    """

    def name(self) -> Text:
        """Action name."""
        return "action_record_missed_dose"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Records the missed dose, if one of the patient's doses matches."""
        return report_dose(dispatcher, tracker, taken=False)


def adherence_text(rows: List[Any], outcomes: List[Any], moment: Any) -> Optional[str]:
    """The "Mon suivi" message: per medication, 7 and 30 days, and the streak."""
    if not rows:
        return None
    lines = ["Votre suivi :"]
    for medication in rows:
        mine = [(o.scheduled_at, o.status) for o in outcomes if o.medication_id == medication.id]
        record = adherence(mine, moment)
        lines.append(f"• {medication.name} ({medication.dose})")
        for label, counts in (("7 derniers jours", record.last_7_days), ("30 derniers jours", record.last_30_days)):
            lines.append(
                f"  {label} : {counts.taken} à l'heure, {counts.late} en retard, "
                f"{counts.missed} oubliée(s), {counts.skipped} non prise(s)"
            )
        lines.append(f"  Série en cours : {record.streak} prise(s) d'affilée")
    return "\n".join(lines)


class ActionShowAdherence(Action):
    """"Mon suivi": doses taken, late, missed over 7 and 30 days, the current streak,
    and the mood of the last 14 days ("mon suivi d'humeur": the mood only)."""

    def name(self) -> Text:
        """Action name."""
        return "action_show_adherence"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Reads the patient's medications, outcomes and moods (nothing without consent)."""
        mood_only = asks_for_mood(tracker)
        text = None
        if not mood_only:
            with unit_of_work() as uow:
                patient_id = patient_id_of(tracker)
                rows = [m for m in uow.medications.list_for_patient(patient_id) if m.status != "stopped"]
                text = adherence_text(rows, uow.outcomes.list_for_patient(patient_id), now())
        moods = mood_trend_message(tracker, asked_for_mood=mood_only)
        if text is not None:
            dispatcher.utter_message(text=text)
        if moods is not None:
            dispatcher.utter_message(**moods)
        if text is None and moods is None:
            dispatcher.utter_message(**message("no_medication"))
        return []
