"""Meta's 24-hour messaging window, as one pure decision used at send time and later.

Inside 24 hours after the patient's last message a page may send anything with
``messaging_type=RESPONSE``. Outside it, only tagged messages may be sent: Hygie tags
appointment reminders ``CONFIRMED_EVENT_UPDATE`` and holds every other proactive
message (medication reminders above all) until the patient writes again.

Because the decision depends only on the message, the time of the patient's last
message and the time of sending, the held messages need no store of their own: at the
patient's next message they are found again in the conversation tracker
(:func:`held_bot_messages`), which survives restarts and is shared by replicas.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Dict, Iterable, List, Optional, Text

# Rasa's trigger_intent adds a "user" event too: it is not the patient writing.
from actions.services.delivery_contract import is_patient_message

WINDOW = timedelta(hours=24)
# Key of a response's ``metadata`` that names the Messenger tag it may be sent with.
TAG_KEY = "messenger_tag"
# The only tag Hygie uses: reminders of an appointment the patient booked.
APPOINTMENT_TAG = "CONFIRMED_EVENT_UPDATE"
ALLOWED_TAGS = frozenset({APPOINTMENT_TAG})


@dataclass(frozen=True)
class Delivery:
    """How one proactive message goes out: ``RESPONSE``, ``MESSAGE_TAG`` or held."""

    messaging_type: Optional[Text]
    tag: Optional[Text] = None

    @property
    def held(self) -> bool:
        """True when the message must wait for the patient's next message."""
        return self.messaging_type is None


RESPONSE = Delivery("RESPONSE")
HOLD = Delivery(None)


def tag_metadata(tag: Text) -> Dict[Text, Text]:
    """The ``metadata`` an action gives a message that may go out with ``tag``.

    Used as ``dispatcher.utter_message(..., metadata=tag_metadata(APPOINTMENT_TAG))``:
    Rasa keeps it on the bot event, so both the send and :func:`held_bot_messages`
    read it back with :func:`message_tag`.

    Raises:
        ValueError: For a tag Hygie does not use (Meta allows each tag for one purpose).
    """
    if tag not in ALLOWED_TAGS:
        raise ValueError(f"not an allowed Messenger tag: {tag}")
    return {TAG_KEY: tag}


def message_tag(metadata: Optional[Dict[Text, Any]]) -> Optional[Text]:
    """Returns the allowed Messenger tag a bot message carries, if any.

    Args:
        metadata: A bot message's metadata: Rasa nests the response's own ``metadata``
            under that key (``{"utter_action": ..., "metadata": {...}}``).
    """
    nested = (metadata or {}).get("metadata")
    tag = nested.get(TAG_KEY) if isinstance(nested, dict) else None
    return tag if tag in ALLOWED_TAGS else None


def decide(
    tag: Optional[Text], last_user_at: Optional[float], now: float
) -> Delivery:
    """Decides how a proactive message is sent.

    Args:
        tag: The allowed tag the message carries (see :func:`message_tag`), or None.
        last_user_at: Unix time of the patient's last message on Messenger, if any.
        now: Unix time of sending.

    Returns:
        ``RESPONSE`` inside the window, ``MESSAGE_TAG`` with the tag outside it for a
        tagged message, and a held delivery for any other message outside it.
    """
    if last_user_at is not None and now - last_user_at < WINDOW.total_seconds():
        return RESPONSE
    if tag:
        return Delivery("MESSAGE_TAG", tag)
    return HOLD


def held_bot_messages(events: Iterable[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    """Finds the bot messages that were held since the patient's last message.

    Args:
        events: The conversation's events, as serialised in the tracker store.

    Returns:
        The ``bot`` events, oldest first, uttered after the last ``user`` event and
        more than 24 hours after it without an allowed tag: the ones :func:`decide`
        held when they were uttered.
    """
    last_user_at: Optional[float] = None
    after_last_user: List[Dict[Text, Any]] = []
    for event in events:
        if is_patient_message(event):
            last_user_at = event.get("timestamp")
            after_last_user = []
        elif event.get("event") == "bot":
            after_last_user.append(event)
    return [
        event
        for event in after_last_user
        if decide(
            message_tag(event.get("metadata")), last_user_at, event.get("timestamp") or 0
        ).held
    ]


def last_user_timestamp(events: Iterable[Dict[Text, Any]]) -> Optional[float]:
    """Returns the Unix time of the patient's last message, or None."""
    last: Optional[float] = None
    for event in events:
        if is_patient_message(event):
            last = event.get("timestamp")
    return last
