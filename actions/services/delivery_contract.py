"""The contract between the reminder worker, the staff console and the Rasa side.

The worker delivers a reminder by triggering an intent on the patient's conversation::

    POST {RASA_URL}/conversations/{conversation_id}/trigger_intent
         ?output_channel=<the patient's channel>&include_events=NONE&token=…
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

**A message reaches the patient's own channel.** The request names the channel stored
for the patient (``Patient.channel``: ``socketio``, ``facebook``, ``rest``), never
``latest``: "latest" is whatever wrote last on that sender id, so one message from
another channel would divert the reminders. :func:`trigger_request` is the one place
that builds the request; :func:`conversation_channel` says which channel a conversation
belongs to (the one of its first patient message), for the channels and the actions.

A trigger is told apart from a patient's message by everything ``trigger_intent``
writes together (:func:`is_external`): its ``EXTERNAL_…`` intent, its text and its
``is_external`` flag, which no client can send any more (the channels drop client
metadata and read a typed ``/`` as text).

Pure: no Rasa import, so the worker, the console, the actions and their tests share it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

# Intents that only Rasa's HTTP API (with the token) may trigger, and the text Rasa
# gives such a trigger (rasa.shared.core.events.UserUttered.create_external).
EXTERNAL_INTENT_PREFIX = "EXTERNAL_"
EXTERNAL_TEXT_PREFIX = "EXTERNAL: "
# Rasa's "reply to whatever wrote last": never used to reach a patient.
LATEST_CHANNEL = "latest"
# The input channel Rasa gives a trigger answered into a collector (no push channel).
_COLLECTOR = "collector"
# Rasa (Sanic) does not decode the path, so a conversation id must reach it as
# written; only what a URL path cannot hold is encoded.
_PATH_SAFE = "/:@!$&'()*+,;=-._~"

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


def is_external(event: Mapping[str, Any]) -> bool:
    """Whether a user event is a trigger (Rasa's ``trigger_intent``), not a patient's.

    All of what only ``trigger_intent`` writes must be there: an ``EXTERNAL_…``
    intent, the text ``"EXTERNAL: <intent>"`` and ``metadata.is_external``. The
    channels drop client metadata, so no client sets the flag; and a typed text that
    the NLU reads as an ``EXTERNAL_…`` intent has neither the flag nor that text.
    """
    parse_data = event.get("parse_data") or {}
    intent = str((parse_data.get("intent") or {}).get("name") or "")
    return (
        intent.startswith(EXTERNAL_INTENT_PREFIX)
        and event.get("text") == f"{EXTERNAL_TEXT_PREFIX}{intent}"
        and (event.get("metadata") or {}).get("is_external") is True
    )


def is_patient_message(event: Mapping[str, Any]) -> bool:
    """Whether a tracker event is a message from the patient (not a trigger)."""
    return event.get("event") == "user" and not is_external(event)


def conversation_channel(events: Iterable[Mapping[str, Any]]) -> str | None:
    """The channel a conversation belongs to: the one of its first patient message.

    Args:
        events: Serialised tracker events, oldest first.

    Returns:
        The ``input_channel`` of the first patient message; without one (a session
        opened by a reminder), the channel a trigger was sent to; else ``None``.
    """
    triggered: str | None = None
    for event in events:
        if event.get("event") != "user":
            continue
        channel = event.get("input_channel")
        if not channel:
            continue
        if not is_external(event):
            return str(channel)
        if triggered is None and channel not in (_COLLECTOR, LATEST_CHANNEL):
            triggered = str(channel)
    return triggered


def conversation_path(conversation_id: str, endpoint: str) -> str:
    """The encoded path of a conversation's endpoint, e.g. ``trigger_intent``.

    Args:
        conversation_id: The Rasa sender id (kept as written, see ``_PATH_SAFE``).
        endpoint: ``trigger_intent`` or ``tracker``.

    Returns:
        ``/conversations/<id>/<endpoint>``, already percent-encoded.
    """
    return f"/conversations/{quote(conversation_id, safe=_PATH_SAFE)}/{endpoint}"


def trigger_request(
    conversation_id: str, channel: str, token: str
) -> tuple[str, dict[str, str]]:
    """The path and query of a trigger on the patient's own channel.

    Args:
        conversation_id: The patient's Rasa sender id.
        channel: The channel stored for the patient (``Patient.channel``).
        token: Rasa's ``--auth-token``.

    Returns:
        ``(path, query)``; the body is one of the ``*_payload`` functions.

    Raises:
        ValueError: If the channel is empty or ``latest``.
    """
    if not channel or channel == LATEST_CHANNEL:
        raise ValueError("a trigger names the patient's own channel")
    query = {
        "output_channel": channel,
        "include_events": "NONE",  # Rasa answers with the tracker: keep it empty
        "token": token,
    }
    return conversation_path(conversation_id, "trigger_intent"), query


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
