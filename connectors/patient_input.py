"""What a patient sends, as Rasa may read it: typed text is text, a click is a button.

Rasa reads any text that starts with ``/`` as an intent (``/erase_data``,
``/EXTERNAL_medication_reminder{"notification_id": "3"}``), so a patient could type
their way past a confirmation or forge a reminder. Every channel passes what it got
through :func:`patient_text`, the one rule for all of them:

- typed text never starts with ``/`` (leading slashes and spaces are removed, as Rasa
  strips spaces before looking for the slash);
- a click (the chat page marks it, Messenger's postbacks and quick replies are clicks)
  keeps its payload only when it is a well-formed ``/intent`` or
  ``/intent{"entity": "value"}`` whose intent may be offered as a button: never an
  ``EXTERNAL_…`` intent (only the API with the token triggers those) nor one of Rasa's
  own (``restart``, ``session_start``…), and, when the channel knows the domain, one of
  its intents. Any other "click" is read as typed text.
"""

from __future__ import annotations

import json
import re
from typing import AbstractSet, Iterable, Optional, Text

from rasa.shared.core.constants import DEFAULT_INTENTS

from actions.services.delivery_contract import EXTERNAL_INTENT_PREFIX

# The key of a REST body or socket.io message that says "this is a button click".
CLICK_KEY = "click"
_PAYLOAD = re.compile(r"^/(?P<intent>[A-Za-z0-9_]+)(?P<entities>\{.*\})?$", re.DOTALL)


def clickable_intents(domain_intents: Iterable[Text]) -> frozenset:
    """The intents a button may carry, out of the domain's.

    Args:
        domain_intents: The domain's intents (``agent.domain.intents``).

    Returns:
        Those that are neither ``EXTERNAL_…`` nor one of Rasa's default intents.
    """
    return frozenset(i for i in domain_intents if _may_be_clicked(i))


def _may_be_clicked(intent: Text) -> bool:
    return not intent.startswith(EXTERNAL_INTENT_PREFIX) and intent not in DEFAULT_INTENTS


def _is_button_payload(text: Text, allowed: Optional[AbstractSet[Text]]) -> bool:
    match = _PAYLOAD.match(text)
    if match is None:
        return False
    intent = match.group("intent")
    if not _may_be_clicked(intent) or (allowed is not None and intent not in allowed):
        return False
    if match.group("entities") is None:
        return True
    try:
        entities = json.loads(match.group("entities"))
    except ValueError:
        return False
    return isinstance(entities, dict)


def as_typed_text(text: Text) -> Text:
    """Text with no leading ``/`` (even after spaces): Rasa reads it as words."""
    text = text.strip()
    while text.startswith("/"):
        text = text[1:].strip()
    return text


def patient_text(
    text: Text, clicked: bool, allowed: Optional[AbstractSet[Text]] = None
) -> Text:
    """What Rasa should read for a message a patient sent.

    Args:
        text: The message as received.
        clicked: The channel says it is a button click (postback, marked click).
        allowed: The intents a click may carry (:func:`clickable_intents`); ``None``
            when the channel does not know the domain (then only the built-in
            exclusions apply).

    Returns:
        The payload of an acceptable click, as it is; otherwise the text without a
        leading ``/`` (possibly empty).
    """
    stripped = text.strip()
    if clicked and _is_button_payload(stripped, allowed):
        return stripped
    return as_typed_text(stripped)
