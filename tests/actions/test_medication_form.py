"""The medication form's validator, on trackers built as Rasa sends them."""

from datetime import date

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.medication_form import ValidateMedicationForm, slot_values

SUNDAY = date(2026, 11, 29)


def tracker(text, intent, requested, slots=None, entities=None):
    return Tracker.from_dict({
        "sender_id": "patient",
        "slots": {"requested_slot": requested, **(slots or {})},
        "latest_message": {"text": text, "intent": {"name": intent, "confidence": 1.0},
                           "entities": entities or []},
        "events": [], "paused": False, "followup_action": None,
        "active_loop": {"name": "medication_form"}, "latest_action_name": "action_listen",
    })


def test_one_sentence_fills_every_slot_it_mentions():
    values = slot_values("1 comprimé de Levothyrox à 7h30 à jeun à partir de lundi pendant 10 jours", SUNDAY)
    assert values == {
        "medication_name": "Levothyrox", "medication_dose": "1 comprimé",
        "medication_times": ["07:30"], "medication_end": "2026-12-09",
        "medication_instruction": "à jeun", "medication_start": "2026-11-30",
    }


async def run(t):
    dispatcher = CollectingDispatcher()
    events = await ValidateMedicationForm().run(dispatcher, t, {})
    return events, [m.get("text") for m in dispatcher.messages]


@pytest.mark.parametrize("intent", ["emergency_medical", "crisis_suicidal", "emergency_poisoning", "deny",
                                    "EXTERNAL_medication_reminder", "faq"])
async def test_emergencies_cancel_reminders_and_questions_go_back_to_the_rules(intent):
    events, said = await run(tracker("j'ai très mal à la poitrine", intent, "medication_name"))
    assert (events, said) == ([], [])


async def test_an_answer_fills_the_requested_slot_and_what_else_it_says():
    events, said = await run(tracker("matin et soir tous les jours", "inform", "medication_times"))
    assert events == [
        SlotSet("medication_times", ["08:00", "20:00"]),
        SlotSet("medication_days", {"kind": "daily", "weekdays": [], "interval_days": 1}),
    ]
    assert said == []


async def test_an_answer_never_overwrites_an_earlier_one_except_the_requested_slot():
    events, _ = await run(tracker("2 gélules à 9h", "inform", "medication_times",
                                  slots={"medication_dose": "1 comprimé"}))
    assert events == [SlotSet("medication_times", ["09:00"])]


async def test_an_unreadable_answer_gets_a_hint_and_the_question_again():
    events, said = await run(tracker("euh je sais pas trop", "inform", "medication_times"))
    assert events == [SlotSet("medication_times", None)]
    assert said[0].startswith("Je n'ai pas bien compris. Écrivez par exemple « 8h »")


async def test_a_bare_name_is_taken_as_the_medication_and_a_button_answer_is_read():
    events, _ = await run(tracker("Kardegic 75", "out_of_scope", "medication_name"))
    assert events == [SlotSet("medication_name", "Kardegic 75")]
    events, _ = await run(tracker("/inform", "inform", "medication_end",
                                  entities=[{"entity": "answer", "value": "sans fin"}]))
    assert events == [SlotSet("medication_end", "none")]
