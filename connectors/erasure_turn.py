"""The patient's erasure request is answered in every conversation state.

"Efface toutes mes données" and the answer to its confirmation question belong to the
privacy rules (``data/rules/privacy.yml``) whatever the conversation is doing: a
hand-off does not hold them for the team, the listening mode does not reflect them,
and a form does not take them as an answer (the rule that asks deactivates it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from rasa.shared.core.trackers import DialogueStateTracker

ERASE_INTENT = "erase_data"
ERASE_QUESTION = "utter_confirm_erase"
# Rasa's names; kept as text so that the action server can import this module without
# importing Rasa.
_ACTION_EVENT = "action"
_ACTION_LISTEN = "action_listen"


def last_bot_action(tracker: "DialogueStateTracker") -> Optional[str]:
    """The last action before the latest patient message, ``action_listen`` aside."""
    latest = tracker.latest_message
    seen_latest = False
    for event in reversed(tracker.events):
        if event is latest:
            seen_latest = True
        elif seen_latest and event.type_name == _ACTION_EVENT:
            if event.action_name != _ACTION_LISTEN:
                return event.action_name
    return None


def is_erasure_turn(tracker: "DialogueStateTracker") -> bool:
    """Whether the latest message asks for erasure or answers its confirmation."""
    intent = (tracker.latest_message.intent or {}).get("name")
    return intent == ERASE_INTENT or last_bot_action(tracker) == ERASE_QUESTION
