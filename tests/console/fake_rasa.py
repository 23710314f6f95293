"""A fake Rasa for the console's tests: the worker tests' fake, plus a conversation.

:class:`ConversationRasa` answers ``GET …/tracker`` with the events given to
:meth:`ConversationRasa.say` (what the patient and Hygie said), followed by the
triggers it accepted, as Rasa records them. It runs in its own thread, so both the
async app tests and the browser test (a console in a subprocess) can use it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.actions.fake_rasa import TOKEN, Call, FakeRasa, external_event

__all__ = ["TOKEN", "Call", "ConversationRasa", "bot", "user"]


def user(text: str, at: float, channel: str = "socketio") -> dict[str, Any]:
    """A message from the patient, as Rasa serialises it."""
    return {
        "event": "user",
        "timestamp": at,
        "text": text,
        "input_channel": channel,
        "parse_data": {"intent": {"name": "inform"}, "entities": []},
        "metadata": {},
    }


def bot(text: str, at: float, buttons: list | None = None) -> dict[str, Any]:
    """A message from Hygie, as Rasa serialises it."""
    return {"event": "bot", "timestamp": at, "text": text, "data": {"buttons": buttons}}


@dataclass
class ConversationRasa(FakeRasa):
    """The fake Rasa, with a scripted conversation per sender id."""

    conversations: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    _said: threading.Lock = field(default_factory=threading.Lock)

    def say(self, conversation_id: str, *events: dict[str, Any]) -> None:
        """Add events to a conversation's tracker."""
        with self._said:
            self.conversations.setdefault(conversation_id, []).extend(events)

    def triggers(self) -> list[Call]:
        """Every trigger_intent call processed, in order."""
        with self._lock:
            return list(self.calls)

    async def _tracker(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return web.json_response({"reason": "NotAuthenticated"}, status=401)
        if self.tracker_status != 200:
            return web.json_response({}, status=self.tracker_status)
        conversation = request.match_info["conversation"]
        with self._said:
            events = list(self.conversations.get(conversation, []))
        with self._lock:
            self.tracker_reads += 1
            events += [
                external_event(call.name, call.entities, call.answered_at)
                for call in self.calls
                if call.conversation_id == conversation and 200 <= call.status < 300
            ]
        return web.json_response({"sender_id": conversation, "events": events})
