"""Listening mode, and "stop" for whatever is going on.

``talk`` starts the mode (``action_start_listening``); then the listening policy
(``connectors/listening_policy.py``) sends the patient's talk to
``action_listening_reply``, which reflects and asks an open question, offers an
exercise or the care team every few replies, and after a crisis in the session recalls
the crisis line at each reply. ``stop_activity`` ends an exercise, the
listening mode or the daily mood check-in, whichever the patient means.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import latest_text, now, patient_id_of, unit_of_work
from actions.exercises import RUN_SLOT
from actions.services import exercise_runs, listening
from actions.services.content import get_content
from actions.services.messages import message
from actions.services.mood import mentions_mood, stop_daily_checkin
from connectors.safety_patterns import CRISIS_INTENTS

ACTIVE_SLOT = "listening_active"
TURNS_SLOT = "listening_turns"


def _turns(tracker: Tracker) -> int:
    try:
        return int(tracker.get_slot(TURNS_SLOT) or 0)
    except (TypeError, ValueError):
        return 0


def crisis_in_session(tracker: Tracker) -> bool:
    """Whether the patient expressed a suicidal crisis (or an intentional overdose) in
    this conversation session."""
    for event in reversed(tracker.events):
        if event.get("event") == "session_started":
            return False
        if event.get("event") == "user":
            intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
            if intent in CRISIS_INTENTS:
                return True
    return False


class ActionStartListening(Action):
    """Starts the listening mode: who Hygie is, how to stop, then a first reflection."""

    def name(self) -> Text:
        """Action name."""
        return "action_start_listening"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Already listening: just listen. Otherwise the start message first."""
        already = bool(tracker.get_slot(ACTIVE_SLOT))
        if not already:
            dispatcher.utter_message(text=listening.start_text())
        first = listening.reply(latest_text(tracker), 0)
        if first.feeling or first.topic:
            dispatcher.utter_message(text=first.text)
        else:
            question = listening.load_listening().open_questions[0]
            dispatcher.utter_message(**message("listening_first", question=question))
        return [SlotSet(ACTIVE_SLOT, True), SlotSet(TURNS_SLOT, 0)]


class ActionListeningReply(Action):
    """Reflects the patient's message and asks an open question (listening policy)."""

    def name(self) -> Text:
        """Action name."""
        return "action_listening_reply"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """One reply; every few, the offer with its buttons."""
        turn = _turns(tracker) + 1
        said = listening.reply(latest_text(tracker), turn)
        dispatcher.utter_message(text=said.text)
        if crisis_in_session(tracker):
            line = get_content().placeholders["suicide_line"]
            dispatcher.utter_message(**message("listening_crisis_line", suicide_line=line))
        if said.offer:
            dispatcher.utter_message(**message("listening_offer", offer=listening.offer_text()))
        return [SlotSet(ACTIVE_SLOT, True), SlotSet(TURNS_SLOT, turn)]


class ActionStopActivity(Action):
    """"Stop": ends the exercise, the listening mode or the daily mood check-in."""

    def name(self) -> Text:
        """Action name."""
        return "action_stop_activity"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Whichever is going on; the daily check-in only when the patient names it."""
        patient_id = patient_id_of(tracker)
        events: List[Dict[Text, Any]] = []
        if mentions_mood(latest_text(tracker)):
            if stop_daily_checkin(unit_of_work(), patient_id, now()):
                dispatcher.utter_message(**message("mood_daily_stopped"))
                return events
        run = tracker.get_slot(RUN_SLOT)
        if run is not None:
            if exercise_runs.stop_run(unit_of_work(), patient_id, run):
                dispatcher.utter_message(**message("exercise_stopped"))
            events.append(SlotSet(RUN_SLOT, None))
        if tracker.get_slot(ACTIVE_SLOT):
            dispatcher.utter_message(text=listening.end_text())
            events += [SlotSet(ACTIVE_SLOT, False), SlotSet(TURNS_SLOT, 0)]
        if not dispatcher.messages:
            dispatcher.utter_message(**message("nothing_to_stop"))
        return events
