"""The contract between the reminder worker and the Rasa side, in one place.

The worker delivers a reminder by triggering an intent on the patient's conversation::

    POST {RASA_URL}/conversations/{conversation_id}/trigger_intent
         ?output_channel=latest&token=…
    {"name": "EXTERNAL_medication_reminder",
     "entities": {"notification_id": "12"}}

Rasa records it in the tracker as an external user event (``"event": "user"``, intent
name in ``parse_data.intent.name``, entities as ``[{"entity": …, "value": …}]``); a rule
maps the intent to an action that reads the notification row and speaks.

**Delivery is at least once.** A worker can die after Rasa spoke but before the row was
marked sent; the row then comes back. Before sending such a row again, the worker looks
for the notification id in the conversation's tracker and does not send it twice
(:func:`count_triggers`). The action should apply the same test to the events before
the current one (``count_triggers(events, id) > 1``): it then catches a duplicate that
was still in flight when the worker looked, and stays silent.

Pure: no Rasa import, so the worker, the actions and their tests share it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

MEDICATION_REMINDER_INTENT = "EXTERNAL_medication_reminder"
MEDICATION_FOLLOWUP_INTENT = "EXTERNAL_medication_followup"
NOTIFICATION_ID_ENTITY = "notification_id"

# The intent that delivers each kind of notification; the worker claims only these.
INTENT_BY_KIND: Mapping[str, str] = {
    "medication_dose": MEDICATION_REMINDER_INTENT,
    "medication_followup": MEDICATION_FOLLOWUP_INTENT,
}
DELIVERABLE_KINDS: tuple[str, ...] = tuple(INTENT_BY_KIND)


def trigger_payload(kind: str, notification_id: int) -> dict[str, Any]:
    """Build the ``trigger_intent`` body that delivers a notification.

    Args:
        kind: The notification kind, e.g. ``"medication_dose"``.
        notification_id: The notification row's id.

    Returns:
        ``{"name": <intent>, "entities": {"notification_id": "<id>"}}``.

    Raises:
        KeyError: If no intent delivers this kind.
    """
    return {
        "name": INTENT_BY_KIND[kind],
        "entities": {NOTIFICATION_ID_ENTITY: str(notification_id)},
    }


def notification_id_of(event: Mapping[str, Any]) -> int | None:
    """Return the notification a tracker event delivered, or ``None``.

    Args:
        event: One serialised tracker event (a dict from Rasa's HTTP API, or an item
            of ``Tracker.events`` in rasa-sdk).

    Returns:
        The ``notification_id`` entity of a user event whose intent is one of the
        reminder intents, else ``None``.
    """
    if event.get("event") != "user":
        return None
    parse_data = event.get("parse_data") or {}
    intent = (parse_data.get("intent") or {}).get("name")
    if intent not in INTENT_BY_KIND.values():
        return None
    for entity in parse_data.get("entities") or ():
        if entity.get("entity") == NOTIFICATION_ID_ENTITY:
            try:
                return int(entity.get("value"))
            except (TypeError, ValueError):
                return None
    return None


def count_triggers(events: Iterable[Mapping[str, Any]], notification_id: int) -> int:
    """Count the tracker events that delivered this notification.

    The worker sends a row again only when this is 0. The action, whose own trigger is
    the latest event, treats a count above 1 as a duplicate to ignore.

    Args:
        events: Serialised tracker events, oldest first.
        notification_id: The notification row's id.

    Returns:
        How many reminder triggers name this notification.
    """
    return sum(1 for event in events if notification_id_of(event) == notification_id)
