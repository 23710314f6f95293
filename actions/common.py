"""What every action needs: a unit of work on the application database, and the
patient's pseudonymous key for the conversation.

The engine is made once per process (the first time an action needs it) and the
schema is upgraded then; each action call opens its own short-lived session.
"""

from __future__ import annotations

import functools
from zoneinfo import ZoneInfo
from datetime import date, datetime
from typing import Any, Callable, Dict, List, Optional

from rasa_sdk import Tracker
from sqlalchemy.orm import Session

from actions.defaults import DEFAULT_TIME_ZONE
from actions.services.delivery_contract import conversation_channel
from actions.services.pseudonym import patient_key, pseudonym_secret
from actions.store.db import database_url, make_engine, make_session_factory
from actions.store.migrate import upgrade
from actions.store.types import utcnow
from actions.store.unit_of_work import UnitOfWork

# The REST channel and `rasa shell` report no input channel of their own.
DEFAULT_CHANNEL = "rest"


@functools.lru_cache(maxsize=4)
def _session_factory(url: str) -> Callable[[], Session]:
    upgrade(url)
    return make_session_factory(make_engine(url))


@functools.lru_cache(maxsize=1)
def _secret() -> bytes:
    return pseudonym_secret()


def unit_of_work() -> UnitOfWork:
    """A new unit of work on the database named by ``DATABASE_URL``."""
    return UnitOfWork(_session_factory(database_url()))


def channel_of(tracker: Tracker) -> str:
    """The conversation's own channel (``socketio``, ``facebook``, ``rest``...).

    The channel of its first patient message, not of whatever wrote last: the
    channels refuse a sender id that another channel opened, so this stays the same
    for the whole conversation, and so does the patient's key.
    """
    channel = conversation_channel(tracker.events)
    if channel:
        return channel
    # No patient message to read it from: the log was deleted (retention) and a
    # reminder opened a new one. The channel stored at consent says it.
    with unit_of_work() as uow:
        stored = uow.patients.channels_of_conversation(tracker.sender_id)
    return stored[0] if len(stored) == 1 else DEFAULT_CHANNEL


def patient_id_of(tracker: Tracker) -> str:
    """The patient's pseudonymous key: a keyed hash of channel and sender id."""
    return patient_key(channel_of(tracker), tracker.sender_id, _secret())


def now() -> datetime:
    """The current instant, aware UTC."""
    return utcnow()


def local_today() -> date:
    """Today in the default zone: relative days ("demain", "pendant 10 jours") count
    from it."""
    return now().astimezone(ZoneInfo(DEFAULT_TIME_ZONE)).date()


def entity(tracker: Tracker, name: str) -> Optional[str]:
    """The value of an entity of the latest message (buttons carry ids this way)."""
    for item in tracker.latest_message.get("entities") or []:
        if item.get("entity") == name and item.get("value") not in (None, ""):
            return str(item["value"])
    return None


def latest_text(tracker: Tracker) -> str:
    """What the patient wrote, or a button's ``answer`` entity when a button was used."""
    return entity(tracker, "answer") or tracker.latest_message.get("text") or ""


def as_int(value: Any) -> Optional[int]:
    """An id from an entity or a slot, or None when it is not a number."""
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


def reset(slots: List[str]) -> List[Dict[str, Any]]:
    """SlotSet events that empty the given slots."""
    from rasa_sdk.events import SlotSet

    return [SlotSet(slot, None) for slot in slots]
