"""A patient's conversation as the staff read it: who said what, and when.

Made from Rasa's tracker events. Triggers (reminders, staff replies: external events)
are not the patient writing and are left out; what Hygie said because of them is
kept. A trigger is known by everything only Rasa's ``trigger_intent`` writes (its
``EXTERNAL_…`` intent, text and flag; the channels drop client metadata), so neither
a client's ``{"is_external": true}`` nor a typed word the NLU reads as an
``EXTERNAL_…`` intent hides a message (:func:`…delivery_contract.is_patient_message`). A button's payload is
shown as the button's title, as the patient saw it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from actions.services.delivery_contract import is_patient_message

# The most recent lines shown: a long conversation stays readable.
MAX_LINES = 500


@dataclass(frozen=True)
class Line:
    """One message of the conversation.

    Attributes:
        speaker: ``"patient"`` or ``"hygie"``.
        text: What was written.
        at: When (aware UTC), if Rasa dated it.
    """

    speaker: str
    text: str
    at: datetime | None


def transcript(events: Iterable[Mapping[str, Any]]) -> list[Line]:
    """Turn tracker events into the conversation's lines, oldest first.

    Args:
        events: Serialised tracker events (Rasa's ``GET …/tracker``).

    Returns:
        The patient's messages and Hygie's, the last :data:`MAX_LINES` at most.
    """
    lines: list[Line] = []
    buttons: list[Mapping[str, Any]] = []
    for event in events:
        kind = event.get("event")
        if kind == "bot":
            data = event.get("data") or {}
            buttons = data.get("buttons") or data.get("quick_replies") or []
            text = event.get("text") or ""
            if text:
                lines.append(Line("hygie", text, _instant(event)))
        elif kind == "user" and is_patient_message(event):
            text = event.get("text") or ""
            if text.startswith("/"):
                # A button click, or the chat page's automatic /greet (not shown).
                text = _button_title(buttons, text) or ""
            if text:
                lines.append(Line("patient", text, _instant(event)))
    return lines[-MAX_LINES:]


def _button_title(buttons: list[Mapping[str, Any]], payload: str) -> str | None:
    for button in buttons:
        if button.get("payload") == payload:
            return button.get("title")
    return None


def _instant(event: Mapping[str, Any]) -> datetime | None:
    timestamp = event.get("timestamp")
    if not isinstance(timestamp, (int, float)):
        return None
    return datetime.fromtimestamp(timestamp, tz=timezone.utc)
