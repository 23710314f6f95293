"""Which answer each content family's retrieval action speaks.

Rasa's retrieval actions (``utter_faq``, ``utter_medical_advice``…) speak the topic
named under their own intent in the message's ``response_selector`` property. This
module writes that property from the full-label regression of the linear classifier:
for each family, its topics' probabilities are read within the family only, so an
answer always belongs to the intent that was understood (Rasa's single
ResponseSelector once answered "can I stop my beta-blocker?", understood as a request
for medical advice, with the stop-smoking topic).

A wrong topic inside a sensitive family is worse than a general answer: when the best
topic is weak (below ``threshold`` within its family) and the family's content file has
a generic answer (``utter_<family>/general``), that answer is chosen instead.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Text, Tuple

from rasa.nlu.constants import (
    RESPONSE_SELECTOR_PREDICTION_KEY,
    RESPONSE_SELECTOR_PROPERTY_NAME,
    RESPONSE_SELECTOR_RANKING_KEY,
    RESPONSE_SELECTOR_RETRIEVAL_INTENTS,
    RESPONSE_SELECTOR_UTTER_ACTION_KEY,
)
from rasa.shared.constants import UTTER_PREFIX
from rasa.shared.nlu.constants import INTENT_RESPONSE_KEY, PREDICTED_CONFIDENCE_KEY
from rasa.shared.nlu.training_data.message import Message

from actions.services.content import GENERIC_KEY

# Topics listed in the property's ranking, best first.
RANKING_LENGTH = 10


def generic_topics(response_names: Iterable[Text]) -> Dict[Text, Text]:
    """Find the families that have a generic answer among the domain's responses.

    Args:
        response_names: Response names, e.g. ``utter_medical_advice/general``.

    Returns:
        Family -> full label of its generic answer (``medical_advice/general``).
    """
    generic = {}
    for name in response_names:
        label = name[len(UTTER_PREFIX):] if name.startswith(UTTER_PREFIX) else name
        family, topic = Message.separate_intent_response_key(label)
        if topic == GENERIC_KEY:
            generic[family] = label
    return dict(sorted(generic.items()))


def family_ranking(probabilities: Dict[Text, float], family: Text) -> List[Tuple[Text, float]]:
    """Rank one family's topics by their probability within the family.

    Args:
        probabilities: Probability of every full label (``faq/hours``, ``greet``…).
        family: A retrieval intent, e.g. ``faq``.

    Returns:
        ``(full label, probability within the family)``, best first (ties by name).
    """
    topics = {
        label: value
        for label, value in probabilities.items()
        if Message.separate_intent_response_key(label)[0] == family and "/" in label
    }
    total = sum(topics.values()) or 1.0
    return sorted(((label, value / total) for label, value in topics.items()),
                  key=lambda item: (-item[1], item[0]))


def choose(
    ranking: List[Tuple[Text, float]], generic: Text | None, threshold: float
) -> Text:
    """The topic to speak: the best one, or the generic answer when it is weak."""
    best, confidence = ranking[0]
    if generic and confidence < threshold:
        return generic
    return best


def select_topics(
    message: Message,
    probabilities: Dict[Text, float],
    generic: Dict[Text, Text],
    threshold: float,
) -> None:
    """Set the message's ``response_selector`` property for every content family.

    Args:
        message: The message being classified.
        probabilities: Probability of every full label.
        generic: Family -> its generic answer's full label (see :func:`generic_topics`).
        threshold: Confidence within the family below which the generic answer wins.
    """
    families = sorted(
        {Message.separate_intent_response_key(label)[0] for label in probabilities if "/" in label}
    )
    selector: Dict[Text, Any] = {RESPONSE_SELECTOR_RETRIEVAL_INTENTS: families}
    for family in families:
        ranking = family_ranking(probabilities, family)
        chosen = choose(ranking, generic.get(family), threshold)
        selector[family] = {
            RESPONSE_SELECTOR_PREDICTION_KEY: {
                PREDICTED_CONFIDENCE_KEY: dict(ranking).get(chosen, 0.0),
                INTENT_RESPONSE_KEY: chosen,
                RESPONSE_SELECTOR_UTTER_ACTION_KEY: f"{UTTER_PREFIX}{chosen}",
            },
            RESPONSE_SELECTOR_RANKING_KEY: [
                {PREDICTED_CONFIDENCE_KEY: value, INTENT_RESPONSE_KEY: label}
                for label, value in ranking[:RANKING_LENGTH]
            ],
        }
    message.set(RESPONSE_SELECTOR_PROPERTY_NAME, selector, add_to_output=True)
