"""While a person of the care team handles a conversation, Hygie holds back.

When ``handoff_active`` is set (a referral is open), this policy answers every patient
message with ``action_handoff_hold`` ("your message is passed on to the team"), so
Hygie does not talk over the human. It never holds back an emergency, a crisis or a
message triggered through the API (a staff reply, the end of the hand-off, a reminder):
for those it predicts nothing and the rules answer as usual, numbers first.

A policy rather than rules: a rule cannot say "any intent except these", and Rasa's
own ``ConversationPaused`` would also silence emergencies.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction, SupportedData
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from connectors.erasure_turn import is_erasure_turn
from connectors.safety_patterns import SAFETY_INTENTS

HANDOFF_SLOT = "handoff_active"
HOLD_ACTION = "action_handoff_hold"
# Answered by the rules even during a hand-off.
NEVER_HELD = SAFETY_INTENTS
API_PREFIX = "EXTERNAL_"
# Above RulePolicy (6) and the listening mode (7): on a tie at confidence 1.0 the
# higher priority wins.
DEFAULT_PRIORITY = 8


def should_hold(handoff_active: Any, intent: Optional[str]) -> bool:
    """Whether a patient message is held for the team instead of answered by Hygie.

    Args:
        handoff_active: The ``handoff_active`` slot.
        intent: The message's intent name.

    Returns:
        True during a hand-off, except for emergencies and API triggers.
    """
    if not handoff_active:
        return False
    if intent in NEVER_HELD or (intent or "").startswith(API_PREFIX):
        return False
    return True


class TakeoverPolicy(Policy):
    """Base of the policies that answer every patient message one way while a mode lasts.

    A subclass names its reply action and says, in :meth:`takes_over`, whether the
    latest patient message is for it; after its reply it predicts ``action_listen``.
    Otherwise it predicts nothing and the rules answer.
    """

    reply_action = ""
    default_priority = DEFAULT_PRIORITY

    @classmethod
    def get_default_config(cls) -> Dict[Text, Any]:
        """Return the default priority of the subclass."""
        return {"priority": cls.default_priority}

    @staticmethod
    def supported_data() -> SupportedData:
        """Nothing to learn: it reads slots and the intent."""
        return SupportedData.ML_AND_RULE_DATA

    def train(
        self,
        training_trackers: List[TrackerWithCachedStates],
        domain: Domain,
        **kwargs: Any,
    ) -> Resource:
        """Nothing to train; the resource stays empty."""
        return self._resource

    def takes_over(self, tracker: DialogueStateTracker) -> bool:
        """Whether the latest patient message gets :attr:`reply_action`."""
        raise NotImplementedError

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """The reply action, then listen; otherwise predict nothing."""
        result = self._default_predictions(domain)
        latest = tracker.latest_action_name
        if latest == self.reply_action:
            result[domain.index_for_action(ACTION_LISTEN_NAME)] = 1.0
        elif latest == ACTION_LISTEN_NAME and self.takes_over(tracker):
            result[domain.index_for_action(self.reply_action)] = 1.0
        return self._prediction(result)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class HandoffPolicy(TakeoverPolicy):
    """Predicts the hold action for patient messages during a hand-off."""

    reply_action = HOLD_ACTION
    default_priority = DEFAULT_PRIORITY  # above RulePolicy and the listening mode

    def takes_over(self, tracker: DialogueStateTracker) -> bool:
        """During a hand-off, every message except emergencies, API triggers and the
        erasure request with its confirmation."""
        if is_erasure_turn(tracker):
            return False
        return should_hold(
            tracker.get_slot(HANDOFF_SLOT), tracker.latest_message.intent.get("name")
        )
