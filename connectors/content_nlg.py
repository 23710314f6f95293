"""Speaks the content answers (FAQ, first aid, prevention…) from the content files.

The model's domain holds each content topic's response with its title only (see
:mod:`connectors.content_importer`): a response of a retrieval intent is part of the
NLU training data, so its full text there would make every edit of an answer retrain
the whole NLU pipeline. This generator, named in ``endpoints.yml`` (``nlg``), puts the
answer rendered from ``data/content/`` in place of that title when the Rasa server
starts; buttons and every other response come from the domain as usual.
"""

from __future__ import annotations

import copy
from typing import Any, Dict, List, Optional, Text

from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.utils.endpoints import EndpointConfig

from actions.services.content import Content, get_content


def with_content_answers(
    responses: Dict[Text, List[Dict[Text, Any]]], content: Content
) -> Dict[Text, List[Dict[Text, Any]]]:
    """Return the responses with every content answer's text read from ``content``.

    Args:
        responses: The domain's responses (content answers hold their title).
        content: The content files, loaded.

    Returns:
        A copy of ``responses`` where each ``utter_<family>/<topic>`` speaks its answer.
    """
    merged = copy.deepcopy(responses)
    for key, topic in content.answers.items():
        for variation in merged.get(f"utter_{key}", []):
            variation["text"] = content.render_topic(topic)
    return merged


class ContentNaturalLanguageGenerator(TemplatedNaturalLanguageGenerator):
    """The domain's responses, with the content answers read from data/content."""

    def __init__(
        self, endpoint_config: Optional[EndpointConfig] = None, domain: Optional[Domain] = None
    ) -> None:
        """Start with the domain's responses, if any (the model's come when it loads)."""
        super().__init__(domain.responses if domain else {})

    @property
    def responses(self) -> Dict[Text, List[Dict[Text, Any]]]:
        """The responses spoken, content answers included."""
        return self._responses

    @responses.setter
    def responses(self, responses: Dict[Text, List[Dict[Text, Any]]]) -> None:
        # Rasa's agent sets the loaded model's domain responses here.
        self._responses = with_content_answers(responses, get_content())
