"""The form that adds a medication: read what the patient says, ask what is missing,
sum up, save.

The patient's words are read by :mod:`actions.services.medication_text` ("1 comprimé
de Levothyrox à 7h30 à jeun", "matin midi et soir", "pendant 10 jours"): whatever a
message says fills its slots, whichever question was asked; the first message (the one
that asked for a reminder) fills them before the form's first question.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.services.messages import message
from actions.common import latest_text, local_today, now, patient_id_of, reset, unit_of_work
from actions.form_turn import ask_actions, asked_slot, intent_of
from actions.services.medication_display import (
    NO_END,
    say_days,
    say_end,
    say_start,
    say_time,
    say_times,
)
from actions.services.medication_start import scan_start
from actions.services.medication_text import (
    MedicationRequest,
    parse_dose,
    parse_medication_request,
)
from actions.services.reminder_planning import replan_medication, schedule_for
from actions.services.scheduling import next_dose_after
from actions.store.models import Medication

FORM_SLOTS = [
    "medication_start",
    "medication_name",
    "medication_dose",
    "medication_times",
    "medication_days",
    "medication_end",
    "medication_instruction",
]
HINTS = {
    "medication_name": "Écrivez seulement le nom du médicament, par exemple « Doliprane ».",
    "medication_dose": "Écrivez par exemple « 1 comprimé », « 2 gélules » ou « 10 gouttes ».",
    "medication_times": "Écrivez par exemple « 8h », « 7h30 », « 8h et 20h » ou « matin et soir ».",
    "medication_days": "Écrivez par exemple « tous les jours », « lundi et jeudi » ou « un jour sur deux ».",
    "medication_end": "Écrivez par exemple « pendant 10 jours », « jusqu'au 15 décembre » ou « sans fin ».",
}
# Intents of a plausible answer: when the form cannot read one, it says how to answer.
# Any other message it cannot read (a question...) goes to the rules too.
ANSWER_INTENTS = frozenset({"inform", "add_medication", "nlu_fallback", "out_of_scope"})
# A bare answer to "Quel médicament ?" that the parser did not recognise as a name.
_BARE_NAME = re.compile(r"^[\w][\w .'+/-]{1,59}$", re.UNICODE)


def slot_values(text: str, today: date) -> Dict[str, Any]:
    """The form slots a message fills (only what it says).

    The first day ("à partir de lundi") is read first and cut out, so that it is not
    also read as a weekday, and a duration counts from it.
    """
    start, rest = scan_start(text, today)
    values = request_values(parse_medication_request(rest, start or today))
    if start is not None:
        values["medication_start"] = start.isoformat()
    return values


def request_values(request: MedicationRequest) -> Dict[str, Any]:
    """The form slots a parsed request fills."""
    values: Dict[str, Any] = {}
    if request.name:
        values["medication_name"] = request.name
    if request.dose:
        values["medication_dose"] = request.dose
    if request.times:
        values["medication_times"] = [t.strftime("%H:%M") for t in request.times]
    if request.recurrence:
        values["medication_days"] = {
            "kind": request.recurrence.kind,
            "weekdays": list(request.recurrence.weekdays),
            "interval_days": request.recurrence.interval_days,
        }
    if request.duration:
        end = request.duration.end_date
        values["medication_end"] = end.isoformat() if end else NO_END
    if request.instruction:
        values["medication_instruction"] = request.instruction
    return values


def prefill_events(text: Optional[str]) -> List[Dict[Text, Any]]:
    """SlotSet events for what the request message already says, before the form."""
    values = slot_values(text or "", local_today())
    return [SlotSet(slot, value) for slot, value in values.items()]


class ValidateMedicationForm(Action):
    """Fills the medication form's slots from each message; explains what it missed."""

    def name(self) -> Text:
        """Action name."""
        return "validate_medication_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Reads the latest message; never overwrites an answer already given."""
        requested, intent = asked_slot(tracker), intent_of(tracker)
        if requested is None:
            return []
        text = latest_text(tracker)
        values = slot_values(text, local_today())
        # Any unknown word can look like a name: read one only when it was asked for,
        # in a message that can be an answer.
        if requested != "medication_name" or intent not in ANSWER_INTENTS:
            values.pop("medication_name", None)
        if (
            requested == "medication_name"
            and "medication_name" not in values
            and intent in ANSWER_INTENTS
        ):
            bare = text.strip()
            if _BARE_NAME.match(bare) and not bare.startswith("/"):
                values["medication_name"] = bare
        if requested == "medication_dose" and "medication_dose" not in values:
            dose = parse_dose(text)
            if dose:
                values["medication_dose"] = dose
        events = [
            SlotSet(slot, value)
            for slot, value in values.items()
            if slot == requested or tracker.get_slot(slot) in (None, [], "")
        ]
        if requested not in values and intent not in ANSWER_INTENTS:
            return []
        if requested not in values:
            dispatcher.utter_message(**message("not_understood", hint=HINTS.get(requested, "")))
            events.append(SlotSet(requested, None))
        return events


