"""The web chat's socket.io channel: only the chat page may connect, only to its own
conversations.

Rasa's stock ``socketio`` channel accepts any origin (``cors_allowed_origins=[]``
turns Engine.IO's check off), any session id and any text. This one keeps its name,
URL and events (the chat page and ``Patient.channel`` values stay the same) but:

- accepts a connection only with an ``Origin`` of ``HYGIE_WEBCHAT_ORIGINS``
  (comma-separated; default the page of ``scripts/run.sh``: ``http://localhost:8080``
  and ``http://127.0.0.1:8080``); another origin, or none, is refused;
- confirms a session only for an id shaped like the page's (32 hex digits, 128 random
  bits) whose conversation no other channel owns, and takes a message only for the
  session confirmed on that socket; anything else is ignored with a warning;
- reads typed text as text and a click (``"click": true``) as its button
  (:mod:`connectors.patient_input`), and drops client metadata;
- answers a message over 2,000 characters with the same words as the REST channel
  (nothing reaches Rasa), and removes control characters.
"""

from __future__ import annotations

import logging
import os
import re
import uuid
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from connectors.conversation_owner import owning_channel
from connectors.patient_input import CLICK_KEY, clickable_intents, patient_text
from connectors.rest_channel import MAX_MESSAGE_CHARS, clean_message, safety_line, too_long_text

logger = logging.getLogger(__name__)

ORIGINS_ENV = "HYGIE_WEBCHAT_ORIGINS"
DEFAULT_ORIGINS = ("http://localhost:8080", "http://127.0.0.1:8080")
SESSION_ID = re.compile(r"^[0-9a-f]{32}$")


def allowed_origins() -> List[Text]:
    """The chat page's origins, from ``HYGIE_WEBCHAT_ORIGINS`` or the defaults."""
    configured = os.environ.get(ORIGINS_ENV, "")
    origins = [o.strip().rstrip("/") for o in configured.split(",") if o.strip()]
    return origins or list(DEFAULT_ORIGINS)


class _AppBlueprint(SocketBlueprint):
    """Rasa's socket.io blueprint that also tells the channel its Sanic app."""

    def __init__(self, on_register: Callable[[Sanic], None], *args: Any) -> None:
        super().__init__(*args)
        self.ctx.on_register = on_register

    def register(self, app: Sanic, options: Dict[Text, Any]) -> None:
        """Attach Socket.IO to the app and remember the app (its agent)."""
        self.ctx.on_register(app)
        super().register(app, options)


class WebChatInput(SocketIOInput):
    """Rasa's socket.io channel, for the chat page's origins and conversations only."""

    @classmethod
    def name(cls) -> Text:
        """Keeps the stock name: the output channel the worker names for the page."""
        return "socketio"

    def _agent(self) -> Any:
        app = getattr(self, "_app", None)
        return getattr(app.ctx, "agent", None) if app is not None else None

    def _remember(self, app: Sanic) -> None:
        self._app = app

    async def _may_open(self, session_id: Text) -> bool:
        owner = await owning_channel(self._agent(), session_id)
        if owner not in (None, self.name()):
            logger.warning("socketio.refused another_channel=%s", owner)
            return False
        return True

    def _clickable(self) -> Optional[frozenset]:
        domain = getattr(self._agent(), "domain", None)
        return clickable_intents(domain.intents) if domain else None

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """The socket.io server, with the checks above."""
        origins = allowed_origins()
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=origins)
        webhook = _AppBlueprint(
            self._remember, sio, self.socketio_path, "socketio_webhook", __name__
        )
        self.sio = sio

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict]) -> bool:
            # Engine.IO refuses a foreign Origin; a missing one is refused here.
            origin = (environ.get("HTTP_ORIGIN") or "").rstrip("/")
            if origin not in origins:
                logger.warning("socketio.refused origin=%r", origin[:100])
                return False
            return True

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Any) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = data.get("session_id") or uuid.uuid4().hex
            if not isinstance(session_id, str) or not SESSION_ID.match(session_id):
                logger.warning("socketio.refused malformed_session_id")
                await sio.disconnect(sid, namespace=self.namespace)
                return
            if not await self._may_open(session_id):
                await sio.disconnect(sid, namespace=self.namespace)
                return
            await sio.save_session(sid, {"session_id": session_id}, self.namespace)
            if self.session_persistence:
                sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any) -> None:
            if not isinstance(data, dict) or not isinstance(data.get("message"), str):
                return
            confirmed = (await sio.get_session(sid, self.namespace)).get("session_id")
            if confirmed is None or data.get("session_id") not in (None, confirmed):
                logger.warning("socketio.ignored message_outside_its_session")
                return
            if not await self._may_open(confirmed):
                return
            if len(data["message"]) > MAX_MESSAGE_CHARS:  # the page allows 2,000
                answer = {"text": f"{too_long_text()} {safety_line()}"}
                await sio.emit(self.bot_message_evt, answer, room=sid, namespace=self.namespace)
                return
            message = clean_message(data["message"])
            text = patient_text(message, data.get(CLICK_KEY) is True, self._clickable())
            if not text:
                return
            sender_id = confirmed if self.session_persistence else sid
            output = SocketIOOutput(sio, self.bot_message_evt)
            await on_new_message(
                UserMessage(text, output, sender_id, input_channel=self.name())
            )

        return webhook
