"""Guided exercises: choose one, start it, say each timed step, ask how it went.

The steps are rows the worker delivers (``EXTERNAL_exercise_step``); the exercise stops
when the patient says "stop" (``action_stop_activity``), asks for something else, or
meets the safety net: a step finds that in the tracker and cancels the rest silently.
At the end, ``exercise_feedback_form`` asks "comment vous sentez-vous ?" (1 to 5); the
answer is kept in the mood record only with the patient's consent.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    as_int,
    channel_of,
    entity,
    latest_text,
    now,
    patient_id_of,
    unit_of_work,
)
from actions.form_turn import ask_actions, asked_slot
from actions.services import exercise_runs
from actions.services.content import get_content
from actions.services.delivery_contract import (
    NOTIFICATION_ID_ENTITY,
    already_delivered,
    events_before_latest_trigger,
)
from actions.services.exercises import choose_exercise, exercise, is_step_late, load_exercises
from actions.services.messages import message
from actions.services.mood import read_mood, record_mood

RUN_SLOT = "exercise_run"
FINAL_SLOT = "exercise_finished"
RATING_SLOT = "exercise_rating"
# What a patient may write during an exercise without stopping it ("ok", "merci"…).
KEEPS_GOING = frozenset({"affirm", "thank", "inform", "out_of_scope", "nlu_fallback"})
RATING_HINT = "Écrivez un chiffre de 1 (très mal) à 5 (très bien)."


def _render(text: str) -> str:
    return get_content().render(text)


def choice_message() -> Dict[str, Any]:
    """The list of exercises, a button each."""
    exercises = list(load_exercises().values())
    choices = "\n".join(f"• {e.title} : {e.summary}" for e in exercises)
    said = message("exercise_choice", choices=choices)
    said["buttons"] = [
        {"title": e.title, "payload": f'/start_exercise{{"exercise": "{e.key}"}}'}
        for e in exercises
    ]
    return said


def moved_on(tracker: Tracker) -> bool:
    """Whether the patient asked for something else since the exercise started."""
    for event in reversed(tracker.events):
        if event.get("event") == "slot" and event.get("name") == RUN_SLOT:
            return False
        if event.get("event") == "user":
            intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
            if intent and not intent.startswith("EXTERNAL_") and intent not in KEEPS_GOING:
                return True
    return False


class ActionStartExercise(Action):
    """Starts the exercise the patient named, or lists them."""

    def name(self) -> Text:
        """Action name."""
        return "action_start_exercise"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Plans the steps and says the intro; asks which one when none is named."""
        chosen = exercise(entity(tracker, "exercise") or choose_exercise(latest_text(tracker)))
        if chosen is None:
            dispatcher.utter_message(**choice_message())
            return []
        run = exercise_runs.start_run(
            unit_of_work(),
            patient_id_of(tracker),
            channel_of(tracker),
            tracker.sender_id,
            chosen,
            now(),
        )
        dispatcher.utter_message(text=f"{chosen.title}\n{_render(chosen.intro)}")
        return [SlotSet(RUN_SLOT, run), SlotSet(FINAL_SLOT, False)]


class ActionExerciseStep(Action):
    """Says one timed step (``EXTERNAL_exercise_step``); the last one ends the exercise."""

    def name(self) -> Text:
        """Action name."""
        return "action_exercise_step"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Silent for a stale, foreign, repeated or late step, or once the patient moved on."""
        quiet = [SlotSet(FINAL_SLOT, False)]
        run = tracker.get_slot(RUN_SLOT)
        notification_id = as_int(entity(tracker, NOTIFICATION_ID_ENTITY))
        if run is None or notification_id is None:
            return quiet
        patient_id = patient_id_of(tracker)
        step = exercise_runs.find_step(unit_of_work(), patient_id, notification_id)
        if step is None or step.run != run or step.status == "cancelled":
            return quiet
        earlier = events_before_latest_trigger(tracker.events)
        if already_delivered(earlier, notification_id, resent=False):
            return quiet
        if moved_on(tracker):
            exercise_runs.stop_run(unit_of_work(), patient_id, run)
            return [*quiet, SlotSet(RUN_SLOT, None)]
        if is_step_late(step.due_at, now()):
            return quiet
        dispatcher.utter_message(text=step.exercise.text_of(step.index))
        if step.exercise.is_last(step.index):
            return [SlotSet(FINAL_SLOT, True), SlotSet(RUN_SLOT, None)]
        return quiet


class ValidateExerciseFeedbackForm(Action):
    """Reads "comment vous sentez-vous ?": 1 to 5, a word or an emoji."""

    def name(self) -> Text:
        """Action name."""
        return "validate_exercise_feedback_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Fills the rating, or says how to answer."""
        if asked_slot(tracker) != RATING_SLOT:
            return []
        score = read_mood(latest_text(tracker))
        if score is None:
            dispatcher.utter_message(**message("not_understood", hint=RATING_HINT))
        return [SlotSet(RATING_SLOT, score)]


ASK_ACTIONS = ask_actions(RATING_SLOT)


class ActionExerciseFeedback(Action):
    """Answers the rating; keeps it in the mood record if the patient consented."""

    def name(self) -> Text:
        """Action name."""
        return "action_exercise_feedback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Low: support and numbers; middle or high: encouragement."""
        score = as_int(tracker.get_slot(RATING_SLOT))
        if score is None:
            return []
        if score <= 2:
            dispatcher.utter_message(**support_offer())
        elif score == 3:
            dispatcher.utter_message(**message("exercise_rated_middle"))
        else:
            dispatcher.utter_message(**message("exercise_rated_high"))
        if record_mood(unit_of_work(), patient_id_of(tracker), score, None, "exercise", now()):
            dispatcher.utter_message(**message("rating_kept"))
        return [SlotSet(RATING_SLOT, None), SlotSet(FINAL_SLOT, False)]


def support_offer() -> Dict[str, Any]:
    """What Hygie offers after a low rating or a low mood (numbers included)."""
    return message("support_offer", suicide_line=get_content().placeholders["suicide_line"])
