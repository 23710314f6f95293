"""While the patient just talks, Hygie listens: the listening mode's policy.

The mode starts when ``action_start_listening`` sets ``listening_active``. From then on,
a message that is only talk (intent ``talk``, ``out_of_scope``, ``inform``, ``affirm``,
``deny``, a fallback, or a question of the content families the model is unsure of) is
answered by ``action_listening_reply``, which reflects it and asks an open question.
Everything else is answered by the rules as usual: a request (an exercise, an
appointment, the care team…) is served, and the mode ends with it.

An emergency or a crisis is never answered by the listening mode: the safety net's
rules answer it with the numbers, and the answer to their question ("Êtes-vous en
sécurité ?") goes to those rules too, so the crisis path runs whole. Then the listening
goes on: after "Voulez-vous me dire ce qui se passe ?" (``utter_crisis_safe``) the
patient is listened to even if the mode was not on, rather than told their message is
out of scope; ``action_listening_reply`` then recalls the crisis line. The mode gives
way to a hand-off (``HandoffPolicy``).
"""

from __future__ import annotations

from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.events import SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from connectors.erasure_turn import is_erasure_turn, last_bot_action
from connectors.handoff_policy import API_PREFIX, HANDOFF_SLOT, NEVER_HELD, TakeoverPolicy

LISTENING_SLOT = "listening_active"
REPLY_ACTION = "action_listening_reply"
# Talk, whatever the confidence.
ALWAYS_LISTENED = frozenset(
    {"talk", "out_of_scope", "inform", "affirm", "deny", "nlu_fallback"}
)
# Content questions: answered when the model is sure, listened to otherwise.
LISTENED_WHEN_UNSURE = frozenset({"wellbeing", "faq", "prevention", "medical_advice"})
SURE = 0.7
# Requests that end the mode once served.
ENDS_LISTENING = {
    "goodbye",
    "stop_activity",
    "start_exercise",
    "request_human",
    "mood_checkin",
    "book_appointment",
    "manage_appointments",
    "add_medication",
    "manage_medications",
    "ask_my_data",
    "erase_data",
}
# The safety net's questions: their answer belongs to the crisis path.
SAFETY_QUESTIONS = frozenset({"utter_crisis_check", "utter_emergency_check"})
# After this answer to a crisis, what the patient writes is listened to.
INVITES_TALK = "utter_crisis_safe"
# Below the hand-off (8), above RulePolicy (6).
DEFAULT_PRIORITY = 7


def is_listened(intent: Optional[str], confidence: float) -> bool:
    """Whether a message with this intent is talk for the listening mode."""
    if intent in ALWAYS_LISTENED:
        return True
    return intent in LISTENED_WHEN_UNSURE and confidence < SURE


def listening_is_on(tracker: DialogueStateTracker) -> bool:
    """Whether the mode is on for the latest message.

    It is on after ``utter_crisis_safe`` invited the patient to talk; otherwise from
    the last time ``listening_active`` was set True in this session (a new session
    carries the slot over, not the mode), until a request before the latest message
    ended it.
    """
    if tracker.get_slot(HANDOFF_SLOT):
        return False
    if last_bot_action(tracker) == INVITES_TALK:
        return True
    if not tracker.get_slot(LISTENING_SLOT):
        return False
    latest = tracker.latest_message
    events = list(tracker.events)
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        if isinstance(event, SlotSet) and event.key == LISTENING_SLOT:
            return bool(event.value) and not _carried_over(events, index)
        if isinstance(event, UserUttered) and event is not latest:
            if (event.intent or {}).get("name") in ENDS_LISTENING:
                return False
    return False


def _carried_over(events: list, index: int) -> bool:
    """Whether the slot event at ``index`` is a new session's copy of an old value."""
    for event in reversed(events[:index]):
        if not isinstance(event, SlotSet):
            return isinstance(event, SessionStarted)
    return False


def should_listen(tracker: DialogueStateTracker) -> bool:
    """Whether the latest message gets a listening reply."""
    intent = tracker.latest_message.intent or {}
    name = intent.get("name")
    if name in NEVER_HELD or (name or "").startswith(API_PREFIX):
        return False
    if is_erasure_turn(tracker):
        return False
    if not is_listened(name, float(intent.get("confidence") or 0.0)):
        return False
    if last_bot_action(tracker) in SAFETY_QUESTIONS:
        return False
    return listening_is_on(tracker)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class ListeningPolicy(TakeoverPolicy):
    """Predicts the listening reply for talk while the listening mode is on."""

    reply_action = REPLY_ACTION
    default_priority = DEFAULT_PRIORITY  # below the hand-off, above RulePolicy

    def takes_over(self, tracker: DialogueStateTracker) -> bool:
        """Talk while the mode is on (see :func:`should_listen`)."""
        return should_listen(tracker)
