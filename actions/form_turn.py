"""What every form validator asks first: which question is open, and whether the
latest message is for the form at all.

Emergencies and crises, "Annuler" (deny) and messages triggered through the HTTP API
(reminders, staff replies) are never read as answers: the validator then returns no
event, Rasa rejects the form's turn, and the rules answer them.
"""

from __future__ import annotations

from typing import Optional

from rasa_sdk import Tracker

from actions.services.delivery_contract import (
    APPOINTMENT_REMINDER_INTENT,
    HANDOFF_CLOSED_INTENT,
    MEDICATION_FOLLOWUP_INTENT,
    MEDICATION_REMINDER_INTENT,
    STAFF_REPLY_INTENT,
)

NEVER_ANSWERS = frozenset(
    {"emergency_medical", "emergency_poisoning", "crisis_suicidal", "deny"}
    | {
        MEDICATION_REMINDER_INTENT,
        MEDICATION_FOLLOWUP_INTENT,
        APPOINTMENT_REMINDER_INTENT,
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
