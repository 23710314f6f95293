"""The contract between the reminder worker, the staff console and the Rasa side.

The worker delivers a reminder by triggering an intent on the patient's conversation::

    POST {RASA_URL}/conversations/{conversation_id}/trigger_intent
         ?output_channel=latest&token=…
    {"name": "EXTERNAL_medication_reminder",
     "entities": {"notification_id": "12"}}

Rasa records it in the tracker as an external user event (``"event": "user"``, intent
name in ``parse_data.intent.name``, entities as ``[{"entity": …, "value": …}]``); a rule
maps the intent to an action that reads the notification row and speaks.

**Delivery is at least once.** A worker can die after Rasa spoke but before the row was
marked sent; the row then comes back. Before sending a row claimed before, the worker
reads the conversation's tracker and skips the row if :func:`already_delivered` says
so. The action speaking a reminder applies the same test to the events before its own
trigger (:func:`events_before_latest_trigger`), to stay silent for a duplicate that was
still in flight when the worker looked.

A snoozed reminder is the same row delivered again (same ``notification_id``): pass
``resent=True`` (the row has a ``sent_at``), and only a trigger after the patient's
latest message counts, since the earlier one was answered by that message ("dans 10
min").

The staff console delivers a professional's reply (``EXTERNAL_staff_reply`` with
``staff_message_id``) and the end of a hand-off (``EXTERNAL_handoff_closed`` with
``referral_id``) through the same endpoint: :func:`staff_reply_payload`,
:func:`handoff_closed_payload`.

Pure: no Rasa import, so the worker, the console, the actions and their tests share it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

MEDICATION_REMINDER_INTENT = "EXTERNAL_medication_reminder"
MEDICATION_FOLLOWUP_INTENT = "EXTERNAL_medication_followup"
APPOINTMENT_REMINDER_INTENT = "EXTERNAL_appointment_reminder"
EXERCISE_STEP_INTENT = "EXTERNAL_exercise_step"
MOOD_CHECKIN_INTENT = "EXTERNAL_mood_checkin"
NOTIFICATION_ID_ENTITY = "notification_id"

# The intent that delivers each kind of notification; the worker claims only these.
INTENT_BY_KIND: Mapping[str, str] = {
    "medication_dose": MEDICATION_REMINDER_INTENT,
    "medication_followup": MEDICATION_FOLLOWUP_INTENT,
    "appointment_reminder": APPOINTMENT_REMINDER_INTENT,
    "exercise_step": EXERCISE_STEP_INTENT,
    "mood_checkin": MOOD_CHECKIN_INTENT,
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


def is_patient_message(event: Mapping[str, Any]) -> bool:
    """Whether a tracker event is a message from the patient (not a trigger)."""
    if event.get("event") != "user":
        return False
    return not (event.get("metadata") or {}).get("is_external")


def already_delivered(
    events: Iterable[Mapping[str, Any]], notification_id: int, resent: bool
) -> bool:
    """Whether the tracker already holds this delivery of the notification.

    Args:
        events: Serialised tracker events, oldest first: all of them for the worker,
            those before its own trigger for the action.
        notification_id: The notification row's id.
        resent: The row was delivered before and is delivered again (a snooze):
            a trigger counts only if no patient message came after it.

    Returns:
        Whether a trigger of this delivery is there: do not speak it again.
    """
    for event in reversed(list(events)):
        if notification_id_of(event) == notification_id:
            return True
        if resent and is_patient_message(event):
            return False
    return False


def events_before_latest_trigger(
    events: Iterable[Mapping[str, Any]],
) -> list[Mapping[str, Any]]:
    """The events before the latest reminder trigger (the one an action is running for).

    Args:
        events: Serialised tracker events, oldest first (``tracker.events``).

    Returns:
        The events before the last reminder trigger; all of them if there is none.
    """
    events = list(events)
    for index in range(len(events) - 1, -1, -1):
        if notification_id_of(events[index]) is not None:
            return events[:index]
    return events


# The staff console speaks to the patient the same way (actions/services/referrals.py):
# a reply written by a professional, and the end of a hand-off.
STAFF_REPLY_INTENT = "EXTERNAL_staff_reply"
STAFF_MESSAGE_ID_ENTITY = "staff_message_id"
HANDOFF_CLOSED_INTENT = "EXTERNAL_handoff_closed"
REFERRAL_ID_ENTITY = "referral_id"


def staff_reply_payload(staff_message_id: int) -> dict[str, Any]:
    """Build the ``trigger_intent`` body that speaks a staff reply.

    Returns:
        ``{"name": "EXTERNAL_staff_reply", "entities": {"staff_message_id": "<id>"}}``.
    """
    return {
        "name": STAFF_REPLY_INTENT,
        "entities": {STAFF_MESSAGE_ID_ENTITY: str(staff_message_id)},
    }


def handoff_closed_payload(referral_id: int) -> dict[str, Any]:
    """Build the ``trigger_intent`` body that tells the patient a hand-off ended.

    Returns:
        ``{"name": "EXTERNAL_handoff_closed", "entities": {"referral_id": "<id>"}}``.
    """
    return {
        "name": HANDOFF_CLOSED_INTENT,
        "entities": {REFERRAL_ID_ENTITY: str(referral_id)},
    }
