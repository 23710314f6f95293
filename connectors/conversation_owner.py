"""Which channel a conversation belongs to, read on the Rasa server before a message.

A Rasa sender id is just a string: without this check, a REST or socket.io client that
knows (or guesses) a patient's id writes into that patient's conversation and becomes
its "latest" input channel. A conversation belongs to the channel that opened it (its
first patient message, see
:func:`actions.services.delivery_contract.conversation_channel`); the channels refuse a
message on a sender id another channel owns.

The whole stored conversation is read (every session), since a session opened by a
reminder starts with a trigger only.
"""

from __future__ import annotations

from typing import Any, Dict, Iterator, Optional, Text

from rasa.shared.core.events import UserUttered

from actions.services.delivery_contract import conversation_channel


def _user_events(tracker: Any) -> Iterator[Dict[Text, Any]]:
    for event in tracker.events:
        if isinstance(event, UserUttered):
            yield {
                "event": "user",
                "text": event.text,
                "metadata": event.metadata,
                "input_channel": event.input_channel,
                "parse_data": {"intent": {"name": event.intent_name}},
            }


async def owning_channel(agent: Any, sender_id: Text) -> Optional[Text]:
    """The channel that owns a conversation, or ``None`` if it is new.

    Args:
        agent: Rasa's agent (``app.ctx.agent``); ``None`` before a model is loaded.
        sender_id: The conversation's sender id.

    Returns:
        The owning channel's name (``socketio``, ``facebook``, ``rest``…), or ``None``
        when no patient message is stored for it yet.
    """
    store = getattr(agent, "tracker_store", None)
    if store is None:
        return None
    tracker = await store.retrieve_full_tracker(sender_id)
    if tracker is None:
        return None
    return conversation_channel(_user_events(tracker))
