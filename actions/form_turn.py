"""What every form validator asks first: which question is open, and whether the
latest message is for the form at all; and the actions that ask a form's questions.

Emergencies and crises, "Annuler" (deny), an erasure request and messages triggered through the HTTP API
(reminders, staff replies) are never read as answers: the validator then returns no
event, Rasa rejects the form's turn, and the rules answer them.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.services.delivery_contract import (
    APPOINTMENT_REMINDER_INTENT,
    EXERCISE_STEP_INTENT,
    HANDOFF_CLOSED_INTENT,
    MEDICATION_FOLLOWUP_INTENT,
    MEDICATION_REMINDER_INTENT,
    MOOD_CHECKIN_INTENT,
    STAFF_REPLY_INTENT,
)
from actions.services.messages import message
from connectors.erasure_turn import ERASE_INTENT
from connectors.safety_patterns import SAFETY_INTENTS

NEVER_ANSWERS = frozenset(
    SAFETY_INTENTS | {"deny", ERASE_INTENT}
    | {
        MEDICATION_REMINDER_INTENT,
        MEDICATION_FOLLOWUP_INTENT,
        APPOINTMENT_REMINDER_INTENT,
        EXERCISE_STEP_INTENT,
        MOOD_CHECKIN_INTENT,
        STAFF_REPLY_INTENT,
        HANDOFF_CLOSED_INTENT,
    }
)


def intent_of(tracker: Tracker) -> Optional[str]:
    """The intent of the latest message."""
    return (tracker.latest_message.get("intent") or {}).get("name")


def asked_slot(tracker: Tracker) -> Optional[str]:
    """The slot the form asked for, or None when the latest message is not for the form."""
    requested = tracker.get_slot("requested_slot")
    if requested is None or intent_of(tracker) in NEVER_ANSWERS:
        return None
    return requested


class AskSlot(Action):
    """Asks one form question (``action_ask_<slot>``): the message ``ask_<slot>`` of
    actions/messages.yml, with its buttons."""

    slot = ""

    def name(self) -> Text:
        """Action name."""
        return f"action_ask_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """Utters the question."""
        dispatcher.utter_message(**message(f"ask_{self.slot}"))
        return []


def ask_actions(*slots: str) -> List[type]:
    """One :class:`AskSlot` per slot; rasa-sdk registers every Action subclass by name."""
    return [type(f"ActionAsk_{slot}", (AskSlot,), {"slot": slot}) for slot in slots]
