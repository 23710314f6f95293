"""The safety net: a graph component that no low-confidence intent can out-vote.

It runs last in the NLU pipeline. Two independent signals mark a message as a medical
emergency, a poisoning or a suicidal crisis:

1. the deterministic patterns of :mod:`connectors.safety_patterns`, which win over any
   model prediction, with confidence 1.0;
2. the model itself: when DIET ranks an emergency intent first, that intent is kept even
   if the FallbackClassifier replaced it with ``nlu_fallback`` for low confidence —
   unless no pattern matched and the message is a known figure of speech ("mort de
   rire", "ce boulot me tue"), where the model's alarm alone is not trusted.

Either way the message carries a ``safety_net`` property naming the signal (never the
patient's words), which the emergency action and the logs can use.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from connectors.safety_patterns import SAFETY_INTENTS, detect, has_risk_cue, is_figure_of_speech

logger = logging.getLogger(__name__)

SAFETY_NET_KEY = "safety_net"
NLU_FALLBACK = "nlu_fallback"
OUT_OF_SCOPE = "out_of_scope"


def _top_model_intent(ranking: List[Dict[Text, Any]]) -> Optional[Dict[Text, Any]]:
    """Returns the model's best intent, skipping the fallback's own entry."""
    for entry in ranking:
        if entry.get(INTENT_NAME_KEY) != NLU_FALLBACK:
            return entry
    return None


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class SafetyNet(GraphComponent):
    """Overrides the intent with an emergency intent when a safety signal fires."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyNet:
        """Creates the component (it has nothing to train)."""
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        """Marks each message that signals an emergency.

        Args:
            messages: The messages to classify; their intent may already be set.

        Returns:
            The same messages, with an emergency intent where a signal fired.
        """
        for message in messages:
            self._process_one(message)
        return messages

    def _process_one(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        match = detect(text)
        if match is not None:
            self._set_intent(message, match.kind.value, 1.0)
            message.set(
                SAFETY_NET_KEY,
                {"signal": "pattern", "rule": match.rule},
                add_to_output=True,
            )
            logger.info("safety_net.pattern rule=%s", match.rule)
            return

        ranking = message.get(INTENT_RANKING_KEY) or []
        top = _top_model_intent(ranking)
        current = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        if not top or top.get(INTENT_NAME_KEY) not in SAFETY_INTENTS:
            return
        reason = (
            "figure_of_speech" if is_figure_of_speech(text)
            else None if has_risk_cue(text)
            else "no_risk_cue"
        )
        if reason:
            self._drop_emergencies(message, ranking)
            message.set(SAFETY_NET_KEY, {"signal": reason, "rule": None}, add_to_output=True)
            logger.info("safety_net.%s", reason)
            return
        if current != top[INTENT_NAME_KEY]:
            self._set_intent(message, top[INTENT_NAME_KEY], top[PREDICTED_CONFIDENCE_KEY])
        message.set(
            SAFETY_NET_KEY,
            {"signal": "model", "rule": top[INTENT_NAME_KEY]},
            add_to_output=True,
        )
        logger.info("safety_net.model intent=%s", top[INTENT_NAME_KEY])

    @staticmethod
    def _drop_emergencies(message: Message, ranking: List[Dict[Text, Any]]) -> None:
        """Takes the model's best non-emergency intent, or out of scope."""
        kept = [
            entry
            for entry in ranking
            if entry.get(INTENT_NAME_KEY) not in SAFETY_INTENTS | {NLU_FALLBACK}
        ]
        intent = kept[0] if kept else {INTENT_NAME_KEY: OUT_OF_SCOPE, PREDICTED_CONFIDENCE_KEY: 0.0}
        message.set(INTENT, intent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, kept or [intent], add_to_output=True)

    @staticmethod
    def _set_intent(message: Message, name: Text, confidence: float) -> None:
        intent = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence}
        ranking = [
            entry
            for entry in message.get(INTENT_RANKING_KEY) or []
            if entry.get(INTENT_NAME_KEY) not in (name, NLU_FALLBACK)
        ]
        message.set(INTENT, intent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [intent, *ranking], add_to_output=True)
