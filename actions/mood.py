"""Mood check-ins: on demand or daily, a score from 1 to 5 and an optional note.

``mood_checkin`` asks for consent first (a mood is health data); then
``action_plan_mood_checkin`` sets the daily check-in when the request asks for one
("tous les soirs à 21h") and ``mood_form`` asks the score and the note. The worker
triggers ``EXTERNAL_mood_checkin`` at the chosen time; ``action_mood_prompt`` checks
the row and opens the same form. "Mon suivi" shows the 14-day trend
(:func:`mood_trend_message`).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import as_int, entity, latest_text, now, patient_id_of, unit_of_work
from actions.exercises import support_offer
from actions.form_turn import ask_actions, asked_slot, intent_of
from actions.services import mood as service
from actions.services.delivery_contract import (
    NOTIFICATION_ID_ENTITY,
    already_delivered,
    events_before_latest_trigger,
)
from actions.services.medication_display import say_time
from actions.services.messages import message
from actions.store.moods import MOOD_CHECKIN_KIND

FORM_SLOTS = ["mood_score", "mood_note"]
HINTS = {
    "mood_score": "Écrivez un chiffre de 1 (très mal) à 5 (très bien), ou un mot comme « bof ». Pour arrêter : « stop ».",
    "mood_note": "Écrivez quelques mots, ou « non ».",
}
READERS = {"mood_score": service.read_mood, "mood_note": service.read_note}


class ActionPlanMoodCheckin(Action):
    """Sets the daily check-in when the request asks for one; the form follows."""

    def name(self) -> Text:
        """Action name."""
        return "action_plan_mood_checkin"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """"Tous les soirs à 21h" plans it (consent was checked by the rules)."""
        request = tracker.get_slot("mood_request") or ""
        if service.wants_daily(request):
            at = service.daily_time(request)
            plan = service.set_daily_checkin(unit_of_work(), patient_id_of(tracker), at, now())
            if plan is not None:
                dispatcher.utter_message(**message("mood_daily_set", time=say_time(f"{at:%H:%M}")))
        return [SlotSet("mood_source", "checkin"), SlotSet("mood_score", None), SlotSet("mood_note", None)]


class ActionMoodPrompt(Action):
    """The daily check-in the worker triggered: checks the row, then the form asks."""

    def name(self) -> Text:
        """Action name."""
        return "action_mood_prompt"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Says nothing for an unknown, foreign or repeated trigger."""
        notification_id = as_int(entity(tracker, NOTIFICATION_ID_ENTITY))
        due = notification_id is not None and self._is_due(tracker, notification_id)
        if not due:
            return [SlotSet("mood_checkin_due", False)]
        dispatcher.utter_message(**message("mood_daily_prompt"))
        return [
            SlotSet("mood_checkin_due", True),
            SlotSet("mood_source", "daily"),
            SlotSet("mood_score", None),
            SlotSet("mood_note", None),
        ]

    @staticmethod
    def _is_due(tracker: Tracker, notification_id: int) -> bool:
        with unit_of_work() as uow:
            row = uow.notifications.get(notification_id)
            if row is None or row.kind != MOOD_CHECKIN_KIND:
                return False
            if row.patient_id != patient_id_of(tracker):
                return False
        earlier = events_before_latest_trigger(tracker.events)
        return not already_delivered(earlier, notification_id, resent=False)


class ValidateMoodForm(Action):
    """Reads the score (a number, a word, an emoji) and the note ("non" for none)."""

    def name(self) -> Text:
        """Action name."""
        return "validate_mood_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Fills the asked slot, or says how to answer; "non" to the note is no note."""
        if intent_of(tracker) == "deny":  # "non" is an answer here, not "Annuler"
            requested = tracker.get_slot("requested_slot")
            if requested == "mood_note":
                return [SlotSet("mood_note", "")]
            if requested == "mood_score":
                dispatcher.utter_message(**message("not_understood", hint=HINTS[requested]))
                return [SlotSet("mood_score", None)]
        requested = asked_slot(tracker)
        if requested not in READERS:
            return []
        value = READERS[requested](latest_text(tracker))
        if value is None:
            dispatcher.utter_message(**message("not_understood", hint=HINTS[requested]))
        return [SlotSet(requested, value)]


ASK_ACTIONS = ask_actions("mood_score", "mood_note")


class ActionRecordMood(Action):
    """Stores the mood (consent in force), answers it, offers support when it is low."""

    def name(self) -> Text:
        """Action name."""
        return "action_record_mood"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """One row in ``mood_entries``; nothing without consent."""
        score = as_int(tracker.get_slot("mood_score"))
        if score is None:
            return []
        source = tracker.get_slot("mood_source") or "checkin"
        note = tracker.get_slot("mood_note") or None
        stored = service.record_mood(
            unit_of_work(), patient_id_of(tracker), score, note, source, now()
        )
        if stored:
            dispatcher.utter_message(
                **message("mood_recorded", face=service.MOOD_FACES[score], score=score)
            )
        else:
            dispatcher.utter_message(**message("mood_not_recorded"))
        if score <= 2:
            dispatcher.utter_message(**support_offer())
        return [SlotSet(slot, None) for slot in (*FORM_SLOTS, "mood_request")]


class ActionCancelMood(Action):
    """The patient stopped the mood form: nothing is noted."""

    def name(self) -> Text:
        """Action name."""
        return "action_cancel_mood"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Says so and empties the form."""
        dispatcher.utter_message(**message("mood_cancelled"))
        return [SlotSet(slot, None) for slot in (*FORM_SLOTS, "mood_request", "requested_slot")]


def mood_trend_message(tracker: Tracker, asked_for_mood: bool) -> Optional[Dict[str, Any]]:
    """The 14-day trend for "mon suivi", or ``None`` when there is nothing to show.

    Args:
        tracker: The conversation.
        asked_for_mood: The patient asked for the mood only ("mon suivi d'humeur"):
            say so even when nothing was noted.
    """
    lines = service.recent_trend(unit_of_work(), patient_id_of(tracker), now())
    if not lines:
        return message("mood_trend_empty") if asked_for_mood else None
    return message("mood_trend", lines="\n".join(lines))


def asks_for_mood(tracker: Tracker) -> bool:
    """Whether "mon suivi" is about the mood ("mon suivi d'humeur", "mon moral")."""
    return service.mentions_mood(latest_text(tracker))
