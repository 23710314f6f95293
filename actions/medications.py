"""List the patient's medication reminders and change one: new times, pause, resume,
stop. Buttons carry the medication id and the operation; typed requests ("mets en
pause le rappel") are read by keywords.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.services.messages import message
from actions.common import as_int, entity, latest_text, now, patient_id_of, reset, unit_of_work
from actions.form_turn import asked_slot, intent_of
from actions.medication_form import ANSWER_INTENTS
from actions.services.medication_display import say_days, say_times
from actions.services.medication_text import parse_times
from actions.services.reminder_planning import replan_medication

MAX_BUTTONS = 10
STATUS_WORDS = {"active": "actif", "paused": "en pause"}
OPERATIONS = {
    "pause": re.compile(r"pause|suspend|vacances", re.I),
    "resume": re.compile(r"reprend|r[ée]activ|relanc|remet", re.I),
    "stop": re.compile(r"arr[êe]t|stop|supprim|enl[eè]v|fini|termin", re.I),
    "change_time": re.compile(r"heure|horaire|d[ée]cal|chang|modifi|avance|recul", re.I),
}
NEW_STATUS = {"pause": "paused", "resume": "active", "stop": "stopped"}
DONE = {
    "pause": "Les rappels de {name} sont en pause. Écrivez « reprendre mes rappels » quand vous voulez.",
    "resume": "Les rappels de {name} reprennent à {times}.",
    "stop": "C'est arrêté : je n'enverrai plus de rappel pour {name}.",
}


def operation_in(text: str) -> Optional[str]:
    """The change asked for in words, if any (pause, resume, stop, change_time)."""
    for operation, pattern in OPERATIONS.items():
        if pattern.search(text or ""):
            return operation
    return None


def _current(uow: Any, patient_id: str) -> List[Any]:
    return [m for m in uow.medications.list_for_patient(patient_id) if m.status != "stopped"]


def _line(medication: Any) -> str:
    return (
        f"• {medication.name} — {medication.dose} — {say_times(medication.times_of_day)} — "
        f"{say_days({'kind': medication.recurrence, 'weekdays': medication.weekdays, 'interval_days': medication.interval_days})}"
        f" ({STATUS_WORDS.get(medication.status, medication.status)})"
    )


def _button(title: str, medication_id: int, operation: Optional[str] = None) -> Dict[str, str]:
    extra = f', "operation": "{operation}"' if operation else ""
    return {"title": title, "payload": f'/manage_medications{{"medication_id": "{medication_id}"{extra}}}'}


def list_medications(dispatcher: CollectingDispatcher, rows: List[Any]) -> None:
    """"Mes rappels": each medication with its schedule, and a button to change it."""
    text = "Vos rappels :\n" + "\n".join(_line(m) for m in rows)
    buttons = [_button(f"Changer {m.name}"[:40], m.id) for m in rows[:MAX_BUTTONS]]
    buttons.append({"title": "Ajouter un rappel", "payload": "/add_medication"})
    dispatcher.utter_message(text=text, buttons=buttons)


class ActionManageMedications(Action):
    """Lists the reminders, or pauses, resumes, stops one, or starts changing its times."""

    def name(self) -> Text:
        """Action name."""
        return "action_manage_medications"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Finds which medication and which change; asks with buttons when unclear."""
        operation = entity(tracker, "operation") or operation_in(latest_text(tracker))
        wanted = as_int(entity(tracker, "medication_id"))
        with unit_of_work() as uow:
            patient_id = patient_id_of(tracker)
            rows = _current(uow, patient_id)
            chosen = [m for m in rows if m.id == wanted] if wanted else rows
            if chosen and wanted is None and operation is None:
                list_medications(dispatcher, rows)
                return [SlotSet("pending_medication_id", None)]
            if not chosen:
                dispatcher.utter_message(**message("no_medication"))
                return [SlotSet("pending_medication_id", None)]
            if len(chosen) > 1:
                dispatcher.utter_message(
                    text="Quel rappel voulez-vous changer ?",
                    buttons=[_button(m.name[:40], m.id, operation) for m in chosen[:MAX_BUTTONS]],
                )
                return [SlotSet("pending_medication_id", None)]
            medication = chosen[0]
            if operation is None:
                toggle = ("Reprendre", "resume") if medication.status == "paused" else ("Mettre en pause", "pause")
                dispatcher.utter_message(
                    text=f"Que voulez-vous faire pour {medication.name} ?",
                    buttons=[
                        _button("Changer l'heure", medication.id, "change_time"),
                        _button(toggle[0], medication.id, toggle[1]),
                        _button("Arrêter", medication.id, "stop"),
                    ],
                )
                return [SlotSet("pending_medication_id", None)]
            if operation == "change_time":
                return [SlotSet("pending_medication_id", str(medication.id))]
            uow.medications.set_status(medication.id, NEW_STATUS[operation], now())
            name, times, medication_id = medication.name, medication.times_of_day, medication.id
        replan_medication(unit_of_work(), medication_id, now())
        dispatcher.utter_message(text=DONE[operation].format(name=name, times=say_times(times)))
        return [SlotSet("pending_medication_id", None)]


class ValidateMedicationTimeForm(Action):
    """Reads the new times of a reminder."""

    def name(self) -> Text:
        """Action name."""
        return "validate_medication_time_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Fills ``medication_new_times`` or says how to write a time."""
        intent = intent_of(tracker)
        if asked_slot(tracker) != "medication_new_times":
            return []
        times = parse_times(latest_text(tracker))
        if times:
            return [SlotSet("medication_new_times", [t.strftime("%H:%M") for t in times])]
        if intent not in ANSWER_INTENTS:
            return []
        dispatcher.utter_message(
            **message("not_understood", hint="Écrivez par exemple « 9h », « 7h30 » ou « 8h et 21h ».")
        )
        return [SlotSet("medication_new_times", None)]


class ActionChangeMedicationTimes(Action):
    """Saves a reminder's new times and plans it again."""

    def name(self) -> Text:
        """Action name."""
        return "action_change_medication_times"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Checks the medication is the patient's own, then changes it."""
        medication_id = as_int(tracker.get_slot("pending_medication_id"))
        times = sorted(tracker.get_slot("medication_new_times") or [])
        with unit_of_work() as uow:
            medication = uow.medications.get(medication_id) if medication_id else None
            if medication is None or medication.patient_id != patient_id_of(tracker) or not times:
                dispatcher.utter_message(response="utter_nothing_changed")
                return reset(["pending_medication_id", "medication_new_times"])
            medication.times_of_day = times
            name = medication.name
        replan_medication(unit_of_work(), medication_id, now())
        dispatcher.utter_message(**message("medication_times_changed", name=name, times=say_times(times)))
        return reset(["pending_medication_id", "medication_new_times"])
