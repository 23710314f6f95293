"""A training-data importer that turns ``data/content/`` into domain and NLU data.

Content is edited in plain YAML files (see ``data/content/README.md``). This importer
reads the project's Rasa files like the default importer, then adds:

- one slot per help number and practice detail, whose initial value comes from
  ``numbers.yml`` / ``practice.yml``: every response can say ``{samu}`` and the Rasa
  server fills it in by itself, even when the action server is down;
- one response per topic (``utter_faq/opening_hours``...) and per generic answer
  (``utter_medical_advice/general``), spoken by the retrieval actions ``utter_faq``,
  ``utter_first_aid``... Its text in the model is the topic's title only: the answer
  itself is read from the content files when the Rasa server starts
  (:mod:`connectors.content_nlg`), so that editing an answer does not retrain the
  model (every response of a retrieval intent is part of the NLU training data's
  fingerprint);
- one ``utter_browse_<family>`` response listing the topics as buttons, and each topic
  title as a training example, so that a button's payload (its title) finds its topic.
"""

from __future__ import annotations

import re
import warnings
from typing import Any, Dict, List, Optional, Text

from rasa.shared.core.domain import Domain
from rasa.shared.core.training_data.structures import StoryGraph
from rasa.shared.importers import utils
from rasa.shared.importers.rasa import RasaFileImporter
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions.services.content import Content, Topic, get_content

# Families a patient can browse from the menu, with the sentence above the buttons.
BROWSE_FAMILIES = {
    "faq": "Voici les questions les plus posées sur le cabinet.",
    "first_aid": "Voici les fiches de premiers secours.",
    "prevention": "Voici les conseils de prévention.",
}
BROWSE_FOOTER = "Vous pouvez aussi écrire votre question avec vos mots."
# A question Hygie must not answer (diagnosis, prescription, dose…): the answer offers
# to write to the care team, who may.
OFFERS_THE_TEAM = frozenset({"medical_advice"})
TEAM_BUTTON = {"title": "Écrire à l'équipe du cabinet", "payload": "/request_human"}
# How Rasa starts its note on actions declared by two importers.
DUPLICATED_ACTIONS = "The following duplicated actions have been found across multiple domain files: "
# Messenger shows at most 13 quick replies; the web chat keeps the list readable too.
MAX_BROWSE_BUTTONS = 13


def content_slots(content: Content) -> Dict[Text, Dict[Text, Any]]:
    """One unfeaturized text slot per placeholder, set from the content files."""
    return {
        name: {
            "type": "text",
            "initial_value": value,
            "influence_conversation": False,
            "mappings": [{"type": "custom"}],
        }
        for name, value in content.placeholders.items()
    }


def _topic_response(topic: Topic) -> Dict[Text, Any]:
    # The title stands in for the answer, which connectors.content_nlg puts in.
    response: Dict[Text, Any] = {"text": topic.title}
    if topic.intent in OFFERS_THE_TEAM:
        response["buttons"] = [TEAM_BUTTON]
    return response


def content_responses(content: Content) -> Dict[Text, List[Dict[Text, Any]]]:
    """Topic answers and browse menus, in Rasa's domain format."""
    responses: Dict[Text, List[Dict[Text, Any]]] = {
        f"utter_{key}": [_topic_response(topic)] for key, topic in content.answers.items()
    }
    for family, intro in BROWSE_FAMILIES.items():
        topics = content.topics_of(family)[:MAX_BROWSE_BUTTONS]
        responses[f"utter_browse_{family}"] = [
            {
                "text": f"{intro} {BROWSE_FOOTER}",
                "buttons": [{"title": t.title, "payload": t.title} for t in topics],
            }
        ]
    return responses


def retrieval_actions(content: Content) -> List[Text]:
    """The retrieval actions (``utter_faq``...), in a fixed order.

    Rasa adds them too, after this importer, but from a set: their order, and so the
    domain's fingerprint, changed from one run to the next and the model was trained
    again every time. Listed here first, they keep this order.
    """
    actions = sorted({f"utter_{topic.intent}" for topic in content.topics.values()})
    # Rasa then notes them as "duplicated across domain files": they are on purpose.
    warnings.filterwarnings(
        "ignore",
        message=re.escape(f"{DUPLICATED_ACTIONS}{', '.join(actions)}") + "$",
    )
    return actions


def title_examples(content: Content) -> List[Message]:
    """Each topic title as a training example of its topic (it is a button payload)."""
    return [
        Message(
            data={
                TEXT: topic.title,
                INTENT: topic.intent,
                INTENT_RESPONSE_KEY: topic.intent_response_key,
            }
        )
        for topic in content.topics.values()
    ]


class ContentImporter(RasaFileImporter):
    """Reads the Rasa files like the default importer, plus the content files."""

    def get_domain(self) -> Domain:
        """Returns the project domain with content slots and responses added."""
        domain = super().get_domain()
        if domain.is_empty():
            return domain
        content = get_content()
        extra = {
            "slots": content_slots(content),
            "responses": content_responses(content),
            "actions": retrieval_actions(content),
        }
        return domain.merge(Domain.from_dict(extra))

    def get_nlu_data(self, language: Optional[Text] = "en") -> TrainingData:
        """Returns the project NLU data plus the topic titles."""
        data = super().get_nlu_data(language)
        if data.is_empty():
            return data
        return data.merge(TrainingData(training_examples=title_examples(get_content())))

    def get_stories(self, exclusion_percentage: Optional[int] = None) -> StoryGraph:
        """Reads rules and stories, which may name the retrieval intents."""
        return utils.story_graph_from_paths(
            self._story_files, self._domain_for_stories(), exclusion_percentage
        )

    def get_conversation_tests(self) -> StoryGraph:
        """Reads the test stories, which may name the retrieval intents."""
        return utils.story_graph_from_paths(
            self._conversation_test_files, self._domain_for_stories()
        )

    def _domain_for_stories(self) -> Domain:
        # Rasa adds retrieval intents to the domain from the NLU data, after this
        # importer; listing them in domain.yml too would warn of duplicates.
        retrieval = {"intents": sorted(super().get_nlu_data().retrieval_intents)}
        return self.get_domain().merge(Domain.from_dict(retrieval))