class ActionSummariseMedication(Action):
    """Reads the whole reminder back and asks to confirm it."""

    def name(self) -> Text:
        """Action name."""
        return "action_summarise_medication"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Utters the summary with "Oui, enregistrer" / "Non, annuler"."""
        dispatcher.utter_message(**message("medication_summary", name=tracker.get_slot("medication_name"),
            dose=tracker.get_slot("medication_dose"),
            times=say_times(tracker.get_slot("medication_times") or []),
            days=say_days(tracker.get_slot("medication_days")),
            end=say_end(tracker.get_slot("medication_end")),
            instruction=tracker.get_slot("medication_instruction") or "aucune",
            start=say_start(tracker.get_slot("medication_start"), local_today()),
        ))
        return []


class ActionSaveMedication(Action):
    """Stores the medication and plans its reminders."""

    def name(self) -> Text:
        """Action name."""
        return "action_save_medication"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Saves, plans, says when the next reminder comes; empties the form."""
        moment = now()
        days = tracker.get_slot("medication_days") or {"kind": "daily"}
        end = tracker.get_slot("medication_end")
        times = sorted(tracker.get_slot("medication_times") or [])
        with unit_of_work() as uow:
            patient_id = patient_id_of(tracker)
            if uow.consents.active(patient_id) is None:
                dispatcher.utter_message(response="utter_consent_declined")
                return reset(FORM_SLOTS)
            patient = uow.patients.get(patient_id)
            medication = uow.medications.add(
                Medication(
                    patient_id=patient_id,
                    name=tracker.get_slot("medication_name"),
                    dose=tracker.get_slot("medication_dose"),
                    instruction=tracker.get_slot("medication_instruction"),
                    times_of_day=times,
                    recurrence=days.get("kind", "daily"),
                    weekdays=days.get("weekdays") or None,
                    interval_days=days.get("interval_days") or None,
                    start_date=_start_date(tracker.get_slot("medication_start")),
                    end_date=date.fromisoformat(end) if end and end != NO_END else None,
                )
            )
            uow.flush()
            medication_id = medication.id
            time_zone = patient.time_zone if patient else None
        replan_medication(unit_of_work(), medication_id, moment)
        with unit_of_work() as uow:
            medication = uow.medications.get(medication_id)
            upcoming = next_dose_after(schedule_for(medication), moment)
        dispatcher.utter_message(**message("medication_saved", name=medication.name,
            times=say_times(times),
            next=_say_instant(upcoming, time_zone),
        ))
        return reset(FORM_SLOTS)


def _start_date(start: Optional[str]) -> date:
    """The first day of the treatment: the one the patient said, else today."""
    today = local_today()
    return max(date.fromisoformat(start), today) if start else today


def _say_instant(instant: Any, time_zone: Optional[str]) -> str:
    if instant is None:
        return "aucun (la date de fin est passée)"
    from zoneinfo import ZoneInfo

    from actions.defaults import DEFAULT_TIME_ZONE

    local = instant.astimezone(ZoneInfo(time_zone or DEFAULT_TIME_ZONE))
    return local.strftime("%d/%m") + " à " + say_time(local.strftime("%H:%M"))


class ActionCancelMedication(Action):
    """Drops the reminder being written; nothing is stored."""

    def name(self) -> Text:
        """Action name."""
        return "action_cancel_medication"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Says so and empties the form's slots."""
        dispatcher.utter_message(**message("medication_cancelled"))
        return reset(FORM_SLOTS + ["medication_request"])


ASKED_SLOTS = [
    "medication_name",
    "medication_dose",
    "medication_times",
    "medication_days",
    "medication_end",
    "medication_new_times",
]
# One action per question; rasa-sdk registers every Action subclass by its name().
ASK_ACTIONS = ask_actions(*ASKED_SLOTS)
